"""Every example of README.md and docs/*.md is what kxplan prints, run as the page shows it.

Each ```` ```console ```` block runs in a fresh copy of the sample (targets.yaml and data/) with
colour off and COLUMNS=100: `kxplan …` lines through the real CLI (`run`), other lines with
bash, `echo $?` and `cd` as a shell would. How to write one: docs/development.md.
"""

from __future__ import annotations

import difflib
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import docpages
from conftest import ROOT, run
from formhelpers import fill, rows_by_id, sample_project

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = [example for page in PAGES for example in docpages.examples(page, ROOT)]
BLOCKS = [block for page in PAGES for block in docpages.blocks(page, ROOT)]

#: The environment of every example, as docs/development.md states it.
ENV = {
    "NO_COLOR": "1",
    "COLUMNS": "100",
    "KXPLAN_LANG": "zh",
    "LC_ALL": "C.UTF-8",
    # a fixed author and time: the commit ids that examples show are the same on every run
    "GIT_AUTHOR_NAME": "kxplan docs",
    "GIT_AUTHOR_EMAIL": "docs@example.org",
    "GIT_AUTHOR_DATE": "2025-01-15T09:00:00+08:00",
    "GIT_COMMITTER_NAME": "kxplan docs",
    "GIT_COMMITTER_EMAIL": "docs@example.org",
    "GIT_COMMITTER_DATE": "2025-01-15T09:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1",
}
UNSET = (
    "FORCE_COLOR",
    "KXPLAN_PLAN",
    "KXPLAN_DATA_DIR",
    "GITHUB_ACTIONS",
    "GITHUB_WORKSPACE",
    "GITHUB_STEP_SUMMARY",
)
SHELL_OPERATORS = {"|", "||", "&", "&&", ";", ">", ">>", "<", "(", ")"}

Fixture = Callable[[Path, CliRunner], Path]


def empty(folder: Path, runner: CliRunner) -> Path:
    """An empty folder beside the sample, as for `kxplan init`."""
    (folder.parent / "empty").mkdir()
    return folder.parent / "empty"


def returned_forms(folder: Path, runner: CliRunner) -> Path:
    """`returned/`: three forms of `kxplan template 2024`, filled in as docs/forms.md says."""
    assert run(runner, "template", "2024").exit_code == 0
    forms, returned = folder / "reports/forms/2024", folder / "returned"
    returned.mkdir()
    for unit in ("利州区", "朝天区", "青川县"):
        shutil.copy(forms / f"{unit}_2024.xlsx", returned / f"{unit}_2024.xlsx")
    fill(
        returned / "利州区_2024.xlsx",
        {"spirit_lectures": 5},
        notes={"spirit_lectures": "补报12月一场"},
    )
    chaotian = returned / "朝天区_2024.xlsx"
    first = sorted(rows_by_id(chaotian), key=rows_by_id(chaotian).__getitem__)[:3]
    fill(chaotian, dict(zip(first, ["约2", "=A1+1", "2-3"], strict=True)))
    fill(
        returned / "青川县_2024.xlsx",
        {
            "tfkjy_workers": 5730,
            "home_of_workers": "否",
            "spirit_lectures": 2,
            "typical_cases": 2,
            "demo_studios": 3,
            "tfkjy_demo_sites": 1,
            "rural_demo_villages": 1,
            "popsci_demo_bases": 3,
            "enterprise_associations": 10,
            "workers_day_symposium": "是",
            "recommended_outstanding_workers": 2,
        },
        sources={"tfkjy_workers": "天府科技云后台导出 2024-12-31"},
    )
    return folder


def returned_cangxi(folder: Path, runner: CliRunner) -> Path:
    """`returned/苍溪县_2024.xlsx`: 苍溪县's form of `template 2024`, 2 typical cases typed in."""
    assert run(runner, "template", "2024", "--county", "苍溪县").exit_code == 0
    (folder / "returned").mkdir()
    form = shutil.copy(folder / "reports/forms/2024/苍溪县_2024.xlsx", folder / "returned")
    fill(Path(form), {"typical_cases": 2})
    return folder


def pre_commit_repository(folder: Path, runner: CliRunner) -> Path:
    """`gy-data`: a data repository made by `kxplan init`, committed, with pre-commit's hooks
    installed; its hooks run this working tree's kxplan (a commit of it in `kxplan.git`)."""
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    snapshot = folder.parent / "kxplan.git"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, snapshot / name)
    _git(snapshot, "init", "-q")
    _git(snapshot, "add", "-A")
    _git(snapshot, "commit", "-q", "-m", "kxplan as tested")
    revision = _git(snapshot, "rev-parse", "HEAD").strip()
    repo = folder / "gy-data"
    init = run(runner, "init", str(repo), "--kxplan-repo", str(snapshot), "--kxplan-rev", revision)
    assert init.exit_code == 0, init.output
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "kxplan init")
    subprocess.run(
        ["pre-commit", "install", "--install-hooks"], cwd=repo, check=True, capture_output=True
    )
    return repo


