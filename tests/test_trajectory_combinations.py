"""Trajectories (SPEC §7) with the per-target settings and thresholds of part B: milestones on a
relative target and on a quota-only target of one unit, average growth from a target's own base
year and with its own bands; the milestones' plan checks after quotas and base years.

Notation: b base value, T threshold (resolved), e expected value, R progress ratio."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import run
from kxplan.model.status import Status
from test_rules import Build, judge, rule
from test_trajectories import average_growth, stock
from test_trajectory_plan_errors import MILESTONES, folder, said, validate

__all__ = ["folder"]  # the fixture, used by name


def test_relative_milestones_are_in_the_targets_terms(project: Build) -> None:
    # rate ≥ base + 5 points by 2025, milestone 2022: +2 points. b = 8: T = 13, 2022: 10.
    target = rule("deadline", op=">=", threshold=5, relative="points", milestones={2022: 2})
    base: Any = {(2020, "甲市"): {"rate": 8}}
    # 2021: e = 8 + (10 − 8)·1/2 = 9; v = 9: R = 1/1 = 1 → on_track
    result = judge(project, target, {**base, (2021, "甲市"): {"rate": 9}}, 2021)
    assert (result.status, result.expected, result.progress_ratio) == (
        Status.ON_TRACK,
        Fraction(9),
        Fraction(1),
    )
    assert result.threshold == 13
    # 2022: e = 10; v = 10.5: R = 2.5/2 = 1.25 → ahead
    result = judge(project, target, {**base, (2022, "甲市"): {"rate": 10.5}}, 2022)
    assert (result.status, result.expected, result.progress_ratio) == (
        Status.AHEAD,
        Fraction(10),
        Fraction(5, 4),
    )


def test_relative_milestones_are_said_in_the_targets_terms(folder: Path, runner: CliRunner) -> None:
    edits = (("threshold: 13", "threshold: 5\n    relative: points"), ("2022: 10", "2022: 2"))
    assert validate(folder, runner, MILESTONES, *edits) == []
    out = run(runner, "targets").stdout
    assert (
        "≥ 基期+5个百分点（2025年）；年度目标 2022年 基期+2个百分点、2024年 基期+12个百分点" in out
    )


def test_milestones_on_a_quota_only_target_of_one_county(project: Build) -> None:
    # count_stock: 乙区 ≥ 30 by 2025 (its quota; the target has no threshold of its own), from
    # b = 10, milestone 2023: 20. 2022: e = 10 + (20 − 10)·2/3 = 50/3; v = 16:
    # R = 6/(20/3) = 0.9 → on_track (the band edge counts)
    target = rule("deadline", "count_stock", "county", op=">=", quotas={"乙区": 30})
    target["milestones"] = {2023: 20}
    values: Any = {(2020, "乙区"): {"count_stock": 10}, (2022, "乙区"): {"count_stock": 16}}
    result = judge(project, target, values, 2022, "乙区")
    assert (result.status, result.expected, result.progress_ratio) == (
        Status.ON_TRACK,
        Fraction(50, 3),
        Fraction(9, 10),
    )
    assert result.threshold == 30


def test_average_growth_from_its_own_base_year(project: Build) -> None:
    # base_year 2021: b = 100 (2021); 2023, n = 2: e = 100·1.1² = 121; v = 130: R = 30/21 → ahead
    target = average_growth(op=">=", threshold=10, base_year=2021)
    result = judge(project, target, stock(y2020=50, y2021=100, y2023=130), 2023)
    assert result.status is Status.AHEAD
    assert (result.baseline, result.expected) == (Fraction(100), Fraction(121))
    # with its own bands (ahead 1.5), R = 1.43 is on track
    target["bands"] = {"ahead": 1.5}
    result = judge(project, target, stock(y2020=50, y2021=100, y2023=130), 2023)
    assert result.status is Status.ON_TRACK


@pytest.mark.parametrize(
    ("edit", "place", "words"),
    [
        # quotas for two counties: two units
        (
            ("level: city\n", "level: county\n    quotas: {乙区: 13, 丙县: 14}\n"),
            "26:5",
            "applies to 2 (乙区, 丙县)",
        ),
        # its own base year 2022 starts the line: a milestone must come after it
        (
            ("deadline: 2025\n", "deadline: 2025\n    base_year: 2022\n"),
            "27:13",
            "milestone year 2022 must be after the base year",
        ),
    ],
)
def test_milestone_checks_after_quotas_and_base_years(
    folder: Path, runner: CliRunner, edit: tuple[str, str], place: str, words: str
) -> None:
    said(validate(folder, runner, MILESTONES, edit), place, words)


def test_a_quota_only_target_of_one_unit_takes_milestones(folder: Path, runner: CliRunner) -> None:
    quota = ("level: city\n", "level: county\n    quotas: {乙区: 13}\n")
    assert validate(folder, runner, MILESTONES, quota, ("    threshold: 13\n", "")) == []
    # with a threshold for the other counties too it applies to both
    found = validate(folder, runner, MILESTONES, quota)
    said(found, "26:5", "applies to 2 (乙区, 丙县)")
