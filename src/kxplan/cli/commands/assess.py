"""`kxplan assess [YEAR]`: the annual assessment of the units (SPEC §8), ranked."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import colour, find_unit, memo, open_plan, plan_year, warn_leftovers
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    PlanOption,
    TableFormatOption,
    YearArgument,
    county_option,
    language,
    one_county,
)
from kxplan.cli.output import prepare, show
from kxplan.engine.assessment import assess as assess_year
from kxplan.load.dataset import load_dataset
from kxplan.model.assessment import Assessment
from kxplan.model.errors import UsageError
from kxplan.model.plan import Kind, Plan, Unit
from kxplan.render import Format, View
from kxplan.render import assessment as assessed
from kxplan.text import in_lang, tr


@documented(
    examples=[
        ("最近一年的考核 / the latest year's assessment", "kxplan assess"),
        (
            "一个县区的得分表，写成 Excel / one county's score sheet, into a workbook",
            "kxplan assess 2024 --county 苍溪县 -o 苍溪县考核.xlsx",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
    also={ExitCode.USAGE: "规划没有 assessment 部分 / the plan has no assessment section"},
)
def assess(
    year: YearArgument = None,
    fmt: Annotated[assessed.Shown | None, TableFormatOption] = None,
    county: Annotated[
        list[str] | None,
        county_option(
            "只看这个单位的得分表（名称、代码或英文名；默认：全部单位） / This unit's score sheet"
            " (name, code or English name; default: every unit)."
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Score and rank the units on the weighted targets. 年度目标考核：计分、排名。

    Needs the plan's `assessment` section (docs/plan-file.md). An invalid data file counts as
    missing (exit 3).
    """
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout))
    shown: assessed.Shown = fmt or Format.TABLE
    plan_problems_as(shown, assessed.nothing, view, to_file=output is not None)
    plan = open_plan(plan_option, lang)
    section = plan.assessment
    if section is None:
        raise no_assessment(plan, lang)
    named = one_county(county, lang)  # one score sheet
    unit = assessed_unit(plan, section, named, lang) if named else None
    folder = locate.data_dir(data_option, lang)
    year = plan_year(plan, year, folder, lang)
    stem = f"assess-{year}" + (f"-{unit.name}" if unit else "")
    chosen = (
        prepare(output, folder, stem, fmt, assessed.FORMATS, force=force, lang=lang)
        if output is not None
        else None
    )
    data = load_dataset(
        plan, folder, lang, years=range(plan.base_year, year + 1), cache=memo(plan, folder, lang)
    )
    warn_leftovers(data.leftovers, lang)
    ranking = assess_year(plan, data, year)
    subject = assessed.Assessed(ranking, unit)
    show(assessed.render, subject, shown, view, chosen, ranking.problems, force=force)
    if ranking.problems:
        raise typer.Exit(ExitCode.INVALID)


def no_assessment(plan: Plan, lang: str) -> UsageError:
    """The error for a plan without an `assessment` section: it shows one to copy."""
    return UsageError(tr("assess-none", lang, plan=plan.source, example=_example(plan)))


def assessed_unit(plan: Plan, section: Assessment, county: str, lang: str) -> Unit:
    """The unit `--county` names, when it is one of the units assessed."""
    unit = find_unit(plan, county, lang)
    if unit.level != section.level:
        level = plan.level(section.level)
        said = in_lang(level.name, level.name_en, lang)
        name = in_lang(unit.name, unit.name_en, lang)
        raise UsageError(tr("assess-not-assessed", lang, name=name, level=said))
    return unit


def _example(plan: Plan) -> str:
    """An `assessment` section for this plan, to copy: its lowest level, two of its targets;
    no line wider than the terminal's 80 columns."""
    level = plan.units[-1].level if plan.units else "county"
    weighable = [t.id for t in plan.targets if level in t.levels and t.kind is not Kind.MONITOR]
    points = (100,) if len(weighable) == 1 else (60, 40)
    weights = [f"{t}: {p}" for t, p in zip(weighable, points, strict=False)]
    scores = ["met: 1", "achieved_early: 1", "ahead: 1", "on_track: 0.8", "in_progress: 0.5"]
    scores += ["behind: 0.4", "not_met: 0", "missing: 0"]
    return "\n".join(
        [
            "assessment:",
            "  name: 年度目标考核",
            f"  level: {level}",
            *_flow("weights", weights or ["TARGET_ID: 100"]),
            *_flow("scores", scores),
            "  grades:",
            "    - {name: 优秀, name_en: excellent, min: 90}",
            "    - {name: 合格, name_en: pass, min: 60}",
            "    - {name: 不合格, name_en: fail, min: 0}",
        ]
    )


#: the widest line of the example
_WIDTH = 80


def _flow(key: str, pairs: list[str]) -> list[str]:
    """`  key: {a: 1, b: 2}` as YAML's flow mapping, carried on to lines of its own, indented
    past the key, where it would pass the width (ids are ASCII: a character a column)."""
    head = f"  {key}: {{"
    lines, line = [], head
    for n, pair in enumerate(pairs, 1):
        piece = pair + ("}" if n == len(pairs) else ",")
        if line != head and len(line) + 1 + len(piece) > _WIDTH:
            lines.append(line)
            line = " " * len(head) + piece
        else:
            line += ("" if line == head else " ") + piece
    lines.append(line)
    return lines
