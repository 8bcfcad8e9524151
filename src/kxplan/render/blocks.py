"""Pieces the report and review renderers share: a plain rich table under its title, a
Markdown table, and the list of data problems in either form."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from kxplan.model.problems import Problem
from kxplan.render.markdown import escape
from kxplan.text import tr

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def rich_table(con: Console, title: str, headers: Sequence[str]) -> Table:
    """Prints the title and returns an empty table with these columns, never wrapped."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    con.print(Text(title, style="bold"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in headers:
        table.add_column(header, no_wrap=True)
    return table


def rich_problems(con: Console, problems: Sequence[Problem], lang: str) -> None:
    from rich.text import Text

    if problems:
        title = tr("heading-colon", lang, title=tr("data-problems", lang))
        con.print(Text(title, style="bold red"))
        for problem in problems:
            con.print(Text(problem.as_line()))


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
