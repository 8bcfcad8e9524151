"""The status vocabulary of SPEC §3, in one place: codes, labels (in the catalogue), glyphs and
colours."""

from __future__ import annotations

from enum import StrEnum

from kxplan.text import tr


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    ACHIEVED_EARLY = "achieved_early"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    IN_PROGRESS = "in_progress"
    MONITORED = "monitored"
    MISSING = "missing"

    def label(self, lang: str) -> str:
        return tr(_LABELS[self], lang)

    @property
    def glyph(self) -> str:
        return _GLYPHS[self]

    @property
    def style(self) -> str:
        return _STYLES[self]


_LABELS: dict[Status, str] = {
    Status.MET: "status-met",
    Status.NOT_MET: "status-not-met",
    Status.ACHIEVED_EARLY: "status-achieved-early",
    Status.AHEAD: "status-ahead",
    Status.ON_TRACK: "status-on-track",
    Status.BEHIND: "status-behind",
    Status.IN_PROGRESS: "status-in-progress",
    Status.MONITORED: "status-monitored",
    Status.MISSING: "status-missing",
}

_GLYPHS: dict[Status, str] = {
    Status.MET: "✔",
    Status.NOT_MET: "✘",
    Status.ACHIEVED_EARLY: "★",
    Status.AHEAD: "▲",
    Status.ON_TRACK: "●",
    Status.BEHIND: "▼",
    Status.IN_PROGRESS: "◔",
    Status.MONITORED: "○",
    Status.MISSING: "?",
}

_STYLES: dict[Status, str] = {
    Status.MET: "green",
    Status.NOT_MET: "bold red",
    Status.ACHIEVED_EARLY: "bold green",
    Status.AHEAD: "green",
    Status.ON_TRACK: "cyan",
    Status.BEHIND: "yellow",
    Status.IN_PROGRESS: "blue",
    Status.MONITORED: "dim",
    Status.MISSING: "magenta",
}

DEFAULT_FAIL_ON: frozenset[Status] = frozenset({Status.NOT_MET, Status.BEHIND, Status.MISSING})


def parse_statuses(text: str) -> frozenset[Status]:
    """Parse a comma-separated list of status codes; raises ValueError naming the bad one."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    known = {s.value: s for s in Status}
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValueError(unknown[0])
    return frozenset(known[code] for code in codes)
