"""`kxplan review`: the review table, its summary sentence, as text, markdown or JSON."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any, TextIO

from kxplan.engine.review import Review, ReviewRow, Stage
from kxplan.model.plan import Kind
from kxplan.model.status import Status
from kxplan.render import View
from kxplan.render.blocks import markdown_problems, markdown_table, rich_problems, rich_table
from kxplan.render.common import legend, unit_name, value_cell
from kxplan.render.describe import NO_VALUE, json_number, number, percent, rule, shown, target_name
from kxplan.render.markdown import escape
from kxplan.text.messages import pick

_STAGES: dict[Stage, tuple[str, str]] = {
    Stage.YEARLY: ("年度评估", "annual review"),
    Stage.MID_TERM: ("中期评估", "mid-term review"),
    Stage.FINAL: ("终期评估", "final review"),
}


def heading(review: Review, lang: str) -> str:
    zh, en = _STAGES[review.stage]
    name = review.plan.name(lang)
    return pick(f"{name} {zh}（{review.year}年）", f"{name}: {en} ({review.year})", lang)


def judged(review: Review) -> int:
    """Targets with a threshold: the denominator of the rate of targets met."""
    return sum(row.target.kind is not Kind.MONITOR for row in review.rows)


def sentence(review: Review, lang: str) -> str:
    """“25项指标中，提前实现1项、快于预期1项……” — the counts in the order reviews give them."""
    counts = [(status, n) for status, n in review.summary().items() if n]
    total = len(review.rows)
    if lang == "en":
        text = f"Of {total} targets: " + ", ".join(f"{n} {s.label('en')}" for s, n in counts)
    else:
        text = f"{total}项指标中，" + "、".join(f"{s.label('zh')}{n}项" for s, n in counts)
    if review.stage is Stage.FINAL and judged(review):
        rate = percent(Fraction(review.summary()[Status.MET], judged(review)))
        text += pick(f"；达标率 {rate}", f"; {rate} of the targets with a threshold met", lang)
    return text + pick("。", ".", lang)


def outlook(review: Review, lang: str) -> str | None:
    """How many of the targets not yet reached would be reached at the current pace."""
    projected = [row.progress.reaches for row in review.rows if row.progress.reaches is not None]
    if not projected:
        return None
    yes, no = projected.count(True), projected.count(False)
    return pick(
        f"按现有进度测算，尚未实现的 {len(projected)} 项中，"
        f"到期末可实现 {yes} 项、难以实现 {no} 项。",
        f"At the current pace, of the {len(projected)} targets not yet reached, {yes} would be "
        f"reached by the deadline and {no} would not.",
        lang,
    )


def lower_levels(review: Review, lang: str) -> str:
    """The plan's names of the levels below the top unit: 县区, or 市、县区 in a province."""
    plan = review.plan
    names = [pick(lv.name, lv.name_en, lang) for lv in plan.levels if lv.id != review.unit.level]
    return pick("、".join(names), ", ".join(names), lang) or pick("下级单位", "lower units", lang)


def lower_notes(review: Review, lang: str) -> list[str]:
    """How rows of lower units are judged, and for each target of both levels, what its row
    shows and what the summary counts."""
    levels = lower_levels(review, lang)
    notes = []
    lower = sum(bool(row.lower) and not row.both_levels for row in review.rows)
    if lower:
        notes.append(
            pick(
                f"其中 {lower} 项仅适用于{levels}，按最不利的单位计状态，并列出各状态的单位数。",
                f"{lower} targets apply at the {levels} level only: each takes its least "
                "favourable unit's status, with the number of units per status.",
                lang,
            )
        )
    top = unit_name(review.unit, lang)
    for number_, row in enumerate(review.rows, 1):
        if row.both_levels:
            name = target_name(row.target, row.indicator, lang)
            counted = row.overall.label(lang)
            notes.append(
                pick(
                    f"第 {number_} 项“{name}”同时适用于{top}和{levels}：行内为{top}本级的值和状态，"
                    f"{levels}情况列出各状态的单位数；汇总按全部单位中最不利的状态计为“{counted}”。",
                    f"No. {number_} “{name}” applies to {top} and at the {levels} level: the row "
                    f"gives {top}'s own values and status, the “By {levels}” column the number of "
                    f"units per status; the summary counts it as “{counted}”, the least "
                    "favourable status of all its units.",
                    lang,
                )
            )
    return notes


