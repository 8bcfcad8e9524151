"""Read and check data files (SPEC §5): every problem of every file, each with its place."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kxplan.files.paths import folder_of, forget_folders
from kxplan.load.datamodel import EXPECTED, MAX_VALUE, file_model
from kxplan.load.folder import YEAR_FOLDER
from kxplan.load.plainvalid import plain_values
from kxplan.load.pydanticerrors import error_path, kind_of
from kxplan.model.data import ENTRY_FIELDS, FILE_FIELDS, Observation, Submission
from kxplan.model.plan import Plan
from kxplan.model.problems import Problem, ProblemCode, sort_key
from kxplan.text import in_lang, tr
from kxplan.text.printable import shortened
from kxplan.text.suggest import closest
from kxplan.yaml.document import Document, Path_, Pos
from kxplan.yaml.safe import read_yaml
from kxplan.yaml.slips import space_name

_RANGE_ERRORS = {
    "greater_than_equal",
    "less_than_equal",
    "greater_than",
    "less_than",
    "finite_number",
    "string_too_long",
}
_MAPPING_ERRORS = {"model_type", "dict_type", "model_attributes_type"}


class FileChecker:
    """Checks data files against one plan (the pydantic model is built once per plan)."""

    def __init__(self, plan: Plan, lang: str) -> None:
        self.plan = plan
        self.lang = lang
        self.model: type[BaseModel] = file_model(plan)
        forget_folders()  # a run of its own: folders resolved anew

    def check(self, path: Path, display: str) -> tuple[Submission | None, list[Problem]]:
        document, problems = read_yaml(path, display, self.lang)
        if document is None:
            return None, problems
        report = _Report(display, document)
        report.problems.extend(problems)
        data = document.data
        if not isinstance(data, dict):
            what = tr("the-file", self.lang)
            message = not_a_mapping(what, data, self.lang)
            report.add((), ProblemCode.NOT_A_MAPPING, message)
            return None, report.listed(self.lang)
        normalized = normalize(data, document)
        self._check_identity(path, data, report)  # first: never among those not listed
        entries = plain_values(self.plan, normalized)  # the usual file: no pydantic needed
        if entries is None:
            try:
                parsed = self.model.model_validate(normalized)
                entries = parsed.model_dump(exclude_none=True)["values"]
            except ValidationError as error:
                self._explain(error.errors(), report)
        self._check_precision(document, report)
        derived = self._derived_reported(data, document, display)
        if entries is None or report.problems:
            return None, sorted(report.listed(self.lang) + derived, key=sort_key)
        unit = self.plan.unit(str(data["unit"]))
        assert unit is not None  # `_check_identity` said any other unit
        values = {}
        for indicator_id, entry in entries.items():
            if self.plan.indicators[indicator_id].derived:
                continue  # computed, never read from a file
            if entry.get("value") is None:
                continue
            pos = document.where(("values", indicator_id))
            values[indicator_id] = Observation(
                indicator_id,
                entry["value"],
                display,
                pos.line if pos else None,
                entry.get("source"),
                entry.get("note"),
            )
        ordered = {i: values[i] for i in self.plan.indicators if i in values}
        return Submission(unit, data["year"], display, ordered), derived

    def _derived_reported(
        self, data: dict[str, Any], document: Document, display: str
    ) -> list[Problem]:
        """A derived indicator in the file (SPEC §7 `derived-reported`), at its key: a problem,
        but not one that makes the file unusable, so it is kept apart from the others."""
        values = data.get("values")
        found = []
        for key in values if isinstance(values, dict) else ():
            indicator = self.plan.indicators.get(str(key))
            if indicator is None or indicator.formula is None:
                continue
            pos = document.where(("values", key), key=True)
            name = in_lang(indicator.name, indicator.name_en, self.lang)
            message = tr(
                "derived-reported", self.lang, id=indicator.id, name=name, formula=indicator.formula
            )
            line, column = (pos.line, pos.column) if pos else (None, None)
            found.append(Problem(display, line, column, ProblemCode.DERIVED_REPORTED, message))
        return found

    def _check_precision(self, document: Document, report: _Report) -> None:
        """A number is judged exactly as written: more digits than a binary float keeps
        (99.999999999999999 reads as 100) or than any figure needs would be judged wrong."""
        said = {(problem.line, problem.column) for problem in report.problems}
        for where, text in document.raw.items():
            if where[:1] != ("values",) or where[-1] in ("source", "note"):
                continue
            if _PLAIN_FIGURE.fullmatch(text):
                continue  # nearly every figure: short enough to need no counting
            indicator = self.plan.indicators.get(str(where[1])) if len(where) > 1 else None
            if indicator is not None and indicator.derived:
                continue  # ignored, whatever its digits
            pos = document.where(where)
            if pos is not None and (pos.line, pos.column) in said:
                continue  # one problem per place: the type or range error says enough
            message = self.too_precise([str(part) for part in where], text)
            if message is not None:
                report.add(where, ProblemCode.OUT_OF_RANGE, message)

    def too_precise(self, loc: list[str], text: str) -> str | None:
        """Why the figure `text` at `loc` (`["values", id, "value"]`) has more digits than can
        be judged exactly; None when it has not (or is not a decimal figure)."""
        written = text.strip()
        if _NUMBER.match(written) is None:
            return None
        try:  # `9.99999999999999999e+1` is judged as the 99.99… it spells, digit for digit
            _, digits, exponent = Decimal(written).as_tuple()
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            return None
        assert isinstance(exponent, int)  # the pattern admits no nan or infinity
        decimals = max(0, -exponent)
        whole = max(0, len(digits) + exponent)  # the whole part's digits, leading zeros gone
        if decimals <= MAX_DECIMALS and whole + decimals <= MAX_DIGITS:
            return None
        field = self._field_and_expectation(loc)[0]
        return tr("too-precise", self.lang, field=field, value=text.strip())

    def _explain(self, errors: list[ErrorDetails], report: _Report) -> None:
        """One problem per place: a union's members each complain, the most telling wins."""
        chosen: dict[Path_, tuple[ProblemCode, ErrorDetails]] = {}
        for detail in errors:
            code = classify(detail)
            where = error_path(detail["loc"], report.document)
            if where not in chosen or code is ProblemCode.OUT_OF_RANGE:
                chosen.setdefault(where, (code, detail))
                if code is ProblemCode.OUT_OF_RANGE:
                    chosen[where] = (code, detail)
        for where, (code, detail) in chosen.items():
            if len(report.problems) >= MAX_LISTED:  # a hostile file: count, do not word them
                report.omitted.append(code)
                continue
            quoted = where in report.document.quoted
            typed = report.document.raw.get(where)
            message = self.message(code, detail, quoted=quoted, typed=typed)
            report.add(detail["loc"], code, message, key=code in _KEY_CODES)

    def message(
        self,
        code: ProblemCode,
        detail: ErrorDetails,
        *,
        quoted: bool = False,
        typed: str | None = None,
    ) -> str:
        """The sentence for one error of `self.model`; `kxplan import` says it of a cell.

        `quoted`: the value was written in quotes, so a number in it gets “remove the quotes”.
        `typed`: the value as the file writes it, so `1.0e+3` is quoted so, not as 1000.0.
        """
        lang, loc = self.lang, [item for item in detail["loc"] if isinstance(item, str)]
        name = loc[-1] if loc else ""
        if code is ProblemCode.MISSING_FIELD:
            return tr("missing-field", lang, field=name)
        if code is ProblemCode.UNKNOWN_INDICATOR:
            return tr(
                "unknown-indicator",
                lang,
                id=name,
                suggest=_suggest(name, self.plan.indicators, lang),
            )
        if code is ProblemCode.UNKNOWN_FIELD:
            allowed = ENTRY_FIELDS if len(loc) > 2 else FILE_FIELDS
            return tr(
                "unknown-field",
                lang,
                field=name,
                suggest=_suggest(name, allowed, lang),
                allowed=", ".join(allowed),
            )
        if code is ProblemCode.NOT_A_MAPPING:
            return not_a_mapping(".".join(loc), detail.get("input"), lang)
        field, expect = self._field_and_expectation(loc)
        value = detail.get("input")
        written = _as_written(value, typed)
        if detail["type"] == "string_too_long":
            limit = (detail.get("ctx") or {}).get("max_length")
            return tr("text-too-long", lang, field=field, length=len(str(value)), limit=limit)
        if code is ProblemCode.OUT_OF_RANGE and (detail.get("ctx") or {}).get("le") == MAX_VALUE:
            return tr("number-too-large", lang, field=field, value=_short(written or value))
        if code is ProblemCode.OUT_OF_RANGE:
            return tr("out-of-range", lang, field=field, value=written or value, expect=expect)
        shown = shortened(written, lang) if written else _typed(value, lang)
        text = tr("type-error", lang, field=field, value=shown, expect=expect)
        space = space_name(value, lang) if isinstance(value, str) else None
        if space is not None:
            text += tr("odd-space-value", lang, space=space)
        elif isinstance(value, str) and _full_width_number(value):
            half = unicodedata.normalize("NFKC", value).strip()
            text += tr("full-width-digits", lang, fixed=half)
        elif quoted and isinstance(value, str) and _looks_numeric(value):
            text += tr("quoted-number", lang)
        return text

    def _field_and_expectation(self, loc: list[str]) -> tuple[str, str]:
        lang = self.lang
        if len(loc) >= 2 and loc[0] == "values" and loc[1] in self.plan.indicators:
            indicator = self.plan.indicators[loc[1]]
            if len(loc) > 2 and loc[2] in ("source", "note"):
                return f"{loc[1]}.{loc[2]}", tr("expect-text", lang)
            name = in_lang(indicator.name, indicator.name_en, lang)
            return indicator.id + tr("in-brackets", lang, text=name), tr(
                EXPECTED[indicator.type], lang
            )
        if loc and loc[0] == "year":
            return "year", tr("expect-year", lang)
        return ".".join(loc), tr("expect-text", lang)

    def _check_identity(self, path: Path, data: dict[str, Any], report: _Report) -> None:
        """The unit and year in the file must be the plan's and agree with the file's place."""
        lang, plan = self.lang, self.plan
        file_unit = plan.unit(path.stem)
        stated = data.get("unit")
        already_said = file_unit is None and str(stated) == path.stem
        if file_unit is None:
            suggest = _suggest(path.stem, plan.unit_words(), lang)
            if already_said:  # a unit the plan does not have, named by file and line alike
                message = tr("unknown-unit", lang, name=path.stem, suggest=suggest)
                report.add(("unit",), ProblemCode.UNKNOWN_UNIT, message)
            else:  # the file's name, not a line of it, is wrong
                message = tr("unknown-unit-file", lang, name=path.name, suggest=suggest)
                report.problems.append(
                    Problem(report.display, None, None, ProblemCode.UNKNOWN_UNIT, message)
                )
        if (
            isinstance(stated, str | int)
            and not isinstance(stated, bool)
            and stated != ""
            and not already_said
        ):
            unit = plan.unit(str(stated))
            if unit is None:
                report.add(
                    ("unit",),
                    ProblemCode.UNKNOWN_UNIT,
                    tr(
                        "unknown-unit",
                        lang,
                        name=stated,
                        suggest=_suggest(str(stated), plan.unit_words(), lang),
                    ),
                )
            elif file_unit is not None and unit.code != file_unit.code:
                report.add(
                    ("unit",),
                    ProblemCode.UNIT_MISMATCH,
                    tr("unit-mismatch", lang, unit=stated, file_unit=path.stem),
                )
        year = data.get("year")
        if isinstance(year, int) and not isinstance(year, bool):
            folder = folder_of(path).name  # `validate 利州区.yaml` inside data/2024
            if not YEAR_FOLDER.match(folder):
                report.add(("year",), ProblemCode.YEAR_MISMATCH, tr("year-folder", lang, year=year))
            elif int(folder) != year:
                report.add(
                    ("year",),
                    ProblemCode.YEAR_MISMATCH,
                    tr("year-mismatch", lang, year=year, folder=folder),
                )
            elif outside := outside_data_years(plan, year, lang):
                report.add(
                    ("year",),
                    ProblemCode.OUT_OF_RANGE,
                    outside,
                )


