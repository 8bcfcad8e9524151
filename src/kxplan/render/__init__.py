"""Output formats of `check`: each a function writing an `Evaluation` to a text stream."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from kxplan.engine.evaluation import Evaluation
from kxplan.model.status import Status


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"


@dataclass(frozen=True)
class View:
    lang: str
    fail_on: frozenset[Status]
    color: bool = False
    width: int | None = None


Renderer = Callable[[Evaluation, View, TextIO], None]


def renderer(fmt: Format) -> Renderer:
    """The renderer of a format, imported only when it is used."""
    if fmt is Format.TABLE:
        from kxplan.render.table import render
    elif fmt is Format.JSON:
        from kxplan.render.jsonout import render
    elif fmt is Format.MARKDOWN:
        from kxplan.render.markdown import render
    else:
        from kxplan.render.github import render
    return render
