"""`kxplan report [--county NAME]`: one unit's whole period, year by year."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan.cli import complete, locate
from kxplan.cli.context import colour, find_unit, memo, one_year, open_plan, plan_year
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented, helps
from kxplan.cli.narrow import reach
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
    county_option,
    language,
    one_county,
)
from kxplan.cli.output import prepare, show
from kxplan.engine.history import unit_history
from kxplan.load.dataset import load_dataset
from kxplan.render import Format, View
from kxplan.render import report as records

CountyOption = Annotated[
    list[str] | None,
    county_option(
        "单位（名称、代码或英文名；默认：最高一级单位，即全市）"
        " / The unit (name, code or English name; default: the top unit, the city)."
    ),
]


@documented(
    examples=[
        ("全市历年情况 / the city, year by year", "kxplan report"),
        (
            "一个县区到 2024 年，写成 Excel / one county up to 2024, into a workbook",
            "kxplan report 2024 --county 利州区 -o 利州区.xlsx",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def report(
    year_argument: YearArgument = None,
    county: CountyOption = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=helps(
                "显示到哪一年（默认：最近有数据的年份） / Last year shown (default: the latest "
                "year with data)."
            ),
            show_default=False,
            autocompletion=complete.data_years,
        ),
    ] = None,
    fmt: Annotated[records.Shown | None, TableFormatOption] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    wide: WideOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """One unit's record over the plan period, year by year. 单位规划期逐年完成情况。

    An invalid data file's values count as missing (exit 3).
    """
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout), wide=wide)
    shown: records.Shown = fmt or Format.TABLE
    plan_problems_as(shown, records.nothing, view, to_file=output is not None)
    plan = open_plan(plan_option, lang)
    year = one_year(year_argument, year, lang)
    named = one_county(county, lang)
    unit = find_unit(plan, named, lang) if named else plan.root
    folder = locate.data_dir(data_option, lang)
    last = plan_year(plan, year, folder, lang)
    stem = f"report-{unit.name}-{last}"
    chosen = (
        prepare(output, folder, stem, fmt, records.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    years = range(plan.base_year, last + 1)
    reached = reach(plan, [unit])
    data = load_dataset(plan, folder, lang, years, units=reached, cache=memo(plan, folder, lang))
    history = unit_history(plan, data, unit, last)
    show(records.render, history, shown, view, chosen, history.problems, force=force)
    if history.problems:
        raise typer.Exit(ExitCode.INVALID)
