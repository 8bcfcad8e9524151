"""One output-format mechanism (issue 11 item 2): every format a subject declares renders,
through the real command line, something of its own; every other format is refused."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run
from gitrepo import commit, git
from kinds import LECTURES, RATE
from kxplan.model.assessment import SCORED
from kxplan.render import Format, changes, check, report, review, targets, validation
from kxplan.render import explain as explained
from kxplan.render.assessment import FORMATS as ASSESS_FORMATS
from kxplan.render.assessment import explain as score_explained

#: an assessment of the counties on the one county target (so that `assess` has a plan)
ASSESSMENT = {
    "name": "考核",
    "level": "county",
    "weights": {"lectures": 100},
    "scores": {status.value: 1 if status == "met" else 0 for status in SCORED},
    "grades": [{"name": "合格", "min": 60}, {"name": "不合格", "min": 0}],
}

#: each subject's formats (what its `render` dispatches on) and the command that shows it
SUBJECTS: dict[str, tuple[tuple[Format, ...], list[str]]] = {
    "check": (check.FORMATS, ["check", "2024"]),
    "check --compare": (changes.FORMATS, ["check", "2024", "--compare", "HEAD~1"]),
    "validate": (validation.FORMATS, ["validate"]),
    "targets": (targets.FORMATS, ["targets"]),
    "explain": (explained.FORMATS, ["explain", "lectures", "2024", "--county", "乙区"]),
    "report": (report.FORMATS, ["report", "2024"]),
    "review": (review.FORMATS, ["review", "2024"]),
    "assess": (ASSESS_FORMATS, ["assess", "2024"]),
    "assess --county": (ASSESS_FORMATS, ["assess", "2024", "--county", "乙区"]),
    "explain --score": (
        score_explained.FORMATS,
        ["explain", "--score", "2024", "--county", "乙区"],
    ),
}


@pytest.fixture
def repo(
    project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """A data repository with two commits: 乙区's lectures changed in the second."""
    values = {
        (2020, "甲市"): {"rate": 8.6},
        (2023, "甲市"): {"rate": 11.0},
        (2021, "丙县"): {"count_flw": 3},  # a problem: validate has something to show
        (2023, "乙区"): {"count_flow": 3},
        (2024, "甲市"): {"rate": 11.9},
        (2024, "乙区"): {"count_flow": 3},
        (2024, "丙县"): {"count_flow": 1},
    }
    folder = project(plan_dict(LECTURES, RATE, assessment=ASSESSMENT), values)
    git(folder, "init", "-q")
    commit(folder, "first")
    (folder / "data/2024/乙区.yaml").write_text(
        "unit: 乙区\nyear: 2024\nvalues:\n  count_flow: 1\n", encoding="utf-8"
    )
    commit(folder, "second")
    monkeypatch.chdir(folder)
    summary = tmp_path_factory.mktemp("github") / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    return folder


def shown(runner: CliRunner, command: list[str], fmt: Format) -> bytes:
    """What the command writes in `fmt`: on standard output, or into the file `-o` names."""
    if fmt is Format.XLSX:
        result = run(runner, *command, "-o", "./out.xlsx")
        assert result.exit_code in (0, 1, 3), result.output
        return Path("out.xlsx").read_bytes()
    summary = Path(os.environ["GITHUB_STEP_SUMMARY"])
    before = summary.stat().st_size if summary.exists() else 0
    result = run(runner, *command, "--format", fmt.value)
    assert result.exit_code in (0, 1, 3), result.output  # never 4: each has a renderer
    if fmt is Format.GITHUB:  # and the job's summary page
        assert summary.stat().st_size > before
    output: bytes = result.stdout_bytes
    return output


@pytest.mark.parametrize("name", SUBJECTS)
def test_every_declared_format_renders_its_own_output(
    runner: CliRunner, repo: Path, name: str
) -> None:
    formats, command = SUBJECTS[name]
    outputs = {fmt: shown(runner, command, fmt) for fmt in formats}
    for fmt, output in outputs.items():
        assert output.strip(), f"{name} --format {fmt}: nothing"
    assert len(set(outputs.values())) == len(outputs), f"{name}: two formats print the same"


@pytest.mark.parametrize("name", SUBJECTS)
def test_an_undeclared_format_is_refused(runner: CliRunner, repo: Path, name: str) -> None:
    formats, command = SUBJECTS[name]
    for fmt in Format:
        if fmt not in formats or fmt is Format.XLSX:  # a workbook never goes to a terminal
            result = run(runner, *command, "--format", fmt.value)
            assert result.exit_code == 2, (name, fmt, result.output)
            assert not result.stdout.strip() or "Usage" in result.stdout


@pytest.mark.parametrize("name", ["check", "report", "review", "assess"])
def test_a_file_holds_what_the_screen_shows(runner: CliRunner, repo: Path, name: str) -> None:
    """`-o FILE.json` / `.md` writes the bytes `--format json` / `markdown` prints."""
    command = SUBJECTS[name][1]
    for fmt, suffix in ((Format.JSON, ".json"), (Format.MARKDOWN, ".md")):
        screen = run(runner, *command, "--format", fmt.value).stdout_bytes
        result = run(runner, *command, "-o", f"./out{suffix}")
        assert result.exit_code in (0, 1, 3), result.output
        assert Path(f"out{suffix}").read_bytes() == screen


def test_the_formats_are_one_enum() -> None:
    """No command has a format enum of its own: each subject declares members of `Format`."""
    for formats, _ in SUBJECTS.values():
        assert formats and all(isinstance(fmt, Format) for fmt in formats)
