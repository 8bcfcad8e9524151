"""`check --format json`: the machine-readable shape fixed by SPEC §6."""

from __future__ import annotations

from typing import Any, TextIO

from kxplan.engine.evaluation import Evaluation
from kxplan.engine.rules import Result
from kxplan.files.parallel import map_all
from kxplan.model.plan import ValueType
from kxplan.model.status import Status
from kxplan.render import View
from kxplan.render.describe import (
    explain,
    json_bound,
    json_number,
    own_threshold,
    rule_for,
    target_name,
)
from kxplan.render.jsontext import Encoded, json_text, write_json


def document(evaluation: Evaluation, view: View) -> dict[str, Any]:
    """The document of SPEC §6; its results encoded on every core when there are many."""
    plan = evaluation.plan
    lang = view.lang

    def encoded(result: Result) -> str:
        return json_text(result_json(result, lang), level=2)

    return {
        "plan": {"id": plan.info.id, "name": plan.info.name, "period": list(plan.info.period)},
        "year": evaluation.year,
        "summary": {status.value: count for status, count in evaluation.summary().items()},
        "missing_files": [unit.name for unit in evaluation.missing_files],
        "invalid_files": evaluation.invalid_files,
        "fail_on": [status.value for status in Status if status in view.fail_on],
        "failed": len(evaluation.failed(view.fail_on)),
        "results": [Encoded(text) for text in map_all(encoded, evaluation.results)],
        "problems": [problem.as_json() for problem in evaluation.problems],
    }


def result_json(result: Result, lang: str) -> dict[str, Any]:
    target, unit = result.target, result.unit
    evidence = result.evidence[-1] if result.evidence else None
    return {
        "target": target.id,
        "indicator": target.indicator,
        "kind": target.kind.value,
        "unit": unit.name,
        "unit_code": unit.code,
        "level": unit.level,
        "status": result.status.value,
        "value": json_number(result.value),
        "op": target.op.value if target.op else None,
        "threshold": own_threshold(result),
        "relative": target.relative.value if target.relative else None,
        "threshold_given": _given(result),
        "quota": result.limit is not None and result.limit.quota,
        "deadline": target.deadline,
        "baseline": json_number(result.baseline),
        "expected": json_number(result.expected),
        "progress_ratio": json_number(result.progress_ratio),
        "time_share": json_number(result.time_share),
        "completion": json_number(result.completion),
        "name": target_name(target, result.indicator, lang),
        "rule": rule_for(target, result.indicator, [result], lang),
        "clause": target.clause,
        "message": explain(result, lang),
        "file": evidence.file if evidence else None,
        "line": evidence.line if evidence else None,
    }


def _boolean(result: Result) -> bool:
    return result.indicator.type is ValueType.BOOLEAN


def _given(result: Result) -> object:
    """The plan's figure for the unit (its quota, or the relative figure) as written."""
    limit = result.limit
    return None if limit is None else json_bound(limit.given, _boolean(result))


def render(evaluation: Evaluation, view: View, out: TextIO) -> None:
    write_json(document(evaluation, view), out)
    out.write("\n")
