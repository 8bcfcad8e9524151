"""`kxplan explain`'s audit trail in each of its formats: plain text or JSON (data text is
never markup)."""

from __future__ import annotations

from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.engine.trail import Audit, Input
from kxplan.model.plan import Kind
from kxplan.render import Format, View
from kxplan.render.common import unit_name
from kxplan.render.describe import (
    full_rule,
    gap_words,
    json_number,
    measure,
    rule_for,
    shown,
    target_name,
)
from kxplan.render.jsontext import write_json
from kxplan.render.trail import steps_in_words
from kxplan.text import in_lang, tr
from kxplan.text.printable import printable

_KINDS: dict[Kind, str] = {
    Kind.ANNUAL: "explain-kind-annual",
    Kind.DEADLINE: "explain-kind-deadline",
    Kind.CUMULATIVE: "explain-kind-cumulative",
    Kind.GROWTH: "explain-kind-growth",
    Kind.MONITOR: "explain-kind-monitor",
    Kind.AVERAGE_GROWTH: "explain-kind-average-growth",
}


def _brackets(text: str, lang: str) -> str:
    return tr("in-brackets", lang, text=text)


def render_text(found: Audit, lang: str, out: TextIO) -> None:
    result = found.result
    target, unit = result.target, result.unit
    name = target_name(target, result.indicator, lang)
    status = f"{result.status.glyph} {result.status.label(lang)}"
    lines = [
        f"{tr('head-target', lang)}  {target.id}  {name}",
        f"{tr('head-unit', lang)}  {unit_name(unit, lang)}{_brackets(unit.code, lang)}",
        f"{tr('head-year', lang)}  {result.year}",
        f"{tr('head-status', lang)}  {status}",
        "",
        f"{tr('explain-plan-words', lang)}{_brackets(target.clause, lang)}",
        f"  “{target.quote}”" if target.quote else f"  {tr('explain-no-quote', lang)}",
        f"{tr('head-rule', lang)}  {full_rule(target, result.indicator, [result], lang)}",
        f"{tr('head-kind', lang)}  {target.kind.value} — {tr(_KINDS[target.kind], lang)}",
        "",
        tr("explain-inputs", lang),
    ]
    if not found.inputs:
        lines.append(f"  {tr('explain-none', lang)}")
    for item in found.inputs:
        lines.extend(_input_lines(item, found, lang))
    if found.gaps:
        lines.append(tr("explain-missing", lang))
        for gap in found.gaps:
            where = f"  {gap.file}" if gap.file else ""
            why = gap_words(gap, found.result.indicator, lang)
            lines.append(f"  {gap.year}  {unit_name(gap.unit, lang)}  {why}{where}")
    lines.append("")
    lines.append(tr("explain-steps", lang))
    lines.extend(f"  {count}. {step}" for count, step in enumerate(steps_in_words(found, lang), 1))
    if found.problems:
        lines.append("")
        lines.append(tr("heading-colon", lang, title=tr("data-problems", lang)))
        lines.extend(f"  {problem.as_line()}" for problem in found.problems)
    out.write("\n".join(lines) + "\n")


def _input_lines(item: Input, found: Audit, lang: str) -> list[str]:
    observation = item.observation
    raw = observation.value
    value = shown(raw if isinstance(raw, bool) else observation.exact, lang, found.result)
    who = unit_name(item.unit, lang) if item.unit else ""
    place = f"{observation.file}:{observation.line}" if observation.line else observation.file
    unit_of_measure = measure(item.indicator or found.result.indicator, lang, raw)
    figure = f"{value}{unit_of_measure}"
    if item.indicator is not None:  # an input of a derived indicator, or a weight
        figure = f"{item.indicator.id} {figure}"
    lines = [f"  {item.year}  {who}  {figure}  {place}"]
    indent = "\n" + " " * 8
    if observation.source:
        source = printable(observation.source, newline=indent)
        lines.append(f"        {tr('explain-source', lang)}{source}")
    if observation.note:
        note = printable(observation.note, newline=indent)
        lines.append(f"        {tr('explain-note', lang)}{note}")
    return lines


def document(found: Audit, lang: str) -> dict[str, Any]:
    result = found.result
    target = result.target
    return {
        "target": target.id,
        "name": target_name(target, result.indicator, lang),
        "unit": result.unit.name,
        "unit_code": result.unit.code,
        "year": result.year,
        "status": result.status.value,
        "clause": target.clause,
        "quote": target.quote,
        "rule": rule_for(target, result.indicator, [result], lang),
        "kind": target.kind.value,
        "value": json_number(result.value),
        "inputs": [
            {
                "year": item.year,
                "unit": item.unit.name if item.unit else None,
                "indicator": item.observation.indicator,
                "value": item.observation.value,
                "file": item.observation.file,
                "line": item.observation.line,
                "source": item.observation.source,
                "note": item.observation.note,
            }
            for item in found.inputs
        ],
        "missing": [
            {
                "year": gap.year,
                "unit": gap.unit.name,
                "gap": gap.gap.value,
                "file": gap.file,
                "message": gap_words(gap, result.indicator, lang),
            }
            for gap in found.gaps
        ],
        "steps": steps_in_words(found, lang),
        "instruction": in_lang(target.hint, target.hint_en, lang) if target.hint else None,
        "problems": [problem.as_json() for problem in found.problems],
    }


def render_json(found: Audit, lang: str, out: TextIO) -> None:
    write_json(document(found, lang), out)
    out.write("\n")


Formats = Literal[Format.TEXT, Format.JSON]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(found: Audit, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TEXT:
            render_text(found, view.lang, out)
        case Format.JSON:
            render_json(found, view.lang, out)
        case _:
            assert_never(fmt)


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's (its problems are added after)."""
    keys = ("target", "name", "unit", "unit_code", "year", "status", "clause", "quote", "rule")
    return {
        **dict.fromkeys(keys),
        "kind": None,
        "value": None,
        "inputs": [],
        "missing": [],
        "steps": [],
        "instruction": None,
        "problems": [],
    }
