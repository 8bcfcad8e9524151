"""How much `kxplan check` costs beyond importing its libraries.

Run from the repository root: `python benchmarks/startup.py [RUNS]`. Prints the minimum and
median wall time of each command over RUNS runs (default 15) and whether `check` imported
openpyxl. Figures go in docs/development.md (Performance); tests never time anything.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = "import typer, yaml; from pydantic import BaseModel; import rich.console, rich.table"
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import typer, PyYAML, pydantic, rich": [sys.executable, "-c", LIBRARIES],
    "kxplan --version": [sys.executable, "-m", "kxplan", "--version"],
    "kxplan check 2024 --format json": [
        sys.executable,
        "-m",
        "kxplan",
        "check",
        "2024",
        "-f",
        "json",
    ],
    "kxplan check 2024": [sys.executable, "-m", "kxplan", "check", "2024"],
    "kxplan validate": [sys.executable, "-m", "kxplan", "validate"],
}


def timings(command: list[str], runs: int) -> list[float]:
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        result.append(time.perf_counter() - start)
    return result


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print(f"{'command':<36} {'min':>8} {'median':>8}")
    for name, command in COMMANDS.items():
        seconds = timings(command, runs)
        print(f"{name:<36} {min(seconds):>7.3f}s {statistics.median(seconds):>7.3f}s")
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kxplan", "check", "2024"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    imported = "openpyxl" in trace.stderr
    print(f"openpyxl imported by `kxplan check 2024`: {'yes' if imported else 'no'}")


if __name__ == "__main__":
    main()
