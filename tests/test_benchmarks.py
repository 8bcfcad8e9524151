"""The benchmark scripts still run (nothing timed here: a tiny tree, one run)."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from conftest import ROOT, run

COLD = [
    "validate",
    "check 2024 -f json",
    "check 2024",
    "review",
    "report --county C",
    "explain T 2024 --county C",
    "check 2024 --county C -f json",
]
WARM = ["check 2024 -f json", "validate"]


def test_scale_prints_a_row_per_command_and_the_floor(runner: CliRunner) -> None:
    script = ROOT / "benchmarks" / "scale.py"
    argv = [sys.executable, str(script), "--scale", "0.01", "--runs", "1", "--skip-xlsx"]
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("run "))
    table = lines[head + 1 : lines.index("", head)]
    cached = "--no-cache" in run(runner, "check", "--help").output
    expected = [("cold", label) for label in COLD] + [("warm", label) for label in WARM] * cached
    assert table[0].startswith("floor CSafeLoader, 564 files ")
    rows = [(line[:5].strip(), line[6:36].strip()) for line in table[1:]]
    assert rows == expected
    assert ("2024 -f json with and without the cache: identical" in done.stdout) == cached
    assert all(len(line) <= 100 for line in table)
    assert "lines" in table[1 + COLD.index("check 2024")]
    machine = lines[-1]
    assert machine.startswith("machine: ")
    assert len(machine) <= 100
