"""Per-unit thresholds (`quotas`), thresholds relative to the base (`relative`), per-target
`bands`, `base_year` and `years`, and the settled cases of SPEC §3, against hand-computed
expectations. Notation as in the SPEC: b base value, T threshold (resolved for the unit),
t time share, e expected value, c completion, R progress ratio, S running sum.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import BASE_PLAN, NEW_SITES, load, plan_dict, run
from kxplan.engine.audit import audit
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.rules import Why
from kxplan.model.plan import Relative
from kxplan.model.scope import applies, target_units
from kxplan.model.status import Status
from kxplan.render.describe import explain
from kxplan.render.trail import steps_in_words
from test_rules import COST, Build, Values, flows, judge, rule

MET, NOT_MET = Status.MET, Status.NOT_MET
EARLY, AHEAD, ON_TRACK = Status.ACHIEVED_EARLY, Status.AHEAD, Status.ON_TRACK
BEHIND, MISSING = Status.BEHIND, Status.MISSING

F = Fraction
INDICATORS = [*BASE_PLAN["indicators"], COST, NEW_SITES]


def results(project: Build, target: dict[str, Any], values: Values, year: int) -> dict[str, Any]:
    """Target `t`'s results in `year`, by unit name."""
    folder = project(plan_dict(target, indicators=INDICATORS), values)
    plan, data = load(folder)
    assert data.problems == []
    return {r.unit.name: r for r in evaluate_year(plan, data, year).results if r.target.id == "t"}


# --- quotas -------------------------------------------------------------------------------

STOCK_QUOTA = rule("deadline", "count_stock", "county", op=">=", threshold=10, quotas={"乙区": 6})


@pytest.mark.parametrize(
    ("unit", "value", "threshold", "status"),
    [
        # 乙区 has its own threshold 6: 7 ≥ 6 → met
        ("乙区", 7, 6, MET),
        ("乙区", 5, 6, NOT_MET),
        # 丙县 is not listed: the target's threshold 10; 7 < 10 → not_met
        ("丙县", 7, 10, NOT_MET),
        ("丙县", 10, 10, MET),
    ],
)
def test_quota_is_the_units_threshold_at_the_deadline(
    project: Build, unit: str, value: int, threshold: int, status: Status
) -> None:
    result = judge(project, STOCK_QUOTA, {(2025, unit): {"count_stock": value}}, 2025, unit)
    assert (result.status, result.threshold) == (status, Fraction(threshold))
    assert result.limit is not None and result.limit.quota is (unit == "乙区")


def test_quota_draws_the_units_own_line(project: Build) -> None:
    # 乙区: b = 0, T = 6 (quota), 2023: t = 3/5, e = 0 + 6 · 3/5 = 3.6, v = 3,
    # c = 3/6 = 1/2, R = (1/2) / (3/5) = 5/6 ≈ 0.833 < 0.9 → behind
    values: Values = {(2020, "乙区"): {"count_stock": 0}, (2023, "乙区"): {"count_stock": 3}}
    result = judge(project, STOCK_QUOTA, values, 2023, "乙区")
    assert result.status is BEHIND
    assert (result.expected, result.progress_ratio) == (Fraction(18, 5), Fraction(5, 6))
    # 丙县 against 10: b = 0, e = 6, v = 6 → R = 1 → on_track
    values = {(2020, "丙县"): {"count_stock": 0}, (2023, "丙县"): {"count_stock": 6}}
    result = judge(project, STOCK_QUOTA, values, 2023, "丙县")
    assert (result.status, result.expected, result.progress_ratio) == (ON_TRACK, F(6), F(1))


def test_quota_by_code_and_quota_only_targets_apply_to_listed_units(project: Build) -> None:
    # no `threshold`: only 丙县 (listed by its code) is judged, against 4; 乙区 gives no result
    target = rule("annual", "count_flow", "county", op=">=", quotas={"100002": 4})
    values: Values = {(2024, "乙区"): {"count_flow": 9}, (2024, "丙县"): {"count_flow": 4}}
    found = results(project, target, values, 2024)
    assert set(found) == {"丙县"}
    assert (found["丙县"].status, found["丙县"].threshold) == (MET, 4)
    plan, _ = load(project(plan_dict(target, indicators=INDICATORS), {}))
    assert [u.name for u in target_units(plan.tree_order, plan.targets[0])] == ["丙县"]