def not_a_mapping(what: str, value: object, lang: str) -> str:
    """`what` should be a mapping; text with a full-width colon (`unit：乙区`) says so."""
    message = tr("not-a-mapping", lang, what=what, got=kind_of(value, lang))
    if isinstance(value, str) and "：" in value:
        message += tr("full-width-colon-hint", lang)
    return message


def outside_data_years(plan: Plan, year: int, lang: str) -> str | None:
    """Why data for `year` cannot exist under this plan (neither the base year nor in the
    period), or None when it can."""
    if plan.base_year <= year <= plan.end:
        return None
    return tr(
        "year-outside-data", lang, year=year, base=plan.base_year, start=plan.start, end=plan.end
    )


def _typed(value: object, lang: str) -> str:
    """A value as the file has it: text in quotes, yes/no as YAML writes it, lists as lists."""
    if isinstance(value, str):
        return f"“{shortened(value, lang)}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return shortened(json.dumps(value, ensure_ascii=False, default=str), lang)
    return _short(value)


def _as_written(value: object, typed: str | None) -> str | None:
    """A figure as typed (`1.0e+3`, `9.99999999999999999e+1`) where the text spells the same
    kind of number it reads as; None otherwise (`!!float 3` is shown 3.0: why it is no count)."""
    if typed is None or isinstance(value, bool) or not isinstance(value, int | float):
        return None
    spells_float = any(char in typed for char in ".eE")
    return typed if spells_float == isinstance(value, float) else None


