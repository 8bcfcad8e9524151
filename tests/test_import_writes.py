"""`kxplan import` when writing goes wrong: a data file another run is writing, a full or
read-only disk, a folder or a broken link where the data file should be. What happened is said
after it happened, the other forms go on, the summary comes, and the exit is 3."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import run
from formhelpers import TemplateRuns, copy_project, fill, new_sample, snapshot
from kxplan.files import atomic
from kxplan.files import lock as lockfile
from kxplan.files.lock import hold
from kxplan.yaml.write import lock_path

FORMS = Path("reports/forms/2024")
LIZHOU = "510802"  # 利州区


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, template: TemplateRuns) -> Path:
    """The sample project with two filled forms: 利州区 changes a value (--force), 青川县 has
    no data file yet."""
    with new_sample(tmp_path_factory) as folder:
        for county in ("利州区", "青川县"):
            template("2024", "--county", county)
        fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 5})
        fill(FORMS / "青川县_2024.xlsx", {"spirit_lectures": 2})
    return folder


@pytest.fixture
def sample(made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(copy_project(made, tmp_path))
    return tmp_path


def both(runner: CliRunner, *options: str) -> Any:
    return run(
        runner, "import", str(FORMS / "利州区_2024.xlsx"), str(FORMS / "青川县_2024.xlsx"), *options
    )


def spirit(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["values"]["spirit_lectures"]


def test_a_data_file_another_run_is_writing_is_waited_for_then_refused(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lockfile, "WAIT", 0.3)
    lizhou = sample / "data/2024/利州区.yaml"
    before = lizhou.read_bytes()
    with hold(lock_path(sample / "data", 2024, LIZHOU)):
        result = both(runner, "--force")
    assert result.exit_code == 3, result.output
    assert (
        f"{FORMS}/利州区_2024.xlsx → data/2024/利州区.yaml：未能写入（另一个 kxplan 正在写入"
        "此文件，等待 0.3 秒后仍未结束），本表未导入\n"
    ) in result.stdout
    assert "已写入 1 项" in result.stdout  # 青川县's form, after it
    assert spirit(sample / "data/2024/青川县.yaml") == 2
    assert lizhou.read_bytes() == before
    assert result.stderr.strip().endswith(
        "共 2 份填报表：写入 1，未改动 0，待确认 0，空表 0，有误 0，未能写入 1"
    )
    # once the other run is done, the same import goes through and leaves no lock behind
    assert both(runner, "--force").exit_code == 0
    assert spirit(lizhou) == 5
    assert not [p for p in (sample / "data").rglob("*") if p.name.startswith(".")]


def test_waiting_is_said_in_english(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lockfile, "WAIT", 0.2)
    with hold(lock_path(sample / "data", 2024, LIZHOU)):
        result = both(runner, "--force", "--lang", "en")
    assert result.exit_code == 3
    assert (
        "→ data/2024/利州区.yaml: not written (another kxplan run is writing this file; "
        "still busy after 0.2 s); this form was not imported\n"
    ) in result.stdout
    assert result.stderr.strip().endswith("0 invalid, 1 not written")


def failing(error: int, name: str) -> Any:
    """`atomic._write` as on a disk that refuses to write the file called `name`."""
    write = atomic._write

    def refuse(path: Path, data: bytes, *, overwrite: bool) -> None:
        if path.name == name:
            raise OSError(error, os.strerror(error), str(path))
        write(path, data, overwrite=overwrite)

    return refuse


def test_a_full_disk_is_said_after_the_attempt_and_the_other_forms_go_on(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_write", failing(errno.ENOSPC, "利州区.yaml"))
    before = snapshot(sample / "data")
    result = both(runner, "--force")
    assert result.exit_code == 3, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"{FORMS}/利州区_2024.xlsx → data/2024/利州区.yaml：未能写入（磁盘空间不足），本表未导入",
        "  spirit_lectures（科学家精神宣讲报告会）：4 → 5",
    ]
    assert "已写入" not in lines[0]
    assert lines[2] == f"{FORMS}/青川县_2024.xlsx → data/2024/青川县.yaml：已写入 1 项"
    assert "共 2 份填报表：写入 1，未改动 0，待确认 0，空表 0，有误 0，未能写入 1" in result.stderr
    after = snapshot(sample / "data")
    assert after.pop("2024/青川县.yaml")
    assert after == before  # 利州区's file as it was, and nothing else left behind


def test_a_read_only_disk_still_tells_what_is_unchanged(
    runner: CliRunner, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only disk not even the lock file can be made: a form that changes nothing is
    still `未改动`, a form that would write is not written, and says why."""
    fill(FORMS / "利州区_2024.xlsx", {"spirit_lectures": 4})  # what the file says

    def read_only(path: str, flags: int, mode: int = 0o777) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)

    monkeypatch.setattr(lockfile, "_open", read_only)
    monkeypatch.setattr(atomic, "_write", failing(errno.EROFS, "青川县.yaml"))
    before = snapshot(sample / "data")
    result = both(runner)
    assert result.exit_code == 3, result.output
    assert "→ data/2024/利州区.yaml：与已有数据相同，未改动" in result.stdout
    assert (
        f"{FORMS}/青川县_2024.xlsx → data/2024/青川县.yaml：未能写入（文件系统只读），本表未导入"
        in result.stdout
    )
    assert "共 2 份填报表：写入 0，未改动 1，待确认 0，空表 0，有误 0，未能写入 1" in result.stderr
    assert snapshot(sample / "data") == before


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("folder", "是文件夹，不是文件"),
        ("loop", "是循环的链接（最终指回自己）"),
        ("dangling", "是失效的链接（指向的文件不存在）"),
    ],
)
def test_force_onto_a_folder_or_a_broken_link_is_not_told_to_force(
    runner: CliRunner, sample: Path, kind: str, words: str
) -> None:
    target = sample / "data/2024/青川县.yaml"
    if kind == "folder":
        target.mkdir()
    elif kind == "loop":
        target.symlink_to(target.name)
    else:
        target.symlink_to("nowhere.yaml")
    result = run(runner, "import", str(FORMS / "青川县_2024.xlsx"), "--force")
    assert result.exit_code == 3, result.output
    assert "--force" not in result.output and "Traceback" not in result.output
    assert f"data/2024/青川县.yaml: encoding: {words}" in result.stdout
    assert "→ data/2024/青川县.yaml：此处不是数据文件（见上），未导入" in result.stdout
    assert "有误 1" in result.stderr
    assert target.is_dir() if kind == "folder" else target.is_symlink()


