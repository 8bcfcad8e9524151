"""Numbers in the workbooks read as in the tables: the cell keeps the exact value, its number
format shows what the text outputs show (read back with openpyxl, shown as Excel shows it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import plan_dict, run
from excelformat import shown
from kinds import GROWTH


def cell_text(cell: Any) -> str:
    return shown(cell.value, str(cell.number_format))


@pytest.fixture
def growth(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """乙区 falls by 20.013 % in 2024, 丙县 grows by 31.998 %."""
    folder = project(
        plan_dict(GROWTH),
        {
            (2023, "乙区"): {"count_stock": 100000},
            (2024, "乙区"): {"count_stock": 79987},
            (2023, "丙县"): {"count_stock": 100000},
            (2024, "丙县"): {"count_stock": 131998},
        },
    )
    monkeypatch.chdir(folder)
    return folder


def test_a_fall_reads_with_its_minus_after_the_glyph(runner: CliRunner, growth: Path) -> None:
    assert run(runner, "check", "2024", "-o", "c.xlsx").exit_code == 1
    matrix = load_workbook(growth / "reports" / "c.xlsx")["对照表"]
    fall, rise = matrix["F5"], matrix["G5"]
    assert fall.value == pytest.approx(-20.013)  # still the number, not text
    assert cell_text(fall).startswith("✘ -20.01")  # not “-✘ 20.013%”
    assert cell_text(rise).startswith("✔ 31.99")
