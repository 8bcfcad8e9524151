"""`assess --format json`: the shape fixed by SPEC §8, each item with its value, threshold and
share, each unit with its grade in English, its rank change and the points it lost."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, TextIO

from kxplan.engine.assessment import Item, Ranking, Score
from kxplan.render import View
from kxplan.render.assessment import Assessed
from kxplan.render.assessment.words import item_name
from kxplan.render.describe import explain, json_number, own_threshold
from kxplan.render.jsontext import write_json


def document(subject: Assessed, view: View) -> dict[str, Any]:
    ranking = subject.ranking
    plan, section = ranking.plan, ranking.section
    scores = [ranking.of(subject.unit)] if subject.unit else ranking.scores
    return {
        "plan": {"id": plan.info.id, "name": plan.info.name, "period": list(plan.info.period)},
        "year": ranking.year,
        "previous_year": ranking.previous_year,
        "assessment": {
            "name": section.name,
            "name_en": section.name_en,
            "level": section.level,
            "full_score": json_number(section.full_score),
            "weights": {key: json_number(section.weight(key)) for key in section.weights},
            "scores": {
                status.value: json_number(section.share(status)) for status in section.scores
            },
            "grades": [
                {"name": g.name, "name_en": g.name_en, "min": json_number(g.floor)}
                for g in section.grades
            ],
        },
        "units": [unit_document(score, ranking, view.lang) for score in scores],
        "missing_files": [unit.name for unit in ranking.missing_files],
        "invalid_files": ranking.invalid_files,
        "problems": [problem.as_json() for problem in ranking.problems],
    }


def unit_document(score: Score, ranking: Ranking, lang: str) -> dict[str, Any]:
    grade = score.grade(ranking.section)
    return {
        "unit": score.unit.name,
        "unit_code": score.unit.code,
        "rank": score.rank,
        "score": _score(score.score),
        "grade": grade.name if grade else None,
        "grade_en": grade.name_en if grade else None,
        "previous_rank": score.previous_rank,
        "rank_change": score.rank_change,
        "points": json_number(score.earned),
        "applicable_weight": json_number(score.applicable),
        "scale": json_number(score.scale),
        "score_exact": json_number(score.exact),
        "lost": json_number(sum((i.lost for i in score.items if i.lost), Fraction(0))),
        "items": [_item(item, lang) for item in score.applying],
    }


def _item(item: Item, lang: str) -> dict[str, Any]:
    """A target that applies this year (the others are left out, SPEC §7)."""
    result = item.result
    assert result is not None, "only the items that apply are listed"
    return {
        "target": item.target.id,
        "name": item_name(item, lang),
        "applies": True,  # kept for readers of the earlier shape, where it could be false
        "status": result.status.value,
        "value": json_number(result.value),
        "threshold": own_threshold(result),
        "weight": json_number(item.weight),
        "share": json_number(item.share),
        "points": json_number(item.points),
        "lost": json_number(item.lost),
        "message": explain(result, lang),
    }


def _score(score: Fraction | None) -> float | int | None:
    if score is None:
        return None
    return score.numerator if score.denominator == 1 else float(score)


def render(subject: Assessed, view: View, out: TextIO) -> None:
    write_json(document(subject, view), out)
    out.write("\n")
