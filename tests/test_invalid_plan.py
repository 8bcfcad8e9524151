"""An invalid plan (issue 11 item 3): each command says the plan's problems in its own format,
and in JSON in its own shape — every key it writes for a valid plan, empty, and the problems —
never another command's."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run
from kinds import LECTURES, RATE
from kxplan.model.status import Status

COMMANDS: dict[str, list[str]] = {
    "check": ["check", "2024"],
    "validate": ["validate"],
    "targets": ["targets"],
    "explain": ["explain", "lectures", "2024", "--county", "乙区"],
    "report": ["report", "2024"],
    "review": ["review", "2024"],
}
FORMATS: dict[str, list[str]] = {
    "check": ["table", "json", "markdown", "github"],
    "validate": ["text", "json", "github"],
    "targets": ["table", "json", "markdown"],
    "explain": ["text", "json"],
    "report": ["table", "json", "markdown"],
    "review": ["table", "json", "markdown"],
}
CASES = [(command, fmt) for command, formats in FORMATS.items() for fmt in formats]
#: the plan's problem: an unknown kind, at line 65 of the plan `plan_dict` writes
WHERE = "targets.yaml:65:9: plan-error: "


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    values = {
        (2020, "甲市"): {"rate": 8.6},
        (2024, "甲市"): {"rate": 11.9},
        (2024, "乙区"): {"count_flow": 3},
    }
    found = project(plan_dict(LECTURES, RATE), values)
    monkeypatch.chdir(found)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return found


def break_plan(folder: Path) -> None:
    plan = folder / "targets.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("kind: annual", "kind: yearly"), encoding="utf-8")


def json_of(runner: CliRunner, command: str) -> dict[str, Any]:
    result = run(runner, *COMMANDS[command], "--format", "json")
    assert result.exit_code in (0, 1, 3), result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_the_plans_problem_is_where_the_tests_say(runner: CliRunner, folder: Path) -> None:
    break_plan(folder)
    result = run(runner, "validate")
    assert result.stdout.startswith(WHERE), result.stdout


@pytest.mark.parametrize(("command", "fmt"), CASES)
def test_an_invalid_plan_in_each_commands_format(
    runner: CliRunner, folder: Path, command: str, fmt: str
) -> None:
    shape = json_of(runner, command) if fmt == "json" else {}  # the valid plan's
    break_plan(folder)
    result = run(runner, *COMMANDS[command], "--format", fmt)
    assert result.exit_code == 3, result.output
    out = result.stdout
    if fmt == "json":
        document = json.loads(out)
        assert list(document) == [*[key for key in shape if key != "problems"], "problems"]
        [problem] = document["problems"]
        assert (problem["file"], problem["line"], problem["code"]) == (
            "targets.yaml",
            65,
            "plan-error",
        )
        for key, value in document.items():  # nothing evaluated: every other value empty
            asked = key in ("problems", "fail_on", "year")  # what the command line asked
            assert asked or value in (None, [], 0) or isinstance(value, dict), key
    elif fmt == "github":
        assert out.startswith("::error file=targets.yaml,line=65,col=9,title=kxplan plan-error::")
        assert len(out.splitlines()) == 1
    elif fmt == "markdown":
        assert out.startswith("### 规划文件问题\n\n- `targets.yaml:65:9` plan-error: ")
    else:
        assert out.startswith(WHERE) and len(out.splitlines()) == 1


def test_check_json_writes_every_key_check_always_writes(runner: CliRunner, folder: Path) -> None:
    """SPEC §6: the summary counts every status, and --fail-on is as asked."""
    break_plan(folder)
    result = run(runner, "check", "2024", "--format", "json", "--fail-on", "missing,behind")
    document = json.loads(result.stdout)
    assert document["summary"] == {status.value: 0 for status in Status}
    assert document["fail_on"] == ["behind", "missing"]
    assert document["failed"] == 0 and document["results"] == []


@pytest.mark.parametrize("command", ["check", "report", "review"])
def test_with_output_file_the_screen_has_lines(
    runner: CliRunner, folder: Path, command: str
) -> None:
    """With `-o`, standard output carries lines (as it does the data's problems then)."""
    break_plan(folder)
    result = run(runner, *COMMANDS[command], "--format", "json", "-o", "./out.json")
    assert result.exit_code == 3
    assert result.stdout.startswith(WHERE) and not Path("out.json").exists()


@pytest.mark.parametrize(
    "args",
    [["template", "2024"], ["import", "."], ["schema"], ["check", "2024", "--lang", "en"]],
)
def test_commands_without_formats_say_lines(
    runner: CliRunner, folder: Path, args: list[str]
) -> None:
    break_plan(folder)
    result = run(runner, *args)
    assert result.exit_code == 3
    assert WHERE.split(" plan-error")[0] in result.stdout


def test_check_json_of_an_invalid_plan_keeps_the_year_asked_for(
    runner: CliRunner, folder: Path
) -> None:
    """The year is known from the command line, though the plan is not: say it, not null."""
    break_plan(folder)
    assert json_of(runner, "check")["year"] == 2024
    result = run(runner, "check", "--year", "2023", "--format", "json")
    assert json.loads(result.stdout)["year"] == 2023
