"""The quick reader of plain data files against the careful one: whatever it accepts it reads
exactly as libyaml and the careful builder do (values, types, places, text as typed, quotes),
and it accepts the files people and kxplan actually write (else every run would be slow)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from conftest import ROOT
from kxplan.yaml.document import Document
from kxplan.yaml.quick import quick_document
from kxplan.yaml.safe import _decode, _hidden_break, careful_document
from test_fuzz import SCALARS, _flip, _mutate_lines

WRITTEN = sorted(
    [
        *(ROOT / "data").glob("*/*.yaml"),
        *(ROOT / "examples" / "province-15" / "data").glob("*/*.yaml"),
    ]
)


def _careful(text: str) -> Document | None:
    return careful_document(text, "x.yaml", "zh")[0]


def _same(quick: Document, careful: Document | None, case: str) -> None:
    assert careful is not None, case
    assert repr(quick.data) == repr(careful.data), case  # repr: 1 and 1.0 and True differ
    assert quick.values == careful.values, case
    assert quick.keys == careful.keys, case
    assert quick.raw == careful.raw, case
    assert quick.quoted == careful.quoted, case


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_files_people_write_are_read_quickly_and_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    quick = quick_document(text)
    assert quick is not None, path
    _same(quick, _careful(text), str(path))


PLAIN = """# 注释
unit: 利州区   # 行尾注释
year: 2024

values:
  spirit_lectures: 3
  demo_studios:   4
  home_of_workers: false
  literacy_rate: 11.90
  tfkjy_workers:
      value: -0
      source: "天府科技云 #3"
      note: '含乡镇科协会员：3 人'
  typical_cases:
    value: 2
    note: a#b  # 注释
"""


def test_a_file_of_every_plain_form_is_read_the_same() -> None:
    quick = quick_document(PLAIN)
    assert quick is not None
    _same(quick, _careful(PLAIN), PLAIN)
    assert quick.data["values"]["tfkjy_workers"]["source"] == "天府科技云 #3"
    assert ("values", "tfkjy_workers", "note") in quick.quoted


@pytest.mark.parametrize(
    "text",
    [
        "unit: 利州区\nyear: 2024\nvalues:\n",  # an empty value
        "unit: 利州区\nunit: 昭化区\n",  # a duplicate key
        "unit: 利州区\nvalues:\n  a: 1\n   b: 2\n",  # indentation YAML refuses
        "unit: 利州区\nvalues:\n  a: 1\n    go on\n",  # a value over two lines
        "unit:利州区\n",  # a slip
        "unit： 利州区\n",  # a full-width colon
        "unit: 利州区\nnote：x: 3\n",  # a full-width colon in a key
        "unit: 利州区\n\tyear: 2024\n",  # a tab
        "unit: 利州区\r\nyear: 2024\r\n",  # carriage returns
        "unit: \u3000利州区\n",  # a full-width space
        "year: 2024\nvalues:\n  a: [1, 2]\n",  # a list
        "year: !!int 2024\n",  # a tag
        'unit: "利\\u5dde"\n',  # an escape
        "unit: 'it''s'\n",  # a quote in quotes
        "year: 2_024\n",
        "year: 017\n",
        "ok: yes\n",
        "ok: null\n",
        "ok: ~\n",
        "ok: 2024-12-31\n",
        "ok: .5\n",
        "ok: a: b\n",
        "ok: &a 3\n",
        "ok: *a\n",
        "ok: |\n  text\n",
        "- 1\n- 2\n",
        "# only a comment\n",
        "",
        "  unit: 利州区\n",  # the whole file indented
        "---\nunit: 利州区\n",
        "ok: 'closed' trailing\n",
        "unit: 利州区\nyear: 2024\nvalues:\n  a:\nb: 1\n",
        "values:\n  " + "x" * 1100 + ": 1\n",  # a key longer than libyaml takes
    ],
)
def test_what_is_not_plain_is_left_to_the_careful_reader(text: str) -> None:
    assert quick_document(text) is None


def _mutants(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        text = rng.choice(WRITTEN).read_text(encoding="utf-8")
        if rng.random() < 0.1:
            made.append(_flip(text, rng).decode("utf-8", errors="replace"))
            continue
        lines = text.split("\n")
        for _ in range(rng.choice([1, 1, 2, 3])):
            if rng.random() < 0.3:  # a value of another form, where values are
                number = rng.randrange(len(lines))
                key = lines[number].split(":", 1)[0]
                if key.strip() and not key.lstrip().startswith("#"):
                    lines[number] = f"{key}: {rng.choice(SCALARS)}"
            else:
                _mutate_lines(lines, rng)
        made.append("\n".join(lines))
    return made


def test_mutants_are_read_the_same_or_left_to_the_careful_reader() -> None:
    quick_read = 0
    for number, text in enumerate(_mutants(1500, 15)):
        decoded = _decode(text.encode("utf-8", errors="replace"), "zh")[0]
        if decoded is None or _hidden_break(decoded, "zh") is not None:
            continue  # refused before either reader sees it
        quick = quick_document(decoded)
        if quick is None:
            continue
        text = decoded
        quick_read += 1
        _same(quick, _careful(text), f"mutant {number}: {text!r}")
    assert 300 < quick_read < 1400  # the mutants test both ways
