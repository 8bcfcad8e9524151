"""Text from data files printed as escapes, never obeyed by a terminal or a CI log."""

from __future__ import annotations

import pytest

from kxplan.text.printable import printable, shortened


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("bell\x07", "bell\\x07"),
        ("a\rb", "a\\x0db"),
        ("\u202eRLO", "\\u202eRLO"),
        ("a\u2028b\u2029c", "a\\u2028b\\u2029c"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("line1\r\nline2", "line1\\nline2"),
        ("科技工作者\t之家", "科技工作者\t之家"),  # tabs and Chinese as they are
        ("👨\u200d👩", "👨\u200d👩"),  # an emoji's joiner is part of the emoji
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_shortened_keeps_the_start_and_says_the_length() -> None:
    assert shortened("a" * 81, "zh") == "a" * 80 + "…（共 81 字）"
    assert shortened("a" * 81, "en") == "a" * 80 + "… (81 characters)"
    assert shortened("a" * 80, "en") == "a" * 80
