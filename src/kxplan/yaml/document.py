"""A YAML file's values with the place of each: what both readers of data files give."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

#: nodes a file may have (a hostile file of aliases or keys is refused, not built)
MAX_NODES = 50_000

Path_ = tuple[str | int, ...]


class Pos(NamedTuple):
    """A line and column, both from 1 (a tuple: a national tree's files make 500,000)."""

    line: int
    column: int


@dataclass
class Document:
    """A YAML file's value with the position of each value (by path) and of each key."""

    data: Any
    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    quoted: set[Path_] = field(default_factory=set)

    def where(self, path: Path_, *, key: bool = False) -> Pos | None:
        """Position of `path`, or of its closest ancestor the file has."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
        return self.values.get(())
