"""The analysis of one sentence: the open-IE chunker's tags, verb groups and clauses (noun chunks
with their case marker), plus clause spans with kinds and verb features, converbs and attribution.
Token indices are those of the sentence's tokens in document order, so entities and amounts
(mapped to the same indices) align with every chunk and clause."""
from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import Attribution, find_attributions
from .chunks import chunks_and_clauses
from .clauses import Clause
from .features import VerbFeatures, features_of
from .lexicon import load
from .chunker_switches import DEFAULT, ChunkerSwitches
from .tagging import tag_tokens
from .verbs import VerbGroup, find_verb_groups

_ERGATIVE = load().ergative

Span = tuple[int, int]


def analyse(tokens: list[str], sw: ChunkerSwitches = DEFAULT) -> tuple[list[str], list[VerbGroup], list[Clause]]:
    """Steps 1-3 (the analysis the syntax stage stores): tags, verb groups, clauses with their chunks."""
    lex = load()
    tags = tag_tokens(tokens, lex)
    groups = find_verb_groups(tokens, tags, lex, sw.prefix_blockers)
    return tags, groups, chunks_and_clauses(tokens, tags, groups, sw)


@dataclass
class ClauseSpan:
    start: int                   # first token
    end: int                     # after the last token
    kind: str                    # main | complement (कि) | relative (जो, जिस) | conjunct (और after a verb)
    verb: Span | None
    features: VerbFeatures
    agent: Span | None = None    # the ने chunk (without ने)
    subject: Span | None = None  # the first unmarked noun chunk


@dataclass
class SentenceSyntax:
    sentence_id: str
    tokens: list[str]            # token texts as written
    keys: list[str]              # their normalized match keys
    tags: list[str]
    groups: list[VerbGroup]
    clauses: list[Clause]        # the chunker's clauses (what `triples` serializes)
    spans: list[ClauseSpan] = field(default_factory=list)
    clause_of: list[int] = field(default_factory=list)    # token -> index into spans (-1: none)
    converbs: list[int] = field(default_factory=list)     # tokens of conjunctive participles (बढ़कर, घटकर)
    attributions: list[Attribution] = field(default_factory=list)

    def clause_at(self, i: int) -> ClauseSpan | None:
        k = self.clause_of[i] if 0 <= i < len(self.clause_of) else -1
        return self.spans[k] if k >= 0 else None


def analyse_sentence(sentence_id: str, tokens: list[str], keys: list[str], ents: dict[int, tuple[int, object]],
                     sw: ChunkerSwitches = DEFAULT) -> SentenceSyntax:
    """ents: first token -> (end token, entity), for the speakers of attributions."""
    tags, groups, clauses = analyse(tokens, sw) if tokens else ([], [], [])
    syn = SentenceSyntax(sentence_id, tokens, keys, tags, groups, clauses)
    syn.spans = [_span(cl, keys, tags) for cl in clauses]
    _kinds(syn)
    syn.clause_of = _clause_of(syn.spans, len(tokens))
    syn.converbs = [i for i, t in enumerate(tags) if t == "CNJ"]
    syn.attributions = find_attributions(keys, tags, ents)
    return syn


def _span(cl: Clause, keys: list[str], tags: list[str]) -> ClauseSpan:
    vg = [cl.vg] if cl.vg else []
    start, end = min([c.start for c in cl.chunks + vg]), max([c.end for c in cl.chunks + vg])
    verb = (cl.vg.start, cl.vg.end) if cl.vg else None
    feats = features_of(keys[verb[0]:verb[1]] if verb else [], keys[start:end])
    agent = next(((c.start, c.end - 1) for c in cl.chunks if c.marker == _ERGATIVE and c.end - c.start > 1), None)
    subject = next((c.span for c in cl.chunks if not c.marker and c.kind == "np"), None)
    kind = "relative" if cl.antecedent is not None or (cl.chunks and cl.chunks[0].kind in ("rel", "reladv")) \
        else "main"
    return ClauseSpan(start, end, kind, verb, feats, agent, subject)


def _kinds(syn: SentenceSyntax) -> None:
    """कि-complements (inside a clause's complement span) and conjuncts (after और / तथा / एवं)."""
    comps = [cl.complement for cl in syn.clauses if cl.complement]
    for sp in syn.spans:
        if sp.kind == "main" and any(a <= sp.start and sp.end <= b for a, b in comps):
            sp.kind = "complement"
        elif sp.kind == "main" and sp.start > 0 and syn.tags[sp.start - 1] == "CC":
            sp.kind = "conjunct"
        elif sp.kind == "main" and sp.start > 0 and syn.tags[sp.start] == "CC":
            sp.kind = "conjunct"


def _clause_of(spans: list[ClauseSpan], n: int) -> list[int]:
    """Each token's innermost clause; a token outside every clause joins the clause before it."""
    out = [-1] * n
    order = sorted(range(len(spans)), key=lambda k: -(spans[k].end - spans[k].start))
    for k in order:                       # widest first, so inner clauses overwrite
        for i in range(spans[k].start, min(spans[k].end, n)):
            out[i] = k
    last = -1
    for i in range(n):
        if out[i] < 0:
            out[i] = last
        last = out[i]
    return out
