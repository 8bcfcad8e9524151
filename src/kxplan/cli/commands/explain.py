"""`kxplan explain TARGET`: the audit trail of one result."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan.cli import complete, locate
from kxplan.cli.context import find_unit, memo, one_year, open_plan, plan_year
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented, helps
from kxplan.cli.narrow import reach
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    NoCacheOption,
    PlanOption,
    YearArgument,
    county_option,
    language,
    one_county,
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


@documented(
    examples=[
        (
            "全市 2024 年的一项结果 / one result of the city in 2024",
            "kxplan explain tfkjy_workers_2025 2024",
        ),
        (
            "一个县区的结果 / a county's result",
            "kxplan explain typical_cases 2024 --county 苍溪县",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def explain(
    target_id: Annotated[
        str | None,
        typer.Argument(
            metavar="TARGET",
            help=helps(
                "目标编号（见 kxplan targets；默认：无，只有 --score 时可不给）"
                " / Target id (see `kxplan targets`; default: none, only with --score)."
            ),
            autocompletion=complete.target_ids,
            show_default=False,
        ),
    ] = None,
    year_argument: YearArgument = None,
    county: Annotated[
        list[str] | None,
        county_option(
            "单位（名称、代码或英文名；默认：最高一级单位） / The unit (name, code or English "
            "name; default: the top unit)."
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=helps(
                "年份（默认：最近有数据的年份） / Year (default: the latest year with data)."
            ),
            show_default=False,
            autocompletion=complete.data_years,
        ),
    ] = None,
    score: Annotated[
        bool,
        typer.Option(
            "--score",
            help=helps(
                "改为解释该单位的考核得分（kxplan assess） / Explain the unit's assessment score"
                " instead (kxplan assess)."
            ),
            metavar="",
        ),
    ] = False,
    fmt: Annotated[explained.Formats, FormatOption] = Format.TEXT,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Show how one result came about: the plan's words, inputs, arithmetic. 解释一项结果的来历。"""
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset())
    plan_problems_as(fmt, explained.nothing, view)
    plan = open_plan(plan_option, lang)
    named = one_county(county, lang)
    if score:
        from kxplan.cli.commands.explain_score import explain_score

        explain_score(plan, target_id, year_argument, year, named, data_option, fmt, view)
        return
    year = one_year(year_argument, year, lang)
    if target_id is None:
        raise UsageError(tr("explain-needs-target", lang))
    target = find_target(plan, target_id, lang)
    unit = find_unit(plan, named, lang) if named else plan.root
    if named is None and unit.level not in target.levels:  # the review's row: every unit
        from kxplan.engine.review import build_review
        from kxplan.render.review import render_row

        folder = locate.data_dir(data_option, lang)
        year = plan_year(plan, year, folder, lang)
        data = load_dataset(
            plan,
            folder,
            lang,
            years=range(plan.base_year, year + 1),
            cache=memo(plan, folder, lang),
        )
        reviewed = build_review(plan, data, year)
        row = next(row for row in reviewed.rows if row.target.id == target.id)
        render_row(reviewed, row, fmt, lang, sys.stdout)
        if data.problems:  # an invalid data file: its values counted as missing
            raise typer.Exit(ExitCode.INVALID)
        return
    if unit.level not in target.levels:
        levels = tr("list-comma", lang).join(
            in_lang(plan.level(lv).name, plan.level(lv).name_en, lang) for lv in target.levels
        )
        name = in_lang(unit.name, unit.name_en, lang)
        applies = [u for u in plan.tree_order if u.level in target.levels]
        if named and plan.root in applies:  # a city target asked of a county
            root = in_lang(plan.root.name, plan.root.name_en, lang)
            hint = tr("explain-leave-out-county", lang, root=root)
        else:
            example = in_lang(applies[0].name, applies[0].name_en, lang) if applies else ""
            hint = tr("explain-give-county", lang, example=example)
        said = tr("explain-not-here", lang, id=target.id, levels=levels, name=name, hint=hint)
        raise UsageError(said)
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, year, folder, lang)
    years = range(plan.base_year, year + 1)
    reached = reach(plan, [unit])
    data = load_dataset(plan, folder, lang, years, units=reached, cache=memo(plan, folder, lang))
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
