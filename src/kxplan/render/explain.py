"""`kxplan explain`: the audit trail as plain text or JSON (data text is never markup)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from kxplan.engine.audit import Audit, Input
from kxplan.model.plan import Kind
from kxplan.render.common import unit_name
from kxplan.render.describe import gap_words, json_number, measure, rule, shown, target_name
from kxplan.text.messages import pick
from kxplan.text.printable import printable

_KINDS: dict[Kind, tuple[str, str]] = {
    Kind.ANNUAL: ("逐年达标：每年的值与目标值比较", "every year's value against the threshold"),
    Kind.DEADLINE: (
        "期末达到：截止年前按基期值到目标值的直线轨迹（序时进度）判断",
        "reach it by the deadline; earlier years against the straight line from the base value",
    ),
    Kind.CUMULATIVE: (
        "期内累计：逐年值之和，截止年前按时间比例（序时进度）判断",
        "the sum of the yearly values; earlier years against the time-proportional share",
    ),
    Kind.GROWTH: ("逐年增长：同比增长率与目标值比较", "year-on-year growth against the threshold"),
    Kind.MONITOR: (
        "仅监测：记录数值，不设目标值",
        "monitored: the value is recorded, no threshold",
    ),
}


def _brackets(text: str, lang: str) -> str:
    return pick(f"（{text}）", f" ({text})", lang)


def render_text(found: Audit, lang: str, out: TextIO) -> None:
    result = found.result
    target, unit = result.target, result.unit
    name = target_name(target, result.indicator, lang)
    status = f"{result.status.glyph} {result.status.label(lang)}"
    lines = [
        f"{pick('目标', 'Target', lang)}  {target.id}  {name}",
        f"{pick('单位', 'Unit', lang)}  {unit_name(unit, lang)}{_brackets(unit.code, lang)}",
        f"{pick('年度', 'Year', lang)}  {result.year}",
        f"{pick('状态', 'Status', lang)}  {status}",
        "",
        f"{pick('规划原文', 'The plan', lang)}{_brackets(target.clause, lang)}",
        f"  “{target.quote}”" if target.quote else pick("  （未引用原文）", "  (no quote)", lang),
        f"{pick('规则', 'Rule', lang)}  {rule(target, result.indicator, lang)}",
        f"{pick('类型', 'Kind', lang)}  {target.kind.value} — {pick(*_KINDS[target.kind], lang)}",
        "",
        pick("输入数据", "Inputs", lang),
    ]
    if not found.inputs:
        lines.append(pick("  （无）", "  (none)", lang))
    for item in found.inputs:
        lines.extend(_input_lines(item, found, lang))
    if found.gaps:
        lines.append(pick("缺少的数据", "Missing", lang))
        for gap in found.gaps:
            where = f"  {gap.file}" if gap.file else ""
            why = gap_words(gap, found.result.indicator, lang)
            lines.append(f"  {gap.year}  {unit_name(gap.unit, lang)}  {why}{where}")
    lines.append("")
    lines.append(pick("计算过程", "Steps", lang))
    lines.extend(f"  {number}. {step}" for number, step in enumerate(found.steps, 1))
    out.write("\n".join(lines) + "\n")


def _input_lines(item: Input, found: Audit, lang: str) -> list[str]:
    observation = item.observation
    raw = observation.value
    value = shown(raw if isinstance(raw, bool) else observation.exact, lang)
    who = unit_name(item.unit, lang) if item.unit else ""
    place = f"{observation.file}:{observation.line}" if observation.line else observation.file
    unit_of_measure = measure(found.result.indicator, lang, raw)
    lines = [f"  {item.year}  {who}  {value}{unit_of_measure}  {place}"]
    indent = "\n" + " " * 8
    if observation.source:
        source = printable(observation.source, newline=indent)
        lines.append(f"        {pick('来源：', 'source: ', lang)}{source}")
    if observation.note:
        note = printable(observation.note, newline=indent)
        lines.append(f"        {pick('说明：', 'note: ', lang)}{note}")
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
        "rule": rule(target, result.indicator, lang),
        "kind": target.kind.value,
        "value": json_number(result.value),
        "inputs": [
            {
                "year": item.year,
                "unit": item.unit.name if item.unit else None,
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
        "steps": found.steps,
        "instruction": pick(target.hint, target.hint_en, lang) if target.hint else None,
    }


def render_json(found: Audit, lang: str, out: TextIO) -> None:
    json.dump(document(found, lang), out, ensure_ascii=False, indent=2)
    out.write("\n")
