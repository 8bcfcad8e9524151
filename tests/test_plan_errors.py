"""A plan that contradicts itself is exit 3 with `targets.yaml:LINE:COL: plan-error:`; usage
mistakes on the command line (plan file, county, year, --fail-on) are exit 2.

The plan is written by hand so that every expected line and column can be read off below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run
from kxplan.compare import Op
from kxplan.plan import Direction, Kind, Nature
from kxplan.planload import load_plan
from test_check_cli import ANNUAL
from test_validate import located, problems

HEAD = """\
plan:
  id: test
  name: 测试规划
  period: [2021, 2025]
  base_year: 2020
levels:
  - {id: city, name: 市}
  - {id: county, name: 县区}
units:
  - {code: "100000", name: 甲市, level: city}
  - {code: "100001", name: 乙区, level: county, parent: "100000"}
  - {code: "100002", name: 丙县, level: county, parent: "100000"}
indicators:
  - {id: count_flow, name: 当年数, type: count, nature: flow, direction: higher}
  - {id: rate, name: 比例, type: percent, nature: stock, direction: higher}
  - {id: done, name: 是否建成, type: boolean, nature: stock, direction: higher}
targets:
"""
# line 18 onwards: the targets
ANNUAL_TEXT = """\
  - id: lectures
    indicator: count_flow
    level: county
    kind: annual
    op: ">="
    threshold: 2
    clause: 一（一）1
"""
DEADLINE_TEXT = """\
  - id: rate_2025
    indicator: rate
    level: city
    kind: deadline
    op: ">="
    threshold: 13
    deadline: 2025
    clause: 一（一）2
