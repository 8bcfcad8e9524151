"""What people type into a form's cells, understood where it is unambiguous.

Accepted: `1,234`, full-width digits (１２３), `12.5%` or a percent-formatted cell for
percentages, the measure typed after the number (`3个`), 是/否/√/×/Y/N/yes/no/true/false for
yes-no, and spaces around any of them. Everything else that is not a plain number (`约100`,
`3-4`, `1,23`, a date) is refused: a guess would put a wrong figure in the data. So is a
percentage between 0 and 1 with no % typed or shown (`0.995`: 99.5% or 0.995%?), and a number
no float can hold (`1E999`, 400 digits), said as written rather than as `inf`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from kxplan.forms.layout import CellValue
from kxplan.model.plan import Indicator, ValueType
from kxplan.model.problems import ProblemCode
from kxplan.text import tr
from kxplan.text.printable import shortened

Value = bool | int | float

# [0-9], not \d: \d takes Arabic-Indic and other digits that NFKC leaves as they are (٣).
_NUMBER = re.compile(
    r"(?P<number>[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+)"
    r"\s*(?P<percent>%)?\s*(?P<measure>.*)"
)
_YES = frozenset({"是", "√", "✓", "✔", "y", "yes", "true"})
_NO = frozenset({"否", "×", "✗", "✘", "n", "no", "false"})
# Quoted text, escaped characters, padding and fill characters, and [colour]/[condition]
# parts of a number format do not make it a percentage.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')
# Excel keeps 15 significant digits; rounding after ×100 removes binary noise (0.07 → 7).
_PERCENT_PLACES = Decimal("1e-10")
_EXACT_LIMIT = Decimal("1e15")
_SIGNIFICANT = 15  # a float cell with more is binary noise (=0.968*100 → 96.80000000000001)
_FLOAT_DIGITS = 308  # a number with more whole digits is beyond any float (and any figure)


#: what to type in a value cell of each type, as the form's prompt and its refusals say it
IN_FORM: dict[ValueType, str] = {
    ValueType.COUNT: "form-expect-count",
    ValueType.AMOUNT: "form-expect-amount",
    ValueType.PERCENT: "form-expect-percent",
    ValueType.BOOLEAN: "form-expect-boolean",
}


def expectation(value_type: ValueType, lang: str) -> str:
    return tr(IN_FORM[value_type], lang)


@dataclass(frozen=True)
class Refused:
    """A cell whose content is not taken, with the problem code and why."""

    code: ProblemCode
    message: str


def read_value(
    raw: CellValue,
    number_format: str,
    indicator: Indicator,
    lang: str,
    written: str | None = None,
) -> Value | Refused | None:
    """The value of an input cell; None when it is empty. `written`: a number cell's number as
    its XML writes it."""
    expect = expectation(indicator.type, lang)
    boolean = indicator.type is ValueType.BOOLEAN
    if raw is None:
        return None
    if isinstance(raw, str):
        text = _clean(raw)
        if not text:
            return None
        return _yes_no(text, expect, lang) if boolean else _number(text, indicator, expect, lang)
    if isinstance(raw, bool):
        if boolean:
            return raw
        message = tr("form-ambiguous", lang, text=shown(raw), expect=expect)
        return Refused(ProblemCode.TYPE_ERROR, message)
    if isinstance(raw, datetime | date | time):
        typed = typed_in_a_date_cell(raw)
        if typed is None or boolean:
            return Refused(ProblemCode.TYPE_ERROR, tr("form-a-date", lang, text=raw, expect=expect))
        return typed
    if boolean:
        message = tr("form-not-yes-no", lang, text=shown(raw, written), expect=expect)
        return Refused(ProblemCode.TYPE_ERROR, message)
    if isinstance(raw, float) and written is not None and _lost(raw, written):
        return _too_long(written, expect, lang)
    if isinstance(raw, float) and not math.isfinite(raw):  # an int may be beyond any float
        return raw  # the data model refuses it with its own words
    raw = denoise(raw)
    if is_percent_format(number_format):
        as_percent = f"{Decimal(repr(raw)) * 100:f}%"
        if indicator.type is not ValueType.PERCENT:
            message = tr("form-percent-elsewhere", lang, text=as_percent, expect=expect)
            return Refused(ProblemCode.TYPE_ERROR, message)
        scaled = Decimal(repr(raw)) * 100
        return _tidy(scaled.quantize(_PERCENT_PLACES) if abs(scaled) < _EXACT_LIMIT else scaled)
    percent = indicator.type is ValueType.PERCENT
    if percent and "%" not in (number_format or "") and 0 < raw <= 1:
        return _fraction(Decimal(repr(raw)), repr(raw), lang)
    return int(raw) if isinstance(raw, float) and raw.is_integer() else raw


#: below this serial a date-formatted cell holds a number typed into a cell that once held a
#: date (day 999 is 1902-09-25): no indicator of a plan for the 2020s is a day of 1900–1902
_DATE_TRAP = 1000


def typed_in_a_date_cell(raw: datetime | date | time) -> int | None:
    """The whole number typed into a date-formatted cell, which openpyxl reads as a date: `6`
    is 1900-01-06 (serial 6). None for what is plausibly a date or a time."""
    from openpyxl.utils.datetime import to_excel  # forms are read with openpyxl anyway

    if isinstance(raw, time) or (isinstance(raw, datetime) and raw.time() != time()):
        return None
    serial = to_excel(raw)
    whole = isinstance(serial, int) or (isinstance(serial, float) and serial.is_integer())
    return int(serial) if whole and 0 < serial < _DATE_TRAP else None


def denoise(raw: int | float) -> int | float:
    """A float cell rounded to the 15 significant digits Excel keeps: what it shows and means."""
    if isinstance(raw, int) or len(Decimal(repr(raw)).as_tuple().digits) <= _SIGNIFICANT:
        return raw
    return float(f"{raw:.{_SIGNIFICANT}g}")


def as_written(raw: CellValue, value: Value) -> str | None:
    """The figure as written, for the loader's check of its digits: typed text as typed
    (`99.999999999999999` is not 100), a number cell as kxplan writes it; None for yes-no."""
    if isinstance(value, bool):
        return None
    if isinstance(raw, str) and (match := _NUMBER.fullmatch(_clean(raw))):
        return match["number"].replace(",", "")
    return format(Decimal(repr(value)), "f")  # positional: 5e-08 is 0.00000005


def read_text(raw: CellValue, written: str | None = None) -> str | None:
    """A source or note cell as text, as the cell shows it (Excel's TRUE: `TRUE`); None when
    empty. `written`: a number cell's number as its XML writes it, taken when a float loses it
    (`-1E999` is not `-inf`)."""
    if raw is None:
        return None
    if isinstance(raw, float) and written is not None and _lost(raw, written):
        text = written
    elif isinstance(raw, bool):
        text = shown(raw)
    elif isinstance(raw, datetime):
        text = raw.date().isoformat() if raw.time() == time() else raw.isoformat(sep=" ")
    elif isinstance(raw, date | time):
        text = raw.isoformat()
    elif isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    else:
        text = str(raw)
    return text.strip() or None


def is_percent_format(number_format: str) -> bool:
    """Whether Excel shows the cell ×100 with a % sign (`0.0%`, not `0.0"%"`)."""
    return "%" in _FORMAT_LITERALS.sub("", number_format or "")


def shown(raw: CellValue, written: str | None = None) -> str:
    """A cell's content as people saw it, for messages (`written`: as for `read_text`)."""
    if isinstance(raw, float) and written is not None and _lost(raw, written):
        return written
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"  # as Excel and WPS show it, in Chinese too
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return "" if raw is None else str(raw)


def _clean(text: str) -> str:
    """Full-width forms to ASCII (１２３ → 123, ％ → %, ， → ,) and no surrounding space."""
    return unicodedata.normalize("NFKC", text).strip()


def _yes_no(text: str, expect: str, lang: str) -> Value | Refused:
    word = text.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    return Refused(ProblemCode.TYPE_ERROR, tr("form-not-yes-no", lang, text=text, expect=expect))


def _number(text: str, indicator: Indicator, expect: str, lang: str) -> Value | Refused:
    match = _NUMBER.fullmatch(text)
    measure = _clean(indicator.measure or "")
    if match is None or match["measure"] not in ("", measure):
        return Refused(ProblemCode.TYPE_ERROR, tr("form-ambiguous", lang, text=text, expect=expect))
    if match["percent"] and indicator.type is not ValueType.PERCENT:
        message = tr("form-percent-elsewhere", lang, text=text, expect=expect)
        return Refused(ProblemCode.TYPE_ERROR, message)
    number = Decimal(match["number"].replace(",", ""))
    if number and number.adjusted() >= _FLOAT_DIGITS:
        return _too_long(text, expect, lang)
    if indicator.type is ValueType.PERCENT and not match["percent"] and 0 < number <= 1:
        return _fraction(number, text, lang)
    return _tidy(number)


def _fraction(number: Decimal, text: str, lang: str) -> Refused:
    """A percentage typed as 0 < x ≤ 1 without a % in sight: 0.995 may be 99.5% or 0.995%, and
    1 may be a coverage of 100% written as a fraction."""
    scaled = f"{(number * 100).normalize():f}"
    return Refused(ProblemCode.TYPE_ERROR, tr("form-fraction", lang, text=text, scaled=scaled))


def _lost(raw: float, written: str) -> bool:
    """Whether the float no longer says the number written (`1E999` → inf, `1e-400` → 0)."""
    return not math.isfinite(raw) or (raw == 0) != (Decimal(written) == 0)


def _too_long(text: str, expect: str, lang: str) -> Refused:
    message = tr("form-too-long-value", lang, text=shortened(text, lang), expect=expect)
    return Refused(ProblemCode.OUT_OF_RANGE, message)


def _tidy(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)
