"""The data loader's check of a figure's digits, said of a form's cells.

A figure with more digits than can be judged exactly (`14.2345678`, `99.999999999999999`) is
refused in a form as in a data file, with the same words: the loader's own check is called on
the figures as written, each placed at its cell, so the two cannot drift apart.
"""

from __future__ import annotations

from kxplan.dataload import FileChecker, _Report
from kxplan.problems import ProblemCode
from kxplan.yamlsafe import Document, Path_, Pos

Place = tuple[int, int]  # row, column


def too_precise(
    checker: FileChecker, display: str, figures: dict[str, tuple[str, Place]]
) -> list[tuple[Place, ProblemCode, str]]:
    """The figures (indicator → text as written, cell) with too many digits, and why."""
    raw: dict[Path_, str] = {
        ("values", indicator, "value"): text for indicator, (text, _) in figures.items()
    }
    places: dict[Path_, Pos] = {("values",): Pos(0, 0)}  # a place's ancestors too
    for indicator, (_, (row, column)) in figures.items():
        places[("values", indicator)] = places[("values", indicator, "value")] = Pos(row, column)
    document = Document(data={}, values=places, raw=raw)
    report = _Report(display, document)
    checker._check_precision(document, report)
    return [
        ((problem.line or 0, problem.column or 0), problem.code, problem.message)
        for problem in report.problems
    ]
