"""The options the commands share. `--lang` and `--debug` tell the error handler too, as they
are read: it says its messages in the run's language and shows a traceback when asked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kxplan.cli import handler
from kxplan.model.errors import UsageError
from kxplan.text import LANGS, default_lang, tr


def language(option: str | None) -> str:
    """The language `--lang` names, else `KXPLAN_LANG`'s; a usage error for another."""
    if option is None:
        return default_lang()
    if option not in LANGS:  # said in every language: which one was meant is not known
        said = [tr("bad-lang", each, langs=tr("list-comma", each).join(LANGS)) for each in LANGS]
        raise UsageError(" / ".join(said))
    return option


def _tell_lang(option: str | None) -> str | None:
    handler.current().lang = language(option)
    return option


def _tell_debug(debug: bool) -> bool:
    handler.current().debug = debug
    return debug


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan file (default: targets.yaml here or above; env KXPLAN_PLAN).",
        show_default=False,
    ),
]
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data folder (default: data/ here or above; env KXPLAN_DATA_DIR).",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="zh (default) or en; env KXPLAN_LANG.",
        show_default=False,
        callback=_tell_lang,
    ),
]
DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        help="Show the full traceback of an internal error.",
        metavar="",
        callback=_tell_debug,
    ),
]
YearArgument = Annotated[
    int | None,
    typer.Argument(
        metavar="YEAR", help="The year, as with check (same as --year).", show_default=False
    ),
]
FormatOption = typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
# Text, not Path: a Path drops the trailing `/` of a folder and the `./` of `./2024.xlsx`.
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to PATH instead: .xlsx, .json or .md; a bare file name goes to reports/.",
        show_default=False,
        metavar="PATH",
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace the --output file if it already exists.", metavar=""),
]
WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="The full table on one line per row, however wide (default: fit the terminal).",
        metavar="",
    ),
]
