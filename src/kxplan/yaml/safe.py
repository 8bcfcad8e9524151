"""Read untrusted YAML into plain values with the line and column of every node.

PyYAML's constructors lose positions and silently keep the last of duplicate keys, so the
file is only *composed* (the safe C parser when available) and turned into Python values
here: duplicate keys, unknown tags, alias bombs and recursion become problems, not surprises.
"""

from __future__ import annotations

import errno
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from kxplan.files.read import read_at_most
from kxplan.model.problems import Problem, ProblemCode
from kxplan.text import keeps_english, tr
from kxplan.text.printable import shortened
from kxplan.yaml.document import MAX_NODES, Document, Path_, Pos
from kxplan.yaml.quick import quick_document
from kxplan.yaml.slips import (
    block_lines,
    full_width_colon,
    line_slips,
    missing_colon,
    missing_colon_before,
)

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_DEPTH = 100

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_NUMBER_TAGS = {_TAG + "int", _TAG + "float"}
_PLAIN_NUMBER = re.compile(
    r"^[-+]?(0|[1-9][0-9]*)$|^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"
    r"|^[-+]?[0-9]+[eE][-+]?[0-9]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$"
)
_TEXT_TAGS = {_TAG + "timestamp"}  # a date (`source: 2024-12-31`) is kept as typed


class _Stop(Exception):
    def __init__(self, code: ProblemCode, message: str, pos: Pos | None) -> None:
        super().__init__(message)
        self.code, self.message, self.pos = code, message, pos


def _pos(node: Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(path: Path, display: str, lang: str) -> tuple[Document | None, list[Problem]]:
    """Parse `path`; on failure return no document and every problem found."""

    def problem(code: ProblemCode, message: str, pos: Pos | None = None) -> Problem:
        return Problem(
            display, pos.line if pos else None, pos.column if pos else None, code, message
        )

    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):  # `利州区.yaml/`: an archive unpacked in place
            return None, [problem(ProblemCode.ENCODING, tr("a-folder", lang))]
        if not stat.S_ISREG(info.st_mode):  # a device or a pipe would be read for ever
            return None, [problem(ProblemCode.ENCODING, tr("not-a-file", lang))]
        if info.st_size > MAX_BYTES:
            message = tr("file-too-large", lang, size=info.st_size, limit=MAX_BYTES)
            return None, [problem(ProblemCode.FILE_TOO_LARGE, message)]
        raw_bytes = read_at_most(path, MAX_BYTES + 1)  # whatever the size said
    except OSError as error:
        return None, [problem(ProblemCode.ENCODING, _unreadable(error, lang))]
    if len(raw_bytes) > MAX_BYTES:  # grew since stat
        message = tr("file-too-large", lang, size=len(raw_bytes), limit=MAX_BYTES)
        return None, [problem(ProblemCode.FILE_TOO_LARGE, message)]

    text, encoding_problem = _decode(raw_bytes, lang)
    if text is None:
        assert encoding_problem is not None
        message, pos = encoding_problem
        return None, [problem(ProblemCode.ENCODING, message, pos)]

    hidden = _hidden_break(text, lang)
    if hidden is not None:
        message, pos = hidden
        return None, [problem(ProblemCode.YAML_SYNTAX, message, pos)]
    quick = quick_document(text)  # the plain shape nearly every file has: no YAML needed
    if quick is not None:
        return quick, []
    return careful_document(text, display, lang)


