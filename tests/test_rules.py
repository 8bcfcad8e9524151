"""The rules engine (SPEC §3) against expectations computed by hand.

Each case writes its arithmetic in a comment. Inputs are decimals such as 8.6 chosen so that
the exact ratio lands on a band edge while binary floats land beside it: a float engine fails.
Notation as in the SPEC: b base value, T threshold, t time share, e expected value,
c completion, R progress ratio, S running sum.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import BASE_PLAN, NEW_SITES, load, plan_dict, run
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.rules import Result, Why
from kxplan.model.dataset import Gap
from kxplan.model.status import Status

Build = Callable[..., Path]
Values = dict[tuple[int, str], dict[str, Any] | None]

MET, NOT_MET = Status.MET, Status.NOT_MET
EARLY, AHEAD, ON_TRACK = Status.ACHIEVED_EARLY, Status.AHEAD, Status.ON_TRACK
BEHIND, IN_PROGRESS, MISSING = Status.BEHIND, Status.IN_PROGRESS, Status.MISSING

# A lower-is-better stock, added to the shared test plan.
COST = {
    "id": "cost",
    "name": "单位成本",
    "measure": "万元",
    "type": "amount",
    "nature": "stock",
    "direction": "lower",
}


def rule(kind: str, indicator: str = "rate", level: str = "city", **fields: Any) -> dict[str, Any]:
    """A target `t` of this kind; deadline and cumulative targets default to 2025."""
    if kind in ("deadline", "cumulative"):
        fields.setdefault("deadline", 2025)
    return {"id": "t", "indicator": indicator, "level": level, "kind": kind, **fields}


def judge(
    project: Build,
    target: dict[str, Any],
    values: Values,
    year: int,
    unit: str = "甲市",
    **changes: Any,
) -> Result:
    """The result of target `t` at `unit` in `year`, with the data written as files."""
    changes.setdefault("indicators", [*BASE_PLAN["indicators"], COST, NEW_SITES])
    folder = project(plan_dict(target, **changes), values)
    plan, data = load(folder)
    assert data.problems == []
    chosen = plan.unit(unit)
    assert chosen is not None
    [result] = [r for r in evaluate_year(plan, data, year, chosen).results if r.target.id == "t"]
    return result


def places(result: Result) -> list[tuple[str, int | None]]:
    return [(o.file, o.line) for o in result.evidence]


# --- annual: every comparison, exactly at its edge ------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "op", "threshold", "value", "status"),
    [
        # 2 ≥ 2 holds: the edge counts for >=
        ("count_flow", ">=", 2, 2, MET),
        ("count_flow", ">=", 2, 1, NOT_MET),
        # 2 > 2 fails: > is strict
        ("count_flow", ">", 2, 2, NOT_MET),
        ("count_flow", ">", 2, 3, MET),
        # 5 ≤ 5 holds; 6 ≤ 5 fails
        ("new_sites", "<=", 5, 5, MET),
        ("new_sites", "<=", 5, 6, NOT_MET),
        # 5 < 5 fails: < is strict; 4 < 5 holds
        ("new_sites", "<", 5, 5, NOT_MET),
        ("new_sites", "<", 5, 4, MET),
        # == only at the threshold itself
        ("count_flow", "==", 3, 3, MET),
        ("count_flow", "==", 3, 4, NOT_MET),
        ("count_flow", "==", 3, 2, NOT_MET),
        # between is inclusive at both bounds
        ("count_flow", "between", [1, 2], 1, MET),
        ("count_flow", "between", [1, 2], 2, MET),
        ("count_flow", "between", [1, 2], 0, NOT_MET),
        ("count_flow", "between", [1, 2], 3, NOT_MET),
        # decimals: 12.99 < 13; 0.3 == 0.3 (0.1 + 0.2 would not be, but 0.3 as written is)
        ("rate", ">=", 13, 12.99, NOT_MET),
        ("rate", ">=", 13, 13.0, MET),
        ("cost", "<", 0.3, 0.3, NOT_MET),
        ("rate", "==", 33.3, 33.3, MET),
        ("rate", "between", [30.5, 40.25], 30.5, MET),
        ("rate", "between", [30.5, 40.25], 40.25, MET),
        ("rate", "between", [30.5, 40.25], 40.26, NOT_MET),
        ("rate", "between", [30.5, 40.25], 30.49, NOT_MET),
    ],
)
def test_annual_comparison(
    project: Build, indicator: str, op: str, threshold: Any, value: Any, status: Status
) -> None:
    target = rule("annual", indicator, "county", op=op, threshold=threshold)
    result = judge(project, target, {(2024, "乙区"): {indicator: value}}, 2024, "乙区")
    assert result.status is status
    assert result.value == Fraction(str(value))


@pytest.mark.parametrize("year", [2021, 2025])
def test_annual_is_judged_every_year_of_the_period(project: Build, year: int) -> None:
    # 2 ≥ 2 → met, in the first and in the last year alike
    target = rule("annual", "count_flow", "county", op=">=", threshold=2)
    assert judge(project, target, {(year, "乙区"): {"count_flow": 2}}, year, "乙区").status is MET


@pytest.mark.parametrize(("value", "status"), [(True, MET), (False, NOT_MET)])
def test_annual_boolean(project: Build, value: bool, status: Status) -> None:
    target = rule("annual", "done", op="==", threshold=True)
    result = judge(project, target, {(2024, "甲市"): {"done": value}}, 2024)
    assert result.status is status
    assert result.value is value


def test_annual_not_reported_is_missing(project: Build) -> None:
    target = rule("annual", "count_flow", op=">=", threshold=2)
    result = judge(project, target, {(2024, "甲市"): {"rate": 50}}, 2024)
    assert result.status is MISSING and result.value is None
    assert result.missing is not None
    assert (result.missing.gap, result.missing.file) == (Gap.NOT_REPORTED, "data/2024/甲市.yaml")


def test_annual_without_a_file_is_missing(project: Build) -> None:
    target = rule("annual", "count_flow", op=">=", threshold=2)
    result = judge(project, target, {(2023, "甲市"): {"count_flow": 9}}, 2024)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.gap, result.missing.year) == (Gap.NO_FILE, 2024)


# --- monitor ------------------------------------------------------------------------------


def test_monitor_records_the_value(project: Build) -> None:
    target = rule("monitor", "count_flow", "county")
    result = judge(project, target, {(2024, "乙区"): {"count_flow": 7}}, 2024, "乙区")
    assert result.status is Status.MONITORED
    assert result.value == 7
    assert result.threshold is None
    assert places(result) == [("data/2024/乙区.yaml", 4)]


def test_monitor_without_a_value_is_missing(project: Build) -> None:
    target = rule("monitor", "count_flow", "county")
    result = judge(project, target, {(2024, "乙区"): {"rate": 1}}, 2024, "乙区")
    assert result.status is MISSING


# --- deadline: the trajectory and its bands ------------------------------------------------

RATE_13 = rule("deadline", op=">=", threshold=13)


@pytest.mark.parametrize(
    ("value", "ratio", "status"),
    [
        # b = 8.6, T = 13, 2022: t = 2/5; T − b = 4.4, so R = (v − 8.6) / 4.4 / 0.4
        # = (v − 8.6) / 1.76
        # 10.536: c = 1.936 / 4.4 = 0.44, R = 0.44 / 0.4 = 1.10 exactly → ahead (floats: 1.0999…)
        (10.536, Fraction("1.1"), AHEAD),
        # 10.535: R = 1.935 / 1.76 = 1.0994… → on_track
        (10.535, Fraction("1.935") / Fraction("1.76"), ON_TRACK),
        # 10.184: c = 1.584 / 4.4 = 0.36, R = 0.36 / 0.4 = 0.90 exactly → on_track (floats: 0.8999…)
        (10.184, Fraction("0.9"), ON_TRACK),
        # 10.183: R = 1.583 / 1.76 = 0.8994… → behind
        (10.183, Fraction("1.583") / Fraction("1.76"), BEHIND),
        # 8.0: went down from the base, c = −0.6 / 4.4 < 0 → behind
        (8.0, Fraction("-0.6") / Fraction("1.76"), BEHIND),
    ],
)
def test_deadline_band_edges(project: Build, value: float, ratio: Fraction, status: Status) -> None:
    result = judge(
        project, RATE_13, {(2020, "甲市"): {"rate": 8.6}, (2022, "甲市"): {"rate": value}}, 2022
    )
    assert result.status is status
    assert result.progress_ratio == ratio
    # e = 8.6 + 4.4 · 2/5 = 10.36
    assert result.expected == Fraction("10.36")
    assert result.baseline == Fraction("8.6")
    assert result.time_share == Fraction(2, 5)
    assert result.completion == (Fraction(str(value)) - Fraction("8.6")) / Fraction("4.4")


@pytest.mark.parametrize(
    ("value", "status"),
    [
        # bands ahead 1.2, behind 0.8; b = 8.6, T = 13, 2022: R = (v − 8.6) / 1.76
        # 10.536: R = 1.1 → on_track here (ahead under the default bands)
        (10.536, ON_TRACK),
        # 10.712: R = 2.112 / 1.76 = 1.2 → ahead (the edge belongs to ahead)
        (10.712, AHEAD),
        # 10.711: R = 1.1994… → on_track
        (10.711, ON_TRACK),
        # 10.096: R = 1.496 / 1.76 = 0.85 → on_track here (behind under the default bands)
        (10.096, ON_TRACK),
        # 10.008: R = 1.408 / 1.76 = 0.8 → on_track (the edge belongs to on_track)
        (10.008, ON_TRACK),
        # 10.007: R = 0.7994… → behind
        (10.007, BEHIND),
    ],
)
def test_bands_are_plan_settings(project: Build, value: float, status: Status) -> None:
    plan_info = {**BASE_PLAN["plan"], "bands": {"ahead": 1.2, "behind": 0.8}}
    result = judge(
        project,
        RATE_13,
        {(2020, "甲市"): {"rate": 8.6}, (2022, "甲市"): {"rate": value}},
        2022,
        plan=plan_info,
    )
    assert result.status is status


@pytest.mark.parametrize(
    ("op", "value", "status"),
    [
        # 2023, b = 8.6: v = 13 satisfies ≥ 13 → achieved_early
        (">=", 13, EARLY),
        (">=", 14.5, EARLY),
        # v = 13 does not satisfy > 13: on the trajectory, c = 4.4 / 4.4 = 1, t = 3/5,
        # R = 5/3 → ahead
        (">", 13, AHEAD),
        # 13.1 > 13 → achieved_early
        (">", 13.1, EARLY),
    ],
)
def test_deadline_achieved_early_respects_strictness(
    project: Build, op: str, value: float, status: Status
) -> None:
    target = rule("deadline", op=op, threshold=13)
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (2023, "甲市"): {"rate": value}}
    result = judge(project, target, values, 2023)
    assert result.status is status
    if status is AHEAD:
        assert result.progress_ratio == Fraction(5, 3)


@pytest.mark.parametrize(
    ("op", "value", "status"),
    [
        # the deadline year is judged on the threshold alone
        (">=", 13, MET),
        (">=", 12.9, NOT_MET),
        (">", 13, NOT_MET),
        (">", 13.01, MET),
    ],
)
def test_deadline_year_is_met_or_not_met(
    project: Build, op: str, value: float, status: Status
) -> None:
    target = rule("deadline", op=op, threshold=13)
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (2025, "甲市"): {"rate": value}}
    result = judge(project, target, values, 2025)
    assert result.status is status
    assert result.expected is None and result.progress_ratio is None


@pytest.mark.parametrize(
    ("year", "value", "status"),
    [
        # deadline 2023 inside a 2021–2025 plan: 2023 and the years after it are met / not_met
        (2023, 12.9, NOT_MET),
        (2023, 13, MET),
        (2024, 13, MET),
        (2025, 12.5, NOT_MET),
    ],
)
def test_deadline_year_and_years_after(
    project: Build, year: int, value: float, status: Status
) -> None:
    target = rule("deadline", op=">=", threshold=13, deadline=2023)
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (year, "甲市"): {"rate": value}}
    assert judge(project, target, values, year).status is status


def test_deadline_before_an_early_deadline_uses_its_own_time_share(project: Build) -> None:
    # deadline 2023, 2022: t = 2/3; b = 8.6, T = 13, v = 11.5: c = 2.9 / 4.4,
    # R = (2.9 / 4.4) / (2/3) = 8.7 / 8.8 = 87/88 → on_track; e = 8.6 + 4.4 · 2/3
    target = rule("deadline", op=">=", threshold=13, deadline=2023)
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (2022, "甲市"): {"rate": 11.5}}
    result = judge(project, target, values, 2022)
    assert result.status is ON_TRACK
    assert result.time_share == Fraction(2, 3)
    assert result.progress_ratio == Fraction(87, 88)
    assert result.expected == Fraction("8.6") + Fraction("4.4") * Fraction(2, 3)


@pytest.mark.parametrize(
    ("year", "value", "status"),
    [
        # a yes/no target has no trajectory: not yet true → in_progress, true → achieved_early
        (2024, False, IN_PROGRESS),
        (2024, True, EARLY),
        # at the deadline: true → met, false → not_met
        (2025, False, NOT_MET),
        (2025, True, MET),
    ],
)
def test_deadline_boolean(project: Build, year: int, value: bool, status: Status) -> None:
    target = rule("deadline", "done", "county", op="==", threshold=True)
    # no base-year file at all: a yes/no target does not need a base value
    result = judge(project, target, {(year, "乙区"): {"done": value}}, year, "乙区")
    assert result.status is status
    assert result.value is value
    assert result.progress_ratio is None


@pytest.mark.parametrize(
    ("op", "year", "value", "status", "ratio"),
    [
        # lower is better: cost ≤ 10, b = 20; 2023: t = 3/5, T − b = −10, e = 20 − 6 = 14
        # 14: c = −6 / −10 = 0.6, R = 1 → on_track
        ("<=", 2023, 14, ON_TRACK, Fraction(1)),
        # 13.4: c = −6.6 / −10 = 0.66, R = 1.1 → ahead
        ("<=", 2023, 13.4, AHEAD, Fraction("1.1")),
        # 14.6: c = 0.54, R = 0.9 → on_track
        ("<=", 2023, 14.6, ON_TRACK, Fraction("0.9")),
        # 14.601: c = 0.5399, R = 0.89983… → behind
        ("<=", 2023, 14.601, BEHIND, Fraction("0.5399") / Fraction("0.6")),
        # 21: moved away from the threshold, c = −0.1, R = −1/6 → behind
        ("<=", 2023, 21, BEHIND, Fraction(-1, 6)),
        # 10 ≤ 10 → achieved_early (c = 1, R = 5/3); 9.5 too (c = 10.5 / 10 = 1.05, R = 7/4)
        ("<=", 2023, 10, EARLY, Fraction(5, 3)),
        ("<=", 2023, 9.5, EARLY, Fraction(7, 4)),
        # 10 < 10 fails: c = 1, R = 5/3 → ahead
        ("<", 2023, 10, AHEAD, Fraction(5, 3)),
        # at the deadline
        ("<=", 2025, 10, MET, None),
        ("<=", 2025, 10.5, NOT_MET, None),
        ("<", 2025, 10, NOT_MET, None),
    ],
)
def test_deadline_lower_is_better(
    project: Build, op: str, year: int, value: float, status: Status, ratio: Fraction | None
) -> None:
    target = rule("deadline", "cost", op=op, threshold=10)
    values: Values = {(2020, "甲市"): {"cost": 20}, (year, "甲市"): {"cost": value}}
    result = judge(project, target, values, year)
    assert result.status is status
    assert result.progress_ratio == ratio
    if year == 2023 and status is not EARLY:
        assert result.expected == 14


@pytest.mark.parametrize(
    ("year", "value", "status"),
    [
        # between [30, 40], b = 20, 2023 (t = 3/5): inside → achieved_early
        (2023, 35, EARLY),
        (2023, 30, EARLY),
        # above the upper bound before the deadline → not_met
        (2023, 41, NOT_MET),
        # below: the lower bound drives the line: e = 20 + 10 · 3/5 = 26, v = 26: c = 0.6, R = 1
        # → on_track (the upper bound would give e = 32, R = 0.5 → behind)
        (2023, 26, ON_TRACK),
        # at the deadline, inclusive bounds
        (2025, 40, MET),
        (2025, 41, NOT_MET),
        (2025, 29.9, NOT_MET),
    ],
)
def test_deadline_between(project: Build, year: int, value: float, status: Status) -> None:
    target = rule("deadline", op="between", threshold=[30, 40])
    values: Values = {(2020, "甲市"): {"rate": 20}, (year, "甲市"): {"rate": value}}
    result = judge(project, target, values, year)
    assert result.status is status
    if value == 26:
        assert (result.expected, result.progress_ratio) == (Fraction(26), Fraction(1))


def test_deadline_without_a_base_file_is_missing(project: Build) -> None:
    result = judge(project, RATE_13, {(2024, "甲市"): {"rate": 11.9}}, 2024)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.year, result.missing.gap) == (2020, Gap.NO_FILE)
    assert result.progress_ratio is None


def test_deadline_with_a_base_file_lacking_the_value_is_missing(project: Build) -> None:
    values: Values = {(2020, "甲市"): {"count_flow": 1}, (2024, "甲市"): {"rate": 11.9}}
    result = judge(project, RATE_13, values, 2024)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.year, result.missing.gap) == (2020, Gap.NOT_REPORTED)


def test_deadline_needs_no_base_once_achieved_or_at_the_deadline(project: Build) -> None:
    # Settled case (SPEC §3): a numeric deadline target whose base value is missing is
    # `missing` before the deadline, even when 13.5 ≥ 13 already holds (was achieved_early).
    early = judge(project, RATE_13, {(2024, "甲市"): {"rate": 13.5}}, 2024)
    assert (early.status, early.why) == (MISSING, Why.BASE_MISSING)
    # the deadline year is judged on the threshold alone
    assert judge(project, RATE_13, {(2025, "甲市"): {"rate": 12}}, 2025).status is NOT_MET


@pytest.mark.parametrize(
    ("op", "base", "value", "status", "why"),
    [
        # b = 14 already satisfies ≥ 13; v = 12.5 fell back: the line is flat at 13 → behind
        (">=", 14, 12.5, BEHIND, Why.BASE_SATISFIED),
        # b = 13 does not satisfy > 13 (the plan asks for more than it): v = 13 → behind,
        # and the reason must not say the base met it
        (">", 13, 13, BEHIND, Why.BASE_AT_GOAL),
        # b = 13 = T: no line; v = 13.2 > 13 → achieved_early
        (">", 13, 13.2, EARLY, None),
        # b = 14 already satisfies ≥ 13 and v = 15 still does: no line either (a line from 14
        # to 13 would give completion (15 − 14) / (13 − 14) = −1) → achieved_early
        (">=", 14, 15, EARLY, None),
        (">=", 14, 14, EARLY, None),
    ],
)
def test_deadline_with_no_line_from_the_base(
    project: Build, op: str, base: float, value: float, status: Status, why: Why | None
) -> None:
    target = rule("deadline", op=op, threshold=13)
    values: Values = {(2020, "甲市"): {"rate": base}, (2023, "甲市"): {"rate": value}}
    result = judge(project, target, values, 2023)
    assert (result.status, result.why) == (status, why)
    assert (result.expected, result.completion, result.progress_ratio) == (Fraction(13), None, None)


# --- cumulative ---------------------------------------------------------------------------

DEALS_50 = rule("cumulative", "money", op=">", threshold=50)


def flows(indicator: str, *amounts: float | None, unit: str = "甲市") -> Values:
    """One flow a year from 2021 on; None writes a file without the value."""
    return {
        (2021 + i, unit): ({indicator: amount} if amount is not None else {"rate": 1})
        for i, amount in enumerate(amounts)
    }


@pytest.mark.parametrize(
    ("amounts", "status", "total", "ratio"),
    [
        # 2024: S = 8.6 + 12.3 + 11.1 + 12.0 = 44, t = 4/5, e = 50 · 4/5 = 40, R = 1.1 → ahead
        ((8.6, 12.3, 11.1, 12.0), AHEAD, Fraction(44), Fraction("1.1")),
        # 2023: S = 5.1 + 11.2 + 10.7 = 27, t = 3/5, e = 30, R = 0.9 → on_track (floats: 0.8999…)
        ((5.1, 11.2, 10.7), ON_TRACK, Fraction(27), Fraction("0.9")),
        # 2023: S = 26.9, R = 26.9 / 30 = 0.8966… → behind
        ((5.1, 11.2, 10.6), BEHIND, Fraction("26.9"), Fraction("26.9") / 30),
        # 2024: S = 50 does not satisfy > 50: R = 50 / 40 = 1.25 → ahead
        ((12.5, 12.5, 12.5, 12.5), AHEAD, Fraction(50), Fraction("1.25")),
        # 2024: S = 50.1 > 50 → achieved_early
        ((12.5, 12.5, 12.5, 12.6), EARLY, Fraction("50.1"), Fraction("50.1") / 40),
        # 2021 alone: S = 9, t = 1/5, e = 10, R = 0.9 → on_track
        ((9,), ON_TRACK, Fraction(9), Fraction("0.9")),
    ],
)
def test_cumulative_running_sum(
    project: Build,
    amounts: tuple[float, ...],
    status: Status,
    total: Fraction,
    ratio: Fraction,
) -> None:
    year = 2020 + len(amounts)
    result = judge(project, DEALS_50, flows("money", *amounts), year)
    assert result.status is status
    assert result.value == total
    assert result.progress_ratio == ratio
    assert result.expected == 50 * Fraction(len(amounts), 5)
    assert result.baseline is None


def test_cumulative_ignores_the_base_year(project: Build) -> None:
    # the period starts in 2021: the 2020 value 100 is not part of S; 2021: S = 9, R = 0.9
    values = {(2020, "甲市"): {"money": 100}, **flows("money", 9)}
    result = judge(project, DEALS_50, values, 2021)
    assert (result.status, result.value) == (ON_TRACK, 9)


@pytest.mark.parametrize(
    ("op", "amounts", "status"),
    [
        # 2025: S = 5 · 10 = 50; > 50 fails → not_met, ≥ 50 holds → met
        (">", (10, 10, 10, 10, 10), NOT_MET),
        (">=", (10, 10, 10, 10, 10), MET),
        (">", (10, 10, 10, 10, 10.5), MET),
    ],
)
def test_cumulative_deadline_year(
    project: Build, op: str, amounts: tuple[float, ...], status: Status
) -> None:
    target = rule("cumulative", "money", op=op, threshold=50)
    result = judge(project, target, flows("money", *amounts), 2025)
    assert result.status is status
    assert result.progress_ratio is None


def test_cumulative_with_a_missing_year_is_missing(project: Build) -> None:
    # 2022's file lacks the value: S cannot be formed → missing, naming 2022
    result = judge(project, DEALS_50, flows("money", 20, None, 20, 20), 2024)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.year, result.missing.gap) == (2022, Gap.NOT_REPORTED)
    assert result.value is None


def test_cumulative_with_a_missing_file_is_missing(project: Build) -> None:
    values = flows("money", 20, 20, 20, 20)
    values[(2022, "甲市")] = None
    result = judge(project, DEALS_50, values, 2024)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.year, result.missing.gap) == (2022, Gap.NO_FILE)


@pytest.mark.parametrize(
    ("low", "high", "amounts", "status"),
    [
        # between [1, 2], 2023: S = 0 + 1 + 0 = 1, inside → achieved_early
        (1, 2, (0, 1, 0), EARLY),
        # S = 2 is inside too (inclusive upper bound)
        (1, 2, (1, 1, 0), EARLY),
        # S = 3 > 2: above the upper bound → not_met already
        (1, 2, (1, 1, 1), NOT_MET),
        # 2022: S = 0, t = 2/5, e = 1 · 2/5, R = 0 → behind
        (1, 2, (0, 0), BEHIND),
        # between [5, 8], 2023: S = 3, the lower bound drives: e = 5 · 3/5 = 3, R = 1 → on_track
        # (the upper bound would give e = 4.8, R = 0.625 → behind)
        (5, 8, (1, 1, 1), ON_TRACK),
        # 2025, the deadline: S = 0 → not_met, S = 1 → met, S = 3 → not_met
        (1, 2, (0, 0, 0, 0, 0), NOT_MET),
        (1, 2, (0, 0, 1, 0, 0), MET),
        (1, 2, (1, 0, 1, 0, 1), NOT_MET),
    ],
)
def test_cumulative_between(
    project: Build, low: int, high: int, amounts: tuple[int, ...], status: Status
) -> None:
    target = rule("cumulative", "count_flow", op="between", threshold=[low, high])
    result = judge(project, target, flows("count_flow", *amounts), 2020 + len(amounts))
    assert result.status is status
    assert result.value == sum(amounts)
    if status is ON_TRACK:
        assert (result.expected, result.progress_ratio) == (Fraction(3), Fraction(1))
    if status is BEHIND:
        assert (result.expected, result.progress_ratio) == (Fraction(2, 5), Fraction(0))


def test_cumulative_cap_exceeded_before_the_deadline_is_not_met(project: Build) -> None:
    # ≤ 5 over 2021–2025; 2023: S = 3 + 2 + 1 = 6 > 5, and flows cannot go back down → not_met
    target = rule("cumulative", "new_sites", op="<=", threshold=5)
    result = judge(project, target, flows("new_sites", 3, 2, 1), 2023)
    assert result.status is NOT_MET
    assert result.value == 6


def test_cumulative_evidence_lists_every_year(project: Build) -> None:
    result = judge(project, DEALS_50, flows("money", 8.6, 12.3, 11.1), 2023)
    assert places(result) == [(f"data/{year}/甲市.yaml", 4) for year in (2021, 2022, 2023)]


# --- growth -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "threshold", "before", "now", "growth", "status"),
    [
        # 130 / 100 − 1 = 30 % ≥ 30 → met (the edge counts)
        (">=", 30, 100, 130, Fraction(30), MET),
        # 30 > 30 fails
        (">", 30, 100, 130, Fraction(30), NOT_MET),
        # 129 / 100 − 1 = 29 % → not_met
        (">=", 30, 100, 129, Fraction(29), NOT_MET),
        # 80 / 100 − 1 = −20 %: negative growth → not_met
        (">=", 30, 100, 80, Fraction(-20), NOT_MET),
        # −20 % ≥ −25 % → met (a tolerated decline)
        (">=", -25, 100, 80, Fraction(-20), MET),
        # 1352 / 1000 − 1 = 35.2 %
        (">=", 30, 1000, 1352, Fraction("35.2"), MET),
    ],
)
def test_growth_in_percent(
    project: Build,
    op: str,
    threshold: int,
    before: int,
    now: int,
    growth: Fraction,
    status: Status,
) -> None:
    target = rule("growth", "count_stock", "county", op=op, threshold=threshold)
    values: Values = {(2023, "乙区"): {"count_stock": before}, (2024, "乙区"): {"count_stock": now}}
    result = judge(project, target, values, 2024, "乙区")
    assert result.status is status
    assert result.value == growth
    assert result.previous == before
    # evidence: last year's observation, then this year's
    assert places(result) == [("data/2023/乙区.yaml", 4), ("data/2024/乙区.yaml", 4)]


def test_growth_is_exact_with_decimals(project: Build) -> None:
    # 2.86 / 2.2 − 1 = 0.3 exactly → 30 % ≥ 30 → met (floats: 29.999999999999982 → not met)
    target = rule("growth", "money", op=">=", threshold=30)
    values: Values = {(2023, "甲市"): {"money": 2.2}, (2024, "甲市"): {"money": 2.86}}
    result = judge(project, target, values, 2024)
    assert (result.status, result.value) == (MET, 30)


def test_growth_in_the_first_year_uses_the_base_year(project: Build) -> None:
    # 2021 against 2020: 65 / 50 − 1 = 30 % → met
    target = rule("growth", "count_stock", "county", op=">=", threshold=30)
    values: Values = {(2020, "乙区"): {"count_stock": 50}, (2021, "乙区"): {"count_stock": 65}}
    result = judge(project, target, values, 2021, "乙区")
    assert (result.status, result.value) == (MET, 30)


def test_growth_without_last_year_is_missing(project: Build) -> None:
    target = rule("growth", "count_stock", "county", op=">=", threshold=30)
    result = judge(project, target, {(2024, "乙区"): {"count_stock": 130}}, 2024, "乙区")
    assert result.status is MISSING
    assert result.value is None
    assert result.missing is not None
    assert (result.missing.year, result.missing.gap) == (2023, Gap.NO_FILE)


def test_growth_from_zero_is_missing(project: Build) -> None:
    # 5 / 0 − 1 is undefined → missing, never a guess
    target = rule("growth", "count_stock", "county", op=">=", threshold=30)
    values: Values = {(2023, "乙区"): {"count_stock": 0}, (2024, "乙区"): {"count_stock": 5}}
    result = judge(project, target, values, 2024, "乙区")
    assert result.status is MISSING
    assert result.value is None
    assert result.why is Why.PREVIOUS_ZERO


def test_growth_without_this_year_is_missing(project: Build) -> None:
    target = rule("growth", "count_stock", "county", op=">=", threshold=30)
    values: Values = {(2023, "乙区"): {"count_stock": 100}, (2024, "乙区"): {"rate": 1}}
    result = judge(project, target, values, 2024, "乙区")
    assert result.status is MISSING
    assert result.missing is not None and result.missing.year == 2024


# --- a parent's value formed by `sum` -----------------------------------------------------

SUM_100 = rule("annual", "count_stock", op=">=", threshold=100)


def test_sum_own_report_wins(project: Build) -> None:
    # 甲市 reports 50 itself: 50 ≥ 100 fails, although 60 + 70 = 130 would pass
    values: Values = {
        (2024, "甲市"): {"count_stock": 50},
        (2024, "乙区"): {"count_stock": 60},
        (2024, "丙县"): {"count_stock": 70},
    }
    result = judge(project, SUM_100, values, 2024)
    assert (result.status, result.value) == (NOT_MET, 50)
    assert places(result) == [("data/2024/甲市.yaml", 4)]


@pytest.mark.parametrize("city_file", [None, {"rate": 40}])
def test_sum_of_children_when_the_parent_does_not_report(
    project: Build, city_file: dict[str, Any] | None
) -> None:
    # 60 + 70 = 130 ≥ 100 → met; the evidence is the children's observations
    values: Values = {
        (2024, "甲市"): city_file,
        (2024, "乙区"): {"count_stock": 60},
        (2024, "丙县"): {"count_stock": 70},
    }
    result = judge(project, SUM_100, values, 2024)
    assert (result.status, result.value) == (MET, 130)
    assert places(result) == [("data/2024/乙区.yaml", 4), ("data/2024/丙县.yaml", 4)]
    assert [o.value for o in result.evidence] == [60, 70]


@pytest.mark.parametrize(("bing", "gap"), [(None, Gap.NO_FILE), ({"rate": 1}, Gap.NOT_REPORTED)])
def test_sum_with_a_child_missing_is_missing(
    project: Build, bing: dict[str, Any] | None, gap: Gap
) -> None:
    values: Values = {(2024, "乙区"): {"count_stock": 160}, (2024, "丙县"): bing}
    result = judge(project, SUM_100, values, 2024)
    assert result.status is MISSING
    assert result.value is None
    assert result.missing is not None
    assert (result.missing.unit.name, result.missing.gap) == ("丙县", gap)


def test_no_sum_for_an_indicator_without_aggregate(project: Build) -> None:
    # count_flow has no `sum`: the children's 3 + 4 do not stand in for the city's value
    target = rule("annual", "count_flow", op=">=", threshold=2)
    values: Values = {
        (2024, "甲市"): {"rate": 1},
        (2024, "乙区"): {"count_flow": 3},
        (2024, "丙县"): {"count_flow": 4},
    }
    assert judge(project, target, values, 2024).status is MISSING


def test_sum_feeds_a_deadline_trajectory(project: Build) -> None:
    # ≥ 200 by 2025; b = 40 + 60 = 100 (2020), v = 80 + 90 = 170 (2024)
    # t = 4/5, e = 100 + 100 · 4/5 = 180, c = 70 / 100 = 0.7, R = 0.875 → behind
    target = rule("deadline", "count_stock", op=">=", threshold=200)
    values: Values = {
        (2020, "乙区"): {"count_stock": 40},
        (2020, "丙县"): {"count_stock": 60},
        (2024, "乙区"): {"count_stock": 80},
        (2024, "丙县"): {"count_stock": 90},
    }
    result = judge(project, target, values, 2024)
    assert result.status is BEHIND
    assert (result.baseline, result.value, result.expected) == (
        Fraction(100),
        Fraction(170),
        Fraction(180),
    )
    assert result.progress_ratio == Fraction(7, 8)
    assert [o.file for o in result.evidence] == [
        "data/2020/乙区.yaml",
        "data/2020/丙县.yaml",
        "data/2024/乙区.yaml",
        "data/2024/丙县.yaml",
    ]


# --- invalid data files -------------------------------------------------------------------


def invalid_city_file(project: Build) -> Path:
    """甲市's 2024 file has a quoted number: the whole file is invalid."""
    folder = project(
        plan_dict(
            rule("annual", "count_flow", op=">=", threshold=2),
            {**rule("annual", "count_stock", op=">=", threshold=100), "id": "s"},
        ),
        {(2024, "乙区"): {"count_stock": 60}, (2024, "丙县"): {"count_stock": 70}},
    )
    path = folder / "data" / "2024" / "甲市.yaml"
    path.write_text(
        'unit: 甲市\nyear: 2024\nvalues:\n  count_flow: 3\n  rate: "11.9"\n', encoding="utf-8"
    )
    return folder


