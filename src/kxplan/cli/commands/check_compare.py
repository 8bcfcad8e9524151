"""`kxplan check YEAR --compare REV`: what the working tree changes against a git revision."""

from __future__ import annotations

import sys
from pathlib import Path

from kxplan.engine.changes import compare
from kxplan.engine.evaluation import Evaluation
from kxplan.model.plan import Unit
from kxplan.render import View
from kxplan.render.changes import Formats, render
from kxplan.repo.revision import evaluate_revision


def show_changes(
    evaluation: Evaluation,
    rev: str,
    plan_path: Path,
    data_dir: Path,
    unit: Unit | None,
    fmt: Formats,
    view: View,
    *,
    from_top: bool = False,
) -> bool:
    """Print the changed results; True when a result newly has a status in --fail-on.
    `from_top`: REV's files are named from the repository's top, as the new ones are."""
    old = evaluate_revision(
        rev, evaluation.plan, plan_path, data_dir, evaluation.year, unit, view.lang, from_top
    )
    comparison = compare(old.evaluation, evaluation, rev, old.commit, old.invalid_plan)
    render(comparison, fmt, view, sys.stdout)
    return bool(comparison.entered(view.fail_on))
