"""A year's evaluation as the plan and data stood at a git revision (for `check --compare`).

The revision's files are copied with git into a temporary folder, in the same places
relative to each other, so file names in the results read as in the working tree.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kxplan.engine.evaluation import Evaluation, evaluate_year
from kxplan.load.dataset import load_dataset
from kxplan.load.planfile import load_plan
from kxplan.model.errors import PlanInvalid, UsageError
from kxplan.model.plan import Plan, Unit
from kxplan.repo import gitrev
from kxplan.text import tr


@dataclass(frozen=True)
class Revision:
    evaluation: Evaluation
    commit: str
    #: REV's plan file (`HEAD~1:targets.yaml`) when it was invalid and the current plan judged
    #: REV's data instead
    invalid_plan: str | None = None


def evaluate_revision(
    rev: str,
    plan: Plan,
    plan_path: Path,
    data_dir: Path,
    year: int,
    unit: Unit | None,
    lang: str,
    from_top: bool = False,
) -> Revision:
    """The evaluation at `rev`. The plan at `rev` is used when the plan file is in the
    repository at that revision and valid there; otherwise (a plan outside it, or one that
    was broken) the current one.
    `from_top`: files are named from the repository's top rather than the data folder's
    parent (for GitHub's annotations)."""
    root = gitrev.toplevel(data_dir.resolve(), lang)
    sha = gitrev.commit(root, rev, lang)
    data_rel = _inside(data_dir.resolve(), root)
    if data_rel is None:
        raise UsageError(tr("git-data-outside", lang, data=data_dir, root=root))
    plan_rel = _inside(plan_path.resolve(), root)
    with tempfile.TemporaryDirectory(prefix="kxplan-rev-") as temp:
        folder = Path(temp)
        wanted = [data_rel] + ([plan_rel] if plan_rel else [])
        copied = gitrev.export(root, sha, wanted, folder, lang)
        old_plan, invalid_plan = plan, None
        if plan_rel is not None and plan_rel in copied:
            try:
                old_plan = load_plan(folder / plan_rel, f"{rev}:{plan_rel}", lang)
            except PlanInvalid:  # the working tree may be the fix: compare its plan's verdicts
                invalid_plan = f"{rev}:{plan_rel}"
        old_data = folder / data_rel
        old_data.mkdir(parents=True, exist_ok=True)
        years = range(old_plan.base_year, year + 1)
        old_unit = old_plan.unit(unit.code) if unit is not None else None
        units = old_plan.lineage(old_unit) if old_unit is not None else None  # its files only
        shown = folder if from_top else None
        data = load_dataset(old_plan, old_data, lang, years, root=shown, units=units)
        evaluation = evaluate_year(old_plan, data, year, old_unit)
        if unit is not None and old_unit is None:  # the unit is new in the plan
            evaluation = dataclasses.replace(evaluation, results=[])
    return Revision(evaluation, sha, invalid_plan)


def _inside(path: Path, root: Path) -> str | None:
    try:
        relative = path.relative_to(root.resolve())
    except ValueError:
        return None
    return relative.as_posix() if relative.parts else "."
