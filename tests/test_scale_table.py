"""check at scale (issue 15 item 6): more than 60 units and the table, Markdown and GitHub
formats summarise — statuses counted per level and target, 需要关注 capped at 20 with a count
of the rest, how to narrow the run — while JSON stays complete and `--wide` keeps the table."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from conftest import ROOT, plan_dict, run
from kxplan.render.scale import MOST_UNITS, SHOWN

Values = dict[tuple[int, str], dict[str, Any] | None]

LECTURES = {
    "id": "lectures",
    "indicator": "count_flow",
    "level": ["district", "county"],
    "kind": "annual",
    "op": ">=",
    "threshold": 2,
}
RATE = {
    "id": "rate",
    "indicator": "rate",
    "level": "city",
    "kind": "annual",
    "op": ">=",
    "threshold": 50,
}


def county(n: int) -> str:
    return f"县{n:03d}"


def tree(districts: int, per_district: int) -> tuple[dict[str, Any], Values]:
    """A city, its districts, their counties (numbered 1, 2, … across the districts): the city
    not met (rate 40 < 50); district k gives k lectures (1 not met, the others met); county n
    gives n % 3 (met when 2), none when n is a multiple of 13 (missing)."""
    units: list[dict[str, Any]] = [
        {"code": "100000", "name": "甲市", "name_en": "Jia", "level": "city"}
    ]
    values: Values = {(2024, "甲市"): {"rate": 40}}
    for k in range(1, districts + 1):
        units.append(
            {
                "code": f"1{k:02d}000",
                "name": f"片区{k}",
                "name_en": f"Area {k}",
                "level": "district",
                "parent": "100000",
            }
        )
        values[(2024, f"片区{k}")] = {"count_flow": k}
        for i in range(1, per_district + 1):
            n = (k - 1) * per_district + i
            units.append(
                {
                    "code": f"1{k:02d}{i:03d}",
                    "name": county(n),
                    "name_en": f"County {n}",
                    "level": "county",
                    "parent": f"1{k:02d}000",
                }
            )
            values[(2024, county(n))] = {} if n % 13 == 0 else {"count_flow": n % 3}
    levels = [
        {"id": "city", "name": "市", "name_en": "city"},
        {"id": "district", "name": "片区", "name_en": "district"},
        {"id": "county", "name": "县区", "name_en": "county"},
    ]
    return plan_dict(LECTURES, RATE, levels=levels, units=units), values


@pytest.fixture
def big(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """82 units: the city, 3 districts, 78 counties. By hand, counties 1–78: met when n % 3 is
    2 (26 of them) but 26 and 65 are multiples of 13 (24 met); missing 13, 26, 39, 52, 65, 78
    (6); not met the other 48. Districts: 片区1 not met, 片区2 and 片区3 met. The city: not met."""
    folder = project(*tree(3, 26))
    monkeypatch.chdir(folder)
    return folder


def _lines(output: str) -> list[str]:
    return output.splitlines()


def test_a_big_tree_is_summarised_per_level_with_counts(runner: CliRunner, big: Path) -> None:
    result = run(runner, "check", "2024")
    assert result.exit_code == 1
    lines = _lines(result.output)
    assert lines[0] == "测试规划 — 2024"
    at = lines.index("市（1 个单位）")
    assert lines[at + 1 : at + 3] == ["   ✘   目标", "   1   比例"]
    at = lines.index("片区（3 个单位）")
    assert lines[at + 1 : at + 3] == ["   ✔   ✘   目标", "   2   1   当年数"]
    at = lines.index("县区（78 个单位）")
    assert lines[at + 1 : at + 3] == ["    ✔    ✘   ?   目标", "   24   48   6   当年数"]
    assert "县078" not in result.output  # no column, no block of every unit


def test_needs_attention_is_capped_most_severe_and_highest_first(
    runner: CliRunner, big: Path
) -> None:
    output = run(runner, "check", "2024").output
    listed = re.findall(r"^  [✘▼?] \S+  \S+ @ (\S+?)：", output, flags=re.MULTILINE)
    not_met = [n for n in range(1, 29) if n % 3 != 2 and n % 13]  # district 1's, then 27, 28
    assert listed == ["甲市", "片区1", *(county(n) for n in not_met)]
    assert len(listed) == SHOWN
    # 56 in --fail-on: 50 not met and 6 missing; 20 listed
    assert "\n  ……另有 36 项未列出：未达标 30、缺数据 6\n" in output
    assert "56 项结果属于 --fail-on" in output


def test_the_hint_names_the_options_to_narrow(runner: CliRunner, big: Path) -> None:
    output = run(runner, "check", "2024").output
    assert f"共 82 个单位（多于 {MOST_UNITS} 个），上表按层级汇总。缩小范围：" in output
    assert "  --level LEVEL  一个层级的全部单位（如 --level 片区）\n" in output
    assert "  --under UNIT   一个单位及其下属全部单位（如 --under 片区1）\n" in output
    for option in ("--county NAME", "--wide", "-f json"):
        assert f"\n  {option}" in output
    tail = _lines(output)[-2:]  # the closing lines as always
    assert tail[0].startswith("2024 年：共 82 项结果 — 达标 26、未达标 50、缺数据 6")
    assert tail[1].startswith("56 项结果属于 --fail-on")


def test_in_english(runner: CliRunner, big: Path) -> None:
    output = run(runner, "check", "2024", "--lang", "en").output
    assert "county (78 unit(s))\n    ✔    ✘   ?   Target\n" in output
    assert "Needs attention:" in output
    assert "… 36 more not listed: not met 30, missing data 6" in output
    assert "82 units (more than 60): the table above counts them per level." in output
    assert "  --level LEVEL  every unit of one level (e.g. --level district)" in output
    assert "  --under UNIT   a unit and every unit below it (e.g. --under 'Area 1')" in output
    for chinese in ("需要关注", "缩小范围", "个单位", "另有"):
        assert chinese not in output


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(3, 26), (8, 25)])
def test_short_and_80_columns_however_many_units(
    runner: CliRunner,
    project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    size: tuple[int, int],
) -> None:
    monkeypatch.chdir(project(*tree(*size)))
    output = run(runner, "check", "2024", "--lang", lang, env={"COLUMNS": "80"}).output
    lines = _lines(output)
    assert max(cell_len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    assert len(lines) <= 90  # 82 units or 209: the same summary, not a line per unit


def test_wide_keeps_the_full_table_and_json_every_result(runner: CliRunner, big: Path) -> None:
    wide = run(runner, "check", "2024", "--wide").output
    assert "县078" in wide and "缩小范围" not in wide
    assert wide.count(" @ ") == 56  # every result in --fail-on but none is capped
    results = json.loads(run(runner, "check", "2024", "-f", "json").output)["results"]
    assert len(results) == 82


def test_a_county_keeps_the_table(runner: CliRunner, big: Path) -> None:
    output = run(runner, "check", "2024", "--county", "县001").output
    assert "缩小范围" not in output and "县001" in output


@pytest.mark.parametrize(("per_district", "summarised"), [(58, False), (59, True)])
def test_more_than_60_units_summarise(
    runner: CliRunner,
    project: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    per_district: int,
    summarised: bool,
) -> None:
    """1 city, 1 district and 58 counties: 60 units, a table; one county more, a summary."""
    monkeypatch.chdir(project(*tree(1, per_district)))
    output = run(runner, "check", "2024").output
    assert ("缩小范围" in output) is summarised


def test_the_sample_and_the_province_keep_their_table(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder, year in ((ROOT, "2024"), (ROOT / "examples" / "province-15", "2027")):
        monkeypatch.chdir(folder)
        for fmt in ("table", "markdown"):
            output = run(runner, "check", year, "-f", fmt).output
            assert "缩小范围" not in output and "个单位）" not in output


def test_file_lists_are_capped(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, values = tree(3, 26)
    for n in range(51, 79):  # 28 counties without a file
        values[(2024, county(n))] = None
    monkeypatch.chdir(project(plan, values))
    output = run(runner, "check", "2024").output
    first = "、".join(county(n) for n in range(51, 71))
    assert f"2024 年未报送数据文件：{first}……另有 8 个\n" in output


def test_markdown_summarises_too(runner: CliRunner, big: Path) -> None:
    output = run(runner, "check", "2024", "-f", "markdown").output
    assert "### 县区（78 个单位）\n\n| 目标 | ✔ 达标 | ✘ 未达标 | ? 缺数据 |\n" in output
    assert "| 当年数 | 24 | 48 | 6 |\n" in output
    assert output.count("\n- ✘ 未达标 ") == SHOWN
    assert "\n- ……另有 36 项未列出：未达标 30、缺数据 6\n" in output
    assert "\n- `--level LEVEL` 一个层级的全部单位（如 --level 片区）\n" in output
    assert "县078" not in output


def test_github_writes_the_ten_it_shows_and_a_notice(
    runner: CliRunner, big: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    output = run(runner, "check", "2024", "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    errors = [line for line in _lines(output.output) if line.startswith("::error ")]
    assert len(errors) == 10
    assert "::notice title=kxplan::共 56 条错误；单位太多，只写出 GitHub 显示的前 10 条" in (
        output.output
    )
    page = summary.read_text(encoding="utf-8")
    assert "### 县区（78 个单位）" in page and "县078" not in page
