"""The threshold a target sets for one unit (SPEC §7): its quota or the target's `threshold`,
and for a `relative` target that figure resolved against the unit's own base value:

- `points`:  T = b + threshold     (提高 2 个百分点)
- `percent`: T = b × (1 + threshold / 100)   (增长 15 % is 15, 下降 15 % is −15)

For `between` both bounds are resolved. Without a base value a relative threshold cannot be
resolved (`bound` is None): the result is `missing`, and says the base is.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kxplan.model.comparisons import Threshold
from kxplan.model.dataset import DataSet, Missing, Reading
from kxplan.model.plan import Plan, Relative, Target, Unit, exact_threshold
from kxplan.model.scope import base_year_of, given_threshold, quota_of


@dataclass(frozen=True)
class Limit:
    """A target's threshold for one unit. `given` is the plan's figure for the unit (its quota
    when `quota`, else the target's), relative when `relative` is set; `bound` is the threshold
    the unit is judged against, None when there is none (a monitor) or it cannot be resolved
    (`base` is then the `Missing` base value)."""

    given: Threshold | None
    bound: Threshold | None
    relative: Relative | None = None
    quota: bool = False
    base: Reading | Missing | None = None
    base_year: int | None = None

    @property
    def unresolved(self) -> bool:
        """A relative threshold without a base value to resolve it against."""
        return self.given is not None and self.bound is None

    @property
    def b(self) -> Fraction | None:
        """The base value a relative threshold was resolved against."""
        return self.base.value if isinstance(self.base, Reading) else None


def limit_for(plan: Plan, data: DataSet, target: Target, unit: Unit) -> Limit:
    """The threshold `target` sets for `unit`, resolved (the one place that resolves it)."""
    figure = given_threshold(target, unit)
    quota = quota_of(target, unit) is not None
    if figure is None:
        return Limit(None, None, quota=quota)
    given = exact_threshold(figure)
    if target.relative is None:
        return Limit(given, given, quota=quota)
    year = base_year_of(plan, target)
    base = data.read(unit, target.indicator, year)
    bound = None if isinstance(base, Missing) else resolve(given, target.relative, base.value)
    return Limit(given, bound, target.relative, quota, base, year)


def resolve(given: Threshold, relative: Relative, b: Fraction) -> Threshold:
    """A relative threshold made absolute from the base value `b` (both bounds of a pair)."""
    if isinstance(given, tuple):
        low, high = given
        return (_resolve_one(low, relative, b), _resolve_one(high, relative, b))
    return _resolve_one(given, relative, b)


def _resolve_one(figure: Fraction, relative: Relative, b: Fraction) -> Fraction:
    if relative is Relative.POINTS:
        return b + figure
    return b * (1 + figure / 100)
