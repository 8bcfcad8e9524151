"""The date-format trap (issue 14 item 8): a value cell that once held a date keeps its date
format, so a later `6` is stored as day 6 of 1900 — openpyxl reads 1900-01-06. The forms let
the clerk change a value cell's format, and import reads such a whole number as the number it
was typed as, saying so; a real date is still refused."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from conftest import run
from formhelpers import TemplateRuns, cell, fill, sample_project

FORM = Path("reports/forms/2024/苍溪县_2024.xlsx")


@pytest.fixture
def form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: TemplateRuns) -> Path:
    monkeypatch.chdir(sample_project(tmp_path))
    (tmp_path / "data/2024/苍溪县.yaml").unlink()
    template("2024", "--county", "苍溪县")
    return FORM


def test_value_cells_may_be_formatted_in_a_protected_sheet(form: Path) -> None:
    sheet = openpyxl.load_workbook(form).worksheets[0]
    assert sheet.protection.sheet is True
    assert sheet.protection.formatCells is False  # False: formatting cells is allowed


def test_a_whole_number_in_a_date_cell_is_read_as_typed(runner: CliRunner, form: Path) -> None:
    fill(form, {"spirit_lectures": 6}, formats={"spirit_lectures": "yyyy-mm-dd"})
    typed = openpyxl.load_workbook(form).worksheets[0][cell(form, "spirit_lectures")].value
    assert typed == datetime(1900, 1, 6)  # as Excel shows it, and as openpyxl reads it
    result = run(runner, "import", str(form))
    assert result.exit_code == 0, result.output
    assert (
        "spirit_lectures（科学家精神宣讲报告会）：按数字 6 读取（单元格为日期格式；"
        in result.stdout
    )
    values = yaml.safe_load(Path("data/2024/苍溪县.yaml").read_text(encoding="utf-8"))["values"]
    assert values["spirit_lectures"] == 6
    english = run(runner, "import", str(form), "--lang", "en", "--dry-run")
    assert "read as the number 6 (the cell has a date format;" in english.stdout


def test_a_real_date_is_still_refused(runner: CliRunner, form: Path) -> None:
    fill(form, {"spirit_lectures": datetime(2024, 3, 1)}, formats={"spirit_lectures": "yyyy-mm-dd"})
    result = run(runner, "import", str(form))
    assert result.exit_code == 3
    assert "填的是日期或时间（2024-03-01" in result.stdout
