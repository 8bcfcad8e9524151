"""Typer's usage errors in the user's language, with exit code 2 (SPEC: usage error)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import run
from kxplan.cli.usage import say


@pytest.mark.parametrize(
    ("args", "chinese"),
    [
        (["check", "--bogus"], "没有选项 --bogus"),
        (["check", "--yea", "2024"], "没有选项 --yea，是否为 --year？"),
        (["chek"], "没有命令 “chek”，是否为 check、schema？（kxplan -h 列出全部命令）"),
        (["check", "abc"], "YEAR 的值无效：应为整数"),
        (["explain", "x", "--year", "二〇二四"], "--year 的值无效：应为整数"),
        (
            ["check", "--format", "csv"],
            "--format / -f 的值 “csv” 无效，可选：table、json、markdown、github",
        ),
        (["template"], "缺少参数 YEAR"),
        (["review", "2023", "extra"], "多余的参数：extra"),
        (["check", "2024", "-o"], "选项 -o 后面缺少值"),
    ],
)
def test_usage_errors_are_said_in_chinese(runner: CliRunner, args: list[str], chinese: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert chinese in result.output
    assert "错误" in result.output
    assert "No such" not in result.output and "Invalid value" not in result.output


def test_usage_lines_keep_the_command(runner: CliRunner) -> None:
    result = run(runner, "check", "--bogus")
    assert "Usage: kxplan check [OPTIONS] [YEAR]" in result.output
    assert "查看帮助：kxplan check -h" in result.output


@pytest.mark.parametrize(
    ("args", "env"),
    [(["check", "--bogus", "--lang", "en"], {}), (["check", "--bogus"], {"KXPLAN_LANG": "en"})],
)
def test_english_when_asked(runner: CliRunner, args: list[str], env: dict[str, str]) -> None:
    result = run(runner, *args, env=env)
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.output
    assert "没有选项" not in result.output


def test_an_unknown_command_in_english(runner: CliRunner) -> None:
    result = run(runner, "chek", "--lang=en")
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.output


def test_no_arguments_is_still_the_help(runner: CliRunner) -> None:
    result = run(runner)
    assert "Usage: kxplan [OPTIONS] COMMAND [ARGS]..." in result.output
    assert "错误" not in result.output


def test_an_unknown_message_is_left_as_it_is() -> None:
    assert say("Something typer says one day.") is None


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--lang", "en", "--bogus"],
        ["check", "2024", "--lang", "en", "--format", "xml"],
        ["check", "--lang=en", "abc"],
    ],
)
def test_lang_before_the_mistake_is_heeded(runner: CliRunner, args: list[str]) -> None:
    """click consumes the arguments it has parsed: `--lang en` before the mistake still counts."""
    result = run(runner, *args)
    assert result.exit_code == 2
    assert "Error" in result.output and "错误" not in result.output


def test_each_error_gets_the_frame_of_its_own_language(runner: CliRunner) -> None:
    """The panel's title and help line are typer's module globals: an English error after a
    Chinese one (in one process) is framed in English, and the other way round."""
    for lang, title, other in (
        ("en", "Error", "错误"),
        ("zh", "错误", "Error"),
        ("en", "Error", "错误"),
    ):
        result = run(runner, "check", "--bogus", "--lang", lang)
        assert f"─ {title} ─" in result.output and f"─ {other} ─" not in result.output
