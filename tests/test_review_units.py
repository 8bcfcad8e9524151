"""The review names who (issue 14 item 2): a 需要关注 list of the lower units' results, the
units per status in JSON and in the workbook, and `explain TARGET` of a county target without
`--county`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT, run

NEEDS = {"not_met", "behind", "missing"}
COUNTIES = ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "剑阁县", "苍溪县"]
COUNTIES_EN = ["Lizhou", "Zhaohua", "Chaotian", "Wangcang", "Qingchuan", "Jiange", "Cangxi"]


@pytest.mark.parametrize("year", [2024, 2025])
def test_attention_matches_check_for_each_year(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, year: int
) -> None:
    monkeypatch.chdir(ROOT)
    review = json.loads(run(runner, "review", str(year), "--format", "json").output)
    listed = {(a["target"], a["unit"], a["year"]): a["status"] for a in review["attention"]}
    assert listed
    lower = {row["target"] for row in review["rows"] if row["lower_units"]}
    for shown in {a["year"] for a in review["attention"]} | {year}:
        check = json.loads(run(runner, "check", str(shown), "--format", "json").output)
        for result in check["results"]:
            key = (result["target"], result["unit"], shown)
            if result["target"] not in lower or result["level"] == "city":
                continue
            if shown == year and result["status"] in NEEDS:
                assert listed.get(key) == result["status"], key
            if key in listed:
                assert listed[key] == result["status"], key


def test_review_table_names_the_units(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    output = run(runner, "review", "2025").output
    assert "需要关注：" in output
    assert "推荐受表彰优秀科技工作者 @ 苍溪县 2025：苍溪县 2025 年未填报" in output
    assert "建成“科技工作者之家” @ 剑阁县 2025：否" in output


def test_units_per_status_in_json_and_workbook(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    review = json.loads(run(runner, "review", "2025", "--format", "json").output)
    row = next(r for r in review["rows"] if r["target"] == "home_of_workers")
    assert row["units"] == {
        "met": ["利州区", "昭化区", "朝天区", "旺苍县", "青川县", "苍溪县"],
        "not_met": ["剑阁县"],
    }
    for each in review["rows"]:
        assert sum(map(len, each["units"].values())) == each["lower_units"], each["target"]
    city = next(r for r in review["rows"] if r["target"] == "literacy_rate_2025")
    assert city["units"] == {}
    run(runner, "review", "2025", "-o", "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "reports" / "r.xlsx").worksheets[0]
    cells = [str(c) for line in sheet.iter_rows(values_only=True) for c in line if c]
    assert "县区（按状态）" in cells
    assert "达标：利州区、昭化区、朝天区、旺苍县、青川县、苍溪县；未达标：剑阁县" in cells


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_a_county_target_without_county(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "explain", "recommended_outstanding_workers", "2025", "--lang", lang)
    assert result.exit_code == 0, result.output
    for unit in COUNTIES if lang == "zh" else COUNTIES_EN:
        assert unit in result.output
    found = json.loads(
        run(runner, "explain", "registration_growth", "2025", "--format", "json").output
    )
    assert found["years"] == [2021, 2022, 2023, 2024, 2025]
    assert [unit["unit"] for unit in found["units"]] == COUNTIES
    assert found["units"][0]["status_by_year"]["2021"] == "not_met"
