"""`kxplan init`: a data repository that validates as written and never loses a file."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run, write_yaml
from kinds import LECTURES
from kxplan import __version__
from kxplan.cli.locate import embedded_plan

SMALL_FILES = {
    "targets.yaml",
    "schema.json",
    "data/2020/甲市.yaml",
    "data/2020/乙区.yaml",
    "data/2020/丙县.yaml",
    "README.md",
    ".pre-commit-config.yaml",
    ".github/workflows/kxplan.yml",
    ".vscode/extensions.json",
    ".gitignore",
}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def small_plan(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "plan.yaml", plan_dict(LECTURES))


def test_init_writes_a_repository_that_validates(
    runner: CliRunner, tmp_path: Path, small_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    result = run(runner, "init", str(repo), "--plan", str(small_plan))
    assert result.exit_code == 0, result.output
    files = tree(repo)
    assert set(files) == SMALL_FILES
    for name in SMALL_FILES:
        assert f"  + {name}" in result.stderr
    assert files["targets.yaml"] == small_plan.read_bytes()
    monkeypatch.chdir(repo)
    validated = run(runner, "validate")
    assert validated.exit_code == 0, validated.output
    assert "已检查 3 个文件：全部有效" in validated.stderr


def test_data_files_are_empty_point_to_the_schema_and_pass_it(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    run(runner, "init", str(repo), "--plan", str(small_plan))
    text = (repo / "data/2020/乙区.yaml").read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema.json"
    assert yaml.safe_load(text) == {"unit": "乙区", "year": 2020, "values": {"count_flow": None}}
    schema = json.loads((repo / "schema.json").read_text("utf-8"))
    for path in (repo / "data/2020").iterdir():
        jsonschema.validate(yaml.safe_load(path.read_text("utf-8")), schema)


def test_without_plan_the_embedded_plan_is_copied(runner: CliRunner, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    result = run(runner, "init", str(repo))
    assert result.exit_code == 0, result.output
    embedded = embedded_plan()
    assert embedded is not None
    assert (repo / "targets.yaml").read_bytes() == embedded.read_bytes()
    assert len(list((repo / "data/2020").iterdir())) == 8
    readme = (repo / "README.md").read_text("utf-8")
    assert readme.startswith("# 广元市科学技术协会事业发展“十四五”规划（2021—2025年） — 数据仓库")
    assert (
        "| `spirit_lectures` | 科学家精神宣讲报告会 | 次 | 应为不小于 0 的整数 | 县区 |" in readme
    )
    assert (
        "| `tfkjy_workers` | “天府科技云”注册科技工作者 | 人 | 应为不小于 0 的整数 | 市、县区 |"
        in readme
    )
    assert "YOUR-ORG" in result.stderr  # the next steps say what to replace


def test_a_folder_that_is_not_empty_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "notes.txt").write_text("keep", encoding="utf-8")
    result = run(runner, "init", str(repo))
    assert result.exit_code == 2
    assert "不是空文件夹" in result.stderr and "--force" in result.stderr
    assert tree(repo) == {"notes.txt": b"keep"}


def test_force_adds_missing_files_and_replaces_none(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    (repo / "data/2020").mkdir(parents=True)
    (repo / "README.md").write_text("our own readme", encoding="utf-8")
    (repo / "data/2020/乙区.yaml").write_text("unit: 乙区\nyear: 2020\nvalues:\n  count_flow: 4\n")
    result = run(runner, "init", str(repo), "--plan", str(small_plan), "--force")
    assert result.exit_code == 0, result.output
    assert "  = README.md（已存在，未改动）" in result.stderr
    assert "  + README.md" not in result.stderr
    assert (repo / "README.md").read_text("utf-8") == "our own readme"
    assert "count_flow: 4" in (repo / "data/2020/乙区.yaml").read_text("utf-8")
    assert set(tree(repo)) == SMALL_FILES
    before = tree(repo)
    again = run(runner, "init", str(repo), "--force")  # the repository's own plan is kept
    assert again.exit_code == 0, again.output
    assert "  + " not in again.stderr
    assert tree(repo) == before


def test_a_plan_that_differs_from_the_repositorys_is_refused(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "targets.yaml").write_text("# another plan\n", encoding="utf-8")
    result = run(runner, "init", str(repo), "--plan", str(small_plan), "--force")
    assert result.exit_code == 2
    assert "已存在且与" in result.stderr
    assert tree(repo) == {"targets.yaml": b"# another plan\n"}


def test_year_chooses_the_data_folder_and_the_year_ci_checks(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    result = run(runner, "init", str(repo), "--plan", str(small_plan), "--year", "2023")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (repo / "data/2023").iterdir()) == sorted(
        ["甲市.yaml", "乙区.yaml", "丙县.yaml"]
    )
    workflow = yaml.safe_load((repo / ".github/workflows/kxplan.yml").read_text("utf-8"))
    assert workflow["env"]["KXPLAN_YEAR"] == "2023"


@pytest.mark.parametrize("year", ["2019", "2026"])
def test_a_year_outside_the_plan_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, small_plan: Path, year: str
) -> None:
    result = run(runner, "init", str(tmp_path / "r"), "--plan", str(small_plan), "--year", year)
    assert result.exit_code == 2
    assert not (tmp_path / "r").exists()


def test_a_file_in_place_of_the_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.write_text("x", encoding="utf-8")
    assert run(runner, "init", str(target)).exit_code == 2


def test_workflow_installs_kxplan_and_runs_validate_and_check(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    url, rev = "https://git.example.org/team/kxplan", "v9.9.9"
    args = ["init", str(repo), "--plan", str(small_plan)]
    result = run(runner, *args, "--kxplan-repo", url, "--kxplan-rev", rev)
    assert result.exit_code == 0
    assert "YOUR-ORG" not in result.stderr
    workflow: dict[Any, Any] = yaml.safe_load(
        (repo / ".github/workflows/kxplan.yml").read_text("utf-8")
    )
    assert workflow["env"]["KXPLAN_YEAR"] == "2021"  # base year 2020 → the first year checked
    assert workflow["env"]["KXPLAN_PACKAGE"] == f"kxplan @ git+{url}@{rev}"
    runs = [step.get("run", "") for step in workflow["jobs"]["kxplan"]["steps"]]
    assert 'pip install "$KXPLAN_PACKAGE"' in runs
    assert "kxplan validate --format github" in runs
    assert any('kxplan check "$KXPLAN_YEAR" --format github' in step for step in runs)
    [compare] = [step for step in runs if "--compare" in step]
    # newly failing results are warnings (exit 1 kept from failing the step), invalid data is not
    assert compare.rstrip().endswith("--format github || [ $? -eq 1 ]")
    assert '--fail-on ""' not in compare
    assert workflow[True] == {"push": {"branches": ["main"]}, "pull_request": None}  # YAML 1.1 `on`
    steps = {
        step.get("name", step.get("uses")): step for step in workflow["jobs"]["kxplan"]["steps"]
    }
    assert {"actions/checkout@v5", "actions/setup-python@v6"} <= set(steps)
    # after a failed validation the compare and check steps still annotate
    assert steps["What this pull request changes"]["if"] == (
        "${{ !cancelled() && github.event_name == 'pull_request' }}"
    )
    assert steps["Check the targets"]["if"] == "${{ !cancelled() }}"
    assert "if" not in steps["Validate the data files"]
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["repo"] == url and hooks["repos"][0]["rev"] == rev
    offered = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {hook["id"] for hook in hooks["repos"][0]["hooks"]} <= offered


def test_force_keeps_the_kxplan_source_the_repository_already_names(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    url, rev = "https://git.example.org/team/kxplan", "3f2c1ab"
    run(
        runner,
        "init",
        str(repo),
        "--plan",
        str(small_plan),
        "--kxplan-repo",
        url,
        "--kxplan-rev",
        rev,
    )
    (repo / "README.md").unlink()
    (repo / ".github/workflows/kxplan.yml").unlink()
    result = run(runner, "init", str(repo), "--force")
    assert result.exit_code == 0, result.output
    assert "YOUR-ORG" not in result.stderr
    assert f"git ls-remote {url} {rev}" not in result.stderr  # a commit id needs no check
    assert "git init" not in result.stderr or not (repo / ".git").exists()
    workflow = yaml.safe_load((repo / ".github/workflows/kxplan.yml").read_text("utf-8"))
    assert workflow["env"]["KXPLAN_PACKAGE"] == f"kxplan @ git+{url}@{rev}"
    assert url in (repo / "README.md").read_text("utf-8")


def test_default_revision_is_this_version(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    run(runner, "init", str(tmp_path / "r"), "--plan", str(small_plan))
    hooks = yaml.safe_load((tmp_path / "r/.pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["rev"] == f"v{__version__}"


@pytest.mark.parametrize(
    ("path", "matched"),
    [
        ("targets.yaml", True),
        ("data/2024/利州区.yaml", True),
        ("data/2024/510802.yml", True),
        ("README.md", False),
        ("data/2024/利州区.YAML", True),
        ("data/2024/利州区.Yaml", True),
        ("data/利州区.yaml", True),  # misplaced: validate says where it belongs
        ("data/2024/old/利州区.yaml", True),
        ("data/2024/利州区.xlsx", False),
        ("schema.json", False),
    ],
)
def test_validate_hook_sees_the_plan_and_data_files(path: str, matched: bool) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    hook = hooks["kxplan-validate"]
    assert hook["entry"] == "kxplan validate" and hook["pass_filenames"] is True
    assert bool(re.search(hook["files"], path)) is matched


def test_an_invalid_plan_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    plan = write_yaml(tmp_path / "plan.yaml", plan_dict({**LECTURES, "indicator": "nope"}))
    result = run(runner, "init", str(tmp_path / "repo"), "--plan", str(plan))
    assert result.exit_code == 3
    assert "plan-error" in result.stdout
    assert not (tmp_path / "repo").exists()


def test_a_new_repository_is_ready_for_its_first_push(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    run(runner, "init", str(repo), "--plan", str(small_plan))
    assert (repo / ".gitignore").read_text("utf-8").splitlines()[-1] == "reports/"
    workflow = yaml.safe_load((repo / ".github/workflows/kxplan.yml").read_text("utf-8"))
    [check] = [
        s["run"]
        for s in workflow["jobs"]["kxplan"]["steps"]
        if s.get("name") == "Check the targets"
    ]
    # CI checks KXPLAN_YEAR only once that year has files: the first push has only the base year
    assert 'if ls data/"$KXPLAN_YEAR"/*.y*ml' in check and "::notice::" in check
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "README.md").unlink()
    again = run(runner, "init", str(repo), "--force")
    assert "git init" not in again.stderr and "git add ." in again.stderr


@pytest.mark.parametrize("name", ["100001.yaml", "100001.YML", "乙区.Yaml"])
def test_force_keeps_a_unit_s_file_under_its_other_name(
    runner: CliRunner, tmp_path: Path, small_plan: Path, name: str
) -> None:
    repo = tmp_path / "repo"
    (repo / "data/2020").mkdir(parents=True)
    (repo / "data/2020" / name).write_text("unit: 乙区\nyear: 2020\nvalues:\n  count_flow: 4\n")
    result = run(runner, "init", str(repo), "--plan", str(small_plan), "--force")
    assert result.exit_code == 0, result.output
    assert f"  = data/2020/{name}（已存在，未改动）" in result.stderr
    assert sorted(path.name for path in (repo / "data/2020").iterdir()) == sorted(
        [name, "甲市.yaml", "丙县.yaml"]
    )


@pytest.mark.parametrize(
    ("given", "pip"),
    [
        ("https://git.example.org/kx/kxplan", "https://git.example.org/kx/kxplan"),
        ("git@github.com:org/kxplan.git", "ssh://git@github.com/org/kxplan.git"),
        ("ssh://git@github.com/org/kxplan.git", "ssh://git@github.com/org/kxplan.git"),
        ("/tmp/x", "file:///tmp/x"),
        ("git://example.org/kxplan", "git://example.org/kxplan"),
    ],
)
def test_pip_gets_a_url_it_takes_and_pre_commit_the_one_given(
    runner: CliRunner, tmp_path: Path, small_plan: Path, given: str, pip: str
) -> None:
    repo = tmp_path / "repo"
    args = ["init", str(repo), "--plan", str(small_plan), "--kxplan-repo", given]
    assert run(runner, *args, "--kxplan-rev", "v1.0").exit_code == 0
    workflow = yaml.safe_load((repo / ".github/workflows/kxplan.yml").read_text("utf-8"))
    assert workflow["env"]["KXPLAN_PACKAGE"] == f"kxplan @ git+{pip}@v1.0"
    assert f'pip install "kxplan @ git+{pip}@v1.0"' in (repo / "README.md").read_text("utf-8")
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["repo"] == given


def test_pips_own_prefix_is_taken_off_for_git(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    repo = tmp_path / "repo"
    given = "git+https://git.example.org/kx/kxplan"
    args = ["init", str(repo), "--plan", str(small_plan), "--kxplan-repo", given]
    assert run(runner, *args, "--kxplan-rev", "v1.0").exit_code == 0
    workflow = yaml.safe_load((repo / ".github/workflows/kxplan.yml").read_text("utf-8"))
    assert (
        workflow["env"]["KXPLAN_PACKAGE"] == "kxplan @ git+https://git.example.org/kx/kxplan@v1.0"
    )
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["repo"] == "https://git.example.org/kx/kxplan"


@pytest.mark.parametrize("given", ["kxplan", "ftp://example.org/kxplan"])
def test_a_repository_pip_cannot_install_from_is_refused(
    runner: CliRunner, tmp_path: Path, small_plan: Path, given: str
) -> None:
    repo = tmp_path / "repo"
    result = run(runner, "init", str(repo), "--plan", str(small_plan), "--kxplan-repo", given)
    assert result.exit_code == 2
    assert f"kxplan 仓库地址 “{given}” 无法用 pip 安装" in result.stderr
    assert not repo.exists()


def test_the_readme_asks_for_the_base_year_and_a_copy_s_comment(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    run(runner, "init", str(tmp_path / "r"), "--plan", str(small_plan))
    readme = (tmp_path / "r/README.md").read_text("utf-8")
    assert "先填写基期 2020 年的数值（`data/2020/`）：2021 年的增长目标" in readme
    assert "改 `year` 和文件开头注释中的年份" in readme
    assert "Fill in the base year 2020 first" in readme


@pytest.mark.parametrize(
    ("path", "matched"),
    [("targets.yaml", True), ("schema.json", True), ("data/2024/利州区.yaml", False)],
)
def test_schema_hook_runs_when_the_plan_or_the_schema_changes(path: str, matched: bool) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert bool(re.search(hooks["kxplan-schema"]["files"], path)) is matched


def test_workflow_adds_the_assessment_when_the_plan_has_one(
    runner: CliRunner, tmp_path: Path, small_plan: Path
) -> None:
    """The year's ranking on the job's summary page, after the check and never failing the
    job; a plan without an assessment gets no such step."""
    from assessplan import assess_plan

    def steps(plan: Path, name: str) -> list[dict[str, Any]]:
        repo = tmp_path / name
        assert run(runner, "init", str(repo), "--plan", str(plan)).exit_code == 0
        text = (repo / ".github/workflows/kxplan.yml").read_text("utf-8")
        workflow: dict[Any, Any] = yaml.safe_load(text)  # valid YAML
        found: list[dict[str, Any]] = workflow["jobs"]["kxplan"]["steps"]
        return found

    assert not any("assess" in step.get("run", "") for step in steps(small_plan, "plain"))
    assessed = tmp_path / "assessed.yaml"
    assessed.write_text(yaml.safe_dump(assess_plan(), allow_unicode=True), encoding="utf-8")
    found = steps(assessed, "assessed")
    names = [step.get("name") for step in found]
    assert names.index("The year's assessment") == names.index("Check the targets") + 1
    last = found[-1]
    assert last["if"] == "${{ !cancelled() }}"
    assert (
        'kxplan assess "$KXPLAN_YEAR" --format markdown >> "$GITHUB_STEP_SUMMARY" || true'
        in last["run"]
    )
