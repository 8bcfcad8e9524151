"""Commands load when they run (issue 11 item 8): `kxplan --help` lists them from a table of
names and summaries, `--version` imports no command, and a command imports its module only."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

from conftest import ROOT
from kxplan.cli.app import COMMANDS

SHOW_MODULES = """
import sys
from kxplan.cli.app import main
sys.argv[0] = "kxplan"
try:
    main()
except SystemExit:
    pass
print("MODULES", *sorted(sys.modules))
"""


def imported(*args: str) -> set[str]:
    """The modules `kxplan ARGS` has imported when it ends (run on the sample, in a new process)."""
    done = subprocess.run(
        [sys.executable, "-c", SHOW_MODULES, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def commands_in(modules: set[str]) -> set[str]:
    return {name for name in modules if name.startswith("kxplan.cli.commands.")}


@pytest.mark.parametrize("name", COMMANDS)
def test_the_listed_summary_is_the_commands_own(name: str) -> None:
    entry = COMMANDS[name]
    module = importlib.import_module(f"kxplan.cli.commands.{entry.module}")
    doc = inspect.getdoc(getattr(module, entry.module)) or ""
    assert entry.summary == doc.split("\n\n")[0].replace("\n", " ")


def test_help_and_version_import_no_command() -> None:
    assert not commands_in(imported("--help"))
    version = imported("--version")
    assert not commands_in(version)
    assert not {"yaml", "pydantic", "rich"} & version


def test_a_command_imports_its_own_module_only() -> None:
    assert commands_in(imported("check", "2024")) == {"kxplan.cli.commands.check"}
    assert commands_in(imported("targets")) == {"kxplan.cli.commands.targets"}
