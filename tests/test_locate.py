"""Finding the plan and the data folder: a `targets.yaml` or `data` that is there but cannot be
used is an error, never a reason to take another one (a parent folder's, or the plan shipped
with kxplan); the shipped plan is used only where there is no `targets.yaml` at all, and said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run
from kinds import LECTURES


def spoil(path: Path, kind: str) -> None:
    """Put at `path` something that is there but is not a file (nor a folder)."""
    if kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path.name)
    elif kind == "dangling":
        path.symlink_to("nowhere")
    else:
        path.write_text("not a folder\n", encoding="utf-8")


WHY = {
    "folder": "是文件夹，不是文件",
    "loop": "是循环的链接（最终指回自己）",
    "dangling": "是失效的链接（指向的文件不存在）",
    "file": "是文件，不是文件夹",
}


@pytest.fixture
def valid(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid plan and data folder; the current folder is `sub/` below them."""
    folder = project(plan_dict(LECTURES), {(2024, "乙区"): {"count_flow": 3}})
    (folder / "sub").mkdir()
    monkeypatch.chdir(folder / "sub")
    return folder


@pytest.mark.parametrize("kind", ["folder", "loop", "dangling"])
def test_a_plan_that_cannot_be_read_is_an_error_not_the_shipped_plan(
    runner: CliRunner, valid: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    (valid / "targets.yaml").unlink()
    spoil(valid / "targets.yaml", kind)
    result = run(runner, "validate")
    assert result.exit_code == 3, result.output
    assert result.stdout.startswith(
        f"{valid / 'targets.yaml'}: plan-error: 无法读取规划文件：{WHY[kind]}；"
        "请修正它，或用 --plan 指定规划文件"
    )
    assert "自带" not in result.output and "已检查" not in result.output
    monkeypatch.chdir(valid)
    english = run(runner, "check", "2024", "--lang", "en")
    assert english.exit_code == 3
    assert english.stdout.startswith("targets.yaml: plan-error: cannot read the plan: ")
    assert english.stdout.rstrip().endswith("; fix it, or give a plan with --plan")


@pytest.mark.parametrize("kind", ["folder", "loop", "dangling"])
def test_a_plan_that_cannot_be_read_hides_no_plan_above(
    runner: CliRunner, valid: Path, kind: str
) -> None:
    spoil(valid / "sub" / "targets.yaml", kind)
    result = run(runner, "validate", "--format", "json")
    assert result.exit_code == 3, result.output
    assert '"file": "targets.yaml"' in result.stdout and WHY[kind] in result.stdout


def test_the_shipped_plan_is_used_only_without_any_plan_and_said_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    for command in (["validate"], ["check", "2024", "--compare", "HEAD"], ["targets"]):
        result = run(runner, *command)
        note = (
            f"未找到 targets.yaml（从 {tmp_path} 向上查找）：使用 kxplan 自带的规划"
            " “广元市科学技术协会事业发展“十四五”规划（2021—2025年）”"
        )
        assert result.stderr.count(note) == 1, result.stderr
        assert note not in result.stdout
    english = run(runner, "validate", "--lang", "en")
    assert english.exit_code == 0
    assert english.stderr.count("no targets.yaml found (looked upwards from") == 1
    assert "using the plan shipped with kxplan" in english.stderr
    # a plan named on the command line or found says nothing of the kind
    (tmp_path / "targets.yaml").write_text("", encoding="utf-8")
    assert "自带" not in run(runner, "validate").stderr


@pytest.mark.parametrize("kind", ["file", "loop", "dangling"])
def test_a_data_folder_that_cannot_be_used_hides_no_data_above(
    runner: CliRunner, valid: Path, kind: str
) -> None:
    spoil(valid / "sub" / "data", kind)
    (valid / "sub" / "targets.yaml").symlink_to(valid / "targets.yaml")
    result = run(runner, "validate")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"kxplan: data 不能用作数据文件夹：{WHY[kind]}；请修正它，或用 --data-dir 指定数据文件夹\n"
    )
    english = run(runner, "check", "2024", "--lang", "en")
    assert english.exit_code == 2
    assert english.stderr.startswith("kxplan: data cannot be used as the data folder: ")


@pytest.mark.parametrize("kind", ["folder", "loop", "dangling"])
def test_init_does_not_complete_a_repository_around_a_broken_plan(
    runner: CliRunner, tmp_path: Path, kind: str
) -> None:
    """`init --force` keeps a repository's own plan; one that cannot be read is not kept as if
    it were there, with the shipped plan's schema and files beside it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    spoil(repo / "targets.yaml", kind)
    result = run(runner, "init", str(repo), "--force")
    assert result.exit_code == 3, result.output
    assert f"{repo / 'targets.yaml'}: plan-error: 无法读取规划文件：{WHY[kind]}" in result.stdout
    assert [path.name for path in repo.iterdir()] == ["targets.yaml"]


@pytest.mark.parametrize(("kind", "option"), [("folder", "--plan"), ("file", "--data-dir")])
def test_a_given_path_that_is_there_but_wrong_says_what_it_is(
    runner: CliRunner, valid: Path, kind: str, option: str
) -> None:
    """`--plan data` is not "no such file": it is a folder, and the message says so."""
    path = valid / "sub" / "spoilt"
    spoil(path, kind)
    result = run(runner, "check", "2024", option, str(path))
    assert result.exit_code == 2
    assert WHY[kind] in result.stderr
    assert "不存在" not in result.stderr


def test_a_plan_that_is_a_device_is_not_a_missing_file(runner: CliRunner, valid: Path) -> None:
    result = run(runner, "validate", "--plan", "/dev/null", "--lang", "en")
    assert result.exit_code == 2
    assert "/dev/null cannot be used as the plan" in result.stderr
    assert "no such file" not in result.stderr


@pytest.mark.parametrize("command", [["targets"], ["schema"]])
def test_every_command_takes_data_dir(runner: CliRunner, valid: Path, command: list[str]) -> None:
    """SPEC §6: all commands take --plan and --data-dir; those that read no data still check it."""
    assert run(runner, *command, "--data-dir", str(valid / "data")).exit_code == 0
    wrong = run(runner, *command, "--data-dir", str(valid / "nowhere"))
    assert wrong.exit_code == 2 and "nowhere" in wrong.stderr
