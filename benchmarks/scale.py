"""What each command costs on the national tree, as a multiple of the libyaml floor (issue 15).

Run from the repository root: `python benchmarks/scale.py [TREE] [--runs N] [--scale F]
[--skip-xlsx]`. TREE is a folder written by benchmarks/national.py; without it, one is written
into a temporary folder at --scale (default 1: the whole country, 19,254 files).

The floor is a Python process that parses every file of TREE/data with `yaml.CSafeLoader` and
does nothing else (its start-up included, as for the commands). The floor and each command run
as processes in TREE, N times (default 5) in turns — floor, first command, second, …, then
again — so that a busy machine slows them alike. For each the table gives the median wall time,
the median CPU time (user and system of the process and the workers it waited for, from
`os.wait4`), both as multiples of the floor's, the peak memory in MB (the largest `ru_maxrss`
over the runs: that of the largest single process, the command or one of its forked workers)
and the issue's target with `met` or `NOT met` (judged on the wall time and the memory).

Cold runs pass `--no-cache` to the commands that have it (read from `kxplan CMD --help`, so
the script runs before and after the cache). When `check` has a cache, the warm runs follow:
the same commands without `--no-cache`, each run once beforehand to fill the cache, and the
script says whether the JSON of `check 2024 -f json` is byte for byte the same with and
without the cache. KXPLAN_CACHE_DIR points at a temporary folder for the whole benchmark. In
the labels C is the first county of the plan's tree, T the first target set at that level and
X a temporary workbook. Last comes the machine: cores, Python, the load averages (1, 5 and 15
minutes) at the start → at the end. Exit 1 when a command fails (exit 2 or more). Figures go in
the README and docs/development.md (Performance); tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
KXPLAN = [sys.executable, "-m", "kxplan"]
FLOOR = """import sys
from pathlib import Path
import yaml
count = 0
for path in sorted(Path(sys.argv[1]).glob("*/*.yaml")):
    with path.open(encoding="utf-8") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
    count += 1
print(count)
"""
MB = 400


@dataclass(frozen=True)
class Command:
    """One row: `label` is what runs after `kxplan`, with C, T and X put in."""

    run: str
    label: str
    ratio: float | None = None
    mb: int | None = None
    lines: bool = False


COLD = [
    Command("cold", "validate", 1.3, MB),
    Command("cold", "check 2024 -f json", 1.3, MB),
    Command("cold", "check 2024", lines=True),
    Command("cold", "review"),
    Command("cold", "report --county C", 0.3),
    Command("cold", "explain T 2024 --county C", 0.3),
    Command("cold", "check 2024 --county C -f json", 0.3),
]
XLSX = Command("cold", "check 2024 -o X --force", 4.0, MB)
WARM = [Command("warm", "check 2024 -f json", 0.25), Command("warm", "validate")]


@dataclass
class Timings:
    """Every run of one row."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    kb: list[int] = field(default_factory=list)
    worst: int = 0