def test_quota_between_and_boolean(project: Build) -> None:
    # a between quota [3, 4] for 乙区: 5 is above it → not_met; 丙县 keeps [1, 2]: 2 → met
    target = rule(
        "annual", "count_flow", "county", op="between", threshold=[1, 2], quotas={"乙区": [3, 4]}
    )
    values: Values = {(2024, "乙区"): {"count_flow": 5}, (2024, "丙县"): {"count_flow": 2}}
    found = results(project, target, values, 2024)
    assert (found["乙区"].status, found["乙区"].threshold) == (NOT_MET, (3, 4))
    assert (found["丙县"].status, found["丙县"].threshold) == (MET, (1, 2))
    # a yes/no quota: 乙区 need not have it (false), 丙县 must
    done = rule("annual", "done", "county", op="==", threshold=True, quotas={"乙区": False})
    values = {(2024, "乙区"): {"done": False}, (2024, "丙县"): {"done": False}}
    found = results(project, done, values, 2024)
    assert (found["乙区"].status, found["丙县"].status) == (MET, NOT_MET)


# --- relative thresholds ----------------------------------------------------------------------

POINTS = rule("deadline", op=">=", threshold=2, relative="points")


@pytest.mark.parametrize(
    ("year", "value", "status", "expected", "ratio"),
    [
        # b = 8.6, T = 8.6 + 2 = 10.6; 2023: t = 3/5, e = 8.6 + 2 · 3/5 = 9.8;
        # v = 9.8: c = 1.2 / 2 = 0.6, R = 0.6 / 0.6 = 1 → on_track
        (2023, 9.8, ON_TRACK, Fraction(49, 5), Fraction(1)),
        # v = 9.5: c = 0.9 / 2 = 0.45, R = 0.75 → behind
        (2023, 9.5, BEHIND, Fraction(49, 5), Fraction(3, 4)),
        # v = 10.6 ≥ 10.6 already → achieved_early (e and R still shown: R = 1 / 0.6 = 5/3)
        (2023, 10.6, EARLY, Fraction(49, 5), Fraction(5, 3)),
        # the deadline year and after: 10.6 ≥ 10.6 → met; 10.59 → not_met
        (2025, 10.6, MET, None, None),
        (2025, 10.59, NOT_MET, None, None),
    ],
)
def test_relative_points(
    project: Build,
    year: int,
    value: float,
    status: Status,
    expected: Fraction | None,
    ratio: Fraction | None,
) -> None:
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (year, "甲市"): {"rate": value}}
    result = judge(project, POINTS, values, year)
    assert (result.status, result.threshold) == (status, Fraction(53, 5))
    assert (result.expected, result.progress_ratio) == (expected, ratio)


@pytest.mark.parametrize("year", [2023, 2025])
def test_relative_without_a_base_is_missing_with_no_threshold(project: Build, year: int) -> None:
    # no 2020 value: T = b + 2 cannot be resolved, even at the deadline and even for 99
    result = judge(project, POINTS, {(year, "甲市"): {"rate": 99}}, year)
    assert (result.status, result.threshold, result.why) == (MISSING, None, Why.BASE_MISSING)
    assert result.missing is not None and result.missing.year == 2020
    assert explain(result, "zh").startswith("缺基期值")
    assert explain(result, "en").startswith("the base value is missing")


