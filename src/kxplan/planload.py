"""Load `targets.yaml` and check that the plan agrees with itself (SPEC `plan-error`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kxplan.errors import PlanInvalid
from kxplan.messages import tr
from kxplan.plan import (
    Bands,
    Indicator,
    Level,
    Plan,
    PlanFile,
    PlanInfo,
    Target,
    Unit,
)
from kxplan.plancheck import contradictions
from kxplan.problems import Problem, ProblemCode, sort_key
from kxplan.suggest import closest
from kxplan.validation import error_path, kind_of
from kxplan.yamlsafe import Document, Path_, read_yaml


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
            for where, message, key in _schema_problems(error.errors(), document, lang)
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


_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanInfo,
    "levels": Level,
    "units": Unit,
    "indicators": Indicator,
    "targets": Target,
}
_EXPECTED: dict[str, tuple[str, str]] = {
    "bool_type": ("true/false", "true/false"),
    "int_type": ("整数", "a whole number"),
    "float_type": ("数", "a number"),
    "list_type": ("列表 [下限, 上限]", "a list [low, high]"),
    "string_type": ("文字", "text"),
}


def _schema_problems(
    errors: list[ErrorDetails], document: Document, lang: str
) -> Iterator[tuple[Path_, str, bool]]:
    """One problem per place in the file, as (place, message, whether it is a key's place)."""
    by_place: dict[Path_, list[ErrorDetails]] = {}
    for detail in errors:
        by_place.setdefault(error_path(detail["loc"], document), []).append(detail)
    for where, details in by_place.items():
        first = details[0]
        field = ".".join(str(item) for item in where) or tr("the-file", lang)
        if first["type"] == "extra_forbidden":
            name = str(first["loc"][-1])
            allowed = list(_model_at(where[:-1]).model_fields)
            suggest = _suggest(name, allowed, lang)
            message = tr(
                "unknown-field", lang, field=field, suggest=suggest, allowed=", ".join(allowed)
            )
            yield where, message, True
        elif first["type"] == "missing":
            yield where, tr("missing-field", lang, field=".".join(map(str, first["loc"]))), False
        elif all(detail["type"] in _EXPECTED for detail in details):
            words = [_EXPECTED[detail["type"]][1 if lang == "en" else 0] for detail in details]
            expect = (" or " if lang == "en" else "或").join(dict.fromkeys(words))
            message = tr("type-error", lang, field=field, value=first.get("input"), expect=expect)
            yield where, message, False
        else:
            value: Any = first.get("input")
            yield where, f"{field}: {first['msg']} ({value!r})", False


def _model_at(where: Path_) -> type[BaseModel]:
    """The model of the mapping at `where`: the plan file, a section, or one item of a list."""
    if not where:
        return PlanFile
    if where == ("plan", "bands"):
        return Bands
    return _MODELS.get(str(where[0]), PlanFile)


def _suggest(word: str, known: list[str], lang: str) -> str:
    guess = closest(word, known)
    return tr("did-you-mean", lang, id=guess) if guess else ""
