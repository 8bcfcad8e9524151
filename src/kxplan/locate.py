"""Where the plan and the data folder are: options, environment, then upwards like git."""

from __future__ import annotations

import os
from pathlib import Path

from kxplan.errors import UsageError
from kxplan.messages import tr

PLAN_NAME = "targets.yaml"
DATA_NAME = "data"


def find_upwards(name: str, start: Path, *, directory: bool) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / name
        if candidate.is_dir() if directory else candidate.is_file():
            return candidate
    return None


def embedded_plan() -> Path | None:
    """The plan shipped inside the package (the Guangyuan plan), if any."""
    from importlib import resources  # only when no plan is found: it costs start-up time

    candidate = Path(str(resources.files("kxplan").joinpath(PLAN_NAME)))
    return candidate if candidate.is_file() else None


def plan_path(option: Path | None, lang: str) -> Path:
    chosen = option or _from_env("KXPLAN_PLAN")
    if chosen is not None:
        if not chosen.is_file():
            raise UsageError(tr("file-not-found", lang, path=chosen))
        return chosen
    found = find_upwards(PLAN_NAME, Path.cwd(), directory=False) or embedded_plan()
    if found is None:
        raise UsageError(tr("plan-not-found", lang, cwd=Path.cwd()))
    return found


def data_dir(option: Path | None, lang: str) -> Path:
    chosen = option or _from_env("KXPLAN_DATA_DIR")
    if chosen is not None:
        if not chosen.is_dir():
            raise UsageError(tr("data-dir-not-found", lang, path=chosen))
        return chosen
    found = find_upwards(DATA_NAME, Path.cwd(), directory=True)
    if found is None:
        raise UsageError(tr("data-not-found", lang, cwd=Path.cwd()))
    return found


def shown_path(path: Path) -> str:
    """A path as people typed it, or relative to the current folder when below it."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def shown_from(path: Path, root: Path | None) -> str | None:
    """`path` relative to `root` (GitHub's annotations name files from the repository's top),
    or None when there is no root or the path lies outside it."""
    if root is None:
        return None
    try:
        # the folder resolved, not the file: a link is named as the link (`display_path` too)
        place = path.absolute().parent.resolve() / path.name
        return place.relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None
