"""Work over many files on every core: a national tree's files checked, its results encoded.

Checking a file is independent of every other file, and on a national tree (19,000 files) it
is most of a run. Where the system can fork (Linux), the files are cut into as many runs of
consecutive files as there are cores; forked children check all runs but the first, which the
process itself checks meanwhile, and send back their results pickled through a pipe. A child
that fails for any reason (killed, out of memory) costs only time: its files are checked here.
"""

from __future__ import annotations

import math
import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: below this many files a fork costs more than it saves
PARALLEL_FROM = 2000
#: more processes than this would mostly wait for the disk
MOST_PROCESSES = 4
#: this process's run against a child's (measured on a national tree: each waits least)
OWN_SHARE = 1.2


def map_all(check: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """`[check(item) for item in items]`, on every core when there are many items."""
    processes = min(_cores(), MOST_PROCESSES, len(items) // (PARALLEL_FROM // 2))
    if processes < 2 or not _can_fork():
        return [check(item) for item in items]
    # this process's run is a little longer: a child also pickles what it found, and starts late
    size = math.ceil(len(items) / (processes - 1 + OWN_SHARE))
    first = len(items) - size * (processes - 1)
    runs = [items[:first], *(items[at : at + size] for at in range(first, len(items), size))]
    children = [_Child(check, run) for run in runs[1:]]
    for child in children:  # after every fork: a child is best forked with no other thread
        child.start()
    results = [check(item) for item in runs[0]]
    for child, run in zip(children, runs[1:], strict=True):
        theirs: list[Result] | None = child.results()
        results.extend(theirs if theirs is not None else [check(item) for item in run])
    return results


class _Child:
    """A forked process checking `run` and sending the results back."""

    def __init__(self, check: Callable[[Item], Result], run: Sequence[Item]) -> None:
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: check, send, and leave without running any cleanup
            status = 1
            try:
                os.close(read)
                data = pickle.dumps([check(item) for item in run], pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self.data = b""
        # read while the child works, or it would wait on a full pipe until this process is done
        self.reader = threading.Thread(target=self._read, args=(read,), daemon=True)

    def start(self) -> None:
        self.reader.start()

    def _read(self, read: int) -> None:
        with os.fdopen(read, "rb") as stream:
            self.data = stream.read()

    def results(self) -> list[Result] | None:
        self.reader.join()
        _, status = os.waitpid(self.pid, 0)
        if status != 0:
            return None
        try:
            results: list[Result] = pickle.loads(self.data)
        except Exception:  # a child cut short: its data is not to be trusted
            return None
        return results


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    """Linux only: macOS's system libraries are not safe in a forked child, Windows has no fork."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")
