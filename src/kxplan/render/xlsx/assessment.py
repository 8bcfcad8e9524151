"""`kxplan assess -o FILE.xlsx`: the ranking (a row per unit, the points of each target, the
score, grade and rank, coloured by grade), a score sheet per unit to print and hand to it (with
the plan's instructions for the points it lost), and a bar chart of the scores."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import Paragraph, ParagraphProperties, RichTextProperties

from kxplan.engine.assessment import Item as Scored
from kxplan.engine.assessment import Ranking, Score
from kxplan.render.assessment import Assessed
from kxplan.render.assessment.words import (
    arithmetic,
    change_text,
    item_name,
    lost_points,
    standing,
)
from kxplan.render.common import unit_name
from kxplan.render.describe import number, rule_for
from kxplan.render.xlsx.cells import plain
from kxplan.render.xlsx.formats import YEAR, number_format, with_glyph
from kxplan.render.xlsx.sheet import (
    Book,
    Item,
    Sheet,
    Styled,
    fit,
    line_of_text,
    new_book,
    print_setup,
    problems_sheet,
    status_cell,
    table,
    title,
    to_bytes,
)
from kxplan.text import tr

SCORE = "0.00"  # scores are shown with two decimals (SPEC §8)
#: (fill, font colour) of the grades, best first; the last grade always takes the last colour
GRADE_COLOURS = [
    ("C6EFCE", "006100"),
    ("DDEBF7", "1F4E78"),
    ("FFEB9C", "9C5700"),
    ("FFC7CE", "9C0006"),
]
#: characters a sheet's name cannot hold, and its longest
_NOT_IN_NAMES = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_NAME_LENGTH = 31


def workbook(subject: Assessed, lang: str) -> bytes:
    ranking = subject.ranking
    book = new_book()
    _ranking(book, ranking, lang)
    _chart(book, ranking, lang)
    scores = [ranking.of(subject.unit)] if subject.unit else ranking.scores
    for score in scores:
        _sheet(book, ranking, score, lang)
    problems_sheet(book, ranking.problems, lang)
    return to_bytes(book)


def _heading(ranking: Ranking, lang: str) -> str:
    return tr("assess-title", lang, name=ranking.section.title(lang), year=ranking.year)


def _ranking(book: Book, ranking: Ranking, lang: str) -> None:
    section = ranking.section
    sheet = book.create_sheet(tr("assess-sheet-ranking", lang))
    top = title(sheet, _heading(ranking, lang), ranking.plan.name(lang))
    first = ranking.scores[0] if ranking.scores else None
    targets = [
        tr(
            "assess-head-target-points",
            lang,
            name=item_name(item, lang),
            points=number(item.weight),
        )
        for item in (first.items if first else ())
    ]
    headers = [
        tr("assess-head-rank", lang),
        tr("assess-head-unit", lang),
        *targets,
        tr("assess-head-score", lang),
        tr("assess-head-grade", lang),
        tr("assess-head-previous", lang),
        tr("assess-head-change", lang),
    ]
    rows: list[list[Item]] = [
        [
            Styled(score.rank, fmt=YEAR),
            unit_name(score.unit, lang),
            *[_points(item) for item in score.items],
            Styled(score.score, fmt=SCORE, bold=True),
            _grade_text(score, ranking, lang),
            Styled(score.previous_rank, fmt=YEAR),
            change_text(score, ranking, lang),
        ]
        for score in ranking.scores
    ]
    full: list[Item] = [
        "",
        tr("assess-full", lang),
        *[Styled(item.weight) for item in (first.items if first else ())],
        Styled(section.full_score, fmt=SCORE, bold=True),
        "",
        "",
        "",
    ]
    last = table(sheet, top, headers, rows, freeze_columns=2, total=full)
    grade_column = 3 + len(targets) + 1
    for row, score in enumerate(ranking.scores, top + 1):
        _colour(sheet, row, (2, grade_column - 1, grade_column), score, ranking)
    fit(sheet, top, last)
    print_setup(sheet, f"{top}:{top}", lang)


def _points(item: Scored) -> Item:
    """A target's points, a number shown with its status glyph and colour; `—` where the
    target did not apply that year."""
    if item.result is None or item.points is None:
        return "—"
    status = item.result.status
    return Styled(item.points, status=status, fmt=with_glyph(status, number_format(item.points)))


def _grade_text(score: Score, ranking: Ranking, lang: str) -> str:
    grade = score.grade(ranking.section)
    return grade.label(lang) if grade else "—"


def _colour(sheet: Sheet, row: int, columns: tuple[int, ...], score: Score, r: Ranking) -> None:
    grade = score.grade(r.section)
    if grade is None:
        return
    grades = r.section.grades
    index = grades.index(grade)
    fill, colour = GRADE_COLOURS[-1 if index == len(grades) - 1 else min(index, 2)]
    for column in columns:  # the cell keeps its boldness
        sheet.restyle(row, column, fill=fill, colour=colour)


def _chart(book: Book, ranking: Ranking, lang: str) -> None:
    sheet = book.create_sheet(tr("assess-sheet-chart", lang))
    top = title(sheet, _heading(ranking, lang), ranking.plan.name(lang))
    headers = [tr("assess-head-unit", lang), tr("assess-head-score", lang)]
    rows: list[list[Item]] = [
        [unit_name(s.unit, lang), Styled(s.score, fmt=SCORE)] for s in ranking.scores
    ]
    last = table(sheet, top, headers, rows)
    fit(sheet, top, last)
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: the units' names read across, best at the top
    chart.grouping = "clustered"
    chart.title = _heading(ranking, lang)
    chart.legend = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = float(ranking.section.full_score)
    chart.y_axis.number_format = SCORE
    chart.x_axis.title = headers[0]
    chart.y_axis.title = headers[1]
    for axis in (chart.x_axis, chart.y_axis):
        _horizontal(axis.title)
    chart.height, chart.width = max(8, 1.0 * len(rows)), 18
    chart.add_data(
        Reference(sheet, min_col=2, max_col=2, min_row=top, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
    sheet.add_chart(chart, f"D{top}")
    print_setup(sheet, f"{top}:{top}", lang)


def _horizontal(axis_title: Any) -> None:
    """An axis title read across, not turned on its side as Excel sets a vertical axis's."""
    text = axis_title.tx.rich
    axis_title.tx.rich = RichText(
        bodyPr=RichTextProperties(rot=0, vert="horz"),
        p=[Paragraph(pPr=ParagraphProperties(), r=text.p[0].r)],
    )


