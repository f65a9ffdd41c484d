"""What step 3 of the extractor builds, and the bookkeeping of building it: noun chunks (`Chunk`)
grouped into clauses (`Clause`), and `ClauseBuilder`, the state of the one left-to-right pass (the open
chunk, the clause being filled, the clauses a relative pronoun interrupted) with the moves that change
it. Where a chunk or a clause ends is decided by the rules in chunks.py, which builds on this class."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import load
from .chunker_switches import DEFAULT, ChunkerSwitches
from .verbs import VerbGroup

Span = tuple[int, int]

_NEG = load().negation


@dataclass
class Chunk:
    start: int
    end: int
    marker: str = ""        # last case marker / postposition text ("" = unmarked)
    kind: str = "np"        # np | rel | nonfinite
    participle: Span | None = None   # a participle modifying this chunk (भेजे गए …)

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass
class Clause:
    chunks: list[Chunk] = field(default_factory=list)
    vg: VerbGroup | None = None
    complement: Span | None = None    # a following कि clause (object of कहा, बताया ...)
    antecedent: Span | None = None    # for a relative clause: the noun phrase its pronoun refers to


class ClauseBuilder:
    """The state of the pass over one sentence: `chunk` (the token indices of the open chunk), `clause`
    (the clause being filled), `interrupted` (the clauses a relative pronoun opened a clause inside),
    `clauses` (those closed by their finite verb group), `i` (the next token to read)."""

    def __init__(self, tokens: list[str], tags: list[str], groups: list[VerbGroup], sw: ChunkerSwitches = DEFAULT):
        self.tokens, self.tags, self.n, self.sw = tokens, tags, len(tokens), sw
        self.finite_starts = {g.start: g for g in groups if g.finite}
        self.participle_starts = {g.start: g for g in groups if not g.finite}
        self.lex = load()
        self.pending_participle: list[Span] = []
        self.clauses: list[Clause] = []
        self.interrupted: list[Clause] = []
        self.clause = Clause()
        self.chunk: list[int] = []
        self.i = 0
        self.prev_was_vg = False

    def close(self, marker: str = "", kind: str = "np") -> None:
        """End the open chunk; if it holds a word it becomes a Chunk of the current clause."""
        if not self.chunk:                 # most calls: nothing open
            self.chunk = []
            return
        tokens, tags, cur = self.tokens, self.tags, self.clause
        words = [k for k in self.chunk if tags[k] not in ("PUNCT_B", "PUNCT_O")]
        if words and not marker and kind == "np":
            last = [k for k in words if tags[k] != "PART"]
            if last and tags[last[-1]] == "PG":
                marker = tokens[last[-1]]          # a chunk ending in का/की/के (before the verb group)
        if words:
            s, e = words[0], words[-1] + 1
            # a non-finite verb chunk (देखकर, करने के बाद) takes the chunk before it as its object
            verb_at = next((k for k in words if tags[k] in ("LV", "AUX", "CNJ")), s)
            if kind == "nonfinite" and verb_at - s <= 1 and cur.chunks and cur.chunks[-1].end == s and \
                    cur.chunks[-1].marker not in (self.lex.ergative, "") and cur.chunks[-1].kind == "np":
                prev = cur.chunks.pop()
                s = prev.start
            c = Chunk(s, e, marker, kind)
            if self.pending_participle:
                c.participle = self.pending_participle.pop()
            cur.chunks.append(c)
        self.chunk = []

    def absorb_particles(self, i: int) -> int:
        """Add the particles from i on to the open chunk; the index after them."""
        while i < self.n and self.tags[i] == "PART" and self.tokens[i] not in _NEG and i not in self.finite_starts:
            self.chunk.append(i)
            i += 1
        return i

    def read_verb_group(self) -> bool:
        """At a verb group: a finite one closes the clause (back to the one a relative pronoun
        interrupted, if any); a participle is kept for the next chunk. False elsewhere."""
        if self.i in self.finite_starts:
            g = self.finite_starts[self.i]
            self.close()
            self.clause.vg = g
            self.clauses.append(self.clause)
            self.clause = self.interrupted.pop() if self.interrupted else Clause()
            self.i = g.end
            self.prev_was_vg = True
            return True
        if self.i in self.participle_starts:
            g = self.participle_starts[self.i]
            self.close()
            self.pending_participle[:] = [(g.start, g.end)]
            self.i = g.end
            return True
        return False

    def read_relative(self, i: int, tag: str) -> bool:
        """At a relative pronoun: open the embedded clause (the current one waits in `interrupted`),
        the pronoun its first chunk. False elsewhere."""
        if tag not in ("REL", "RELK", "RELG"):
            return False
        self.close()
        antecedent = self.antecedent(i)
        self.interrupted.append(self.clause)
        self.clause = Clause(antecedent=antecedent)
        self.chunk = [i]
        self.i += 1
        if tag != "RELG":                        # जिनका | कोई विशेष धर्म: stays in its noun phrase
            self.close(self.tokens[i], "reladv" if self.tokens[i] in self.lex.relative_adverb else "rel")
        return True

    def antecedent(self, i: int) -> Span | None:
        """The noun phrase the relative pronoun at i refers to."""
        if self.clause.chunks:                   # X , जो … : the chunk before the pronoun
            return self.clause.chunks[-1].span
        if self.clauses and self.clauses[-1].vg is not None and self.clauses[-1].vg.end >= i - 2:
            prev = self.clauses[-1]              # … एक उपग्रह बनाया जो …: the phrase before that verb
            if prev.chunks and not prev.chunks[-1].marker and prev.chunks[-1].kind == "np":
                return prev.chunks[-1].span
        return None
