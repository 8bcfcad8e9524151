"""The status vocabulary of SPEC §3, in one place: codes, labels, glyphs and colours."""

from __future__ import annotations

from enum import StrEnum


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
        zh, en = _LABELS[self]
        return en if lang == "en" else zh

    @property
    def glyph(self) -> str:
        return _GLYPHS[self]

    @property
    def style(self) -> str:
        return _STYLES[self]


_LABELS: dict[Status, tuple[str, str]] = {
    Status.MET: ("达标", "met"),
    Status.NOT_MET: ("未达标", "not met"),
    Status.ACHIEVED_EARLY: ("提前实现", "achieved early"),
    Status.AHEAD: ("快于预期", "ahead of schedule"),
    Status.ON_TRACK: ("基本符合预期", "on track"),
    Status.BEHIND: ("相对滞后", "behind schedule"),
    Status.IN_PROGRESS: ("推进中", "in progress"),
    Status.MONITORED: ("监测", "monitored"),
    Status.MISSING: ("缺数据", "missing data"),
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
