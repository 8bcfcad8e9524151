"""`kxplan explain`'s audit trail (`kxplan.render.explain` writes it) in each of its formats."""

from __future__ import annotations

from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.engine.audit import Audit
from kxplan.render import Format, View

Formats = Literal[Format.TEXT, Format.JSON]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(found: Audit, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TEXT:
            from kxplan.render.explain import render_text

            render_text(found, view.lang, out)
        case Format.JSON:
            from kxplan.render.explain import render_json

            render_json(found, view.lang, out)
        case _:
            assert_never(fmt)


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's (its problems are added after)."""
    keys = ("target", "name", "unit", "unit_code", "year", "status", "clause", "quote", "rule")
    return {
        **dict.fromkeys(keys),
        "kind": None,
        "value": None,
        "inputs": [],
        "missing": [],
        "steps": [],
        "instruction": None,
    }
