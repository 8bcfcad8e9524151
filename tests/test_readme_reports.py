"""The README's outputs of check, report, review and explain are what the commands print."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--county", "利州区"],
        ["review", "--year", "2023"],
        ["explain", "popsci_visits_2025", "--year", "2024"],
    ],
)
def test_readme_shows_real_output(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(ROOT)
    lines = [line.rstrip() for line in run(runner, *command).output.splitlines() if line.strip()]
    missing = [line for line in lines if line not in README]
    assert not missing, f"README is out of date for kxplan {' '.join(command)}: {missing[:3]}"


def test_readme_tour_of_check_is_real_output(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    output = [line.rstrip() for line in run(runner, "check", "2024").output.splitlines()]
    tour = README[README.index("## 导览") :]
    block = tour[tour.index("```text\n") + 8 :]
    assert block[: block.index("```")].splitlines() == output, "README's tour is out of date"


def test_readme_validate_example_is_real_output(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    start = README.index("Two data files with mistakes")
    bad = README[README.index("```yaml\n", start) + 8 :]
    (tmp_path / "data/2024/利州区.yaml").write_text(bad[: bad.index("```")], encoding="utf-8")
    (tmp_path / "data/2024/昭化区.yaml").write_text(
        "unit: 昭化区\nyear: 2023\nvalues:\n  home_of_workers: 是\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate", "data/2024/利州区.yaml", "data/2024/昭化区.yaml")
    assert result.exit_code == 3
    shown = README[README.index("```text\n", start) + 8 :]
    assert shown[: shown.index("```")].splitlines() == result.output.splitlines()
