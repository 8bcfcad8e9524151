"""The domain's exceptions; `cli.main` maps each to its SPEC exit code."""

from __future__ import annotations

from pathlib import Path

from kxplan.model.problems import Problem


class KxplanError(Exception):
    """Base of every error kxplan expects and explains."""

    exit_code = 4


class UsageError(KxplanError):
    """The command line asks for something that does not exist (a county, a year, a file)."""

    exit_code = 2


class WouldOverwrite(KxplanError):
    """The output file exists and the user did not ask to replace it (`--force`)."""

    exit_code = 2

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists; not overwritten (use --force to replace it)")
        self.path = path


class PlanInvalid(KxplanError):
    """The plan file cannot be used; carries every problem found in it."""

    exit_code = 3

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the plan")
        self.problems = problems


class CannotWrite(KxplanError):
    """The file system refused the write: no such folder, no permission, a read-only or full
    disk, a file where a folder should be. Nothing was written."""

    exit_code = 2

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"cannot write {path}: {error.strerror or type(error).__name__}")
        self.path = path
        self.errno = error.errno
        self.strerror = error.strerror or type(error).__name__


class Busy(KxplanError):
    """Another kxplan run kept writing the file for longer than a run waits. Nothing written."""

    exit_code = 3

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(f"{path} is being written by another run; still busy after {seconds:g} s")
        self.path = path
        self.seconds = seconds
