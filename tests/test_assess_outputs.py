"""The assessment's workbook, read back cell by cell, and `kxplan explain --score`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from assessplan import assess_project
from conftest import run


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    found = assess_project(project)
    monkeypatch.chdir(found)
    return found


def rows(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_workbook_read_back(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2022", "-o", "./考核.xlsx")
    assert result.exit_code == 3, result.output  # 丁县's file is invalid
    book = load_workbook("考核.xlsx")
    assert book.sheetnames == ["考核排名", "得分图", "丙县", "乙区", "戊区", "丁县", "数据问题"]
    ranking = book["考核排名"]
    got = rows(ranking)
    assert got[0][0] == "2022年县区年度考核" and got[1][0] == "测试规划"
    assert got[3] == (
        "排名",
        "单位",
        "当年数（40 分）",
        "是否建成（25 分）",
        "存量（35 分）",
        "得分",
        "等次",
        "上年排名",
        "变化",
    )
    assert got[4:9] == [
        (1, "丙县", 40, 25, 28, 93, "优秀", 3, "↑2"),
        (2, "乙区", 40, 25, 14, 79, "合格", 1, "↓1"),
        (3, "戊区", 40, 12.5, 14, 66.5, "合格", 4, "↑1"),
        (4, "丁县", 0, 0, 0, 0, "不合格", 1, "↓3"),
        (None, "满分", 40, 25, 35, 100, None, None, None),
    ]
    # the score shows two decimals; a target's points its status glyph and colour
    assert ranking["F5"].number_format == "0.00"
    assert ranking["E5"].number_format.startswith('"● "')
    assert ranking["E5"].fill.fgColor.rgb.endswith("DDEBF7")  # on track
    # coloured by grade: 优秀 green, 合格 yellow, 不合格 red
    assert ranking["G5"].fill.fgColor.rgb.endswith("C6EFCE")
    assert ranking["G6"].fill.fgColor.rgb.endswith("FFEB9C")
    assert ranking["G8"].fill.fgColor.rgb.endswith("FFC7CE")
    assert ranking.print_title_rows == "$4:$4"
    assert ranking.page_setup.orientation == "landscape"


def test_workbook_unit_sheet_and_chart(runner: CliRunner, folder: Path) -> None:
    assert run(runner, "assess", "2022", "-o", "./考核.xlsx").exit_code == 3
    book = load_workbook("考核.xlsx")
    sheet = rows(book["乙区"])
    assert sheet[0][0] == "乙区 得分表"
    assert sheet[3] == (
        "序号", "目标", "条款", "状态", "数值", "规则", "分值", "得分", "失分", "整改要求"
    )  # fmt: skip
    assert sheet[4][:9] == (1, "当年数", "一（一）1", "✔ 达标", 2, "≥ 2次（每年）", 40, 40, 0)
    assert sheet[5][:9] == (
        2,
        "是否建成",
        "一（一）1",
        "★ 提前实现",
        "是",
        "= 是（2025年）",
        25,
        25,
        0,
    )
    assert sheet[6][3:9] == ("▼ 相对滞后", 3, "≥ 10个（2025年）", 35, 14, 21)
    assert sheet[6][9]  # what to do about the points lost
    assert sheet[7][1] == "合计" and sheet[7][6:9] == (100, 79, 21)
    texts = [row[0] for row in sheet[8:] if row[0]]
    assert "各项得分合计：40 + 25 + 14 = 79" in texts
    assert "得分 79.00，等次 合格，第 2 名（共 4 个单位）；2021年第 1 名（↓1）" in texts
    missing = rows(book["丁县"])
    assert missing[4][3] == "? 缺数据" and "有误" in str(missing[4][9])
    chart_sheet = book["得分图"]
    assert rows(chart_sheet)[3:8] == [
        ("单位", "得分"), ("丙县", 93), ("乙区", 79), ("戊区", 66.5), ("丁县", 0)
    ]  # fmt: skip
    [chart] = chart_sheet._charts
    assert chart.tagname == "barChart" and chart.type == "bar"
    for axis in (chart.x_axis, chart.y_axis):  # axis titles read across
        assert axis.title.tx.rich.bodyPr.rot == 0


def test_workbook_county_has_its_sheet_only(runner: CliRunner, folder: Path) -> None:
    assert run(runner, "assess", "2021", "--county", "丙县", "-o", "./x.xlsx").exit_code == 0
    assert load_workbook("x.xlsx").sheetnames == ["考核排名", "得分图", "丙县"]


def test_explain_score(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "explain", "--score", "--county", "戊区", "2022")
    assert result.exit_code == 3, result.output  # 丁县's invalid file weighs on the ranks
    out = result.stdout
    assert "得分  66.50" in out
    assert "当年数（lectures）  ✔ 达标：得分比例 1 × 分值 40 = 40" in out
    assert "是否建成（done_2025）  ◔ 推进中：得分比例 0.5 × 分值 25 = 12.5" in out
    assert "存量（stock_2025）  ▼ 相对滞后：得分比例 0.4 × 分值 35 = 14" in out
    assert "1. 各项得分合计：40 + 12.5 + 14 = 66.5" in out
    assert "2. 计分目标本年全部适用：不折算" in out
    assert "等次：合格（60 ≤ 66.50 < 80）" in out
    assert "排名：第 3 名（共 4 个单位）：得分高于本单位的有 2 个，与本单位相同的有 0 个" in out
    assert "2021年第 4 名（↑1）" in out


def test_explain_score_with_invalid_data_is_exit_3(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "explain", "--score", "2022", "--county", "丁县")
    assert result.exit_code == 3, result.output
    assert "数据问题：" in result.stdout and "data/2022/丁县.yaml:" in result.stdout
    body = json.loads(
        run(runner, "explain", "--score", "2022", "--county", "丙县", "-f", "json").stdout
    )
    assert [p["file"] for p in body["problems"]] == ["data/2022/丁县.yaml"]


def test_explain_score_tie_and_json(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "explain", "--score", "2021", "--county", "丁县", "-f", "json")
    body = json.loads(result.stdout)
    assert (body["unit"], body["rank"], body["score"], body["grade"]) == ("丁县", 1, 80.5, "良好")
    assert "rank" in body and body["previous_rank"] is None
    assert (
        "排名：第 1 名（共 4 个单位）：得分高于本单位的有 0 个，与本单位相同的有 1 个"
        in body["steps"]
    )


def test_explain_score_scaling(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kxplan.engine import assessment as engine
    from kxplan.model import scope as applicability

    real = applicability.applies
    monkeypatch.setattr(
        engine,
        "applies",
        lambda plan, target, unit, year: (
            target.id != "stock_2025" and real(plan, target, unit, year)
        ),
    )
    out = run(runner, "explain", "--score", "2021", "--county", "乙区").stdout
    assert "存量（stock_2025）  本年不适用：分值 35 不计入，其余按比例折算" in out
    assert "折算（本年不适用：stock_2025）：52.5 × 100 ÷ 65 = 80.769231" in out
    assert "四舍五入到两位小数：80.769231 → 80.77" in out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["explain", "--score", "2021"], "explain --score 需要 --county"),
        (["explain", "--score", "lectures", "--county", "乙区"], "不接受目标 “lectures”"),
        (["explain", "--score", "2021", "--county", "甲市"], "甲市 不参加考核"),
        (["explain"], "explain 需要一个目标 id"),
    ],
)
def test_explain_score_usage(runner: CliRunner, folder: Path, args: list[str], said: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2 and said in result.stderr, result.output
