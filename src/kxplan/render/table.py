"""`check --format table`: targets down, units across, a coloured glyph and value per cell."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.table import Table
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
from kxplan.render.terminal import console, fit, print_whole
from kxplan.text import tr


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
            rule_for(target, indicator, row_results(evaluation, target), lang),
        ]
        for unit in evaluation.units:
            result = cells.get((target.id, unit.code))
            row.append(Text(cell(result, lang), style=result.status.style) if result else "")
        rows.append(row)
    table.add_column(tr("head-target", lang), no_wrap=True)
    table.add_column(tr("head-rule", lang), no_wrap=True, style="dim")
    for unit in evaluation.units:
        table.add_column(unit_name(unit, lang), no_wrap=True)
    for row in rows:
        table.add_row(*row)
    fit(con, table, wrapping=(0, 1))
    print_whole(con, table)
    con.print(Text(legend(lang), style="dim"))
    failed = [
        result
        for result in evaluation.failed(view.fail_on)
        if not (file_absent(result) or file_invalid(result))
    ]
    if failed:
        con.print(tr("heading-colon", lang, title=tr("needs-attention", lang)), style="bold")
        for result in failed:
            name = target_name(result.target, result.indicator, lang)
            head = Text(
                f"  {result.status.glyph} {result.status.label(lang)}", style=result.status.style
            )
            head.append(
                f"  {name} @ {unit_name(result.unit, lang)}{tr('colon', lang)}", style="default"
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
        con.print(tr("heading-colon", lang, title=tr("data-problems", lang)), style="bold red")
        for problem in evaluation.problems:
            con.print(Text(problem.as_line()))
