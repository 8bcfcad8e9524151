"""The terminal the tables go to: its width, and output that fits it without cutting a value.

Every line fits the width (`window`): `COLUMNS` when set, else the terminal's width, else 100
(a pipe, a file, a CI log), counting a Chinese character as two columns (`cell_len`). A renderer
builds its table as a `Grid` and hands it to `show`, which prints the full table when it fits and
one block per row when it does not (`--wide` keeps the full table whatever its width); every
other line goes through `say`, which wraps at spaces and between Chinese characters, never
inside a number, an id or a path. No line ends in spaces.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from kxplan.model.status import Status
from kxplan.render import View
from kxplan.text import tr

#: Line width off a terminal when `COLUMNS` is not set.
PIPE_WIDTH = 100
#: Line width of `--wide` off a terminal: nothing is wrapped, as grep and log readers like it.
PLAIN_WIDTH = 100_000
#: What sits between two items of a block's line, and before each line of a block.
GAP, INDENT = "   ", "  "

# A line may break before an opening bracket and after a closing one, never the other way.
_OPENING = frozenset("（「『“‘《〈【〔")
#: a word holding a path (`data/2024/青川县.yaml`), not a unit of measure (`吨标煤/万元`)
_PATH = re.compile(r"[\w.-]/[\w.-]", re.ASCII)
#: how far from a line's end a break at a space or a punctuation mark is still preferred
_NEAR = 16
_SIGNS = frozenset("≥≤><=×+−→")
_CLOSING = frozenset("，。、；：？！）」』”’》〉】〕%…·")


def window(out: TextIO) -> int:
    """The width every line fits: `COLUMNS`, else the terminal's, else `PIPE_WIDTH`."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if on_terminal(out):
        return shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
    return PIPE_WIDTH


def on_terminal(out: object) -> bool:
    """Whether `out` (a stream, or a rich `Console` on one) is a terminal."""
    isatty = getattr(getattr(out, "file", out), "isatty", None)
    return bool(isatty and isatty())


def console(out: TextIO, view: View) -> Console:
    """A console on `out` as wide as `window` (`view.width` when given); with `--wide` off a
    terminal, unlimited. Without colour it writes no escape codes at all (not even bold)."""
    con = Console(
        file=out,
        force_terminal=view.color,
        color_system="auto" if view.color else None,
        highlight=False,
        emoji=False,
    )
    if view.width:
        con.width = view.width
    elif view.wide and not on_terminal(out):
        con.width = PLAIN_WIDTH
    else:
        con.width = window(out)
    return con


@dataclass
class Grid:
    """A table as a renderer builds it. `key` are the columns that name a row (its number,
    name, rule): in the block layout they head the row's block, and each other non-empty cell
    follows as `header value`."""

    headers: list[str]
    key: tuple[int, ...]
    rows: list[list[Text]] = field(default_factory=list)
    dim: tuple[int, ...] = ()  # columns shown dimmed in the full table
    #: how many of the last columns may leave the table for lines under each row, when that
    #: makes it fit (explanations, tallies: text rather than figures)
    tail: int = 0
    ruled: bool = True  # a rule under the headings; else bold headings and no lines at all

    def add(self, *cells: Text | str) -> None:
        self.rows.append([cell if isinstance(cell, Text) else Text(cell) for cell in cells])


def show(con: Console, grid: Grid, view: View) -> None:
    """The full table when it fits the console (or `--wide` asks for it); else the table
    without its last `grid.tail` columns, whose cells go under each row, when that fits; else
    one block per row."""
    for moved in range(0, grid.tail + 1):
        table = _table(grid, len(grid.headers) - moved)
        natural = width_at_most(table)
        if natural > con.width:  # measuring costs as much as printing: only when it may matter
            natural = con.measure(table, options=con.options.update_width(10**6)).maximum
        single = all("\n" not in cell.plain for row in grid.rows for cell in row)
        if view.wide or (natural <= con.width and (single or not moved)):
            options = con.options.update_width(max(natural, 1))
            lines = con.render_lines(table, options, pad=False)
            top = 2 if grid.ruled else 1
            if not moved:  # rows of several lines (a rule with its quotas) are only here
                for line in lines:
                    _write(con, line)
                return
            for line in lines[:top]:  # the headings and their rule
                _write(con, line)
            for row, line in zip(grid.rows, lines[top:], strict=True):
                _write(con, line)
                items = _items(grid, row, skip=range(len(grid.headers) - moved))
                for under in pack(items, con.width):
                    say(con, under, width=10**6)
            return
    for row in grid.rows:
        for said in block(grid, row, con.width):
            say(con, said, width=10**6)


def width_at_most(table: Table) -> int:
    """At least `table`'s natural width, counted without rich measuring every cell: each
    column's widest text (markup only shortens it) with its padding, and a line between and
    around the columns."""
    _, right, _, left = Padding.unpack(table.padding)
    widest = [
        max([cell_len(str(text)) for text in (*column.cells, column.header)], default=1)
        for column in table.columns
    ]
    return sum(width + left + right + 1 for width in widest) + 1


def _table(grid: Grid, columns: int) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD if grid.ruled else None,
        pad_edge=False,
        show_edge=False,
        header_style="" if grid.ruled else "bold",
    )
    for index, header in enumerate(grid.headers[:columns]):
        table.add_column(header, no_wrap=True, style="dim" if index in grid.dim else "")
    for row in grid.rows:
        table.add_row(*row[:columns])
    return table


