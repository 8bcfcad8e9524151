"""`check --format table`: targets down, units across, a coloured glyph and value per cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.text import Text

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.plan import Plan
from kxplan.model.problems import Problem
from kxplan.model.status import Status
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
    row_results,
    shown_targets,
    summary_line,
    unit_name,
)
from kxplan.render.describe import explain, rule_for, target_name
from kxplan.render.scale import (
    SHOWN,
    LevelCounts,
    attention,
    capped,
    file_lines,
    hint,
    per_level,
    rest_line,
    summarised,
)
from kxplan.render.terminal import GAP, Grid, console, say, say_attention, show
from kxplan.text import tr


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    """The full table, or its summary when there are too many units (`kxplan.render.scale`)."""
    con = console(out, view)
    say(con, f"{evaluation.plan.name(view.lang)} — {evaluation.year}", style="bold")
    if summarised(evaluation, view):
        _summary(con, evaluation, view)
        return
    lang, plan = view.lang, evaluation.plan
    cells = grid(evaluation)
    heads = [tr("head-target", lang), tr("head-rule", lang)]
    table = Grid(heads + [unit_name(unit, lang) for unit in evaluation.units], key=(0, 1), dim=(1,))
    for target in shown_targets(evaluation):
        indicator = plan.indicators[target.indicator]
        row: list[Text | str] = [
            target_name(target, indicator, lang),
            rule_for(target, indicator, row_results(evaluation, target), lang),
        ]
        for unit in evaluation.units:
            result = cells.get((target.id, unit.code))
            row.append(Text(cell(result, lang), style=result.status.style) if result else "")
        table.add(*row)
    show(con, table, view)
    say(con, legend(lang), style="dim")
    failed = [
        result
        for result in evaluation.failed(view.fail_on)
        if not (file_absent(result) or file_invalid(result))
    ]
    say_attention(con, [_attention(result, lang) for result in failed], lang)
    _closing(con, evaluation, view, bool(failed))
    for line in (missing_line(evaluation, lang), invalid_line(evaluation, lang)):
        if line:
            say(con, line, style=Status.MISSING.style)
    _problems(con, evaluation.problems, lang)


def _summary(con: Console, evaluation: Evaluation, view: View) -> None:
    """Statuses counted per level and target, 需要关注 capped, how to narrow, the closing lines
    with the file lists capped."""
    lang = view.lang
    plan = evaluation.plan
    for counts in per_level(evaluation):
        say(con, "")
        _level(con, counts, plan, lang)
    say(con, "")
    say(con, legend(lang), style="dim")
    failed = attention(evaluation, view.fail_on)
    shown, more = capped(failed)
    say_attention(con, [_attention(result, lang) for result in shown], lang)
    if more:
        say(con, "  " + rest_line(failed[SHOWN:], lang), indent=4)
    say(con, "")
    why, options = hint(evaluation, lang)
    say(con, why)
    width = max(len(option) for option, _ in options)
    for option, said in options:  # wrapped under what it says
        say(con, f"  {option.ljust(width)}  {said}", indent=width + 4)
    _closing(con, evaluation, view, bool(failed))
    for line in file_lines(evaluation, lang):
        say(con, line, style=Status.MISSING.style)
    problems, more = capped(evaluation.problems)
    _problems(con, problems, lang)
    if more:
        say(con, tr("problems-rest", lang, count=more), indent=4)


def _level(con: Console, counts: LevelCounts, plan: Plan, lang: str) -> None:
    """One level's counts: a heading, then a line per target — a column per status that
    occurs there, right-aligned under its glyph, and the target's name last, wrapped under
    itself."""
    say(
        con, tr("scale-level-head", lang, level=counts.name(lang), count=counts.units), style="bold"
    )
    statuses = counts.statuses
    widths = [max(len(str(tally[status])) for _, tally in counts.rows) for status in statuses]
    heads = Text()
    for status, width in zip(statuses, widths, strict=True):
        heads.append(" " * (width - 1 + len(GAP)) + status.glyph, style=status.style)
    say(con, heads + Text(GAP + tr("head-target", lang)))
    room = sum(width + len(GAP) for width in widths) + len(GAP)  # where the names start
    for target, tally in counts.rows:
        line = Text()
        for status, width in zip(statuses, widths, strict=True):
            line.append(f"{tally[status] or '':>{width + len(GAP)}}", style=status.style)
        name = target_name(target, plan.indicators[target.indicator], lang)
        say(con, line + Text(GAP + name), indent=room)


def _attention(result: Result, lang: str) -> tuple[Status, str]:
    return (
        result.status,
        f"{target_name(result.target, result.indicator, lang)} @ "
        f"{unit_name(result.unit, lang)}{tr('colon', lang)}{explain(result, lang)}",
    )


def _closing(con: Console, evaluation: Evaluation, view: View, failed: bool) -> None:
    """The summary line and the --fail-on line."""
    lang = view.lang
    say(con, summary_line(evaluation, lang))
    say(
        con,
        failed_line(evaluation, view.fail_on, lang),
        style="bold red" if failed or evaluation.problems else "green",
    )


def _problems(con: Console, problems: Sequence[Problem], lang: str) -> None:
    if problems:
        say(con, tr("heading-colon", lang, title=tr("data-problems", lang)), style="bold red")
        for problem in problems:
            say(con, Text(problem.as_line()), indent=4)
