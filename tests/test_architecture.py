"""The layout rules of issue 12, checked on the code itself: `ls pipeline/` shows the architecture
(a dozen packages, no module-name prefix families), no module reaches into another package's private
names, and no function takes more than 8 parameters (options travel as one dataclass)."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "pipeline"
MAX_PARAMS = 8


def _modules():
    return sorted(p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts)


def _package_of(path: Path) -> tuple[str, ...]:
    return path.relative_to(PKG).parent.parts


def _resolve(path: Path, node: ast.ImportFrom) -> tuple[str, ...]:
    """The package (under pipeline/) a `from X import ...` reads from."""
    if node.level == 0:
        parts = tuple((node.module or "").split("."))
        return parts[1:] if parts[0] == "pipeline" else ("<outside>",)
    here = list(_package_of(path))
    base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
    mod = tuple(node.module.split(".")) if node.module else ()
    target = tuple(base) + mod
    # a module name's package is all but its last part, unless it names a package
    return target[:-1] if (PKG.joinpath(*target).with_suffix(".py")).is_file() else target


def test_top_level_shows_the_architecture():
    entries = sorted(p.name for p in PKG.iterdir()
                     if p.name not in ("__init__.py", "__pycache__") and not p.name.endswith("data"))
    assert len(entries) <= 12, entries
    stems = [e.removesuffix(".py") for e in entries]
    prefixes = {s.split("_")[0] for s in stems if "_" in s}
    families = {p: [s for s in stems if s.split("_")[0] == p] for p in prefixes}
    assert all(len(v) < 2 for v in families.values()), families


def test_no_private_name_imported_from_another_package():
    bad = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                target = _resolve(path, node)
                if target[:1] == ("<outside>",) or target == _package_of(path):
                    continue
                bad += [f"{path.relative_to(PKG)}: {a.name} from {'.'.join(target)}"
                        for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert not bad, bad


def test_no_function_takes_more_than_eight_parameters():
    bad = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                a = node.args
                names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs if x.arg not in ("self", "cls")]
                if len(names) > MAX_PARAMS:
                    bad.append(f"{path.relative_to(PKG)}:{node.lineno} {node.name} ({len(names)})")
    assert not bad, bad
