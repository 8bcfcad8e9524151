"""Workbooks of check, report and review, read back cell by cell with openpyxl."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run, write_yaml
from excelformat import shown
from kinds import GROWTH, LECTURES, MONEY, RATE
from kxplan.model.status import Status
from kxplan.render.xlsx.sheet import COLOURS

HOSTILE = {
    '=HYPERLINK("http://example.org","点此")': "source",
    "=1+1": "note",
    "+2": "source",
    "-3 较上年口径调整": "note",
    "@SUM(A1:A2)": "note",
}


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(
        plan_dict(RATE, LECTURES, MONEY),
        {
            (2020, "甲市"): {"rate": 8.6},
            (2021, "甲市"): {"rate": 9.5, "money": 8.3},
            (2021, "乙区"): {"count_flow": 3},
            (2021, "丙县"): {"count_flow": 1},
            (2022, "甲市"): {"rate": 10.3, "money": 10.9},
            (2022, "丙县"): {"count_flow": 2},
            (2023, "甲市"): {"money": 12.6},
        },
    )
    write_yaml(
        folder / "data" / "2024" / "甲市.yaml",
        {
            "unit": "甲市",
            "year": 2024,
            "values": {
                "rate": {"value": 11.9, "source": '=HYPERLINK("http://example.org","点此")'},
                "money": {"value": 14.2, "source": "+2", "note": "=1+1"},
            },
        },
    )
    write_yaml(
        folder / "data" / "2024" / "乙区.yaml",
        {
            "unit": "乙区",
            "year": 2024,
            "values": {"count_flow": {"value": 1, "note": "@SUM(A1:A2)"}},
        },
    )
    write_yaml(
        folder / "data" / "2024" / "丙县.yaml",
        {
            "unit": "丙县",
            "year": 2024,
            "values": {"count_flow": {"value": 2, "note": "-3 较上年口径调整"}},
        },
    )
    monkeypatch.chdir(folder)
    return folder


def book(path: Path) -> Any:
    return load_workbook(path)


def rows(sheet: Any, first: int) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first)]


def fill(cell: Any) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


def write(runner: CliRunner, *args: str) -> Path:
    result = run(runner, *args)
    assert "已写入 " in result.output, result.output
    written = result.output.split("已写入 ")[1].strip()
    return Path(written)


def test_check_workbook_sheets_and_matrix(runner: CliRunner, small: Path) -> None:
    path = write(runner, "check", "2024", "-o", "c.xlsx")
    assert path == Path("reports/c.xlsx")
    workbook = book(small / path)
    assert workbook.sheetnames == ["汇总", "对照表", "明细"]
    matrix = workbook["对照表"]
    assert matrix["A1"].value == "测试规划 — 2024 年目标完成情况"
    assert [c.value for c in matrix[4]] == ["序号", "目标", "规则", "条款", "甲市", "乙区", "丙县"]
    rate = matrix["E5"]
    assert rate.value == 11.9 and rate.data_type == "n"  # a number, shown with its glyph
    assert shown(rate.value, rate.number_format) == "● 11.9"
    assert fill(rate) == COLOURS[Status.ON_TRACK][0]
    assert str(rate.font.color.rgb)[-6:] == COLOURS[Status.ON_TRACK][1]
    assert matrix["E5"].offset(0, 1).value is None  # the county columns of a city target
    lectures = [matrix.cell(row=6, column=c) for c in (6, 7)]
    assert [c.value for c in lectures] == [1, 2]
    assert [fill(c) for c in lectures] == [COLOURS[Status.NOT_MET][0], COLOURS[Status.MET][0]]
    money = matrix["E7"]
    assert money.value == 46 and fill(money) == COLOURS[Status.AHEAD][0]
    # frozen header and names, filter over the table, printed landscape one page wide
    assert matrix.freeze_panes == "C5"
    assert matrix.auto_filter.ref == "A4:G7"
    assert matrix.print_title_rows == "$4:$4"
    assert matrix.page_setup.orientation == "landscape"
    assert (matrix.page_setup.fitToWidth, matrix.page_setup.fitToHeight) == (1, 0)
    assert matrix.sheet_properties.pageSetUpPr.fitToPage is True
    assert matrix.column_dimensions["B"].width >= 8


def test_check_workbook_legend_has_every_status_in_its_colour(
    runner: CliRunner, small: Path
) -> None:
    matrix = book(small / write(runner, "check", "2024", "-o", "c.xlsx"))["对照表"]
    legend = {
        cell.value: fill(cell)
        for row in matrix.iter_rows(min_row=9, min_col=2, max_col=2)
        for cell in row
        if cell.value
    }
    assert legend.pop("图例") == "000000"
    assert legend == {f"{s.glyph} {s.label('zh')}": COLOURS[s][0] for s in Status}


def test_check_workbook_summary(runner: CliRunner, small: Path) -> None:
    summary = book(small / write(runner, "check", "2024", "-o", "c.xlsx"))["汇总"]
    assert (
        summary["A2"].value == "2024 年：共 4 项结果 — 达标 1、未达标 1、快于预期 1、基本符合预期 1"
    )
    header = [c.value for c in summary[4]]
    assert header[:3] == ["单位", "代码", "结果数"]
    assert header[3:] == [s.label("zh") for s in Status]
    assert fill(summary.cell(row=4, column=4)) == COLOURS[Status.MET][0]
    table = rows(summary, 5)[:4]
    assert table[0][:3] == ["甲市", "100000", 2]
    assert table[3][:4] == ["合计", None, 4, 1]
    assert summary.auto_filter.ref == "A4:L7"  # the total row (8) stays out of the filter


def test_check_workbook_details(runner: CliRunner, small: Path) -> None:
    details = book(small / write(runner, "check", "2024", "-o", "c.xlsx"))["明细"]
    header = [c.value for c in details[3]]
    assert header == [
        "目标", "单位", "状态", "值", "规则", "目标值", "期限", "基期值", "序时目标值",
        "进度比", "说明", "数据来源", "备注", "文件", "行", "条款", "目标编号", "单位代码",
    ]  # fmt: skip
    rate = dict(zip(header, [c.value for c in details[4]], strict=True))
    assert rate["状态"] == "● 基本符合预期"
    assert (rate["值"], rate["目标值"], rate["期限"], rate["基期值"]) == (11.9, 13, 2025, 8.6)
    assert (rate["序时目标值"], rate["进度比"]) == (12.12, 0.9375)
    assert rate["说明"] == "11.9%；≥ 13%（2025年）；序时目标 12.12，进度比 0.94"
    assert rate["数据来源"] == '=HYPERLINK("http://example.org","点此")'
    assert (rate["文件"], rate["行"], rate["目标编号"]) == ("data/2024/甲市.yaml", 5, "rate_2025")
    assert details["G4"].number_format == "0"  # a year, not 2,025
    assert details.freeze_panes == "C4"


def test_text_from_data_files_is_never_a_formula(runner: CliRunner, small: Path) -> None:
    path = small / write(runner, "check", "2024", "-o", "c.xlsx")
    details = book(path)["明细"]
    found = {
        cell.value: cell
        for row in details.iter_rows(min_row=4)
        for cell in row
        if isinstance(cell.value, str) and cell.value in HOSTILE
    }
    assert set(found) == set(HOSTILE)
    for cell in found.values():
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix, cell.value
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(archive.read(name).decode("utf-8") for name in sheets)
    assert "<f>" not in xml and "<f " not in xml
    assert "<t>=1+1</t>" in xml and "<t>@SUM(A1:A2)</t>" in xml


@pytest.mark.parametrize("note", ["\t=1+1", "\r=1+1"])
def test_text_starting_with_a_tab_or_cr_gets_the_quote_prefix(
    runner: CliRunner, small: Path, note: str
) -> None:
    """A tab or carriage return before `=` starts a formula once the text is pasted or exported."""
    write_yaml(
        small / "data" / "2024" / "乙区.yaml",
        {"unit": "乙区", "year": 2024, "values": {"count_flow": {"value": 1, "note": note}}},
    )
    details = book(small / write(runner, "check", "2024", "-o", "c.xlsx"))["明细"]
    found = [  # XML reads a carriage return back as a line feed
        cell
        for row in details.iter_rows(min_row=4)
        for cell in row
        if cell.value in (note, note.replace("\r", "\n"))
    ]
    assert len(found) == 1
    assert found[0].quotePrefix and found[0].data_type == "s"


def test_a_character_excel_cannot_hold_does_not_hide_a_formula() -> None:
    """Such characters are dropped, so the check is on the text that is left."""
    import io

    from kxplan.render.xlsx.sheet import new_book, put, to_bytes

    book = new_book()
    put(book.create_sheet("s"), 1, 1, "\x01=1+1")
    cell = load_workbook(io.BytesIO(to_bytes(book)))["s"]["A1"]
    assert (cell.value, cell.quotePrefix, cell.data_type) == ("=1+1", True, "s")


def test_plan_text_starting_with_equals_is_text(runner: CliRunner, small: Path) -> None:
    boolean = {
        "id": "built",
        "indicator": "done",
        "level": "county",
        "kind": "annual",
        "op": "==",
        "threshold": True,
    }
    write_yaml(small / "targets.yaml", plan_dict(RATE, boolean))
    matrix = book(small / write(runner, "check", "2024", "-o", "b.xlsx"))["对照表"]
    rule = matrix["C6"]
    assert rule.value == "= 是（每年）" and rule.data_type == "s"


def test_problems_sheet_only_when_there_are_problems(runner: CliRunner, small: Path) -> None:
    write_yaml(small / "data" / "2023" / "乙区.yaml", {"unit": "乙区", "year": 2023, "values": 3})
    result = run(runner, "check", "2024", "-o", "p.xlsx")
    assert result.exit_code == 3
    workbook = book(small / "reports" / "p.xlsx")
    assert workbook.sheetnames[-1] == "数据问题"
    problems = workbook["数据问题"]
    assert [c.value for c in problems[3]] == ["文件", "行", "列", "代码", "说明"]
    assert rows(problems, 4)[0][:4] == ["data/2023/乙区.yaml", 3, 9, "not-a-mapping"]


def test_english_workbook(runner: CliRunner, small: Path) -> None:
    result = run(runner, "check", "2024", "-o", "en.xlsx", "--lang", "en")
    assert "written to reports/en.xlsx" in result.output
    workbook = book(small / "reports" / "en.xlsx")
    assert workbook.sheetnames == ["Summary", "Matrix", "Details"]
    assert workbook["Details"]["C4"].value == "● on track"


def test_report_workbook(runner: CliRunner, small: Path) -> None:
    path = small / write(runner, "report", "-o", "r.xlsx")
    workbook = book(path)
    assert workbook.sheetnames == ["逐年情况", "趋势图"]
    years = workbook["逐年情况"]
    header = [c.value for c in years[4]]
    first = ["序号", "目标", "规则", "条款", "2020 基期", "2021", "2022", "2023", "2024"]
    assert header == [*first, "趋势", "2024 年状态", "说明"]
    rate = list(years[5])
    assert [c.value for c in rate[4:9]] == [8.6, 9.5, 10.3, "? 缺数据", 11.9]
    assert [fill(c) for c in rate[5:9]] == [
        COLOURS[s][0] for s in (Status.ON_TRACK, Status.ON_TRACK, Status.MISSING, Status.ON_TRACK)
    ]
    assert rate[9].value == "▁▃·█"  # 9.5, 10.3, none, 11.9
    assert rate[10].value == "● 基本符合预期"
    # the trend and the words of the headers are those of the report's table and JSON
    document = json.loads(run(runner, "report", "--format", "json").output)
    trends = [row["trend"] for row in document["rows"]]
    assert [row[9].value for row in years.iter_rows(min_row=5, max_row=4 + len(trends))] == trends
    table = run(runner, "report", "--format", "markdown").output
    assert "| 目标 | 规则 | 2020 基期 | 2021 | 2022 | 2023 | 2024 | 趋势 | 2024 年状态 |" in table
    charts = workbook["趋势图"]
    # rate: the line from 8.6 (2020) to 13 (2025); money: from 0 (2020) to 50 (2025)
    assert rows(charts, 4)[:7] == [
        ["年份", "实际值", "规划轨迹"],
        [2020, 8.6, 8.6],
        [2021, 9.5, 9.48],
        [2022, 10.3, 10.36],
        [2023, None, 11.24],
        [2024, 11.9, 12.12],
        [2025, None, 13],
    ]
    with zipfile.ZipFile(path) as archive:
        chart_files = [n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml", n)]
        chart = archive.read(chart_files[0]).decode("utf-8")
    assert len(chart_files) == 2  # rate and money; lectures has no deadline
    assert "lineChart" in chart and "趋势图" in chart


def test_review_workbook(runner: CliRunner, small: Path) -> None:
    path = small / write(runner, "review", "--year", "2023", "-o", "v.xlsx")
    workbook = book(path)
    assert workbook.sheetnames == ["评估表", "图表"]
    sheet = workbook["评估表"]
    assert sheet["A1"].value == "测试规划 中期评估（2023年）"
    # lectures (≥ 2 each year): 丙县 held 1 in 2021 → not met over the period so far
    assert sheet["A2"].value == "3项指标中，基本符合预期1项、未达标1项、缺数据1项。"
    header = [c.value for c in sheet[4]]
    first = ["序号", "指标", "目标", "条款", "2020 基期", "2021", "2022", "2023", "最新值"]
    assert header[:10] == [*first, "完成率"]
    row = dict(zip(header, [c.value for c in sheet[5]], strict=True))
    # b = 8.6, 2023 has no value → missing; the row still shows what is known, each year's
    # value with that year's status (its glyph in the number format, its colour as the fill)
    assert (row["2020 基期"], row["2021"], row["2022"], row["2023"]) == (8.6, 9.5, 10.3, "? 缺数据")
    assert row["最新值"] is None
    assert sheet.cell(row=5, column=header.index("2021") + 1).number_format.startswith('"● "')
    assert row["状态"] == "? 缺数据"
    money = dict(zip(header, [c.value for c in sheet[7]], strict=True))
    # 8.3 + 10.9 + 12.6 = 31.8 of > 50: c = 63.6 %, t = 60 %, R = 1.06, pace 10.6, 53, 9.1
    assert money["完成率"] == pytest.approx(0.636) and money["序时进度"] == pytest.approx(0.6)
    assert sheet.cell(row=7, column=header.index("完成率") + 1).number_format == "0.0%"
    assert money["进度比"] == pytest.approx(1.06)
    # shown with the decimals of the text (`1.06`), as every other figure of the workbook
    assert sheet.cell(row=7, column=header.index("进度比") + 1).number_format == "0.00"
    assert (money["当前年均"], money["预计期末值"], money["尚需年均"]) == pytest.approx(
        (10.6, 53, 9.1)
    )
    lectures = dict(zip(header, [c.value for c in sheet[6]], strict=True))
    assert (lectures["2021"], lectures["2022"], lectures["2023"]) == ("1/2", "1/2", "0/2")
    assert lectures["县区情况"] == "未达标1、缺数据1"  # 乙区: no 2022, 2023 files; 丙县: 1 in 2021
    assert lectures["未达标年份"] == "2021年未达标" and lectures["状态"] == "✘ 未达标"
    with zipfile.ZipFile(path) as archive:
        assert any(n.startswith("xl/charts/chart") for n in archive.namelist())
    chart_data = rows(workbook["图表"], 4)
    assert chart_data[0] == ["指标", "完成率", "序时进度"]
    assert chart_data[1][0] == "金额"


def test_sample_workbooks_open(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert run(runner, "check", "2024", "-o", "c.xlsx").exit_code == 1
    assert run(runner, "report", "--county", "利州区", "-o", "r.xlsx").exit_code == 0
    assert run(runner, "review", "-o", "v.xlsx").exit_code == 0
    details = book(tmp_path / "reports" / "c.xlsx")["明细"]
    notes = [c.value for c in details["M"] if isinstance(c.value, str)]
    assert "-较上年口径调整，剔除重复注册账号" in notes
    review = book(tmp_path / "reports" / "v.xlsx")["评估表"]
    assert review["A2"].value == "25项指标中，达标9项、未达标15项、缺数据1项；达标率 37.5%。"


def test_review_workbook_target_of_both_levels(
    project: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The city's own value and status on the row, the counties counted beside them, and the
    line saying what the summary counts, as in the table."""
    target = {**LECTURES, "level": ["city", "county"]}
    values = {
        (2021, "甲市"): {"count_flow": 3},
        (2021, "乙区"): {"count_flow": 3},
        (2021, "丙县"): {"count_flow": 1},
    }
    folder = project(plan_dict(target), values)
    monkeypatch.chdir(folder)
    sheet = book(folder / write(runner, "review", "--year", "2021", "-o", "v.xlsx"))["评估表"]
    assert sheet["A2"].value == "1项指标中，未达标1项。"
    header = [c.value for c in sheet[4]]
    row = dict(zip(header, [c.value for c in sheet[5]], strict=True))
    assert (row["2021"], row["状态"], row["县区情况"]) == (3, "✔ 达标", "达标1、未达标1")
    texts = [c.value for c in sheet["A"] if isinstance(c.value, str)]
    assert any("汇总按全部单位中最不利的状态计为“未达标”" in text for text in texts)


