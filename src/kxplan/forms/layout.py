"""Where things are on a form, and the hidden record that lets `import` read it back.

The record (sheet `_kxplan`, very hidden) keeps the plan, unit and year, which columns take
input, and what every protected cell held when the form was made: the importer compares the
sheet with it, so a value typed in the wrong place is an error, not silently lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TypeVar

CellValue = str | int | float | bool | date | datetime | time | None
_V = TypeVar("_V")

MAGIC = "kxplan-form"
VERSION = 1
META_SHEET = "_kxplan"

NUMBER, NAME, MEASURE, INSTRUCTION, TARGET, PREVIOUS, VALUE, SOURCE, NOTE, ID = range(1, 11)
INPUT_COLUMNS = (VALUE, SOURCE, NOTE)
LOCKED_COLUMNS = (NUMBER, NAME, MEASURE, INSTRUCTION, TARGET, PREVIOUS)
WIDTHS = {
    NUMBER: 5,
    NAME: 30,
    MEASURE: 9,
    INSTRUCTION: 48,
    TARGET: 22,
    PREVIOUS: 12,
    VALUE: 14,
    SOURCE: 26,
    NOTE: 26,
    ID: 18,
}
TITLE_ROW, PLAN_ROW, HELP_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = HEADER_ROW + 1

# What the importer looks at: forms have a few dozen rows and ten columns.
MAX_ROWS = 1000
MAX_COLUMNS = 64


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def coordinate(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


class MetaError(ValueError):
    """The hidden record is missing or damaged; the message says which key."""


@dataclass(frozen=True)
class FormMeta:
    """The hidden record of one form."""

    plan: str
    unit_code: str
    unit: str
    year: int
    sheet: str
    generated: str
    fixed: dict[str, CellValue] = field(default_factory=dict)
    rows: dict[str, tuple[CellValue, ...]] = field(default_factory=dict)
    first_row: int = FIRST_ROW
    value_column: int = VALUE
    source_column: int = SOURCE
    note_column: int = NOTE
    id_column: int = ID
    locked_columns: tuple[int, ...] = LOCKED_COLUMNS

    def to_rows(self) -> list[list[CellValue]]:
        rows: list[list[CellValue]] = [
            [MAGIC, VERSION],
            ["plan", self.plan],
            ["unit_code", self.unit_code],
            ["unit", self.unit],
            ["year", self.year],
            ["sheet", self.sheet],
            ["generated", self.generated],
            ["first_row", self.first_row],
            ["value_column", self.value_column],
            ["source_column", self.source_column],
            ["note_column", self.note_column],
            ["id_column", self.id_column],
            ["locked_columns", ",".join(map(str, self.locked_columns))],
        ]
        rows.extend(["cell", where, value] for where, value in self.fixed.items())
        rows.extend(["row", indicator, *cells] for indicator, cells in self.rows.items())
        return rows

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[CellValue]]) -> FormMeta:
        keys: dict[str, CellValue] = {}
        fixed: dict[str, CellValue] = {}
        locked: dict[str, tuple[CellValue, ...]] = {}
        for number, row in enumerate(rows, start=1):
            if number > MAX_ROWS:
                raise MetaError("rows")
            if not row or row[0] is None:
                continue
            kind = row[0]
            if kind == "cell" and len(row) >= 2 and isinstance(row[1], str):
                _once(fixed, row[1], row[2] if len(row) > 2 else None, f"cell {row[1]}")
            elif kind == "row" and len(row) >= 2 and isinstance(row[1], str):
                _once(locked, row[1], tuple(row[2:]), f"row {row[1]}")
            elif isinstance(kind, str) and len(row) >= 2:
                _once(keys, kind, row[1], kind)
        if keys.get(MAGIC) != VERSION:
            raise MetaError(MAGIC)
        columns = _text(keys, "locked_columns").split(",")
        if not all(part.isdigit() for part in columns):
            raise MetaError("locked_columns")
        return cls(
            plan=_text(keys, "plan"),
            unit_code=_text(keys, "unit_code"),
            unit=_text(keys, "unit"),
            year=_number(keys, "year"),
            sheet=_text(keys, "sheet"),
            generated=_text(keys, "generated"),
            fixed=fixed,
            rows=locked,
            first_row=_number(keys, "first_row"),
            value_column=_number(keys, "value_column"),
            source_column=_number(keys, "source_column"),
            note_column=_number(keys, "note_column"),
            id_column=_number(keys, "id_column"),
            locked_columns=tuple(int(part) for part in columns),
        )


def _once(found: dict[str, _V], key: str, value: _V, name: str) -> None:
    """A key said twice is a forged record: which one would be meant? (A second `unit_code`
    once silently won.)"""
    if key in found:
        raise MetaError(name)
    found[key] = value


def _text(keys: dict[str, CellValue], key: str) -> str:
    value = keys.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value:
        raise MetaError(key)
    return value


def _number(keys: dict[str, CellValue], key: str) -> int:
    value = keys.get(key)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999:
        raise MetaError(key)
    if key.endswith("_column") and value > MAX_COLUMNS:
        raise MetaError(key)
    return value
