"""The one longest-match scan over token keys (Trie.matches), read by the entity patterns and relations."""
from __future__ import annotations

from pipeline.entities.gazetteers import Entry, Trie

TRIE = Trie([Entry(("नई", "दिल्ली"), "LOC", "city", ""), Entry(("दिल्ली",), "LOC", "city", ""),
             Entry(("नई",), "X", "adjective", ""), Entry(("विदेश", "मंत्री"), "TITLE", "minister", "")])
KEYS = "वे नई दिल्ली से विदेश मंत्री के साथ दिल्ली लौटे".split()


def test_longest_match_first_then_on_after_it():
    got = [(i, j, e.keys) for i, j, e in TRIE.matches(KEYS)]
    assert got == [(1, 3, ("नई", "दिल्ली")), (4, 6, ("विदेश", "मंत्री")), (8, 9, ("दिल्ली",))]


def test_a_refused_entry_moves_on_by_one_token():
    # refusing "नई दिल्ली" at 1 lets "दिल्ली" at 2 match; the refused longest match hides the shorter "नई"
    got = [(i, j) for i, j, _ in TRIE.matches(KEYS, accept=lambda e: e.keys != ("नई", "दिल्ली"))]
    assert got == [(2, 3), (4, 6), (8, 9)]


def test_the_scan_starts_where_asked():
    assert [i for i, _, _ in TRIE.matches(KEYS, start=3)] == [4, 8]
    assert TRIE.matches([]) == []
