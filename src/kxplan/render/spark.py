"""A sparkline: one block character per year, scaled between the row's lowest and highest."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"


def sparkline(values: Sequence[Fraction | bool | None]) -> str:
    numbers = [v for v in values if isinstance(v, Fraction)]
    low, high = (min(numbers), max(numbers)) if numbers else (Fraction(0), Fraction(0))
    marks = []
    for value in values:
        if value is None:
            marks.append(GAP)
        elif isinstance(value, bool):
            marks.append(BLOCKS[-1] if value else BLOCKS[0])
        elif high == low:
            marks.append(BLOCKS[3])
        else:
            marks.append(BLOCKS[round((value - low) / (high - low) * (len(BLOCKS) - 1))])
    return "".join(marks)
