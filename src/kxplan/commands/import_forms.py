"""`kxplan import FILE…`: filled-in forms (填报表) into data files, losing nothing."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from kxplan import locate
from kxplan.atomic import write_text_atomic
from kxplan.commands.common import (
    DataOption,
    DebugOption,
    LangOption,
    PlanOption,
    guard,
    language,
    open_plan,
)
from kxplan.dataload import FileChecker
from kxplan.errors import UsageError
from kxplan.forms.texts import say
from kxplan.messages import tr
from kxplan.problems import Problem


def import_forms(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="Filled-in forms (.xlsx; .xlsm is read as plain data), or folders of them.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show what would be written; write nothing.", metavar=""),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace data files that differ from the forms.", metavar=""),
    ] = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Read filled-in forms into data files. 导入填好的填报表，写成数据文件。

    An empty cell reports nothing and never erases data. Where a data file exists and the
    form changes it, the differences are shown and nothing is written without --force.
    Exit 0: done; 2: data differs (no --force) or usage error; 3: a form or data file is invalid.
    """
    lang = language(lang_option)
    with guard(lang, debug):
        from kxplan.forms.merge import Outcome, describe_change, describe_dropped, import_forms

        plan = open_plan(plan_option, lang)
        data_dir = locate.data_dir(data_option, lang)
        forms = _expand(files, lang)
        when = datetime.now().astimezone().isoformat(timespec="seconds")
        checker = FileChecker(plan, lang)
        results = import_forms(
            [(path, path.as_posix()) for path in forms], data_dir, checker, force=force, when=when
        )
        counts = dict.fromkeys(("written", "unchanged", "pending", "empty", "invalid"), 0)
        for item in results:
            _print_problems(item.problems, lang)
            landing = item.landing
            if landing is None:
                counts["invalid"] += 1
                print(say("invalid", lang, form=item.file, count=len(item.problems)))
                continue
            _print_problems(landing.problems, lang)
            names = {"form": item.file, "path": landing.display}
            if landing.outcome is Outcome.BLOCKED:
                counts["invalid"] += 1
                print(say("existing-invalid", lang, path=landing.display))
            elif landing.outcome is Outcome.UNSOUND:
                counts["invalid"] += 1
                print(say("unsound", lang, **names))
            elif landing.outcome is Outcome.EMPTY:
                counts["empty"] += 1
                print(say("empty", lang, form=item.file))
            elif landing.outcome is Outcome.UNCHANGED:
                counts["unchanged"] += 1
                print(say("unchanged", lang, **names))
            elif landing.outcome is Outcome.DIFFERS:
                counts["pending"] += 1
                print(say("differs", lang, **names))
            else:
                counts["written"] += 1
                values = len({change.indicator for change in landing.changes})
                key = "would-write" if dry_run else "written"
                print(say(key, lang, count=values, **names))
                if not dry_run and landing.text is not None:
                    write_text_atomic(
                        landing.path, landing.text, overwrite=landing.outcome is not Outcome.NEW
                    )
            for change in landing.changes:
                print(f"  {describe_change(change, plan, lang)}")
            for comment in landing.dropped:
                print(f"  {describe_dropped(comment, lang)}")
        summary = say("summary", lang, forms=len(results), **counts)
        print(summary + (say("dry-run", lang) if dry_run else ""), file=sys.stderr)
        if counts["invalid"]:
            raise typer.Exit(3)
        if counts["pending"]:
            raise typer.Exit(2)


SHOWN = 50  # problems listed per form: a sheet of junk must not bury the rest of the output


def _print_problems(problems: list[Problem], lang: str) -> None:
    for problem in problems[:SHOWN]:
        print(problem.as_line())
    if len(problems) > SHOWN:
        print(say("more-problems", lang, count=len(problems) - SHOWN))


def _expand(paths: list[Path], lang: str) -> list[Path]:
    """Files as given; a folder gives the forms in it and in its subfolders. No form at all is a
    usage error: `共 0 份填报表` would look like a successful import."""
    forms: list[Path] = []
    for path in paths:
        if path.is_dir():
            forms.extend(_forms_in(path))
        elif path.is_file():
            forms.append(path)
        else:
            raise UsageError(tr("file-not-found", lang, path=path))
    if not forms:
        raise UsageError(say("no-forms", lang, paths=", ".join(str(path) for path in paths)))
    return forms


def _forms_in(folder: Path) -> list[Path]:
    """The .xlsx/.xlsm files under `folder`, without Excel's `~$` lock files and without hidden
    files and folders (`.git`, macOS's `._` copies)."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in (".xlsx", ".xlsm")
        and not path.name.startswith("~$")
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    )
