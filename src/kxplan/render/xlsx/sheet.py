"""What every kxplan workbook shares: safe cells, status colours, tables, legend, page set-up.

Text is always stored as text (`put_text`, for every workbook kxplan writes, forms included).
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from kxplan.model.problems import Problem
from kxplan.model.status import Status
from kxplan.render.xlsx.formats import YEAR, number_format
from kxplan.text import tr

Plain = str | int | float | Fraction | None
Sheet = Any  # openpyxl's Worksheet (openpyxl ships no type hints)

# What starts a formula in Excel, or once the text is pasted or saved as CSV (a tab or carriage
# return before `=`).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (fill, font colour) per status: light fills that print legibly, glyphs for black and white.
COLOURS: dict[Status, tuple[str, str]] = {
    Status.MET: ("C6EFCE", "006100"),
    Status.NOT_MET: ("FFC7CE", "9C0006"),
    Status.ACHIEVED_EARLY: ("A9D08E", "1E4620"),
    Status.AHEAD: ("E2EFDA", "375623"),
    Status.ON_TRACK: ("DDEBF7", "1F4E78"),
    Status.BEHIND: ("FFEB9C", "9C5700"),
    Status.IN_PROGRESS: ("E4DFEC", "3F3151"),
    Status.MONITORED: ("EDEDED", "404040"),
    Status.MISSING: ("FCE4D6", "833C0B"),
}
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_WRAP_AT = 40
MAX_ROW_HEIGHT = 409  # points: Excel refuses a taller row, and a page cannot print one


@dataclass(frozen=True)
class Styled:
    """A cell's value with how it is shown: a status colour, a number format, wrapping."""

    value: Plain
    status: Status | None = None
    fmt: str | None = None
    wrap: bool = False
    bold: bool = False


Item = Plain | Styled


def new_book() -> Any:
    book = Workbook()
    book.remove(book.active)
    return book


def to_bytes(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def put(sheet: Sheet, row: int, column: int, item: Item) -> Any:
    spec = item if isinstance(item, Styled) else Styled(item)
    value = spec.value
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        put_text(cell, value)
    elif isinstance(value, Fraction):
        cell.value = value.numerator if value.denominator == 1 else float(value)
    else:
        cell.value = value
    fmt = spec.fmt or number_format(value)
    if fmt:
        cell.number_format = fmt
    cell.border = _BORDER
    wrap = spec.wrap or (isinstance(value, str) and width_of(value) > _WRAP_AT)
    centred = "center" if spec.status is not None else None
    cell.alignment = Alignment(horizontal=centred, vertical="top", wrap_text=wrap)
    if spec.status is not None:
        fill, colour = COLOURS[spec.status]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=colour, bold=spec.bold)
    elif spec.bold:
        cell.font = Font(bold=True)
    return cell


