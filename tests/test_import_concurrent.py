"""Imports run by real processes at the same moment, and killed at any moment: every change
lands, no data file is ever half written, and a killed run never blocks the next."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from formhelpers import TemplateRuns, copy_project, fill, new_sample
from kxplan.files.lock import WAIT

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and processes"),
    # with xdist, one worker runs them one after the other: no two of them start processes at
    # the same time
    pytest.mark.xdist_group("processes"),
]

UNIT = "利州区"
DATA = Path(f"data/2024/{UNIT}.yaml")
FORM = Path(f"reports/forms/2024/{UNIT}_2024.xlsx")
#: one value each writer changes (the sample says 4, 6, 7, 3, 1, 4 for them)
CHANGED = ["spirit_lectures", "typical_cases", "demo_studios", "tfkjy_demo_sites"]

# A run that has loaded what an import loads and waits at the start line: released together,
# the runs overlap where it matters (reading, merging, writing) rather than in Python's start-up.
CHILD = """\
import sys
import openpyxl
from kxplan.cli.app import main
sys.stderr.write("ready\\n")
sys.stderr.flush()
sys.stdin.readline()
sys.argv = ["kxplan", *sys.argv[1:]]
main()
"""
ENV = {**os.environ, "NO_COLOR": "1", "KXPLAN_LANG": "zh"}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, template: TemplateRuns) -> Path:
    """The sample project with one form of 利州区 per writer, each changing its own value, in
    folders of their own."""
    with new_sample(tmp_path_factory) as folder:
        template("2024", "--county", UNIT)
        for number, indicator in enumerate(CHANGED):
            (folder / f"w{number}").mkdir()
            fill(FORM, {indicator: 100 + number}, out=folder / f"w{number}" / FORM.name)
    return folder


@pytest.fixture
def forms(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The writers' forms, in a copy of the project of their own."""
    monkeypatch.chdir(copy_project(made, tmp_path))
    return [tmp_path / f"w{number}" / FORM.name for number in range(len(CHANGED))]


def started_together(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, *command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for command in commands
    ]
    for process in processes:
        assert process.stderr is not None and process.stderr.readline() == "ready\n"
    for process in processes:  # the start
        assert process.stdin is not None
        process.stdin.write("\n")
        process.stdin.flush()
    done = []
    for process, command in zip(processes, commands, strict=True):
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return done


def imported(form: Path) -> None:
    """`kxplan import --force form`, which must succeed."""
    done = subprocess.run(
        [sys.executable, "-m", "kxplan", "import", "--force", str(form)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_simultaneous_imports_of_one_unit_each_land(forms: list[Path]) -> None:
    """Four `import --force` of one unit started together, each changing another value: every
    run merges onto the one before it, so all four changes are in the file, every time."""
    original = DATA.read_bytes()
    for _ in range(4):
        DATA.write_bytes(original)
        done = started_together(*(["import", "--force", str(form)] for form in forms))
        for result in done:
            assert result.returncode == 0, result.stdout + result.stderr
            assert f"→ {DATA.as_posix()}：已写入 1 项" in result.stdout
        values = yaml.safe_load(DATA.read_text(encoding="utf-8"))["values"]
        assert {i: values[i] for i in CHANGED} == {i: 100 + n for n, i in enumerate(CHANGED)}
        assert values["tfkjy_workers"]["value"] == 30184  # what no form touched stays
        assert not list(Path("data").rglob(".*"))  # no lock or temporary file left behind


def test_an_import_killed_at_any_moment_leaves_a_whole_file(forms: list[Path]) -> None:
    """SIGKILL at random moments of an import: the data file is the old one or the new one,
    whole, and the next run neither waits for the dead run's lock nor fails."""
    original = DATA.read_bytes()
    chances = random.Random(10)
    for _ in range(4):
        process = subprocess.Popen(
            [sys.executable, "-m", "kxplan", "import", "--force", str(forms[0])],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENV,
        )
        time.sleep(chances.uniform(0.1, 0.9))
        process.send_signal(signal.SIGKILL)
        process.wait()
        text = DATA.read_bytes()
        if text != original:
            assert yaml.safe_load(text)["values"]["spirit_lectures"] == 100
            DATA.write_bytes(original)
    begun = time.monotonic()
    imported(forms[1])
    assert time.monotonic() - begun < WAIT
    assert yaml.safe_load(DATA.read_text(encoding="utf-8"))["values"]["typical_cases"] == 101
    assert (
        subprocess.run(
            [sys.executable, "-m", "kxplan", "validate"], capture_output=True, env=ENV
        ).returncode
        == 0
    )
    assert not list(Path("data").rglob(".*.lock"))


HOLDER = """\
import sys, time
from pathlib import Path
from kxplan.files.lock import hold
with hold(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


def test_a_lock_held_by_a_killed_run_is_free_at_once(forms: list[Path]) -> None:
    """The OS lock dies with its process: the lock file a killed run leaves is taken and
    removed by the next run, without waiting."""
    from kxplan.yaml.write import lock_path

    data_dir = Path("data").resolve()
    lock = lock_path(data_dir, 2024, "510802")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock)], stdout=subprocess.PIPE, text=True, env=ENV
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock.exists()  # left behind, as by any killed run
    begun = time.monotonic()
    imported(forms[0])
    assert time.monotonic() - begun < 10
    assert not lock.exists()


MID_WRITE = """\
import os, sys, time
from kxplan.cli.app import main

def slow_disk(fd: int) -> None:  # the new text is in the temporary file, not yet in place
    print("writing", flush=True)
    time.sleep(600)

os.fsync = slow_disk
sys.argv = ["kxplan", *sys.argv[1:]]
main()
"""


def test_an_import_killed_in_the_middle_of_its_write(forms: list[Path]) -> None:
    """Killed with the new text half on the disk: the data file is the old one, and the next
    import takes the dead run's lock at once and clears its temporary file."""
    original = DATA.read_bytes()
    process = subprocess.Popen(
        [sys.executable, "-c", MID_WRITE, "import", "--force", str(forms[0])],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert process.stdout is not None and process.stdout.readline() == "writing\n"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert DATA.read_bytes() == original
    lock, temporary = sorted(Path("data").rglob(".*"), key=lambda path: path.suffix)
    assert lock.name == ".kxplan-2024-510802.lock"
    assert temporary.name.startswith(f".{UNIT}.yaml.") and temporary.suffix == ".tmp"
    begun = time.monotonic()
    imported(forms[1])
    assert time.monotonic() - begun < 10
    assert yaml.safe_load(DATA.read_text(encoding="utf-8"))["values"]["typical_cases"] == 101
    assert not list(Path("data").rglob(".*"))
