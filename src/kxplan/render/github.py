"""`--format github`: workflow commands that annotate the file and line of each failure."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TextIO

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.plan import Unit
from kxplan.model.problems import Leftover, Problem
from kxplan.model.status import Status
from kxplan.render import View
from kxplan.render.common import (
    failed_line,
    file_absent,
    file_invalid,
    summary_line,
    unit_name,
)
from kxplan.render.describe import explain, target_name
from kxplan.render.scale import summarised
from kxplan.text import tr


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str,
    message: str,
    title: str,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
) -> str:
    props = []
    if file:
        props.append(f"file={_property(file)}")
        if line is not None:
            props.append(f"line={line}")
            if column is not None:
                props.append(f"col={column}")
    props.append(f"title={_property(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


def problem_annotation(problem: Problem) -> str:
    return annotation(
        "error",
        problem.message,
        f"kxplan {problem.code.value}",
        problem.file,
        problem.line,
        problem.column,
    )


def leftover_annotation(leftover: Leftover, lang: str) -> str:
    return annotation("warning", leftover.message(lang), "kxplan", leftover.file)


def result_annotation(result: Result, lang: str) -> str:
    name = target_name(result.target, result.indicator, lang)
    title = f"{result.target.id} @ {unit_name(result.unit, lang)}: {result.status.label(lang)}"
    return annotation("error", f"{name}: {explain(result, lang)}", title, *value_place(result))


def value_place(result: Result) -> tuple[str | None, int | None]:
    """The line of the unit's value this year, or the file where it is missing.

    A parent's value formed as a sum has no line of its own: it is not pinned on one
    child's file (a missing child's file is, through `missing`).
    """
    for observation in reversed(result.evidence):
        path = PurePosixPath(observation.file)
        if path.parent.name == str(result.year) and path.stem in (
            result.unit.name,
            result.unit.code,
        ):
            return observation.file, observation.line
    return (result.missing.file if result.missing is not None else None), None


# GitHub shows only the first 10 error annotations of a step (and 50 of a job): actions/toolkit,
# docs/problem-matchers.md, “Limitations”.
SHOWN_PER_STEP = 10


def render(evaluation: Evaluation, view: View, out: TextIO) -> int:
    """Most important first, as GitHub shows only the first ten: each unit whose file is
    absent (one annotation, naming the unit, at the path its file should have), the problems
    of invalid files, then the results not met, behind, and the rest, each group those at a
    line before those at a file before the others; with too many units
    (`kxplan.render.scale`) only those ten are written, and a notice counts them all. Returns
    how many errors GitHub will not show, and the log does."""
    lang = view.lang
    failed = evaluation.failed(view.fail_on)
    folder = _year_folder(evaluation)
    absent = (
        _absent(unit, failed, folder, evaluation.year, lang) for unit in evaluation.missing_files
    )
    errors = [error for error in absent if error]
    errors += [problem_annotation(problem) for problem in evaluation.problems]
    ranked = sorted(
        (result for result in failed if not (file_absent(result) or file_invalid(result))),
        key=_rank,
    )
    errors += [result_annotation(result, lang) for result in ranked]
    if summarised(evaluation, view) and len(errors) > SHOWN_PER_STEP:
        # thousands of lines nobody reads: the ten GitHub shows, and a notice of the rest
        for text in errors[:SHOWN_PER_STEP]:
            out.write(text + "\n")
        note = tr("github-capped", lang, count=len(errors), shown=SHOWN_PER_STEP)
        out.write(annotation("notice", note, "kxplan") + "\n")
        hidden = 0
    else:
        hidden = write_errors(errors, lang, out)
    out.write(summary_line(evaluation, lang) + "\n")
    out.write(failed_line(evaluation, view.fail_on, view.lang) + "\n")
    return hidden


def _year_folder(evaluation: Evaluation) -> PurePosixPath | None:
    """The year's folder as the other annotations name it (`data/2024`), from a file read."""
    for result in evaluation.results:
        for observation in result.evidence:
            path = PurePosixPath(observation.file)
            if path.parent.name == str(evaluation.year):
                return path.parent
    return None


def _absent(
    unit: Unit, failed: list[Result], folder: PurePosixPath | None, year: int, lang: str
) -> str | None:
    """One unit's absent file, at the path where it belongs (data/2024/青川县.yaml): GitHub
    lists it under that name, though a file no commit has cannot be opened; none when no
    result it leaves missing counts as failed."""
    absent = [result for result in failed if file_absent(result) and result.unit == unit]
    if not absent:
        return None
    names = tr("missing-line", lang, year=year, units=unit_name(unit, lang))
    count = tr("github-missing-results", lang, count=len(absent))
    place = str(folder / f"{unit.name}.yaml") if folder else None
    return annotation("error", names + count, "kxplan missing file", place)


def write_errors(errors: list[str], lang: str, out: TextIO) -> int:
    """The error annotations, and a notice when GitHub will not show them all; returns how
    many it will not show."""
    for text in errors:
        out.write(text + "\n")
    if len(errors) > SHOWN_PER_STEP:
        note = tr("github-too-many", lang, count=len(errors), shown=SHOWN_PER_STEP)
        out.write(annotation("notice", note, "kxplan") + "\n")
    return max(0, len(errors) - SHOWN_PER_STEP)


def not_shown(hidden: int, lang: str) -> str:
    """The step summary's line on the annotations GitHub leaves out, empty when none is."""
    if not hidden:
        return ""
    return tr("github-not-shown", lang, count=hidden, shown=SHOWN_PER_STEP) + "\n\n"


_IMPORTANCE = {Status.NOT_MET: 0, Status.BEHIND: 1}


def _rank(result: Result) -> tuple[int, bool, bool]:
    """Not met, then behind, then the rest; in each, at a line first, then at a file, then
    nowhere in particular."""
    file, line = value_place(result)
    return _IMPORTANCE.get(result.status, 2), file is None, line is None


def append_step_summary(markdown: str) -> bool:
    """Append to the job summary (the file GitHub names in GITHUB_STEP_SUMMARY), if any.

    GitHub collects what each step appends there and shows it on the run's page.
    """
    name = os.environ.get("GITHUB_STEP_SUMMARY")
    if not name:
        return False
    try:
        with Path(name).open("a", encoding="utf-8") as handle:
            handle.write(markdown.rstrip("\n") + "\n\n")
    except OSError:
        return False
    return True
