"""The bundled second example, examples/province-15: every construct of SPEC §7 on one plan.

江岭省 (invented) has three levels — the province, two cities (云溪市: 云东县, 溪口区; 松岗市:
岗南县, 岗北县, 松林县) — plan period 2026–2030, base year 2025. The example is run through the
real entry point (validate, check, targets, explain) with --plan and --data-dir from elsewhere,
and every status, value, resolved threshold, expected value and progress ratio below was
computed by hand from its data files (the arithmetic is in the comments; t is the time share,
e the expected value, R the progress ratio, bands 1.10 / 0.90 unless the target sets its own).

The inputs, by county (云东县, 溪口区, 岗南县, 岗北县, 松林县), 2025 / 2026 / 2027 / 2028:
  members           12000 8000 6000 5000 4000 / 12600 8300 6200 5100 4100 /
                    13300 8700 6500 5150 4400 / 13900 9100 6800 5400 4600
  population (万人)  60 40 35 30 25 every year
  literacy_rate     14 12 11 10 9 / 14.4 12.5 11.5 10.3 9.4 / 15 13.3 12 10.5 9.8 /
                    15.4 13.8 12.6 11 10
  township_coverage 80 70 75 60 85 / 85 76 80 68 88 / 92 89 85 72 90 / 96 95 92 80 91
  satisfaction      – / 88 84 86 80 83 / 90 86 88 84 86 / 91 87 88 85 86
  response_days     10 12 15 9 11 / 9 11.5 14 9 10 / 8 10.5 12.5 8 (none) / 8 9.5 12 8 10
  workstations      8 6 4 3 2 / 10 8 5 5 3 / 13 10 7 9 4 / 15 12 8 9 5
  popsci_visits     50 30 20 15 15 / 55 32 21 18 16 / 61 31.5 22 26.5 18 / 67 38 26 21 19
  party_standard    – / T T T F T / T T T F T / T T T T T
  national_event    – / F F F T F / T F F F F / F F T F F
  science_museum    (溪口区, 松林县) F F / F F / T F / T F
The cities report popsci_funding (云溪市 4.5 3.0 3.5, 松岗市 3.0 2.5 2.5 in 2026–2028), the
province evaluation_events (2 3 6 in 2026–2028).

Parents' values, formed by each indicator's `aggregate` over the direct children:
  members, population, workstations, popsci_visits, popsci_funding: sum
  members_per_10k = members / population at each level (a ratio of sums, never a sum of ratios)
  literacy_rate: {weighted_mean: population}   township_coverage: min   satisfaction: mean
  response_days: max   party_standard: all   national_event: any
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run

EXAMPLE = ROOT / "examples" / "province-15"
PLAN = str(EXAMPLE / "targets.yaml")
DATA = str(EXAMPLE / "data")

# (status, value, threshold as resolved for the unit, expected, progress_ratio); None: null
Row = tuple[str, Any, Any, Any, Any]


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run away from the repository so that only --plan / --data-dir can find the files."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KXPLAN_PLAN", raising=False)
    monkeypatch.delenv("KXPLAN_DATA_DIR", raising=False)


def kxplan(runner: CliRunner, *args: str) -> Any:
    result = run(runner, *args, "--plan", PLAN, "--data-dir", DATA)
    assert "Traceback" not in result.output
    return result


def check(runner: CliRunner, year: int) -> tuple[int, dict[str, Any]]:
    result = kxplan(runner, "check", str(year), "--format", "json")
    return result.exit_code, json.loads(result.output)


def by_key(document: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    rows = {(r["target"], r["unit"]): r for r in document["results"]}
    assert len(rows) == len(document["results"])
    return rows


EXPECTED_2027: dict[tuple[str, str], Row] = {
    # members_per_10k = members / population; T = b × (1 + 20/100); y0 2025, yT 2030, t = 2/5.
    # 江岭省: b = 35000 / 190 = 184.2105 (members 12000+8000+6000+5000+4000, population 190),
    # T = 42000 / 190 = 221.0526, v = (13300+8700+6500+5150+4400) / 190 = 38050 / 190,
    # e = b + (T − b)·2/5 = 37800 / 190, R = (38050 − 35000)/(37800 − 35000) = 3050/2800 = 1.0893
    ("members_density_2030", "江岭省"): (
        "on_track",
        38050 / 190,
        42000 / 190,
        37800 / 190,
        3050 / 2800,
    ),
    # 云溪市: b = 20000/100 = 200, T = 240, v = 22000/100 = 220, e = 216, R = 20/16 = 1.25
    ("members_density_2030", "云溪市"): ("ahead", 220, 240, 216, 1.25),
    # 松岗市: b = 15000/90, T = 200, v = 16050/90 = 178.33, e = 16200/90 = 180,
    # R = 1050/1200 = 0.875
    ("members_density_2030", "松岗市"): ("behind", 16050 / 90, 200, 180, 0.875),
    # literacy_rate by population: 云溪市 2025 = (14·60 + 12·40)/100 = 13.2, 松岗市 2025 =
    # (11·35 + 10·30 + 9·25)/90 = 910/90; 江岭省 b = (13.2·100 + 910)/190 = 2230/190 = 11.7368.
    # relative points: T = b + 3 = 2800/190; milestone 2027: +1 → e = b + 1 = 2420/190.
    # 2027: 云溪市 (15·60 + 13.3·40)/100 = 14.32, 松岗市 (12·35 + 10.5·30 + 9.8·25)/90 = 980/90,
    # v = (1432 + 980)/190 = 2412/190 = 12.6947; R = (v − b)/(e − b) = 182/190 = 0.9579
    ("literacy_2030", "江岭省"): ("on_track", 2412 / 190, 2800 / 190, 2420 / 190, 182 / 190),
    # the cities: +3 points, 松岗市's quota +4 points; t = 2/5
    # 云溪市: b 13.2, T 16.2, v 14.32, e = 13.2 + 3·0.4 = 14.4, R = (1.12/3)/0.4 = 0.9333
    ("literacy_city_2030", "云溪市"): ("on_track", 14.32, 16.2, 14.4, 1.12 / 1.2),
    # 松岗市: b 910/90, T = 1270/90 = 14.1111, v = 980/90 = 10.8889, e = b + 4·0.4 = 1054/90,
    # R = (70/90)/(144/90) = 0.4861
    ("literacy_city_2030", "松岗市"): ("behind", 980 / 90, 1270 / 90, 1054 / 90, 70 / 144),
    # township_coverage = the lowest county; deadline 2028, t = 2/3; the target's own bands
    # 1.15 / 0.85. 云溪市: b = min(80, 70) = 70, v = min(92, 89) = 89, e = 70 + 25·2/3 = 86.67,
    # R = (19/25)/(2/3) = 1.14 → on_track (the plan's 1.10 would say ahead)
    ("township_coverage_2028", "云溪市"): ("on_track", 89, 95, 70 + 50 / 3, 1.14),
    # 松岗市: b = min(75, 60, 85) = 60, v = min(85, 72, 90) = 72, e = 60 + 35·2/3 = 83.33,
    # R = (12/35)/(2/3) = 0.5143
    ("township_coverage_2028", "松岗市"): ("behind", 72, 95, 60 + 70 / 3, 18 / 35),
    # satisfaction = mean of the direct children: 云溪市 (90 + 86)/2 = 88, 松岗市
    # (88 + 84 + 86)/3 = 86, 江岭省 = (88 + 86)/2 = 87 (not the mean of the 5 counties, 86.8)
    ("member_satisfaction", "江岭省"): ("met", 87, 85, None, None),
    ("member_satisfaction", "云溪市"): ("met", 88, 85, None, None),
    ("member_satisfaction", "松岗市"): ("met", 86, 85, None, None),
    # response_days = the slowest county, lower is better; T = b × (1 − 20/100); t = 2/5
    # 云溪市: b = max(10, 12) = 12, T = 9.6, v = max(8, 10.5) = 10.5, e = 12 − 2.4·0.4 = 11.04,
    # R = (10.5 − 12)/(11.04 − 12) = 1.5625
    ("response_days_2030", "云溪市"): ("ahead", 10.5, 9.6, 11.04, 1.5625),
    # 松岗市: 松林县 reported no response_days in 2027 → the max is missing; the threshold is
    # still resolved from the base, max(15, 9, 11) × 0.8 = 12
    ("response_days_2030", "松岗市"): ("missing", None, 12, None, None),
    # workstations, summed; t = 2/5. 江岭省: b 23, T 60, v 43 (13+10+7+9+4), e = 23 + 37·0.4
    # = 37.8, R = 20/14.8 = 1.3514
    ("workstations_2030", "江岭省"): ("ahead", 43, 60, 37.8, 20 / 14.8),
    # cities: 云溪市 quota 35: b 14, v 23, e = 14 + 21·0.4 = 22.4, R = 9/8.4 = 1.0714;
    # 松岗市 the default 28: b 9, v 20, e = 9 + 19·0.4 = 16.6, R = 11/7.6 = 1.4474
    ("workstations_city_2030", "云溪市"): ("on_track", 23, 35, 22.4, 9 / 8.4),
    ("workstations_city_2030", "松岗市"): ("ahead", 20, 28, 16.6, 11 / 7.6),
    # counties: quotas 云东县 20, 溪口区 16, 岗北县 9, the others the default 10
    # 云东县: b 8, v 13, e = 8 + 12·0.4 = 12.8, R = 5/4.8 = 1.0417
    ("workstations_county_2030", "云东县"): ("on_track", 13, 20, 12.8, 5 / 4.8),
    # 溪口区: b 6, v 10, e = 6 + 10·0.4 = 10, R = 1
    ("workstations_county_2030", "溪口区"): ("on_track", 10, 16, 10, 1),
    # 岗南县: b 4, v 7, e = 4 + 6·0.4 = 6.4, R = 3/2.4 = 1.25
    ("workstations_county_2030", "岗南县"): ("ahead", 7, 10, 6.4, 1.25),
    # 岗北县: v 9 ≥ its quota 9 → achieved_early; e = 3 + 6·0.4 = 5.4, R = 6/2.4 = 2.5 (set
    # whatever the status: settled case)
    ("workstations_county_2030", "岗北县"): ("achieved_early", 9, 9, 5.4, 2.5),
    # 松林县: b 2, v 4, e = 2 + 8·0.4 = 5.2, R = 2/3.2 = 0.625
    ("workstations_county_2030", "松林县"): ("behind", 4, 10, 5.2, 0.625),
    # average growth ≥ 8 %, y0 2025, n = 2; value = ((v/b)^(1/n) − 1)·100; e = b·1.08^n;
    # the deadline level L = b·1.08^5 = 1.4693 b. 云溪市: b = 50 + 30 = 80, v = 61 + 31.5 = 92.5,
    # value = √(92.5/80) − 1 = 7.5291 %, e = 80·1.1664 = 93.312, R = 12.5/13.312 = 0.9390
    ("popsci_visits_growth", "云溪市"): (
        "on_track",
        100 * ((92.5 / 80) ** 0.5 - 1),
        8,
        93.312,
        12.5 / 13.312,
    ),
    # 松岗市: b = 20 + 15 + 15 = 50, v = 22 + 26.5 + 18 = 66.5 < L = 73.47, value = √1.33 − 1
    # = 15.3256 %, e = 58.32, R = 16.5/8.32 = 1.9832
    ("popsci_visits_growth", "松岗市"): (
        "ahead",
        100 * ((66.5 / 50) ** 0.5 - 1),
        8,
        58.32,
        16.5 / 8.32,
    ),
    # the counties' average growth ≥ 10 % from their own base year 2026 (n = 1, L = b·1.1^4)
    # 云东县: b 55, v 61, value 6/55 = 10.9091 %, e = 60.5, R = 6/5.5 = 1.0909
    ("popsci_visits_county_growth", "云东县"): ("on_track", 600 / 55, 10, 60.5, 6 / 5.5),
    # 溪口区: b 32, v 31.5, value −1.5625 %, e = 35.2, R = −0.5/3.2 = −0.15625
    ("popsci_visits_county_growth", "溪口区"): ("behind", -1.5625, 10, 35.2, -0.15625),
    # 岗南县: b 21, v 22, value 4.7619 %, e = 23.1, R = 1/2.1 = 0.4762
    ("popsci_visits_county_growth", "岗南县"): ("behind", 100 / 21, 10, 23.1, 1 / 2.1),
    # 岗北县: b 18, v 26.5 ≥ L = 18·1.4641 = 26.3538 → achieved_early; value 8.5/18 = 47.2222 %,
    # e = 19.8 and R = 8.5/1.8 = 4.7222 still set
    ("popsci_visits_county_growth", "岗北县"): ("achieved_early", 850 / 18, 10, 19.8, 8.5 / 1.8),
    # 松林县: b 16, v 18, value 12.5 %, e = 17.6, R = 2/1.6 = 1.25
    ("popsci_visits_county_growth", "松林县"): ("ahead", 12.5, 10, 17.6, 1.25),
    # running sum of the cities' funding from 2026: S = (4.5 + 3) + (3 + 2.5) = 13; the
    # milestone of 2027 is the expected sum, e = 14; R = 13/14 = 0.9286 (without milestones
    # e = 40·2/5 = 16 and R = 0.8125, behind)
    ("popsci_funding_total", "江岭省"): ("on_track", 13, 40, 14, 13 / 14),
    # a ceiling over the period: S = 2 + 3 = 5 ≤ 10, e = 10·2/5 = 4, R = 1.25 ≥ 2 − 0.90
    # → behind (spending faster than the pro-rata share; a ceiling is never ahead)
    ("evaluation_events_cap", "江岭省"): ("behind", 5, 10, 4, 1.25),
    # party_standard from 2027: a city's value is true only when all its counties' are
    ("party_standard", "云溪市"): ("met", True, True, None, None),
    ("party_standard", "云东县"): ("met", True, True, None, None),
    ("party_standard", "溪口区"): ("met", True, True, None, None),
    ("party_standard", "松岗市"): ("not_met", False, True, None, None),  # 岗北县 false
    ("party_standard", "岗南县"): ("met", True, True, None, None),
    ("party_standard", "岗北县"): ("not_met", False, True, None, None),
    ("party_standard", "松林县"): ("met", True, True, None, None),
    # national_event (2026–2028): a city's value is true when any county's is
    ("national_event", "云溪市"): ("monitored", True, None, None, None),  # 云东县 true
    ("national_event", "松岗市"): ("monitored", False, None, None, None),
    # a quota-only target: only 溪口区 and 松林县 (by its code 880203); deadline 2027
    ("science_museum_2027", "溪口区"): ("met", True, True, None, None),
    ("science_museum_2027", "松林县"): ("not_met", False, True, None, None),
    # growth ≥ 4 % from 2027: 13300/12600 − 1 = 5.5556 %, 8700/8300 − 1 = 4.8193 %,
    # 6500/6200 − 1 = 4.8387 %, 5150/5100 − 1 = 0.9804 %, 4400/4100 − 1 = 7.3171 %
    ("member_growth", "云东县"): ("met", 700 / 126, 4, None, None),
    ("member_growth", "溪口区"): ("met", 400 / 83, 4, None, None),
    ("member_growth", "岗南县"): ("met", 300 / 62, 4, None, None),
    ("member_growth", "岗北县"): ("not_met", 50 / 51, 4, None, None),
    ("member_growth", "松林县"): ("met", 300 / 41, 4, None, None),
}

# 2026: t = 1/5 for the 2030 deadlines; no result for party_standard and member_growth (their
# years start in 2027) nor for popsci_visits_county_growth (its own base year is 2026).
EXPECTED_2026: dict[tuple[str, str], Row] = {
    # 江岭省: v = 36300/190, e = (35000 + 7000/5)/190 = 36400/190, R = 1300/1400 = 0.9286
    ("members_density_2030", "江岭省"): (
        "on_track",
        36300 / 190,
        42000 / 190,
        36400 / 190,
        13 / 14,
    ),
    # 云溪市: v = 20900/100 = 209, e = 208, R = 9/8 = 1.125
    ("members_density_2030", "云溪市"): ("ahead", 209, 240, 208, 1.125),
    # 松岗市: v = 15400/90, e = 15600/90, R = 400/600 = 0.6667
    ("members_density_2030", "松岗市"): ("behind", 15400 / 90, 200, 15600 / 90, 2 / 3),
    # 江岭省: 云溪市 (14.4·60 + 12.5·40)/100 = 13.64, 松岗市 (11.5·35 + 10.3·30 + 9.4·25)/90
    # = 946.5/90, v = (1364 + 946.5)/190 = 2310.5/190; between the base (+0) and the 2027
    # milestone (+1) e = b + 0.5 = 2325/190; R = 80.5/95 = 0.8474
    ("literacy_2030", "江岭省"): ("behind", 2310.5 / 190, 2800 / 190, 2325 / 190, 80.5 / 95),
    # 云溪市: c = 0.44/3, R = c/0.2 = 0.7333; 松岗市: c = (36.5/90)/4, R = 0.5069
    ("literacy_city_2030", "云溪市"): ("behind", 13.64, 16.2, 13.8, 0.44 / 0.6),
    ("literacy_city_2030", "松岗市"): ("behind", 946.5 / 90, 1270 / 90, 982 / 90, 36.5 / 72),
    # t = 1/3: 云溪市 v 76, e 78.33, R = 0.24·3 = 0.72; 松岗市 v 68, e 71.67, R = 8/35·3 = 0.6857
    ("township_coverage_2028", "云溪市"): ("behind", 76, 95, 70 + 25 / 3, 0.72),
    ("township_coverage_2028", "松岗市"): ("behind", 68, 95, 60 + 35 / 3, 24 / 35),
    # 云溪市 (88 + 84)/2 = 86; 松岗市 (86 + 80 + 83)/3 = 83; 江岭省 (86 + 83)/2 = 84.5
    ("member_satisfaction", "江岭省"): ("not_met", 84.5, 85, None, None),
    ("member_satisfaction", "云溪市"): ("met", 86, 85, None, None),
    ("member_satisfaction", "松岗市"): ("not_met", 83, 85, None, None),
    # 云溪市: v = max(9, 11.5) = 11.5, e = 12 − 2.4/5 = 11.52, R = 0.5/0.48 = 1.0417;
    # 松岗市: b 15, T 12, v = 14, e = 14.4, R = 1/0.6 = 1.6667
    ("response_days_2030", "云溪市"): ("on_track", 11.5, 9.6, 11.52, 0.5 / 0.48),
    ("response_days_2030", "松岗市"): ("ahead", 14, 12, 14.4, 1 / 0.6),
    # 江岭省: v 31, e = 23 + 37/5 = 30.4, R = 8/7.4 = 1.0811
    ("workstations_2030", "江岭省"): ("on_track", 31, 60, 30.4, 8 / 7.4),
    ("workstations_city_2030", "云溪市"): ("on_track", 18, 35, 18.2, 4 / 4.2),
    ("workstations_city_2030", "松岗市"): ("on_track", 13, 28, 12.8, 4 / 3.8),
    ("workstations_county_2030", "云东县"): ("behind", 10, 20, 10.4, 2 / 2.4),
    ("workstations_county_2030", "溪口区"): ("on_track", 8, 16, 8, 1),
    ("workstations_county_2030", "岗南县"): ("behind", 5, 10, 5.2, 1 / 1.2),
    ("workstations_county_2030", "岗北县"): ("ahead", 5, 9, 4.2, 2 / 1.2),
    ("workstations_county_2030", "松林县"): ("behind", 3, 10, 3.6, 0.625),
    # n = 1: 云溪市 87/80 − 1 = 8.75 %, e = 86.4, R = 7/6.4 = 1.0938; 松岗市 55/50 − 1 = 10 %,
    # e = 54, R = 5/4 = 1.25
    ("popsci_visits_growth", "云溪市"): ("on_track", 8.75, 8, 86.4, 7 / 6.4),
    ("popsci_visits_growth", "松岗市"): ("ahead", 10, 8, 54, 1.25),
    # S = 4.5 + 3 = 7.5; between 0 in 2025 (the year before the start) and 14 in 2027,
    # e = 7; R = 7.5/7 = 1.0714
    ("popsci_funding_total", "江岭省"): ("on_track", 7.5, 40, 7, 7.5 / 7),
    # S = 2, e = 10/5 = 2, R = 1 < 1.10 → on_track ("used 2 of the ceiling 10")
    ("evaluation_events_cap", "江岭省"): ("on_track", 2, 10, 2, 1),
    # any(F, F) = false; any(F, T, F) = true (岗北县)
    ("national_event", "云溪市"): ("monitored", False, None, None, None),
    ("national_event", "松岗市"): ("monitored", True, None, None, None),
    # a yes/no target not yet true before its deadline: no trajectory can exist
    ("science_museum_2027", "溪口区"): ("in_progress", False, True, None, None),
    ("science_museum_2027", "松林县"): ("in_progress", False, True, None, None),
}

# 2028: the year of township_coverage_2028's deadline, and a year after science_museum_2027's
# deadline (met/not_met against the threshold, as the deadline year: settled case). t = 3/5.
EXPECTED_2028: dict[tuple[str, str], Row] = {
    # 江岭省: members 39800 → v = 39800/190, e = (35000 + 4200)/190, R = 4800/4200 = 1.1429
    ("members_density_2030", "江岭省"): ("ahead", 39800 / 190, 42000 / 190, 39200 / 190, 8 / 7),
    ("members_density_2030", "云溪市"): ("ahead", 230, 240, 224, 1.25),
    # 松岗市: 16800/90, e = (15000 + 1800)/90, R = 1
    ("members_density_2030", "松岗市"): ("on_track", 16800 / 90, 200, 16800 / 90, 1),
    # 江岭省: 云溪市 (15.4·60 + 13.8·40)/100 = 14.76, 松岗市 (12.6·35 + 11·30 + 10·25)/90
    # = 1021/90, v = (1476 + 1021)/190 = 2497/190; milestone 2028: +1.6 → e = 2534/190;
    # R = 267/304 = 0.8783
    ("literacy_2030", "江岭省"): ("behind", 2497 / 190, 2800 / 190, 2534 / 190, 267 / 304),
    ("literacy_city_2030", "云溪市"): ("behind", 14.76, 16.2, 15, 1.56 / 1.8),
    ("literacy_city_2030", "松岗市"): ("behind", 1021 / 90, 1270 / 90, 1126 / 90, 111 / 216),
    # the deadline year: min(96, 95) = 95 ≥ 95 met; min(92, 80, 91) = 80 not met
    ("township_coverage_2028", "云溪市"): ("met", 95, 95, None, None),
    ("township_coverage_2028", "松岗市"): ("not_met", 80, 95, None, None),
    ("member_satisfaction", "江岭省"): ("met", (89 + 259 / 3) / 2, 85, None, None),
    ("member_satisfaction", "云溪市"): ("met", 89, 85, None, None),
    ("member_satisfaction", "松岗市"): ("met", 259 / 3, 85, None, None),
    # 9.5 ≤ 9.6 and 12 ≤ 12: reached before the deadline; e = 12 − 2.4·0.6 = 10.56,
    # R = 2.5/1.44; e = 15 − 3·0.6 = 13.2, R = 3/1.8
    ("response_days_2030", "云溪市"): ("achieved_early", 9.5, 9.6, 10.56, 2.5 / 1.44),
    ("response_days_2030", "松岗市"): ("achieved_early", 12, 12, 13.2, 3 / 1.8),
    ("workstations_2030", "江岭省"): ("ahead", 49, 60, 45.2, 26 / 22.2),
    ("workstations_city_2030", "云溪市"): ("on_track", 27, 35, 26.6, 13 / 12.6),
    ("workstations_city_2030", "松岗市"): ("ahead", 22, 28, 20.4, 13 / 11.4),
    ("workstations_county_2030", "云东县"): ("on_track", 15, 20, 15.2, 7 / 7.2),
    ("workstations_county_2030", "溪口区"): ("on_track", 12, 16, 12, 1),
    ("workstations_county_2030", "岗南县"): ("ahead", 8, 10, 7.6, 4 / 3.6),
    ("workstations_county_2030", "岗北县"): ("achieved_early", 9, 9, 6.6, 6 / 3.6),
    ("workstations_county_2030", "松林县"): ("behind", 5, 10, 6.8, 3 / 4.8),
    # n = 3: 云溪市 v = 105, e = 80·1.259712 = 100.77696, R = 25/20.77696 = 1.2033;
    # 松岗市 v = 66, e = 62.9856, R = 16/12.9856 = 1.2321
    ("popsci_visits_growth", "云溪市"): (
        "ahead",
        100 * ((105 / 80) ** (1 / 3) - 1),
        8,
        100.77696,
        25 / 20.77696,
    ),
    ("popsci_visits_growth", "松岗市"): (
        "ahead",
        100 * ((66 / 50) ** (1 / 3) - 1),
        8,
        62.9856,
        16 / 12.9856,
    ),
    # n = 2 from 2026, e = b·1.21: 云东县 e 66.55, R = 12/11.55; 溪口区 e 38.72, R = 6/6.72;
    # 岗南县 e 25.41, R = 5/4.41; 岗北县 e 21.78, R = 3/3.78; 松林县 e 19.36, R = 3/3.36
    ("popsci_visits_county_growth", "云东县"): (
        "on_track",
        100 * ((67 / 55) ** 0.5 - 1),
        10,
        66.55,
        12 / 11.55,
    ),
    ("popsci_visits_county_growth", "溪口区"): (
        "behind",
        100 * ((38 / 32) ** 0.5 - 1),
        10,
        38.72,
        6 / 6.72,
    ),
    ("popsci_visits_county_growth", "岗南县"): (
        "ahead",
        100 * ((26 / 21) ** 0.5 - 1),
        10,
        25.41,
        5 / 4.41,
    ),
    ("popsci_visits_county_growth", "岗北县"): (
        "behind",
        100 * ((21 / 18) ** 0.5 - 1),
        10,
        21.78,
        3 / 3.78,
    ),
    ("popsci_visits_county_growth", "松林县"): (
        "behind",
        100 * ((19 / 16) ** 0.5 - 1),
        10,
        19.36,
        3 / 3.36,
    ),
    # S = 13 + 3.5 + 2.5 = 19; between the milestones 14 (2027) and 30 (2029) e = 22;
    # R = 19/22 = 0.8636
    ("popsci_funding_total", "江岭省"): ("behind", 19, 40, 22, 19 / 22),
    # S = 2 + 3 + 6 = 11 > 10: past the ceiling → not_met in any year; e = 6, R = 11/6 still set
    ("evaluation_events_cap", "江岭省"): ("not_met", 11, 10, 6, 11 / 6),
    **{
        ("party_standard", unit): ("met", True, True, None, None)
        for unit in ("云溪市", "云东县", "溪口区", "松岗市", "岗南县", "岗北县", "松林县")
    },
    ("national_event", "云溪市"): ("monitored", False, None, None, None),
    ("national_event", "松岗市"): ("monitored", True, None, None, None),  # 岗南县
    ("science_museum_2027", "溪口区"): ("met", True, True, None, None),
    ("science_museum_2027", "松林县"): ("not_met", False, True, None, None),
    # 13900/13300, 9100/8700, 6800/6500, 5400/5150, 4600/4400
    ("member_growth", "云东县"): ("met", 600 / 133, 4, None, None),
    ("member_growth", "溪口区"): ("met", 400 / 87, 4, None, None),
    ("member_growth", "岗南县"): ("met", 300 / 65, 4, None, None),
    ("member_growth", "岗北县"): ("met", 250 / 51.5, 4, None, None),
    ("member_growth", "松林县"): ("met", 200 / 44, 4, None, None),
}

EXPECTED = {2026: EXPECTED_2026, 2027: EXPECTED_2027, 2028: EXPECTED_2028}


def near(shown: Any, expected: Any) -> bool:
    """JSON rounds numbers to 6 decimals; the figures above are exact (written as fractions)."""
    if expected is None or isinstance(expected, bool) or shown is None:
        return bool(shown == expected)
    if isinstance(shown, bool):
        return False
    return bool(abs(shown - expected) <= 1e-6)


def test_the_example_is_valid(runner: CliRunner) -> None:
    result = kxplan(runner, "validate")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_every_result_as_computed_by_hand(runner: CliRunner, year: int) -> None:
    code, document = check(runner, year)
    rows = by_key(document)
    assert set(rows) == set(EXPECTED[year])
    wrong = []
    for key, (status, value, threshold, expected, ratio) in EXPECTED[year].items():
        row = rows[key]
        shown = (
            row["status"],
            row["value"],
            row["threshold"],
            row["expected"],
            row["progress_ratio"],
        )
        if row["status"] != status or not all(
            near(a, b) for a, b in zip(shown[1:], (value, threshold, expected, ratio), strict=True)
        ):
            wrong.append(f"{key}: {shown} ≠ {(status, value, threshold, expected, ratio)}")
    assert not wrong, "\n".join(wrong)
    assert document["problems"] == [] and document["missing_files"] == []
    # the default --fail-on is not_met,behind,missing: every year has some
    assert code == 1


def test_2027_shows_every_status_but_in_progress(runner: CliRunner) -> None:
    _, document = check(runner, 2027)
    assert document["summary"] == {
        "met": 13,
        "not_met": 4,
        "achieved_early": 2,
        "ahead": 7,
        "on_track": 10,
        "behind": 7,
        "in_progress": 0,
        "monitored": 2,
        "missing": 1,
    }


def test_relative_results_name_their_form(runner: CliRunner) -> None:
    _, document = check(runner, 2027)
    rows = by_key(document)
    assert rows[("members_density_2030", "云溪市")]["relative"] == "percent"
    assert rows[("literacy_2030", "江岭省")]["relative"] == "points"
    assert rows[("response_days_2030", "松岗市")]["relative"] == "percent"
    assert rows[("workstations_2030", "江岭省")]["relative"] is None


def test_targets_say_each_construct(runner: CliRunner) -> None:
    result = kxplan(runner, "targets", "--format", "json")
    assert result.exit_code == 0, result.output
    targets = {target["target"]: target for target in json.loads(result.output)["targets"]}
    assert len(targets) == 17
    county = targets["workstations_county_2030"]
    assert county["rule"] == "≥ 10家（2030年）"
    assert county["quotas"] == {"云东县": 20, "溪口区": 16, "岗北县": 9}
    assert county["notes"] == [
        "云东县 ≥ 20家（分解）",
        "溪口区 ≥ 16家（分解）",
        "岗北县 ≥ 9家（分解）",
    ]
    # a quota-only target; 松林县 is given by its code, 880203
    assert targets["science_museum_2027"]["threshold"] is None
    assert targets["science_museum_2027"]["quotas"] == {"溪口区": True, "松林县": True}
    # its rule says the quotas, not a threshold it does not have (`== —`)
    assert targets["science_museum_2027"]["rule"] == "= 分解（见下）（2027年）"
    literacy = targets["literacy_2030"]
    assert (literacy["relative"], literacy["threshold"]) == ("points", 3)
    assert literacy["rule"] == "≥ 基期+3个百分点（2030年）"
    assert literacy["milestones"] == {"2027": 1, "2028": 1.6}
    assert targets["literacy_city_2030"]["notes"] == ["松岗市 ≥ 基期+4个百分点（分解）"]
    assert targets["response_days_2030"]["relative"] == "percent"
    assert targets["response_days_2030"]["threshold"] == -20
    assert targets["popsci_visits_growth"]["rule"] == "年均增长 ≥ 8%（2030年）"
    growth = targets["popsci_visits_county_growth"]
    assert (growth["base_year"], growth["years"]) == (2026, [2027, 2030])
    assert targets["popsci_funding_total"]["milestones"] == {"2027": 14, "2029": 30}
    assert targets["township_coverage_2028"]["bands"] == [1.15, 0.85]
    assert targets["party_standard"]["years"] == [2027, 2030]
    assert targets["national_event"]["years"] == [2026, 2028]
    assert targets["members_density_2030"]["formula"] == "members / population"


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_explain_gives_each_status(runner: CliRunner, year: int) -> None:
    wrong = []
    for (target, unit), (status, *_) in EXPECTED[year].items():
        result = kxplan(runner, "explain", target, str(year), "--county", unit, "--format", "json")
        if json.loads(result.output)["status"] != status:
            wrong.append(f"{target} @ {unit}: {json.loads(result.output)['status']} ≠ {status}")
    assert not wrong, "\n".join(wrong)


# (target, unit, year) → steps of the arithmetic that explain must show, as computed above
STEPS: dict[tuple[str, str, int], list[str]] = {
    # the milestone of 2027 in points above the base: e = b + 1
    ("literacy_2030", "江岭省", 2027): [
        "目标值 T = b + 3 = 11.74 + 3 = 14.7368",
        "= 12.7368",
        "= 0.9579",
    ],
    # between the milestones 14 (2027) and 30 (2029)
    ("popsci_funding_total", "江岭省", 2028): [
        "S = 7.5 + 5.5 + 6 = 19",
        "= 22",
        "R = S / e = 19 / 22",
    ],
    ("popsci_visits_growth", "云溪市", 2027): ["7.53%", "80 × 1.08^2 = 93.312", "= 0.939"],
    ("response_days_2030", "云溪市", 2027): ["max(8, 10.5) = 10.5", "= 11.04", "= 1.5625"],
    ("members_density_2030", "江岭省", 2027): ["38050 / 190 = 200.2632", "35000 / 190 = 184.2105"],
    ("township_coverage_2028", "云溪市", 2027): ["min(92, 89) = 89", "1.14"],
}


@pytest.mark.parametrize("case", sorted(STEPS), ids=lambda case: f"{case[0]}-{case[2]}")
def test_explain_shows_the_arithmetic(runner: CliRunner, case: tuple[str, str, int]) -> None:
    target, unit, year = case
    result = kxplan(runner, "explain", target, str(year), "--county", unit, "--format", "json")
    steps = "\n".join(json.loads(result.output)["steps"])
    missing = [step for step in STEPS[case] if step not in steps]
    assert not missing, f"{missing} not in:\n{steps}"


def test_a_missing_child_is_named(runner: CliRunner) -> None:
    result = kxplan(runner, "explain", "response_days_2030", "2027", "--county", "松岗市")
    assert "缺数据" in result.output
    assert "松林县 2027 年未填报 response_days" in result.output


def test_a_quota_only_rule_says_the_quotas_in_english(runner: CliRunner) -> None:
    result = kxplan(runner, "targets", "--format", "json", "--lang", "en")
    targets = {target["target"]: target for target in json.loads(result.output)["targets"]}
    assert targets["science_museum_2027"]["rule"] == "= by quota (below) by 2027"


def test_a_relative_threshold_follows_its_base(runner: CliRunner) -> None:
    """T is resolved once b is given, with b named, and said once; −20 % as `1 − 20 / 100`."""
    result = kxplan(
        runner, "explain", "response_days_2030", "2027", "--county", "云溪市", "--format", "json"
    )
    steps = json.loads(result.output)["steps"]
    assert steps[:5] == [
        "2027 年值为下级单位的最大值：max(8, 10.5) = 10.5",
        "本年值 v = 10.5",
        "2025 年值为下级单位的最大值：max(10, 12) = 12",
        "基期值 b = 12（2025 年）；目标值 T = b × (1 − 20 / 100) = 12 × (1 − 20 / 100) = 9.6",
        "时间进度 t = (y − y0) / (yT − y0) = (2027 − 2025) / (2030 − 2025) = 2/5 = 0.4",
    ]
    assert not [step for step in steps if step.startswith("目标值 T")]


def test_a_relative_quota_follows_its_base_in_english(runner: CliRunner) -> None:
    result = kxplan(
        runner,
        "explain",
        "literacy_city_2030",
        "2027",
        "--county",
        "松岗市",
        "--format",
        "json",
        "--lang",
        "en",
    )
    steps = json.loads(result.output)["steps"]
    assert steps[3] == (
        "base value b = 10.11 (2025); this unit's quota: threshold T = b + 4 = 10.11 + 4 = 14.1111"
    )
    assert not [step for step in steps if step.startswith("threshold T")]


def test_a_missing_child_of_a_max_is_not_a_sum(runner: CliRunner) -> None:
    result = kxplan(runner, "explain", "response_days_2030", "2027", "--county", "松岗市")
    said = "  2. 2027 年值为下级单位的最大值：3 个单位中 2 个有数，松林县缺数据，无法计算"
    assert said in result.output
    english = kxplan(
        runner, "explain", "response_days_2030", "2027", "--county", "松岗市", "--lang", "en"
    )
    assert (
        "  2. 2027 value is the greatest of the lower units: 2 of 3 have a value; Songlin County"
        " has none,"
        " so it cannot be formed" in english.output.replace("\n     ", "")
    )


def test_at_a_milestone_the_expected_value_is_the_milestone(runner: CliRunner) -> None:
    args = ["explain", "literacy_2030", "2027", "--format", "json"]
    steps = json.loads(kxplan(runner, *args).output)["steps"]
    assert "序时目标为 2027 年的年度目标：e = 12.7368" in steps
    assert not [step for step in steps if "(2027 − 2025)/(2027 − 2025)" in step.replace(" /", "/")]
    english = json.loads(kxplan(runner, *args, "--lang", "en").output)["steps"]
    assert "expected, the milestone of 2027: e = 12.7368" in english
