"""Step 2 of the extractor: verb groups, runs of auxiliaries / light verbs. Before a clause boundary they are
finite, before a word participles; the word before a light verb is the conjunct / stem part (लागू किया गया है,
भेज दिया गया); before a bare copula only an isolated word or an adjectival predicate joins (मौजूद है)."""
from __future__ import annotations

from dataclasses import dataclass

from ..text.normalize import match_key
from .features import features_of
from .lexicon import Lexicon, load
from .chunker_switches import DEFAULT

FINAL_PUNCT = frozenset({".", "।", "?", "!", "॥", "|", "...", "…"})
_NEG = load().negation
_ERGATIVE = load().ergative

_CLAUSE_END = frozenset({"END", "PUNCT_B", "CC", "SC", "REL", "RELK", "RELG"})


def _has_ergative(tokens: list[str], tags: list[str], covered: list[bool], p: int) -> bool:
    """Is there a ने-marked agent between the previous verb group and position p?"""
    for k in range(p - 1, -1, -1):
        if covered[k] or tags[k] in ("SC", "REL", "RELK", "RELG"):
            return tags[k] == "RELK" and tokens[k].endswith(_ERGATIVE)
        if (tags[k] == "PK" and tokens[k] == _ERGATIVE) or (tags[k] == "PRK" and tokens[k].endswith(_ERGATIVE)):
            return True
    return False


@dataclass
class VerbGroup:
    start: int
    end: int
    copular: bool
    finite: bool = True      # False: a participle modifying the following noun phrase


def find_verb_groups(tokens: list[str], tags: list[str], lex: Lexicon | None = None,
                     prefix_blockers: tuple[str, ...] = DEFAULT.prefix_blockers) -> list[VerbGroup]:
    """prefix_blockers: tags that keep the word after them out of a light verb's group (एक किताब दी)."""
    lex = lex or load()
    n = len(tokens)
    verbal = [t in ("AUX", "LV") for t in tags]
    groups: list[VerbGroup] = []
    covered = [False] * n
    # where a group can open: a verb, or a negation right before one
    opens = [k for k, t in enumerate(tags) if verbal[k] or (t == "PART" and tokens[k] in _NEG and k + 1 < n
                                                             and verbal[k + 1])]
    i = 0
    for s in opens:
        if s < i:
            continue                # inside the group just read
        i = s
        while i < n and (verbal[i] or (tags[i] == "PART" and tokens[i] in _NEG and i + 1 < n and verbal[i + 1])):
            i += 1
        e = i
        nxt = tags[e] if e < n else "END"
        finite = nxt in _CLAUSE_END or (nxt == "PART" and tokens[e] == lex.topic)
        if not finite and nxt not in ("W", "DET", "NUM", "ADV"):
            continue            # e.g. करने के बाद: a non-finite verb inside a postposition chunk
        copular = all(t in lex.copular_like or tags[s + k] == "PART" for k, t in enumerate(tokens[s:e]))
        p = s - 1
        if p >= 0 and tags[p] == "W" and tags[s] != "PART" and not covered[p] and tokens[s] not in lex.speech \
                and (not finite                     # a participle: प्रयोग किया जाने वाला …, भेजे गए …
                     or (_predicate_before(tokens, tags, covered, p, lex) if copular
                         else _stem_before(tokens, tags, p, lex, prefix_blockers))):
            s = p
        groups.append(VerbGroup(s, e, copular and s == p + 1, finite))
        for k in range(s, e):
            covered[k] = True
    _add_final_verb(tokens, tags, covered, groups)
    _add_future_before_relative(tokens, tags, covered, groups)
    groups.sort(key=lambda g: g.start)
    return groups


def _stem_before(tokens, tags, p: int, lex: Lexicon, prefix_blockers: tuple[str, ...]) -> bool:
    """Does a finite light verb take the word at p as its stem (शुरू किया)? Not when a determiner or
    number before the word makes it an object noun phrase (एक किताब दी)."""
    return (tokens[p] in lex.conjunct and tokens[p] not in lex.conjunct_nouns) or p == 0 \
        or tags[p - 1] not in prefix_blockers or tokens[p - 1].endswith(lex.genitive_endings)


def _predicate_before(tokens, tags, covered, p: int, lex: Lexicon) -> bool:
    """Does a bare copula take the word at p as its predicate? A lone word between a chunk boundary and
    the copula (मौजूद है), a verb form (कहते हैं), or any word when the clause has an ergative subject."""
    q = p - 1
    return q < 0 or tags[q] in ("PK", "PC", "PRK", "RELK", "PUNCT_B", "CNJ", "PART", "CC", "SC", "REL", "RELG") \
        or tokens[p].endswith(lex.imperfective_endings) \
        or (tokens[p] in lex.conjunct and tokens[p] not in lex.conjunct_nouns) \
        or _has_ergative(tokens, tags, covered, p)


def _add_final_verb(tokens, tags, covered, groups: list[VerbGroup]) -> None:
    """A simple verb at the end of the sentence (or before final punctuation) is a group of its own;
    a group already ending there is finite."""
    last = len(tokens) - 1
    while last >= 0 and tags[last] in ("PUNCT_B", "PUNCT_O") and tokens[last] in FINAL_PUNCT | {"'", '"'}:
        last -= 1
    if last >= 0 and not covered[last] and tags[last] == "W":
        groups.append(VerbGroup(last, last + 1, False))
    elif last >= 0 and covered[last]:
        for g in groups:
            if g.start <= last < g.end:
                g.finite = True


def _add_future_before_relative(tokens, tags, covered, groups: list[VerbGroup]) -> None:
    """A simple future verb closing its clause before a comma and a relative word ('X कई नेताओं से
    मिलेंगे, जिनमें ...') is a group of its own, as at the end of the sentence."""
    for k in range(len(tokens) - 2):
        if tags[k] == "W" and not covered[k] and tokens[k + 1] == "," and tags[k + 2] in ("REL", "RELK", "RELG") \
                and features_of([match_key(tokens[k])], []).tense == "future":
            groups.append(VerbGroup(k, k + 1, False))
            covered[k] = True
