"""The content of an `-o` file for each command, in the format its suffix picked.

Workbook modules are imported here, inside the functions, so that openpyxl is loaded only
when a `.xlsx` file is written.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TextIO, TypeVar

from kxplan.evaluation import Evaluation
from kxplan.history import History
from kxplan.output import Export
from kxplan.render import View
from kxplan.review import Review

Subject = TypeVar("Subject")


def text_of(render: Callable[[Subject, str, TextIO], None], subject: Subject, lang: str) -> str:
    buffer = io.StringIO()
    render(subject, lang, buffer)
    return buffer.getvalue()


def check_file(evaluation: Evaluation, view: View, export: Export) -> bytes | str:
    buffer = io.StringIO()
    if export is Export.XLSX:
        from kxplan.xlsx.check import workbook

        return workbook(evaluation, view.lang)
    if export is Export.JSON:
        from kxplan.render.jsonout import render
    else:
        from kxplan.render.markdown import render
    render(evaluation, view, buffer)
    return buffer.getvalue()


def report_file(history: History, lang: str, export: Export) -> bytes | str:
    if export is Export.XLSX:
        from kxplan.xlsx.report import workbook

        return workbook(history, lang)
    from kxplan.render import report

    return text_of(
        report.render_json if export is Export.JSON else report.render_markdown, history, lang
    )


def review_file(review: Review, lang: str, export: Export) -> bytes | str:
    if export is Export.XLSX:
        from kxplan.xlsx.review import workbook

        return workbook(review, lang)
    from kxplan.render import review as render

    return text_of(
        render.render_json if export is Export.JSON else render.render_markdown, review, lang
    )
