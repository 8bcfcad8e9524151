"""`assess --format markdown`: the ranking as a table for a document or a CI job's summary; or
one unit's score sheet."""

from __future__ import annotations

from typing import TextIO

from kxplan.engine.assessment import Ranking, Score
from kxplan.render import View
from kxplan.render.assessment import Assessed
from kxplan.render.assessment.words import (
    arithmetic,
    change_text,
    grade_text,
    item_cell,
    item_name,
    lost_points,
    points_text,
    previous_text,
    rank_text,
    ranking_heads,
    score_text,
    sheet_heads,
    standing,
)
from kxplan.render.common import unit_name
from kxplan.render.describe import figure, number, rule_for
from kxplan.render.markdown import escape, problem_list
from kxplan.text import tr


def render(subject: Assessed, view: View, out: TextIO) -> None:
    ranking, lang = subject.ranking, view.lang
    title = tr("assess-title", lang, name=ranking.section.title(lang), year=ranking.year)
    out.write(f"## {escape(ranking.plan.name(lang))} — {escape(title)}\n\n")
    if subject.unit is not None:
        _sheet(out, ranking, ranking.of(subject.unit), lang)
    else:
        _ranking(out, ranking, lang)
    names = tr("list-comma", lang)
    if ranking.missing_files:
        units = names.join(unit_name(unit, lang) for unit in ranking.missing_files)
        out.write(tr("missing-line", lang, year=ranking.year, units=units) + "\n\n")
    if ranking.invalid_files:
        out.write(tr("invalid-line", lang, files=names.join(ranking.invalid_files)) + "\n\n")
    if ranking.problems:
        out.write(problem_list(ranking.problems, lang))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |\n"


def _ranking(out: TextIO, ranking: Ranking, lang: str) -> None:
    section = ranking.section
    first = ranking.scores[0] if ranking.scores else None
    heads = ranking_heads(lang)
    if first is not None:
        heads += [f"{item_name(item, lang)} ({number(item.weight)})" for item in first.items]
    out.write(_row(heads))
    out.write("|" + "---|" * len(heads) + "\n")
    for score in ranking.scores:
        cells = [
            rank_text(score),
            unit_name(score.unit, lang),
            score_text(score.score),
            grade_text(score, section, lang),
            previous_text(score),
            change_text(score, ranking, lang),
        ]
        out.write(_row(cells + [item_cell(item) for item in score.items]))
    full = number(section.full_score)
    out.write("\n" + tr("assess-full-note", lang, full=full) + "\n\n")
    _lost(out, ranking, ranking.scores, lang)


def _lost(out: TextIO, ranking: Ranking, scores: list[Score], lang: str) -> None:
    found = lost_points(ranking, scores, lang)
    if not found:
        return
    out.write(f"### {tr('needs-attention', lang)}\n\n")
    for each in found:
        said = tr(
            "assess-lost-line",
            lang,
            target=each.target(lang),
            lost=points_text(each.lost),
            why=each.why,
        )
        status = f"{each.status.glyph} {each.status.label(lang)}"
        unit = escape(unit_name(each.score.unit, lang))
        out.write(f"- {unit} {status}{tr('colon', lang)}{escape(said)}\n")
    out.write("\n")


def _sheet(out: TextIO, ranking: Ranking, score: Score, lang: str) -> None:
    out.write(f"### {tr('assess-sheet-title', lang, unit=unit_name(score.unit, lang))}\n\n")
    heads = sheet_heads(lang)
    out.write(_row(heads))
    out.write("|" + "---|" * len(heads) + "\n")
    for item in score.applying:  # a target outside its years only scales the total
        result = item.result
        assert result is not None
        indicator = ranking.plan.indicators[item.target.indicator]
        status = f"{result.status.glyph} {result.status.label(lang)}"
        said = rule_for(item.target, indicator, [result], lang)
        cells = [item_name(item, lang), status, figure(result, lang), said]
        cells += [number(item.weight), points_text(item.points)]
        out.write(_row(cells))
    out.write("\n" + "  \n".join(arithmetic(score, lang)) + "\n\n")
    out.write(f"**{standing(score, ranking, lang)}**\n\n")
    _lost(out, ranking, [score], lang)
