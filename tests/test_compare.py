"""`kxplan check YEAR --compare REV` in a git data repository with two commits."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run, write_yaml
from gitrepo import commit, git
from kinds import LECTURES
from kxplan.load.datafile import FileChecker
from kxplan.model.errors import UsageError
from kxplan.repo import gitrev

DONE = {
    "id": "done",
    "indicator": "done",
    "level": "county",
    "kind": "annual",
    "op": "==",
    "threshold": True,
}


@pytest.fixture
def repo(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """First commit: 乙区 held 3 lectures (met), 丙县 1 (not met). Second: 乙区 1, 丙县 2."""
    folder = project(
        plan_dict(LECTURES, DONE),
        {
            (2024, "乙区"): {"count_flow": 3, "done": True},
            (2024, "丙县"): {"count_flow": 1, "done": True},
        },
    )
    git(folder, "init", "-q")
    commit(folder, "first")
    write_yaml(
        folder / "data/2024/乙区.yaml",
        {"unit": "乙区", "year": 2024, "values": {"count_flow": 1, "done": True}},
    )
    write_yaml(
        folder / "data/2024/丙县.yaml",
        {"unit": "丙县", "year": 2024, "values": {"count_flow": 2, "done": True}},
    )
    commit(folder, "second")
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return folder


def test_only_changed_results_are_shown(runner: CliRunner, repo: Path) -> None:
    result = run(runner, "check", "2024", "--compare", "HEAD~1")
    assert result.exit_code == 1  # 乙区 newly fails
    out = result.stdout
    sha = git(repo, "rev-parse", "HEAD~1").strip()
    assert f"测试规划 — 2024：相对 HEAD~1 ({sha[:10]}) 的变化" in out
    assert "乙区  ✔ 3 达标    →  ✘ 1 未达标" in out
    assert "丙县  ✘ 1 未达标  →  ✔ 2 达标" in out
    assert "是否建成" not in out  # `done` did not change
    assert "2 项结果的状态有变化（共比较 4 项）；其中 1 项新进入 --fail-on" in out


def test_json_lists_old_and_new_status(runner: CliRunner, repo: Path) -> None:
    result = run(runner, "check", "2024", "--compare", "HEAD~1", "--format", "json")
    body = json.loads(result.stdout)
    sha = git(repo, "rev-parse", "HEAD~1").strip()
    assert body["base"] == {"rev": "HEAD~1", "commit": sha, "invalid_plan": None}
    assert body["compared"] == 4 and body["changed"] == 2 and body["entered_fail_on"] == 1
    changes = {(c["target"], c["unit"]): c for c in body["changes"]}
    assert set(changes) == {("lectures", "乙区"), ("lectures", "丙县")}
    yi = changes["lectures", "乙区"]
    assert (yi["old_status"], yi["new_status"], yi["entered_fail_on"]) == ("met", "not_met", True)
    assert (yi["old"]["value"], yi["new"]["value"]) == (3, 1)
    assert yi["new"]["file"] == "data/2024/乙区.yaml"


def test_markdown_and_github_formats(runner: CliRunner, repo: Path, tmp_path: Path) -> None:
    markdown = run(runner, "check", "2024", "--compare", "HEAD~1", "--format", "markdown")
    assert "| 当年数 | 乙区 | ✔ 3 达标 | ✘ 1 未达标 | 1次；≥ 2次（每年） |" in markdown.stdout
    summary = tmp_path / "summary.md"
    github = run(
        runner,
        "check",
        "2024",
        "--compare",
        "HEAD~1",
        "--format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    lines = github.stdout.splitlines()
    assert lines[0] == (
        "::warning file=data/2024/乙区.yaml,line=4,"
        "title=lectures @ 乙区%3A ✔ 3 达标 → ✘ 1 未达标::当年数: 1次；≥ 2次（每年）"
    )
    assert lines[1].startswith("::notice file=data/2024/丙县.yaml,line=4,title=lectures @ 丙县")
    assert "| 当年数 | 乙区 | ✔ 3 达标 | ✘ 1 未达标 |" in summary.read_text("utf-8")


def test_the_working_tree_is_compared_and_left_untouched(runner: CliRunner, repo: Path) -> None:
    (repo / "data/2024/丙县.yaml").unlink()  # not committed
    status_before = git(repo, "status", "--porcelain")
    head_before = git(repo, "rev-parse", "HEAD")
    result = run(runner, "check", "2024", "--compare", "HEAD", "--format", "json")
    body = json.loads(result.stdout)
    assert [
        (c["target"], c["unit"], c["old_status"], c["new_status"]) for c in body["changes"]
    ] == [
        ("lectures", "丙县", "met", "missing"),
        ("done", "丙县", "met", "missing"),
    ]
    assert result.exit_code == 1
    assert git(repo, "status", "--porcelain") == status_before
    assert status_before == ' D "data/2024/\\344\\270\\231\\345\\216\\277.yaml"\n'  # 丙县
    assert git(repo, "rev-parse", "HEAD") == head_before
    assert git(repo, "stash", "list") == ""


def test_no_change_exits_zero(runner: CliRunner, repo: Path) -> None:
    result = run(runner, "check", "2024", "--compare", "HEAD")
    assert result.exit_code == 0
    assert "没有结果的状态发生变化（共比较 4 项）。" in result.stdout


def test_only_improvements_exit_zero(runner: CliRunner, repo: Path) -> None:
    result = run(runner, "check", "2024", "--compare", "HEAD~1", "--county", "丙县")
    assert result.exit_code == 0
    assert "乙区" not in result.stdout
    assert "1 项结果的状态有变化（共比较 2 项）；其中 0 项新进入 --fail-on" in result.stdout


def test_a_county_is_compared_from_its_own_files(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Now and at REV, only the files of the unit, those above it and below it are read."""
    opened: list[str] = []
    original = FileChecker.check

    def spy(self: FileChecker, path: Path, display: str) -> Any:
        opened.append(path.stem)
        return original(self, path, display)

    monkeypatch.setattr(FileChecker, "check", spy)
    result = run(runner, "check", "2024", "--compare", "HEAD~1", "--county", "丙县")
    assert result.exit_code == 0
    assert opened == ["丙县", "丙县"]  # the working tree's, then REV's (甲市 has no file)