def test_growth_cells_show_whole_numbers_without_decimals(
    project: Callable[..., Path], runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """35 % growth reads `35%` in the workbook, as in the table (not `35.0%`)."""
    values = {
        (2020, "乙区"): {"count_stock": 100},
        (2021, "乙区"): {"count_stock": 135},
        (2022, "乙区"): {"count_stock": 162},
        (2023, "乙区"): {"count_stock": 210},
    }
    folder = project(plan_dict(GROWTH), values)
    monkeypatch.chdir(folder)
    path = write(runner, "report", "--county", "乙区", "-o", "r.xlsx")
    growth = list(book(folder / path)["逐年情况"][5])
    assert [c.value for c in growth[5:8]] == [35, 20, pytest.approx(29.6296, abs=1e-4)]
    assert [shown(c.value, c.number_format) for c in growth[5:8]] == ["✔ 35%", "✘ 20%", "✘ 29.63%"]


def test_a_long_note_wraps_in_a_row_excel_can_hold(runner: CliRunner, small: Path) -> None:
    """Excel's tallest row is 409 pt: a 1,500-character note gave one of 2,216 pt."""
    note = "本年数据含乡镇科协会员，口径较上年调整。" * 75
    entry = {"value": 3, "source": "台账", "note": note}
    write_yaml(
        small / "data" / "2024" / "乙区.yaml",
        {"unit": "乙区", "year": 2024, "values": {"count_flow": entry}},
    )
    details = book(small / write(runner, "check", "2024", "-o", "c.xlsx"))["明细"]
    [cell] = [c for c in details["M"] if c.value == note]  # the whole note is kept
    assert cell.alignment.wrap_text
    assert details.column_dimensions["M"].width >= 30
    height = details.row_dimensions[cell.row].height
    assert 300 < height <= 409
