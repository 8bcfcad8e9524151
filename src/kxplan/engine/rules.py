"""The rules engine (SPEC §3): one target, one unit, one year → one `Result`. Never prints."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from fractions import Fraction

from kxplan.engine import growth, milestones
from kxplan.engine.thresholds import Limit, limit_for
from kxplan.model.comparisons import Op, Threshold, driving_bound, exceeds_upper, satisfies
from kxplan.model.data import Observation
from kxplan.model.dataset import DataSet, Missing, Reading
from kxplan.model.plan import Indicator, Kind, Plan, Target, Unit, ValueType
from kxplan.model.scope import bands_of, base_year_of, sum_start
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
    BASE_MISSING = "base-missing"


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
    #: the threshold the target sets for this unit (`kxplan.engine.thresholds`)
    limit: Limit | None = None

    @property
    def threshold(self) -> Threshold | None:
        """The threshold this unit is judged against: its quota, a relative threshold resolved
        against its base (None when it cannot be), else the target's."""
        return self.target.bound if self.limit is None else self.limit.bound


def evaluate(plan: Plan, data: DataSet, target: Target, unit: Unit, year: int) -> Result:
    indicator = plan.indicators[target.indicator]
    limit = limit_for(plan, data, target, unit)
    start = Result(target, indicator, unit, year, Status.MISSING, limit=limit)
    if target.kind is Kind.CUMULATIVE:
        return _cumulative(plan, data, start)
    reading = data.read(unit, indicator.id, year)
    if isinstance(reading, Missing):
        return _replace(start, missing=reading)
    current = _replace(start, value=_shown(reading, indicator), evidence=reading.evidence)
    if target.kind is Kind.MONITOR:
        return _replace(current, status=Status.MONITORED)
    if isinstance(limit.base, Missing) and limit.unresolved:
        # a threshold relative to a base that is missing cannot be resolved
        return _replace(current, missing=limit.base, why=Why.BASE_MISSING)
    if target.kind is Kind.GROWTH:
        return _growth(data, current, reading)
    if target.kind is Kind.AVERAGE_GROWTH:
        return _average_growth(plan, data, current, reading.value)
    if target.kind is Kind.ANNUAL or year >= _deadline(target):
        return _judge(current, reading.value)
    return _trajectory(plan, data, current, reading.value)


def _judge(result: Result, value: Fraction) -> Result:
    met = _satisfies(value, result)
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
    """A deadline target before its deadline: against the straight line from the base year.
    `expected` and `progress_ratio` are set whenever they can be computed, whatever the status
    (SPEC §3, settled cases)."""
    target, op, bound = result.target, _op(result.target), _bound(result)
    reached = _satisfies(value, result)
    if result.indicator.type is ValueType.BOOLEAN:
        if reached:
            return _replace(result, status=Status.ACHIEVED_EARLY)
        return _replace(result, status=Status.IN_PROGRESS, why=Why.NOT_YET_TRUE)
    y0 = base_year_of(plan, target)
    base = data.read(result.unit, result.indicator.id, y0)
    if isinstance(base, Missing):
        # settled case: a numeric deadline target without its base value is missing, even
        # when this year's value already reaches the threshold
        return _replace(result, status=Status.MISSING, missing=base, why=Why.BASE_MISSING)
    goal = driving_bound(op, bound)
    share = Fraction(result.year - y0, _deadline(target) - y0)
    result = _replace(
        result, baseline=base.value, time_share=share, evidence=base.evidence + result.evidence
    )
    above = exceeds_upper(value, op, bound)
    base_met = satisfies(base.value, op, bound)
    if goal == base.value or base_met:
        # No line to draw: the base is at or already past the threshold, so the line is flat
        # at the threshold, met or (when the value fell back) not.
        result = _replace(result, expected=goal)
        if above:
            return _replace(result, status=Status.NOT_MET, why=Why.ABOVE_UPPER)
        if reached:
            return _replace(result, status=Status.ACHIEVED_EARLY)
        why = Why.BASE_SATISFIED if base_met else Why.BASE_AT_GOAL  # `> 5` from a base of 5
        return _replace(result, status=Status.BEHIND, why=why)
    completion = (value - base.value) / (goal - base.value)
    if target.milestones:
        line = milestones.anchors(target, y0, base.value, goal)
        expected = milestones.interpolate(line, result.year)
        on_line = _replace(result, completion=completion)
        return _on_milestones(plan, on_line, value, base.value, expected, reached, above)
    ratio = completion / share
    result = _replace(
        result,
        expected=base.value + (goal - base.value) * share,
        completion=completion,
        progress_ratio=ratio,
    )
    if above:
        return _replace(result, status=Status.NOT_MET, why=Why.ABOVE_UPPER)
    status = Status.ACHIEVED_EARLY if reached else _band(bands_of(plan, target), ratio)
    return _replace(result, status=status)


