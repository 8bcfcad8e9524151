"""Which language: the ones there are, the one asked for, and the few places where Chinese and
English differ in more than their words (those are the catalogue's, `kxplan.text.messages`)."""

from __future__ import annotations

import os
from collections.abc import Sequence

LANGS = ("zh", "en")


def groups_thousands(lang: str) -> bool:
    """Whether a large number is written with a thousands separator: 100,000 in English;
    Chinese writes 100000."""
    return lang == "en"


def measure_apart(lang: str) -> bool:
    """Whether a unit of measure stands apart from its number and has a singular: `3 lectures`,
    `1 lecture` in English; Chinese writes `3次`."""
    return lang == "en"


def keeps_english(lang: str) -> bool:
    """Whether other programs' English (libyaml's rarer complaints, typer's usage errors) is
    shown as it is: so in English; in Chinese kxplan says them in its own words."""
    return lang == "en"


def lang_given(name: str) -> str:
    """The language `--lang NAME` asks for, read before typer checks it: en, else zh."""
    return "en" if name.strip().lower() == "en" else "zh"


def lang_of(args: Sequence[str]) -> str:
    """The `--lang` a command line asks for, else the default (`KXPLAN_LANG` or zh): for what
    is said before the options are read (a usage error, Ctrl-C at start-up)."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return lang_given(args[index + 1])
        if arg.startswith("--lang="):
            return lang_given(arg.removeprefix("--lang="))
    return default_lang()


def default_lang() -> str:
    """The language of `KXPLAN_LANG` (en…, else zh), for a command without `--lang`."""
    lang = os.environ.get("KXPLAN_LANG", "zh").lower()
    return "en" if lang.startswith("en") else "zh"
