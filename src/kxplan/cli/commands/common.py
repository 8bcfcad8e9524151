"""What every command shares: options, language, colour and the error guard."""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer

from kxplan.cli import locate
from kxplan.load.dataset import data_years
from kxplan.load.planfile import load_plan
from kxplan.model.errors import (
    Busy,
    CannotWrite,
    KxplanError,
    PlanInvalid,
    UsageError,
    WouldOverwrite,
)
from kxplan.model.plan import Plan, Unit
from kxplan.model.problems import Leftover, Problem
from kxplan.model.status import Status
from kxplan.text import LANGS, default_lang, in_lang, os_reason, tr
from kxplan.text.suggest import closest

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
    typer.Option("--lang", help="zh (default) or en; env KXPLAN_LANG.", show_default=False),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the full traceback of an internal error.", metavar="")
]


def language(option: str | None) -> str:
    if option is None:
        return default_lang()
    if option not in LANGS:  # said in every language: which one was meant is not known
        said = [tr("bad-lang", each, langs=tr("list-comma", each).join(LANGS)) for each in LANGS]
        fail_usage(" / ".join(said))
    return option


def fail_usage(message: str) -> NoReturn:
    print(f"kxplan: {message}", file=sys.stderr)
    raise typer.Exit(2)


def colour(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


@contextmanager
def guard(lang: str, debug: bool, fmt: str = "text") -> Iterator[None]:
    """Map the domain's errors to the SPEC's exit codes; never a traceback unless asked.

    `fmt` is the command's output format: an invalid plan is reported in it (JSON for
    programs, annotations for GitHub, lines otherwise).
    """
    try:
        yield
    except PlanInvalid as error:
        print_plan_problems(error.problems, fmt)
        raise typer.Exit(PlanInvalid.exit_code) from None
    except UsageError as error:
        fail_usage(str(error))
    except WouldOverwrite as error:
        fail_usage(tr("would-overwrite", lang, path=locate.shown_path(error.path)))
    except CannotWrite as error:
        reason = os_reason(error.errno, error.strerror, lang)
        fail_usage(tr("cannot-write", lang, path=locate.shown_path(error.path), reason=reason))
    except Busy as error:
        reason = tr("busy-reason", lang, seconds=f"{error.seconds:g}")
        print(
            f"kxplan: {tr('busy', lang, path=locate.shown_path(error.path), reason=reason)}",
            file=sys.stderr,
        )
        raise typer.Exit(error.exit_code) from None
    except KxplanError as error:
        print(f"kxplan: {error}", file=sys.stderr)
        raise typer.Exit(error.exit_code) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as error:
        if debug:
            traceback.print_exc()
        print(tr("internal-error", lang, error=f"{type(error).__name__}: {error}"), file=sys.stderr)
        raise typer.Exit(4) from None


FormatOption = typer.Option("--format", "-f", help="Output format.", case_sensitive=False)


def github_root(github: bool, plan_option: Path | None, lang: str) -> Path | None:
    """Where GitHub's annotations name files from: the repository holding the plan; None
    unless the format is github (finding it runs git)."""
    if not github:
        return None
    from kxplan.repo.gitrev import annotation_root

    return annotation_root(locate.plan_path(plan_option, lang).resolve().parent)


def open_plan(option: Path | None, lang: str, root: Path | None = None) -> Plan:
    """The plan, its file named from `root` when given (see `dataset.display_path`). The plan
    shipped with kxplan, taken where there is none, is said once: it may not be the one meant."""
    path, shipped = locate.find_plan(option, lang)
    plan = load_plan(path, locate.shown_from(path, root) or locate.shown_path(path), lang)
    if shipped:
        name = plan.name(lang)
        print(tr("shipped-plan", lang, cwd=Path.cwd(), name=name), file=sys.stderr)
    return plan


def warn_leftovers(leftovers: list[Leftover], lang: str) -> None:
    """Name each leftover of an interrupted write, on stderr: said, never mixed with output."""
    for leftover in leftovers:
        print(leftover.as_line(lang), file=sys.stderr)


YearArgument = Annotated[
    int | None,
    typer.Argument(
        metavar="YEAR", help="The year, as with check (same as --year).", show_default=False
    ),
]


def one_year(argument: int | None, option: int | None, lang: str) -> int | None:
    """The year given as `YEAR` (as `check` takes it) or as `--year`; both only if they agree."""
    if argument is not None and option is not None and argument != option:
        raise UsageError(tr("two-years", lang, argument=argument, option=option))
    return argument if argument is not None else option


def plan_year(plan: Plan, year: int | None, folder: Path, lang: str) -> int:
    """`year`, or the latest year of the period with data; a usage error outside the period."""
    if year is None:
        in_period = [y for y in data_years(folder) if y in plan.years]
        if not in_period:
            raise UsageError(tr("no-data-years", lang))
        return in_period[-1]
    if year not in plan.years:
        message = tr(
            "year-is-base" if year == plan.base_year else "year-outside",
            lang,
            year=year,
            start=plan.start,
            end=plan.end,
        )
        raise UsageError(message)
    return year


def find_unit(plan: Plan, name: str, lang: str) -> Unit:
    """The unit `--county` names: by name, code or English name (as English tables show it,
    in any case). Data files are named by name or code only (SPEC §5)."""
    wanted = name.strip()
    english = {unit.name_en.casefold(): unit for unit in plan.units if unit.name_en}
    unit = plan.unit(wanted) or english.get(wanted.casefold())
    if unit is None:
        shown = [in_lang(u.name, u.name_en, lang) for u in plan.units]  # as tables name them
        words = plan.unit_words() + shown
        guess = closest(name, [word for word in words if word])
        suggest = tr("did-you-mean", lang, id=guess) if guess else ""
        raise UsageError(tr("unknown-county", lang, name=name, suggest=suggest))
    return unit


def print_plan_problems(problems: list[Problem], fmt: str) -> None:
    if fmt == "json":  # the shape of `check --format json` (SPEC), with nothing evaluated
        body = {
            "plan": None,
            "year": None,
            "summary": {status.value: 0 for status in Status},
            "missing_files": [],
            "results": [],
            "problems": [problem.as_json() for problem in problems],
        }
        print(json.dumps(body, ensure_ascii=False, indent=2))
    elif fmt == "github":
        from kxplan.render.github import problem_annotation

        for problem in problems:
            print(problem_annotation(problem))
    else:
        for problem in problems:
            print(problem.as_line())