@pytest.mark.parametrize(
    ("indicator", "op", "figure", "base", "value", "threshold", "status"),
    [
        # 增长 15 %: b = 200, T = 200 · 1.15 = 230; 230 ≥ 230 → met, 229 → not_met
        ("count_stock", ">=", 15, 200, 230, 230, MET),
        ("count_stock", ">=", 15, 200, 229, 230, NOT_MET),
        # 下降 15 %: b = 100, T = 100 · 0.85 = 85; 85 ≤ 85 → met, 85.5 → not_met
        ("cost", "<=", -15, 100, 85, 85, MET),
        ("cost", "<=", -15, 100, 85.5, 85, NOT_MET),
        # 增长 2.5 % on 8.6: T = 8.6 · 1.025 = 8.815 exactly (no float drift)
        ("rate", ">=", 2.5, 8.6, 8.815, Fraction(1763, 200), MET),
    ],
)
def test_relative_percent_every_year(
    project: Build,
    indicator: str,
    op: str,
    figure: float,
    base: float,
    value: float,
    threshold: Fraction,
    status: Status,
) -> None:
    target = rule("annual", indicator, op=op, threshold=figure, relative="percent")
    values: Values = {(2020, "甲市"): {indicator: base}, (2024, "甲市"): {indicator: value}}
    result = judge(project, target, values, 2024)
    assert (result.status, result.threshold) == (status, threshold)


def test_relative_between_resolves_both_bounds_and_quotas_are_relative(project: Build) -> None:
    # between [1, 3] points on b = 10: [11, 13]; 13 → met, 13.5 → not_met
    target = rule("annual", op="between", threshold=[1, 3], relative="points")
    values: Values = {(2020, "甲市"): {"rate": 10}, (2024, "甲市"): {"rate": 13.5}}
    result = judge(project, target, values, 2024)
    assert (result.status, result.threshold) == (NOT_MET, (F(11), F(13)))
    # a quota of a relative target is relative too: 乙区 +20 % on b = 100 → T = 120;
    # 丙县 the default +10 % on b = 50 → T = 55
    target = rule(
        "annual",
        "count_stock",
        "county",
        op=">=",
        threshold=10,
        relative="percent",
        quotas={"乙区": 20},
    )
    values = {
        (2020, "乙区"): {"count_stock": 100},
        (2020, "丙县"): {"count_stock": 50},
        (2024, "乙区"): {"count_stock": 119},
        (2024, "丙县"): {"count_stock": 55},
    }
    found = results(project, target, values, 2024)
    assert (found["乙区"].status, found["乙区"].threshold) == (NOT_MET, 120)
    assert (found["丙县"].status, found["丙县"].threshold) == (MET, 55)
    limit = found["乙区"].limit
    assert limit is not None and (limit.given, limit.relative, limit.quota) == (
        20,
        Relative.PERCENT,
        True,
    )


# --- per-target settings ------------------------------------------------------------------


def test_base_year_starts_the_line_and_gives_no_result_before(project: Build) -> None:
    target = rule("deadline", op=">=", threshold=13, base_year=2022)
    # 2022 is the target's base year: no result that year (nor before)
    assert results(project, target, {(2022, "甲市"): {"rate": 10}}, 2022) == {}
    assert results(project, target, {(2021, "甲市"): {"rate": 10}}, 2021) == {}
    # 2023: b = 10 (2022), T = 13, t = (2023 − 2022) / (2025 − 2022) = 1/3, e = 11;
    # v = 11: c = 1/3, R = 1 → on_track (from the plan's 2020 base it would differ)
    values: Values = {
        (2020, "甲市"): {"rate": 5},
        (2022, "甲市"): {"rate": 10},
        (2023, "甲市"): {"rate": 11},
    }
    result = judge(project, target, values, 2023)
    assert (result.status, result.baseline, result.expected) == (ON_TRACK, F(10), F(11))
    assert (result.time_share, result.progress_ratio) == (F(1, 3), F(1))


def test_base_year_is_the_base_of_a_relative_threshold(project: Build) -> None:
    # +2 points on the 2022 value 10: T = 12; 2024: 12 ≥ 12 → met
    target = rule("annual", op=">=", threshold=2, relative="points", base_year=2022)
    values: Values = {(2020, "甲市"): {"rate": 1}, (2022, "甲市"): {"rate": 10}}
    values[(2024, "甲市")] = {"rate": 12}
    result = judge(project, target, values, 2024)
    assert (result.status, result.threshold) == (MET, F(12))


