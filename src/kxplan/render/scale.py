"""`check` at scale: when more units are shown than a table of them can usefully hold (a
province's or the country's tree), the table, Markdown and GitHub formats summarise instead —
statuses counted per level and target, the 需要关注 list capped, and how to narrow the run.
JSON and `-o .xlsx` stay complete; `--wide` keeps the full table whatever the count."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from shlex import quote as shell_quote
from typing import TypeVar

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.plan import Level, Target, Unit
from kxplan.model.status import Status
from kxplan.render import View
from kxplan.render.common import file_absent, file_invalid, unit_name
from kxplan.text import in_lang, tr

#: More units than this and check summarises. 60 units: a city (8 units) or a prefecture with
#: its counties keeps its table, whose per-target blocks stay a few lines long; a province (about
#: 180 counties) or the country (3,209 units) would print a block of hundreds of cells per target.
MOST_UNITS = 60
#: The results the 需要关注 list names at scale (then a line counts the rest), and as many file
#: names in the lists of missing and invalid files, and data problems.
SHOWN = 20

T = TypeVar("T")


def summarised(evaluation: Evaluation, view: View) -> bool:
    """Whether check summarises: more than `MOST_UNITS` units, and no `--wide`."""
    return not view.wide and len(evaluation.units) > MOST_UNITS


@dataclass(frozen=True)
class LevelCounts:
    """One level's part of the summary: its units, and each target's statuses there."""

    level: Level
    units: int
    rows: list[tuple[Target, Counter[Status]]]

    @property
    def statuses(self) -> list[Status]:
        """The statuses that occur at this level, in the vocabulary's order: its columns."""
        seen = {status for _, counts in self.rows for status in counts}
        return [status for status in Status if status in seen]

    def name(self, lang: str) -> str:
        return in_lang(self.level.name, self.level.name_en, lang)


def per_level(evaluation: Evaluation) -> list[LevelCounts]:
    """The statuses counted per level and target: the plan's levels top down, each level's
    targets in the plan's order, levels without a unit or a result left out."""
    counts: dict[tuple[str, str], Counter[Status]] = {}
    for result in evaluation.results:
        key = (result.unit.level, result.target.id)
        counts.setdefault(key, Counter())[result.status] += 1
    units = Counter(unit.level for unit in evaluation.units)
    levels = []
    for level in evaluation.plan.levels:
        rows = [
            (target, counts[(level.id, target.id)])
            for target in evaluation.plan.targets
            if (level.id, target.id) in counts
        ]
        if rows:
            levels.append(LevelCounts(level, units[level.id], rows))
    return levels


_SEVERITY = {Status.NOT_MET: 0, Status.BEHIND: 1, Status.MISSING: 2}


def attention(evaluation: Evaluation, fail_on: frozenset[Status]) -> list[Result]:
    """The results 需要关注 lists (those in `fail_on`, but a unit's absent or invalid file, said
    once elsewhere), most severe first: not met, behind, missing, the rest; then the higher
    level first (the nation before a county), then the tree's order, then the plan's."""
    plan = evaluation.plan
    depth = {level.id: index for index, level in enumerate(plan.levels)}
    place = {unit.code: index for index, unit in enumerate(plan.tree_order)}
    order = {target.id: index for index, target in enumerate(plan.targets)}
    failed = [
        result
        for result in evaluation.failed(fail_on)
        if not (file_absent(result) or file_invalid(result))
    ]
    return sorted(
        failed,
        key=lambda result: (
            _SEVERITY.get(result.status, len(_SEVERITY)),
            depth.get(result.unit.level, 0),
            place.get(result.unit.code, 0),
            order.get(result.target.id, 0),
        ),
    )


def capped(items: Sequence[T]) -> tuple[Sequence[T], int]:
    """The first `SHOWN` items, and how many more there are."""
    return items[:SHOWN], max(0, len(items) - SHOWN)


def rest_line(rest: Sequence[Result], lang: str) -> str:
    """The line under a capped 需要关注 list: how many more, counted per status."""
    counts = Counter(result.status for result in rest)
    parts = [f"{status.label(lang)} {counts[status]}" for status in Status if counts[status]]
    return tr("attention-rest", lang, count=len(rest), counts=tr("list-comma", lang).join(parts))


def names(words: Sequence[str], lang: str) -> str:
    """Unit or file names as a list, the first `SHOWN` of them and a count of the rest."""
    shown, more = capped(words)
    listed = tr("list-comma", lang).join(shown)
    return listed + tr("list-rest", lang, count=more) if more else listed


def hint(evaluation: Evaluation, lang: str) -> tuple[str, list[tuple[str, str]]]:
    """How to narrow the run: a line saying why the table is a summary, and the options with
    what each shows (an example from the plan where one helps)."""
    plan = evaluation.plan
    units = Counter(unit.level for unit in evaluation.units)
    level = next(
        (level for level in plan.levels if units[level.id] > 1),
        plan.levels[-1],
    )
    why = tr("scale-why", lang, count=len(evaluation.units), most=MOST_UNITS)
    options = [
        ("--level LEVEL", tr("scale-level", lang, example=quote(_level_word(level, lang)))),
        (
            "--under UNIT",
            tr("scale-under", lang, example=quote(unit_name(_branch(evaluation), lang))),
        ),
        ("--county NAME", tr("scale-county", lang)),
        ("--wide", tr("scale-wide", lang)),
        ("-f json", tr("scale-json", lang)),
    ]
    return why, options


#: what a shell would not take as part of a plain word (a Chinese name is taken as it is)
_SHELL = re.compile(r"[\s'\"$`\\!*?;&|<>(){}\[\]#~]")


def quote(word: str) -> str:
    """`word` as it is typed in a shell: quoted only when it must be (`'Inner Mongolia'`)."""
    return shell_quote(word) if _SHELL.search(word) else word


def _level_word(level: Level, lang: str) -> str:
    """How `--level` is given a level: its name in Chinese, its id in English."""
    return in_lang(level.name, level.id, lang)


def _branch(evaluation: Evaluation) -> Unit:
    """A unit with units below it, for `--under`'s example: the first child of the top unit
    shown that has children, else the top unit."""
    plan = evaluation.plan
    children = plan.children
    shown = {unit.code for unit in evaluation.units}
    top = next(unit for unit in plan.tree_order if unit.code in shown)
    below = [unit for unit in children.get(top.code, []) if unit.code in shown]
    return next((unit for unit in below if children.get(unit.code)), top)


def file_lines(evaluation: Evaluation, lang: str) -> list[str]:
    """The lines of missing and invalid files, each list capped as `names` caps it."""
    lines = []
    if evaluation.missing_files:
        units = names([unit_name(unit, lang) for unit in evaluation.missing_files], lang)
        lines.append(tr("missing-line", lang, year=evaluation.year, units=units))
    if evaluation.invalid_files:
        lines.append(tr("invalid-line", lang, files=names(evaluation.invalid_files, lang)))
    return lines
