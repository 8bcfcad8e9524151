"""Load `targets.yaml`: its YAML, its schema (`planwords` says what is wrong) and whether it
agrees with itself (`plancheck`); every problem is a SPEC `plan-error`."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from kxplan.errors import PlanInvalid
from kxplan.messages import tr
from kxplan.plan import Plan, PlanFile
from kxplan.plancheck import contradictions
from kxplan.planwords import schema_problems
from kxplan.problems import Problem, ProblemCode, sort_key
from kxplan.validation import kind_of
from kxplan.yamlsafe import Path_, read_yaml


def load_plan(path: Path, display: str, lang: str) -> Plan:
    """The plan at `path`; raises `PlanInvalid` with every problem when it cannot be used."""
    document, problems = read_yaml(path, display, lang)
    if document is None or problems:
        raise PlanInvalid([_as_plan_error(problem) for problem in problems])

    def problem(where: Path_, message: str, *, key: bool = False) -> Problem:
        pos = document.where(where, key=key)
        line, column = (pos.line, pos.column) if pos else (None, None)
        return Problem(display, line, column, ProblemCode.PLAN_ERROR, message)

    if not isinstance(document.data, dict):
        got = kind_of(document.data, lang)
        message = tr("not-a-mapping", lang, what=tr("the-file", lang), got=got)
        raise PlanInvalid([problem((), message)])
    try:
        spec = PlanFile.model_validate(document.data)
    except ValidationError as error:
        found = [
            problem(where, message, key=key)
            for where, message, key in schema_problems(error.errors(), document, lang)
        ]
        raise PlanInvalid(sorted(found, key=sort_key)) from None
    found = [problem(where, message) for where, message in contradictions(spec, lang)]
    if found:
        raise PlanInvalid(sorted(found, key=sort_key))
    return Plan(spec, display)


def _as_plan_error(problem: Problem) -> Problem:
    return Problem(
        problem.file,
        problem.line,
        problem.column,
        ProblemCode.PLAN_ERROR,
        f"{problem.code.value}: {problem.message}",
    )
