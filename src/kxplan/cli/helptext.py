"""What every command's `--help` ends with: examples, and the exit codes the command can return,
each said from `ExitCode`'s meaning (one place for them). Help is bilingual, Chinese first:
it is read before anyone has chosen a language."""

from __future__ import annotations

import inspect
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from kxplan.cli.handler import ExitCode
from kxplan.text import both

F = TypeVar("F", bound=Callable[..., None])

#: what each exit code means, as every command's help says it
MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "exit-ok",
    ExitCode.FAILED: "exit-failed",
    ExitCode.USAGE: "exit-usage",
    ExitCode.INVALID: "exit-invalid",
}

#: the exit codes each command's help states, by the command function's name (for the tests)
DECLARED: dict[str, tuple[ExitCode, ...]] = {}


def bilingual(words: tuple[str, str]) -> str:
    """A catalogue message (`both(key)`) as help says it: `中文 / English`."""
    return " / ".join(words)


def documented(
    *,
    examples: Sequence[tuple[str, str]],
    exits: Sequence[ExitCode],
    also: Mapping[ExitCode, str] | None = None,
    values: Sequence[str] = (),
) -> Callable[[F], F]:
    """Add to a command's docstring (its `--help`) its `examples` (each a comment, `中文 /
    English`, and a command line) and the `exits` it can return, with what `also` says of one
    of them besides its usual meaning (`2`: data differs without --force); first, the
    `values` an option takes, one a line."""

    def document(command: F) -> F:
        lines = [*values, ""] if values else []
        lines.append(bilingual(both("help-examples")))
        for comment, line in examples:
            lines += [f"  # {comment}", f"  {line}"]
        lines += ["", bilingual(both("help-exit-codes"))]
        for code in exits:
            meaning = bilingual(both(MEANINGS[code]))
            extra = (also or {}).get(code)
            lines.append(f"  {code.value}  {meaning}" + (f"; {extra}" if extra else ""))
        own = inspect.cleandoc(command.__doc__ or "")
        command.__doc__ = own + "\n\n" + "\n".join(lines)
        DECLARED[command.__name__] = tuple(exits)
        return command

    return document


def helps(text: str) -> str:
    """An option's help, written `中文 / English`: the Chinese in lines of at most `LINE` cells,
    broken after punctuation, then the English. Typer's table cuts a run of Chinese wider than
    its column (`…`; at 80 columns the column is about 30 cells) instead of wrapping it."""
    chinese, _, english = text.partition(" / ")
    lines = [""]
    for part in re.findall(r"[^，；、：）]*[，；、：）]?", chinese):
        if lines[-1] and _cells(lines[-1] + part) > LINE:
            lines.append("")
        lines[-1] += part
    return "\n\n".join([*(line.strip() for line in lines if line.strip()), english.strip()])


LINE = 26


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
