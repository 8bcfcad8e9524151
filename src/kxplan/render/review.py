"""`kxplan review`: the review table, its summary sentence, as text, markdown or JSON."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.engine.review import SUMMARY_ORDER, Review, ReviewRow, Stage, worst
from kxplan.engine.rules import Result
from kxplan.model.plan import Kind
from kxplan.model.status import DEFAULT_FAIL_ON, Status
from kxplan.render import Format, View, write_bytes
from kxplan.render.blocks import markdown_problems, markdown_table, rich_problems
from kxplan.render.common import legend, unit_name, value_cell
from kxplan.render.describe import (
    NO_VALUE,
    apart,
    explain,
    json_number,
    number,
    percent,
    rule,
    rule_for,
    shown,
    target_name,
)
from kxplan.render.jsontext import write_json
from kxplan.render.markdown import escape
from kxplan.text import in_lang, tr

_STAGES: dict[Stage, str] = {
    Stage.YEARLY: "stage-yearly",
    Stage.MID_TERM: "stage-mid-term",
    Stage.FINAL: "stage-final",
}


def heading(review: Review, lang: str) -> str:
    stage = tr(_STAGES[review.stage], lang)
    return tr("review-heading", lang, plan=review.plan.name(lang), stage=stage, year=review.year)


def judged(review: Review) -> int:
    """Targets with a threshold: the denominator of the rate of targets met."""
    return sum(row.target.kind is not Kind.MONITOR for row in review.rows)


def sentence(review: Review, lang: str) -> str:
    """“25项指标中，提前实现1项、快于预期1项……” — the counts in the order reviews give them."""
    counts = [(status, n) for status, n in review.summary().items() if n]
    counted = tr("list-comma", lang).join(
        tr("review-count", lang, label=s.label(lang), count=n) for s, n in counts
    )
    text = tr("review-sentence", lang, total=len(review.rows), counts=counted)
    if review.stage is Stage.FINAL and judged(review):
        rate = percent(Fraction(review.summary()[Status.MET], judged(review)))
        text += tr("review-rate", lang, rate=rate)
    return text + tr("full-stop", lang)


def outlook(review: Review, lang: str) -> str | None:
    """How many of the targets not yet reached would be reached at the current pace."""
    projected = [row.progress.reaches for row in review.rows if row.progress.reaches is not None]
    if not projected:
        return None
    yes, no = projected.count(True), projected.count(False)
    return tr("review-outlook", lang, count=len(projected), yes=yes, no=no)


def lower_levels(review: Review, lang: str) -> str:
    """The plan's names of the levels below the top unit: 县区, or 市、县区 in a province."""
    plan = review.plan
    names = [in_lang(lv.name, lv.name_en, lang) for lv in plan.levels if lv.id != review.unit.level]
    return tr("list-comma", lang).join(names) or tr("lower-units", lang)


def lower_notes(review: Review, lang: str) -> list[str]:
    """How rows of lower units are judged, and for each target of both levels, what its row
    shows and what the summary counts."""
    levels = lower_levels(review, lang)
    notes = []
    lower = sum(bool(row.lower) and not row.both_levels for row in review.rows)
    if lower:
        notes.append(tr("review-lower-only", lang, count=lower, levels=levels))
    top = unit_name(review.unit, lang)
    for number_, row in enumerate(review.rows, 1):
        if row.both_levels:
            name = target_name(row.target, row.indicator, lang)
            counted = row.overall.label(lang)
            notes.append(
                tr(
                    "review-both-levels",
                    lang,
                    number=number_,
                    name=name,
                    top=top,
                    levels=levels,
                    counted=counted,
                )
            )
    return notes


def header(review: Review, lang: str) -> list[str]:
    base = review.plan.base_year
    years = [str(y) for y in review.years]
    years[-1] = tr("head-latest-year", lang, year=years[-1])
    final = review.stage is Stage.FINAL
    return [
        tr("head-number", lang),
        tr("head-review-target", lang),
        tr("head-review-rule", lang),
        tr("head-base", lang, year=base),
        *years,
        tr("head-completion", lang),
        *([] if final else [tr("head-time-elapsed", lang)]),
        tr("head-status", lang),
        *([] if final else [tr("head-projected", lang)]),
        tr("head-short-by" if final else "head-still-needed", lang),
        tr("head-by-levels", lang, levels=lower_levels(review, lang)),
    ]


def row_rule(row: ReviewRow, lang: str) -> str:
    """The rule as it applies to the row's units: the top unit's own threshold, the target's
    noted where the units' differ (SPEC §7)."""
    judged = ([row.result] if row.result is not None else []) + row.lower
    return rule_for(row.target, row.indicator, judged, lang)


