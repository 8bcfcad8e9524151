"""Turn pydantic's validation errors into located, human messages."""

from __future__ import annotations

from kxplan.text import tr
from kxplan.yaml.document import Document, Path_


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


_KINDS = {
    "str": "value-text",
    "int": "value-number",
    "float": "value-number",
    "bool": "value-true-false",
    "list": "value-list",
    "NoneType": "value-nothing",
    "dict": "value-mapping",
}


def kind_of(value: object, lang: str) -> str:
    """What people call a YAML value's kind: text, a number, a list, nothing (for a kind YAML
    does not make, its Python name)."""
    name = type(value).__name__
    return tr(_KINDS[name], lang) if name in _KINDS else name
