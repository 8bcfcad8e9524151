"""From a read form to the data file it becomes, without losing anything already there.

An empty cell reports nothing: it never erases a value, source or note of an existing data
file, so importing an untouched form changes nothing. A form's values go over the existing
file's; filling parts the file leaves empty (the files `kxplan init` writes) needs no more, but
when that changes anything the file says the caller must be told the differences and asked for
`--force`. The file's comments go back by their keys (`kxplan.yaml.comments`), and any the new
text lacks is among the differences. The text to be written is checked exactly as
`kxplan validate` would check it.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from kxplan.files.paths import display_path
from kxplan.files.usable import unusable
from kxplan.forms.read import Form
from kxplan.load.datafile import FileChecker, normalize
from kxplan.model.plan import Plan, exact
from kxplan.model.problems import Problem, ProblemCode
from kxplan.render import describe
from kxplan.repo.schema import DATA_FILE_REFERENCE, SCHEMA_NAME
from kxplan.text import both, in_lang, tr
from kxplan.yaml.comments import Comment, Comments, find_comments
from kxplan.yaml.safe import read_yaml
from kxplan.yaml.write import Entry, render_data_file


class Outcome(StrEnum):
    NEW = "new"  # no data file yet: written
    FILLED = "filled"  # only fills parts the data file leaves empty (init's files): written
    REPLACED = "replaced"  # differs from the data file, --force given: written
    DIFFERS = "differs"  # differs from the data file, no --force: not written
    UNCHANGED = "unchanged"  # the data file already says all the form says
    EMPTY = "empty"  # nothing typed in the form
    BLOCKED = "blocked"  # the data file there is invalid (or two files): not written
    NOT_A_FILE = "not-a-file"  # a folder, a broken link, a device where it goes: not written
    UNSOUND = "unsound"  # the text made from the form fails the data file check: not written
    FAILED = "failed"  # to be written, but the disk refused or another run kept the file
    APPEARED = "appeared"  # no data file when read, one when written (made meanwhile): kept


#: the outcomes that write the data file
WRITES = (Outcome.NEW, Outcome.FILLED, Outcome.REPLACED)


@dataclass(frozen=True)
class FieldChange:
    """One part of one indicator that the form changes in the data file (old → new)."""

    indicator: str
    part: str  # value, source or note
    old: bool | int | float | str | None
    new: bool | int | float | str | None


@dataclass(frozen=True)
class Landing:
    """What importing one form does to its data file."""

    form: Form
    path: Path
    display: str
    outcome: Outcome
    text: str | None = None
    changes: list[FieldChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dropped: list[Comment] = field(default_factory=list)  # comments the text does not keep
    failed: str | None = None  # why it was not written (FAILED), in words


def candidates(form: Form, data_dir: Path) -> list[Path]:
    """The names a unit's data file has (SPEC §5), the one written first."""
    folder = data_dir / str(form.year)
    return [folder / f"{name}.yaml" for name in (form.unit.name, form.unit.code)]


def target(form: Form, data_dir: Path) -> Path:
    """The data file the form goes into: the unit's file there is, else a new one by name."""
    names = candidates(form, data_dir)
    return next((path for path in names if path.is_file()), names[0])


def land(form: Form, data_dir: Path, checker: FileChecker, *, force: bool, when: str) -> Landing:
    """Where `form` goes, what it changes there, and the text to write there."""
    plan, lang = checker.plan, checker.lang
    names = candidates(form, data_dir)
    for place in names:  # `--force` cannot help: writing would fail, or replace the link
        why = unusable(place, lang)
        if why is not None:
            display = display_path(place, data_dir)
            problem = Problem(display, None, None, ProblemCode.ENCODING, why)
            return Landing(form, place, display, Outcome.NOT_A_FILE, problems=[problem])
    found = [path for path in names if path.is_file()]
    path = found[0] if found else names[0]
    display = display_path(path, data_dir)
    if len(found) > 1:
        other = display_path(found[1], data_dir)
        message = tr("duplicate-unit-file", lang, unit=form.unit.name, year=form.year, other=other)
        problem = Problem(display, None, None, ProblemCode.DUPLICATE_KEY, message)
        return Landing(form, path, display, Outcome.BLOCKED, problems=[problem])
    old: dict[str, Entry] = {}
    comments = Comments()
    if found:
        read = _existing(path, display, checker)
        if isinstance(read, list):
            return Landing(form, path, display, Outcome.BLOCKED, problems=read)
        old, comments = read
    new = dict(old)
    for indicator, entry in form.entries.items():
        before = old.get(indicator, Entry(None))
        new[indicator] = Entry(
            entry.value if entry.value is not None else before.value,
            entry.source if entry.source is not None else before.source,
            entry.note if entry.note is not None else before.note,
        )
    changes = _changes(plan, old, new)
    if not form.entries:
        return Landing(form, path, display, Outcome.EMPTY)
    if not changes:
        return Landing(form, path, display, Outcome.UNCHANGED)
    schema = _schema_reference(comments.header, data_dir)
    kept = replace(
        comments,
        header=[
            comment
            for comment in comments.header
            if not comment.text.startswith(_SCHEMA_MARK) and not _is_mark(comment.text)
        ],
    )
    mark = [tr("import-note", lang, form=Path(form.file).name, when=when)]
    text = render_data_file(
        plan, form.unit, form.year, new, header=mark, schema=schema, comments=kept
    )
    problems = _recheck(text, path.name, form.year, display, checker)
    if problems:  # the form's cells passed the same model: a bug, but never write it
        return Landing(form, path, display, Outcome.UNSOUND, problems=problems)
    dropped = _dropped(comments, text)
    if not found:
        outcome = Outcome.NEW
    elif all(change.old is None for change in changes) and not dropped:
        outcome = Outcome.FILLED  # nothing the file says is lost or changed
    else:
        outcome = Outcome.REPLACED if force else Outcome.DIFFERS
    return Landing(form, path, display, outcome, text, changes, dropped=dropped)


