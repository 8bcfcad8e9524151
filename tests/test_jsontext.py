"""kxplan's JSON writer is the standard library's `indent=2`, byte for byte."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from kxplan.render.jsontext import json_text

LEAVES: list[Any] = [
    0, -1, 10**15, 1.5, -0.0, 1e-7, 12.0, float("inf"), float("nan"), True, False, None,
    "", "利州区", 'a "quoted" \\ text\n\t', "\u2028\x00\x1f", "😀",
]  # fmt: skip


def _random(rng: random.Random, depth: int) -> Any:
    kind = rng.randrange(6 if depth < 4 else 1)
    if kind == 0 or kind == 5:
        return rng.choice(LEAVES)
    size = rng.choice([0, 1, 2, 5])
    if kind in (1, 2):
        keys: list[Any] = ["a", "b", "名称", "", 1, 2.5, True, None, "z"]
        return {rng.choice(keys): _random(rng, depth + 1) for _ in range(size)}
    items = [_random(rng, depth + 1) for _ in range(size)]
    return tuple(items) if kind == 3 else items


@pytest.mark.parametrize("seed", range(40))
def test_random_documents_are_written_as_the_standard_library_writes_them(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(50):
        body = _random(rng, 0)
        assert json_text(body) == json.dumps(body, ensure_ascii=False, indent=2)


def test_a_document_of_results_is_written_alike() -> None:
    results = [
        {"target": f"t{i}", "value": i / 3, "ok": i % 2 == 0, "file": None} for i in range(5)
    ]
    body = {
        "plan": {"id": "p", "period": [2021, 2025]},
        "results": results,
        "empty": {},
        "none": [],
    }
    assert json_text(body) == json.dumps(body, ensure_ascii=False, indent=2)


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        json_text({"a": [object()]})
    with pytest.raises(TypeError):
        json_text({(1, 2): 3})