def test_base_year_starts_a_running_sum_the_year_after(project: Build) -> None:
    # base_year 2022: the sum starts in 2023; 2024: S = 10 + 20 = 30 (2021, 2022 left out),
    # t = 2/3, e = 60 · 2/3 = 40, R = 30 / 40 = 0.75 → behind
    target = rule("cumulative", "money", op=">=", threshold=60, base_year=2022)
    result = judge(project, target, flows("money", 100, 100, 10, 20), 2024)
    assert (result.status, result.value, result.expected) == (BEHIND, F(30), F(40))
    assert (result.time_share, result.progress_ratio) == (Fraction(2, 3), Fraction(3, 4))


@pytest.mark.parametrize(("year", "given"), [(2022, False), (2023, True), (2024, True)])
def test_years_limit_when_a_target_gives_results(project: Build, year: int, given: bool) -> None:
    target = rule("annual", "count_flow", op=">=", threshold=2, years=[2023, 2024])
    found = results(project, target, {(year, "甲市"): {"count_flow": 1}}, year)
    assert (found != {}) is given  # outside its years: no result at all, not `missing`
    if given:
        assert found["甲市"].status is NOT_MET
    plan, _ = load(project(plan_dict(target, indicators=INDICATORS), {}))
    unit = plan.unit("甲市")
    assert unit is not None and applies(plan, plan.targets[0], unit, year) is given


@pytest.mark.parametrize(
    ("value", "own", "plan_status"),
    [
        # b = 8.6, T = 13, 2024: t = 0.8, e = 12.12; v = 11.45: c = 2.85 / 4.4, R = 0.8097 →
        # own bands (0.8, 1.2): on_track; the plan's (0.9, 1.1): behind
        (11.45, ON_TRACK, BEHIND),
        # v = 12.6: c = 4 / 4.4, R = 1.1364 → own: on_track; plan's: ahead
        (12.6, ON_TRACK, AHEAD),
        # v = 12.9: R = 4.3 / 4.4 / 0.8 = 1.2216 → ahead under both
        (12.9, AHEAD, AHEAD),
    ],
)
def test_target_bands(project: Build, value: float, own: Status, plan_status: Status) -> None:
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (2024, "甲市"): {"rate": value}}
    banded = rule("deadline", op=">=", threshold=13, bands={"ahead": 1.2, "behind": 0.8})
    assert judge(project, banded, values, 2024).status is own
    assert judge(project, rule("deadline", op=">=", threshold=13), values, 2024).status is (
        plan_status
    )
    # an edge the target does not give is the plan's: ahead 1.2 of its own, behind 0.9
    half = rule("deadline", op=">=", threshold=13, bands={"ahead": 1.2})
    assert judge(project, half, values, 2024).status is (BEHIND if value == 11.45 else own)


# --- settled cases (SPEC §3) ----------------------------------------------------------------

CEILING = rule("cumulative", "new_sites", op="<=", threshold=100)


@pytest.mark.parametrize(
    ("amounts", "status", "ratio"),
    [
        # ≤ 100 over 2021–2025; 2022: S = 10 + 10 = 20, t = 2/5, e = 40, R = 0.5: slower than
        # pro rata → on_track (never ahead, never achieved_early for a ceiling)
        ((10, 10), ON_TRACK, Fraction(1, 2)),
        # S = 0: R = 0 → on_track
        ((0, 0), ON_TRACK, Fraction(0)),
        # S = 44: R = 1.1 = 2 − 0.9 → behind (the edge counts)
        ((22, 22), BEHIND, Fraction(11, 10)),
        # S = 43: R = 1.075 < 1.1 → on_track
        ((22, 21), ON_TRACK, Fraction(43, 40)),
        # S = 110 > 100: past the ceiling → not_met, e and R still given (R = 110/40)
        ((60, 50), NOT_MET, Fraction(11, 4)),
    ],
)
def test_ceiling_on_a_running_sum(
    project: Build, amounts: tuple[int, ...], status: Status, ratio: Fraction
) -> None:
    result = judge(project, CEILING, flows("new_sites", *amounts), 2022)
    assert (result.status, result.expected, result.progress_ratio) == (status, F(40), ratio)
    assert f"已用上限 100 中的 {result.value}" in explain(result, "zh")
    assert f"used {result.value} of the ceiling 100" in explain(result, "en")