def _cumulative(plan: Plan, data: DataSet, result: Result) -> Result:
    target = result.target
    first, deadline = sum_start(plan, target), _deadline(target)
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
    op, bound = _op(target), _bound(result)
    share = Fraction(result.year - first + 1, deadline - first + 1)
    # T·t, or on the milestones' lines: the running sum starts from 0 the year before `first`
    line = milestones.anchors(target, first - 1, Fraction(0), driving_bound(op, bound))
    expected = milestones.interpolate(line, result.year)
    ratio = total / expected if expected else None
    result = _replace(result, time_share=share, expected=expected, progress_ratio=ratio)
    if exceeds_upper(total, op, bound):
        return _replace(result, status=Status.NOT_MET, why=Why.ABOVE_UPPER)
    if op.is_cap:
        return _ceiling(plan, result, total)
    if satisfies(total, op, bound):
        return _replace(result, status=Status.ACHIEVED_EARLY)
    if ratio is None and target.milestones:
        return _no_movement(result, total, expected)
    if ratio is None:
        return _replace(result, status=Status.IN_PROGRESS)
    return _replace(result, status=_band(bands_of(plan, target), ratio))


def _on_milestones(
    plan: Plan,
    result: Result,
    value: Fraction,
    start: Fraction,
    expected: Fraction,
    reached: bool,
    above: bool = False,
) -> Result:
    """Before the deadline, against the expected value of the year (a milestone, or on the
    line between two): R = (v − b)/(e − b) (SPEC §7)."""
    ratio = milestones.ratio(value, start, expected)
    result = _replace(result, expected=expected, progress_ratio=ratio)
    if above:  # past the upper bound of `between`: only not met (SPEC §3)
        return _replace(result, status=Status.NOT_MET, why=Why.ABOVE_UPPER)
    if reached:
        return _replace(result, status=Status.ACHIEVED_EARLY)
    if ratio is None:
        return _no_movement(result, value, expected)
    return _replace(result, status=_band(bands_of(plan, result.target), ratio))


def _no_movement(result: Result, value: Fraction, expected: Fraction) -> Result:
    """No movement expected this year (e = b): keeping to e is on track, falling back behind."""
    kept = milestones.keeps_to(value, expected, result.indicator.direction)
    return _replace(result, status=Status.ON_TRACK if kept else Status.BEHIND, why=Why.NO_MOVEMENT)


def _average_growth(plan: Plan, data: DataSet, result: Result, value: Fraction) -> Result:
    """年均增长 (SPEC §7): the compound average growth since the base year, decided exactly on
    v against b·(1 + g/100)^n; before the deadline against the compound line e = b·q^(y − y0)."""
    target, y0 = result.target, base_year_of(plan, result.target)
    base = data.read(result.unit, result.indicator.id, y0)
    if isinstance(base, Missing):
        return _replace(result, value=None, missing=base)
    b = base.value
    if b <= 0:
        return _replace(result, value=None, baseline=b, why=Why.BASE_NOT_POSITIVE)
    op, g, years = _op(target), _number(_bound(result)), result.year - y0
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


def _ceiling(plan: Plan, result: Result, total: Fraction) -> Result:
    """A ceiling on a running sum before its deadline (settled case): past the ceiling it is
    not met; else spending faster than the pro-rata share (R ≥ 2 − behind) is behind, and
    anything slower on track. A ceiling is never ahead or achieved early."""
    if not _satisfies(total, result):
        return _replace(result, status=Status.NOT_MET, why=Why.CAP_EXCEEDED)
    _, behind = bands_of(plan, result.target)
    ratio = result.progress_ratio
    fast = ratio is not None and ratio >= 2 - behind
    return _replace(result, status=Status.BEHIND if fast else Status.ON_TRACK)


def _band(bands: tuple[Fraction, Fraction], ratio: Fraction) -> Status:
    ahead, behind = bands
    if ratio >= ahead:
        return Status.AHEAD
    if ratio >= behind:
        return Status.ON_TRACK
    return Status.BEHIND


def _satisfies(value: Fraction, result: Result) -> bool:
    return satisfies(value, _op(result.target), _bound(result))


def _op(target: Target) -> Op:
    assert target.op is not None, "plan checks guarantee an op for judged targets"
    return target.op


def _bound(result: Result) -> Threshold:
    bound = result.threshold
    assert bound is not None, "plan checks guarantee a threshold; an unresolved one is missing"
    return bound


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
    """`dataclasses.replace`, without its checks: a national tree makes 90,000 of these, and
    `replace` calls the frozen class's `__init__`, which sets each field the slow way."""
    unknown = changes.keys() - _FIELDS
    if unknown:
        raise TypeError(f"Result has no field {', '.join(sorted(unknown))}")
    new = object.__new__(Result)
    new.__dict__.update(result.__dict__)
    new.__dict__.update(changes)
    return new


_FIELDS = frozenset(field.name for field in fields(Result))
