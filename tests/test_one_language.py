"""One language mechanism (issue 11): every fixed text goes through `tr` with a key `grep` finds,
every key used is in the catalogue and every key in the catalogue is used, and no code outside
`kxplan.text` asks which language it is in."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kxplan.text.catalogue import CATALOGUE

SRC = Path(__file__).resolve().parents[1] / "src" / "kxplan"
TEXT = SRC / "text"
KEYED = {"tr", "both"}  # the functions whose first argument is a catalogue key


@dataclass(frozen=True)
class Module:
    path: Path
    tree: ast.Module

    @property
    def name(self) -> str:
        return (
            self.path.relative_to(SRC.parent).as_posix()
            if self.path.is_relative_to(SRC)
            else self.path.name
        )


def modules(root: Path = SRC) -> list[Module]:
    return [
        Module(path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for path in sorted(root.rglob("*.py"))
    ]


def called(node: ast.Call) -> str | None:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else None


def key_maps(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level mappings whose values are all string literals, or tuples that begin with one:
    `EXPECTED = {… : "expect-…"}` names the keys a `tr(EXPECTED[…])` may take, and
    `_SAID = {… : ("import-empty", …)}` those of a `tr(_SAID[…][0])`."""
    found: dict[str, list[str]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.AnnAssign | ast.Assign):
            targets: list[ast.expr] = (
                [statement.target] if isinstance(statement, ast.AnnAssign) else statement.targets
            )
            value = statement.value
            items = value.values if isinstance(value, ast.Dict) else []
            firsts = [v.elts[0] if isinstance(v, ast.Tuple) and v.elts else v for v in items]
            keys = [
                v.value for v in firsts if isinstance(v, ast.Constant) and isinstance(v.value, str)
            ]
            if items and len(keys) == len(items):
                for target in targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = keys
    return found


def maps_in_reach(module: Module, every: dict[str, Module]) -> dict[str, list[str]]:
    """The key mappings a module can name: its own, and those it imports by name."""
    maps: dict[str, list[str]] = {}
    for statement in module.tree.body:
        if isinstance(statement, ast.ImportFrom) and statement.module in every:
            theirs = key_maps(every[statement.module].tree)
            maps.update({a.name: theirs[a.name] for a in statement.names if a.name in theirs})
    return {**maps, **key_maps(module.tree)}


def keys_of(argument: ast.expr, maps: dict[str, list[str]]) -> list[str] | None:
    """The keys a first argument can be; None when it is not a literal or a known mapping."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return [argument.value]
    if isinstance(argument, ast.IfExp):
        body, orelse = keys_of(argument.body, maps), keys_of(argument.orelse, maps)
        return None if body is None or orelse is None else body + orelse
    if isinstance(argument, ast.Subscript) and isinstance(argument.value, ast.Subscript):
        first = isinstance(argument.slice, ast.Constant) and argument.slice.value == 0
        return keys_of(argument.value, maps) if first else None
    if isinstance(argument, ast.Subscript) and isinstance(argument.value, ast.Name):
        return maps.get(argument.value.id)
    return None


@dataclass(frozen=True)
class Keyed:
    """A call of `tr` or `both`, and the keys its first argument can be (None: unknown)."""

    place: str
    argument: str
    keys: list[str] | None


def keyed_calls() -> Iterator[Keyed]:
    every = {".".join(m.path.relative_to(SRC.parent).with_suffix("").parts): m for m in modules()}
    for module in every.values():
        maps = maps_in_reach(module, every)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call) and called(node) in KEYED and node.args:
                argument = node.args[0]
                place = f"{module.name}:{node.lineno}"
                yield Keyed(place, ast.unparse(argument), keys_of(argument, maps))


def test_every_key_is_a_literal_or_from_a_mapping_of_literals() -> None:
    unfound = [f"{call.place}: {call.argument}" for call in keyed_calls() if call.keys is None]
    assert unfound == []


def used_keys() -> set[str]:
    return {key for call in keyed_calls() for key in call.keys or []}


def test_every_key_used_is_in_the_catalogue() -> None:
    assert sorted(used_keys() - set(CATALOGUE)) == []


def test_every_message_of_the_catalogue_is_used() -> None:
    assert sorted(set(CATALOGUE) - used_keys()) == []


def is_lang(node: ast.expr) -> bool:
    """ "zh" or "en", or a tuple, list or set holding one."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(is_lang(item) for item in node.elts)
    return isinstance(node, ast.Constant) and node.value in ("zh", "en")


def language_tests(module: Module) -> Iterator[str]:
    """Comparisons with "zh" or "en" (`==`, `in`, `match`), and `pick`, in one module."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Compare) and any(map(is_lang, [node.left, *node.comparators])):
            yield f"{module.name}:{node.lineno}: {ast.unparse(node)}"
        if isinstance(node, ast.MatchValue) and is_lang(node.value):
            yield f"{module.name}:{node.lineno}: case {ast.unparse(node.value)}"
        if isinstance(node, ast.Call) and called(node) == "pick":
            yield f"{module.name}:{node.lineno}: pick"
        if isinstance(node, ast.FunctionDef) and node.name == "pick":
            yield f"{module.name}:{node.lineno}: def pick"


def test_no_code_outside_kxplan_text_asks_which_language_it_is_in() -> None:
    found = [
        line
        for module in modules()
        if not module.path.is_relative_to(TEXT)
        for line in language_tests(module)
    ]
    assert found == []


def test_pick_is_gone() -> None:
    assert [
        line for module in modules(TEXT) for line in language_tests(module) if "pick" in line
    ] == []


def test_in_lang_chooses_between_a_plans_texts_only() -> None:
    """Its arguments are a plan's fields, never words written in the code."""
    written = [
        f"{module.name}:{call.lineno}"
        for module in modules()
        for call in ast.walk(module.tree)
        if isinstance(call, ast.Call) and called(call) == "in_lang"
        for argument in call.args[:2]
        if isinstance(argument, ast.Constant | ast.JoinedStr)
    ]
    assert written == []


def test_the_scan_finds_what_it_forbids(tmp_path: Path) -> None:
    """The scans above, on code that breaks each rule."""
    (tmp_path / "bad.py").write_text(
        "KEYS = {1: 'expect-count'}\n"
        "def f(lang, kind):\n"
        "    a = '年' if lang == 'zh' else 'year'\n"
        "    b = ', ' if lang in ('en',) else '、'\n"
        "    b = pick('是', 'yes', lang)\n"
        "    match lang:\n"
        "        case 'en':\n"
        "            pass\n"
        "    key = 'expect-count'\n"
        "    return tr(f'expect-{kind}', lang), tr(key, lang), tr(KEYS[kind], lang)\n",
        encoding="utf-8",
    )
    (module,) = modules(tmp_path)
    assert len(list(language_tests(module))) == 4
    calls = [n for n in ast.walk(module.tree) if isinstance(n, ast.Call) and called(n) == "tr"]
    maps = key_maps(module.tree)
    assert [keys_of(call.args[0], maps) for call in calls] == [None, None, ["expect-count"]]
