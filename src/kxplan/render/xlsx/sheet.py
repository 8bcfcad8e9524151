"""What every kxplan workbook shares: safe cells, status colours, tables, legend, page set-up.

Text is always stored as text (`put`, and `put_text` for the forms' cells).

The workbooks of check, report, review and assess are drawn on a `Sheet` (plain Python objects)
and written in one pass by `to_bytes`, so that a national workbook (3,209 units, 600,000 cells)
costs time and memory in proportion to its cells (issue 15). The forms (`kxplan.forms`) are
openpyxl worksheets: they need data validation and protection, and are small.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from kxplan.model.problems import Problem
from kxplan.model.status import Status
from kxplan.render.xlsx.formats import YEAR, number_format
from kxplan.text import tr

Plain = str | int | float | Fraction | None

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
_NO_BORDER = Border()  # not openpyxl's default border (its sides are empty elements)
_WRAP_AT = 40
MAX_ROW_HEIGHT = 409  # points: Excel refuses a taller row, and a page cannot print one


@dataclass(frozen=True, slots=True)
class Styled:
    """A cell's value with how it is shown: a status colour, a number format, wrapping."""

    value: Plain
    status: Status | None = None
    fmt: str | None = None
    wrap: bool = False
    bold: bool = False


Item = Plain | Styled


@dataclass(frozen=True, slots=True)
class Look:
    """How a cell is shown, as a key: each look becomes openpyxl's font, fill, border and
    alignment once per sheet (`_Looks`), not once per cell."""

    fmt: str | None = None
    border: bool = True
    horizontal: str | None = None
    vertical: str | None = "top"
    wrap: bool = False
    fill: str | None = None  # a solid fill's colour
    colour: str | None = None  # the font's colour (with `bold` said either way)
    bold: bool = False
    size: int | None = None  # a title's font size (bold)
    quote: bool = False  # Excel's quote prefix: text that starts like a formula


#: the looks in use, one object each (a sheet holds a look per cell)
_LOOKS: dict[Any, Look] = {}


def _look(fmt: str | None, status: Status | None, wrap: bool, bold: bool, quote: bool) -> Look:
    """The look of a cell `put` writes: a border, top-aligned, a status's colours centred."""
    key = (fmt, status, wrap, bold, quote)
    look = _LOOKS.get(key)
    if look is None:
        fill, colour = COLOURS[status] if status is not None else (None, None)
        horizontal = "center" if status is not None else None
        look = Look(fmt, True, horizontal, "top", wrap, fill, colour, bold, None, quote)
        look = _LOOKS[key] = _LOOKS.setdefault(look, look)
    return look


#: a table header's look over its value's: bold, the header fill, centred both ways, wrapped
_HEADER: dict[str, Any] = {
    "horizontal": "center",
    "vertical": "center",
    "wrap": True,
    "fill": "D9E1F2",
    "colour": None,
    "bold": True,
}


