"""`check --compare REV`'s `Comparison` in each of its formats: only the results whose status
changed."""

from __future__ import annotations

from typing import Literal, TextIO, assert_never, get_args

from kxplan.engine.changes import Change, Comparison
from kxplan.engine.rules import Result
from kxplan.model.status import Status
from kxplan.render import Format, View
from kxplan.render.common import cell, unit_name
from kxplan.render.describe import explain, target_name
from kxplan.render.jsontext import write_json
from kxplan.text import tr

Formats = Literal[Format.TABLE, Format.JSON, Format.MARKDOWN, Format.GITHUB]
FORMATS: tuple[Formats, ...] = get_args(Formats)


def render(comparison: Comparison, fmt: Formats, view: View, out: TextIO) -> None:
    match fmt:
        case Format.TABLE:
            render_table(comparison, view, out)
        case Format.JSON:
            render_json(comparison, view, out)
        case Format.MARKDOWN:
            render_markdown(comparison, view, out)
        case Format.GITHUB:
            from kxplan.render.github import append_step_summary

            render_github(comparison, view, out)
            append_step_summary(markdown(comparison, view))
        case _:
            assert_never(fmt)


def headline(comparison: Comparison, view: View) -> str:
    plan, year = comparison.new.plan, comparison.new.year
    base = f"{comparison.base} ({comparison.commit[:10]})"
    return tr("changes-headline", view.lang, plan=plan.name(view.lang), year=year, base=base)


def caveat(comparison: Comparison, lang: str) -> str | None:
    """Said first when REV's plan was invalid and the current one judged REV's data."""
    if comparison.invalid_plan is None:
        return None
    return tr("changes-invalid-plan", lang, plan=comparison.invalid_plan)


def summary(comparison: Comparison, view: View) -> str:
    changed, total = len(comparison.changes), len(comparison.new.results)
    entered = len(comparison.entered(view.fail_on))
    if not changed:
        return tr("changes-none", view.lang, total=total)
    return tr("changes-some", view.lang, changed=changed, total=total, entered=entered)


def status_text(result: Result | None, lang: str) -> str:
    """`✘ 1 未达标`, or a dash where the plan had no such result."""
    if result is None:
        return "—"
    return f"{cell(result, lang)} {result.status.label(lang)}"


def _why(change: Change, lang: str) -> str:
    """Why the result is as it is now, and why it was missing before (an invalid file)."""
    result = change.new or change.old
    assert result is not None
    why = explain(result, lang)
    old = change.old
    if change.new is not None and old is not None and old.status is Status.MISSING:
        why += tr("changes-before", lang, why=explain(old, lang))
    return why


def _name(change: Change, lang: str) -> str:
    result = change.new or change.old
    assert result is not None
    return target_name(change.target, result.indicator, lang)


def render_table(comparison: Comparison, view: View, out: TextIO) -> None:
    from rich.text import Text

    from kxplan.render.blocks import rich_problems
    from kxplan.render.terminal import Grid, console, say, show

    lang = view.lang
    con = console(out, view)
    say(con, headline(comparison, view), style="bold")
    if note := caveat(comparison, lang):
        say(con, note, style="yellow")
    if comparison.changes:
        before, now = tr("head-before", lang), tr("head-now", lang)
        titles = [tr("head-target", lang), tr("head-unit", lang), before, "", now]
        table = Grid([*titles, tr("head-why", lang)], key=(0, 1), tail=1, ruled=False)
        for change in comparison.changes:
            old, new = change.old, change.new
            table.add(
                _name(change, lang),
                unit_name(change.unit, lang),
                Text(status_text(old, lang), style=old.status.style if old else ""),
                "→",
                Text(status_text(new, lang), style=new.status.style if new else ""),
                _why(change, lang),
            )
        show(con, table, view)
    say(con, summary(comparison, view))
    rich_problems(con, comparison.new.problems, lang)


def render_json(comparison: Comparison, view: View, out: TextIO) -> None:
    from kxplan.render.jsonout import result_json

    plan = comparison.new.plan
    body = {
        "plan": {"id": plan.info.id, "name": plan.info.name, "period": list(plan.info.period)},
        "year": comparison.new.year,
        "base": {
            "rev": comparison.base,
            "commit": comparison.commit,
            "invalid_plan": comparison.invalid_plan,
        },
        "compared": len(comparison.new.results),
        "changed": len(comparison.changes),
        "fail_on": [status.value for status in Status if status in view.fail_on],
        "entered_fail_on": len(comparison.entered(view.fail_on)),
        "changes": [
            {
                "target": change.target.id,
                "unit": change.unit.name,
                "unit_code": change.unit.code,
                "old_status": change.old.status.value if change.old else None,
                "new_status": change.new.status.value if change.new else None,
                "entered_fail_on": change.entered(view.fail_on),
                "old": result_json(change.old, view.lang) if change.old else None,
                "new": result_json(change.new, view.lang) if change.new else None,
            }
            for change in comparison.changes
        ],
        "problems": [problem.as_json() for problem in comparison.new.problems],
    }
    write_json(body, out)
    out.write("\n")


def markdown(comparison: Comparison, view: View) -> str:
    from kxplan.render.markdown import escape, problem_list

    lang = view.lang
    lines = [f"## {headline(comparison, view)}", ""]
    if note := caveat(comparison, lang):
        lines += [f"> ⚠ {escape(note)}", ""]
    if comparison.changes:
        header = [
            tr("head-target", lang),
            tr("head-unit", lang),
            tr("head-before", lang),
            tr("head-now", lang),
            tr("head-why", lang),
        ]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for change in comparison.changes:
            row = [
                _name(change, lang),
                unit_name(change.unit, lang),
                status_text(change.old, lang),
                status_text(change.new, lang),
                _why(change, lang),
            ]
            lines.append("| " + " | ".join(escape(item) for item in row) + " |")
        lines.append("")
    lines += [summary(comparison, view), ""]
    text = "\n".join(lines) + "\n"
    if comparison.new.problems:
        text += problem_list(comparison.new.problems, lang)
    return text


def render_markdown(comparison: Comparison, view: View, out: TextIO) -> None:
    out.write(markdown(comparison, view))


def render_github(comparison: Comparison, view: View, out: TextIO) -> None:
    """A notice at the value's line for each change; a warning where a result now fails
    (a status in --fail-on, newly or not)."""
    from kxplan.render.github import annotation, problem_annotation, value_place

    lang = view.lang
    if note := caveat(comparison, lang):
        out.write(annotation("warning", note, "kxplan") + "\n")
    for problem in comparison.new.problems:
        out.write(problem_annotation(problem) + "\n")
    for change in comparison.changes:
        old, new = status_text(change.old, lang), status_text(change.new, lang)
        title = f"{change.target.id} @ {unit_name(change.unit, lang)}: {old} → {new}"
        place = value_place(change.new) if change.new else (None, None)
        level = "warning" if change.fails(view.fail_on) else "notice"
        message = f"{_name(change, lang)}: {_why(change, lang)}"
        out.write(annotation(level, message, title, *place) + "\n")
    out.write(summary(comparison, view) + "\n")
