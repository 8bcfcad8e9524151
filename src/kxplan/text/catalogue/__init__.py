"""Every fixed text kxplan shows, in Chinese and English, by area; `CATALOGUE` holds them all."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from kxplan.text.catalogue import (
    assessment,
    cli,
    common,
    data,
    explain,
    files,
    forms,
    indicators,
    plan,
    reports,
    thresholds,
    trajectories,
)
from kxplan.text.catalogue.entry import Entry, Verbatim

AREAS: tuple[ModuleType, ...] = (
    common,
    files,
    data,
    plan,
    indicators,
    forms,
    reports,
    explain,
    cli,
    assessment,
    thresholds,
    trajectories,
)


def merged(areas: Iterable[ModuleType]) -> dict[str, Entry]:
    """The areas' messages in one mapping; a key that two areas define is a mistake, refused."""
    catalogue: dict[str, Entry] = {}
    for area in areas:
        for key, entry in area.MESSAGES.items():
            if key in catalogue:
                raise ValueError(f"message {key!r} is defined twice ({area.__name__})")
            catalogue[key] = entry
    return catalogue


CATALOGUE = merged(AREAS)

__all__ = ["AREAS", "CATALOGUE", "Entry", "Verbatim", "merged"]
