"""The one error handler, around every command (`app.Group.invoke`), as pre-commit's
`error_handler`: the domain's errors (`kxplan.model.errors`) become one line and the SPEC's exit
code (§6); only what kxplan did not expect is an internal error, its traceback with `--debug`."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

import typer

from kxplan.cli import usage
from kxplan.cli.locate import shown_path
from kxplan.model.errors import (
    Busy,
    CannotWrite,
    KxplanError,
    PlanInvalid,
    UsageError,
    WouldOverwrite,
)
from kxplan.model.problems import Problem
from kxplan.render import Format, View
from kxplan.text import default_lang, os_reason, tr

if TYPE_CHECKING:
    from kxplan.cli.replay import Recording
    from kxplan.files.cache import Cache


class ExitCode(IntEnum):
    """The SPEC's exit codes (§6), and a shell's for Ctrl-C."""

    OK = 0
    FAILED = 1  # a result's status is in --fail-on
    USAGE = 2  # an unknown option, county or year; a file kxplan will not write
    INVALID = 3  # the plan or a data file is invalid
    INTERNAL = 4  # a bug: what kxplan did not expect
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


def exit_code(error: KxplanError) -> ExitCode:
    """The exit code of one of the domain's errors."""
    match error:
        case UsageError() | WouldOverwrite() | CannotWrite():
            return ExitCode.USAGE
        case PlanInvalid() | Busy():
            return ExitCode.INVALID
        case _:
            return ExitCode.INTERNAL


def message(error: KxplanError, lang: str) -> str:
    """The line that says one of the domain's errors (the plan's problems are said apart)."""
    match error:
        case WouldOverwrite():
            return tr("would-overwrite", lang, path=shown_path(error.path))
        case CannotWrite():
            reason = os_reason(error.errno, error.strerror, lang)
            return tr("cannot-write", lang, path=shown_path(error.path), reason=reason)
        case Busy():
            reason = tr("busy-reason", lang, seconds=f"{error.seconds:g}")
            return tr("busy", lang, path=shown_path(error.path), reason=reason)
        case _:
            return str(error)


def problem_lines(problems: list[Problem]) -> None:
    from kxplan.render.terminal import fitted  # rich: only when there is something to say

    for problem in problems:  # each fits the terminal, the rest indented
        print("\n".join(fitted(problem.as_line(), sys.stdout)))


def plan_problems_as(
    fmt: Format, nothing: Callable[[View], dict[str, Any]], view: View, *, to_file: bool = False
) -> None:
    """Have an invalid plan's problems said in `fmt`; in JSON, in the command's own shape
    (`nothing`: every key it always writes, empty). With `-o` (`to_file`) standard output has
    lines, as it has the data's problems then."""

    def show(problems: list[Problem]) -> None:
        from kxplan.render import invalid

        shown = Format.TEXT if to_file else fmt
        invalid.render(problems, shown, view, nothing(view), sys.stdout)

    current().plan_problems = show


@dataclass
class Run:
    """What the handler needs to know of the command that runs, told as its options are read."""

    lang: str = field(default_factory=default_lang)
    debug: bool = False
    #: shows an invalid plan's problems in the command's own format and shape
    plan_problems: Callable[[list[Problem]], None] = problem_lines
    #: `--no-cache` not given; the cache folder, once a command asked for it
    use_cache: bool = True
    cache: Cache | None = None
    #: what the command writes from the moment it asked for its output to be remembered
    recording: Recording | None = None


_RUN: ContextVar[Run] = ContextVar("kxplan_run")


def current() -> Run:
    """The run being handled (a fresh one outside the handler: nobody will read it)."""
    try:
        return _RUN.get()
    except LookupError:
        return Run()


@contextmanager
def handled() -> Iterator[None]:
    run = Run()
    token = _RUN.set(run)
    try:
        yield
        if run.recording is not None:
            run.recording.keep(0)
    except PlanInvalid as error:
        run.plan_problems(error.problems)
        raise typer.Exit(ExitCode.INVALID) from None
    except KxplanError as error:
        from kxplan.render.terminal import fitted  # rich: only when there is an error

        lines = fitted(f"kxplan: {message(error, run.lang)}", sys.stderr, indent=2)
        print("\n".join(lines), file=sys.stderr)
        raise typer.Exit(exit_code(error)) from None
    except KeyboardInterrupt:
        print(f"kxplan: {tr('interrupted', run.lang)}", file=sys.stderr)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except typer.Exit as done:  # the command's exit code: its output may be remembered
        if run.recording is not None:
            run.recording.keep(done.exit_code)
        raise
    except (usage.ClickException, typer.Abort, BrokenPipeError):
        raise  # typer's own: usage errors, --help; a closed pipe is `main`'s
    except Exception as error:
        if run.debug:
            traceback.print_exc()
        said = f"{type(error).__name__}: {error}"
        print(tr("internal-error", run.lang, error=said), file=sys.stderr)
        raise typer.Exit(ExitCode.INTERNAL) from None
    finally:
        if run.recording is not None:
            run.recording.stop()
        _RUN.reset(token)
