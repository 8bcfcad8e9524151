"""What of a plan that fails its schema can still be checked, so that every independent problem
is reported in one run: the well-formed levels, units, indicators and targets, less those that
use a malformed one (a reference to it is known but broken: neither unknown nor checkable), and
the unknown references of the items left out. A broken `period` or `base_year` is replaced by one
that no year is judged against, so it is said once, by the schema."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from kxplan.load.formula import Parsed, parse
from kxplan.load.plancheck import EVERY_YEAR, unknown_ref
from kxplan.load.planwords import describe
from kxplan.model.plan import Indicator, Level, PlanFile, PlanInfo, Target, Unit
from kxplan.text import tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Path_

#: a problem: its place, the message, its offset in a formula's text
Found = tuple[Path_, str, int | None]
#: the checks of a well-formed plan
Check = Callable[[PlanFile, str], Iterable[Found]]

_MODELS: dict[str, type[BaseModel]] = {
    "levels": Level,
    "units": Unit,
    "indicators": Indicator,
    "targets": Target,
}
#: the key others refer to an item by
_KEYS = {"levels": "id", "units": "code", "indicators": "id", "targets": "id"}
#: a unit's or target's reference, in words
_REF_WORDS = {
    "level": "plan-ref-level",
    "parent": "plan-ref-parent",
    "indicator": "plan-ref-indicator",
}


@dataclass
class _Item:
    section: str
    index: int
    raw: Any
    model: BaseModel | None  # None when malformed
    bad: frozenset[str]  # the fields with a schema problem; "" for the whole item
    dropped: bool

    def get(self, name: str) -> Any:
        """The field's value when it is well formed, else None."""
        if not isinstance(self.raw, dict) or {"", name} & self.bad:
            return None
        return self.raw.get(name)

    @property
    def key(self) -> str | None:
        key = self.get(_KEYS[self.section])
        return key if isinstance(key, str) else None


class _Ref(NamedTuple):
    place: Path_  # within the item
    section: str  # the section it refers to
    ident: str
    offset: int | None  # in a formula's text


def rest_problems(data: dict[str, Any], lang: str, check: Check) -> list[Found]:
    """The problems of `data`'s well-formed part, at their places in the file."""
    items, unsure = _items(data)
    _drop_users(items, unsure)
    kept = {section: [item for item in items if item.section == section] for section in _MODELS}
    for section, its in kept.items():
        kept[section] = [item for item in its if not item.dropped]
    # the parts are validated already (and the plan's stand-in years are below any `Year`)
    parts = {section: [item.model for item in its] for section, its in kept.items()}
    assessment = _assessment(data, items, unsure)
    also = {} if assessment is None else {"assessment": assessment}
    spec = PlanFile.model_validate({"plan": _info(data.get("plan")), **parts, **also})
    units_left_out = "units" in unsure or any(i.dropped for i in items if i.section == "units")
    found: list[Found] = []
    for where, message, offset in check(spec, lang):
        if units_left_out and where == ("units",):
            continue  # the roots are counted below, among every unit
        if where[:1] and str(where[0]) in kept and len(where) > 1 and isinstance(where[1], int):
            where = (where[0], kept[str(where[0])][where[1]].index, *where[2:])
        found.append((where, message, offset))
    found.extend(_unknown_refs([item for item in items if item.dropped], items, unsure, data, lang))
    if units_left_out:
        found.extend(_roots(data.get("units"), lang))
    return found


def _assessment(data: dict[str, Any], items: list[_Item], unsure: set[str]) -> Any:
    """The `assessment` section, to be checked with the rest when what it names (levels and
    targets) is all there; else None (its references would be broken, not unknown)."""
    section = data.get("assessment")
    named = {"levels", "targets"}
    if not isinstance(section, dict) or named & unsure:
        return None
    if any(item.dropped for item in items if item.section in named):
        return None
    return section


def _items(data: dict[str, Any]) -> tuple[list[_Item], set[str]]:
    """Every item of the list sections, and the sections whose ids are not all known: not a
    list, or an item whose id is malformed (a reference may mean it: no guess)."""
    items: list[_Item] = []
    unsure: set[str] = set()
    for section, model in _MODELS.items():
        raw = data.get(section)
        if not isinstance(raw, list):
            unsure.add(section)
            continue
        for index, each in enumerate(raw):
            try:
                items.append(
                    _Item(section, index, each, model.model_validate(each), frozenset(), False)
                )
            except ValidationError as error:
                bad = frozenset(str(d["loc"][0]) if d["loc"] else "" for d in error.errors())
                item = _Item(section, index, each, None, bad, True)
                items.append(item)
                if item.key is None:
                    unsure.add(section)
    return items, unsure


