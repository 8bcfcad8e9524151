"""`kxplan template YEAR`: the Excel forms (填报表) the city sends to the units."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from kxplan.cli import locate
from kxplan.cli.context import find_unit, open_plan
from kxplan.cli.options import DataOption, DebugOption, LangOption, PlanOption, language
from kxplan.cli.output import outside_data
from kxplan.files.atomic import write_atomic
from kxplan.load.datafile import outside_data_years
from kxplan.load.dataset import load_dataset
from kxplan.model.errors import UsageError
from kxplan.model.plan import Plan
from kxplan.text import tr
from kxplan.yaml.write import reported_by


def template(
    year: Annotated[
        int, typer.Argument(metavar="YEAR", help="The year the forms collect.", show_default=False)
    ],
    county: Annotated[
        str | None,
        typer.Option("--county", help="Only this unit (name or code).", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Folder for the forms (default: reports/forms/YEAR/ beside the data folder).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace forms that exist.", metavar="")
    ] = False,
    plan_option: PlanOption = None,
    data_option: DataOption = None,
    lang_option: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Make the Excel forms for a year, one per unit. 生成年度数据填报表（每个单位一份）。

    Each form lists the indicators the unit reports, with what to count, the target, last
    year's value, and cells for the value, its source and a note. Needs the data folder (last
    year's values come from it, and the forms go to reports/forms/YEAR/ beside it); it may be
    empty. Existing forms are kept unless --force. Exit 0: forms made; 2: usage error (no data
    folder, …) or forms exist.
    """
    lang = language(lang_option)
    from kxplan.forms.build import FormSpec, build_form, form_name

    plan = open_plan(plan_option, lang)
    if outside := outside_data_years(plan, year, lang):
        raise UsageError(outside)
    units = [find_unit(plan, county, lang)] if county else plan.tree_order
    units = [unit for unit in units if reported_by(plan, unit)]
    if not units:
        raise UsageError(tr("template-nothing-to-report", lang, unit=county))
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
        print(locate.shown_path(paths[unit.code]))
    print(tr("template-made", lang, count=len(units), folder=locate.shown_path(folder)))


def _refusal(existing: list[str], lang: str) -> str:
    """Nothing is written when any form exists: the words of every file kxplan keeps."""
    if len(existing) == 1:
        return tr("would-overwrite", lang, path=existing[0])
    return tr("template-exist", lang, count=len(existing), files=", ".join(existing))


def _previous(
    plan: Plan, data_dir: Path, year: int, lang: str
) -> dict[str, dict[str, bool | int | float]]:
    """Each unit's own reported values of the year before (not sums of its children)."""
    data = load_dataset(plan, data_dir, lang, years=[year - 1])
    if data.invalid:
        files = ", ".join(sorted(data.invalid.values()))
        print(tr("template-previous-invalid", lang, year=year - 1, files=files), file=sys.stderr)
    return {
        code: {i: observation.value for i, observation in submission.values.items()}
        for (_, code), submission in data.submissions.items()
    }
