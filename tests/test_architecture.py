"""Imports flow one way (docs/architecture.md): each folder of src/kxplan imports only folders
below it, and a few import less than their place allows. Every `import` counts, at the top of
a module or inside a function. A total order leaves no room for a cycle between folders, and
cli/, the top folder, is imported by `__main__` alone."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "kxplan"

#: The layers, lowest first: a folder may import a folder listed before it, never one after.
#: `kxplan` is the package itself (its `__version__`); `__main__` is `python -m kxplan`.
LAYERS = [
    "kxplan",
    "text",  # the message catalogue, languages, printable text, suggestions
    "model",  # the domain's types: plan, data, statuses, comparisons, problems, errors
    "files",  # atomic writes, locks, paths as people see them, work over many files in parallel
    "yaml",  # safe YAML reading, writing data files
    "load",  # reading and checking the plan and the data files
    "engine",  # the rules: plan and data in, results out
    "render",  # each subject in each format: table, JSON, Markdown, GitHub, Excel (render/xlsx)
    "repo",  # data repositories: init, schema, git revisions
    "forms",  # the counties' Excel forms, made and read back
    "cli",  # the commands
    "__main__",
]

#: Folders held to less than their place allows: they may import only these.
ONLY: dict[str, set[str]] = {
    "text": set(),
    # Status.label, Plan.name and Leftover.message say themselves in a language, and a Problem
    # keeps its text printable: the model may use the catalogue, which imports nothing of kxplan
    "model": {"text"},
    # no loader, no renderer, nothing that formats text for people
    "engine": {"model"},
    # renderers turn results into words: they read no files
    "render": {"model", "text", "files", "engine"},
}

#: Folders that never know which language they are in: no `lang`, no "zh" or "en".
NO_LANGUAGE = {"engine"}


@dataclass(frozen=True)
class Import:
    place: str  # file:line
    folder: str  # the importer's
    module: str  # what it imports
    target: str  # that module's folder


def folder_of(module: str) -> str:
    """`kxplan.render.describe` is in render; `kxplan` is the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(
    node: ast.Import | ast.ImportFrom, here: str, package: bool, top: str
) -> Iterator[str]:
    """The modules one import statement names (`from kxplan import render` names render)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # relative: `.` is the importer's package, `..` the one above
        parts = here.split(".") if package else here.split(".")[:-1]
        anchor = parts[: len(parts) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    if base == top:
        yield from (f"{base}.{alias.name}" for alias in node.names)
    else:
        yield base


def imports(root: Path = SRC) -> Iterator[Import]:
    """Every import of a kxplan module in the tree at `root`, from another folder."""
    top = root.name
    for path in sorted(root.rglob("*.py")):
        here = module_name(path, root)
        folder = folder_of(here)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for module in imported(node, here, path.name == "__init__.py", top):
                if module != top and not module.startswith(f"{top}."):
                    continue
                target = folder_of(module)
                if not (root / target).is_dir() and not (root / f"{target}.py").is_file():
                    target = top  # a name the package itself holds: `__version__`
                if target != folder:
                    place = f"{path.relative_to(root.parent).as_posix()}:{node.lineno}"
                    yield Import(place, folder, module, target)


def broken(found: Import) -> str | None:
    """Why this import breaks a contract; None when it keeps them."""
    if found.folder not in LAYERS or found.target not in LAYERS:
        return f"{found.folder} or {found.target} is not in LAYERS: give it its place"
    if LAYERS.index(found.target) > LAYERS.index(found.folder):
        return f"{found.folder} is below {found.target}"
    allowed = ONLY.get(found.folder)
    if allowed is not None and found.target not in allowed:
        return f"{found.folder} may import only {', '.join(sorted(allowed)) or 'no kxplan module'}"
    return None


def violations(root: Path = SRC) -> list[str]:
    return [
        f"{found.place}: {found.folder} imports {found.module}: {why}"
        for found in imports(root)
        if (why := broken(found)) is not None
    ]


def names_a_language(node: ast.expr | ast.arg | ast.keyword) -> bool:
    if isinstance(node, ast.Name):
        return node.id == "lang"
    if isinstance(node, ast.arg | ast.keyword):
        return node.arg == "lang"
    if isinstance(node, ast.Attribute):
        return node.attr == "lang"
    return isinstance(node, ast.Constant) and node.value in ("zh", "en")


def languages(root: Path = SRC) -> list[str]:
    """Each place in a NO_LANGUAGE folder that names a language: a `lang`, a "zh" or an "en"."""
    found: list[tuple[str, int, str]] = []
    for folder in sorted(NO_LANGUAGE):
        for path in (root / folder).rglob("*.py"):
            place = path.relative_to(root.parent).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            found.extend(
                (place, node.lineno, ast.unparse(node))
                for node in ast.walk(tree)
                if isinstance(node, ast.expr | ast.arg | ast.keyword) and names_a_language(node)
            )
    return [f"{place}:{line}: {code}" for place, line, code in sorted(found)]


def test_every_folder_has_its_place() -> None:
    folders = {path.name for path in SRC.iterdir() if (path / "__init__.py").is_file()}
    modules = {path.stem for path in SRC.glob("*.py")} - {"__init__"}
    assert sorted((folders | modules) - set(LAYERS)) == []


def test_imports_flow_down_the_layers() -> None:
    found = violations()
    assert not found, "imports against the layers:\n" + "\n".join(found)


def test_the_engine_knows_no_language() -> None:
    """It never formats text for people: no `lang` to say it in, and no words chosen by one."""
    found = languages()
    assert not found, "the engine names a language:\n" + "\n".join(found)


def test_the_checks_find_what_they_forbid(tmp_path: Path) -> None:
    """The checks above, on a tree that breaks each contract once (and keeps it elsewhere)."""
    root = tmp_path / "kxplan"
    files = {
        "__init__.py": "__version__ = '0'\n",
        "engine/rules.py": (
            "from kxplan.model.plan import Plan\n"  # allowed
            "from kxplan.render.describe import number\n"  # engine is below render
            "def say(lang):\n"
            "    from kxplan.text import tr\n"  # engine may import only model
            "    return tr('x', 'zh')\n"
        ),
        "model/plan.py": "from kxplan import cli\n",  # model is below cli
        "load/dataset.py": "from ..cli.locate import shown_from\n",  # relative, still upwards
        "render/describe.py": "from kxplan.engine.rules import say\nimport kxplan.load.folder\n",
        "cli/app.py": "from kxplan import __version__\nfrom kxplan.engine import rules\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).parent.joinpath("__init__.py").touch()
        (root / name).write_text(text, encoding="utf-8")
    assert violations(root) == [
        "kxplan/engine/rules.py:2: engine imports kxplan.render.describe: engine is below render",
        "kxplan/engine/rules.py:4: engine imports kxplan.text: engine may import only model",
        "kxplan/load/dataset.py:1: load imports kxplan.cli.locate: load is below cli",
        "kxplan/model/plan.py:1: model imports kxplan.cli: model is below cli",
        "kxplan/render/describe.py:2: render imports kxplan.load.folder:"
        " render may import only engine, files, model, text",
    ]
    assert languages(root) == [
        "kxplan/engine/rules.py:3: lang",
        "kxplan/engine/rules.py:5: 'zh'",
    ]
