"""Attribution: who states the facts of a sentence. The cues (data/reporting.tsv) are reporting verbs
(X ने कहा / बताया / जानकारी दी), stance nouns (X का कहना है), according-to phrases (X के अनुसार /
मुताबिक) and release phrases (X द्वारा जारी, X की ओर से जारी). The speaker is the noun phrase the cue
marks; the relations stage makes it `attributed_to` and keeps it out of the subject."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.normalize import match_key
from ..text.tsv import read_tsv
from .features import DATA_DIR
from .lexicon import load

Span = tuple[int, int]
_LEX = load()
GENITIVE = _LEX.genitive
MAX_BACK = 14          # tokens between a reporting verb and its ने phrase


@dataclass
class Attribution:
    speaker: Span        # tokens of the speaker's noun phrase
    cue: Span
    kind: str            # verb | stance | according | issued | shows


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], frozenset[str], frozenset[str], frozenset[str]]:
    """(cue phrases by first word, source nouns, the genitives and not_speaker_case markers, the words
    that may stand between a source and the verb that shows it)."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    words_of: dict[str, set[str]] = {"source_noun": set(), "not_speaker_case": set(), "filler": set()}
    for r in read_tsv(DATA_DIR / "reporting.tsv"):
        words = tuple(match_key(w) for w in r["phrase"].split())
        if r["kind"] in words_of:
            words_of[r["kind"]].add(words[0])
            continue
        by_first.setdefault(words[0], []).append((words, r["kind"]))
    for v in by_first.values():
        v.sort(key=lambda x: -len(x[0]))
    return by_first, frozenset(words_of["source_noun"]), GENITIVE | words_of["not_speaker_case"], \
        frozenset(words_of["filler"])


def verbal_noun(key: str) -> bool:
    """Is the word an oblique infinitive (बढ़ने, करने: the ending it shares with the ergative ने)?"""
    return key.endswith(_LEX.ergative) and len(key) > len(_LEX.ergative) + 1


def source_nouns() -> frozenset[str]:
    return _cues()[1]


def find_attributions(keys: list[str], tags: list[str], ents: dict[int, tuple[int, object]]) -> list[Attribution]:
    by_first = _cues()[0]
    ends = {e: i for i, (e, _) in ents.items()}
    out = []
    for i in [i for i, k in enumerate(keys) if k in by_first]:
        for words, kind in by_first[keys[i]]:
            if tuple(keys[i:i + len(words)]) != words:
                continue
            cue = (i, i + len(words))
            if kind == "verb_that":         # a verb that reports only with a clause: 'X ने जोर दिया कि ...'
                if _LEX.complementizer not in keys[cue[1]:cue[1] + 3]:
                    break
                kind = "verb"
            speaker = _speaker(keys, tags, ends, ents, cue, kind)
            if speaker and keys[speaker[1] - 1] in _cues()[1]:
                # 'उद्योग मंत्रालय के डाटा के मुताबिक': the data's owner; 'आंकड़ों के मुताबिक': nobody
                speaker = _source_owner(keys, ends, speaker)
            if speaker:
                out.append(Attribution(speaker, cue, kind))
            break
    return out


def _source_owner(keys, ends, speaker: Span) -> Span | None:
    """The owner named by the genitive before a source noun, past up to two modifiers ('X के ताजा
    आंकड़ों', 'X की सालाना रिपोर्ट'), else the one before the phrase; None: the source names nobody."""
    a, b = speaker
    gen = next((k for k in range(b - 2, max(a, b - 5), -1) if keys[k] in GENITIVE), None)
    if gen is None:           # 'X की एक रिपोर्ट', 'X का ताजा सर्वेक्षण': the genitive before one or two modifiers
        gen = next((k for k in range(a - 1, max(-1, a - 4), -1) if keys[k] in GENITIVE), None)
        if gen is not None and any(keys[n] in _cues()[2] or not keys[n].isalpha() for n in range(gen + 1, a)):
            gen = None
    owner = _owner_before(keys, ends, gen) if gen is not None else None
    return (owner, gen) if owner is not None else None


