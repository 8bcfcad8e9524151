"""How much opening a form costs, a normal one and hostile ones (kxplan.forms.workbook).

Run from the repository root: `python benchmarks/forms.py [RUNS]`. Builds the sample 青川县
form, filled in, and forged copies of it in a temporary folder, then opens each (`open_form`,
what `import` does before it checks the cells) in a fresh process: the best wall and CPU time
of RUNS runs (default 5), the peak of Python allocations (tracemalloc, one more run) and the
process's peak resident memory; then the whole `kxplan import --dry-run` of each, once: its
wall time and peak resident memory. Tests never time anything.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHEET = "xl/worksheets/sheet1.xml"
JUNK_ROWS = range(16, 1016)  # 1000 rows after the form's own


def _rows(cell: bytes) -> bytes:
    """1000 rows of 1000 cells each (placed one after the other, as `r` may be left out)."""
    return b"".join(b'<row r="%d">' % r + cell * 1000 + b"</row>" for r in JUNK_ROWS)


def _append(xml: bytes) -> Callable[[bytes], bytes]:
    return lambda sheet: sheet.replace(b"</sheetData>", xml + b"</sheetData>", 1)


CASES: dict[str, Callable[[bytes], bytes] | None] = {
    "normal form": None,
    "forged dimension A1:XFD1048576": lambda sheet: sheet.replace(
        b'<dimension ref="A1:J15" />', b'<dimension ref="A1:XFD1048576" />'
    ),
    "far-away cell XFD1048576": _append(b'<row r="1048576"><c r="XFD1048576"><v>5</v></c></row>'),
    "1000x1000 junk values": _append(_rows(b"<c><v>1</v></c>")),
    "1000x1000 styled empty cells": _append(_rows(b'<c s="1"/>')),
}


def build(folder: Path) -> dict[str, Path]:
    """The sample project's 青川县 form, filled in, and one forged copy per case."""
    shutil.copy(ROOT / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(ROOT / "data", folder / "data")
    command = [sys.executable, "-m", "kxplan", "template", "2024", "--county", "青川县"]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)
    form = folder / "reports/forms/2024/青川县_2024.xlsx"
    import openpyxl

    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    row = next(
        r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 10).value == "spirit_lectures"
    )
    sheet.cell(row, 7).value = 3
    book.save(form)
    paths: dict[str, Path] = {}
    for number, (name, change) in enumerate(CASES.items()):
        path = folder / f"case{number}.xlsx"
        with zipfile.ZipFile(form) as source, zipfile.ZipFile(path, "w", 8) as target:
            for info in source.infolist():
                data = source.read(info.filename)
                target.writestr(
                    info.filename, change(data) if change and info.filename == SHEET else data
                )
        paths[name] = path
    return paths


def measure(path: Path, runs: int) -> dict[str, object]:
    """In this process: open the form RUNS times, then once more under tracemalloc."""
    from kxplan.forms.workbook import open_form

    best = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        opened = open_form(path, path.name, "en")
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    tracemalloc.start()
    open_form(path, path.name, "en")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    said = "opened" if not isinstance(opened, list) else opened[0].message[:60]
    return {"seconds": best, "cpu": cpu, "peak": peak, "rss": rss, "said": said}


def imported(path: Path) -> dict[str, object]:
    """In this process: run `kxplan import --dry-run` on the form in a child, once."""
    command = [sys.executable, "-m", "kxplan", "import", "--dry-run", "--lang", "en", str(path)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=path.parent, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "rss": rss, "exit": done.returncode}


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(Path(sys.argv[2]), int(sys.argv[3]))))
        return
    if sys.argv[1:2] == ["--import"]:
        print(json.dumps(imported(Path(sys.argv[2]))))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as folder:
        paths = build(Path(folder))
        print(f"{'open_form':<32} {'size':>7} {'wall':>8} {'cpu':>8} {'py peak':>8} {'RSS':>6}")
        for name, path in paths.items():
            found = _child("--one", path, runs)
            print(
                f"{name:<32} {path.stat().st_size // 1024:>5}KB {found['seconds'] * 1000:>6.1f}ms"
                f" {found['cpu'] * 1000:>6.1f}ms {found['peak'] / 2**20:>6.2f}MB"
                f" {found['rss'] / 1024:>4.0f}MB  {found['said']}"
            )
        print(f"\n{'kxplan import --dry-run':<32} {'wall':>8} {'RSS':>6} exit")
        for name, path in paths.items():
            found = _child("--import", path)
            print(
                f"{name:<32} {found['seconds'] * 1000:>6.0f}ms {found['rss'] / 1024:>4.0f}MB"
                f" {found['exit']}"
            )


def _child(mode: str, path: Path, *more: object) -> dict[str, Any]:
    command = [sys.executable, __file__, mode, str(path), *map(str, more)]
    found: dict[str, Any] = json.loads(
        subprocess.run(command, capture_output=True, check=True).stdout
    )
    return found


if __name__ == "__main__":
    main()
