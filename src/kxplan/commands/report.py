"""`kxplan report [--county NAME]`: one unit's whole period, year by year."""

from __future__ import annotations

import sys
from enum import StrEnum
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
    plan_year,
)
from kxplan.dataset import load_dataset
from kxplan.history import unit_history
from kxplan.output import ForceOption, OutputOption, prepare, save
from kxplan.render import View
from kxplan.render.report import WIDE


class ReportFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


CountyOption = Annotated[
    str | None,
    typer.Option(
        "--county",
        help="The unit (name or code); default: the top unit (the city).",
        show_default=False,
    ),
]


def report(
    county: CountyOption = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Last year shown (default: the latest year with data).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ReportFormat | None, FormatOption] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """One unit's record over the plan period, year by year. 单位规划期逐年完成情况。

    Exit 0, or 3 when a data file is invalid (its values count as missing).
    """
    lang = language(lang_option)
    with guard(lang, debug):
        plan = open_plan(plan_option, lang)
        unit = find_unit(plan, county, lang) if county else plan.root
        folder = locate.data_dir(data_option, lang)
        last = plan_year(plan, year, folder, lang)
        fmt_name = fmt.value if fmt else None
        chosen = (
            prepare(output, folder, f"report-{unit.name}-{last}", fmt_name, force=force, lang=lang)
            if output
            else None
        )
        data = load_dataset(plan, folder, lang, years=range(plan.base_year, last + 1))
        history = unit_history(plan, data, unit, last)
        if chosen is not None:
            from kxplan.export import report_file

            path, export = chosen
            print(save(path, report_file(history, lang, export), force=force, lang=lang))
        else:
            from kxplan.render import report as render

            if fmt is ReportFormat.JSON:
                render.render_json(history, lang, sys.stdout)
            elif fmt is ReportFormat.MARKDOWN:
                render.render_markdown(history, lang, sys.stdout)
            else:
                view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout), width=WIDE)
                render.render_table(history, view, sys.stdout)
        if history.problems:
            raise typer.Exit(3)
