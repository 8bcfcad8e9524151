"""A sheet's cells as its XML writes them, checked before openpyxl converts them.

openpyxl fails on a cell it cannot convert (`1.0.0` as a number, a shared-string index that
does not exist, a bad ISO date, a 4,400-digit number, a control character) without saying
which cell, and reads some silently wrong (shared string `-1` is the last one, `1_000` is 1000,
a cell written twice is the second). Excel and WPS write none of these, so each is a damaged
cell, named by its address, all of them at once. The XML is walked as openpyxl walks it (every
child of a `row`, placed by its `r` or after the one before), so the addresses agree.

A number cell's number is kept as written: Python reads `-1E999` as -inf and `1e-400` as 0,
and a source or note cell keeps the text it holds.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError
from xml.parsers.expat import errors as expat_errors

from defusedxml.ElementTree import iterparse
from openpyxl.cell.text import Text
from openpyxl.formula.translate import Translator
from openpyxl.utils.datetime import from_ISO8601
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from kxplan.forms.layout import MAX_COLUMNS, MAX_ROWS, coordinate
from kxplan.model.problems import ProblemCode
from kxplan.text import tr
from kxplan.text.printable import shortened

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Damaged cells listed per form, at most: a forged sheet of 700,000 of them would take minutes
# and half a gigabyte to list, and 50 are shown anyway.
MAX_FAULTS = 1000
_ADDRESS = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_ROW = re.compile(r"[1-9][0-9]{0,6}")
_INDEX = re.compile(r"[0-9]{1,9}")
# A number as Excel and WPS write it: ASCII digits, no spaces or underscores (Python's `int`
# and `float` take `1_000`, ` 5` and `١٢` as well).
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_LAST_ROW, _LAST_COLUMN = 1_048_576, 16_384  # Excel's
_TYPES = frozenset({"n", "s", "b", "d", "e", "str", "inlineStr"})
# A part that ends too early is the file's fault, not a cell's.
_CUT_SHORT = frozenset(
    expat_errors.codes[message]
    for message in (
        expat_errors.XML_ERROR_NO_ELEMENTS,
        expat_errors.XML_ERROR_UNCLOSED_TOKEN,
        expat_errors.XML_ERROR_PARTIAL_CHAR,
    )
)
# A cell's start or end tag (`<c r="G5" s="6">`, `</c>`), and its address, however broken.
_CELL_TAG = re.compile(r"<(/?)(?:[\w.-]+:)?c(?=[\s/>])[^>]*")
_R = re.compile(r"""\sr\s*=\s*["']*([A-Z]{1,3}[0-9]+)""")


@dataclass(frozen=True)
class Fault:
    """A damaged cell: its address (as written, when it is not one; None for the sheet), the
    code and why."""

    cell: str | None
    code: ProblemCode
    message: str


@dataclass
class Vetted:
    """The faults of a sheet's cells, each number cell's number as written, and where openpyxl
    must find something: `workbook` checks that it does (its rows go forward only)."""

    faults: list[Fault] = field(default_factory=list)
    numbers: dict[tuple[int, int], str] = field(default_factory=dict)
    values: set[tuple[int, int]] = field(default_factory=set)  # a value, cached or not
    formulas: set[tuple[int, int]] = field(default_factory=set)
    styles: dict[tuple[int, int], str] = field(default_factory=dict)  # of the cells in `values`
    # The first cell holding something beyond a form's size: the walk stops there, so a forged
    # sheet of 700,000 damaged cells costs no more than one that is merely too large.
    beyond: tuple[int, int] | None = None


class _Stop(Exception):
    """Nothing after this matters: a cell beyond a form's size, or `room` faults found."""


def vet(data: bytes, shared_strings: int, lang: str, room: int = MAX_FAULTS) -> Vetted:
    """Check every cell of a sheet's XML; `shared_strings`: how many the workbook has. After
    `room` faults the walk stops, with a last fault that says so.

    Unsafe XML (an entity declaration) raises defusedxml's error, and XML that ends too early
    raises `ParseError`, as openpyxl would: both are the file's fault, not a cell's.
    """
    walk = _Walk(shared_strings, lang, room)
    try:
        for _, element in iterparse(io.BytesIO(data)):
            if element.tag == _MAIN + "row":
                walk.row(element)
                element.clear()
    except _Stop:
        pass
    except ParseError as error:
        if error.code in _CUT_SHORT:
            raise
        walk.vetted.faults.append(_broken(data, error, lang))
    return walk.vetted


