"""`kxplan check [YEAR]`: every target at every unit for one year."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from kxplan.cli import complete, locate
from kxplan.cli.context import (
    colour,
    github_root,
    memo,
    one_year,
    open_plan,
    plan_year,
    warn_leftovers,
)
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented, helps
from kxplan.cli.narrow import chosen_units, reach
from kxplan.cli.options import (
    FAIL_ON_HELP,
    FAIL_ON_VALUES,
    DataOption,
    DebugOption,
    ForceOption,
    LangOption,
    LevelOption,
    NoCacheOption,
    OutputOption,
    PlanOption,
    TableFormatOption,
    UnderOption,
    WideOption,
    county_option,
    fail_on_statuses,
    given_once,
    language,
    one_county,
)
from kxplan.cli.output import prepare, show
from kxplan.cli.replay import replayed
from kxplan.engine.evaluation import Evaluation, evaluate_units, evaluate_year
from kxplan.load.dataset import layout_of, load_dataset
from kxplan.load.folder import Layout
from kxplan.model.dataset import DataSet
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan, Unit
from kxplan.model.status import DEFAULT_FAIL_ON, Status
from kxplan.render import Format, View
from kxplan.render import check as results
from kxplan.text import tr

DEFAULT_FAIL_ON_TEXT = ",".join(s.value for s in Status if s in DEFAULT_FAIL_ON)


@documented(
    examples=[
        ("2024 年全部结果 / every result of 2024", "kxplan check 2024"),
        (
            "两个县区，写成 Excel / two counties, into a workbook",
            "kxplan check 2024 --county 利州区 --county 苍溪县 -o 2024.xlsx",
        ),
        (
            "四川省的全部县区 / every county of Sichuan",
            "kxplan check 2024 --level 县区 --under 四川省",
        ),
        (
            "只在未达标时失败 / fail only when a target is not met",
            "kxplan check --fail-on 未达标",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.FAILED, ExitCode.USAGE, ExitCode.INVALID),
    values=FAIL_ON_VALUES,
)
def check(
    year: Annotated[
        int | None,
        typer.Argument(
            metavar="YEAR",
            help=helps(
                "要检查的年份（默认：最近有数据的年份） / Year to check (default: the latest "
                "year with data)."
            ),
            show_default=False,
            autocompletion=complete.data_years,
        ),
    ] = None,
    year_option: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=helps(
                "同 YEAR（report、review 的写法；默认：最近有数据的年份）"
                " / Same as YEAR, as report and review take it"
                " (default: the latest year with data)."
            ),
            show_default=False,
            autocompletion=complete.data_years,
        ),
    ] = None,
    fmt: Annotated[results.Shown | None, TableFormatOption] = None,
    counties: Annotated[
        list[str] | None,
        county_option(
            "只看这个单位（名称、代码或英文名；可重复，看几个单位；默认：全部）"
            " / Only this unit (name, code or English name; repeat it for several; default: all)."
        ),
    ] = None,
    levels: LevelOption = None,
    unders: UnderOption = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help=FAIL_ON_HELP)] = DEFAULT_FAIL_ON_TEXT,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="REV",
            help=helps(
                "只列出状态与 git 版本 REV（如 origin/main）不同的结果（默认：列出全部结果）"
                " / Only the results whose status differs from git revision REV (e.g."
                " origin/main; default: every result)."
            ),
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    wide: WideOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Check every target at every unit for one year. 检查某一年度各单位的目标完成情况。

    --compare REV: only the results whose status differs from git revision
    REV; exit 1 when a result newly has a status in --fail-on.

    --format github: annotations, and a Markdown job summary appended to
    the file named by GITHUB_STEP_SUMMARY when it is set.
    """
    lang = language(lang_option)
    statuses = fail_on_statuses(fail_on, lang)
    view = View(lang=lang, fail_on=statuses, color=colour(sys.stdout), wide=wide)
    shown: results.Shown = fmt or Format.TABLE
    given = one_year(year, year_option, lang)

    def nothing(view: View) -> dict[str, Any]:  # the year asked for, though the plan is invalid
        return {**results.nothing(view), "year": given}

    level, under = given_once("--level", levels, lang), given_once("--under", unders, lang)
    plan_problems_as(shown, nothing, view, to_file=output is not None)
    root = github_root(shown is Format.GITHUB, plan_option, lang)
    plan = open_plan(plan_option, lang, root)
    units = chosen_units(plan, counties or [], level, under, lang)
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, given, folder, lang)
    if output is not None and compare is not None:
        raise UsageError(tr("compare-and-output", lang))
    if compare is not None:  # a revision is evaluated at every unit or at one
        if level is not None or under is not None:
            raise UsageError(tr("compare-narrowed", lang))
        one_county(counties, lang)
    narrowed = [word.strip() for word in (level, under) if word]  # else each unit's name
    stem = "-".join([f"check-{year}", *(narrowed or (unit.name for unit in units))])
    chosen = (
        prepare(output, folder, stem, fmt, results.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    years = range(plan.base_year, year + 1)
    reached = reach(plan, units)
    remembered = memo(plan, folder, lang, root)
    if chosen is None and compare is None and shown is not Format.GITHUB and not view.color:
        asked = {  # all that the rest reads, besides the plan and files `remembered` knows
            "command": "check",
            "given": (year, year_option, counties, level, under, fail_on, wide, force, debug),
            "where": (plan_option, data_option, plan.source, folder, root),
            "run": (lang, shown, view, statuses, year, [unit.code for unit in units]),
        }

        def layout() -> Layout:
            return layout_of(plan, folder, years, reached)

        if replayed(remembered, asked, folder, years, layout):  # same options, files, code
            return
    data = load_dataset(plan, folder, lang, years, root=root, units=reached, cache=remembered)
    warn_leftovers(data.leftovers, lang)
    evaluation = _evaluate(plan, data, year, units)
    if compare is not None:
        from kxplan.cli.commands.check_compare import show_changes

        plan_path = locate.plan_path(plan_option, lang)
        failed = show_changes(
            evaluation,
            compare,
            plan_path,
            folder,
            units[0] if units else None,
            shown,
            view,
            from_top=root is not None,
        )
    else:
        if chosen is not None:  # the screen says how the year came out, the file the rest
            from kxplan.render.common import summary_line

            print(summary_line(evaluation, lang))
        show(results.render, evaluation, shown, view, chosen, evaluation.problems, force=force)
        failed = bool(evaluation.failed(statuses))
    if evaluation.problems:
        raise typer.Exit(ExitCode.INVALID)
    if failed:
        raise typer.Exit(ExitCode.FAILED)


def _evaluate(plan: Plan, data: DataSet, year: int, units: list[Unit]) -> Evaluation:
    """The year at every unit, or at the units chosen (in the plan's order: one column
    each), as the whole year's results of them."""
    return evaluate_units(plan, data, year, units) if units else evaluate_year(plan, data, year)
