"""One message of the catalogue: its Chinese and its English."""

from __future__ import annotations

from typing import NamedTuple

#: (Chinese, English), each a format string (a brace of the text itself is doubled: `{{`). In
#: Chinese a parameter's ASCII that meets a Chinese character gets a space (`{what}应为` reads
#: `values 应为`), unless the entry is `Verbatim`.
Entry = tuple[str, str]


class Verbatim(NamedTuple):
    """A message whose Chinese is filled in as written, with no space put where a parameter meets
    a Chinese character: `（{year}年）` reads `（2025年）`, as the forms and tables have it."""

    zh: str
    en: str