def test_invalid_file_is_treated_as_missing_and_reported(project: Build) -> None:
    plan, data = load(invalid_city_file(project))
    evaluation = evaluate_year(plan, data, 2024)
    by_target = {(r.target.id, r.unit.name): r for r in evaluation.results}
    # count_flow = 3 is in the file, but the file is invalid: its values are not used
    flow = by_target[("t", "甲市")]
    assert flow.status is MISSING
    assert flow.missing is not None
    assert (flow.missing.gap, flow.missing.file) == (Gap.INVALID_FILE, "data/2024/甲市.yaml")
    # an invalid file is a missing report: the `sum` indicator falls back to 60 + 70 = 130
    assert (by_target[("s", "甲市")].status, by_target[("s", "甲市")].value) == (MET, 130)
    assert evaluation.invalid_files == ["data/2024/甲市.yaml"]
    assert [u.name for u in evaluation.missing_files] == []
    [problem] = evaluation.problems
    assert (problem.file, problem.line, problem.code.value) == (
        "data/2024/甲市.yaml",
        5,
        "type-error",
    )


def test_invalid_file_through_the_cli(project: Build, runner: CliRunner) -> None:
    folder = invalid_city_file(project)
    result = run(
        runner,
        "check",
        "2024",
        "-f",
        "json",
        "--plan",
        str(folder / "targets.yaml"),
        "--data-dir",
        str(folder / "data"),
    )
    assert result.exit_code == 3  # the data problem outranks the missing value (exit 1)
    document = json.loads(result.output)
    assert document["invalid_files"] == ["data/2024/甲市.yaml"]
    [problem] = document["problems"]
    assert set(problem) == {"file", "line", "column", "code", "message"}
    assert (problem["file"], problem["line"], problem["code"]) == (
        "data/2024/甲市.yaml",
        5,
        "type-error",
    )
    statuses = {(r["target"], r["unit"]): r["status"] for r in document["results"]}
    assert statuses[("t", "甲市")] == "missing"


