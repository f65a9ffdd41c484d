"""Functions of pipeline/ stay small: at most 6 parameters (options travel as one dataclass), and at
most 3 functions longer than 50 lines, each on LONG_FUNCTIONS with the reason it is one piece.

PENDING lists functions that another issue's branch splits or reshapes (its owner named); the lead
removes those entries when the branches are merged, and a stale entry fails here."""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "pipeline"
MAX_PARAMS = 6
MAX_LINES = 50
MAX_LONG = 3

# "path::qualified name" -> why it is longer than 50 lines
LONG_FUNCTIONS: dict[str, str] = {}

# "path::qualified name" -> the issue whose branch fixes it (remove at merge)
PENDING: dict[str, str] = {}


def functions_in(rel: str, source: str):
    """(key, parameter count, line count) of every function and method of one module."""
    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                a = child.args
                params = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs if x.arg not in ("self", "cls")]
                yield f"{rel}::{prefix}{child.name}", len(params), child.end_lineno - child.lineno + 1
                yield from walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)
    return list(walk(ast.parse(source), ""))


def _functions():
    for path in sorted(PKG.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield from functions_in(path.relative_to(PKG).as_posix(), path.read_text(encoding="utf-8"))


def too_wide(functions, allowed) -> list[str]:
    return [f"{k} ({n})" for k, n, _ in functions if n > MAX_PARAMS and k not in allowed]


def too_long(functions, allowed) -> list[str]:
    return [f"{k} ({lines} lines)" for k, _, lines in functions if lines > MAX_LINES and k not in allowed]


FUNCTIONS = list(_functions())


def test_no_function_takes_more_than_six_parameters():
    assert not too_wide(FUNCTIONS, PENDING), too_wide(FUNCTIONS, PENDING)


def test_long_functions_are_few_and_allowed():
    assert len(LONG_FUNCTIONS) <= MAX_LONG
    assert all(reason.strip() for reason in LONG_FUNCTIONS.values())
    bad = too_long(FUNCTIONS, {**LONG_FUNCTIONS, **PENDING})
    assert not bad, f"split these, or (at most {MAX_LONG}) list them in LONG_FUNCTIONS with a reason: {bad}"


def test_allow_list_entries_are_still_needed():
    over = {k for k, n, lines in FUNCTIONS if n > MAX_PARAMS or lines > MAX_LINES}
    stale = sorted((set(LONG_FUNCTIONS) | set(PENDING)) - over)
    assert not stale, f"remove these entries, the function is small now (or gone): {stale}"


def test_the_rules_fail_on_a_planted_function():
    planted = functions_in("planted.py", "class A:\n    def wide(self, a, b, c, d, e, f, g):\n        pass\n\n"
                                         "def long():\n" + "    x = 1\n" * 50)
    assert too_wide(FUNCTIONS + planted, PENDING) == ["planted.py::A.wide (7)"]
    assert too_long(FUNCTIONS + planted, {**LONG_FUNCTIONS, **PENDING}) == ["planted.py::long (51 lines)"]
