"""How a path is shown to people: as typed or from the current folder, from the repository's
top (GitHub's annotations), and a data file from the data folder's parent (SPEC §6)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


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
        return _placed(path).relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def display_path(path: Path, data_dir: Path, root: Path | None = None) -> str:
    """A data file's name relative to the data folder's parent (SPEC §6), or to `root`
    (the repository's top, for GitHub's annotations) when given."""
    if (inside := shown_from(path, root)) is not None:
        return inside
    folder = _shown_folder(path.parent, data_dir, os.getcwd())  # noqa: PTH109 - a str key
    if folder is None:  # pragma: no cover - another drive on Windows
        return path.as_posix()
    return path.name if folder == "." else f"{folder}/{path.name}"


@lru_cache(maxsize=256)
def _shown_folder(folder: Path, data_dir: Path, cwd: str) -> str | None:
    """A data folder's name from the data folder's parent (the files of a year share it);
    `cwd` is part of the key, since `folder` may be relative."""
    try:
        return Path(
            os.path.relpath(_resolved(folder.absolute()), _resolved(data_dir).parent)
        ).as_posix()
    except ValueError:  # pragma: no cover - another drive on Windows
        return None


def folder_of(path: Path) -> Path:
    """The folder a file is in: a link's own (`data/2024/利州区.yaml → ../../shared/…` is
    利州区's file for 2024), not its target's."""
    return _resolved(path.absolute().parent)


def forget_folders() -> None:
    """Forget the folders resolved so far: a new run (in the same process, as tests run them)
    sees links changed since."""
    _resolved.cache_clear()
    _shown_folder.cache_clear()


@lru_cache(maxsize=256)
def _resolved(folder: Path) -> Path:
    """`folder.resolve()`, once per folder and run: 19,000 files lie in a few folders, and
    resolving costs a system call per part of the path."""
    return folder.resolve()


def _placed(path: Path) -> Path:
    """`path` with its folder resolved but not the file: a link is named as the link."""
    return folder_of(path) / path.name
