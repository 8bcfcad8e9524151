"""What the verification of `assess` found (issue 13 follow-up): a target outside its `years`
is left out of a unit's items in every view of one unit (the ranking keeps a `—` column); the
score sheet's total says the applicable weight; `explain --score` exits 3 on an invalid data
file; the message for a plan without an `assessment` section fits 80 columns."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from rich.cells import cell_len
from typer.testing import CliRunner

from assessplan import ASSESSMENT, DONE, STOCK, UNITS, VALUES, WATCH
from conftest import ROOT, plan_dict, run, write_yaml
from formhelpers import sample_project
from kinds import LECTURES


@pytest.fixture
def folder(project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """lectures counts from 2022 only: in 2021 it applies to no county."""
    lectures = {**LECTURES, "years": [2022, 2025]}
    found = project(plan_dict(lectures, DONE, STOCK, WATCH, units=UNITS, assessment=ASSESSMENT))
    monkeypatch.chdir(found)
    return found


@pytest.fixture
def project(project: Callable[..., Path]) -> Callable[..., Path]:
    return lambda plan: project(plan, VALUES)


def test_json_items_leave_out_a_target_outside_its_years(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "assess", "2021", "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    for unit in body["units"]:
        assert [item["target"] for item in unit["items"]] == ["done_2025", "stock_2025"]
        assert all(item["status"] is not None for item in unit["items"])
    # the scaling stays: 乙区 12.5 + 28 = 40.5 → × 100 ÷ 60 = 67.5
    yi = next(unit for unit in body["units"] if unit["unit"] == "乙区")
    assert (yi["score"], yi["applicable_weight"], yi["points"]) == (67.5, 60, 40.5)
    assert body["assessment"]["weights"] == {"lectures": 40, "done_2025": 25, "stock_2025": 35}
    # in a year it applies, it is an item again
    later = json.loads(run(runner, "assess", "2022", "--format", "json").stdout)
    assert [i["target"] for i in later["units"][0]["items"]] == [
        "lectures",
        "done_2025",
        "stock_2025",
    ]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_score_sheet_leaves_it_out(runner: CliRunner, folder: Path, fmt: str) -> None:
    out = run(runner, "assess", "2021", "--county", "乙区", "--format", fmt).stdout
    assert "是否建成" in out and "存量" in out
    assert "当年数" not in out  # lectures' name: no row for it
    assert "折算（本年不适用：lectures）：40.5 × 100 ÷ 60 = 67.5" in out


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_ranking_keeps_a_column_for_it(runner: CliRunner, folder: Path, fmt: str) -> None:
    out = run(runner, "assess", "2021", "--format", fmt).stdout
    assert "当年数" in out and "—" in out


def test_explain_score_leaves_it_out_of_the_items(runner: CliRunner, folder: Path) -> None:
    out = run(runner, "explain", "--score", "2021", "--county", "乙区").stdout
    items = out[out.index("计分目标") : out.index("计算过程")]
    assert "lectures" not in items and "done_2025" in items and "stock_2025" in items
    assert "折算（本年不适用：lectures）：40.5 × 100 ÷ 60 = 67.5" in out
    body = json.loads(
        run(runner, "explain", "--score", "2021", "--county", "乙区", "-f", "json").stdout
    )
    assert [item["target"] for item in body["items"]] == ["done_2025", "stock_2025"]


def test_workbook_unit_sheet_leaves_it_out_and_totals_the_applicable_weight(
    runner: CliRunner, folder: Path
) -> None:
    result = run(runner, "assess", "2021", "-o", "./考核.xlsx")
    assert result.exit_code == 0, result.output
    book = load_workbook("考核.xlsx")
    sheet = [tuple(row) for row in book["乙区"].iter_rows(values_only=True)]
    targets = [row[1] for row in sheet[4:] if isinstance(row[0], int)]
    assert targets == ["是否建成", "存量"]
    total = next(row for row in sheet if row[1] and str(row[1]).startswith("合计"))
    assert total[6:9] == (60, 40.5, 19.5)  # 分值 60 applies; 得分 40.5; 失分 12.5 + 7
    assert "100" in str(total[1])  # the label says the scaling to the full score
    # the ranking keeps its column, `—` where the target does not apply
    ranking = [tuple(row) for row in book["考核排名"].iter_rows(values_only=True)]
    assert ranking[3][2] == "当年数（40 分）" and ranking[4][2] == "—"


def test_workbook_total_without_scaling_is_the_full_score(
    runner: CliRunner, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_dict(LECTURES, DONE, STOCK, WATCH, units=UNITS, assessment=ASSESSMENT)
    monkeypatch.chdir(project(plan))
    assert run(runner, "assess", "2021", "-o", "./考核.xlsx").exit_code == 0
    sheet = [tuple(row) for row in load_workbook("考核.xlsx")["乙区"].iter_rows(values_only=True)]
    total = next(row for row in sheet if row[1] and str(row[1]).startswith("合计"))
    assert total[1] == "合计" and total[6:9] == (100, 80.5, 19.5)


def test_explain_score_on_the_sample_with_an_invalid_file_is_exit_3(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verification's case: the bundled sample, 青川县's 2023 file invalid."""
    monkeypatch.chdir(sample_project(tmp_path))
    Path("data/2023/青川县.yaml").write_text("values:\n  foo: [\n", "utf-8")
    for args in (
        ["explain", "--score", "--county", "青川县", "2023"],
        ["explain", "--score", "--county", "青川县", "2023", "-f", "json"],
        ["explain", "--score", "--county", "剑阁县", "2023"],
        ["assess", "2023"],
    ):
        result = run(runner, *args)
        assert result.exit_code == 3, (args, result.output)
        assert "data/2023/青川县.yaml" in result.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("plan", ["bundled", "many"])
def test_no_assessment_message_fits_80_columns(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, plan: str
) -> None:
    folder = sample_project(tmp_path)
    bundled = yaml.safe_load((ROOT / "targets.yaml").read_text("utf-8"))
    del bundled["assessment"]
    if plan == "many":  # long target ids
        for target in bundled["targets"]:
            target["id"] = f"{target['id']}_with_a_rather_long_name"
    write_yaml(folder / "targets.yaml", bundled)
    monkeypatch.chdir(folder)
    result = run(runner, "assess", "2024", "--lang", lang)
    assert result.exit_code == 2
    said = result.stderr
    assert max(cell_len(line) for line in said.splitlines()) <= 80, said
    example = said[said.index("assessment:") :]
    example = example[: example.index("\ndocs/" if lang == "en" else "\n各字段")]
    section = yaml.safe_load(example)["assessment"]
    assert len(section["weights"]) == 2 and len(section["scores"]) == 8
    write_yaml(folder / "targets.yaml", {**bundled, "assessment": section})
    assert run(runner, "assess", "2024").exit_code == 0
