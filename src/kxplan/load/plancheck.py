"""Whether a plan agrees with itself (SPEC `plan-error`): references, the unit tree, and each
target's rule against its kind and its indicator's type, nature and direction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from kxplan.load.aggregate import aggregate_problems
from kxplan.load.assessment import assessment_problems
from kxplan.load.thresholdcheck import setting_problems
from kxplan.load.trajectories import GROWTH_KINDS, trajectory_problems
from kxplan.model.comparisons import Op
from kxplan.model.plan import (
    Aggregate,
    Direction,
    Indicator,
    Kind,
    Nature,
    PlanFile,
    Target,
    ValueType,
)
from kxplan.text import tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Path_


def contradictions(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str]]:
    """Each contradiction as (its place in the file, the message)."""
    info = spec.plan
    start, end = info.period
    if start > end:
        yield ("plan", "period"), tr("plan-period", lang, start=start, end=end)
        start, end = EVERY_YEAR  # one problem: the targets' years are not judged against it
    elif info.base_year >= start:
        message = tr("plan-base-year", lang, base=info.base_year, start=start)
        yield ("plan", "base_year"), message

    for words, key, items in (
        (tr("plan-what-level", lang), "levels", [level.id for level in spec.levels]),
        (tr("plan-what-unit-code", lang), "units", [unit.code for unit in spec.units]),
        (tr("plan-what-unit-name", lang), "units", [unit.name for unit in spec.units]),
        (tr("plan-what-indicator", lang), "indicators", [i.id for i in spec.indicators]),
        (tr("plan-what-target", lang), "targets", [target.id for target in spec.targets]),
    ):
        seen: set[str] = set()  # a set: a national tree has 3,000 units
        for index, item in enumerate(items):
            if item in seen:
                yield (key, index), tr("plan-duplicate-id", lang, what=words, id=item)
            seen.add(item)

    level_ids = [level.id for level in spec.levels]
    codes = {unit.code for unit in spec.units}
    for index, unit in enumerate(spec.units):
        if unit.level not in level_ids:
            yield (
                ("units", index, "level"),
                tr("unit-level", lang, unit=unit.name, level=unit.level),
            )
        if unit.parent is not None and unit.parent not in codes:
            owner, words = tr("plan-unit", lang, id=unit.name), tr("plan-ref-parent", lang)
            yield ("units", index, "parent"), unknown_ref(owner, words, unit.parent, codes, lang)
    roots = Counter(unit.parent is None for unit in spec.units)[True]
    if roots != 1:
        yield ("units",), tr("plan-root", lang, count=roots)
    yield from _cycles(spec, lang)

    indicators = {indicator.id: indicator for indicator in spec.indicators}
    for index, target in enumerate(spec.targets):
        owner = tr("plan-target", lang, id=target.id)
        for level in target.levels:  # before the indicator: an unknown one hides no level
            if level not in level_ids:
                words = tr("plan-ref-level", lang)
                yield ("targets", index, "level"), unknown_ref(owner, words, level, level_ids, lang)
        if target.indicator not in indicators:
            words = tr("plan-ref-indicator", lang)
            message = unknown_ref(owner, words, target.indicator, indicators, lang)
            yield ("targets", index, "indicator"), message
            continue
        indicator = indicators[target.indicator]
        for field, why in (
            *_rule_problems(target, indicator.type, start, end, lang),
            *_fit_problems(target, indicator, lang),
        ):
            yield ("targets", index, field), tr("plan-rule", lang, id=target.id, why=why)
        yield from trajectory_problems(spec, index, target, indicator, lang)
    for index, indicator in enumerate(spec.indicators):
        if (
            indicator.aggregate is Aggregate.SUM
            and indicator.type in _NOT_ADDED
            and not indicator.derived  # any aggregate on it is refused (`load.formula`)
        ):
            message = tr(_NOT_ADDED[indicator.type], lang, id=indicator.id)
            yield ("indicators", index, "aggregate"), message
    yield from assessment_problems(spec, lang)
    yield from aggregate_problems(spec, lang)
    yield from setting_problems(spec, lang)


#: the years a `Year` may be: a period no target's year falls outside
EVERY_YEAR = (1900, 2200)


def unknown_ref(owner: str, what: str, ref: str, known: Iterable[str], lang: str) -> str:
    """`owner`'s `what` “ref” does not exist, with “did you mean” the closest of `known`."""
    guess = closest(ref, known)
    suggest = tr("did-you-mean", lang, id=guess) if guess else ""
    return tr("plan-unknown-ref", lang, owner=owner, what=what, ref=ref, suggest=suggest)


