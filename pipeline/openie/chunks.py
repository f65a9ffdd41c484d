"""Step 3 of the extractor, in one left-to-right pass (SOV): noun chunks closed by case markers /
postpositions / fused pronouns / participles / adverbs / punctuation (genitives, coordination and postposition
phrases before a genitive stay inside), grouped into clauses: finite verb groups close clauses, relative
pronouns open embedded ones, and a कि clause after a verb is its object."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import load
from .verbs import VerbGroup

Span = tuple[int, int]

_LEX = load()
_MONTHS = _LEX.months
_NEG = _LEX.negation
_TIME_HEADS = _LEX.time_heads
_PERSONAL = _LEX.personal
_PRONOUNS = _LEX.pronouns
YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|[१][०-९]{3}|२०[०-९]{2})$")
# Rule switches (the chosen settings; docs/openie.md lists each one's measured effect on Hindi-BenchIE).
# Several are set against the benchmark optimum because the other setting is worse Hindi grammar.
ADV_CLOSES = True
DET_AFTER_GEN = True
NUM_SPLIT_STRICT = True
PP_GENITIVE = True
SCRAMBLED_CONJUNCT = True       # also read by triples.py
NONFINITE_MERGE_PK = True
COMMA_LISTS = True
GEN_SPLIT = False


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


def chunks_and_clauses(tokens: list[str], tags: list[str], groups: list[VerbGroup]) -> list[Clause]:
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
    return bool(YEAR.match(tokens[i])) or nxt in _MONTHS or (i + 1 < len(tokens) and tags[i + 1] in ("PK", "PG", "PC"))


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
