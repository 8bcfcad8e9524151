"""Load `targets.yaml`: its YAML, its schema (`planwords` says what is wrong) and whether it
agrees with itself (`plancheck`); every problem is a SPEC `plan-error`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from kxplan.load.assessment import said_at_key
from kxplan.load.formula import formula_problems, read_formulas
from kxplan.load.plancheck import contradictions
from kxplan.load.planrest import rest_problems
from kxplan.load.planwords import schema_problems
from kxplan.load.pydanticerrors import kind_of
from kxplan.model.errors import PlanInvalid
from kxplan.model.plan import Plan, PlanFile
from kxplan.model.problems import Problem, ProblemCode, sort_key
from kxplan.text import tr
from kxplan.yaml.document import Document, Path_
from kxplan.yaml.safe import read_yaml


def load_plan(path: Path, display: str, lang: str) -> Plan:
    """The plan at `path`; raises `PlanInvalid` with every problem when it cannot be used."""
    document, problems = read_yaml(path, display, lang)
    if document is None or problems:
        raise PlanInvalid([_as_plan_error(problem) for problem in problems])

    def problem(
        where: Path_, message: str, *, key: bool = False, offset: int | None = None
    ) -> Problem:
        """At `where`; `offset` characters into its text (a formula's), past a quote."""
        key = key or said_at_key(where, document.data)
        pos = document.where(where, key=key)
        line, column = (pos.line, pos.column) if pos else (None, None)
        if column is not None and offset is not None:
            column += offset + (1 if where in document.quoted else 0)
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
        said = {(p.line, p.column) for p in found}
        for where, message, offset in rest_problems(document.data, lang, _all):
            extra = problem(where, message, key=_at_key(document, where), offset=offset)
            if (extra.line, extra.column) not in said:
                found.append(extra)
        raise PlanInvalid(sorted(found, key=sort_key)) from None
    found = [
        problem(where, message, key=_at_key(document, where), offset=offset)
        for where, message, offset in _all(spec, lang)
    ]
    if found:
        raise PlanInvalid(sorted(found, key=sort_key))
    return Plan(spec, display, read_formulas(spec))


def _all(spec: PlanFile, lang: str) -> Iterator[tuple[Path_, str, int | None]]:
    """Every contradiction, with the offset of a formula's problem in its text."""
    for where, message in contradictions(spec, lang):
        yield where, message, None
    for where, offset, message in formula_problems(spec, lang):
        yield where, message, offset


def _at_key(document: Document, where: Path_) -> bool:
    """Whether a problem with a field as a whole (`milestones`) is shown at its key: when its
    value is a block mapping or list, whose first item is a line below the key."""
    if len(where) < 3 or where not in document.keys:  # a section keeps its first item's place
        return False
    value = document.values.get(where)
    return value is not None and value.line > document.keys[where].line


def _as_plan_error(problem: Problem) -> Problem:
    return Problem(
        problem.file,
        problem.line,
        problem.column,
        ProblemCode.PLAN_ERROR,
        f"{problem.code.value}: {problem.message}",
    )
