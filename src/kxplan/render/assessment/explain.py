"""`kxplan explain --score`: how one unit's assessment score came about, as `explain` shows a
result: each weighted target that applies (its status, the share it earns, its weight, its
points), the targets left out that year and the scaling, the total, the rounding, the grade
and the rank."""

from __future__ import annotations

from typing import Literal, TextIO, assert_never, get_args

from kxplan.engine.assessment import Item, Ranking, Score
from kxplan.render import Format, View
from kxplan.render.assessment import Assessed
from kxplan.render.assessment.jsonout import unit_document
from kxplan.render.assessment.words import (
    arithmetic,
    item_name,
    points_text,
    previous_words,
    rank_text,
    score_text,
)
from kxplan.render.common import unit_name
from kxplan.render.describe import explain, number
from kxplan.render.jsontext import write_json
from kxplan.text import tr

Formats = Literal[Format.TEXT, Format.JSON]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(subject: Assessed, fmt: Formats, view: View, out: TextIO) -> None:
    assert subject.unit is not None, "explain --score explains one unit's score"
    score = subject.ranking.of(subject.unit)
    match fmt:
        case Format.TEXT:
            out.write("\n".join(lines(subject.ranking, score, view.lang)) + "\n")
        case Format.JSON:
            body = {
                "assessment": subject.ranking.section.name,
                "year": subject.ranking.year,
                **unit_document(score, subject.ranking, view.lang),
                "steps": steps(subject.ranking, score, view.lang),
                "problems": [problem.as_json() for problem in subject.ranking.problems],
            }
            write_json(body, out)
            out.write("\n")
        case _:
            assert_never(fmt)


def lines(ranking: Ranking, score: Score, lang: str) -> list[str]:
    section, unit = ranking.section, score.unit
    said = [
        f"{tr('assess-owner', lang)}  {section.title(lang)}",
        f"{tr('head-unit', lang)}  {unit_name(unit, lang)}"
        + tr("in-brackets", lang, text=unit.code),
        f"{tr('head-year', lang)}  {ranking.year}",
        f"{tr('assess-head-score', lang)}  {score_text(score.score)}",
        "",
        tr(
            "heading-colon", lang, title=tr("assess-weights-heading", lang, full=number(score.full))
        ),
    ]
    said += [f"  {_item_line(item, lang)}" for item in score.applying]
    said += ["", tr("explain-steps", lang)]
    said += [f"  {n}. {step}" for n, step in enumerate(steps(ranking, score, lang), 1)]
    if ranking.problems:
        said += ["", tr("heading-colon", lang, title=tr("data-problems", lang))]
        said += [f"  {problem.as_line()}" for problem in ranking.problems]
    return said


def _name(item: Item, lang: str) -> str:
    return tr("assess-target-with-id", lang, name=item_name(item, lang), id=item.target.id)


def _item_line(item: Item, lang: str) -> str:
    result = item.result
    assert result is not None, "a target that does not apply is a step, not an item"
    name = _name(item, lang)
    return tr(
        "assess-explain-item",
        lang,
        name=name,
        status=f"{result.status.glyph} {result.status.label(lang)}",
        share=number(item.share),
        weight=number(item.weight),
        points=points_text(item.points),
        why=explain(result, lang),
    )


def steps(ranking: Ranking, score: Score, lang: str) -> list[str]:
    """The arithmetic of the score, then its grade and its rank, in words."""
    found = arithmetic(score, lang)
    if not score.scaled and score.exact is not None:
        found.insert(1, tr("assess-explain-not-scaled", lang))
    found[1:1] = [  # a target outside its years: not an item, its weight scaled away
        tr("assess-explain-left-out", lang, name=_name(item, lang), weight=number(item.weight))
        for item in score.left_out
    ]
    if score.exact is not None and score.exact == score.score:
        found.append(tr("assess-explain-exact", lang, score=score_text(score.score)))
    grade = score.grade(ranking.section)
    if grade is not None and score.score is not None:
        grades = ranking.section.grades
        above = grades[grades.index(grade) - 1] if grades.index(grade) > 0 else None
        found.append(
            tr(
                "assess-explain-grade",
                lang,
                grade=grade.label(lang),
                low=number(grade.floor),
                score=score_text(score.score),
                high=number(above.floor) if above else "—",
            )
            if above
            else tr(
                "assess-explain-top-grade",
                lang,
                grade=grade.label(lang),
                low=number(grade.floor),
                score=score_text(score.score),
            )
        )
    if score.rank is not None:
        ranks = [other.rank for other in ranking.scores if other.rank is not None]
        higher = sum(1 for rank in ranks if rank < score.rank)
        tied = ranks.count(score.rank) - 1
        found.append(
            tr(
                "assess-explain-rank",
                lang,
                rank=rank_text(score),
                higher=higher,
                tied=tied,
                count=len(ranking.scores),
            )
        )
    if ranking.previous_year is not None:
        found.append(previous_words(score, ranking, lang))
    return found
