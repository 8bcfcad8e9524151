"""Which language: the ones there are, the one asked for, and the few places where Chinese and
English differ in more than their words (those are the catalogue's, `kxplan.text.messages`)."""

from __future__ import annotations

import os

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
    return "en" if name == "en" else "zh"


def default_lang() -> str:
    """The language of `KXPLAN_LANG` (en…, else zh), for a command without `--lang`."""
    lang = os.environ.get("KXPLAN_LANG", "zh").lower()
    return "en" if lang.startswith("en") else "zh"