def _short(value: object) -> str:
    """A number as typed, or its first digits when it is too long to print whole."""
    text = str(value)
    return text if len(text) <= 20 else f"{text[:12]}…"


#: Figures are judged on their digits as written; a binary float keeps 15 significant digits.
MAX_DECIMALS, MAX_DIGITS = 6, 15
#: Problems listed per file: a file of 30,000 unknown keys gets the first ones and a count.
MAX_LISTED = 100
#: A figure as YAML writes one: `12`, `12.5`, `.5`, `1.25e+3` (digits, as `Decimal` reads them).
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
#: a figure short enough to be within both limits whatever its digits: at most 9 digits before
#: the point and 6 after (15 in all), so `_check_precision` need not count them
_PLAIN_FIGURE = re.compile(r"-?[0-9]{1,9}(?:\.[0-9]{1,6})?")

_KEY_CODES = {ProblemCode.UNKNOWN_FIELD, ProblemCode.UNKNOWN_INDICATOR}


class _Report:
    def __init__(self, display: str, document: Document) -> None:
        self.display = display
        self.document = document
        self.problems: list[Problem] = []
        self.omitted: list[ProblemCode] = []  # found but not listed: past `MAX_LISTED`

    def listed(self, lang: str) -> list[Problem]:
        """The first `MAX_LISTED` problems, and a line saying how many more there are."""
        extra = self.problems[MAX_LISTED:]
        codes = [problem.code for problem in extra] + self.omitted
        if not codes:
            return self.problems
        message = tr("more-problems", lang, count=len(codes), limit=MAX_LISTED)
        more = Problem(self.display, None, None, codes[0], message, stands_for=len(codes))
        return [*self.problems[:MAX_LISTED], more]

    def add(
        self, loc: tuple[int | str, ...], code: ProblemCode, message: str, *, key: bool = False
    ) -> None:
        path = error_path(loc, self.document)
        pos: Pos | None = self.document.where(path, key=key) if path else self.document.where(())
        line, column = (pos.line, pos.column) if pos else (None, None)
        self.problems.append(Problem(self.display, line, column, code, message))


