"""`kxplan explain`: the plan's words, every input with its place, each step of the arithmetic."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kinds
from conftest import BASE_PLAN, NEW_SITES, ROOT, load, plan_dict, run, write_yaml
from kinds import GROWTH, MONEY
from kxplan.engine.audit import audit
from kxplan.engine.evaluation import evaluate_year
from kxplan.engine.rules import evaluate
from kxplan.engine.trail import (
    Band,
    Base,
    Completion,
    Expected,
    Goal,
    Ratio,
    ThisYear,
    ThresholdTest,
    TimeShare,
    Verdict,
)
from kxplan.model.comparisons import Op
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan
from kxplan.model.status import Status
from kxplan.render.trail import ratio_text, steps_in_words

RATE = {**kinds.RATE, "clause": "二（三）2", "quote": "到2025年，比例力争达13%。"}


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(
        plan_dict(RATE, MONEY, GROWTH),
        {
            (2021, "甲市"): {"money": 8.3},
            (2022, "甲市"): {"money": 10.9},
            (2023, "乙区"): {"count_stock": 200},
            (2023, "丙县"): {"count_stock": 100},
            (2024, "甲市"): {"money": 14.2},
            (2024, "乙区"): {"count_stock": 270},
            (2024, "丙县"): {"count_stock": 120},
        },
    )
    write_yaml(
        folder / "data" / "2020" / "甲市.yaml",
        {
            "unit": "甲市",
            "year": 2020,
            "values": {"rate": {"value": 8.6, "source": "抽样调查", "note": "=基期值，见规划"}},
        },
    )
    write_yaml(
        folder / "data" / "2023" / "甲市.yaml",
        {"unit": "甲市", "year": 2023, "values": {"money": 12.6}},
    )
    write_yaml(
        folder / "data" / "2024" / "甲市.yaml",
        {
            "unit": "甲市",
            "year": 2024,
            "values": {"rate": {"value": 11.9, "note": "-较上年口径调整"}, "money": 14.2},
        },
    )
    monkeypatch.chdir(folder)
    return folder


def test_deadline_trail(runner: CliRunner, small: Path) -> None:
    result = run(runner, "explain", "rate_2025", "--year", "2024")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "目标  rate_2025  比例",
        "单位  甲市（100000）",
        "年度  2024",
        "状态  ● 基本符合预期",
    ]
    assert "规划原文（二（三）2）\n  “到2025年，比例力争达13%。”" in result.output
    assert "规则  ≥ 13%（2025年）" in result.output
    inputs = result.output.split("输入数据\n")[1].split("\n\n")[0].splitlines()
    assert inputs == [
        "  2020  甲市  8.6%  data/2020/甲市.yaml:5",
        "        来源：抽样调查",
        "        说明：=基期值，见规划",
        "  2024  甲市  11.9%  data/2024/甲市.yaml:5",
        "        说明：-较上年口径调整",
    ]
    steps = result.output.split("计算过程\n")[1].splitlines()
    assert steps == [
        "  1. 本年值 v = 11.9",
        "  2. 基期值 b = 8.6（2020 年）",
        "  3. 目标值 T = 13",
        "  4. 时间进度 t = (y − y0) / (yT − y0) = (2024 − 2020) / (2025 − 2020) = 4/5 = 0.8",
        "  5. 序时目标 e = b + (T − b) × t = 8.6 + (13 − 8.6) × 0.8 = 12.12",
        "  6. 完成度 c = (v − b) / (T − b) = (11.9 − 8.6) / (13 − 8.6) = 0.75",
        "  7. 进度比 R = c / t = 0.75 / 0.8 = 0.9375",
        "  8. 判定：11.9 ≥ 13：不成立；0.9 ≤ R = 0.9375 < 1.1 → 基本符合预期",
    ]


def test_the_trail_is_numbers_and_names_not_words(small: Path) -> None:
    """The engine's trail holds each step's quantities as exact fractions, the comparison and
    the band edges; only the renderer says them, in either language."""
    plan, data = load(small)
    target = next(t for t in plan.targets if t.id == "rate_2025")
    trail = audit(plan, data, evaluate(plan, data, target, plan.root, 2024))
    b, goal, t = Fraction("8.6"), Fraction(13), Fraction(4, 5)
    v, e, c, r = Fraction("11.9"), Fraction("12.12"), Fraction(3, 4), Fraction(15, 16)
    test = ThresholdTest(v, Op.GE, goal, holds=False)
    assert trail.steps == [
        ThisYear(v),
        Base(b, 2020),
        Goal(goal),
        TimeShare(2024, 2020, 2025, t),
        Expected(b, goal, t, e),
        Completion(v, b, goal, c),
        Ratio(c, t, r),
        Verdict(Status.ON_TRACK, test, Band(r, False, Fraction("1.1"), Fraction("0.9"))),
    ]
    assert [(i.year, i.observation.file, i.observation.line) for i in trail.inputs] == [
        (2020, "data/2020/甲市.yaml", 5),
        (2024, "data/2024/甲市.yaml", 5),
    ]
    assert steps_in_words(trail, "en")[3] == (
        "time share t = (y − y0) / (yT − y0) = (2024 − 2020) / (2025 − 2020) = 4/5 = 0.8"
    )


def test_cumulative_trail(runner: CliRunner, small: Path) -> None:
    output = run(runner, "explain", "money_total", "--year", "2024").output
    steps = output.split("计算过程\n")[1].splitlines()
    assert steps == [
        "  1. 累计值 S = 8.3 + 10.9 + 12.6 + 14.2 = 46（2021—2024 年）",
        "  2. 目标值 T = 50",
        "  3. 时间进度 t = (y − ys + 1) / (yT − ys + 1) = (2024 − 2021 + 1) / (2025 − 2021 + 1)"
        " = 4/5 = 0.8",
        "  4. 序时目标 e = T × t = 50 × 0.8 = 40",
        "  5. 完成度 c = S / T = 46 / 50 = 0.92",
        "  6. 进度比 R = S / e = 46 / 40 = 1.15",
        "  7. 判定：46 > 50：不成立；R = 1.15 ≥ 1.1 → 快于预期",
    ]
    assert output.count("data/202") == 4


def test_growth_trail(runner: CliRunner, small: Path) -> None:
    output = run(runner, "explain", "stock_growth", "--county", "乙区", "--year", "2024").output
    steps = output.split("计算过程\n")[1].splitlines()
    assert steps == [
        "  1. 上年值 p = 200，本年值 v = 270",
        "  2. 增长率 g = (v / p − 1) × 100 = (270 / 200 − 1) × 100 = 35%",
        "  3. 判定：35% ≥ 30：成立 → 达标",
    ]


def test_sum_shows_each_lower_units_value(
    project: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = {
        "id": "stock_2025",
        "indicator": "count_stock",
        "level": "city",
        "kind": "deadline",
        "op": ">=",
        "threshold": 100,
        "deadline": 2025,
    }
    monkeypatch.chdir(
        project(
            plan_dict(target),
            {
                (2020, "乙区"): {"count_stock": 10},
                (2020, "丙县"): {"count_stock": 20},
                (2022, "乙区"): {"count_stock": 30},
                (2022, "丙县"): {"count_stock": 26},
            },
        )
    )
    output = run(runner, "explain", "stock_2025", "--year", "2022").output
    assert "  2020  乙区  10个  data/2020/乙区.yaml:4" in output
    assert "  2022  丙县  26个  data/2022/丙县.yaml:4" in output
    assert "2022 年值为下级单位合计：30 + 26 = 56" in output
    assert "2020 年值为下级单位合计：10 + 20 = 30" in output
    # b = 30, T = 100, t = 2/5: e = 58, c = 26/70, R = 65/70 ≈ 0.9286 → on track
    assert "判定：56 ≥ 100：不成立；0.9 ≤ R = 0.9286 < 1.1 → 基本符合预期" in output


def test_sum_with_a_missing_part_lists_the_parts_and_names_the_gap(
    project: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The city's value is the counties' sum and 丙县 has no 2022 file: the trail shows 乙区's
    input with its place, names 丙县 in words and says why there is no sum."""
    target = {
        "id": "stock_2025",
        "indicator": "count_stock",
        "level": "city",
        "kind": "deadline",
        "op": ">=",
        "threshold": 100,
        "deadline": 2025,
    }
    values = {(2020, "乙区"): {"count_stock": 10}, (2022, "乙区"): {"count_stock": 30}}
    monkeypatch.chdir(project(plan_dict(target), values))
    output = run(runner, "explain", "stock_2025", "--year", "2022").output
    assert "状态  ? 缺数据" in output
    inputs = output.split("输入数据\n")[1].split("\n\n")[0].splitlines()
    assert inputs == [
        "  2022  乙区  30个  data/2022/乙区.yaml:4",
        "缺少的数据",
        "  2022  丙县  未报送数据文件",
    ]
    steps = output.split("计算过程\n")[1].splitlines()
    assert steps == [
        "  1. 2022 年值为下级单位合计：2 个单位中 1 个有数，丙县缺数据，无法合计",
        "  2. 判定：缺少丙县 2022 年数据文件 → 缺数据",
    ]
    assert "no-file" not in output and "（无）" not in output

    english = run(runner, "explain", "stock_2025", "--year", "2022", "--lang", "en").output
    assert "  2022  Bing  no data file" in english
    assert "1 of 2 have a value; Bing has none, so there is no sum" in english
    assert "no-file" not in english

    document = json.loads(
        run(runner, "explain", "stock_2025", "--year", "2022", "-f", "json").output
    )
    assert [(i["unit"], i["value"], i["line"]) for i in document["inputs"]] == [("乙区", 30, 4)]
    assert document["missing"] == [
        {"year": 2022, "unit": "丙县", "gap": "no-file", "file": None, "message": "未报送数据文件"}
    ]


