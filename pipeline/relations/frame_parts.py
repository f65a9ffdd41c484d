"""The parts of a case frame, each read from one sentence's analysis: the period (same clause, else
same sentence), the owner of a metric (pair, demonym, genitive chain, ने agent, X की ओर से), the
counterpart (को, के लिए, से, के साथ), the aspect of a value, its modality and polarity, and the
speaker a fact is attributed to. `DocState` holds what earlier sentences named, for the explicit
anaphors only (देश, कंपनी, उसका, उन्होंने, यह ...)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..text.normalize import match_key
from ..syntax.attribution import GENITIVE
from ..syntax.features import DATA_DIR as SYNTAX_DATA
from ..text.wordlists import read_tsv
from .view import CONJ, DATA_DIR, View, lists

HOME = "भारत"          # the home country of Hindi news: a national office without a country is its
PERIOD_KINDS = ("fiscal_year", "year", "date", "date_range", "month", "relative_time")
NEGATION = frozenset({"नहीं", "न", "मना", "इनकार", "इंकार", "रद्द"})
QUALIFIER_AFTER = frozenset({"अधिक", "ज्यादा", "ज़्यादा", "कम"})


@lru_cache(maxsize=1)
def anaphors() -> frozenset[str]:
    return frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "anaphors.tsv"))


@lru_cache(maxsize=1)
def reference_nouns() -> frozenset[str]:
    return frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "reference_nouns.tsv"))


@lru_cache(maxsize=1)
def speaker_anaphors() -> dict[str, str]:
    return {match_key(r["word"]): r["refers_to"] for r in read_tsv(SYNTAX_DATA / "speaker_anaphors.tsv")}


@dataclass
class DocState:
    countries: dict[str, int] = field(default_factory=dict)    # country -> mentions so far
    names: list[str] = field(default_factory=list)             # every name so far, in order
    org: str = ""
    orgs: list[str] = field(default_factory=list)
    person: str = ""
    owner: str = ""
    speaker: str = ""
    pair: str = ""
    group: str = ""
    last_metric: dict | None = None      # the previous sentence's last metric frame
    metric_sentence: int = -10
    sentence: int = 0

    @property
    def country(self) -> str:
        """The country the text is most about so far (देश); the first named wins a tie."""
        return max(self.countries, key=lambda c: self.countries[c]) if self.countries else ""

    def named(self, word: str) -> str:
        """The last name holding `word` (बैंक -> विश्वबैंक, मंत्रालय -> वित्त मंत्रालय)."""
        return next((n for n in reversed(self.names) if word in n), "")

    def see_entities(self, v: View, upto: int | None = None) -> None:
        for a, _, e in v.entities():
            if upto is not None and a >= upto:
                break
            self.names.append(e.text)
            if e.label == "LOC" and e.subtype == "country":
                self.countries[e.text] = self.countries.get(e.text, 0) + 1
            elif e.label == "ORG":
                self.org = e.text
                self.orgs.append(e.text)
            elif e.label == "PER":
                self.person = e.text
        locs = [x for x in v.entities("LOC") if x[2].subtype == "country"]
        for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
            if a.text != b.text and v.keys[j1:i2] and all(k in CONJ or k == "-" for k in v.keys[j1:i2]):
                self.pair = f"{a.text}-{b.text}"
        if v.syn is not None and v.syn.attributions:
            self.speaker = resolve_party(v, v.syn.attributions[0].speaker, self) or self.speaker


@lru_cache(maxsize=1)
def _period_words() -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "comparison_words.tsv")),
            frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "duration_prefixes.tsv")))


def periods(v: View) -> list[tuple[int, int, str]]:
    """Dates, years, months, relative times and period words, and durations after बीते / अगले;
    not a time that is the base of a comparison ('पिछले साल के ... के मुकाबले')."""
    comparison, prefixes = _period_words()
    out = [(i, j, a.text) for i, j, a in v.amounts(*PERIOD_KINDS)]
    out += [(i - 1, j, v.text(i - 1, j)) for i, j, a in v.amounts("duration") if i > 0 and v.keys[i - 1] in prefixes]
    out = [p for p in out if not any(k in comparison for k in v.keys[p[1]:p[1] + 6])]
    taken = {k for i, j, _ in out for k in range(i, j)}
    out += [(i, j, v.text(i, j)) for i, j, _ in v.find(lists().periods) if i not in taken
            and not any(k in comparison for k in v.keys[j:j + 6])]
    merged: list[tuple[int, int, str]] = []
    for i, j, _ in sorted(out):              # 'दिसंबर तिमाही', 'इस साल नवंबर', 'पिछली तिमाही': one period
        if i > 0 and v.keys[i - 1] in prefixes and not (merged and merged[-1][1] == i - 1):
            i -= 1
        if merged and merged[-1][1] == i:
            i = merged.pop()[0]
        merged.append((i, j, v.text(i, j)))
    return merged


@lru_cache(maxsize=1)
def period_anaphors():
    from .view import Phrases
    return Phrases("period_anaphors.tsv")


RELATIVE = frozenset({"जो", "जबकि", "जिसे", "जिसमें", "जिनमें"})


def period_for(v: View, i: int, carried: str = "") -> str:
    """The period of a fact at token i: the nearest one in its clause (before it first; after it
    only up to a relative or contrastive clause: 'जो पिछले साल ...', 'जबकि ...'), else a period
    word pointing back (इसी महीने, इस दौरान: the previous fact's), else the sentence's first one
    before it."""
    ps = periods(v)
    syn = v.syn
    stop = next((k for k in range(i, len(v.keys)) if v.keys[k] in RELATIVE), len(v.keys))
    start = max((k + 1 for k in range(0, i) if v.keys[k] in RELATIVE), default=0)
    if syn is not None and ps:
        cl = syn.clause_of[i] if i < len(syn.clause_of) else -1
        same = [p for p in ps if cl >= 0 and syn.clause_of[p[0]] == cl and start <= p[0] < stop]
        before = [p for p in same if p[1] <= i]
        if before:
            return before[-1][2]
        if same:
            return same[0][2]
    if carried and any(a < stop for a, _, _ in period_anaphors().find(v.keys)):
        return carried
    earlier = [p for p in ps if p[1] <= i and (start == 0 or p[0] >= start)]
    return earlier[0][2] if earlier else ""


def window(v: View, i: int) -> range:
    """The tokens of the clause around token i, through the finite verb that governs it."""
    syn = v.syn
    if syn is None or not syn.spans:
        return range(0, len(v.keys))
    cl = syn.clause_at(i)
    start, end = (cl.start, cl.end) if cl else (i, len(v.keys))
    for g in syn.groups:
        if g.finite and g.start >= i:
            end = max(end, g.end)
            break
    return range(start, min(end, len(v.keys)))


def modality_for(v: View, i: int, flow: bool) -> str:
    w = window(v, i)
    found = {val for a, b, val in v.find(lists().modality) if a in w}
    if "target" in found:
        return "target"
    if "projection" in found:
        return "projection"
    if "planned" in found:
        return "planned" if flow else "actual"
    cl = v.syn.clause_at(i) if v.syn is not None else None
    if cl and cl.features.modality == "possible":
        return "projection"                 # may happen: expected, not announced
    if cl and cl.features.tense == "future":
        return "planned" if flow else "projection"
    return "actual"


def polarity_for(v: View, i: int) -> str:
    cl = v.syn.clause_at(i) if v.syn is not None else None
    if cl and cl.features.negation:
        return "negative"
    return "negative" if any(v.keys[k] in NEGATION for k in window(v, i) if k >= i) else "positive"


def aspect_for(v: View, i: int, j: int, inherent: str) -> str:
    """growth / decline / share from the words after the amount; level after a converb (बढ़कर 36 अरब)
    or before 'से <converb>' (40 फीसदी से घटकर: the old level)."""
    levels, keys = lists().levels, v.keys
    if i > 0 and keys[i - 1] in levels:
        return "level"
    k = j
    if keys[k:k + 1] == ["से"] and any(x in levels for x in keys[k + 1:k + 4]):
        return "level"
    if keys[k:k + 1] == ["से"] and keys[k + 1:k + 2] and keys[k + 1] in QUALIFIER_AFTER:
        k += 2                                      # '20 प्रतिशत से ज्यादा रकम': a qualifier
    skipped = 0
    while k < len(keys) and skipped < 3:
        hit = lists().aspects.at(keys, k)
        if hit:
            return hit[1]
        if keys[k] in GENITIVE or keys[k] == "," or (skipped == 1 and v.tokens[k].kind == "word"):
            skipped += 1
            k += 1
            continue
        break
    return inherent or "level"


def resolve_party(v: View, span: tuple[int, int], state: DocState) -> str:
    """The text of a speaker or owner phrase: an entity as written; a pronoun or generic noun
    (उन्होंने, कंपनी, मंत्रालय) the earlier party it names."""
    a, b = span
    hit = v.ent_ending(b)
    if hit and hit[0] >= a:
        return hit[1].text
    last = v.keys[b - 1]
    kind = speaker_anaphors().get(last) if b - a == 1 else None      # 'चीन के सीमा शुल्क विभाग': as written
    if kind == "PER" or (kind == "ANY" and not state.org):
        return state.speaker or state.person
    if kind in ("ORG", "ANY"):
        return state.named(last) or (state.speaker if kind == "ANY" else state.org or state.owner)
    return v.text(a, b)


def attribution(v: View, state: DocState) -> tuple[str, set[int]]:
    """(speaker text, the tokens of speaker phrases) of the sentence."""
    syn = v.syn
    if syn is None or not syn.attributions:
        return "", set()
    tokens = {k for at in syn.attributions for k in range(*at.speaker)}
    return resolve_party(v, syn.attributions[0].speaker, state), tokens


def pair_before(v: View, end: int, state: DocState) -> str:
    """'X-Y', 'X और Y के बीच' or 'दोनों देशों के बीच' before token end: the two parties as 'X-Y'."""
    locs = [x for x in v.entities("LOC") if x[1] <= end]
    for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
        between = v.keys[j1:i2]
        if between == ["-"] or (between and all(k in CONJ for k in between) and
                                (v.keys[j2:j2 + 2] == ["के", "बीच"] or v.keys[j2:j2 + 1] == ["ने"])):
            return f"{a.text}-{b.text}"
        if between == ["-"] and v.keys[j2:j2 + 2] == ["के", "बीच"]:
            return f"{a.text}-{b.text}"
    for k in range(0, max(0, end - 2)):
        if v.keys[k:k + 4] == ["दोनों", "देशों", "के", "बीच"] and state.pair:
            return state.pair
    return ""
