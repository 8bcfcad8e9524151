"""`kxplan assess`'s ranking (a `Ranking`, or one unit's score sheet of it) in each of its
formats."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TextIO, assert_never, get_args

from kxplan.engine.assessment import Ranking
from kxplan.model.plan import Unit
from kxplan.render import Format, View, write_bytes

#: what `--format` takes
Shown = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN]
Formats = Literal[Shown, Format.XLSX]
FORMATS: tuple[Formats, ...] = get_args(Formats)


@dataclass(frozen=True)
class Assessed:
    """The ranking, and the unit whose score sheet was asked for (`--county`), if one was."""

    ranking: Ranking
    unit: Unit | None = None


def render(subject: Assessed, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TABLE:
            from kxplan.render.assessment.table import render as table

            table(subject, view, out)
        case Format.JSON:
            from kxplan.render.assessment.jsonout import render as as_json

            as_json(subject, view, out)
        case Format.MARKDOWN:
            from kxplan.render.assessment.markdown import render as markdown

            markdown(subject, view, out)
        case Format.XLSX:
            from kxplan.render.xlsx.assessment import workbook

            write_bytes(out, workbook(subject, view.lang))
        case _:
            assert_never(fmt)


def nothing(view: View) -> dict[str, Any]:
    """The JSON (SPEC §8) with nothing assessed: an invalid plan's, every key as always."""
    return {"plan": None, "year": None, "assessment": None, "units": [], "problems": []}
