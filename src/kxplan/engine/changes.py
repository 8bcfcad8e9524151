"""What a change of the data does to the results: those whose status differs between two
evaluations of the same year (e.g. a pull request's tree and its base branch)."""

from __future__ import annotations

from dataclasses import dataclass

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.plan import Target, Unit
from kxplan.model.status import Status


@dataclass(frozen=True)
class Change:
    """One result before and after; None where the plan had no such result."""

    target: Target
    unit: Unit
    old: Result | None
    new: Result | None

    def entered(self, fail_on: frozenset[Status]) -> bool:
        """The result now fails and did not before: what a reviewer must look at first."""
        return (
            self.new is not None
            and self.new.status in fail_on
            and (self.old is None or self.old.status not in fail_on)
        )

    def fails(self, fail_on: frozenset[Status]) -> bool:
        """The result now has a status in --fail-on, newly or not (`not_met → missing`)."""
        return self.new is not None and self.new.status in fail_on


@dataclass(frozen=True)
class Comparison:
    base: str
    commit: str
    old: Evaluation
    new: Evaluation
    changes: list[Change]
    #: REV's plan file when it was invalid (the current plan judged REV's data)
    invalid_plan: str | None = None

    def entered(self, fail_on: frozenset[Status]) -> list[Change]:
        return [change for change in self.changes if change.entered(fail_on)]


def compare(
    old: Evaluation, new: Evaluation, base: str, commit: str, invalid_plan: str | None = None
) -> Comparison:
    """Changes in the order of the new evaluation, then results the new plan no longer has."""
    before = {(r.target.id, r.unit.code): r for r in old.results}
    after = {(r.target.id, r.unit.code): r for r in new.results}
    changes = [
        Change(result.target, result.unit, before.get(key), result)
        for key, result in after.items()
        if key not in before or before[key].status is not result.status
    ]
    changes.extend(
        Change(result.target, result.unit, result, None)
        for key, result in before.items()
        if key not in after
    )
    return Comparison(base, commit, old, new, changes, invalid_plan)