def careful_document(text: str, display: str, lang: str) -> tuple[Document | None, list[Problem]]:
    """`text` composed by libyaml and built node by node: every problem found and worded."""

    def problem(code: ProblemCode, message: str, pos: Pos | None = None) -> Problem:
        return Problem(
            display, pos.line if pos else None, pos.column if pos else None, code, message
        )

    def slipped(within_text: frozenset[int]) -> list[Problem]:
        return [
            problem(ProblemCode.YAML_SYNTAX, message, Pos(line, column))
            for message, line, column in line_slips(text, lang, skip=within_text)
        ]

    too_deep = tr("too-deep", lang, limit=MAX_DEPTH)
    try:
        deep_at = _too_deep(text)
        if deep_at is not None:
            return None, [problem(ProblemCode.YAML_SYNTAX, too_deep, deep_at)]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:  # a slip, if any, is why: it is said first
        message, pos = _syntax_problem(text, error, lang)
        # with no node to tell them, a note's block lines are told by their indentation
        return None, slipped(block_lines(text)) or [problem(ProblemCode.YAML_SYNTAX, message, pos)]
    except yaml.YAMLError as error:
        return None, [
            problem(ProblemCode.YAML_SYNTAX, tr("yaml-syntax", lang, problem=error, hint=""))
        ]
    except RecursionError:
        return None, [problem(ProblemCode.YAML_SYNTAX, too_deep)]

    if node is None:
        return None, slipped(frozenset()) or [
            problem(ProblemCode.NOT_A_MAPPING, tr("empty-file", lang), Pos(1, 1))
        ]
    # A file YAML reads may still hold a slip it read as something else (`spirit_lectures:3`
    # as one word); a note's own lines (`note: |`, a quoted text) are text, not slips.
    slips = slipped(_text_lines(node))
    if slips:
        return None, slips

    builder = _Builder(lang)
    try:
        data = builder.build(node, (), 0)
    except _Stop as stop:
        return None, [problem(stop.code, stop.message, stop.pos)]
    document = Document(data, builder.values, builder.keys, builder.raw, builder.quoted)
    problems = [problem(ProblemCode.DUPLICATE_KEY, msg, pos) for msg, pos in builder.duplicates]
    return document, problems


def _text_lines(root: Node) -> frozenset[int]:
    """The lines (1-based) inside block (`|`, `>`) and quoted scalars that span lines."""
    lines: set[int] = set()
    seen: set[int] = set()
    stack = [root]
    while stack and len(seen) <= MAX_NODES:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode) and node.style in ("|", ">", '"', "'"):
            end = node.end_mark  # a block scalar ends at the start of the next line
            first, last = node.start_mark.line + 1, end.line + (1 if end.column else 0)
            lines.update(range(first + 1, last + 1))  # the lines after the key's own
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(item for pair in node.value for item in pair)
    return frozenset(lines)


def _unreadable(error: OSError, lang: str) -> str:
    return tr("unreadable", lang, reason=unreadable_reason(error, lang))


def unreadable_reason(error: OSError, lang: str) -> str:
    """Why a file or folder cannot be read, in words people know."""
    if isinstance(error, FileNotFoundError):  # a link to nothing, or removed meanwhile
        return tr("no-such-file", lang)
    if isinstance(error, PermissionError):
        return tr("no-permission", lang)
    if error.errno == errno.ELOOP:  # `利州区.yaml → 利州区.yaml`
        return tr("link-loop", lang)
    return error.strerror or str(error)


def _too_deep(text: str) -> Pos | None:
    """Whether nesting passes MAX_DEPTH; libyaml's composer recurses and would crash the process.

    Every level of nesting opens with its own `[`, `{`, `-`, `?` or a key's `:`, so a file
    with fewer of those than MAX_DEPTH is cleared without parsing; others are walked once.
    """
    if sum(text.count(char) for char in "[{-?:") < MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# C1 controls are refused by libyaml without a line (and U+0085 taken as a line break, which
# moves every line after it); they are found here first, where their place can be said.
_TEXT_CONTROL = re.compile("[\x80-\x9f\ufffe\uffff]")
_HIDDEN_BREAK = re.compile("[\u2028\u2029]")


def _decode(data: bytes, lang: str) -> tuple[str | None, tuple[str, Pos | None] | None]:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None, (tr("utf-bom", lang, bits=32), Pos(1, 1))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, (tr("utf-bom", lang, bits=16), Pos(1, 1))
    control = _CONTROL.search(data)  # before decoding: binary junk is not “maybe GBK”
    if control is not None:
        char = f"U+{data[control.start()]:04X}"
        return None, (tr("binary", lang, char=char), _byte_pos(data, control.start()))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        pos = _byte_pos(data, error.start)
        guess = tr("looks-gbk", lang) if _decodes(data, "gb18030") else ""
        return None, (tr("not-utf8", lang, line=pos.line, guess=guess), pos)
    found = _TEXT_CONTROL.search(text)
    if found is not None:
        char = f"U+{ord(found.group()):04X}"
        message = tr("c1-control" if found.group() <= "\x9f" else "binary", lang, char=char)
        return None, (message, _text_pos(text, found.start()))
    return text, None


def _hidden_break(text: str, lang: str) -> tuple[str, Pos] | None:
    """U+2028 and U+2029 are line breaks to YAML 1.1 and to no editor: a file holding one
    would be read otherwise than it looks, and every line after it misnumbered."""
    found = _HIDDEN_BREAK.search(text)
    if found is None:
        return None
    message = tr("hidden-break", lang, char=f"U+{ord(found.group()):04X}")
    return message, _text_pos(text, found.start())


