"""`kxplan review [--year YEAR]`: the plan-period review at the top unit."""

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
    guard,
    language,
    open_plan,
    plan_year,
)
from kxplan.commands.report import ReportFormat
from kxplan.dataset import load_dataset
from kxplan.output import ForceOption, OutputOption, prepare, save
from kxplan.render import View
from kxplan.render.report import WIDE
from kxplan.review import build_review


def review(
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Year reviewed (default: the latest year with data; the deadline year gives "
            "the final review).",
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
    """Review the plan at the top unit: completion against time, projections. 规划实施评估。

    Exit 0, or 3 when a data file is invalid (its values count as missing).
    """
    lang = language(lang_option)
    with guard(lang, debug):
        plan = open_plan(plan_option, lang)
        folder = locate.data_dir(data_option, lang)
        year = plan_year(plan, year, folder, lang)
        fmt_name = fmt.value if fmt else None
        chosen = (
            prepare(output, folder, f"review-{year}", fmt_name, force=force, lang=lang)
            if output
            else None
        )
        data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1))
        found = build_review(plan, data, year)
        if chosen is not None:
            from kxplan.export import review_file

            path, export = chosen
            print(save(path, review_file(found, lang, export), force=force, lang=lang))
        else:
            from kxplan.render import review as render

            if fmt is ReportFormat.JSON:
                render.render_json(found, lang, sys.stdout)
            elif fmt is ReportFormat.MARKDOWN:
                render.render_markdown(found, lang, sys.stdout)
            else:
                view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout), width=WIDE)
                render.render_table(found, view, sys.stdout)
        if found.problems:
            raise typer.Exit(3)