def test_sample_sum_with_a_county_missing(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample lacks 青川县's 2024 file: the six other counties' inputs are listed."""
    monkeypatch.chdir(ROOT)
    output = run(runner, "explain", "tfkjy_workers_2025", "--year", "2024").output
    assert output.count("  2024  ") == 7  # six inputs and the gap
    assert "  2024  利州区  30184人  data/2024/利州区.yaml:6" in output
    assert "  2024  青川县  未报送数据文件" in output
    assert "7 个单位中 6 个有数，青川县缺数据，无法合计" in output


def test_missing_value_names_the_gap(runner: CliRunner, small: Path) -> None:
    output = run(runner, "explain", "stock_growth", "--county", "丙县", "--year", "2022").output
    assert "状态  ? 缺数据" in output
    assert "缺少的数据\n  2021  丙县  未报送数据文件\n  2022  丙县  未报送数据文件" in output
    assert "no-file" not in output
    assert "判定：缺少丙县 2022 年数据文件 → 缺数据" in output


def test_json(runner: CliRunner, small: Path) -> None:
    document = json.loads(
        run(runner, "explain", "rate_2025", "--year", "2024", "-f", "json").output
    )
    assert document["status"] == "on_track" and document["quote"] == "到2025年，比例力争达13%。"
    assert document["inputs"][0] == {
        "year": 2020,
        "unit": "甲市",
        "indicator": "rate",  # issue 12: an input may be another indicator's (a formula's)
        "value": 8.6,
        "file": "data/2020/甲市.yaml",
        "line": 5,
        "source": "抽样调查",
        "note": "=基期值，见规划",
    }
    assert document["steps"][-1] == "判定：11.9 ≥ 13：不成立；0.9 ≤ R = 0.9375 < 1.1 → 基本符合预期"


def test_english(runner: CliRunner, small: Path) -> None:
    output = run(runner, "explain", "rate_2025", "--year", "2024", "--lang", "en").output
    assert "Status  ● on track" in output
    assert "progress ratio R = c / t = 0.75 / 0.8 = 0.9375" in output
    assert "verdict: 11.9 ≥ 13 is false; 0.9 ≤ R = 0.9375 < 1.1 → on track" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["explain", "rate2025"], "规划中没有目标 “rate2025”，是否为 “rate_2025”？"),
        (
            ["explain", "stock_growth", "--county", "甲市"],
            "目标 “stock_growth” 适用于县区，不适用于甲市；请用 --county 指定单位，例如 --county"
            " 乙区",
        ),
        (
            ["explain", "rate_2025", "--county", "乙区"],
            "目标 “rate_2025” 适用于市，不适用于乙区；去掉 --county（默认即甲市）",
        ),
        (["explain", "rate_2025", "--county", "丁县"], "没有单位 “丁县”"),
        (["explain", "rate_2025", "--year", "2026"], "2026 年不在规划期 2021–2025 内"),
    ],
)
def test_usage_errors(runner: CliRunner, small: Path, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize("year", [2021, 2023, 2024, 2025])
def test_every_sample_trail_ends_in_its_status(bundled: tuple[Plan, DataSet], year: int) -> None:
    """The last step names the status the engine gave, for every result of the sample."""
    plan, data = bundled
    for result in evaluate_year(plan, data, year).results:
        trail = audit(plan, data, result)
        assert steps_in_words(trail, "zh")[-1].endswith(f"→ {result.status.label('zh')}"), result
        for item in trail.inputs:
            assert item.observation.file.startswith(f"data/{item.year}/")


def test_ratio_text() -> None:
    from fractions import Fraction

    assert ratio_text(Fraction(4, 5)) == "4/5 = 0.8"
    assert ratio_text(Fraction(3)) == "3"


CAP = {**MONEY, "id": "cap", "indicator": "new_sites", "op": "<=", "threshold": 10}
BETWEEN = {**MONEY, "id": "range", "indicator": "count_flow", "op": "between", "threshold": [1, 2]}
BUILT = {
    "id": "built",
    "indicator": "done",
    "level": "city",
    "kind": "deadline",
    "op": "==",
    "threshold": True,
    "deadline": 2025,
}


@pytest.mark.parametrize(
    ("target", "values", "last_step"),
    [
        (
            kinds.RATE,
            {(2020, "甲市"): {"rate": 14}, (2022, "甲市"): {"rate": 12}},
            "判定：12 ≥ 13：不成立 → 相对滞后",
        ),
        (
            CAP,
            {(2021, "甲市"): {"new_sites": 6}, (2022, "甲市"): {"new_sites": 5}},
            "判定：11 ≤ 10：不成立 → 未达标",
        ),
        (
            CAP,
            {(2021, "甲市"): {"new_sites": 1}, (2022, "甲市"): {"new_sites": 2}},
            # settled case (SPEC §3): a ceiling on a running sum is never ahead; S = 3, t = 2/5,
            # e = 10 × 2/5 = 4, R = 3/4 = 0.75 < 2 − 0.9 = 1.1 → on_track (was ahead on 2 − R)
            "判定：3 ≤ 10：成立；R = 0.75 < 1.1 → 基本符合预期",
        ),
        (
            CAP,
            # S = 2 + 3 = 5, e = 4, R = 5/4 = 1.25 ≥ 1.1: used faster than pro rata → behind
            {(2021, "甲市"): {"new_sites": 2}, (2022, "甲市"): {"new_sites": 3}},
            "判定：5 ≤ 10：成立；R = 1.25 ≥ 1.1 → 相对滞后",
        ),
        (
            BETWEEN,
            {(2021, "甲市"): {"count_flow": 2}, (2022, "甲市"): {"count_flow": 1}},
            "判定：1 ≤ 3 ≤ 2：不成立 → 未达标",
        ),
        (BUILT, {(2022, "甲市"): {"done": False}}, "判定：否 = 是：不成立 → 推进中"),
        (
            {**GROWTH, "level": "city"},
            {(2021, "甲市"): {"count_stock": 0}, (2022, "甲市"): {"count_stock": 5}},
            "判定：上年数值为 0，无法计算增长率 → 缺数据",
        ),
    ],
)
def test_trail_of_each_special_case(
    project: Callable[..., Path],
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    target: dict[str, object],
    values: dict[tuple[int, str], dict[str, object]],
    last_step: str,
) -> None:
    indicators = [*BASE_PLAN["indicators"], NEW_SITES]
    monkeypatch.chdir(project(plan_dict(target, indicators=indicators), values))
    output = run(runner, "explain", str(target["id"]), "--year", "2022").output
    assert output.rstrip().splitlines()[-1].split(". ", 1)[1] == last_step


def test_notes_are_printed_as_text_never_obeyed(
    runner: CliRunner, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note's escape sequence, bell, carriage return or right-to-left override is shown, and
    a note of several lines keeps the indentation of the listing."""
    note = "+1 \x07 bell \x1b[31m red\nline2\r\nline3 \u202e RLO"
    write_yaml(
        small / "data" / "2024" / "甲市.yaml",
        {"unit": "甲市", "year": 2024, "values": {"rate": {"value": 11.9, "note": note}}},
    )
    output = run(runner, "explain", "rate_2025", "--year", "2024").output
    assert not any(char in output for char in "\x07\x1b\r\u202e")
    assert (
        "        说明：+1 \\x07 bell \\x1b[31m red\n        line2\n        line3 \\u202e RLO\n"
    ) in output


def test_an_invalid_data_file_is_named_with_its_place_and_exits_3(
    runner: CliRunner, small: Path
) -> None:
    """As check, report and review do: the file's values count as missing, its problem is
    shown where it is, and the exit code is 3 (it was 0, and the problem unsaid)."""
    spoilt = small / "data" / "2024" / "丙县.yaml"
    spoilt.write_text("unit: 丙县\nyear: 2024\nvalues:\n  count_stock: x\n", encoding="utf-8")
    result = run(runner, "explain", "stock_growth", "--county", "丙县", "--year", "2024")
    assert result.exit_code == 3
    assert "数据问题：\n  data/2024/丙县.yaml:4:16: " in result.stdout
    as_json = run(runner, "explain", "stock_growth", "--county", "丙县", "2024", "-f", "json")
    assert as_json.exit_code == 3
    [problem] = json.loads(as_json.stdout)["problems"]
    assert (problem["file"], problem["line"]) == ("data/2024/丙县.yaml", 4)


def test_english_lists_levels_with_an_english_comma(runner: CliRunner) -> None:
    """The sample has a target of two levels: English joins them with ", ", not "、"."""
    plan = str(ROOT / "targets.yaml")
    result = run(runner, "targets", "--plan", plan, "--lang", "en", "--format", "markdown")
    assert result.exit_code == 0
    assert "city, county" in result.stdout and "、" not in result.stdout
