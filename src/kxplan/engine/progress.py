"""The review's arithmetic (完成率, 序时进度, projection, change still needed), on exact fractions.

Completion rate is the share of the *planned change* achieved, so that it can be set against
the share of time elapsed and their ratio is the progress ratio `R` of the rules (SPEC §3):

- deadline:   c = (v − b) / (T − b),  t = (y − y0) / (yT − y0)
- cumulative: c = S / T,              t = (y − ys + 1) / (yT − ys + 1)
- annual:     c = v / T for `≥`/`>` targets (each year is its own period; no time share)

Before the deadline, at the current pace:

- deadline:   pace p = (v − b) / (y − y0),  projected = v + p·(yT − y),
              needed = (T − v) / (yT − y)   (change per year still needed)
- cumulative: pace p = S / (y − ys + 1),    projected = S + p·(yT − y),
              needed = (T − S) / (yT − y)   (value per year still needed)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from kxplan.model.comparisons import Op, Threshold, driving_bound, satisfies


@dataclass(frozen=True)
class Progress:
    completion: Fraction | None = None
    time_share: Fraction | None = None
    expected: Fraction | None = None
    pace: Fraction | None = None
    projected: Fraction | None = None
    needed: Fraction | None = None
    reaches: bool | None = None
    shortfall: Fraction | None = None

    @property
    def ratio(self) -> Fraction | None:
        """Completion against time: the progress ratio R of SPEC §3."""
        if self.completion is None or not self.time_share:
            return None
        return self.completion / self.time_share


@dataclass(frozen=True)
class Period:
    """Where a year stands in a target's period: `first` is the base year for a deadline
    target (its line starts there) and the first summed year for a cumulative one."""

    first: int
    deadline: int
    year: int

    @property
    def elapsed(self) -> int:
        return self.year - self.first

    @property
    def remaining(self) -> int:
        return self.deadline - self.year


def line(period: Period, start: Fraction, goal: Fraction) -> Fraction:
    """The plan's straight line from `start` in `period.first` to `goal` at the deadline."""
    share = _share(period.elapsed, period.deadline - period.first)
    return start + (goal - start) * share


def deadline_progress(
    base: Fraction | None, value: Fraction, op: Op, bound: Threshold, period: Period
) -> Progress:
    goal = driving_bound(op, bound)
    share = _share(period.elapsed, period.deadline - period.first)
    if base is None or goal == base:
        return _outlook(Progress(time_share=share), value, None, op, bound, period)
    progress = Progress(
        completion=(value - base) / (goal - base),
        time_share=share,
        expected=line(period, base, goal),
    )
    pace = (value - base) / period.elapsed if period.elapsed > 0 else None
    return _outlook(progress, value, pace, op, bound, period)


def cumulative_progress(total: Fraction, op: Op, bound: Threshold, period: Period) -> Progress:
    goal = driving_bound(op, bound)
    years_so_far = period.elapsed + 1
    share = _share(years_so_far, period.deadline - period.first + 1)
    progress = Progress(
        completion=total / goal if goal else None, time_share=share, expected=goal * share
    )
    return _outlook(progress, total, total / years_so_far, op, bound, period)


def annual_completion(value: Fraction, op: Op, bound: Threshold) -> Progress:
    """The year's value against the year's threshold; only meaningful for minimums."""
    goal = driving_bound(op, bound)
    if op not in (Op.GE, Op.GT) or goal <= 0:
        return Progress()
    return Progress(completion=value / goal)


def _outlook(
    progress: Progress,
    value: Fraction,
    pace: Fraction | None,
    op: Op,
    bound: Threshold,
    period: Period,
) -> Progress:
    """Before the deadline, where `pace` leads and what is still needed; at or after it, the
    distance to the threshold. Nothing once the threshold is satisfied."""
    if satisfies(value, op, bound):
        return progress
    if period.remaining <= 0:
        return replace(progress, shortfall=_distance(value, op, bound))
    if pace is None:
        return progress
    projected = value + pace * period.remaining
    return replace(
        progress,
        pace=pace,
        projected=projected,
        needed=(driving_bound(op, bound) - value) / period.remaining,
        reaches=satisfies(projected, op, bound),
    )


def _distance(value: Fraction, op: Op, bound: Threshold) -> Fraction:
    if isinstance(bound, tuple):
        low, high = bound
        return low - value if value < low else value - high
    return abs(bound - value)


def _share(part: int, whole: int) -> Fraction:
    return Fraction(min(max(part, 0), whole), whole)