def block(grid: Grid, row: Sequence[Text], width: int) -> list[Text]:
    """One row as a block: its key cells on the first line (bold), then its other cells as
    `header value` items, as many to a line as fit, each item whole."""
    head = Text("  ").join(row[index] for index in grid.key if row[index].plain)
    head.stylize("bold")
    return wrap(head, width, indent=len(INDENT)) + pack(_items(grid, row, grid.key), width)


def _items(grid: Grid, row: Sequence[Text], skip: Iterable[int]) -> list[Text]:
    """The row's non-empty cells but those at `skip`, each as `header value`."""
    skipped = set(skip)
    items = []
    for index, (header, cell) in enumerate(zip(grid.headers, row, strict=True)):
        if index in skipped or not cell.plain:
            continue
        first, *more = cell.split("\n")  # a cell's further lines are items of their own
        item = Text(header, style="dim") if header else Text()
        if header:
            item.append(" ")
        items += [item + first, *more]
    return items


def pack(items: Iterable[Text], width: int) -> list[Text]:
    """Items on indented lines, as many to a line as fit; an item too long for a line of its
    own is wrapped under itself."""
    lines: list[Text] = []
    line: Text | None = None
    for item in items:
        if line is not None and cell_len(line.plain + GAP + item.plain) <= width:
            line.append(GAP)
            line.append_text(item)
            continue
        if line is not None:
            lines.append(line)
        line = Text(INDENT) + item
        if cell_len(line.plain) > width:
            lines += wrap(line, width, indent=2 * len(INDENT))
            line = None
    if line is not None:
        lines.append(line)
    return lines


def say(
    con: Console, text: Text | str, *, style: str = "", indent: int = 2, width: int | None = None
) -> None:
    """Prints a line, wrapped to the console at spaces and between Chinese characters (the
    lines after the first indented by `indent`), never inside a number, an id or a path."""
    line = text if isinstance(text, Text) else Text(text, style=style)
    for part in wrap(line, width or con.width, indent=indent):
        part.rstrip()
        con.print(part, soft_wrap=True, crop=False)


def say_attention(con: Console, lines: Sequence[tuple[Status, str]], lang: str) -> None:
    """The 需要关注 list check, report and review print: a heading, then each status's glyph
    and label (in its colour) before what needs attention."""
    if not lines:
        return
    say(con, tr("heading-colon", lang, title=tr("needs-attention", lang)), style="bold")
    for status, text in lines:
        line = Text(f"  {status.glyph} {status.label(lang)}", style=status.style)
        line.append(f"  {text}", style="default")
        say(con, line, indent=4)


def wrap(text: Text, width: int, *, indent: int = 0) -> list[Text]:
    """`text` as lines of at most `width` columns where it can be: broken at spaces (dropped)
    and between Chinese characters, never inside a run of letters, digits and signs (`13%`,
    `2025`, `literacy_rate_2025`) nor inside a path. A run longer than a
    line stays whole."""
    plain = text.plain
    lines: list[Text] = []
    start, room = 0, width
    while start < len(plain) and cell_len(plain[start:]) > room:
        end = _last_break(plain, start, room)
        lines.append(text[start:end])
        start = end
        while start < len(plain) and plain[start] == " ":
            start += 1
        room = max(width - indent, 1)
    if start < len(plain) or not lines:
        lines.append(text[start:])
    for index in range(1, len(lines)):
        lines[index] = Text(" " * indent) + lines[index]
    for line in lines:
        line.rstrip()
    return lines


def fitted(text: str, out: TextIO, *, indent: int = 4) -> list[str]:
    """`text` wrapped as `wrap` does, to the width of `out`, for output written without rich."""
    return [line.plain for line in wrap(Text(text), window(out), indent=indent)]


def _last_break(plain: str, start: int, room: int) -> int:
    """Where the line that starts at `start` ends: the last break that fits in `room` — at a
    space or after a punctuation mark when one is near the end, so that words stay whole — else
    the first break there is (a run longer than a line overflows rather than splits)."""
    best = good = None
    used = 0
    for index in range(start + 1, len(plain) + 1):
        used += cell_len(plain[index - 1])
        if used > room:
            break
        if index < len(plain) and _breaks(plain, index):
            best = index
            if plain[index] == " " or plain[index - 1] in _CLOSING:
                good = (index, used)
    if good is not None and good[1] >= room - _NEAR:
        return good[0]
    if best is not None:
        return best
    return next((i for i in range(start + 1, len(plain)) if _breaks(plain, i)), len(plain))


def _breaks(plain: str, index: int) -> bool:
    """A line may end before `plain[index]`."""
    before, after = plain[index - 1], plain[index]
    if after == " ":  # not between a sign and its figure (`≥ 30%`), a label and its count
        following = plain[index + 1 : index + 2]
        return before not in _SIGNS and not (_wide(before) and following.isdigit())
    if before == " " or after in _CLOSING or before in _OPENING:
        return False
    if not (_wide(before) or _wide(after)) or (before.isdigit() and _wide(after)):
        return False  # nor between a figure and its unit (`2025年`, `16个`)
    word_start = plain.rfind(" ", 0, index) + 1
    word_end = plain.find(" ", index)
    return not _PATH.search(plain[word_start : word_end if word_end >= 0 else len(plain)])


def _wide(char: str) -> bool:
    return cell_len(char) == 2


def _write(con: Console, line: list[Segment]) -> None:
    """A rendered line without its trailing spaces; a line of spaces alone is not written."""
    segments = list(line)
    while segments and segments[-1].control is None and not segments[-1].text.strip():
        segments.pop()
    if not segments:
        return
    last = segments[-1]
    segments[-1] = Segment(last.text.rstrip(), last.style, last.control)
    said = Text()
    for segment in segments:
        said.append(segment.text, segment.style)
    con.print(said, soft_wrap=True, crop=False)
