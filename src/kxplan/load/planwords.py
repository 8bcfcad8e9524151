"""What is wrong in a plan file, in words: which target, indicator, unit or level (by its id) and
what is expected there, instead of pydantic's English and list indexes (`targets.2.threshold`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from kxplan.load.pydanticerrors import error_path
from kxplan.model.plan import (
    Bands,
    Indicator,
    Level,
    PlanFile,
    PlanInfo,
    Target,
    TargetBands,
    Unit,
)
from kxplan.text import tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Document, Path_

_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanInfo,
    "levels": Level,
    "units": Unit,
    "indicators": Indicator,
    "targets": Target,
}
# How an item of each list section is called, and the key that names it (units are named by
# their name).
_OWNERS = {
    "levels": "plan-level",
    "units": "plan-unit",
    "indicators": "plan-indicator",
    "targets": "plan-target",
}
_NAMED_BY = {
    "levels": ("id",),
    "units": ("name", "code"),
    "indicators": ("id",),
    "targets": ("id",),
}
_MAPPING_ERRORS = {"model_type", "dict_type", "model_attributes_type"}
_TEXT_FIELDS = {
    "name",
    "name_en",
    "measure",
    "measure_en",
    "instruction",
    "instruction_en",
    "clause",
    "quote",
    "hint",
    "hint_en",
}
_NUMBER_FIELDS = {"threshold", "period", "base_year", "deadline", "start", "quotas", "years"}
_EXPECT = {
    "period": "plan-expect-period",
    "base_year": "plan-expect-year",
    "deadline": "plan-expect-year",
    "start": "plan-expect-year",
    "bands": "plan-expect-bands",
    "bands.ahead": "plan-expect-ahead",
    "bands.behind": "plan-expect-behind",
    "code": "plan-expect-code",
    "parent": "plan-expect-code",
    "indicator": "plan-expect-id",
    "type": "plan-expect-type",
    "nature": "plan-expect-nature",
    "direction": "plan-expect-direction",
    "aggregate": "plan-expect-aggregate",
    "kind": "plan-expect-kind",
    "op": "plan-expect-op",
    "relative": "relative-expect",
    "years": "years-expect",
    "milestones": "milestones-expect",
}


def schema_problems(
    errors: list[ErrorDetails], document: Document, lang: str
) -> Iterator[tuple[Path_, str, bool]]:
    """One problem per place in the file, as (place, message, whether it is a key's place)."""
    by_place: dict[Path_, list[ErrorDetails]] = {}
    for detail in errors:
        by_place.setdefault(error_path(detail["loc"], document), []).append(detail)
    for where, details in by_place.items():
        first = details[0]
        if first["type"] == "extra_forbidden":
            yield where, _unknown_field(where, document.data, lang), True
        elif first["type"] == "missing":
            yield where, _missing_field(where, str(first["loc"][-1]), document.data, lang), False
        else:
            yield where, _wrong_value(where, first, document, lang), False


def _unknown_field(where: Path_, data: Any, lang: str) -> str:
    owner, field = describe(where[:-1], data, lang)
    name = str(where[-1])
    allowed = list(_model_at(where[:-1]).model_fields)
    guess = closest(name, allowed)
    suggest = tr("did-you-mean", lang, id=guess) if guess else ""
    shown = f"{field}.{name}" if field else name
    if not where[:-1]:
        return tr("unknown-field", lang, field=shown, suggest=suggest, allowed=", ".join(allowed))
    return tr(
        "plan-unknown-field",
        lang,
        owner=owner,
        field=shown,
        suggest=suggest,
        allowed=", ".join(allowed),
    )


def _missing_field(where: Path_, name: str, data: Any, lang: str) -> str:
    owner, field = describe(where, data, lang)
    shown = f"{field}.{name}" if field else name
    if not where:
        return tr("missing-field", lang, field=shown)
    return tr("plan-missing-field", lang, owner=owner, field=shown)


def _wrong_value(where: Path_, detail: ErrorDetails, document: Document, lang: str) -> str:
    owner, field = describe(where, document.data, lang)
    value = detail.get("input")
    if detail["type"] in _MAPPING_ERRORS:
        expect = tr("plan-expect-mapping", lang)
    elif detail["type"] == "list_type" and len(where) == 1:
        expect = tr("plan-expect-list", lang)
    else:
        expect = _expectation(where, field or "", document.data, lang)
    got = _shown(value, lang)
    numeric = field in _NUMBER_FIELDS or (field or "").startswith("bands.")
    if numeric and isinstance(value, str) and where in document.quoted and _is_number(value):
        got += tr("quoted-number", lang)
    if field is None:
        return tr("plan-value-whole", lang, owner=owner, expect=expect, got=got)
    return tr("plan-value", lang, owner=owner, field=field, expect=expect, got=got)


def describe(where: Path_, data: Any, lang: str) -> tuple[str, str | None]:
    """Who a place of the plan file belongs to, in words, and the field of it (None for the
    whole): (`目标 “rate_2025”`, `threshold`), (`plan`, `bands.ahead`), (`targets`, None)."""
    if not where:
        return tr("the-file", lang), None
    section = str(where[0])
    rest = [str(item) for item in where[1:] if isinstance(item, str)]
    if section not in _OWNERS or len(where) == 1:
        return section, ".".join(rest) or None
    index = where[1]
    item = _at(data, section, index)
    names = [item.get(key) for key in _NAMED_BY[section]] if isinstance(item, dict) else []
    name = next((name for name in names if isinstance(name, str) and name), None)
    if name is not None:
        owner = tr(_OWNERS[section], lang, id=name)
    else:
        owner = tr("plan-item", lang, section=section, number=int(index) + 1)
    if rest[:1] == ["bands"] and len(rest) > 1:
        return owner, ".".join(rest[:2])  # a target's own bands: `bands.ahead`
    return owner, rest[0] if rest else None


def _at(data: Any, section: str, index: str | int) -> Any:
    items = data.get(section) if isinstance(data, dict) else None
    if isinstance(items, list) and isinstance(index, int) and 0 <= index < len(items):
        return items[index]
    return None


def _expectation(where: Path_, field: str, data: Any, lang: str) -> str:
    section = str(where[0])
    if field in _TEXT_FIELDS or (section == "plan" and field == "id"):
        return tr("plan-expect-text", lang)
    if field == "id":
        return tr("plan-expect-id", lang)
    if field == "level":
        return tr("plan-expect-levels" if section == "targets" else "plan-expect-level", lang)
    if field in ("threshold", "quotas"):
        return _threshold_expectation(_at(data, section, where[1]), data, lang)
    return tr(_EXPECT[field], lang) if field in _EXPECT else tr("plan-expect-text", lang)


def _threshold_expectation(target: Any, data: Any, lang: str) -> str:
    """A target's threshold in the form its op and its indicator's type want."""
    if not isinstance(target, dict):
        return tr("plan-expect-threshold", lang)
    if target.get("op") == "between":
        return tr("plan-expect-between", lang)
    indicators = data.get("indicators") if isinstance(data, dict) else None
    for indicator in indicators if isinstance(indicators, list) else []:
        if isinstance(indicator, dict) and indicator.get("id") == target.get("indicator"):
            kind = indicator.get("type")
            if kind == "boolean":
                return tr("plan-expect-true-false", lang)
            if kind in ("count", "amount", "percent"):
                return tr("plan-expect-number", lang)
    return tr("plan-expect-threshold", lang)


def _shown(value: object, lang: str) -> str:
    """A value as the file has it, said with its kind where the kind is the point."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return tr("plan-got-text", lang, text=value)
    if isinstance(value, list):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= 60 else tr("value-list", lang)
    if isinstance(value, dict):
        return tr("value-mapping", lang)
    return tr("value-nothing", lang)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _model_at(where: Path_) -> type[BaseModel]:
    """The model of the mapping at `where`: the plan file, a section, or one item of a list."""
    if not where:
        return PlanFile
    if where == ("plan", "bands"):
        return Bands
    if len(where) == 3 and where[0] == "targets" and where[2] == "bands":
        return TargetBands
    return _MODELS.get(str(where[0]), PlanFile)
