"""A data file that is plainly valid, told without pydantic.

Building pydantic's model of a file and dumping it again costs more than reading the file;
on a national tree that is seconds. `plain_values` accepts exactly what `datamodel.file_model`
accepts when nothing is wrong (tests/test_plain_valid.py holds the two side by side over the
bundled files and thousands of mutants) and gives up (None) at the first doubt, so that
pydantic finds and `datafile` words every error as before.
"""

from __future__ import annotations

import math
from typing import Any

from kxplan.load.datamodel import MAX_VALUE, NOTE_LENGTH
from kxplan.model.data import ENTRY_FIELDS, FILE_FIELDS
from kxplan.model.plan import Plan, ValueType

_TEXT_FIELDS = ("source", "note")


def plain_values(plan: Plan, normalized: dict[str, Any]) -> dict[str, dict[str, Any]] | None:
    """The `values` of a normalized file as `file_model(plan)` would dump them (no `None`
    fields), or None when the file is not plainly valid."""
    if normalized.keys() - FILE_FIELDS or len(normalized) != len(FILE_FIELDS):
        return None
    unit, year, values = normalized["unit"], normalized["year"], normalized["values"]
    if type(unit) is not str or not unit or type(year) is not int or type(values) is not dict:
        return None
    indicators = plan.indicators
    dumped: dict[str, dict[str, Any]] = {}
    for key, entry in values.items():
        indicator = indicators.get(key)
        if indicator is None or type(entry) is not dict:
            return None
        if indicator.derived:  # taken as it is, to be ignored (`derived-reported`)
            dumped[key] = entry
            continue
        if entry.keys() - ENTRY_FIELDS:
            return None
        kept: dict[str, Any] = {}
        for name, item in entry.items():
            if item is None:
                continue
            if name in _TEXT_FIELDS:
                if type(item) is not str or len(item) > NOTE_LENGTH:
                    return None
            elif not _fits(indicator.type, item):
                return None
            kept[name] = item
        dumped[key] = kept
    return dumped


def _fits(kind: ValueType, value: object) -> bool:
    """`value` is of the indicator's type and within its range, as `VALUE_TYPES` says."""
    if kind is ValueType.BOOLEAN:
        return type(value) is bool
    if type(value) is int:
        number: float = value
    elif type(value) is float and kind is not ValueType.COUNT and math.isfinite(value):
        number = value
    else:
        return False
    top = 100 if kind is ValueType.PERCENT else MAX_VALUE
    return 0 <= number <= top
