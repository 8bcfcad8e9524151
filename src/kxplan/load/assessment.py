"""Whether a plan's `assessment` section (SPEC §8) can be used: its shape, and what it says
against the rest of the plan (the level, the targets it weights, the statuses it scores, the
order of its grades). Each problem at its place in the file, all of them at once."""

from __future__ import annotations

import json
import math
from collections.abc import Generator, Iterator
from fractions import Fraction
from typing import Any

from kxplan.model.assessment import GRADE_KEYS, REQUIRED_KEYS, SCORED, SECTION_KEYS
from kxplan.model.plan import Kind, PlanFile, exact
from kxplan.model.status import Status
from kxplan.text import tr
from kxplan.text.suggest import closest
from kxplan.yaml.document import Path_

Found = Iterator[tuple[Path_, str]]
HERE: Path_ = ("assessment",)


def assessment_problems(spec: PlanFile, lang: str) -> Found:
    """Each problem of the plan's `assessment` section as (its place, the message)."""
    section = spec.assessment
    if section is None:
        if "assessment" in spec.model_fields_set:  # `assessment:` with nothing under it
            yield HERE, tr("assess-empty", lang)
        return
    owner = tr("assess-owner", lang)
    yield from _keys(section, HERE, SECTION_KEYS, REQUIRED_KEYS, owner, lang)
    for key in ("name", "name_en"):
        if key in section and not _text(section[key]):
            yield (*HERE, key), tr("assess-not-text", lang, field=key, got=_got(section[key]))
    if "level" in section:
        yield from _level(section["level"], spec, lang)
    known = section.get("level") in [level.id for level in spec.levels]
    level = section["level"] if known else None  # an unknown level is said once, above
    full = yield from _weights(section.get("weights"), spec, level, lang)
    if "scores" in section:
        yield from _scores(section["scores"], lang)
    if "grades" in section:
        yield from _grades(section["grades"], full, lang)


def said_at_key(where: Path_, data: Any) -> bool:
    """Whether a problem of the assessment at `where` is shown at its key: one about a whole
    mapping or list (`scores` lacks a status) is the key's line, not its first item's."""
    if where[:1] != HERE or not isinstance(where[-1], str):  # an item of a list has no key
        return False
    value = data
    for step in where:
        if isinstance(value, dict) and step in value:  # noqa: SIM114 (mypy narrows apart)
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            return False
    return isinstance(value, dict | list)


def _keys(
    mapping: dict[Any, Any],
    where: Path_,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
    owner: str,
    lang: str,
) -> Found:
    for key in mapping:
        if key not in allowed:
            guess = closest(str(key), allowed)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            message = tr(
                "plan-unknown-field",
                lang,
                owner=owner,
                field=key,
                suggest=suggest,
                allowed=", ".join(allowed),
            )
            yield (*where, key), message
    for key in required:
        if key not in mapping:
            yield where, tr("plan-missing-field", lang, owner=owner, field=key)


def _level(level: Any, spec: PlanFile, lang: str) -> Found:
    known = [each.id for each in spec.levels]
    if level not in known:
        guess = closest(str(level), known)
        suggest = tr("did-you-mean", lang, id=guess) if guess else ""
        message = tr(
            "assess-unknown-level", lang, level=_got(level), suggest=suggest, known=", ".join(known)
        )
        yield (*HERE, "level"), message


