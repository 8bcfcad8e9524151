"""Data and plan problems (SPEC §6 problem codes): what is wrong, where, and a hint."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kxplan.text import tr
from kxplan.text.printable import printable


class ProblemCode(StrEnum):
    YAML_SYNTAX = "yaml-syntax"
    DUPLICATE_KEY = "duplicate-key"
    ENCODING = "encoding"
    NOT_A_MAPPING = "not-a-mapping"
    MISSING_FIELD = "missing-field"
    UNKNOWN_FIELD = "unknown-field"
    UNKNOWN_INDICATOR = "unknown-indicator"
    UNKNOWN_UNIT = "unknown-unit"
    UNIT_MISMATCH = "unit-mismatch"
    YEAR_MISMATCH = "year-mismatch"
    TYPE_ERROR = "type-error"
    OUT_OF_RANGE = "out-of-range"
    FILE_TOO_LARGE = "file-too-large"
    PLAN_ERROR = "plan-error"
    #: a data file reports a derived indicator: said, the figure ignored, the file still used
    DERIVED_REPORTED = "derived-reported"


@dataclass(frozen=True)
class Problem:
    """One problem on one line. The message may quote a data file (a value, a key), so it is
    kept printable: control and bidi characters shown as escapes, never obeyed."""

    file: str
    line: int | None
    column: int | None
    code: ProblemCode
    message: str
    stands_for: int = 1  # a line counting problems not listed stands for all of them

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", printable(self.file))
        object.__setattr__(self, "message", printable(self.message))

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_line(self) -> str:
        return f"{self.location()}: {self.code.value}: {self.message}"

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code.value,
            "message": self.message,
        }


def sort_key(problem: Problem) -> tuple[str, bool, int, int]:
    """By file and place; a line counting a file's unlisted problems comes after them."""
    return (problem.file, problem.stands_for > 1, problem.line or 0, problem.column or 0)


def total(problems: list[Problem]) -> int:
    """How many problems there are, those a counting line stands for included."""
    return sum(problem.stands_for for problem in problems)


@dataclass(frozen=True)
class Leftover:
    """A temporary file that a write of `target`, cut short, left behind. It is never read,
    so the data is valid or not without it: a warning, not a problem (the exit code is the
    data's), but named, since the write it belonged to may not have happened."""

    file: str
    target: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", printable(self.file))
        object.__setattr__(self, "target", printable(self.target))

    def message(self, lang: str) -> str:
        return tr("leftover-temp", lang, target=self.target)

    def as_line(self, lang: str) -> str:
        return f"{self.file}: {tr('warning', lang)}{self.message(lang)}"

    def as_json(self, lang: str) -> dict[str, object]:
        return {"file": self.file, "message": self.message(lang)}
