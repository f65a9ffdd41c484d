"""Event frames about groups and agreements: agreement_signed (the signing parties: a chain before
ने or के बीच, else one party and the partner marked के साथ / के लिए; the agreement's name in
counterpart) and member_of (a grouping with its members in brackets, or after a dash: 'ब्रिक्स समूह
(भारत, ब्राजील, चीन, रूस और दक्षिण अफ्रीका)', 'जी-7 के सात सदस्य देश हैं — जापान, जर्मनी, ...')."""
from __future__ import annotations

from functools import lru_cache

from ..core.doc import Relation
from ..entities.gazetteers import load as load_entity_lexicon
from ..text.normalize import match_key
from ..text.wordlists import read_tsv
from .frame_parts import DocState, attribution, modality_for, period_for, polarity_for
from .view import CONJ, DATA_DIR, Phrases, View, lists

DASHES = frozenset({"—", "–", "-", ":", "--"})     # compared stripped: the dash's key is ' - '


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], Phrases]:
    return (frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "signing_words.tsv")),
            Phrases("member_words.tsv"))


def _signing_parties(v: View, before: int, state: DocState) -> list[str]:
    """The LOC/ORG names that sign: a chain joined by और/व/commas right before ने or के बीच
    ('भारत और मिस्र ने ... समझौते पर हस्ताक्षर'), or 'दोनों देशों' for the pair named before."""
    ents = [(a, b, e) for a, b, e in v.entities() if e.label in ("LOC", "ORG") and b <= before]
    for n in range(len(ents) - 1, -1, -1):
        b = ents[n][1]
        if v.keys[b:b + 1] == ["ने"] or v.keys[b:b + 2] == ["के", "बीच"]:
            chain = [ents[n]]
            while n > 0 and all(k in CONJ for k in v.keys[ents[n - 1][1]:chain[0][0]]):
                n -= 1
                chain.insert(0, ents[n])
            return [e.text for _, _, e in chain]
    for k in range(before):
        if v.keys[k:k + 2] == ["दोनों", "देशों"] and v.keys[k + 2:k + 3] in (["ने"], ["के"]) and state.pair:
            return state.pair.split("-", 1)
    return []


def agreements(v: View, state: DocState) -> list[Relation]:
    signing, _ = _words()
    sign_at = next((k for k, key in enumerate(v.keys) if key in signing), None)
    heads = v.find(lists().agreements)
    if sign_at is None or not heads:
        return []
    i, j, _ = heads[0]
    lex = load_entity_lexicon()
    k = i
    while k > 0 and v.tokens[k - 1].kind == "word" and not lex.is_function_word(v.keys[k - 1]):
        k -= 1
    name = v.text(k, j)
    parties = _signing_parties(v, sign_at, state)
    if len(parties) == 1:
        partner = next((e.text for a, b, e in v.entities() if e.label in ("LOC", "ORG") and e.text != parties[0]
                        and v.keys[b:b + 2] in (["के", "साथ"], ["के", "लिए"])), "")
        parties = parties + [partner] if partner else []
    if len(parties) < 2:
        return []
    speaker, _ = attribution(v, state)
    fields = dict(counterpart=name, period=period_for(v, sign_at), modality=modality_for(v, sign_at, True),
                  polarity=polarity_for(v, sign_at), attributed_to=speaker)
    return [v.relation(parties[0], "agreement_signed", other, "agreement:signing_parties", **fields)
            for other in parties[1:]]


def _countries(v: View, start: int, stop: int) -> list:
    """The countries listed from token start: names joined by commas / और, up to stop."""
    out, k = [], start
    while k < stop:
        hit = v.ents.get(k)
        if hit and hit[1].label == "LOC":
            out.append(hit[1])
            k = hit[0]
        elif v.keys[k] in CONJ or v.tokens[k].kind != "word" and v.keys[k].strip() not in (")", "—", "-", "।"):
            k += 1
        else:
            break
    return out


def memberships(v: View, state: DocState) -> list[Relation]:
    out = []
    for i, j, org in v.entities("ORG"):
        if v.keys[j:j + 2] in (["के", "सदस्य"], ["का", "सदस्य"], ["की", "सदस्यता"]):
            for a, b, c in v.entities("LOC"):
                if b <= i:
                    out.append(v.relation(c.text, "member_of", org.text, "member_of:X_org_ke_sadasya"))
        if org.subtype == "grouping":
            state.group = org.text
            k = j
            if v.keys[k:k + 1] == ["("] and v.keys[k + 2:k + 3] == [")"] and v.tokens[k + 1].text.isascii():
                k += 3                                   # a Latin gloss: ब्रिक्स(BRICS)
            if v.keys[k:k + 1] == ["समूह"]:
                k += 1
            if v.keys[k:k + 1] == ["("]:
                close = next((x for x in range(k, len(v.keys)) if v.keys[x] == ")"), len(v.keys))
                members = _countries(v, k + 1, close)
                if len(members) >= 2:
                    out += [v.relation(c.text, "member_of", org.text, "member_of:grouping_with_members")
                            for c in members]
    _, member_words = _words()
    for a, b, _ in v.find(member_words):
        group = next((e.text for i, j, e in reversed(v.entities("ORG")) if j <= a and a - j <= 5), "")
        if not group and "समूह" in v.keys[max(0, a - 5):a]:
            group = state.group
        k = b
        while k < len(v.keys) and k - b < 3 and v.keys[k].strip() not in DASHES:
            k += 1
        if group and v.keys[k:k + 1] and v.keys[k].strip() in DASHES:
            members = _countries(v, k + 1, len(v.keys))
            if len(members) >= 2:
                out += [v.relation(c.text, "member_of", group, "member_of:members_after_dash") for c in members]
    return out
