"""One writer at a time: an OS lock on a lock file, as pre-commit and the `filelock` package
take theirs (`flock` on POSIX, `msvcrt.locking` on Windows).

An OS lock dies with its process, so a run killed while holding one never blocks the next.
The holder removes the lock file before letting go, so none is left as clutter; a run that
was waiting then holds a lock on a file no longer there, sees it, and takes the new one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from kxplan.model.errors import Busy, CannotWrite

#: seconds a run waits for another to finish with a file (an import holds it for well under one)
WAIT = 30.0
_POLL = 0.02

if sys.platform == "win32":  # pragma: no cover (windows)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _open(path: str, flags: int, mode: int = 0o666) -> int:
    return os.open(path, flags, mode)


@contextlib.contextmanager
def hold(path: Path, *, guarding: Path | None = None) -> Iterator[None]:
    """Hold the lock `path`, waiting at most `WAIT` seconds for another holder.

    `guarding` is the file the lock keeps to one writer, named in the errors: `Busy` when the
    wait is over, `CannotWrite` when no lock can be had (a read-only disk, where nothing could
    be written anyway, or a file system without locks).
    """
    fd = _acquire(path, guarding or path, time.monotonic() + WAIT)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):  # Windows keeps a file that is open: it stays, harmless
            path.unlink()
        _unlock(fd)
        os.close(fd)


def _acquire(path: Path, guarding: Path, deadline: float) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    while True:
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True, exist_ok=True)
            fd = _open(str(path), flags)
        except OSError as error:
            raise CannotWrite(guarding, error) from error
        try:
            locked = _try_lock(fd)
        except OSError as error:  # ENOLCK, EOPNOTSUPP: a file system that keeps no locks
            os.close(fd)
            raise CannotWrite(guarding, error) from error
        if locked:
            if _is_current(fd, path):
                return fd
            _unlock(fd)  # removed by the holder before us: the next one is made at the path
        os.close(fd)
        if time.monotonic() >= deadline:
            raise Busy(guarding, WAIT)
        time.sleep(_POLL)


def _is_current(fd: int, path: Path) -> bool:
    """Whether the locked file is still the one at `path` (and not one its holder removed)."""
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False
