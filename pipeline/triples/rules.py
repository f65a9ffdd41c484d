"""Step 4 of the extractor: the triples of one clause (subject chunk | verb group | each other chunk, plus
conjunct-noun, कि-complement, predicate-complement and participle-modifier triples) and genitive property
triples over the arguments."""
from __future__ import annotations

from typing import NamedTuple

from ..syntax.chunks import YEAR
from ..syntax.clauses import Chunk, Clause, Span
from ..syntax.lexicon import load
from ..syntax.verbs import VerbGroup
from .switches import DEFAULT, TripleSwitches

_LEX = load()
_MONTHS = _LEX.months
_TIME_HEADS = _LEX.time_heads
_PRONOUNS = _LEX.pronouns
_BE_FORMS = _LEX.be_forms
_ERGATIVE = _LEX.ergative


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


def _is_temporal(tokens: list[str], c: Chunk, tags: list[str] | None = None) -> bool:
    words = [w for k, w in zip(range(c.start, c.end), tokens[c.start:c.end]) if tags[k] not in ("PART", "PUNCT_O")] \
        if tags is not None else tokens[c.start:c.end]
    return not _MONTHS.isdisjoint(words) or (len(words) <= 5 and any(YEAR.match(w) for w in words)) \
        or (not c.marker and bool(words) and words[-1] in _TIME_HEADS)


def _is_adverbial(tokens: list[str], tags: list[str], c: Chunk) -> bool:
    if all(tags[k] in ("ADV", "PART", "PUNCT_O") for k in range(c.start, c.end)) or \
            (not c.marker and tags[c.end - 1] == "ADV"):
        return True
    lex = load()
    if c.marker == lex.instrumental and c.end - c.start >= 2 and tokens[c.end - 2] in lex.manner:
        return True                        # तेजी से, पूरी तरह से
    return not c.marker and c.end - c.start == 2 and tags[c.start] == "DET" and tokens[c.start + 1] in lex.manner


