"""The review's arithmetic against figures computed by hand (the comments show the working)."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction as F
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import load, plan_dict
from kxplan.engine.progress import (
    Period,
    annual_completion,
    cumulative_progress,
    deadline_progress,
    line,
)
from kxplan.engine.review import progress_of
from kxplan.engine.rules import evaluate
from kxplan.model.comparisons import Op
from kxplan.model.status import Status


def test_deadline_mid_term_literacy() -> None:
    # b = 8.6, T = 13, 2023: v = 11.1
    # c = (11.1 − 8.6) / (13 − 8.6) = 2.5 / 4.4 = 25/44 ≈ 56.8 %;  t = 3/5;  R = 125/132 ≈ 0.947
    # pace = 2.5 / 3 = 5/6 a year;  projected = 11.1 + 2 × 5/6 = 12.7666…;  needed = 1.9 / 2 = 0.95
    got = deadline_progress(F("8.6"), F("11.1"), Op.GE, F(13), Period(2020, 2025, 2023))
    assert got.completion == F(25, 44)
    assert got.time_share == F(3, 5)
    assert got.ratio == F(125, 132)
    assert got.expected == F("11.24")  # 8.6 + 4.4 × 0.6
    assert got.pace == F(5, 6)
    assert got.projected == F("11.1") + F(5, 3)
    assert got.needed == F("0.95")
    assert got.reaches is False
    assert got.shortfall is None


def test_deadline_projection_is_base_plus_change_over_time_share() -> None:
    # b = 35000, T > 100000, 2023: v = 68753 → c = 33753/65000, projected = 35000 + 33753 / 0.6
    got = deadline_progress(F(35000), F(68753), Op.GT, F(100000), Period(2020, 2025, 2023))
    assert got.completion == F(33753, 65000)
    assert got.projected == 35000 + F(33753) * F(5, 3) == 91255
    assert got.needed == F(100000 - 68753, 2) == F("15623.5")
    assert got.reaches is False


def test_deadline_ahead_reaches_at_current_pace() -> None:
    # b = 22, T = 30, 2023: v = 28 → c = 6/8 = 75 %, t = 60 %, projected = 22 + 6 × 5/3 = 32
    got = deadline_progress(F(22), F(28), Op.GE, F(30), Period(2020, 2025, 2023))
    assert (got.completion, got.projected, got.needed, got.reaches) == (F(3, 4), F(32), F(1), True)


def test_deadline_final_year_gives_the_shortfall() -> None:
    # b = 10, T = 17, 2025: v = 16 → c = 6/7 ≈ 85.7 %, t = 100 %, short by 1
    got = deadline_progress(F(10), F(16), Op.GE, F(17), Period(2020, 2025, 2025))
    assert (got.completion, got.time_share, got.shortfall) == (F(6, 7), F(1), F(1))
    assert got.projected is None and got.needed is None


def test_deadline_already_reached_has_no_projection() -> None:
    got = deadline_progress(F(22), F(31), Op.GE, F(30), Period(2020, 2025, 2024))
    assert got.completion == F(9, 8)
    assert got.projected is None and got.needed is None and got.shortfall is None


def test_deadline_lower_is_better() -> None:
    # b = 40, T ≤ 20, 2022: v = 34 → c = (34 − 40)/(20 − 40) = 0.3, t = 0.4, pace −3 a year
    got = deadline_progress(F(40), F(34), Op.LE, F(20), Period(2020, 2025, 2022))
    assert (got.completion, got.ratio, got.pace) == (F(3, 10), F(3, 4), F(-3))
    assert got.projected == 25 and got.needed == F(-14, 3) and got.reaches is False


def test_deadline_without_base_has_only_the_time_share() -> None:
    got = deadline_progress(None, F(5), Op.GE, F(9), Period(2020, 2025, 2022))
    assert got.time_share == F(2, 5) and got.completion is None and got.projected is None


def test_cumulative_mid_term_transactions() -> None:
    # 2021–2023: 8.3 + 10.9 + 12.6 = 31.8, T > 50: c = 31.8/50 = 63.6 %, t = 3/5, R = 1.06
    # pace = 31.8 / 3 = 10.6;  projected = 31.8 + 2 × 10.6 = 53;  needed = (50 − 31.8)/2 = 9.1
    got = cumulative_progress(F("31.8"), Op.GT, F(50), Period(2021, 2025, 2023))
    assert got.completion == F("0.636")
    assert got.time_share == F(3, 5)
    assert got.ratio == F("1.06")
    assert got.expected == 30
    assert (got.pace, got.projected, got.needed, got.reaches) == (F("10.6"), F(53), F("9.1"), True)


def test_cumulative_final_shortfall() -> None:
    # 911.4 of > 1000 by 2025: c = 91.14 %, short by 88.6
    got = cumulative_progress(F("911.4"), Op.GT, F(1000), Period(2021, 2025, 2025))
    assert got.completion == F("0.9114") and got.shortfall == F("88.6")


def test_cumulative_between_uses_the_lower_bound() -> None:
    got = cumulative_progress(F(0), Op.BETWEEN, (F(1), F(2)), Period(2021, 2025, 2021))
    assert (got.completion, got.time_share, got.needed) == (F(0), F(1, 5), F(1, 4))


def test_cumulative_above_the_upper_bound_is_short_by_the_excess() -> None:
    got = cumulative_progress(F(3), Op.BETWEEN, (F(1), F(2)), Period(2021, 2025, 2025))
    assert got.shortfall == 1


def test_annual_completion_only_for_minimums() -> None:
    assert annual_completion(F(58), Op.GE, F(50)).completion == F(29, 25)  # 116 %
    assert annual_completion(F("96.8"), Op.GE, F(100)).completion == F("0.968")
    assert annual_completion(F(4), Op.LE, F(5)).completion is None


def test_line_runs_from_the_start_value_to_the_goal() -> None:
    assert line(Period(2020, 2025, 2020), F("8.6"), F(13)) == F("8.6")
    assert line(Period(2020, 2025, 2024), F("8.6"), F(13)) == F("12.12")
    assert line(Period(2020, 2025, 2025), F("8.6"), F(13)) == 13


@given(
    base=st.integers(0, 500),
    gain=st.integers(1, 500),
    value=st.integers(0, 1000),
    year=st.integers(2021, 2024),
)
def test_ratio_is_the_rules_engines_progress_ratio(
    base: int, gain: int, value: int, year: int
) -> None:
    """The review's completion ÷ time elapsed is the R that decided the status."""
    goal = base + gain
    if value >= goal:
        return
    got = deadline_progress(F(base), F(value), Op.GE, F(goal), Period(2020, 2025, year))
    expected_ratio = (F(value - base) / gain) / F(year - 2020, 5)
    assert got.ratio == expected_ratio
    assert got.projected == base + (value - base) * F(5, year - 2020)


def test_progress_of_agrees_with_the_rules(project: Callable[..., Path]) -> None:
    target = {
        "id": "t",
        "indicator": "rate",
        "level": "city",
        "kind": "deadline",
        "op": ">=",
        "threshold": 13,
        "deadline": 2025,
    }
    folder = project(
        plan_dict(target), {(2020, "甲市"): {"rate": 8.6}, (2024, "甲市"): {"rate": 11.9}}
    )
    plan, data = load(folder)
    result = evaluate(plan, data, plan.targets[0], plan.root, 2024)
    assert result.status is Status.ON_TRACK
    got = progress_of(plan, result, F("8.6"))
    assert got.ratio == result.progress_ratio == F(15, 16)
    assert got.expected == result.expected and got.completion == result.completion
