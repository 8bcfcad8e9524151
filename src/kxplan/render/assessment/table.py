"""`assess --format table`: the ranking with each target's points, the weights and the points
lost; or one unit's score sheet (`--county`). Fits 80 columns: with many weighted targets the
points leave the table for a line per unit."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kxplan.engine.assessment import Ranking, Score
from kxplan.model.status import Status
from kxplan.render import View
from kxplan.render.assessment import Assessed
from kxplan.render.assessment.words import (
    arithmetic,
    change_text,
    grade_text,
    item_cell,
    item_name,
    lost_points,
    marks,
    points_text,
    previous_text,
    rank_text,
    ranking_heads,
    score_text,
    sheet_heads,
    standing,
)
from kxplan.render.common import unit_name
from kxplan.render.describe import figure, number, rule_for
from kxplan.render.terminal import console, on_terminal, say
from kxplan.text import tr

#: the width the ranking is laid out for off a terminal: a page, a pasted log
PAGE = 80


def render(subject: Assessed, view: View, out: TextIO) -> None:
    con = console(out, view)
    ranking, lang = subject.ranking, view.lang
    title = tr("assess-title", lang, name=ranking.section.title(lang), year=ranking.year)
    con.print(f"{ranking.plan.name(lang)}\n{title}", style="bold")
    if subject.unit is not None:
        _sheet(con, ranking, ranking.of(subject.unit), view)
    else:
        _ranking(con, ranking, view)
    _files(con, ranking, lang)


def _ranking(con: Console, ranking: Ranking, view: View) -> None:
    lang, section = view.lang, ranking.section
    room = _room(con, view)
    names = marks(len(section.weights))
    wide = _table(ranking, lang, names)
    if con.measure(wide, options=con.options.update_width(10**6)).maximum <= room:
        con.print(wide)
    else:
        con.print(_table(ranking, lang, []))
        con.print(tr("heading-colon", lang, title=tr("assess-points-heading", lang)), style="bold")
        widest = max((cell_len(unit_name(s.unit, lang)) for s in ranking.scores), default=0)
        widths = [
            max((cell_len(item_cell(s.items[i])) for s in ranking.scores), default=0)
            for i in range(len(names))
        ]  # each target's points in a column of their own
        for score in ranking.scores:
            cells = [
                f"{mark}{item_cell(item)}" + " " * (width - cell_len(item_cell(item)))
                for mark, item, width in zip(names, score.items, widths, strict=True)
            ]
            name = unit_name(score.unit, lang)
            head = "  " + name + " " * (widest - cell_len(name))
            for line in _wrapped(head, cells, room):
                con.print(Text(line.rstrip()))
    con.print(
        tr(
            "heading-colon",
            lang,
            title=tr("assess-weights-heading", lang, full=number(section.full_score)),
        ),
        style="bold",
    )
    first = ranking.scores[0] if ranking.scores else None
    for mark, target_id in zip(names, section.weights, strict=True):
        item = next((i for i in first.items if i.target.id == target_id), None) if first else None
        name = item_name(item, lang) if item else target_id
        points = number(section.weight(target_id))
        said = tr("assess-weight-line", lang, mark=mark, name=name, id=target_id, points=points)
        say(con, Text(f"  {said}"), indent=4)
    _lost(con, ranking, ranking.scores, lang)


def _room(con: Console, view: View) -> int:
    return con.width if (view.width or on_terminal(con)) else PAGE


def _table(ranking: Ranking, lang: str, names: list[str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for head in ranking_heads(lang):
        table.add_column(head, no_wrap=True)
    for mark in names:
        table.add_column(mark, no_wrap=True, justify="right")
    for score in ranking.scores:
        row: list[Text | str] = [
            rank_text(score),
            unit_name(score.unit, lang),
            score_text(score.score),
            grade_text(score, ranking.section, lang),
            previous_text(score),
            change_text(score, ranking, lang),
        ]
        for item in score.items[: len(names)]:
            style = item.result.status.style if item.result else "dim"
            row.append(Text(item_cell(item), style=style))
        table.add_row(*row)
    return table


def _wrapped(head: str, cells: list[str], room: int) -> list[str]:
    lines, line = [], head
    for cell in cells:
        if cell_len(line) + 2 + cell_len(cell) > room and line.strip():
            lines.append(line)
            line = " " * 4
        line += "  " + cell
    lines.append(line)
    return lines


def _lost(con: Console, ranking: Ranking, scores: list[Score], lang: str) -> None:
    found = lost_points(ranking, scores, lang)
    if not found:
        return
    con.print(tr("heading-colon", lang, title=tr("needs-attention", lang)), style="bold")
    for each in found:
        line = Text(f"  {unit_name(each.score.unit, lang)}  ")
        line.append(f"{each.status.glyph} {each.status.label(lang)}", style=each.status.style)
        said = tr(
            "assess-lost-line",
            lang,
            target=each.target(lang),
            lost=points_text(each.lost),
            why=each.why,
        )
        line.append(f"  {said}")
        say(con, line, indent=4)


def _narrowed(con: Console, table: Table, room: int, wrapping: tuple[int, ...] = (0, 3)) -> None:
    """The target names and rules wrap when the sheet is wider than `room`, the wider of them
    narrowed first, none below 12 columns; the figures never wrap."""

    def width() -> int:
        return con.measure(table, options=con.options.update_width(10**6)).maximum

    columns = [table.columns[i] for i in wrapping]
    for column in columns:
        column.width = max(cell_len(str(cell)) for cell in [column.header, *column.cells])
        column.no_wrap = False
        column.overflow = "fold"
    while width() > room:
        widest = max(columns, key=lambda column: column.width or 0)
        if (widest.width or 0) <= 12:
            return
        widest.width = (widest.width or 0) - 1


def _sheet(con: Console, ranking: Ranking, score: Score, view: View) -> None:
    """One unit's score sheet: every weighted target that applies, and the arithmetic of the
    total."""
    lang, room = view.lang, _room(con, view)
    con.print(tr("assess-sheet-title", lang, unit=unit_name(score.unit, lang)), style="bold")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for head in sheet_heads(lang):
        table.add_column(head, no_wrap=True)
    for item in score.applying:  # a target outside its years only scales the total
        result = item.result
        assert result is not None
        status = Text(
            f"{result.status.glyph} {result.status.label(lang)}", style=result.status.style
        )
        indicator = ranking.plan.indicators[item.target.indicator]
        table.add_row(
            item_name(item, lang),
            status,
            figure(result, lang),
            rule_for(item.target, indicator, [result], lang),
            number(item.weight),
            points_text(item.points),
        )
    _narrowed(con, table, room)
    con.print(table)
    for line in arithmetic(score, lang):
        con.print(line)
    con.print(standing(score, ranking, lang), style="bold")
    _lost(con, ranking, [score], lang)


def _files(con: Console, ranking: Ranking, lang: str) -> None:
    names = tr("list-comma", lang)
    if ranking.missing_files:
        units = names.join(unit_name(unit, lang) for unit in ranking.missing_files)
        con.print(
            tr("missing-line", lang, year=ranking.year, units=units), style=Status.MISSING.style
        )
    if ranking.invalid_files:
        con.print(
            tr("invalid-line", lang, files=names.join(ranking.invalid_files)),
            style=Status.MISSING.style,
        )
    if ranking.problems:
        con.print(tr("heading-colon", lang, title=tr("data-problems", lang)), style="bold red")
        for problem in ranking.problems:
            con.print(Text(problem.as_line()))