# --- evidence points at the line of the value ---------------------------------------------


def test_evidence_names_file_and_line(project: Build) -> None:
    folder = project(
        plan_dict(RATE_13, {**rule("annual", "count_flow", op=">=", threshold=2), "id": "f"}),
        {(2020, "甲市"): {"rate": 8.6}},
    )
    (folder / "data" / "2024").mkdir()
    (folder / "data" / "2024" / "甲市.yaml").write_text(
        "# 甲市 2024 年数据\n"  # 1
        "unit: 甲市\n"  # 2
        "year: 2024\n"  # 3
        "\n"  # 4
        "values:\n"  # 5
        "  count_flow: 3\n"  # 6
        "  # 抽样调查结果\n"  # 7
        "  rate:\n"  # 8
        "    value: 11.9\n"  # 9
        "    source: 2024 年抽样调查\n",  # 10
        encoding="utf-8",
    )
    plan, data = load(folder)
    results = {r.target.id: r for r in evaluate_year(plan, data, 2024, plan.root).results}
    assert places(results["f"]) == [("data/2024/甲市.yaml", 6)]
    # the deadline's evidence: the base value (written by the fixture: line 4), then this year's
    # value, which carries its source
    assert places(results["t"]) == [("data/2020/甲市.yaml", 4), ("data/2024/甲市.yaml", 9)]
    assert results["t"].evidence[-1].source == "2024 年抽样调查"
    assert results["t"].status is ON_TRACK  # b = 8.6, v = 11.9, R = 0.9375 (see the smoke test)


