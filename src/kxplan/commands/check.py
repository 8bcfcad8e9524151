"""`kxplan check [YEAR]`: every target at every unit for one year."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan import locate
from kxplan.commands.common import (
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    PlanOption,
    colour,
    find_unit,
    guard,
    language,
    open_plan,
)
from kxplan.dataset import data_years, load_dataset
from kxplan.errors import UsageError
from kxplan.evaluation import evaluate_year
from kxplan.messages import tr
from kxplan.render import Format, View, renderer
from kxplan.status import DEFAULT_FAIL_ON, Status, parse_statuses

DEFAULT_FAIL_ON_TEXT = ",".join(s.value for s in Status if s in DEFAULT_FAIL_ON)


def check(
    year: Annotated[
        int | None,
        typer.Argument(
            help="Year to check (default: the latest year with data).", show_default=False
        ),
    ] = None,
    fmt: Annotated[Format, FormatOption] = Format.TABLE,
    county: Annotated[
        str | None,
        typer.Option("--county", help="Only this unit (name or code).", show_default=False),
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Statuses that make the exit code 1 (comma-separated).")
    ] = DEFAULT_FAIL_ON_TEXT,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Check every target at every unit for one year. 检查某一年度各单位的目标完成情况。

    Exit 0: all pass; 1: a status in --fail-on; 2: usage error; 3: invalid plan or data.
    """
    lang = language(lang_option)
    with guard(lang, debug):
        try:
            statuses = parse_statuses(fail_on)
        except ValueError as error:
            known = ", ".join(s.value for s in Status)
            raise UsageError(tr("unknown-status", lang, code=error.args[0], known=known)) from None
        plan = open_plan(plan_option, lang)
        unit = find_unit(plan, county, lang) if county else None
        folder = locate.data_dir(data_option, lang)
        if year is None:
            in_period = [y for y in data_years(folder) if y in plan.years]
            if not in_period:
                raise UsageError(tr("no-data-years", lang))
            year = in_period[-1]
        if year not in plan.years:
            raise UsageError(tr("year-outside", lang, year=year, start=plan.start, end=plan.end))
        data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1))
        evaluation = evaluate_year(plan, data, year, unit)
        view = View(lang=lang, fail_on=statuses, color=colour(sys.stdout))
        renderer(fmt)(evaluation, view, sys.stdout)
        if evaluation.problems:
            raise typer.Exit(3)
        if evaluation.failed(statuses):
            raise typer.Exit(1)
