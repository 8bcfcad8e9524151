"""Helpers for the form tests: a copy of the sample project, and filling forms as people do."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl

from conftest import ROOT
from kxplan.forms import layout

PARTS = {"value": layout.VALUE, "source": layout.SOURCE, "note": layout.NOTE}


def sample_project(folder: Path) -> Path:
    """The bundled plan and sample data, copied so that tests may change them."""
    shutil.copy(ROOT / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(ROOT / "data", folder / "data")
    return folder


def rows_by_id(path: Path) -> dict[str, int]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return {
        str(sheet.cell(row, layout.ID).value): row
        for row in range(layout.FIRST_ROW, sheet.max_row + 1)
        if sheet.cell(row, layout.ID).value
    }


def cell(path: Path, indicator: str, part: str = "value") -> str:
    """`G7`: where an indicator's value (or source, note) is typed in a form."""
    return layout.coordinate(rows_by_id(path)[indicator], PARTS[part])


def fill(
    path: Path,
    values: dict[str, Any],
    *,
    out: Path | None = None,
    formats: dict[str, str] | None = None,
    sources: dict[str, Any] | None = None,
    notes: dict[str, Any] | None = None,
    cells: dict[str, Any] | None = None,
) -> Path:
    """Type into a form as a person would: values by indicator id, any cell by coordinate."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = rows_by_id(path)
    for part, typed in (("value", values), ("source", sources or {}), ("note", notes or {})):
        for indicator, value in typed.items():
            sheet.cell(rows[indicator], PARTS[part]).value = value
    for indicator, number_format in (formats or {}).items():
        sheet.cell(rows[indicator], layout.VALUE).number_format = number_format
    for where, value in (cells or {}).items():
        sheet[where].value = value
    target = out or path
    book.save(target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to prove that nothing was written."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def rewrite_part(path: Path, part: str, change: Any, *, out: Path | None = None) -> Path:
    """Rewrite one part of a workbook's zip (`change` maps its bytes to new bytes)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    target = out or path
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info.filename, change(data) if info.filename == part else data)
    return target


def replace_cell(path: Path, where: str, xml: str, *, out: Path, sheet: int = 1) -> Path:
    """Put `xml` in place of the cell `where` (`G5`) in a sheet's XML, as a forger would."""
    import re

    pattern = re.compile(rb'<c r="%s"[^>]*?(?:/>|>.*?</c>)' % where.encode(), re.DOTALL)

    def change(data: bytes) -> bytes:
        changed, count = pattern.subn(lambda _: xml.encode("utf-8"), data, count=1)
        assert count == 1, f"no cell {where}"
        return changed

    return rewrite_part(path, f"xl/worksheets/sheet{sheet}.xml", change, out=out)
