"""`kxplan review -o FILE.xlsx`: the review table, and a chart of completion against time."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference

from kxplan.engine.review import Review, ReviewRow, Stage
from kxplan.render.describe import target_name
from kxplan.render.review import (
    closing_lines,
    counts_text,
    heading,
    lower_levels,
    missed_text,
    row_rule,
    sentence,
    units_text,
    year_text,
)
from kxplan.render.xlsx.cells import plain, ratio, result_cell, share, value_cell
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


def workbook(review: Review, lang: str) -> bytes:
    book = new_book()
    _table(book, review, lang)
    _chart(book, review, lang)
    problems_sheet(book, review.problems, lang)
    return to_bytes(book)


def _columns(review: Review, lang: str) -> list[tuple[str, bool]]:
    """(header, shown) — the final review has no time elapsed, projection or pace."""
    final = review.stage is Stage.FINAL
    base = review.plan.base_year
    return [
        (tr("head-number", lang), True),
        (tr("head-review-target", lang), True),
        (tr("head-review-rule", lang), True),
        (tr("head-clause", lang), True),
        (tr("head-base", lang, year=base), True),
        *[(str(year), True) for year in review.years],
        (tr("head-latest", lang), True),
        (tr("head-completion", lang), True),
        (tr("head-time-elapsed", lang), not final),
        (tr("head-progress-ratio", lang), not final),
        (tr("head-status", lang), True),
        (tr("head-pace", lang), not final),
        (tr("head-projected", lang), not final),
        (tr("head-needed", lang), not final),
        (tr("head-short-by", lang), final),
        (tr("head-years-not-met", lang), any(row.missed for row in review.rows)),
        (tr("head-by-levels", lang, levels=lower_levels(review, lang)), True),
        (
            tr("head-units-by-status", lang, levels=lower_levels(review, lang)),
            any(row.lower for row in review.rows),
        ),
    ]


def _row(review: Review, number: int, row: ReviewRow, lang: str) -> list[Item]:
    progress = row.progress
    if row.result is not None:  # the top unit's value, coloured by that year's status
        years: list[Item] = [
            result_cell(row.results[year], lang) if year in row.results else None
            for year in review.years
        ]
    else:
        years = [year_text(row, year, lang) or None for year in review.years]
    return [
        number,
        target_name(row.target, row.indicator, lang),
        row_rule(row, lang),
        row.target.clause,
        plain(row.base, lang),
        *years,
        value_cell(row.result, lang) if row.result is not None else years[-1],
        share(progress.completion),
        share(progress.time_share),
        ratio(progress.ratio),
        status_cell(row.status, lang),
        progress.pace,
        progress.projected,
        progress.needed,
        progress.shortfall,
        Styled(missed_text(row, lang) or None, wrap=True),
        Styled(counts_text(row, lang) or None, wrap=True),
        Styled(units_text(row, lang) or None, wrap=True),
    ]


def _table(book: Book, review: Review, lang: str) -> None:
    sheet = book.create_sheet(tr("sheet-review", lang))
    top = title(sheet, heading(review, lang), sentence(review, lang))
    columns = _columns(review, lang)
    keep = [index for index, (_, shown) in enumerate(columns) if shown]
    headers = [columns[index][0] for index in keep]
    rows = [
        [cells[index] for index in keep]
        for cells in (_row(review, n, row, lang) for n, row in enumerate(review.rows, 1))
    ]
    last = table(sheet, top, headers, rows, freeze_columns=2)
    after = legend(sheet, last + 2, 2, lang)
    fit(sheet, top, after)
    for offset, line in enumerate(closing_lines(review, lang)[1:]):
        line_of_text(sheet, after + 1 + offset, line)
    print_setup(sheet, f"{top}:{top}", lang)


def _chart(book: Book, review: Review, lang: str) -> None:
    """Completion rate against time elapsed for every target that has both."""
    rows = [
        row
        for row in review.rows
        if row.progress.completion is not None and row.progress.time_share is not None
    ]
    if not rows:
        return
    sheet = book.create_sheet(tr("sheet-chart", lang))
    top = title(sheet, heading(review, lang), sentence(review, lang))
    # at the final review all the time has elapsed for every target: a bar of 100 % each says
    # nothing, so the chart shows the completion rates alone
    timed = any(row.progress.time_share != 1 for row in rows)
    headers = [tr("head-review-target", lang), tr("head-completion", lang)]
    headers += [tr("head-time-elapsed", lang)] if timed else []
    data = [
        [
            target_name(row.target, row.indicator, lang),
            share(row.progress.completion),
            *([share(row.progress.time_share)] if timed else []),
        ]
        for row in rows
    ]
    last = table(sheet, top, headers, data)
    fit(sheet, top, last)
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = tr("chart-completion", lang)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = "0%"
    chart.x_axis.scaling.orientation = "maxMin"  # first target at the top, as in the table
    chart.height, chart.width = max(8, 1.1 * len(rows)), 18
    chart.add_data(
        Reference(sheet, min_col=2, max_col=len(headers), min_row=top, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
    sheet.add_chart(chart, f"E{top}")
    print_setup(sheet, f"{top}:{top}", lang)
