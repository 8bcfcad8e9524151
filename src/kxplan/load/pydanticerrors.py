"""Turn pydantic's validation errors into located, human messages."""

from __future__ import annotations

from kxplan.yaml.safe import Document, Path_


def error_path(loc: tuple[int | str, ...], document: Document) -> Path_:
    """The longest prefix of pydantic's `loc` that is a place in the YAML file.

    pydantic appends union member names (`threshold.bool`) that are not in the file.
    """
    path: Path_ = ()
    for item in loc:
        candidate = (*path, item)
        if candidate not in document.values and candidate not in document.keys:
            break
        path = candidate
    return path


def kind_of(value: object, lang: str) -> str:
    """What people call a YAML value's kind: text, a number, a list, nothing."""
    words = {
        "str": ("文字", "text"),
        "int": ("数字", "a number"),
        "float": ("数字", "a number"),
        "bool": ("是否值", "true/false"),
        "list": ("列表", "a list"),
        "NoneType": ("空值", "nothing"),
        "dict": ("映射", "a mapping"),
    }
    zh, en = words.get(type(value).__name__, (type(value).__name__, type(value).__name__))
    return en if lang == "en" else zh
