"""Shell completion through the real `kxplan` command and click's environment protocol (issue 14
item 3): commands, options, years with data, unit names and codes, target ids — with the
commands loaded lazily, and quietly where there is no plan."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

KXPLAN = str(Path(sys.executable).with_name("kxplan"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "targets.yaml", folder)
    shutil.copytree(ROOT / "data", folder / "data")
    return folder


def complete(folder: Path, line: str, shell: str = "bash") -> subprocess.CompletedProcess[str]:
    words = line.split(" ")
    env = {
        **os.environ,
        "_KXPLAN_COMPLETE": f"complete_{shell}",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "KXPLAN_PLAN": "",
        "KXPLAN_DATA_DIR": "",
    }
    return subprocess.run(
        [KXPLAN], cwd=folder, env=env, capture_output=True, text=True, check=False, timeout=60
    )


def candidates(folder: Path, line: str) -> list[str]:
    result = complete(folder, line)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("kxplan ch", ["check"]),
        ("kxplan check --fa", ["--fail-on"]),
        ("kxplan check --county 利", ["利州区"]),
        ("kxplan report --county 5108", [f"51080{n}" for n in (0, 2)] + ["510811", "510812"]),
        ("kxplan explain tfkjy_w", ["tfkjy_workers_2025"]),
        ("kxplan template 202", ["2021", "2022", "2023", "2024", "2025"]),
    ],
)
def test_bash_candidates(sample: Path, line: str, expected: list[str]) -> None:
    found = candidates(sample, line)
    assert set(expected) <= set(found), found


def test_years_are_those_with_data(sample: Path) -> None:
    with_data = sorted(p.name for p in (sample / "data").iterdir() if p.name != "2020")
    assert candidates(sample, "kxplan check 20") == with_data


def test_no_plan_no_candidates_and_no_error(tmp_path: Path) -> None:
    (tmp_path / "targets.yaml").write_text("plan: [unclosed\n", encoding="utf-8")
    assert candidates(tmp_path, "kxplan check --county 利") == []
    assert candidates(tmp_path, "kxplan explain x") == []


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_get_the_units_too(sample: Path, shell: str) -> None:
    result = complete(sample, "kxplan check --county 利", shell)
    assert result.returncode == 0 and "利州区" in result.stdout, result.stdout + result.stderr


def test_show_completion_for_the_shell_it_runs_in(sample: Path) -> None:
    """Typer finds the shell from the process tree; bash is the one every machine has."""
    result = subprocess.run(
        ["bash", "-c", f"{KXPLAN} --show-completion"], cwd=sample, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "_KXPLAN_COMPLETE=complete_bash" in result.stdout
