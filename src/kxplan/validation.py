"""Turn pydantic's validation errors into located, human messages."""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails

from kxplan.messages import tr
from kxplan.yamlsafe import Document, Path_


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


def error_text(detail: ErrorDetails, lang: str) -> str:
    field = ".".join(str(item) for item in detail["loc"] if not _is_union_member(item))
    kind = detail["type"]
    if kind == "missing":
        return tr("missing-field", lang, field=field)
    if kind == "extra_forbidden":
        return tr("unknown-field", lang, field=field, suggest="", allowed="—")
    value: Any = detail.get("input")
    return (
        f"{field}: {detail['msg']} ({value!r})"
        if lang == "en"
        else f"{field}：{detail['msg']}（{value!r}）"
    )


def _is_union_member(item: int | str) -> bool:
    return isinstance(item, str) and (
        item in {"bool", "int", "float", "str", "list"} or "[" in item
    )
