"""Importing forms into data files, one form as one step: under the lock of its data file
(`kxplan.files.lock`) the file is read, the form merged onto it and the result written. Imports
of one unit run at the same moment thus each merge onto the one before, and none is lost.

Each form's outcome is given once its write is done or has failed, so that what is said is
what happened; a write that fails fails that form only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kxplan.files.atomic import clear_leftovers, write_text_atomic
from kxplan.files.lock import hold
from kxplan.files.paths import display_path
from kxplan.forms.merge import WRITES, Landing, Outcome, candidates, land, target
from kxplan.forms.read import Form, read_form
from kxplan.load.datafile import FileChecker
from kxplan.model.errors import Busy, CannotWrite, WouldOverwrite
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import os_reason, tr
from kxplan.yaml.write import lock_path


@dataclass(frozen=True)
class Imported:
    """One form of an import: its problems, or where it lands."""

    file: str
    problems: list[Problem]
    landing: Landing | None


def import_forms(
    forms: list[tuple[Path, str]],
    data_dir: Path,
    checker: FileChecker,
    *,
    force: bool,
    when: str,
    write: bool,
) -> Iterator[Imported]:
    """Read every form (path, display), then land each in turn, written unless not `write`."""
    read = [(display, *read_form(path, display, checker)) for path, display in forms]
    owners: dict[tuple[int, str], list[str]] = {}
    for display, form, _ in read:
        if form is not None:
            owners.setdefault((form.year, form.unit.code), []).append(display)
    for display, form, problems in read:
        if form is None:
            yield Imported(display, problems, None)
            continue
        others = [other for other in owners[(form.year, form.unit.code)] if other != display]
        if others:
            message = tr("import-same-unit-twice", checker.lang, other=", ".join(others))
            problem = Problem(display, None, None, ProblemCode.DUPLICATE_KEY, message)
            yield Imported(display, [problem], None)
            continue
        landing = (
            store(form, data_dir, checker, force=force, when=when)
            if write
            else land(form, data_dir, checker, force=force, when=when)
        )
        yield Imported(display, [], landing)


def store(form: Form, data_dir: Path, checker: FileChecker, *, force: bool, when: str) -> Landing:
    """Land `form` and write what it changes, holding its data file's lock throughout."""
    lang = checker.lang
    lock = lock_path(data_dir, form.year, form.unit.code)
    try:
        with hold(lock, guarding=candidates(form, data_dir)[0]):
            landing = _write(land(form, data_dir, checker, force=force, when=when), lang)
            if landing.outcome is Outcome.APPEARED and force:  # --force: merge onto it
                landing = _write(land(form, data_dir, checker, force=force, when=when), lang)
            return landing
    except Busy as busy:  # what the form would change is not known until the file is free
        path = target(form, data_dir)
        reason = tr("busy-reason", lang, seconds=f"{busy.seconds:g}")
        display = display_path(path, data_dir)
        return Landing(form, path, display, Outcome.FAILED, failed=reason)
    except CannotWrite as error:  # no lock on a read-only disk: what needs no write is said
        landing = land(form, data_dir, checker, force=force, when=when)
        return _failed(landing, error, lang) if landing.outcome in WRITES else landing


def _write(landing: Landing, lang: str) -> Landing:
    if landing.outcome not in WRITES or landing.text is None:
        return landing
    clear_leftovers(landing.path)
    try:
        overwrite = landing.outcome is not Outcome.NEW
        write_text_atomic(landing.path, landing.text, overwrite=overwrite)
    except WouldOverwrite:  # made by a program that takes no lock, between reading and writing
        return replace(landing, outcome=Outcome.APPEARED)
    except CannotWrite as error:
        return _failed(landing, error, lang)
    return landing


def _failed(landing: Landing, error: CannotWrite, lang: str) -> Landing:
    reason = os_reason(error.errno, error.strerror, lang)
    return replace(landing, outcome=Outcome.FAILED, failed=reason)
