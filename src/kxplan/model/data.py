"""What a unit reported: one value with its place, and one unit's valid data file of a year."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kxplan.model.plan import Unit, exact

#: the keys of a data file (SPEC §5), in the order kxplan writes them
FILE_FIELDS = ("unit", "year", "values")
#: the keys of one value's entry under `values`
ENTRY_FIELDS = ("value", "source", "note")


@dataclass(frozen=True)
class Observation:
    """One reported value with where it came from."""

    indicator: str
    value: bool | int | float
    file: str
    line: int | None
    source: str | None = None
    note: str | None = None

    @property
    def exact(self) -> Fraction:
        return exact(self.value)


@dataclass(frozen=True)
class Submission:
    """One unit's valid data file for one year."""

    unit: Unit
    year: int
    file: str
    values: dict[str, Observation]
