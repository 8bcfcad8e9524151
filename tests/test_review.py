"""`kxplan review`: rows at the top unit, counties per status, the sentence, projections."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction as F
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, load, plan_dict, run
from kinds import GROWTH, LECTURES, MONEY, RATE
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.review import Stage, build_review, stage, worst
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan
from kxplan.model.status import Status
from kxplan.render.review import sentence

VALUES: dict[tuple[int, str], dict[str, Any] | None] = {
    (2020, "甲市"): {"rate": 8.6},
    (2021, "甲市"): {"rate": 9.5, "money": 8.3},
    (2021, "乙区"): {"count_flow": 3},
    (2021, "丙县"): {"count_flow": 1},
    (2022, "甲市"): {"rate": 10.3, "money": 10.9},
    (2022, "乙区"): {"count_flow": 2},
    (2022, "丙县"): {"count_flow": 2},
    (2023, "甲市"): {"rate": 11.1, "money": 12.6},
    (2023, "乙区"): {"count_flow": 4},
}


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(plan_dict(RATE, LECTURES, MONEY), VALUES)
    monkeypatch.chdir(folder)
    return folder


def test_rows_carry_the_hand_computed_progress(small: Path) -> None:
    plan, data = load(small)
    review = build_review(plan, data, 2023)
    assert review.stage is Stage.MID_TERM
    rate, lectures, money = review.rows
    # b = 8.6, v = 11.1: c = 25/44, t = 3/5, projected 8.6 + 2.5 × 5/3, needed (13 − 11.1)/2
    assert rate.base == F("8.6")
    assert rate.by_year == {2021: F("9.5"), 2022: F("10.3"), 2023: F("11.1")}
    assert rate.status is Status.ON_TRACK
    assert (rate.progress.completion, rate.progress.time_share) == (F(25, 44), F(3, 5))
    assert rate.progress.projected == F("8.6") + F("2.5") * F(5, 3)
    assert rate.progress.needed == F("0.95")
    # 31.8 of > 50: c = 63.6 %, projected 53, needed 9.1 a year
    assert money.by_year[2023] == F("31.8")
    assert (money.progress.projected, money.progress.needed) == (F(53), F("9.1"))
    # counties, each year ≥ 2: 乙区 3, 2, 4 → met every year; 丙县 1, 2, no 2023 file → its
    # least favourable year is 2021 (not met, which outweighs the gap): the target is not met
    assert lectures.result is None and lectures.base is None
    assert lectures.status is Status.NOT_MET
    assert lectures.lower_counts() == {Status.MET: 1, Status.NOT_MET: 1}
    assert lectures.reached == {2021: 1, 2022: 2, 2023: 1}
    assert lectures.missed == [2021]


def test_review_shows_the_figures_check_judged_on(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # b = 14 already ≥ 13, v = 12.5 in 2022 fell back: check says behind on a flat line at
    # e = T = 13 with no completion; the review must not draw its own line from 14 to 13
    # (c = (12.5 − 14) / (13 − 14) = 150 %, e = 13.6), which would contradict the status.
    folder = project(
        plan_dict(RATE), {(2020, "甲市"): {"rate": 14}, (2022, "甲市"): {"rate": 12.5}}
    )
    plan, data = load(folder)
    [row] = build_review(plan, data, 2022).rows
    assert row.status is Status.BEHIND
    assert row.progress.completion is None and row.progress.ratio is None
    assert (row.progress.expected, row.progress.time_share) == (F(13), F(2, 5))
    check = evaluate_year(plan, data, 2022).results[0]
    assert (check.status, check.expected, check.completion) == (row.status, F(13), None)


def test_worst_status_orders_failures_before_gaps_before_success() -> None:
    assert worst([Status.MET, Status.MISSING, Status.NOT_MET]) is Status.NOT_MET
    assert worst([Status.ACHIEVED_EARLY, Status.BEHIND, Status.MISSING]) is Status.BEHIND
    assert worst([Status.MET, Status.MISSING]) is Status.MISSING
    assert worst([Status.ACHIEVED_EARLY, Status.IN_PROGRESS]) is Status.IN_PROGRESS
    assert worst([Status.MET, Status.ACHIEVED_EARLY]) is Status.ACHIEVED_EARLY
    assert worst([Status.MONITORED, Status.MONITORED]) is Status.MONITORED


def test_stage_by_year(small: Path) -> None:
    plan, _ = load(small)
    assert [stage(plan, y) for y in (2021, 2023, 2024, 2025)] == [
        Stage.YEARLY,
        Stage.MID_TERM,
        Stage.YEARLY,
        Stage.FINAL,
    ]


def test_sentence_counts_targets_in_review_order(small: Path) -> None:
    plan, data = load(small)
    review = build_review(plan, data, 2023)
    assert sentence(review, "zh") == "3项指标中，基本符合预期2项、未达标1项。"
    assert sentence(review, "en") == "Of 3 targets: 2 on track, 1 not met."


@pytest.mark.parametrize("command", [["review"], ["report"], ["explain", "rate_2025"], ["check"]])
def test_year_as_an_argument_like_check(runner: CliRunner, small: Path, command: list[str]) -> None:
    by_option = run(runner, *command, "--year", "2022", "--format", "json")
    by_argument = run(runner, *command, "2022", "--format", "json")
    assert by_argument.exit_code == by_option.exit_code == 0, by_argument.output
    assert by_argument.stdout == by_option.stdout
    assert "2022" in by_argument.stdout and "2023" not in json.loads(by_argument.stdout).get(
        "years", []
    )
    both = run(runner, *command, "2022", "--year", "2023")
    assert both.exit_code == 2
    assert "年份给了两个：2022 和 --year 2023；只需给一个" in both.output


def test_cli_table(runner: CliRunner, small: Path) -> None:
    result = run(runner, "review", "--year", "2023")
    assert result.exit_code == 0, result.output
    assert "测试规划 中期评估（2023年）" in result.output
    row = next(line for line in result.output.splitlines() if "比例" in line)
    assert "8.6" in row and "56.8%" in row and "60%" in row and "基本符合预期" in row
    assert "12.77" in row and "年均 +0.95" in row
    county = next(line for line in result.output.splitlines() if "当年数" in line)
    assert "1/2" in county and "2021年未达标" in county and "达标1、未达标1" in county
    assert "3项指标中，基本符合预期2项、未达标1项。" in result.output
    assert (
        "每年目标（每年、年增长）按 2021—2023 年逐年评估：任一年未达标即计为未达标" in result.output
    )
    assert "按现有进度测算，尚未实现的 2 项中，到期末可实现 1 项、难以实现 1 项。" in result.output


def test_cli_json(runner: CliRunner, small: Path) -> None:
    document = json.loads(run(runner, "review", "--year", "2023", "-f", "json").output)
    assert document["stage"] == "mid_term" and document["year"] == 2023
    assert document["sentence"] == "3项指标中，基本符合预期2项、未达标1项。"
    rate = document["rows"][0]
    assert rate["base"] == 8.6 and rate["latest"] == 11.1
    assert rate["by_year"] == {"2021": 9.5, "2022": 10.3, "2023": 11.1}
    assert rate["status_by_year"] == {"2021": "on_track", "2022": "on_track", "2023": "on_track"}
    assert rate["missed_years"] == []
    assert rate["completion_rate"] == round(25 / 44, 6)
    assert rate["time_progress"] == 0.6
    assert rate["projected"] == round(8.6 + 2.5 * 5 / 3, 6)
    assert rate["needed_per_year"] == 0.95
    assert rate["reaches_at_current_pace"] is False
    lectures = document["rows"][1]
    assert lectures["lower_units"] == 2
    assert lectures["lower_statuses"] == {"met": 1, "not_met": 1}
    assert lectures["missed_years"] == [2021] and lectures["status_by_year"] == {}
    assert lectures["lower_reached"] == {"2021": 1, "2022": 2, "2023": 1}


def test_cli_markdown_is_a_table_with_the_sentence_first(runner: CliRunner, small: Path) -> None:
    output = run(runner, "review", "--year", "2023", "-f", "markdown").output
    lines = output.splitlines()
    assert lines[0] == "## 测试规划 中期评估（2023年）"
    assert lines[2] == "3项指标中，基本符合预期2项、未达标1项。"
    assert lines[4].startswith("| 序号 | 指标 | 目标 | 2020 基期 | 2021 | 2022 | 2023（最新）")


def test_final_review_has_no_projection_and_gives_the_rate_met(
    project: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    values = {**VALUES, (2025, "甲市"): {"rate": 12.5}, (2025, "乙区"): {"count_flow": 2}}
    values[(2025, "丙县")] = {"count_flow": 5}
    monkeypatch.chdir(project(plan_dict(RATE, LECTURES), values))
    result = run(runner, "review", "--year", "2025")
    assert "测试规划 终期评估（2025年）" in result.output
    assert "预计期末值" not in result.output and "序时进度" not in result.output
    row = next(line for line in result.output.splitlines() if "比例" in line)
    assert "差 0.5" in row and "未达标" in row  # 12.5 of 13
    # 12.5 of ≥ 13 is not met; 丙县 held 1 of ≥ 2 in 2021, so the every-year target is not met
    assert "2项指标中，未达标2项；达标率 0%。" in result.output


def test_sample_mid_term_review(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "review", "--year", "2023")
    assert result.exit_code == 0
    assert (
        "25项指标中，提前实现1项、快于预期1项、基本符合预期3项、相对滞后6项、推进中1项、"
        "达标2项、未达标10项、监测1项。"
    ) in result.output


def test_sample_final_review_by_default(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "review")
    assert "终期评估（2025年）" in result.output
    # 24 targets have a threshold; 9 are met in every unit they apply to (every year of the
    # period for a target set for each year)
    assert "25项指标中，达标9项、未达标15项、缺数据1项；达标率 37.5%。" in result.output
    row = next(line for line in result.output.splitlines() if "每年新建市级工作站" in line)
    assert row.split()[4:12] == ["3", "✔", "4", "✔", "5", "✘", "6", "✔"]  # 2023: 6 > 5
    assert "2023年未达标" in row and "未达标" in row


def test_sample_review_rows_by_hand(bundled: tuple[Plan, DataSet]) -> None:
    review = build_review(*bundled, 2023)
    rows = {row.target.id: row for row in review.rows}
    workers = rows["tfkjy_workers_2025"].progress  # the city's value is the counties' sum
    assert workers.completion == F(68753 - 35000, 65000)
    assert (workers.projected, workers.needed) == (F(91255), F("15623.5"))
    visits = rows["popsci_visits_2025"].progress  # 152.3 + 168 + 176.4 = 496.7 of > 1000
    assert visits.completion == F("0.4967") and visits.expected == 600
    assert visits.projected == F("496.7") * F(5, 3) and visits.needed == F("251.65")
    home = rows["home_of_workers"]
    assert home.status is Status.IN_PROGRESS
    assert home.lower_counts() == {Status.ACHIEVED_EARLY: 4, Status.IN_PROGRESS: 3}


def test_english(runner: CliRunner, small: Path) -> None:
    output = run(runner, "review", "--year", "2023", "--lang", "en").output
    assert "Test plan: mid-term review (2023)" in output
    assert "Of 3 targets: 2 on track, 1 not met." in output
    assert "+0.95 a year" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "--year", "2030"], "2030 年不在规划期 2021–2025 内"),
        (["review", "--format", "github"], "github"),
    ],
)
def test_usage_errors(runner: CliRunner, small: Path, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and message in result.output


BOTH_LEVELS = {**LECTURES, "id": "symposia", "level": ["city", "county"]}


@pytest.fixture
def both_levels(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """甲市 and 乙区 held 3 (≥ 2: met), 丙县 held 1 (not met)."""
    values: dict[tuple[int, str], dict[str, Any] | None] = {
        (2020, "甲市"): {"count_flow": 2},
        (2021, "甲市"): {"count_flow": 3},
        (2021, "乙区"): {"count_flow": 3},
        (2021, "丙县"): {"count_flow": 1},
    }
    folder = project(plan_dict(BOTH_LEVELS), values)
    monkeypatch.chdir(folder)
    return folder


def test_target_of_both_levels_shows_the_citys_own_status(both_levels: Path) -> None:
    plan, data = load(both_levels)
    review = build_review(plan, data, 2021)
    (row,) = review.rows
    # the row's values and status are the city's; the counties are counted beside them
    assert row.by_year == {2021: 3} and row.base == 2
    assert row.status is Status.MET
    assert row.lower_counts() == {Status.MET: 1, Status.NOT_MET: 1}
    # the summary counts it once, by the least favourable of all its units
    assert row.overall is Status.NOT_MET
    assert review.summary()[Status.NOT_MET] == 1 and review.summary()[Status.MET] == 0


NOTE = (
    "第 1 项“当年数”同时适用于甲市和县区：行内为甲市本级的值和状态，县区情况列出各状态的单位数；"
    "汇总按全部单位中最不利的状态计为“未达标”。"
)


def test_target_of_both_levels_in_table_and_markdown(runner: CliRunner, both_levels: Path) -> None:
    output = run(runner, "review", "--year", "2021").output
    row = next(line for line in output.splitlines() if "当年数" in line and "≥" in line)
    assert row.split()[4:] == ["2", "✔", "3", "150%", "✔", "达标", "达标1、未达标1"]
    assert "1项指标中，未达标1项。" in output
    assert NOTE in output
    assert "项仅适用于县区" not in output  # no target of the counties alone

    markdown = run(runner, "review", "--year", "2021", "-f", "markdown").output
    assert (
        "| 1 | 当年数 | ≥ 2次（每年） | 2 | ✔ 3 | 150% |  | ✔ 达标 |  |  | 达标1、未达标1 |"
        in markdown
    )
    assert NOTE in markdown

    english = run(runner, "review", "--year", "2021", "--lang", "en").output
    assert "the summary counts it as “not met”" in english


def test_target_of_both_levels_in_json(runner: CliRunner, both_levels: Path) -> None:
    document = json.loads(run(runner, "review", "--year", "2021", "-f", "json").output)
    (row,) = document["rows"]
    assert (row["status"], row["summary_status"]) == ("met", "not_met")
    assert (row["base"], row["latest"]) == (2, 3)
    assert row["lower_statuses"] == {"met": 1, "not_met": 1}
    assert document["summary"]["not_met"] == 1 and document["summary"]["met"] == 0


def test_missing_value_is_a_dash_never_a_dash_percent(
    project: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A growth target of the city with no value in 2022: `—`, as report and explain show it."""
    growth = {**GROWTH, "level": "city"}
    values: dict[tuple[int, str], dict[str, Any] | None] = {
        (2020, "甲市"): {"count_stock": 100},
        (2021, "甲市"): {"count_stock": 150},
    }
    monkeypatch.chdir(project(plan_dict(growth), values))
    output = run(runner, "review", "--year", "2022").output
    row = next(line for line in output.splitlines() if "存量" in line)
    # 2021: 150 of 100 is 50 % (met); 2022 has no value: `? —`, and the row is missing data
    assert "✔ 50%" in row and "? —" in row and row.split()[-2:] == ["?", "缺数据"]
    assert "—%" not in output


def test_a_range_is_complete_anywhere_inside_it(bundled: tuple[Plan, DataSet]) -> None:
    """跨区域学术会议1—2次: 0 + 1 + 0 + 0 + 1 = 2 meetings of 1–2 by 2025 is 100 %, not the
    200 % that 2 / 1 (the lower bound) would say; in 2023 the running total 1 is 100 % too."""
    plan, data = bundled
    for year, total in ((2025, 2), (2023, 1)):
        row = next(r for r in build_review(plan, data, year).rows if r.target.op == "between")
        assert row.result is not None and row.result.value == total
        assert row.progress.completion == 1
