"""The one data model: a Document owns the original text; every span indexes it.

`start`/`end` of every span are offsets into `Document.text` (the ORIGINAL decoded text),
so `doc.text[span.start:span.end] == span.text` always holds. Rule stages match on
`Document.norm` (the normalized text) and map matches back with `Document.to_original`.
"""
from __future__ import annotations

import bisect
from operator import attrgetter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class Span:
    id: str
    start: int
    end: int
    text: str


@dataclass
class Sentence(Span):
    index: int = 0


@dataclass
class Token(Span):
    sentence_id: str = ""
    index: int = 0          # position in the sentence
    kind: str = "word"      # word | number | punct | url | email | symbol


@dataclass
class Entity(Span):
    sentence_id: str = ""
    label: str = ""         # PER | LOC | ORG | MISC (scheme, event, agreement)
    subtype: str = ""       # country, city, state, grouping, ministry, facility, title...
    source: str = ""        # gazetteer | pattern | model | fused
    score: float = 1.0
    canonical: str = ""     # canonical name (e.g. the gazetteer's main spelling)
    role: str = ""          # for PER introduced by a title: the title as written (विदेश सचिव)
    role_start: int = -1    # the title's offsets in the original text
    role_end: int = -1
    index_id: str = ""      # the entity across the run (entities/index.py): one person, one id


@dataclass
class Amount(Span):
    sentence_id: str = ""
    kind: str = ""          # number, money, percent, ordinal, year, fiscal_year, date, date_range, quarter, multiplier...
    value: int | Decimal | str | None = None   # exact number; ISO date string for dates
    value_min: int | Decimal | str | None = None
    value_max: int | Decimal | str | None = None
    currency: str = ""      # ISO 4217
    unit: str = ""
    scale: str = ""         # scale word as written (बिलियन, करोड़ ...)
    qualifier: str = ""     # approx | more_than | less_than | up_to | ...
    normalized_value: int | Decimal | None = None   # plain count of the unit (money: currency units)
    resolved: str = ""      # calendar kinds: the ISO 8601 value placed on the calendar (XXXX kept if unplaced)
    anchor: str = ""        # how: written | <reference source>: <rule> | none: <reason>


@dataclass
class Relation:
    id: str
    sentence_id: str
    subject: str
    predicate: str
    object: str
    start: int               # evidence span (inside the sentence)
    end: int
    text: str
    subject_id: str = ""     # entity / amount span ids, when the argument is one
    object_id: str = ""
    counterpart: str = ""    # the other party: trade partner, recipient of aid/a loan, agreement's name
    counterpart_id: str = ""  # its entity span id, when the counterpart is one
    period: str = ""
    period_value: str = ""   # the period resolved on the calendar (amounts/periods.py), "" when none
    aspect: str = ""         # metrics: level | growth | decline | share; "" for people/events
    modality: str = "actual"     # actual | target | projection | planned
    polarity: str = "positive"   # positive | negative (denied, cancelled)
    attributed_to: str = ""  # whose statement the fact is (X ने कहा, X के अनुसार), as written
    qualifier: str = ""
    rule: str = ""
    score: float = 1.0


@dataclass
class Triple:
    id: str
    sentence_id: str
    head: str
    relation: str
    tail: str
    start: int               # the sentence span the triple came from
    end: int
    text: str
    rule: str = ""


_CACHES = ("_by_sentence", "_keys", "_sentence_starts")


@dataclass
class Document:
    doc_id: str
    path: str
    text: str                           # original decoded text (BOM stripped)
    encoding: str = "utf-8"
    norm: Any = None                    # normalize.Normalized: text for matching + map back
    metadata: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    syntax: dict[str, Any] = field(default_factory=dict)   # sentence id -> syntax.analysis.SentenceSyntax
    relations: list[Relation] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a [nstart, nend) span of the normalized text to the original text."""
        return self.norm.to_original(nstart, nend)

    def __getstate__(self) -> dict[str, Any]:
        # the lookup caches below are rebuilt on use: a pickled or copied document does not carry them
        return {k: v for k, v in self.__dict__.items() if k not in _CACHES}

    def sentence_tokens(self) -> dict[str, list[Token]]:
        """Each sentence's tokens in reading order: the order every token index of the later stages
        (entities, syntax, relations) counts in. Built once for the token list it was built from;
        callers read it, never change it."""
        cached = self.__dict__.get("_by_sentence")
        if cached is not None and cached[0] is self.tokens and cached[1] == len(self.tokens):
            return cached[2]
        by_sentence: dict[str, list[Token]] = {}
        for tok in self.tokens:
            by_sentence.setdefault(tok.sentence_id, []).append(tok)
        order = attrgetter("index", "start")
        out = {sid: sorted(toks, key=order) for sid, toks in by_sentence.items()}
        self._by_sentence = (self.tokens, len(self.tokens), out)
        return out

    def sentence_keys(self) -> dict[str, list[str]]:
        """Each sentence's tokens as normalized text (`norm.slice` of each), in the order of
        sentence_tokens: the keys every rule stage matches words by. Built once, like sentence_tokens."""
        by_sentence = self.sentence_tokens()
        cached = self.__dict__.get("_keys")
        if cached is not None and cached[0] is by_sentence and cached[1] is self.norm:
            return cached[2]
        pieces = self.norm.slices
        out = {sid: pieces(toks) for sid, toks in by_sentence.items()}
        self._keys = (by_sentence, self.norm, out)
        return out

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing original offset `offset` (sentences are in text order)."""
        cache = getattr(self, "_sentence_starts", None)
        if cache is None or len(cache) != len(self.sentences):
            cache = self._sentence_starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(cache, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


def span_finder(tokens: list[Token]):
    """For one sentence's tokens, a function (start, end) -> [first, last + 1) of the tokens inside
    the original span [start, end), None if none is. By bisection: the tokens' starts and ends
    ascend, so those inside are the run from the first starting at or after `start` to the last
    ending at or before `end`."""
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]

    def find(start: int, end: int) -> tuple[int, int] | None:
        a, b = bisect.bisect_left(starts, start), bisect.bisect_right(ends, end)
        return (a, b) if a < b else None
    return find
