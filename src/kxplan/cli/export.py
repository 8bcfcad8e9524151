"""Workbooks for `-o FILE.xlsx`, with openpyxl imported only when one is written.

`kxplan.xlsx` modules import openpyxl at their top; these functions import them inside, so
that nothing `kxplan check` loads without `-o` pulls openpyxl in.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from kxplan.cli.output import Export

if TYPE_CHECKING:
    from kxplan.engine.evaluation import Evaluation
    from kxplan.engine.history import History
    from kxplan.engine.review import Review
    from kxplan.render import View


def check_file(evaluation: Evaluation, view: View, export: Export) -> bytes | str:
    if export is Export.XLSX:
        from kxplan.xlsx.check import workbook

        return workbook(evaluation, view.lang)
    if export is Export.JSON:
        from kxplan.render.jsonout import render
    else:
        from kxplan.render.markdown import render
    buffer = io.StringIO()
    render(evaluation, view, buffer)
    return buffer.getvalue()


def report_workbook(history: History, lang: str) -> bytes:
    from kxplan.xlsx.report import workbook

    return workbook(history, lang)


def review_workbook(review: Review, lang: str) -> bytes:
    from kxplan.xlsx.review import workbook

    return workbook(review, lang)
