"""How much `kxplan check` costs beyond importing its libraries.

Run from the repository root: `python benchmarks/startup.py [RUNS]`. Runs each command RUNS times
(default 15), one after the other in turns so that a busy machine slows them alike, and prints
the minimum and median wall time of each, then the two ratios of issue 11 item 8 against their
targets: `kxplan check 2024` and `kxplan --version` over the bare imports of typer, PyYAML,
pydantic and rich (minima, the figure least disturbed by other processes; medians beside them).
The typer line is a yardstick: the same imports and a typer command taking one int, which costs
what typer adds when it parses a parameter (it builds pydantic adapters). Figures go in the
CHANGELOG and docs/development.md (Performance); tests never time anything.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = "import typer, yaml; from pydantic import BaseModel; import rich.console, rich.table"
TYPER_ONE_INT = f"""{LIBRARIES}
app = typer.Typer()
@app.command()
def main(year: int) -> None: pass
app(["2024"])
"""
BARE = "import typer, PyYAML, pydantic, rich"
KXPLAN = [sys.executable, "-m", "kxplan"]
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    BARE: [sys.executable, "-c", LIBRARIES],
    "the same and a typer command(year: int)": [sys.executable, "-c", TYPER_ONE_INT],
    "kxplan --version": [*KXPLAN, "--version"],
    "kxplan check 2024 --format json": [*KXPLAN, "check", "2024", "-f", "json"],
    "kxplan check 2024": [*KXPLAN, "check", "2024"],
    "kxplan validate": [*KXPLAN, "validate"],
}
#: the most each command may cost, as a multiple of the bare imports
RATIOS = {"kxplan check 2024": 1.3, "kxplan --version": 1.1}


def once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    seconds: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, command in COMMANDS.items():
            seconds[name].append(once(command))
    low = {name: min(times) for name, times in seconds.items()}
    mid = {name: statistics.median(times) for name, times in seconds.items()}
    print(f"{'command':<42} {'min':>8} {'median':>8}   ({runs} runs)")
    for name in COMMANDS:
        print(f"{name:<42} {low[name]:>7.3f}s {mid[name]:>7.3f}s")
    print()
    for name, target in RATIOS.items():
        ratio, median = low[name] / low[BARE], mid[name] / mid[BARE]
        verdict = "met" if ratio <= target else "missed"
        print(
            f"{name} / bare imports: {ratio:.2f}× (median {median:.2f}×), "
            f"target ≤ {target}×: {verdict}"
        )
    trace = subprocess.run(
        [*KXPLAN[:1], "-X", "importtime", *KXPLAN[1:], "check", "2024"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    imported = "openpyxl" in trace.stderr
    print(f"openpyxl imported by `kxplan check 2024`: {'yes' if imported else 'no'}")


if __name__ == "__main__":
    main()
