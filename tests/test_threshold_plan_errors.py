"""Mistakes in `quotas`, `relative`, `base_year`, `years` and per-target `bands` (SPEC §7): each a
`plan-error` at its line and column with a hint, all at once, through validate and check.

The plan is test_plan_errors.py's, written by hand; its targets start at line 18:
lines 18–24 the county target `lectures` (line 23 `    threshold: 2`), lines 25–31 the city
target `rate_2025` (line 30 `    threshold: 13`). A key added after a threshold is on line 24
or 31; columns count characters from 1 (`    quotas: {乙区: 3}`: `{` is 13, `3` is 18).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run
from test_plan_errors import COMMANDS, edit, folder
from test_validate import problems

__all__ = ["folder"]  # the fixture, used by name

LECTURES = "    threshold: 2\n"
RATE = "    threshold: 13\n"
SUMMED = "type: count, nature: flow, direction: higher}"

# (id, [(old, new), …], "line:column", message)
CASES = [
    (
        "quota-unknown-unit",
        [(LECTURES, LECTURES + "    quotas: {乙区: 3, 丁县: 1}\n")],
        "24:25",
        "目标 “lectures” 的 quotas 中单位 “丁县” 不存在",
    ),
    (
        "quota-other-level",
        [(LECTURES, LECTURES + "    quotas: {甲市: 3}\n")],
        "24:18",
        "单位 “甲市” 属于层级 city，而目标适用于 county",
    ),
    (
        "quota-twice",
        [(LECTURES, LECTURES + '    quotas: {乙区: 3, "100001": 4}\n')],
        "24:31",
        "“乙区” 和 “100001” 是同一单位",
    ),
    (
        "quota-list-for-at-least",
        [(LECTURES, LECTURES + "    quotas: {乙区: [1, 2]}\n")],
        "24:18",
        "给 “乙区” 的分解值无效",
    ),
    (
        "quota-boolean-for-a-number",
        [(LECTURES, LECTURES + "    quotas: {乙区: true}\n")],
        "24:18",
        "给 “乙区” 的分解值无效",
    ),
    (
        "quota-not-a-number",
        [(LECTURES, LECTURES + "    quotas: {乙区: 很多}\n")],
        "24:18",
        "quotas 应为数（如 13）",
    ),
    (
        "relative-growth",
        [("kind: annual", "kind: growth"), (LECTURES, LECTURES + "    relative: points\n")],
        "24:15",
        "目标 “lectures” 是 growth 类目标，不能用 relative",
    ),
    (
        "relative-boolean",
        [
            ("indicator: rate", "indicator: done"),
            ('    op: ">="\n    threshold: 13', '    op: "=="\n    threshold: true'),
            ("    threshold: true\n", "    threshold: true\n    relative: points\n"),
        ],
        "31:15",
        "是否类指标，不能用 relative",
    ),
    (
        "relative-unknown-word",
        [(LECTURES, LECTURES + "    relative: pct\n")],
        "24:15",
        "应为 points（基期值加减）或 percent（基期值按百分比增减）",
    ),
    (
        "base-year-at-the-deadline",
        [(RATE, RATE + "    base_year: 2025\n")],
        "31:16",
        "base_year 2025 应不早于规划基期 2020，且早于 2025",
    ),
    (
        "base-year-before-the-plans",
        [(RATE, RATE + "    base_year: 2019\n")],
        "31:16",
        "base_year 2019 应不早于规划基期 2020",
    ),
    (
        "years-on-a-deadline-target",
        [(RATE, RATE + "    years: [2022, 2023]\n")],
        "31:12",
        "目标 “rate_2025” 是 deadline 类目标，不能有 years",
    ),
    (
        "years-outside-the-period",
        [(LECTURES, LECTURES + "    years: [2020, 2023]\n")],
        "24:12",
        "years [2020, 2023] 应在规划期 2021–2025 内",
    ),
    (
        "years-backwards",
        [(LECTURES, LECTURES + "    years: [2024, 2023]\n")],
        "24:12",
        "起不晚于止",
    ),
    (
        "years-one-year",
        [(LECTURES, LECTURES + "    years: [2023]\n")],
        "24:12",
        "应为两个年份 [起, 止]",
    ),
    (
        "target-bands-swapped",
        [(RATE, RATE + "    bands: {ahead: 0.9}\n")],
        "31:20",
        "目标 “rate_2025” 的 bands.ahead 应为大于 1 的数（快于预期的界限，默认 1.10），实际是 0.9",
    ),
]

# a city target of the same summed indicator and kind, at the end of the file (line 32 on)
CITY = """\
  - id: city_lectures
    indicator: count_flow
    level: city
    kind: annual
    op: ">="
    threshold: 10
    clause: 一（一）3