def once(
    argv: list[str], cwd: Path, env: dict[str, str], out: Path
) -> tuple[float, float, int, int]:
    """Wall time, CPU time, peak RSS in kB and exit code of one run; its output goes to `out`."""
    with out.open("wb") as stdout, out.with_suffix(".err").open("wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode


def has_no_cache(command: str, cwd: Path, env: dict[str, str]) -> bool:
    """Whether `kxplan COMMAND` takes --no-cache."""
    shown = subprocess.run(
        [*KXPLAN, command, "--help"],
        cwd=cwd,
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        check=False,
    )
    return "--no-cache" in shown.stdout


def county_and_target(tree: Path) -> tuple[dict[str, Any], str]:
    """The first unit of the lowest level, and the first target set at that level."""
    with (tree / "targets.yaml").open(encoding="utf-8") as stream:
        spec = yaml.load(stream, Loader=yaml.CSafeLoader)
    lowest = spec["levels"][-1]["id"]
    county = next(unit for unit in spec["units"] if unit["level"] == lowest)

    def levels(target: dict[str, Any]) -> list[str]:
        level = target["level"]
        return level if isinstance(level, list) else [level]

    target = next(t["id"] for t in spec["targets"] if lowest in levels(t))
    return county, target


def ratio(value: float, floor: float) -> str:
    times = value / floor if floor else float("inf")
    return f"{times:.2f}×" if times < 10 else f"{times:.1f}×"


def target_text(command: Command, lines: int | None) -> str:
    if command.lines:
        return f"{lines:,} lines" if lines is not None else "—"
    parts = [f"≤{command.ratio:g}×"] if command.ratio is not None else []
    parts += [f"≤{command.mb} MB"] if command.mb is not None else []
    return ", ".join(parts) or "—"


def verdict(command: Command, times: Timings, floor: Timings) -> str:
    if times.worst >= 2:
        return f"exit {times.worst}"
    if command.ratio is None and command.mb is None:
        return ""
    wall = statistics.median(times.wall)
    fast = command.ratio is None or wall <= command.ratio * statistics.median(floor.wall)
    small = command.mb is None or max(times.kb) / 1024 <= command.mb
    return "met" if fast and small else "NOT met"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path, nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--skip-xlsx", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kxplan-scale-") as scratch:
        work = Path(scratch)
        tree: Path = args.tree
        if tree is None:
            tree = work / "tree"
            national = [sys.executable, str(ROOT / "benchmarks" / "national.py")]
            subprocess.run(
                [*national, str(tree), "--scale", str(args.scale)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        return measure(tree.resolve(), work, args.runs, args.skip_xlsx)


def measure(tree: Path, work: Path, runs: int, skip_xlsx: bool) -> int:
    load_start = os.getloadavg()
    env = {k: v for k, v in os.environ.items() if k not in ("KXPLAN_PLAN", "KXPLAN_DATA_DIR")}
    env["KXPLAN_CACHE_DIR"] = str(work / "cache")
    county, target = county_and_target(tree)
    names = {"C": county["code"], "T": target, "X": str(work / "x.xlsx")}
    reading = ("validate", "check", "review", "report", "explain")
    uncached = {command: has_no_cache(command, tree, env) for command in reading}
    rows = [*COLD, *([] if skip_xlsx else [XLSX]), *(WARM if uncached["check"] else [])]

    def argv_of(command: Command) -> list[str]:
        words = [names.get(word, word) for word in command.label.split()]
        cold = command.run == "cold" and uncached[words[0]]
        return [*KXPLAN, *words, *(["--no-cache"] if cold else [])]

    commands = {i: argv_of(command) for i, command in enumerate(rows)}
    commands[-1] = [sys.executable, "-c", FLOOR, str(tree / "data")]
    outputs = {i: work / f"out{i}.txt" for i in commands}
    for i, command in enumerate(rows):
        if command.run == "warm":  # fill the cache
            once(commands[i], tree, env, outputs[i])
    timings = {i: Timings() for i in commands}
    for _ in range(runs):
        for i in sorted(commands):  # the floor (-1) first
            wall, cpu, kb, code = once(commands[i], tree, env, outputs[i])
            timings[i].wall.append(wall)
            timings[i].cpu.append(cpu)
            timings[i].kb.append(kb)
            timings[i].worst = max(timings[i].worst, code)
    files = int(outputs[-1].read_text().strip() or 0)
    lines = {i: len(outputs[i].read_text(encoding="utf-8").splitlines()) for i in commands}
    print(f"{tree}: {len(list(tree.glob('data/*')))} years, {files:,} data files")
    print(
        f"medians of {runs} runs in turns; C = {county['code']} ({county['name']}), T = {target},"
        " X = a temporary workbook"
    )
    if not uncached["check"]:
        print("no cache in this kxplan (check has no --no-cache): no warm runs")
    print()
    print(
        f"{'run':<5} {'kxplan …':<30} {'wall':>7} {'/floor':>6} {'CPU':>7} {'/floor':>6}"
        f" {'MB':>5}  {'target':<14} verdict"
    )
    floor = timings[-1]
    table = [(-1, Command("floor", f"CSafeLoader, {files:,} files")), *enumerate(rows)]
    failed = False
    for i, command in table:
        times = timings[i]
        wall, cpu = statistics.median(times.wall), statistics.median(times.cpu)
        base_wall, base_cpu = statistics.median(floor.wall), statistics.median(floor.cpu)
        failed = failed or times.worst >= 2
        print(
            f"{command.run:<5} {command.label:<30} {wall:>6.2f}s {ratio(wall, base_wall):>6}"
            f" {cpu:>6.2f}s {ratio(cpu, base_cpu):>6} {max(times.kb) / 1024:>5.0f}"
            f"  {target_text(command, lines[i]) if i >= 0 else '':<14}"
            f" {verdict(command, times, floor) if i >= 0 else ''}".rstrip()
        )
    if uncached["check"]:
        cold_json = outputs[rows.index(COLD[1])].read_bytes()
        warm_json = outputs[rows.index(WARM[0])].read_bytes()
        same = "identical" if cold_json == warm_json else "DIFFERENT"
        print(f"\ncheck 2024 -f json with and without the cache: {same} ({len(cold_json):,} bytes)")
    for i, command in enumerate(rows):
        if timings[i].worst >= 2:
            error = outputs[i].with_suffix(".err").read_text(encoding="utf-8").strip()
            print(f"\n{command.run} {command.label}: exit {timings[i].worst}\n{error[-800:]}")
    end = os.getloadavg()
    print(
        f"\nmachine: {os.cpu_count()} cores, Python {platform.python_version()}, load average"
        f" {' '.join(f'{x:.2f}' for x in load_start)} → {' '.join(f'{x:.2f}' for x in end)}"
        " (1, 5, 15 min)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
