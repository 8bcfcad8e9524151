"""What a plan must hold for the trajectories of SPEC §7: `kind: average_growth` (an op that
has a direction, a growth above −100 %) and `milestones` (on a deadline or cumulative target
of one unit, in the years between its start and its deadline)."""

from __future__ import annotations

from collections.abc import Iterator

from kxplan.model.comparisons import Op
from kxplan.model.plan import Indicator, Kind, PlanFile, Target, ValueType
from kxplan.model.scope import target_units
from kxplan.text import tr
from kxplan.yaml.document import Path_

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
    units = target_units(spec.units, target)  # after quotas
    if len(units) != 1:
        names = tr("list-comma", lang).join(unit.name for unit in units[:5])
        more = "…" if len(units) > 5 else ""
        yield (), tr("milestone-units", lang, count=len(units), names=names + more)
    if target.deadline is None:
        return  # said at the deadline
    cumulative = target.kind is Kind.CUMULATIVE
    # after the base year (its value starts the line), or from the first summed year
    base_year = spec.plan.base_year if target.base_year is None else target.base_year
    period_start = spec.plan.period[0]
    summed_from = target.start or max(period_start, base_year + 1)  # as `scope.sum_start`
    first = summed_from if cumulative else base_year + 1
    for year in target.milestones or {}:
        if first <= year < target.deadline:
            continue
        words = {"year": year, "first": first, "deadline": target.deadline}
        if cumulative:
            yield (str(year),), tr("milestone-year-cumulative", lang, **words)
        else:
            yield (str(year),), tr("milestone-year-deadline", lang, **words)  # keys are text
