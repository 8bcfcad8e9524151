"""`kxplan report -o FILE.xlsx`: the unit's year-by-year table (the report's columns, trend
included), and a line chart per target with a deadline (actual values against the plan's
trajectory)."""

from __future__ import annotations

from fractions import Fraction

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.title import Title
from openpyxl.drawing.text import RichTextProperties
from openpyxl.utils import get_column_letter

from kxplan.engine.history import History, Row
from kxplan.engine.milestones import anchors, interpolate
from kxplan.model.plan import Kind, Plan, ValueType
from kxplan.render.describe import explain, measure, target_name
from kxplan.render.report import header, heading, notes, row_rule
from kxplan.render.spark import sparkline
from kxplan.render.xlsx.cells import plain, result_cell
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
    status_cell,
    table,
    title,
    to_bytes,
)
from kxplan.text import tr

_BLOCK_ROWS = 16  # rows per chart block: its table on the left, the chart beside it
_BLOCKS_PER_PAGE = 2


def workbook(history: History, lang: str) -> bytes:
    book = new_book()
    _years(book, history, lang)
    _charts(book, history, lang)
    problems_sheet(book, history.problems, lang)
    return to_bytes(book)


def _years(book: Book, history: History, lang: str) -> None:
    plan = history.plan
    sheet = book.create_sheet(tr("sheet-years", lang))
    subtitle = tr("report-subtitle", lang, year=plan.base_year)
    top = title(sheet, heading(history, lang), subtitle)
    words = header(history, lang)  # the report table's: target, rule, base, years, trend, status
    headers = [
        tr("head-number", lang),
        *words[:2],
        tr("head-clause", lang),
        *words[2:],
        tr("head-explanation", lang),
    ]
    rows: list[list[Item]] = []
    for number, row in enumerate(history.rows, 1):
        rows.append(
            [
                number,
                target_name(row.target, row.indicator, lang),
                row_rule(row, lang),
                row.target.clause,
                plain(row.base, lang),
                *[
                    result_cell(result, lang) if result is not None else None
                    for result in row.by_year(history.years)
                ],
                sparkline(row.values()),
                status_cell(row.latest.status, lang),
                Styled(explain(row.latest, lang), wrap=True),
            ]
        )
    last = table(sheet, top, headers, rows, freeze_columns=2)
    after = legend(sheet, last + 2, 2, lang)
    trend, explanation = get_column_letter(len(headers) - 2), get_column_letter(len(headers))
    # a block character takes two columns in the CJK fonts Chinese Excel uses
    fit(sheet, top, after, fixed={trend: 2 * len(history.years) + 2, explanation: 50})
    for offset, text in enumerate(notes(history, lang)):
        line_of_text(sheet, after + 1 + offset, text)
    print_setup(sheet, f"{top}:{top}", lang)


def charted(row: Row) -> bool:
    """Targets with a deadline and a number: those a trajectory can be drawn for."""
    kinds = (Kind.DEADLINE, Kind.CUMULATIVE)
    return row.target.kind in kinds and row.indicator.type is not ValueType.BOOLEAN


def trajectory(plan: Plan, row: Row, years: list[int]) -> dict[int, Fraction | None]:
    """The plan's line for each year: from the base value (deadline) or from 0 (cumulative)."""
    target, bound = row.target, row.latest.threshold  # the unit's own (SPEC §7)
    assert target.op is not None and target.deadline is not None
    if bound is None:  # relative to a base value that is missing
        return dict.fromkeys(years)
    goal = bound[0] if isinstance(bound, tuple) else bound
    if target.kind is Kind.CUMULATIVE:
        points = anchors(target, (target.start or plan.start) - 1, Fraction(0), goal)
        return {y: interpolate(points, y) for y in years}
    if not isinstance(row.base, Fraction):
        return dict.fromkeys(years)
    points = anchors(target, plan.base_year, row.base, goal)  # through its milestones, if any
    return {y: interpolate(points, y) for y in years}


def horizontal(title: Title | None) -> None:
    """An axis title read without turning the head (Excel and LibreOffice turn the value
    axis's title a quarter by default)."""
    if title is not None and title.tx is not None and title.tx.rich is not None:
        title.tx.rich.bodyPr = RichTextProperties(rot=0, vert="horz")


def _charts(book: Book, history: History, lang: str) -> None:
    rows = [row for row in history.rows if charted(row)]
    if not rows:
        return
    plan = history.plan
    sheet = book.create_sheet(tr("sheet-charts", lang))
    line_of_text(sheet, 1, heading(history, lang), size=14)
    headers = [
        tr("head-calendar-year", lang),
        tr("head-actual", lang),
        tr("head-trajectory", lang),
    ]
    for index, row in enumerate(rows):
        top = 3 + index * _BLOCK_ROWS
        target = row.target
        assert target.deadline is not None
        first = plan.base_year if target.kind is Kind.DEADLINE else (target.start or plan.start) - 1
        years = list(range(first, target.deadline + 1))
        planned = trajectory(plan, row, years)
        name = target_name(target, row.indicator, lang)
        ruled = row_rule(row, lang)
        line_of_text(sheet, top, name + tr("in-brackets", lang, text=ruled))
        actual = {first: row.base if target.kind is Kind.DEADLINE else Fraction(0)}
        actual.update({y: r.value for y, r in row.results.items()})
        data = [[Styled(y, fmt=YEAR), plain(actual.get(y), lang), planned[y]] for y in years]
        last = table(sheet, top + 1, headers, data)
        sheet.auto_filter = None
        chart = LineChart()
        chart.title = name
        chart.y_axis.title = measure(row.indicator, lang).strip() or None
        chart.x_axis.title = headers[0]
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.height, chart.width = 6.5, 16
        chart.add_data(
            Reference(sheet, min_col=2, max_col=3, min_row=top + 1, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(sheet, min_col=1, min_row=top + 2, max_row=last))
        actual_series, planned_series = chart.series
        actual_series.marker.symbol = "circle"
        planned_series.graphicalProperties.line.dashStyle = "dash"
        for series in chart.series:  # straight lines: a spline invents values between the years
            series.smooth = False
        for axis in (chart.x_axis, chart.y_axis):
            horizontal(axis.title)
        sheet.add_chart(chart, f"E{top}")
        if index % _BLOCKS_PER_PAGE == _BLOCKS_PER_PAGE - 1:
            sheet.row_breaks.append(top + _BLOCK_ROWS - 1)
    sheet.freeze_panes = None
    for letter, width in (("A", 10), ("B", 14), ("C", 14)):
        sheet.widths[letter] = width
    print_setup(sheet, None, lang)