def _weights(
    weights: Any, spec: PlanFile, level: str | None, lang: str
) -> Generator[tuple[Path_, str], None, Fraction | None]:
    """The weights' problems; returns the full score when every weight is a good number."""
    where = (*HERE, "weights")
    if weights is None:
        return None
    if not isinstance(weights, dict):
        yield where, tr("assess-not-mapping", lang, field="weights", got=_got(weights))
        return None
    if not weights:
        yield where, tr("assess-no-weights", lang)
        return None
    targets = {target.id: target for target in spec.targets}
    full, numbers = Fraction(0), True
    for key, weight in weights.items():
        target = targets.get(key) if isinstance(key, str) else None
        if target is None:
            guess = closest(str(key), targets)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            yield (*where, key), tr("assess-weight-unknown", lang, id=key, suggest=suggest)
        elif target.kind is Kind.MONITOR:
            yield (*where, key), tr("assess-weight-monitor", lang, id=key)
        elif level is not None and level not in target.levels:
            levels = ", ".join(target.levels)
            message = tr("assess-weight-level", lang, id=key, levels=levels, level=level)
            yield (*where, key), message
        if _number(weight) and weight > 0:
            full += exact(weight)
        else:
            numbers = False
            yield (*where, key), tr("assess-weight-number", lang, id=key, got=_got(weight))
    return full if numbers else None


def _scores(scores: Any, lang: str) -> Found:
    where = (*HERE, "scores")
    if not isinstance(scores, dict):
        yield where, tr("assess-not-mapping", lang, field="scores", got=_got(scores))
        return
    codes = [status.value for status in SCORED]
    # `monitored` may be given (a plan may list every status) though no weighted target can
    # have it; its share is checked like the others
    for key, share in scores.items():
        if key not in codes and key != Status.MONITORED.value:
            guess = closest(str(key), codes)
            suggest = tr("did-you-mean", lang, id=guess) if guess else ""
            message = tr(
                "assess-score-unknown", lang, status=key, suggest=suggest, known=", ".join(codes)
            )
            yield (*where, key), message
        elif not (_number(share) and 0 <= share <= 1):
            yield (*where, key), tr("assess-score-range", lang, status=key, got=_got(share))
    absent = [code for code in codes if code not in scores]
    if absent:
        yield where, tr("assess-score-missing", lang, statuses=", ".join(absent))


def _grades(grades: Any, full: Fraction | None, lang: str) -> Found:
    where = (*HERE, "grades")
    if not isinstance(grades, list):
        yield where, tr("assess-grades-list", lang, got=_got(grades))
        return
    if not grades:
        yield where, tr("assess-grades-empty", lang)
        return
    names: list[str] = []
    above: tuple[str, Fraction] | None = None  # the grade before, when its min is good
    for index, grade in enumerate(grades):
        place = (*where, index)
        if not isinstance(grade, dict):
            message = tr("assess-grade-mapping", lang, number=index + 1, got=_got(grade))
            yield place, message
            above = None
            continue
        owner = tr("assess-grade-owner", lang, number=index + 1)
        yield from _keys(grade, place, GRADE_KEYS, ("name", "min"), owner, lang)
        name = grade.get("name")
        for key in ("name", "name_en"):
            if key in grade and not _text(grade[key]):
                field = f"grades[{index + 1}].{key}"
                yield (*place, key), tr("assess-not-text", lang, field=field, got=_got(grade[key]))
        shown = str(name) if _text(name) else str(index + 1)
        if _text(name):
            if shown in names:
                yield (*place, "name"), tr("assess-grade-duplicate", lang, name=shown)
            names.append(shown)
        if "min" not in grade:
            above = None
            continue
        low = grade["min"]
        if not _number(low) or low < 0 or (full is not None and exact(low) > full):
            top = "—" if full is None else _figure(full)
            yield (*place, "min"), tr("assess-grade-min", lang, name=shown, full=top, got=_got(low))
            above = None
            continue
        floor = exact(low)
        if above is not None and floor >= above[1]:
            message = tr(
                "assess-grade-order",
                lang,
                name=shown,
                min=_figure(floor),
                above=above[0],
                above_min=_figure(above[1]),
            )
            yield (*place, "min"), message
        if index == len(grades) - 1 and floor != 0:
            yield (*place, "min"), tr("assess-grade-last", lang, name=shown, min=_figure(floor))
        above = (shown, floor)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= 2000


def _number(value: Any) -> bool:
    """A number as a plan writes one: not a boolean, not a quoted number, not infinite."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _figure(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def _got(value: Any) -> str:
    """A value as the file has it, short: it is shown, never obeyed."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"
