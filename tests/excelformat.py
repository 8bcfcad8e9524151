"""What Excel shows for a number under the few number formats kxplan writes: sections for
positive, negative and zero, quoted literals, `#,##0` with fixed decimals, `%`, `General`.

Enough to assert a workbook's cells read as the text outputs do, without Excel."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_LITERAL = re.compile(r'"([^"]*)"')


def shown(value: float, fmt: str) -> str:
    """The text of a cell holding `value` under the number format `fmt`."""
    sections = fmt.split(";")
    if value < 0 and len(sections) > 1:
        return _section(-value, sections[1])  # a negative section writes its own minus
    if value == 0 and len(sections) > 2:
        return _section(value, sections[2])
    text = _section(abs(value), sections[0])
    return f"-{text}" if value < 0 else text


def _section(value: float, section: str) -> str:
    parts = _LITERAL.split(section)  # even: format codes, odd: literals
    code = "".join(parts[0::2])
    number = _digits(value, code.replace("-", "").replace("%", ""), "%" in code)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(part)
        elif part:
            sign = "-" if part.startswith("-") else ""
            out.append(sign + number + ("%" if "%" in part else ""))
            number = ""
    return "".join(out)


def _digits(value: float, code: str, percent: bool) -> str:
    exact = Decimal(repr(value)) * (100 if percent else 1)
    if code == "General":
        return format(exact.normalize(), "f")
    fraction = code.partition(".")[2]  # `0` a decimal always shown, `#` one shown if not 0
    rounded = exact.quantize(Decimal(1).scaleb(-len(fraction)), rounding=ROUND_HALF_UP)
    text = format(rounded, ",f" if "," in code else "f")
    optional = len(fraction) - fraction.count("0")
    for _ in range(optional):
        if text.endswith("0"):
            text = text[:-1]
    return text.rstrip(".")
