"""Plan errors of the trajectories (SPEC §7): `kind: average_growth` and `milestones`, each at
its line and column, all at once. The plans are written by hand so that every place can be read
off below (HEAD ends at line 17; the target starts at line 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run
from test_plan_errors import DEADLINE_TEXT, HEAD
from test_validate import problems

AVERAGE = """\
  - id: g
    indicator: count_flow
    level: city
    kind: average_growth
    op: ">="
    threshold: 8
    deadline: 2025
    clause: 一（一）1
"""
# lines: 18 id, 19 indicator, 20 level, 21 kind, 22 op, 23 threshold, 24 deadline
MILESTONES = DEADLINE_TEXT.replace(
    "    clause:", "    milestones:\n      2022: 10\n      2024: 12\n    clause:"
)
# lines: 18 id, 19 indicator, 20 level, 21 kind, 22 op, 23 threshold, 24 deadline,
# 25 milestones, 26 2022, 27 2024


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate(folder: Path, runner: CliRunner, target: str, *edits: tuple[str, str]) -> list[str]:
    for old, new in edits:
        assert old in target
        target = target.replace(old, new, 1)
    (folder / "targets.yaml").write_text(HEAD + target, encoding="utf-8")
    result = run(runner, "validate", "--lang", "en")
    assert result.exit_code == (3 if problems(result.stdout) else 0), result.stdout
    return problems(result.stdout)


def said(found: list[str], place: str, words: str) -> None:
    """A plan-error at `place` (line:column), and a problem saying `words`."""
    assert any(line.startswith(f"targets.yaml:{place}: plan-error: ") for line in found), found
    assert any(words in line for line in found), found


def test_valid_trajectories_are_accepted(folder: Path, runner: CliRunner) -> None:
    assert validate(folder, runner, AVERAGE + MILESTONES) == []


@pytest.mark.parametrize(
    ("edit", "place", "words"),
    [
        # == and between have no direction to grow in
        (('op: ">="', 'op: "=="'), "22:9", 'not "=="'),
        (
            ('op: ">="\n    threshold: 8', "op: between\n    threshold: [1, 2]"),
            "22:9",
            'not "between"',
        ),
        # a fall of 100 % a year or more leaves nothing
        (("threshold: 8", "threshold: -100"), "23:16", "must be above −100"),
        # a percentage's growth is not “points”; a yes/no has no growth
        (("indicator: count_flow", "indicator: rate"), "21:11", "is a percentage"),
        (("indicator: count_flow", "indicator: done"), "21:11", "cannot have a average_growth"),
        # milestones are not for this kind
        (("deadline: 2025", "deadline: 2025\n    milestones: {2022: 1}"), "25:17", "not average"),
    ],
)
def test_average_growth_plan_errors(
    folder: Path, runner: CliRunner, edit: tuple[str, str], place: str, words: str
) -> None:
    said(validate(folder, runner, AVERAGE, edit), place, words)


def test_average_growth_needs_a_deadline(folder: Path, runner: CliRunner) -> None:
    [line] = validate(folder, runner, AVERAGE, ("    deadline: 2025\n", ""))
    assert line.startswith("targets.yaml:18:")
    assert "average_growth target needs a deadline" in line


@pytest.mark.parametrize(
    ("edit", "place", "words"),
    [
        # a target of two counties: milestones are for one unit (at the `milestones` key)
        (("level: city", "level: county"), "25:5", "applies to 2 (乙区, 丙县)"),
        (("level: city", "level: [city, county]"), "25:5", "applies to 3"),
        # the base year and the deadline are anchors already; 2026 is after the period
        (("2022: 10", "2020: 10"), "26:13", "milestone year 2020 must be after the base year"),
        (("2024: 12", "2025: 12"), "27:13", "milestone year 2025"),
        (("2024: 12", "2026: 12"), "27:13", "milestone year 2026"),
        # not on an annual target, nor a yes/no one
        (
            ("kind: deadline", "kind: annual"),
            "25:5",
            "milestones are for deadline and cumulative targets only, not annual",
        ),
        (
            ("indicator: rate\n", "indicator: done\n"),
            "25:5",
            "is yes/no and has no line to set milestones on",
        ),
        # a milestone is a number
        (("2022: 10", "2022: ten"), "26:13", "milestones"),
    ],
)
def test_milestone_plan_errors(
    folder: Path, runner: CliRunner, edit: tuple[str, str], place: str, words: str
) -> None:
    said(validate(folder, runner, MILESTONES, edit), place, words)


def test_cumulative_milestones_start_at_the_first_summed_year(
    folder: Path, runner: CliRunner
) -> None:
    target = (
        MILESTONES.replace("indicator: rate", "indicator: count_flow")
        .replace("kind: deadline", "kind: cumulative\n    start: 2022")
        .replace("threshold: 13", "threshold: 50")
    )
    # lines shift by one (start at 22): milestones at 26, 2022 at 27, 2024 at 28
    assert validate(folder, runner, target) == []
    [line] = validate(folder, runner, target, ("2022: 10", "2021: 10"))
    assert line.startswith("targets.yaml:27:13: plan-error: ")
    assert "milestone year 2021 must be from the first summed year 2022" in line


def test_every_trajectory_problem_at_once(folder: Path, runner: CliRunner) -> None:
    both = AVERAGE.replace("threshold: 8", "threshold: -150") + MILESTONES.replace(
        "level: city", "level: county"
    ).replace("2024: 12", "2025: 12")
    found = [line.split(" plan-error")[0] for line in validate(folder, runner, both)]
    # the average growth's threshold (23) and the milestones' key (33) and year (35)
    assert found == ["targets.yaml:23:16:", "targets.yaml:33:5:", "targets.yaml:35:13:"]


@pytest.mark.parametrize("written", ["二〇二七: 1", "2027: .nan"])
def test_a_milestone_that_is_not_year_and_number_says_so(
    runner: CliRunner, tmp_path: Path, written: str
) -> None:
    """Not "should be text": a milestone is a year and a number (the review found the former)."""
    example = Path(__file__).resolve().parents[1] / "examples" / "province-15" / "targets.yaml"
    text = example.read_text(encoding="utf-8").replace("{2027: 1, 2028: 1.6}", f"{{{written}}}")
    (tmp_path / "targets.yaml").write_text(text, encoding="utf-8")
    result = run(runner, "validate", "--plan", str(tmp_path / "targets.yaml"), "--lang", "en")
    assert result.exit_code == 3
    assert "milestones should be a mapping of “year: number”" in result.stdout
    assert "should be text" not in result.stdout