def test_temporary_files_of_a_killed_write_are_cleared(runner: CliRunner, sample: Path) -> None:
    """A run killed while writing leaves its temporary file; the next writer of that data file
    (holding its lock, so no other is writing it) removes it."""
    year = sample / "data/2024"
    (year / ".利州区.yaml.x1y2z3w4.tmp").write_text("unit: 利州", encoding="utf-8")
    (year / ".剑阁县.yaml.a1b2c3d4.tmp").write_text("unit: 剑", encoding="utf-8")
    assert run(runner, "import", str(FORMS / "利州区_2024.xlsx"), "--force").exit_code == 0
    assert [p.name for p in year.iterdir() if p.name.startswith(".")] == [
        ".剑阁县.yaml.a1b2c3d4.tmp"  # another unit's: perhaps being written right now
    ]


def test_a_lock_file_left_behind_is_not_data(runner: CliRunner, sample: Path) -> None:
    lock_path(sample / "data", 2024, LIZHOU).write_text("", encoding="utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert "lock" not in result.output


def test_init_waits_for_an_import_of_the_same_data_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lockfile, "WAIT", 0.2)
    repo = tmp_path / "repo"
    with hold(lock_path(repo / "data", 2020, LIZHOU)):
        result = run(runner, "init", str(repo), "--force")
    assert result.exit_code == 3
    assert (
        "data/2020/利州区.yaml：另一个 kxplan 正在写入此文件，等待 0.2 秒后仍未结束；请稍后再试"
        in result.stderr
    )
    assert not (repo / "data/2020/利州区.yaml").exists()
    again = run(runner, "init", str(repo), "--force")
    assert again.exit_code == 0, again.output
    assert "  + data/2020/利州区.yaml" in again.stderr
    assert not [p for p in (repo / "data").rglob("*") if p.name.startswith(".")]


def test_every_outcome_is_said_and_counted() -> None:
    from kxplan.cli.commands.import_forms import _SAID, COUNTS
    from kxplan.forms.merge import Outcome

    assert set(_SAID) | {Outcome.APPEARED} == set(Outcome)
    assert {counted for _, counted in _SAID.values()} <= set(COUNTS)
