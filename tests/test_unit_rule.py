"""Every view shows each result's own threshold (SPEC §7): a county's quota, a relative
threshold resolved from the unit's base, said as the JSON's `rule` says it; a row of many units
shows the target's rule noted as differing by unit. A value is never rounded onto the unit's
own threshold: 5.996 against a quota of 6 is not `6`, 10.5996 against T = 10.6 is not `10.6`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run

# 乙区's own threshold is 6 (quota), 丙县 keeps the target's 10
QUOTA = {
    "id": "q",
    "indicator": "money",
    "level": "county",
    "kind": "annual",
    "op": ">=",
    "threshold": 10,
    "quotas": {"乙区": 6},
}
# 甲市: b = 8.6, T = 8.6 + 2 = 10.6
POINTS = {
    "id": "r",
    "indicator": "rate",
    "level": "city",
    "kind": "deadline",
    "deadline": 2025,
    "op": ">=",
    "threshold": 2,
    "relative": "points",
}
VALUES = {
    (2020, "甲市"): {"rate": 8.6},
    (2025, "甲市"): {"rate": 10.5996},  # < 10.6: not met, and not shown as 10.6
    (2025, "乙区"): {"money": 5.996},  # < 6: not met, and not shown as 6
    (2025, "丙县"): {"money": 12},
}
OWN_QUOTA = "≥ 6亿元（每年）（分解）"
OWN_RELATIVE = "≥ 10.6%（2025年）（基期+2个百分点）"
ROW_RULE = "≥ 10亿元（每年）（分解、各单位不同）"


@pytest.fixture
def args(project: Any) -> list[str]:
    folder: Path = project(plan_dict(QUOTA, POINTS), VALUES)
    return ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]


def test_check_table_notes_the_row_and_says_each_units_threshold(
    runner: CliRunner, args: list[str]
) -> None:
    output = run(runner, "check", "2025", *args, env={"COLUMNS": "100"}).output
    lines = output.splitlines()
    [quota_row] = [line for line in lines if line.lstrip().startswith("金额")]
    assert ROW_RULE in quota_row and "✘ 5.996" in quota_row and "✔ 12" in quota_row
    [points_row] = [line for line in lines if line.lstrip().startswith("比例")]
    assert OWN_RELATIVE in points_row and "✘ 10.5996" in points_row
    assert f"金额 @ 乙区：5.996亿元；{OWN_QUOTA}" in output
    assert f"比例 @ 甲市：10.5996%；{OWN_RELATIVE}" in output
    english = run(runner, "check", "2025", "--lang", "en", *args, env={"COLUMNS": "100"})
    assert "≥ 10 亿元 every year (quota, differs by unit)" in english.output
    assert "5.996 亿元; ≥ 6 亿元 every year (quota)" in english.output


def test_check_markdown_gives_a_units_own_threshold_in_its_cell(
    runner: CliRunner, args: list[str]
) -> None:
    output = run(runner, "check", "2025", "--format", "markdown", *args).output
    assert f"| 金额 | {ROW_RULE} |  | ✘ 5.996 未达标（≥ 6亿元） | ✔ 12 达标 |" in output
    # a row of one unit says its own rule once, in the rule column
    assert f"| 比例 | {OWN_RELATIVE} | ✘ 10.5996 未达标 |  |  |" in output


def test_check_github_annotation_says_the_units_threshold(
    runner: CliRunner, args: list[str]
) -> None:
    output = run(runner, "check", "2025", "--format", "github", *args).output
    assert f"q @ 乙区%3A 未达标::金额: 5.996亿元；{OWN_QUOTA}" in output
    assert "比例: 10.5996%25；≥ 10.6%25（2025年）（基期+2个百分点）" in output


def test_check_workbook_gives_each_results_own_rule_and_threshold(
    runner: CliRunner, args: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "check.xlsx"
    run(runner, "check", "2025", "-o", str(out), *args)
    book = openpyxl.load_workbook(out)
    matrix = {row[1]: row for row in book["对照表"].iter_rows(values_only=True) if row[1]}
    assert matrix["金额"][2] == ROW_RULE
    assert matrix["比例"][2] == OWN_RELATIVE
    details = book["明细"]
    rows = [list(row) for row in details.iter_rows()]
    head = next(i for i, row in enumerate(rows) if row[0].value == "目标")
    names = [cell.value for cell in rows[head]]
    by_unit = {(row[0].value, row[1].value): row for row in rows[head + 1 :]}
    rule, threshold, value = names.index("规则"), names.index("目标值"), names.index("值")
    yi = by_unit[("金额", "乙区")]
    assert (yi[rule].value, yi[threshold].value) == (OWN_QUOTA, 6)
    assert yi[value].value == pytest.approx(5.996) and "0.000" in yi[value].number_format
    bing = by_unit[("金额", "丙县")]
    assert (bing[rule].value, bing[threshold].value) == ("≥ 10亿元（每年）", 10)
    jia = by_unit[("比例", "甲市")]
    assert (jia[rule].value, jia[threshold].value) == (OWN_RELATIVE, pytest.approx(10.6))
    assert "0.0000" in jia[value].number_format


def test_report_gives_the_units_own_rule(runner: CliRunner, args: list[str]) -> None:
    # --wide: the full table, a row a line (at 100 columns it would be a block per target)
    table = run(
        runner, "report", "--county", "乙区", "--wide", *args, env={"COLUMNS": "100"}
    ).output
    [row] = [line for line in table.splitlines() if line.lstrip().startswith("金额")]
    assert OWN_QUOTA in row and "✘ 5.996" in row
    document = json.loads(
        run(runner, "report", "--county", "乙区", "--format", "json", *args).output
    )
    assert document["rows"][0]["rule"] == OWN_QUOTA
    city = run(runner, "report", "--format", "markdown", *args).output
    assert f"| 比例 | {OWN_RELATIVE} | 8.6 | ? — | ? — | ? — | ? — | ✘ 10.5996 |" in city


def test_report_workbook_draws_the_line_to_the_units_own_threshold(
    runner: CliRunner, args: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "report.xlsx"
    run(runner, "report", "-o", str(out), *args)
    book = openpyxl.load_workbook(out)
    texts = [c for row in book["趋势图"].iter_rows(values_only=True) for c in row if c is not None]
    assert f"比例（{OWN_RELATIVE}）" in texts
    # the planned line ends at 甲市's own T = 10.6, not at the target's figure 2
    planned = [row[2] for row in book["趋势图"].iter_rows(values_only=True) if row[0] == 2025]
    assert planned == [pytest.approx(10.6)]
    rules = [row[2] for row in book["逐年情况"].iter_rows(values_only=True)]
    assert OWN_RELATIVE in rules


def test_review_notes_a_row_of_many_units_and_gives_the_top_units_own_rule(
    runner: CliRunner, args: list[str], tmp_path: Path
) -> None:
    output = run(runner, "review", "2025", "--format", "markdown", *args).output
    assert f"| 1 | 金额 | {ROW_RULE} |" in output
    assert f"| 2 | 比例 | {OWN_RELATIVE} | 8.6 |" in output and "✘ 10.5996" in output
    # c = (10.5996 − 8.6) / (10.6 − 8.6) = 0.9998, short by 0.0004: neither 100% nor 差 0
    assert "| 99.98% | ✘ 未达标 | 差 0.0004 |" in output
    document = json.loads(run(runner, "review", "2025", "--format", "json", *args).output)
    assert [row["rule"] for row in document["rows"]] == [ROW_RULE, OWN_RELATIVE]
    out = tmp_path / "review.xlsx"
    run(runner, "review", "2025", "-o", str(out), *args)
    texts = {
        c
        for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
        for c in row
    }
    assert {ROW_RULE, OWN_RELATIVE} <= texts


def test_explain_gives_the_units_own_rule(runner: CliRunner, args: list[str]) -> None:
    text = run(runner, "explain", "q", "2025", "--county", "乙区", *args).output
    assert f"规则  {OWN_QUOTA}" in text
    assert "2025  乙区  5.996亿元" in text and "判定：5.996 ≥ 6：不成立 → 未达标" in text
    document = json.loads(run(runner, "explain", "r", "2025", "--format", "json", *args).output)
    assert document["rule"] == OWN_RELATIVE


def test_assess_score_sheet_gives_the_units_own_rule(project: Any, runner: CliRunner) -> None:
    from assessplan import ASSESSMENT

    section = {**ASSESSMENT, "weights": {"q": 100}}
    folder: Path = project(plan_dict(QUOTA, POINTS, assessment=section), VALUES)
    args = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    sheet = run(runner, "assess", "2025", "--county", "乙区", "--format", "markdown", *args)
    assert f"| 5.996 | {OWN_QUOTA} |" in sheet.output
    document = json.loads(run(runner, "assess", "2025", "--format", "json", *args).output)
    found = json.dumps(document, ensure_ascii=False)
    assert '"threshold": 6' in found and '"threshold": 10' in found
