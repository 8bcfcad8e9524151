"""Open a form's workbook safely and take its cells; the only place that reads with openpyxl.

Before openpyxl sees a file, `archive.inspect` vets it. The workbook is opened read-only with
cached values and without external links (formulas are never evaluated and macros never run:
openpyxl does neither), with defusedxml guarding the XML, through openpyxl's public API only. A
form fits in `MAX_ROWS` × `MAX_COLUMNS` cells, whatever size the sheet claims: a sheet with
anything beyond is refused, not cut (what lies there would be lost without a word). Each sheet's
XML is vetted first (`cellxml`, on the part `package` finds): a damaged cell is named, not a
failure of the whole workbook. openpyxl then reads no further than one row and column beyond a
form's size, so a forged size or a far-away cell costs nothing, and every cell the vetting saw
must come back from it: its rows go forward only, and what it would skip is refused.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import openpyxl
from defusedxml.common import DefusedXmlException

from kxplan.forms import archive, cellxml, package
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
from kxplan.model.errors import UsageError
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import tr

_T = TypeVar("_T")


Fault = tuple[str, str | None, ProblemCode, str]  # sheet, cell (None: the sheet), code, message


class Damaged(Exception):
    """Cells openpyxl cannot read or would misread."""

    def __init__(self, faults: list[Fault]) -> None:
        super().__init__(f"{len(faults)} damaged cell(s)")
        self.faults = faults


class UnsafeReader(UsageError):
    """openpyxl would parse XML without defusedxml (is OPENPYXL_DEFUSEDXML=False set?)."""


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
    rows, sheets = _load(path, True, lambda book: _values(path, book, lang), lang)
    if rows is None:
        message = tr("form-not-a-form", lang, sheet=META_SHEET)
        return [Problem(display, None, None, ProblemCode.MISSING_FIELD, message)]
    try:
        meta = FormMeta.from_rows(rows)
    except MetaError as error:
        message = tr("form-damaged", lang, key=str(error))
        return [Problem(f"{display}!{META_SHEET}", None, None, ProblemCode.MISSING_FIELD, message)]
    if meta.sheet not in sheets:
        message = tr("form-no-sheet", lang, sheet=meta.sheet)
        return [Problem(display, None, None, ProblemCode.MISSING_FIELD, message)]
    grids = {name: grid for name, (grid, _) in sheets.items()}
    formulas: dict[tuple[int, int], str] = {}
    if expected := sheets[meta.sheet][1]:  # read again, for formulas, only if there are some
        formulas = _load(
            path, False, lambda book: _formulas(book[meta.sheet], expected, lang), lang
        )
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


Sheets = dict[str, tuple[Grid, set[tuple[int, int]]]]  # each sheet's cells, where its formulas are


def _values(path: Path, book: Any, lang: str) -> tuple[list[list[CellValue]] | None, Sheets]:
    """The hidden record's rows, and every sheet's cells (values, cached for formulas)."""
    if META_SHEET not in book.sheetnames:
        return None, {}
    with zipfile.ZipFile(path) as zipped:  # vetted by `archive.inspect`: its parts are small
        found = package.find(zipped)
        names = [name for name, _ in found.sheets]
        if names != book.sheetnames:
            raise package.Unclear(f"sheets {names}, where openpyxl read {book.sheetnames}")
        if twice := {name for name in names if names.count(name) > 1}:
            # Excel allows no such thing, and openpyxl would give the first sheet for both
            raise package.Unclear(f"two sheets named {sorted(twice)}")
        sheets: Sheets = {}
        faults: list[Fault] = []
        for name, part in found.sheets:  # the damaged cells of every sheet, all at once
            room = cellxml.MAX_FAULTS - len(faults)
            if room <= 0:
                break
            if part is None:
                continue  # a chart sheet: nothing typed in it to lose
            try:
                sheet = book[name]
                vetted = cellxml.vet(zipped.read(part), found.shared_strings, lang, room)
                sheets[name] = (_cells(sheet, vetted, lang, room), vetted.formulas)
            except Damaged as error:
                faults.extend(error.faults)
    if faults:
        raise Damaged(faults)
    meta = sheets.pop(META_SHEET)[0]
    height = max((r for r, _ in meta), default=0)
    rows = [
        [meta[(r, c)].value if (r, c) in meta else None for c in range(1, MAX_COLUMNS + 1)]
        for r in range(1, height + 1)
    ]
    return rows, sheets


def _cells(sheet: Any, vetted: cellxml.Vetted, lang: str, room: int) -> Grid:
    """The non-empty cells of a sheet; `Damaged` names its damaged cells, `archive.Unsafe` says
    that one lies beyond what a form uses."""
    if vetted.beyond is not None:
        raise _too_large(sheet, vetted.beyond, lang)
    faults: list[Fault] = [
        (sheet.title, fault.cell, fault.code, fault.message) for fault in vetted.faults
    ]
    if faults:
        raise Damaged(faults)
    grid: Grid = {}
    seen: set[tuple[int, int]] = set()
    for cell in _held(sheet, lang):
        place = (cell.row, cell.column)
        seen.add(place)
        try:
            number_format = cell.number_format or "General"
        except IndexError:  # a style, or its number format, the workbook does not have
            what = tr("cell-bad-style", lang, text=vetted.styles.get(place, "0"))
            faults.append(_damaged(sheet, place, what, lang))
            if len(faults) >= room:
                break
            continue
        grid[place] = Cell(cell.value, number_format, written=vetted.numbers.get(place))
    else:
        faults.extend(_out_of_place(sheet, seen ^ vetted.values, lang))
    if len(faults) >= room:
        del faults[room:]
        faults.append((sheet.title, None, ProblemCode.ENCODING, tr("cell-many-damaged", lang)))
    if faults:
        raise Damaged(faults)
    return grid


def _formulas(sheet: Any, expected: set[tuple[int, int]], lang: str) -> dict[tuple[int, int], str]:
    """The formula of every formula cell (read without `data_only`)."""
    formulas = {
        (cell.row, cell.column): str(getattr(cell.value, "text", cell.value))
        for cell in _held(sheet, lang)
        if cell.data_type == "f"
    }
    if faults := _out_of_place(sheet, set(formulas) ^ expected, lang):
        raise Damaged(faults[: cellxml.MAX_FAULTS])
    return formulas


def _held(sheet: Any, lang: str) -> Iterator[Any]:
    """The cells of a sheet that hold something, row by row, read by openpyxl no further than
    one row and column beyond a form (it stops at the first row beyond, whatever the sheet's
    claimed size): what lies there is refused rather than cut."""
    rows = sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 1, min_col=1, max_col=MAX_COLUMNS + 1)
    for row in rows:
        for cell in row:
            if cell.value is None:  # a formatted empty cell holds nothing, wherever it is
                continue
            if cell.row > MAX_ROWS or cell.column > MAX_COLUMNS:
                raise _too_large(sheet, (cell.row, cell.column), lang)
            yield cell


def _out_of_place(sheet: Any, places: set[tuple[int, int]], lang: str) -> list[Fault]:
    """The cells the vetting saw and openpyxl skipped (a row after later ones, a cell in a row
    beyond a form's), or the other way round: each is said at its cell, none is lost."""
    return [_damaged(sheet, place, tr("cell-out-of-place", lang), lang) for place in sorted(places)]


def _damaged(sheet: Any, place: tuple[int, int], what: str, lang: str) -> Fault:
    message = tr("cell-damaged", lang, what=what)
    return (sheet.title, coordinate(*place), ProblemCode.ENCODING, message)


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
