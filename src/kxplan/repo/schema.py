"""JSON Schema (draft 2020-12) of a plan's data files, for editors and other validators.

The structure comes from the pydantic models in `datamodel`; the schema then says what a
person needs while typing: each indicator's Chinese name, what to report, its measure and
range, and the units of the plan. Everything is inlined (no `$ref`), so validators and
editors that only know draft-07 read it the same way.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from kxplan.load.datamodel import EXPECTED, NOTE_LENGTH, VALUE_TYPES, entry_model, file_model
from kxplan.model.plan import Indicator, Plan
from kxplan.render.describe import rule, target_name
from kxplan.render.jsontext import json_text
from kxplan.text import in_lang, tr

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_NAME = "schema.json"
# Data files live at data/<year>/<unit>.yaml; editors resolve the reference from the file.
DATA_FILE_REFERENCE = f"../../{SCHEMA_NAME}"

_KEYWORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}
_NULL = {"type": "null"}
# kxplan keeps `source` and `note` as typed, so `source: 2024` is text too.
_TEXT = {"type": ["string", "number", "boolean", "null"], "maxLength": NOTE_LENGTH}


def data_file_schema(plan: Plan) -> dict[str, Any]:
    skeleton = _standard(file_model(plan).model_json_schema())
    properties = skeleton["properties"]
    properties["unit"] = _unit_schema(plan)
    properties["year"] = {
        "title": "年度 / year",
        "description": f"数据所属年度，须与所在文件夹一致（{plan.base_year}–{plan.end}）。"
        f"\n\nThe year of the data; must match the folder ({plan.base_year}–{plan.end}).",
        "type": "integer",
        "minimum": plan.base_year,
        "maximum": plan.end,
    }
    properties["values"] = {
        "title": "指标值 / values",
        "description": "键为指标 id；不填或留空表示缺数据。\n\n"
        "Keys are indicator ids; an absent or empty value is missing data.",
        "type": ["object", "null"],
        # a derived indicator is computed, never reported: not a key a file may have
        "properties": {
            i.id: _indicator_schema(plan, i) for i in plan.indicators.values() if not i.derived
        },
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "title": f"{plan.info.name} — 数据文件",
        "description": f"data/<年份>/<单位>.yaml: {plan.name('en')}, one unit's data for a year.",
        "type": "object",
        "properties": properties,
        "required": skeleton["required"],
        "additionalProperties": False,
    }


def schema_text(plan: Plan) -> str:
    """Stable text: the same plan always gives the same bytes (it is committed to git)."""
    return json_text(data_file_schema(plan)) + "\n"


def _unit_schema(plan: Plan) -> dict[str, Any]:
    names: list[str | int] = []
    for unit in plan.tree_order:
        names.append(unit.name)
        names.append(unit.code)
        if str(int(unit.code)) == unit.code:  # `unit: 510802` unquoted is a YAML number
            names.append(int(unit.code))
    listing = "、".join(f"{unit.name}（{unit.code}）" for unit in plan.tree_order)
    return {
        "title": "单位 / unit",
        "description": f"填报单位的名称或行政区划代码，须与文件名一致：{listing}。"
        "\n\nThe unit's name or division code; must match the file name.",
        "enum": names,
    }


def _indicator_schema(plan: Plan, indicator: Indicator) -> dict[str, Any]:
    scalar = _standard(TypeAdapter(VALUE_TYPES[indicator.type]).json_schema())
    entry = _standard(entry_model(indicator.type).model_json_schema())
    entry.pop("title", None)
    entry["properties"] = {
        "value": {"title": "数值 / value", "anyOf": [scalar, _NULL]},
        "source": {"title": "来源 / source", **_TEXT},
        "note": {"title": "备注 / note", **_TEXT},
    }
    return {
        "title": indicator.name,
        # the title is the Chinese name: the English part begins with the English one
        "description": "\n\n".join(
            (_description(plan, indicator, "zh"), _description(plan, indicator, "en", named=True))
        ),
        "anyOf": [scalar, _NULL, entry],
    }


def _description(plan: Plan, indicator: Indicator, lang: str, *, named: bool = False) -> str:
    """What to report, in which measure and range, and the targets that use it: one a line,
    after the indicator's name when `named`."""
    lines = [in_lang(indicator.name, indicator.name_en, lang)] if named else []
    instruction = in_lang(indicator.instruction or "", indicator.instruction_en, lang)
    if instruction:
        lines.append(instruction)
    expect = tr(EXPECTED[indicator.type], lang)
    if indicator.measure:
        word = in_lang(indicator.measure, indicator.measure_en, lang)
        lines.append(tr("schema-measure", lang, measure=word, expect=expect))
    else:
        lines.append(expect)
    for target in plan.targets:
        if indicator.id in plan.inputs(target.indicator):  # its own, or a formula's it feeds
            judged = plan.indicators[target.indicator]
            name, text = target_name(target, judged, lang), rule(target, judged, lang)
            lines.append(tr("schema-target", lang, name=name, rule=text))
    return "\n".join(lines)


def _standard(schema: dict[str, Any]) -> dict[str, Any]:
    """pydantic's schema with its extensions turned into standard keywords and no `$ref`.

    A constraint on a union (`int | float`, ge=0) comes out as `ge` beside an `anyOf`, which
    validators ignore; here it becomes `minimum` on a plain `number`.
    """
    defs = schema.get("$defs", {})

    def walk(item: Any, names: bool = False) -> Any:
        if isinstance(item, list):
            return [walk(each) for each in item]
        if not isinstance(item, dict):
            return item
        if "$ref" in item:
            return walk(defs[item["$ref"].rsplit("/", 1)[-1]])
        result: dict[str, Any] = {}
        for key, value in item.items():
            if names:  # the keys of `properties` are field names, not keywords
                result[key] = walk(value)
            elif key not in {"$defs", "default"}:
                result[_KEYWORDS.get(key) or key] = walk(value, names=key == "properties")
        if result.get("anyOf") == [{"type": "integer"}, {"type": "number"}]:
            del result["anyOf"]
            result["type"] = "number"
        return result

    standard: dict[str, Any] = walk(schema)
    return standard