class _Walk:
    """Places cells as openpyxl does, and checks what each holds."""

    def __init__(self, shared_strings: int, lang: str, room: int) -> None:
        self.shared_strings = shared_strings
        self.room = room
        self.lang = lang
        self.vetted = Vetted()
        self.row_number = 0
        self.seen: set[tuple[int, int]] = set()
        self.shared: dict[str | None, Translator] = {}  # shared formulas by their `si`

    def fault(self, cell: str, what: str) -> None:
        message = tr("cell-damaged", self.lang, what=what)
        self.add(Fault(cell, ProblemCode.ENCODING, message))

    def add(self, fault: Fault) -> None:
        faults = self.vetted.faults
        faults.append(fault)
        if len(faults) >= self.room:
            faults.append(Fault(None, ProblemCode.ENCODING, tr("cell-many-damaged", self.lang)))
            raise _Stop

    def row(self, element: Element) -> None:
        given = element.get("r")
        if given is None:
            self.row_number += 1
        elif _ROW.fullmatch(given):
            self.row_number = int(given)
        else:
            self.fault(self.said(given), tr("cell-bad-row", self.lang, text=self.said(given)))
            self.row_number += 1
        column = 0
        for cell in element:
            given = cell.get("r")
            if given:
                place = _address(given)
                if place is None:
                    what = tr("cell-bad-address", self.lang, text=self.said(given))
                    self.fault(self.said(given), what)
                    continue
                row, column = place
            else:
                row, column = self.row_number, column + 1
            self.cell(cell, row, column)

    def cell(self, cell: Element, row: int, column: int) -> None:
        place = (row, column)
        if row > MAX_ROWS or column > MAX_COLUMNS:
            if _holds(cell):
                self.vetted.beyond = place
                raise _Stop
            # An empty cell beyond is nothing, twice or not: not kept (a forged sheet has millions).
        elif place in self.seen:
            self.fault(coordinate(*place), tr("cell-twice", self.lang))
            return
        else:
            self.seen.add(place)
            self._found(cell, place)
        style = cell.get("s")
        if style is not None and not _INDEX.fullmatch(style):
            self.fault(coordinate(*place), tr("cell-bad-style", self.lang, text=self.said(style)))
        kind = cell.get("t", "n")
        value = cell.findtext(_MAIN + "v")
        what = self._what(cell, kind, value)
        if what is not None:
            self.fault(coordinate(*place), what)
        elif kind == "n" and value:
            if _converts(value):
                self.vetted.numbers[place] = value
            else:
                message = tr("cell-too-long", self.lang, text=self.said(value))
                self.add(Fault(coordinate(*place), ProblemCode.OUT_OF_RANGE, message))

    def _found(self, cell: Element, place: tuple[int, int]) -> None:
        """Note what openpyxl will read in the cell: a value (the cached one of a formula when
        it reads values), a formula (when it reads formulas)."""
        if _valued(cell):
            self.vetted.values.add(place)
            if (style := cell.get("s")) is not None:
                self.vetted.styles[place] = style
        if cell.find(_MAIN + "f") is not None:
            self.vetted.formulas.add(place)

    def _what(self, cell: Element, kind: str, value: str | None) -> str | None:
        """What is wrong with the cell's type, formula or content; None when nothing is."""
        lang = self.lang
        formula = cell.find(_MAIN + "f")
        if kind not in _TYPES:
            return tr("cell-bad-type", lang, text=self.said(kind))
        if formula is not None and (wrong := self._formula(cell, formula)):
            return wrong
        if kind == "inlineStr":
            return self._inline(cell)
        if not value:
            return None  # openpyxl reads no value, whatever the type
        said = self.said(value)
        if kind == "n" and not _NUMBER.fullmatch(value):
            return tr("cell-bad-number", lang, text=said)
        if kind == "s" and (not _INDEX.fullmatch(value) or int(value) >= self.shared_strings):
            return tr("cell-bad-shared", lang, text=said)
        if kind == "b" and value not in ("0", "1"):
            return tr("cell-bad-boolean", lang, text=said)
        if kind == "d":
            try:
                from_ISO8601(value)
            except (ValueError, OverflowError):
                return tr("cell-bad-date", lang, text=said)
        return None

    def _inline(self, cell: Element) -> str | None:
        text = cell.find(_MAIN + "is")
        if text is None:
            return None
        try:
            Text.from_tree(text)
        except Exception:  # openpyxl's typed attributes fail in many ways (TypeError, …)
            return tr("cell-bad-rich-text", self.lang)
        return None

    def _formula(self, cell: Element, formula: Element) -> str | None:
        """A formula openpyxl cannot take when it reads formulas (not their values): an array
        or data table with bad attributes, a shared formula it cannot move to this cell."""
        text = "=" + (formula.text or "")
        origin = cell.get("r")
        try:
            kind = formula.get("t")
            if kind == "array":
                ArrayFormula(ref=formula.get("ref"), text=text)
            elif kind == "dataTable":
                DataTableFormula(**formula.attrib)
            elif kind == "shared":
                index = formula.get("si")
                if index in self.shared:
                    self.shared[index].translate_formula(origin)
                elif formula.text is not None:
                    self.shared[index] = Translator(text, origin)
        except Exception:  # openpyxl's formula classes fail in many ways
            return tr("cell-bad-formula", self.lang, text=self.said(text))
        return None

    def said(self, text: str) -> str:
        return shortened(text, self.lang)