class Sheet:
    """A sheet being drawn: its cells and layout, kept until the workbook is written.

    openpyxl's write-only worksheets take their column widths before the first row and their
    rows in order, while kxplan measures the widths from the rows it has written and goes back
    to colour a header or a grade; so a sheet is drawn here first, in plain Python objects, and
    streamed in one pass by `to_bytes`."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: dict[int, dict[int, tuple[Any, Look]]] = {}
        self.freeze_panes: str | None = None
        self.auto_filter: str | None = None
        self.widths: dict[str, float] = {}
        self.heights: dict[int, float] = {}
        self.row_breaks: list[int] = []
        self.charts: list[tuple[Any, str]] = []
        self.printed: tuple[str | None, str] | None = None  # (header rows, language)
        self._texts: dict[str, tuple[str, bool, int]] = {}
        self._lines: dict[str, tuple[int, ...]] = {}
        self._formats: dict[Any, str | None] = {}

    @property
    def max_row(self) -> int:
        return max(self.rows, default=0)

    def set(self, row: int, column: int, value: Any, look: Look) -> None:
        self.rows.setdefault(row, {})[column] = (value, _LOOKS.setdefault(look, look))

    def text(self, given: str) -> tuple[str, bool, int]:
        """Text as a cell holds it (without what Excel cannot hold), whether it needs the quote
        prefix, and its display width; once per distinct text of the sheet."""
        known = self._texts.get(given)
        if known is None:
            text = ILLEGAL_CHARACTERS_RE.sub("", given)
            quote = text.startswith(FORMULA_STARTS)
            known = self._texts[given] = (text, quote, width_of(given))  # wrapped as given
        return known

    def lines(self, text: str) -> tuple[int, ...]:
        """The display width of each line of a text in a cell."""
        known = self._lines.get(text)
        if known is None:
            known = self._lines[text] = tuple(width_of(part) for part in text.split("\n"))
        return known

    def number_format(self, value: Any) -> str | None:
        key = (value.__class__, value)
        if key not in self._formats:
            self._formats[key] = number_format(value)
        return self._formats[key]

    def look(self, row: int, column: int) -> Look:
        return self.rows[row][column][1]

    def restyle(self, row: int, column: int, **changes: Any) -> None:
        """Another look for a cell already written: a grade's colour, say."""
        value, look = self.rows[row][column]
        self.set(row, column, value, replace(look, **changes))

    def add_chart(self, chart: Any, anchor: str) -> None:
        self.charts.append((chart, anchor))


class Book:
    """The sheets of a workbook in order (`new_book`, `to_bytes`)."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.title for sheet in self.sheets]

    def create_sheet(self, title: str) -> Sheet:
        sheet = Sheet(title)
        self.sheets.append(sheet)
        return sheet


def new_book() -> Book:
    return Book()


def to_bytes(book: Book) -> bytes:
    """The workbook: openpyxl writes it in write-only mode without its cells (sheets, styles,
    widths, panes, filters, print set-up, charts), then each sheet's cells are streamed into
    its empty `sheetData` as openpyxl writes them, a style filed once per look: openpyxl's
    own cell writer costs about 15 µs a cell, two thirds of a national workbook's time."""
    frame = Workbook(write_only=True)
    styles = [_frame(frame, sheet) for sheet in book.sheets]
    buffer = io.BytesIO()
    frame.save(buffer)
    return _with_cells(buffer.getvalue(), book.sheets, styles)


def _frame(workbook: Any, sheet: Sheet) -> dict[Look, int]:
    """The sheet without its cells; returns the style of each look it uses."""
    out = workbook.create_sheet(sheet.title)
    for letter, width in sheet.widths.items():
        out.column_dimensions[letter].width = width
    if sheet.freeze_panes:
        out.freeze_panes = sheet.freeze_panes
    if sheet.auto_filter:
        out.auto_filter.ref = sheet.auto_filter
    if sheet.printed:
        _print_setup(out, *sheet.printed)
    for row in sheet.row_breaks:
        out.row_breaks.append(Break(id=row))
    for chart, anchor in sheet.charts:
        out.add_chart(chart, anchor)
    looks = {look for cells in sheet.rows.values() for _, look in cells.values()}
    return {look: _styled(WriteOnlyCell(out), look).style_id for look in looks}


_WORKSHEET = re.compile(r"xl/worksheets/sheet(\d+)\.xml")
_NO_CELLS = b"<sheetData></sheetData>"


def _with_cells(frame: bytes, sheets: list[Sheet], styles: list[dict[Look, int]]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(frame))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            found = _WORKSHEET.fullmatch(info.filename)
            if found is None:
                target.writestr(info, body)
                continue
            index = int(found[1]) - 1  # openpyxl numbers the worksheets in order from 1
            before, empty, after = body.partition(_NO_CELLS)
            if not empty:
                raise AssertionError(f"{info.filename}: no empty sheetData")
            with target.open(info.filename, "w") as stream:
                stream.write(before)
                for chunk in _sheet_data(sheets[index], styles[index]):
                    stream.write(chunk)
                stream.write(after)
    return buffer.getvalue()


