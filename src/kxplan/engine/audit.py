"""The audit trail of one result (`kxplan explain`): every input with its place, every step.

The steps restate the rules engine's arithmetic with the numbers filled in; the figures they
show are the `Result`'s own (expected value, time share, ratio), so the trail cannot drift
from the status it explains.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kxplan.engine.rules import Result, Why
from kxplan.load.datafile import Observation
from kxplan.load.dataset import DataSet, Missing, Reading
from kxplan.model.comparisons import Op, driving_bound, satisfies
from kxplan.model.plan import Kind, Plan, Target, Unit
from kxplan.model.status import Status
from kxplan.render.describe import explain, number, shown
from kxplan.text.messages import pick


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

    def say(self, zh: str, en: str) -> None:
        self.steps.append(en if self.lang == "en" else zh)

    def read(self, year: int) -> Reading | None:
        """The unit's value in `year`, recording its inputs, or the gap when it is missing."""
        reading = self.data.read(self.result.unit, self.target.indicator, year)
        if isinstance(reading, Missing):
            self.partial_sum(self.result.unit, year, reading)
            return None
        for observation in reading.evidence:
            self.inputs.append(Input(year, self.units.get(observation.file), observation))
        if reading.summed:
            parts = " + ".join(number(o.exact) for o in reading.evidence)
            total = number(reading.value)
            self.say(
                f"{year} 年值为下级单位合计：{parts} = {total}",
                f"{year} value is the sum of the lower units: {parts} = {total}",
            )
        return reading

    def partial_sum(self, unit: Unit, year: int, missing: Missing) -> None:
        """Why a sum could not be formed: the parts that were reported (with their places)
        and every part that was not, not only the first gap the rules engine met."""
        parts = self.data.summed_from(unit, self.target.indicator, year)
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
        zh_names = "、".join(part.name for part in absent)
        en_names = ", ".join(pick(part.name, part.name_en, "en") for part in absent)
        got, count = len(parts) - len(absent), len(parts)
        self.say(
            f"{year} 年值为下级单位合计：{count} 个单位中 {got} 个有数，{zh_names}缺数据，无法合计",
            f"{year} value is the sum of the lower units: {got} of {count} have a value; "
            f"{en_names} {'has' if len(absent) == 1 else 'have'} none, so there is no sum",
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
                self.say(f"本年值 v = {self.value()}", f"this year's value v = {self.value()}")
        self.verdict()

    def value(self) -> str:
        return shown(self.result.value, self.lang, self.target)

    def growth(self) -> None:
        before, now = self.read(self.result.year - 1), self.read(self.result.year)
        if before is None or now is None:
            return
        p, v = number(before.value), number(now.value)
        self.say(f"上年值 p = {p}，本年值 v = {v}", f"last year p = {p}, this year v = {v}")
        if self.result.why is Why.PREVIOUS_ZERO:
            return
        g = f"g = (v / p − 1) × 100 = ({v} / {p} − 1) × 100 = {self.value()}%"
        self.say(f"增长率 {g}", f"growth {g}")

    def trajectory(self) -> None:
        result = self.result
        if self.read(result.year) is None:
            return
        self.say(f"本年值 v = {self.value()}", f"this year's value v = {self.value()}")
        if result.time_share is None and result.missing is None:
            return  # decided without a trajectory: already there, yes/no, or above the bound
        if self.read(self.plan.base_year) is None or result.baseline is None:
            return
        b, goal = number(result.baseline), number(self.goal())
        y, y0, yT = result.year, self.plan.base_year, _deadline(self.target)
        self.say(f"基期值 b = {b}（{y0} 年）", f"base value b = {b} ({y0})")
        self.say(f"目标值 T = {goal}", f"threshold T = {goal}")
        share = ratio_text(_known(result.time_share))
        self.say(
            f"时间进度 t = (y − y0) / (yT − y0) = ({y} − {y0}) / ({yT} − {y0}) = {share}",
            f"time share t = (y − y0) / (yT − y0) = ({y} − {y0}) / ({yT} − {y0}) = {share}",
        )
        e = number(result.expected, 4)
        if result.completion is None:  # no line from b to T to measure progress on
            if result.why is Why.BASE_AT_GOAL:
                self.say(
                    f"基期值等于目标值，无进度线：序时目标 e = T = {e}，本年须超过它",
                    f"the base value equals the threshold, so there is no line: expected e = T"
                    f" = {e}, and this year must go beyond it",
                )
            else:
                self.say(
                    f"基期已满足目标，轨迹持平于目标值：序时目标 e = T = {e}",
                    f"the base year already met it, so the line is flat: expected e = T = {e}",
                )
            return
        v, c, r = self.value(), number(result.completion, 4), number(result.progress_ratio, 4)
        t = number(result.time_share, 4)
        self.say(
            f"序时目标 e = b + (T − b) × t = {b} + ({goal} − {b}) × {t} = {e}",
            f"expected e = b + (T − b) × t = {b} + ({goal} − {b}) × {t} = {e}",
        )
        self.say(
            f"完成度 c = (v − b) / (T − b) = ({v} − {b}) / ({goal} − {b}) = {c}",
            f"completion c = (v − b) / (T − b) = ({v} − {b}) / ({goal} − {b}) = {c}",
        )
        self.say(
            f"进度比 R = c / t = {c} / {t} = {r}", f"progress ratio R = c / t = {c} / {t} = {r}"
        )

    def cumulative(self) -> None:
        result = self.result
        first, yT = self.target.start or self.plan.start, _deadline(self.target)
        readings = [self.read(year) for year in range(first, result.year + 1)]
        if any(reading is None for reading in readings):
            return
        terms = " + ".join(number(r.value) for r in readings if r is not None)
        s = number(_number(result.value))
        self.say(
            f"累计值 S = {terms} = {s}（{first}—{result.year} 年）",
            f"running total S = {terms} = {s} ({first}–{result.year})",
        )
        if result.time_share is None:
            return
        goal, y = number(self.goal()), result.year
        share = ratio_text(result.time_share)
        self.say(f"目标值 T = {goal}", f"threshold T = {goal}")
        self.say(
            f"时间进度 t = (y − ys + 1) / (yT − ys + 1) = ({y} − {first} + 1) / "
            f"({yT} − {first} + 1) = {share}",
            f"time share t = (y − ys + 1) / (yT − ys + 1) = ({y} − {first} + 1) / "
            f"({yT} − {first} + 1) = {share}",
        )
        t, e = number(result.time_share, 4), number(result.expected, 4)
        self.say(
            f"序时目标 e = T × t = {goal} × {t} = {e}", f"expected e = T × t = {goal} × {t} = {e}"
        )
        if self.goal():
            c = number(_number(result.value) / self.goal(), 4)
            self.say(
                f"完成度 c = S / T = {s} / {goal} = {c}",
                f"completion c = S / T = {s} / {goal} = {c}",
            )
        if result.progress_ratio is not None:
            r = number(result.progress_ratio, 4)
            self.say(
                f"进度比 R = S / e = {s} / {e} = {r}", f"progress ratio R = S / e = {s} / {e} = {r}"
            )
            if self.target.op in (Op.LT, Op.LE):
                mirrored = number(2 - result.progress_ratio, 4)
                self.say(
                    f"上限类目标用得越快越不利，按 2 − R = {mirrored} 判断",
                    f"for a cap, using it up fast is bad: judged on 2 − R = {mirrored}",
                )

    def goal(self) -> Fraction:
        assert self.target.op is not None and self.target.bound is not None
        return driving_bound(self.target.op, self.target.bound)

    def verdict(self) -> None:
        result, status = self.result, self.result.status
        label = status.label(self.lang)
        if status is Status.MISSING:
            why = explain(result, self.lang)
            self.say(f"判定：{why} → {label}", f"verdict: {why} → {label}")
            return
        if status is Status.MONITORED:
            self.say(f"判定：仅监测，无目标值 → {label}", f"monitored only, no threshold → {label}")
            return
        test = self.comparison()
        if status in (Status.AHEAD, Status.ON_TRACK, Status.BEHIND) and result.why is None:
            band = self.band(status)
            self.say(f"判定：{test}；{band} → {label}", f"verdict: {test}; {band} → {label}")
        else:
            self.say(f"判定：{test} → {label}", f"verdict: {test} → {label}")

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
        if self.lang == "en":
            return f"{test} is {'true' if holds else 'false'}"
        return f"{test}：{'成立' if holds else '不成立'}"

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