def missed_text(row: ReviewRow, lang: str) -> str:
    """`2021、2022年未达标`: the years an every-year target was not met."""
    if not row.missed:
        return ""
    years = tr("list-comma", lang).join(str(year) for year in row.missed)
    return tr("review-missed-years", lang, years=years)


def needed_text(row: ReviewRow, lang: str) -> str:
    if row.missed:
        return missed_text(row, lang)
    progress = row.progress
    if progress.shortfall is not None:
        # never `差 0` for a target not met
        amount = apart(progress.shortfall, (Fraction(0),))
        return tr("review-short-by", lang, amount=amount)
    if progress.needed is None:
        return ""
    sign = "+" if row.target.kind is Kind.DEADLINE and progress.needed > 0 else ""
    amount = f"{sign}{number(progress.needed)}"
    return tr("review-a-year", lang, amount=amount)


def counts_text(row: ReviewRow, lang: str) -> str:
    return tr("list-comma", lang).join(
        tr("review-lower-count", lang, label=status.label(lang), count=n)
        for status, n in row.lower_counts().items()
    )


def year_text(row: ReviewRow, year: int, lang: str) -> str:
    """The top unit's glyph and value that year (`✘ 95`), or how many lower units reached the
    threshold (`3/7`)."""
    if year in row.results:
        return value_cell(row.results[year], lang)
    if year in row.reached:
        return f"{row.reached[year]}/{len(row.lower)}"
    return ""


def base_text(row: ReviewRow, lang: str) -> str:
    """The top unit's base value, `—` when it has none; blank for a target of the lower units
    alone (their base values are theirs, not the top unit's)."""
    if row.result is None:
        return ""
    return NO_VALUE if row.base is None else shown(row.base, lang)


def cells(review: Review, number_: int, row: ReviewRow, lang: str) -> list[str]:
    """The row as text, column for column with `header` (the final review has no time
    elapsed or projection: every deadline has come)."""
    progress = row.progress
    final = review.stage is Stage.FINAL
    time_share = "" if progress.time_share is None else percent(progress.time_share)
    projected = "" if progress.projected is None else number(progress.projected)
    return [
        str(number_),
        target_name(row.target, row.indicator, lang),
        row_rule(row, lang),
        base_text(row, lang),
        *[year_text(row, year, lang) for year in review.years],
        "" if progress.completion is None else percent(progress.completion),
        *([] if final else [time_share]),
        f"{row.status.glyph} {row.status.label(lang)}",
        *([] if final else [projected]),
        needed_text(row, lang),
        counts_text(row, lang),
    ]


def attention(review: Review) -> list[tuple[ReviewRow, Result]]:
    """The lower units' results the row's counts hide that need attention — as check and
    report call it, a status in `DEFAULT_FAIL_ON` — for each target of the lower units: the
    review year's, and every earlier year's of a target set for each year (those years count
    in its status)."""
    found = []
    for row in review.rows:
        years = review.years if row.every_year else [review.year]
        results = [r for year in years for r in row.lower_years.get(year, [])]
        order = {unit.code: index for index, unit in enumerate(review.plan.tree_order)}
        results.sort(key=lambda r: (order[r.unit.code], r.year))
        found += [(row, r) for r in results if r.status in DEFAULT_FAIL_ON]
    return found


def attention_lines(review: Review, lang: str) -> list[tuple[Status, str]]:
    """One line per target and unit: the least favourable status of the results listed, the
    years, and why, in the words of the last of them (`科学家精神宣讲≥2次/年 @ 朝天区 2021、2024：
    1次；≥ 2次（每年）`); the plan's instruction is check's to give."""
    grouped: dict[tuple[str, str], list[tuple[ReviewRow, Result]]] = {}
    for row, result in attention(review):
        grouped.setdefault((row.target.id, result.unit.code), []).append((row, result))
    lines = []
    for found in grouped.values():
        row, last = found[-1]
        status = worst([result.status for _, result in found])
        name = target_name(row.target, row.indicator, lang)
        years = tr("list-comma", lang).join(str(result.year) for _, result in found)
        where = f"{name} @ {unit_name(last.unit, lang)} {years}{tr('colon', lang)}"
        lines.append((status, where + explain(last, lang, hint=False)))
    return lines