def test_ceiling_uses_the_targets_behind_band(project: Build) -> None:
    # behind 0.8 → edge 2 − 0.8 = 1.2; e = 40; S = 50: R = 1.25 → behind; S = 46: R = 1.15
    # → on_track (with the plan's edge 1.1 it would be behind)
    target = {**CEILING, "bands": {"behind": 0.8}}
    assert judge(project, target, flows("new_sites", 20, 30), 2022).status is BEHIND
    assert judge(project, target, flows("new_sites", 20, 26), 2022).status is ON_TRACK
    assert judge(project, CEILING, flows("new_sites", 20, 26), 2022).status is BEHIND


def test_between_above_its_upper_bound_keeps_its_progress(project: Build) -> None:
    # deadline between [10, 12]: b = 4, 2023: t = 3/5, e = 4 + 6 · 3/5 = 7.6; v = 12.5 > 12 →
    # not_met, with c = 8.5 / 6, R = (17/12) / (3/5) = 85/36
    target = rule("deadline", op="between", threshold=[10, 12])
    values: Values = {(2020, "甲市"): {"rate": 4}, (2023, "甲市"): {"rate": 12.5}}
    result = judge(project, target, values, 2023)
    assert (result.status, result.why) == (NOT_MET, Why.ABOVE_UPPER)
    assert (result.expected, result.progress_ratio) == (Fraction(38, 5), Fraction(85, 36))


def test_cumulative_between_above_its_upper_bound_keeps_its_progress(project: Build) -> None:
    # between [1, 2] over 2021–2025, 2023: S = 3 > 2 → not_met; e = 1 · 3/5, R = 3 / 0.6 = 5
    target = rule("cumulative", "count_flow", op="between", threshold=[1, 2])
    result = judge(project, target, flows("count_flow", 1, 1, 1), 2023)
    assert (result.status, result.expected, result.progress_ratio) == (NOT_MET, F(3, 5), F(5))


@pytest.mark.parametrize(("year", "value", "status"), [(2024, 13, MET), (2025, 12, NOT_MET)])
def test_years_after_an_early_deadline_are_judged_on_the_threshold(
    project: Build, year: int, value: float, status: Status
) -> None:
    # deadline 2023 in a 2021–2025 plan: 2024 and 2025 are met / not_met, no trajectory
    target = rule("deadline", op=">=", threshold=13, deadline=2023)
    result = judge(project, target, {(year, "甲市"): {"rate": value}}, year)
    assert (result.status, result.expected, result.progress_ratio) == (status, None, None)


# --- surfaces: JSON, targets, explain ---------------------------------------------------------


