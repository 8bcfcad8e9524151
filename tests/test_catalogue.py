"""The message catalogue: every message in both languages with the same placeholders, every
key defined once and spelled the same way."""

from __future__ import annotations

import re
import string
from types import ModuleType

import pytest

from kxplan.text import both, in_lang, tr
from kxplan.text.catalogue import AREAS, CATALOGUE, Verbatim, merged


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    faults = []
    for key, (zh, en) in CATALOGUE.items():
        if not zh.strip() or not en.strip():
            faults.append(f"{key}: a language is empty")
        elif placeholders(zh) != placeholders(en):
            faults.append(f"{key}: {sorted(placeholders(zh))} ≠ {sorted(placeholders(en))}")
    assert faults == []


def test_keys_are_kebab_case() -> None:
    assert [key for key in CATALOGUE if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key)] == []


def test_a_key_defined_in_two_areas_is_refused() -> None:
    first, second = ModuleType("first"), ModuleType("second")
    first.MESSAGES = {"same": ("一", "one")}  # type: ignore[attr-defined]
    second.MESSAGES = {"same": ("二", "two")}  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="'same' is defined twice"):
        merged([first, second])


def test_the_catalogue_is_every_area_together() -> None:
    assert len(CATALOGUE) == sum(len(area.MESSAGES) for area in AREAS)


def test_chinese_gets_a_space_where_ascii_meets_a_chinese_character_unless_verbatim() -> None:
    assert (
        tr("not-a-mapping", "zh", what="values", got="列表")
        == "values 应为“键: 值”的映射，实际是列表"
    )
    assert tr("not-a-mapping", "en", what="values", got="a list").startswith("values should")
    verbatim = [key for key, entry in CATALOGUE.items() if isinstance(entry, Verbatim)]
    for key in verbatim:
        zh, _ = both(key)
        params = dict.fromkeys(placeholders(zh), "A1")
        assert tr(key, "zh", **params) == zh.format(**params)


def test_a_plans_own_text_falls_back_to_chinese() -> None:
    assert in_lang("乙区", "Yi", "en") == "Yi"
    assert in_lang("乙区", None, "en") == "乙区"
    assert in_lang("乙区", "Yi", "zh") == "乙区"
