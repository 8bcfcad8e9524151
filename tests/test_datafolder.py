"""Data files in the wrong place are reported, never silently skipped: a county's figures in
`data/2024年/` would otherwise simply be missing."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run
from kxplan.load.folder import scan, year_hint
from test_check_cli import ANNUAL

VALID = "unit: 乙区\nyear: 2024\nvalues:\n  count_flow: 3\n"


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    root = project(plan_dict(ANNUAL), {(2024, "甲市"): {"rate": 50}})
    monkeypatch.chdir(root)
    return root


def put(folder: Path, relative: str, text: str = VALID) -> None:
    path = folder / "data" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_scan_sorts_files_by_place(tmp_path: Path) -> None:
    for name in [
        "2024/a.yaml",
        "2024/b.YML",
        "2024/form.xlsx",
        "2024/.hidden.yaml",
        "2024年/c.yaml",
        "d.yml",
        "2024/old/e.yaml",
        ".git/f.yaml",
        "notes/readme.md",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    layout = scan(tmp_path)
    assert {y: [p.name for p in files] for y, files in layout.years.items()} == {
        2024: ["a.yaml", "b.YML"]
    }
    assert sorted(p.relative_to(tmp_path).as_posix() for p in layout.misplaced) == [
        "2024/old/e.yaml",
        "2024年/c.yaml",
        "d.yml",
    ]
    assert [p.name for p in layout.ignored] == ["form.xlsx"]
    assert year_hint(tmp_path / "2024年/c.yaml", tmp_path) == 2024
    assert year_hint(tmp_path / "d.yml", tmp_path) is None


def test_misplaced_files_are_problems_with_the_folder_to_move_to(
    runner: CliRunner, folder: Path
) -> None:
    put(folder, "2024年/乙区.yaml")
    put(folder, "乙区.yaml")
    put(folder, "2023年/丙县.yaml", "unit: [丙县\n")  # unreadable: the folder name gives the year
    result = run(runner, "validate")
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    moved = "文件不在 data/<年份>/ 文件夹中，kxplan 不会读取它；year 为 2024，请移到 data/2024/"
    assert f"data/2024年/乙区.yaml:2:7: year-mismatch: {moved}" in lines
    assert any(line.startswith("data/乙区.yaml:2:7: year-mismatch:") for line in lines)
    assert (
        "data/2023年/丙县.yaml: year-mismatch: 文件不在 data/<年份>/ 文件夹中，kxplan 不会读取它；"
        "请移到 data/2023/" in lines
    )
    assert any(line.startswith("data/2023年/丙县.yaml:1:7: yaml-syntax") for line in lines)
    assert "已检查 4 个文件：3 个文件共 4 个问题" in result.output


def test_misplaced_file_is_not_used_by_check(runner: CliRunner, folder: Path) -> None:
    put(folder, "2024年/乙区.yaml")
    result = run(runner, "check", "2024", "--format", "json")
    assert result.exit_code == 3
    assert "乙区" in result.stdout and '"missing_files"' in result.stdout
    assert "year-mismatch" in result.stdout


def test_a_file_given_outside_a_year_folder_is_reported(runner: CliRunner, folder: Path) -> None:
    put(folder, "2024年/乙区.yaml")
    result = run(runner, "validate", "--lang", "en", "data/2024年/乙区.yaml")
    assert result.exit_code == 3
    assert "data/2024年/乙区.yaml:2:7: year-mismatch: the file is not in a data/<year>/ folder" in (
        result.stdout
    )


def test_upper_case_suffix_is_read_and_other_files_are_named(
    runner: CliRunner, folder: Path
) -> None:
    put(folder, "2024/乙区.YAML", VALID.replace("3", "-1"))
    put(folder, "2024/丙县.xlsx", "not a data file")
    result = run(runner, "validate")
    assert result.exit_code == 3
    assert "data/2024/乙区.YAML:4:15: out-of-range" in result.stdout
    assert "不是数据文件（后缀不是 .yaml/.yml），未检查：data/2024/丙县.xlsx" in result.stderr
    assert "已检查 2 个文件" in result.stderr


def test_the_count_includes_files_of_unknown_units(runner: CliRunner, folder: Path) -> None:
    put(folder, "2024/丁区.yaml", VALID.replace("乙区", "丁区"))
    result = run(runner, "validate")
    assert "已检查 2 个文件：1 个文件共" in result.output


def test_a_file_named_from_inside_its_year_folder_is_in_place(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put(folder, "2024/乙区.yaml")
    monkeypatch.chdir(folder / "data" / "2024")
    result = run(runner, "validate", "乙区.yaml")
    assert result.exit_code == 0, result.output


def test_a_folder_given_to_validate_stands_for_its_data_files(
    runner: CliRunner, folder: Path
) -> None:
    put(folder, "2024/乙区.yaml", VALID.replace("3", "-1"))
    put(folder, "2024/丙县.xlsx", "a form")
    result = run(runner, "validate", "data/2024/")
    assert result.exit_code == 3
    assert "data/2024/乙区.yaml:4:15: out-of-range" in result.stdout
    assert "已检查 2 个文件" in result.output  # 甲市.yaml and 乙区.yaml, not the form


def test_two_files_of_one_unit_are_named_where_the_problem_is(
    runner: CliRunner, folder: Path
) -> None:
    put(folder, "2024/乙区.yaml")
    put(folder, "2024/100001.yaml")  # 乙区's division code: the same unit again
    result = run(runner, "check", "2024", "--format", "json")
    assert result.exit_code == 3
    document = json.loads(result.stdout)
    [problem] = document["problems"]
    assert problem["code"] == "duplicate-key"
    assert document["invalid_files"] == [problem["file"]]
    assert "data/2024/100001.yaml" in problem["message"]


def test_a_file_given_alone_is_checked_against_its_unit_s_other_file(
    runner: CliRunner, folder: Path
) -> None:
    put(folder, "2024/乙区.yaml")  # committed before
    put(folder, "2024/100001.yaml")  # 乙区's division code: added now, given to the hook
    result = run(runner, "validate", "data/2024/100001.yaml")
    assert result.exit_code == 3
    assert result.stdout == (
        "data/2024/100001.yaml:1:1: duplicate-key: 乙区 2024 年已有数据文件 data/2024/乙区.yaml；"
        "每个单位每年只能有一个文件\n"
    )
    assert run(runner, "validate", "data/2024/甲市.yaml").exit_code == 0


def test_an_empty_folder_given_to_validate_is_not_all_valid(
    runner: CliRunner, folder: Path
) -> None:
    (folder / "empty").mkdir()
    result = run(runner, "validate", "empty")
    assert result.exit_code == 2, result.output
    assert "全部有效" not in result.output
    assert "文件夹 empty 中没有数据文件（.yaml/.yml）" in result.output
    english = run(runner, "validate", "--lang", "en", "empty")
    assert "no data files (.yaml/.yml) in the folder empty" in english.output


def test_a_folder_where_a_data_file_belongs_is_reported(runner: CliRunner, folder: Path) -> None:
    """`data/2024/乙区.yaml` made as a folder (an archive unpacked in place) is not 乙区's file
    missing: it is a problem at that name, for the whole folder and for the hook alike."""
    (folder / "data" / "2024" / "乙区.yaml").mkdir(parents=True)
    said = "data/2024/乙区.yaml: encoding: 这是一个文件夹，不是数据文件"
    whole = run(runner, "validate")
    assert whole.exit_code == 3, whole.output
    assert said in whole.stdout.splitlines()[0]
    given = run(runner, "validate", "data/2024/乙区.yaml")
    assert given.exit_code == 3, given.output
    assert given.stdout.startswith(said)
    assert "已检查 1 个文件：1 个文件共 1 个问题" in given.stderr
    year = run(runner, "validate", "data/2024/")
    assert year.exit_code == 3 and said in year.stdout
    checked = json.loads(run(runner, "check", "2024", "--format", "json").stdout)
    assert checked["invalid_files"] == ["data/2024/乙区.yaml"]
    assert "乙区" not in checked["missing_files"]


@pytest.mark.parametrize("given", [False, True])
def test_a_linked_data_file_is_judged_where_the_link_is(
    runner: CliRunner, folder: Path, given: bool
) -> None:
    """`data/2024/乙区.yaml → ../../shared/乙区-2024.yaml` is 乙区's file for 2024."""
    shared = folder / "shared" / "乙区-2024.yaml"
    shared.parent.mkdir()
    shared.write_text(VALID, encoding="utf-8")
    (folder / "data" / "2024" / "乙区.yaml").symlink_to(Path("../../shared/乙区-2024.yaml"))
    result = run(runner, "validate", *(["data/2024/乙区.yaml"] if given else []))
    assert result.exit_code == 0, result.output
    report = json.loads(run(runner, "check", "2024", "--format", "json").stdout)
    [result_of_yi] = [r for r in report["results"] if r["unit"] == "乙区"]
    assert (result_of_yi["status"], result_of_yi["value"]) == ("met", 3)