def test_the_plan_at_the_revision_is_used(runner: CliRunner, repo: Path) -> None:
    """A target added since REV shows as new (— before it)."""
    extra = {**LECTURES, "id": "lectures_3", "threshold": 3}
    write_yaml(repo / "targets.yaml", plan_dict(LECTURES, DONE, extra))
    result = run(runner, "check", "2024", "--compare", "HEAD", "--format", "json")
    body = json.loads(result.stdout)
    assert {
        (c["target"], c["unit"], c["old_status"], c["new_status"]) for c in body["changes"]
    } == {
        ("lectures_3", "乙区", None, "not_met"),
        ("lectures_3", "丙县", None, "not_met"),
    }


def test_an_invalid_working_file_exits_three(runner: CliRunner, repo: Path) -> None:
    (repo / "data/2024/乙区.yaml").write_text("unit: 乙区\nyear: 2024\nvalues: [\n")
    result = run(runner, "check", "2024", "--compare", "HEAD")
    assert result.exit_code == 3
    assert "数据问题：" in result.output  # the table says why, as the other formats do
    assert "data/2024/乙区.yaml:4:1: yaml-syntax:" in result.output


def test_unknown_revision_is_a_usage_error(runner: CliRunner, repo: Path) -> None:
    result = run(runner, "check", "2024", "--compare", "no-such-branch")
    assert result.exit_code == 2
    assert "git 中没有版本 “no-such-branch”" in result.stderr


def test_a_revision_is_never_read_as_a_git_option(repo: Path, tmp_path: Path) -> None:
    written = tmp_path / "written"
    with pytest.raises(UsageError):
        gitrev.commit(repo, f"--output={written}", "zh")
    assert not written.exists()


def test_outside_a_git_repository_is_a_usage_error(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = project(plan_dict(LECTURES), {(2024, "乙区"): {"count_flow": 3}})
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(folder.parent))
    result = run(runner, "check", "2024", "--compare", "HEAD")
    assert result.exit_code == 2
    assert "不在 git 仓库中" in result.stderr
    assert "Traceback" not in result.output


