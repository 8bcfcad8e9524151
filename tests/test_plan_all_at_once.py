"""Every independent problem of a plan in one run: a malformed level, unit, indicator or target
hides nothing else, and one root cause is one problem (a reversed period is not also a problem
of every deadline). Each case is the exact set of (line, column, code) reported.

The hand-written plan is `test_plan_errors.GOOD` (its line numbers are read off there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.load.planfile import load_plan
from kxplan.model.errors import PlanInvalid
from test_plan_errors import GOOD
from test_validate import problems

Found = set[tuple[int | None, int | None, str]]


def found(tmp_path: Path, text: str, lang: str = "zh") -> tuple[Found, list[str]]:
    """What loading `text` reports: each problem's (line, column, code), and the lines."""
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanInvalid) as error:
        load_plan(path, "targets.yaml", lang)
    places = {(p.line, p.column, p.code.value) for p in error.value.problems}
    assert len(places) == len(error.value.problems), "one problem per place"
    return places, [p.as_line() for p in error.value.problems]


def edited(text: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


E = "plan-error"
SHIPPED = (ROOT / "targets.yaml").read_text(encoding="utf-8")
# in the shipped plan: `type: count` of tfkjy_workers at line 59, the target spirit_lectures's
# `indicator:` at line 495
UNKNOWN_INDICATOR = ("indicator: spirit_lectures", "indicator: spirit_lecturez")


def test_a_malformed_indicator_hides_no_unknown_indicator(tmp_path: Path) -> None:
    places, lines = found(
        tmp_path, edited(SHIPPED, ("    type: count\n", "    type: counts\n"), UNKNOWN_INDICATOR)
    )
    assert places == {(59, 11, E), (495, 16, E)}
    assert (
        "目标 “spirit_lectures” 的指标 “spirit_lecturez” 不存在，是否为 “spirit_lectures”？"
        in (lines[1])
    )


def test_a_malformed_target_still_has_its_references_checked(tmp_path: Path) -> None:
    text = edited(SHIPPED, (UNKNOWN_INDICATOR[0], f"{UNKNOWN_INDICATOR[1]}\n    colour: red"))
    places, lines = found(tmp_path, text)
    assert places == {(495, 16, E), (496, 5, E)}
    assert "spirit_lecturez" in lines[0]
    assert "colour" in lines[1]


def test_a_base_year_after_the_start_is_reported_at_the_base_year(tmp_path: Path) -> None:
    places, lines = found(tmp_path, edited(SHIPPED, ("base_year: 2020", "base_year: 2022")))
    assert places == {(24, 14, E)}
    assert lines == ["targets.yaml:24:14: plan-error: 基期 2022 应早于规划期的起始年 2021"]
    _, english = found(tmp_path, edited(SHIPPED, ("base_year: 2020", "base_year: 2021")), "en")
    assert english == [
        "targets.yaml:24:14: plan-error: the base year 2021 should be before the period's"
        " first year 2021"
    ]


def test_a_reversed_period_is_one_problem_not_one_per_deadline(tmp_path: Path) -> None:
    places, _ = found(tmp_path, edited(SHIPPED, ("period: [2021, 2025]", "period: [2025, 2021]")))
    assert places == {(23, 11, E)}


def test_a_period_that_is_not_two_years_adds_no_deadline_problems(tmp_path: Path) -> None:
    text = edited(GOOD, ("period: [2021, 2025]", "period: 2021-2025"), ("count_flow\n", "cnt\n"))
    places, _ = found(tmp_path, text)
    assert places == {(4, 11, E), (19, 16, E)}


def test_a_malformed_unit_and_an_unknown_indicator(tmp_path: Path) -> None:
    text = edited(GOOD, ('{code: "100002"', "{code: 100002"), ("count_flow\n", "count_flw\n"))
    assert found(tmp_path, text)[0] == {(12, 12, E), (19, 16, E)}


def test_a_malformed_root_unit_leaves_no_orphans_and_no_root_count(tmp_path: Path) -> None:
    # 甲市 has an unknown key: its children's parent is known, only broken; the tree still has
    # its one root; and the upside-down `between` of another target is still found
    text = edited(
        GOOD,
        ("name: 甲市, level: city}", "name: 甲市, level: city, colour: red}"),
        ('op: ">="\n    threshold: 2\n', "op: between\n    threshold: [5, 2]\n"),
    )
    assert found(tmp_path, text)[0] == {(10, 45, E), (23, 16, E)}


def test_two_roots_are_counted_with_a_malformed_unit(tmp_path: Path) -> None:
    # 丙县 is malformed (a quoted-less code) and has no parent: with 甲市, two roots
    text = edited(
        GOOD,
        (
            '{code: "100002", name: 丙县, level: county, parent: "100000"}',
            "{code: 100002, name: 丙县, level: county}",
        ),
    )
    assert found(tmp_path, text)[0] == {(10, 3, E), (12, 12, E)}


def test_two_malformed_indicators_and_a_cycle_of_units(tmp_path: Path) -> None:
    text = edited(
        GOOD,
        ("type: count,", "type: counts,"),
        (
            "nature: stock, direction: higher}\n  - {id: done",
            "nature: stocks, direction: higher}\n  - {id: done",
        ),
        ('parent: "100000"}\n  - {code: "100002"', 'parent: "100002"}\n  - {code: "100002"'),
        ('丙县, level: county, parent: "100000"', '丙县, level: county, parent: "100001"'),
    )
    # the targets on count_flow and rate are not checked (their indicators are broken), and
    # not said to name unknown indicators
    assert found(tmp_path, text)[0] == {(14, 39, E), (15, 49, E), (11, 55, E), (12, 55, E)}


DERIVED = (
    "  - {id: per, name: 每, type: amount, nature: flow, direction: higher,"
    ' formula: "count_flow / 2"}\n'
    '  - {id: sq, name: 方, type: amount, nature: flow, direction: higher, formula: "rate ** 2"}\n'
    '  - {id: a, name: 甲, type: amount, nature: flow, direction: higher, formula: "b + 1"}\n'
    '  - {id: b, name: 乙, type: amount, nature: flow, direction: higher, formula: "a + 1"}\n'
    "targets:\n"
)


def test_a_formula_on_a_malformed_indicator_and_a_cycle_elsewhere(tmp_path: Path) -> None:
    # lines 17–20: per (on count_flow, broken: not checked), sq (`**` at 85),
    # a → b → a at a's formula
    text = edited(GOOD, ("type: count,", "type: counts,"), ("targets:\n", DERIVED))
    places, lines = found(tmp_path, text)
    assert places == {(14, 39, E), (18, 85, E), (19, 78, E)}
    assert "a → b → a" in lines[2]


def test_a_malformed_level_hides_nothing_that_does_not_use_it(tmp_path: Path) -> None:
    # county has an unknown key: 乙区, 丙县 and lectures use it and are not checked against it,
    # but 丙县's unknown parent and rate_2025's deadline are independent of it
    text = edited(
        GOOD,
        ("{id: county, name: 县区}", "{id: county, name: 县区, colour: red}"),
        ('丙县, level: county, parent: "100000"', '丙县, level: county, parent: "100090"'),
        ("deadline: 2025", "deadline: 2030"),
    )
    assert found(tmp_path, text)[0] == {(8, 28, E), (12, 55, E), (31, 15, E)}


def test_a_malformed_target_with_unknown_indicator_and_level(tmp_path: Path) -> None:
    text = edited(
        GOOD,
        ("count_flow\n", "count_flw\n"),
        ("level: county\n", "level: counties\n"),
        ("threshold: 2\n", 'threshold: "2"\n'),
    )
    assert found(tmp_path, text)[0] == {(19, 16, E), (20, 12, E), (23, 16, E)}


def test_an_unknown_indicator_hides_no_unknown_level(tmp_path: Path) -> None:
    text = edited(GOOD, ("count_flow\n", "count_flw\n"), ("level: county\n", "level: counties\n"))
    assert found(tmp_path, text)[0] == {(19, 16, E), (20, 12, E)}


def test_an_indicator_without_an_id_leaves_references_to_it_unjudged(tmp_path: Path) -> None:
    # count_flow without its id: lectures may mean it (no guess that it names an unknown one);
    # rate_2025's deadline is still checked
    text = edited(GOOD, ("{id: count_flow, name", "{name"), ("deadline: 2025", "deadline: 2030"))
    assert found(tmp_path, text)[0] == {(14, 5, E), (31, 15, E)}


def test_levels_that_are_not_a_list_hide_no_other_reference(tmp_path: Path) -> None:
    text = edited(
        GOOD,
        ("levels:\n  - {id: city, name: 市}\n  - {id: county, name: 县区}\n", "levels: 3\n\n\n"),
        ("indicator: rate\n", "indicator: rat\n"),
    )
    assert found(tmp_path, text)[0] == {(6, 9, E), (26, 16, E)}


def test_the_plan_section_malformed_hides_no_target_problem(tmp_path: Path) -> None:
    text = edited(GOOD, ("  name: 测试规划\n", ""), ("threshold: 2\n", "threshold: [1, 2]\n"))
    # the missing name is said at the plan's mapping (2:3); lectures's list threshold at 22:16
    assert found(tmp_path, text)[0] == {(2, 3, E), (22, 16, E)}


def test_in_one_run_through_the_command_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    text = edited(SHIPPED, ("    type: count\n", "    type: counts\n"), UNKNOWN_INDICATOR)
    (tmp_path / "targets.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate", "--lang", "en")
    assert result.exit_code == 3, result.output
    assert [line.split(": ")[0] for line in problems(result.stdout)] == [
        "targets.yaml:59:11",
        "targets.yaml:495:16",
    ]
