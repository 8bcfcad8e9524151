"""What every format of the assessment says the same way: scores, points, rank changes, the
points each unit lost and why, and the arithmetic of a score."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kxplan.engine.assessment import PLACES, Item, Ranking, Score
from kxplan.model.assessment import Assessment
from kxplan.model.status import Status
from kxplan.render.common import file_absent, file_invalid
from kxplan.render.describe import explain, number, target_name
from kxplan.text import in_lang, tr


def score_text(score: Fraction | None) -> str:
    """A score as shown: always two decimals (96.50), `—` when the unit was not scored."""
    if score is None:
        return "—"
    hundredths = int(score * 10**PLACES)  # rounded already: a whole number of hundredths
    whole, cents = divmod(hundredths, 10**PLACES)
    return f"{whole}.{cents:0{PLACES}d}"


def ranking_heads(lang: str) -> list[str]:
    """The ranking's columns before the targets'."""
    return [
        tr("assess-head-rank", lang),
        tr("assess-head-unit", lang),
        tr("assess-head-score", lang),
        tr("assess-head-grade", lang),
        tr("assess-head-previous", lang),
        tr("assess-head-change", lang),
    ]


def sheet_heads(lang: str) -> list[str]:
    """The columns of a unit's score sheet."""
    return [
        tr("head-target", lang),
        tr("assess-head-status", lang),
        tr("assess-head-value", lang),
        tr("head-rule", lang),
        tr("assess-head-weight", lang),
        tr("assess-head-points", lang),
    ]


def points_text(points: Fraction | None) -> str:
    return number(points)


def grade_text(score: Score, section: Assessment, lang: str) -> str:
    grade = score.grade(section)
    return grade.label(lang) if grade else "—"


def change_text(score: Score, ranking: Ranking, lang: str) -> str:
    """↑2, ↓1, = or new; `—` in the first year assessed, or for a unit not ranked."""
    if ranking.previous_year is None or score.rank is None:
        return "—"
    change = score.rank_change
    if change is None:
        return tr("assess-new", lang)
    if change > 0:
        return f"↑{change}"
    return f"↓{-change}" if change < 0 else "="


def previous_text(score: Score) -> str:
    return "—" if score.previous_rank is None else str(score.previous_rank)


def rank_text(score: Score) -> str:
    return "—" if score.rank is None else str(score.rank)


def item_cell(item: Item) -> str:
    """A target's points with its status glyph (`✔15`); `—` where it did not apply."""
    if item.result is None:
        return "—"
    return f"{item.result.status.glyph}{points_text(item.points)}"


def item_name(item: Item, lang: str) -> str:
    return target_name(item.target, item.indicator, lang)


def marks(count: int) -> list[str]:
    """①, ②, … naming the weighted targets in narrow tables; 1., 2., … past twenty."""
    return [chr(0x2460 + i) if i < 20 else f"{i + 1}." for i in range(count)]


@dataclass(frozen=True)
class Lost:
    """Points a unit lost on one target (or on every target its absent or invalid file
    touches, said once), and what to do about it."""

    score: Score
    items: tuple[Item, ...]
    status: Status
    lost: Fraction
    why: str  # the plan's instruction, or what is missing

    def target(self, lang: str) -> str:
        if len(self.items) == 1:
            return item_name(self.items[0], lang)
        return tr("assess-all-targets", lang, count=len(self.items))


def lost_points(ranking: Ranking, scores: list[Score], lang: str) -> list[Lost]:
    found = []
    for score in scores:
        whole_file: list[Item] = []  # missing because the unit's own file is absent or invalid
        for item in score.applying:
            lost, result = item.lost, item.result
            if result is None or lost is None or lost <= 0:
                continue
            if file_absent(result) or file_invalid(result):
                whole_file.append(item)
                continue
            found.append(Lost(score, (item,), result.status, lost, _why(item, lang)))
        if whole_file:
            lost = sum((item.lost or Fraction(0) for item in whole_file), Fraction(0))
            why = _why(whole_file[0], lang)
            found.append(Lost(score, tuple(whole_file), Status.MISSING, lost, why))
    return found


def _why(item: Item, lang: str) -> str:
    result = item.result
    assert result is not None
    if result.status is Status.MISSING:
        return explain(result, lang)
    hint = in_lang(item.target.hint, item.target.hint_en, lang) if item.target.hint else ""
    return hint or explain(result, lang)


def arithmetic(score: Score, lang: str) -> list[str]:
    """The lines that add a unit's points up to its score."""
    terms = " + ".join(points_text(item.points) for item in score.applying)
    lines = [tr("assess-sum", lang, terms=terms or "0", earned=number(score.earned))]
    exact = score.exact
    if score.scaled and exact is not None:
        left = [item.target.id for item in score.left_out]
        lines.append(
            tr(
                "assess-scaled",
                lang,
                earned=number(score.earned),
                full=number(score.full),
                applicable=number(score.applicable),
                exact=number(exact, 6),
                left=tr("list-comma", lang).join(left),
            )
        )
    if exact is None:
        lines.append(tr("assess-nothing-applies", lang))
    elif exact != score.score:
        lines.append(
            tr("assess-rounded", lang, exact=number(exact, 6), score=score_text(score.score))
        )
    return lines


def previous_words(score: Score, ranking: Ranking, lang: str) -> str:
    """`2023年第 2 名（↓3）`, or that the first year has no rank before it."""
    if ranking.previous_year is None:
        return tr("assess-first-year", lang)
    return tr(
        "assess-previous",
        lang,
        year=ranking.previous_year,
        rank=previous_text(score),
        change=change_text(score, ranking, lang),
    )


def standing(score: Score, ranking: Ranking, lang: str) -> str:
    """`得分 96.50，等次 优秀，第 1 名（共 7 个单位）；2023年第 2 名（↑1）`."""
    return tr(
        "assess-standing",
        lang,
        score=score_text(score.score),
        grade=grade_text(score, ranking.section, lang),
        rank=rank_text(score),
        count=len(ranking.scores),
        previous=previous_words(score, ranking, lang),
    )
