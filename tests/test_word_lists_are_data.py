"""Hindi words live in data files (the closed-class lexicon pipeline/text/data/closed_class.tsv, each rule
set's data/*.tsv), never in Python code: no string literal in pipeline/ (docstrings and comments
aside) holds a Devanagari letter, except on the short ALLOWED list below, each with its reason.

What is not a word and passes: Devanagari digits, the danda and other punctuation, combining marks
alone (a nukta, anusvara or vowel-sign rule of normalization), regex ranges of the script (ऀ-ॣ), and
code points written as escapes ("\\u0900")."""
from __future__ import annotations

import ast
import io
import re
import tokenize
import unicodedata
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "pipeline"
# path (relative to pipeline/, a file or a folder ending in /) -> why its literals may hold Hindi
ALLOWED = {
    "views/": "the analyst views' display labels (bilingual chart titles, legends, section names), not word lists",
}
_RANGE = re.compile(r"(?<!\\)(.)-(.)", re.S)


def hindi_letters(literal: str) -> list[str]:
    """The Devanagari letters of a literal's source text, regex ranges left out."""
    return [c for c in _RANGE.sub("", literal)
            if ("\u0900" <= c <= "\u097f" or "\ua8e0" <= c <= "\ua8ff") and unicodedata.category(c) in ("Lo", "Lm")]


def hindi_literals(source: str) -> list[tuple[int, str]]:
    """(line, source text) of each string literal holding a Hindi letter; docstrings are not literals."""
    docs = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            docs.add((body[0].value.lineno, body[0].value.col_offset))
    return [(t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
            if t.type == tokenize.STRING and t.start not in docs and hindi_letters(t.string)]


def _allowed(rel: str) -> bool:
    return any(rel == k or (k.endswith("/") and rel.startswith(k)) for k in ALLOWED)


def _found() -> dict[str, list[tuple[int, str]]]:
    out = {}
    for path in sorted(PKG.rglob("*.py")):
        if "__pycache__" not in path.parts:
            hits = hindi_literals(path.read_text(encoding="utf-8"))
            if hits:
                out[path.relative_to(PKG).as_posix()] = hits
    return out


FOUND = _found()


def test_no_hindi_word_in_python_code():
    bad = [f"{rel}:{line}: {text[:60]}" for rel, hits in FOUND.items() if not _allowed(rel) for line, text in hits]
    assert not bad, "put these words in a data file (closed_class.tsv or the rule set's data/):\n" + "\n".join(bad)


def test_the_allow_list_is_short_and_every_entry_needed():
    assert all(reason.strip() for reason in ALLOWED.values())
    permanent = [k for k, reason in ALLOWED.items() if "issue" not in reason]
    assert len(permanent) <= 3, permanent
    stale = [k for k in ALLOWED if not any(rel == k or (k.endswith("/") and rel.startswith(k)) for rel in FOUND)]
    assert not stale, f"remove these ALLOWED entries, their literals are gone: {stale}"


def test_the_scan_tells_words_from_script_rules():
    planted = r'''"""Docstring: का, की, के."""
GENITIVE = ("का", "की", "के")          # a word list: found
NEG = {"नहीं"}
RANGE = "[\u0900-\u097f]"             # escapes: not found
LETTERS = "[ऀ-ॣॱ-ॿ]"                  # a range of the script: not found
DIGITS = "०१२३४५६७८९"                  # digits: not found
DANDA = "।॥"                           # punctuation: not found
NUKTA = "\u093c" + "़" + "ं"           # marks alone: not found
# का की के in a comment: not found
def f():
    """की in a docstring: not found."""
    return f"{GENITIVE}के"            # found
'''
    assert [line for line, _ in hindi_literals(planted)] == [2, 2, 2, 3, 12]
