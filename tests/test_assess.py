"""`kxplan assess` (SPEC §8): scores, ranks, grades and last year's rank, by hand; scaling
when a weighted target does not apply; missing and invalid data; the formats; exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assessplan import assess_plan, assess_project
from conftest import load, plan_dict, run, write_yaml
from kinds import LECTURES
from kxplan.engine import assessment as engine
from kxplan.engine.assessment import assess
from kxplan.model import scope as applicability
from kxplan.model.plan import Plan, Target, Unit
from kxplan.model.rounding import half_up


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    found = assess_project(project)
    monkeypatch.chdir(found)
    return found


def standings(folder: Path, year: int) -> dict[str, tuple[Any, ...]]:
    plan, data = load(folder)
    ranking = assess(plan, data, year)
    return {
        s.unit.name: (
            s.score,
            s.rank,
            g.name if (g := s.grade(ranking.section)) else None,
            s.previous_rank,
        )
        for s in ranking.scores
    }


def test_scores_ranks_and_grades_by_hand(folder: Path) -> None:
    assert standings(folder, 2021) == {
        "乙区": (Fraction("80.5"), 1, "良好", None),
        "丁县": (Fraction("80.5"), 1, "良好", None),
        "丙县": (Fraction(60), 3, "合格", None),
        "戊区": (Fraction(0), 4, "不合格", None),
    }
    assert standings(folder, 2022) == {
        "丙县": (Fraction(93), 1, "优秀", 3),
        "乙区": (Fraction(79), 2, "合格", 1),
        "戊区": (Fraction("66.5"), 3, "合格", 4),
        "丁县": (Fraction(0), 4, "不合格", 1),
    }


def test_ranking_is_best_first_ties_in_plan_order(folder: Path) -> None:
    plan, data = load(folder)
    assert [s.unit.name for s in assess(plan, data, 2021).scores] == [
        "乙区",
        "丁县",
        "丙县",
        "戊区",
    ]


def test_a_target_that_does_not_apply_scales_the_rest(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = applicability.applies

    def narrowed(plan: Plan, target: Target, unit: Unit, year: int) -> bool:
        if (target.id, unit.name, year) == ("stock_2025", "乙区", 2021):
            return False
        return real(plan, target, unit, year)

    monkeypatch.setattr(engine, "applies", narrowed)
    plan, data = load(folder)
    score = assess(plan, data, 2021).of(plan.unit("乙区"))  # type: ignore[arg-type]
    # (40 + 12.5) × 100 / (40 + 25) = 80.769… → 80.77; 丁县's 80.5 now ranks second
    assert score.applicable == 65 and score.earned == Fraction("52.5")
    assert score.exact == Fraction(5250, 65)
    assert score.score == Fraction("80.77") and score.rank == 1
    assert [item.result is None for item in score.items] == [False, False, True]


def test_rounding_is_half_up_and_exact() -> None:
    assert half_up(Fraction("2.345")) == Fraction("2.35")
    assert half_up(Fraction("2.3449999")) == Fraction("2.34")
    assert half_up(Fraction(5250, 65)) == Fraction("80.77")
    assert half_up(Fraction("-2.345")) == Fraction("-2.35")


def test_scores_equal_after_rounding_share_a_rank(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # weights 33.333 and 66.667 (full 100.000): 乙区 meets only lectures at 1 → 33.333 → 33.33;
    # (its stock, behind, earns 0); 丙县 is on track for the stock at 0.5 of 66.667 = 33.3335 →
    # 33.33 as well
    scores = {**assess_plan()["assessment"]["scores"], "on_track": 0.5, "behind": 0}
    folder = project(
        assess_plan(weights={"lectures": 33.333, "stock_2025": 66.667}, scores=scores),
        {
            (2020, "乙区"): {"count_stock": 0},
            (2020, "丙县"): {"count_stock": 0},
            (2021, "乙区"): {"count_flow": 3, "count_stock": 0},
            (2021, "丙县"): {"count_flow": 0, "count_stock": 2},
        },
    )
    plan, data = load(folder)
    got = {s.unit.name: (s.exact, s.score, s.rank) for s in assess(plan, data, 2021).scores}
    assert got["乙区"] == (Fraction("33.333"), Fraction("33.33"), 1)
    assert got["丙县"] == (Fraction("33.3335"), Fraction("33.33"), 1)


def test_table_ranks_and_changes(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2022")
    assert result.exit_code == 3, result.output  # 丁县's file is invalid
    lines = result.stdout.splitlines()
    row = next(line for line in lines if " 丙县 " in line and "93.00" in line)
    assert row.split()[:6] == ["1", "丙县", "93.00", "优秀", "3", "↑2"]
    row = next(line for line in lines if " 丁县 " in line and "0.00" in line)
    assert row.split()[:6] == ["4", "丁县", "0.00", "不合格", "1", "↓3"]
    assert "数据文件有误（按缺数据处理）：data/2022/丁县.yaml" in result.stdout
    assert "需要关注" in result.stdout
    assert "乙区  ▼ 相对滞后  stock_2025" not in result.stdout  # named by the target's name
    assert "丁县  ? 缺数据  全部 3 项目标 失 100 分" in result.stdout
    assert "乙区  ◔ 推进中" not in result.stdout  # done in 2022
    assert "data/2022/丁县.yaml:" in result.stdout  # the problem, at its line


def test_first_year_has_no_previous_rank(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2021", "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["previous_year"] is None
    assert [u["previous_rank"] for u in body["units"]] == [None] * 4
    assert [u["rank"] for u in body["units"]] == [1, 1, 3, 4]
    assert "戊区 2021 年" in " ".join(i["message"] or "" for i in body["units"][3]["items"])


def test_json_shape(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2022", "--format", "json")
    assert result.exit_code == 3
    body = json.loads(result.stdout)
    assert body["plan"] == {"id": "test", "name": "测试规划", "period": [2021, 2025]}
    assert body["year"] == 2022
    assert body["assessment"]["name"] == "县区年度考核"
    assert body["assessment"]["level"] == "county"
    assert body["assessment"]["full_score"] == 100
    first = body["units"][0]
    assert {
        k: first[k] for k in ("unit", "unit_code", "rank", "score", "grade", "previous_rank")
    } == {
        "unit": "丙县",
        "unit_code": "100002",
        "rank": 1,
        "score": 93,
        "grade": "优秀",
        "previous_rank": 3,
    }
    assert first["grade_en"] == "excellent" and first["rank_change"] == 2
    assert [
        {k: item[k] for k in ("target", "status", "weight", "points")} for item in first["items"]
    ] == [
        {"target": "lectures", "status": "met", "weight": 40, "points": 40},
        {"target": "done_2025", "status": "achieved_early", "weight": 25, "points": 25},
        {"target": "stock_2025", "status": "on_track", "weight": 35, "points": 28},
    ]
    assert body["units"][2]["score"] == 66.5
    assert [p["file"] for p in body["problems"]] == ["data/2022/丁县.yaml"]
    assert body["invalid_files"] == ["data/2022/丁县.yaml"]


def test_markdown(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2022", "--format", "markdown", "--lang", "en")
    assert "| 1 | Bing | 93.00 | excellent | 3 | ↑2 | ✔40 | ★25 | ●28 |" in result.stdout
    assert "### Needs attention" in result.stdout


def test_county_score_sheet(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2022", "--county", "乙区")
    assert result.exit_code == 3
    assert "乙区 得分表" in result.stdout
    assert "各项得分合计：40 + 25 + 14 = 79" in result.stdout
    assert "得分 79.00，等次 合格，第 2 名（共 4 个单位）；2021年第 1 名（↓1）" in result.stdout
    assert "丙县" not in result.stdout.split("得分表")[1]
    body = json.loads(run(runner, "assess", "2022", "--county", "乙区", "-f", "json").stdout)
    assert [u["unit"] for u in body["units"]] == ["乙区"]


def test_county_of_another_level_is_a_usage_error(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2022", "--county", "甲市")
    assert result.exit_code == 2
    assert "甲市 不参加考核" in result.stderr


def test_output_files(runner: CliRunner, folder: Path) -> None:
    for name in ("./out.json", "./out.md"):
        result = run(runner, "assess", "2021", "-o", name)
        assert result.exit_code == 0, result.output
        assert Path(name).exists()
    assert json.loads(Path("out.json").read_text("utf-8"))["units"][0]["score"] == 80.5


def test_default_year_is_the_latest_with_data(runner: CliRunner, folder: Path) -> None:
    assert "2022年县区年度考核" in run(runner, "assess").stdout


def test_plan_without_assessment_says_how_to_add_one(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(plan_dict(LECTURES), {(2021, "乙区"): {"count_flow": 1}}))
    result = run(runner, "assess", "2021")
    assert result.exit_code == 2
    assert "assessment" in result.stderr and "weights: {lectures: 100}" in result.stderr
    english = run(runner, "assess", "2021", "--lang", "en")
    assert "has no assessment section" in english.stderr and english.exit_code == 2


def test_the_example_in_the_message_is_a_valid_section(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    folder = project(plan_dict(LECTURES), {(2021, "乙区"): {"count_flow": 1}})
    monkeypatch.chdir(folder)
    said = run(runner, "assess", "2021").stderr
    example = said[said.index("assessment:") : said.index("\n各字段")]
    plan = {**plan_dict(LECTURES), **yaml.safe_load(example)}
    write_yaml(folder / "targets.yaml", plan)
    assert run(runner, "assess", "2021").exit_code == 0


def test_bundled_sample_assesses_every_county(runner: CliRunner) -> None:
    from conftest import ROOT

    result = run(
        runner,
        "assess",
        "2024",
        "--plan",
        str(ROOT / "targets.yaml"),
        "--data-dir",
        str(ROOT / "data"),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert len(body["units"]) == 7 and body["assessment"]["full_score"] == 100


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("county", [None, "苍溪县"])
def test_table_fits_80_columns(lang: str, county: str | None) -> None:
    """The bundled plan weights nine targets: their points leave the table for a line per
    unit, and the score sheet's names and rules wrap; no line is wider than the terminal."""
    import io

    from rich.cells import cell_len

    from conftest import ROOT
    from kxplan.render import View
    from kxplan.render.assessment import Assessed
    from kxplan.render.assessment.table import render

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    plan, data = load(ROOT)
    ranking = assess(plan, data, 2024)
    out = Terminal()
    unit = plan.unit(county) if county else None
    render(Assessed(ranking, unit), View(lang=lang, fail_on=frozenset(), width=80), out)
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    if county is None:
        assert any(line.strip().startswith(("1 ", "1  ")) for line in lines)
        assert sum("①" in line for line in lines) >= 7  # a line of points per unit


