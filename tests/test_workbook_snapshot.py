"""Every workbook reads back as it did before the write-only workbooks of issue 15: the same
sheets in the same order, the same values, number formats, fonts, fills, borders, alignment,
freeze panes, filters, widths, heights and print set-up (tests/workbook_snapshot.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import run
from workbook_snapshot import CASES, SNAPSHOT, arguments, describe


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    snapshot: dict[str, Any] = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    return snapshot


@pytest.mark.parametrize("case", sorted(CASES))
def test_workbook_reads_back_as_before(
    case: str, expected: dict[str, Any], runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / f"{case}.xlsx"
    run(runner, *arguments(case, out, tmp_path))
    found, wanted = describe(out), expected[case]
    assert found["order"] == wanted["order"]
    for name, sheet in wanted["sheets"].items():
        got = found["sheets"][name]
        different = {key: (got[key], value) for key, value in sheet.items() if got[key] != value}
        assert different == {}, f"{case}, sheet {name}: (found, expected)"


def test_the_comparison_sees_a_lost_style(tmp_path: Path) -> None:
    """A fill taken off one cell changes the fill digest and nothing else."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    book = Workbook()
    book.active["A1"] = 1
    book.active["A1"].fill = PatternFill("solid", fgColor="C6EFCE")
    book.save(tmp_path / "a.xlsx")
    book.active["A1"].fill = PatternFill()
    book.save(tmp_path / "b.xlsx")
    a, b = (describe(tmp_path / name)["sheets"]["Sheet"] for name in ("a.xlsx", "b.xlsx"))
    assert {key for key in a if a[key] != b[key]} == {"fill"}
