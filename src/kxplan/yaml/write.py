"""Write a data file (SPEC §5) as kxplan writes them: stable order, readable diffs."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from kxplan.model.data import ENTRY_FIELDS
from kxplan.model.dataset import FORMS
from kxplan.model.plan import Plan, Unit
from kxplan.yaml.comments import Comments, KeyPath


@dataclass(frozen=True)
class Entry:
    """A value to write; `value` None writes an empty (missing) value."""

    value: bool | int | float | None
    source: str | None = None
    note: str | None = None


def lock_path(data_dir: Path, year: int, code: str) -> Path:
    """The lock every writer of a unit's data file of a year holds (`kxplan.files.lock`): one
    for the unit, whether its file is named by name or by code. Hidden, and not `.yaml`, so
    that no scan of the data folder takes it for data; its holder removes it."""
    return data_dir / f".kxplan-{year}-{code}.lock"


def render_data_file(
    plan: Plan,
    unit: Unit,
    year: int,
    values: Mapping[str, Entry],
    *,
    header: Sequence[str] = (),
    schema: str | None = None,
    include_empty: bool = False,
    comments: Comments | None = None,
) -> str:
    """The YAML text of one unit's data file.

    Indicators come in plan order so that two writes of the same data are byte-identical;
    `include_empty` writes every indicator of the unit's targets, empty where unknown.
    `comments` (an earlier version's, by key) go back above and after their keys; an empty
    source or note with a comment keeps its line, and an entry with comments inside stays a
    mapping, so that each comment keeps its line.
    """
    notes = comments or Comments()
    lines: list[str] = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={schema}")
    lines.extend(comment.text for comment in notes.header)
    lines.extend(f"# {line}" if line else "#" for line in header)
    _line(lines, notes, ("unit",), f"unit: {_scalar(unit.name)}")
    _line(lines, notes, ("year",), f"year: {year}")
    ids = [
        i
        for i in plan.indicators
        if i in values or (include_empty and i in reported_by(plan, unit))
    ]
    _line(lines, notes, ("values",), "values:" if ids else "values: {}")
    for indicator_id in ids:
        entry = values.get(indicator_id, Entry(None))
        path = ("values", indicator_id)
        parts = [
            part
            for part in ENTRY_FIELDS
            if part == "value" or getattr(entry, part) is not None or notes.has((*path, part))
        ]
        if parts == ["value"] and not notes.has((*path, "value")):
            _line(lines, notes, path, f"  {indicator_id}: {_scalar(entry.value)}")
            continue
        _line(lines, notes, path, f"  {indicator_id}:")
        for part in parts:
            _line(lines, notes, (*path, part), f"    {part}: {_scalar(getattr(entry, part))}")
    lines.extend(comment.text for comment in notes.tail)
    return "\n".join(lines) + "\n"


def _line(lines: list[str], notes: Comments, path: KeyPath, text: str) -> None:
    """A key's line, with the comments that were above it (at its indent) and after it."""
    indent = " " * (len(text) - len(text.lstrip()))
    lines.extend(indent + comment.text for comment in notes.above.get(path, []))
    text = text.rstrip()
    inline = notes.inline.get(path)
    lines.append(f"{text}  {inline.text}" if inline else text)


def reported_by(plan: Plan, unit: Unit) -> list[str]:
    """Indicator ids a unit reports, in plan order: those of the targets at its level, and
    the indicators of its ancestors' targets that a parent forms from its children's values
    (its share of their totals, its part of their means, with its weight). A derived
    indicator is never reported: its inputs are."""
    used = {ident for target in plan.targets_for(unit) for ident in plan.inputs(target.indicator)}
    for ancestor in plan.ancestors(unit):
        for target in plan.targets_for(ancestor):
            for ident in plan.inputs(target.indicator):
                indicator = plan.indicators[ident]
                if indicator.aggregation in FORMS:
                    used.add(ident)
                    used.update(plan.inputs(indicator.weight) if indicator.weight else ())
    return [indicator_id for indicator_id in plan.indicators if indicator_id in used]


def _scalar(value: bool | int | float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):  # positional, never `1e-06`: YAML would read that as text
        return format(Decimal(repr(value)), "f")
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
    except (yaml.YAMLError, ValueError):  # `2024-13-45` is a timestamp YAML cannot construct
        return False
