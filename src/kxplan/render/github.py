"""`--format github`: workflow commands that annotate the file and line of each failure."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TextIO

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.problems import Leftover, Problem
from kxplan.render import View
from kxplan.render.common import (
    failed_line,
    file_absent,
    file_invalid,
    missing_line,
    summary_line,
    unit_name,
)
from kxplan.render.describe import explain, target_name
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


# GitHub shows only the first 10 error annotations of a step (and 50 of a job).
SHOWN_PER_STEP = 10


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    """Most actionable first: problems, then failures at a line, at a file, then the rest;
    a unit whose file is absent gets one annotation, not one per target, and one whose file
    is invalid only the annotations of its problems."""
    lang = view.lang
    errors = [problem_annotation(problem) for problem in evaluation.problems]
    failed = evaluation.failed(view.fail_on)
    ranked = sorted(
        (result for result in failed if not (file_absent(result) or file_invalid(result))),
        key=_rank,
    )
    errors += [result_annotation(result, lang) for result in ranked]
    absent = [result for result in failed if file_absent(result)]
    line = missing_line(evaluation, lang)
    if absent and line:
        count = tr("github-missing-results", lang, count=len(absent))
        errors.append(annotation("error", line + count, "kxplan missing files"))
    write_errors(errors, lang, out)
    out.write(summary_line(evaluation, lang) + "\n")
    out.write(failed_line(evaluation, view.fail_on, view.lang) + "\n")


def write_errors(errors: list[str], lang: str, out: TextIO) -> None:
    """The error annotations, and a notice when GitHub will not show them all."""
    for text in errors:
        out.write(text + "\n")
    if len(errors) > SHOWN_PER_STEP:
        note = tr("github-too-many", lang, count=len(errors), shown=SHOWN_PER_STEP)
        out.write(annotation("notice", note, "kxplan") + "\n")


def _rank(result: Result) -> tuple[bool, bool]:
    """At a line first, then at a file, then nowhere in particular."""
    file, line = value_place(result)
    return file is None, line is None


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
