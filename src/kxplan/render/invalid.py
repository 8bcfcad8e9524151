"""An invalid plan's problems, in the format the command was asked for: JSON in the command's
own shape (its `nothing`: every key it always writes, with nothing in them), GitHub's
annotations, a Markdown list, or one `path:line:column: code: message` line each."""

from __future__ import annotations

from typing import Any, TextIO, assert_never

from kxplan.model.problems import Problem
from kxplan.render import Format, View
from kxplan.render.jsontext import write_json
from kxplan.text import tr


def render(
    problems: list[Problem], fmt: Format, view: View, nothing: dict[str, Any], out: TextIO
) -> None:
    match fmt:
        case Format.JSON:
            body = {**nothing, "problems": [problem.as_json() for problem in problems]}
            write_json(body, out)
            out.write("\n")
        case Format.GITHUB:
            from kxplan.render.github import problem_annotation

            for problem in problems:
                out.write(problem_annotation(problem) + "\n")
        case Format.MARKDOWN:
            from kxplan.render.markdown import problem_list

            out.write(problem_list(problems, view.lang, tr("plan-problems", view.lang)))
        case Format.TABLE | Format.TEXT | Format.XLSX:
            from kxplan.render.terminal import fitted

            for problem in problems:  # each fits the terminal, the rest indented
                out.write("".join(line + "\n" for line in fitted(problem.as_line(), out)))
        case _:
            assert_never(fmt)