def units_text(row: ReviewRow, lang: str) -> str:
    """`达标：利州区、昭化区；未达标：朝天区` — which lower units have which status."""
    comma = tr("list-comma", lang)
    return tr("semicolon", lang).join(
        tr("review-units-of-status", lang, label=status.label(lang), units=comma.join(names))
        for status, names in (
            (status, [unit_name(unit, lang) for unit in units])
            for status, units in row.lower_units().items()
        )
    )


def row_units(review: Review, row: ReviewRow) -> list[tuple[Status, list[Result]]]:
    """Each lower unit of a row: its status as the row judges it, and its results of the years
    the row covers (every year so far for a target set for each year, else the review year)."""
    years = review.years if row.every_year else [review.year]
    found = [
        (status, [row.lower_years[year][index] for year in years if year in row.lower_years])
        for index, status in enumerate(row.lower_statuses)
    ]
    return [(status, results) for status, results in found if results]


def explain_row(review: Review, row: ReviewRow, lang: str) -> list[tuple[Status, str]]:
    """What `explain TARGET` says of a target of the lower units: each unit's status, the years
    that need attention and why, in the words of the last of them."""
    lines = []
    colon = tr("colon", lang)
    for status, results in row_units(review, row):
        listed = [result for result in results if result.status in DEFAULT_FAIL_ON]
        last = (listed or results)[-1]
        years = tr("list-comma", lang).join(str(result.year) for result in listed)
        head = unit_name(last.unit, lang) + (f" {years}" if years else "")
        lines.append((status, head + colon + explain(last, lang, hint=False)))
    return lines


def render_row(review: Review, row: ReviewRow, fmt: Format, lang: str, out: TextIO) -> None:
    """`explain TARGET` without `--county` for a target of the lower units: its review row."""
    years = (
        tr("explain-row-years", lang, first=review.plan.start, last=review.year)
        if row.every_year
        else tr("explain-row-year", lang, year=review.year)
    )
    if fmt is Format.JSON:
        body = {
            "target": row.target.id,
            "year": review.year,
            "years": review.years if row.every_year else [review.year],
            "status": row.status.value,
            "units": [
                {
                    "unit": results[-1].unit.name,
                    "unit_code": results[-1].unit.code,
                    "status": status.value,
                    "status_by_year": {str(r.year): r.status.value for r in results},
                    "message": explain(results[-1], lang),
                }
                for status, results in row_units(review, row)
            ],
        }
        write_json(body, out)
        out.write("\n")
        return
    from kxplan.render.terminal import fitted

    name = target_name(row.target, row.indicator, lang)
    said = [
        tr(
            "explain-row-heading",
            lang,
            name=name,
            rule=rule(row.target, row.indicator, lang),
            years=years,
        ),
        tr(
            "explain-row-status",
            lang,
            status=f"{row.status.glyph} {row.status.label(lang)}",
            counts=counts_text(row, lang),
        ),
    ]
    said += [
        f"  {status.glyph} {status.label(lang)}  {text}"
        for status, text in explain_row(review, row, lang)
    ]
    example = unit_name(row.lower[0].unit, lang) if row.lower else ""
    said.append(tr("explain-row-one", lang, id=row.target.id, year=review.year, example=example))
    for line in said:
        out.write("".join(part + "\n" for part in fitted(line, out)))


def every_year_note(review: Review, lang: str) -> str | None:
    """How targets set for each year are reviewed, when the review has any."""
    if not any(row.every_year for row in review.rows):
        return None
    return tr("review-every-year", lang, first=review.plan.start, last=review.year)


def closing_lines(review: Review, lang: str) -> list[str]:
    lines = [sentence(review, lang)]
    lines += [line for line in (outlook(review, lang), every_year_note(review, lang)) if line]
    lines += lower_notes(review, lang)
    if review.missing_files:
        names = tr("list-comma", lang).join(unit_name(u, lang) for u in review.missing_files)
        lines.append(tr("missing-line", lang, year=review.year, units=names))
    if review.invalid_files:  # named as the files are, whatever the language
        lines.append(tr("invalid-line", lang, files=", ".join(review.invalid_files)))
    return lines


def render_table(review: Review, view: View, out: TextIO) -> None:
    from rich.text import Text

    from kxplan.render.terminal import Grid, console, say, say_attention, show

    lang = view.lang
    con = console(out, view)
    headers = header(review, lang)
    say(con, heading(review, lang), style="bold")
    status_at = headers.index(tr("head-status", lang))
    table = Grid(headers, key=(0, 1, 2, status_at), tail=2)  # what is needed, the counties
    for number_, row in enumerate(review.rows, 1):
        texts = [Text(text) for text in cells(review, number_, row, lang)]
        texts[status_at].stylize(row.status.style)
        table.add(*texts)
    show(con, table, view)
    say(con, legend(lang), style="dim")
    say_attention(con, attention_lines(review, lang), lang)
    for closing in closing_lines(review, lang):
        say(con, closing)
    rich_problems(con, review.problems, lang)