def _owner_before(keys, ends, k: int) -> int | None:
    """The first token of the name ending at token k, past a bracketed short form: 'X (एक्स) के आंकड़े'."""
    if k in ends:
        return ends[k]
    if k > 1 and keys[k - 1] == ")":
        j = next((n for n in range(k - 2, max(-1, k - 8), -1) if keys[n] == "("), None)
        return ends.get(j) if j is not None else None
    return None


def _speaker(keys, tags, ends, ents, cue: Span, kind: str) -> Span | None:
    i = cue[0]
    if kind == "verb":
        for k in range(i - 1, max(-1, i - 1 - MAX_BACK), -1):
            if keys[k] == _LEX.ergative:
                return _np_ending(keys, tags, ends, k)
            if tags[k] == "PRK" and keys[k].endswith(_LEX.ergative):
                return (k, k + 1)                       # उन्होंने, उसने
            if keys[k] == _LEX.complementizer:
                break
        pers = [(a, e) for a, (e, ent) in sorted(ents.items()) if e <= i and getattr(ent, "label", "") == "PER"]
        if pers and (pers[-1][1] >= len(keys) or keys[pers[-1][1]] not in _cues()[2]):
            return pers[-1]                              # प्रवक्ता रणधीर जायसवाल बोले
        return None
    if kind == "stance":
        if i < 2 or keys[i - 1] not in GENITIVE:
            return None
        if i - 1 not in ends and verbal_noun(keys[i - 2]):
            return None             # 'जीडीपी के 7 प्रतिशत बढ़ने का अनुमान है': a verbal noun, nobody's estimate
        span = _np_ending(keys, tags, ends, i - 1)
        if span and any(tags[n] == "NUM" for n in range(max(0, span[0] - 1), i)):
            return None             # '7 फीसदी की वृद्धि का अनुमान है': an estimate of a figure, nobody's
        return span
    if kind == "shows":                                  # past filler words (reporting.tsv: filler)
        while i > 1 and keys[i - 1] in _cues()[3]:
            i -= 1
    if kind in ("according", "shows"):
        return _np_ending(keys, tags, ends, i)
    if kind == "issued":                                 # X द्वारा जारी, X की ओर से कल जारी, X ने जारी
        for k in range(i - 1, max(-1, i - 6), -1):
            marker = next((m for m in _LEX.agent_markers if k + 1 >= len(m) and tuple(keys[k + 1 - len(m):k + 1]) == m),
                          None)
            if marker is not None:
                return _np_ending(keys, tags, ends, k + 1 - len(marker))
    return None


def _np_ending(keys, tags, ends, k: int) -> Span | None:
    """The noun phrase ending at token k: an entity (past a bracketed short form: विश्व स्वास्थ्य
    संगठन (डब्ल्यूएचओ) ने), else the run of plain words before k (कंपनी ने, मंत्रालय के अनुसार)."""
    if k <= 0:
        return None
    if keys[k - 1] == ")":
        j = k - 1
        while j > 0 and keys[j] != "(":
            j -= 1
        if j > 0 and j in ends:
            return (ends[j], j)
    if k in ends:
        return (ends[k], k)
    if keys[k - 1] == ")" and k > 3 and keys[k - 3] == "(":
        j = k - 3
        n = j                                # 'लेखा महानियंत्रक (सीजीए) द्वारा': a name the recogniser missed,
        while n > 0 and tags[n - 1] == "W" and j - n < 4:     # plain words before its one-word short form
            n -= 1
        if 0 < j - n and (n == 0 or keys[n - 1] not in GENITIVE):
            return (n, k)
    j = k
    while j > 0 and tags[j - 1] in ("W",) and k - j < 4:
        j -= 1
    if j < k and j > 0 and keys[j - 1] in GENITIVE:     # विश्वबैंक के अध्यक्ष, मंत्रालय के अधिकारियों
        if j - 1 in ends:
            return (ends[j - 1], k)
        i = j - 1
        while i > 0 and tags[i - 1] == "W" and j - 1 - i < 3:
            i -= 1
        return (i, k) if i < j - 1 else (j, k)
    return (j, k) if j < k else None
