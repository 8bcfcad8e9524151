"""Typer's own usage errors (an unknown option, a missing argument, a year that is not a
number) in the user's language: Chinese unless `--lang en` or `KXPLAN_LANG=en`.

Typer (and click before it) words these in English; the text is matched here and said again.
A message this module does not know is left as it is, so a new typer version can only make a
message English again, never lose it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import typer

from kxplan.text import keeps_english, tr
from kxplan.text import lang_of as lang_of  # where `app` finds it

#: click's UsageError and the base of its exceptions, whether typer vendors click (0.2x) or
#: depends on it (0.1x).
UsageError: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "UsageError"
)
ClickException: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException"
)


def in_language(error: Any, lang: str) -> Any:
    """`error` (a click UsageError) said in `lang`: the same error, or one with the message
    said again, with the same context (for the usage line) and exit code (2)."""
    if type(error).__name__ == "NoArgsIsHelpError":  # that one is the help
        return error
    said = None if keeps_english(lang) else say(error.format_message(), lang)
    _frame(lang if said is not None else None)
    if said is None:
        return error
    return UsageError(said, getattr(error, "ctx", None))


def say(message: str, lang: str = "zh") -> str | None:
    """One of typer's English usage messages in `lang` (Chinese unless told); None for one not
    known here."""
    for pattern, words in _MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            return words(match, lang)
    return None


def _names(text: str, lang: str) -> str:
    """`'check', 'schema'` → `check、schema`; `'--format' / '-f'` → `--format / -f`."""
    names = [part.strip().strip("'") for part in text.split(",")]
    return tr("list-comma", lang).join(names).replace("'", "")


def _invalid(match: re.Match[str], lang: str) -> str:
    hint, why = _names(match["hint"], lang), match["why"].strip()
    choice = re.fullmatch(r"(?:Value error, )?'(.*)' is not one of (.+?)\.?", why)
    if choice is not None:
        choices = _names(choice[2], lang)
        return tr("usage-not-a-choice", lang, hint=hint, value=choice[1], choices=choices)
    if "valid integer" in why:
        return tr("usage-not-an-integer", lang, hint=hint)
    return tr("usage-invalid", lang, hint=hint, why=why)


def _unknown_option(match: re.Match[str], lang: str) -> str:
    said = tr("usage-no-option", lang, name=match["name"])
    if match["options"]:
        said += tr("usage-did-you-mean", lang, options=_names(match["options"], lang))
    return said


def _unknown_command(match: re.Match[str], lang: str) -> str:
    said = tr("usage-no-command", lang, name=match["name"])
    if match["options"]:
        said += tr("usage-did-you-mean", lang, options=_names(match["options"], lang))
    return said + tr("usage-commands", lang)


_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str], str], str]]] = [
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
    (
        re.compile(r"Missing argument '(?P<name>.+)'\."),
        lambda m, lang: tr("usage-missing-argument", lang, name=m["name"]),
    ),
    (
        re.compile(r"Missing option '(?P<name>.+)'\."),
        lambda m, lang: tr("usage-missing-option", lang, name=_names(m["name"], lang)),
    ),
    (
        re.compile(r"Option '(?P<name>.+)' requires an argument\."),
        lambda m, lang: tr("usage-no-value", lang, name=m["name"]),
    ),
    (
        re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.+)\)"),
        lambda m, lang: tr("usage-extra-arguments", lang, args=m["args"]),
    ),
    (re.compile(r"Invalid value for (?P<hint>.+?): (?P<why>.+)", re.S), _invalid),
]


def _frame(lang: str | None) -> None:
    """The error panel's title and its “Try … for help” line, when typer draws them: kxplan's
    around a message kxplan said again in `lang`, typer's own around typer's (they are module
    globals of typer.rich_utils, so each error sets them afresh)."""
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich
        return
    if not _TYPER_FRAME:
        _TYPER_FRAME.update(title=rich_utils.ERRORS_PANEL_TITLE, help=rich_utils.RICH_HELP)
    rich_utils.ERRORS_PANEL_TITLE = tr("usage-error", lang) if lang else _TYPER_FRAME["title"]
    rich_utils.RICH_HELP = tr("usage-help", lang) if lang else _TYPER_FRAME["help"]


_TYPER_FRAME: dict[str, str] = {}
