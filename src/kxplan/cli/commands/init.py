"""`kxplan init DIR`: a new data repository, ready for pull requests and CI."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.handler import ExitCode
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import DebugOption, LangOption, language
from kxplan.load.datafile import outside_data_years
from kxplan.load.planfile import load_plan
from kxplan.model.errors import PlanInvalid, UsageError
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import tr

if TYPE_CHECKING:
    from kxplan.repo.scaffold import Source


@documented(
    examples=[
        ("用随 kxplan 提供的规划 / with the plan shipped with kxplan", "kxplan init gy-data"),
        (
            "用自己的规划，2024 年起 / with a plan of your own, from 2024",
            "kxplan init my-data --plan targets.yaml --year 2024",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help=helps("新数据仓库的文件夹 / Folder of the new data repository."),
            show_default=False,
        ),
    ],
    plan_option: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            help=helps(
                "要复制的规划（默认：环境变量 KXPLAN_PLAN，否则随 kxplan 提供的规划） / Plan to "
                "copy (default: env KXPLAN_PLAN, else the plan shipped with kxplan)."
            ),
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=helps(
                "空数据文件的年份（默认：基期年） / Year of the empty data files (default: the "
                "base year)."
            ),
            show_default=False,
        ),
    ] = None,
    repo: Annotated[
        str | None,
        typer.Option(
            "--kxplan-repo",
            help=helps(
                "kxplan 的 git 地址，供 CI 和 pre-commit 使用（默认：占位地址） / Git URL of "
                "kxplan, for CI and the pre-commit hook (default: a placeholder)."
            ),
            show_default=False,
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--kxplan-rev",
            help=helps(
                "安装 kxplan 的标签或提交（默认：v 加本版本号） / Tag or commit of kxplan to "
                "install (default: v + this version)."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=helps(
                "使用非空文件夹（只补上缺少的文件） / Use a folder that is not empty (only "
                "missing files are added)."
            ),
            metavar="",
        ),
    ] = False,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Create a data repository. 新建数据仓库。

    Writes the plan (targets.yaml), schema.json, one empty data file per unit,
    a README for the people who submit data, a pre-commit configuration and
    a GitHub Actions workflow. Never overwrites a file, even with --force.
    """
    from kxplan.repo.scaffold import data_locks, scaffold, unit_files_present, write_missing

    lang = language(lang_option)
    source = _source(folder, repo, rev, lang)
    if folder.exists() and not folder.is_dir():
        raise UsageError(tr("init-not-a-folder", lang, folder=folder))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise UsageError(tr("init-not-empty", lang, folder=folder))
    source_path = _plan_source(folder, plan_option, lang)
    plan_bytes = source_path.read_bytes()
    plan = load_plan(source_path, locate.shown_path(source_path), lang)
    chosen = plan.base_year if year is None else year
    if outside := outside_data_years(plan, chosen, lang):
        raise UsageError(outside)
    files = scaffold(plan, plan_bytes, chosen, source)
    present = unit_files_present(folder, plan, chosen)
    locks = data_locks(folder, plan, chosen)
    written, kept = write_missing(folder, files, present, locks)
    _report(folder, written, kept, source, lang)


def _source(folder: Path, repo: str | None, rev: str | None, lang: str) -> Source:
    """Where the new files say kxplan comes from: the options, else what the repository's
    pre-commit configuration already says (so `--force` keeps it), else the defaults."""
    from kxplan.repo.scaffold import DEFAULT_REV, PLACEHOLDER_REPO, Source, existing_source, pip_url

    found = existing_source(folder) if folder.is_dir() else None
    if repo is not None and repo.lower().startswith("git+"):
        repo = repo[4:]  # pip's own prefix (`git+https://…`): git and pre-commit want the URL
    source = Source(
        repo or (found.repo if found else PLACEHOLDER_REPO),
        rev or (found.rev if found else DEFAULT_REV),
    )
    if pip_url(source.repo) is None:
        raise UsageError(tr("init-repo-not-pip", lang, repo=source.repo))
    return source


def _plan_source(folder: Path, option: Path | None, lang: str) -> Path:
    """The plan to copy; a repository that already has one keeps it (and must agree)."""
    env = os.environ.get("KXPLAN_PLAN")
    chosen = option or (Path(env) if env else None)
    if chosen is not None and not chosen.is_file():
        raise UsageError(tr("file-not-found", lang, path=chosen))
    existing = folder / locate.PLAN_NAME
    why = locate.unusable(existing, lang)
    if why is not None:  # kept as it is, it would stand beside the files of another plan
        message = tr("init-plan-unusable", lang, why=why)
        shown = locate.shown_path(existing)
        raise PlanInvalid([Problem(shown, None, None, ProblemCode.PLAN_ERROR, message)])
    if existing.is_file():
        if chosen is not None and chosen.read_bytes() != existing.read_bytes():
            raise UsageError(tr("init-other-plan", lang, existing=existing, chosen=chosen))
        return existing
    if chosen is not None:
        return chosen
    embedded = locate.embedded_plan()
    if embedded is None:
        raise UsageError(tr("plan-not-found", lang, cwd=Path.cwd()))
    return embedded


def _report(folder: Path, written: list[str], kept: list[str], source: Source, lang: str) -> None:
    """What was written and what to do next: status lines, on standard error."""
    print(tr("init-repository", lang, folder=folder), file=sys.stderr)
    for name in written:
        print(f"  + {name}", file=sys.stderr)
    for name in kept:
        print(f"  = {tr('init-kept', lang, name=name)}", file=sys.stderr)
    steps = []
    if source.is_placeholder:
        steps.append(tr("init-replace-repo", lang, repo=source.repo, rev=source.rev))
    elif not re.fullmatch(r"[0-9a-f]{7,40}", source.rev):  # a tag; a commit id needs no check
        steps.append(tr("init-check-rev", lang, repo=source.repo, rev=source.rev))
    git = "git add ." if (folder / ".git").exists() else "git init && git add ."
    steps.append(f"cd {folder} && {git} && git commit -m 'kxplan init'")
    steps.append(tr("init-fill-in", lang))
    print(tr("init-next", lang), file=sys.stderr)
    for number, step in enumerate(steps, 1):
        print(f"  {number}. {step}", file=sys.stderr)
