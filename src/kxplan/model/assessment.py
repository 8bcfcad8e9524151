"""The plan's `assessment` section (SPEC §8): who is assessed, each target's weight, the share of
a weight each status earns, and the grades. `load/assessment.py` checks a section before it
becomes one of these, so building it never fails on a plan that loaded."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StringConstraints

from kxplan.model.plan import exact
from kxplan.model.status import Status
from kxplan.text import in_lang

Text = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=2000)]
Number = StrictInt | StrictFloat

#: the keys of the section and of a grade, as the plan file has them
SECTION_KEYS = ("name", "name_en", "level", "weights", "scores", "grades")
REQUIRED_KEYS = ("name", "level", "weights", "scores", "grades")
GRADE_KEYS = ("name", "name_en", "min")
#: the statuses `scores` must give: every one a weighted target can have (a monitor cannot be
#: weighted, so `monitored` is never scored)
SCORED: tuple[Status, ...] = tuple(status for status in Status if status is not Status.MONITORED)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Grade(_Model):
    name: Text
    name_en: Text | None = None
    min: Number

    def label(self, lang: str) -> str:
        return in_lang(self.name, self.name_en, lang)

    @property
    def floor(self) -> Fraction:
        return exact(self.min)


class Assessment(_Model):
    name: Text
    name_en: Text | None = None
    level: str
    weights: dict[str, Number]
    scores: dict[Status, Number]
    grades: Annotated[list[Grade], Field(min_length=1)]

    def title(self, lang: str) -> str:
        return in_lang(self.name, self.name_en, lang)

    def weight(self, target_id: str) -> Fraction:
        return exact(self.weights[target_id])

    def share(self, status: Status) -> Fraction:
        """The share of a target's weight that `status` earns (0 for `monitored`, never
        weighted)."""
        return exact(self.scores.get(status, 0))

    @property
    def full_score(self) -> Fraction:
        return sum((exact(weight) for weight in self.weights.values()), Fraction(0))

    def grade(self, score: Fraction) -> Grade:
        """The first grade (best first) whose `min` the score reaches; the last one's is 0."""
        return next((g for g in self.grades if score >= g.floor), self.grades[-1])
