"""Milestones (落实到各个年度, SPEC §7): the expected value of each year of a deadline or
cumulative target, on straight lines through its anchors — the start (the base value in the
base year; 0 in the year before a running sum starts), each milestone, and the threshold at the
deadline. Without milestones the line is the SPEC §3 one: e = b + (T − b)·t, or T·t.

With milestones the progress ratio is R = (v − b)/(e − b) (S/e for a running sum, whose start
is 0); where e equals the start no movement is expected that year and R has no value.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from itertools import pairwise

from kxplan.engine.thresholds import resolve
from kxplan.model.plan import Direction, Target, exact

Anchor = tuple[int, Fraction]


def anchors(target: Target, first: int, start: Fraction, goal: Fraction) -> list[Anchor]:
    """The points the expected line runs through, in year order."""
    assert target.deadline is not None, "plan checks guarantee a deadline for these kinds"
    given = sorted((target.milestones or {}).items())
    middle = [(year, milestone_value(target, start, figure)) for year, figure in given]
    return [(first, start), *middle, (target.deadline, goal)]


def milestone_value(target: Target, base: Fraction, figure: int | float) -> Fraction:
    """A milestone as the number it expects: a relative target's milestones are in its
    relative terms (提高 1 个百分点 by 2023), resolved against the unit's base as its
    threshold is."""
    if target.relative is None:
        return exact(figure)
    resolved = resolve(exact(figure), target.relative, base)
    assert not isinstance(resolved, tuple), "a milestone is one number"
    return resolved


def segment(points: Sequence[Anchor], year: int) -> tuple[Anchor, Anchor]:
    """The two anchors around `year` (the first pair that holds it)."""
    for low, high in pairwise(points):
        if low[0] <= year <= high[0]:
            return low, high
    raise ValueError(f"{year} is outside the anchors")


def interpolate(points: Sequence[Anchor], year: int) -> Fraction:
    """The expected value of `year`, on the straight line between the anchors around it."""
    (y1, e1), (y2, e2) = segment(points, year)
    return e1 + (e2 - e1) * Fraction(year - y1, y2 - y1)


def ratio(value: Fraction, start: Fraction, expected: Fraction) -> Fraction | None:
    """R = (v − b)/(e − b); S/e for a running sum (start 0); none when e is the start."""
    return None if expected == start else (value - start) / (expected - start)


def keeps_to(value: Fraction, expected: Fraction, direction: Direction) -> bool:
    """Where no movement is expected: the value is at the expected one or on its good side."""
    return value >= expected if direction is Direction.HIGHER else value <= expected