def _refs(item: _Item) -> Iterator[_Ref]:
    """The well-formed references of an item to other items."""
    if item.section == "units":
        for field, section in (("level", "levels"), ("parent", "units")):
            if isinstance(ref := item.get(field), str):
                yield _Ref((field,), section, ref, None)
    elif item.section == "targets":
        if isinstance(ref := item.get("indicator"), str):
            yield _Ref(("indicator",), "indicators", ref, None)
        levels = item.get("level")
        for level in [levels] if isinstance(levels, str) else levels or []:
            yield _Ref(("level",), "levels", level, None)
    elif item.section == "indicators":
        how = item.get("aggregate")
        if isinstance(how, dict) and isinstance(weight := how.get("weighted_mean"), str):
            yield _Ref(("aggregate", "weighted_mean"), "indicators", weight, None)
        if isinstance(text := item.get("formula"), str) and isinstance(read := parse(text), Parsed):
            for name, offset in read.names:
                yield _Ref(("formula",), "indicators", name, offset)


def _drop_users(items: list[_Item], unsure: set[str]) -> None:
    """Leave out, too, each item that refers to one left out (none other has its id)."""
    ids = {(item.section, item.key) for item in items}
    kept = Counter((item.section, item.key) for item in items if not item.dropped)
    users: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    stack: list[_Item] = []
    for item in items:
        for ref in _refs(item):
            users[(ref.section, ref.ident)].append(item)
            known = (ref.section, ref.ident) in ids or ref.section in unsure
            if not item.dropped and known and not kept[(ref.section, ref.ident)]:
                stack.append(item)
    while stack:
        item = stack.pop()
        if item.dropped:
            continue
        item.dropped = True
        kept[(item.section, item.key)] -= 1
        if item.key is not None and not kept[(item.section, item.key)]:
            stack.extend(users[(item.section, item.key)])


def _unknown_refs(
    dropped: list[_Item], items: list[_Item], unsure: set[str], data: Any, lang: str
) -> Iterator[Found]:
    """The references of the items left out to ids that no item has, said as the checks of a
    well-formed plan say them."""
    known: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.key is not None:
            known[item.section].add(item.key)
    for item in dropped:
        for ref in _refs(item):
            if ref.section in unsure or ref.ident in known[ref.section]:
                continue
            where: Path_ = (item.section, item.index, *ref.place)
            owner = describe(where, data, lang)[0]
            candidates = known[ref.section]
            if item.section == "units" and ref.place == ("level",):
                unit = item.get("name") or item.key or str(item.index + 1)
                message = tr("unit-level", lang, unit=unit, level=ref.ident)
            elif item.section in ("units", "targets"):
                what = tr(_REF_WORDS[str(ref.place[0])], lang)
                message = unknown_ref(owner, what, ref.ident, candidates, lang)
            else:
                ident = item.key or str(item.index + 1)
                guess = closest(ref.ident, candidates)
                suggest = tr("did-you-mean", lang, id=guess) if guess else ""
                if ref.place == ("formula",):
                    message = tr("formula-unknown", lang, id=ident, ref=ref.ident, suggest=suggest)
                else:
                    message = tr("aggregate-weight-unknown", lang, id=ident, ref=ref.ident)
                    message += suggest
            yield where, message, ref.offset


def _roots(units: Any, lang: str) -> Iterator[Found]:
    """The roots counted among every unit, well formed or not: one without `parent` is one."""
    if isinstance(units, list) and all(isinstance(unit, dict) for unit in units):
        roots = sum(unit.get("parent") is None for unit in units)
        if roots != 1:
            yield ("units",), tr("plan-root", lang, count=roots), None


def _info(raw: Any) -> PlanInfo:
    """The `plan:` section's well-formed fields; in place of a broken period or base year, ones
    that judge nothing (the schema said what is wrong with them)."""
    try:
        return PlanInfo.model_validate(raw)
    except ValidationError as error:
        bad = {str(d["loc"][0]) if d["loc"] else "" for d in error.errors()}
    good = {}
    if isinstance(raw, dict) and "" not in bad:
        good = {k: v for k, v in raw.items() if k in PlanInfo.model_fields and k not in bad}
    stand_in = {"id": "?", "name": "?", "period": list(EVERY_YEAR), "base_year": EVERY_YEAR[0]}
    info = PlanInfo.model_validate({**stand_in, **good})
    if "period" not in good:
        return info.model_copy(update={"base_year": EVERY_YEAR[0] - 1})
    if "base_year" not in good:
        return info.model_copy(update={"base_year": info.period[0] - 1})
    return info
