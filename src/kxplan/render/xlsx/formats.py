"""Number formats: a cell keeps the exact value and shows it as the text outputs write it.

The decimals of each cell's format are counted in the text `kxplan.render.describe` gives that value
(half up, at most two decimals, more only where rounding would put a value on its threshold),
so the workbook reads as the table, the Markdown and the explanations beside it."""

from __future__ import annotations

from fractions import Fraction

from kxplan.model.status import Status
from kxplan.render.describe import number

INTEGER = "#,##0"
YEAR = "0"


def shown_as(text: str, value: Fraction, *, whole: str = INTEGER, suffix: str = "") -> str:
    """The format that shows `value` as `text` reads: as many decimals, and no minus sign on a
    negative value that the text rounds to 0 (Excel would write `-0`)."""
    decimals = text.rstrip("%").partition(".")[2]
    body = f"{whole}.{'0' * len(decimals)}{suffix}" if decimals else f"{whole}{suffix}"
    return f"{body};{body}" if value < 0 and not text.startswith("-") else body


def number_format(value: object) -> str | None:
    """The format of a plain number: its decimals as `describe.number` writes it."""
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        return None
    exact = Fraction(value)
    return shown_as(number(exact), exact)


def with_glyph(status: Status, fmt: str | None) -> str:
    """A number format that shows the status glyph before the number: the cell stays a number.

    A negative number gets its own section with the minus after the glyph (`✘ -20%`): with one
    section Excel writes the minus before everything, `-✘ 20%`."""
    sections = (fmt or "General").split(";")
    if len(sections) == 1:
        sections.append(f"-{sections[0]}")
    return ";".join(f'"{status.glyph} "{section}' for section in sections)
