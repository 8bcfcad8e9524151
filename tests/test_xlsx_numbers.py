"""Numbers in the workbooks read as in the tables: the cell keeps the exact value, its number
format shows what the text outputs show (read back with openpyxl, shown as Excel shows it)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run
from excelformat import shown
from kinds import GROWTH


def cell_text(cell: Any) -> str:
    return shown(cell.value, str(cell.number_format))


@pytest.mark.parametrize(
    ("last_year", "this_year", "reads"),
    [
        (100000, 79987, "✘ -20.01%"),  # not “-✘ 20.013%”: the minus after the glyph
        (100000, 131998, "✔ 32%"),  # 31.998 %, rounded as the table rounds it
        (100000, 124003, "✘ 24%"),
        (100000, 99999, "✘ 0%"),  # −0.001 %: the table's 0, not Excel's “-0”
        (22867, 29727, "✘ 29.9996%"),  # not rounded onto the threshold of ≥ 30 %
    ],
)
def test_growth_reads_as_in_the_table(
    project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
    last_year: int,
    this_year: int,
    reads: str,
) -> None:
    values = {
        (2023, "乙区"): {"count_stock": last_year},
        (2024, "乙区"): {"count_stock": this_year},
    }
    monkeypatch.chdir(project(plan_dict(GROWTH), values))
    assert f"| {reads} " in run(runner, "check", "2024", "--format", "markdown").output
    run(runner, "check", "2024", "-o", "c.xlsx")
    cell = load_workbook("reports/c.xlsx")["对照表"]["F5"]
    assert cell.value == pytest.approx(this_year / last_year * 100 - 100)  # the exact number
    assert cell_text(cell) == reads


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled plan and data, with 昭化区's registrations falling by 20 % in 2024."""
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    county = tmp_path / "data" / "2024" / "昭化区.yaml"
    text = county.read_text(encoding="utf-8")
    county.write_text(re.sub(r"tfkjy_workers: \d+", "tfkjy_workers: 5000", text), "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def markdown_rows(text: str) -> list[dict[str, str]]:
    """The first Markdown table of `text`, a dict per row keyed by the header."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    header, *rows = ([cell.strip() for cell in line.strip("|").split("|")] for line in lines)
    return [dict(zip(header, row, strict=True)) for row in rows if not row[0].startswith("---")]


def sheet_rows(sheet: Any, top: int) -> list[dict[str, Any]]:
    """The table whose header is row `top`, a dict of cells per row keyed by the header."""
    header = [cell.value for cell in sheet[top]]
    return [
        dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=top + 1)
        if isinstance(row[0].value, int)
    ]


def numbers(cells: dict[str, Any]) -> dict[str, str]:
    """The numeric cells as shown, without the thousands separators Chinese text leaves out."""
    return {
        key: cell_text(cell).replace(",", "")
        for key, cell in cells.items()
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
    }


def test_check_matrix_reads_as_the_table(runner: CliRunner, sample: Path) -> None:
    text = run(runner, "check", "2024", "--format", "markdown").output
    table = {row["目标"]: row for row in markdown_rows(text)}
    assert run(runner, "check", "2024", "-o", "c.xlsx").exit_code == 1
    matrix = sheet_rows(load_workbook(sample / "reports" / "c.xlsx")["对照表"], 4)
    compared = 0
    for row in matrix:
        for unit, shown_text in numbers(row).items():
            if unit in ("序号", None):
                continue
            # the table adds the status label: “✔ 32% 达标”
            assert table[row["目标"].value][unit].startswith(f"{shown_text} "), (unit, row)
            compared += 1
    assert compared > 20
    growth = next(row for row in matrix if row["目标"].value == "注册人数年增长30%以上")
    assert [cell_text(growth[unit]) for unit in ("利州区", "昭化区", "苍溪县")] == [
        "✔ 32%",  # 31.998 %
        "✘ -20.01%",
        "✘ 24%",  # 24.003 %
    ]


def test_check_details_read_as_their_explanation(runner: CliRunner, sample: Path) -> None:
    run(runner, "check", "2024", "-o", "c.xlsx")
    details = load_workbook(sample / "reports" / "c.xlsx")["明细"]
    header = [cell.value for cell in details[3]]
    rows = [dict(zip(header, row, strict=True)) for row in details.iter_rows(min_row=4)]
    paced = [row for row in rows if isinstance(row["进度比"].value, float)]
    assert len(paced) > 5
    for row in paced:
        explanation = row["说明"].value
        expected, ratio = cell_text(row["序时目标值"]), cell_text(row["进度比"])
        assert f"序时目标 {expected}，进度比 {ratio}" in explanation, explanation


def test_report_years_read_as_the_table(runner: CliRunner, sample: Path) -> None:
    text = run(runner, "report", "--county", "利州区", "--format", "markdown").output
    table = {row["目标"]: row for row in markdown_rows(text)}
    run(runner, "report", "--county", "利州区", "-o", "r.xlsx")
    years = sheet_rows(load_workbook(sample / "reports" / "r.xlsx")["逐年情况"], 4)
    compared = 0
    for row in years:
        for column, shown_text in numbers(row).items():
            if column != "序号":
                assert table[row["目标"].value][column] == shown_text, (column, row)
                compared += 1
    assert compared > 20


def test_review_figures_read_as_the_table(runner: CliRunner, sample: Path) -> None:
    text = run(runner, "review", "2023", "--format", "markdown").output
    table = markdown_rows(text)
    run(runner, "review", "2023", "-o", "v.xlsx")
    sheet = sheet_rows(load_workbook(sample / "reports" / "v.xlsx")["评估表"], 4)
    columns = ("2021", "2022", "完成率", "序时进度", "预计期末值")
    compared = 0
    for mine, theirs in zip(sheet, table, strict=True):
        for column, shown_text in numbers(mine).items():
            if column in columns:
                assert theirs[column] == shown_text, (column, theirs)
                compared += 1
            elif column == "尚需年均":
                assert theirs["尚需"].lstrip("年均 +") == shown_text, theirs
    assert compared > 40
    literacy = sheet[0]
    assert [cell_text(literacy[c]) for c in ("预计期末值", "当前年均")] == ["12.77", "0.83"]
