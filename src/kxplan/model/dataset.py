"""All valid data of a plan, and a unit's value of an indicator in a year: its own report, or
formed from its lower units' values as the indicator's `aggregate` says."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from kxplan.model.data import Observation, Submission
from kxplan.model.plan import Aggregate, Plan, Unit
from kxplan.model.problems import Leftover, Problem


class Gap(StrEnum):
    """Why a value is not there."""

    NO_FILE = "no-file"
    INVALID_FILE = "invalid-file"
    NOT_REPORTED = "not-reported"


@dataclass(frozen=True)
class Missing:
    unit: Unit
    year: int
    indicator: str
    gap: Gap
    file: str | None = None


@dataclass(frozen=True)
class Reading:
    """A unit's value: its own report, or formed from its lower units' (`formed_by`)."""

    value: Fraction
    raw: bool | int | float | Fraction
    evidence: tuple[Observation, ...]
    formed_by: Aggregate | None = None


def _sum(parts: Sequence[Reading]) -> Fraction:
    return sum((part.value for part in parts), Fraction(0))


#: how a parent's value is formed from its lower units' values, for each aggregate that forms
#: one (`none` does not: a unit reports the value itself or it is missing)
FORMS: dict[Aggregate, Callable[[Sequence[Reading]], Fraction]] = {Aggregate.SUM: _sum}


@dataclass
class DataSet:
    plan: Plan
    submissions: dict[tuple[int, str], Submission] = field(default_factory=dict)
    invalid: dict[tuple[int, str], str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    #: every data file read, as shown in messages
    files: list[str] = field(default_factory=list)
    #: files in year folders that are not data files (a form, a note), left alone
    ignored: list[str] = field(default_factory=list)
    #: temporary files of interrupted writes, never read
    leftovers: list[Leftover] = field(default_factory=list)

    def submission(self, unit: Unit, year: int) -> Submission | None:
        return self.submissions.get((year, unit.code))

    def missing_files(self, year: int, units: Iterable[Unit]) -> list[Unit]:
        return [
            u
            for u in units
            if (year, u.code) not in self.submissions and (year, u.code) not in self.invalid
        ]

    def invalid_files(self, year: int, units: Iterable[Unit]) -> list[str]:
        return [self.invalid[(year, u.code)] for u in units if (year, u.code) in self.invalid]

    def read(self, unit: Unit, indicator_id: str, year: int) -> Reading | Missing:
        """The unit's value: its own report, else formed from its lower units' values (the
        first of them missing makes it missing), else why there is none."""
        submission = self.submission(unit, year)
        if submission is not None and indicator_id in submission.values:
            observation = submission.values[indicator_id]
            return Reading(observation.exact, observation.value, (observation,))
        parts = self.formed_from(unit, indicator_id, year)
        if parts:
            return self._formed(parts, indicator_id, year)
        if (year, unit.code) in self.invalid:
            return Missing(
                unit, year, indicator_id, Gap.INVALID_FILE, self.invalid[(year, unit.code)]
            )
        if submission is None:
            return Missing(unit, year, indicator_id, Gap.NO_FILE)
        return Missing(unit, year, indicator_id, Gap.NOT_REPORTED, submission.file)

    def formed_from(self, unit: Unit, indicator_id: str, year: int) -> list[Unit]:
        """The lower units whose values form `unit`'s in `year`: none when the unit reports
        the value itself or the indicator's aggregate forms none."""
        submission = self.submission(unit, year)
        if submission is not None and indicator_id in submission.values:
            return []
        if self.plan.indicators[indicator_id].aggregate not in FORMS:
            return []
        return self.plan.children[unit.code]

    def _formed(self, children: list[Unit], indicator_id: str, year: int) -> Reading | Missing:
        parts: list[Reading] = []
        for child in children:
            reading = self.read(child, indicator_id, year)
            if isinstance(reading, Missing):
                return reading
            parts.append(reading)
        aggregate = self.plan.indicators[indicator_id].aggregate
        value = FORMS[aggregate](parts)
        evidence = tuple(observation for part in parts for observation in part.evidence)
        return Reading(value, value, evidence, formed_by=aggregate)
