"""Problems and errors fit the terminal too (the house rule: every line within COLUMNS, Chinese
two columns): a plan's problems and the one-line errors wrap, the rest indented; and an empty
`--county` is an error, not "no county"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import plan_dict, run
from kinds import LECTURES

NARROW = {"COLUMNS": "60"}


@pytest.fixture
def broken(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(plan_dict(LECTURES), {(2024, "乙区"): {"count_flow": 3}})
    plan = folder / "targets.yaml"
    text = plan.read_text(encoding="utf-8").replace("kind: annual", "kind: yearly_and_more")
    plan.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def valid(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(plan_dict(LECTURES), {(2024, "乙区"): {"count_flow": 3}})
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("command", [["validate"], ["check", "2024"], ["targets"]])
def test_a_plans_problems_wrap_to_the_terminal(
    runner: CliRunner, broken: Path, command: list[str]
) -> None:
    result = run(runner, *command, env=NARROW)
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0].startswith("targets.yaml:") and "plan-error" in lines[0]
    assert len(lines) > 1 and all(line.startswith("    ") for line in lines[1:])
    assert max(cell_len(line) for line in lines) <= 60


def test_an_error_message_wraps_to_the_terminal(runner: CliRunner, valid: Path) -> None:
    result = run(runner, "explain", env=NARROW)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("kxplan: ") and len(lines) > 1
    assert max(cell_len(line) for line in lines) <= 60


@pytest.mark.parametrize("command", [["report"], ["explain", "lectures"]])
def test_an_empty_county_is_refused(runner: CliRunner, valid: Path, command: list[str]) -> None:
    result = run(runner, *command, "--county", "")
    assert result.exit_code == 2
    assert "--county" in result.stderr
