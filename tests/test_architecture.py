"""The floors of pipeline/ (docs/architecture.md), checked on the code itself.

- Every package (and top-level module) of pipeline/ stands on a floor; a module imports only its own
  package and packages of lower floors. `core` imports no other package; a stage package imports no
  runner, queries, views, evaluation, batch or CLI. On the stage floor the packages import each other
  only in the order a Document goes through them.
- No import cycle between modules, imports inside functions included. Stages are imported, never
  loaded from strings; the only dynamic imports are the CLI's subcommands, and their "module:function"
  strings count as imports.
- No module reaches into another package's private names.

Each rule is a function over a {module name: source} mapping, so the tests below also run it on the
real sources plus a planted module and show that it fails."""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PKG = REPO / "pipeline"

# lowest first; on one floor, packages side by side (the stage floor: in the order of the path of a
# Document, each importing only those before it; the others not at all)
FLOORS: list[tuple[str, ...]] = [
    ("core",),                                   # Document, the Stage contract, table schema, paths
    ("text",),                                   # read, normalize, sentences, tokens; the closed-class lexicon
    ("ner", "entities", "amounts", "syntax", "relations", "triples"),   # the stages (ner: the model of entities)
    ("runner",),                                 # the one stage list, Pipeline
    ("queries",),                                # what the notebook computes over the tables
    ("batch", "evaluation", "views"),            # runs over folders, scores, views
    ("cli",),                                    # the command line
    ("__main__",),                               # python -m pipeline
]
ORDERED_FLOORS = {2}        # floors whose packages may import the earlier ones of the same floor
STAGE_FLOOR = 2

# (importer, imported): an import the rules forbid that another issue's branch removes
ALLOWED_EDGES: dict[tuple[str, str], str] = {}
# modules that may call importlib: their "pipeline.x:function" strings are read as imports below
DYNAMIC_IMPORTS = {
    "pipeline.cli": "subcommands load on demand (so `hindi-extract --help` stays fast); the CLI is the top floor",
}
SPEC = re.compile(r"^(pipeline(?:\.\w+)+):\w+$")


def sources(pkg: Path = PKG) -> dict[str, str]:
    out = {}
    for p in sorted(pkg.rglob("*.py")):
        if "__pycache__" in p.parts:
            continue
        parts = ("pipeline",) + p.relative_to(pkg).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p.read_text(encoding="utf-8")
    return out


def _is_package(name: str, mods: dict[str, str]) -> bool:
    return any(m.startswith(name + ".") for m in mods)


