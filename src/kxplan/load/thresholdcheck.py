"""Plan checks of the per-target settings of SPEC §7 (`quotas`, `relative`, `base_year`, `years`)
and the adding-up of quotas: each a `plan-error` at the key it is about, with a hint.

The adding-up check: for a `sum` indicator, when a target with `quotas` covers the children of a
unit that another target of the same indicator, kind and deadline covers, the children's
thresholds (quota, else the default; a child with neither counts 0) must add up to at least the
parent's threshold for `>=`/`>`, and to at most it for `<=`/`<`. `==`, `between`, yes/no and
relative targets are not added up (a relative threshold has no value before the data).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from kxplan.model.comparisons import Op
from kxplan.model.plan import (
    Aggregate,
    GivenThreshold,
    Kind,
    PlanFile,
    Target,
    Unit,
    ValueType,
    exact,
)
from kxplan.model.scope import covers, given_threshold
from kxplan.text import in_lang, tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Path_

Found = Iterator[tuple[Path_, str]]

#: the kinds a relative threshold fits (a running sum or a growth rate has no base to add to)
_RELATIVE_KINDS = (Kind.DEADLINE, Kind.ANNUAL)
#: the kinds judged every year, which `years` may limit
_YEARLY_KINDS = (Kind.ANNUAL, Kind.GROWTH, Kind.MONITOR)


def setting_problems(spec: PlanFile, lang: str) -> Found:
    """Every problem of the targets' quotas, relative thresholds, base years and years."""
    indicators = {indicator.id: indicator for indicator in spec.indicators}
    for index, target in enumerate(spec.targets):
        indicator = indicators.get(target.indicator)
        if indicator is None:
            continue  # said by the reference check
        owner = tr("plan-target", lang, id=target.id)
        place: Path_ = ("targets", index)
        yield from _quota_problems(spec, target, indicator.type, place, owner, lang)
        if target.relative is not None:
            if indicator.type is ValueType.BOOLEAN:
                yield (*place, "relative"), tr("relative-boolean", lang, owner=owner)
            elif target.kind not in _RELATIVE_KINDS:
                why = tr("relative-kind", lang, owner=owner, kind=target.kind.value)
                yield (*place, "relative"), why
        yield from _year_problems(spec, target, place, owner, lang)
    yield from adding_up(spec, lang)


def _quota_problems(
    spec: PlanFile, target: Target, value_type: ValueType, place: Path_, owner: str, lang: str
) -> Found:
    if target.quotas is None:
        return
    if target.kind is Kind.MONITOR:
        yield (*place, "quotas"), tr("quota-monitor", lang, owner=owner)
        return
    by_word = {unit.name: unit for unit in spec.units} | {unit.code: unit for unit in spec.units}
    seen: dict[str, str] = {}
    for key, figure in target.quotas.items():
        where: Path_ = (*place, "quotas", key)
        unit = by_word.get(key)
        if unit is None:
            guess = closest(key, by_word)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            yield where, tr("quota-unknown-unit", lang, owner=owner, unit=key, suggest=suggest)
            continue
        if unit.level not in target.levels:
            levels = "、".join(target.levels)
            message = tr(
                "quota-other-level", lang, owner=owner, unit=key, level=unit.level, levels=levels
            )
            yield where, message
        if unit.code in seen:
            message = tr("quota-twice", lang, owner=owner, first=seen[unit.code], second=key)
            yield where, message
        seen[unit.code] = key
        why = _quota_value_problem(target, value_type, figure, lang)
        if why is not None:
            yield where, tr("quota-value", lang, owner=owner, unit=key, why=why)


def _quota_value_problem(
    target: Target, value_type: ValueType, figure: GivenThreshold, lang: str
) -> str | None:
    """What is wrong with one quota, in the threshold's own terms; None when it fits."""
    if target.op is Op.BETWEEN:
        if not isinstance(figure, list) or len(figure) != 2 or figure[0] > figure[1]:
            return tr("plan-rule-between", lang)
        return None
    if isinstance(figure, list):
        op = target.op.value if target.op else "—"
        return tr("plan-rule-list-threshold", lang, op=op)
    if value_type is ValueType.BOOLEAN and not isinstance(figure, bool):
        return tr("plan-rule-boolean-op", lang)
    if value_type is not ValueType.BOOLEAN and isinstance(figure, bool):
        return tr("plan-rule-boolean-threshold", lang)
    return None


