"""`kxplan check`'s results (an `Evaluation`) in each of its formats."""

from __future__ import annotations

import io
from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.engine.evaluation import Evaluation
from kxplan.model.status import Status
from kxplan.render import Format, View, write_bytes

#: what `--format` takes
Shown = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN, Format.GITHUB]
Formats = Literal[Shown, Format.XLSX]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(evaluation: Evaluation, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TABLE:
            from kxplan.render.table import render as table

            table(evaluation, view, out)
        case Format.JSON:
            from kxplan.render.jsonout import render as as_json

            as_json(evaluation, view, out)
        case Format.MARKDOWN:
            from kxplan.render.markdown import render as markdown

            markdown(evaluation, view, out)
        case Format.GITHUB:
            from kxplan.render.github import append_step_summary, not_shown
            from kxplan.render.github import render as github
            from kxplan.render.markdown import render as markdown

            hidden = github(evaluation, view, out)
            summary = io.StringIO()  # the job's summary page: the Markdown table
            summary.write(not_shown(hidden, view.lang))
            markdown(evaluation, view, summary)
            append_step_summary(summary.getvalue())
        case Format.XLSX:
            from kxplan.render.xlsx.check import workbook

            write_bytes(out, workbook(evaluation, view.lang))
        case _:
            assert_never(fmt)


def nothing(view: View) -> dict[str, Any]:
    """The JSON (SPEC §6) with nothing evaluated: an invalid plan's, every key as always."""
    return {
        "plan": None,
        "year": None,
        "summary": {status.value: 0 for status in Status},
        "missing_files": [],
        "invalid_files": [],
        "fail_on": [status.value for status in Status if status in view.fail_on],
        "failed": 0,
        "results": [],
        "problems": [],
    }
