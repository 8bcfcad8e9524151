"""A plan that contradicts itself is exit 3 with `targets.yaml:LINE:COL: plan-error:`; usage
mistakes on the command line (plan file, county, year, --fail-on) are exit 2.

The plan is written by hand so that every expected line and column can be read off below.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run
from kxplan.load.planfile import load_plan
from kxplan.model.comparisons import Op
from kxplan.model.errors import PlanInvalid
from kxplan.model.plan import Direction, Kind, Nature
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
#: the plan, its levels and units: the start every plan-error test builds on
UNITS_HEAD = HEAD[: HEAD.index("indicators:\n")]

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
        "目标 “lectures” 的指标 “count_flw” 不存在，是否为 “count_flow”？",
    ),
    (
        "unknown-parent",
        'parent: "100000"}\n  - {code: "100002"',
        'parent: "100090"}\n  - {code: "100002"',
        "11:55",
        "单位 “乙区” 的上级单位 “100090” 不存在，是否为",
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
        "目标 “lectures” 的层级 “counties” 不存在，是否为 “county”？",
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
        "目标 id “lectures” 重复定义",
    ),
    (
        "duplicate-unit-code",
        '{code: "100002"',
        '{code: "100001"',
        "12:5",
        "单位代码 “100001” 重复定义",
    ),
    (
        "period-as-text",
        "period: [2021, 2025]",
        "period: 2021-2025",
        "4:11",
        "plan 的 period 应为 [起始年, 结束年] 两个四位年份（如 [2021, 2025]），"
        "实际是文字 “2021-2025”",
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
        "目标 “lectures” 缺少必填字段 “clause”",
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


# Plan problems in words: the target, indicator, unit or level by its id, what is expected there,
# and what the file has; never pydantic's English or a list index such as `targets.1.threshold`.
# (id, old text, new text, "line:column", Chinese message, English message)
WORDS = [
    (
        "bands-swapped",
        "  base_year: 2020\n",
        "  base_year: 2020\n  bands: {ahead: 0.9, behind: 0.8}\n",
        "6:18",
        "plan 的 bands.ahead 应为大于 1 的数（快于预期的界限，默认 1.10），实际是 0.9",
        "plan: bands.ahead should be a number above 1 (the edge of ahead of schedule, 1.10 by"
        " default), got 0.9",
    ),
    (
        "quoted-threshold",
        "threshold: 13",
        'threshold: "13"',
        "30:16",
        "目标 “rate_2025” 的 threshold 应为数（如 13），实际是文字 “13”（去掉引号）",
        "target “rate_2025”: threshold should be a number (e.g. 13), got the text “13”"
        " (remove the quotes)",
    ),
    (
        "yes-no-threshold",
        'indicator: rate\n    level: city\n    kind: deadline\n    op: ">="\n    threshold: 13',
        'indicator: done\n    level: city\n    kind: deadline\n    op: "=="\n    threshold: 是',
        "30:16",
        "目标 “rate_2025” 的 threshold 应为 true 或 false（是否类指标），实际是文字 “是”",
        "target “rate_2025”: threshold should be true or false (a yes/no indicator), got the text"
        " “是”",
    ),
    (
        "between-bound",
        'op: ">="\n    threshold: 2',
        "op: between\n    threshold: [1, 二]",
        "23:16",
        '目标 “lectures” 的 threshold 应为 [下限, 上限]（op: between），实际是 [1, "二"]',
        'target “lectures”: threshold should be [lower, upper] (op: between), got [1, "二"]',
    ),
    (
        "unknown-kind",
        "kind: annual",
        "kind: yearly",
        "21:11",
        "目标 “lectures” 的 kind 应为 annual（每年）、deadline（期末）、cumulative（累计）、"
        "growth（增长）或 monitor（监测），实际是文字 “yearly”",
        "target “lectures”: kind should be annual, deadline, cumulative, growth or monitor, got the"
        " text “yearly”",
    ),
    (
        "unknown-op",
        'op: ">="\n    threshold: 2',
        'op: "=>"\n    threshold: 2',
        "22:9",
        '目标 “lectures” 的 op 应为 ">="、">"、"<="、"<"、"==" 或 between（符号要加引号），'
        "实际是文字 “=>”",
        'target “lectures”: op should be ">=", ">", "<=", "<", "==" or between (symbols in'
        " quotes), got the text “=>”",
    ),
    (
        "direction-in-other-words",
        "type: percent, nature: stock, direction: higher",
        "type: percent, nature: stock, direction: up",
        "15:67",
        "指标 “rate” 的 direction 应为 higher（越高越好）或 lower（越低越好），实际是文字 “up”",
        "indicator “rate”: direction should be higher or lower (which is better),"
        " got the text “up”",
    ),
    (
        "capital-id",
        "id: lectures",
        "id: Lectures",
        "18:9",
        "目标 “Lectures” 的 id 应以小写英文字母开头，只含小写字母、数字和下划线"
        "（最长 64 个字符，如 literacy_rate），实际是文字 “Lectures”",
        "target “Lectures”: id should be lowercase letters, digits and underscores, starting with a"
        " letter (at most 64 characters, e.g. literacy_rate), got the text “Lectures”",
    ),
    (
        "code-without-quotes",
        '{code: "100002"',
        "{code: 100002",
        "12:12",
        '单位 “丙县” 的 code 应为加引号的 6 位行政区划代码（如 "510800"），实际是 100002',
        'unit “丙县”: code should be a 6-digit division code in quotes (e.g. "510800"), got 100002',
    ),
    (
        "period-of-three-years",
        "period: [2021, 2025]",
        "period: [2021, 2023, 2025]",
        "4:11",
        "plan 的 period 应为 [起始年, 结束年] 两个四位年份（如 [2021, 2025]），"
        "实际是 [2021, 2023, 2025]",
        "plan: period should be two four-digit years [first, last] (e.g. [2021, 2025]),"
        " got [2021, 2023, 2025]",
    ),
    (
        "target-without-id",
        "  - id: lectures\n    indicator",
        "  - indicator",
        "18:5",
        "targets 的第 1 项缺少必填字段 “id”",
        "item 1 of targets: required field “id” is missing",
    ),
    (
        "target-not-a-mapping",
        "targets:\n  - id: lectures\n",
        "targets:\n  - 3\n  - id: lectures\n",
        "18:5",
        "targets 的第 1 项应为“键: 值”的映射，实际是 3",
        "item 1 of targets should be a mapping of “key: value”, got 3",
    ),
    (
        "unknown-key-in-a-unit",
        "name: 丙县, level: county",
        "name: 丙县, lvl: county, level: county",
        "12:32",
        "单位 “丙县” 中有未知字段 “lvl”，是否为 “level”？；允许的字段：code, name, name_en, level,"
        " parent",
        "unit “丙县”: unknown field “lvl” (did you mean “level”?); allowed: code, name, name_en,"
        " level, parent",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "where", "zh", "en"), [case[1:] for case in WORDS], ids=[c[0] for c in WORDS]
)
def test_plan_problem_says_whose_and_what_is_expected(
    runner: CliRunner, folder: Path, old: str, new: str, where: str, zh: str, en: str
) -> None:
    edit(folder, old, new)
    for lang, message in (("zh", zh), ("en", en)):
        result = run(runner, "validate", "--lang", lang)
        assert result.exit_code == 3
        assert problems(result.stdout) == [f"targets.yaml:{where}: plan-error: {message}"]


def _scalar_places(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _scalar_places(value, (*path, key))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in _scalar_places(value, (*path, i))]
    return [path]


@pytest.mark.parametrize("wrong", [{"x": 1}, [1, 2], "文字", -1, None])
def test_no_value_anywhere_in_the_plan_gets_pydantic_words(tmp_path: Path, wrong: object) -> None:
    # every value of the hand-written plan replaced, one at a time, by a wrong one
    good = yaml.safe_load(GOOD)
    path = tmp_path / "targets.yaml"
    for place in _scalar_places(good):
        broken = copy.deepcopy(good)
        holder = broken
        for step in place[:-1]:
            holder = holder[step]
        holder[place[-1]] = wrong
        path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
        try:
            load_plan(path, "targets.yaml", "zh")
        except PlanInvalid as error:
            for problem in error.problems:
                assert problem.line is not None, (place, problem)
                assert not re.search(r"[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}", problem.message), (
                    place,
                    problem.message,
                )
                assert not re.search(r"\b(levels|units|indicators|targets)\.\d", problem.message)


def test_sections_that_are_not_lists_are_said_so(runner: CliRunner, folder: Path) -> None:
    edit(folder, "indicators:\n", "indicators: 3\nx:\n")
    assert problems(run(runner, "validate").stdout)[0] == (
        "targets.yaml:13:13: plan-error: indicators 应为列表（每项以 - 开头），实际是 3"
    )


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
        "targets.yaml:19:16: plan-error: target “lectures”: indicator “count_flw” does not exist"
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


@pytest.mark.parametrize("infinite", ["1.5e+400", ".inf", "-.inf", ".nan"])
@pytest.mark.parametrize("command", COMMANDS, ids=["validate", "check"])
def test_an_infinite_threshold_is_a_plan_error_not_a_crash(
    runner: CliRunner, folder: Path, infinite: str, command: list[str]
) -> None:
    """`1.5e+400` reads as infinity: validate passed it and check crashed (exit 4)."""
    edit(folder, "threshold: 13", f"threshold: {infinite}")
    result = run(runner, *command)
    assert result.exit_code == 3, result.output
    [line] = problems(result.stdout)
    assert line.startswith("targets.yaml:30:16: plan-error: "), line


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


def test_malformed_and_contradictory_targets_are_reported_at_once(
    runner: CliRunner, folder: Path
) -> None:
    """A quoted threshold (schema) and a deadline after the period (contradiction) in two
    targets, and swapped bands: all in one run, not the first kind only."""
    edit(folder, "threshold: 2\n", 'threshold: "2"\n')
    edit(folder, "deadline: 2025", "deadline: 2027")
    edit(folder, "base_year: 2020\n", "base_year: 2020\n  bands: {ahead: 0.9, behind: 1.1}\n")
    result = run(runner, "validate")
    assert result.exit_code == 3
    found = problems(result.stdout)
    assert [line.split(": ")[0] for line in found] == [
        "targets.yaml:6:18",
        "targets.yaml:6:31",
        "targets.yaml:24:16",
        "targets.yaml:32:15",
    ]
    assert "截止年份 2027 不在规划期 2021–2025 内" in found[3]
