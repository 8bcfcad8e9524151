"""Cells made from kxplan's own objects: a result's value, a threshold, a value's evidence."""

from __future__ import annotations

from fractions import Fraction

from kxplan.engine.rules import Result
from kxplan.model.plan import ValueType
from kxplan.render.describe import (
    IN_PERCENT,
    apart,
    number,
    percent,
    ratio_number,
    thresholds,
    yes_no,
)
from kxplan.render.xlsx.formats import shown_as, with_glyph
from kxplan.render.xlsx.sheet import Item, Plain, Styled


def plain(value: Fraction | bool | None, lang: str) -> Plain:
    """A value for a cell: numbers stay numbers, yes/no becomes 是/否."""
    return yes_no(value, lang) if isinstance(value, bool) else value


def result_cell(result: Result, lang: str) -> Styled:
    """The value coloured by status, its glyph shown by the number format (it stays a number)."""
    status = result.status
    if result.value is None:
        return Styled(f"{status.glyph} {status.label(lang)}", status=status)
    if isinstance(result.value, bool):
        return Styled(f"{status.glyph} {yes_no(result.value, lang)}", status=status)
    return Styled(result.value, status=status, fmt=with_glyph(status, value_format(result)))


def value_cell(result: Result, lang: str) -> Item:
    """The value alone, uncoloured (growth in percent)."""
    if result.value is None or isinstance(result.value, bool):
        return plain(result.value, lang)
    return Styled(result.value, fmt=value_format(result))


def value_format(result: Result) -> str | None:
    """The number format of a judged value, as `describe.figure` writes it."""
    value = result.value
    return None if not isinstance(value, Fraction) else judged_format(value, result)


def judged_format(value: Fraction, result: Result) -> str:
    """The decimals of the text (`31.998` reads `32`, `29.9996` against ≥ 30 keeps its four),
    growth with a percent sign (`32%`)."""
    suffix = '"%"' if result.target.kind in IN_PERCENT else ""
    return shown_as(apart(value, thresholds(result)), value, suffix=suffix)


def threshold(result: Result, lang: str) -> Plain:
    """The threshold the result's unit is judged against: its own (SPEC §7)."""
    bound = result.threshold
    if isinstance(bound, tuple):
        return f"{number(bound[0])}–{number(bound[1])}"
    if result.indicator.type is ValueType.BOOLEAN and bound is not None:
        return yes_no(bool(bound), lang)
    return bound


def share(value: Fraction | None) -> Item:
    """A fraction shown as a percentage with the decimals of `describe.percent` (`63.6%`)."""
    if value is None:
        return None
    return Styled(value, fmt=shown_as(percent(value), value, whole="0", suffix="%"))


def ratio(value: Fraction | None) -> Item:
    """A progress ratio with the decimals of `describe.ratio_number` (`0.94`, `0.895`)."""
    if value is None:
        return None
    return Styled(value, fmt=shown_as(ratio_number(value), value, whole="0"))


def evidence(result: Result, lang: str) -> tuple[str | None, str | None]:
    """Sources and notes of this year's values; a sum names the unit of each part."""
    own_year = [o for o in result.evidence if f"/{result.year}/" in f"/{o.file}"]
    by_file = {o.file: o for o in own_year}
    many = len(by_file) > 1

    def joined(attribute: str) -> str | None:
        parts = []
        for observation in by_file.values():
            text = getattr(observation, attribute)
            if text:
                who = observation.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                parts.append(f"{who}：{text}" if many else text)
        return "；".join(parts) or None

    return joined("source"), joined("note")
