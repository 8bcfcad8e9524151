"""`check --format table`: targets down, units across, a coloured glyph and value per cell."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from kxplan.describe import explain, rule, target_name
from kxplan.evaluation import Evaluation
from kxplan.render import View
from kxplan.render.common import (
    cell,
    failed_line,
    file_absent,
    file_invalid,
    grid,
    invalid_line,
    legend,
    missing_line,
    shown_targets,
    summary_line,
    unit_name,
)
from kxplan.status import Status

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
    natural = con.measure(table, options=con.options.update_width(10**6)).maximum
    width = con.width
    con.width = max(width, natural)
    con.print(table)
    con.width = width  # the lines after the table wrap at the window again


def fit(con: Console, table: Table, *, wrapping: int) -> None:
    """Sets the widths of `table`'s columns for a terminal narrower than the table: the first
    `wrapping` columns (names, rules) share the room left and wrap; the others keep the width
    of their widest value, their headings wrapping if they must."""
    columns = table.columns
    natural = [_widest(column, header=True) for column in columns]
    overhead = con.measure(table, options=con.options.update_width(10**6)).maximum - sum(natural)
    if not on_terminal(con) or sum(natural) + overhead <= con.width:
        return
    fixed = [
        max(_widest(column, header=False), *map(cell_len, str(column.header).split()))
        for column in columns[wrapping:]
    ]
    room = con.width - overhead - sum(fixed)
    shares = _share(natural[:wrapping], room)
    for column, width in zip(columns, shares + fixed, strict=True):
        column.width = width
        column.no_wrap = False
    for column in columns[:wrapping]:
        column.overflow = "fold"


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


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    lang, plan = view.lang, evaluation.plan
    con = console(out, view)
    cells = grid(evaluation)
    con.print(f"{plan.name(lang)} — {evaluation.year}", style="bold")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    rows: list[list[Text | str]] = []
    for target in shown_targets(evaluation):
        indicator = plan.indicators[target.indicator]
        row: list[Text | str] = [
            target_name(target, indicator, lang),
            rule(target, indicator, lang),
        ]
        for unit in evaluation.units:
            result = cells.get((target.id, unit.code))
            row.append(Text(cell(result, lang), style=result.status.style) if result else "")
        rows.append(row)
    table.add_column("目标" if lang == "zh" else "Target", no_wrap=True)
    table.add_column("规则" if lang == "zh" else "Rule", no_wrap=True, style="dim")
    for unit in evaluation.units:
        table.add_column(unit_name(unit, lang), no_wrap=True)
    for row in rows:
        table.add_row(*row)
    fit(con, table, wrapping=2)
    print_whole(con, table)
    con.print(Text(legend(lang), style="dim"))
    failed = [
        result
        for result in evaluation.failed(view.fail_on)
        if not (file_absent(result) or file_invalid(result))
    ]
    if failed:
        con.print("需要关注：" if lang == "zh" else "Needs attention:", style="bold")
        for result in failed:
            name = target_name(result.target, result.indicator, lang)
            head = Text(
                f"  {result.status.glyph} {result.status.label(lang)}", style=result.status.style
            )
            head.append(
                f"  {name} @ {unit_name(result.unit, lang)}："
                if lang == "zh"
                else f"  {name} @ {unit_name(result.unit, lang)}: ",
                style="default",
            )
            head.append(explain(result, lang), style="default")
            con.print(head)
    con.print(summary_line(evaluation, lang))
    con.print(
        failed_line(evaluation, view.fail_on, lang),
        style="bold red" if failed or evaluation.problems else "green",
    )
    for line in (missing_line(evaluation, lang), invalid_line(evaluation, lang)):
        if line:
            con.print(line, style=Status.MISSING.style)
    if evaluation.problems:
        con.print("数据问题：" if lang == "zh" else "Data problems:", style="bold red")
        for problem in evaluation.problems:
            con.print(Text(problem.as_line()))
