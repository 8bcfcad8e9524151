"""The cache (KXPLAN_CACHE_DIR): a run with it says byte for byte what a run without it says,
whatever changed in between, and a cache folder that is broken, foreign or unwritable is never
trusted nor an error."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kxplan
from conftest import ROOT, run
from kxplan.files.cache import MAGIC, Cache, dumps, loads
from kxplan.load import cache as data_cache
from kxplan.load.datafile import FileChecker
from kxplan.load.dataset import load_dataset
from kxplan.load.planfile import load_plan
from kxplan.model.plan import Plan

Said = tuple[int, str, str]

PROVINCE = ROOT / "examples" / "province-15"

#: Each command that reads data, on the bundled sample (2024) and the example (2027).
COMMANDS: dict[str, list[list[str]]] = {
    "sample": [
        *(["check", "2024", "-f", fmt] for fmt in ("table", "json", "markdown", "github")),
        ["check", "2024", "--county", "利州区", "-f", "json"],
        ["check", "--lang", "en"],
        ["check", "2024", "--fail-on", "未达标", "-f", "markdown"],
        *(["validate", "-f", fmt] for fmt in ("text", "json", "github")),
        *(["report", "--county", "利州区", "-f", fmt] for fmt in ("table", "json", "markdown")),
        *(["review", "2024", "-f", fmt] for fmt in ("table", "json", "markdown")),
        ["explain", "registration_growth", "2024", "--county", "利州区"],
        ["assess", "2024"],
        ["assess", "2024", "-f", "json"],
        ["targets"],
    ],
    "province": [
        *(["check", "2027", "-f", fmt] for fmt in ("table", "json", "markdown", "github")),
        ["validate", "-f", "json"],
        ["review", "2028", "-f", "json"],
        ["report", "--county", "云溪市", "-f", "json"],
    ],
}


def said(runner: CliRunner, *args: str, **env: str) -> Said:
    result = run(runner, *args, env=env)
    return result.exit_code, result.stdout, result.stderr


def project(source: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    shutil.copy(source / "targets.yaml", folder / "targets.yaml")
    shutil.copytree(source / "data", folder / "data")
    return folder


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache of the test's own and a copy of the sample, the current folder."""
    monkeypatch.setenv("KXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = project(ROOT, tmp_path)
    with contextlib.chdir(folder):
        yield folder


def refuse(*args: object, **kwargs: object) -> Any:
    """What a warm run must not do: check a data file again, or evaluate a year."""
    raise AssertionError("done again")


@pytest.mark.parametrize("where", ["sample", "province"])
def test_runs_with_and_without_the_cache_say_the_same(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    monkeypatch.setenv("KXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    folder = project(ROOT if where == "sample" else PROVINCE, tmp_path / where)
    monkeypatch.chdir(folder)
    commands = COMMANDS[where]
    uncached = [said(runner, *args, "--no-cache") for args in commands]
    assert not (tmp_path / "cache").exists()  # --no-cache writes nothing either
    cold = [said(runner, *args) for args in commands]
    assert cold == uncached
    entries = sorted(path.name for path in (tmp_path / "cache").rglob("*") if path.is_file())
    assert any(name.startswith("out-") for name in entries)  # check's output, once per key
    assert any(name.startswith("checked-") for name in entries)
    monkeypatch.setattr(FileChecker, "check", refuse)  # every file's check remembered
    for args, before in zip(commands, uncached, strict=True):
        assert (args, said(runner, *args)) == (args, before)
    monkeypatch.setattr("kxplan.cli.commands.check.evaluate_year", refuse)
    for args, before in zip(commands, uncached, strict=True):
        if args[0] == "check" and "github" not in args:  # check's output itself remembered
            assert said(runner, *args) == before


def test_a_data_file_changed_in_place_is_read_again(
    here: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size, modification time set back: only the change time tells, and is trusted."""
    monkeypatch.setattr(data_cache, "RACY_NS", 0)  # every stamp trusted, however recent
    before = said(runner, "check", "2024", "-f", "json")
    path = here / "data" / "2024" / "利州区.yaml"
    text = path.read_text(encoding="utf-8")
    changed = text.replace("spirit_lectures: 4", "spirit_lectures: 1", 1)
    assert changed != text and len(changed) == len(text)
    info = path.stat()
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = said(runner, "check", "2024", "-f", "json")
    assert after != before
    assert after == said(runner, "check", "2024", "-f", "json", "--no-cache")
    assert said(runner, "validate", "-f", "json") == said(
        runner, "validate", "-f", "json", "--no-cache"
    )


def test_an_unchanged_stamp_is_trusted_and_a_recent_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("unit: 甲市\n", encoding="utf-8")
    index = data_cache.FileIndex(Cache(tmp_path / "cache"), "files", "key")
    first = index.content(str(path))

    def unreadable(*args: object, **kwargs: object) -> Any:
        raise AssertionError("read")

    monkeypatch.setattr(data_cache, "read_at_most", unreadable)
    with pytest.raises(AssertionError):  # written just now: racy, read again
        index.content(str(path))
    monkeypatch.setattr(data_cache, "RACY_NS", 0)
    assert index.content(str(path)) == first  # trusted: not read


def test_a_changed_plan_language_or_kxplan_is_another_cache(
    here: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = here / "targets.yaml"
    before = said(runner, "check", "2024", "-f", "json")
    english = said(runner, "check", "2024", "-f", "json", "--lang", "en")
    assert english != before
    assert english == said(runner, "check", "2024", "-f", "json", "--lang", "en", "--no-cache")
    bad = here / "data" / "2024" / "苍溪县.yaml"  # a problem, worded in each language
    bad.write_text(bad.read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8")
    for lang in ("zh", "en", "zh"):
        assert said(runner, "validate", "--lang", lang) == said(
            runner, "validate", "--lang", lang, "--no-cache"
        )
    bad.write_text(bad.read_text(encoding="utf-8").replace("extra: 1\n", ""), encoding="utf-8")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("name: 公民科学素质比例达13%", "name: 素质比例", 1), "utf-8")
    changed = said(runner, "check", "2024", "-f", "json")
    assert changed != before and "素质比例" in changed[1]
    assert changed == said(runner, "check", "2024", "-f", "json", "--no-cache")
    assert said(runner, "targets") == said(runner, "targets", "--no-cache")
    assert said(runner, "validate") == said(runner, "validate", "--no-cache")
    calls = []
    real = FileChecker.check

    def counted(self: FileChecker, path: Path, display: str) -> Any:
        calls.append(path)
        return real(self, path, display)

    monkeypatch.setattr(FileChecker, "check", counted)
    said(runner, "validate")
    assert not calls  # remembered for this plan
    monkeypatch.setattr(kxplan, "__version__", "99.0")
    assert said(runner, "validate") == said(runner, "validate", "--no-cache")
    assert calls  # another kxplan: checked again


def test_a_plan_with_problems_is_remembered_with_them(here: Path, runner: CliRunner) -> None:
    plan = here / "targets.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    first = said(runner, "check", "-f", "json")
    assert first[0] == 3
    assert said(runner, "check", "-f", "json") == first
    assert said(runner, "check", "-f", "json", "--no-cache") == first


def test_broken_entries_are_ignored_and_rebuilt(here: Path, runner: CliRunner) -> None:
    commands = [["check", "2024", "-f", "json"], ["validate"], ["report", "--county", "利州区"]]
    before = [said(runner, *args) for args in commands]
    entries = [path for path in (here / "cache").rglob("*") if path.is_file()]
    assert len(entries) >= 4
    for number, entry in enumerate(entries):
        blob = entry.read_bytes()
        match number % 3:
            case 0:  # cut short
                entry.write_bytes(blob[: len(blob) // 2])
            case 1:  # a byte changed
                middle = len(blob) // 2
                entry.write_bytes(blob[:middle] + bytes([blob[middle] ^ 1]) + blob[middle + 1 :])
            case _:  # another program's file
                entry.write_bytes(b"not a cache entry")
    assert [said(runner, *args) for args in commands] == before
    rebuilt = [path for path in entries if path.read_bytes().startswith(MAGIC)]
    assert len(rebuilt) == len(entries)
    assert [said(runner, *args) for args in commands] == before


def test_a_foreign_pickle_is_never_run(tmp_path: Path) -> None:
    """Even a well-formed entry can only build plain values and kxplan's own types."""
    marker = tmp_path / "ran"
    evil = pickle.dumps(_Evil(str(marker)))
    assert loads(evil) is None
    assert not marker.exists()
    assert loads(b"\x80\x05garbage") is None
    assert loads(dumps({"a": (1, b"x", None)})) == {"a": (1, b"x", None)}


class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.mkdir, (self.path,))


def test_an_entry_answers_its_own_key_only(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.write("entry", "one", b"payload")
    assert bytes(cache.read("entry", "one") or b"") == b"payload"
    assert cache.read("entry", "two") is None
    assert cache.read("missing", "one") is None


def test_an_unwritable_cache_is_a_warning_once(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(ROOT, tmp_path / "sample")
    monkeypatch.chdir(folder)
    blocked = tmp_path / "file"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setenv("KXPLAN_CACHE_DIR", str(blocked / "cache"))
    for args in (["validate"], ["check", "2024", "-f", "json"]):
        code, out, err = said(runner, *args)
        expected = said(runner, *args, "--no-cache")
        assert (code, out) == expected[:2]
        warning = f"kxplan: 警告：无法写入缓存文件夹 {blocked / 'cache'}"
        assert err.count(warning) == 1, err
        assert err.replace(err[err.index(warning) :].split("\n", 1)[0] + "\n", "") == expected[2]


def test_concurrent_runs_leave_a_usable_cache(tmp_path: Path) -> None:
    folder = project(ROOT, tmp_path / "sample")
    env = {**os.environ, "KXPLAN_CACHE_DIR": str(tmp_path / "cache"), "KXPLAN_LANG": "zh"}
    command = [sys.executable, "-m", "kxplan", "check", "2024", "-f", "json"]

    def start(*extra: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([*command, *extra], cwd=folder, env=env, stdout=subprocess.PIPE)

    expected = subprocess.run([*command, "--no-cache"], cwd=folder, env=env, capture_output=True)
    both = [start(), start()]
    outputs = [(process.communicate()[0], process.returncode) for process in both]
    assert outputs == [(expected.stdout, expected.returncode)] * 2
    [entry] = (tmp_path / "cache").rglob("out-*")
    inode = entry.stat().st_ino
    again = start()
    assert (again.communicate()[0], again.returncode) == (expected.stdout, expected.returncode)
    assert entry.stat().st_ino == inode  # read, not written again: the same key in every run


def test_load_dataset_without_a_cache_plan_is_uncached(tmp_path: Path) -> None:
    """A plan not read through the cache has no known bytes: nothing is remembered for it."""
    plan: Plan = load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")
    assert data_cache.data_cache(Cache(tmp_path), plan, ROOT / "data", "zh") is None
    assert load_dataset(plan, ROOT / "data", "zh").submissions
    assert not any(tmp_path.iterdir())


def test_a_remembered_run_that_said_nothing_on_stderr_writes_nothing_there(
    tmp_path: Path,
) -> None:
    folder = project(ROOT, tmp_path / "sample")
    env = {
        **os.environ,
        "KXPLAN_CACHE_DIR": str(tmp_path / "cache"),
        "KXPLAN_LANG": "zh",
        "PYTHONIOENCODING": "utf-16",  # any write, even of nothing, starts with a BOM
    }
    command = [sys.executable, "-m", "kxplan", "check", "2024", "-f", "json"]
    runs = [subprocess.run(command, cwd=folder, env=env, capture_output=True) for _ in range(2)]
    assert list((tmp_path / "cache").rglob("out-*"))  # the second run was a remembered one
    assert [run.stderr for run in runs] == [b"", b""]
