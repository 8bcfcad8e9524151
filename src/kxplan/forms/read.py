"""Read a filled-in form back: every cell checked, every problem named by file, sheet and cell.

The cells come from `workbook.open_form`; here they are compared with the form's hidden record
(so a value typed in the wrong place is an error, not lost), understood (`cells`), and checked
with the data model the loader uses (`FileChecker.model`), so a form and the data file it
becomes cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from openpyxl.cell.cell import ERROR_CODES
from pydantic import ValidationError

from kxplan.forms.cells import Refused, as_written, expectation, read_text, read_value, shown
from kxplan.forms.layout import (
    HELP_ROW,
    META_SHEET,
    TITLE_ROW,
    CellValue,
    FormMeta,
    column_letter,
    coordinate,
)
from kxplan.forms.workbook import Cell, Grid, check_defused, open_form
from kxplan.load.datafile import FileChecker, classify, outside_data_years
from kxplan.load.datamodel import EXPECTED
from kxplan.model.plan import Indicator, Unit
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import tr
from kxplan.text.printable import shortened
from kxplan.text.suggest import closest
from kxplan.yaml.write import Entry

_YEAR_IN_NAME = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")
_NUMBERS_IN_NAME = re.compile(r"[0-9]+")  # a unit's division code: `510802.xlsx`
_ERRORS = frozenset(ERROR_CODES)  # what Excel saves as the value of a failed formula
_QUOTED = re.compile(r'"[^"]*"')
# A reference into another workbook: `[1]Sheet!A1`, `'[1]My sheet'!A1`, `[book.xlsx]Sheet!A1`
# (not a table's `Table1[Column]`, whose bracket follows a name).
_EXTERNAL = re.compile(r"(?:^|[^\w.\]])'?\[(?:[0-9]+|[^\[\]]+\.xl\w*)\]")


@dataclass(frozen=True)
class Form:
    """A form whose every cell passed: its unit, year and the entries typed in it."""

    file: str
    unit: Unit
    year: int
    entries: dict[str, Entry]
    asked: tuple[str, ...] = ()  # the indicators the form has a row for, in its order
    dated: tuple[str, ...] = ()  # those whose number was typed into a date-formatted cell


def read_form(path: Path, display: str, checker: FileChecker) -> tuple[Form | None, list[Problem]]:
    lang = checker.lang
    check_defused(lang)
    opened = open_form(path, display, lang)
    if isinstance(opened, list):
        return None, opened
    meta = opened.meta
    reader = _Reader(display, meta, checker)
    unit = reader.identity(path)
    if unit is None:
        return None, reader.problems
    reader.other_sheets(opened.others, opened.grid)
    entries, rows = reader.cells(opened.grid)
    reader.validate(unit, entries, rows)
    if reader.problems:
        return None, reader.sorted_problems()
    return Form(display, unit, meta.year, entries, tuple(meta.rows), tuple(reader.dated)), []


def _text(found: Cell | None) -> str | None:
    return None if found is None else read_text(found.value, found.written)


class _Reader:
    """Checks one form against its hidden record and the plan, collecting every problem."""

    def __init__(self, display: str, meta: FormMeta, checker: FileChecker) -> None:
        self.display = display
        self.meta = meta
        self.checker = checker
        self.plan = checker.plan
        self.lang = checker.lang
        self.problems: list[Problem] = []
        self._places: list[tuple[int, int]] = []
        self._figures: dict[str, tuple[str, tuple[int, int]]] = {}  # as written, for their digits
        self.dated: list[str] = []  # read as numbers from date-formatted cells (`Form.dated`)

    def sorted_problems(self) -> list[Problem]:
        """In reading order: row by row, left to right (the file's own problems first)."""
        order = sorted(range(len(self.problems)), key=lambda i: self._places[i])
        return [self.problems[i] for i in order]

    def at(self, sheet: str | None, place: str | None, code: ProblemCode, message: str) -> None:
        """A problem at `file!sheet!cell` (the file itself when no sheet is given)."""
        parts = [self.display, *(part for part in (sheet, place) if part)]
        self.problems.append(Problem("!".join(parts), None, None, code, message))
        self._places.append((0, 0))

    def cell(self, row: int, column: int, code: ProblemCode, message: str) -> None:
        self.at(self.meta.sheet, coordinate(row, column), code, message)
        self._places[-1] = (row, column)

    def identity(self, path: Path) -> Unit | None:
        """The form's unit, if the form is of this plan and its file name does not contradict it."""
        meta, plan, lang = self.meta, self.plan, self.lang
        if meta.plan != plan.info.id:
            message = tr("form-other-plan", lang, form=meta.plan, plan=plan.info.id)
            self.at(META_SHEET, None, ProblemCode.PLAN_ERROR, message)
            return None
        unit = plan.unit(meta.unit_code)
        if unit is None:
            guess = closest(meta.unit, plan.unit_words())
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            message = tr("unknown-unit", lang, name=meta.unit, suggest=suggest)
            self.at(META_SHEET, None, ProblemCode.UNKNOWN_UNIT, message)
            return None
        if contradiction := self._contradiction(unit):
            self.at(META_SHEET, None, ProblemCode.UNIT_MISMATCH, contradiction)
            return None
        if outside := outside_data_years(plan, meta.year, lang):
            self.at(META_SHEET, None, ProblemCode.OUT_OF_RANGE, outside)
        numbers = set(_NUMBERS_IN_NAME.findall(path.stem))
        named = [u for u in plan.units if u.name in path.stem or u.code in numbers]
        # The units above it may be named too (`广元市青川县.xlsx`); any other is a contradiction.
        others = [u for u in named if u != unit and u not in plan.ancestors(unit)]
        if others:
            other = others[0]
            code = tr("in-brackets", lang, text=other.code)
            said = other.name if other.name in path.stem else other.name + code
            message = tr("form-unit-in-name", lang, unit=unit.name, file_unit=said)
            self.at(None, None, ProblemCode.UNIT_MISMATCH, message)
        in_plan = range(plan.base_year, plan.end + 1)
        years = {int(y) for y in _YEAR_IN_NAME.findall(path.stem) if int(y) in in_plan}
        if years and meta.year not in years:
            message = tr("form-year-in-name", lang, year=meta.year, file_year=min(years))
            self.at(None, None, ProblemCode.YEAR_MISMATCH, message)
        return None if self.problems else unit

    def _contradiction(self, unit: Unit) -> str | None:
        """Why the hidden record contradicts itself, if it does: its unit code is a name, its
        unit's name is another's, or the title and help it keeps name another unit (a record
        edited for another unit: its values would overwrite that unit's data)."""
        meta, lang = self.meta, self.lang
        if meta.unit_code != unit.code:
            return tr("form-record-not-a-code", lang, code=meta.unit_code)
        if meta.unit != unit.name:
            return tr("form-record-unit", lang, name=meta.unit, code=unit.code, unit=unit.name)
        title = self.meta.fixed.get(coordinate(TITLE_ROW, 1))
        help_text = self.meta.fixed.get(coordinate(HELP_ROW, 1))
        names = [name for name in (unit.name, unit.name_en) if name]
        for text, says in ((title, names), (help_text, [unit.code])):
            if not isinstance(text, str) or not any(word in text for word in says):
                shown_text = shortened(shown(text), lang)
                return tr("form-record-head", lang, unit=unit.name, code=unit.code, text=shown_text)
        return None

    def other_sheets(self, others: dict[str, Grid], form: Grid) -> None:
        """What is typed on another sheet (a copy of the form, an added sheet) is not imported:
        an error, not lost without a word. One problem a sheet, at its first cell that the form
        sheet does not hold as well (in a copy of the form, what was typed there)."""
        for name, grid in others.items():
            places = sorted(grid)
            typed = [p for p in places if p not in form or form[p].value != grid[p].value]
            row, column = (typed or places)[0]
            message = tr(
                "form-other-sheet",
                self.lang,
                value=shown(grid[(row, column)].value, grid[(row, column)].written),
                count=len(places),
                sheet=self.meta.sheet,
            )
            self.at(name, coordinate(row, column), ProblemCode.UNKNOWN_FIELD, message)

    def cells(self, grid: Grid) -> tuple[dict[str, Entry], dict[str, int]]:
        """The entries typed in the form, and the row where each indicator was found."""
        by_row: dict[int, dict[int, Cell]] = {}
        for (row, column), found in grid.items():
            by_row.setdefault(row, {})[column] = found
        entries: dict[str, Entry] = {}
        rows: dict[str, int] = {}
        for row in sorted(by_row):
            cells = by_row[row]
            if row < self.meta.first_row:
                fixed = {c: self.meta.fixed.get(coordinate(row, c)) for c in cells}
                self._compare(row, cells, fixed, skip=())
                continue
            indicator = self._indicator(row, cells, rows)
            if indicator is None:
                continue
            rows[indicator] = row
            locked = zip(self.meta.locked_columns, self.meta.rows[indicator], strict=False)
            self._compare(row, cells, dict(locked), skip=(*self._inputs, self.meta.id_column))
            entry = self._entry(row, cells, indicator)
            if entry is not None:
                entries[indicator] = entry
        return entries, rows

    @property
    def _inputs(self) -> tuple[int, ...]:
        return (self.meta.value_column, self.meta.source_column, self.meta.note_column)

    def _compare(
        self,
        row: int,
        cells: dict[int, Cell],
        expected: dict[int, CellValue],
        skip: tuple[int, ...],
    ) -> None:
        """Cells outside the input columns must hold what the form was made with."""
        meta = self.meta
        for column, found in sorted(cells.items()):
            if column in skip or found.value is None or found.value == expected.get(column):
                continue
            letter = column_letter(meta.value_column)
            old = expected.get(column)
            new = shown(found.value, found.written)
            if old is None:
                message = tr("form-stray", self.lang, value=new, column=letter)
            else:
                message = tr("form-changed", self.lang, old=shown(old), new=new, column=letter)
            self.cell(row, column, ProblemCode.UNKNOWN_FIELD, message)

    def _indicator(self, row: int, cells: dict[int, Cell], seen: dict[str, int]) -> str | None:
        """The indicator id of a row, or None (with a problem when the row holds anything)."""
        meta, lang = self.meta, self.lang
        found = cells.get(meta.id_column)
        text = _text(found)
        if text is None:
            self._compare(row, cells, {}, skip=())
            return None
        if text not in meta.rows:
            guess = closest(text, meta.rows)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            message = tr("form-not-in-form", lang, id=text, suggest=suggest)
            self.cell(row, meta.id_column, ProblemCode.UNKNOWN_INDICATOR, message)
            return None
        if text not in self.plan.indicators:  # the plan changed since the form was made
            guess = closest(text, self.plan.indicators)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            message = tr("unknown-indicator", lang, id=text, suggest=suggest)
            self.cell(row, meta.id_column, ProblemCode.UNKNOWN_INDICATOR, message)
            return None
        if text in seen:
            other = f"{meta.sheet}!{coordinate(seen[text], meta.id_column)}"
            message = tr("form-duplicate-row", lang, id=text, other=other)
            self.cell(row, meta.id_column, ProblemCode.DUPLICATE_KEY, message)
            return None
        return text

    def _entry(self, row: int, cells: dict[int, Cell], indicator_id: str) -> Entry | None:
        meta, lang = self.meta, self.lang
        indicator = self.plan.indicators[indicator_id]
        broken = False
        for column in self._inputs:
            found = cells.get(column)
            message = self._formula(found, column, indicator) if found else None
            if message is not None:
                self.cell(row, column, ProblemCode.TYPE_ERROR, message)
                broken = True
        typed = cells.get(meta.value_column, Cell(None))
        value = read_value(typed.value, typed.number_format, indicator, lang, typed.written)
        if isinstance(value, Refused):
            self.cell(row, meta.value_column, value.code, value.message)
            return None
        if value is not None and isinstance(typed.value, date | time):  # `6` in a date cell
            self.dated.append(indicator_id)
        source, note = (
            _text(cells.get(column)) for column in (meta.source_column, meta.note_column)
        )
        if broken or (value is None and source is None and note is None):
            return None
        written = None if value is None else as_written(typed.value, value)
        if written is not None:
            self._figures[indicator_id] = (written, (row, meta.value_column))
        return Entry(value, source, note)  # a source or note alone: the value is missing data

    def _formula(self, found: Cell, column: int, indicator: Indicator) -> str | None:
        """Why a formula's cell is not taken: a value from another workbook (what was in it when
        last opened, not checkable here), no computed value, an error value (Excel's `#NAME?`
        for `=见附件`), or a source or note cell, which wants text, not a formula."""
        lang = self.lang
        if found.formula is None:
            return None
        if _EXTERNAL.search(_QUOTED.sub("", found.formula)):
            return tr("form-external-link", lang, formula=found.formula)
        error = found.value if isinstance(found.value, str) and found.value in _ERRORS else None
        if found.value is not None and error is None:
            return None  # Excel or WPS computed it: the value is taken as typed
        if column != self.meta.value_column:
            return tr("form-formula-in-text", lang, formula=found.formula)
        if error is None:
            return tr("form-no-cached-value", lang, formula=found.formula)
        expect = expectation(indicator.type, lang)
        return tr("form-formula-error", lang, formula=found.formula, error=error, expect=expect)

    def _in_form_words(self, message: str, indicator_id: str) -> str:
        """The loader's message with what to type said as the form says it: a data file's
        percentage is written without % (“不带 % 号”), a form's may have one."""
        value_type = self.plan.indicators[indicator_id].type
        loader = tr(EXPECTED[value_type], self.lang)
        return message.replace(loader, expectation(value_type, self.lang))

    def validate(self, unit: Unit, entries: dict[str, Entry], rows: dict[str, int]) -> None:
        """Check the entries with the loader's own model; each problem lands on its cell."""
        values = {
            indicator: {
                key: item
                for key, item in (("value", e.value), ("source", e.source), ("note", e.note))
                if item is not None
            }
            for indicator, e in entries.items()
        }
        document = {"unit": unit.name, "year": self.meta.year, "values": values}
        try:
            self.checker.model.model_validate(document)
        except ValidationError as error:
            columns = {
                "value": self.meta.value_column,
                "source": self.meta.source_column,
                "note": self.meta.note_column,
            }
            for detail in error.errors():
                loc = [str(part) for part in detail["loc"]]
                code = classify(detail)
                message = self.checker.message(code, detail)
                if len(loc) >= 3 and loc[0] == "values" and loc[1] in rows:
                    column = columns.get(loc[2], self.meta.value_column)
                    if column == self.meta.value_column:
                        message = self._in_form_words(message, loc[1])
                    self.cell(rows[loc[1]], column, code, message)
                else:
                    self.at(None, None, code, message)
        said = set(self._places)
        for indicator, (text, (row, column)) in self._figures.items():
            precise = self.checker.too_precise(["values", indicator, "value"], text)
            if precise is not None and (row, column) not in said:  # a range error says enough
                self.cell(row, column, ProblemCode.OUT_OF_RANGE, precise)
