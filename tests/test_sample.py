"""The bundled sample against statuses computed by hand (tests/fixtures/sample_expected.json).

The expectations were computed independently of the engine, from the SPEC's formulas, when
the sample was designed; the sample must keep showing every status.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.engine.evaluation import evaluate_year
from kxplan.model.dataset import DataSet
from kxplan.model.plan import Plan
from kxplan.model.status import Status

EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "sample_expected.json").read_text())


@pytest.mark.parametrize("year", [2024, 2025])
def test_sample_statuses_match_hand_computation(bundled: tuple[Plan, DataSet], year: int) -> None:
    plan, data = bundled
    got = {
        f"{r.target.id}@{r.unit.name}": r.status.value
        for r in evaluate_year(plan, data, year).results
    }
    assert got == EXPECTED[str(year)]


def test_sample_2024_shows_every_status() -> None:
    assert set(EXPECTED["2024"].values()) == {status.value for status in Status}


def test_sample_2025_has_met_and_not_met_at_the_deadline(bundled: tuple[Plan, DataSet]) -> None:
    plan, _ = bundled
    deadline_targets = {t.id for t in plan.targets if t.deadline == 2025}
    statuses = {s for key, s in EXPECTED["2025"].items() if key.split("@")[0] in deadline_targets}
    assert {"met", "not_met"} <= statuses


def test_readme_first_command_runs_on_the_sample(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "check", "2024")
    assert result.exit_code == 1  # the sample has missed targets
    assert "2024 年：共 86 项结果" in result.output
    assert "2024 年未报送数据文件：青川县" in result.output


def test_sample_validates(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run(runner, "validate")
    assert result.exit_code == 0, result.output
    assert "已检查 47 个文件：全部有效" in result.output


def test_sample_files_say_they_are_invented() -> None:
    for path in sorted((ROOT / "data").glob("*/*.yaml")):
        assert "示例数据" in path.read_text(encoding="utf-8").splitlines()[0], path
