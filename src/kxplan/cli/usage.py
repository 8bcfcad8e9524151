"""Typer's own usage errors (an unknown option, a missing argument, a year that is not a
number) in the user's language: Chinese unless `--lang en` or `KXPLAN_LANG=en`.

Typer (and click before it) words these in English; the text is matched here and said again.
A message this module does not know is left as it is, so a new typer version can only make a
message English again, never lose it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import typer

from kxplan.text.messages import default_lang

#: click's UsageError, whether typer vendors click (0.2x) or depends on it (0.12–0.1x).
UsageError: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "UsageError"
)


def lang_of(args: Sequence[str]) -> str:
    """The `--lang` the command line asks for, else the default (`KXPLAN_LANG` or zh)."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.removeprefix("--lang=") == "en" else "zh"
    return default_lang()


def in_language(error: Any, lang: str) -> Any:
    """`error` (a click UsageError) said in `lang`: the same error, or one with the message
    said again, with the same context (for the usage line) and exit code (2)."""
    if type(error).__name__ == "NoArgsIsHelpError":  # that one is the help
        return error
    said = None if lang == "en" else say(error.format_message())
    _frame(chinese=said is not None)
    if said is None:
        return error
    return UsageError(said, getattr(error, "ctx", None))


def say(message: str) -> str | None:
    """The Chinese of one of typer's English usage messages; None for one not known here."""
    for pattern, words in _MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            return words(match)
    return None


def _names(text: str) -> str:
    """`'check', 'schema'` → `check、schema`; `'--format' / '-f'` → `--format / -f`."""
    return "、".join(part.strip().strip("'") for part in text.split(",")).replace("'", "")


def _invalid(match: re.Match[str]) -> str:
    hint, why = _names(match["hint"]), match["why"].strip()
    choice = re.fullmatch(r"(?:Value error, )?'(.*)' is not one of (.+?)\.?", why)
    if choice is not None:
        return f"{hint} 的值 “{choice[1]}” 无效，可选：{_names(choice[2])}"
    if "valid integer" in why:
        return f"{hint} 的值无效：应为整数"
    return f"{hint} 的值无效：{why}"


def _unknown_option(match: re.Match[str]) -> str:
    said = f"没有选项 {match['name']}"
    if match["options"]:
        said += f"，是否为 {_names(match['options'])}？"
    return said


def _unknown_command(match: re.Match[str]) -> str:
    said = f"没有命令 “{match['name']}”"
    if match["options"]:
        said += f"，是否为 {_names(match['options'])}？"
    return said + "（kxplan -h 列出全部命令）"


_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<options>.+)\))?"),
        _unknown_option,
    ),
    (
        re.compile(r"No such option: (?P<name>\S+)(?: Did you mean (?P<options>.+)\?)?"),
        _unknown_option,
    ),
    (
        re.compile(r"No such command '(?P<name>.+?)'\.(?: Did you mean (?P<options>.+)\?)?"),
        _unknown_command,
    ),
    (re.compile(r"Missing argument '(?P<name>.+)'\."), lambda m: f"缺少参数 {m['name']}"),
    (re.compile(r"Missing option '(?P<name>.+)'\."), lambda m: f"缺少选项 {_names(m['name'])}"),
    (
        re.compile(r"Option '(?P<name>.+)' requires an argument\."),
        lambda m: f"选项 {m['name']} 后面缺少值",
    ),
    (
        re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.+)\)"),
        lambda m: f"多余的参数：{m['args']}",
    ),
    (re.compile(r"Invalid value for (?P<hint>.+?): (?P<why>.+)", re.S), _invalid),
]


def _frame(*, chinese: bool) -> None:
    """The error panel's title and its “Try … for help” line, when typer draws them: Chinese
    around a Chinese message, typer's own around an English one (they are module globals of
    typer.rich_utils, so each error sets them afresh)."""
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich
        return
    if not _TYPER_FRAME:
        _TYPER_FRAME.update(title=rich_utils.ERRORS_PANEL_TITLE, help=rich_utils.RICH_HELP)
    rich_utils.ERRORS_PANEL_TITLE = "错误" if chinese else _TYPER_FRAME["title"]
    rich_utils.RICH_HELP = (
        "查看帮助：[blue]{command_path} {help_option}[/]" if chinese else _TYPER_FRAME["help"]
    )


_TYPER_FRAME: dict[str, str] = {}
