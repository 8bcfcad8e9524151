"""The terminal the tables go to: its width, and tables that fit it without losing a value.

On a terminal a table wider than the window has its name-like columns wrapped; off a terminal
(a file, a pipe, a CI log) nothing is wrapped, so that grep and log readers see lines whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Column, Table

from kxplan.render import View

#: Line width off a terminal (a file, a pipe, CI's log): never wrap a line there, so that
#: grep and log readers see each message whole.
PLAIN_WIDTH = 100_000


def console(out: TextIO, view: View) -> Console:
    """A console on `out`: the window's width on a terminal, `PLAIN_WIDTH` off it; without
    colour it writes no escape codes at all (not even bold)."""
    con = Console(
        file=out,
        force_terminal=view.color,
        color_system="auto" if view.color else None,
        highlight=False,
        emoji=False,
    )
    if view.width:
        con.width = view.width
    elif not on_terminal(con):
        con.width = PLAIN_WIDTH
    return con


def on_terminal(con: Console) -> bool:
    isatty = getattr(con.file, "isatty", None)
    return bool(isatty and isatty())


def print_whole(con: Console, table: Table) -> None:
    """Prints `table` without cutting a cell short: off a terminal (a file, a pipe, a CI
    log) the console grows to the table's natural width; on a terminal a table wider than
    the window runs past it rather than lose a value."""
    width = con.width
    if width_at_most(table) > width:  # measuring costs as much as printing: only when it may matter
        natural = con.measure(table, options=con.options.update_width(10**6)).maximum
        con.width = max(width, natural)
    con.print(table)
    con.width = width  # the lines after the table wrap at the window again


def fit(con: Console, table: Table, *, wrapping: Sequence[int]) -> None:
    """Sets the widths of `table`'s columns for a terminal narrower than the table: the
    columns at `wrapping` (names, rules, explanations) share the room left and wrap; the
    others keep the width of their widest value, their headings wrapping if they must."""
    if not on_terminal(con) or width_at_most(table) <= con.width:  # fits: no need to measure it
        return
    columns = table.columns
    natural = [_widest(column, header=True) for column in columns]
    overhead = con.measure(table, options=con.options.update_width(10**6)).maximum - sum(natural)
    if sum(natural) + overhead <= con.width:
        return
    fixed = {
        index: max(_widest(column, header=False), *map(cell_len, str(column.header).split()))
        for index, column in enumerate(columns)
        if index not in wrapping
    }
    room = con.width - overhead - sum(fixed.values())
    shares = dict(zip(wrapping, _share([natural[i] for i in wrapping], room), strict=True))
    for index, column in enumerate(columns):
        column.width = shares[index] if index in shares else fixed[index]
        column.no_wrap = False
        if index in shares:
            column.overflow = "fold"


def width_at_most(table: Table) -> int:
    """At least `table`'s natural width, counted without rich measuring every cell: each
    column's widest text (markup only shortens it) with its padding, and a line between and
    around the columns."""
    _, right, _, left = Padding.unpack(table.padding)
    return sum(_widest(column, header=True) + left + right + 1 for column in table.columns) + 1


def _widest(column: Column, *, header: bool) -> int:
    cells = [cell_len(str(text)) for text in column.cells]
    if header:
        cells.append(cell_len(str(column.header)))
    return max(cells, default=1)


def _share(wants: list[int], room: int, floor: int = 10) -> list[int]:
    """Splits `room` among columns that want `wants`, none below `floor`: the narrow ones
    get what they want, the rest split what is left evenly."""
    shares = [0] * len(wants)
    left, open_ = room, sorted(range(len(wants)), key=wants.__getitem__)
    while open_:
        each = max(left // len(open_), floor)
        index = open_.pop(0)
        shares[index] = max(min(wants[index], each), floor)
        left -= shares[index]
    return shares