def test_a_target_outside_its_years_scales_the_rest(
    project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan language's `years`: lectures counts from 2022 only. In 2021 each unit's other
    points are scaled to the full score: × 100 / (25 + 35)."""
    from assessplan import ASSESSMENT, DONE, STOCK, UNITS, VALUES, WATCH

    lectures = {**LECTURES, "years": [2022, 2025]}
    plan = plan_dict(lectures, DONE, STOCK, WATCH, units=UNITS, assessment=ASSESSMENT)
    folder = project(plan, VALUES)
    plan_, data = load(folder)
    ranking = assess(plan_, data, 2021)
    got = {s.unit.name: (s.exact, s.score, s.rank) for s in ranking.scores}
    # 乙区 12.5 + 28 = 40.5 → 67.5; 丙县 25 + 35 = 60 → 100; 丁县 as 乙区; 戊区 0
    assert got == {
        "丙县": (Fraction(100), Fraction(100), 1),
        "乙区": (Fraction("67.5"), Fraction("67.5"), 2),
        "丁县": (Fraction("67.5"), Fraction("67.5"), 2),
        "戊区": (Fraction(0), Fraction(0), 4),
    }
    assert [item.result is None for item in ranking.scores[0].items] == [True, False, False]
    monkeypatch.chdir(folder)
    from typer.testing import CliRunner

    out = run(CliRunner(), "assess", "2021", "--county", "乙区").stdout
    assert "折算（本年不适用：lectures）：40.5 × 100 ÷ 60 = 67.5" in out
    assert "本年不适用" in out
