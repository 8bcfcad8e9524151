"""Issue 12 part A: how a parent's value is formed (`aggregate`), derived indicators
(`formula`) and the problem `derived-reported` (SPEC §7), by hand-computed cases.

Each case writes its arithmetic in a comment: the children's values, the parent's value, and
for trajectories b (base), T (threshold), t (time share), e (expected), R (progress ratio).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BASE_PLAN, load, plan_dict, run, write_yaml
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.rules import Result
from kxplan.forms import layout
from kxplan.load.formula import read_formulas
from kxplan.model.data import Observation, Submission
from kxplan.model.dataset import DataSet, Gap, Missing, Reading
from kxplan.model.plan import Plan, PlanFile
from kxplan.model.status import Status
from kxplan.repo.schema import data_file_schema
from kxplan.yaml.write import reported_by
from test_validate import problems

Build = Callable[..., Path]
Values = dict[tuple[int, str], dict[str, Any] | None]

MET, NOT_MET, MISSING = Status.MET, Status.NOT_MET, Status.MISSING


def _indicator(ident: str, kind: str = "count", **fields: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "name": ident,
        "type": kind,
        "nature": "stock",
        "direction": "higher",
        **fields,
    }


MEMBERS = _indicator("members", aggregate="sum")
POPULATION = _indicator("population", aggregate="sum")
DENSITY = _indicator("density", "amount", formula="members / population * 10000")
SCORE = _indicator("score", "percent", aggregate="mean")
LOW = _indicator("low", "percent", aggregate="min")
HIGH = _indicator("high", "percent", aggregate="max")
ALL_OPEN = _indicator("all_open", "boolean", aggregate="all")
ANY_OPEN = _indicator("any_open", "boolean", aggregate="any")
SHARE = _indicator("share", "percent", aggregate={"weighted_mean": "population"})
INDICATORS = [
    *BASE_PLAN["indicators"],
    MEMBERS,
    POPULATION,
    DENSITY,
    SCORE,
    LOW,
    HIGH,
    ALL_OPEN,
    ANY_OPEN,
    SHARE,
]


def annual(indicator: str, op: str, threshold: Any, level: str = "city") -> dict[str, Any]:
    return {
        "id": "t",
        "indicator": indicator,
        "level": level,
        "kind": "annual",
        "op": op,
        "threshold": threshold,
    }


def judge(
    project: Build, target: dict[str, Any], values: Values, year: int, unit: str = "甲市"
) -> Result:
    folder = project(plan_dict(target, indicators=INDICATORS), values)
    plan, data = load(folder)
    assert data.problems == []
    chosen = plan.unit(unit)
    assert chosen is not None
    [result] = [r for r in evaluate_year(plan, data, year, chosen).results if r.target.id == "t"]
    return result


# --- aggregate: the parent's value when it reports none ------------------------------------


@pytest.mark.parametrize(
    ("indicator", "children", "value"),
    [
        # mean: (60 + 70.5) / 2 = 65.25
        ("score", (60, 70.5), Fraction(261, 4)),
        # min(60, 70.5) = 60
        ("low", (60, 70.5), Fraction(60)),
        # max(60, 70.5) = 70.5
        ("high", (60, 70.5), Fraction(141, 2)),
    ],
)
def test_mean_min_max_over_the_children(
    project: Build, indicator: str, children: tuple[float, float], value: Fraction
) -> None:
    values: Values = {
        (2022, "乙区"): {indicator: children[0]},
        (2022, "丙县"): {indicator: children[1]},
    }
    # annual ≥ 65 at the city: 65.25 met, 60 not met, 70.5 met
    result = judge(project, annual(indicator, ">=", 65), values, 2022)
    assert result.value == value
    assert result.status is (MET if value >= 65 else NOT_MET)


def test_mean_is_exact_on_a_threshold(project: Build) -> None:
    # (64.1 + 65.9) / 2 = 65 exactly (floats give 64.99999…): ≥ 65 is met
    values: Values = {(2022, "乙区"): {"score": 64.1}, (2022, "丙县"): {"score": 65.9}}
    result = judge(project, annual("score", ">=", 65), values, 2022)
    assert (result.value, result.status) == (Fraction(65), MET)


def test_weighted_mean_by_another_indicator(project: Build) -> None:
    # (60 × 1000 + 80 × 3000) / (1000 + 3000) = 300000 / 4000 = 75 ≥ 75: met
    values: Values = {
        (2022, "乙区"): {"share": 60, "population": 1000},
        (2022, "丙县"): {"share": 80, "population": 3000},
    }
    result = judge(project, annual("share", ">=", 75), values, 2022)
    assert (result.value, result.status) == (Fraction(75), MET)


def test_weighted_mean_missing_a_weight_names_the_child(project: Build) -> None:
    values: Values = {
        (2022, "乙区"): {"share": 60, "population": 1000},
        (2022, "丙县"): {"share": 80},
    }
    result = judge(project, annual("share", ">=", 75), values, 2022)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.unit.name, result.missing.indicator) == ("丙县", "population")
    assert result.missing.gap is Gap.NOT_REPORTED


def test_weighted_mean_with_no_weight_at_all_is_missing(project: Build) -> None:
    # 0 + 0 = 0: no mean can be weighted by nothing
    values: Values = {
        (2022, "乙区"): {"share": 60, "population": 0},
        (2022, "丙县"): {"share": 80, "population": 0},
    }
    result = judge(project, annual("share", ">=", 75), values, 2022)
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.unit.name, result.missing.gap) == ("甲市", Gap.ZERO_WEIGHT)


def test_a_missing_child_makes_a_mean_missing(project: Build) -> None:
    values: Values = {(2022, "乙区"): {"score": 60}, (2022, "丙县"): {}}
    result = judge(project, annual("score", ">=", 65), values, 2022)
    assert result.status is MISSING
    assert result.missing is not None
    assert result.missing.unit.name == "丙县"


@pytest.mark.parametrize(
    ("indicator", "status"),
    [
        # all(true, false) = false ≠ true: not met
        ("all_open", NOT_MET),
        # any(true, false) = true: met
        ("any_open", MET),
    ],
)
def test_all_and_any_of_yes_no_values(project: Build, indicator: str, status: Status) -> None:
    values: Values = {(2022, "乙区"): {indicator: True}, (2022, "丙县"): {indicator: False}}
    result = judge(project, annual(indicator, "==", True), values, 2022)
    assert result.status is status
    assert result.value is (status is MET)


def test_a_parents_own_report_wins_over_its_mean(project: Build) -> None:
    values: Values = {
        (2022, "甲市"): {"score": 50},
        (2022, "乙区"): {"score": 60},
        (2022, "丙县"): {"score": 70},
    }
    result = judge(project, annual("score", ">=", 65), values, 2022)
    assert (result.value, result.status) == (Fraction(50), NOT_MET)


def test_a_mean_of_means_over_three_levels(project: Build) -> None:
    # towns 乙一 60, 乙二 70 → 乙区 65; 丙县 reports 80 → 甲市 (65 + 80) / 2 = 72.5
    units = [
        *BASE_PLAN["units"],
        {"code": "100011", "name": "乙一", "level": "town", "parent": "100001"},
        {"code": "100012", "name": "乙二", "level": "town", "parent": "100001"},
    ]
    levels = [*BASE_PLAN["levels"], {"id": "town", "name": "乡镇"}]
    folder = project(
        plan_dict(annual("score", ">=", 72.5), indicators=INDICATORS, units=units, levels=levels),
        {
            (2022, "乙一"): {"score": 60},
            (2022, "乙二"): {"score": 70},
            (2022, "丙县"): {"score": 80},
        },
    )
    plan, data = load(folder)
    city = plan.unit("甲市")
    assert city is not None
    reading = data.read(city, "score", 2022)
    assert isinstance(reading, Reading)
    assert reading.value == Fraction(145, 2)
    assert reading.parts == (Fraction(65), Fraction(80))


# --- formula: derived indicators -----------------------------------------------------------

DENSITY_DATA: Values = {
    (2022, "乙区"): {"members": 30, "population": 20000},
    (2022, "丙县"): {"members": 10, "population": 30000},
}


@pytest.mark.parametrize(
    ("unit", "value", "status"),
    [
        # 30 / 20000 × 10000 = 15 ≥ 10: met
        ("乙区", Fraction(15), MET),
        # 10 / 30000 × 10000 = 10/3 ≈ 3.33 < 10: not met
        ("丙县", Fraction(10, 3), NOT_MET),
    ],
)
def test_derived_value_from_the_units_own_inputs(
    project: Build, unit: str, value: Fraction, status: Status
) -> None:
    result = judge(project, annual("density", ">=", 10, "county"), DENSITY_DATA, 2022, unit)
    assert (result.value, result.status) == (value, status)
    # its evidence is the inputs' reports
    assert sorted(o.indicator for o in result.evidence) == ["members", "population"]


def test_a_parents_rate_is_the_ratio_of_its_sums(project: Build) -> None:
    # members 30 + 10 = 40, population 20000 + 30000 = 50000: 40 / 50000 × 10000 = 8,
    # not 15 + 10/3 (a sum of rates) nor their mean 9.17; 8 ≥ 8: met
    result = judge(project, annual("density", ">=", 8), DENSITY_DATA, 2022)
    assert (result.value, result.status) == (Fraction(8), MET)


def test_a_parent_report_of_an_input_wins(project: Build) -> None:
    # the city reports its population 80000: 40 / 80000 × 10000 = 5 < 8: not met
    values = {**DENSITY_DATA, (2022, "甲市"): {"population": 80000}}
    result = judge(project, annual("density", ">=", 8), values, 2022)
    assert (result.value, result.status) == (Fraction(5), NOT_MET)


def test_a_missing_input_makes_the_derived_missing_and_is_named(project: Build) -> None:
    values: Values = {(2022, "乙区"): {"members": 30}}
    result = judge(project, annual("density", ">=", 10, "county"), values, 2022, "乙区")
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.unit.name, result.missing.indicator) == ("乙区", "population")


def test_division_by_zero_is_missing_with_its_own_reason(project: Build) -> None:
    values: Values = {(2022, "乙区"): {"members": 30, "population": 0}}
    result = judge(project, annual("density", ">=", 10, "county"), values, 2022, "乙区")
    assert result.status is MISSING
    assert result.missing is not None
    assert (result.missing.gap, result.missing.indicator) == (Gap.DIVISION_BY_ZERO, "density")


def test_a_derived_of_a_derived(project: Build) -> None:
    # per_k = density / 10 - 0.5: 15 / 10 − 0.5 = 1 ≥ 1: met
    per_k = _indicator("per_k", "amount", formula="density / 10 - 0.5")
    folder = project(
        plan_dict(annual("per_k", ">=", 1, "county"), indicators=[*INDICATORS, per_k]),
        DENSITY_DATA,
    )
    plan, data = load(folder)
    unit = plan.unit("乙区")
    assert unit is not None
    [result] = evaluate_year(plan, data, 2022, unit).results
    assert (result.value, result.status) == (Fraction(1), MET)


@pytest.mark.parametrize(
    ("year", "members", "population", "status", "expected", "ratio"),
    [
        # b = 20 / 40000 × 10000 = 5, T = 10, deadline 2025; 2023: t = 3/5,
        # e = 5 + 5 × 3/5 = 8; v = 36 / 45000 × 10000 = 8, c = 3/5, R = 1: on track
        (2023, 36, 45000, Status.ON_TRACK, Fraction(8), Fraction(1)),
        # 2025, the deadline: v = 50 / 50000 × 10000 = 10 ≥ 10: met
        (2025, 50, 50000, MET, None, None),
        # 2025: v = 45 / 50000 × 10000 = 9 < 10: not met
        (2025, 45, 50000, NOT_MET, None, None),
    ],
)
def test_deadline_trajectory_of_a_derived_indicator(
    project: Build,
    year: int,
    members: int,
    population: int,
    status: Status,
    expected: Fraction | None,
    ratio: Fraction | None,
) -> None:
    target = {
        "id": "t",
        "indicator": "density",
        "level": "city",
        "kind": "deadline",
        "op": ">=",
        "threshold": 10,
        "deadline": 2025,
    }
    values: Values = {
        (2020, "甲市"): {"members": 20, "population": 40000},
        (year, "甲市"): {"members": members, "population": population},
    }
    result = judge(project, target, values, year)
    assert (result.status, result.expected, result.progress_ratio) == (status, expected, ratio)


def test_a_formula_is_never_evaluated_by_python(project: Build) -> None:
    # numbers and ids only: the value is an exact fraction, 1/3 not 0.333…
    third = _indicator("third", "amount", formula="(members + 0) / 3")
    folder = project(
        plan_dict(annual("third", ">=", 0, "county"), indicators=[*INDICATORS, third]),
        {(2022, "乙区"): {"members": 1}},
    )
    plan, data = load(folder)
    unit = plan.unit("乙区")
    assert unit is not None
    reading = data.read(unit, "third", 2022)
    assert isinstance(reading, Reading)
    assert reading.value == Fraction(1, 3)
    assert not isinstance(data.read(unit, "third", 2023), Reading)
    assert isinstance(data.read(unit, "third", 2023), Missing)


# --- derived-reported -----------------------------------------------------------------------


def test_a_reported_derived_value_is_a_problem_but_the_file_is_used(
    project: Build, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(
        plan_dict(annual("density", ">=", 10, "county"), indicators=INDICATORS),
        {(2022, "乙区"): {"members": 30, "population": 20000, "density": 99}},
    )
    plan, data = load(folder)
    [problem] = data.problems
    # line 5: unit, year, values, members, population, density
    assert (problem.file, problem.line, problem.column) == ("data/2022/乙区.yaml", 6, 3)
    assert problem.code.value == "derived-reported"
    assert "density" in problem.message
    unit = plan.unit("乙区")
    assert unit is not None
    [result] = evaluate_year(plan, data, 2022, unit).results
    # the figure 99 is ignored: 30 / 20000 × 10000 = 15
    assert (result.value, result.status) == (Fraction(15), MET)
    monkeypatch.chdir(folder)
    for command in (["validate"], ["check", "2022"]):
        outcome = run(runner, *command)
        assert outcome.exit_code == 3, outcome.output
        [line] = problems(outcome.stdout)
        assert line.startswith("data/2022/乙区.yaml:6:3: derived-reported: "), line
    english = run(runner, "validate", "--lang", "en")
    assert "computed" in english.stdout


# --- surfaces: explain, targets, forms, the data-file schema --------------------------------


def _in(
    project: Build, monkeypatch: pytest.MonkeyPatch, target: dict[str, Any], values: Values
) -> Path:
    folder = project(plan_dict(target, indicators=INDICATORS), values)
    monkeypatch.chdir(folder)
    return folder


def test_explain_shows_the_formula_with_the_inputs_values(
    project: Build, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in(project, monkeypatch, annual("density", ">=", 8), DENSITY_DATA)
    output = run(runner, "explain", "t", "--year", "2022").output
    assert "  2022  乙区  members 30  data/2022/乙区.yaml:4" in output
    assert "  2022  丙县  population 30000  data/2022/丙县.yaml:5" in output
    steps = output.split("计算过程\n")[1].splitlines()
    assert steps == [
        "  1. 2022 年值为下级单位合计：30 + 10 = 40",
        "  2. 2022 年值为下级单位合计：20000 + 30000 = 50000",
        "  3. 2022 年 density 按公式计算：members / population * 10000 = 40 / 50000 * 10000 = 8",
        "  4. 本年值 v = 8",
        "  5. 判定：8 ≥ 8：成立 → 达标",
    ]
    english = run(runner, "explain", "t", "--year", "2022", "--lang", "en").output
    assert "2022: density by its formula: members / population * 10000 = 40 / 50000" in english


def test_explain_shows_a_mean_and_a_weighted_mean(
    project: Build, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    values: Values = {
        (2022, "乙区"): {"score": 60, "share": 60, "population": 1000},
        (2022, "丙县"): {"score": 70.5, "share": 80, "population": 3000},
    }
    _in(project, monkeypatch, annual("score", ">=", 65), values)
    output = run(runner, "explain", "t", "--year", "2022").output
    assert "2022 年值为下级单位的平均值：(60 + 70.5) / 2 = 65.25" in output
    _in(project, monkeypatch, annual("share", ">=", 75), values)
    output = run(runner, "explain", "t", "--year", "2022").output
    assert "加权平均值：(60 × 1000 + 80 × 3000) / (1000 + 3000) = 75" in output
    assert "  2022  丙县  population 3000  data/2022/丙县.yaml:" in output


@pytest.mark.parametrize(
    ("values", "zh", "en"),
    [
        (
            {(2022, "乙区"): {"members": 30}},
            "乙区 2022 年未填报 population，无法计算 density",
            "Yi did not report population for 2022, so density cannot be computed",
        ),
        (
            {(2022, "乙区"): {"members": 30, "population": 0}},
            "乙区 2022 年按公式 members / population * 10000 计算 density 时除数为 0",
            "divides by 0",
        ),
    ],
    ids=["input-missing", "division-by-zero"],
)
def test_check_says_why_a_derived_value_is_missing(
    project: Build,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    values: Values,
    zh: str,
    en: str,
) -> None:
    _in(project, monkeypatch, annual("density", ">=", 10, "county"), values)
    output = run(runner, "check", "2022", "--county", "乙区", "-f", "json").output
    assert zh in output
    english = run(runner, "check", "2022", "--county", "乙区", "--lang", "en", "-f", "json")
    assert en in english.output
    explained = run(runner, "explain", "t", "--county", "乙区", "--year", "2022").output
    assert "缺少的数据" in explained


def test_targets_show_a_derived_indicators_formula(
    project: Build, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in(project, monkeypatch, annual("density", ">=", 8), {})
    table = run(runner, "targets").output
    assert "density = members / population * 10000" in table
    document = json.loads(run(runner, "targets", "-f", "json").output)
    assert document["targets"][0]["formula"] == "members / population * 10000"


def test_forms_and_schema_ask_for_the_inputs_not_the_derived(project: Build) -> None:
    target = annual("density", ">=", 8)
    share = {**annual("share", ">=", 75), "id": "s"}
    folder = project(plan_dict(target, share, indicators=INDICATORS), {})
    plan, _ = load(folder)
    county = plan.unit("乙区")
    city = plan.unit("甲市")
    assert county is not None and city is not None
    # the county's parts of the city's sums and of its weighted mean, with its weight
    assert reported_by(plan, county) == ["members", "population", "share"]
    assert reported_by(plan, city) == ["members", "population", "share"]
    properties = data_file_schema(plan)["properties"]["values"]["properties"]
    assert "density" not in properties
    assert "density" in properties["members"]["description"]


# --- properties ---------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=10**6)


def _in_memory(values: dict[str, dict[str, int | float]]) -> tuple[Plan, DataSet]:
    """The test plan with this part's indicators, each county reporting `values[name]`."""
    spec = PlanFile.model_validate(plan_dict(annual("density", ">=", 0), indicators=INDICATORS))
    plan = Plan(spec, "targets.yaml", read_formulas(spec))
    data = DataSet(plan)
    for name, entries in values.items():
        unit = plan.unit(name)
        assert unit is not None
        file = f"data/2022/{name}.yaml"
        observations = {k: Observation(k, v, file, 4) for k, v in entries.items()}
        data.submissions[(2022, unit.code)] = Submission(unit, 2022, file, observations)
    return plan, data