def describe_change(change: FieldChange, plan: Plan, lang: str) -> str:
    """`spirit_lectures（科学家精神宣讲报告会）：3 → 4`."""
    indicator = plan.indicators[change.indicator]
    name = in_lang(indicator.name, indicator.name_en, lang)
    label = change.indicator if change.part == "value" else f"{change.indicator}.{change.part}"
    what = label + tr("in-brackets", lang, text=name) + tr("colon", lang)
    return f"{what}{_shown(change.old, lang)} → {_shown(change.new, lang)}"


def blanks(landing: Landing) -> list[str]:
    """The indicators a new data file leaves out because their value cell was left empty."""
    if landing.outcome is not Outcome.NEW:
        return []
    entries = landing.form.entries
    return [i for i in landing.form.asked if i not in entries or entries[i].value is None]


def describe_blank(indicator_id: str, plan: Plan, lang: str) -> str:
    """`typical_cases（典型案例）：未填，视为缺数据`."""
    indicator = plan.indicators[indicator_id]
    name = in_lang(indicator.name, indicator.name_en, lang)
    return (
        indicator_id
        + tr("in-brackets", lang, text=name)
        + tr("colon", lang)
        + tr("import-blank", lang)
    )


def describe_dated(indicator_id: str, form: Form, plan: Plan, lang: str) -> str:
    """`spirit_lectures（…）：按数字 6 读取（单元格为日期格式）`."""
    indicator = plan.indicators[indicator_id]
    name = in_lang(indicator.name, indicator.name_en, lang)
    number = form.entries[indicator_id].value
    said = tr("import-date-as-number", lang, number=number)
    return indicator_id + tr("in-brackets", lang, text=name) + tr("colon", lang) + said


def describe_dropped(comment: Comment, lang: str) -> str:
    """`注释无法保留（原第 11 行）：# …`: a comment the rewritten file will not have."""
    return tr("import-comment-dropped", lang, line=comment.line, text=comment.text)


_SCHEMA_MARK = "# yaml-language-server: $schema="
# The line each import writes (`# 由填报表 … 导入（kxplan import，…）`): the next one replaces it.
_MARKS = [
    re.compile(re.escape(words).replace(r"\{form\}", ".+").replace(r"\{when\}", ".+"))
    for words in both("import-note")
]


def _is_mark(comment: str) -> bool:
    body = comment.removeprefix("#").strip()
    return any(pattern.fullmatch(body) for pattern in _MARKS)


def _schema_reference(header: list[Comment], data_dir: Path) -> str | None:
    """The file's own schema line, or the data repository's schema.json (made by `init`)."""
    for comment in header:
        if comment.text.startswith(_SCHEMA_MARK):
            return comment.text.removeprefix(_SCHEMA_MARK)
    return DATA_FILE_REFERENCE if (data_dir.parent / SCHEMA_NAME).is_file() else None


def _dropped(comments: Comments, text: str) -> list[Comment]:
    """The old file's comments that `text` lacks (the import line aside, which it replaces).

    Counted on the written text, not on where they were meant to go: whatever the reason a
    comment is missing, it is named before anything is written.
    """
    left = Counter(comment.text for comment in find_comments(text).every)
    dropped: list[Comment] = []
    for comment in comments.every:
        if _is_mark(comment.text):
            continue
        if left[comment.text]:
            left[comment.text] -= 1
        else:
            dropped.append(comment)
    return dropped


def _existing(
    path: Path, display: str, checker: FileChecker
) -> tuple[dict[str, Entry], Comments] | list[Problem]:
    """The entries of a valid data file (empty ones too) and its comments."""
    submission, problems = checker.check(path, display)
    document, _ = read_yaml(path, display, checker.lang)
    if submission is None or problems or document is None or not isinstance(document.data, dict):
        return problems
    values = normalize(document.data, document).get("values") or {}
    entries = {
        indicator: Entry(item.get("value"), item.get("source"), item.get("note"))
        for indicator, item in values.items()
    }
    return entries, find_comments(path.read_text(encoding="utf-8-sig"))


def _changes(plan: Plan, old: dict[str, Entry], new: dict[str, Entry]) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for indicator in plan.indicators:
        before, after = old.get(indicator, Entry(None)), new.get(indicator, Entry(None))
        for part in ("value", "source", "note"):
            was, now = getattr(before, part), getattr(after, part)
            if was != now:
                changes.append(FieldChange(indicator, part, was, now))
    return changes


def _recheck(text: str, name: str, year: int, display: str, checker: FileChecker) -> list[Problem]:
    """The new text, checked as `kxplan validate` checks a data file (at its own place)."""
    with tempfile.TemporaryDirectory(prefix="kxplan-import-") as temp:
        path = Path(temp) / str(year) / name
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        _, problems = checker.check(path, display)
    return problems


def _shown(value: bool | int | float | str | None, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, bool):
        return describe.yes_no(value, lang)
    return describe.number(exact(value), places=6)
