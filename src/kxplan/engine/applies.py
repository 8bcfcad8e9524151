"""Whether a target gives a unit a result in a year: the one place that says it, for `check`,
the assessment's scaling and whatever else asks."""

from __future__ import annotations

from kxplan.model.plan import Plan, Target, Unit


def applies(plan: Plan, target: Target, unit: Unit, year: int) -> bool:
    """The target covers the unit's level (the plan language's `years`, own `base_year` and
    quota-only targets narrow it further, here)."""
    del plan, year  # what narrows by year and by unit reads them
    return unit.level in target.levels
