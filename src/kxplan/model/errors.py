"""The domain's exceptions: one base, a class for each kind of failure. The command line's one
error handler (`kxplan.cli.handler`) says each and maps it to its SPEC exit code."""

from __future__ import annotations

from pathlib import Path

from kxplan.model.problems import Problem


class KxplanError(Exception):
    """Base of every error kxplan expects and explains."""


class UsageError(KxplanError):
    """The command line asks for something that does not exist (a county, a year, a file)."""


class WouldOverwrite(KxplanError):
    """The output file exists and the user did not ask to replace it (`--force`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists; not overwritten (use --force to replace it)")
        self.path = path


class PlanInvalid(KxplanError):
    """The plan file cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the plan")
        self.problems = problems


class CannotWrite(KxplanError):
    """The file system refused the write (no folder, no permission, a full disk): none written."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"cannot write {path}: {error.strerror or type(error).__name__}")
        self.path = path
        self.errno = error.errno
        self.strerror = error.strerror or type(error).__name__


class Busy(KxplanError):
    """Another kxplan run kept writing the file for longer than a run waits. Nothing written."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(f"{path} is being written by another run; still busy after {seconds:g} s")
        self.path = path
        self.seconds = seconds
