"""`check --format markdown`: a table to paste into a document or a pull request."""

from __future__ import annotations

from typing import TextIO

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.problems import Problem
from kxplan.render import View
from kxplan.render.common import (
    cell,
    failed_line,
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
    attention,
    capped,
    file_lines,
    hint,
    per_level,
    rest_line,
    summarised,
)
from kxplan.text import tr


def escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    """The full table, or its summary when there are too many units (`kxplan.render.scale`)."""
    lang, plan = view.lang, evaluation.plan
    title = tr("compliance", lang)
    out.write(f"## {plan.name(lang)} — {evaluation.year} {title}\n\n")
    if summarised(evaluation, view):
        _summary(evaluation, view, out)
        return
    cells = grid(evaluation)
    header = [tr("head-target", lang), tr("head-rule", lang)]
    header += [unit_name(unit, lang) for unit in evaluation.units]
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "---|" * len(header) + "\n")
    for target in shown_targets(evaluation):
        indicator = plan.indicators[target.indicator]
        said = rule_for(target, indicator, row_results(evaluation, target), lang)
        row = [target_name(target, indicator, lang), said]
        for unit in evaluation.units:
            result = cells.get((target.id, unit.code))
            row.append(_cell(result, said, lang) if result else "")
        out.write("| " + " | ".join(escape(item) for item in row) + " |\n")
    out.write(
        f"\n{summary_line(evaluation, lang)}\n\n{failed_line(evaluation, view.fail_on, lang)}\n\n"
    )
    for line in (missing_line(evaluation, lang), invalid_line(evaluation, lang)):
        if line:
            out.write(f"{line}\n\n")
    if evaluation.problems:
        out.write(problem_list(evaluation.problems, lang))
    out.write(f"{legend(lang)}\n")


def _cell(result: Result, row_rule: str, lang: str) -> str:
    """Glyph, value and status; and the unit's own threshold where the row's rule is not it."""
    text = f"{cell(result, lang)} {result.status.label(lang)}"
    own = rule_for(result.target, result.indicator, [result], lang, short=True)
    if own and rule_for(result.target, result.indicator, [result], lang) != row_rule:
        text += tr("in-brackets", lang, text=own)
    return text


def problem_list(problems: list[Problem], lang: str, title: str | None = None) -> str:
    """The problems as a Markdown list under `title` (data problems unless told)."""
    lines = ["### " + (title or tr("data-problems", lang)), ""]
    lines += [f"- `{p.location()}` {p.code.value}: {escape(p.message)}" for p in problems]
    return "\n".join(lines) + "\n\n"


def _summary(evaluation: Evaluation, view: View, out: TextIO) -> None:
    """Statuses counted per level and target (a table each), 需要关注 capped, how to narrow,
    the closing lines with the file lists capped."""
    lang, plan = view.lang, evaluation.plan
    for counts in per_level(evaluation):
        head = tr("scale-level-head", lang, level=counts.name(lang), count=counts.units)
        out.write(f"### {escape(head)}\n\n")
        statuses = counts.statuses
        header = [tr("head-target", lang), *(f"{s.glyph} {s.label(lang)}" for s in statuses)]
        out.write("| " + " | ".join(escape(item) for item in header) + " |\n")
        out.write("|---|" + "--:|" * len(statuses) + "\n")
        for target, tally in counts.rows:
            row = [target_name(target, plan.indicators[target.indicator], lang)]
            row += [str(tally[status] or "") for status in statuses]
            out.write("| " + " | ".join(escape(item) for item in row) + " |\n")
        out.write("\n")
    failed = attention(evaluation, view.fail_on)
    if failed:
        out.write(f"### {tr('needs-attention', lang)}\n\n")
        shown, more = capped(failed)
        for result in shown:
            name = target_name(result.target, result.indicator, lang)
            said = f"{name} @ {unit_name(result.unit, lang)}{tr('colon', lang)}"
            said += explain(result, lang)
            status = result.status
            out.write(f"- {status.glyph} {status.label(lang)} {escape(said)}\n")
        if more:
            out.write(f"- {escape(rest_line(failed[SHOWN:], lang))}\n")
        out.write("\n")
    why, options = hint(evaluation, lang)
    out.write(f"{why}\n\n")
    for option, said in options:
        out.write(f"- `{option}` {escape(said)}\n")
    out.write(
        f"\n{summary_line(evaluation, lang)}\n\n{failed_line(evaluation, view.fail_on, lang)}\n\n"
    )
    for line in file_lines(evaluation, lang):
        out.write(f"{escape(line)}\n\n")
    problems, more = capped(evaluation.problems)
    if problems:
        out.write(problem_list(list(problems), lang).rstrip("\n") + "\n")
        if more:
            out.write(f"- {tr('problems-rest', lang, count=more)}\n")
        out.write("\n")
    out.write(f"{legend(lang)}\n")
