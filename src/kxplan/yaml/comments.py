"""The comments of a YAML file, each with the key it belongs to, so a rewrite can keep them.

PyYAML drops comments, so they are found between its tokens, where a `#` always starts one.
A comment on a line of its own belongs to the key that follows it (`header` when that is the
file's first key, `tail` when no key follows); one after something on its line belongs to the
first key of that line. Anything else — before a value written on the line after its key,
after a closing `}` — has no place that is certain, and is `loose`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

KeyPath = tuple[str, ...]

# Zero-width tokens that stand between a comment and the key it comes before.
_STRUCTURE = (
    yaml.BlockEndToken,
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.DocumentStartToken,
)


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based, in the file it was read from
    text: str  # from `#` to the end of its line, without trailing space


@dataclass
class Comments:
    header: list[Comment] = field(default_factory=list)
    above: dict[KeyPath, list[Comment]] = field(default_factory=dict)
    inline: dict[KeyPath, Comment] = field(default_factory=dict)
    tail: list[Comment] = field(default_factory=list)
    loose: list[Comment] = field(default_factory=list)

    def has(self, path: KeyPath) -> bool:
        return path in self.above or path in self.inline

    @property
    def every(self) -> list[Comment]:
        """All of them, in the file's order."""
        placed = [comment for comments in self.above.values() for comment in comments]
        found = [*self.header, *placed, *self.inline.values(), *self.tail, *self.loose]
        return sorted(found, key=lambda comment: comment.line)


def find_comments(text: str) -> Comments:
    """The comments of `text`, a YAML document that parses (a checked data file)."""
    text = text.removeprefix("\ufeff")
    tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    keys: dict[int, KeyPath] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        _key_paths(root, (), keys)
    lines = [0, *(match.end() for match in re.finditer("\n", text))]
    first_on_line: dict[int, KeyPath] = {}
    for index in sorted(keys, reverse=True):
        first_on_line[bisect.bisect_right(lines, index) - 1] = keys[index]
    spans = sorted(_spans(tokens, text))
    starts = [start for start, _ in spans]
    token_starts = [token.start_mark.index for token in tokens]
    found = Comments()
    end = 0
    for match in re.finditer("#", text):
        index = match.start()
        covered = bisect.bisect_right(starts, index) - 1
        if index < end or (covered >= 0 and index < spans[covered][1]):
            continue
        end = text.find("\n", index)
        end = len(text) if end == -1 else end
        row = bisect.bisect_right(lines, index) - 1
        comment = Comment(row + 1, text[index:end].rstrip())
        if text[lines[row] : index].strip():
            path = first_on_line.get(row)
            if path is None or path in found.inline:
                found.loose.append(comment)
            else:
                found.inline[path] = comment
            continue
        following = bisect.bisect_left(token_starts, end)
        while following < len(tokens) and isinstance(tokens[following], _STRUCTURE):
            following += 1
        token = tokens[following] if following < len(tokens) else None
        if token is None or isinstance(token, yaml.StreamEndToken):
            found.tail.append(comment)
        elif isinstance(token, yaml.KeyToken) and token.start_mark.index in keys:
            found.above.setdefault(keys[token.start_mark.index], []).append(comment)
        else:
            found.loose.append(comment)
    if keys:
        found.header = found.above.pop(keys[min(keys)], [])
    return found


def _key_paths(node: Node, path: KeyPath, keys: dict[int, KeyPath]) -> None:
    if not isinstance(node, MappingNode):
        return
    for key, value in node.value:
        if isinstance(key, ScalarNode):
            keys[key.start_mark.index] = (*path, key.value)
            _key_paths(value, (*path, key.value), keys)


def _spans(tokens: list[yaml.Token], text: str) -> list[tuple[int, int]]:
    """Where each token's own text is; a `#` outside them all starts a comment.

    A block scalar (`|`, `>`) spans its content, but its first line may end in a comment.
    """
    spans: list[tuple[int, int]] = []
    for token in tokens:
        start, end = token.start_mark.index, token.end_mark.index
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            header_end = text.find("\n", start, end)
            if header_end != -1:
                spans.extend([(start, start + 1), (header_end, end)])
                continue
        spans.append((start, end))
    return spans
