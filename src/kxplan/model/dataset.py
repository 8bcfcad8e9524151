"""All valid data of a plan, and a unit's value of an indicator in a year: its own report, or
formed from its lower units' values as the indicator's `aggregate` says."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from kxplan.model.data import Observation, Submission
from kxplan.model.formula import DivisionByZero
from kxplan.model.plan import Aggregate, Plan, Unit
from kxplan.model.problems import Leftover, Problem


class Gap(StrEnum):
    """Why a value is not there."""

    NO_FILE = "no-file"
    INVALID_FILE = "invalid-file"
    NOT_REPORTED = "not-reported"
    #: a derived indicator's formula divides by 0 for this unit's values
    DIVISION_BY_ZERO = "division-by-zero"
    #: a weighted mean whose children's weights add up to 0
    ZERO_WEIGHT = "zero-weight"


@dataclass(frozen=True)
class Missing:
    unit: Unit
    year: int
    indicator: str
    gap: Gap
    file: str | None = None


@dataclass(frozen=True)
class Reading:
    """A unit's value: its own report, or formed from its lower units' (`formed_by`, with
    the direct children's values as `parts` and their `weights`), or computed by a derived
    indicator's formula from the same unit's `inputs`."""

    value: Fraction
    raw: bool | int | float | Fraction
    evidence: tuple[Observation, ...]
    formed_by: Aggregate | None = None
    parts: tuple[Fraction, ...] = ()
    weights: tuple[Fraction, ...] = ()
    inputs: tuple[tuple[str, Reading], ...] = ()


def _sum(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0))


def _mean(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values)


def _min(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    return min(values)


def _max(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    return max(values)


def _all(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    return Fraction(int(all(values)))


def _any(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    return Fraction(int(any(values)))


def _weighted_mean(values: Sequence[Fraction], weights: Sequence[Fraction]) -> Fraction | None:
    total = sum(weights, Fraction(0))
    if total == 0:
        return None  # nothing to weigh by: no mean
    return sum((v * w for v, w in zip(values, weights, strict=True)), Fraction(0)) / total


#: how a parent's value is formed from its direct children's values (and, for a weighted
#: mean, their weights), for each aggregate that forms one; None when it cannot be formed.
#: `none` forms none: a unit reports the value itself or it is missing.
FORMS: dict[Aggregate, Callable[[Sequence[Fraction], Sequence[Fraction]], Fraction | None]] = {
    Aggregate.SUM: _sum,
    Aggregate.MEAN: _mean,
    Aggregate.MIN: _min,
    Aggregate.MAX: _max,
    Aggregate.ALL: _all,
    Aggregate.ANY: _any,
    Aggregate.WEIGHTED_MEAN: _weighted_mean,
}
#: aggregates whose value is a yes/no
YES_NO_FORMS = frozenset({Aggregate.ALL, Aggregate.ANY})


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
        first of them missing makes it missing), else why there is none. A derived
        indicator's value is always computed, from the unit's own inputs."""
        if self.plan.indicators[indicator_id].derived:
            return self._derived(unit, indicator_id, year)
        submission = self.submission(unit, year)
        if submission is not None and indicator_id in submission.values:
            observation = submission.values[indicator_id]
            return Reading(observation.exact, observation.value, (observation,))
        parts = self.formed_from(unit, indicator_id, year)
        if parts:
            return self._formed(unit, parts, indicator_id, year)
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
        indicator = self.plan.indicators[indicator_id]
        if indicator.derived or indicator.aggregation not in FORMS:
            return []
        return self.plan.children[unit.code]

    def _formed(
        self, unit: Unit, children: list[Unit], indicator_id: str, year: int
    ) -> Reading | Missing:
        indicator = self.plan.indicators[indicator_id]
        parts: list[Reading] = []
        weights: list[Reading] = []
        for child in children:
            reading = self.read(child, indicator_id, year)
            if isinstance(reading, Missing):
                return reading
            parts.append(reading)
            if indicator.weight is not None:
                weight = self.read(child, indicator.weight, year)
                if isinstance(weight, Missing):
                    return weight
                weights.append(weight)
        aggregate = indicator.aggregation
        values = tuple(part.value for part in parts)
        weighed = tuple(weight.value for weight in weights) or tuple(Fraction(1) for _ in parts)
        value = FORMS[aggregate](values, weighed)
        if value is None:
            return Missing(unit, year, indicator_id, Gap.ZERO_WEIGHT)
        evidence = tuple(o for each in (*parts, *weights) for o in each.evidence)
        raw: bool | Fraction = bool(value) if aggregate in YES_NO_FORMS else value
        return Reading(
            value,
            raw,
            evidence,
            formed_by=aggregate,
            parts=values,
            weights=tuple(weight.value for weight in weights),
        )

    def _derived(self, unit: Unit, indicator_id: str, year: int) -> Reading | Missing:
        """Computed from the unit's own values of the formula's inputs: missing when one is
        (the input's gap says which and why) or when the formula divides by 0."""
        formula = self.plan.formula(indicator_id)
        inputs: list[tuple[str, Reading]] = []
        for ident in formula.ids:
            reading = self.read(unit, ident, year)
            if isinstance(reading, Missing):
                return reading
            inputs.append((ident, reading))
        try:
            value = formula.value({ident: reading.value for ident, reading in inputs})
        except DivisionByZero:
            return Missing(unit, year, indicator_id, Gap.DIVISION_BY_ZERO)
        evidence = tuple(o for _, reading in inputs for o in reading.evidence)
        return Reading(value, value, evidence, inputs=tuple(inputs))