def _targets(name: str, node: ast.AST, mods: dict[str, str]) -> list[str]:
    """The pipeline modules an import statement (or a "pipeline.x:fn" string) reads."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = name.split(".") if _is_package(name, mods) else name.split(".")[:-1]
            base = base[:len(base) - (node.level - 1)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        names = [f"{module}.{a.name}" if f"{module}.{a.name}" in mods else module for a in node.names]
    else:
        names = [SPEC.match(node.value).group(1)]
    out = []
    for t in names:
        while t and t not in mods:
            t = t.rpartition(".")[0]
        if t.startswith("pipeline") and t != name:
            out.append(t)
    return out


@lru_cache(maxsize=None)
def _parse(src: str) -> ast.Module:
    return ast.parse(src)


def import_edges(mods: dict[str, str]) -> dict[tuple[str, str], int]:
    """(importer, imported) -> line, every import anywhere in a module (inside functions too)."""
    edges: dict[tuple[str, str], int] = {}
    for name, src in mods.items():
        for node in ast.walk(_parse(src)):
            spec = isinstance(node, ast.Constant) and isinstance(node.value, str) and SPEC.match(node.value)
            if isinstance(node, (ast.Import, ast.ImportFrom)) or spec:
                for t in _targets(name, node, mods):
                    edges.setdefault((name, t), node.lineno)
    return edges


def floor_of(module: str) -> tuple[int, int] | None:
    """(floor, position on the floor) of the package or top-level module holding `module`;
    the root package `pipeline` itself (only __version__) is below everything."""
    parts = module.split(".")
    if len(parts) == 1:
        return (-1, 0)
    for f, names in enumerate(FLOORS):
        if parts[1] in names:
            return f, names.index(parts[1])
    return None


def unplaced(mods: dict[str, str]) -> list[str]:
    return sorted({m.split(".")[1] for m in mods if "." in m and floor_of(m) is None})


def upward_imports(edges) -> list[str]:
    bad = []
    for (a, b), line in sorted(edges.items()):
        fa, fb = floor_of(a), floor_of(b)
        if fa is None or fb is None or a.split(".")[:2] == b.split(".")[:2]:
            continue
        same_floor_ok = fa[0] == fb[0] and fa[0] in ORDERED_FLOORS and fb[1] < fa[1]
        if (fb[0] >= fa[0] and not same_floor_ok) and (a, b) not in ALLOWED_EDGES:
            bad.append(f"{a}:{line} imports {b} ({_floor_name(fa)} -> {_floor_name(fb)})")
    return bad


def _floor_name(f: tuple[int, int]) -> str:
    return "root" if f[0] < 0 else FLOORS[f[0]][f[1]]


def cycles(edges) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    graph: dict[str, list[str]] = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack, on_stack, out = [], set(), []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        x = stack.pop()
                        on_stack.discard(x)
                        comp.append(x)
                        if x == v:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
            elif w not in index:
                index[w] = low[w] = len(index)
                stack.append(w)
                on_stack.add(w)
                work.append((w, iter(sorted(graph[w]))))
            elif w in on_stack:
                low[v] = min(low[v], index[w])
    return out


def dynamic_imports(mods: dict[str, str]) -> list[str]:
    bad = []
    for name, src in mods.items():
        for node in ast.walk(_parse(src)):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and name not in DYNAMIC_IMPORTS:
                names = [a.name for a in node.names]
                module = (node.module or "") if isinstance(node, ast.ImportFrom) else ""
                if module == "importlib" or "importlib" in names or module.startswith("importlib."):
                    bad.append(f"{name}:{node.lineno}")
    return bad


# ---- the rules, on the code as it is ----------------------------------------------------------------

MODS = sources()
EDGES = import_edges(MODS)


def test_every_package_stands_on_a_floor():
    assert not unplaced(MODS), f"put these on a floor in FLOORS (and in docs/architecture.md): {unplaced(MODS)}"


def test_the_docs_show_every_floor():
    picture = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = (REPO / "README.md").read_text(encoding="utf-8")
    for name in (n for names in FLOORS for n in names):
        shown = f"{name}/" if (PKG / name).is_dir() else f"{name}.py"
        assert shown in picture, f"docs/architecture.md does not show {shown}"
        assert not (PKG / name).is_dir() or f"`pipeline/{shown}`" in layout, f"README's Layout lacks pipeline/{shown}"


def test_floors_only_look_down():
    assert not upward_imports(EDGES), upward_imports(EDGES)


def test_core_imports_no_other_package():
    assert not [(a, b) for a, b in EDGES if a.startswith("pipeline.core") and not b.startswith("pipeline.core")
                and b != "pipeline"]


def test_no_import_cycle_between_modules():
    assert not cycles(EDGES), cycles(EDGES)


def test_allowed_edges_are_still_needed():
    stale = [e for e in ALLOWED_EDGES if e not in EDGES]
    assert not stale, f"remove these ALLOWED_EDGES entries, the import is gone: {stale}"


def test_stages_are_imported_not_loaded_from_strings():
    from pipeline.core.stage import Stage
    from pipeline.runner import STAGES
    assert not dynamic_imports(MODS), dynamic_imports(MODS)
    assert all(isinstance(s, type) and issubclass(s, Stage) for s in STAGES)
    assert len({s.name for s in STAGES}) == len(STAGES)
    assert {floor_of(s.__module__)[0] for s in STAGES} == {1, STAGE_FLOOR}   # text's stages, then the rest


def test_dynamic_import_specs_name_real_functions():
    import importlib
    specs = {s for src in (MODS[m] for m in DYNAMIC_IMPORTS) for s in re.findall(r'"(pipeline[\w.]*:\w+)"', src)}
    assert specs
    for spec in specs:
        mod, fn = spec.split(":")
        assert callable(getattr(importlib.import_module(mod), fn, None)), spec


def test_no_module_name_prefix_families():
    stems = [p.name.removesuffix(".py") for p in PKG.iterdir() if p.name not in ("__pycache__",)]
    prefixes = {s.split("_")[0] for s in stems if "_" in s.strip("_")}
    families = {p: [s for s in stems if s.split("_")[0] == p] for p in prefixes}
    assert all(len(v) < 2 for v in families.values()), families


def test_no_private_name_imported_from_another_package():
    bad = []
    for name, src in MODS.items():
        for node in ast.walk(_parse(src)):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                for t in _targets(name, node, MODS):
                    if t.split(".")[:2] != name.split(".")[:2]:
                        bad += [f"{name}: {a.name} from {t}" for a in node.names
                                if a.name.startswith("_") and not a.name.startswith("__")]
    assert not bad, bad


# ---- each rule fails on a planted violation -----------------------------------------------------------

def _with(planted: dict[str, str]) -> dict[tuple[str, str], int]:
    return import_edges({**MODS, **planted})


@pytest.mark.parametrize("module, source", [
    ("pipeline.text.planted", "from ..views import show\n"),                      # a stage floor package -> views
    ("pipeline.entities.planted", "def f():\n    from pipeline.batch import run\n"),   # lazily, absolutely
    ("pipeline.core.planted", "from ..text import tokens\n"),                    # core -> another package
    ("pipeline.syntax.planted", "from ..relations import stage\n"),              # a later stage
    ("pipeline.triples.planted", "from ..runner import Pipeline\n"),             # the runner
    ("pipeline.views.planted", "from ..evaluation import benchie\n"),            # a sibling machinery package
])
def test_a_planted_upward_import_fails(module, source):
    bad = upward_imports(_with({module: source}))
    assert any(b.startswith(f"{module}:") for b in bad), bad


def test_a_planted_package_off_the_floors_fails():
    assert unplaced({**MODS, "pipeline.extras.thing": ""}) == ["extras"]


@pytest.mark.parametrize("planted", [
    {"pipeline.text.planted_a": "from .planted_b import X\n", "pipeline.text.planted_b": "from .planted_a import Y\n"},
    # through a real module, the import inside a function
    {"pipeline.amounts.planted": "from .grammar import find_amounts\n",
     "pipeline.amounts.grammar": MODS["pipeline.amounts.grammar"] + "\n\ndef _late():\n    from .planted import Z\n"},
])
def test_a_planted_cycle_fails(planted):
    found = cycles(_with(planted))
    assert any(set(planted) <= set(c) for c in found), found


def test_a_planted_string_loaded_stage_fails():
    planted = {"pipeline.runner": MODS["pipeline.runner"] + "\nimport importlib\n"}
    assert [b.split(":")[0] for b in dynamic_imports({**MODS, **planted})] == ["pipeline.runner"]
