"""Text from data files, made safe to print on a terminal or in a CI log.

A note or a mistyped value may hold control characters (an escape sequence that recolours
the terminal, a bell, a carriage return that overwrites the line) or bidirectional overrides
that make text read backwards. Printed as they are, they are obeyed; here they are shown as
escapes (`\\x1b`, `\\u202e`), so the reader sees what the file holds.
"""

from __future__ import annotations

import re

from kxplan.text.messages import tr

# C0 and C1 controls (tab and line feed aside), bidi marks and overrides, line and paragraph
# separators, zero-width space and no-break space (not the joiners: emoji are made with them)
_HIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e"
    r"\u2060\u2066-\u2069\ufeff]"
)


def printable(text: str, *, newline: str = "\\n") -> str:
    """`text` with control and bidi characters as escapes; line breaks become `newline`."""
    text = text.replace("\r\n", "\n")
    shown = _HIDDEN.sub(_escape, text)
    return shown.replace("\n", newline)


def shortened(text: str, lang: str, limit: int = 80) -> str:
    """`text` printable on one line: its first `limit` characters and its length when longer."""
    if len(text) <= limit:
        return printable(text)
    return f"{printable(text[:limit])}…{tr('text-length', lang, count=len(text))}"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
