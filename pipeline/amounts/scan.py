"""Candidate positions for the grammar: one fast pass of stdlib `re` over the words of the text.

A Devanagari word is a candidate when it is in the trigger set (number words, ordinals, scales,
fraction words, month names, the first words of relative calendar phrases: all from the tables, in both anusvara/chandrabindu spellings); a digit
run when it is not glued to letters and not part of a URL, e-mail, phone number, IP address, version
or exponent; currency signs always; Latin currency codes (Rs, USD, c$) when digits follow.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

import regex

from . import dates
from .numerals import DIGITS
from .word_tables import tables

WORD = "\u0900-\u0963\u0971-\u097f"
URL = re.compile(r"(?:https?://|www\.)\S+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_D = f"[{DIGITS}]"
LOCAL_SKIP = regex.compile(
    rf"\+{_D}{{1,4}}(?:[-/ ]{_D}{{1,5}})+(?![{DIGITS}])"                       # +91 98765 43210
    rf"|(?!{_D}{{1,3}}(?: {_D}{{3}})+(?![{DIGITS}]| {_D}))"                       # not 20 000 000 000 000
    rf"(?=(?:{_D}[- ]?){{10}}){_D}{{2,5}}(?:[- ]{_D}{{2,5}}){{1,4}}(?![{DIGITS}]|[- ]{_D})"  # 98765 43210
    rf"|{_D}{{1,3}}(?:\.{_D}{{1,3}}){{3}}"                                      # IP addresses
    rf"|{_D}+(?:\.{_D}+){{2,}}"                                                 # versions 1.2.3
    rf"|{_D}+(?:/{_D}+){{2,}}"                                                  # 5/17/2018, file numbers
    rf"|{_D}*\.?{_D}+[eE^][-+]*{_D}+")                                          # 1e10, 1.1^23
LATIN_NEXT = re.compile(r"\.?[ \t]*\$?[ \t]*[0-9\u0966-\u096f]")


def _spellings(word: str):
    """The word with each anusvara also written as chandrabindu (text is not folded)."""
    parts = word.split("\u0902")
    for marks in product("\u0902\u0901", repeat=len(parts) - 1):
        yield "".join(p + m for p, m in zip(parts, marks)) + parts[-1]


@lru_cache(maxsize=1)
def trigger_sets() -> tuple[frozenset, frozenset, frozenset]:
    T = tables()
    words, dotted = set(), set()
    from .relative import trigger_words
    for k in list(T.words) + list(T.months) + sorted(trigger_words()):
        for s in _spellings(k):
            (dotted if s[-1] in ".\u0970" else words).add(s.rstrip(".\u0970"))
    latin = {"FY", "fy"}      # fiscal years: FY26 (dates.fiscal_abbrev)
    for k, (_, pos, _) in T.currencies.items():
        if pos in ("pre", "any"):
            head = regex.match(r"[\p{L}\p{M}]+", k)
            if head and head.group().isascii():
                latin.add(head.group())
            elif head and k[len(head.group()):len(head.group()) + 1] in ".\u0970":
                dotted.add(head.group())
    return frozenset(words), frozenset(dotted), frozenset(latin)


def _skip_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    if "://" in text or "www." in text:
        spans += [(m.start(), m.end()) for m in URL.finditer(text)]
    if "@" in text:
        spans += [(m.start(), m.end()) for m in EMAIL.finditer(text)]
    return sorted(spans)


def trie_pattern(words) -> str:
    """One alternation of many words as a trie (stdlib re then branches per character)."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return "(?:" + emit(root) + ")"


@lru_cache(maxsize=1)
def candidates_regex() -> re.Pattern:
    words, dotted, latin = trigger_sets()
    return re.compile(
        rf"(?<![{WORD}])(?:(?P<w>{trie_pattern(words)})(?![{WORD}])|(?P<a>{trie_pattern(dotted)})(?=[.\u0970]))"
        rf"|(?P<d>[0-9\u0966-\u096f]+)"
        rf"|(?<![A-Za-z])(?P<l>{trie_pattern(latin)})(?![A-Za-z])"
        rf"|(?P<s>[^\s{WORD}0-9\u0966-\u096fA-Za-z\w.,;:!?()\[\]'\"/\-–—।])")


def positions(text: str, results: list):
    """Yield candidate starts; the caller appends its match to `results` and the scan jumps past it."""
    spans = _skip_spans(text)
    k, skip_until = 0, 0
    for m in candidates_regex().finditer(text):
        s = m.start()
        if s < skip_until:
            continue
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s:
            skip_until = spans[k][1]
            continue
        prev = text[s - 1] if s else " "
        kind = m.lastgroup
        if kind in ("w", "a"):
            if prev.isascii() and prev.isalnum():
                continue
            p = s
        elif kind == "d":
            if prev.isalpha() or "\u0900" <= prev <= "\u0963" or (prev == "-" and s > 1 and text[s - 2].isalpha()):
                continue
            start = s - 1 if prev == "+" else s
            sk = LOCAL_SKIP.match(text, start)
            if sk is not None:
                d = dates.numeric_date(text, s)
                if d is None or d.end != sk.end():
                    skip_until = sk.end()
                    continue
            p = s - 1 if prev == "." and not (s > 1 and text[s - 2].isdigit()) else s
        elif kind == "l":
            if not LATIN_NEXT.match(text, m.end()) and not dates.FY_ABBREV.match(text, s):
                continue
            p = s
        else:
            p = s
        n = len(results)
        yield p
        if len(results) > n:
            r = results[-1]
            skip_until = max(getattr(r, "full_end", r.end), r.end, s + 1)
