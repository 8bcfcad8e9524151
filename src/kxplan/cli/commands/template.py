"""`kxplan template YEAR`: the Excel forms (填报表) the city sends to the units."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from kxplan.cli import complete, locate
from kxplan.cli.context import find_unit, memo, open_plan
from kxplan.cli.handler import ExitCode
from kxplan.cli.helptext import documented, helps
from kxplan.cli.options import (
    DataOption,
    DebugOption,
    LangOption,
    NoCacheOption,
    PlanOption,
    county_option,
    language,
)
from kxplan.cli.output import outside_data
from kxplan.files.atomic import write_atomic
from kxplan.load.datafile import outside_data_years
from kxplan.load.dataset import load_dataset
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan
from kxplan.text import tr
from kxplan.yaml.write import reported_by


@documented(
    examples=[
        ("每个单位一份 2024 年填报表 / a 2024 form for every unit", "kxplan template 2024"),
        (
            "两个县区的，放到 forms/ / two counties' forms, into forms/",
            "kxplan template 2024 --county 利州区 --county 苍溪县 -o forms/",
        ),
    ],
    exits=(ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID),
)
def template(
    year: Annotated[
        int,
        typer.Argument(
            metavar="YEAR",
            help=helps("填报表收集哪一年的数据 / The year the forms collect."),
            show_default=False,
            autocompletion=complete.plan_years,
        ),
    ],
    counties: Annotated[
        list[str] | None,
        county_option(
            "只为这个单位生成（名称、代码或英文名；可重复；默认：全部单位） / Only this unit "
            "(name, code or English name; repeat it for several; default: every unit)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=helps(
                "填报表放在哪个文件夹（默认：数据文件夹旁的 reports/forms/YEAR/） / Folder for "
                "the forms (default: reports/forms/YEAR/ beside the data folder)."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=helps("替换已有的填报表 / Replace forms that exist."), metavar=""
        ),
    ] = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Make the Excel forms for a year, one per unit. 生成年度数据填报表（每个单位一份）。

    Each form lists the indicators the unit reports, with what to count, the target, last
    year's value, and cells for the value, its source and a note. Needs the data folder (last
    year's values come from it, and the forms go to reports/forms/YEAR/ beside it); it may be
    empty. Existing forms are kept unless --force.
    """
    lang = language(lang_option)
    from kxplan.forms.build import FormSpec, build_form, form_name

    plan = open_plan(plan_option, lang)
    if outside := outside_data_years(plan, year, lang):
        raise UsageError(outside)
    named = {find_unit(plan, county, lang).code for county in counties or []}
    units = [unit for unit in plan.tree_order if unit.code in named] if named else plan.tree_order
    units = [unit for unit in units if reported_by(plan, unit)]
    if not units:
        shown = tr("list-comma", lang).join(counties or [])
        raise UsageError(tr("template-nothing-to-report", lang, unit=shown))
    data_dir = locate.data_dir(data_option, lang)
    folder = output or data_dir.parent / "reports" / "forms" / str(year)
    outside_data(folder, data_dir, lang)
    paths = {unit.code: folder / form_name(unit, year) for unit in units}
    existing = [locate.shown_path(path) for path in paths.values() if path.exists()]
    if existing and not force:
        raise UsageError(_refusal(existing, lang))
    previous = _previous(plan, data_dir, year, lang)
    generated = datetime.now().astimezone().isoformat(timespec="seconds")
    for unit in units:
        spec = FormSpec(plan, unit, year, previous.get(unit.code, {}), generated, lang)
        write_atomic(paths[unit.code], build_form(spec), overwrite=force)
        print(locate.shown_path(paths[unit.code]), file=sys.stderr)  # written: a status
    made = tr("template-made", lang, count=len(units), folder=locate.shown_path(folder))
    print(made, file=sys.stderr)


def _refusal(existing: list[str], lang: str) -> str:
    """Nothing is written when any form exists: the words of every file kxplan keeps."""
    if len(existing) == 1:
        return tr("would-overwrite", lang, path=existing[0])
    return tr("template-exist", lang, count=len(existing), files=", ".join(existing))


def _previous(
    plan: Plan, data_dir: Path, year: int, lang: str
) -> dict[str, dict[str, bool | int | float]]:
    """Each unit's own reported values of the year before (not sums of its children)."""
    data = load_dataset(plan, data_dir, lang, years=[year - 1], cache=memo(plan, data_dir, lang))
    if data.invalid:
        files = ", ".join(sorted(data.invalid.values()))
        print(tr("template-previous-invalid", lang, year=year - 1, files=files), file=sys.stderr)
    return {
        code: {i: observation.value for i, observation in submission.values.items()}
        for (_, code), submission in data.submissions.items()
    }