@given(m1=counts, m2=counts, p1=counts, p2=counts)
@settings(max_examples=60, deadline=None)
def test_a_parents_ratio_is_its_sums_ratio(m1: int, m2: int, p1: int, p2: int) -> None:
    plan, data = _in_memory(
        {"乙区": {"members": m1, "population": p1}, "丙县": {"members": m2, "population": p2}}
    )
    reading = data.read(plan.root, "density", 2022)
    if p1 + p2 == 0:
        assert isinstance(reading, Missing) and reading.gap is Gap.DIVISION_BY_ZERO
    else:
        assert isinstance(reading, Reading)
        assert reading.value == Fraction(m1 + m2, p1 + p2) * 10000


@given(a=st.integers(0, 1000), b=st.integers(0, 1000), w1=counts, w2=counts)
@settings(max_examples=60, deadline=None)
def test_means_lie_between_the_least_and_the_greatest(a: int, b: int, w1: int, w2: int) -> None:
    x, y = a / 10, b / 10
    plan, data = _in_memory(
        {
            "乙区": {"score": x, "low": x, "high": x, "share": x, "population": w1},
            "丙县": {"score": y, "low": y, "high": y, "share": y, "population": w2},
        }
    )
    values = {}
    for ident in ("score", "low", "high", "share"):
        reading = data.read(plan.root, ident, 2022)
        values[ident] = reading.value if isinstance(reading, Reading) else None
    assert values["low"] == min(Fraction(a, 10), Fraction(b, 10))
    assert values["high"] == max(Fraction(a, 10), Fraction(b, 10))
    low, high = values["low"], values["high"]
    assert low is not None and high is not None
    assert low <= (values["score"] or low) <= high
    assert (values["share"] is None) == (w1 + w2 == 0)
    assert low <= (values["share"] or low) <= high


def test_a_county_form_asks_for_the_inputs_and_says_what_they_compute(
    project: Build, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    county_target = {**annual("density", ">=", 10, "county"), "id": "c"}
    folder = _in(project, monkeypatch, annual("density", ">=", 8), {})
    write_yaml(
        folder / "targets.yaml",
        plan_dict(annual("density", ">=", 8), county_target, indicators=INDICATORS),
    )
    assert run(runner, "template", "2022", "--county", "乙区").exit_code == 0
    sheet = openpyxl.load_workbook(folder / "reports/forms/2022/乙区_2022.xlsx").worksheets[0]
    rows = range(layout.FIRST_ROW, sheet.max_row + 1)
    ids = [sheet.cell(row, layout.ID).value for row in rows]
    assert ids == ["members", "population"]
    said = sheet.cell(layout.FIRST_ROW, layout.TARGET).value
    # its own target on the derived indicator, and the city's, to which its members count
    assert said == "density ≥ 10（每年）；计入甲市合计：density ≥ 8（每年）"