def _sheet(book: Book, ranking: Ranking, score: Score, lang: str) -> None:
    """One unit's score sheet, ready to print and hand to it."""
    name = unit_name(score.unit, lang)
    sheet = book.create_sheet(_sheet_name(name, book))
    top = title(sheet, tr("assess-sheet-title", lang, unit=name), _heading(ranking, lang))
    headers = [
        tr("head-number", lang),
        tr("head-target", lang),
        tr("head-clause", lang),
        tr("assess-head-status", lang),
        tr("assess-head-value", lang),
        tr("head-rule", lang),
        tr("assess-head-weight", lang),
        tr("assess-head-points", lang),
        tr("assess-head-lost", lang),
        tr("assess-head-instruction", lang),
    ]
    why = {
        each.items[0].target.id if len(each.items) == 1 else item.target.id: each.why
        for each in lost_points(ranking, [score], lang)
        for item in each.items
    }
    rows: list[list[Item]] = []
    for index, item in enumerate(score.applying, 1):  # the others only scale the total
        result = item.result
        assert result is not None
        indicator = ranking.plan.indicators[item.target.indicator]
        rows.append(
            [
                index,
                item_name(item, lang),
                item.target.clause,
                status_cell(result.status, lang),
                plain(result.value, lang),
                rule_for(item.target, indicator, [result], lang),
                Styled(item.weight),
                _points(item),
                Styled(item.lost) if item.lost is not None else "—",
                Styled(why.get(item.target.id, ""), wrap=True),
            ]
        )
    total: list[Item] = [
        "",
        _total_label(score, lang),
        "",
        "",
        "",
        "",
        Styled(score.applicable),  # the weights that apply; the scaling is said beside it
        Styled(score.earned, bold=True),
        Styled(sum((i.lost for i in score.applying if i.lost), Fraction(0))),
        "",
    ]
    last = table(sheet, top, headers, rows, freeze_columns=2, total=total)
    sheet.auto_filter = None  # a sheet to print, not to sort
    after = last + 2
    for offset, text in enumerate([*arithmetic(score, lang), standing(score, ranking, lang)]):
        line_of_text(sheet, after + offset, text)
    fit(sheet, top, last, fixed={"J": 50})
    print_setup(sheet, f"{top}:{top}", lang)


def _total_label(score: Score, lang: str) -> str:
    """合计, and when a target does not apply this year, the scaling of its points to the full
    score (its arithmetic is in the lines below the table)."""
    if not score.scaled or score.exact is None:
        return tr("assess-total", lang)
    return tr(
        "assess-total-scaled",
        lang,
        applicable=number(score.applicable),
        full=number(score.full),
    )


def _sheet_name(name: str, book: Book) -> str:
    """A sheet's name from a unit's: without what Excel refuses, short enough, not taken."""
    base = name.translate(_NOT_IN_NAMES)[:_NAME_LENGTH].strip("'") or "_"
    taken, shown, number = set(book.sheetnames), base, 2
    while shown in taken:
        suffix = f" ({number})"
        shown, number = base[: _NAME_LENGTH - len(suffix)] + suffix, number + 1
    return shown