def test_a_plan_outside_the_repository_judges_both_sides(
    runner: CliRunner, repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The shipped plan, or --plan elsewhere: REV's data is judged by the current plan."""
    extra = {**LECTURES, "id": "lectures_3", "threshold": 3}
    outside = write_yaml(
        tmp_path_factory.mktemp("elsewhere") / "plan.yaml", plan_dict(LECTURES, extra)
    )
    args = ["check", "2024", "--compare", "HEAD~1", "--plan", str(outside), "--format", "json"]
    body = json.loads(run(runner, *args).stdout)
    assert {
        (c["target"], c["unit"], c["old_status"], c["new_status"]) for c in body["changes"]
    } == {
        ("lectures", "乙区", "met", "not_met"),
        ("lectures_3", "乙区", "met", "not_met"),
        ("lectures", "丙县", "not_met", "met"),
    }


def test_a_shallow_clone_says_how_to_fetch_the_revision(
    runner: CliRunner, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    result = run(runner, "check", "2024", "--compare", "HEAD~1")
    assert result.exit_code == 2
    assert "git 中没有版本 “HEAD~1”" in result.stderr
    assert "浅克隆" in result.stderr and "fetch-depth: 0" in result.stderr
    english = run(runner, "check", "2024", "--compare", "HEAD~1", "--lang", "en").stderr
    assert "shallow clone" in english and "git fetch --unshallow" in english


def test_git_s_own_reason_is_said_when_it_is_not_a_known_one(runner: CliRunner, repo: Path) -> None:
    (repo / ".git/config").write_text("[core\n", encoding="utf-8")
    result = run(runner, "check", "2024", "--compare", "HEAD")
    assert result.exit_code == 2
    assert "不在 git 仓库中" not in result.stderr
    assert "fatal: bad config line 1" in result.stderr


def test_an_invalid_plan_at_the_revision_judges_its_data_by_the_current_plan(
    runner: CliRunner, repo: Path
) -> None:
    plan = (repo / "targets.yaml").read_text("utf-8")
    (repo / "targets.yaml").write_text(plan.replace("indicators:", "indicatorz:"), "utf-8")
    commit(repo, "broken plan")
    (repo / "targets.yaml").write_text(plan, "utf-8")  # the fix, not committed yet
    result = run(runner, "check", "2024", "--compare", "HEAD")
    assert result.exit_code == 0, result.output
    assert "注意：HEAD:targets.yaml 有误，原状态按当前规划判定" in result.stdout
    assert "没有结果的状态发生变化（共比较 4 项）" in result.stdout
    github = run(runner, "check", "2024", "--compare", "HEAD", "--format", "github", "--lang", "en")
    assert github.stdout.splitlines()[0] == (
        "::warning title=kxplan::note: HEAD:targets.yaml is invalid;"
        " the old statuses follow the current plan"
    )
    body = json.loads(run(runner, "check", "2024", "--compare", "HEAD", "--format", "json").stdout)
    assert body["base"]["invalid_plan"] == "HEAD:targets.yaml"


def test_a_file_that_was_invalid_is_named_as_the_old_reason(runner: CliRunner, repo: Path) -> None:
    (repo / "data/2024/乙区.yaml").write_text("unit: 乙区\nyear: 2024\nvalues: [\n")
    commit(repo, "broken file")
    write_yaml(
        repo / "data/2024/乙区.yaml",
        {"unit": "乙区", "year": 2024, "values": {"count_flow": 3, "done": True}},
    )
    result = run(runner, "check", "2024", "--compare", "HEAD")
    assert "? 缺数据  →  ✔ 3 达标" in result.stdout
    assert "原：乙区 2024 年数据文件有误，按缺数据处理" in result.stdout
    markdown = run(runner, "check", "2024", "--compare", "HEAD", "--format", "markdown").stdout
    assert "3次；≥ 2次（每年）；原：乙区 2024 年数据文件有误，按缺数据处理 |" in markdown


def test_a_result_that_still_fails_after_a_change_is_a_warning(
    runner: CliRunner, repo: Path
) -> None:
    write_yaml(
        repo / "data/2024/乙区.yaml", {"unit": "乙区", "year": 2024, "values": {"done": True}}
    )
    github = run(runner, "check", "2024", "--compare", "HEAD", "--format", "github")
    [line] = [line for line in github.stdout.splitlines() if "乙区" in line]
    assert line.startswith(
        "::warning file=data/2024/乙区.yaml,title=lectures @ 乙区%3A ✘ 1 未达标 → ?"
    )
    assert github.exit_code == 0  # not_met → missing: failing before and now, not newly
