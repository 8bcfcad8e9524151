"""`kxplan explain TARGET`: the audit trail of one result."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import find_unit, one_year, open_plan, plan_year
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    PlanOption,
    YearArgument,
    language,
)
from kxplan.engine.audit import audit
from kxplan.engine.rules import evaluate
from kxplan.load.dataset import load_dataset
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan, Target
from kxplan.render import Format, View
from kxplan.render import explain as explained
from kxplan.text import in_lang, tr
from kxplan.text.suggest import closest


def explain(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="TARGET",
            help="Target id (see `kxplan targets`); none with --score.",
            show_default=False,
        ),
    ] = None,
    year_argument: YearArgument = None,
    county: Annotated[
        str | None,
        typer.Option(
            "--county", help="The unit (name or code); default: the top unit.", show_default=False
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="Year (default: the latest year with data).", show_default=False
        ),
    ] = None,
    score: Annotated[
        bool,
        typer.Option(
            "--score",
            help="Explain the unit's assessment score instead (kxplan assess).",
            metavar="",
        ),
    ] = False,
    fmt: Annotated[explained.Formats, FormatOption] = Format.TEXT,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Show how one result came about: the plan's words, inputs, arithmetic. 解释一项结果的来历。"""
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset())
    plan_problems_as(fmt, explained.nothing, view)
    plan = open_plan(plan_option, lang)
    if score:
        from kxplan.cli.commands.explain_score import explain_score

        explain_score(plan, target_id, year_argument, year, county, data_option, fmt, view)
        return
    year = one_year(year_argument, year, lang)
    if target_id is None:
        raise UsageError(tr("explain-needs-target", lang))
    target = find_target(plan, target_id, lang)
    unit = find_unit(plan, county, lang) if county else plan.root
    if county is None and unit.level not in target.levels:  # the review's row: every unit
        from kxplan.engine.review import build_review
        from kxplan.render.review import render_row

        folder = locate.data_dir(data_option, lang)
        year = plan_year(plan, year, folder, lang)
        data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1))
        reviewed = build_review(plan, data, year)
        row = next(row for row in reviewed.rows if row.target.id == target.id)
        render_row(reviewed, row, fmt, lang, sys.stdout)
        return
    if unit.level not in target.levels:
        levels = tr("list-comma", lang).join(
            in_lang(plan.level(lv).name, plan.level(lv).name_en, lang) for lv in target.levels
        )
        name = in_lang(unit.name, unit.name_en, lang)
        applies = [u for u in plan.tree_order if u.level in target.levels]
        if county and plan.root in applies:  # a city target asked of a county
            root = in_lang(plan.root.name, plan.root.name_en, lang)
            hint = tr("explain-leave-out-county", lang, root=root)
        else:
            example = in_lang(applies[0].name, applies[0].name_en, lang) if applies else ""
            hint = tr("explain-give-county", lang, example=example)
        said = tr("explain-not-here", lang, id=target.id, levels=levels, name=name, hint=hint)
        raise UsageError(said)
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, year, folder, lang)
    data = load_dataset(plan, folder, lang, years=range(plan.base_year, year + 1))
    found = audit(plan, data, evaluate(plan, data, target, unit, year))
    explained.render(found, fmt, view, sys.stdout)
    if found.problems:  # an invalid data file: its values counted as missing
        raise typer.Exit(ExitCode.INVALID)


def find_target(plan: Plan, target_id: str, lang: str) -> Target:
    found = next((t for t in plan.targets if t.id == target_id.strip()), None)
    if found is None:
        guess = closest(target_id, [t.id for t in plan.targets])
        suggest = tr("did-you-mean", lang, id=guess) if guess else ""
        raise UsageError(tr("unknown-target", lang, id=target_id, suggest=suggest))
    return found
