"""`kxplan explain --score --county UNIT [YEAR]`: one unit's assessment score, step by step."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kxplan.cli import locate
from kxplan.cli.commands.assess import assessed_unit, no_assessment
from kxplan.cli.context import memo, one_year, plan_year
from kxplan.cli.handler import ExitCode
from kxplan.engine.assessment import assess
from kxplan.load.dataset import load_dataset
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan
from kxplan.render import View
from kxplan.render import explain as explained
from kxplan.render.assessment import Assessed
from kxplan.render.assessment import explain as scored
from kxplan.render.common import unit_name
from kxplan.text import tr


def explain_score(
    plan: Plan,
    first: str | None,
    year_argument: int | None,
    year_option: int | None,
    county: str | None,
    data_option: Path | None,
    fmt: explained.Formats,
    view: View,
) -> None:
    """With --score the first word is the year, as in `kxplan explain --score 2024`: the
    command's TARGET argument comes first, and a score has no target."""
    lang = view.lang
    section = plan.assessment
    if section is None:
        raise no_assessment(plan, lang)
    if first is not None and not first.strip().isdigit():
        raise UsageError(tr("assess-explain-no-target", lang, id=first))
    if first is not None and year_argument is not None:
        raise UsageError(tr("assess-explain-no-target", lang, id=first))
    argument = int(first) if first is not None else year_argument
    if county is None:
        units = plan.units_at((section.level,))
        example = unit_name(units[0], lang) if units else ""
        raise UsageError(tr("assess-explain-needs-county", lang, example=example))
    unit = assessed_unit(plan, section, county, lang)
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, one_year(argument, year_option, lang), folder, lang)
    data = load_dataset(
        plan, folder, lang, years=range(plan.base_year, year + 1), cache=memo(plan, folder, lang)
    )
    ranking = assess(plan, data, year)
    scored.render(Assessed(ranking, unit), fmt, view, sys.stdout)
    if ranking.problems:  # an invalid data file: its values counted as missing, as in assess
        raise typer.Exit(ExitCode.INVALID)
