"""Words every area uses: the punctuation and brackets that differ between the languages."""

from __future__ import annotations

from kxplan.text.catalogue.entry import Entry

MESSAGES: dict[str, Entry] = {
    "in-brackets": ("（{text}）", " ({text})"),
    "list-comma": ("、", ", "),
    "colon": ("：", ": "),
    "semicolon": ("；", "; "),
    "text-length": ("（共 {count} 字）", " ({count} characters)"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "full-stop": ("。", "."),
    "heading-colon": ("{title}：", "{title}:"),
    "page-footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
}
