"""The plan and the data files' checks, remembered between runs (`files.cache` keeps them).

A file is known by its path and the SHA-256 of its bytes. As git's index does, the bytes are
read again only when the file's size, modification and change times or inode differ from
when they were hashed — any write, even one that sets the modification time back with
`touch -d` or `os.utime`, changes the change time — or when those times are within
`RACY_NS` of the moment they were recorded, too close to tell two writes apart.

Everything remembered for a data folder lives in one space per plan: its resolved path and
content, the language (problems are worded), the data folder and kxplan's code (`code_key`).
Another plan, language or kxplan never sees it; a new space for the same plan file and folder
removes the spaces of the plan's older contents.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kxplan.files.cache import Cache, code_key, digest, dumps, loads
from kxplan.files.paths import folder_of
from kxplan.files.read import read_at_most
from kxplan.load.folder import Layout
from kxplan.model.data import Submission
from kxplan.model.errors import PlanInvalid
from kxplan.model.plan import Plan, Unit
from kxplan.model.problems import Problem
from kxplan.yaml.safe import MAX_BYTES

#: Times this close to when a file was hashed may hide a second write: hash it again.
RACY_NS = 2_000_000_000

Checked = tuple[Submission | None, list[Problem]]
#: size, modification and change times, inode, device
Stamp = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class PlanKey:
    path: str  # resolved
    content: bytes  # SHA-256 of the file's bytes
    display: str
    lang: str


_PLAN_KEYS: weakref.WeakKeyDictionary[Plan, PlanKey] = weakref.WeakKeyDictionary()


def remembered_plan(
    cache: Cache, path: Path, display: str, lang: str, load: Callable[[Path, str, str], Plan]
) -> Plan:
    """`load(path, display, lang)`, or what it gave when the plan's bytes were the same:
    the `Plan`, or the `PlanInvalid` it raised."""
    resolved = str(path.resolve())
    content = _hash_file(path)
    if content is None:  # unreadable: load says why
        return load(path, display, lang)
    key = PlanKey(resolved, content, display, lang)
    name = f"plans/{digest(resolved, display, lang)}"
    entry_key = ("plan", code_key(), resolved, display, lang)
    payload = cache.read(name, entry_key)
    known = loads(payload) if payload is not None else None
    if isinstance(known, tuple) and len(known) == 2 and known[0] == content:
        outcome = known[1]
        if isinstance(outcome, Plan):
            _PLAN_KEYS[outcome] = key
            return outcome
        if isinstance(outcome, list) and all(isinstance(p, Problem) for p in outcome):
            raise PlanInvalid(outcome)
    try:
        plan = load(path, display, lang)
    except PlanInvalid as error:
        if _hash_file(path) == content:
            cache.write(name, entry_key, dumps((content, list(error.problems))))
        raise
    if _hash_file(path) == content:  # not changed while it was read
        cache.write(name, entry_key, dumps((content, plan)))
        _PLAN_KEYS[plan] = key
    return plan


def _hash_file(path: Path) -> bytes | None:
    return _hashed(str(path))


def _hashed(path: str) -> bytes | None:
    """The SHA-256 of a regular file's bytes; None for what `read_yaml` refuses to read (a
    pipe or a device would be read for ever, a large file is a problem) or cannot read."""
    try:
        if not stat.S_ISREG((info := os.stat(path)).st_mode) or info.st_size > MAX_BYTES:  # noqa: PTH116
            return None
        data = read_at_most(path, MAX_BYTES + 1)
    except OSError:
        return None
    return hashlib.sha256(data).digest() if len(data) <= MAX_BYTES else None


class FileIndex:
    """Each data file's stamp and the SHA-256 of its bytes, when they were hashed."""

    def __init__(self, cache: Cache, name: str, key: object) -> None:
        self.cache, self.name, self.key = cache, name, key
        payload = cache.read(name, key)
        known = loads(payload) if payload is not None else None
        self.entries: dict[str, tuple[Stamp, bytes, int]] = known if isinstance(known, dict) else {}
        self.dirty = False

    def content(self, path: str) -> bytes | None:
        """The hash of `path`'s bytes; None when it cannot be read (the checker says why)."""
        stamp = _stamp(path)
        if stamp is None:
            return None
        known = self.entries.get(path)
        if known is not None and known[0] == stamp and max(stamp[1], stamp[2]) < known[2] - RACY_NS:
            return known[1]
        hashed_at = time.time_ns()
        content = _hashed(path)
        if content is None:
            return None
        self.entries[path] = (stamp, content, hashed_at)
        self.dirty = True
        return content

    def unchanged(self, path: str) -> bool:
        """Whether `path` still has the stamp it was hashed with."""
        known = self.entries.get(path)
        return known is not None and known[0] == _stamp(path)

    def save(self) -> None:
        if self.dirty:
            self.cache.write(self.name, self.key, dumps(self.entries))
            self.dirty = False


def _stamp(path: str) -> Stamp | None:
    try:
        info = os.stat(path)  # noqa: PTH116 (as above)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


