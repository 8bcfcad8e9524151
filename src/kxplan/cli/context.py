"""What a command finds from its options: the plan, the year, the unit, the terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from kxplan.cli import handler, locate
from kxplan.files.cache import Cache, default_root
from kxplan.load.cache import DataCache, data_cache, remembered_plan
from kxplan.load.dataset import data_years
from kxplan.load.planfile import load_plan
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan, Unit
from kxplan.model.problems import Leftover
from kxplan.text import os_reason, tr
from kxplan.text.suggest import closest


def colour(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def github_root(github: bool, plan_option: Path | None, lang: str) -> Path | None:
    """Where GitHub's annotations name files from: the repository holding the plan; None
    unless the format is github (finding it runs git)."""
    if not github:
        return None
    from kxplan.repo.gitrev import annotation_root

    return annotation_root(locate.plan_path(plan_option, lang).resolve().parent)


def cache() -> Cache | None:
    """This run's cache folder (`KXPLAN_CACHE_DIR`); None with `--no-cache`. One it cannot
    write to is said once, on standard error, and the run goes on without it."""
    run = handler.current()
    if not run.use_cache:
        return None
    if run.cache is None:
        lang = run.lang

        def unwritable(root: Path, error: OSError) -> None:
            reason = os_reason(error.errno, error.strerror or type(error).__name__, lang)
            said = tr("cache-unwritable", lang, path=root, reason=reason)
            print(f"kxplan: {tr('warning', lang)}{said}", file=sys.stderr)

        run.cache = Cache(default_root(), unwritable)
    return run.cache


def memo(plan: Plan, folder: Path, lang: str, root: Path | None = None) -> DataCache | None:
    """What earlier runs found in `folder`'s files against `plan` (see `load_dataset`)."""
    return data_cache(cache(), plan, folder, lang, root)


def open_plan(option: Path | None, lang: str, root: Path | None = None) -> Plan:
    """The plan, its file named from `root` when given (see `dataset.display_path`). The plan
    shipped with kxplan, taken where there is none, is said once: it may not be the one meant."""
    path, shipped = locate.find_plan(option, lang)
    shown = locate.shown_from(path, root) or locate.shown_path(path)
    store = cache()
    plan = (
        remembered_plan(store, path, shown, lang, load_plan)
        if store is not None
        else load_plan(path, shown, lang)
    )
    if shipped:
        name = plan.name(lang)
        print(tr("shipped-plan", lang, cwd=Path.cwd(), name=name), file=sys.stderr)
    return plan


def warn_leftovers(leftovers: list[Leftover], lang: str) -> None:
    """Name each leftover of an interrupted write, on stderr: said, never mixed with output."""
    for leftover in leftovers:
        print(leftover.as_line(lang), file=sys.stderr)


def one_year(argument: int | None, option: int | None, lang: str) -> int | None:
    """The year given as `YEAR` (as `check` takes it) or as `--year`; both only if they agree."""
    if argument is not None and option is not None and argument != option:
        raise UsageError(tr("two-years", lang, argument=argument, option=option))
    return argument if argument is not None else option


def plan_year(plan: Plan, year: int | None, folder: Path, lang: str) -> int:
    """`year`, or the latest year of the period with data; a usage error outside the period."""
    if year is None:
        in_period = [y for y in data_years(folder) if y in plan.years]
        if not in_period:
            raise UsageError(tr("no-data-years", lang))
        return in_period[-1]
    if year not in plan.years:
        message = tr(
            "year-is-base" if year == plan.base_year else "year-outside",
            lang,
            year=year,
            start=plan.start,
            end=plan.end,
        )
        raise UsageError(message)
    return year


def find_unit(plan: Plan, name: str, lang: str) -> Unit:
    """The unit `--county` names: by name, code or English name (as English tables show it,
    in any case). Data files are named by name or code only (SPEC §5)."""
    wanted = name.strip()
    english = {unit.name_en.casefold(): unit for unit in plan.units if unit.name_en}
    unit = plan.unit(wanted) or english.get(wanted.casefold())
    if unit is None:
        suggest = ""
        guess = _likely_unit(plan, wanted)
        if guess is not None and guess[1] == guess[0].name_en:  # English typed: say both names
            words = {"name": guess[0].name, "english": guess[0].name_en}
            suggest = tr("did-you-mean-unit", lang, **words)
        elif guess is not None:
            suggest = tr("did-you-mean", lang, id=guess[1])
        raise UsageError(tr("unknown-county", lang, name=name, suggest=suggest))
    return unit


def _likely_unit(plan: Plan, typed: str) -> tuple[Unit, str] | None:
    """The unit someone typing `typed` probably meant, and the word of it that was typed: the
    first whose name, code or English name starts with it in any case (`lizhou`: Lizhou
    District), else the closest."""
    wanted = typed.casefold()
    words = {
        word.casefold(): (unit, word)
        for unit in plan.units
        for word in (unit.name, unit.code, unit.name_en)
        if word
    }
    if wanted:
        for folded, found in words.items():
            if folded.startswith(wanted) or folded.replace(" ", "").startswith(wanted):
                return found
    guess = closest(wanted, list(words))
    return words[guess] if guess is not None else None