# --- check --format json for one small project --------------------------------------------

JSON_TARGETS: list[dict[str, Any]] = [
    {"id": "rate_2025", "indicator": "rate", "level": "city", "kind": "deadline"}
    | {"op": ">=", "threshold": 13, "deadline": 2025},
    {"id": "stock_growth", "indicator": "count_stock", "level": "county", "kind": "growth"}
    | {"op": ">=", "threshold": 30},
    {"id": "meetings", "indicator": "count_flow", "level": "city", "kind": "cumulative"}
    | {"op": "between", "threshold": [1, 2], "deadline": 2025},
    {"id": "deals", "indicator": "money", "level": "city", "kind": "cumulative"}
    | {"op": ">", "threshold": 50, "deadline": 2025},
    {"id": "watch", "indicator": "count_flow", "level": "county", "kind": "monitor"},
]
JSON_VALUES: Values = {
    (2020, "甲市"): {"rate": 8.6},
    (2021, "甲市"): {"count_flow": 0, "money": 8.6},
    (2022, "甲市"): {"count_flow": 0, "money": 12.3},
    (2023, "甲市"): {"count_flow": 1, "money": 11.1},
    (2023, "乙区"): {"count_stock": 1000},
    (2023, "丙县"): {"count_stock": 500},
    (2024, "甲市"): {"rate": 11.9, "count_flow": 0, "money": 12.0},
    (2024, "乙区"): {"count_stock": 1352, "count_flow": 4},
    (2024, "丙县"): {"count_stock": 600, "count_flow": 2},
}
SPEC_RESULT_KEYS = {
    "target",
    "indicator",
    "kind",
    "unit",
    "unit_code",
    "level",
    "status",
    "value",
    "op",
    "threshold",
    "deadline",
    "baseline",
    "expected",
    "progress_ratio",
    "message",
}


