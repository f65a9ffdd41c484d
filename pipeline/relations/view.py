"""One sentence seen by the relation rules: token keys, the syntax stage's analysis, entities and
amounts by token index, and the relation it builds from a rule's finding."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..core.doc import Amount, Document, Entity, Relation, Sentence, Token, span_finder
from ..entities.gazetteers import load as load_entity_lexicon
from ..text import closed_class
from .lexicon import phrases

GENITIVE = closed_class.words("genitive")


def _offices_after_genitive():
    return phrases("offices_after_genitive.tsv")


@dataclass
class View:
    doc: Document
    sent: Sentence
    tokens: list[Token]
    keys: list[str]
    ents: dict[int, tuple[int, Entity]] = field(default_factory=dict)    # first token -> (end token, entity)
    amts: dict[int, tuple[int, Amount]] = field(default_factory=dict)
    syn: Any = None          # the sentence's syntax.analysis.SentenceSyntax (same token indices)
    paragraph: int = 0       # index of the paragraph (blank-line separated block) holding the sentence
    _by_end: dict | None = field(default=None, repr=False)
    _found: dict = field(default_factory=dict, repr=False)
    _titles: list | None = field(default=None, repr=False)
    _by_label: dict = field(default_factory=dict, repr=False)
    _keyset: frozenset | None = field(default=None, repr=False)
    _by_kinds: dict = field(default_factory=dict, repr=False)

    def find(self, phrases) -> list[tuple[int, int, str]]:
        """phrases.find over this sentence, computed once per word list; none for a list none of whose
        first words the sentence holds (a test of two sets: most lists, for most sentences)."""
        got = self._found.get(id(phrases))
        if got is None:
            if self._keyset is None:
                self._keyset = frozenset(self.keys)
            got = self._found[id(phrases)] = [] if phrases.firsts.isdisjoint(self._keyset) else phrases.find(self.keys)
        return got

    def past_bracket(self, j: int, width: int) -> int:
        """The token after a bracket opening at token j and closing within `width` tokens, else j
        ('N (लगभग M) भेजे', 'निवेशकों (एफपीआई) ने')."""
        if self.keys[j:j + 1] == ["("] and ")" in self.keys[j:j + width]:
            return self.keys.index(")", j) + 1
        return j

    def before_bracket(self, k: int, width: int = 5) -> int:
        """The '(' of a bracket closing right before token k and opening within `width` tokens, else k
        ('सकल घरेलू उत्पाद (जीडीपी) की': the name before its short form)."""
        if self.keys[k - 1:k] == [")"] and "(" in self.keys[max(0, k - width):k]:
            return max(n for n in range(max(0, k - width), k) if self.keys[n] == "(")
        return k

    def ent_ending(self, j: int) -> tuple[int, Entity] | None:
        """(first token, entity) of an entity ending at token j (exclusive)."""
        if self._by_end is None:
            self._by_end = {e: (i, ent) for i, (e, ent) in self.ents.items()}
        return self._by_end.get(j)

    def entities(self, label: str | None = None) -> list[tuple[int, int, Entity]]:
        got = self._by_label.get(label)        # asked some 15 times per sentence: kept per label
        if got is None:
            got = self._by_label[label] = [(i, e, ent) for i, (e, ent) in sorted(self.ents.items())
                                           if label is None or ent.label == label]
        return got

    def amounts(self, *kinds: str) -> list[tuple[int, int, Amount]]:
        got = self._by_kinds.get(kinds)
        if got is None:
            got = self._by_kinds[kinds] = [(i, e, a) for i, (e, a) in sorted(self.amts.items())
                                           if not kinds or a.kind in kinds]
        return got

    def amounts_end(self) -> set[int]:
        """The last token of every amount ('50 करोड़ रुपये का': the token before the genitive)."""
        if "amount_ends" not in self._found:
            self._found["amount_ends"] = {e - 1 for e, _ in self.amts.values()}
        return self._found["amount_ends"]

    def titles(self) -> list[tuple[int, int]]:
        """Token spans of the titles of office written in the sentence (entities/data/titles.tsv), and of
        the offices named only after a genitive or a body's name (data/offices_after_genitive.tsv: टेस्ला के
        प्रमुख, सेबी प्रमुख)."""
        if self._titles is None:
            lex, out, i = load_entity_lexicon(), [], 0
            firsts, after = lex.titles.first, _offices_after_genitive()
            while i < len(self.keys):
                e = lex.titles.longest(self.keys, i) if self.keys[i] in firsts else None
                n = after.at(self.keys, i) if i and self.keys[i] in after.firsts and \
                    (self.keys[i - 1] in GENITIVE or self.org_ending(i)) else None
                if e and e.subtype != "honorific":
                    out.append((i, i + len(e.keys)))
                    i += len(e.keys)
                elif n:
                    out.append((i, i + n[0]))
                    i += n[0]
                else:
                    i += 1
            self._titles = out
        return self._titles

    def org_ending(self, i: int) -> bool:
        """Does an organisation's name end right before token i ('सेबी प्रमुख': the office of that body)?"""
        hit = self.ent_ending(i)
        return bool(hit and hit[1].label == "ORG")

    def tag(self, i: int) -> str:
        return self.syn.tags[i] if self.syn is not None and 0 <= i < len(self.syn.tags) else ""

    def clause(self, i: int) -> int:
        """The index of the clause holding token i (-1: no analysis)."""
        if self.syn is None or not 0 <= i < len(self.syn.clause_of):
            return -1
        return self.syn.clause_of[i]

    def token_at(self, offset: int) -> int:
        """The token holding (or last before) an offset of the original text."""
        starts = [t.start for t in self.tokens]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def text(self, i: int, j: int) -> str:
        return self.doc.text[self.tokens[i].start:self.tokens[j - 1].end]

    def relation(self, subject: str, predicate: str, obj: str, rule: str, span: tuple[int, int] | None = None,
                 **kw) -> Relation:
        start, end = ((self.tokens[span[0]].start, self.tokens[span[1] - 1].end) if span
                      else (self.sent.start, self.sent.end))
        return Relation(id="", sentence_id=self.sent.id, subject=subject, predicate=predicate, object=obj,
                        start=start, end=end, text=self.doc.text[start:end], rule=rule, **kw)