def _year_problems(spec: PlanFile, target: Target, place: Path_, owner: str, lang: str) -> Found:
    start, end = spec.plan.period
    if target.base_year is not None:
        year, last = target.base_year, end if target.deadline is None else target.deadline
        if not spec.plan.base_year <= year < last:
            first = spec.plan.base_year
            message = tr("base-year-outside", lang, owner=owner, year=year, first=first, last=last)
            yield (*place, "base_year"), message
    if target.years is not None:
        first, final = target.years
        if target.kind not in _YEARLY_KINDS:
            yield (*place, "years"), tr("years-kind", lang, owner=owner, kind=target.kind.value)
        elif first > final or first < start or final > end:
            message = tr(
                "years-outside", lang, owner=owner, first=first, last=final, start=start, end=end
            )
            yield (*place, "years"), message


def adding_up(spec: PlanFile, lang: str) -> Found:
    """Children's quotas that do not add up to their parent's threshold (see the module)."""
    indicators = {indicator.id: indicator for indicator in spec.indicators}
    children: dict[str, list[Unit]] = {}
    for unit in spec.units:
        if unit.parent is not None:
            children.setdefault(unit.parent, []).append(unit)
    for index, target in enumerate(spec.targets):
        indicator = indicators.get(target.indicator)
        if not target.quotas or indicator is None or indicator.aggregate is not Aggregate.SUM:
            continue
        if not _adds_up(target):
            continue
        for parent_target in spec.targets:
            if parent_target is target or not _pairs(parent_target, target):
                continue
            for parent in spec.units:
                kids = [kid for kid in children.get(parent.code, []) if kid.level in target.levels]
                parent_figure = given_threshold(parent_target, parent)
                if not kids or not covers(parent_target, parent) or parent_figure is None:
                    continue
                total = sum((_figure(target, kid) for kid in kids), Fraction(0))
                goal = exact(_number(parent_figure))
                assert target.op is not None
                short = total < goal if target.op.is_floor else total > goal
                if short:
                    yield (
                        ("targets", index, "quotas"),
                        tr(
                            "quota-sum-short" if target.op.is_floor else "quota-sum-over",
                            lang,
                            target=target.id,
                            total=_said(total),
                            parent=parent.name,
                            parent_target=parent_target.id,
                            goal=_said(goal),
                            level=_level_name(spec, kids[0].level, lang),
                        ),
                    )


def _adds_up(target: Target) -> bool:
    """Only floors and ceilings of absolute numbers add up."""
    op = target.op
    figures = [target.threshold, *(target.quotas or {}).values()]
    numbers = all(
        isinstance(f, int | float) and not isinstance(f, bool) for f in figures if f is not None
    )
    return op is not None and (op.is_floor or op.is_cap) and target.relative is None and numbers


def _pairs(parent_target: Target, target: Target) -> bool:
    """The parent's target of the same indicator, kind, deadline and direction."""
    return (
        parent_target.indicator == target.indicator
        and parent_target.kind is target.kind
        and parent_target.deadline == target.deadline
        and _adds_up(parent_target)
        and parent_target.op is not None
        and target.op is not None
        and parent_target.op.is_floor == target.op.is_floor
    )


def _figure(target: Target, unit: Unit) -> Fraction:
    figure = given_threshold(target, unit) if covers(target, unit) else None
    return Fraction(0) if figure is None else exact(_number(figure))


def _number(figure: GivenThreshold) -> bool | int | float:
    assert not isinstance(figure, list), "between is not added up"
    return figure


def _said(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _level_name(spec: PlanFile, level_id: str, lang: str) -> str:
    level = next((level for level in spec.levels if level.id == level_id), None)
    return level_id if level is None else in_lang(level.name, level.name_en, lang)
