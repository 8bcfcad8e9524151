"""What report and review share: a table, JSON or Markdown on screen, or a file with `-o`."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Generic, TextIO, TypeVar

import typer

from kxplan.cli.context import colour
from kxplan.cli.handler import ExitCode
from kxplan.cli.output import Export, save
from kxplan.model.problems import Problem
from kxplan.render import View

Subject = TypeVar("Subject")


class TextFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class Renderers(Generic[Subject]):
    table: Callable[[Subject, View, TextIO], None]
    json: Callable[[Subject, str, TextIO], None]
    markdown: Callable[[Subject, str, TextIO], None]
    workbook: Callable[[Subject, str], bytes]


def publish(
    subject: Subject,
    renderers: Renderers[Subject],
    problems: Sequence[Problem],
    fmt: TextFormat | None,
    chosen: tuple[Path, Export] | None,
    *,
    force: bool,
    lang: str,
) -> None:
    """Show `subject` or write it to the chosen file; exit 3 when the data had problems."""
    if chosen is not None:
        path, export = chosen
        for problem in problems:
            print(problem.as_line())
        print(save(path, _content(subject, renderers, export, lang), force=force, lang=lang))
    elif fmt is TextFormat.JSON:
        renderers.json(subject, lang, sys.stdout)
    elif fmt is TextFormat.MARKDOWN:
        renderers.markdown(subject, lang, sys.stdout)
    else:
        view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout))
        renderers.table(subject, view, sys.stdout)
    if problems:
        raise typer.Exit(ExitCode.INVALID)


def _content(
    subject: Subject, renderers: Renderers[Subject], export: Export, lang: str
) -> bytes | str:
    if export is Export.XLSX:
        return renderers.workbook(subject, lang)
    buffer = io.StringIO()
    (renderers.json if export is Export.JSON else renderers.markdown)(subject, lang, buffer)
    return buffer.getvalue()