def _text_pos(text: str, index: int) -> Pos:
    return Pos(text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1)


def _byte_pos(data: bytes, offset: int) -> Pos:
    """The place of the byte at `offset`; its column counts characters, as editors do (`含` is
    three bytes and one column), a byte that is no UTF-8 counting one."""
    start = data.rfind(b"\n", 0, offset) + 1
    before = data[start:offset].decode("utf-8-sig" if start == 0 else "utf-8", errors="replace")
    return Pos(data.count(b"\n", 0, offset) + 1, len(before) + 1)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _syntax_problem(text: str, error: yaml.MarkedYAMLError, lang: str) -> tuple[str, Pos | None]:
    """libyaml's complaint in words, at the place people must change."""
    mark = error.problem_mark or error.context_mark
    context, opened, found = error.context or "", error.context_mark, error.problem_mark
    if opened is not None and "quoted scalar" in context:
        mark = opened  # an unclosed quote: where it opens, not the end of file
    elif opened is not None and "flow" in context and found and found.line != opened.line:
        mark = opened  # a [ or { never closed on its line: where it opens, not lines later
    pos = Pos(mark.line + 1, mark.column + 1) if mark else None
    problem = str(error.problem or "")
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000), hit before ours
        return tr("too-deep", lang, limit=MAX_DEPTH), pos
    directive = _directive_line(text)
    if "directive" in problem + context or "incompatible YAML" in problem or directive:
        # `%YAML 1.1`, `%x`: a data file has no use for them, and YAML then wants a `---`
        if opened is not None and "directive" in context:
            directive = opened.line + 1
        return tr("yaml-directive", lang), Pos(directive or (pos.line if pos else 1), 1)
    if "another document" in problem or "<document start>" in problem:
        return tr("yaml-documents", lang, line=pos.line if pos else "?"), pos
    colon = full_width_colon(text, pos.line if pos else len(text.splitlines()), lang)
    if colon is None and opened is not None and "expected ':'" in problem:
        # a key without its colon: libyaml says so where it gave up (the next line, or past the
        # end of the file); the key is where the key began
        colon = missing_colon(text, opened.line + 1, lang)
        pos = Pos(opened.line + 1, opened.column + 1)
    elif colon is None and found is not None and "mapping values are not allowed" in problem:
        colon = missing_colon_before(text, found.line + 1, lang)
    if colon is not None:
        message, line, column = colon
        return message, Pos(line, column)
    known = next((words for words in _LIBYAML_WORDS if words in f"{problem} {context}"), None)
    if known is not None:
        said = tr(_LIBYAML_WORDS[known], lang)
    elif keeps_english(lang):  # one libyaml has said in no test: its English in English
        said = str(error.problem or error.context)
    else:  # and plain words in Chinese
        said = tr("yaml-unknown", lang)
    if "\t" in text and "token" in problem:
        hint = tr("yaml-tab-hint", lang)
    else:  # a known complaint says what to do; libyaml's own words need the usual hint
        hint = "" if known is not None else tr("yaml-colon-hint", lang)
    return tr("yaml-syntax", lang, problem=said, hint=hint), pos


