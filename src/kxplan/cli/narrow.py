"""Which units `check` shows (`--county`, `--level`, `--under`), and which units' files a
command reads for the units it shows."""

from __future__ import annotations

from kxplan.cli.context import find_unit
from kxplan.model.errors import UsageError
from kxplan.model.plan import Level, Plan, Unit
from kxplan.text import in_lang, tr
from kxplan.text.suggest import closest


def chosen_units(
    plan: Plan, counties: list[str], level: str | None, under: str | None, lang: str
) -> list[Unit]:
    """The units named by `--county`, or those of `--level` at or below `--under` (either
    alone, or both: the units of that level under that unit), in the plan's order; [] when
    none of the three is given (every unit)."""
    if counties and (level is not None or under is not None):
        raise UsageError(tr("county-and-narrow", lang))
    if counties:
        codes = {find_unit(plan, county, lang).code for county in counties}
        return [unit for unit in plan.tree_order if unit.code in codes]
    if level is None and under is None:
        return []
    for option, given in (("--level", level), ("--under", under)):
        if given is not None and not given.strip():  # `--under ""`: not "everything"
            raise UsageError(tr("narrow-empty", lang, option=option))
    top = find_unit(plan, under, lang) if under is not None else None
    units = [top, *plan.descendants(top)] if top is not None else plan.tree_order
    if level is None:
        return units
    found = find_level(plan, level, lang)
    chosen = [unit for unit in units if unit.level == found.id]
    if not chosen and top is not None:
        name = in_lang(top.name, top.name_en, lang)
        said = in_lang(found.name, found.name_en, lang)
        raise UsageError(tr("none-of-level-under", lang, level=said, unit=name))
    return chosen


def find_level(plan: Plan, typed: str, lang: str) -> Level:
    """The level `--level` names: by id, name or English name, in any case."""
    wanted = typed.strip().casefold()
    for level in plan.levels:
        if wanted in (w.casefold() for w in (level.id, level.name, level.name_en) if w):
            return level
    words = [w for level in plan.levels for w in (level.id, level.name, level.name_en) if w]
    guess = closest(typed.strip(), words)
    known = tr("list-comma", lang).join(
        tr("level-word", lang, id=level.id, name=level.name) for level in plan.levels
    )
    suggest = tr("did-you-mean", lang, id=guess) if guess else tr("levels-known", lang, known=known)
    raise UsageError(tr("unknown-level", lang, name=typed, suggest=suggest))


def reach(plan: Plan, units: list[Unit]) -> list[Unit] | None:
    """The units whose files the results of `units` rest on (each unit's and those below it)
    and are shown within (those above it); None, every file, when that is the whole plan
    or `units` is empty (every unit)."""
    codes: set[str] = set()
    found: list[Unit] = []
    for unit in units:
        for each in plan.lineage(unit):
            if each.code not in codes:
                codes.add(each.code)
                found.append(each)
    return found if found and len(found) < len(plan.units) else None