def _attach_modifiers(tokens: list[str], tags: list[str], chunks: list[Chunk], sw: TripleSwitches):
    """A lone word between a case-marked chunk and a following noun phrase is an adjective or participle
    heading a modifier phrase (007 के गुप्त नाम से प्रसिद्ध | यह एजेंट): it takes the marked chunk as its
    complement and describes the next noun phrase -> (modifier, property, noun phrase)."""
    if not sw.attach_modifiers:
        return chunks, []
    out: list[Chunk] = []
    mods = []
    k = 0
    while k < len(chunks):
        c = chunks[k]
        if (out and k + 1 < len(chunks) and not c.marker and c.kind == "np" and c.end - c.start == 1
                and tags[c.start] == "W" and out[-1].end == c.start and out[-1].kind == "np"
                and out[-1].marker and out[-1].marker != _ERGATIVE and not chunks[k + 1].marker
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


def _scrambled_conjunct(tokens: list[str], tags: list[str], cl: Clause, vg: VerbGroup, sw: TripleSwitches):
    """X की मृत्यु 28 नवम्बर को हो गई: a genitive + conjunct noun chunk away from its light verb. The
    noun joins the relation (मृत्यु हो गई) and its possessor (X की) is the head, unless a ने agent is there."""
    if not sw.scrambled_conjunct or tags[vg.start] not in ("LV", "AUX"):
        return None, None
    lex = load()
    if any(c.marker == _ERGATIVE or (tags[c.end - 1] in ("PRK", "RELK") and tokens[c.end - 1].endswith(_ERGATIVE))
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


def _split_pronoun(tokens: list[str], tags: list[str], chunks: list[Chunk], sw: TripleSwitches) -> list[Chunk]:
    """No ने chunk and no unmarked chunk: a standalone pronoun opening a marked chunk is the subject
    (यह | उत्तर प्रदेश के बलिया जिले में स्थित है)."""
    if any(c.marker == _ERGATIVE or c.kind == "rel" or (tags[c.end - 1] == "PRK" and tokens[c.end - 1].endswith(_ERGATIVE))
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
            if sw.pronoun_plus_noun and c.end - c.start >= 4 and tags[c.start + 1] == "W" and tags[c.start + 2] == "W":
                cut += 1            # यह देश | इंग्लैंड के शासन से
            out.append(Chunk(c.start, cut, "", "np"))
            out.append(Chunk(cut, c.end, c.marker, c.kind, c.participle))
            done = True
        else:
            out.append(c)
    return out


def _subject(tokens: list[str], tags: list[str], chunks: list[Chunk]) -> Chunk | None:
    for c in chunks:
        if c.marker == _ERGATIVE or (c.marker.endswith(_ERGATIVE) and tags[c.end - 1] in ("PRK", "RELK")):
            return c
    for c in chunks:
        if c.kind == "rel":
            return c
    for c in chunks:
        if not c.marker and c.kind == "np" and not _is_adverbial(tokens, tags, c) \
                and not _is_temporal(tokens, c, tags):
            return c
    if chunks and chunks[-1].marker in _LEX.genitive:
        return chunks[-1]                   # X का उपयोग किया जाता है: the possessor of the verb's noun
    for c in reversed(chunks):
        if c.kind == "np" and not _is_temporal(tokens, c, tags) and not _is_adverbial(tokens, tags, c):
            return c
    return chunks[-1] if chunks else None


def clause_triples(tokens: list[str], tags: list[str], cl: Clause, sw: TripleSwitches = DEFAULT) -> list[OpenTriple]:
    out: list[OpenTriple] = []
    vg = cl.vg
    if vg is None or not cl.chunks:
        return out
    rel = (vg.start, vg.end)
    cl.chunks, modifiers = _attach_modifiers(tokens, tags, cl.chunks, sw)
    for m, target in modifiers:
        out.append(OpenTriple(m.span, None, target.span, "property", "participle_modifier"))
    cl.chunks = _split_pronoun(tokens, tags, cl.chunks, sw)
    if sw.copula_pronoun and vg.copular:
        cl.chunks = _split_copula_pronoun(tokens, tags, cl.chunks)
    lead, possessor = _scrambled_conjunct(tokens, tags, cl, vg, sw)
    subj = possessor or _subject(tokens, tags, cl.chunks)
    if len(cl.chunks) == 1:
        # only a subject: a predicate word before the auxiliaries is the complement (बैठक | रही | सफल)
        lead = vg.start
        if sw.pred_complement and vg.end - vg.start >= 2 and tags[lead] == "W" and not subj.marker \
                and all(t in _BE_FORMS for t in tokens[lead + 1:vg.end]) \
                and not tokens[lead].endswith(_LEX.verb_endings):
            out.append(OpenTriple(subj.span, (lead + 1, vg.end), (lead, lead + 1), "", "predicate_complement"))
        return out + _complement(cl, subj, rel)
    head = subj.span
    if sw.resolve_relative and subj.kind == "rel" and cl.antecedent is not None and (
            tags[subj.start] == "REL" or (sw.resolve_relative_ergative and tokens[subj.start].endswith(_ERGATIVE))):
        head = cl.antecedent
    for c in cl.chunks:
        if c is subj or c.kind in ("modifier", "reladv"):
            continue
        if _is_temporal(tokens, c, tags) and c.kind == "np":
            if sw.time_mode in ("property", "both"):
                out.append(OpenTriple(c.span, None, rel, "property", "time_of_event"))
            if sw.time_mode == "property":
                continue
        if (sw.skip_adverb_tails or c.marker == _LEX.instrumental) and _is_adverbial(tokens, tags, c):
            continue
        out.append(OpenTriple(head, rel, c.span, "", "conjunct_noun" if lead else
                              "subject_verb_argument" if head == subj.span else "relative_clause",
                              relation_lead=lead))
    return out + _complement(cl, subj, rel)


def _complement(cl: Clause, subj: Chunk, rel: Span) -> list[OpenTriple]:
    """A verb of saying / thinking with a कि clause: (उन्होंने | कहा | कि-clause)."""
    if cl.complement is None or subj.marker not in (_ERGATIVE, "") and not subj.marker.endswith(_ERGATIVE):
        return []
    return [OpenTriple(subj.span, rel, cl.complement, "", "complement_clause")]


def genitive_triples(tokens: list[str], tags: list[str], spans: set[Span],
                     sw: TripleSwitches = DEFAULT) -> list[OpenTriple]:
    out = []
    for s, e in sorted(spans):
        # drop the chunk's own closing marker and particles
        end = e
        while end > s and tags[end - 1] in ("PK", "PC", "PART", "PUNCT_O"):
            end -= 1
        for g in range(s + 1, end - 1):
            if tags[g] == "PG" and tags[g + 1] in ("W", "NUM", "DET"):
                if sw.gen_mod_max and g + 1 - s > sw.gen_mod_max:
                    break           # a long modifier is usually a mis-chunked phrase
                m0 = s if sw.gen_mod_words == 0 else max(s, g - sw.gen_mod_words)
                out.append(OpenTriple((m0, g + 1), None, (g + 1, e), "property", "genitive_modifier"))
                break
    return out
