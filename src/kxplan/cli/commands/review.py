"""`kxplan review [--year YEAR]`: the plan-period review at the top unit."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan.cli import complete, locate
from kxplan.cli.context import colour, memo, one_year, open_plan, plan_year
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    PlanOption,
    TableFormatOption,
    WideOption,
    YearArgument,
    language,
)
from kxplan.cli.output import prepare, show
from kxplan.engine.review import build_review
from kxplan.load.dataset import load_dataset
from kxplan.render import Format, View
from kxplan.render import review as reviewed


@documented(
    examples=[
        ("最近一年的评估 / the review of the latest year", "kxplan review"),
        (
            "终期评估，写成 Excel / the final review, into a workbook",
            "kxplan review 2025 -o 终期评估.xlsx",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def review(
    year_argument: YearArgument = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=helps(
                "评估的年份（默认：最近有数据的年份；期末年份为终期评估） / Year reviewed "
                "(default: the latest year with data; the deadline year gives the final review)."
            ),
            show_default=False,
            autocompletion=complete.data_years,
        ),
    ] = None,
    fmt: Annotated[reviewed.Shown | None, TableFormatOption] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    wide: WideOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Review the plan at the top unit: completion against time, projections. 规划实施评估。

    An invalid data file's values count as missing (exit 3).
    """
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout), wide=wide)
    shown: reviewed.Shown = fmt or Format.TABLE
    plan_problems_as(shown, reviewed.nothing, view, to_file=output is not None)
    plan = open_plan(plan_option, lang)
    year = one_year(year_argument, year, lang)
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, year, folder, lang)
    chosen = (
        prepare(output, folder, f"review-{year}", fmt, reviewed.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    data = load_dataset(
        plan, folder, lang, years=range(plan.base_year, year + 1), cache=memo(plan, folder, lang)
    )
    found = build_review(plan, data, year)
    show(reviewed.render, found, shown, view, chosen, found.problems, force=force)
    if found.problems:
        raise typer.Exit(ExitCode.INVALID)
