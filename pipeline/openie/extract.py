"""Rule-based open information extraction for Hindi over a pre-tokenized sentence.

No model; every word list is a TSV file in `data/` (see docs/openie.md for the full method, the scorer,
results and weaknesses). In short:

1. Tag tokens from the word lists (case markers, genitives, compound postpositions, auxiliaries, light
   verbs, conjunctions, relative pronouns, particles, adverbs, determiners, conjunct nominals ...).
2. Verb groups: runs of auxiliaries / light verbs; before a boundary they are finite, before a word they
   are participles. The word before a light verb is the conjunct / stem part (लागू किया गया है, भेज दिया
   गया); before a bare copula only an isolated word or an adjectival predicate joins (मौजूद है).
3. Chunks (SOV): noun chunks closed by case markers / postpositions / fused pronouns / participles /
   adverbs / punctuation; genitives, coordination and postposition phrases before a genitive stay inside.
4. Clauses: finite verb groups close clauses; relative pronouns open embedded ones; कि clauses are objects.
5. Triples: subject chunk (ने; relative pronoun; first nominative; ...) | verb group | each other chunk,
   plus conjunct-noun, कि-complement, predicate-complement and genitive property triples.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from .lexicon import Lexicon, load

Span = tuple[int, int]

BOUNDARY_PUNCT = frozenset({".", "।", "?", "!", ",", ";", ":", "-", "--", "|", "॥", "–", "—", "...", "…"})
FINAL_PUNCT = frozenset({".", "।", "?", "!", "॥", "|", "...", "…"})
_NUM = re.compile(r"^[0-9०-९][0-9०-९.,/:-]*$")
_LEX = load()                   # word lists (data/*.tsv), read once
_MONTHS = _LEX.months
# Rule switches (the chosen settings; docs/openie.md lists each one's measured effect on Hindi-BenchIE).
# Several are set against the benchmark optimum because the other setting is worse Hindi grammar.
TIME_MODE = "argument"          # dates are ordinary arguments ("property": (date, property, verb); "both")
_BE_FORMS = _LEX.be_forms
_NEG = _LEX.negation
_TIME_HEADS = _LEX.time_heads
_PERSONAL = _LEX.personal
ADV_CLOSES = True
ATTACH_MODIFIERS = True
PRONOUN_PLUS_NOUN = False
DET_AFTER_GEN = True
NUM_SPLIT_STRICT = True
GEN_MOD_WORDS = 0
GEN_MOD_MAX = 3
RESOLVE_RELATIVE = True
RESOLVE_RELATIVE_ERGATIVE = False
DROP_PARENTHESES = True
PP_GENITIVE = True
SCRAMBLED_CONJUNCT = True
COPULA_PRONOUN = False
NONFINITE_MERGE_PK = True
COMMA_LISTS = True
PREFIX_BLOCKERS = ("DET", "NUM")
GEN_SPLIT = False
SKIP_ADVERB_TAILS = True
PRED_COMPLEMENT = True
_PRONOUNS = _LEX.pronouns
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|[१][०-९]{3}|२०[०-९]{2})$")


class OpenTriple(NamedTuple):
    """Token spans [start, end) of head, relation and tail. `relation` is None when the relation is a
    label not written in the sentence (`label`, e.g. "property")."""
    head: Span
    relation: Span | None
    tail: Span
    label: str = ""
    rule: str = ""
    skip: tuple[Span, ...] = ()      # token ranges inside the spans left out of the text (parentheses)
    relation_lead: Span | None = None   # a conjunct noun written away from its verb, read before it


def _is_punct(t: str) -> bool:
    return all(unicodedata.category(c)[0] in "PS" for c in t) or t in ("।", "॥")


_COMPOUND_INDEX: dict[int, tuple[dict, dict]] = {}


def _compound_index(lex: Lexicon) -> tuple[dict, dict]:
    """Compound postpositions by first token, and (for fused pronoun genitives) by second token;
    longest first, as in lex.compound."""
    key = id(lex)
    if key not in _COMPOUND_INDEX:
        first: dict[str, tuple] = {}
        second: dict[str, tuple] = {}
        for comp in lex.compound:
            first[comp[0]] = first.get(comp[0], ()) + (comp,)
            if len(comp) >= 2 and comp[0] in lex.genitive:
                second[comp[1]] = second.get(comp[1], ()) + (comp,)
        _COMPOUND_INDEX[key] = (first, second)
    return _COMPOUND_INDEX[key]


def tag_tokens(tokens: list[str], lex: Lexicon | None = None) -> list[str]:
    """One tag a token: PUNCT_B PUNCT_O NUM W DET PK PG PC AUX LV CC SC REL RELK PRK PART ADV CNJ."""
    lex = lex or load()
    n = len(tokens)
    tags = [""] * n
    i = 0
    by_first, by_second = _compound_index(lex)
    while i < n:
        if i > 0 and not tags[i]:
            for comp in by_first.get(tokens[i], ()) + by_second.get(tokens[i], ()):
                k = len(comp)
                if tuple(tokens[i:i + k]) == comp:
                    for j in range(i, i + k):
                        tags[j] = "PC"
                    break
                # pronoun genitive written fused: उनके लिए, इसकी ओर
                prev = tokens[i - 1]
                if (k >= 2 and comp[0] in lex.genitive and prev not in lex.genitive and len(prev) > 2
                        and prev.endswith(comp[0]) and tuple(tokens[i:i + k - 1]) == comp[1:]):
                    for j in range(i, i + k - 1):
                        tags[j] = "PC"
                    break
        i += 1
    for i, t in enumerate(tokens):
        if tags[i]:
            continue
        if _is_punct(t):
            tags[i] = "PUNCT_B" if t in BOUNDARY_PUNCT else "PUNCT_O"
        elif _NUM.match(t):
            tags[i] = "NUM"
        elif t in lex.case:
            tags[i] = "PK"
        elif t in lex.genitive:
            tags[i] = "PG"
        elif t in lex.aux:
            tags[i] = "AUX"
        elif t in lex.light:
            tags[i] = "LV"
        elif t in lex.coord:
            tags[i] = "CC"
        elif t in lex.subord:
            tags[i] = "SC"
        elif t in lex.relative or t in lex.relative_adverb:
            tags[i] = "REL"
        elif t in lex.relative_case:
            tags[i] = "RELK"
        elif t in lex.relative_genitive:
            tags[i] = "RELG"
        elif t in lex.pronoun_case:
            tags[i] = "PRK"
        elif t in lex.particle:
            tags[i] = "PART"
        elif t in lex.adverb or t in lex.degree or t in lex.postp_adverb:
            tags[i] = "ADV"
        elif t in lex.determiner:
            tags[i] = "DET"
        elif (t.endswith("कर") or t.endswith("करके")) and len(t) >= 4 and t not in lex.not_conjunctive:
            tags[i] = "CNJ"
        else:
            tags[i] = "W"
    for i, t in enumerate(tokens):
        nxt = tags[i + 1] if i + 1 < n else "END"
        # a name ending in -कर (वाईकर के द्वारा) is not a conjunctive participle
        if tags[i] == "CNJ" and nxt in ("PK", "PG", "PC"):
            tags[i] = "W"
        # कर / करके written apart after a stem (मिलजुल कर मनाए) is a conjunctive participle
        if t in ("कर", "करके") and i > 0 and tags[i - 1] == "W" and nxt in ("W", "DET", "NUM", "ADV", "PK"):
            tags[i] = "CNJ"
    # बहुत से लोग: से after बहुत is "many", not a case marker
    for i in range(1, n - 1):
        if tags[i] == "PK" and tokens[i] == "से" and tokens[i - 1] == "बहुत" and tags[i + 1] in ("W", "DET"):
            tags[i] = "W"
    # a dash between two words joins them (इश -- डू, शिल्पी -- सुथार)
    for i in range(1, n - 1):
        if tags[i] == "PUNCT_B" and tokens[i] in ("-", "--", "–", "—") and tags[i - 1] in ("W", "NUM") \
                and tags[i + 1] in ("W", "NUM"):
            tags[i] = "PUNCT_O"
    # की / के before a clause boundary or an auxiliary is the verb "did", not a genitive
    for i, t in enumerate(tokens):
        if tags[i] == "PG" and t == "की":
            nxt = tags[i + 1] if i + 1 < n else "END"
            if nxt in ("END", "PUNCT_B", "AUX", "CC", "SC", "REL", "RELK", "RELG") \
                    and not (i + 1 < n and tokens[i + 1] == "हो"):      # X की हो सकती हैं: a genitive
                tags[i] = "LV"
    return tags


_CLAUSE_END = frozenset({"END", "PUNCT_B", "CC", "SC", "REL", "RELK", "RELG"})


def _has_ergative(tokens: list[str], tags: list[str], covered: list[bool], p: int) -> bool:
    """Is there a ने-marked agent between the previous verb group and position p?"""
    for k in range(p - 1, -1, -1):
        if covered[k] or tags[k] in ("SC", "REL", "RELK", "RELG"):
            return tags[k] == "RELK" and tokens[k].endswith("ने")
        if (tags[k] == "PK" and tokens[k] == "ने") or (tags[k] == "PRK" and tokens[k].endswith("ने")):
            return True
    return False


@dataclass
class VerbGroup:
    start: int
    end: int
    copular: bool
    finite: bool = True      # False: a participle modifying the following noun phrase


def find_verb_groups(tokens: list[str], tags: list[str], lex: Lexicon | None = None) -> list[VerbGroup]:
    lex = lex or load()
    n = len(tokens)
    verbal = [t in ("AUX", "LV") for t in tags]
    groups: list[VerbGroup] = []
    covered = [False] * n
    i = 0
    while i < n:
        lead_particle = tags[i] == "PART" and tokens[i] in _NEG and i + 1 < n and verbal[i + 1]
        if not (verbal[i] or lead_particle):
            i += 1
            continue
        s = i
        while i < n and (verbal[i] or (tags[i] == "PART" and tokens[i] in _NEG and i + 1 < n and verbal[i + 1])):
            i += 1
        e = i
        nxt = tags[e] if e < n else "END"
        finite = nxt in _CLAUSE_END or (nxt == "PART" and tokens[e] == "तो")
        if not finite and nxt not in ("W", "DET", "NUM", "ADV"):
            continue            # e.g. करने के बाद: a non-finite verb inside a postposition chunk
        run = tokens[s:e]
        copular = all(t in lex.copular_like or tags[s + k] == "PART" for k, t in enumerate(run))
        p = s - 1
        if p >= 0 and tags[p] == "W" and tags[s] != "PART" and not covered[p] and tokens[s] not in lex.speech:
            if not finite:
                s = p                   # प्रयोग किया जाने वाला …, भेजे गए …
            elif not copular:
                # a determiner or number before the word makes it an object noun phrase (एक किताब दी)
                if (tokens[p] in lex.conjunct and tokens[p] not in lex.conjunct_nouns) or p == 0 \
                        or tags[p - 1] not in PREFIX_BLOCKERS or tokens[p - 1][-2:] in ("का", "की", "के"):
                    s = p
            else:
                # a lone word between a chunk boundary and the copula is the predicate (मौजूद है);
                # so is a verb form (कहते हैं) and any word when the clause has an ergative subject
                q = p - 1
                if q < 0 or tags[q] in ("PK", "PC", "PRK", "RELK", "PUNCT_B", "CNJ", "PART", "CC", "SC", "REL", "RELG") \
                        or tokens[p].endswith(("ते", "ती")) \
                        or (tokens[p] in lex.conjunct and tokens[p] not in lex.conjunct_nouns) \
                        or _has_ergative(tokens, tags, covered, p):
                    s = p
        groups.append(VerbGroup(s, e, copular and s == p + 1, finite))
        for k in range(s, e):
            covered[k] = True
    # simple verb at the end of the sentence (or before final punctuation)
    last = n - 1
    while last >= 0 and tags[last] in ("PUNCT_B", "PUNCT_O") and tokens[last] in FINAL_PUNCT | {"'", '"'}:
        last -= 1
    if last >= 0 and not covered[last] and tags[last] == "W":
        groups.append(VerbGroup(last, last + 1, False))
    elif last >= 0 and covered[last]:
        for g in groups:
            if g.start <= last < g.end:
                g.finite = True
    groups.sort(key=lambda g: g.start)
    return groups


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


def _chunks_and_clauses(tokens: list[str], tags: list[str], groups: list[VerbGroup]) -> list[Clause]:
    n = len(tokens)
    starts = {g.start: g for g in groups if g.finite}
    part_starts = {g.start: g for g in groups if not g.finite}
    lex = load()
    pending_participle: list[Span] = []
    clauses: list[Clause] = []
    stack: list[Clause] = []
    cur = Clause()
    chunk: list[int] = []

    def close(marker: str = "", kind: str = "np"):
        nonlocal chunk
        words = [k for k in chunk if tags[k] not in ("PUNCT_B", "PUNCT_O")]
        if words and not marker and kind == "np":
            last = [k for k in words if tags[k] != "PART"]
            if last and tags[last[-1]] == "PG":
                marker = tokens[last[-1]]          # a chunk ending in का/की/के (before the verb group)
        if words:
            s, e = words[0], words[-1] + 1
            # a non-finite verb chunk (देखकर, करने के बाद) takes the chunk before it as its object
            verb_at = next((k for k in words if tags[k] in ("LV", "AUX", "CNJ")), s)
            if kind == "nonfinite" and verb_at - s <= 1 and cur.chunks and cur.chunks[-1].end == s and \
                    cur.chunks[-1].marker not in ("ने", "") and cur.chunks[-1].kind == "np":
                prev = cur.chunks.pop()
                s = prev.start
            c = Chunk(s, e, marker, kind)
            if pending_participle:
                c.participle = pending_participle.pop()
            cur.chunks.append(c)
        chunk = []

    def absorb_particles(i: int) -> int:
        while i < n and tags[i] == "PART" and tokens[i] not in _NEG and i not in starts:
            chunk.append(i)
            i += 1
        return i

    i = 0
    prev_was_vg = False
    while i < n:
        if i in starts:
            g = starts[i]
            close()
            cur.vg = g
            clauses.append(cur)
            cur = stack.pop() if stack else Clause()
            i = g.end
            prev_was_vg = True
            continue
        if i in part_starts:
            g = part_starts[i]
            close()
            pending_participle[:] = [(g.start, g.end)]
            i = g.end
            continue
        tag = tags[i]
        after_vg, prev_was_vg = prev_was_vg, False
        if after_vg and tag == "PART" and tokens[i] == "तो":
            i += 1
            continue
        prev_tag = tags[chunk[-1]] if chunk else ""
        # a determiner / pronoun, or a number, after a complete noun opens the next noun phrase
        if GEN_SPLIT and chunk and tag == "W" and len(chunk) >= 3 and prev_tag == "W" \
                and tags[chunk[-2]] == "PG" and tags[chunk[0]] != "PG":
            close()                  # गोधरा ट्रेन कांड की सुनवाई | अहमदाबाद के …
        if chunk and tag == "ADV" and prev_tag in ("W", "NUM") and (
                tokens[i] in lex.degree or any(tags[k] == "PG" for k in chunk)
                or (tokens[chunk[-1]] not in _TIME_HEADS and tokens[i] not in lex.postp_adverb)):
            close()                  # स्थानीय आबादी | लगभग पूरी तरह से
        if chunk and len(chunk) == 1 and tokens[chunk[0]] in _PERSONAL:
            close()                  # मैं | शब्द की आत्मा समझकर ही
        if chunk and tag == "DET" and prev_tag == "DET" and len(chunk) == 1 and tokens[chunk[-1]] in _PRONOUNS:
            close()                  # ये | अपनी … कहानियों के लिए
        if chunk and prev_tag in ("W", "NUM") and (
                (tag == "DET" and not (i + 1 < n and tags[i + 1] in ("LV", "AUX"))) or (tag == "NUM" and prev_tag == "W" and tokens[chunk[-1]] not in _MONTHS
                                 and tokens[chunk[-1]] not in lex.time_noun and _starts_quantity(tokens, tags, i))):
            close()
        if DET_AFTER_GEN and chunk and tag == "DET" and tokens[i] == "एक" and (
                prev_tag == "PG" or (prev_tag == "DET" and len(chunk) == 1 and tokens[chunk[0]][-2:] in ("का", "की", "के"))):
            close()                  # … जिले का | एक गाँव; उनका | एक कहानी संग्रह
        # a manner adverbial (तेजी से, पूरी तरह से) is a chunk of its own
        if chunk and tag == "W" and i + 1 < n and tokens[i + 1] == "से" and tokens[i] in lex.manner:
            if tokens[i] in ("तरह", "रूप", "ढंग", "प्रकार") and len(chunk) >= 2 and tags[chunk[-1]] in ("W", "DET"):
                last = chunk.pop()
                close()
                chunk.append(last)
            elif tokens[i] not in ("तरह", "रूप", "ढंग", "प्रकार"):
                close()
        if tag in ("REL", "RELK", "RELG"):
            close()
            antecedent = None
            if cur.chunks:                       # X , जो … : the chunk before the pronoun
                antecedent = cur.chunks[-1].span
            elif clauses and clauses[-1].vg is not None and clauses[-1].vg.end >= i - 2:
                prev = clauses[-1]               # … एक उपग्रह बनाया जो …: the phrase before that verb
                if prev.chunks and not prev.chunks[-1].marker and prev.chunks[-1].kind == "np":
                    antecedent = prev.chunks[-1].span
            stack.append(cur)
            cur = Clause(antecedent=antecedent)
            chunk = [i]
            if tag == "RELG":                    # जिनका | कोई विशेष धर्म: stays in its noun phrase
                i += 1
                continue
            close(tokens[i], "reladv" if tokens[i] in lex.relative_adverb else "rel")
            i += 1
            continue
        if tag == "SC" or (tag == "CC" and (after_vg or not chunk)):
            close()
            i += 1
            prev_was_vg = after_vg
            continue
        if tag == "PUNCT_B" and tokens[i] == "," and chunk and i + 1 < n and tags[i + 1] == "NUM" \
                and (tokens[chunk[-1]] in _MONTHS or tags[chunk[-1]] == "NUM"):
            chunk.append(i)          # 1 अक्टूबर , 1960 को
            i += 1
            continue
        if COMMA_LISTS and tokens[i] == "," and chunk and not after_vg and _comma_in_list(tokens, tags, i, starts):
            chunk.append(i)          # अमेरिका , संयुक्त राजशाही व कनाडा में
            i += 1
            continue
        if tag == "PUNCT_B":
            close()
            i += 1
            prev_was_vg = after_vg and tokens[i - 1] == ","
            continue
        if tokens[i] in ("(", "[", "{"):
            closing = {"(": ")", "[": "]", "{": "}"}[tokens[i]]
            j = i
            while j < n and tokens[j] != closing and j - i < 30:
                j += 1
            if j < n and tokens[j] == closing:
                chunk.extend(range(i, j + 1))
                i = j + 1
                continue
        if tag == "PRK" and chunk:
            close()                  # सब कामचलाऊ व्यवस्था | उन्हें
        chunk.append(i)
        if tag in ("PK", "PRK"):
            i = absorb_particles(i + 1)
            if tag == "PK" and PP_GENITIVE and i < n and tags[i] == "PG" and i not in starts:
                continue             # … जन्म से पूर्व के वर्षों को: the phrase modifies the next noun
            kind = "nonfinite" if NONFINITE_MERGE_PK and any(tags[k] in ("LV", "AUX") for k in chunk) else "np"
            close(tokens[i - 1] if tag == "PRK" else _marker(tokens, chunk, tags), kind)
            continue
        if tag == "PC":
            j = i + 1
            while j < n and tags[j] in ("PC", "PK") and j not in starts and j not in part_starts:
                chunk.append(j)
                j += 1
            i = absorb_particles(j)
            if PP_GENITIVE and i < n and tags[i] == "PG" and i not in starts:
                continue
            kind = "nonfinite" if any(tags[k] in ("LV", "AUX") for k in chunk) else "np"
            close(_marker(tokens, chunk, tags), kind)
            continue
        if tag == "CNJ":
            if tokens[i] == "कर" and len(chunk) > 2 and tags[chunk[-2]] == "W" \
                    and tokens[chunk[-2]] not in lex.conjunct \
                    and any(tags[k] not in ("ADV", "PART", "PUNCT_O") for k in chunk[:-2]):
                chunk.pop()                  # पर्व | मिलजुल कर: a separate कर takes only its stem
                stem = chunk.pop()
                close()
                chunk.extend([stem, i])
            i = absorb_particles(i + 1)
            close(tokens[i - 1], "nonfinite")
            continue
        if SCRAMBLED_CONJUNCT and tag == "W" and tokens[i] in lex.conjunct_nouns and len(chunk) >= 2 \
                and tags[chunk[-2]] == "PG" and i + 1 < n and tags[i + 1] in ("W", "NUM", "DET", "ADV") \
                and (i + 1) not in starts and (i + 1) not in part_starts:
            i += 1
            close()                  # बाशो की मृत्यु | 28 नवम्बर 1694 को हो गई
            continue
        if tag == "W" and tokens[i] in _TIME_HEADS and len(chunk) == 2 and tags[chunk[0]] == "DET" \
                and i + 1 < n and tags[i + 1] in ("W", "DET", "NUM"):
            i += 1
            close()                  # उन दिनों | परम्परागत चित्रकला का
            continue
        if tag == "PART" and len(chunk) > 1 and tokens[i] not in _NEG \
                and any(tags[k] not in ("DET", "PART") or tokens[k][-2:] in ("का", "की", "के")
                        or tokens[k] in _PRONOUNS for k in chunk[:-1]):
            i += 1
            close()
            continue
        if ADV_CLOSES and tag == "ADV" and tokens[i] not in lex.degree and len(chunk) == 1 and i + 1 < n \
                and tags[i + 1] in ("W", "DET", "NUM"):
            i += 1
            close()                  # कल | प्रधानमंत्री द्वारा
            continue
        if ADV_CLOSES and tag == "ADV" and tokens[i] not in lex.degree and len(chunk) > 1 and (i + 1 >= n or tags[i + 1] not in ("PK", "PC", "PG")):
            i += 1
            close()                  # एक बार फिर | शाही सेना से
            continue
        i += 1
    close()
    # कि right after a verb group: the rest of the sentence (to the final punctuation) is its object
    for cl in clauses:
        if cl.vg is not None and cl.vg.end < n and tokens[cl.vg.end] == "कि":
            end = n
            while end > cl.vg.end + 1 and tags[end - 1] in ("PUNCT_B", "PUNCT_O"):
                end -= 1
            if end > cl.vg.end + 1:
                cl.complement = (cl.vg.end + 1, end)
    return clauses


def _starts_quantity(tokens: list[str], tags: list[str], i: int) -> bool:
    """A number after a noun opens a new phrase when it is a date, a year or a counted quantity
    (मृत्यु | 28 नवम्बर 1694 को); not when it ends a name (गुजरात क्वीन एक्स्प्रेस 9110)."""
    if not NUM_SPLIT_STRICT:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return bool(_YEAR.match(tokens[i])) or nxt in _MONTHS or (i + 1 < len(tokens) and tags[i + 1] in ("PK", "PG", "PC"))


def _comma_in_list(tokens: list[str], tags: list[str], i: int, starts) -> bool:
    """A comma between noun phrases of one coordinated list: X , Y और Z (before the list's marker)."""
    j = i + 1
    while j < len(tokens) and j not in starts and tags[j] in ("W", "NUM", "PUNCT_O", "PG") or (
            j < len(tokens) and tokens[j] == ","):
        j += 1
    if j < len(tokens) and tags[j] == "CC" and j not in starts:
        k = j + 1
        while k < len(tokens) and tags[k] in ("W", "NUM", "PUNCT_O", "PG", "DET"):
            k += 1
        return k < len(tokens) and k > j + 1 and tags[k] in ("PK", "PC")
    return False


def _marker(tokens: list[str], chunk: list[int], tags: list[str]) -> str:
    ms = [tokens[k] for k in chunk if tags[k] in ("PK", "PC")]
    if not ms:
        return ""
    if tags[chunk[-1]] == "PC" or (len(chunk) > 1 and tags[chunk[-2]] == "PC" and tags[chunk[-1]] == "PART"):
        j = len(chunk) - 1
        while j >= 0 and tags[chunk[j]] in ("PC", "PART"):
            j -= 1
        return " ".join(tokens[k] for k in chunk[j + 1:] if tags[k] == "PC")
    return ms[-1]


def _is_temporal(tokens: list[str], c: Chunk, tags: list[str] | None = None) -> bool:
    words = [w for k, w in zip(range(c.start, c.end), tokens[c.start:c.end]) if tags[k] not in ("PART", "PUNCT_O")] \
        if tags is not None else tokens[c.start:c.end]
    return any(w in _MONTHS for w in words) or (any(_YEAR.match(w) for w in words) and len(words) <= 5) \
        or (not c.marker and bool(words) and words[-1] in _TIME_HEADS)


def _is_adverbial(tokens: list[str], tags: list[str], c: Chunk) -> bool:
    if all(tags[k] in ("ADV", "PART", "PUNCT_O") for k in range(c.start, c.end)) or \
            (not c.marker and tags[c.end - 1] == "ADV"):
        return True
    lex = load()
    if c.marker == "से" and c.end - c.start >= 2 and tokens[c.end - 2] in lex.manner:
        return True                        # तेजी से, पूरी तरह से
    return not c.marker and c.end - c.start == 2 and tags[c.start] == "DET" and tokens[c.start + 1] in lex.manner


def _attach_modifiers(tokens: list[str], tags: list[str], chunks: list[Chunk]):
    """A lone word between a case-marked chunk and a following noun phrase is an adjective or participle
    heading a modifier phrase (007 के गुप्त नाम से प्रसिद्ध | यह एजेंट): it takes the marked chunk as its
    complement and describes the next noun phrase -> (modifier, property, noun phrase)."""
    if not ATTACH_MODIFIERS:
        return chunks, []
    out: list[Chunk] = []
    mods = []
    k = 0
    while k < len(chunks):
        c = chunks[k]
        if (out and k + 1 < len(chunks) and not c.marker and c.kind == "np" and c.end - c.start == 1
                and tags[c.start] == "W" and out[-1].end == c.start and out[-1].kind == "np"
                and out[-1].marker and out[-1].marker != "ने" and not chunks[k + 1].marker
                and chunks[k + 1].kind == "np" and chunks[k + 1].start == c.end
                and tags[chunks[k + 1].start] == "DET"):
            prev = out.pop()
            m = Chunk(prev.start, c.end, "", "modifier")
            mods.append((m, chunks[k + 1]))
            k += 1
            continue
        out.append(c)
        k += 1
    return out, mods


def _scrambled_conjunct(tokens: list[str], tags: list[str], cl: Clause, vg: VerbGroup):
    """X की मृत्यु 28 नवम्बर को हो गई: a genitive + conjunct noun chunk away from its light verb. The
    noun joins the relation (मृत्यु हो गई) and its possessor (X की) is the head, unless a ने agent is there."""
    if not SCRAMBLED_CONJUNCT or tags[vg.start] not in ("LV", "AUX"):
        return None, None
    lex = load()
    if any(c.marker == "ने" or (tags[c.end - 1] in ("PRK", "RELK") and tokens[c.end - 1].endswith("ने"))
           for c in cl.chunks):
        return None, None
    for k, c in enumerate(cl.chunks):
        if c.kind != "np" or c.marker or c.end - c.start < 3:
            continue
        if tokens[c.end - 1] in lex.conjunct_nouns and tags[c.end - 2] == "PG" and c.end < vg.start:
            possessor = Chunk(c.start, c.end - 1, tokens[c.end - 2], "np")
            cl.chunks[k] = possessor
            return (c.end - 1, c.end), possessor
    return None, None


def _split_copula_pronoun(tokens: list[str], tags: list[str], chunks: list[Chunk]) -> list[Chunk]:
    """वे तीसरे ब्रिटिश प्रबंधक बने: with a bare copula, a pronoun opening the only nominative chunk is the
    subject and the rest of the chunk the predicate noun phrase."""
    nominative = [c for c in chunks if not c.marker and c.kind == "np" and not _is_adverbial(tokens, tags, c)
                  and not _is_temporal(tokens, c, tags)]
    if len(nominative) != 1:
        return chunks
    c = nominative[0]
    if c.end - c.start < 2 or tokens[c.start] not in _PRONOUNS or tags[c.start + 1] not in ("W", "NUM", "DET"):
        return chunks
    k = chunks.index(c)
    return chunks[:k] + [Chunk(c.start, c.start + 1, "", "np"), Chunk(c.start + 1, c.end, "", "np")] + chunks[k + 1:]


def _split_pronoun(tokens: list[str], tags: list[str], chunks: list[Chunk]) -> list[Chunk]:
    """No ने chunk and no unmarked chunk: a standalone pronoun opening a marked chunk is the subject
    (यह | उत्तर प्रदेश के बलिया जिले में स्थित है)."""
    if any(c.marker == "ने" or c.kind == "rel" or (tags[c.end - 1] == "PRK" and tokens[c.end - 1].endswith("ने"))
           for c in chunks):
        return chunks
    if any(not c.marker and c.kind == "np" and not _is_adverbial(tokens, tags, c) and not _is_temporal(tokens, c, tags)
           for c in chunks):
        return chunks
    out = []
    done = False
    for c in chunks:
        if not done and c.marker and c.kind == "np" and c.end - c.start >= 3 and tokens[c.start] in _PRONOUNS \
                and tags[c.start + 1] not in ("PK", "PC", "PG"):
            cut = c.start + 1
            if PRONOUN_PLUS_NOUN and c.end - c.start >= 4 and tags[c.start + 1] == "W" and tags[c.start + 2] == "W":
                cut += 1            # यह देश | इंग्लैंड के शासन से
            out.append(Chunk(c.start, cut, "", "np"))
            out.append(Chunk(cut, c.end, c.marker, c.kind, c.participle))
            done = True
        else:
            out.append(c)
    return out


def _subject(tokens: list[str], tags: list[str], chunks: list[Chunk]) -> Chunk | None:
    for c in chunks:
        if c.marker == "ने" or (c.marker.endswith("ने") and tags[c.end - 1] in ("PRK", "RELK")):
            return c
    for c in chunks:
        if c.kind == "rel":
            return c
    for c in chunks:
        if not c.marker and c.kind == "np" and not _is_adverbial(tokens, tags, c) \
                and not _is_temporal(tokens, c, tags):
            return c
    if chunks and chunks[-1].marker in ("का", "की", "के"):
        return chunks[-1]                   # X का उपयोग किया जाता है: the possessor of the verb's noun
    for c in reversed(chunks):
        if c.kind == "np" and not _is_temporal(tokens, c, tags) and not _is_adverbial(tokens, tags, c):
            return c
    return chunks[-1] if chunks else None


def _clause_triples(tokens: list[str], tags: list[str], cl: Clause) -> list[OpenTriple]:
    out: list[OpenTriple] = []
    vg = cl.vg
    if vg is None or not cl.chunks:
        return out
    rel = (vg.start, vg.end)
    cl.chunks, modifiers = _attach_modifiers(tokens, tags, cl.chunks)
    for m, target in modifiers:
        out.append(OpenTriple(m.span, None, target.span, "property", "participle_modifier"))
    cl.chunks = _split_pronoun(tokens, tags, cl.chunks)
    if COPULA_PRONOUN and vg.copular:
        cl.chunks = _split_copula_pronoun(tokens, tags, cl.chunks)
    lead, possessor = _scrambled_conjunct(tokens, tags, cl, vg)
    subj = possessor or _subject(tokens, tags, cl.chunks)
    if len(cl.chunks) == 1:
        # only a subject: a predicate word before the auxiliaries is the complement (बैठक | रही | सफल)
        lead = vg.start
        if PRED_COMPLEMENT and vg.end - vg.start >= 2 and tags[lead] == "W" and not subj.marker \
                and all(t in _BE_FORMS for t in tokens[lead + 1:vg.end]) \
                and not tokens[lead].endswith(("ता", "ती", "ते", "ना", "ने")):
            out.append(OpenTriple(subj.span, (lead + 1, vg.end), (lead, lead + 1), "", "predicate_complement"))
        return out + _complement(cl, subj, rel)
    head = subj.span
    if RESOLVE_RELATIVE and subj.kind == "rel" and cl.antecedent is not None and (
            tags[subj.start] == "REL" or (RESOLVE_RELATIVE_ERGATIVE and tokens[subj.start].endswith("ने"))):
        head = cl.antecedent
    for c in cl.chunks:
        if c is subj or c.kind in ("modifier", "reladv"):
            continue
        if _is_temporal(tokens, c, tags) and c.kind == "np":
            if TIME_MODE in ("property", "both"):
                out.append(OpenTriple(c.span, None, rel, "property", "time_of_event"))
            if TIME_MODE == "property":
                continue
        if (SKIP_ADVERB_TAILS or c.marker == "से") and _is_adverbial(tokens, tags, c):
            continue
        out.append(OpenTriple(head, rel, c.span, "", "conjunct_noun" if lead else
                              "subject_verb_argument" if head == subj.span else "relative_clause",
                              relation_lead=lead))
    return out + _complement(cl, subj, rel)


def _complement(cl: Clause, subj: Chunk, rel: Span) -> list[OpenTriple]:
    """A verb of saying / thinking with a कि clause: (उन्होंने | कहा | कि-clause)."""
    if cl.complement is None or subj.marker not in ("ने", "") and not subj.marker.endswith("ने"):
        return []
    return [OpenTriple(subj.span, rel, cl.complement, "", "complement_clause")]


def _genitive_triples(tokens: list[str], tags: list[str], spans: set[Span]) -> list[OpenTriple]:
    out = []
    for s, e in sorted(spans):
        # drop the chunk's own closing marker and particles
        end = e
        while end > s and tags[end - 1] in ("PK", "PC", "PART", "PUNCT_O"):
            end -= 1
        for g in range(s + 1, end - 1):
            if tags[g] == "PG" and tags[g + 1] in ("W", "NUM", "DET"):
                if GEN_MOD_MAX and g + 1 - s > GEN_MOD_MAX:
                    break           # a long modifier is usually a mis-chunked phrase
                m0 = s if GEN_MOD_WORDS == 0 else max(s, g - GEN_MOD_WORDS)
                out.append(OpenTriple((m0, g + 1), None, (g + 1, e), "property", "genitive_modifier"))
                break
    return out


def extract_triples(tokens: list[str]) -> list[OpenTriple]:
    """Open triples of one tokenized sentence, as token spans (see OpenTriple)."""
    if not tokens:
        return []
    lex = load()
    tags = tag_tokens(tokens, lex)
    groups = find_verb_groups(tokens, tags, lex)
    clauses = _chunks_and_clauses(tokens, tags, groups)
    triples: list[OpenTriple] = []
    for cl in clauses:
        triples.extend(_clause_triples(tokens, tags, cl))
    args = {t.head for t in triples} | {t.tail for t in triples
                                        if t.relation is not None and t.rule != "complement_clause"}
    triples.extend(_genitive_triples(tokens, tags, args))
    parens = _parentheticals(tokens) if DROP_PARENTHESES else []
    seen, out = set(), []
    for t in triples:
        if parens:
            spans = [t.head, t.tail] + ([t.relation] if t.relation else [])
            skip = tuple(p for p in parens if any(s[0] <= p[0] and p[1] <= s[1] and (s[0], s[1]) != p
                                                  for s in spans))
            if skip:
                t = t._replace(skip=skip)
                if not span_indices(t.head, skip) or not span_indices(t.tail, skip):
                    continue
        key = (t.head, t.relation, t.tail, t.label)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def span_indices(span: Span | None, skip: tuple[Span, ...] = ()) -> list[int]:
    """Token indices of a span, without the skipped ranges."""
    if not span:
        return []
    return [k for k in range(span[0], span[1]) if not any(a <= k < b for a, b in skip)]


def span_text(tokens: list[str], span: Span | None, skip: tuple[Span, ...] = ()) -> str:
    return " ".join(tokens[k] for k in span_indices(span, skip))


def relation_text(tokens: list[str], t: OpenTriple) -> str:
    if t.label:
        return t.label
    rel = span_text(tokens, t.relation, t.skip)
    if t.relation_lead:
        rel = span_text(tokens, t.relation_lead) + " " + rel
    return rel


def as_strings(tokens: list[str], triples: list[OpenTriple]) -> list[tuple[str, str, str]]:
    return [(span_text(tokens, t.head, t.skip), relation_text(tokens, t), span_text(tokens, t.tail, t.skip))
            for t in triples]


def _parentheticals(tokens: list[str]) -> list[Span]:
    out, i = [], 0
    while i < len(tokens):
        if tokens[i] in ("(", "[", "{"):
            closing = {"(": ")", "[": "]", "{": "}"}[tokens[i]]
            j = i + 1
            while j < len(tokens) and tokens[j] != closing and j - i < 30:
                j += 1
            if j < len(tokens) and tokens[j] == closing:
                out.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def triples_for_text(sentence: str) -> list[tuple[str, str, str]]:
    """Open triples (head, relation, tail) of a whitespace-tokenized sentence."""
    tokens = sentence.split()
    return as_strings(tokens, extract_triples(tokens))
