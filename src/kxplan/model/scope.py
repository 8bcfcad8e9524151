"""Where and when a target applies, and with which settings (SPEC §7): the one place that reads
a target's `quotas`, `base_year`, `years`, `start` and `bands` for the rest of kxplan.

- A unit of the target's levels is covered unless the target has `quotas` and no `threshold`
  (then only the listed units are).
- The years a target gives results: the plan's period, cut by its `years: [a, b]` and, for a
  target with its own `base_year`, starting the year after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from kxplan.model.plan import GivenThreshold, Plan, Target, Unit, exact


def quota_of(target: Target, unit: Unit) -> GivenThreshold | None:
    """The unit's own threshold in `quotas` (listed by name or by code), or None."""
    if not target.quotas:
        return None
    for key in (unit.name, unit.code):
        if key in target.quotas:
            return target.quotas[key]
    return None


def given_threshold(target: Target, unit: Unit) -> GivenThreshold | None:
    """The threshold the plan gives this unit: its quota, else the target's `threshold`
    (still relative when the target is `relative`)."""
    quota = quota_of(target, unit)
    return target.threshold if quota is None else quota


def covers(target: Target, unit: Unit) -> bool:
    """The target applies to `unit`: one of its levels, and listed when only quotas are given."""
    if unit.level not in target.levels:
        return False
    if target.quotas and target.threshold is None:
        return quota_of(target, unit) is not None
    return True


def target_units(units: Iterable[Unit], target: Target) -> list[Unit]:
    """The units (of `units`, in their order) the target applies to, after quotas."""
    return [unit for unit in units if covers(target, unit)]


def base_year_of(plan: Plan, target: Target) -> int:
    """The year the target's trajectories and relative thresholds start from."""
    return plan.base_year if target.base_year is None else target.base_year


def first_year(plan: Plan, target: Target) -> int:
    """The first year the target gives a result: a target's own base year gives none in that
    year or before."""
    first = plan.start if target.base_year is None else max(plan.start, target.base_year + 1)
    if target.years is not None:
        first = max(first, target.years[0])
    return first


def last_year(plan: Plan, target: Target) -> int:
    return plan.end if target.years is None else min(plan.end, target.years[1])


def applies_in(plan: Plan, target: Target, year: int) -> bool:
    """The target gives a result in `year` (outside its `years` it gives none, not `missing`)."""
    return first_year(plan, target) <= year <= last_year(plan, target)


def applies(plan: Plan, target: Target, unit: Unit, year: int) -> bool:
    """The target gives a result for `unit` in `year`."""
    return covers(target, unit) and applies_in(plan, target, year)


def sum_start(plan: Plan, target: Target) -> int:
    """A cumulative target's first summed year: `start`, else the first year after its base."""
    if target.start is not None:
        return target.start
    return plan.start if target.base_year is None else max(plan.start, target.base_year + 1)


def bands_of(plan: Plan, target: Target) -> tuple[Fraction, Fraction]:
    """The (ahead, behind) band edges: the target's own where it gives them, else the plan's."""
    own = target.bands
    ahead = plan.ahead_band if own is None or own.ahead is None else exact(own.ahead)
    behind = plan.behind_band if own is None or own.behind is None else exact(own.behind)
    return ahead, behind
