"""One error handler (issue 11 item 5): the SPEC's exit codes (§6), each driven through the real
entry point (`kxplan.cli.app:main`, in a new process), and no command with its own handler or
a literal exit code."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import plan_dict, run, write_yaml
from kinds import LECTURES
from kxplan.cli.handler import ExitCode

SRC = Path(__file__).resolve().parents[1] / "src" / "kxplan"


@pytest.fixture
def small(project: Callable[..., Path]) -> Path:
    return project(
        plan_dict(LECTURES),
        {(2024, "乙区"): {"count_flow": 3}, (2024, "丙县"): {"count_flow": 1}},
    )


def kxplan(folder: Path, *args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    """`kxplan ARGS` in a new process through `main()`, after `code` (a patch) has run."""
    script = f"import sys\n{code}\nfrom kxplan.cli.app import main\nsys.argv[0] = 'kxplan'\nmain()"
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "KXPLAN_LANG": "zh", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def test_exit_codes_are_the_specs() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 4, 130]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check", "2024", "--fail-on", ""], ExitCode.OK),
        (["check", "2024"], ExitCode.FAILED),  # 丙县 held 1 lecture
        (["check", "2024", "--county", "丁县"], ExitCode.USAGE),
        (["check", "2019"], ExitCode.USAGE),
        (["check", "--no-such-option"], ExitCode.USAGE),
        (["check", "2024", "--lang", "fr"], ExitCode.USAGE),
    ],
)
def test_codes_through_main(small: Path, args: list[str], code: ExitCode) -> None:
    result = kxplan(small, *args)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_data_and_plan_exit_3(small: Path) -> None:
    (small / "data/2024/乙区.yaml").write_text("unit: 乙区\nyear: 2024\nvalues: [\n", "utf-8")
    data = kxplan(small, "check", "2024")
    assert data.returncode == ExitCode.INVALID
    assert "data/2024/乙区.yaml:4:1: yaml-syntax" in data.stdout
    write_yaml(small / "targets.yaml", {"plan": {"id": "x"}})
    plan = kxplan(small, "validate")
    assert plan.returncode == ExitCode.INVALID
    assert "targets.yaml" in plan.stdout and "plan-error" in plan.stdout


def test_internal_error_is_one_line_and_its_traceback_on_request(small: Path) -> None:
    boom = "import kxplan.load.dataset as d\n"
    boom += "def boom(*a): raise RuntimeError('boom')\nd.data_years = boom"
    result = kxplan(small, "check", code=boom)
    assert result.returncode == ExitCode.INTERNAL
    said = "kxplan 内部错误：RuntimeError: boom（加 --debug 查看详细信息，并请报告此问题）\n"
    assert result.stderr == said
    debug = kxplan(small, "check", "--debug", code=boom)
    assert debug.returncode == ExitCode.INTERNAL
    assert "Traceback" in debug.stderr and debug.stderr.endswith(said)


def test_ctrl_c_is_one_line_and_130(small: Path) -> None:
    interrupt = "import kxplan.load.dataset as d\n"
    interrupt += "def stop(*a): raise KeyboardInterrupt\nd.data_years = stop"
    result = kxplan(small, "check", code=interrupt)
    assert result.returncode == ExitCode.INTERRUPTED
    assert result.stderr == "kxplan: 已中断（Ctrl-C）\n"
    english = kxplan(small, "check", "--lang", "en", code=interrupt)
    assert english.stderr == "kxplan: interrupted (Ctrl-C)\n"


def test_cli_runner_goes_through_the_handler(
    runner: CliRunner, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler is the application's own (not only `main`'s): tests that invoke the app
    with CliRunner see what `kxplan` does, never an exception."""
    monkeypatch.chdir(small)

    def stop(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kxplan.cli.context.data_years", stop)
    result = run(runner, "check")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert result.output == "kxplan: 已中断（Ctrl-C）\n"


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def test_no_literal_exit_codes_in_the_package() -> None:
    literal = []
    for path in sorted(SRC.rglob("*.py")):
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if _name(call) in ("Exit", "exit", "SystemExit", "_exit"):
                arguments = [*call.args, *(keyword.value for keyword in call.keywords)]
                if any(isinstance(argument, ast.Constant) for argument in arguments):
                    literal.append(f"{path.relative_to(SRC)}:{call.lineno}")
    assert not literal, literal


def test_commands_leave_errors_to_the_handler() -> None:
    """No command catches the domain's errors or everything: the handler says them."""
    domain = {"KxplanError", "UsageError", "PlanInvalid", "WouldOverwrite", "CannotWrite"}
    caught = []
    for path in sorted((SRC / "cli" / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler):
                if node.type is None:  # a bare `except:`
                    caught.append(f"{path.name}:{node.lineno}")
                    continue
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                if names & (domain | {"Exception", "BaseException"}):
                    caught.append(f"{path.name}:{node.lineno}")
    assert not caught, caught
