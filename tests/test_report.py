"""`kxplan report`: one unit's period, year by year, as a table, JSON and Markdown."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction as F
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run, write_yaml
from kinds import GROWTH, LECTURES, RATE
from kxplan.render.spark import sparkline


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(
        plan_dict(RATE, LECTURES, GROWTH),
        {
            (2020, "甲市"): {"rate": 8.6},
            (2020, "乙区"): {"count_flow": 1, "count_stock": 100},
            (2021, "甲市"): {"rate": 9.5},
            (2021, "乙区"): {"count_flow": 3, "count_stock": 135},
            (2022, "甲市"): {"rate": 10.3},
            (2022, "乙区"): {"count_flow": 1, "count_stock": 162},
            (2023, "乙区"): {"count_flow": 2, "count_stock": 210},
            (2023, "丙县"): {"count_flow": 2},
        },
    )
    monkeypatch.chdir(folder)
    return folder


def test_city_by_default(runner: CliRunner, small: Path) -> None:
    result = run(runner, "report")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "甲市 2020—2023 年目标完成情况（测试规划）"
    header = next(line for line in lines if "目标" in line and "规则" in line)
    head = ["目标", "规则", "2020", "基期", "2021", "2022", "2023", "趋势", "2023", "年状态"]
    assert header.split() == head
    row = next(line for line in lines if line.lstrip().startswith("比例"))
    # a missing year shows its glyph and `—` for the value, as review and explain do
    cells = ["比例", "≥", "13%（2025年）", "8.6", "●", "9.5", "●", "10.3", "?", "—", "▁█·", "?"]
    assert row.split() == [*cells, "缺数据"]
    assert "需要关注：" in result.output
    assert "未报送数据文件的年份：2023" in result.output


def test_county_rows_values_and_trend(runner: CliRunner, small: Path) -> None:
    result = run(runner, "report", "--county", "乙区")
    lines = result.output.splitlines()
    lectures = next(line for line in lines if line.lstrip().startswith("当年数"))
    assert lectures.split()[3:] == ["1", "✔", "3", "✘", "1", "✔", "2", "█▁▅", "✔", "达标"]
    growth = next(line for line in lines if line.lstrip().startswith("存量"))
    # 100 → 135 → 162 → 210: growth 35 %, 20 %, 29.63 % (block (29.63 − 20)/15 × 7 ≈ 4.5 → 4)
    assert growth.split()[4:] == ["—", "✔", "35%", "✘", "20%", "✘", "29.63%", "█▁▅", "✘", "未达标"]


def test_json_shape(runner: CliRunner, small: Path) -> None:
    document = json.loads(run(runner, "report", "--county", "乙区", "-f", "json").output)
    assert (document["unit"], document["unit_code"]) == ("乙区", "100001")
    assert document["years"] == [2021, 2022, 2023]
    assert document["base_year"] == 2020
    lectures = document["rows"][0]
    assert lectures["target"] == "lectures" and lectures["indicator"] == "count_flow"
    assert lectures["base"] == 1
    assert {year: cell["value"] for year, cell in lectures["by_year"].items()} == {
        "2021": 3,
        "2022": 1,
        "2023": 2,
    }
    assert [cell["status"] for cell in lectures["by_year"].values()] == ["met", "not_met", "met"]
    assert lectures["latest"]["status"] == "met" and lectures["latest"]["year"] == 2023
    growth = document["rows"][1]
    assert growth["base"] is None and growth["by_year"]["2021"]["value"] == 35


def test_json_deadline_rows_carry_the_trajectory(runner: CliRunner, small: Path) -> None:
    document = json.loads(run(runner, "report", "-f", "json").output)
    rate = document["rows"][0]["by_year"]["2022"]
    # b = 8.6, T = 13, t = 2/5: e = 10.36, R = (1.7/4.4)/(2/5) = 0.965909…
    assert rate == {
        "value": 10.3,
        "status": "on_track",
        "expected": 10.36,
        "progress_ratio": 0.965909,
    }


def test_markdown(runner: CliRunner, small: Path) -> None:
    output = run(runner, "report", "--county", "乙区", "-f", "markdown").output
    assert output.startswith("## 乙区 2020—2023 年目标完成情况（测试规划）\n")
    assert "| 目标 | 规则 | 2020 基期 | 2021 | 2022 | 2023 | 趋势 | 2023 年状态 |" in output
    assert "| 当年数 | ≥ 2次（每年） | 1 | ✔ 3 | ✘ 1 | ✔ 2 | █▁▅ | ✔ 达标 |" in output


def test_year_limits_the_period(runner: CliRunner, small: Path) -> None:
    document = json.loads(run(runner, "report", "--year", "2022", "-f", "json").output)
    assert document["years"] == [2021, 2022]


def test_invalid_file_exits_3_and_counts_as_missing(runner: CliRunner, small: Path) -> None:
    write_yaml(small / "data" / "2022" / "乙区.yaml", {"unit": "乙区", "year": 2022, "values": []})
    result = run(runner, "report", "--county", "乙区")
    assert result.exit_code == 3
    assert "data/2022/乙区.yaml" in result.output and "not-a-mapping" in result.output
    assert "数据文件有误（按缺数据处理）：data/2022/乙区.yaml" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--county", "乙县"], "没有单位 “乙县”，是否为 “乙区”？"),
        (["report", "--year", "2020"], "2020 年是基年，只提供基数"),
        (["report", "--format", "github"], "github"),
    ],
)
def test_usage_errors(runner: CliRunner, small: Path, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_english(runner: CliRunner, small: Path) -> None:
    output = run(runner, "report", "--county", "100001", "--lang", "en").output
    assert output.splitlines()[0] == "Yi, 2020—2023: targets year by year (Test plan)"
    assert "Status 2023" in output


def test_sample_county(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "report", "--county", "青川县", "-f", "json")
    document = json.loads(result.output)
    assert document["missing_years"] == [2024]
    lectures = next(r for r in document["rows"] if r["target"] == "spirit_lectures")
    assert lectures["by_year"]["2024"] == {
        "value": None,
        "status": "missing",
        "expected": None,
        "progress_ratio": None,
    }


def test_sparkline() -> None:
    assert sparkline([F(1), F(2), F(3)]) == "▁▅█"
    assert sparkline([F(4), None, F(4)]) == "▄·▄"
    assert sparkline([True, False]) == "█▁"
    assert sparkline([]) == ""


@pytest.mark.parametrize("name", ["Lizhou District", "lizhou district", "利州区", "510802"])
def test_county_by_its_english_name_too(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """English tables head the column “Lizhou District”: that name finds the unit too."""
    monkeypatch.chdir(ROOT)
    result = run(runner, "report", "2024", "--county", name, "--lang", "en", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["unit_code"] == "510802"


def test_a_slip_in_an_english_county_name_gets_a_guess(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "check", "2024", "--county", "Lizhou Distrct", "--lang", "en")
    assert result.exit_code == 2
    assert "no unit “Lizhou Distrct” (did you mean “Lizhou District”?)" in result.output