def _holds(cell: Element) -> bool:
    """Whether openpyxl reads something in the cell (a formatted empty cell holds nothing)."""
    return cell.find(_MAIN + "f") is not None or _valued(cell)


def _valued(cell: Element) -> bool:
    """Whether openpyxl reads a value in the cell, reading values (a formula's cached one)."""
    if cell.get("t") == "inlineStr":
        return cell.find(_MAIN + "is") is not None
    return bool(cell.findtext(_MAIN + "v"))


def _converts(number: str) -> bool:
    """Whether Python converts the number (a whole number of over 4,300 digits it does not)."""
    if any(mark in number for mark in ".eE"):
        return True  # a float: at worst inf, which is said at its cell
    try:
        int(number)
    except ValueError:
        return False
    return True


def _address(text: str) -> tuple[int, int] | None:
    """`G5` → (5, 7), within Excel's sheet; None for anything else (`g5`, `$G$5`, `A0`)."""
    match = _ADDRESS.fullmatch(text)
    if match is None:
        return None
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - 64
    row = int(match[2])
    return (row, column) if row <= _LAST_ROW and column <= _LAST_COLUMN else None


def _broken(data: bytes, error: ParseError, lang: str) -> Fault:
    """XML that stops making sense: at its cell, or (between cells) the sheet's."""
    place = _cell_at(data, error)
    if place is None:
        text = f"{type(error).__name__}: {error}"
        return Fault(None, ProblemCode.ENCODING, tr("form-unreadable", lang, error=text))
    what = tr("cell-bad-xml", lang, error=str(error).split(":", 1)[0])
    return Fault(place, ProblemCode.ENCODING, tr("cell-damaged", lang, what=what))


def _cell_at(data: bytes, error: ParseError) -> str | None:
    """The address of the innermost cell still open where the XML stops making sense (a cell
    left unclosed is found at the end of its row); None when there is none."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    line, column = error.position  # expat counts columns in characters
    lines = text.split("\n")
    offset = sum(len(part) + 1 for part in lines[: line - 1]) + column
    before = text[:offset]
    open_cells: list[int] = []
    for tag in _CELL_TAG.finditer(before):
        if tag[1]:
            if open_cells:
                open_cells.pop()
        elif not (tag[0].endswith("/") and before[tag.end() : tag.end() + 1] == ">"):
            open_cells.append(tag.start())
    if not open_cells:
        return None
    start = open_cells[-1]  # its whole start tag: the XML may break inside it (`r=""G13"`)
    given = _R.search(text, start, max(text.find(">", start), offset))
    return None if given is None or _address(given[1]) is None else given[1]
