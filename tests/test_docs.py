"""Every command has help text and a line in the docs' command reference, which the README
links to; the README keeps the SPEC's set-up commands. (The docs' examples: test_docs_examples.)"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from conftest import ROOT, run
from kxplan.cli.app import COMMANDS as TABLE
from kxplan.cli.app import load

COMMANDS = sorted(TABLE)
README = (ROOT / "README.md").read_text(encoding="utf-8")
REFERENCE = (ROOT / "docs/reference.md").read_text(encoding="utf-8")


def test_commands_are_registered() -> None:
    assert {"check", "validate", "targets"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(runner: CliRunner, name: str) -> None:
    result = run(runner, name, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output
    summary = load(name).callback.__doc__
    assert summary and summary.strip()
    # A flag takes no value: its help line shows no placeholder (typer would print <bool>).
    assert "<bool>" not in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_docs_reference(name: str) -> None:
    assert f"| `kxplan {name}" in REFERENCE


def test_readme_links_to_the_reference() -> None:
    assert "](docs/reference.md)" in README


def test_readme_setup_commands_are_the_specs() -> None:
    assert "pip install -e . && kxplan check 2024" in README
    assert 'pip install -e ".[test]" && pytest' in README


def test_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0 and result.output.startswith("kxplan ")


@pytest.mark.parametrize("name", COMMANDS)
def test_usage_names_arguments_in_capitals(runner: CliRunner, name: str) -> None:
    """`kxplan import [OPTIONS] {FILE}...`, never the parameter's own name (`{files}...`)."""
    usage = next(
        line for line in run(runner, name, "--help").output.splitlines() if "Usage:" in line
    )
    assert not re.search(r"[{\[][a-z_]+[}\]]", usage), usage


@pytest.mark.parametrize(
    ("name", "metavar"),
    [("import", "FILE"), ("validate", "FILE"), ("template", "YEAR"), ("init", "DIR")],
)
def test_usage_metavars(runner: CliRunner, name: str, metavar: str) -> None:
    usage = next(
        line for line in run(runner, name, "--help").output.splitlines() if "Usage:" in line
    )
    # typer ≥ 0.16 marks a required argument {NAME} and an optional one [NAME]
    assert re.search(rf"\[OPTIONS\] [{{\[]?{metavar}[}}\]]?(\.\.\.)?\s*$", usage), usage
