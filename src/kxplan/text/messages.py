"""Words shown to people, Chinese first and English with `--lang en`.

`tr` says a fixed text of kxplan's catalogue (`kxplan.text.catalogue`), `both` gives one unfilled
in both languages (to recognise what kxplan wrote), and `in_lang` chooses between the two texts
a plan gives itself (`name`/`name_en`). With `kxplan.text.langs` (which language, and the few
places where the languages differ in more than words) these are the only code that looks at
which language it is in.
"""

from __future__ import annotations

import errno
import string

from kxplan.text.catalogue import CATALOGUE, Verbatim

#: what the operating system's refusals of a write are called in the catalogue
_OS_REASONS: dict[int, str] = {
    errno.EACCES: "os-denied",
    errno.EPERM: "os-denied",
    errno.ENOENT: "os-no-folder",
    errno.EEXIST: "os-not-a-folder",
    errno.ENOTDIR: "os-not-a-folder",
    errno.EROFS: "os-read-only",
    errno.ENOSPC: "os-disk-full",
    errno.EISDIR: "os-a-folder",
    errno.ELOOP: "os-link-loop",
}


def os_reason(code: int | None, strerror: str, lang: str) -> str:
    """Why the operating system refused, in words people know; its own words otherwise."""
    return tr(_OS_REASONS[code], lang) if code in _OS_REASONS else strerror


def tr(key: str, lang: str, /, **params: object) -> str:
    """The message `key` in `lang`, filled with `params`. In Chinese a parameter's ASCII (or
    “quotes”) that meets a Chinese character gets a space, as the catalogue writes
    `字段 “{field}”` and `第 {line} 行`, so that `{what}应为` reads `文件顶层应为` and
    `values 应为` alike; a `Verbatim` message is filled as written."""
    entry = CATALOGUE[key]
    zh, en = entry
    if lang == "en":
        return en.format(**params)
    if params and not isinstance(entry, Verbatim):
        return _spaced(zh, params)
    return zh.format(**params)


def both(key: str) -> tuple[str, str]:
    """The message `key` in Chinese and in English, unfilled: to recognise what kxplan wrote."""
    zh, en = CATALOGUE[key]
    return zh, en


def in_lang(zh: str, en: str | None, lang: str) -> str:
    """One of a plan's own texts (a `name` and its `name_en`) in `lang`, Chinese when the plan
    gives no English. For the plan's words only: kxplan's own are `tr`'s."""
    return en if lang == "en" and en else zh


_FORMATTER = string.Formatter()


def _spaced(template: str, params: dict[str, object]) -> str:
    pieces: list[str] = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        _join(pieces, literal)
        if name is not None:
            value, _ = _FORMATTER.get_field(name, (), params)
            value = _FORMATTER.convert_field(value, conversion)
            _join(pieces, _FORMATTER.format_field(value, spec or ""))
    return "".join(pieces)


def _join(pieces: list[str], text: str) -> None:
    """Add `text`, with a space where it and the piece before it join Chinese and ASCII."""
    if not text:
        return
    if pieces:
        before, after = pieces[-1][-1], text[0]
        if (_is_han(before) and _starts_latin(after)) or (_ends_latin(before) and _is_han(after)):
            text = " " + text
    pieces.append(text)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _is_ascii(char: str) -> bool:
    return char.isascii() and char.isprintable() and not char.isspace()


def _starts_latin(char: str) -> bool:
    """ASCII, or an opening quote: `是否为 “{id}”`, never `“ 乙区”`."""
    return _is_ascii(char) or char == "“"


def _ends_latin(char: str) -> bool:
    return _is_ascii(char) or char == "”"
