"""`--format github`: workflow commands that annotate the file and line of each failure."""

from __future__ import annotations

from typing import TextIO

from kxplan.describe import explain, target_name
from kxplan.evaluation import Evaluation
from kxplan.problems import Problem
from kxplan.render import View
from kxplan.render.common import failed_line, summary_line, unit_name
from kxplan.rules import Result


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


def result_annotation(result: Result, lang: str) -> str:
    """Placed at the line of the value this year, or at the file when the value is missing."""
    name = target_name(result.target, result.indicator, lang)
    title = f"{result.target.id} @ {unit_name(result.unit, lang)}: {result.status.label(lang)}"
    this_year = [o for o in result.evidence if f"/{result.year}/" in f"/{o.file}"]
    file, line = (this_year[-1].file, this_year[-1].line) if this_year else (None, None)
    if file is None and result.missing is not None:
        file = result.missing.file
    return annotation("error", f"{name}: {explain(result, lang)}", title, file, line)


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    for problem in evaluation.problems:
        out.write(problem_annotation(problem) + "\n")
    for result in evaluation.failed(view.fail_on):
        out.write(result_annotation(result, view.lang) + "\n")
    out.write(summary_line(evaluation, view.lang) + "\n")
    out.write(failed_line(evaluation, view.fail_on, view.lang) + "\n")
