"""`kxplan targets`: the plan's targets (id, name, level, kind, rule, clause) in each of its
formats."""

from __future__ import annotations

from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.model.plan import Indicator, Plan, Target, ValueType, exact_threshold
from kxplan.model.scope import (
    bands_of,
    base_year_of,
    first_year,
    last_year,
    quota_of,
    target_units,
)
from kxplan.render import Format, View
from kxplan.render.describe import (
    body,
    full_rule,
    json_bound,
    json_number,
    json_threshold,
    kind_name,
    number,
    rule,
    target_name,
)
from kxplan.render.jsontext import write_json
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
                "\n".join(
                    [
                        full_rule(target, indicator, [], lang) + _formula(indicator, lang),
                        *settings(plan, target, lang),
                    ]
                ),
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
            "rule": rule(t, plan.indicators[t.indicator], lang),
            "relative": t.relative.value if t.relative else None,
            "quotas": _quotas_json(plan, t),
            "base_year": base_year_of(plan, t),
            "years": [first_year(plan, t), last_year(plan, t)],
            "bands": [json_number(edge) for edge in bands_of(plan, t)],
            "notes": settings(plan, t, lang),
        }
        for t, row in zip(plan.targets, rows(plan, lang), strict=True)
    ]
    info = plan.info
    body = {
        "plan": {"id": info.id, "name": info.name, "period": list(info.period)},
        "base_year": plan.base_year,
        "targets": targets,
    }
    write_json(body, out)
    out.write("\n")


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's (its problems are added after)."""
    return {"plan": None, "base_year": None, "targets": []}


def render_markdown(plan: Plan, lang: str, out: TextIO) -> None:
    out.write("| " + " | ".join(header(lang)) + " |\n")
    out.write("|" + "---|" * len(header(lang)) + "\n")
    for row in rows(plan, lang):
        cells = (cell.replace("|", "\\|").replace("\n", "<br>") for cell in row)
        out.write("| " + " | ".join(cells) + " |\n")


def render_table(plan: Plan, view: View, out: TextIO) -> None:
    """As the other tables: the full table when it fits, else a block per target headed by its
    id (never cut: explain needs it whole); no escape codes without colour."""
    from kxplan.render.terminal import Grid, console, say, show

    con = console(out, view)
    table = Grid(header(view.lang), key=(0, 1), tail=1)  # the clause
    for row in rows(plan, view.lang):
        table.add(*row)
    say(con, plan.name(view.lang), style="bold")
    show(con, table, view)


def settings(plan: Plan, target: Target, lang: str) -> list[str]:
    """What the rule alone does not say: each unit's quota (`利州区 ≥ 30（分解）`), the years
    the target applies and its own base year and bands, where the plan sets them."""
    notes = []
    indicator = plan.indicators[target.indicator]
    if target.quotas and target.op is not None:
        for unit in target_units(plan.tree_order, target):
            figure = quota_of(target, unit)
            if figure is not None:
                said = body(target, indicator, exact_threshold(figure), target.relative, lang)
                name = in_lang(unit.name, unit.name_en, lang)
                notes.append(tr("quota-line", lang, unit=name, rule=said))
    if target.years is not None or target.base_year is not None:
        first, last = first_year(plan, target), last_year(plan, target)
        notes.append(tr("targets-years", lang, first=first, last=last))
    if target.base_year is not None:
        notes.append(tr("targets-base-year", lang, year=target.base_year))
    if target.bands is not None:
        ahead, behind = bands_of(plan, target)
        notes.append(tr("targets-bands", lang, ahead=number(ahead), behind=number(behind)))
    return notes


def _quotas_json(plan: Plan, target: Target) -> dict[str, object] | None:
    """Each listed unit's quota, by the unit's name, as the plan gives it (relative or not)."""
    if not target.quotas:
        return None
    boolean = plan.indicators[target.indicator].type is ValueType.BOOLEAN
    found: dict[str, object] = {}
    for unit in plan.tree_order:
        figure = quota_of(target, unit)
        if figure is not None:
            found[unit.name] = json_bound(exact_threshold(figure), boolean)
    return found
