"""Average growth and milestones (SPEC §7) where people see them: `targets`, `check` (table and
JSON), `explain`'s steps, the county forms' rule and the workbooks' trajectory line."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kinds
from conftest import load, plan_dict, run, write_yaml
from kxplan.engine.history import unit_history
from kxplan.render.xlsx.report import trajectory

AVERAGE: dict[str, Any] = {
    "id": "avg",
    "indicator": "money",
    "level": "city",
    "kind": "average_growth",
    "op": ">=",
    "threshold": 10,
    "deadline": 2025,
}
STEPS: dict[str, Any] = {**kinds.RATE, "id": "steps", "milestones": {2022: 11, 2024: 12}}
SUM: dict[str, Any] = {**kinds.MONEY, "id": "sum", "milestones": {2022: 15, 2024: 40}}
# 甲市: money 100 (2020), 7.5 (2021), 130 (2022); rate 8 (2020), 9.2 (2021), 12 (2022)
VALUES = {
    2020: {"money": 100, "rate": 8},
    2021: {"money": 7.5, "rate": 9.2},
    2022: {"money": 130, "rate": 12},
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_yaml(tmp_path / "targets.yaml", plan_dict(AVERAGE, STEPS, SUM))
    for year, values in VALUES.items():
        write_yaml(
            tmp_path / "data" / str(year) / "甲市.yaml",
            {"unit": "甲市", "year": year, "values": values},
        )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_targets_say_the_rule_in_words(runner: CliRunner, folder: Path) -> None:
    zh = run(runner, "targets").stdout
    assert "年均增长 ≥ 10%（2025年）" in zh
    assert "≥ 13%（2025年）；年度目标 2022年 11%、2024年 12%" in zh
    assert "累计 > 50亿元（2025年）；年度目标 2022年 15亿元、2024年 40亿元" in zh
    en = run(runner, "targets", "--lang", "en").stdout
    assert "average growth ≥ 10% a year by 2025" in en
    assert "≥ 13% by 2025; milestones 2022: 11%, 2024: 12%" in en
    body = json.loads(run(runner, "targets", "--format", "json").stdout)
    by_id = {target["target"]: target for target in body["targets"]}
    assert by_id["avg"]["kind"] == "average_growth"
    assert by_id["avg"]["rule"] == "年均增长 ≥ 10%（2025年）"
    assert by_id["steps"]["milestones"] == {"2022": 11, "2024": 12}
    assert by_id["avg"]["milestones"] is None


def test_check_shows_the_average_and_its_line(runner: CliRunner, folder: Path) -> None:
    table = run(runner, "check", "2022").stdout
    # √1.3 = 1.1402: 14.02 % a year, ahead of the compound line (R = 30/21)
    assert "年均增长 ≥ 10%（2025年）   ▲ 14.02%" in table
    body = json.loads(run(runner, "check", "2022", "--format", "json").stdout)
    by_id = {result["target"]: result for result in body["results"]}
    avg = by_id["avg"]
    assert (avg["status"], avg["value"], avg["threshold"]) == ("ahead", 14.017543, 10)
    # b = 100, e = 100·1.1² = 121, R = (130 − 100)/(121 − 100) = 1.428571
    assert (avg["baseline"], avg["expected"], avg["progress_ratio"]) == (100, 121, 1.428571)
    # milestones: e = 11 in 2022; R = (12 − 8)/(11 − 8) = 4/3
    steps = by_id["steps"]
    assert (steps["status"], steps["expected"], steps["progress_ratio"]) == ("ahead", 11, 1.333333)
    # running sum: e = 15 in 2022; S = 137.5 > 50 → achieved early, R = 137.5/15
    total = by_id["sum"]
    assert (total["status"], total["expected"], total["progress_ratio"]) == (
        "achieved_early",
        15,
        9.166667,
    )
    english = run(runner, "check", "2022", "--format", "markdown", "--lang", "en").stdout
    assert "average growth ≥ 10% a year by 2025" in english


def test_explain_average_growth_says_each_step(runner: CliRunner, folder: Path) -> None:
    out = run(runner, "explain", "avg", "2022", "--county", "甲市").stdout
    assert "类型  average_growth — 年均增长" in out
    for step in (
        "1. 基期值 b = 100（2020 年）",
        "2. 本年值 v = 130",
        "3. 年均增长 = ((v / b)^(1/n) − 1) × 100 = ((130 / 100)^(1/2) − 1) × 100 = 14.02%",
        "4. 截止年水平 L = b × (1 + g/100)^(yT − y0) = 100 × 1.1^5 = 161.051",
        "5. 序时目标 e = b × (1 + g/100)^(y − y0) = 100 × 1.1^2 = 121",
        "6. 进度比 R = (v − b) / (e − b) = (130 − 100) / (121 − 100) = 1.4286",
        "7. 判定：130 ≥ L = 161.051：不成立；R = 1.4286 ≥ 1.1 → 快于预期",
    ):
        assert step in out


def test_explain_average_growth_at_the_deadline(runner: CliRunner, folder: Path) -> None:
    # 2025: 161.051 = 100·1.1^5, exactly 10 % a year → met
    write_yaml(
        folder / "data" / "2025" / "甲市.yaml",
        {"unit": "甲市", "year": 2025, "values": {"money": 161.051}},
    )
    out = run(runner, "explain", "avg", "2025", "--county", "甲市", "--lang", "en").stdout
    assert (
        "average growth = ((v / b)^(1/n) − 1) × 100 = ((161.051 / 100)^(1/5) − 1) × 100 = 10%"
        in out
    )
    assert "verdict: 10% ≥ 10 is true → met" in out


def test_explain_milestones_say_the_anchors(runner: CliRunner, folder: Path) -> None:
    out = run(runner, "explain", "steps", "2021", "--county", "甲市", "--lang", "en").stdout
    assert "Rule  ≥ 13% by 2025; milestones 2022: 11%, 2024: 12%" in out
    # e = 8 + (11 − 8)·1/2 = 9.5; R = (9.2 − 8)/(9.5 − 8) = 0.8 → behind
    assert (
        "expected, between the milestones (2020: 8, 2022: 11):"
        " e = 8 + (11 − 8) × (2021 − 2020) / (2022 − 2020) = 9.5"
    ) in out
    assert "progress ratio R = (v − b) / (e − b) = (9.2 − 8) / (9.5 − 8) = 0.8" in out
    assert "R = 0.8 < 0.9 → behind schedule" in out
    out = run(runner, "explain", "sum", "2021", "--county", "甲市").stdout
    # 2021: e = 15·1/2 = 7.5, S = 7.5: R = 1
    assert "e = 0 + (15 − 0) × (2021 − 2020) / (2022 − 2020) = 7.5" in out
    assert "进度比 R = S / e = 7.5 / 7.5 = 1" in out


def test_the_workbook_line_runs_through_the_milestones(folder: Path) -> None:
    plan, data = load(folder)
    unit = plan.root
    history = unit_history(plan, data, unit, 2022)
    [row] = [row for row in history.rows if row.target.id == "steps"]
    line = trajectory(plan, row, list(range(2020, 2026)))
    assert line == {
        2020: 8,
        2021: Fraction("9.5"),
        2022: 11,
        2023: Fraction("11.5"),
        2024: 12,
        2025: 13,
    }
    [row] = [row for row in history.rows if row.target.id == "sum"]
    assert trajectory(plan, row, [2020, 2021, 2022, 2023]) == {
        2020: 0,
        2021: Fraction("7.5"),
        2022: 15,
        2023: Fraction("27.5"),
    }


def test_review_shows_the_time_gone_and_the_completion_of_a_sum(
    runner: CliRunner, folder: Path
) -> None:
    out = run(runner, "review", "2022", "--format", "markdown").stdout
    rows = {line.split(" | ")[2]: line for line in out.splitlines() if line.startswith("| ")}
    # average growth: 2 of 5 years gone (40 %), no completion rate of a growth
    assert "| ▲ 14.02% |  | 40% | ▲ 快于预期 |" in rows["年均增长 ≥ 10%（2025年）"]
    # a running sum with milestones: completion S / T = 137.5 / 50 = 275 % (not R·t)
    assert "| ★ 137.5 | 275% | 40% | ★ 提前实现 |" in rows["累计 > 50亿元（2025年）"]