def put_text(cell: Any, text: str) -> None:
    """Text as text: openpyxl would write a string starting with `=` as a live formula, so it
    gets the string type; without the characters Excel cannot hold; and with Excel's quote
    prefix when it starts like a formula (see `FORMULA_STARTS`), so that editing, pasting or
    exporting the cell keeps it text."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def status_cell(status: Status, lang: str) -> Styled:
    return Styled(f"{status.glyph} {status.label(lang)}", status=status)


def line_of_text(sheet: Sheet, row: int, text: str, *, size: int | None = None) -> None:
    """A line of text outside any table: no border, no wrapping, not counted in widths."""
    cell = put(sheet, row, 1, text)
    cell.border = Border()
    cell.alignment = Alignment(wrap_text=False)
    if size:
        cell.font = Font(bold=True, size=size)


def title(sheet: Sheet, text: str, subtitle: str | None = None) -> int:
    """Title rows at the top; returns the first free row (one blank row left)."""
    line_of_text(sheet, 1, text, size=14)
    if subtitle:
        line_of_text(sheet, 2, subtitle)
    return 4 if subtitle else 3


def table(
    sheet: Sheet,
    top: int,
    headers: Sequence[str],
    rows: Iterable[Sequence[Item]],
    *,
    freeze_columns: int = 1,
    total: Sequence[Item] | None = None,
) -> int:
    """A header row at `top` and the rows under it, frozen and filtered; returns the last row.

    A `total` row goes below the rows, outside the filter, so sorting or filtering the rows
    never moves it or hides it."""
    for column, header in enumerate(headers, 1):
        cell = put(sheet, top, column, header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    last = top
    for last, row in enumerate(rows, top + 1):
        for column, item in enumerate(row, 1):
            put(sheet, last, column, item)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=freeze_columns + 1).coordinate
    end = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A{top}:{end}{max(last, top + 1)}"
    if total is not None:
        last += 1
        for column, item in enumerate(total, 1):
            put(sheet, last, column, item)
    return last


def legend(sheet: Sheet, top: int, column: int, lang: str) -> int:
    """Each status with its colour and glyph; returns the row after it."""
    put(sheet, top, column, tr("legend", lang)).font = Font(bold=True)
    for row, status in enumerate(Status, top + 1):
        put(sheet, row, column, status_cell(status, lang))
    return top + len(Status) + 1


def width_of(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def fit(
    sheet: Sheet,
    first_row: int,
    last_row: int | None = None,
    *,
    fixed: dict[str, int] | None = None,
) -> None:
    """Column widths from the widest value of the table's rows (or `fixed`), then row heights
    for wrapped text: LibreOffice does not grow rows by itself when it opens the file. A row
    is never taller than Excel allows; the rest of a very long text stays in the cell."""
    rows = list(sheet.iter_rows(min_row=first_row, max_row=last_row))
    widths: dict[str, int] = {}
    for row in rows:
        for cell in row:
            if cell.value is not None:
                widest = max(widths.get(cell.column_letter, 6), _shown_width(cell) + 2)
                widths[cell.column_letter] = min(widest, _WRAP_AT + 2)
    widths.update(fixed or {})
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    for row in rows:
        lines = max((_lines(cell, widths.get(cell.column_letter, 8)) for cell in row), default=1)
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = min(14 * lines + 4, MAX_ROW_HEIGHT)


def _shown_width(cell: Any) -> int:
    """Roughly how many columns the value takes as its number format shows it."""
    value = cell.value
    if isinstance(value, str):
        return max(width_of(part) for part in value.split("\n"))
    fmt = str(cell.number_format).split(";")[0]
    decimals = fmt.partition(".")[2].count("0")
    scale = 100 if fmt.endswith("%") and not fmt.endswith('"%"') else 1  # Excel's own percent
    shown = f"{value * scale:,.{decimals}f}"
    glyph = 3 if fmt.startswith('"') else 0  # the status glyph of `formats.with_glyph`
    return len(shown) + glyph + fmt.count("%")


def _lines(cell: Any, width: int) -> int:
    if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
        return 1
    room = max(width - 1, 1)
    return sum(max(math.ceil(width_of(part) / room), 1) for part in cell.value.split("\n"))


def print_setup(sheet: Sheet, header_rows: str | None, lang: str) -> None:
    """Landscape A4, one page wide, header rows on every page, page numbers in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.print_options.horizontalCentered = True
    if header_rows:  # absolute, as Excel writes them: openpyxl 3.2 writes `4:4` as given
        first, last = header_rows.split(":")
        sheet.print_title_rows = f"${first}:${last}"
    sheet.oddFooter.center.text = tr("page-footer", lang)


def problems_sheet(book: Any, problems: Sequence[Problem], lang: str) -> None:
    """A sheet of data problems, only when there are any."""
    if not problems:
        return
    sheet = book.create_sheet(tr("data-problems", lang))
    top = title(sheet, tr("data-problems", lang))
    headers = [
        tr("head-file", lang),
        tr("head-line", lang),
        tr("head-column", lang),
        tr("head-code", lang),
        tr("head-message", lang),
    ]
    rows = [
        [
            p.file,
            Styled(p.line, fmt=YEAR),
            Styled(p.column, fmt=YEAR),
            p.code.value,
            Styled(p.message, wrap=True),
        ]
        for p in problems
    ]
    table(sheet, top, headers, rows)
    fit(sheet, top, fixed={"E": 70})
    print_setup(sheet, f"{top}:{top}", lang)
