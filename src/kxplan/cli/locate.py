"""Where the plan and the data folder are: options, environment, then upwards like git."""

from __future__ import annotations

import os
from pathlib import Path

from kxplan.files.paths import shown_from as shown_from
from kxplan.files.paths import shown_path as shown_path
from kxplan.files.usable import unusable as unusable
from kxplan.model.errors import PlanInvalid, UsageError
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import tr

PLAN_NAME = "targets.yaml"
DATA_NAME = "data"


def find_upwards(name: str, start: Path) -> Path | None:
    """The first `name` here or above, whatever it is: a file, a folder, a broken link. What is
    there and cannot be used is an error for the caller, never a reason to look further up."""
    for folder in (start, *start.parents):
        candidate = folder / name
        if is_there(candidate):
            return candidate
    return None


def is_there(path: Path) -> bool:
    """Whether anything at all has this name, a link to nothing included."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:  # there, but it cannot be looked at
        return True
    return True


def embedded_plan() -> Path | None:
    """The plan shipped inside the package (the Guangyuan plan), if any."""
    from importlib import resources  # only when no plan is found: it costs start-up time

    candidate = Path(str(resources.files("kxplan").joinpath(PLAN_NAME)))
    return candidate if candidate.is_file() else None


def plan_path(option: Path | None, lang: str) -> Path:
    return find_plan(option, lang)[0]


def find_plan(option: Path | None, lang: str) -> tuple[Path, bool]:
    """The plan's path, and whether it is the plan shipped with kxplan: taken only when there
    is no `targets.yaml` here or above at all. One there that cannot be read is `PlanInvalid`."""
    chosen = option or _from_env("KXPLAN_PLAN")
    if chosen is not None:
        why = unusable(chosen, lang)
        if why is not None:  # there, but not a readable file: say what it is
            raise UsageError(tr("path-not-plan", lang, path=chosen, why=why))
        if not chosen.is_file():
            raise UsageError(tr("file-not-found", lang, path=chosen))
        return chosen, False
    found = find_upwards(PLAN_NAME, Path.cwd())
    if found is not None:
        why = unusable(found, lang)
        if why is not None:
            message = tr("plan-unusable", lang, why=why)
            raise PlanInvalid(
                [Problem(shown_path(found), None, None, ProblemCode.PLAN_ERROR, message)]
            )
        return found, False
    shipped = embedded_plan()
    if shipped is None:
        raise UsageError(tr("plan-not-found", lang, cwd=Path.cwd()))
    return shipped, True


def data_dir(option: Path | None, lang: str) -> Path:
    chosen = option or _from_env("KXPLAN_DATA_DIR")
    if chosen is not None:
        why = unusable(chosen, lang, folder=True)
        if why is not None:  # there, but not a folder: say what it is
            raise UsageError(tr("path-not-data", lang, path=chosen, why=why))
        if not chosen.is_dir():
            raise UsageError(tr("data-dir-not-found", lang, path=chosen))
        return chosen
    found = find_upwards(DATA_NAME, Path.cwd())
    if found is None:
        raise UsageError(tr("data-not-found", lang, cwd=Path.cwd()))
    why = unusable(found, lang, folder=True)
    if why is not None:
        raise UsageError(tr("data-unusable", lang, path=shown_path(found), why=why))
    return found


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None
