"""`kxplan validate [FILES…]`: the plan and the data files, every problem at once."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import github_root, memo, open_plan, warn_leftovers
from kxplan.cli.handler import ExitCode, plan_problems_as
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    FormatOption,
    LangOption,
    NoCacheOption,
    PlanOption,
    language,
)
from kxplan.load.datafile import FileChecker
from kxplan.load.dataset import load_dataset, same_unit_files
from kxplan.load.folder import is_data_file, leftovers_beside
from kxplan.model.errors import UsageError
from kxplan.model.problems import Leftover, Problem, sort_key
from kxplan.render import Format, View, validation
from kxplan.render.validation import Validation
from kxplan.text import tr


@documented(
    examples=[
        ("规划和全部数据文件 / the plan and every data file", "kxplan validate"),
        ("一年的数据文件 / one year's data files", "kxplan validate data/2024/"),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help=helps(
                "要检查的数据文件或文件夹（默认：数据文件夹中的全部文件） / Data files or "
                "folders to check (default: every file of the data folder)."
            ),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[validation.Formats, FormatOption] = Format.TEXT,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Check the plan and the data files. 校验规划文件和数据文件。

    Prints `path:line:column: code: message`, one problem a line.
    """
    lang = language(lang_option)
    view = View(lang=lang, fail_on=frozenset())
    plan_problems_as(fmt, validation.nothing, view)
    root = github_root(fmt is Format.GITHUB, plan_option, lang)
    plan = open_plan(plan_option, lang, root)
    plan_file = locate.plan_path(plan_option, lang).resolve()
    leftovers = _leftovers(plan_file, plan.source, root)
    # A changed plan can invalidate any data file: then every file is checked.
    if files and all(path.resolve() != plan_file for path in files):
        checker = FileChecker(plan, lang)
        data_files = _expand(files, lang)
        problems: list[Problem] = []
        for path in data_files:
            display = locate.shown_from(path, root) or path.as_posix()
            problems.extend(checker.check(path, display)[1])
            problems.extend(same_unit_files(plan, path, display, lang))
            leftovers += _leftovers(path, display, root)
        count = len(data_files)
    else:
        folder = locate.data_dir(data_option, lang)
        data = load_dataset(plan, folder, lang, root=root, cache=memo(plan, folder, lang, root))
        problems = data.problems
        count = len(data.files)
        leftovers += data.leftovers
        if data.ignored:
            ignored = tr("list-comma", lang).join(data.ignored)
            print(tr("ignored-files", lang, files=ignored), file=sys.stderr)
    problems.sort(key=sort_key)
    warn_leftovers(leftovers, lang)
    validation.render(Validation(count, problems, leftovers), fmt, view, sys.stdout)
    if problems:
        raise typer.Exit(ExitCode.INVALID)


def _expand(paths: list[Path], lang: str) -> list[Path]:
    """The files named, a folder standing for the data files in it (`validate data/2024/`).

    A folder named as a data file (`利州区.yaml/`), or a link to nothing, is checked as the
    file it stands in for, and so reported; a folder without data files is a usage error,
    never “0 files checked: all valid”.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not is_data_file(path):
            inside = sorted(p for p in path.rglob("*") if is_data_file(p))
            if not inside:
                raise UsageError(tr("no-data-files", lang, path=path.as_posix()))
            found += inside
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise UsageError(tr("file-not-found", lang, path=path))
    return found


def _leftovers(path: Path, display: str, root: Path | None) -> list[Leftover]:
    """The temporary files interrupted writes of `path` (shown as `display`) left beside it."""
    return [
        Leftover(
            locate.shown_from(left, root) or (Path(display).parent / left.name).as_posix(), display
        )
        for left in leftovers_beside(path)
    ]
