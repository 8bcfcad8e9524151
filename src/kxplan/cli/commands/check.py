"""`kxplan check [YEAR]`: every target at every unit for one year."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from kxplan.cli import locate
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
    WideOption,
    language,
)
from kxplan.cli.output import prepare, show
from kxplan.engine.evaluation import evaluate_year
from kxplan.load.dataset import load_dataset
from kxplan.model.errors import UsageError
from kxplan.model.status import DEFAULT_FAIL_ON, Status, parse_statuses
from kxplan.render import Format, View
from kxplan.render import check as results
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
    fmt: Annotated[results.Shown | None, FormatOption] = None,
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
    wide: WideOption = False,
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
    try:
        statuses = parse_statuses(fail_on)
    except ValueError as error:
        known = ", ".join(s.value for s in Status)
        raise UsageError(tr("unknown-status", lang, code=error.args[0], known=known)) from None
    view = View(lang=lang, fail_on=statuses, color=colour(sys.stdout), wide=wide)
    shown: results.Shown = fmt or Format.TABLE
    given = one_year(year, year_option, lang)

    def nothing(view: View) -> dict[str, Any]:  # the year asked for, though the plan is invalid
        return {**results.nothing(view), "year": given}

    plan_problems_as(shown, nothing, view, to_file=output is not None)
    root = github_root(shown is Format.GITHUB, plan_option, lang)
    plan = open_plan(plan_option, lang, root)
    unit = find_unit(plan, county, lang) if county else None
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, given, folder, lang)
    if output is not None and compare is not None:
        raise UsageError(tr("compare-and-output", lang))
    stem = f"check-{year}" + (f"-{unit.name}" if unit else "")
    chosen = (
        prepare(output, folder, stem, fmt, results.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1), root=root)
    warn_leftovers(data.leftovers, lang)
    evaluation = evaluate_year(plan, data, year, unit)
    if compare is not None:
        from kxplan.cli.commands.check_compare import show_changes

        plan_path = locate.plan_path(plan_option, lang)
        failed = show_changes(
            evaluation, compare, plan_path, folder, unit, shown, view, from_top=root is not None
        )
    else:
        if chosen is not None:  # the screen says how the year came out, the file the rest
            from kxplan.render.common import summary_line

            print(summary_line(evaluation, lang))
        show(results.render, evaluation, shown, view, chosen, evaluation.problems, force=force)
        failed = bool(evaluation.failed(statuses))
    if evaluation.problems:
        raise typer.Exit(ExitCode.INVALID)
    if failed:
        raise typer.Exit(ExitCode.FAILED)
