"""Write a data file (SPEC §5) as kxplan writes them: stable order, readable diffs."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from kxplan.plan import Aggregate, Plan, Unit


@dataclass(frozen=True)
class Entry:
    """A value to write; `value` None writes an empty (missing) value."""

    value: bool | int | float | None
    source: str | None = None
    note: str | None = None


def render_data_file(
    plan: Plan,
    unit: Unit,
    year: int,
    values: Mapping[str, Entry],
    *,
    header: Sequence[str] = (),
    schema: str | None = None,
    include_empty: bool = False,
) -> str:
    """The YAML text of one unit's data file.

    Indicators come in plan order so that two writes of the same data are byte-identical;
    `include_empty` writes every indicator of the unit's targets, empty where unknown.
    """
    lines: list[str] = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={schema}")
    lines.extend(f"# {line}" if line else "#" for line in header)
    lines.append(f"unit: {_scalar(unit.name)}")
    lines.append(f"year: {year}")
    ids = [
        i
        for i in plan.indicators
        if i in values or (include_empty and i in reported_by(plan, unit))
    ]
    if not ids:
        lines.append("values: {}")
        return "\n".join(lines) + "\n"
    lines.append("values:")
    for indicator_id in ids:
        entry = values.get(indicator_id, Entry(None))
        if entry.source is None and entry.note is None:
            lines.append(f"  {indicator_id}: {_scalar(entry.value)}".rstrip())
            continue
        lines.append(f"  {indicator_id}:")
        lines.append(f"    value: {_scalar(entry.value)}".rstrip())
        if entry.source is not None:
            lines.append(f"    source: {_scalar(entry.source)}")
        if entry.note is not None:
            lines.append(f"    note: {_scalar(entry.note)}")
    return "\n".join(lines) + "\n"


def reported_by(plan: Plan, unit: Unit) -> list[str]:
    """Indicator ids a unit reports, in plan order: those of the targets at its level, and
    the `sum` indicators of its ancestors' targets (its share of their totals)."""
    used = {target.indicator for target in plan.targets_for(unit)}
    for ancestor in plan.ancestors(unit):
        used.update(
            target.indicator
            for target in plan.targets_for(ancestor)
            if plan.indicators[target.indicator].aggregate is Aggregate.SUM
        )
    return [indicator_id for indicator_id in plan.indicators if indicator_id in used]


def _scalar(value: bool | int | float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if _plain_is_safe(value):
        return value
    # JSON strings are valid YAML double-quoted scalars: safe for any text, one line.
    return json.dumps(value, ensure_ascii=False)


def _plain_is_safe(text: str) -> bool:
    """Whether `text` reads back as the same string when written without quotes."""
    if not text or text != text.strip() or "\n" in text or " #" in text:
        return False
    try:
        return bool(yaml.safe_load(f"k: {text}") == {"k": text})
    except yaml.YAMLError:
        return False
