"""`kxplan check` through its real entry point, on small projects and on the sample."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run

ANNUAL = {
    "id": "lectures",
    "indicator": "count_flow",
    "level": "county",
    "kind": "annual",
    "op": ">=",
    "threshold": 2,
    "hint": "每年至少2次",
}
DEADLINE = {
    "id": "rate_2025",
    "indicator": "rate",
    "level": "city",
    "kind": "deadline",
    "op": ">=",
    "threshold": 13,
    "deadline": 2025,
}


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(
        plan_dict(ANNUAL, DEADLINE),
        {
            (2020, "甲市"): {"rate": 8.6},
            (2023, "甲市"): {"rate": 11.0},
            (2023, "乙区"): {"count_flow": 3},
            (2023, "丙县"): {"count_flow": 1},
            (2024, "甲市"): {"rate": 11.9},
            (2024, "乙区"): {"count_flow": 2},
        },
    )
    monkeypatch.chdir(folder)
    return folder


def test_table_shows_glyphs_values_summary_and_missing_files(
    runner: CliRunner, small: Path
) -> None:
    result = run(runner, "check", "2024")
    assert result.exit_code == 1  # 丙县 has no 2024 file → missing
    lines = result.output.splitlines()
    row = next(line for line in lines if line.lstrip().startswith("lectures") or "当年数" in line)
    assert "✔ 2" in row and "?" in row
    assert any("比例" in line and "● 11.9" in line for line in lines)
    assert "2024 年：共 3 项结果 — 达标 1、基本符合预期 1、缺数据 1" in result.output
    assert "2024 年未报送数据文件：丙县" in result.output
    assert "\x1b[" not in result.output  # NO_COLOR


def test_year_defaults_to_the_latest_year_with_data(runner: CliRunner, small: Path) -> None:
    result = run(runner, "check", "--format", "json")
    assert json.loads(result.output)["year"] == 2024


def test_json_shape_and_numbers(runner: CliRunner, small: Path) -> None:
    document = json.loads(run(runner, "check", "2024", "-f", "json").output)
    assert {"plan", "year", "summary", "missing_files", "results", "problems"} <= set(document)
    assert document["plan"] == {"id": "test", "name": "测试规划", "period": [2021, 2025]}
    assert document["missing_files"] == ["丙县"]
    rate = next(r for r in document["results"] if r["target"] == "rate_2025")
    # b = 8.6, T = 13, t = 0.8: e = 12.12, c = 3.3 / 4.4 = 0.75, R = 0.9375
    assert rate["status"] == "on_track"
    assert (rate["value"], rate["baseline"], rate["expected"]) == (11.9, 8.6, 12.12)
    assert rate["progress_ratio"] == 0.9375
    assert (rate["unit"], rate["unit_code"], rate["level"]) == ("甲市", "100000", "city")
    assert rate["file"] == "data/2024/甲市.yaml" and rate["line"] == 4


def test_county_limits_results_and_missing_files(runner: CliRunner, small: Path) -> None:
    result = run(runner, "check", "2024", "--county", "乙区", "-f", "json")
    document = json.loads(result.output)
    assert {r["unit"] for r in document["results"]} == {"乙区"}
    assert document["missing_files"] == []
    assert result.exit_code == 0


def test_county_by_code(runner: CliRunner, small: Path) -> None:
    document = json.loads(run(runner, "check", "2024", "--county", "100002", "-f", "json").output)
    assert [r["status"] for r in document["results"]] == ["missing"]


def test_fail_on_chooses_the_exit_code(runner: CliRunner, small: Path) -> None:
    assert run(runner, "check", "2024").exit_code == 1
    assert run(runner, "check", "2024", "--fail-on", "not_met").exit_code == 0
    assert run(runner, "check", "2024", "--fail-on", "on_track").exit_code == 1
    assert run(runner, "check", "2024", "--fail-on", "").exit_code == 0


def test_not_met_lists_the_hint(runner: CliRunner, small: Path) -> None:
    result = run(runner, "check", "2023")
    assert "未达标" in result.output and "每年至少2次" in result.output


def test_markdown(runner: CliRunner, small: Path) -> None:
    output = run(runner, "check", "2024", "-f", "markdown").output
    assert output.startswith("## 测试规划 — 2024 目标完成情况")
    assert "| 目标 | 规则 | 甲市 | 乙区 | 丙县 |" in output
    assert "● 11.9 基本符合预期" in output


def test_github_annotations_point_at_the_value(runner: CliRunner, small: Path) -> None:
    output = run(runner, "check", "2023", "-f", "github").output
    assert "::error file=data/2023/丙县.yaml,line=4,title=lectures @ 丙县%3A 未达标::" in output


def test_english(runner: CliRunner, small: Path) -> None:
    output = run(runner, "check", "2024", "--lang", "en").output
    assert "2024: 3 results — met 1, on track 1, missing data 1" in output
    assert "No data file for 2024: Bing" in output


def test_lang_from_environment(runner: CliRunner, small: Path) -> None:
    output = run(runner, "check", "2024", env={"KXPLAN_LANG": "en"}).output
    assert "No data file for 2024" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "2019"], "2019 年不在规划期 2021–2025 内"),
        (["check", "2020"], "2020 年是基年，只提供基数，不作考核"),
        (["check", "2024", "--county", "乙县"], "没有单位 “乙县”，是否为 “乙区”？"),
        (["check", "2024", "--fail-on", "late"], "未知状态 “late”"),
        (["check", "2024", "--format", "pdf"], "pdf"),
        (["check", "2024", "--lang", "fr"], "--lang"),
    ],
)
def test_usage_errors_exit_2(runner: CliRunner, small: Path, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_plan_and_data_found_upwards(
    runner: CliRunner, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deeper = small / "data" / "2024"
    monkeypatch.chdir(deeper)
    assert json.loads(run(runner, "check", "2024", "-f", "json").output)["year"] == 2024


def test_plan_and_data_from_environment(
    runner: CliRunner,
    small: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    env = {"KXPLAN_PLAN": str(small / "targets.yaml"), "KXPLAN_DATA_DIR": str(small / "data")}
    assert json.loads(run(runner, "check", "2024", "-f", "json", env=env).output)["year"] == 2024


def test_no_data_folder_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, "check", "2024", "--plan", str(ROOT / "targets.yaml"))
    assert result.exit_code == 2
    assert "找不到数据文件夹" in result.output


def test_internal_error_is_one_line_without_debug(
    runner: CliRunner, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("kxplan.cli.commands.check.evaluate_year", explode)
    result = run(runner, "check", "2024")
    assert result.exit_code == 4
    assert "kxplan 内部错误：RuntimeError: boom" in result.output
    assert "Traceback" not in result.output
    debug = run(runner, "check", "2024", "--debug")
    assert debug.exit_code == 4 and "Traceback" in debug.output


def test_colour_only_on_request(small: Path) -> None:
    command = [sys.executable, "-m", "kxplan", "check", "2024"]
    plain = subprocess.run(
        command, capture_output=True, text=True, cwd=small, env={"PATH": ""}, check=False
    )
    assert "\x1b[" not in plain.stdout
    forced = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=small,
        env={"FORCE_COLOR": "1", "PATH": ""},
        check=False,
    )
    assert "\x1b[" in forced.stdout
    no_color = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=small,
        env={"FORCE_COLOR": "1", "NO_COLOR": "1", "PATH": ""},
        check=False,
    )
    assert "\x1b[" not in no_color.stdout


def test_yes_no_threshold_is_true_in_json(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = {
        "id": "built",
        "indicator": "done",
        "level": "county",
        "kind": "annual",
        "op": "==",
        "threshold": True,
    }
    monkeypatch.chdir(project(plan_dict(target), {(2024, "乙区"): {"done": True}}))
    [result, _] = json.loads(run(runner, "check", "2024", "-f", "json").output)["results"]
    assert result["threshold"] is True and result["value"] is True and result["status"] == "met"
