"""Where data files belong: `data/<year>/<unit>.yaml`, and what lies anywhere else.

A YAML file outside a year folder (`data/2024年/利州区.yaml`, `data/利州区.yaml`,
`data/2024/old/利州区.yaml`) would never be read; silently skipping it would lose a county's
figures, so the data folder is scanned for such files and each is reported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from pathlib import Path

DATA_SUFFIXES = (".yaml", ".yml")
YEAR_FOLDER = re.compile(r"^\d{4}$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(\d{4})(?!\d)")
#: `.利州区.yaml.k3j2x9_a.tmp`: a write of `利州区.yaml` cut short (see `atomic.write_atomic`)
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.[^.]+\.tmp$")
#: How deep below the data folder misplaced files are looked for.
_DEPTH = 4


def interrupted_target(path: Path) -> Path | None:
    """The file whose write, cut short, left the temporary file `path`; None for any other."""
    match = _LEFTOVER.match(path.name)
    return path.with_name(match.group("name")) if match else None


def leftovers_beside(path: Path) -> list[Path]:
    """Temporary files that interrupted writes of `path` left in its folder."""
    return [p for p in listing(path.parent) if interrupted_target(p) == path]


def listing(folder: Path) -> list[Path]:
    """What `folder` holds, sorted; nothing when it cannot be listed (gone, or no permission:
    reading the data folder says so, see `scan`)."""
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def is_data_file(path: Path) -> bool:
    """A YAML file by its suffix, in any case (`.yaml`, `.YML`), that is not hidden."""
    return path.suffix.lower() in DATA_SUFFIXES and not path.name.startswith(".")


@dataclass
class Layout:
    """The files of a data folder, sorted by where they are."""

    #: year → its data files, for every `data/<year>/` folder
    years: dict[int, list[Path]] = field(default_factory=dict)
    #: YAML files that are not directly in a year folder: never read
    misplaced: list[Path] = field(default_factory=list)
    #: other files in year folders (a form, a note): not data, left alone
    ignored: list[Path] = field(default_factory=list)
    #: temporary files of writes cut short (a killed run): never read, but named
    leftovers: list[Path] = field(default_factory=list)
    #: folders that could not be listed (permissions), with why: their files are unknown
    unreadable: list[OSError] = field(default_factory=list)


def scan(
    data_dir: Path,
    years: Container[int] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> Layout:
    """Every file of `data_dir` where it is, or part of them: only the year folders of `years`
    are looked into, when given, and only the files whose name's stem (`利州区` of
    `利州区.yaml`, and of its leftover `.利州区.yaml.k3j2x9_a.tmp`) `keep` wants are listed."""
    layout = Layout()
    walk = os.walk(data_dir, onerror=layout.unreadable.append, followlinks=True)
    for root, folders, files in walk:
        here = Path(root)
        depth = len(here.relative_to(data_dir).parts)
        in_year = depth == 1 and YEAR_FOLDER.match(here.name) is not None
        if in_year:  # a folder named `利州区.yaml` is where that file belongs: said, not missed
            layout.years[int(here.name)] = [
                here / f for f in folders if _kept(f, keep) and is_data_file(here / f)
            ]
        folders[:] = (
            sorted(
                f
                for f in folders
                if not f.startswith(".")
                and _walked(here / f, depth)
                and (depth > 0 or _year_wanted(f, years))
            )
            if depth < _DEPTH
            else []
        )
        for name in sorted(files):
            if not _kept(name, keep):
                continue
            path = here / name
            if name.startswith("."):
                if interrupted_target(path) is not None:
                    layout.leftovers.append(path)
                continue
            if not is_data_file(path):
                if in_year:
                    layout.ignored.append(path)
            elif in_year:
                layout.years[int(here.name)].append(path)
            else:
                layout.misplaced.append(path)
        if in_year:
            layout.years[int(here.name)].sort()
    return layout


def _kept(name: str, keep: Callable[[str], bool] | None) -> bool:
    """`keep` wants the file (or folder) `name`: its stem, or its target's for a leftover."""
    if keep is None:
        return True
    leftover = _LEFTOVER.match(name) if name.startswith(".") else None
    if leftover:
        name = leftover.group("name")
    head, dot, _ = name.rpartition(".")
    return keep(head if dot and head else name)


def _year_wanted(folder: str, years: Container[int] | None) -> bool:
    """A folder of the data folder is looked into: any but the year folder of a year not
    wanted."""
    return years is None or YEAR_FOLDER.match(folder) is None or int(folder) in years


def _walked(folder: Path, depth: int) -> bool:
    """A folder is looked into unless it is a link, save a year folder's (`data/2024 → …`):
    a link elsewhere could lead back up, or anywhere."""
    return not folder.is_symlink() or (depth == 0 and YEAR_FOLDER.match(folder.name) is not None)


def year_hint(path: Path, data_dir: Path) -> int | None:
    """The year a misplaced file was probably meant for, from its folder names (`2024年`)."""
    for part in reversed(path.relative_to(data_dir).parts[:-1]):
        match = _YEAR_IN_NAME.search(part)
        if match:
            return int(match.group(1))
    return None
