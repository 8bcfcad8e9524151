"""The cache folder: where it is, and entries written whole and read back only when intact.

An entry is one file: a header (a magic string, the SHA-256 of the key it answers, the length
and SHA-256 of its payload) and the payload. Reading checks all four, so a truncated, corrupt
or foreign entry — or one written for another key — reads as missing, never as data. Entries
are written atomically (`files.atomic.replace_quickly`: a lost entry is only a miss), so
concurrent runs see an old entry or a new one; the last writer wins.

Payloads are pickles read by an unpickler that knows no classes but kxplan's model types and
`Fraction`: a pickle can then only build plain values and kxplan's own records, never call
anything else, whoever wrote the folder (see `loads`). The checksum is for accidents, not a
secret: a cache folder is trusted as the code is, so keep it writable by you alone.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kxplan
from kxplan.files.atomic import replace_quickly

MAGIC = b"KXPLAN-CACHE-1\n"
_HEADER = len(MAGIC) + 32 + 8 + 32
#: Modules whose classes a cached pickle may name (Plan, Unit, Submission, Problem…).
_MODEL = "kxplan.model."
_ALLOWED = {("fractions", "Fraction"), ("decimal", "Decimal")}


def default_root() -> Path:
    """`KXPLAN_CACHE_DIR`, else the user's cache folder: `$XDG_CACHE_HOME/kxplan` or
    `~/.cache/kxplan`; `~/Library/Caches/kxplan` on macOS; `%LOCALAPPDATA%\\kxplan` on
    Windows."""
    if given := os.environ.get("KXPLAN_CACHE_DIR"):
        return Path(given)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kxplan"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kxplan"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "kxplan"


def digest(*parts: object) -> str:
    """A short name for a key made of plain values (their `repr`s)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def code_key() -> tuple[str, str, str]:
    """What the code that wrote an entry was: kxplan's version, its source files (their sizes
    and times: an edited checkout is another kxplan) and Python's version."""
    return kxplan.__version__, _sources(), sys.version


@functools.cache
def _sources() -> str:
    package = Path(kxplan.__file__).parent
    found = []
    for source in package.rglob("*.py"):
        info = source.stat()
        found.append((str(source), info.st_size, info.st_mtime_ns))
    return digest(sorted(found))


class Cache:
    """Entries under `root`. A failure to write is said once (`warn`) and the run goes on
    without writing; a failure to read is a miss."""

    def __init__(self, root: Path, warn: Callable[[Path, OSError], None] | None = None) -> None:
        self.root = root
        self._warn = warn
        self.writable = True

    def read(self, name: str, key: object) -> memoryview | None:
        """The payload of entry `name` if it is whole and was written for `key` (a view of
        the file's bytes: 26 MB of JSON are not copied)."""
        try:
            blob = (self.root / name).read_bytes()
        except (OSError, ValueError):
            return None
        if len(blob) < _HEADER or not blob.startswith(MAGIC):
            return None
        start = len(MAGIC)
        keyed, size = blob[start : start + 32], blob[start + 32 : start + 40]
        checksum = blob[start + 40 : _HEADER]
        if keyed != _key_hash(key) or int.from_bytes(size, "big") != len(blob) - _HEADER:
            return None
        payload = memoryview(blob)[_HEADER:]
        if hashlib.sha256(payload).digest() != checksum:
            return None
        return payload

    def write(self, name: str, key: object, payload: bytes) -> None:
        if not self.writable:
            return
        header = MAGIC + _key_hash(key) + len(payload).to_bytes(8, "big")
        blob = header + hashlib.sha256(payload).digest() + payload
        try:
            replace_quickly(self.root / name, blob)
        except OSError as error:
            self.writable = False
            if self._warn is not None:
                self._warn(self.root, error)

    def touch(self, name: str) -> None:
        """Mark entry `name` as just used."""
        with contextlib.suppress(OSError):
            os.utime(self.root / name)

    def remove(self, name: str) -> None:
        target = self.root / name
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                target.unlink()

    def clear(self) -> None:
        """Every entry: the folder is kxplan's alone."""
        shutil.rmtree(self.root, ignore_errors=True)


def _key_hash(key: object) -> bytes:
    return hashlib.sha256(repr(key).encode("utf-8")).digest()


def dumps(value: object, persistent: Callable[[Any], Any] | None = None) -> bytes:
    """`value` pickled; `persistent` names objects stored by reference (a plan's units)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    if persistent is not None:
        pickler.persistent_id = persistent  # type: ignore[method-assign]
    pickler.dump(value)
    return out.getvalue()


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes | memoryview, persistent: Callable[[Any], Any] | None) -> None:
        super().__init__(io.BytesIO(data))
        self._persistent = persistent

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_MODEL) or (module, name) in _ALLOWED:
            found = super().find_class(module, name)
            if isinstance(found, type):  # a class, never a function
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a cached type")

    def persistent_load(self, pid: Any) -> Any:
        if self._persistent is None:
            raise pickle.UnpicklingError("no persistent objects here")
        return self._persistent(pid)


def loads(data: bytes | memoryview, persistent: Callable[[Any], Any] | None = None) -> Any:
    """What `dumps` wrote; None for anything else (raising nothing, calling nothing but the
    constructors of kxplan's model types and `Fraction`)."""
    try:
        return _Unpickler(data, persistent).load()
    except Exception:
        return None