def _paragraphs(doc: Document) -> list[int]:
    """Each sentence's paragraph: a new one after a blank line in the text between two sentences."""
    out, n = [], 0
    for k, s in enumerate(doc.sentences):
        if k and "\n\n" in doc.text[doc.sentences[k - 1].end:s.start].replace("\r", "").replace(" ", ""):
            n += 1
        out.append(n)
    return out


def build_views(doc: Document) -> list[View]:
    by_sent = doc.sentence_tokens()
    views, index = {}, {}
    for s, para in zip(doc.sentences, _paragraphs(doc)):
        toks = by_sent.get(s.id, [])
        syn = doc.syntax.get(s.id)
        keys = list(syn.keys) if syn is not None else [doc.norm.slice(t.start, t.end) for t in toks]
        views[s.id] = View(doc, s, toks, keys, syn=syn, paragraph=para)

    def finder(sid: str):
        if sid not in index:                 # for the sentences holding a span
            index[sid] = span_finder(views[sid].tokens)
        return index[sid]

    for ent in doc.entities:
        if ent.label == "MISC":     # schemes, events, agreements: neither a person nor a place to relate,
            continue                # and they hold names the rules do relate (G20 in G20 शिखर सम्मेलन)
        v = views.get(ent.sentence_id)
        span = v and finder(ent.sentence_id)(ent.start, ent.end)
        if span:
            v.ents[span[0]] = (span[1], ent)
    for a in doc.amounts:
        v = views.get(a.sentence_id)
        span = v and finder(a.sentence_id)(a.start, a.end)
        if span:
            v.amts[span[0]] = (span[1], a)
    return [views[s.id] for s in doc.sentences]
