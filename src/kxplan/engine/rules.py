"""The rules engine (SPEC §3): one target, one unit, one year → one `Result`. Never prints."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from fractions import Fraction

from kxplan.engine import growth, milestones
from kxplan.model.comparisons import Op, Threshold, driving_bound, exceeds_upper, satisfies
from kxplan.model.data import Observation
from kxplan.model.dataset import DataSet, Missing, Reading
from kxplan.model.plan import Indicator, Kind, Plan, Target, Unit, ValueType
from kxplan.model.status import Status

Value = Fraction | bool


class Why(StrEnum):
    """Why a rule gave the status it gave, where the numbers alone do not say."""

    PREVIOUS_ZERO = "previous-zero"
    ABOVE_UPPER = "above-upper"
    CAP_EXCEEDED = "cap-exceeded"
    NOT_YET_TRUE = "not-yet-true"
    BASE_SATISFIED = "base-satisfied"
    BASE_AT_GOAL = "base-at-goal"
    BASE_NOT_POSITIVE = "base-not-positive"  # no average growth from a base of 0
    NO_MOVEMENT = "no-movement"  # the expected value is the start: R has no value


@dataclass(frozen=True)
class Result:
    target: Target
    indicator: Indicator
    unit: Unit
    year: int
    status: Status
    value: Value | None = None
    baseline: Fraction | None = None
    expected: Fraction | None = None
    time_share: Fraction | None = None
    completion: Fraction | None = None
    progress_ratio: Fraction | None = None
    previous: Fraction | None = None
    evidence: tuple[Observation, ...] = ()
    missing: Missing | None = None
    why: Why | None = None

    @property
    def threshold(self) -> Threshold | None:
        return self.target.bound


def evaluate(plan: Plan, data: DataSet, target: Target, unit: Unit, year: int) -> Result:
    indicator = plan.indicators[target.indicator]
    start = Result(target, indicator, unit, year, Status.MISSING)
    if target.kind is Kind.CUMULATIVE:
        return _cumulative(plan, data, start)
    reading = data.read(unit, indicator.id, year)
    if isinstance(reading, Missing):
        return _replace(start, missing=reading)
    current = _replace(start, value=_shown(reading, indicator), evidence=reading.evidence)
    if target.kind is Kind.MONITOR:
        return _replace(current, status=Status.MONITORED)
    if target.kind is Kind.GROWTH:
        return _growth(data, current, reading)
    if target.kind is Kind.AVERAGE_GROWTH:
        return _average_growth(plan, data, current, reading.value)
    if target.kind is Kind.ANNUAL or year >= _deadline(target):
        return _judge(current, reading.value)
    return _trajectory(plan, data, current, reading.value)


def _judge(result: Result, value: Fraction) -> Result:
    met = _satisfies(value, result.target)
    return _replace(result, status=Status.MET if met else Status.NOT_MET)


def _growth(data: DataSet, result: Result, reading: Reading) -> Result:
    before = data.read(result.unit, result.indicator.id, result.year - 1)
    if isinstance(before, Missing):
        return _replace(result, status=Status.MISSING, value=None, missing=before)
    if before.value == 0:
        return _replace(
            result, status=Status.MISSING, value=None, previous=before.value, why=Why.PREVIOUS_ZERO
        )
    growth = (reading.value / before.value - 1) * 100
    return _judge(
        _replace(
            result, value=growth, previous=before.value, evidence=before.evidence + reading.evidence
        ),
        growth,
    )


def _trajectory(plan: Plan, data: DataSet, result: Result, value: Fraction) -> Result:
    """A deadline target before its deadline: against the straight line from the base year."""
    target, bound = result.target, _bound(result.target)
    if exceeds_upper(value, _op(target), bound):
        return _replace(result, status=Status.NOT_MET, why=Why.ABOVE_UPPER)
    reached = _satisfies(value, target)
    if result.indicator.type is ValueType.BOOLEAN:
        if reached:
            return _replace(result, status=Status.ACHIEVED_EARLY)
        return _replace(result, status=Status.IN_PROGRESS, why=Why.NOT_YET_TRUE)
    base = data.read(result.unit, result.indicator.id, plan.base_year)
    if isinstance(base, Missing):
        # Reaching the threshold needs no trajectory; judging the way there does.
        status = Status.ACHIEVED_EARLY if reached else Status.MISSING
        return _replace(result, status=status, missing=None if reached else base)
    goal = driving_bound(_op(target), bound)
    share = Fraction(result.year - plan.base_year, _deadline(target) - plan.base_year)
    result = _replace(
        result, baseline=base.value, time_share=share, evidence=base.evidence + result.evidence
    )
    base_met = _satisfies(base.value, target)
    if goal == base.value or base_met:
        # No line to draw: the base is at or already past the threshold, so the line is flat
        # at the threshold, met or (when the value fell back) not.
        if reached:
            return _replace(result, status=Status.ACHIEVED_EARLY, expected=goal)
        why = Why.BASE_SATISFIED if base_met else Why.BASE_AT_GOAL  # `> 5` from a base of 5
        return _replace(result, status=Status.BEHIND, expected=goal, why=why)
    completion = (value - base.value) / (goal - base.value)
    if target.milestones:
        line = milestones.anchors(target, plan.base_year, base.value, goal)
        expected = milestones.interpolate(line, result.year)
        on_line = _replace(result, completion=completion)
        return _on_milestones(plan, on_line, value, base.value, expected, reached)
    ratio = completion / share
    return _replace(
        result,
        expected=base.value + (goal - base.value) * share,
        completion=completion,
        progress_ratio=ratio,
        status=Status.ACHIEVED_EARLY if reached else _band(plan, ratio),
    )


def _cumulative(plan: Plan, data: DataSet, result: Result) -> Result:
    target = result.target
    first, deadline = target.start or plan.start, _deadline(target)
    total, evidence = Fraction(0), tuple[Observation, ...]()
    for year in range(first, result.year + 1):
        reading = data.read(result.unit, result.indicator.id, year)
        if isinstance(reading, Missing):
            return _replace(result, missing=reading)
        total += reading.value
        evidence = evidence + reading.evidence
    result = _replace(result, value=total, evidence=evidence)
    if result.year >= deadline:
        return _judge(result, total)
    op, bound = _op(target), _bound(target)
    if exceeds_upper(total, op, bound):
        return _replace(result, status=Status.NOT_MET, why=Why.ABOVE_UPPER)
    is_cap = op.is_cap
    if is_cap and not satisfies(total, op, bound):
        return _replace(result, status=Status.NOT_MET, why=Why.CAP_EXCEEDED)
    share = Fraction(result.year - first + 1, deadline - first + 1)
    # T·t, or on the milestones' lines: the running sum starts from 0 the year before `first`
    line = milestones.anchors(target, first - 1, Fraction(0), driving_bound(op, bound))
    expected = milestones.interpolate(line, result.year)
    ratio = total / expected if expected else None
    result = _replace(result, time_share=share, expected=expected, progress_ratio=ratio)
    if not is_cap and satisfies(total, op, bound):
        return _replace(result, status=Status.ACHIEVED_EARLY)
    if ratio is None and target.milestones:
        return _no_movement(result, total, expected)
    if ratio is None:
        return _replace(result, status=Status.IN_PROGRESS)
    if is_cap:
        # Using a cap up faster than time passes is the bad direction.
        return _replace(result, status=_band(plan, 2 - ratio))
    return _replace(result, status=_band(plan, ratio))


def _on_milestones(
    plan: Plan, result: Result, value: Fraction, start: Fraction, expected: Fraction, reached: bool
) -> Result:
    """Before the deadline, against the expected value of the year (a milestone, or on the
    line between two): R = (v − b)/(e − b) (SPEC §7)."""
    ratio = milestones.ratio(value, start, expected)
    result = _replace(result, expected=expected, progress_ratio=ratio)
    if reached:
        return _replace(result, status=Status.ACHIEVED_EARLY)
    if ratio is None:
        return _no_movement(result, value, expected)
    return _replace(result, status=_band(plan, ratio))


def _no_movement(result: Result, value: Fraction, expected: Fraction) -> Result:
    """No movement expected this year (e = b): keeping to e is on track, falling back behind."""
    kept = milestones.keeps_to(value, expected, result.indicator.direction)
    return _replace(result, status=Status.ON_TRACK if kept else Status.BEHIND, why=Why.NO_MOVEMENT)


def _average_growth(plan: Plan, data: DataSet, result: Result, value: Fraction) -> Result:
    """年均增长 (SPEC §7): the compound average growth since the base year, decided exactly on
    v against b·(1 + g/100)^n; before the deadline against the compound line e = b·q^(y − y0)."""
    target, y0 = result.target, plan.base_year
    base = data.read(result.unit, result.indicator.id, y0)
    if isinstance(base, Missing):
        return _replace(result, value=None, missing=base)
    b = base.value
    if b <= 0:
        return _replace(result, value=None, baseline=b, why=Why.BASE_NOT_POSITIVE)
    op, g, years = _op(target), _number(_bound(target)), result.year - y0
    result = _replace(
        result,
        value=growth.average(value, b, years),
        baseline=b,
        evidence=base.evidence + result.evidence,
    )
    if result.year >= _deadline(target):
        met = growth.reaches(value, b, op, g, years)
        return _replace(result, status=Status.MET if met else Status.NOT_MET)
    goal = growth.level(b, g, _deadline(target) - y0)  # L, the deadline level
    result = _replace(result, time_share=Fraction(years, _deadline(target) - y0))
    reached = satisfies(value, op, goal)
    if satisfies(b, op, goal):  # the base already satisfies it: e = L every year (SPEC §3)
        status = Status.ACHIEVED_EARLY if reached else Status.BEHIND
        why = None if reached else Why.BASE_SATISFIED
        return _replace(result, expected=goal, status=status, why=why)
    expected = growth.level(b, g, years)
    return _on_milestones(plan, result, value, b, expected, reached)


def _band(plan: Plan, ratio: Fraction) -> Status:
    if ratio >= plan.ahead_band:
        return Status.AHEAD
    if ratio >= plan.behind_band:
        return Status.ON_TRACK
    return Status.BEHIND


def _satisfies(value: Fraction, target: Target) -> bool:
    return satisfies(value, _op(target), _bound(target))


def _op(target: Target) -> Op:
    assert target.op is not None, "plan checks guarantee an op for judged targets"
    return target.op


def _bound(target: Target) -> Threshold:
    assert target.bound is not None, "plan checks guarantee a threshold for judged targets"
    return target.bound


def _number(bound: Threshold) -> Fraction:
    assert not isinstance(bound, tuple), "plan checks refuse `between` for this kind"
    return bound


def _deadline(target: Target) -> int:
    assert target.deadline is not None, "plan checks guarantee a deadline for these kinds"
    return target.deadline


def _shown(reading: Reading, indicator: Indicator) -> Value:
    if indicator.type is ValueType.BOOLEAN:
        return bool(reading.raw)
    return reading.value


def _replace(result: Result, **changes: object) -> Result:
    return replace(result, **changes)  # type: ignore[arg-type]
