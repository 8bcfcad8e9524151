"""`kxplan check [YEAR]`: every target at every unit for one year."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from kxplan.cli import complete, locate
from kxplan.cli.context import (
    colour,
    find_unit,
    github_root,
    memo,
    one_year,
    open_plan,
    plan_year,
    warn_leftovers,
)
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import (
    FAIL_ON_HELP,
    FAIL_ON_VALUES,
    DataOption,
    DebugOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    PlanOption,
    TableFormatOption,
    WideOption,
    county_option,
    fail_on_statuses,
    language,
    one_county,
)
from kxplan.cli.output import prepare, show
from kxplan.cli.replay import replayed
from kxplan.engine.evaluation import Evaluation, evaluate_year
from kxplan.load.dataset import load_dataset
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

    plan_problems_as(shown, nothing, view, to_file=output is not None)
    root = github_root(shown is Format.GITHUB, plan_option, lang)
    plan = open_plan(plan_option, lang, root)
    units = [find_unit(plan, county, lang) for county in counties or []]
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, given, folder, lang)
    if output is not None and compare is not None:
        raise UsageError(tr("compare-and-output", lang))
    if compare is not None:  # a revision is evaluated at every unit or at one
        one_county(counties, lang)
    stem = "-".join([f"check-{year}", *(unit.name for unit in units)])
    chosen = (
        prepare(output, folder, stem, fmt, results.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    years = range(plan.base_year, year + 1)
    remembered = memo(plan, folder, lang, root)
    if chosen is None and compare is None and shown is not Format.GITHUB and not view.color:
        asked = {  # all that the rest reads, besides the plan and files `remembered` knows
            "command": "check",
            "given": (year, year_option, counties, fail_on, wide, force, debug),
            "where": (plan_option, data_option, plan.source, folder, root),
            "run": (lang, shown, view, statuses, year, [unit.code for unit in units]),
        }
        if replayed(remembered, asked, folder, years):  # the same options, files and code
            return
    data = load_dataset(plan, folder, lang, years=years, root=root, cache=remembered)
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
    """The year at every unit, or at the units `--county` names (each once, in the plan's
    order: one column each)."""
    if not units:
        return evaluate_year(plan, data, year)
    codes = {unit.code for unit in units}
    chosen = [unit for unit in plan.tree_order if unit.code in codes]
    parts = [evaluate_year(plan, data, year, unit) for unit in chosen]
    return Evaluation(
        plan=plan,
        year=year,
        units=chosen,
        results=[result for part in parts for result in part.results],
        missing_files=[unit for part in parts for unit in part.missing_files],
        invalid_files=[unit for part in parts for unit in part.invalid_files],
        problems=parts[0].problems,
    )
