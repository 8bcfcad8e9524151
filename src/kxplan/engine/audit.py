"""The audit trail of one result (`kxplan explain`), built as `kxplan.engine.trail` holds it.

The steps restate the rules engine's arithmetic with the numbers filled in; the figures they
hold are the `Result`'s own (expected value, time share, ratio), so the trail cannot drift from
the status it explains.
"""

from __future__ import annotations

from fractions import Fraction

from kxplan.engine import growth, milestones
from kxplan.engine.rules import Result, Value, Why
from kxplan.engine.trail import (
    Audit,
    AverageGrowth,
    Band,
    Base,
    CeilingEdge,
    Completion,
    Derived,
    Expected,
    FlatLine,
    Formed,
    Goal,
    Growth,
    GrowthLine,
    GrowthValues,
    Input,
    LineRatio,
    MilestoneLine,
    NoMovement,
    PartialSum,
    Ratio,
    Step,
    Sum,
    ThisYear,
    ThresholdTest,
    TimeShare,
    Total,
    TotalCompletion,
    TotalExpected,
    TotalRatio,
    TotalTimeShare,
    UnitThreshold,
    Verdict,
)
from kxplan.model.comparisons import Op, Threshold, driving_bound, satisfies
from kxplan.model.data import Observation
from kxplan.model.dataset import DataSet, Gap, Missing, Reading
from kxplan.model.plan import Aggregate, Kind, Plan, Target, Unit
from kxplan.model.scope import bands_of, base_year_of, sum_start
from kxplan.model.status import Status


def audit(plan: Plan, data: DataSet, result: Result) -> Audit:
    trail = _Trail(plan, data, result)
    trail.build()
    inputs = sorted(trail.inputs, key=lambda item: item.year)
    return Audit(result, inputs, trail.gaps, trail.steps, list(data.problems))


