"""Comments of a data file, found beside PyYAML's tokens and put back where they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from kxplan.load.planfile import load_plan
from kxplan.yaml.comments import Comment, find_comments
from kxplan.yaml.write import Entry, render_data_file

TEXT = """\
# head
unit: 甲市   # the unit
# about the year
year: 2024
values:
  x: 3 # after a value
  y:
    value: 1  # after a nested value
    # above a source
    source: "q # not a comment"
  z: {value: 2, note: 'a # b'}  # after a flow mapping
  w:
    note: |  # on a block scalar's first line
      # not a comment: the note's text
      t
  v:
    # before a value on its own line
    4
  u: {value: 1,
    # inside a flow mapping
    note: a
    }  # after its end
# tail
"""


def test_comments_by_their_keys() -> None:
    found = find_comments(TEXT)
    assert found.header == [Comment(1, "# head")]
    assert found.above == {
        ("year",): [Comment(3, "# about the year")],
        ("values", "y", "source"): [Comment(9, "# above a source")],
        ("values", "u", "note"): [Comment(20, "# inside a flow mapping")],
    }
    assert found.inline == {
        ("unit",): Comment(2, "# the unit"),
        ("values", "x"): Comment(6, "# after a value"),
        ("values", "y", "value"): Comment(8, "# after a nested value"),
        ("values", "z"): Comment(11, "# after a flow mapping"),
        ("values", "w", "note"): Comment(13, "# on a block scalar's first line"),
    }
    assert found.tail == [Comment(23, "# tail")]
    assert found.loose == [
        Comment(17, "# before a value on its own line"),
        Comment(22, "# after its end"),
    ]
    assert [c.line for c in found.every] == [1, 2, 3, 6, 8, 9, 11, 13, 17, 20, 22, 23]


def test_no_comments() -> None:
    found = find_comments("unit: 甲市\nyear: 2024\nvalues: {}\n")
    assert found.every == []


def _entries(values: dict[str, Any]) -> dict[str, Entry]:
    return {
        key: Entry(item.get("value"), item.get("source"), item.get("note"))
        if isinstance(item, dict)
        else Entry(item)
        for key, item in values.items()
    }


@pytest.mark.parametrize(
    "path", sorted((ROOT / "data").glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_rewriting_a_sample_file_keeps_every_comment(path: Path) -> None:
    plan = load_plan(ROOT / "targets.yaml", "targets.yaml", "zh")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    unit = plan.unit(data["unit"])
    assert unit is not None
    comments = find_comments(text)
    written = render_data_file(
        plan, unit, data["year"], _entries(data["values"] or {}), comments=comments
    )
    assert [c.text for c in find_comments(written).every] == [c.text for c in comments.every]
    assert yaml.safe_load(written) == data
