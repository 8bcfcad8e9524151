"""`kxplan import FILE…`: filled-in forms (填报表) into data files, losing nothing."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import open_plan
from kxplan.cli.handler import ExitCode
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import DataOption, DebugOption, LangOption, PlanOption, language
from kxplan.load.datafile import FileChecker
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan
from kxplan.model.problems import Problem
from kxplan.text import tr

if TYPE_CHECKING:
    from kxplan.forms.store import Imported


@documented(
    examples=[
        ("先看会写什么 / first see what would be written", "kxplan import returned/ --dry-run"),
        ("导入一个文件夹 / import a folder of forms", "kxplan import returned/"),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
    also={
        ExitCode.USAGE: "数据文件与填报表不同而未加 --force / a data file differs, no --force",
        ExitCode.INVALID: "填报表无效、未读取（如 .xls）或数据文件写不进 / a form is invalid or "
        "was not read (an .xls), or a data file could not be written",
    },
)
def import_forms(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help=helps(
                "填好的填报表（.xlsx；.xlsm 按普通数据读取），或放填报表的文件夹 / Filled-in "
                "forms (.xlsx; .xlsm is read as plain data), or folders of them."
            ),
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help=helps("只显示会写入什么，不写 / Show what would be written; write nothing."),
            metavar="",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=helps(
                "替换与填报表不同的数据文件 / Replace data files that differ from the forms."
            ),
            metavar="",
        ),
    ] = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Read filled-in forms into data files. 导入填好的填报表，写成数据文件。

    An empty cell reports nothing and never erases data. Where a data file exists and the
    form changes it, the differences are shown and nothing is written without --force.
    Each data file is read, merged and written under its lock: imports at the same time wait
    for each other (at most 30 s).
    """
    lang = language(lang_option)
    from kxplan.forms.store import import_forms

    plan = open_plan(plan_option, lang)
    data_dir = locate.data_dir(data_option, lang)
    forms, unread = _expand(files, lang)
    when = datetime.now().astimezone().isoformat(timespec="seconds")
    checker = FileChecker(plan, lang)
    results = import_forms(
        [(path, path.as_posix()) for path in forms],
        data_dir,
        checker,
        force=force,
        when=when,
        write=not dry_run,
    )
    counts = dict.fromkeys(COUNTS, 0)
    for item in results:  # each as soon as its data file is written (or not)
        counts[_print(item, plan, lang, dry_run=dry_run)] += 1
    summary = tr("import-summary", lang, forms=sum(counts.values()), **counts)
    if counts["failed"]:
        summary += tr("import-summary-failed", lang, failed=counts["failed"])
    if unread:
        summary += tr("import-summary-unread", lang, count=len(unread))
    print(summary + (tr("import-dry-run", lang) if dry_run else ""), file=sys.stderr)
    if counts["invalid"] or counts["failed"] or _left_out(unread):
        raise typer.Exit(ExitCode.INVALID)
    if counts["pending"]:
        raise typer.Exit(ExitCode.USAGE)


COUNTS = ("written", "unchanged", "pending", "empty", "invalid", "failed")
#: the line of each outcome (`forms.merge.Outcome`), and what the summary counts it as
_SAID = {
    "blocked": ("import-existing-invalid", "invalid"),
    "not-a-file": ("import-not-a-file", "invalid"),
    "unsound": ("import-unsound", "invalid"),
    "empty": ("import-empty", "empty"),
    "unchanged": ("import-unchanged", "unchanged"),
    "differs": ("import-differs", "pending"),
    "failed": ("import-not-written", "failed"),
    "new": ("import-written", "written"),
    "filled": ("import-written", "written"),
    "replaced": ("import-written", "written"),
}