def _sheet_data(sheet: Sheet, styles: dict[Look, int]) -> Iterator[bytes]:
    """The cells as openpyxl's cell writer writes them: text inline (never a formula),
    numbers `%.16g`, an empty or valueless cell as its style alone; rows in order, a row's
    height where `fit` gave one."""
    letters: dict[int, str] = {}
    parts = ["<sheetData>"]
    for number in sorted(sheet.rows.keys() | sheet.heights.keys()):
        height = sheet.heights.get(number)
        tall = f' ht="{_number(height)}" customHeight="1"' if height is not None else ""
        cells = sheet.rows.get(number, {})
        if not cells:
            parts.append(f'<row r="{number}"{tall} />')
            continue
        parts.append(f'<row r="{number}"{tall}>')
        for column in sorted(cells):
            value, look = cells[column]
            letter = letters.get(column) or letters.setdefault(column, get_column_letter(column))
            style = styles[look]
            head = f'<c r="{letter}{number}" s="{style}"' if style else f'<c r="{letter}{number}"'
            if isinstance(value, str):
                if not value:
                    parts.append(f'{head} t="inlineStr" />')
                    continue
                kept = value.strip()
                space = ' xml:space="preserve"' if kept and kept != value else ""
                text = escape(value)
                parts.append(f'{head} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif value is None:
                parts.append(f'{head} t="n" />')
            elif isinstance(value, bool):
                parts.append(f'{head} t="b"><v>{_number(value)}</v></c>')
            else:
                parts.append(f'{head} t="n"><v>{_number(value)}</v></c>')
        parts.append("</row>")
        if len(parts) > 10_000:
            yield "".join(parts).encode("utf-8")
            parts.clear()
    parts.append("</sheetData>")
    yield "".join(parts).encode("utf-8")


def _number(value: float) -> str:
    """As openpyxl writes a number (its `safe_string`)."""
    return "" if math.isnan(value) or math.isinf(value) else f"{value:.16g}"


def _styled(cell: Any, look: Look) -> Any:
    if look.fmt:
        cell.number_format = look.fmt
    cell.border = _BORDER if look.border else _NO_BORDER
    cell.alignment = Alignment(
        horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap
    )
    if look.fill:
        cell.fill = PatternFill("solid", fgColor=look.fill)
    if look.colour:
        cell.font = Font(color=look.colour, bold=look.bold)
    elif look.size:
        cell.font = Font(bold=look.bold, size=look.size)
    elif look.bold:
        cell.font = Font(bold=True)
    if look.quote:
        cell.quotePrefix = True
    return cell


def put(sheet: Sheet, row: int, column: int, item: Item) -> Look:
    """A value in a cell, with its look; returns the look."""
    if isinstance(item, Styled):
        value, status, fmt, wrap, bold = item.value, item.status, item.fmt, item.wrap, item.bold
    else:
        value, status, fmt, wrap, bold = item, None, None, False, False
    quote = False
    if isinstance(value, str):
        value, quote, width = sheet.text(value)
        wrap = wrap or width > _WRAP_AT
    elif value is not None:
        fmt = fmt or sheet.number_format(value)
        if isinstance(value, Fraction):
            value = value.numerator if value.denominator == 1 else float(value)
    look = _look(fmt, status, wrap, bold, quote)
    sheet.rows.setdefault(row, {})[column] = (value, look)
    return look


def put_text(cell: Any, text: str) -> None:
    """Text as text: openpyxl would write a string starting with `=` as a live formula, so it
    gets the string type; without the characters Excel cannot hold; and with Excel's quote
    prefix when it starts like a formula (see `FORMULA_STARTS`), so that editing, pasting or
    exporting the cell keeps it text. (The forms' cells; `put` does the same for the
    workbooks drawn on a `Sheet`.)"""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def status_cell(status: Status, lang: str) -> Styled:
    return Styled(f"{status.glyph} {status.label(lang)}", status=status)


def line_of_text(sheet: Sheet, row: int, text: str, *, size: int | None = None) -> None:
    """A line of text outside any table: no border, no wrapping, not counted in widths."""
    put(sheet, row, 1, text)
    plain: dict[str, Any] = {"border": False, "horizontal": None, "vertical": None, "wrap": False}
    if size:
        plain.update(colour=None, bold=True, size=size)
    sheet.restyle(row, 1, **plain)


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
        put(sheet, top, column, header)
        sheet.restyle(top, column, **_HEADER)
    last = top
    for last, row in enumerate(rows, top + 1):
        for column, item in enumerate(row, 1):
            put(sheet, last, column, item)
    sheet.freeze_panes = f"{get_column_letter(freeze_columns + 1)}{top + 1}"
    end = get_column_letter(len(headers))
    sheet.auto_filter = f"A{top}:{end}{max(last, top + 1)}"
    if total is not None:
        last += 1
        for column, item in enumerate(total, 1):
            put(sheet, last, column, item)
    return last


def legend(sheet: Sheet, top: int, column: int, lang: str) -> int:
    """Each status with its colour and glyph; returns the row after it."""
    put(sheet, top, column, Styled(tr("legend", lang), bold=True))
    for row, status in enumerate(Status, top + 1):
        put(sheet, row, column, status_cell(status, lang))
    return top + len(Status) + 1


def width_of(text: str) -> int:
    """Display width: CJK characters take two columns."""
    if text.isascii():
        return len(text)
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
    last = sheet.max_row if last_row is None else last_row
    rows = [(n, sheet.rows[n]) for n in range(first_row, last + 1) if n in sheet.rows]
    fixed = fixed or {}
    letters = {column: get_column_letter(column) for _, cells in rows for column in cells}
    measured = {column for column, letter in letters.items() if letter not in fixed}
    widths: dict[str, int] = {}
    numbers: dict[Any, int] = {}
    for _, cells in rows:
        for column, (value, look) in cells.items():
            if value is None or column not in measured:
                continue  # a fixed column's width is given: no need to measure it
            if isinstance(value, str):
                shown = max(sheet.lines(value))
            else:
                key = (value.__class__, value, look.fmt)
                shown = numbers.get(key) or numbers.setdefault(key, _shown_width(value, look))
            letter = letters[column]
            widest = max(widths.get(letter, 6), shown + 2)
            widths[letter] = min(widest, _WRAP_AT + 2)
    widths.update(fixed)
    sheet.widths.update(widths)
    for number, cells in rows:
        lines = 1
        for column, (value, look) in cells.items():
            if look.wrap and isinstance(value, str):
                lines = max(lines, _lines(sheet.lines(value), widths.get(letters[column], 8)))
        if lines > 1:
            sheet.heights[number] = min(14 * lines + 4, MAX_ROW_HEIGHT)


def _shown_width(value: Any, look: Look) -> int:
    """Roughly how many columns a number takes as its number format shows it."""
    fmt = (look.fmt or "General").split(";")[0]
    decimals = fmt.partition(".")[2].count("0")
    scale = 100 if fmt.endswith("%") and not fmt.endswith('"%"') else 1  # Excel's own percent
    shown = f"{value * scale:,.{decimals}f}"
    glyph = 3 if fmt.startswith('"') else 0  # the status glyph of `formats.with_glyph`
    return len(shown) + glyph + fmt.count("%")


def _lines(widths: tuple[int, ...], width: int) -> int:
    room = max(width - 1, 1)
    return sum(max(math.ceil(part / room), 1) for part in widths)


def print_setup(sheet: Sheet, header_rows: str | None, lang: str) -> None:
    """Landscape A4, one page wide, header rows on every page, page numbers in the footer."""
    sheet.printed = (header_rows, lang)


def _print_setup(sheet: Any, header_rows: str | None, lang: str) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
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
