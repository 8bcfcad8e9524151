"""`--format github` names files from the repository's top, where GitHub looks for them, also
when the plan and data live in a subfolder of the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run, write_yaml
from gitrepo import commit, git
from kinds import LECTURES
from test_github import parse_annotations

SUB = "sub dir 子"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`repo/sub dir 子/{targets.yaml,data/}`; 乙区 held 3 lectures at the first commit, 1 now."""
    top = tmp_path / "repo"
    folder = top / SUB
    write_yaml(folder / "targets.yaml", plan_dict(LECTURES))
    yi = folder / "data/2024/乙区.yaml"
    write_yaml(yi, {"unit": "乙区", "year": 2024, "values": {"count_flow": 3}})
    git(top, "init", "-q")
    commit(top, "first")
    write_yaml(yi, {"unit": "乙区", "year": 2024, "values": {"count_flow": 1}})
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return top


def files(output: str) -> list[str]:
    """The files annotated (an annotation of the missing files has none)."""
    return [props["file"] for _, props, _ in parse_annotations(output) if "file" in props]


def from_top(runner: CliRunner, *args: str) -> list[str]:
    where = ["--plan", f"{SUB}/targets.yaml", "--data-dir", f"{SUB}/data"]
    return files(run(runner, *args, *where, "--format", "github").stdout)


def test_paths_are_from_the_repository_top(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = f"{SUB}/data/2024/乙区.yaml"
    (repo / SUB / "data/2024/丙县.yaml").write_text("unit: 丙县\nyear: 2024\nvalues: [\n")
    monkeypatch.chdir(repo)
    assert wanted.replace("乙区", "丙县") in from_top(runner, "validate")
    assert wanted in from_top(runner, "check", "2024")
    assert wanted in from_top(runner, "check", "2024", "--compare", "HEAD")
    monkeypatch.chdir(repo / SUB)
    given = run(runner, "validate", "data/2024/丙县.yaml", "--format", "github")
    assert files(given.stdout) == [wanted.replace("乙区", "丙县")]
    assert wanted in files(run(runner, "check", "2024", "--format", "github").stdout)


def test_other_formats_keep_the_data_folder_s_parent(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / SUB / "data/2024/丙县.yaml").write_text("unit: 丙县\nyear: 2024\nvalues: [\n")
    monkeypatch.chdir(repo / SUB)
    assert run(runner, "validate").stdout.startswith("data/2024/丙县.yaml:4:1: yaml-syntax:")


def test_outside_git_github_workspace_is_the_top(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / SUB)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo.parent))
    (repo / ".git").rename(repo / "not-git")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo))
    assert files(run(runner, "check", "2024", "--format", "github").stdout) == [
        f"{SUB}/data/2024/丙县.yaml",  # absent: where it belongs, first (issue 14 item 6)
        f"{SUB}/data/2024/乙区.yaml",
    ]


def test_paths_are_from_the_data_repository_wherever_kxplan_runs(
    runner: CliRunner, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder outside the repository (another checkout, say) with --plan and
    --data-dir pointing into it: files are still named from the repository holding the plan."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    where = ["--plan", str(repo / SUB / "targets.yaml"), "--data-dir", str(repo / SUB / "data")]
    output = run(runner, "check", "2024", *where, "--format", "github").stdout
    assert files(output) == [f"{SUB}/data/2024/丙县.yaml", f"{SUB}/data/2024/乙区.yaml"]
