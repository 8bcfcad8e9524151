"""Open a form's workbook safely and take its cells; the only place that reads with openpyxl.

Before openpyxl sees a file, `archive.inspect` vets it. The workbook is opened read-only with
cached values and without external links (formulas are never evaluated and macros never run:
openpyxl does neither), with defusedxml guarding the XML. A form fits in `MAX_ROWS` ×
`MAX_COLUMNS` cells, whatever size the sheet claims: a sheet with anything beyond is refused,
not cut (what lies there would be lost without a word). Each sheet's XML is vetted first
(`cellxml`): a damaged cell is named, not a failure of the whole workbook.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import openpyxl
from defusedxml.common import DefusedXmlException
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.worksheet._reader import WorkSheetParser

from kxplan.forms import archive, cellxml
from kxplan.forms.layout import (
    MAX_COLUMNS,
    MAX_ROWS,
    META_SHEET,
    CellValue,
    FormMeta,
    MetaError,
    column_letter,
    coordinate,
)
from kxplan.model.errors import KxplanError
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import tr

_T = TypeVar("_T")


class Damaged(Exception):
    """Cells openpyxl cannot read or would misread, as (sheet, cell, code, message)."""

    def __init__(self, faults: list[tuple[str, str | None, ProblemCode, str]]) -> None:
        super().__init__(f"{len(faults)} damaged cell(s)")
        self.faults = faults


class UnsafeReader(KxplanError):
    """openpyxl would parse XML without defusedxml (is OPENPYXL_DEFUSEDXML=False set?)."""

    exit_code = 2


@dataclass(frozen=True)
class Cell:
    value: CellValue
    number_format: str = "General"
    formula: str | None = None
    written: str | None = None  # a number cell's number as its XML writes it (`-1E999`)


Grid = dict[tuple[int, int], Cell]


@dataclass(frozen=True)
class Opened:
    """A form's hidden record, its sheet's cells, and the cells of any other sheet."""

    meta: FormMeta
    grid: Grid
    others: dict[str, Grid]


def open_form(path: Path, display: str, lang: str) -> Opened | list[Problem]:
    """The hidden record and the form's cells (values, and formulas with no value) — or why not."""
    try:
        return _open(path, display, lang)
    except archive.Unsafe as error:
        return [Problem(display, None, None, error.code, error.message)]
    except Damaged as error:
        faults = sorted(error.faults, key=lambda fault: fault[1] is not None)  # sheets' first
        return [
            Problem("!".join(filter(None, (display, sheet, cell))), None, None, code, message)
            for sheet, cell, code, message in faults
        ]


def _open(path: Path, display: str, lang: str) -> Opened | list[Problem]:
    """`open_form`; a form that is not one, or a damaged one, raises or says why."""
    archive.inspect(path, lang)
    rows, grids = _load(path, True, lambda book: _values(book, lang), lang)
    if rows is None:
        message = tr("form-not-a-form", lang, sheet=META_SHEET)
        return [Problem(display, None, None, ProblemCode.MISSING_FIELD, message)]
    try:
        meta = FormMeta.from_rows(rows)
    except MetaError as error:
        message = tr("form-damaged", lang, key=str(error))
        return [Problem(f"{display}!{META_SHEET}", None, None, ProblemCode.MISSING_FIELD, message)]
    if meta.sheet not in grids:
        message = tr("form-no-sheet", lang, sheet=meta.sheet)
        return [Problem(display, None, None, ProblemCode.MISSING_FIELD, message)]
    formulas = _load(path, False, lambda book: _formulas(book[meta.sheet], lang), lang)
    grid = {
        place: Cell(found.value, found.number_format, formulas.get(place), found.written)
        for place, found in grids[meta.sheet].items()
    }
    for place, formula in formulas.items():
        grid.setdefault(place, Cell(None, formula=formula))
    others = {name: cells for name, cells in grids.items() if name != meta.sheet and cells}
    return Opened(meta, grid, others)


def check_defused(lang: str) -> None:
    if not openpyxl.DEFUSEDXML:
        raise UnsafeReader(tr("form-defused-off", lang))


def _load(path: Path, data_only: bool, read: Callable[[Any], _T], lang: str) -> _T:
    """Open the workbook read-only and `read` it; any failure of openpyxl → `archive.Unsafe`.

    openpyxl reads a read-only sheet lazily, so a damaged part fails while `read` iterates:
    the whole of it runs inside this boundary.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Data Validation extension is not supported", …
        try:
            book = openpyxl.load_workbook(
                path, read_only=True, data_only=data_only, keep_links=False, keep_vba=False
            )
            try:
                return read(book)
            finally:
                book.close()
        except (archive.Unsafe, Damaged):
            raise
        except Exception as error:  # a damaged workbook fails in openpyxl in many ways
            raise _unreadable(error, lang) from None


def _unreadable(error: BaseException, lang: str) -> archive.Unsafe:
    """The first cause of openpyxl's failure (it wraps them in ValueError), on one line."""
    chain = [error]
    while (cause := chain[-1].__cause__ or chain[-1].__context__) and len(chain) < 10:
        chain.append(cause)
    for link in chain:
        if isinstance(link, DefusedXmlException):
            message = tr("form-unsafe-xml", lang, what=type(link).__name__)
            return archive.Unsafe(ProblemCode.ENCODING, message)
    root = chain[-1]
    text = " ".join(f"{type(root).__name__}: {root}".split())[:200]
    return archive.Unsafe(ProblemCode.ENCODING, tr("form-unreadable", lang, error=text))


