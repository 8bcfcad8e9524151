"""`check --format table`: targets down, units across, a coloured glyph and value per cell."""

from __future__ import annotations

from typing import TextIO

from rich.text import Text

from kxplan.engine.evaluation import Evaluation
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
from kxplan.render.terminal import Grid, console, say, say_attention, show
from kxplan.text import tr


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    lang, plan = view.lang, evaluation.plan
    con = console(out, view)
    cells = grid(evaluation)
    say(con, f"{plan.name(lang)} — {evaluation.year}", style="bold")
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
    say_attention(
        con,
        [
            (
                result.status,
                f"{target_name(result.target, result.indicator, lang)} @ "
                f"{unit_name(result.unit, lang)}{tr('colon', lang)}{explain(result, lang)}",
            )
            for result in failed
        ],
        lang,
    )
    say(con, summary_line(evaluation, lang))
    say(
        con,
        failed_line(evaluation, view.fail_on, lang),
        style="bold red" if failed or evaluation.problems else "green",
    )
    for line in (missing_line(evaluation, lang), invalid_line(evaluation, lang)):
        if line:
            say(con, line, style=Status.MISSING.style)
    if evaluation.problems:
        say(con, tr("heading-colon", lang, title=tr("data-problems", lang)), style="bold red")
        for problem in evaluation.problems:
            say(con, Text(problem.as_line()), indent=4)
