"""Writing files without ever destroying one: a temporary file beside the target, then rename."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from pathlib import Path

from kxplan.model.errors import CannotWrite, WouldOverwrite


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `path` in one step: readers see the old file or the new, never half.

    Without `overwrite`, an existing `path` is left alone and `WouldOverwrite` is raised;
    the check and the creation are one operation (a hard link), so no race can clobber it.
    Any other refusal of the file system is a `CannotWrite`.
    """
    try:
        _write(path, data, overwrite=overwrite)
    except OSError as error:
        raise CannotWrite(path, error) from error


def _write(path: Path, data: bytes, *, overwrite: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        temp.chmod(0o666 & ~_umask())  # mkstemp makes 0600; give what open() would give
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            temp.replace(path)
        else:
            try:
                path.hardlink_to(temp)
            except FileExistsError:
                raise WouldOverwrite(path) from None
            except OSError:  # file systems without hard links
                if path.exists():
                    raise WouldOverwrite(path) from None
                temp.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def replace_quickly(path: Path, data: bytes) -> None:
    """`write_atomic` for a cache's entries: always replacing, and without waiting for the
    disk (an entry lost in a crash is only a miss); raises the `OSError`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(temp_name).replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temp_name).unlink()


def clear_leftovers(path: Path) -> None:
    """Remove the temporary files of writes of `path` that never finished (a run killed while
    writing). Only for a writer holding `path`'s lock: no other write of it can be under way."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def write_text_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    write_atomic(path, text.encode("utf-8"), overwrite=overwrite)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
