"""The examples of the documentation pages, read from their Markdown.

An example is a fenced ```` ```console ```` block whose first line is a command (`$ kxplan …`);
each `$ ` line is a command and the lines under it, up to the next `$ ` line, its output. A
comment right before the block, `<!-- example: NAME … -->`, names what the example starts from
besides the sample: a fixture of the docs tests, or a file shown earlier on the same page in a
block whose info string names it (```` ```yaml file=data/2024/利州区.yaml ````).
See docs/development.md, “文档中的示例 / Examples in the docs”.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<info>.*)$")
MARKER = re.compile(r"^<!--\s*example:(?P<names>.*?)-->\s*$")
HEADING = re.compile(r"^#{1,6}\s")
PROMPT = "$ "

#: A line of expected output that holds only this stands for one or more lines left out.
ELLIPSIS = "…"

#: The one normalisation: the moment a command ran (import's header line) differs every run.
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)")


@dataclass(frozen=True)
class Block:
    """A fenced block: its info string, the line of its opening fence, its text."""

    page: str
    line: int
    info: str
    text: str
    marker: tuple[str, ...] | None

    @property
    def language(self) -> str:
        return self.info.split()[0] if self.info.split() else ""

    @property
    def file(self) -> str | None:
        """The file this block is the content of (`file=PATH` in its info string), if any."""
        for word in self.info.split()[1:]:
            if word.startswith("file="):
                return word.removeprefix("file=")
        return None


@dataclass(frozen=True)
class Command:
    line: int
    command: str
    expected: tuple[str, ...]


@dataclass(frozen=True)
class Example:
    page: str
    line: int
    fixtures: tuple[str, ...]
    files: tuple[tuple[str, str], ...]
    commands: tuple[Command, ...]
    #: the lines of the file blocks it uses
    sources: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        """`docs/forms.md:83`, with the fixtures it uses: `docs/forms.md:83+returned-forms`."""
        return "+".join((f"{self.page}:{self.line}", *self.fixtures))


def blocks(path: Path, root: Path) -> list[Block]:
    """Every fenced block of a Markdown page, with the example marker right before it."""
    page = path.relative_to(root).as_posix()
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence = opening["fence"]
        end = index + 1
        while end < len(lines) and not (
            lines[end].startswith(fence[0] * len(fence)) and not lines[end].strip(fence[0]).strip()
        ):
            end += 1
        found.append(
            Block(
                page=page,
                line=index + 1,
                info=opening["info"].strip(),
                text="\n".join(lines[index + 1 : end]) + "\n",
                marker=_marker(lines, index),
            )
        )
        index = end + 1
    return found


def _marker(lines: list[str], fence: int) -> tuple[str, ...] | None:
    before = fence - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    found = MARKER.match(lines[before]) if before >= 0 else None
    return tuple(found["names"].split()) if found else None


LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def prose(path: Path) -> list[str]:
    """The page's lines outside fenced blocks."""
    lines, inside = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        opening = FENCE.match(line)
        if inside:
            if line.startswith(inside) and not line.strip(inside[0]).strip():
                inside = ""
        elif opening:
            inside = opening["fence"]
        else:
            lines.append(line)
    return lines


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces
    made hyphens (`## 导览 / A short tour` is `#导览--a-short-tour`)."""
    return {
        re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        for line in prose(path)
        if HEADING.match(line)
    }


def links(path: Path) -> list[str]:
    """The targets of the page's Markdown links, outside code blocks and inline code."""
    return [
        found["target"]
        for line in prose(path)
        for found in LINK.finditer(re.sub(r"`[^`]*`", "", line))
    ]


def is_example(block: Block) -> bool:
    return block.language == "console"


def examples(path: Path, root: Path) -> list[Example]:
    """The page's examples, each with the files it names resolved to their text."""
    files: dict[str, Block] = {}
    found: list[Example] = []
    for block in blocks(path, root):
        if block.file is not None:
            files[block.file] = block
        if not is_example(block):
            continue
        names = block.marker or ()
        found.append(
            Example(
                page=block.page,
                line=block.line,
                fixtures=tuple(name for name in names if name not in files),
                files=tuple((name, files[name].text) for name in names if name in files),
                commands=_commands(block),
                sources=tuple(files[name].line for name in names if name in files),
            )
        )
    return found


def _commands(block: Block) -> tuple[Command, ...]:
    commands: list[Command] = []
    for offset, line in enumerate(block.text.splitlines()):
        if line.startswith(PROMPT):
            commands.append(Command(block.line + 1 + offset, line[len(PROMPT) :], ()))
        elif commands:
            last = commands[-1]
            commands[-1] = Command(last.line, last.command, (*last.expected, line))
        else:
            raise ValueError(f"{block.page}:{block.line}: a console block starts with `$ `")
    return tuple(commands)


def normalise(text: str) -> list[str]:
    """Lines as compared: trailing spaces and trailing blank lines dropped, times made equal."""
    lines = [TIMESTAMP.sub("<timestamp>", line).rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line for line equal, where a line of `…` alone stands for one or more lines."""
    for index, line in enumerate(expected):
        if line.strip() == ELLIPSIS:
            rest = expected[index + 1 :]
            return any(matches(rest, actual[skip:]) for skip in range(index + 1, len(actual) + 1))
        if index >= len(actual) or actual[index] != line:
            return False
    return len(actual) == len(expected)
