"""Slips of the keyboard that YAML misreads, found line by line beside the parse.

`spirit_lectures:3` (no space after the colon), `typical_cases：2` (a full-width colon) and a
line indented with full-width spaces are each read by YAML as something else — text, or a key
with an invisible character in it — and the complaint, if any, comes lines later. Each is
found here at its own line and column with the line as it should be.
"""

from __future__ import annotations

import re

from kxplan.text import tr

#: Spaces that look like spaces but are not to YAML: full-width (IME), no-break (Word, web pages).
ODD_SPACES = "\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff"
_ODD = re.compile(f"[{ODD_SPACES}]")

# A line that starts with an id as a key (ASCII letters, digits, `_`), maybe as a list item.
_KEY_LINE = re.compile(
    rf"^(?P<indent>[ \t{ODD_SPACES}]*)(?P<dash>-[ ]+)?(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
    rf"(?P<gap>[ \t{ODD_SPACES}]*)(?P<colon>[:：])(?P<after>[ \t{ODD_SPACES}]*)(?P<value>.*)$"
)

# A key followed by a full-width colon, before any ASCII colon, quote or comment on its line.
_FULL_WIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s:：#'\"][^:：#'\"]*?)\s*：\s*(.*)$")

Slip = tuple[str, int, int]  # message, line, column


def line_slips(text: str, lang: str, *, skip: frozenset[int] = frozenset()) -> list[Slip]:
    """Every key line of `text` that YAML would misread, with what to write instead; lines in
    `skip` (inside a multi-line text) are text, not keys."""
    slips: list[Slip] = []
    for number, line in enumerate(text.splitlines(), 1):
        if number in skip:
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        slip = _slip(match, lang)
        if slip is not None:
            message, column = slip
            slips.append((message, number, column))
    return slips


# A key whose value is a block of text (`note: |`, `note: >-`), so the lines below are text.
_BLOCK_START = re.compile(r"^( *)(?:- +)?[^#'\"]*?:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


def block_lines(text: str) -> frozenset[int]:
    """The lines (1-based) of block texts: below a `key: |` line, more indented than the key
    (blank lines included), as YAML reads them even when the file has an error elsewhere."""
    lines: set[int] = set()
    indent: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if indent is not None:
            if not line.strip() or len(line) - len(line.lstrip(" ")) > indent:
                lines.add(number)
                continue
            indent = None
        match = _BLOCK_START.match(line)
        if match is not None:
            indent = len(match.group(1))
    return frozenset(lines)


def space_name(text: str, lang: str) -> str | None:
    """`全角空格` for the first odd space in `text` (`特殊空格 U+00A0` …), None if it has none."""
    found = _ODD.search(text)
    if found is None:
        return None
    char = found.group()
    if char == "\u3000":
        return tr("full-width-space", lang)
    return tr("special-space", lang, code=f"U+{ord(char):04X}")


def _slip(match: re.Match[str], lang: str) -> tuple[str, int] | None:
    indent, gap, colon, after, value = match.group("indent", "gap", "colon", "after", "value")
    key = match.group("key")
    fixed = f"{key}: {value}".rstrip()
    odd = _ODD.search(indent)
    if odd is not None:
        space = space_name(indent, lang)
        return tr("odd-space-indent", lang, space=space), odd.start() + 1
    odd = _ODD.search(gap)
    if odd is not None:
        space = space_name(gap, lang)
        return tr("odd-space-key", lang, key=key, space=space, fixed=fixed), match.start("gap") + 1
    if colon == "：":
        return tr("full-width-colon", lang, fixed=fixed), match.start("colon") + 1
    rest = after + value
    if rest and rest[0] not in " \t/":  # YAML wants a space after a colon; `/` for `https://`
        space = space_name(rest[0], lang)
        if space is not None:
            message = tr("odd-space-colon", lang, space=space, fixed=fixed)
            return message, match.start("after") + 1
        return tr("colon-space", lang, fixed=fixed), match.start("colon") + 1
    return None


def full_width_colon(text: str, error_line: int, lang: str) -> Slip | None:
    """A `key：value` line that libyaml's complaint comes from. `典型案例：2` is text that
    runs on into the next line, so libyaml complains there (or at the end of the file): the
    complaint's line or the lines right before it, the first of a run of them."""
    lines = text.splitlines()
    found: Slip | None = None
    for number in range(min(error_line, len(lines)), 0, -1):
        match = _FULL_WIDTH_KEY.match(lines[number - 1])
        if match is None:
            if number < error_line:
                break
            continue
        indent, key, value = match.groups()
        column = lines[number - 1].index("：", len(indent)) + 1
        found = tr("full-width-colon", lang, fixed=f"{key}: {value}".rstrip()), number, column
    return found


# `count_flow 3`: a key, a space and a value, with no colon anywhere on the line.
_NO_COLON = re.compile(
    r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][A-Za-z0-9_]*) +(?P<value>[^:#\s][^:]*?)\s*$"
)


def missing_colon(text: str, line: int, lang: str) -> Slip | None:
    """A `count_flow 3` key line at `line` (1-based), where libyaml stopped scanning a key."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    return _no_colon_slip(lines[line - 1], line, lang)


def missing_colon_before(text: str, error_line: int, lang: str) -> Slip | None:
    """The first of the `count_flow 3` lines right above `error_line` that YAML took, with
    it, for one key running over lines (so the colon of `error_line` was “a second colon”).
    Lines that go on a value above them (`note: 第一行` then more indented text) are text."""
    lines = text.splitlines()
    indent = _indent(lines[error_line - 1]) if 1 <= error_line <= len(lines) else None
    found: Slip | None = None
    number = error_line - 1
    while number >= 1:
        line = lines[number - 1]
        if not line.strip():
            number -= 1
            continue
        if _indent(line) != indent or _NO_COLON.match(line) is None:
            break
        found = _no_colon_slip(line, number, lang)
        number -= 1
    above = next((lines[n - 1] for n in range(number, 0, -1) if lines[n - 1].strip()), None)
    opens_a_mapping = above is not None and above.rstrip().endswith(":")
    if found is None or (above is not None and _indent(above) != indent and not opens_a_mapping):
        return None
    return found


def _no_colon_slip(line: str, number: int, lang: str) -> Slip | None:
    match = _NO_COLON.match(line)
    if match is None:
        return None
    fixed = f"{match.group('key')}: {match.group('value')}"
    return tr("missing-colon", lang, fixed=fixed), number, match.end("key") + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
