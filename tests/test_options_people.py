"""Options as people type them (issue 14 item 3): `--fail-on` by label, `--lang EN`, English
unit names in any case with a suggestion, and a repeated `--county` honoured or refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run

ANNUAL = {
    "id": "lectures",
    "indicator": "count_flow",
    "level": "county",
    "kind": "annual",
    "op": ">=",
    "threshold": 2,
}


@pytest.fixture
def small(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = project(
        plan_dict(ANNUAL),
        {(2024, "乙区"): {"count_flow": 1}, (2024, "丙县"): {"count_flow": 3}},
    )
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("未达标", 1),
        ("未达标,相对滞后", 1),
        ("未达标，缺数据", 1),
        ("not met", 1),
        ("Not Met", 1),
        ("达标", 1),
        ("相对滞后", 0),
        ("behind schedule", 0),
    ],
)
def test_fail_on_takes_chinese_and_english_labels(
    runner: CliRunner, small: Path, fail_on: str, code: int
) -> None:
    assert run(runner, "check", "2024", "--fail-on", fail_on).exit_code == code


def test_an_unknown_status_lists_the_valid_ones_with_their_labels(
    runner: CliRunner, small: Path
) -> None:
    result = run(runner, "check", "2024", "--fail-on", "未完成")
    assert result.exit_code == 2
    assert "未知状态 “未完成”" in result.output
    assert "not_met（未达标）" in result.output and "behind（相对滞后）" in result.output


@pytest.mark.parametrize("lang", ["EN", "En", " en"])
def test_lang_in_any_case(runner: CliRunner, small: Path, lang: str) -> None:
    result = run(runner, "check", "2024", "--lang", lang)
    assert result.exit_code == 1
    assert "not met" in result.output and "未达标" not in result.output


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("bin", "没有单位 “bin”，是否为 丙县（Bing）？"),
        ("BING", None),  # an English name in any case is the unit
        ("yi", None),
    ],
)
def test_county_by_english_name_in_any_case_or_a_suggestion(
    runner: CliRunner, small: Path, typed: str, said: str | None
) -> None:
    result = run(runner, "check", "2024", "--county", typed)
    if said is None:
        assert result.exit_code in (0, 1), result.output
    else:
        assert result.exit_code == 2
        assert said in result.output


def test_a_suggestion_in_english_names_the_english_name(runner: CliRunner, small: Path) -> None:
    result = run(runner, "report", "--county", "bin", "--lang", "en")
    assert "no unit “bin” (did you mean “Bing”?)" in result.output


def test_check_shows_every_county_given(runner: CliRunner, small: Path) -> None:
    result = run(runner, "check", "2024", "--county", "丙县", "--county", "乙区", "-f", "json")
    document = json.loads(result.output)
    assert [r["unit"] for r in document["results"]] == ["乙区", "丙县"]  # the plan's order
    table = run(runner, "check", "2024", "--county", "乙区", "--county", "Bing").output
    header = next(line for line in table.splitlines() if "乙区" in line and "丙县" in line)
    assert header.index("乙区") < header.index("丙县")  # a column each


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--county", "乙区", "--county", "丙县"],
        ["explain", "lectures", "2024", "--county", "乙区", "--county", "丙县"],
        ["check", "2024", "--county", "乙区", "--county", "丙县", "--compare", "HEAD"],
    ],
)
def test_one_county_commands_refuse_two(runner: CliRunner, small: Path, args: list[str]) -> None:
    result = run(runner, *args)
    assert result.exit_code == 2
    assert "--county 只能给一个单位（给了 乙区、丙县）" in result.output