def _directive_line(text: str) -> int | None:
    """The line of the `%` directive the file opens with (after comments and blank lines)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip()[:1] not in ("", "#"):
            return number if line.startswith("%") else None
    return None


#: libyaml's complaints (a piece of its English), in words people who fill in data files know
_LIBYAML_WORDS: dict[str, str] = {
    "mapping values are not allowed": "yaml-second-colon",
    "found unexpected end of stream": "yaml-unclosed",
    "did not find expected ',' or ']'": "yaml-list-unclosed",
    "did not find expected ',' or '}'": "yaml-mapping-unclosed",
    "did not find expected key": "yaml-expected-key",
    "found undefined alias": "yaml-undefined-alias",
    "found a tab character": "yaml-tab",
    "found character that cannot start any token": "yaml-bad-start",
    "could not find expected ':'": "yaml-no-colon",
    "did not find expected node content": "yaml-no-value",
    "block sequence entries are not allowed": "yaml-list-item-here",
    "unknown escape character": "yaml-unknown-escape",
    "hexdecimal number": "yaml-bad-hex-escape",
    "Unicode character escape": "yaml-bad-unicode-escape",
    "unexpected document indicator": "yaml-document-marker",
    "alphabetic or numeric character": "yaml-anchor-name",
    "while scanning a tag": "yaml-bad-tag",
    "tag handle": "yaml-undefined-tag",
    "indentation indicator": "yaml-zero-indent",
    "expected comment or line break": "yaml-after-value",
}


class _Builder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.values: dict[Path_, Pos] = {}
        self.keys: dict[Path_, Pos] = {}
        self.raw: dict[Path_, str] = {}
        self.quoted: set[Path_] = set()
        self.duplicates: list[tuple[str, Pos]] = []
        self.count = 0
        self.active: set[int] = set()
        self.constructor = SafeConstructor()

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            message = tr("too-many-nodes", self.lang, limit=MAX_NODES)
            raise _Stop(ProblemCode.FILE_TOO_LARGE, message, _pos(node))
        if depth > MAX_DEPTH:
            message = tr("too-deep", self.lang, limit=MAX_DEPTH)
            raise _Stop(ProblemCode.YAML_SYNTAX, message, _pos(node))
        if id(node) in self.active:
            raise _Stop(ProblemCode.YAML_SYNTAX, tr("recursive-alias", self.lang), _pos(node))
        self.values.setdefault(path, _pos(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode) and node.tag == _TAG + "seq":
                return [
                    self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)
                ]
            if isinstance(node, MappingNode) and node.tag == _TAG + "map":
                return self._mapping(node, path, depth)
        finally:
            self.active.discard(id(node))
        raise _Stop(
            ProblemCode.YAML_SYNTAX, tr("tag", self.lang, tag=_short_tag(node.tag)), _pos(node)
        )

    def _scalar(self, node: ScalarNode, path: Path_) -> Any:
        self.raw[path] = node.value
        if node.style in ("'", '"'):
            self.quoted.add(path)
        if node.tag not in _SCALAR_TAGS:
            raise _Stop(
                ProblemCode.YAML_SYNTAX, tr("tag", self.lang, tag=_short_tag(node.tag)), _pos(node)
            )
        if not _fits_tag(node):
            tag, value = _short_tag(node.tag), shortened(node.value, self.lang)
            message = tr("tag-mismatch", self.lang, tag=tag, value=value)
            raise _Stop(ProblemCode.YAML_SYNTAX, message, _pos(node))
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag == _TAG + "bool" and node.value.lower() not in ("true", "false"):
            # YAML 1.1 reads yes, no, on, off (and Y, N) as true or false: keep such text as
            # typed, so that only true and false mean yes and no.
            return node.value
        if node.tag in _NUMBER_TAGS and not _PLAIN_NUMBER.match(node.value):
            # YAML 1.1 reads 017 as octal 15, 1:30 as 90 and 1_000 as 1000: keep such text as
            # typed, so that it is refused as a number instead of silently changed.
            return node.value
        try:
            return self.constructor.construct_object(node)
        except ValueError:  # more digits than Python converts
            raise _Stop(
                ProblemCode.OUT_OF_RANGE, tr("number-too-long", self.lang), _pos(node)
            ) from None

    def _mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Pos] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Stop(ProblemCode.YAML_SYNTAX, tr("complex-key", self.lang), _pos(key_node))
            key = key_node.value
            key_pos = _pos(key_node)
            if key in first_seen:
                message = tr("duplicate-key", self.lang, key=key, first=first_seen[key].line)
                self.duplicates.append((message, key_pos))
                continue
            first_seen[key] = key_pos
            self.keys[(*path, key)] = key_pos
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result


_RESOLVER = Resolver()
#: What an explicit tag accepts, by the tag YAML would give the same text written plain.
_FITTING = {
    _TAG + "int": {_TAG + "int"},
    _TAG + "float": {_TAG + "int", _TAG + "float"},
    _TAG + "bool": {_TAG + "bool"},
    _TAG + "null": {_TAG + "null"},
    _TAG + "timestamp": {_TAG + "timestamp"},
}


def _fits_tag(node: ScalarNode) -> bool:
    """Whether the text fits its tag: `!!float 3` does, `!!null 3` (a figure read as no value)
    and `!!int 3.5` do not. A plain scalar's own tag always fits: it comes from its text."""
    fitting = _FITTING.get(node.tag)
    if fitting is None:
        return True
    plain = _RESOLVER.resolve(ScalarNode, node.value, (True, False))  # type: ignore[no-untyped-call]
    float_text = node.tag == _TAG + "float" and _PLAIN_NUMBER.match(node.value) is not None
    return plain in fitting or float_text


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
