"""`kxplan check [YEAR]`: every target at every unit for one year."""

from __future__ import annotations

import io
import sys
from typing import Annotated

import typer

from kxplan.cli import handler, locate
from kxplan.cli.context import (
    colour,
    find_unit,
    github_root,
    one_year,
    open_plan,
    plan_year,
    warn_leftovers,
)
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    PlanOption,
    language,
)
from kxplan.cli.output import prepare, save
from kxplan.engine.evaluation import Evaluation, evaluate_year
from kxplan.load.dataset import load_dataset
from kxplan.model.errors import UsageError
from kxplan.model.status import DEFAULT_FAIL_ON, Status, parse_statuses
from kxplan.render import Format, View, renderer
from kxplan.text import tr

DEFAULT_FAIL_ON_TEXT = ",".join(s.value for s in Status if s in DEFAULT_FAIL_ON)


def check(
    year: Annotated[
        int | None,
        typer.Argument(
            metavar="YEAR",
            help="Year to check (default: the latest year with data).",
            show_default=False,
        ),
    ] = None,
    year_option: Annotated[
        int | None,
        typer.Option(
            "--year", help="Same as YEAR, as report and review take it.", show_default=False
        ),
    ] = None,
    fmt: Annotated[Format | None, FormatOption] = None,
    county: Annotated[
        str | None,
        typer.Option("--county", help="Only this unit (name or code).", show_default=False),
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Statuses that make the exit code 1 (comma-separated).")
    ] = DEFAULT_FAIL_ON_TEXT,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="REV",
            help="Only the results whose status differs from git revision REV (e.g. origin/main).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Check every target at every unit for one year. 检查某一年度各单位的目标完成情况。

    Exit 0: all pass; 1: a status in --fail-on; 2: usage error; 3: invalid plan or data.

    --compare REV: only the results whose status differs from git revision
    REV; exit 1 when a result newly has a status in --fail-on.

    --format github: annotations, and a Markdown job summary appended to
    the file named by GITHUB_STEP_SUMMARY when it is set.
    """
    lang = language(lang_option)
    handler.current().plan_problems = plan_problems_as(fmt.value if fmt else "text")
    try:
        statuses = parse_statuses(fail_on)
    except ValueError as error:
        known = ", ".join(s.value for s in Status)
        raise UsageError(tr("unknown-status", lang, code=error.args[0], known=known)) from None
    root = github_root(fmt is Format.GITHUB, plan_option, lang)
    plan = open_plan(plan_option, lang, root)
    unit = find_unit(plan, county, lang) if county else None
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, one_year(year, year_option, lang), folder, lang)
    if output is not None and compare is not None:
        raise UsageError(tr("compare-and-output", lang))
    stem = f"check-{year}" + (f"-{unit.name}" if unit else "")
    chosen = (
        prepare(output, folder, stem, fmt, force=force, lang=lang) if output is not None else None
    )
    data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1), root=root)
    warn_leftovers(data.leftovers, lang)
    evaluation = evaluate_year(plan, data, year, unit)
    view = View(lang=lang, fail_on=statuses, color=colour(sys.stdout))
    shown = fmt or Format.TABLE
    if chosen is not None:
        from kxplan.cli.export import check_file
        from kxplan.render.common import summary_line

        path, export = chosen
        print(summary_line(evaluation, lang))
        for problem in evaluation.problems:
            print(problem.as_line())
        print(save(path, check_file(evaluation, view, export), force=force, lang=lang))
        failed = bool(evaluation.failed(statuses))
    elif compare is not None:
        from kxplan.cli.commands.check_compare import show_changes

        plan_path = locate.plan_path(plan_option, lang)
        failed = show_changes(
            evaluation, compare, plan_path, folder, unit, shown, view, from_top=root is not None
        )
    else:
        renderer(shown)(evaluation, view, sys.stdout)
        if shown is Format.GITHUB:
            _summarize(evaluation, view)
        failed = bool(evaluation.failed(statuses))
    if evaluation.problems:
        raise typer.Exit(ExitCode.INVALID)
    if failed:
        raise typer.Exit(ExitCode.FAILED)


def _summarize(evaluation: Evaluation, view: View) -> None:
    from kxplan.render.github import append_step_summary
    from kxplan.render.markdown import render as markdown

    text = io.StringIO()
    markdown(evaluation, view, text)
    append_step_summary(text.getvalue())
