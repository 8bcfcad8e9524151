"""One unit's results year by year over the plan period: what `report` and `review` show."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kxplan.engine.rules import Result, evaluate
from kxplan.model.dataset import DataSet, Missing
from kxplan.model.plan import Indicator, Kind, Plan, Target, Unit, ValueType
from kxplan.model.problems import Problem, sort_key
from kxplan.model.scope import applies, base_year_of

Value = Fraction | bool

# Kinds whose yearly value is the indicator's own value, so the base year has a counterpart.
_WITH_BASE = (Kind.DEADLINE, Kind.ANNUAL, Kind.MONITOR)


@dataclass(frozen=True)
class Row:
    target: Target
    indicator: Indicator
    base: Value | None
    results: dict[int, Result]

    @property
    def latest(self) -> Result:
        return self.results[max(self.results)]

    def values(self) -> list[Value | None]:
        return [result.value for result in self.results.values()]

    def by_year(self, years: list[int]) -> list[Result | None]:
        """The result of each of `years`, None where the target gives none (its `years`, its
        own base year)."""
        return [self.results.get(year) for year in years]


@dataclass(frozen=True)
class History:
    plan: Plan
    unit: Unit
    years: list[int]
    rows: list[Row]
    missing_years: list[int]
    invalid_files: list[str]
    problems: list[Problem]

    @property
    def last(self) -> int:
        return self.years[-1]


def base_value(plan: Plan, data: DataSet, target: Target, unit: Unit) -> Value | None:
    """The unit's base-year value of the target's indicator, where the kind has one."""
    if target.kind not in _WITH_BASE:
        return None
    reading = data.read(unit, target.indicator, base_year_of(plan, target))
    if isinstance(reading, Missing):
        return None
    if plan.indicators[target.indicator].type is ValueType.BOOLEAN:
        return bool(reading.raw)
    return reading.value


def unit_history(plan: Plan, data: DataSet, unit: Unit, last: int) -> History:
    """Every target of `unit`, evaluated in each year of the period up to `last`."""
    years = list(range(plan.start, last + 1))
    rows = []
    for target in plan.targets:
        # only the years the target gives a result for this unit (SPEC §7: quotas, years,
        # its own base year); a target with none so far has no row
        applying = [year for year in years if applies(plan, target, unit, year)]
        if applying:
            results = {year: evaluate(plan, data, target, unit, year) for year in applying}
            indicator = plan.indicators[target.indicator]
            rows.append(Row(target, indicator, base_value(plan, data, target, unit), results))
    return History(
        plan=plan,
        unit=unit,
        years=years,
        rows=rows,
        missing_years=[year for year in years if data.missing_files(year, [unit])],
        invalid_files=[file for year in years for file in data.invalid_files(year, [unit])],
        problems=sorted(data.problems, key=sort_key),
    )
