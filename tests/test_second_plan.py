"""A second plan: nothing about Guangyuan is hard-coded (SPEC §3).

tests/fixtures/province is a fictional province (青岚省) with three levels — province → two
cities (level `prefecture`) → two counties each — for the 15th plan, 2026–2030, base year
2025, its own indicator ids, a `sum` indicator formed over two levels, and bands of 1.2 / 0.8
instead of 1.1 / 0.9. Every expected number below was computed by hand from its data files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import run

PROVINCE = Path(__file__).parent / "fixtures" / "province"
PLAN = str(PROVINCE / "targets.yaml")
DATA = str(PROVINCE / "data")


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run away from the repository so that only --plan / --data-dir can find the files."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KXPLAN_PLAN", raising=False)
    monkeypatch.delenv("KXPLAN_DATA_DIR", raising=False)


def check(runner: CliRunner, year: str, *more: str) -> tuple[int, dict[str, Any]]:
    result = run(runner, "check", year, "-f", "json", "--plan", PLAN, "--data-dir", DATA, *more)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.output)


def by_key(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    rows = {(r["target"], r["unit"]): r for r in document["results"]}
    assert len(rows) == len(document["results"])
    return rows


# (target, unit) → (status, value) for 2027, by hand:
EXPECTED_2027: dict[tuple[str, str], tuple[str, Any]] = {
    # members: 青岚省 reports nothing; its cities: 岚城市 reports 7150 itself (own report wins
    # over its counties' 3500 + 2500 = 6000), 溪川市 = 溪南 3000 + 溪北 3050 = 6050 → 13200.
    # b (2025) = 3000 + 2000 + 2500 + 2500 = 10000, T = 20000, t = (2027 − 2025) / 5 = 2/5,
    # e = 10000 + 10000 · 2/5 = 14000, c = 3200 / 10000 = 0.32, R = 0.32 / 0.4 = 0.8
    # → on_track with this plan's behind band 0.8 (the default 0.9 would say behind)
    ("members_2030", "青岚省"): ("on_track", 13200),
    # growth: 2026 members are the counties' sums, 3300 + 2200 = 5500 and 2700 + 2800 = 5500
    # 岚城市: 7150 / 5500 − 1 = 30 % ≥ 10 → met; 溪川市: 6050 / 5500 − 1 = 10 % ≥ 10 → met (edge)
    ("member_growth", "岚城市"): ("met", 30),
    ("member_growth", "溪川市"): ("met", 10),
    # energy ≤ 0.5 by 2030 (lower is better), t = 2/5
    # 岚城市: b = 0.8, v = 0.662: e = 0.8 − 0.3 · 0.4 = 0.68, c = 0.138 / 0.3 = 0.46,
    # R = 1.15 → on_track here (the default 1.1 would say ahead)
    ("energy_2030", "岚城市"): ("on_track", 0.662),
    # 溪川市: b = 0.9, v = 0.8: e = 0.9 − 0.4 · 0.4 = 0.74, c = 0.1 / 0.4 = 0.25, R = 0.625 → behind
    ("energy_2030", "溪川市"): ("behind", 0.8),
    # funding > 100 over 2026–2030: S = 21.7 + 26.3 = 48, t = 2/5, e = 40, R = 1.2 → ahead (edge)
    ("funding_total", "青岚省"): ("ahead", 48),
    # outreach ≥ 4 every year
    ("outreach_events", "岚东县"): ("met", 5),
    ("outreach_events", "岚西县"): ("met", 4),
    ("outreach_events", "溪南县"): ("not_met", 3),
    ("outreach_events", "溪北县"): ("missing", None),  # its 2027 file lacks the value
    # service centre == true by 2028: true → achieved_early, false → in_progress
    ("service_centre_2028", "岚东县"): ("achieved_early", True),
    ("service_centre_2028", "岚西县"): ("in_progress", False),
    ("service_centre_2028", "溪南县"): ("in_progress", False),
    ("service_centre_2028", "溪北县"): ("achieved_early", True),
    # monitor
    ("volunteer_hours", "岚东县"): ("monitored", 1.25),
    ("volunteer_hours", "岚西县"): ("missing", None),
    ("volunteer_hours", "溪南县"): ("monitored", 0.8),
    ("volunteer_hours", "溪北县"): ("monitored", 2),
    # youth share between 30 and 40: 41.5 is above → not_met
    ("youth_share", "青岚省"): ("not_met", 41.5),
    # annual meeting at cities and counties (a target of two levels)
    ("annual_meeting", "岚城市"): ("met", True),
    ("annual_meeting", "岚东县"): ("met", True),
    ("annual_meeting", "岚西县"): ("met", True),
    ("annual_meeting", "溪川市"): ("not_met", False),
    ("annual_meeting", "溪南县"): ("met", True),
    ("annual_meeting", "溪北县"): ("not_met", False),
}


def test_check_2027_matches_the_hand_computation(runner: CliRunner) -> None:
    code, document = check(runner, "2027")
    assert code == 1  # not_met, behind and missing are in the default --fail-on
    assert document["plan"] == {
        "id": "qinglan-kx-15",
        "name": "青岚省科学技术协会事业发展“十五五”规划（2026—2030年）",
        "period": [2026, 2030],
    }
    assert document["year"] == 2027
    rows = by_key(document)
    assert {key: (r["status"], r["value"]) for key, r in rows.items()} == EXPECTED_2027
    assert document["summary"] == {
        "met": 8,
        "not_met": 4,
        "achieved_early": 2,
        "ahead": 1,
        "on_track": 2,
        "behind": 1,
        "in_progress": 2,
        "monitored": 3,
        "missing": 2,
    }
    assert document["missing_files"] == []
    assert document["problems"] == []


def test_trajectory_numbers_and_levels(runner: CliRunner) -> None:
    rows = by_key(check(runner, "2027")[1])
    members = rows[("members_2030", "青岚省")]
    # see EXPECTED_2027: b = 10000, e = 14000, R = 0.8, t = 0.4, c = 0.32
    assert (members["baseline"], members["expected"], members["progress_ratio"]) == (
        10000,
        14000,
        0.8,
    )
    assert (members["time_share"], members["completion"]) == (0.4, 0.32)
    assert (members["unit_code"], members["level"], members["deadline"]) == (
        "900000",
        "province",
        2030,
    )
    energy = rows[("energy_2030", "岚城市")]
    assert (energy["op"], energy["threshold"], energy["baseline"]) == ("<=", 0.5, 0.8)
    assert (energy["expected"], energy["progress_ratio"]) == (0.68, 1.15)
    assert energy["level"] == "prefecture"
    funding = rows[("funding_total", "青岚省")]
    # S = 48 is the value, e = 100 · 2/5 = 40, R = 48 / 40 = 1.2
    assert (funding["expected"], funding["progress_ratio"], funding["baseline"]) == (40, 1.2, None)
    # the 2027 funding value carries a source in a nested entry; the line is its value's
    assert (funding["file"], funding["line"]) == ("data/2027/青岚省.yaml", 5)
    growth = rows[("member_growth", "溪川市")]
    assert (growth["threshold"], growth["expected"], growth["progress_ratio"]) == (10, None, None)
    assert rows[("youth_share", "青岚省")]["threshold"] == [30, 40]


def test_growth_in_the_first_year_uses_the_base_year(runner: CliRunner) -> None:
    code, document = check(runner, "2026")
    rows = by_key(document)
    # 2026 against 2025, both formed from the counties: 5500 / 5000 − 1 = 10 % → met
    assert rows[("member_growth", "岚城市")]["status"] == "met"
    assert rows[("member_growth", "岚城市")]["value"] == 10
    assert rows[("member_growth", "溪川市")]["value"] == 10
    # the cities sent no 2026 file: their own values are missing, their sums are not
    assert document["missing_files"] == ["岚城市", "溪川市"]
    assert rows[("energy_2030", "岚城市")]["status"] == "missing"
    # members 2026 = 11000: c = 1000 / 10000 = 0.1, t = 1/5, R = 0.5 → behind
    members = rows[("members_2030", "青岚省")]
    assert (members["status"], members["value"], members["progress_ratio"]) == (
        "behind",
        11000,
        0.5,
    )
    # funding 2026: S = 21.7, t = 1/5, e = 20, R = 1.085 → on_track
    funding = rows[("funding_total", "青岚省")]
    assert (funding["status"], funding["value"], funding["progress_ratio"]) == (
        "on_track",
        21.7,
        1.085,
    )
    assert code == 1


@pytest.mark.parametrize("city", ["岚城市", "900100"])
def test_county_option_takes_a_city_of_the_middle_level(runner: CliRunner, city: str) -> None:
    code, document = check(runner, "2027", "--county", city)
    assert {r["unit"] for r in document["results"]} == {"岚城市"}
    statuses = {r["target"]: (r["status"], r["value"]) for r in document["results"]}
    assert statuses == {
        "member_growth": ("met", 30),
        "energy_2030": ("on_track", 0.662),
        "annual_meeting": ("met", True),
    }
    assert document["missing_files"] == []
    assert code == 0  # none of its statuses is in the default --fail-on


def test_county_option_takes_a_county_of_the_lowest_level(runner: CliRunner) -> None:
    code, document = check(runner, "2027", "--county", "溪北县")
    assert {r["unit"] for r in document["results"]} == {"溪北县"}
    assert {r["target"] for r in document["results"]} == {
        "outreach_events",
        "service_centre_2028",
        "volunteer_hours",
        "annual_meeting",
    }
    assert code == 1  # outreach missing, annual meeting not met


def test_county_option_for_the_middle_level_lists_its_missing_file(runner: CliRunner) -> None:
    code, document = check(runner, "2026", "--county", "溪川市")
    assert document["missing_files"] == ["溪川市"]
    # its 2026 value is still formed from its counties: 2700 + 2800 = 5500 vs 5000 → 10 %
    growth = next(r for r in document["results"] if r["target"] == "member_growth")
    assert (growth["status"], growth["value"]) == ("met", 10)
    assert code == 1


def test_years_outside_the_15th_plan_are_usage_errors(runner: CliRunner) -> None:
    for year in ("2025", "2031", "2024"):
        result = run(runner, "check", year, "--plan", PLAN, "--data-dir", DATA)
        assert result.exit_code == 2, year
        assert "2026–2030" in result.output


def test_unknown_unit_suggests_one_of_this_plan(runner: CliRunner) -> None:
    result = run(runner, "check", "2027", "--county", "岚城", "--plan", PLAN, "--data-dir", DATA)
    assert result.exit_code == 2
    assert "岚城市" in result.output


def test_table_names_the_plan_and_no_guangyuan(runner: CliRunner) -> None:
    result = run(runner, "check", "2027", "--plan", PLAN, "--data-dir", DATA)
    assert result.exit_code == 1
    assert "青岚省科学技术协会" in result.output
    assert "2027 年：共 25 项结果" in result.output
    assert "广元" not in result.output


def test_targets_lists_this_plans_targets(runner: CliRunner) -> None:
    result = run(runner, "targets", "--plan", PLAN, "-f", "json")
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body["plan"]["period"] == [2026, 2030] and body["base_year"] == 2025
    rows = {row["target"]: row for row in body["targets"]}
    assert list(rows) == [
        "members_2030",
        "member_growth",
        "energy_2030",
        "funding_total",
        "outreach_events",
        "service_centre_2028",
        "volunteer_hours",
        "youth_share",
        "annual_meeting",
    ]
    assert rows["annual_meeting"]["levels"] == ["prefecture", "county"]
    assert (rows["members_2030"]["levels"], rows["members_2030"]["deadline"]) == (
        ["province"],
        2030,
    )
    assert (rows["energy_2030"]["op"], rows["energy_2030"]["threshold"]) == ("<=", 0.5)
    assert rows["youth_share"]["threshold"] == [30, 40]
    assert rows["funding_total"]["kind"] == "cumulative"
    assert rows["volunteer_hours"]["op"] is None


def test_targets_table_uses_this_plans_level_names(runner: CliRunner) -> None:
    result = run(runner, "targets", "--plan", PLAN)
    assert result.exit_code == 0
    assert "青岚省科学技术协会" in result.output
    for level in ("省", "市州", "县市区"):
        assert level in result.output
    assert "广元" not in result.output


def test_validate_accepts_the_whole_data_folder(runner: CliRunner) -> None:
    result = run(runner, "validate", "--plan", PLAN, "--data-dir", DATA)
    assert result.exit_code == 0, result.output
    assert "已检查 19 个文件：全部有效" in result.output


def test_validate_one_file_of_this_plan(runner: CliRunner) -> None:
    path = str(PROVINCE / "data" / "2027" / "岚城市.yaml")
    result = run(runner, "validate", path, "--plan", PLAN)
    assert result.exit_code == 0, result.output
    assert "已检查 1 个文件：全部有效" in result.output


def test_validate_reports_a_guangyuan_indicator_as_unknown_here(
    runner: CliRunner, tmp_path: Path
) -> None:
    # an indicator id of the Guangyuan plan means nothing in this plan
    path = tmp_path / "2027" / "岚东县.yaml"
    path.parent.mkdir()
    path.write_text(
        "unit: 岚东县\nyear: 2027\nvalues:\n  spirit_lectures: 3\n  member: 10\n", encoding="utf-8"
    )
    result = run(runner, "validate", str(path), "--plan", PLAN)
    assert result.exit_code == 3
    lines = [line for line in result.output.splitlines() if "unknown-indicator" in line]
    assert len(lines) == 2
    assert lines[0].startswith(f"{path.as_posix()}:4:3: unknown-indicator")
    assert "members" in lines[1]  # did you mean members


def test_validate_refuses_a_year_outside_this_plan(runner: CliRunner, tmp_path: Path) -> None:
    # 2024 is before this plan's base year 2025
    path = tmp_path / "2024" / "岚东县.yaml"
    path.parent.mkdir()
    path.write_text("unit: 岚东县\nyear: 2024\nvalues:\n  members: 10\n", encoding="utf-8")
    result = run(runner, "validate", str(path), "--plan", PLAN)
    assert result.exit_code == 3
    assert ":2:7: out-of-range" in result.output
