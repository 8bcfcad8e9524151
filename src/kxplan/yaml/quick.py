"""The data files people and kxplan write, read without YAML's machinery.

Nearly every data file is a few lines of `key: value` in nested mappings (SPEC §5). Composing
such a file with libyaml and walking its nodes costs ten times more than reading its lines,
and a national tree has 19,000 of them. `quick_document` reads that plain shape only — keys
that are ids, two-space-style block mappings, numbers, `true`/`false`, text, comments — and
gives up (None) on anything else: a tab, a quote with an escape, a list, a tag, a slip, a
duplicate key, an empty value. `read_yaml` then reads the file the careful way, which finds
and words every problem. What this module accepts it reads exactly as the careful way does,
value, place and text as typed (tests/test_quick_yaml.py holds the two side by side over the
bundled files, the national benchmark's and thousands of mutants).
"""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from kxplan.yaml.document import MAX_NODES, Document, Path_, Pos
from kxplan.yaml.slips import ODD_SPACES

#: `  key: value  # comment` or `key:` (a mapping follows), the key an id
_LINE = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_]*):(?:( +)(.*))?")
_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,30})")
_FLOAT = re.compile(r"-?[0-9]{1,30}\.[0-9]{1,30}")
#: what the whole text must not hold for this reading to be sure: tabs and carriage returns
#: (YAML's whitespace rules) and odd spaces (slips the careful way words)
_GIVE_UP = re.compile(f"[\t\r{ODD_SPACES}]")
#: a plain value cannot start with these (YAML's indicators, quotes handled apart)
_INDICATORS = frozenset("-?:,[]{}#&*!|>%@`")
_RESOLVER = Resolver()
#: YAML's longest implicit key (libyaml: 1,024 characters, indentation and colon included)
_LONGEST_KEY = 1000
_STR = "tag:yaml.org,2002:str"


def quick_document(text: str) -> Document | None:
    """`text` read as the careful reader would, or None when it is not of the plain shape."""
    if _GIVE_UP.search(text):
        return None
    document = Document(None)
    values, keys, raw, quoted = document.values, document.keys, document.raw, document.quoted
    root: dict[str, Any] = {}
    #: the open mappings, innermost last: (indent, path, the mapping)
    stack: list[tuple[int, Path_, dict[str, Any]]] = [(0, (), root)]
    opening = False  # the last key had no value: its mapping starts on the next key line
    nodes = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        indent_text, key, gap, rest = match.groups()
        if len(key) > _LONGEST_KEY:
            return None  # libyaml refuses a key this long: said the careful way
        indent = len(indent_text)
        if opening:  # the first key of the new mapping sets its indent
            if indent <= stack[-1][0]:
                return None  # `key:` with nothing under it: an empty value
            _, path, child = stack[-1]
            stack[-1] = (indent, path, child)
            values[stack[-1][1]] = Pos(number, indent + 1)
            opening = False
        while indent < stack[-1][0]:
            stack.pop()
        if indent != stack[-1][0]:
            return None  # a value going on over lines, or an indentation YAML reads otherwise
        _, parent, mapping = stack[-1]
        if key in mapping:
            return None  # a duplicate key: said the careful way
        nodes += 2
        if nodes > MAX_NODES:
            return None
        path = (*parent, key)
        keys[path] = Pos(number, indent + 1)
        if not values:
            values[()] = keys[path]
        if rest is None:  # `key:`, and its mapping on the lines below
            opened: dict[str, Any] = {}
            mapping[key] = opened
            stack.append((indent, path, opened))  # its indent is set by its first key
            opening = True
            continue
        value, typed, is_quoted = _scalar(rest)
        if typed is None:
            return None
        mapping[key] = value
        values[path] = Pos(number, indent + len(key) + 2 + len(gap))
        raw[path] = typed
        if is_quoted:
            quoted.add(path)
    if opening or not root:
        return None  # a last `key:` with nothing under it, or no mapping at all
    document.data = root
    return document


def _scalar(rest: str) -> tuple[Any, str | None, bool]:
    """The value of `rest` (what follows `key: `), its text as typed and whether it was
    quoted; a None text when this reading cannot be sure of it."""
    first = rest[0] if rest else ""
    if first in ('"', "'"):
        end = rest.find(first, 1)
        if end < 0 or "\\" in rest[:end] or not _only_comment(rest[end + 1 :]):
            return None, None, False
        if first == "'" and rest[end + 1 : end + 2] == "'":
            return None, None, False  # `''` inside single quotes is one quote
        content = rest[1:end]
        return content, content, True
    cut = rest.find(" #")
    plain = (rest if cut < 0 else rest[:cut]).rstrip(" ")
    if _INT.fullmatch(plain):
        return int(plain), plain, False
    if _FLOAT.fullmatch(plain):
        return float(plain), plain, False
    if not plain or plain[0] in _INDICATORS or ": " in plain or plain.endswith(":"):
        return None, None, False
    if plain in ("true", "false"):
        return plain == "true", plain, False
    if _RESOLVER.resolve(ScalarNode, plain, (True, False)) != _STR:  # type: ignore[no-untyped-call]
        return None, None, False  # null, yes, 1_000, a date: as the careful way reads them
    return plain, plain, False


def _only_comment(after: str) -> bool:
    """What follows a closing quote: nothing, spaces, or spaces and a comment."""
    rest = after.lstrip(" ")
    return not rest or (rest[0] == "#" and len(rest) < len(after))
