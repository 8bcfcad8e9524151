"""What a plan must hold for the trajectories of SPEC §7: `kind: average_growth` (an op that
has a direction, a growth above −100 %) and `milestones` (on a deadline or cumulative target
of one unit, in the years between its start and its deadline)."""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.model.comparisons import Op
from kxplan.model.plan import Indicator, Kind, PlanFile, Target, Unit, ValueType
from kxplan.text import tr
from kxplan.yaml.safe import Path_

#: kinds that judge a growth rate (no yes/no and no percentage indicators: SPEC §7)
GROWTH_KINDS = (Kind.GROWTH, Kind.AVERAGE_GROWTH)


def trajectory_problems(
    spec: PlanFile, index: int, target: Target, indicator: Indicator, lang: str
) -> Iterator[tuple[Path_, str]]:
    """The problems of one target's average growth and milestones, at their places."""
    here: Path_ = ("targets", index)
    for field, why in _average_growth(target, lang):
        yield (*here, field), tr("plan-rule", lang, id=target.id, why=why)
    if target.milestones is None:
        return
    for place, why in _milestones(spec, target, indicator, lang):
        yield (*here, "milestones", *place), tr("plan-rule", lang, id=target.id, why=why)


def _average_growth(target: Target, lang: str) -> Iterator[tuple[str, str]]:
    if target.kind is not Kind.AVERAGE_GROWTH:
        return
    if target.op in (Op.EQ, Op.BETWEEN):
        yield "op", tr("avg-growth-op", lang, op=target.op.value)
    threshold = target.threshold
    if isinstance(threshold, int | float) and not isinstance(threshold, bool) and threshold <= -100:
        yield "threshold", tr("avg-growth-threshold", lang, threshold=threshold)


def _milestones(
    spec: PlanFile, target: Target, indicator: Indicator, lang: str
) -> Iterator[tuple[Path_, str]]:
    if target.kind not in (Kind.DEADLINE, Kind.CUMULATIVE):
        yield (), tr("milestone-kind", lang, kind=target.kind.value)
        return
    if indicator.type is ValueType.BOOLEAN:
        yield (), tr("milestone-boolean", lang, id=indicator.id)
        return
    units = applies_to(spec, target)
    if len(units) != 1:
        names = tr("list-comma", lang).join(unit.name for unit in units[:5])
        more = "…" if len(units) > 5 else ""
        yield (), tr("milestone-units", lang, count=len(units), names=names + more)
    if target.deadline is None:
        return  # said at the deadline
    cumulative = target.kind is Kind.CUMULATIVE
    # after the base year (its value starts the line), or from the first summed year
    first = (target.start or spec.plan.period[0]) if cumulative else spec.plan.base_year + 1
    for year in target.milestones or {}:
        if first <= year < target.deadline:
            continue
        words = {"year": year, "first": first, "deadline": target.deadline}
        if cumulative:
            yield (str(year),), tr("milestone-year-cumulative", lang, **words)
        else:
            yield (str(year),), tr("milestone-year-deadline", lang, **words)  # keys are text


def applies_to(spec: PlanFile, target: Target) -> list[Unit]:
    """The units a target applies to: those of its levels. (Quotas narrow it: the one place
    that knows which units a target covers replaces this at merge.)"""
    return [unit for unit in spec.units if unit.level in target.levels]