def header(review: Review, lang: str) -> list[str]:
    base = review.plan.base_year
    years = [str(y) for y in review.years]
    years[-1] = pick(f"{years[-1]}（最新）", f"{years[-1]} (latest)", lang)
    final = review.stage is Stage.FINAL
    return [
        pick("序号", "No.", lang),
        pick("指标", "Target", lang),
        pick("目标", "Rule", lang),
        pick(f"{base} 基期", f"{base} base", lang),
        *years,
        pick("完成率", "Completion", lang),
        *([] if final else [pick("序时进度", "Time elapsed", lang)]),
        pick("状态", "Status", lang),
        *([] if final else [pick("预计期末值", "Projected", lang)]),
        pick("差距" if final else "尚需", "Short by" if final else "Still needed", lang),
        pick(f"{lower_levels(review, lang)}情况", f"By {lower_levels(review, lang)}", lang),
    ]


def missed_text(row: ReviewRow, lang: str) -> str:
    """`2021、2022年未达标`: the years an every-year target was not met."""
    if not row.missed:
        return ""
    years = [str(year) for year in row.missed]
    return pick(f"{'、'.join(years)}年未达标", f"not met in {', '.join(years)}", lang)


def needed_text(row: ReviewRow, lang: str) -> str:
    if row.missed:
        return missed_text(row, lang)
    progress = row.progress
    if progress.shortfall is not None:
        return pick(
            f"差 {number(progress.shortfall)}", f"short by {number(progress.shortfall)}", lang
        )
    if progress.needed is None:
        return ""
    sign = "+" if row.target.kind is Kind.DEADLINE and progress.needed > 0 else ""
    amount = f"{sign}{number(progress.needed)}"
    return pick(f"年均 {amount}", f"{amount} a year", lang)


def counts_text(row: ReviewRow, lang: str) -> str:
    joiner = pick("、", ", ", lang)
    return joiner.join(
        pick(f"{status.label('zh')}{n}", f"{status.label('en')} {n}", lang)
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
        rule(row.target, row.indicator, lang),
        base_text(row, lang),
        *[year_text(row, year, lang) for year in review.years],
        "" if progress.completion is None else percent(progress.completion),
        *([] if final else [time_share]),
        f"{row.status.glyph} {row.status.label(lang)}",
        *([] if final else [projected]),
        needed_text(row, lang),
        counts_text(row, lang),
    ]


def every_year_note(review: Review, lang: str) -> str | None:
    """How targets set for each year are reviewed, when the review has any."""
    if not any(row.every_year for row in review.rows):
        return None
    first = review.plan.start
    return pick(
        f"每年目标（每年、年增长）按 {first}—{review.year} 年逐年评估：任一年未达标即计为未达标，"
        "并列出未达标的年份；各年数值前的符号为当年状态。",
        f"Targets set for each year (every year, yearly growth) are reviewed over {first}–"
        f"{review.year}: a year not met makes the target not met, and those years are listed; "
        "the glyph before each year's value is that year's status.",
        lang,
    )


def closing_lines(review: Review, lang: str) -> list[str]:
    lines = [sentence(review, lang)]
    lines += [line for line in (outlook(review, lang), every_year_note(review, lang)) if line]
    lines += lower_notes(review, lang)
    if review.missing_files:
        names = pick("、", ", ", lang).join(unit_name(u, lang) for u in review.missing_files)
        lines.append(pick(f"{review.year} 年未报送数据文件：{names}", f"No file: {names}", lang))
    if review.invalid_files:
        files = ", ".join(review.invalid_files)
        lines.append(pick(f"数据文件有误（按缺数据处理）：{files}", f"Invalid: {files}", lang))
    return lines


def render_table(review: Review, view: View, out: TextIO) -> None:
    from rich.text import Text

    from kxplan.render.terminal import console, fit, print_whole

    lang = view.lang
    con = console(out, view)
    headers = header(review, lang)
    table = rich_table(con, heading(review, lang), headers)
    status_at = headers.index(pick("状态", "Status", lang))
    for number_, row in enumerate(review.rows, 1):
        texts = [Text(text) for text in cells(review, number_, row, lang)]
        texts[status_at].stylize(row.status.style)
        table.add_row(*texts)
    # the target's name and rule, what is still needed and the counties' tally
    fit(con, table, wrapping=(1, 2, len(headers) - 2, len(headers) - 1))
    print_whole(con, table)
    con.print(Text(legend(lang), style="dim"))
    for line in closing_lines(review, lang):
        con.print(Text(line))
    rich_problems(con, review.problems, lang)


def render_markdown(review: Review, lang: str, out: TextIO) -> None:
    out.write(f"## {escape(heading(review, lang))}\n\n")
    out.write(f"{escape(sentence(review, lang))}\n\n")
    rows = (cells(review, number_, row, lang) for number_, row in enumerate(review.rows, 1))
    markdown_table(out, header(review, lang), rows)
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
        "rule": rule(target, row.indicator, lang),
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
    }


def render_json(review: Review, lang: str, out: TextIO) -> None:
    json.dump(document(review, lang), out, ensure_ascii=False, indent=2)
    out.write("\n")