def normalize(data: dict[str, Any], document: Document) -> dict[str, Any]:
    """Give every value the `{value, source, note}` form; text fields keep their text as typed."""
    result = {
        key: value for key, value in data.items() if not (key in ("unit", "year") and value is None)
    }
    unit = result.get("unit")
    if isinstance(unit, str | int) and not isinstance(unit, bool) and ("unit",) in document.raw:
        # a division code typed bare (`unit: 510802`) is the unit's name as typed; a yes/no
        # or a float is no name, and is left for the model to refuse at its line
        result["unit"] = document.raw[("unit",)]
    values = data.get("values")
    if values is None and "values" in data:
        result["values"] = {}
    elif isinstance(values, dict):
        entries: dict[str, Any] = {}
        for key, item in values.items():
            if isinstance(item, dict):
                entry = dict(item)
                for text_field in ("source", "note"):
                    raw = document.raw.get(("values", key, text_field))
                    if raw is not None and item.get(text_field) is not None:
                        entry[text_field] = raw
                entries[key] = entry
            else:
                entries[key] = {"value": item}
        result["values"] = entries
    return result


def classify(detail: ErrorDetails) -> ProblemCode:
    """The SPEC's problem code of one error of the data model (shared with `kxplan import`)."""
    kind, loc = detail["type"], detail["loc"]
    if kind == "missing":
        return ProblemCode.MISSING_FIELD
    if kind == "extra_forbidden":
        if len(loc) == 2 and loc[0] == "values":
            return ProblemCode.UNKNOWN_INDICATOR
        return ProblemCode.UNKNOWN_FIELD
    if kind in _RANGE_ERRORS:
        return ProblemCode.OUT_OF_RANGE
    if kind in _MAPPING_ERRORS:
        return ProblemCode.NOT_A_MAPPING
    return ProblemCode.TYPE_ERROR


def _suggest(word: str, known: Iterable[str], lang: str) -> str:
    guess = closest(word, known)
    return tr("did-you-mean", lang, id=guess) if guess else ""


def _full_width_number(text: str) -> bool:
    """`３`, `１２．５`: a number in full-width digits (an IME left on)."""
    half = unicodedata.normalize("NFKC", text).strip()
    return half != text.strip() and re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?%?", half) is not None


def _looks_numeric(text: str) -> bool:
    try:
        float(text.replace(",", "").strip().rstrip("%"))
    except ValueError:
        return False
    return True
