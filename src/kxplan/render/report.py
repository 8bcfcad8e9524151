"""`kxplan report`: one unit's period, a row per target and a column per year."""

from __future__ import annotations

from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.engine.history import History, Row
from kxplan.model.status import DEFAULT_FAIL_ON
from kxplan.render import Format, View, write_bytes
from kxplan.render.blocks import markdown_problems, markdown_table, rich_problems
from kxplan.render.common import legend, unit_name, value_cell
from kxplan.render.describe import NO_VALUE, explain, json_number, rule_for, shown, target_name
from kxplan.render.jsontext import write_json
from kxplan.render.markdown import escape
from kxplan.render.spark import sparkline
from kxplan.text import tr


def heading(history: History, lang: str) -> str:
    unit, plan = unit_name(history.unit, lang), history.plan
    span = f"{plan.base_year}—{history.last}"
    return tr("report-heading", lang, unit=unit, span=span, plan=plan.name(lang))


def header(history: History, lang: str) -> list[str]:
    return [
        tr("head-target", lang),
        tr("head-rule", lang),
        tr("head-base", lang, year=history.plan.base_year),
        *[str(year) for year in history.years],
        tr("head-trend", lang),
        tr("head-status-in", lang, year=history.last),
    ]


def row_rule(row: Row, lang: str) -> str:
    """The rule as it applies to the unit: its own threshold where it has one (SPEC §7)."""
    return rule_for(row.target, row.indicator, list(row.results.values()), lang)


def cells(row: Row, lang: str, years: list[int] | None = None) -> list[str]:
    """The row as text: name, rule, base value, glyph and value per year (of `years`, blank where
    the target gives no result; the row's own years by default), trend, latest status."""
    years = sorted(row.results) if years is None else years
    latest = row.latest.status
    return [
        target_name(row.target, row.indicator, lang),
        row_rule(row, lang),
        shown(row.base, lang) if row.base is not None else NO_VALUE,
        *[
            value_cell(result, lang) if result is not None else NO_VALUE
            for result in row.by_year(years)
        ],
        sparkline(row.values()),
        f"{latest.glyph} {latest.label(lang)}",
    ]


def attention(history: History) -> list[Row]:
    return [row for row in history.rows if row.latest.status in DEFAULT_FAIL_ON]


def notes(history: History, lang: str) -> list[str]:
    lines = []
    if history.missing_years:
        years = tr("list-comma", lang).join(str(y) for y in history.missing_years)
        lines.append(tr("report-no-file-years", lang, years=years))
    if history.invalid_files:  # named as the files are, whatever the language
        lines.append(tr("invalid-line", lang, files=", ".join(history.invalid_files)))
    return lines


def render_table(history: History, view: View, out: TextIO) -> None:
    from rich.text import Text

    from kxplan.render.terminal import Grid, console, say, say_attention, show

    lang = view.lang
    con = console(out, view)
    say(con, heading(history, lang), style="bold")
    headers = header(history, lang)
    table = Grid(headers, key=(0, 1, len(headers) - 1))  # the name, rule and latest status
    for row in history.rows:
        texts = cells(row, lang, history.years)
        styled = [Text(text) for text in texts[:3]]
        styled += [
            Text(text, style=result.status.style if result is not None else "")
            for text, result in zip(texts[3:-2], row.by_year(history.years), strict=True)
        ]
        styled += [Text(texts[-2]), Text(texts[-1], style=row.latest.status.style)]
        table.add(*styled)
    show(con, table, view)
    say(con, legend(lang), style="dim")
    colon = tr("colon", lang)
    lines = [
        (row.latest.status, target_name(row.target, row.indicator, lang) + colon + why)
        for row in attention(history)
        for why in [explain(row.latest, lang)]
    ]
    say_attention(con, lines, lang)
    for note in notes(history, lang):
        say(con, note)
    rich_problems(con, history.problems, lang)


def render_markdown(history: History, lang: str, out: TextIO) -> None:
    out.write(f"## {escape(heading(history, lang))}\n\n")
    markdown_table(
        out, header(history, lang), (cells(row, lang, history.years) for row in history.rows)
    )
    out.write(f"\n{legend(lang)}\n\n")
    needing = attention(history)
    if needing:
        out.write(f"### {tr('needs-attention', lang)}\n\n")
        for row in needing:
            name = target_name(row.target, row.indicator, lang)
            status = row.latest.status.label(lang)
            why = escape(explain(row.latest, lang))
            said = tr("in-brackets", lang, text=status) + tr("colon", lang)
            out.write(f"- **{escape(name)}**{said}{why}\n")
        out.write("\n")
    for line in notes(history, lang):
        out.write(f"{escape(line)}\n\n")
    markdown_problems(out, history.problems, lang)


def document(history: History, lang: str) -> dict[str, Any]:
    plan, unit = history.plan, history.unit
    return {
        "plan": {"id": plan.info.id, "name": plan.info.name, "period": list(plan.info.period)},
        "unit": unit.name,
        "unit_code": unit.code,
        "level": unit.level,
        "base_year": plan.base_year,
        "years": history.years,
        "rows": [_row_json(row, lang) for row in history.rows],
        "missing_years": history.missing_years,
        "invalid_files": history.invalid_files,
        "problems": [problem.as_json() for problem in history.problems],
    }


def _row_json(row: Row, lang: str) -> dict[str, Any]:
    target, latest = row.target, row.latest
    return {
        "target": target.id,
        "indicator": target.indicator,
        "kind": target.kind.value,
        "name": target_name(target, row.indicator, lang),
        "rule": row_rule(row, lang),
        "clause": target.clause,
        "base": json_number(row.base),
        "by_year": {
            str(year): {
                "value": json_number(result.value),
                "status": result.status.value,
                "expected": json_number(result.expected),
                "progress_ratio": json_number(result.progress_ratio),
            }
            for year, result in row.results.items()
        },
        "trend": sparkline(row.values()),
        "latest": {
            "year": latest.year,
            "status": latest.status.value,
            "message": explain(latest, lang),
        },
    }


def render_json(history: History, lang: str, out: TextIO) -> None:
    write_json(document(history, lang), out)
    out.write("\n")


Shown = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]  # what `--format` takes
Formats = Literal[Shown, Format.XLSX]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(history: History, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TABLE:
            render_table(history, view, out)
        case Format.JSON:
            render_json(history, view.lang, out)
        case Format.MARKDOWN:
            render_markdown(history, view.lang, out)
        case Format.XLSX:
            from kxplan.render.xlsx.report import workbook

            write_bytes(out, workbook(history, view.lang))
        case _:
            assert_never(fmt)


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's, every key as always."""
    return {
        "plan": None,
        "unit": None,
        "unit_code": None,
        "level": None,
        "base_year": None,
        "years": [],
        "rows": [],
        "missing_years": [],
        "invalid_files": [],
        "problems": [],
    }
