"""`kxplan check -o FILE.xlsx`: a summary sheet, the targets × units matrix, every result."""

from __future__ import annotations

from kxplan.engine.evaluation import Evaluation
from kxplan.model.status import Status
from kxplan.render.common import (
    grid,
    invalid_line,
    missing_line,
    row_results,
    shown_targets,
    summary_line,
    unit_name,
)
from kxplan.render.describe import explain, rule_for, target_name
from kxplan.render.xlsx.cells import evidence, ratio, result_cell, threshold, value_cell
from kxplan.render.xlsx.formats import YEAR
from kxplan.render.xlsx.sheet import (
    Book,
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
from kxplan.text import tr


def workbook(evaluation: Evaluation, lang: str) -> bytes:
    book = new_book()
    _summary(book, evaluation, lang)
    _matrix(book, evaluation, lang)
    _details(book, evaluation, lang)
    problems_sheet(book, evaluation.problems, lang)
    return to_bytes(book)


def _heading(evaluation: Evaluation, lang: str) -> str:
    name = evaluation.plan.name(lang)
    return tr("check-heading", lang, plan=name, year=evaluation.year)


def _summary(book: Book, evaluation: Evaluation, lang: str) -> None:
    sheet = book.create_sheet(tr("sheet-summary", lang))
    top = title(sheet, _heading(evaluation, lang), summary_line(evaluation, lang))
    headers = [
        tr("head-unit", lang),
        tr("head-code", lang),
        tr("head-results", lang),
    ]
    headers += [status.label(lang) for status in Status]
    statuses: dict[str, list[Status]] = {}  # by unit code: one pass, not one per unit
    for result in evaluation.results:
        statuses.setdefault(result.unit.code, []).append(result.status)
    rows: list[list[Item]] = []
    for unit in evaluation.units:
        mine = statuses.get(unit.code)
        if not mine:
            continue
        counts = [mine.count(status) or None for status in Status]
        rows.append([unit_name(unit, lang), unit.code, len(mine), *counts])
    totals = evaluation.summary()
    total: list[Item] = [
        Styled(tr("total", lang), bold=True),
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
        text = tr("check-problems-sheet", lang, count=len(evaluation.problems))
        line_of_text(sheet, row, text)
    print_setup(sheet, f"{top}:{top}", lang)


def _matrix(book: Book, evaluation: Evaluation, lang: str) -> None:
    plan = evaluation.plan
    sheet = book.create_sheet(tr("sheet-matrix", lang))
    top = title(sheet, _heading(evaluation, lang), summary_line(evaluation, lang))
    headers = [
        tr("head-number", lang),
        tr("head-target", lang),
        tr("head-rule", lang),
        tr("head-clause", lang),
        *[unit_name(unit, lang) for unit in evaluation.units],
    ]
    cells = grid(evaluation)
    rows: list[list[Item]] = []
    for number, target in enumerate(shown_targets(evaluation), 1):
        indicator = plan.indicators[target.indicator]
        row: list[Item] = [
            number,
            target_name(target, indicator, lang),
            rule_for(target, indicator, row_results(evaluation, target), lang),
            target.clause,
        ]
        for unit in evaluation.units:
            result = cells.get((target.id, unit.code))
            row.append(result_cell(result, lang) if result else None)
        rows.append(row)
    last = table(sheet, top, headers, rows, freeze_columns=2)
    fit(sheet, top, legend(sheet, last + 2, 2, lang))
    print_setup(sheet, f"{top}:{top}", lang)


def _detail_headers(lang: str) -> list[str]:
    """Read from the left: what, where, how it stands and why; identifiers last."""
    return [
        tr("head-target", lang),
        tr("head-unit", lang),
        tr("head-status", lang),
        tr("head-value", lang),
        tr("head-rule", lang),
        tr("head-threshold", lang),
        tr("head-deadline", lang),
        tr("head-base-value", lang),
        tr("head-expected", lang),
        tr("head-progress-ratio", lang),
        tr("head-explanation", lang),
        tr("head-source", lang),
        tr("head-note", lang),
        tr("head-file", lang),
        tr("head-line", lang),
        tr("head-clause", lang),
        tr("head-target-id", lang),
        tr("head-unit-code", lang),
    ]


def _details(book: Book, evaluation: Evaluation, lang: str) -> None:
    sheet = book.create_sheet(tr("sheet-details", lang))
    top = title(sheet, _heading(evaluation, lang))
    headers = _detail_headers(lang)
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
                rule_for(target, result.indicator, [result], lang),
                threshold(result, lang),
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
