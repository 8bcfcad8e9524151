"""`kxplan review [--year YEAR]`: the plan-period review at the top unit."""

from __future__ import annotations

from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.commands.publish import Renderers, TextFormat, publish
from kxplan.cli.context import one_year, open_plan, plan_year
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    PlanOption,
    YearArgument,
    language,
)
from kxplan.cli.output import prepare
from kxplan.load.dataset import load_dataset


def review(
    year_argument: YearArgument = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Year reviewed (default: the latest year with data; the deadline year gives "
            "the final review).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[TextFormat | None, FormatOption] = None,
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
    plan = open_plan(plan_option, lang)
    year = one_year(year_argument, year, lang)
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, year, folder, lang)
    fmt_name = fmt.value if fmt else None
    chosen = (
        prepare(output, folder, f"review-{year}", fmt_name, force=force, lang=lang)
        if output is not None
        else None
    )
    # Imported here rather than at the top: `kxplan check` imports every command module.
    from kxplan.cli.export import review_workbook
    from kxplan.engine.review import build_review
    from kxplan.render import review as render

    data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1))
    found = build_review(plan, data, year)
    renderers = Renderers(
        render.render_table, render.render_json, render.render_markdown, review_workbook
    )
    publish(found, renderers, found.problems, fmt, chosen, force=force, lang=lang)