def test_a_linked_year_folder_is_read(runner: CliRunner, folder: Path) -> None:
    """`data/2024 → ../shared/2024` holds the files for 2024; they were skipped in silence."""
    put(folder, "2024/乙区.yaml")
    (folder / "shared").mkdir()
    (folder / "data" / "2024").rename(folder / "shared" / "2024")
    (folder / "data" / "2024").symlink_to(Path("../shared/2024"))
    (folder / "data" / "2024" / "loop").symlink_to(Path(".."))  # not followed: no file twice
    (folder / "data" / "elsewhere").symlink_to(Path(".."))  # nor a link that is no year folder
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert "已检查 2 个文件：全部有效" in result.stderr
    report = json.loads(run(runner, "check", "2024", "--format", "json").stdout)
    assert report["missing_files"] == ["丙县"]


def test_a_link_named_after_another_unit_is_that_unit_s_second_file(
    runner: CliRunner, folder: Path
) -> None:
    """The duplicate check of a file given alone looks in the link's folder."""
    put(folder, "2024/乙区.yaml")
    shared = folder / "shared" / "100001.yaml"
    shared.parent.mkdir()
    shared.write_text(VALID, encoding="utf-8")
    (folder / "data" / "2024" / "100001.yaml").symlink_to(shared)
    result = run(runner, "validate", "data/2024/100001.yaml")
    assert result.exit_code == 3
    assert "乙区 2024 年已有数据文件 data/2024/乙区.yaml" in result.stdout


