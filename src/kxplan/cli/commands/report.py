"""`kxplan report [--county NAME]`: one unit's whole period, year by year."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import colour, find_unit, one_year, open_plan, plan_year
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
    YearArgument,
    language,
)
from kxplan.cli.output import prepare, show
from kxplan.engine.history import unit_history
from kxplan.load.dataset import load_dataset
from kxplan.render import Format, View
from kxplan.render import report as records

CountyOption = Annotated[
    str | None,
    typer.Option(
        "--county",
        help="The unit (name or code); default: the top unit (the city).",
        show_default=False,
    ),
]


def report(
    year_argument: YearArgument = None,
    county: CountyOption = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Last year shown (default: the latest year with data).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[records.Shown | None, FormatOption] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    wide: WideOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """One unit's record over the plan period, year by year. 单位规划期逐年完成情况。

    Exit 0, or 3 when a data file is invalid (its values count as missing).
    """
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout), wide=wide)
    shown: records.Shown = fmt or Format.TABLE
    plan_problems_as(shown, records.nothing, view, to_file=output is not None)
    plan = open_plan(plan_option, lang)
    year = one_year(year_argument, year, lang)
    unit = find_unit(plan, county, lang) if county else plan.root
    folder = locate.data_dir(data_option, lang)
    last = plan_year(plan, year, folder, lang)
    stem = f"report-{unit.name}-{last}"
    chosen = (
        prepare(output, folder, stem, fmt, records.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    data = load_dataset(plan, folder, lang, years=range(plan.base_year, last + 1))
    history = unit_history(plan, data, unit, last)
    show(records.render, history, shown, view, chosen, history.problems, force=force)
    if history.problems:
        raise typer.Exit(ExitCode.INVALID)
