"""Trajectories of the plan language's second edition (SPEC §7): `kind: average_growth` and
`milestones`, against expectations computed by hand.

Notation as in the SPEC: b base value (2020), g the threshold in percent, q = 1 + g/100,
n = y − y0, L = b·q^(yT − y0) the deadline level, e the expected value, R the progress ratio,
S the running sum, T the threshold. The test plan runs 2021–2025 from a base year of 2020.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kxplan.engine.growth import average, reaches
from kxplan.engine.milestones import interpolate
from kxplan.engine.rules import Why
from kxplan.model.comparisons import Op
from kxplan.model.dataset import Gap
from kxplan.model.status import Status
from test_rules import Build, judge, rule
from test_rules_properties import status_of

MET, NOT_MET = Status.MET, Status.NOT_MET
EARLY, AHEAD, ON_TRACK = Status.ACHIEVED_EARLY, Status.AHEAD, Status.ON_TRACK
BEHIND, MISSING = Status.BEHIND, Status.MISSING


def average_growth(indicator: str = "money", **fields: Any) -> dict[str, Any]:
    fields.setdefault("deadline", 2025)
    return rule("average_growth", indicator, **fields)


def stock(**by_year: float) -> dict[tuple[int, str], dict[str, Any] | None]:
    """money (an amount, higher is better) of 甲市, by year (y2020=100 …)."""
    return {(int(year[1:]), "甲市"): {"money": value} for year, value in by_year.items()}


# --- average_growth: before the deadline -----------------------------------------------------


@pytest.mark.parametrize(
    ("year", "value", "status", "expected", "ratio"),
    [
        # b = 100, g = 10, q = 1.1; y = 2022, n = 2: e = 100·1.21 = 121;
        # v = 121: R = (121 − 100)/(121 − 100) = 1 → on_track (and the average is exactly 10 %)
        (2022, 121, ON_TRACK, Fraction(121), Fraction(1)),
        # v = 130: R = 30/21 = 1.4286 ≥ 1.10 → ahead
        (2022, 130, AHEAD, Fraction(121), Fraction(30, 21)),
        # v = 118: R = 18/21 = 0.8571 < 0.90 → behind
        (2022, 118, BEHIND, Fraction(121), Fraction(18, 21)),
        # v = 118.9: R = 18.9/21 = 0.9 exactly → on_track (the band edge counts)
        (2022, 118.9, ON_TRACK, Fraction(121), Fraction(9, 10)),
        # y = 2023, n = 3: e = 133.1; L = 100·1.1^5 = 161.051; v = 170 ≥ L → achieved_early,
        # with e and R = 70/33.1 still given (a settled case)
        (2023, 170, EARLY, Fraction("133.1"), Fraction(70) / Fraction("33.1")),
    ],
)
def test_average_growth_before_the_deadline(
    project: Build, year: int, value: float, status: Status, expected: Fraction, ratio: Fraction
) -> None:
    target = average_growth(op=">=", threshold=10)
    values = {**stock(y2020=100), **stock(**{f"y{year}": value})}
    result = judge(project, target, values, year)
    assert result.status is status
    assert result.baseline == 100
    assert (result.expected, result.progress_ratio) == (expected, ratio)
    assert result.threshold == 10


def test_average_growth_value_is_the_compound_average_in_percent(project: Build) -> None:
    # v/b = 1.21 over n = 2 years: (1.21^(1/2) − 1)·100 = 10, exactly (the root is found again)
    target = average_growth(op=">=", threshold=10)
    result = judge(project, target, stock(y2020=100, y2022=121), 2022)
    assert result.value == 10
    # v/b = 1.3 over 2 years: √1.3 = 1.140175425…, so 14.0175425… %
    result = judge(project, target, stock(y2020=100, y2022=130), 2022)
    assert isinstance(result.value, Fraction)
    assert abs(result.value - Fraction("14.01754250991379")) < Fraction(1, 10**12)


@pytest.mark.parametrize(
    ("deadline", "year", "value", "status"),
    [
        # the deadline year, n = 5: L = 100·1.1^5 = 161.051; 161.051 ≥ L → met (exactly at g)
        (2025, 2025, 161.051, MET),
        # 161.05 < 161.051 → not_met, although the average rounds to 10.00 %
        (2025, 2025, 161.05, NOT_MET),
        # after a 2024 deadline the year itself counts: n = 5 in 2025, as above
        (2024, 2025, 161.051, MET),
        (2024, 2025, 161.05, NOT_MET),
        # at a 2024 deadline, n = 4: 100·1.1^4 = 146.41
        (2024, 2024, 146.41, MET),
        (2024, 2024, 146.4, NOT_MET),
    ],
)
def test_average_growth_at_and_after_the_deadline(
    project: Build, deadline: int, year: int, value: float, status: Status
) -> None:
    target = average_growth(op=">=", threshold=10, deadline=deadline)
    values = {**stock(y2020=100), **stock(**{f"y{year}": value})}
    result = judge(project, target, values, year)
    assert result.status is status
    assert result.baseline == 100
    assert result.progress_ratio is None


def test_average_growth_of_a_fall(project: Build) -> None:
    # 年均下降 10 %: new_sites (lower is better) ≤ −10; b = 100, q = 0.9, y = 2022, n = 2:
    # e = 81, L = 100·0.9^5 = 59.049. v = 81: R = (81 − 100)/(81 − 100) = 1 → on_track
    target = average_growth("new_sites", op="<=", threshold=-10)
    values: Any = {(2020, "甲市"): {"new_sites": 100}, (2022, "甲市"): {"new_sites": 81}}
    result = judge(project, target, values, 2022)
    assert result.status is ON_TRACK
    assert (result.expected, result.progress_ratio) == (Fraction(81), Fraction(1))
    assert result.value == -10
    # v = 70: R = (70 − 100)/(81 − 100) = 30/19 = 1.58 → ahead
    values[(2022, "甲市")] = {"new_sites": 70}
    result = judge(project, target, values, 2022)
    assert (result.status, result.progress_ratio) == (AHEAD, Fraction(30, 19))
    # v = 59 ≤ L = 59.049 → achieved_early
    values[(2022, "甲市")] = {"new_sites": 59}
    assert judge(project, target, values, 2022).status is EARLY


@pytest.mark.parametrize(("value", "status"), [(90, EARLY), (70, BEHIND)])
def test_average_growth_whose_base_already_satisfies_the_deadline_level(
    project: Build, value: int, status: Status
) -> None:
    # ≥ −5 % a year: L = 100·0.95^5 = 77.37809375; b = 100 ≥ L (a settled case): e = L every
    # year; 90 ≥ L still → achieved_early; 70 < L → behind (it regressed)
    target = average_growth(op=">=", threshold=-5)
    result = judge(project, target, stock(y2020=100, y2022=value), 2022)
    assert result.status is status
    assert result.expected == Fraction("77.37809375")
    assert result.why is (None if status is EARLY else Why.BASE_SATISFIED)


@pytest.mark.parametrize(("value", "status"), [(100, ON_TRACK), (99, BEHIND)])
def test_average_growth_with_no_movement_expected(
    project: Build, value: int, status: Status
) -> None:
    # > 0 %: L = e = b = 100, so R = (v − b)/(e − b) has no value: v = 100 keeps to e → on_track;
    # 99 falls short of it → behind
    target = average_growth(op=">", threshold=0)
    result = judge(project, target, stock(y2020=100, y2022=value), 2022)
    assert (result.status, result.expected, result.progress_ratio) == (status, Fraction(100), None)


def test_average_growth_without_a_base_is_missing(project: Build) -> None:
    result = judge(project, average_growth(op=">=", threshold=10), stock(y2022=121), 2022)
    assert (result.status, result.value) == (MISSING, None)
    assert result.missing is not None
    assert (result.missing.year, result.missing.gap) == (2020, Gap.NO_FILE)


def test_average_growth_from_a_base_of_zero_is_missing(project: Build) -> None:
    # growth from 0 has no rate: missing, and why
    result = judge(project, average_growth(op=">=", threshold=10), stock(y2020=0, y2022=5), 2022)
    assert (result.status, result.value, result.why) == (MISSING, None, Why.BASE_NOT_POSITIVE)


def test_average_growth_without_this_years_value_is_missing(project: Build) -> None:
    result = judge(project, average_growth(op=">=", threshold=10), stock(y2020=100), 2022)
    assert result.status is MISSING
    assert result.missing is not None and result.missing.year == 2022


@settings(max_examples=200, deadline=None)
@given(
    st.fractions(min_value=Fraction(1, 100), max_value=1000),
    st.fractions(min_value=0, max_value=1000),
    st.integers(min_value=-99, max_value=100),
    st.integers(min_value=1, max_value=10),
)
def test_average_growth_is_decided_exactly_and_shown_close(
    b: Fraction, v: Fraction, g: int, n: int
) -> None:
    # the decision on the integer power agrees with the shown average, but for rounding
    shown = average(v, b, n)
    exact = reaches(v, b, Op.GE, Fraction(g), n)
    if abs(shown - g) > Fraction(1, 10**15):
        assert exact is (shown >= g)
    assert reaches(v * 2 + 1, b, Op.GE, Fraction(g), n) or not exact  # more never worsens


# --- milestones on a deadline target ---------------------------------------------------------

# rate ≥ 13 by 2025 from b = 8, milestones 2022: 11 and 2024: 12. Anchors: (2020, 8),
# (2022, 11), (2024, 12), (2025, 13).
MILESTONES = {2022: 11, 2024: 12}


@pytest.mark.parametrize(
    ("year", "value", "status", "expected", "ratio"),
    [
        # 2021: e = 8 + (11 − 8)·1/2 = 9.5 (without milestones 9); v = 9.5: R = 1.5/1.5 = 1
        (2021, 9.5, ON_TRACK, Fraction("9.5"), Fraction(1)),
        # v = 9.2: R = 1.2/1.5 = 0.8 → behind (the straight line would give 1.2/1 → ahead)
        (2021, 9.2, BEHIND, Fraction("9.5"), Fraction(4, 5)),
        # 2022 is a milestone: e = 11; v = 12: R = 4/3 → ahead
        (2022, 12, AHEAD, Fraction(11), Fraction(4, 3)),
        # 2023: e = 11 + (12 − 11)·1/2 = 11.5; v = 11.1: R = 3.1/3.5 = 0.886 → behind
        (2023, 11.1, BEHIND, Fraction("11.5"), Fraction(31, 35)),
        # v = 11.2: R = 3.2/3.5 = 0.914 → on_track
        (2023, 11.2, ON_TRACK, Fraction("11.5"), Fraction(32, 35)),
        # 2024: e = 12; v = 13 satisfies T → achieved_early, R = 5/4 still given
        (2024, 13, EARLY, Fraction(12), Fraction(5, 4)),
    ],
)
def test_deadline_milestones_before_the_deadline(
    project: Build, year: int, value: float, status: Status, expected: Fraction, ratio: Fraction
) -> None:
    target = rule("deadline", op=">=", threshold=13, milestones=MILESTONES)
    values: Any = {(2020, "甲市"): {"rate": 8}, (year, "甲市"): {"rate": value}}
    result = judge(project, target, values, year)
    assert (result.status, result.expected, result.progress_ratio) == (status, expected, ratio)


@pytest.mark.parametrize(("value", "status"), [(13, MET), (12.9, NOT_MET)])
def test_deadline_milestones_at_the_deadline(project: Build, value: float, status: Status) -> None:
    # the deadline year is judged on T alone: 13 ≥ 13 met, 12.9 not
    target = rule("deadline", op=">=", threshold=13, milestones=MILESTONES)
    values: Any = {(2020, "甲市"): {"rate": 8}, (2025, "甲市"): {"rate": value}}
    result = judge(project, target, values, 2025)
    assert (result.status, result.progress_ratio) == (status, None)


@pytest.mark.parametrize(("value", "status"), [(8, ON_TRACK), (7.9, BEHIND)])
def test_a_milestone_at_the_base_value_expects_no_movement(
    project: Build, value: float, status: Status
) -> None:
    # milestone 2022: 8 = b, so e = b and R = (v − b)/(e − b) has no value: v = 8 keeps to it
    # → on_track; 7.9 falls below it → behind
    target = rule("deadline", op=">=", threshold=13, milestones={2022: 8})
    values: Any = {(2020, "甲市"): {"rate": 8}, (2022, "甲市"): {"rate": value}}
    result = judge(project, target, values, 2022)
    assert (result.status, result.expected, result.progress_ratio) == (status, Fraction(8), None)


# --- milestones on a cumulative target -------------------------------------------------------

# money > 50 over 2021–2025, milestones (running sums) 2022: 15, 2024: 40. Anchors: (2020, 0),
# (2022, 15), (2024, 40), (2025, 50).
MONEY = {f"y{year}": value for year, value in ((2021, 7.5), (2022, 9), (2023, 8), (2024, 20))}


@pytest.mark.parametrize(
    ("year", "status", "expected", "ratio"),
    [
        # 2021: e = 15·1/2 = 7.5; S = 7.5: R = 1 → on_track
        (2021, ON_TRACK, Fraction("7.5"), Fraction(1)),
        # 2022: e = 15 (without milestones 20); S = 16.5: R = 1.1 → ahead (the edge counts)
        (2022, AHEAD, Fraction(15), Fraction(11, 10)),
        # 2023: e = 15 + 25·1/2 = 27.5; S = 24.5: R = 0.8909 → behind
        (2023, BEHIND, Fraction("27.5"), Fraction(49, 55)),
        # 2024: e = 40; S = 44.5: R = 1.1125 → ahead
        (2024, AHEAD, Fraction(40), Fraction(89, 80)),
    ],
)
def test_cumulative_milestones(
    project: Build, year: int, status: Status, expected: Fraction, ratio: Fraction
) -> None:
    target = rule("cumulative", "money", op=">", threshold=50, milestones={2022: 15, 2024: 40})
    values: Any = {(int(key[1:]), "甲市"): {"money": value} for key, value in MONEY.items()}
    result = judge(project, target, values, year)
    assert (result.status, result.expected, result.progress_ratio) == (status, expected, ratio)


def test_cumulative_milestones_at_the_deadline(project: Build) -> None:
    # S = 7.5 + 9 + 8 + 20 + 6 = 50.5 > 50 → met
    target = rule("cumulative", "money", op=">", threshold=50, milestones={2022: 15, 2024: 40})
    values: Any = {(int(key[1:]), "甲市"): {"money": value} for key, value in MONEY.items()}
    values[(2025, "甲市")] = {"money": 6}
    assert judge(project, target, values, 2025).status is MET


def test_cumulative_cap_milestones_set_the_expected_running_sum(project: Build) -> None:
    # new_sites ≤ 10 over 2021–2025, milestone 2023: 4. Anchors (2020, 0), (2023, 4),
    # (2025, 10): 2022: e = 4·2/3 = 8/3; S = 1 + 1 = 2: R = 2/(8/3) = 3/4
    target = rule("cumulative", "new_sites", op="<=", threshold=10, milestones={2023: 4})
    values: Any = {(2021, "甲市"): {"new_sites": 1}, (2022, "甲市"): {"new_sites": 1}}
    result = judge(project, target, values, 2022)
    assert (result.expected, result.progress_ratio) == (Fraction(8, 3), Fraction(3, 4))


# --- interpolation ---------------------------------------------------------------------------


@given(
    st.lists(
        st.tuples(st.integers(2000, 2100), st.fractions(-1000, 1000)),
        min_size=2,
        max_size=6,
        unique_by=lambda anchor: anchor[0],
    )
)
def test_interpolation_passes_through_every_anchor(anchors: list[tuple[int, Fraction]]) -> None:
    anchors.sort()
    for year, value in anchors:
        assert interpolate(anchors, year) == value
    first, last = anchors[0], anchors[-1]
    for year in range(first[0], last[0] + 1):
        low = min(value for _, value in anchors)
        high = max(value for _, value in anchors)
        assert low <= interpolate(anchors, year) <= high


# --- properties ------------------------------------------------------------------------------

RANK = {NOT_MET: 0, BEHIND: 1, ON_TRACK: 2, AHEAD: 3, EARLY: 4, MET: 4}
EARLIER = {EARLY, AHEAD, ON_TRACK, BEHIND}


@settings(max_examples=80, deadline=None)
@given(
    op=st.sampled_from([">=", ">"]),
    g=st.integers(min_value=-50, max_value=50),
    base=st.integers(min_value=1, max_value=1000),
    low=st.integers(min_value=0, max_value=3000),
    raise_by=st.integers(min_value=0, max_value=3000),
    year=st.sampled_from(range(2021, 2026)),
)
def test_raising_the_value_never_worsens_an_average_growth(
    op: str, g: int, base: int, low: int, raise_by: int, year: int
) -> None:
    target = average_growth(op=op, threshold=g)
    before = status_of(target, {2020: base / 10, year: low / 10}, year).status
    after = status_of(target, {2020: base / 10, year: (low + raise_by) / 10}, year).status
    assert RANK[after] >= RANK[before], (before, after)
    # before the deadline a trajectory status, at it met or not met
    assert before in (EARLIER if year < 2025 else {MET, NOT_MET})


@settings(max_examples=80, deadline=None)
@given(
    base=st.integers(min_value=0, max_value=300),
    steps=st.lists(st.integers(min_value=0, max_value=200), min_size=2, max_size=2),
    low=st.integers(min_value=0, max_value=1000),
    raise_by=st.integers(min_value=0, max_value=1000),
    year=st.sampled_from(range(2021, 2026)),
)
def test_raising_the_value_never_worsens_a_deadline_with_milestones(
    base: int, steps: list[int], low: int, raise_by: int, year: int
) -> None:
    # milestones on the way up from b to T = b + the steps + 1 (so each is between them)
    first, second = base + steps[0], base + steps[0] + steps[1]
    goal = second + 1
    target = rule(
        "deadline",
        op=">=",
        threshold=goal / 10,
        milestones={2022: first / 10, 2024: second / 10},
    )
    high = min(low + raise_by, 1000)
    before = status_of(target, {2020: base / 10, year: low / 10}, year).status
    after = status_of(target, {2020: base / 10, year: high / 10}, year).status
    assert RANK[after] >= RANK[before], (before, after)
