"""Open a form's workbook safely and take its cells; the only place that reads with openpyxl.

Before openpyxl sees a file, `archive.inspect` vets it. The workbook is opened read-only with
cached values and without external links (formulas are never evaluated and macros never run:
openpyxl does neither), with defusedxml guarding the XML. A form fits in `MAX_ROWS` ×
`MAX_COLUMNS` cells, whatever size the sheet claims: a sheet with anything beyond is refused,
not cut (what lies there would be lost without a word).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import openpyxl
from defusedxml.common import DefusedXmlException
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.worksheet._reader import WorkSheetParser

from kxplan.errors import KxplanError
from kxplan.forms import archive
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
from kxplan.forms.texts import say
from kxplan.problems import Problem, ProblemCode

_T = TypeVar("_T")


class UnsafeReader(KxplanError):
    """openpyxl would parse XML without defusedxml (is OPENPYXL_DEFUSEDXML=False set?)."""

    exit_code = 2


@dataclass(frozen=True)
class Cell:
    value: CellValue
    number_format: str = "General"
    formula: str | None = None


Grid = dict[tuple[int, int], Cell]


@dataclass(frozen=True)
class Opened:
    """A form's hidden record, its sheet's cells, and the cells of any other sheet."""

    meta: FormMeta
    grid: Grid
    others: dict[str, Grid]


def open_form(path: Path, display: str, lang: str) -> Opened | Problem:
    """The hidden record and the form's cells (values, and formulas with no value) — or why not."""
    try:
        archive.inspect(path, lang)
        rows, grids = _load(path, True, lambda book: _values(book, lang), lang)
        if rows is None:
            message = say("not-a-form", lang, sheet=META_SHEET)
            return Problem(display, None, None, ProblemCode.MISSING_FIELD, message)
        try:
            meta = FormMeta.from_rows(rows)
        except MetaError as error:
            message = say("damaged", lang, key=str(error))
            return Problem(
                f"{display}!{META_SHEET}", None, None, ProblemCode.MISSING_FIELD, message
            )
        if meta.sheet not in grids:
            message = say("no-sheet", lang, sheet=meta.sheet)
            return Problem(display, None, None, ProblemCode.MISSING_FIELD, message)
        formulas = _load(path, False, lambda book: _formulas(book[meta.sheet], lang), lang)
    except archive.Unsafe as error:
        return Problem(display, None, None, error.code, error.message)
    grid = {
        place: Cell(found.value, found.number_format, formulas.get(place))
        for place, found in grids[meta.sheet].items()
    }
    for place, formula in formulas.items():
        grid.setdefault(place, Cell(None, formula=formula))
    others = {name: cells for name, cells in grids.items() if name != meta.sheet and cells}
    return Opened(meta, grid, others)


def check_defused(lang: str) -> None:
    if not openpyxl.DEFUSEDXML:
        raise UnsafeReader(say("defused-off", lang))


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
        except archive.Unsafe:
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
            message = say("unsafe-xml", lang, what=type(link).__name__)
            return archive.Unsafe(ProblemCode.ENCODING, message)
    root = chain[-1]
    text = " ".join(f"{type(root).__name__}: {root}".split())[:200]
    return archive.Unsafe(ProblemCode.ENCODING, say("unreadable", lang, error=text))


def _parsed(sheet: Any) -> Iterator[dict[str, Any]]:
    """Every cell the sheet's XML holds, as openpyxl's read-only sheet parses it, but without
    `iter_rows`' padding (each row as wide as its last cell: one styled cell in column XFD makes
    16384): a cell past the limits is seen, not dropped, and costs nothing."""
    book = sheet.parent
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for _, row in parser.parse():
            yield from row


def _cells(sheet: Any, lang: str) -> Grid:
    """The non-empty cells of a sheet; `archive.Unsafe` when one lies beyond what a form uses."""
    grid: Grid = {}
    for found in _parsed(sheet):
        if found["value"] is not None:  # a formatted empty cell holds nothing, wherever it is
            cell = ReadOnlyCell(sheet, **found)
            grid[_within(sheet, found, lang)] = Cell(cell.value, cell.number_format or "General")
    return grid


def _within(sheet: Any, found: dict[str, Any], lang: str) -> tuple[int, int]:
    row, column = found["row"], found["column"]
    if row > MAX_ROWS or column > MAX_COLUMNS:
        message = say(
            "sheet-too-large",
            lang,
            sheet=sheet.title,
            cell=coordinate(row, column),
            rows=MAX_ROWS,
            last=column_letter(MAX_COLUMNS),
        )
        raise archive.Unsafe(ProblemCode.FILE_TOO_LARGE, message)
    return row, column


def _values(book: Any, lang: str) -> tuple[list[list[CellValue]] | None, dict[str, Grid]]:
    if META_SHEET not in book.sheetnames:
        return None, {}
    meta = _cells(book[META_SHEET], lang)
    height = max((r for r, _ in meta), default=0)
    rows = [
        [meta[(r, c)].value if (r, c) in meta else None for c in range(1, MAX_COLUMNS + 1)]
        for r in range(1, height + 1)
    ]
    return rows, {name: _cells(book[name], lang) for name in book.sheetnames if name != META_SHEET}


def _formulas(sheet: Any, lang: str) -> dict[tuple[int, int], str]:
    """The formula of every formula cell (read without `data_only`)."""
    return {
        _within(sheet, found, lang): str(getattr(found["value"], "text", found["value"]))
        for found in _parsed(sheet)
        if found["value"] is not None and found["data_type"] == "f"
    }