def test_check_json_gives_the_resolved_threshold(project: Build, runner: CliRunner) -> None:
    quota = rule("annual", "count_stock", "county", op=">=", threshold=10, quotas={"乙区": 6})
    relative = {**POINTS, "id": "r"}
    values: Values = {
        (2020, "甲市"): {"rate": 8.6},
        (2024, "甲市"): {"rate": 9.8},
        (2024, "乙区"): {"count_stock": 6},
        (2024, "丙县"): {"count_stock": 6},
    }
    folder = project(plan_dict(quota, relative, indicators=INDICATORS), values)
    args = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    output = run(runner, "check", "2024", "--format", "json", *args).output
    rows = {(r["target"], r["unit"]): r for r in json.loads(output)["results"]}

    def keys(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(row[k] for k in ("status", "threshold", "relative", "threshold_given"))

    assert keys(rows[("t", "乙区")]) == ("met", 6, None, 6)
    assert rows[("t", "乙区")]["quota"] is True
    assert keys(rows[("t", "丙县")]) == ("not_met", 10, None, 10)
    # b = 8.6, T = 10.6; 2024: t = 4/5, e = 8.6 + 2 · 0.8 = 10.2, v = 9.8: R = 0.6 / 0.8 = 0.75
    assert keys(rows[("r", "甲市")]) == ("behind", 10.6, "points", 2)
    assert rows[("r", "甲市")]["rule"] == "≥ 10.6%（2025年）（基期+2个百分点）"
    assert rows[("t", "乙区")]["rule"] == "≥ 6个（每年）（分解）"


def test_targets_says_relative_rules_and_quotas(project: Build, runner: CliRunner) -> None:
    quota = rule(
        "deadline", "count_stock", "county", op=">=", threshold=10, quotas={"乙区": 6, "丙县": 12}
    )
    targets = [
        quota,
        {**POINTS, "id": "p"},
        rule("annual", "count_stock", op=">=", threshold=15, relative="percent", id="up"),
        rule("annual", "cost", op="<=", threshold=-15, relative="percent", id="down"),
        rule("annual", "count_flow", op=">=", threshold=2, years=[2023, 2024], id="y"),
    ]
    folder = project(plan_dict(*targets, indicators=INDICATORS), {})
    args = ["--plan", str(folder / "targets.yaml")]
    document = json.loads(run(runner, "targets", "--format", "json", *args).output)
    by_id = {t["target"]: t for t in document["targets"]}
    assert by_id["t"]["notes"] == ["乙区 ≥ 6个（分解）", "丙县 ≥ 12个（分解）"]
    assert by_id["t"]["quotas"] == {"乙区": 6, "丙县": 12}
    assert by_id["p"]["rule"] == "≥ 基期+2个百分点（2025年）"
    assert by_id["p"]["relative"] == "points"
    assert by_id["up"]["rule"] == "≥ 基期增长15%（每年）"
    assert by_id["down"]["rule"] == "≤ 基期下降15%（每年）"
    assert by_id["y"]["years"] == [2023, 2024]
    assert by_id["y"]["notes"] == ["适用年度 2023—2024年"]
    english = run(runner, "targets", "--format", "json", "--lang", "en", *args).output
    en = {t["target"]: t for t in json.loads(english)["targets"]}
    assert en["p"]["rule"] == "≥ base + 2 points by 2025"
    assert en["t"]["notes"][0] == "Yi ≥ 6 个 (quota)"  # the plan gives no English measure
    table = run(runner, "targets", *args).output
    assert "乙区 ≥ 6个（分解）" in table and "基期+2个百分点" in table


def test_explain_shows_the_resolved_threshold(project: Build) -> None:
    values: Values = {(2020, "甲市"): {"rate": 8.6}, (2023, "甲市"): {"rate": 9.8}}
    folder = project(plan_dict(POINTS, indicators=INDICATORS), values)
    plan, data = load(folder)
    [result] = evaluate_year(plan, data, 2023).results
    words = steps_in_words(audit(plan, data, result), "zh")
    # T once, where b is given (not before it, and not again as `目标值 T = 10.6`)
    assert words[1] == "基期值 b = 8.6（2020 年）；目标值 T = b + 2 = 8.6 + 2 = 10.6"
    assert "目标值 T = 10.6" not in words
    assert words[-1].endswith("→ 基本符合预期")


def test_report_and_review_show_only_the_years_and_units_a_target_applies_to(
    project: Build, runner: CliRunner, tmp_path: Path
) -> None:
    targets = [
        rule("annual", "count_flow", "county", op=">=", quotas={"丙县": 4}, id="only_bing"),
        rule("annual", "count_flow", "county", op=">=", threshold=2, years=[2023, 2024], id="y"),
        rule("deadline", "rate", op=">=", threshold=2, relative="points", base_year=2022, id="r"),
    ]
    values: Values = {(year, "乙区"): {"count_flow": 3} for year in range(2021, 2026)}
    values.update({(2022, "甲市"): {"rate": 10}, (2024, "甲市"): {"rate": 11}})
    folder = project(plan_dict(*targets, indicators=INDICATORS), values)
    args = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    report = json.loads(run(runner, "report", "--county", "乙区", "--format", "json", *args).output)
    rows = {row["target"]: row for row in report["rows"]}
    assert set(rows) == {"y"}  # only_bing covers 丙县 alone
    assert set(rows["y"]["by_year"]) == {"2023", "2024"}
    table = run(runner, "report", "--county", "乙区", *args)
    assert table.exit_code in (0, 1) and "Traceback" not in table.output
    city = json.loads(run(runner, "report", "--format", "json", *args).output)
    # its own base year 2022: results from 2023; 2024: b = 10, T = 12, t = 2/3, e = 11.333…,
    # v = 11: c = 1/2, R = 3/4 → behind
    by_year = {row["target"]: row for row in city["rows"]}["r"]["by_year"]
    assert set(by_year) == {"2023", "2024", "2025"}
    assert by_year["2024"]["status"] == "behind"
    assert by_year["2024"]["progress_ratio"] == 0.75
    review = run(runner, "review", "2025", "--format", "json", *args)
    assert review.exit_code in (0, 1) and "Traceback" not in review.output
    for command in (["report", "--county", "乙区"], ["review", "2025"], ["check", "2024"]):
        out = tmp_path / f"{command[0]}.xlsx"
        done = run(runner, *command, "-o", str(out), *args)
        assert out.exists(), done.output


def test_a_countys_form_shows_its_own_quota(
    project: Build, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    target = rule("annual", "count_flow", "county", op=">=", threshold=2, quotas={"乙区": 5})
    monkeypatch.chdir(project(plan_dict(target, indicators=INDICATORS), {}))
    assert run(runner, "template", "2024", "-o", "forms").exit_code == 0

    def texts(unit: str) -> str:
        sheet = openpyxl.load_workbook(f"forms/{unit}_2024.xlsx").worksheets[0]
        return " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)

    assert "≥ 5次（每年）（分解）" in texts("乙区")
    assert "≥ 2次（每年）" in texts("丙县") and "分解" not in texts("丙县")


# --- with part A's keys: derived indicators and other aggregates ------------------------------


def test_relative_quota_on_a_derived_indicator_at_the_city(project: Build) -> None:
    from test_indicators import DENSITY, MEMBERS, POPULATION

    # density = members / population · 10000, a ratio of the city's sums. 2020: 甲市 members
    # 30 + 20 = 50, population 40000 + 60000 = 100000 → b = 5; +20 % → T = 6.
    # 2024: members 40 + 24 = 64, population 100000 → v = 6.4 ≥ 6 → met
    target = rule("annual", "density", op=">=", threshold=20, relative="percent")
    values: Values = {}
    for year, (yi, bing) in ((2020, (30, 20)), (2024, (40, 24))):
        values[(year, "乙区")] = {"members": yi, "population": 40000}
        values[(year, "丙县")] = {"members": bing, "population": 60000}
    indicators = [*INDICATORS, MEMBERS, POPULATION, DENSITY]
    folder = project(plan_dict(target, indicators=indicators), values)
    plan, data = load(folder)
    [result] = [r for r in evaluate_year(plan, data, 2024).results if r.unit.name == "甲市"]
    assert (result.status, result.value, result.threshold) == (MET, F(32, 5), F(6))
    assert result.limit is not None and result.limit.b == 5


def test_quotas_of_a_mean_are_not_added_up(runner: CliRunner, project: Build) -> None:
    from test_indicators import SCORE

    # a mean is not a sum: county quotas of 10 and 20 need not add up to the city's 90
    targets = [
        rule("annual", "score", op=">=", threshold=90, id="city_score"),
        rule("annual", "score", "county", op=">=", quotas={"乙区": 10, "丙县": 20}),
    ]
    folder = project(plan_dict(*targets, indicators=[*INDICATORS, SCORE]), {})
    args = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    result = run(runner, "validate", *args)
    assert result.exit_code == 0, result.output
