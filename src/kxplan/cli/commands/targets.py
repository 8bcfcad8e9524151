"""`kxplan targets`: the plan as a table — id, name, level, kind, rule, clause."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

from kxplan.cli import handler
from kxplan.cli.context import colour, open_plan
from kxplan.cli.handler import plan_problems_as
from kxplan.cli.options import DebugOption, FormatOption, LangOption, PlanOption, language
from kxplan.model.plan import Plan
from kxplan.render.describe import json_threshold, kind_name, rule, target_name
from kxplan.text import in_lang, tr


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
    handler.current().plan_problems = plan_problems_as(fmt.value)
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
    return [
        tr("targets-id", lang),
        tr("targets-name", lang),
        tr("targets-level", lang),
        tr("targets-kind", lang),
        tr("targets-rule", lang),
        tr("targets-clause", lang),
    ]


def _rows(plan: Plan, lang: str) -> list[list[str]]:
    rows = []
    for target in plan.targets:
        indicator = plan.indicators[target.indicator]
        levels = "、".join(
            in_lang(plan.level(level).name, plan.level(level).name_en, lang)
            for level in target.levels
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
    """As the other tables: ids never cut (explain needs them whole), names and rules wrap on a
    narrow terminal, no line wrapped off one, no escape codes without colour."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from kxplan.render import View
    from kxplan.render.terminal import console, fit, print_whole

    con = console(sys.stdout, View(lang=lang, fail_on=frozenset(), color=colour(sys.stdout)))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in _header(lang):
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    con.print(Text(plan.name(lang), style="bold"))
    fit(con, table, wrapping=(1, 4))  # the name and the rule
    print_whole(con, table)
