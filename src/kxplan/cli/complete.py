"""Shell completion's candidates (`kxplan --install-completion`): the years, units and target ids
of the plan found from the current folder (or `--plan`, when typed before).

Completion runs at every Tab and its output is read by the shell: it reads the plan's YAML
alone, without the plan checks, and any problem gives no candidates, never an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from kxplan.cli import locate

Candidates = list[tuple[str, str]]


def _plan(ctx: typer.Context | None) -> dict[str, Any]:
    import yaml

    option = ctx.params.get("plan_option") if ctx is not None else None
    try:
        path, _ = locate.find_plan(option if isinstance(option, Path) else None, "zh")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except Exception:  # completion must say nothing: a plan that cannot be read offers nothing
        return {}
    return document if isinstance(document, dict) else {}


def _entries(plan: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = plan.get(key)
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _period(plan: dict[str, Any]) -> list[int]:
    head = plan.get("plan")
    period = head.get("period") if isinstance(head, dict) else None
    if not (isinstance(period, list) and len(period) == 2 and all(type(y) is int for y in period)):
        return []
    return list(range(period[0], period[1] + 1))


def plan_years(ctx: typer.Context, incomplete: str) -> Candidates:
    """The years of the plan period (`template YEAR`: forms are made before there is data)."""
    return [(str(y), "") for y in _period(_plan(ctx)) if str(y).startswith(incomplete)]


def data_years(ctx: typer.Context, incomplete: str) -> Candidates:
    """The years of the plan period that have data, else every year of the period."""
    from kxplan.load.dataset import data_years as with_data

    period = _period(_plan(ctx))
    option = ctx.params.get("data_option")
    try:
        found = with_data(locate.data_dir(option if isinstance(option, Path) else None, "zh"))
    except Exception:  # no data folder: the period's years are still worth offering
        found = []
    years = [y for y in period if y in found] or period
    return [(str(y), "") for y in years if str(y).startswith(incomplete)]


def units(ctx: typer.Context, incomplete: str) -> Candidates:
    """Each unit's name and code (and English name, when that is what is being typed)."""
    wanted = incomplete.casefold()
    found: Candidates = []
    for unit in _entries(_plan(ctx), "units"):
        name, code, english = (str(unit.get(k) or "") for k in ("name", "code", "name_en"))
        said = " ".join(part for part in (code, english) if part)
        for word in (name, code, english):
            if word and word.casefold().startswith(wanted):
                found.append((word, name if word != name else said))
                break
    return found


def target_ids(ctx: typer.Context, incomplete: str) -> Candidates:
    return [
        (str(target["id"]), str(target.get("name") or ""))
        for target in _entries(_plan(ctx), "targets")
        if str(target.get("id") or "").startswith(incomplete) and target.get("id")
    ]


def levels(ctx: typer.Context, incomplete: str) -> Candidates:
    """Each level's id and name."""
    wanted = incomplete.casefold()
    found: Candidates = []
    for level in _entries(_plan(ctx), "levels"):
        ident, name = (str(level.get(k) or "") for k in ("id", "name"))
        for word in (ident, name):
            if word and word.casefold().startswith(wanted):
                found.append((word, name if word != name else ident))
                break
    return found