def render_markdown(review: Review, lang: str, out: TextIO) -> None:
    out.write(f"## {escape(heading(review, lang))}\n\n")
    out.write(f"{escape(sentence(review, lang))}\n\n")
    rows = (cells(review, number_, row, lang) for number_, row in enumerate(review.rows, 1))
    markdown_table(out, header(review, lang), rows)
    out.write("\n")
    needing = attention(review)
    if needing:
        out.write(f"### {tr('needs-attention', lang)}\n\n")
        for status, text in attention_lines(review, lang):
            out.write(f"- {status.glyph} {status.label(lang)}  {escape(text)}\n")
        out.write("\n")
    for line in closing_lines(review, lang)[1:]:
        out.write(f"{escape(line)}\n\n")
    out.write(f"{legend(lang)}\n")
    markdown_problems(out, review.problems, lang)


def document(review: Review, lang: str) -> dict[str, Any]:
    plan = review.plan
    return {
        "plan": {"id": plan.info.id, "name": plan.info.name, "period": list(plan.info.period)},
        "year": review.year,
        "stage": review.stage.value,
        "title": heading(review, lang),
        "unit": review.unit.name,
        "unit_code": review.unit.code,
        "summary": {status.value: n for status, n in review.summary().items()},
        "sentence": sentence(review, lang),
        "outlook": outlook(review, lang),
        "rows": [_row_json(row, review, lang) for row in review.rows],
        "attention": [
            {
                "target": row.target.id,
                "unit": result.unit.name,
                "unit_code": result.unit.code,
                "year": result.year,
                "status": result.status.value,
                "message": explain(result, lang),
            }
            for row, result in attention(review)
        ],
        "missing_files": [unit.name for unit in review.missing_files],
        "invalid_files": review.invalid_files,
        "problems": [problem.as_json() for problem in review.problems],
    }


def _row_json(row: ReviewRow, review: Review, lang: str) -> dict[str, Any]:
    target, progress = row.target, row.progress
    return {
        "target": target.id,
        "indicator": target.indicator,
        "kind": target.kind.value,
        "levels": list(target.levels),
        "name": target_name(target, row.indicator, lang),
        "rule": row_rule(row, lang),
        "clause": target.clause,
        "status": row.status.value,
        "summary_status": row.overall.value,
        "base": json_number(row.base),
        "by_year": {str(y): json_number(v) for y, v in row.by_year.items()},
        "status_by_year": {str(y): r.status.value for y, r in row.results.items()},
        "missed_years": row.missed,
        "latest": json_number(row.by_year.get(review.year)),
        "completion_rate": json_number(progress.completion),
        "time_progress": json_number(progress.time_share),
        "progress_ratio": json_number(progress.ratio),
        "expected": json_number(progress.expected),
        "pace": json_number(progress.pace),
        "projected": json_number(progress.projected),
        "reaches_at_current_pace": progress.reaches,
        "needed_per_year": json_number(progress.needed),
        "shortfall": json_number(progress.shortfall),
        "lower_units": len(row.lower),
        "lower_reached": {str(y): n for y, n in row.reached.items()},
        "lower_statuses": {status.value: n for status, n in row.lower_counts().items()},
        "units": {
            status.value: [unit.name for unit in units]
            for status, units in row.lower_units().items()
        },
    }


def render_json(review: Review, lang: str, out: TextIO) -> None:
    write_json(document(review, lang), out)
    out.write("\n")


Shown = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]  # what `--format` takes
Formats = Literal[Shown, Format.XLSX]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(review: Review, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TABLE:
            render_table(review, view, out)
        case Format.JSON:
            render_json(review, view.lang, out)
        case Format.MARKDOWN:
            render_markdown(review, view.lang, out)
        case Format.XLSX:
            from kxplan.render.xlsx.review import workbook

            write_bytes(out, workbook(review, view.lang))
        case _:
            assert_never(fmt)


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's, every key as always."""
    return {
        "plan": None,
        "year": None,
        "stage": None,
        "title": None,
        "unit": None,
        "unit_code": None,
        "summary": {status.value: 0 for status in SUMMARY_ORDER},
        "sentence": None,
        "outlook": None,
        "rows": [],
        "attention": [],
        "missing_files": [],
        "invalid_files": [],
        "problems": [],
    }