def province_example(folder: Path, runner: CliRunner) -> Path:
    """`province-15/`: a copy of the bundled second example (examples/province-15), its plan and
    data, beside the sample; it becomes the current folder."""
    example = folder.parent / "province-15"
    shutil.copytree(ROOT / "examples" / "province-15", example)
    return example


def national(folder: Path, runner: CliRunner) -> Path:
    """`national/`: the national tree of `benchmarks/national.py --scale 0.02` (1 nation, 31
    provinces, 31 prefectures, 31 counties: 94 units); it becomes the current folder."""
    tree = folder.parent / "national"
    script = ROOT / "benchmarks" / "national.py"
    subprocess.run(
        [sys.executable, str(script), str(tree), "--scale", "0.02"], check=True, capture_output=True
    )
    return tree


FIXTURES: dict[str, Fixture] = {
    "empty": empty,
    "returned-forms": returned_forms,
    "returned-cangxi": returned_cangxi,
    "pre-commit": pre_commit_repository,
    "province-15": province_example,
    "national": national,
}


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample in an environment of its own (HOME too: no one's git config)."""
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit"))
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    folder = tmp_path / "sample"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return sample_project(folder)


def execute(runner: CliRunner, command: str, cwd: Path, status: int) -> tuple[str, int, Path]:
    """Runs one `$ ` line as a shell would; returns its output, exit status and the next cwd."""
    if command.split() == ["echo", "$?"]:
        return f"{status}\n", 0, cwd
    words = list(shlex.shlex(command, posix=True, punctuation_chars=True))
    if words[:1] == ["cd"] and len(words) == 2:
        return "", 0, (cwd / words[1]).resolve()
    if words[:1] == ["kxplan"] and not SHELL_OPERATORS & set(words):
        os.chdir(cwd)
        result = run(
            runner, *shlex.split(command, comments=True)[1:], env={"COLUMNS": ENV["COLUMNS"]}
        )
        return result.output, result.exit_code, cwd
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=600,
    )
    return done.stdout, done.returncode, cwd


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_example_is_real_output(
    runner: CliRunner, sandbox: Path, example: docpages.Example
) -> None:
    cwd = sandbox
    for name in example.fixtures:
        cwd = FIXTURES[name](cwd, runner)
    for path, text in example.files:
        (cwd / path).parent.mkdir(parents=True, exist_ok=True)
        (cwd / path).write_text(text, encoding="utf-8")
    status, transcript, wrong = 0, [], []
    for command in example.commands:
        output, status, cwd = execute(runner, command.command, cwd, status)
        transcript += [f"$ {command.command}", *docpages.normalise(output)]
        expected = docpages.normalise("\n".join(command.expected))
        if not docpages.matches(expected, docpages.normalise(output)):
            diff = difflib.unified_diff(
                expected, docpages.normalise(output), "the page", "kxplan", lineterm=""
            )
            wrong.append(f"{example.page}:{command.line}: $ {command.command}\n" + "\n".join(diff))
    real = "\n".join(transcript)
    assert not wrong, "\n\n".join([*wrong, f"what the whole example prints:\n{real}"])


def test_examples_are_collected() -> None:
    assert any(example.page == "README.md" for example in EXAMPLES)
    assert all(example.commands for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.name)
def test_example_names_what_it_starts_from(example: docpages.Example) -> None:
    unknown = [name for name in example.fixtures if name not in FIXTURES]
    assert not unknown, f"{example.name}: no fixture or file block {unknown} (docs/development.md)"


def test_every_file_block_is_used() -> None:
    used = {(example.page, line) for example in EXAMPLES for line in example.sources}
    unused = [
        f"{block.page}:{block.line}"
        for block in BLOCKS
        if block.file is not None and (block.page, block.line) not in used
    ]
    assert not unused, f"file blocks that no example names: {unused}"


def test_commands_with_output_are_examples() -> None:
    """A `$ ` line outside a console block would be output that no test runs (a `markdown`
    block shows a page's source, examples included, as docs/development.md does)."""
    stray = [
        f"{block.page}:{block.line}"
        for block in BLOCKS
        if not docpages.is_example(block)
        and block.language != "markdown"
        and any(line.startswith("$ ") for line in block.text.splitlines())
    ]
    assert not stray, f"write these as ```console blocks: {stray}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(ROOT).as_posix())
def test_links_between_pages_resolve(page: Path) -> None:
    broken = []
    for link in docpages.links(page):
        if "://" in link or link.startswith("mailto:"):
            continue
        name, _, anchor = link.partition("#")
        target = (page.parent / name).resolve() if name else page
        if not target.exists() or (anchor and anchor not in docpages.anchors(target)):
            broken.append(link)
    assert not broken, f"{page.relative_to(ROOT)}: links to nothing: {broken}"


def test_ellipsis_and_normalisation() -> None:
    assert docpages.matches(["a", "…", "d"], ["a", "b", "c", "d"])
    assert not docpages.matches(["a", "…", "d"], ["a", "d"])
    assert not docpages.matches(["a", "b"], ["a", "b", "c"])
    assert docpages.matches(["  …"], ["x"])
    assert docpages.normalise("（kxplan import，2026-11-28T17:18:48+00:00）  \n\n") == [
        "（kxplan import，<timestamp>）"
    ]
