"""`kxplan check -o FILE.xlsx`: a summary sheet, the targets × units matrix, every result."""

from __future__ import annotations

from typing import Any

from kxplan.engine.evaluation import Evaluation
from kxplan.model.status import Status
from kxplan.render.common import (
    grid,
    invalid_line,
    missing_line,
    shown_targets,
    summary_line,
    unit_name,
)
from kxplan.render.describe import explain, rule, target_name
from kxplan.text.messages import pick
from kxplan.xlsx.cells import evidence, ratio, result_cell, threshold, value_cell
from kxplan.xlsx.formats import YEAR
from kxplan.xlsx.sheet import (
    Item,
    Styled,
    fit,
    legend,
    line_of_text,
    new_book,
    print_setup,
    problems_sheet,
    put,
    status_cell,
    table,
    title,
    to_bytes,
)


def workbook(evaluation: Evaluation, lang: str) -> bytes:
    book = new_book()
    _summary(book, evaluation, lang)
    _matrix(book, evaluation, lang)
    _details(book, evaluation, lang)
    problems_sheet(book, evaluation.problems, lang)
    return to_bytes(book)


def _heading(evaluation: Evaluation, lang: str) -> str:
    name = evaluation.plan.name(lang)
    return pick(
        f"{name} — {evaluation.year} 年目标完成情况",
        f"{name} — compliance in {evaluation.year}",
        lang,
    )


def _summary(book: Any, evaluation: Evaluation, lang: str) -> None:
    sheet = book.create_sheet(pick("汇总", "Summary", lang))
    top = title(sheet, _heading(evaluation, lang), summary_line(evaluation, lang))
    headers = [
        pick("单位", "Unit", lang),
        pick("代码", "Code", lang),
        pick("结果数", "Results", lang),
    ]
    headers += [status.label(lang) for status in Status]
    rows: list[list[Item]] = []
    for unit in evaluation.units:
        mine = [r.status for r in evaluation.results if r.unit == unit]
        if not mine:
            continue
        counts = [mine.count(status) or None for status in Status]
        rows.append([unit_name(unit, lang), unit.code, len(mine), *counts])
    totals = evaluation.summary()
    total: list[Item] = [
        Styled(pick("合计", "Total", lang), bold=True),
        None,
        Styled(len(evaluation.results), bold=True),
        *[Styled(totals[status] or None, bold=True) for status in Status],
    ]
    last = table(sheet, top, headers, rows, total=total)
    for column, status in enumerate(Status, 4):
        put(sheet, top, column, Styled(status.label(lang), status=status, bold=True))
    row = legend(sheet, last + 2, 1, lang) + 1
    fit(sheet, top, row)
    for line in (missing_line(evaluation, lang), invalid_line(evaluation, lang)):
        if line:
            line_of_text(sheet, row, line)
            row += 1
    if evaluation.problems:
        text = pick(
            f"数据问题 {len(evaluation.problems)} 个，见“数据问题”表",
            f"{len(evaluation.problems)} data problem(s): see the sheet “Data problems”",
            lang,
        )
        line_of_text(sheet, row, text)
    print_setup(sheet, f"{top}:{top}", lang)


def _matrix(book: Any, evaluation: Evaluation, lang: str) -> None:
    plan = evaluation.plan
    sheet = book.create_sheet(pick("对照表", "Matrix", lang))
    top = title(sheet, _heading(evaluation, lang), summary_line(evaluation, lang))
    headers = [
        pick("序号", "No.", lang),
        pick("目标", "Target", lang),
        pick("规则", "Rule", lang),
        pick("条款", "Clause", lang),
        *[unit_name(unit, lang) for unit in evaluation.units],
    ]
    cells = grid(evaluation)
    rows: list[list[Item]] = []
    for number, target in enumerate(shown_targets(evaluation), 1):
        indicator = plan.indicators[target.indicator]
        row: list[Item] = [
            number,
            target_name(target, indicator, lang),
            rule(target, indicator, lang),
            target.clause,
        ]
        for unit in evaluation.units:
            result = cells.get((target.id, unit.code))
            row.append(result_cell(result, lang) if result else None)
        rows.append(row)
    last = table(sheet, top, headers, rows, freeze_columns=2)
    fit(sheet, top, legend(sheet, last + 2, 2, lang))
    print_setup(sheet, f"{top}:{top}", lang)


# Read from the left: what, where, how it stands and why; identifiers last.
_DETAIL_HEADERS = (
    ("目标", "Target"),
    ("单位", "Unit"),
    ("状态", "Status"),
    ("值", "Value"),
    ("规则", "Rule"),
    ("目标值", "Threshold"),
    ("期限", "Deadline"),
    ("基期值", "Base value"),
    ("序时目标值", "Expected"),
    ("进度比", "Progress ratio"),
    ("说明", "Explanation"),
    ("数据来源", "Source"),
    ("备注", "Note"),
    ("文件", "File"),
    ("行", "Line"),
    ("条款", "Clause"),
    ("目标编号", "Target id"),
    ("单位代码", "Unit code"),
)


def _details(book: Any, evaluation: Evaluation, lang: str) -> None:
    sheet = book.create_sheet(pick("明细", "Details", lang))
    top = title(sheet, _heading(evaluation, lang))
    headers = [pick(zh, en, lang) for zh, en in _DETAIL_HEADERS]
    rows: list[list[Item]] = []
    for result in evaluation.results:
        target = result.target
        source, note = evidence(result, lang)
        last_seen = result.evidence[-1] if result.evidence else None
        rows.append(
            [
                target_name(target, result.indicator, lang),
                unit_name(result.unit, lang),
                status_cell(result.status, lang),
                value_cell(result, lang),
                rule(target, result.indicator, lang),
                threshold(target, lang),
                Styled(target.deadline, fmt=YEAR),
                result.baseline,
                result.expected,
                ratio(result.progress_ratio),
                Styled(explain(result, lang), wrap=True),
                Styled(source, wrap=True),
                Styled(note, wrap=True),
                last_seen.file if last_seen else None,
                Styled(last_seen.line if last_seen else None, fmt=YEAR),
                target.clause,
                target.id,
                result.unit.code,
            ]
        )
    table(sheet, top, headers, rows, freeze_columns=2)
    fit(sheet, top, fixed={"K": 36, "L": 30, "M": 30})  # explanation, source, note
    print_setup(sheet, f"{top}:{top}", lang)
