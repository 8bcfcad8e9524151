"""A workbook read back with openpyxl, reduced to what a reader sees: each sheet's layout
(freeze panes, filter, column widths, row heights, print set-up, page breaks) in clear, and
its cells' values, types, number formats, fonts, fills, borders, alignment and quote prefixes
as one digest per aspect, so that a lost style names its sheet and aspect.

`python tests/workbook_snapshot.py` rewrites tests/fixtures/workbooks.json from the workbooks
kxplan writes today (the snapshot of issue 15 was taken before the write-only workbooks)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "fixtures" / "workbooks.json"
PROVINCE = ROOT / "examples" / "province-15"

#: the national tree of benchmarks/national.py at this scale (94 units), written where asked
NATIONAL = "national"
NATIONAL_SCALE = "0.05"

#: name: (folder, kxplan's arguments)
CASES: dict[str, tuple[Path | str, list[str]]] = {
    "check-sample": (ROOT, ["check", "2024"]),
    "check-sample-en": (ROOT, ["check", "2024", "--lang", "en"]),
    "check-province": (PROVINCE, ["check", "2028"]),
    "check-province-2026": (PROVINCE, ["check", "2026"]),
    "check-national": (NATIONAL, ["check", "2024"]),
    "report-sample": (ROOT, ["report", "2024"]),
    "report-province": (PROVINCE, ["report", "2028"]),
    "review-sample": (ROOT, ["review", "2025"]),
    "review-province": (PROVINCE, ["review", "2028"]),
    "assess-sample": (ROOT, ["assess", "2024"]),
}

ASPECTS = ("value", "number_format", "font", "fill", "border", "alignment", "protection")


def national(dest: Path) -> Path:
    """The national tree at `NATIONAL_SCALE`, seeded: the same files every time."""
    import subprocess

    if not (dest / "targets.yaml").exists():
        script = ROOT / "benchmarks" / "national.py"
        command = [sys.executable, str(script), str(dest), "--scale", NATIONAL_SCALE]
        subprocess.run(command, check=True, capture_output=True)
    return dest


def arguments(case: str, out: Path, scratch: Path) -> list[str]:
    where, args = CASES[case]
    folder = national(scratch / NATIONAL) if where == NATIONAL else Path(where)
    plan = ["--plan", str(folder / "targets.yaml"), "--data-dir", str(folder / "data")]
    return [*args, *plan, "-o", str(out)]


def _digest(items: list[Any]) -> str:
    text = json.dumps(items, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _layout(sheet: Any) -> dict[str, Any]:
    setup, margins = sheet.page_setup, sheet.page_margins
    return {
        "freeze_panes": sheet.freeze_panes,
        "auto_filter": sheet.auto_filter.ref,
        "print_title_rows": sheet.print_title_rows,
        "orientation": setup.orientation,
        "paper_size": setup.paperSize,
        "fit_to_width": setup.fitToWidth,
        "fit_to_height": setup.fitToHeight,
        "fit_to_page": sheet.sheet_properties.pageSetUpPr.fitToPage,
        "margins": [margins.left, margins.right, margins.top, margins.bottom],
        "centred": sheet.print_options.horizontalCentered,
        "footer": sheet.oddFooter.center.text,
        "widths": {
            letter: dimension.width
            for letter, dimension in sorted(sheet.column_dimensions.items())
            if dimension.customWidth
        },
        "heights": {
            str(row): dimension.height
            for row, dimension in sorted(sheet.row_dimensions.items())
            if dimension.height is not None
        },
        "row_breaks": [brk.id for brk in sheet.row_breaks.brk],
    }


def _cells(sheet: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {aspect: [] for aspect in ASPECTS}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            where = cell.coordinate
            found["value"].append([where, repr(cell.value), cell.data_type, cell.quotePrefix])
            found["number_format"].append([where, cell.number_format])
            found["font"].append([where, repr(cell.font)])
            found["fill"].append([where, repr(cell.fill)])
            found["border"].append([where, repr(cell.border)])
            found["alignment"].append([where, repr(cell.alignment)])
            found["protection"].append([where, repr(cell.protection)])
    return found


def describe(path: Path) -> dict[str, Any]:
    """Sheet by sheet, in order: the layout, the number of cells, a digest per aspect."""
    book = load_workbook(path)
    sheets: dict[str, Any] = {}
    for sheet in book.worksheets:
        cells = _cells(sheet)
        sheets[sheet.title] = {
            **_layout(sheet),
            "cells": len(cells["value"]),
            **{aspect: _digest(items) for aspect, items in cells.items()},
        }
    return {"order": book.sheetnames, "sheets": sheets}


def main() -> None:  # pragma: no cover - run by hand
    import tempfile

    from typer.testing import CliRunner

    from kxplan.cli.app import app

    snapshot: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            out = Path(folder) / f"{case}.xlsx"
            args = arguments(case, out, Path(folder))
            result = CliRunner().invoke(app, args, env={"KXPLAN_LANG": "zh"})
            assert out.exists(), result.output
            snapshot[case] = describe(out)
    text = json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True)
    SNAPSHOT.write_text(text + "\n", encoding="utf-8")
    print(f"{SNAPSHOT}: {len(snapshot)} workbooks", file=sys.stderr)


if __name__ == "__main__":
    main()