def _cycles(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str]]:
    parents = {unit.code: unit.parent for unit in spec.units}
    for index, unit in enumerate(spec.units):
        seen = {unit.code}
        parent = unit.parent
        while parent is not None and parent in parents:
            if parent in seen:
                yield ("units", index, "parent"), tr("plan-cycle", lang, unit=unit.name)
                break
            seen.add(parent)
            parent = parents[parent]


def _rule_problems(
    target: Target, value_type: ValueType, start: int, end: int, lang: str
) -> Iterator[tuple[str, str]]:
    """What is wrong with one target's rule, as (field, why)."""
    kind, op, threshold = target.kind, target.op, target.threshold
    if kind is Kind.MONITOR:
        if op is not None or threshold is not None:
            yield "op", tr("plan-rule-monitor-op", lang)
    elif op is None or (threshold is None and not target.quotas):
        yield "op", tr("plan-rule-needs-op", lang, kind=kind.value)
    elif threshold is None:
        pass  # quotas only: each listed unit's threshold is checked with the quotas
    elif op is Op.BETWEEN:
        if not isinstance(threshold, list) or len(threshold) != 2 or threshold[0] > threshold[1]:
            yield "threshold", tr("plan-rule-between", lang)
    elif isinstance(threshold, list):
        yield "threshold", tr("plan-rule-list-threshold", lang, op=op.value)
    elif value_type is ValueType.BOOLEAN and (op is not Op.EQ or not isinstance(threshold, bool)):
        yield "threshold", tr("plan-rule-boolean-op", lang)
    elif value_type is not ValueType.BOOLEAN and isinstance(threshold, bool):
        yield "threshold", tr("plan-rule-boolean-threshold", lang)

    if value_type is ValueType.BOOLEAN and kind in (Kind.CUMULATIVE, *GROWTH_KINDS):
        yield "kind", tr("plan-rule-boolean-kind", lang, kind=kind.value)
    if kind in (Kind.DEADLINE, Kind.CUMULATIVE, Kind.AVERAGE_GROWTH):
        if target.deadline is None:
            yield "deadline", tr("plan-rule-needs-deadline", lang, kind=kind.value)
        elif not start <= target.deadline <= end:
            message = tr(
                "plan-rule-deadline-outside", lang, deadline=target.deadline, start=start, end=end
            )
            yield "deadline", message
    elif target.deadline is not None:
        yield "deadline", tr("plan-rule-no-deadline", lang, kind=kind.value)
    if target.start is not None:
        if kind is not Kind.CUMULATIVE:
            yield "start", tr("plan-rule-start-kind", lang)
        elif not start <= target.start <= (target.deadline or end):
            last = target.deadline or end
            yield (
                "start",
                tr("plan-rule-start-outside", lang, start=target.start, first=start, last=last),
            )


#: the types whose values a parent cannot add up from its children's, and why not
_NOT_ADDED: dict[ValueType, str] = {
    ValueType.BOOLEAN: "plan-sum-boolean",
    ValueType.PERCENT: "plan-sum-percent",
}


def _fit_problems(target: Target, indicator: Indicator, lang: str) -> Iterator[tuple[str, str]]:
    """Where a target's rule contradicts what its indicator is (nature, direction, type)."""
    ident, kind, op = indicator.id, target.kind, target.op
    if kind is Kind.CUMULATIVE and indicator.nature is Nature.STOCK:
        yield "kind", tr("plan-rule-stock-cumulative", lang, id=ident)
    if kind in GROWTH_KINDS and indicator.type is ValueType.PERCENT:
        yield "kind", tr("plan-rule-percent-growth", lang, id=ident)
    if op is None:
        return
    if op.is_floor and indicator.direction is Direction.LOWER:
        yield "op", tr("plan-rule-floor-lower", lang, id=ident, op=op.value)
    if op.is_cap and indicator.direction is Direction.HIGHER:
        yield "op", tr("plan-rule-cap-higher", lang, id=ident, op=op.value)
