"""`kxplan targets`: the plan as a table — id, name, level, kind, rule, clause."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

from kxplan.commands.common import (
    DebugOption,
    FormatOption,
    LangOption,
    PlanOption,
    colour,
    guard,
    language,
    open_plan,
)
from kxplan.describe import json_threshold, kind_name, rule, target_name
from kxplan.messages import pick
from kxplan.plan import Plan


class TargetsFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def targets(
    fmt: Annotated[TargetsFormat, FormatOption] = TargetsFormat.TABLE,
    plan_option: PlanOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """List the plan's targets. 列出规划的全部目标。"""
    lang = language(lang_option)
    with guard(lang, debug, fmt.value):
        plan = open_plan(plan_option, lang)
        rows = _rows(plan, lang)
        if fmt is TargetsFormat.JSON:
            targets_ = [
                {
                    "target": t.id,
                    "indicator": t.indicator,
                    "levels": list(t.levels),
                    "kind": t.kind.value,
                    "op": t.op.value if t.op else None,
                    "threshold": json_threshold(t),
                    "deadline": t.deadline,
                    "clause": t.clause,
                    "name": row[1],
                    "rule": row[4],
                }
                for t, row in zip(plan.targets, rows, strict=True)
            ]
            info = plan.info
            body = {
                "plan": {"id": info.id, "name": info.name, "period": list(info.period)},
                "base_year": plan.base_year,
                "targets": targets_,
            }
            print(json.dumps(body, ensure_ascii=False, indent=2))
        elif fmt is TargetsFormat.MARKDOWN:
            print("| " + " | ".join(_header(lang)) + " |")
            print("|" + "---|" * len(_header(lang)))
            for row in rows:
                print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
        else:
            _table(plan, rows, lang)


def _header(lang: str) -> list[str]:
    if lang == "en":
        return ["id", "name", "level", "kind", "rule", "clause"]
    return ["编号", "名称", "层级", "类型", "规则", "条款"]


def _rows(plan: Plan, lang: str) -> list[list[str]]:
    rows = []
    for target in plan.targets:
        indicator = plan.indicators[target.indicator]
        levels = "、".join(
            pick(plan.level(level).name, plan.level(level).name_en, lang) for level in target.levels
        )
        rows.append(
            [
                target.id,
                target_name(target, indicator, lang),
                levels,
                kind_name(target.kind, lang),
                rule(target, indicator, lang),
                target.clause,
            ]
        )
    return rows


def _table(plan: Plan, rows: list[list[str]], lang: str) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    for column in _header(lang):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    console = Console(
        no_color=not colour(sys.stdout), width=None if sys.stdout.isatty() else 160, highlight=False
    )
    console.print(plan.name(lang), style="bold")
    console.print(table)