def _source(sheet: Any) -> bytes:
    """The sheet's XML (at most `archive.MAX_UNPACKED` bytes: the archive was vetted)."""
    with sheet._get_source() as source:
        data: bytes = source.read()
    return data


def _parsed(sheet: Any, data: bytes) -> Iterator[dict[str, Any]]:
    """Every cell of the sheet's XML `data`, as openpyxl's read-only sheet parses it, but without
    `iter_rows`' padding (each row as wide as its last cell: one styled cell in column XFD makes
    16384): a cell past the limits is seen, not dropped, and costs nothing."""
    book = sheet.parent
    parser = WorkSheetParser(
        io.BytesIO(data),
        sheet._shared_strings,
        data_only=book.data_only,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    for _, row in parser.parse():
        yield from row


def _cells(sheet: Any, lang: str, room: int) -> Grid:
    """The non-empty cells of a sheet; `Damaged` names its damaged cells, `archive.Unsafe` says
    that one lies beyond what a form uses."""
    data = _source(sheet)
    vetted = cellxml.vet(data, len(sheet._shared_strings), lang, room)
    if vetted.beyond is not None:
        raise _too_large(sheet, vetted.beyond, lang)
    faults = [(sheet.title, fault.cell, fault.code, fault.message) for fault in vetted.faults]
    if faults:
        raise Damaged(faults)
    grid: Grid = {}
    for found in _parsed(sheet, data):
        if found["value"] is None:  # a formatted empty cell holds nothing, wherever it is
            continue
        place = _within(sheet, found, lang)
        cell = ReadOnlyCell(sheet, **found)
        try:
            number_format = cell.number_format or "General"
        except IndexError:  # a style, or its number format, the workbook does not have
            what = tr("cell-bad-style", lang, text=found["style_id"])
            message = tr("cell-damaged", lang, what=what)
            faults.append((sheet.title, coordinate(*place), ProblemCode.ENCODING, message))
            if len(faults) >= room:
                message = tr("cell-many-damaged", lang)
                faults.append((sheet.title, None, ProblemCode.ENCODING, message))
                break
            continue
        grid[place] = Cell(cell.value, number_format, written=vetted.numbers.get(place))
    if faults:
        raise Damaged(faults)
    return grid


def _within(sheet: Any, found: dict[str, Any], lang: str) -> tuple[int, int]:
    row, column = found["row"], found["column"]
    if row > MAX_ROWS or column > MAX_COLUMNS:
        raise _too_large(sheet, (row, column), lang)
    return row, column


def _too_large(sheet: Any, place: tuple[int, int], lang: str) -> archive.Unsafe:
    message = tr(
        "form-sheet-too-large",
        lang,
        sheet=sheet.title,
        cell=coordinate(*place),
        rows=MAX_ROWS,
        last=column_letter(MAX_COLUMNS),
    )
    return archive.Unsafe(ProblemCode.FILE_TOO_LARGE, message)


def _values(book: Any, lang: str) -> tuple[list[list[CellValue]] | None, dict[str, Grid]]:
    if META_SHEET not in book.sheetnames:
        return None, {}
    grids: dict[str, Grid] = {}
    faults: list[tuple[str, str | None, ProblemCode, str]] = []
    for name in book.sheetnames:  # the damaged cells of every sheet, all at once
        room = cellxml.MAX_FAULTS - len(faults)
        if room <= 0:
            break
        try:
            grids[name] = _cells(book[name], lang, room)
        except Damaged as error:
            faults.extend(error.faults)
    if faults:
        raise Damaged(faults)
    meta = grids.pop(META_SHEET)
    height = max((r for r, _ in meta), default=0)
    rows = [
        [meta[(r, c)].value if (r, c) in meta else None for c in range(1, MAX_COLUMNS + 1)]
        for r in range(1, height + 1)
    ]
    return rows, grids


def _formulas(sheet: Any, lang: str) -> dict[tuple[int, int], str]:
    """The formula of every formula cell (read without `data_only`)."""
    return {
        _within(sheet, found, lang): str(getattr(found["value"], "text", found["value"]))
        for found in _parsed(sheet, _source(sheet))
        if found["value"] is not None and found["data_type"] == "f"
    }