LEFTOVER = "data/2024/.乙区.yaml.k3j2x9_a.tmp"


@pytest.mark.parametrize("given", [False, True])
def test_a_write_left_unfinished_is_named_but_not_read(
    runner: CliRunner, folder: Path, given: bool
) -> None:
    """A run killed while writing leaves its temporary file beside the real one. It is never
    read as data; the real file is judged as it is, so the exit code is the real file's; but
    the leftover is named, with what to do about it."""
    put(folder, "2024/乙区.yaml")
    (folder / LEFTOVER).write_text("unit: 乙区\nyear: 2024\nvalues:\n  count_flow: [", "utf-8")
    result = run(runner, "validate", *(["data/2024/乙区.yaml"] if given else []))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # not a problem of the data
    assert (
        f"{LEFTOVER}: 警告：这是一次被中断的写入留下的临时文件，kxplan 不会读取它；"
        "请确认 data/2024/乙区.yaml 无误（必要时重新导入）后删除它"
    ) in result.stderr.splitlines()
    (folder / ".targets.yaml.x1y2z3_4.tmp").write_text("plan: {", "utf-8")
    assert ".targets.yaml.x1y2z3_4.tmp: 警告：" in run(runner, "validate").stderr
    (folder / ".targets.yaml.x1y2z3_4.tmp").unlink()
    english = run(runner, "validate", "--lang", "en", "--format", "json")
    assert json.loads(english.stdout)["warnings"] == [
        {
            "file": LEFTOVER,
            "message": "a temporary file left by an interrupted write, never read by kxplan;"
            " check data/2024/乙区.yaml (import again if need be), then delete it",
        }
    ]
    github = run(runner, "validate", "--format", "github")
    assert github.exit_code == 0
    assert f"::warning file={LEFTOVER},title=kxplan::这是一次被中断的写入" in github.stdout
    checked = run(runner, "check", "2024", "--county", "乙区")
    assert checked.exit_code == 0, checked.output
    assert LEFTOVER in checked.stderr


def test_a_leftover_beside_an_invalid_file_does_not_hide_its_problems(
    runner: CliRunner, folder: Path
) -> None:
    put(folder, "2024/乙区.yaml", VALID.replace("3", "-1"))
    (folder / LEFTOVER).write_text(VALID, "utf-8")
    result = run(runner, "validate")
    assert result.exit_code == 3
    assert "data/2024/乙区.yaml:4:15: out-of-range" in result.stdout
    assert LEFTOVER in result.stderr


def test_a_folder_that_cannot_be_read_is_a_problem_not_silence(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year folder kxplan may not list (its permissions) would silently have no files."""
    put(folder, "2023/乙区.yaml", VALID.replace("2024", "2023"))
    refuse_to_list(monkeypatch, "2023")
    result = run(runner, "validate")
    assert result.exit_code == 3, result.output
    assert result.stdout == (
        "data/2023: encoding: 无法读取此文件夹，其中的数据文件都未检查：没有读取权限\n"
    )


def refuse_to_list(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Folders called `name` cannot be listed (as without read permission; tests run as root)."""

    def refuse(real: Any) -> Any:
        def call(path: Any = ".") -> Any:
            if Path(path).name == name:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        return call

    monkeypatch.setattr(os, "listdir", refuse(os.listdir))
    monkeypatch.setattr(os, "scandir", refuse(os.scandir))


def test_check_of_the_latest_year_skips_a_folder_it_cannot_list(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put(folder, "2023/乙区.yaml", VALID.replace("2024", "2023"))
    refuse_to_list(monkeypatch, "2024")
    result = run(runner, "check", "--format", "json")
    assert result.exit_code == 1, result.output  # 丙县 has no file for 2023: missing
    assert json.loads(result.stdout)["year"] == 2023


def test_a_file_given_in_a_folder_that_cannot_be_listed_is_still_checked(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    put(folder, "2024/乙区.yaml")
    refuse_to_list(monkeypatch, "2024")
    result = run(runner, "validate", "data/2024/乙区.yaml")
    assert result.exit_code == 0, result.output