"""


@pytest.mark.parametrize("command", COMMANDS, ids=["validate", "check"])
@pytest.mark.parametrize(
    ("edits", "where", "message"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_setting_error_is_located(
    runner: CliRunner,
    folder: Path,
    command: list[str],
    edits: list[tuple[str, str]],
    where: str,
    message: str,
) -> None:
    for old, new in edits:
        edit(folder, old, new)
    result = run(runner, *command)
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    [line] = problems(result.stdout)
    assert line.startswith(f"targets.yaml:{where}: plan-error: "), line
    assert message in line


def summed(folder: Path, quotas: str, threshold: str = "2") -> None:
    """count_flow summed, the city target `city_lectures` ≥ 10, and the county target with these
    quotas (line 24, `{` at column 13) and threshold."""
    edit(folder, SUMMED, SUMMED[:-1] + ", aggregate: sum}")
    edit(folder, LECTURES, f"    threshold: {threshold}\n    quotas: {quotas}\n")
    text = (folder / "targets.yaml").read_text(encoding="utf-8")
    (folder / "targets.yaml").write_text(text + CITY, encoding="utf-8")


@pytest.mark.parametrize(
    ("quotas", "threshold", "total"),
    [
        # 乙区 3 + 丙县 4 = 7 < 10
        ("{乙区: 3, 丙县: 4}", "2", "7"),
        # 乙区 3 + 丙县 the default 2 = 5 < 10
        ("{乙区: 3}", "2", "5"),
        # quotas only: 乙区 8 + 丙县 (not covered) 0 = 8 < 10
        ("{乙区: 8}", "null", "8"),
    ],
)
def test_quotas_that_do_not_add_up_are_refused(
    runner: CliRunner, folder: Path, quotas: str, threshold: str, total: str
) -> None:
    summed(folder, quotas, threshold)
    result = run(runner, "validate")
    assert result.exit_code == 3, result.output
    [line] = problems(result.stdout)
    assert line.startswith("targets.yaml:24:13: plan-error: "), line
    assert f"目标 “lectures” 的县区分解之和 {total} 小于 甲市 的 10（目标 “city_lectures”）" in line
    english = run(runner, "validate", "--lang", "en").stdout
    assert f"quotas under 甲市 add up to {total}, less than its 10" in english


@pytest.mark.parametrize(
    ("quotas", "threshold"),
    [
        # 6 + 4 = 10 ≥ 10: enough (the edge counts)
        ("{乙区: 6, 丙县: 4}", "2"),
        # 乙区 8 + 丙县 the default 2 = 10
        ("{乙区: 8}", "2"),
    ],
)
def test_quotas_that_add_up_pass(
    runner: CliRunner, folder: Path, quotas: str, threshold: str
) -> None:
    summed(folder, quotas, threshold)
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output


def test_relative_quotas_are_not_added_up(runner: CliRunner, folder: Path) -> None:
    # +1 % and +2 % of each county's own base: nothing to add up before the data
    summed(folder, "{乙区: 1}", "2\n    relative: percent")
    assert run(runner, "validate").exit_code == 0


def test_ceiling_quotas_must_not_add_up_to_more(runner: CliRunner, folder: Path) -> None:
    summed(folder, "{乙区: 6, 丙县: 5}")
    for old, new in (
        ("direction: higher, aggregate: sum}", "direction: lower, aggregate: sum}"),
        ('op: ">="\n    threshold: 2', 'op: "<="\n    threshold: 2'),
        ('op: ">="\n    threshold: 10', 'op: "<="\n    threshold: 10'),
    ):
        edit(folder, old, new)
    # 6 + 5 = 11 > 10
    [line] = problems(run(runner, "validate").stdout)
    assert line.startswith("targets.yaml:24:13: plan-error: "), line
    assert "县区分解之和 11 大于 甲市 的上限 10" in line


def test_every_setting_problem_at_once(runner: CliRunner, folder: Path) -> None:
    edit(folder, LECTURES, LECTURES + "    quotas: {丁县: 1}\n")
    edit(folder, RATE, RATE + "    base_year: 2025\n")
    found = problems(run(runner, "validate").stdout)
    # the quota line pushed rate_2025 one line down: its base_year is on line 32
    assert [line.split(": ")[0] for line in found] == ["targets.yaml:24:18", "targets.yaml:32:16"]
