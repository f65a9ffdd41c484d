"""One sentence seen by the relation rules: token keys, entities and amounts by token index,
and the word lists of data/*.tsv as phrase matchers."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.doc import Amount, Document, Entity, Relation, Sentence, Token, token_span
from ..entities.gazetteers import Entry, Trie, key_tokens
from ..entities.gazetteers import load as load_entity_lexicon
from ..text.normalize import match_key
from ..text.wordlists import read_tsv

DATA_DIR = Path(__file__).resolve().parent / "data"
CONJ = {"और", "एवं", "तथा", "व", ","}


class Phrases:
    """Longest-match lookup of the first column of a TSV, value = second column (or 'yes')."""

    def __init__(self, name: str):
        rows = read_tsv(DATA_DIR / name)
        cols = list(rows[0]) if rows else ["word"]
        entries = [Entry(key_tokens(r[cols[0]]), r[cols[1]] if len(cols) > 1 else "yes", "", "") for r in rows]
        self.trie = Trie(entries)
        self.firsts = frozenset(e.keys[0] for e in entries if e.keys)

    def at(self, keys: list[str], i: int) -> tuple[int, str] | None:
        """(length, value) of the longest phrase starting at token i (None past the end)."""
        if not 0 <= i < len(keys):
            return None
        e = self.trie.longest(keys, i)
        return (len(e.keys), e.label) if e else None

    def find(self, keys: list[str]) -> list[tuple[int, int, str]]:
        out, i, firsts = [], 0, self.firsts
        while i < len(keys):
            hit = self.at(keys, i) if keys[i] in firsts else None
            if hit:
                out.append((i, i + hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        return out


@dataclass
class Lists:
    metrics: Phrases
    metric_aspect: dict[str, str]      # metric keyword (as matched) -> aspect it states
    flows: frozenset[str]              # metrics that are transfers to a counterpart
    aspects: Phrases
    modality: Phrases
    periods: Phrases
    owner_anaphors: dict[str, str]
    counterparts: list[tuple[tuple[str, ...], frozenset[str]]]
    count_units: Phrases
    meeting: Phrases
    visit: Phrases
    fillers: frozenset[str]
    status: Phrases
    units: Phrases
    demonyms: dict[str, str]
    topics: Phrases
    agreements: Phrases
    levels: frozenset[str]


@lru_cache(maxsize=1)
def lists() -> Lists:
    metric_rows = read_tsv(DATA_DIR / "metrics.tsv")
    return Lists(
        metrics=Phrases("metrics.tsv"),
        metric_aspect={" ".join(key_tokens(r["keyword"])): r["aspect"] for r in metric_rows if r["aspect"]},
        flows=frozenset(r["metric"] for r in metric_rows if r["flow"] == "yes"),
        aspects=Phrases("aspect_words.tsv"), modality=Phrases("modality_words.tsv"),
        periods=Phrases("period_words.tsv"),
        owner_anaphors={match_key(r["word"]): r["refers_to"] for r in read_tsv(DATA_DIR / "owner_anaphors.tsv")},
        counterparts=[(tuple(key_tokens(r["marker"])), frozenset(r["metrics"].split()))
                      for r in read_tsv(DATA_DIR / "counterpart_markers.tsv")],
        count_units=Phrases("count_units.tsv"), meeting=Phrases("meeting_words.tsv"),
        visit=Phrases("visit_words.tsv"),
        fillers=frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "fillers.tsv")),
        status=Phrases("status_words.tsv"), units=Phrases("unit_words.tsv"),
        demonyms={match_key(r["adjective"]): r["country"] for r in read_tsv(DATA_DIR / "demonyms.tsv")},
        topics=Phrases("topic_words.tsv"), agreements=Phrases("agreement_words.tsv"),
        levels=frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "level_words.tsv")))


@dataclass
class View:
    doc: Document
    sent: Sentence
    tokens: list[Token]
    keys: list[str]
    ents: dict[int, tuple[int, Entity]] = field(default_factory=dict)    # first token -> (end token, entity)
    amts: dict[int, tuple[int, Amount]] = field(default_factory=dict)
    syn: Any = None          # the sentence's syntax.analysis.SentenceSyntax (same token indices)
    _by_end: dict | None = field(default=None, repr=False)
    _found: dict = field(default_factory=dict, repr=False)
    _titles: list | None = field(default=None, repr=False)

    def find(self, phrases: "Phrases") -> list[tuple[int, int, str]]:
        """phrases.find over this sentence, computed once per word list."""
        key = id(phrases)
        if key not in self._found:
            self._found[key] = phrases.find(self.keys)
        return self._found[key]

    def ent_ending(self, j: int) -> tuple[int, Entity] | None:
        """(first token, entity) of an entity ending at token j (exclusive)."""
        if self._by_end is None:
            self._by_end = {e: (i, ent) for i, (e, ent) in self.ents.items()}
        return self._by_end.get(j)

    def entities(self, label: str | None = None) -> list[tuple[int, int, Entity]]:
        key = ("e", label)
        if key not in self._found:
            self._found[key] = [(i, e, ent) for i, (e, ent) in sorted(self.ents.items())
                                if label is None or ent.label == label]
        return self._found[key]

    def amounts(self, *kinds: str) -> list[tuple[int, int, Amount]]:
        key = ("a",) + kinds
        if key not in self._found:
            self._found[key] = [(i, e, a) for i, (e, a) in sorted(self.amts.items()) if not kinds or a.kind in kinds]
        return self._found[key]

    def titles(self) -> list[tuple[int, int]]:
        if self._titles is None:
            self._titles = self._find_titles()
        return self._titles

    def _find_titles(self) -> list[tuple[int, int]]:
        lex, out, i = load_entity_lexicon(), [], 0
        while i < len(self.keys):
            e = lex.titles.longest(self.keys, i)
            if e and e.subtype != "honorific":
                out.append((i, i + len(e.keys)))
                i += len(e.keys)
            else:
                i += 1
        return out

    def text(self, i: int, j: int) -> str:
        return self.doc.text[self.tokens[i].start:self.tokens[j - 1].end]

    def relation(self, subject: str, predicate: str, obj: str, rule: str, span: tuple[int, int] | None = None,
                 **kw) -> Relation:
        start, end = ((self.tokens[span[0]].start, self.tokens[span[1] - 1].end) if span
                      else (self.sent.start, self.sent.end))
        return Relation(id="", sentence_id=self.sent.id, subject=subject, predicate=predicate, object=obj,
                        start=start, end=end, text=self.doc.text[start:end], rule=rule, **kw)


def build_views(doc: Document) -> list[View]:
    by_sent = doc.sentence_tokens()
    views = {}
    for s in doc.sentences:
        toks = by_sent.get(s.id, [])
        syn = doc.syntax.get(s.id)
        keys = list(syn.keys) if syn is not None else [doc.norm.slice(t.start, t.end) for t in toks]
        views[s.id] = View(doc, s, toks, keys, syn=syn)
    for ent in doc.entities:
        if ent.label == "MISC":     # schemes, events, agreements: neither a person nor a place to relate,
            continue                # and they hold names the rules do relate (G20 in G20 शिखर सम्मेलन)
        v = views.get(ent.sentence_id)
        span = v and token_span(v.tokens, ent.start, ent.end)
        if span:
            v.ents[span[0]] = (span[1], ent)
    for a in doc.amounts:
        v = views.get(a.sentence_id)
        span = v and token_span(v.tokens, a.start, a.end)
        if span:
            v.amts[span[0]] = (span[1], a)
    return [views[s.id] for s in doc.sentences]
