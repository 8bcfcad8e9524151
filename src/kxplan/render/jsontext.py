"""JSON documents as `json.dump(…, ensure_ascii=False, indent=2)` writes them, fast.

With `indent`, the standard library encodes in Python, a piece at a time, and writes each
piece: 26 MB of results for a national tree took seconds. Its C encoder takes no indent, but
it takes separators, and a mapping or list of plain values is indented by its separators
alone: `,\\n` and the indent between items. So each such innermost container is encoded in C;
only the containers around them are walked here. The text is the standard library's, byte for
byte (tests/test_jsontext.py), and is written at once.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

_STEP = "  "
#: the types of plain values, exactly (an `Encoded` text or a text enum is no plain `str`)
_PLAIN = frozenset({str, int, float, bool, type(None)})


def write_json(body: Any, out: TextIO) -> None:
    """`json.dump(body, out, ensure_ascii=False, indent=2)`."""
    parts: list[str] = []
    _encode(body, 0, parts)
    for part in parts:  # not joined: a national tree's text would be held twice
        out.write(part)


def json_text(body: Any, level: int = 0) -> str:
    """`json.dumps(body, ensure_ascii=False, indent=2)`; at `level`, the text of `body` as an
    item of a container nested `level` deep (its inner lines indented as such)."""
    parts: list[str] = []
    _encode(body, level, parts)
    return "".join(parts)


class Encoded(str):
    """Text already encoded by `json_text` at the level where it is placed: written as it is
    (a national tree's results are encoded on every core, then placed in the document)."""

    __slots__ = ()


def _encode(value: Any, level: int, parts: list[str]) -> None:
    if isinstance(value, Encoded):
        parts.append(value)
        return
    if isinstance(value, dict):
        items: Any = value.values()
        opening, closing = "{", "}"
    elif isinstance(value, list | tuple):
        items = value
        opening, closing = "[", "]"
    else:
        parts.append(_encoder(level).encode(value))
        return
    if not value:
        parts.append(opening + closing)
        return
    inner = "\n" + _STEP * (level + 1)
    if _PLAIN.issuperset(map(type, items)):  # the C encoder indents it whole
        text = _encoder(level + 1).encode(value)
        parts.append(opening + inner + text[1:-1] + "\n" + _STEP * level + closing)
        return
    parts.append(opening)
    separator = inner
    if isinstance(value, dict):
        key_encoder = _encoder(level)
        for key, item in value.items():
            parts.append(separator + key_encoder.encode(_key(key)) + ": ")
            _encode(item, level + 1, parts)
            separator = "," + inner
    else:
        for item in value:
            parts.append(separator)
            _encode(item, level + 1, parts)
            separator = "," + inner
    parts.append("\n" + _STEP * level + closing)


def _key(key: Any) -> str:
    """A key as the standard library writes it: text, or a number, yes/no or null as text."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, float):
        return json.dumps(key)
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


_ENCODERS: dict[int, json.JSONEncoder] = {}


def _encoder(level: int) -> json.JSONEncoder:
    """The encoder whose separators indent the items of a container at `level`."""
    encoder = _ENCODERS.get(level)
    if encoder is None:
        separator = ",\n" + _STEP * level
        encoder = json.JSONEncoder(ensure_ascii=False, separators=(separator, ": "))
        _ENCODERS[level] = encoder
    return encoder
