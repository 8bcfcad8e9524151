"""The annual assessment (SPEC §8): each assessed unit's score from the statuses of the
weighted targets, its grade, its rank, and its rank the year before. Exact fractions throughout;
scores are compared as shown, rounded half up to two decimals."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from kxplan.engine.rules import Result, evaluate
from kxplan.model.assessment import Assessment, Grade
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Indicator, Plan, Target, Unit
from kxplan.model.problems import Problem, sort_key
from kxplan.model.rounding import half_up
from kxplan.model.scope import applies

#: scores are shown, compared and graded with this many decimals
PLACES = 2


@dataclass(frozen=True)
class Item:
    """One weighted target at one unit: its result and the points it earned, or no result
    when the target does not apply to the unit that year (its weight is then scaled away)."""

    target: Target
    indicator: Indicator
    weight: Fraction
    result: Result | None
    share: Fraction | None = None  # scores[status]

    @property
    def points(self) -> Fraction | None:
        return None if self.share is None else self.weight * self.share

    @property
    def lost(self) -> Fraction | None:
        points = self.points
        return None if points is None else self.weight - points


@dataclass(frozen=True)
class Score:
    """One unit's score: Σ points × full / applicable, rounded; None when no weighted target
    applies to it that year (it is then not ranked)."""

    unit: Unit
    items: tuple[Item, ...]
    full: Fraction  # Σ of every weight: the full score
    applicable: Fraction  # Σ of the weights of the targets that apply this year
    earned: Fraction  # Σ points
    rank: int | None = None
    previous_rank: int | None = None

    @property
    def applying(self) -> tuple[Item, ...]:
        """The items of the targets that apply this year: what a unit's own views list (SPEC
        §7); the others only scale the score. `items` keeps every weighted target, in order,
        for the ranking's column per target."""
        return tuple(item for item in self.items if item.result is not None)

    @property
    def left_out(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.result is None)

    @property
    def scale(self) -> Fraction | None:
        """full / applicable: 1 when every weighted target applies."""
        return self.full / self.applicable if self.applicable else None

    @property
    def exact(self) -> Fraction | None:
        scale = self.scale
        return None if scale is None else self.earned * scale

    @property
    def score(self) -> Fraction | None:
        """As shown and compared: half up to two decimals."""
        exact = self.exact
        return None if exact is None else half_up(exact, PLACES)

    @property
    def scaled(self) -> bool:
        return self.applicable != self.full

    def grade(self, section: Assessment) -> Grade | None:
        score = self.score
        return None if score is None else section.grade(score)

    @property
    def rank_change(self) -> int | None:
        """Places gained since last year (negative: lost); None without both ranks."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass(frozen=True)
class Ranking:
    plan: Plan
    section: Assessment
    year: int
    previous_year: int | None  # None: the first year assessed, nothing to compare with
    scores: list[Score]  # best first; units nothing applied to last, unranked
    missing_files: list[Unit]
    invalid_files: list[str]
    problems: list[Problem]

    def of(self, unit: Unit) -> Score:
        return next(score for score in self.scores if score.unit == unit)


def assess(plan: Plan, data: DataSet, year: int) -> Ranking:
    """The assessment of `year`, with each unit's rank in the year before when that year is
    in the plan's period (the base year is not assessed)."""
    section = plan.assessment
    assert section is not None, "the command refuses a plan without an assessment"
    units = plan.units_at((section.level,))
    previous_year = year - 1 if year - 1 in plan.years else None
    before = (
        {s.unit.code: s.rank for s in ranked(plan, section, data, previous_year, units)}
        if previous_year is not None
        else {}
    )
    scores = [
        _with(score, previous_rank=before.get(score.unit.code))
        for score in ranked(plan, section, data, year, units)
    ]
    return Ranking(
        plan=plan,
        section=section,
        year=year,
        previous_year=previous_year,
        scores=scores,
        missing_files=data.missing_files(year, units),
        invalid_files=data.invalid_files(year, units),
        problems=sorted(data.problems, key=sort_key),
    )


def ranked(
    plan: Plan, section: Assessment, data: DataSet, year: int, units: list[Unit]
) -> list[Score]:
    """Every unit's score in `year`, ranked: higher first; equal when equal as shown (to 0.01),
    and then sharing a rank, the next rank skipping (1, 1, 3)."""
    scores = [score_of(plan, section, data, unit, year) for unit in units]
    shown = [score.score for score in scores]
    ranks = [
        None
        if mine is None
        else 1 + sum(1 for other in shown if other is not None and other > mine)
        for mine in shown
    ]
    order = sorted(
        range(len(scores)), key=lambda i: (ranks[i] is None, ranks[i] or 0, i)
    )  # ties keep the plan's order of units
    return [_with(scores[i], rank=ranks[i]) for i in order]


def score_of(plan: Plan, section: Assessment, data: DataSet, unit: Unit, year: int) -> Score:
    targets = {target.id: target for target in plan.targets}
    items = []
    for target_id in section.weights:
        target, weight = targets[target_id], section.weight(target_id)
        indicator = plan.indicators[target.indicator]
        if applies(plan, target, unit, year):
            result = evaluate(plan, data, target, unit, year)
            items.append(Item(target, indicator, weight, result, section.share(result.status)))
        else:
            items.append(Item(target, indicator, weight, None))
    return Score(
        unit=unit,
        items=tuple(items),
        full=section.full_score,
        applicable=sum((item.weight for item in items if item.result), Fraction(0)),
        earned=sum((item.points for item in items if item.points is not None), Fraction(0)),
    )


def _with(score: Score, **changes: int | None) -> Score:
    return replace(score, **changes)  # type: ignore[arg-type]
