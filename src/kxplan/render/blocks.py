"""Pieces the report and review renderers share: a Markdown table, and the list of data
problems in either form."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from kxplan.model.problems import Problem
from kxplan.render.markdown import escape
from kxplan.text import tr

if TYPE_CHECKING:
    from rich.console import Console


def rich_problems(con: Console, problems: Sequence[Problem], lang: str) -> None:
    from rich.text import Text

    from kxplan.render.terminal import say

    if problems:
        say(con, tr("heading-colon", lang, title=tr("data-problems", lang)), style="bold red")
        for problem in problems:
            say(con, Text(problem.as_line()), indent=4)


def markdown_table(out: TextIO, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    out.write("| " + " | ".join(escape(header) for header in headers) + " |\n")
    out.write("|" + "---|" * len(headers) + "\n")
    for row in rows:
        out.write("| " + " | ".join(escape(text) for text in row) + " |\n")


def markdown_problems(out: TextIO, problems: Sequence[Problem], lang: str) -> None:
    if problems:
        out.write(f"\n### {tr('data-problems', lang)}\n\n")
        for problem in problems:
            out.write(f"- `{problem.location()}` {problem.code.value}: {escape(problem.message)}\n")