class DataCache:
    """What `FileChecker.check` said of each data file of one folder against one plan, for
    files whose bytes are unchanged; None from `data_cache` for a plan not loaded through
    `remembered_plan` (its bytes are unknown)."""

    def __init__(self, cache: Cache, space: str, prefix: str, plan: Plan, key: object) -> None:
        self.cache, self.space, self.prefix, self.key = cache, space, prefix, key
        self.index = FileIndex(cache, f"{space}/files", ("files", key))
        self._units = {unit.code: unit for unit in plan.units}
        self._groups: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()
        self._places: dict[str, str] = {}
        self._hashes: dict[str, tuple[bytes, str]] = {}  # files being checked: bytes, place

    def check_all(
        self,
        files: list[tuple[Path, str]],
        check_all: Callable[[list[tuple[Path, str]]], list[Checked]],
    ) -> list[Checked]:
        """`check_all(files)`, asked only of the files not remembered with the same bytes,
        path and name (it may check them in other processes: what they found is remembered
        here)."""
        results: list[Checked | None] = [self._known(path, display) for path, display in files]
        todo = [number for number, result in enumerate(results) if result is None]
        if todo:
            fresh = check_all([files[number] for number in todo])
            for number, (submission, problems) in zip(todo, fresh, strict=True):
                self._remember(*files[number], submission, problems)
                results[number] = submission, problems
        return [result for result in results if result is not None]

    def _known(self, path: Path, display: str) -> Checked | None:
        name = str(path)
        content = self.index.content(name)
        if content is None:
            return None
        folder = str(path.parent)
        if (place := self._places.get(folder)) is None:  # a link's folder is its own
            place = self._places[folder] = str(folder_of(path))
        known = self._group(folder).get(path.name)
        if known is not None and known[:3] == (content, display, place):
            submission, problems = known[3]
            return submission, list(problems)
        self._hashes[name] = content, place
        return None

    def _remember(
        self, path: Path, display: str, submission: Submission | None, problems: list[Problem]
    ) -> None:
        """Keep what was found of a file that was not written while it was checked."""
        name = str(path)
        hashed = self._hashes.pop(name, None)
        if hashed is None or not self.index.unchanged(name):
            return
        folder = str(path.parent)
        self._group(folder)[path.name] = (
            hashed[0],
            display,
            hashed[1],
            (submission, list(problems)),
        )
        self._dirty.add(folder)

    def _group(self, folder: str) -> dict[str, Any]:
        group = self._groups.get(folder)
        if group is None:
            payload = self.cache.read(self._group_name(folder), ("checked", self.key, folder))
            known = loads(payload, self._units.__getitem__) if payload is not None else None
            group = self._groups[folder] = known if isinstance(known, dict) else {}
        return group

    def _group_name(self, folder: str) -> str:
        return f"{self.space}/checked-{digest(folder)}"

    def fingerprint(
        self, layout: Layout, data_dir: Path, years: Iterable[int] | None
    ) -> object | None:
        """Everything `load_dataset(plan, data_dir, lang, years, root, units)` reads, as a
        value, from `layout` (its `layout_of`): the files found and their bytes' hashes, the
        folders they are in, what else lies there. None when a file cannot be read (a problem
        is said, never remembered)."""
        wanted = set(years) if years is not None else None
        files = [
            path
            for year, paths in sorted(layout.years.items())
            if wanted is None or year in wanted
            for path in paths
        ]
        contents = []
        for path in [*files, *layout.misplaced]:
            content = self.index.content(str(path))
            if content is None:
                return None
            contents.append((str(path), content))
        folders = {str(paths[0].parent) for paths in layout.years.values() if paths}
        folders.update(str(path.parent) for path in layout.misplaced)
        return (
            str(data_dir.resolve()),
            sorted(layout.years),
            contents,
            [(folder, str(folder_of(Path(folder, "x")))) for folder in sorted(folders)],
            [str(path) for path in layout.ignored],
            [str(path) for path in layout.leftovers],
            [(str(e.filename), e.errno, e.strerror) for e in layout.unreadable],
        )

    def save(self) -> None:
        """Write what changed; a new space first removes the plan's older ones."""
        if not self.index.dirty and not self._dirty:
            return
        if not (self.cache.root / self.space).exists():
            for older in (self.cache.root / "data").glob(f"{self.prefix}-*"):
                self.cache.remove(older.relative_to(self.cache.root).as_posix())
        for folder in sorted(self._dirty):
            payload = dumps(self._groups[folder], _unit_code)
            self.cache.write(self._group_name(folder), ("checked", self.key, folder), payload)
        self._dirty.clear()
        self.index.save()


def _unit_code(value: object) -> str | None:
    return value.code if type(value) is Unit else None


def data_cache(
    cache: Cache | None, plan: Plan, data_dir: Path, lang: str, root: Path | None = None
) -> DataCache | None:
    """The remembered checks of `data_dir`'s files against `plan`; None without a cache or
    for a plan read otherwise."""
    key = _PLAN_KEYS.get(plan)
    if cache is None or key is None or key.lang != lang:
        return None
    folder = str(data_dir.resolve())
    where = str(root.resolve()) if root is not None else None
    prefix = digest(key.path, folder, lang, where)
    whole = (code_key(), key.path, key.content, key.display, lang, folder, where)
    return DataCache(cache, f"data/{prefix}-{digest(whole)}", prefix, plan, whole)
