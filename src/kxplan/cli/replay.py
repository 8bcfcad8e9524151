"""A command's output remembered, and printed again without the work when nothing it depends
on changed: on a national tree, `check` spends seconds judging 34,000 results and writing
26 MB of JSON that a second run with the same files can print in a fraction of one.

The key is everything the output can depend on: the command's options as typed and as
understood, the current folder, the environment variables kxplan and rich read, what standard
output and error are (a terminal? which encoding, how wide), kxplan's code, the plan's bytes
(the data cache's space) and every file of the data folder with its bytes' hash
(`DataCache.fingerprint`). Colour output is never remembered (rich reads the terminal's
abilities from more of the environment), nor output to files (`-o`) or GitHub's job summary.
The output is kept only when the data folder is the same after the work as before it.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import importlib.util
import io
import os
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import typer

from kxplan.files.cache import Cache, dumps, loads
from kxplan.load.cache import DataCache
from kxplan.load.folder import Layout

#: How many outputs a data space keeps (a year, a format, a width: each is one), the most
#: recently used first, and how many bytes they may take (the newest is always kept).
KEPT, KEPT_BYTES = 16, 128 * 2**20
_ENV = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "TTY_COMPATIBLE")


def replayed(
    memo: DataCache | None,
    options: dict[str, Any],
    data_dir: Path,
    years: Iterable[int] | None,
    layout: Callable[[], Layout],
) -> bool:
    """Print the output remembered for `options` and the data `load_dataset` reads (where
    `layout` says) and return True (raising the
    exit code it had, when not 0); else start recording what the command writes, to be kept
    when it ends (`handler.handled`), and return False."""
    from kxplan.cli.handler import current

    if memo is None:
        return False
    wanted = list(years) if years is not None else None
    fingerprint = memo.fingerprint(layout(), data_dir, wanted)
    if fingerprint is None:
        return False
    key = hashlib.sha256(
        repr((canonical(options), surroundings(), fingerprint)).encode("utf-8")
    ).hexdigest()
    name = f"{memo.space}/out-{key[:32]}"
    payload = memo.cache.read(name, key)
    said = _unpacked(payload) if payload is not None else None
    if said is not None:
        memo.cache.touch(name)  # used: the last to be pruned
        out, err, code = said
        if err:  # nothing said, nothing written (an encoding's byte-order mark would be)
            sys.stderr.write(err)
        _write(out)
        if code:
            raise typer.Exit(code)
        return True
    memo.save()  # the files' hashes, even if the command fails

    def same() -> bool:
        return memo.fingerprint(layout(), data_dir, wanted) == fingerprint

    current().recording = Recording(memo.cache, name, key, same)
    return False


def surroundings() -> tuple[object, ...]:
    """What the output depends on besides the options and the files: `render.terminal.window`'s
    inputs among them, and which rich draws tables (found without importing it: JSON and
    Markdown never do)."""
    env = sorted(
        (name, value)
        for name, value in os.environ.items()
        if name.startswith(("KXPLAN_", "GITHUB_")) or name in _ENV
    )
    streams = [
        (stream.isatty(), stream.encoding, getattr(stream, "errors", None))
        for stream in (sys.stdout, sys.stderr)
    ]
    size = shutil.get_terminal_size((0, 0)) if sys.stdout.isatty() else None
    rich = importlib.util.find_spec("rich")
    where = Path(rich.origin).parent if rich is not None and rich.origin else None
    library = (str(where), where.stat().st_mtime_ns) if where is not None else None
    return str(Path.cwd()), env, streams, size, library


def canonical(value: object) -> object:
    """`value` as plain values whose `repr` is the same in every run (sets sorted)."""
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return type(value).__name__, [(f.name, canonical(getattr(value, f.name))) for f in fields]
    if isinstance(value, dict):
        return [(canonical(k), canonical(v)) for k, v in value.items()]
    if isinstance(value, (set, frozenset)):
        return sorted((canonical(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [canonical(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value


class Recording:
    """Standard output and error written through, and copied, until the command ends."""

    def __init__(self, cache: Cache, name: str, key: str, same: Callable[[], bool]) -> None:
        self.cache, self.name, self.key, self.same = cache, name, key, same
        self.streams = sys.stdout, sys.stderr
        self.out, self.err = _Tee(sys.stdout), _Tee(sys.stderr)
        sys.stdout, sys.stderr = self.out, self.err
        self.stopped = False

    def keep(self, code: int) -> None:
        """Keep what was written, when the command ended with `code`, wrote only text and
        the data did not change meanwhile."""
        self.stop()
        if self.out.binary or self.err.binary:
            return
        try:
            if not self.same():
                return
        except OSError:
            return
        self.cache.write(self.name, self.key, _packed(self.out.text(), self.err.text(), code))
        _prune(self.cache, self.name)

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            sys.stdout, sys.stderr = self.streams


def _packed(out: str, err: str, code: int) -> bytes:
    """Standard output as UTF-8 bytes (26 MB of JSON is printed again without decoding it),
    after the exit code and standard error."""
    said = dumps((err, int(code)))
    return len(said).to_bytes(8, "big") + said + out.encode("utf-8", "surrogateescape")


def _unpacked(payload: memoryview) -> tuple[memoryview, str, int] | None:
    size = int.from_bytes(payload[:8], "big")
    said = loads(payload[8 : 8 + size])
    if not (isinstance(said, tuple) and len(said) == 2):
        return None
    err, code = said
    if not (isinstance(err, str) and isinstance(code, int)):
        return None
    return payload[8 + size :], err, code


def _write(out: memoryview) -> None:
    """`out` on standard output: as bytes where it takes UTF-8 and `\n` as written, else as
    text (which encodes and ends lines as it does)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and encoding == "utf8" and os.linesep == "\n":
        stream.flush()
        buffer.write(out)
        buffer.flush()
    else:
        stream.write(bytes(out).decode("utf-8", "surrogateescape"))


def _prune(cache: Cache, name: str) -> None:
    """Only the outputs of a space used last, `KEPT` of them in `KEPT_BYTES` at most."""
    folder = (cache.root / name).parent
    try:
        found = [(path.stat(), path) for path in folder.glob("out-*")]
    except OSError:
        return
    found.sort(key=lambda each: each[0].st_mtime_ns, reverse=True)
    total = 0
    for number, (info, path) in enumerate(found):
        total += info.st_size
        if number and (number >= KEPT or total > KEPT_BYTES):
            cache.remove(path.relative_to(cache.root).as_posix())


class _Tee(io.TextIOBase):
    """A text stream that writes through to `stream` and keeps a copy; it is a terminal, and
    has an encoding, when `stream` has."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.parts: list[str] = []
        self.binary = False  # bytes were written to its buffer: not kept

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.stream.write(text)

    def text(self) -> str:
        return "".join(self.parts)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.stream.errors

    @property
    def buffer(self) -> Any:
        self.binary = True
        return self.stream.buffer