def test_check_json_shape_and_numbers(project: Build, runner: CliRunner) -> None:
    folder = project(plan_dict(*JSON_TARGETS), JSON_VALUES)
    result = run(
        runner,
        "check",
        "2024",
        "--format",
        "json",
        "--plan",
        str(folder / "targets.yaml"),
        "--data-dir",
        str(folder / "data"),
    )
    assert result.exit_code == 1  # stock_growth@丙县 is not_met
    document = json.loads(result.output)
    assert {"plan", "year", "summary", "missing_files", "results", "problems"} <= set(document)
    assert document["plan"] == {"id": "test", "name": "测试规划", "period": [2021, 2025]}
    assert document["year"] == 2024
    assert document["summary"] == {
        "met": 1,
        "not_met": 1,
        "achieved_early": 1,
        "ahead": 1,
        "on_track": 1,
        "behind": 0,
        "in_progress": 0,
        "monitored": 2,
        "missing": 0,
    }
    assert document["missing_files"] == []
    assert document["problems"] == []
    for each in document["results"]:
        assert set(each) >= SPEC_RESULT_KEYS
        assert isinstance(each["message"], str) and each["message"]
    rows = {(r["target"], r["unit"]): r for r in document["results"]}
    assert len(rows) == len(document["results"]) == 7

    def numbers(key: tuple[str, str]) -> tuple[Any, ...]:
        r = rows[key]
        fields = ("status", "value", "op", "threshold", "deadline")
        return tuple(r[f] for f in (*fields, "baseline", "expected", "progress_ratio"))

    # b = 8.6, T = 13, 2024: t = 4/5, e = 8.6 + 4.4 · 0.8 = 12.12, c = 3.3 / 4.4 = 0.75,
    # R = 0.75 / 0.8 = 0.9375 → on_track
    assert numbers(("rate_2025", "甲市")) == ("on_track", 11.9, ">=", 13, 2025, 8.6, 12.12, 0.9375)
    rate = rows[("rate_2025", "甲市")]
    assert (rate["unit_code"], rate["level"]) == ("100000", "city")
    # 1352 / 1000 − 1 = 35.2 % ≥ 30 → met; value in percent, threshold 30
    assert numbers(("stock_growth", "乙区")) == ("met", 35.2, ">=", 30, None, None, None, None)
    # 600 / 500 − 1 = 20 % → not_met
    assert numbers(("stock_growth", "丙县")) == ("not_met", 20, ">=", 30, None, None, None, None)
    # S = 0 + 0 + 1 + 0 = 1 ∈ [1, 2] → achieved_early; e = 1 · 4/5 = 0.8, R = 1 / 0.8 = 1.25
    assert numbers(("meetings", "甲市")) == (
        "achieved_early",
        1,
        "between",
        [1, 2],
        2025,
        None,
        0.8,
        1.25,
    )
    # S = 8.6 + 12.3 + 11.1 + 12.0 = 44, e = 50 · 4/5 = 40, R = 1.1 → ahead
    assert numbers(("deals", "甲市")) == ("ahead", 44, ">", 50, 2025, None, 40, 1.1)
    # monitor: no op, no threshold
    assert numbers(("watch", "乙区")) == ("monitored", 4, None, None, None, None, None, None)
    assert rows[("watch", "丙县")]["value"] == 2
    watch = rows[("watch", "乙区")]
    assert (watch["unit_code"], watch["level"]) == ("100001", "county")
