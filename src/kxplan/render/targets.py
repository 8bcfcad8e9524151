"""`kxplan targets`: the plan's targets (id, name, level, kind, rule, clause) in each of its
formats."""

from __future__ import annotations

import json
from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.model.plan import Indicator, Plan
from kxplan.render import Format, View
from kxplan.render.describe import full_rule, json_threshold, kind_name, target_name
from kxplan.text import in_lang, tr

Formats = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(plan: Plan, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TABLE:
            render_table(plan, view, out)
        case Format.JSON:
            render_json(plan, view.lang, out)
        case Format.MARKDOWN:
            render_markdown(plan, view.lang, out)
        case _:
            assert_never(fmt)


def header(lang: str) -> list[str]:
    return [
        tr("targets-id", lang),
        tr("targets-name", lang),
        tr("targets-level", lang),
        tr("targets-kind", lang),
        tr("targets-rule", lang),
        tr("targets-clause", lang),
    ]


def rows(plan: Plan, lang: str) -> list[list[str]]:
    found = []
    for target in plan.targets:
        indicator = plan.indicators[target.indicator]
        levels = tr("list-comma", lang).join(
            in_lang(plan.level(level).name, plan.level(level).name_en, lang)
            for level in target.levels
        )
        found.append(
            [
                target.id,
                target_name(target, indicator, lang),
                levels,
                kind_name(target.kind, lang),
                full_rule(target, indicator, lang) + _formula(indicator, lang),
                target.clause,
            ]
        )
    return found


def _formula(indicator: Indicator, lang: str) -> str:
    """A derived indicator's formula, after its rule: `（density = members / population）`."""
    if indicator.formula is None:
        return ""
    return tr("targets-formula", lang, id=indicator.id, formula=indicator.formula)


def render_json(plan: Plan, lang: str, out: TextIO) -> None:
    targets = [
        {
            "target": t.id,
            "indicator": t.indicator,
            "levels": list(t.levels),
            "kind": t.kind.value,
            "op": t.op.value if t.op else None,
            "threshold": json_threshold(t),
            "deadline": t.deadline,
            "milestones": {str(year): m for year, m in sorted(t.milestones.items())}
            if t.milestones
            else None,
            "formula": plan.indicators[t.indicator].formula,
            "clause": t.clause,
            "name": row[1],
            "rule": row[4],
        }
        for t, row in zip(plan.targets, rows(plan, lang), strict=True)
    ]
    info = plan.info
    body = {
        "plan": {"id": info.id, "name": info.name, "period": list(info.period)},
        "base_year": plan.base_year,
        "targets": targets,
    }
    json.dump(body, out, ensure_ascii=False, indent=2)
    out.write("\n")


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's (its problems are added after)."""
    return {"plan": None, "base_year": None, "targets": []}


def render_markdown(plan: Plan, lang: str, out: TextIO) -> None:
    out.write("| " + " | ".join(header(lang)) + " |\n")
    out.write("|" + "---|" * len(header(lang)) + "\n")
    for row in rows(plan, lang):
        out.write("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |\n")


def render_table(plan: Plan, view: View, out: TextIO) -> None:
    """As the other tables: ids never cut (explain needs them whole), names and rules wrap on a
    narrow terminal, no line wrapped off one, no escape codes without colour."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from kxplan.render.terminal import console, fit, print_whole

    con = console(out, view)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in header(view.lang):
        table.add_column(column, no_wrap=True)
    for row in rows(plan, view.lang):
        table.add_row(*row)
    con.print(Text(plan.name(view.lang), style="bold"))
    fit(con, table, wrapping=(1, 4))  # the name and the rule
    print_whole(con, table)