"""
GOOD = HEAD + ANNUAL_TEXT + DEADLINE_TEXT
DATA = "unit: 乙区\nyear: 2024\nvalues:\n  count_flow: 3\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data" / "2024").mkdir(parents=True)
    (tmp_path / "data" / "2024" / "乙区.yaml").write_text(DATA, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


COMMANDS = [["validate"], ["check", "2024"]]

# (id, old text, new text, "line:column", message)
CASES = [
    (
        "unknown-indicator",
        "indicator: count_flow",
        "indicator: count_flw",
        "19:16",
        "indicator “count_flw” 不存在，是否为 “count_flow”？",
    ),
    (
        "unknown-parent",
        'parent: "100000"}\n  - {code: "100002"',
        'parent: "100090"}\n  - {code: "100002"',
        "11:55",
        "parent “100090” 不存在，是否为",
    ),
    (
        "two-roots",
        ', parent: "100000"}\n  - {code: "100002"',
        '}\n  - {code: "100002"',
        "10:3",
        "单位树必须恰好有一个根单位（无 parent），现有 2 个",
    ),
    (
        "unknown-level",
        "level: county\n    kind: annual",
        "level: counties\n    kind: annual",
        "20:12",
        "level “counties” 不存在，是否为 “county”？",
    ),
    (
        "deadline-outside-the-period",
        "deadline: 2025",
        "deadline: 2030",
        "31:15",
        "目标 “rate_2025” 的规则无效：截止年份 2030 不在规划期 2021–2025 内",
    ),
    (
        "cumulative-without-deadline",
        'indicator: rate\n    level: city\n    kind: deadline\n    op: ">="\n    threshold: 13\n'
        "    deadline: 2025\n",
        'indicator: count_flow\n    level: city\n    kind: cumulative\n    op: ">="\n'
        "    threshold: 13\n",
        "25:5",
        "目标 “rate_2025” 的规则无效：cumulative 类目标需要 deadline",
    ),
    (
        "cumulative-on-a-stock",
        "kind: deadline",
        "kind: cumulative",
        "28:11",
        "目标 “rate_2025” 的规则无效：指标 “rate” 是存量（nature: stock），各年数值相加没有意义，"
        "不能设 cumulative 类目标；期末要达到的存量请用 kind: deadline",
    ),
    (
        "growth-of-a-percentage",
        'kind: deadline\n    op: ">="\n    threshold: 13\n    deadline: 2025\n',
        'kind: growth\n    op: ">="\n    threshold: 13\n',
        "28:11",
        "目标 “rate_2025” 的规则无效：指标 “rate” 是百分比，growth 类目标算的是相对上年的增长率",
    ),
    (
        "at-most-on-higher-is-better",
        'op: ">="\n    threshold: 2',
        'op: "<="\n    threshold: 2',
        "22:9",
        "目标 “lectures” 的规则无效：指标 “count_flow” 越高越好（direction: higher），"
        'op: "<=" 却要求不高于阈值，二者矛盾；应为 >= 或 >，或改正指标的 direction',
    ),
    (
        "at-least-on-lower-is-better",
        "nature: flow, direction: higher",
        "nature: flow, direction: lower",
        "22:9",
        "目标 “lectures” 的规则无效：指标 “count_flow” 越低越好（direction: lower），"
        'op: ">=" 却要求不低于阈值',
    ),
    (
        "percentages-summed",
        "type: percent, nature: stock, direction: higher}",
        "type: percent, nature: stock, direction: higher, aggregate: sum}",
        "15:86",
        "指标 “rate” 是百分比，各下级单位的比例相加没有意义，不能 aggregate: sum",
    ),
    (
        "between-without-a-pair",
        'op: ">="\n    threshold: 2\n',
        "op: between\n    threshold: 2\n",
        "23:16",
        "目标 “lectures” 的规则无效：between 需要 [下限, 上限]",
    ),
    (
        "between-upside-down",
        'op: ">="\n    threshold: 2\n',
        "op: between\n    threshold: [5, 2]\n",
        "23:16",
        "下限 ≤ 上限",
    ),
    (
        "duplicate-target-id",
        "id: rate_2025",
        "id: lectures",
        "25:5",
        "target “lectures” 重复定义",
    ),
    (
        "duplicate-unit-code",
        '{code: "100002"',
        '{code: "100001"',
        "12:5",
        "unit “100001” 重复定义",
    ),
    (
        "period-as-text",
        "period: [2021, 2025]",
        "period: 2021-2025",
        "4:11",
        "plan.period",
    ),
    (
        "threshold-as-text",
        "threshold: 13",
        'threshold: "13"',
        "30:16",
        "threshold",
    ),
    (
        "unknown-kind",
        "kind: annual",
        "kind: yearly",
        "21:11",
        "monitor",  # the kinds allowed are listed
    ),
    (
        "missing-clause",
        "    clause: 一（一）1\n",
        "",
        "18:5",
        "“targets.0.clause”",
    ),
    (
        "unknown-key-in-a-target",
        "threshold: 2\n",
        "threshold: 2\n    treshold: 3\n",
        "24:",
        "treshold",
    ),
    (
        "unknown-key-at-the-top",
        "targets:\n",
        "target:\n  - {}\ntargets:\n",
        "17:1",
        "未知字段 “target”，是否为 “targets”？",
    ),
    (
        "yaml-syntax",
        'op: ">="\n    threshold: 2',
        "op: >=\n    threshold: 2",
        "22:10",
        "yaml-syntax: YAML 语法错误",
    ),
    (
        "duplicate-key",
        "    threshold: 2\n",
        "    threshold: 2\n    threshold: 3\n",
        "24:5",
        "duplicate-key: 键 “threshold” 重复出现（首次在第 23 行）",
    ),
]


@pytest.mark.parametrize("command", COMMANDS, ids=["validate", "check"])
@pytest.mark.parametrize(
    ("old", "new", "where", "message"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_plan_error_is_located(
    runner: CliRunner,
    folder: Path,
    command: list[str],
    old: str,
    new: str,
    where: str,
    message: str,
) -> None:
    edit(folder, old, new)
    result = run(runner, *command)
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    [line] = problems(result.stdout)
    assert line.startswith(f"targets.yaml:{where}"), line
    assert ": plan-error: " in line
    assert message in line


def test_backwards_period_is_reported_first(runner: CliRunner, folder: Path) -> None:
    edit(folder, "period: [2021, 2025]", "period: [2025, 2021]")
    result = run(runner, "validate")
    assert result.exit_code == 3
    assert problems(result.stdout)[0].startswith(
        "targets.yaml:4:11: plan-error: 规划期 2025–2021 无效"
    )


def test_boolean_indicator_with_at_least(runner: CliRunner, folder: Path) -> None:
    edit(folder, "indicator: count_flow", "indicator: done")
    edit(folder, "threshold: 2", "threshold: true")
    result = run(runner, "validate")
    assert result.exit_code == 3
    [line] = problems(result.stdout)
    # the op (line 22) or the threshold (line 23) is where the rule goes wrong
    assert line.startswith(("targets.yaml:22:9: plan-error: ", "targets.yaml:23:16: plan-error: "))
    assert "目标 “lectures” 的规则无效" in line


def test_growth_floor_on_a_lower_is_better_indicator(runner: CliRunner, folder: Path) -> None:
    # “fall by at most 5 % a year” (growth ≥ −5) is a floor on something meant to go down
    edit(folder, "nature: flow, direction: higher", "nature: flow, direction: lower")
    edit(
        folder,
        'kind: annual\n    op: ">="\n    threshold: 2',
        'kind: growth\n    op: ">="\n    threshold: -5',
    )
    [line] = problems(run(runner, "validate", "--lang", "en").stdout)
    assert line == (
        "targets.yaml:22:9: plan-error: target “lectures” has an invalid rule: indicator"
        ' “count_flow” is better lower (direction: lower) but op ">=" asks for at least the'
        " threshold; use <= or <, or correct the indicator's direction"
    )
    # a cap on its growth fits: “fall by at least 5 % a year”
    edit(folder, 'op: ">="\n    threshold: -5', 'op: "<="\n    threshold: -5')
    assert run(runner, "validate").exit_code == 0


@pytest.mark.parametrize("op", ['"=="', "between"])
@pytest.mark.parametrize("direction", ["higher", "lower"])
def test_equal_and_between_fit_either_direction(
    runner: CliRunner, folder: Path, op: str, direction: str
) -> None:
    edit(folder, "nature: flow, direction: higher", f"nature: flow, direction: {direction}")
    threshold = "[1, 3]" if op == "between" else "2"
    edit(folder, 'op: ">="\n    threshold: 2', f"op: {op}\n    threshold: {threshold}")
    assert run(runner, "validate").exit_code == 0


def test_caps_and_cumulative_targets_of_the_shipped_plans_fit_their_indicators() -> None:
    # the rules above hold for both plans kxplan is tested with: the Guangyuan plan's
    # “不超过5家” is a cap on a lower-is-better indicator, and nothing adds up a stock
    for path in (ROOT / "targets.yaml", ROOT / "tests" / "fixtures" / "province" / "targets.yaml"):
        plan = load_plan(path, path.name, "zh")
        for target in plan.targets:
            indicator = plan.indicators[target.indicator]
            if target.op is not None and target.op.is_cap:
                assert indicator.direction is Direction.LOWER, target.id
            if target.kind is Kind.CUMULATIVE:
                assert indicator.nature is Nature.FLOW, target.id
    guangyuan = load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")
    cap = next(t for t in guangyuan.targets if t.id == "new_workstations_cap")
    assert (cap.op, guangyuan.indicators[cap.indicator].direction) == (Op.LE, Direction.LOWER)


def test_parent_cycle_names_each_unit_of_it(runner: CliRunner, folder: Path) -> None:
    edit(folder, 'parent: "100000"}\n  - {code: "100002"', 'parent: "100002"}\n  - {code: "100002"')
    edit(folder, '丙县, level: county, parent: "100000"', '丙县, level: county, parent: "100001"')
    result = run(runner, "check", "2024")
    assert result.exit_code == 3
    assert located(result.stdout) == [
        "targets.yaml:11:55 plan-error",
        "targets.yaml:12:55 plan-error",
    ]
    assert "单位 “乙区” 的上级关系成环" in result.stdout
    assert "单位 “丙县” 的上级关系成环" in result.stdout


def test_plan_errors_in_english(runner: CliRunner, folder: Path) -> None:
    edit(folder, "indicator: count_flow", "indicator: count_flw")
    result = run(runner, "validate", "--lang", "en")
    assert result.stdout.startswith(
        "targets.yaml:19:16: plan-error: indicator “count_flw” does not exist"
        " (did you mean “count_flow”?)"
    )


def test_plan_given_with_plan_option_is_shown_as_typed(runner: CliRunner, folder: Path) -> None:
    (folder / "plans").mkdir()
    (folder / "plans" / "broken.yaml").write_text(
        GOOD.replace("deadline: 2025", "deadline: 2030"), encoding="utf-8"
    )
    result = run(runner, "validate", "--plan", "plans/broken.yaml")
    assert result.exit_code == 3
    assert located(result.stdout) == ["plans/broken.yaml:31:15 plan-error"]


def test_valid_hand_written_plan_is_accepted(runner: CliRunner, folder: Path) -> None:
    assert run(runner, "validate").exit_code == 0


def test_several_plan_problems_at_once_sorted(runner: CliRunner, folder: Path) -> None:
    edit(folder, "indicator: count_flow", "indicator: count_flw")
    edit(folder, "direction: higher}\ntargets", "direction: higher, aggregate: sum}\ntargets")
    result = run(runner, "validate")
    assert located(result.stdout) == [
        "targets.yaml:16:88 plan-error",
        "targets.yaml:19:16 plan-error",
    ]


def test_unknown_plan_key_points_at_the_key_and_suggests(runner: CliRunner, folder: Path) -> None:
    edit(folder, "threshold: 2\n", "threshold: 2\n    treshold: 3\n")
    result = run(runner, "validate", "--lang", "en")
    [line] = problems(result.stdout)
    assert line.startswith("targets.yaml:24:5: plan-error: ")
    assert "did you mean “threshold”?" in line
    assert "allowed: —" not in line


def test_quoted_threshold_is_explained_as_a_number(runner: CliRunner, folder: Path) -> None:
    edit(folder, "threshold: 13", 'threshold: "13"')
    [line] = problems(run(runner, "validate", "--lang", "en").stdout)
    assert line.startswith("targets.yaml:30:16: plan-error: ")
    assert "boolean" not in line


# --- usage errors: exit 2 -------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=["validate", "check"])
def test_missing_plan_file_is_a_usage_error(
    runner: CliRunner, folder: Path, command: list[str]
) -> None:
    result = run(runner, *command, "--plan", "nowhere.yaml")
    assert result.exit_code == 2
    assert "文件不存在：nowhere.yaml" in result.output
    from_env = run(runner, *command, env={"KXPLAN_PLAN": "nowhere.yaml"})
    assert from_env.exit_code == 2


def test_plan_option_naming_a_folder_is_a_usage_error(runner: CliRunner, folder: Path) -> None:
    assert run(runner, "validate", "--plan", "data").exit_code == 2


@pytest.mark.parametrize(
    ("county", "lang", "message"),
    [
        ("乙县", "zh", "没有单位 “乙县”，是否为 “乙区”？"),
        ("100010", "en", "no unit “100010” (did you mean “1000"),
        ("Yi", "en", "no unit “Yi”"),
    ],
)
def test_unknown_county_is_a_usage_error(
    runner: CliRunner, folder: Path, county: str, lang: str, message: str
) -> None:
    result = run(runner, "check", "2024", "--county", county, "--lang", lang)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2019", "2019 年不在规划期 2021–2025 内"),
        ("2026", "2026 年不在规划期 2021–2025 内"),
        ("2020", "2020 年是基年，只提供基数，不作考核；请选规划期 2021–2025 内的年份"),
    ],
)
def test_year_outside_the_period_is_a_usage_error(
    runner: CliRunner, folder: Path, year: str, message: str
) -> None:
    result = run(runner, "check", year)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("statuses", ["late", "met,late", "NOT_MET"])
def test_unknown_fail_on_status_is_a_usage_error(
    runner: CliRunner, folder: Path, statuses: str
) -> None:
    result = run(runner, "check", "2024", "--fail-on", statuses, "--lang", "en")
    assert result.exit_code == 2
    assert "unknown status" in result.output
    assert "not_met" in result.output  # the known statuses are listed


def test_empty_fail_on_passes_when_there_are_no_problems(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 乙区 misses its target and 丙县 has no file: not_met and missing, but no data problem
    folder = project(plan_dict(ANNUAL), {(2024, "乙区"): {"count_flow": 1}})
    monkeypatch.chdir(folder)
    assert run(runner, "check", "2024").exit_code == 1
    assert run(runner, "check", "2024", "--fail-on", "").exit_code == 0
    assert run(runner, "check", "2024", "--fail-on", " , ").exit_code == 0
