"""`kxplan check -o FILE.xlsx` at two sizes of the national tree: does the workbook grow
linearly with the units (issue 15 item 5)?

`python benchmarks/workbook.py [WORK] [--scales 0.25 1] [--runs 3]` writes the national tree of
benchmarks/national.py at each scale under WORK (a temporary folder by default; a tree already
there is reused, and never written to), then runs `kxplan check 2024 -o FILE.xlsx` (FILE in a
temporary folder) RUNS times at each, and beside it `kxplan check 2024 --format json`, the same
work without the workbook. It prints the median wall time, least CPU time (user and system) and
largest peak resident memory of each, then the ratios of the largest scale to the smallest:
units, workbook wall time, workbook CPU time. Linear means a time ratio about the units ratio.
Tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KXPLAN = [sys.executable, "-m", "kxplan"]


def tree(work: Path, scale: float) -> Path:
    dest = work / f"national-{scale:g}"
    if not (dest / "targets.yaml").exists():
        script = ROOT / "benchmarks" / "national.py"
        command = [sys.executable, str(script), str(dest), "--scale", str(scale)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return dest


def once(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall time, CPU time (user and system) and peak resident memory (KB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(command: list[str], cwd: Path, runs: int) -> tuple[float, float, int]:
    """Median wall time, least CPU time, largest peak memory of `runs` runs."""
    found = [once(command, cwd) for _ in range(runs)]
    walls, cpus, peaks = zip(*found, strict=True)
    return statistics.median(walls), min(cpus), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, nargs="?")
    parser.add_argument("--scales", type=float, nargs=2, default=[0.25, 1.0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for scale in args.scales:
            folder = tree(work, scale)
            units = len(list((folder / "data" / "2024").glob("*.yaml")))
            out = Path(scratch) / f"check-{scale:g}.xlsx"  # never inside the tree
            workbook = [*KXPLAN, "check", "2024", "-o", str(out), "--force"]
            as_json = [*KXPLAN, "check", "2024", "--format", "json"]
            xlsx = measure(workbook, folder, args.runs)
            json_ = measure(as_json, folder, args.runs)
            rows.append((scale, units, xlsx, json_))
    print(f"{'scale':>5} {'units':>6}  {'check -o .xlsx':>28}  {'check --format json':>28}")
    for scale, units, (wall, cpu, peak), (jwall, jcpu, jpeak) in rows:
        print(
            f"{scale:>5g} {units:>6}  {wall:6.1f} s {cpu:6.1f} s CPU {peak / 1024:5.0f} MB"
            f"  {jwall:6.1f} s {jcpu:6.1f} s CPU {jpeak / 1024:5.0f} MB"
        )
    (_, small, (wall0, cpu0, _), _), (_, large, (wall1, cpu1, _), _) = rows[0], rows[-1]
    print(
        f"ratios {args.scales[-1]:g}/{args.scales[0]:g}: units {large / small:.1f}×, "
        f"workbook wall {wall1 / wall0:.1f}×, CPU {cpu1 / cpu0:.1f}×"
    )


if __name__ == "__main__":
    main()
