"""Pieces every text format shares: cell text, summary and file lists."""

from __future__ import annotations

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.model.dataset import Gap
from kxplan.model.plan import Target, Unit
from kxplan.model.problems import total as total_problems
from kxplan.model.status import Status
from kxplan.render.describe import figure
from kxplan.text import in_lang, tr


def grid(evaluation: Evaluation) -> dict[tuple[str, str], Result]:
    return {(result.target.id, result.unit.code): result for result in evaluation.results}


def cell(result: Result, lang: str) -> str:
    """Check's grid cell: the glyph and the value, the glyph alone when data is missing."""
    if result.status is Status.MISSING:
        return result.status.glyph
    return value_cell(result, lang)


def value_cell(result: Result, lang: str) -> str:
    """The glyph and the value the rule judged, `—` when there is none (`? —`)."""
    return f"{result.status.glyph} {figure(result, lang)}"


def row_results(evaluation: Evaluation, target: Target) -> list[Result]:
    """The target's results across the units: what its row's rule applies to."""
    return [result for result in evaluation.results if result.target.id == target.id]


def shown_targets(evaluation: Evaluation) -> list[Target]:
    used = {result.target.id for result in evaluation.results}
    return [target for target in evaluation.plan.targets if target.id in used]


def unit_name(unit: Unit, lang: str) -> str:
    return in_lang(unit.name, unit.name_en, lang)


def summary_line(evaluation: Evaluation, lang: str) -> str:
    counts = evaluation.summary()
    total = len(evaluation.results)
    parts = [f"{status.label(lang)} {count}" for status, count in counts.items() if count]
    counted = tr("list-comma", lang).join(parts)
    return tr("summary-line", lang, year=evaluation.year, total=total, counts=counted)


def failed_line(evaluation: Evaluation, fail_on: frozenset[Status], lang: str) -> str:
    failed = len(evaluation.failed(fail_on))
    words = ", ".join(s.value for s in Status if s in fail_on) or "—"
    problems = total_problems(evaluation.problems)
    return tr("failed-line", lang, failed=failed, statuses=words, problems=problems)


def missing_line(evaluation: Evaluation, lang: str) -> str | None:
    if not evaluation.missing_files:
        return None
    names = tr("list-comma", lang).join(unit_name(unit, lang) for unit in evaluation.missing_files)
    return tr("missing-line", lang, year=evaluation.year, units=names)


def invalid_line(evaluation: Evaluation, lang: str) -> str | None:
    if not evaluation.invalid_files:
        return None
    files = tr("list-comma", lang).join(evaluation.invalid_files)
    return tr("invalid-line", lang, files=files)


def legend(lang: str) -> str:
    return "  ".join(f"{status.glyph} {status.label(lang)}" for status in Status)


def file_absent(result: Result) -> bool:
    """Missing because the unit's own file for the year is absent: the file list says it once."""
    gap = result.missing
    return (
        gap is not None
        and gap.gap is Gap.NO_FILE
        and (gap.unit, gap.year) == (result.unit, result.year)
    )


def file_invalid(result: Result) -> bool:
    """Missing because the unit's own file for the year is invalid: its problems and the
    list of invalid files say it once, not once per target."""
    gap = result.missing
    return (
        gap is not None
        and gap.gap is Gap.INVALID_FILE
        and (gap.unit, gap.year) == (result.unit, result.year)
    )
