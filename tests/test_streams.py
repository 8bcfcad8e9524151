"""Streams and signals through the real `kxplan` command (issue 14 item 4): results on standard
output and status lines on standard error; a reader that closes the pipe (`| head -1`) changes
no exit code; Ctrl-C during start-up and during work is one line and exit 130."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run

KXPLAN = str(Path(sys.executable).with_name("kxplan"))
SLOW = Path(__file__).parent / "fixtures" / "slowimport"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "targets.yaml", tmp_path)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def env(**more: str) -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "KXPLAN_LANG": "zh", **more}


def finished(folder: Path, *args: str) -> int:
    return subprocess.run(
        [KXPLAN, *args], cwd=folder, env=env(), capture_output=True, check=False
    ).returncode


@pytest.mark.parametrize(
    "args",
    [["review"], ["check", "2024"], ["check", "2024", "-f", "json"], ["targets"], ["check", "-h"]],
)
def test_a_closed_pipe_changes_no_exit_code(sample: Path, args: list[str]) -> None:
    """The reader is gone before kxplan writes a byte: the worst case of `| head -1`."""
    process = subprocess.Popen(
        [KXPLAN, *args], cwd=sample, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == finished(sample, *args)
    assert "BrokenPipe" not in stderr and "Traceback" not in stderr, stderr


def test_head_one_in_a_shell(sample: Path) -> None:
    script = f"set -o pipefail; {KXPLAN} review | head -1"
    result = subprocess.run(
        ["bash", "-c", script], cwd=sample, env=env(), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and result.stderr == ""


def interrupted(folder: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`kxplan ARGS`, with Ctrl-C sent while `module` is being imported."""
    mark = folder / "importing"
    more = env(PYTHONPATH=str(SLOW), KXPLAN_TEST_SLOW=module, KXPLAN_TEST_MARK=str(mark))
    process = subprocess.Popen(
        [KXPLAN, *args], cwd=folder, env=more, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not mark.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert mark.exists(), "the slow import never began"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out.decode(), err.decode())


@pytest.mark.parametrize(
    ("module", "args"),
    [
        ("typer", ["check", "2024"]),  # start-up: the command line is not even read yet
        ("rich.console", ["targets", "--lang", "en"]),
        ("kxplan.forms.store", ["import", "data/"]),  # the command runs: the plan is open
    ],
)
def test_ctrl_c_is_one_line_and_130(sample: Path, module: str, args: list[str]) -> None:
    result = interrupted(sample, module, *args)
    assert result.returncode == 130, result.stderr
    said = "interrupted (Ctrl-C)" if "en" in args else "已中断（Ctrl-C）"
    assert result.stderr == f"kxplan: {said}\n"


def test_written_to_is_a_status_on_stderr(sample: Path) -> None:
    for args in (
        ["check", "2024", "-o", "c.json"],
        ["review", "-o", "r.md"],
        ["schema", "-o", "s.json"],
    ):
        result = subprocess.run(
            [KXPLAN, *args], cwd=sample, env=env(), capture_output=True, text=True, check=False
        )
        assert "已写入" in result.stderr and "已写入" not in result.stdout, args


def test_template_and_init_say_what_they_wrote_on_stderr(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(sample)
    made = run(runner, "template", "2024", "--county", "利州区")
    assert made.exit_code == 0 and made.stdout == ""
    assert "利州区_2024.xlsx" in made.stderr
    init = run(runner, "init", "new")
    assert init.exit_code == 0 and init.stdout == ""
    assert "targets.yaml" in init.stderr


def test_the_entry_point_imports_nothing_heavy() -> None:
    """So that Ctrl-C at start-up is caught: the handler is installed before typer loads."""
    heavy = "('typer', 'rich', 'pydantic', 'yaml')"
    code = f"import sys, kxplan.cli.entry; print([m for m in sys.modules if m.startswith({heavy})])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_terminal_without_the_glyphs_gets_a_stand_in_not_an_internal_error(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "KXPLAN_LANG": "zh"}
    done = subprocess.run(
        [sys.executable, "-m", "kxplan", "check", "2024"], cwd=ROOT, env=env, capture_output=True
    )
    assert done.returncode == 1, done.stderr.decode("gbk", errors="replace")  # missed targets
    shown = done.stdout.decode("gbk")
    assert "公民科学素质比例达13%" in shown and "?" in shown  # ✔ cannot be written in GBK
