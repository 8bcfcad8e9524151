"""How much `kxplan check` costs beyond importing its libraries.

Run from the repository root: `python benchmarks/startup.py [RUNS]`. Runs each command RUNS times
(default 15), one after the other in turns so that a busy machine slows them alike, and prints
the minimum and median wall time of each and its least CPU time (user and system, which other
processes on a shared machine disturb less), then the two ratios of issue 11 item 8 against
their targets: `kxplan check 2024` and `kxplan --version` over the bare imports of typer,
PyYAML, pydantic and rich (of the minima; of the medians and CPU times beside them).
The typer line is a yardstick: the same imports and a typer command taking one int, which costs
what typer adds when it parses a parameter (it builds pydantic adapters). Figures go in the
CHANGELOG and docs/development.md (Performance); tests never time anything.
"""

from __future__ import annotations

import resource
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


def once(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user and system) of one run of `command`."""
    before = _cpu()
    start = time.perf_counter()
    subprocess.run(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start, _cpu() - before


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    wall: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, command in COMMANDS.items():
            seconds, used = once(command)
            wall[name].append(seconds)
            cpu[name].append(used)
    low = {name: min(times) for name, times in wall.items()}
    mid = {name: statistics.median(times) for name, times in wall.items()}
    low_cpu = {name: min(times) for name, times in cpu.items()}
    print(f"{'command':<42} {'min':>8} {'median':>8} {'CPU min':>8}   ({runs} runs)")
    for name in COMMANDS:
        print(f"{name:<42} {low[name]:>7.3f}s {mid[name]:>7.3f}s {low_cpu[name]:>7.3f}s")
    print()
    for name, target in RATIOS.items():
        ratio = low[name] / low[BARE]
        verdict = "met" if ratio <= target else "missed"
        print(
            f"{name} / bare imports: {ratio:.2f}× (median {mid[name] / mid[BARE]:.2f}×, "
            f"CPU {low_cpu[name] / low_cpu[BARE]:.2f}×), target ≤ {target}×: {verdict}"
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
