"""`kxplan validate`'s findings in each of its formats: the problems on standard output, the
count on standard error (not in JSON: a program reads the body)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.model.problems import Leftover, Problem, total
from kxplan.render import Format, View
from kxplan.render.jsontext import write_json
from kxplan.text import tr

Formats = Literal[Format.TEXT, Format.JSON, Format.GITHUB]
FORMATS: tuple[Formats, ...] = get_args(Formats)


@dataclass(frozen=True)
class Validation:
    """What validate found: how many data files it read, their problems (sorted), and the
    leftovers of interrupted writes beside them."""

    files: int
    problems: list[Problem]
    leftovers: list[Leftover]

    def summary(self, lang: str) -> str:
        problems = self.problems
        if not problems:
            return tr("validate-all-valid", lang, count=self.files)
        files = len({problem.file for problem in problems})
        return tr(
            "validate-problems", lang, count=self.files, problems=total(problems), files=files
        )


def render(validation: Validation, fmt: Formats, view: View, out: TextIO) -> None:
    lang = view.lang
    match fmt:
        case Format.TEXT:
            from kxplan.render.terminal import fitted

            for problem in validation.problems:  # each fits the terminal, the rest indented
                out.write("".join(line + "\n" for line in fitted(problem.as_line(), out)))
            print("\n".join(fitted(validation.summary(lang), sys.stderr)), file=sys.stderr)
        case Format.JSON:
            render_json(validation, lang, out)
        case Format.GITHUB:
            from kxplan.render.github import (
                append_step_summary,
                leftover_annotation,
                not_shown,
                problem_annotation,
                write_errors,
            )
            from kxplan.render.markdown import problem_list

            for leftover in validation.leftovers:
                out.write(leftover_annotation(leftover, lang) + "\n")
            problems = validation.problems
            hidden = write_errors([problem_annotation(problem) for problem in problems], lang, out)
            summary = validation.summary(lang)
            print(summary, file=sys.stderr)
            head = f"## kxplan validate\n\n{'✘' if problems else '✔'} {summary}\n\n"
            head += not_shown(hidden, lang)
            append_step_summary(head + (problem_list(problems, lang) if problems else ""))
        case _:
            assert_never(fmt)


def render_json(validation: Validation, lang: str, out: TextIO) -> None:
    body: dict[str, object] = {
        "files": validation.files,
        "problems": [problem.as_json() for problem in validation.problems],
    }
    if validation.leftovers:  # the key only when there is something to say: the shape stays
        body["warnings"] = [leftover.as_json(lang) for leftover in validation.leftovers]
    write_json(body, out)
    out.write("\n")


def nothing(view: View) -> dict[str, Any]:
    """The JSON with nothing in it: an invalid plan's (no data file was read)."""
    return {"files": 0, "problems": []}
