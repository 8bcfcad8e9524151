"""`-o/--output PATH` of check, report and review: the suffix picks the format, a bare file
name goes to `reports/` beside the data folder, and nothing existing is replaced without
`--force` (the write itself is `kxplan.files.atomic`'s: a temporary file, then a rename)."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from kxplan.cli.locate import shown_path
from kxplan.files.atomic import write_atomic
from kxplan.model.errors import UsageError
from kxplan.text import tr

REPORTS = "reports"


class Export(StrEnum):
    XLSX = ".xlsx"
    JSON = ".json"
    MARKDOWN = ".md"


def target_path(option: str, data_dir: Path, default_stem: str) -> Path:
    """Where `-o` writes: a folder (existing, or written with a trailing `/`) gets
    `<default_stem>.xlsx`; a bare name goes to reports/; `./name` stays in the current folder."""
    path = Path(option)
    if path.is_dir() or option.endswith(_SEPARATORS):
        return path / f"{default_stem}{Export.XLSX.value}"
    if not any(separator in option for separator in _SEPARATORS):
        return data_dir.resolve().parent / REPORTS / path
    return path


_SEPARATORS = tuple({"/", os.sep})


def export_of(path: Path, lang: str, fmt: str | None = None) -> Export:
    """The format the suffix asks for; a usage error for other suffixes or a contradiction."""
    try:
        export = Export(path.suffix.lower())
    except ValueError:
        raise UsageError(tr("output-suffix", lang, path=path.name)) from None
    # The workbook is the table's form on paper: `--format table -o x.xlsx` agrees.
    matching = {"json": Export.JSON, "markdown": Export.MARKDOWN, "table": Export.XLSX}
    if fmt is not None and matching.get(fmt) != export:
        raise UsageError(tr("output-conflict", lang, fmt=fmt, suffix=path.suffix))
    return export


def outside_data(path: Path, data_dir: Path, lang: str) -> None:
    """Reports and forms never go into the data folder: it holds data files only, and a
    workbook there would sit among the counties' submissions."""
    if path.resolve().is_relative_to(data_dir.resolve()):
        raise UsageError(tr("output-in-data", lang, path=path, data=shown_path(data_dir)))


def prepare(
    option: str, data_dir: Path, default_stem: str, fmt: str | None, *, force: bool, lang: str
) -> tuple[Path, Export]:
    """The output path and format, refused before any work when the file exists already."""
    if not option.strip():
        raise UsageError(tr("output-empty", lang))
    path = target_path(option, data_dir, default_stem)
    export = export_of(path, lang, fmt)
    outside_data(path, data_dir, lang)
    if path.exists() and not force:
        raise UsageError(tr("would-overwrite", lang, path=shown_path(path.resolve())))
    return path, export


def save(path: Path, content: bytes | str, *, force: bool, lang: str) -> str:
    """Write atomically; returns the line telling where the file went."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic(path, data, overwrite=force)  # WouldOverwrite if created since `prepare`
    return tr("output-written", lang, path=shown_path(path.resolve()))
