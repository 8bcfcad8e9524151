"""Output formats: one enum for every command. Each subject a command shows (check's
`Evaluation`, validate's problems, the plan's targets, explain's audit trail, report's
`History`, review's `Review`, check --compare's `Comparison`) has one module here whose `render`
chooses its renderer with a `match` over the formats it declares (a `Literal` of `Format`
members), exhaustive for mypy; a renderer's module is imported only when its format is used."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO, TypeVar

from kxplan.model.status import Status


class Format(StrEnum):
    TABLE = "table"
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"
    XLSX = "xlsx"  # a file's only (`-o FILE.xlsx`): never written to a terminal


#: what `-o FILE` writes, by the file's suffix
SUFFIXES: dict[str, Format] = {".xlsx": Format.XLSX, ".json": Format.JSON, ".md": Format.MARKDOWN}


@dataclass(frozen=True)
class View:
    lang: str
    fail_on: frozenset[Status]
    color: bool = False
    width: int | None = None
    wide: bool = False  # `--wide`: the full table, however wide


F = TypeVar("F", bound=Format)
Subject = TypeVar("Subject")


def one_of(fmt: Format, formats: tuple[F, ...]) -> F | None:
    """`fmt` as one of a subject's `formats`, None when the subject has no such format."""
    return next((each for each in formats if each is fmt), None)


def write_bytes(out: TextIO, data: bytes) -> None:
    """A workbook's bytes into the text stream of a file (see `rendered`)."""
    out.flush()
    out.buffer.write(data)


def rendered(
    render: Callable[[Subject, F, View, TextIO], None], subject: Subject, fmt: F, view: View
) -> bytes:
    """What `render` writes in `fmt`, as the bytes of a file (UTF-8, `\\n` line ends)."""
    data = io.BytesIO()
    text = io.TextIOWrapper(data, encoding="utf-8", newline="\n")
    render(subject, fmt, view, text)
    text.flush()
    text.detach()  # the bytes stay open to be read
    return data.getvalue()
