"""The audit trail of one result (`kxplan explain`): every input with its place, every step.

The steps restate the rules engine's arithmetic with the numbers filled in; the figures they
show are the `Result`'s own (expected value, time share, ratio), so the trail cannot drift
from the status it explains.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kxplan.engine.rules import Result, Why
from kxplan.model.comparisons import Op, driving_bound, satisfies
from kxplan.model.data import Observation
from kxplan.model.dataset import DataSet, Missing, Reading
from kxplan.model.plan import Aggregate, Kind, Plan, Target, Unit
from kxplan.model.status import Status
from kxplan.render.describe import explain, number, shown
from kxplan.text import in_lang, tr


@dataclass(frozen=True)
class Input:
    year: int
    unit: Unit | None
    observation: Observation


@dataclass(frozen=True)
class Audit:
    result: Result
    inputs: list[Input]
    gaps: list[Missing]
    steps: list[str]


def audit(plan: Plan, data: DataSet, result: Result, lang: str) -> Audit:
    trail = _Trail(plan, data, result, lang)
    trail.build()
    inputs = sorted(trail.inputs, key=lambda item: item.year)
    return Audit(result, inputs, trail.gaps, trail.steps)


def ratio_text(value: Fraction) -> str:
    """4/5 = 0.8: the exact share and its decimal, as a reader checks it by hand."""
    if value.denominator == 1 or value.denominator > 100:
        return number(value, 4)
    return f"{value.numerator}/{value.denominator} = {number(value, 4)}"


class _Trail:
    def __init__(self, plan: Plan, data: DataSet, result: Result, lang: str) -> None:
        self.plan, self.data, self.result, self.lang = plan, data, result, lang
        self.target: Target = result.target
        self.inputs: list[Input] = []
        self.gaps: list[Missing] = []
        self.steps: list[str] = []
        self.units = {s.file: s.unit for s in data.submissions.values()}

    def say(self, step: str) -> None:
        self.steps.append(step)

    def read(self, year: int) -> Reading | None:
        """The unit's value in `year`, recording its inputs, or the gap when it is missing."""
        reading = self.data.read(self.result.unit, self.target.indicator, year)
        if isinstance(reading, Missing):
            self.partial_sum(self.result.unit, year, reading)
            return None
        for observation in reading.evidence:
            self.inputs.append(Input(year, self.units.get(observation.file), observation))
        if reading.formed_by is Aggregate.SUM:
            parts = " + ".join(number(o.exact) for o in reading.evidence)
            total = number(reading.value)
            self.say(tr("audit-sum", self.lang, year=year, parts=parts, total=total))
        return reading

    def partial_sum(self, unit: Unit, year: int, missing: Missing) -> None:
        """Why a sum could not be formed: the parts that were reported (with their places)
        and every part that was not, not only the first gap the rules engine met."""
        parts = self.data.formed_from(unit, self.target.indicator, year)
        if not parts:
            self.gaps.append(missing)
            return
        absent = []
        for part in parts:
            reading = self.data.read(part, self.target.indicator, year)
            if isinstance(reading, Missing):
                absent.append(part)
                self.partial_sum(part, year, reading)
                continue
            for observation in reading.evidence:
                self.inputs.append(Input(year, self.units.get(observation.file), observation))
        lang = self.lang
        names = tr("list-comma", lang).join(in_lang(p.name, p.name_en, lang) for p in absent)
        got, count = len(parts) - len(absent), len(parts)
        self.say(
            tr(
                "audit-partial-sum-one" if len(absent) == 1 else "audit-partial-sum",
                lang,
                year=year,
                count=count,
                got=got,
                names=names,
            )
        )

    def build(self) -> None:
        kind, year = self.target.kind, self.result.year
        if kind is Kind.CUMULATIVE:
            self.cumulative()
        elif kind is Kind.GROWTH:
            self.growth()
        elif kind is Kind.DEADLINE and year < _deadline(self.target):
            self.trajectory()
        else:
            if self.read(year) is not None:
                self.say(tr("audit-value", self.lang, value=self.value()))
        self.verdict()

    def value(self) -> str:
        return shown(self.result.value, self.lang, self.target)

    def growth(self) -> None:
        before, now = self.read(self.result.year - 1), self.read(self.result.year)
        if before is None or now is None:
            return
        p, v = number(before.value), number(now.value)
        self.say(tr("audit-growth-values", self.lang, p=p, v=v))
        if self.result.why is Why.PREVIOUS_ZERO:
            return
        self.say(tr("audit-growth", self.lang, p=p, v=v, g=self.value()))

    def trajectory(self) -> None:
        result = self.result
        if self.read(result.year) is None:
            return
        lang = self.lang
        self.say(tr("audit-value", lang, value=self.value()))
        if result.time_share is None and result.missing is None:
            return  # decided without a trajectory: already there, yes/no, or above the bound
        if self.read(self.plan.base_year) is None or result.baseline is None:
            return
        b, goal = number(result.baseline), number(self.goal())
        y, y0, yT = result.year, self.plan.base_year, _deadline(self.target)
        self.say(tr("audit-base", lang, b=b, year=y0))
        self.say(tr("audit-threshold", lang, goal=goal))
        share = ratio_text(_known(result.time_share))
        self.say(tr("audit-time-share", lang, y=y, y0=y0, yT=yT, share=share))
        e = number(result.expected, 4)
        if result.completion is None:  # no line from b to T to measure progress on
            at_goal = result.why is Why.BASE_AT_GOAL
            self.say(tr("audit-base-at-goal" if at_goal else "audit-base-met", lang, e=e))
            return
        v, c, r = self.value(), number(result.completion, 4), number(result.progress_ratio, 4)
        t = number(result.time_share, 4)
        self.say(tr("audit-expected", lang, b=b, goal=goal, t=t, e=e))
        self.say(tr("audit-completion", lang, v=v, b=b, goal=goal, c=c))
        self.say(tr("audit-ratio", lang, c=c, t=t, r=r))

    def cumulative(self) -> None:
        result = self.result
        first, yT = self.target.start or self.plan.start, _deadline(self.target)
        readings = [self.read(year) for year in range(first, result.year + 1)]
        if any(reading is None for reading in readings):
            return
        terms = " + ".join(number(r.value) for r in readings if r is not None)
        s, lang = number(_number(result.value)), self.lang
        self.say(tr("audit-total", lang, terms=terms, s=s, first=first, last=result.year))
        if result.time_share is None:
            return
        goal, y = number(self.goal()), result.year
        share = ratio_text(result.time_share)
        self.say(tr("audit-threshold", lang, goal=goal))
        self.say(tr("audit-total-time-share", lang, y=y, ys=first, yT=yT, share=share))
        t, e = number(result.time_share, 4), number(result.expected, 4)
        self.say(tr("audit-total-expected", lang, goal=goal, t=t, e=e))
        if self.goal():
            c = number(_number(result.value) / self.goal(), 4)
            self.say(tr("audit-total-completion", lang, s=s, goal=goal, c=c))
        if result.progress_ratio is not None:
            r = number(result.progress_ratio, 4)
            self.say(tr("audit-total-ratio", lang, s=s, e=e, r=r))
            if self.target.op in (Op.LT, Op.LE):
                mirrored = number(2 - result.progress_ratio, 4)
                self.say(tr("audit-cap", lang, mirrored=mirrored))

    def goal(self) -> Fraction:
        assert self.target.op is not None and self.target.bound is not None
        return driving_bound(self.target.op, self.target.bound)

    def verdict(self) -> None:
        result, status = self.result, self.result.status
        lang = self.lang
        label = status.label(lang)
        if status is Status.MISSING:
            self.say(tr("audit-verdict", lang, why=explain(result, lang), label=label))
            return
        if status is Status.MONITORED:
            self.say(tr("audit-verdict-monitored", lang, label=label))
            return
        test = self.comparison()
        if status in (Status.AHEAD, Status.ON_TRACK, Status.BEHIND) and result.why is None:
            band = self.band(status)
            self.say(tr("audit-verdict-band", lang, why=test, band=band, label=label))
        else:
            self.say(tr("audit-verdict", lang, why=test, label=label))

    def comparison(self) -> str:
        """`11.9 ≥ 13：不成立` — the threshold test on the value the rule judges."""
        target, value = self.target, self.result.value
        assert target.op is not None and target.bound is not None
        if isinstance(target.bound, tuple):
            low, high = target.bound
            test = f"{number(low)} ≤ {self.value()} ≤ {number(high)}"
        elif isinstance(value, bool):
            test = f"{self.value()} = {shown(bool(target.bound), self.lang)}"
        else:
            shown_value = f"{self.value()}%" if target.kind is Kind.GROWTH else self.value()
            test = f"{shown_value} {target.op.symbol} {number(target.bound)}"
        judged = Fraction(int(value)) if isinstance(value, bool) else _number(value)
        holds = satisfies(judged, target.op, target.bound)
        return tr("audit-holds" if holds else "audit-does-not-hold", self.lang, test=test)

    def band(self, status: Status) -> str:
        ahead, behind = number(self.plan.ahead_band), number(self.plan.behind_band)
        ratio = _known(self.result.progress_ratio)
        cap = self.target.op in (Op.LT, Op.LE)
        name, r = ("2 − R", 2 - ratio) if cap else ("R", ratio)
        shown_ratio = f"{name} = {number(r, 4)}"
        if status is Status.AHEAD:
            return f"{shown_ratio} ≥ {ahead}"
        if status is Status.ON_TRACK:
            return f"{behind} ≤ {shown_ratio} < {ahead}"
        return f"{shown_ratio} < {behind}"


def _known(value: Fraction | None) -> Fraction:
    assert value is not None, "set by the rules engine for this status"
    return value


def _number(value: Fraction | bool | None) -> Fraction:
    assert isinstance(value, Fraction), "a running total is a number"
    return value


def _deadline(target: Target) -> int:
    assert target.deadline is not None, "plan checks guarantee a deadline for these kinds"
    return target.deadline