class _Trail:
    def __init__(self, plan: Plan, data: DataSet, result: Result) -> None:
        self.plan, self.data, self.result = plan, data, result
        self.target: Target = result.target
        self.inputs: list[Input] = []
        self.gaps: list[Missing] = []
        self.steps: list[Step] = []
        self.units = {s.file: s.unit for s in data.submissions.values()}

    def read(self, year: int) -> Reading | None:
        """The unit's value in `year`, recording its inputs, or the gap when it is missing."""
        reading = self.data.read(self.result.unit, self.target.indicator, year)
        if isinstance(reading, Missing):
            self.absent(self.result.unit, self.target.indicator, year, reading)
            return None
        self.record(year, reading.evidence)
        self.formation(year, self.target.indicator, reading)
        return reading

    def record(self, year: int, evidence: tuple[Observation, ...]) -> None:
        for observation in evidence:
            other = observation.indicator != self.target.indicator
            indicator = self.plan.indicators[observation.indicator] if other else None
            unit = self.units.get(observation.file)
            self.inputs.append(Input(year, unit, observation, indicator))

    def formation(self, year: int, ident: str, reading: Reading) -> None:
        """How a value was formed: a derived indicator's inputs first, then its formula; a
        parent's value from its children's."""
        for name, each in reading.inputs:
            self.formation(year, name, each)
        if reading.formed_by is Aggregate.SUM:
            parts = tuple(observation.exact for observation in reading.evidence)
            self.steps.append(Sum(year, parts, reading.value))
        elif reading.formed_by is not None:
            how = reading.formed_by
            self.steps.append(Formed(year, how, reading.parts, reading.weights, reading.value))
        if reading.inputs:
            text = self.plan.formula(ident).text
            values = tuple((name, each.value) for name, each in reading.inputs)
            self.steps.append(Derived(year, ident, text, values, reading.value))

    def absent(self, unit: Unit, ident: str, year: int, missing: Missing) -> None:
        """Why a value is missing: for a derived indicator, each of its inputs; for a formed
        one, each of its parts (`partial_sum`)."""
        if not self.plan.indicators[ident].derived:
            self.partial_sum(unit, ident, year, missing)
            return
        for name in self.plan.formula(ident).ids:
            reading = self.data.read(unit, name, year)
            if isinstance(reading, Missing):
                self.absent(unit, name, year, reading)
            else:
                self.record(year, reading.evidence)
        if missing.gap in (Gap.DIVISION_BY_ZERO,):
            self.gaps.append(missing)

    def partial_sum(self, unit: Unit, ident: str, year: int, missing: Missing) -> None:
        """Why a sum could not be formed: the parts that were reported (with their places)
        and every part that was not, not only the first gap the rules engine met."""
        parts = self.data.formed_from(unit, ident, year)
        if not parts or missing.gap is Gap.ZERO_WEIGHT:
            self.gaps.append(missing)
            return
        absent = []
        for part in parts:
            reading = self.data.read(part, ident, year)
            if isinstance(reading, Missing):
                absent.append(part)
                self.partial_sum(part, ident, year, reading)
                continue
            self.record(year, reading.evidence)
        if missing.indicator != ident:  # a weight is missing: say where, with the parts
            self.absent(missing.unit, missing.indicator, year, missing)
        how = self.plan.indicators[ident].aggregation
        self.steps.append(PartialSum(year, len(parts), tuple(absent), how))

    def build(self) -> None:
        kind, year = self.target.kind, self.result.year
        limit = self.result.limit
        if limit is not None and limit.given is not None and (limit.quota or limit.relative):
            self.steps.append(
                UnitThreshold(
                    limit.given, limit.bound, limit.quota, limit.relative, limit.b, limit.base_year
                )
            )
        if kind is Kind.CUMULATIVE:
            self.cumulative()
        elif kind is Kind.GROWTH:
            self.growth()
        elif kind is Kind.AVERAGE_GROWTH:
            self.average_growth()
        elif kind is Kind.DEADLINE and year < _deadline(self.target):
            self.trajectory()
        elif self.read(year) is not None:
            self.steps.append(ThisYear(self.result.value))
        self.steps.append(self.verdict())
        self.steps = _resolved_at_base(self.steps)

    def growth(self) -> None:
        before, now = self.read(self.result.year - 1), self.read(self.result.year)
        if before is None or now is None:
            return
        self.steps.append(GrowthValues(before.value, now.value))
        if self.result.why is Why.PREVIOUS_ZERO:
            return
        self.steps.append(Growth(before.value, now.value, self.result.value))

    def trajectory(self) -> None:
        result = self.result
        if self.read(result.year) is None:
            return
        self.steps.append(ThisYear(result.value))
        if result.time_share is None and result.missing is None:
            return  # decided without a trajectory: already there, yes/no, or above the bound
        y0 = base_year_of(self.plan, self.target)
        if self.read(y0) is None or result.baseline is None:
            return
        b, goal, t = result.baseline, self.goal(), _known(result.time_share)
        e = _known(result.expected)
        self.steps.append(Base(b, y0))
        self.steps.append(Goal(goal))
        self.steps.append(TimeShare(result.year, y0, _deadline(self.target), t))
        if result.completion is None:  # no line from b to T to measure progress on
            self.steps.append(FlatLine(e, at_goal=result.why is Why.BASE_AT_GOAL))
            return
        if self.target.milestones:
            self.milestone(y0, b, goal, e)
            self.progress(_number(result.value), b, e)
            return
        c, r = result.completion, _known(result.progress_ratio)
        self.steps.append(Expected(b, goal, t, e))
        self.steps.append(Completion(result.value, b, goal, c))
        self.steps.append(Ratio(c, t, r))

    def cumulative(self) -> None:
        result = self.result
        first = sum_start(self.plan, self.target)
        readings = [self.read(year) for year in range(first, result.year + 1)]
        if any(reading is None for reading in readings):
            return
        terms = tuple(reading.value for reading in readings if reading is not None)
        s = _number(result.value)
        self.steps.append(Total(terms, s, first, result.year))
        if result.time_share is None:
            return
        goal, t, e = self.goal(), result.time_share, _known(result.expected)
        self.steps.append(Goal(goal))
        self.steps.append(TotalTimeShare(result.year, first, _deadline(self.target), t))
        if self.target.milestones:
            self.milestone(first - 1, Fraction(0), goal, e)
        else:
            self.steps.append(TotalExpected(goal, t, e))
        if goal:
            self.steps.append(TotalCompletion(s, goal, s / goal))
        if result.progress_ratio is not None:
            self.steps.append(TotalRatio(s, e, result.progress_ratio))
            if self.ceiling:
                _, behind = bands_of(self.plan, self.target)
                self.steps.append(CeilingEdge(2 - behind))
        elif self.target.milestones:
            self.steps.append(NoMovement(e))

    def average_growth(self) -> None:
        """b and v, the average between them, and before the deadline the compound line."""
        result, y0 = self.result, base_year_of(self.plan, self.target)
        base, now = self.read(y0), self.read(result.year)
        if base is None or now is None:
            return
        b, v = base.value, now.value
        self.steps.append(Base(b, y0))
        self.steps.append(ThisYear(v))
        if result.why is Why.BASE_NOT_POSITIVE:
            return
        self.steps.append(AverageGrowth(v, b, result.year - y0, result.value))
        if result.time_share is None:  # at or after the deadline: the average against g
            return
        q, years = 1 + self.goal() / 100, _deadline(self.target) - y0
        level = growth.level(b, self.goal(), years)
        self.steps.append(GrowthLine(b, q, years, level, deadline=True))
        e = _known(result.expected)
        if self.base_satisfies(level):
            self.steps.append(FlatLine(e, at_goal=False))
            return
        self.steps.append(GrowthLine(b, q, result.year - y0, e, deadline=False))
        self.progress(v, b, e)

    def base_satisfies(self, level: Fraction) -> bool:
        assert self.target.op is not None and self.result.baseline is not None
        return satisfies(self.result.baseline, self.target.op, level)

    def milestone(self, first: int, start: Fraction, goal: Fraction, e: Fraction) -> None:
        """The two anchors the year's expected value lies between."""
        points = milestones.anchors(self.target, first, start, goal)
        (y1, e1), (y2, e2) = milestones.segment(points, self.result.year)
        self.steps.append(MilestoneLine(y1, e1, y2, e2, self.result.year, e))

    def progress(self, v: Fraction, b: Fraction, e: Fraction) -> None:
        """R = (v − b) / (e − b), or no ratio where no change is expected."""
        ratio = self.result.progress_ratio
        self.steps.append(NoMovement(e) if ratio is None else LineRatio(v, b, e, ratio))

    @property
    def ceiling(self) -> bool:
        return self.target.op is not None and self.target.op.is_cap

    def bound(self) -> Threshold:
        bound = self.result.threshold
        assert bound is not None, "a judged result has its threshold"
        return bound

    def goal(self) -> Fraction:
        assert self.target.op is not None
        return driving_bound(self.target.op, self.bound())

    def verdict(self) -> Verdict:
        status = self.result.status
        if status in (Status.MISSING, Status.MONITORED):
            return Verdict(status)
        test = self.comparison()
        banded = status in (Status.AHEAD, Status.ON_TRACK, Status.BEHIND)
        if banded and self.result.why is None and self.result.progress_ratio is not None:
            return Verdict(status, test, self.band())
        return Verdict(status, test)

    def comparison(self) -> ThresholdTest:
        """The threshold test on the value the rule judges."""
        target, value = self.target, self.result.value
        assert target.op is not None
        if target.kind is Kind.AVERAGE_GROWTH:
            return self.growth_test()
        judged = Fraction(int(value)) if isinstance(value, bool) else _number(value)
        holds = satisfies(judged, target.op, self.bound())
        return ThresholdTest(value, target.op, self.bound(), holds)

    def growth_test(self) -> ThresholdTest:
        """At the deadline the average against g, decided exactly on v against b·q^n; before
        it this year's value against the deadline level L."""
        result, op, g = self.result, _op(self.target), self.goal()
        v = _number(self.data_value())
        b, y0 = _known(result.baseline), base_year_of(self.plan, self.target)
        if result.time_share is None:
            holds = growth.reaches(v, b, op, g, result.year - y0)
            return ThresholdTest(result.value, op, g, holds)
        level = growth.level(b, g, _deadline(self.target) - y0)
        return ThresholdTest(v, op, level, satisfies(v, op, level), level=True)

    def data_value(self) -> Fraction:
        reading = self.data.read(self.result.unit, self.target.indicator, self.result.year)
        assert not isinstance(reading, Missing), "an average growth was computed from it"
        return reading.value

    def band(self) -> Band:
        ratio = _known(self.result.progress_ratio)
        ahead, behind = bands_of(self.plan, self.target)
        if self.target.kind is Kind.CUMULATIVE and self.ceiling:
            return Band(ratio, True, 2 - behind, 2 - behind)
        return Band(ratio, False, ahead, behind)


def _resolved_at_base(steps: list[Step]) -> list[Step]:
    """A relative threshold resolved where its base b is given (in b's place: the step names
    b), not before b appears, and T said once: the `Goal` restating it goes."""
    first = steps[0] if steps else None
    if not isinstance(first, UnitThreshold) or first.b is None or first.bound is None:
        return steps
    base = Base(first.b, first.year) if first.year is not None else None
    if base not in steps:
        return steps  # no b in the trail (at the deadline): the step names b itself
    at = steps.index(base)
    rest = steps[at + 1 :]
    if rest and not isinstance(first.bound, tuple) and rest[0] == Goal(first.bound):
        rest = rest[1:]  # a pair's Goal stays: it says which bound the line heads for
    return [*steps[1:at], first, *rest]


def _known(value: Fraction | None) -> Fraction:
    assert value is not None, "set by the rules engine for this status"
    return value


def _number(value: Value | None) -> Fraction:
    assert isinstance(value, Fraction), "a running total is a number"
    return value


def _op(target: Target) -> Op:
    assert target.op is not None, "plan checks guarantee an op for judged targets"
    return target.op


def _deadline(target: Target) -> int:
    assert target.deadline is not None, "plan checks guarantee a deadline for these kinds"
    return target.deadline
