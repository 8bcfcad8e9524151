"""`kxplan targets`: the plan as a table — id, name, level, kind, rule, clause."""

from __future__ import annotations

import sys
from typing import Annotated

from kxplan.cli import locate
from kxplan.cli.context import colour, open_plan
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    NoCacheOption,
    PlanOption,
    WideOption,
    language,
)
from kxplan.render import Format, View
from kxplan.render import targets as listed


@documented(
    examples=[
        ("全部目标 / every target", "kxplan targets"),
        ("英文，Markdown / in English, as Markdown", "kxplan targets --lang en -f markdown"),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def targets(
    fmt: Annotated[listed.Formats, FormatOption] = Format.TABLE,
    wide: WideOption = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """List the plan's targets. 列出规划的全部目标。"""
    view = View(
        lang=language(lang_option), fail_on=frozenset(), color=colour(sys.stdout), wide=wide
    )
    plan_problems_as(fmt, listed.nothing, view)
    plan = open_plan(plan_option, view.lang)
    if data_option is not None:  # taken as every command takes it (SPEC §6); no data is read
        locate.data_dir(data_option, view.lang)
    listed.render(plan, fmt, view, sys.stdout)
