"""The README's outputs of check, report, review and explain are what the commands print."""

from __future__ import annotations

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
