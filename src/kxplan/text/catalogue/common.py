"""Words every area uses: the punctuation and brackets that differ between the languages."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "in-brackets": ("（{text}）", " ({text})"),
    "list-comma": ("、", ", "),
    "colon": ("：", ": "),
    "semicolon": ("；", "; "),
    "text-length": ("（共 {count} 字）", " ({count} characters)"),
}
