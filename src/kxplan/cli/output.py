"""`-o/--output PATH` of check, report and review: the suffix picks the format, a bare file
name goes to `reports/` beside the data folder, and nothing existing is replaced without
`--force` (the write itself is `kxplan.files.atomic`'s: a temporary file, then a rename)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from kxplan.files.atomic import write_atomic
from kxplan.files.paths import shown_path
from kxplan.model.errors import UsageError
from kxplan.model.problems import Problem
from kxplan.render import SUFFIXES, F, Format, Subject, View, one_of, rendered
from kxplan.text import tr

REPORTS = "reports"


def target_path(option: str, data_dir: Path, default_stem: str) -> Path:
    """Where `-o` writes: a folder (existing, or written with a trailing `/`) gets
    `<default_stem>.xlsx`; a bare name goes to reports/; `./name` stays in the current folder."""
    path = Path(option)
    if path.is_dir() or option.endswith(_SEPARATORS):
        return path / f"{default_stem}.xlsx"
    if not any(separator in option for separator in _SEPARATORS):
        return data_dir.resolve().parent / REPORTS / path
    return path


_SEPARATORS = tuple({"/", os.sep})


def written_as(path: Path, fmt: Format | None, formats: tuple[F, ...], lang: str) -> F:
    """The format the suffix asks for, one of the subject's `formats`; a usage error for other
    suffixes or one that contradicts `--format`."""
    asked = SUFFIXES.get(path.suffix.lower())
    written = one_of(asked, formats) if asked is not None else None
    if written is None:
        raise UsageError(tr("output-suffix", lang, path=path.name))
    # The workbook is the table's form on paper: `--format table -o x.xlsx` agrees.
    if fmt is not None and (Format.XLSX if fmt is Format.TABLE else fmt) is not written:
        raise UsageError(tr("output-conflict", lang, fmt=fmt.value, suffix=path.suffix))
    return written


def outside_data(path: Path, data_dir: Path, lang: str) -> None:
    """Reports and forms never go into the data folder: it holds data files only, and a
    workbook there would sit among the counties' submissions."""
    if path.resolve().is_relative_to(data_dir.resolve()):
        raise UsageError(tr("output-in-data", lang, path=path, data=shown_path(data_dir)))


def prepare(
    option: str,
    data_dir: Path,
    default_stem: str,
    fmt: Format | None,
    formats: tuple[F, ...],
    *,
    force: bool,
    lang: str,
) -> tuple[Path, F]:
    """The output path and its format, refused before any work when the file exists already."""
    if not option.strip():
        raise UsageError(tr("output-empty", lang))
    path = target_path(option, data_dir, default_stem)
    written = written_as(path, fmt, formats, lang)
    outside_data(path, data_dir, lang)
    if path.exists() and not force:
        raise UsageError(tr("would-overwrite", lang, path=shown_path(path.resolve())))
    return path, written


def save(path: Path, data: bytes, *, force: bool, lang: str) -> str:
    """Write atomically; returns the line telling where the file went."""
    write_atomic(path, data, overwrite=force)  # WouldOverwrite if created since `prepare`
    return tr("output-written", lang, path=shown_path(path.resolve()))


def show(
    render: Callable[[Subject, F, View, TextIO], None],
    subject: Subject,
    fmt: F,
    view: View,
    chosen: tuple[Path, F] | None,
    problems: Sequence[Problem],
    *,
    force: bool,
) -> None:
    """`subject` in `fmt` on standard output; with `-o`, its data problems there, the file
    written in the format its suffix chose, and where it went on standard error (a status, not
    a result)."""
    if chosen is None:
        render(subject, fmt, view, sys.stdout)
        return
    path, written = chosen
    for problem in problems:
        print(problem.as_line())
    data = rendered(render, subject, written, view)
    print(save(path, data, force=force, lang=view.lang), file=sys.stderr)
