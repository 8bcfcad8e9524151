"""Every command's `--help` (issue 14 item 3): each option in Chinese and English with its
default, examples, and the exit codes the command can return — read at 80 columns."""

from __future__ import annotations

import ast
import re
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.cli.app import app
from kxplan.cli.handler import ExitCode

GROUP: Any = typer.main.get_command(app)  # click's, or the one typer carries
NAMES: list[str] = GROUP.list_commands(typer.Context(GROUP))
COMMANDS = ROOT / "src" / "kxplan" / "cli" / "commands"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]+ [a-z]+")


def command(name: str) -> Any:
    found = GROUP.get_command(typer.Context(GROUP), name)
    assert found is not None
    return found


def shown(runner: CliRunner, name: str) -> str:
    result = run(runner, name, "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    return str(result.output)


def exit_codes(text: str) -> set[int]:
    """The codes listed under 退出码 / Exit codes."""
    after = text.split("退出码 / Exit codes", 1)[1].split("╭", 1)[0]
    return {int(code) for code in re.findall(r"^\s+(\d)  ", after, re.M)}


def test_there_are_commands() -> None:
    assert {"check", "report", "review", "import", "template"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_option_is_said_in_chinese_and_english_with_its_default(name: str) -> None:
    for param in command(name).params:
        if param.name == "help":
            continue
        text = getattr(param, "help", None) or ""
        assert CHINESE.search(text) and ENGLISH.search(text), (name, param.name, text)
        chinese = text.rsplit("\n\n", 1)[0]
        flag = getattr(param, "is_flag", False)
        # a default typer shows, or one said in words (`默认：最近有数据的年份`)
        if not (flag or param.required or (param.default is not None and param.show_default)):
            assert "默认" in chinese and "default" in text, (name, param.name, text)


@pytest.mark.parametrize("name", NAMES)
def test_help_has_examples_and_nothing_cut_at_80_columns(runner: CliRunner, name: str) -> None:
    text = shown(runner, name)
    examples = text.split("示例 / Examples", 1)[1].split("退出码", 1)[0]
    assert re.search(rf"^\s+kxplan {name}\b", examples, re.M), text
    cut = [line for line in text.splitlines() if re.search(r"\S… │$", line)]
    assert cut == []  # a run of Chinese wider than the column ends in `…`


@pytest.mark.parametrize("name", NAMES)
def test_exit_codes_in_the_help_are_those_the_command_can_return(
    runner: CliRunner, name: str
) -> None:
    said = exit_codes(shown(runner, name))
    module = command(name).callback.__module__.rsplit(".", 1)[1]
    source = ast.parse((COMMANDS / f"{module}.py").read_text(encoding="utf-8"))
    raised = {
        ExitCode[node.attr].value
        for node in ast.walk(source)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "ExitCode"
        and node.attr in ExitCode.__members__
    }
    # every command takes options (2) and reads a plan (3); it says what it returns itself
    assert {0, 2, 3} | (raised - {ExitCode.INTERRUPTED, ExitCode.INTERNAL}) <= said
    assert said <= {0, 1, 2, 3}
    assert (1 in said) == (name == "check")  # only check has --fail-on


def test_fail_on_lists_the_statuses(runner: CliRunner) -> None:
    text = shown(runner, "check")
    for word in ("not_met", "未达标", "not met", "behind", "相对滞后", "missing", "缺数据"):
        assert word in text
