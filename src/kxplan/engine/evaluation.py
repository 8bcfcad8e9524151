"""`check YEAR`: every target at every unit it applies to, with what is missing or invalid."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kxplan.engine.rules import Result, evaluate
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan, Unit
from kxplan.model.problems import Problem, sort_key
from kxplan.model.scope import applies
from kxplan.model.status import Status


@dataclass(frozen=True)
class Evaluation:
    plan: Plan
    year: int
    units: list[Unit]
    results: list[Result]
    missing_files: list[Unit]
    invalid_files: list[str]
    problems: list[Problem]

    def summary(self) -> dict[Status, int]:
        counts = Counter(result.status for result in self.results)
        return {status: counts.get(status, 0) for status in Status}

    def failed(self, fail_on: frozenset[Status]) -> list[Result]:
        return [result for result in self.results if result.status in fail_on]


def evaluate_year(plan: Plan, data: DataSet, year: int, unit: Unit | None = None) -> Evaluation:
    return evaluate_units(plan, data, year, [unit] if unit is not None else plan.tree_order)


def evaluate_units(plan: Plan, data: DataSet, year: int, units: list[Unit]) -> Evaluation:
    """The year at these units: the whole year's results of them, in the same order."""
    results = [
        evaluate(plan, data, target, each, year)
        for target in plan.targets
        for each in units
        if applies(plan, target, each, year)
    ]
    return Evaluation(
        plan=plan,
        year=year,
        units=units,
        results=results,
        missing_files=data.missing_files(year, units),
        invalid_files=data.invalid_files(year, units),
        problems=sorted(data.problems, key=sort_key),
    )
