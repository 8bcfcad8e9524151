"""Trajectories (SPEC §7) on part A's indicators: an average growth of a derived indicator (a
ratio of the city's sums) and milestones on a parent's `mean`. Arithmetic in the comments."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from kxplan.model.status import Status
from test_indicators import INDICATORS
from test_rules import Build, judge, rule


def counties(year: int, 乙区: dict[str, Any], 丙县: dict[str, Any]) -> dict[Any, Any]:
    return {(year, "乙区"): 乙区, (year, "丙县"): 丙县}


def test_average_growth_of_a_derived_indicator(project: Build) -> None:
    # density = members / population × 10000 at the city, from the city's sums:
    # 2020: (10 + 10) / (10000 + 10000) × 10000 = 10; 2022: (12 + 12) / 20000 × 10000 = 12.
    # g = 5, n = 2: e = 10 × 1.05² = 11.025; R = (12 − 10)/(11.025 − 10) = 2/1.025 = 80/41
    # → ahead; L = 10 × 1.05⁵ = 12.76…, not reached yet
    target = rule("average_growth", "density", op=">=", threshold=5, deadline=2025)
    values = {
        **counties(
            2020, {"members": 10, "population": 10000}, {"members": 10, "population": 10000}
        ),
        **counties(
            2022, {"members": 12, "population": 10000}, {"members": 12, "population": 10000}
        ),
    }
    result = judge(project, target, values, 2022, indicators=INDICATORS)
    assert result.status is Status.AHEAD
    assert (result.baseline, result.expected) == (Fraction(10), Fraction("11.025"))
    assert result.progress_ratio == Fraction(80, 41)


def test_milestones_on_a_mean(project: Build) -> None:
    # score (a percent, mean of the counties): 2020: (40 + 60)/2 = 50; T = 70 by 2025,
    # milestone 2022: 60. 2021: e = 50 + (60 − 50)·1/2 = 55; (50 + 62)/2 = 56:
    # R = (56 − 50)/(55 − 50) = 6/5 → ahead
    target = rule("deadline", "score", op=">=", threshold=70, milestones={2022: 60})
    values = {
        **counties(2020, {"score": 40}, {"score": 60}),
        **counties(2021, {"score": 50}, {"score": 62}),
    }
    result = judge(project, target, values, 2021, indicators=INDICATORS)
    assert (result.status, result.expected, result.progress_ratio) == (
        Status.AHEAD,
        Fraction(55),
        Fraction(6, 5),
    )