def _print(item: Imported, plan: Plan, lang: str, *, dry_run: bool) -> str:
    """Print what became of one form; returns what the summary counts it as."""
    from kxplan.forms.merge import (
        Outcome,
        blanks,
        describe_blank,
        describe_change,
        describe_dated,
        describe_dropped,
    )

    _print_problems(item.problems, lang)
    landing = item.landing
    if landing is None:
        print(tr("import-invalid", lang, form=item.file, count=len(item.problems)))
        return "invalid"
    _print_problems(landing.problems, lang)
    if landing.outcome is Outcome.APPEARED:  # the file made meanwhile is kept: see it first
        print(f"kxplan: {tr('would-overwrite', lang, path=landing.display)}", file=sys.stderr)
        return "pending"
    counted = _SAID[landing.outcome][1]
    dry = counted == "written" and dry_run
    values = len({change.indicator for change in landing.changes})
    names = {"form": item.file, "path": landing.display}
    said = tr(
        "import-would-write" if dry else _SAID[landing.outcome][0],
        lang,
        count=values,
        reason=landing.failed,
        **names,
    )
    print(said)
    for change in landing.changes:
        print(f"  {describe_change(change, plan, lang)}")
    for indicator in landing.form.dated:  # the clerk should reset the cell's format
        print(f"  {describe_dated(indicator, landing.form, plan, lang)}")
    for indicator in blanks(landing):  # a county may not know that a blank is a missing value
        print(f"  {describe_blank(indicator, plan, lang)}")
    for comment in landing.dropped:
        print(f"  {describe_dropped(comment, lang)}")
    return counted


SHOWN = 50  # problems listed per form: a sheet of junk must not bury the rest of the output


def _print_problems(problems: list[Problem], lang: str) -> None:
    for problem in problems[:SHOWN]:
        print(problem.as_line())
    if len(problems) > SHOWN:
        print(tr("import-more-problems", lang, count=len(problems) - SHOWN))


FORMS = (".xlsx", ".xlsm")
#: why a file kxplan does not read is not read: a spreadsheet in another format may be a
#: county's form (its data is left out: exit 3); anything else is simply not a form
UNREAD = {
    ".xls": "import-unread-xls",
    ".xlsb": "import-unread-spreadsheet",
    ".et": "import-unread-spreadsheet",  # WPS's own
    ".ods": "import-unread-spreadsheet",
    ".numbers": "import-unread-spreadsheet",
    ".csv": "import-unread-spreadsheet",
}


def _expand(paths: list[Path], lang: str) -> tuple[list[Path], list[Path]]:
    """The forms the paths name (a folder: those in it and its subfolders), and the files they
    name that are not read, each said here with why. No form and no spreadsheet at all is a
    usage error: `共 0 份填报表` would look like a successful import."""
    forms: list[Path] = []
    unread: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = _files_in(path)
        elif path.is_file():
            found = [path]
        else:
            raise UsageError(tr("file-not-found", lang, path=path))
        for file in found:
            suffix = file.suffix.lower()
            read = suffix in FORMS or path == file  # a file named is read: it says what it is
            (forms if read else unread).append(file)
    for file in unread:
        suffix = file.suffix.lower()
        # not `.get`: the catalogue's test reads the keys from the expression
        why = tr(
            UNREAD[suffix] if suffix in UNREAD else "import-unread-other",  # noqa: SIM401
            lang,
            suffix=file.suffix,
        )
        print(tr("import-unread", lang, file=file.as_posix(), why=why))
    if not forms and not _left_out(unread):
        raise UsageError(tr("import-no-forms", lang, paths=", ".join(str(path) for path in paths)))
    return forms, unread


def _left_out(unread: list[Path]) -> bool:
    """Whether a file not read may be a county's form: its data is not imported."""
    return any(file.suffix.lower() in UNREAD for file in unread)


def _files_in(folder: Path) -> list[Path]:
    """The files under `folder`, without Excel's `~$` lock files and without hidden files and
    folders (`.git`, `.DS_Store`, macOS's `._` copies): those are nobody's form, said by nobody."""
    return sorted(
        path
        for path in folder.rglob("*")
        if not path.name.startswith("~$")
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )
