"""The parties of a metric frame: its owner (a pair for trade, a demonym, the genitive chain, the body
marked ने / द्वारा / की ओर से, a national office giving a transfer, the clause's nominative body, देश,
the previous facts' owner) and its counterpart (को, के लिए, से, के साथ: counterpart_markers.tsv).
A speaker is never the owner."""
from __future__ import annotations

from ..syntax.attribution import GENITIVE
from .frame_parts import HOME, DocState, pair_before, periods, resolve_party, window
from .rules_people import POSTPOSITIONS
from .view import View, lists

TRADE = ("trade", "bilateral_trade")


def genitive_owner(v: View, mi: int, speaker_tokens: set[int], state: DocState) -> str:
    """'X का/की/के [कुल ...] METRIC', a demonym before it, or a pronoun genitive (उसका)."""
    fill, dem, keys = lists().fillers, lists().demonyms, v.keys
    tags = v.syn.tags if v.syn is not None else ["W"] * len(keys)
    k = mi
    if k > 0 and keys[k - 1] in dem:
        return dem[keys[k - 1]]
    for m, _ in lists().counterparts:                  # 'चीन का अमेरिका के साथ व्यापार अधिशेष': past the partner
        hit = v.ent_ending(k - len(m)) if k > len(m) else None
        if hit and tuple(keys[k - len(m):k]) == m:
            k = hit[0]
            break
    while k > 0 and mi - k < 3 and keys[k - 1] in fill and keys[k - 1] not in GENITIVE:
        k -= 1
    if k == mi:                               # 'उसका कंसॉलिडेटेड नेट प्रॉफिट': up to two plain words
        n = k
        while n > 0 and k - n < 2 and tags[n - 1] == "W" and keys[n - 1] not in GENITIVE \
                and not v.ent_ending(n) and lists().owner_anaphors.get(keys[n - 1]) != "owner":
            n -= 1
        if n > 0 and n < k and (keys[n - 1] in GENITIVE or lists().owner_anaphors.get(keys[n - 1]) == "owner"):
            k = n
    if k > 0 and keys[k - 1] in dem:
        return dem[keys[k - 1]]
    anaph = lists().owner_anaphors
    if k > 0 and anaph.get(keys[k - 1]) == "owner":
        return pronoun_owner(v, speaker_tokens, state)
    if k > 1 and keys[k - 1] in GENITIVE:
        hit = v.ent_ending(k - 1)
        if hit and hit[1].label in ("LOC", "ORG") and hit[0] not in speaker_tokens:
            return hit[1].text
        kind = anaph.get(keys[k - 2])
        if kind == "country":
            return state.country or v.text(k - 2, k - 1)        # देश, as written, when none was named
        if kind == "ORG":
            return state.named(keys[k - 2]) or state.org
        if kind == "self":
            return v.text(k - 2, k - 1)
    return ""


def pronoun_owner(v: View, speaker_tokens: set[int], state: DocState) -> str:
    """उसका / उसकी in a reported clause is the speaker's ('कंपनी ने कहा कि उसका मुनाफा ...')."""
    if v.syn is not None and v.syn.attributions:
        return resolve_party(v, v.syn.attributions[0].speaker, state)
    return state.owner


def agent_owner(v: View, i: int, speaker_tokens: set[int]) -> str:
    """The body marked by ने, द्वारा or की ओर से before the amount (not a speaker, not a person)."""
    for a, b, ent in reversed(v.entities()):
        if b > i or a in speaker_tokens or ent.label == "PER":
            continue
        k = b + 3 if v.keys[b:b + 1] == ["("] and v.keys[b + 2:b + 3] == [")"] else \
            b + 1 if v.keys[b:b + 1] == [")"] else b
        if v.keys[k:k + 1] == ["के"]:               # 'एमपीसी के सभी सदस्यों ने': the body of its members
            n = k + 1
            while n < min(i, k + 4) and v.tokens[n].kind == "word" and v.keys[n] not in ("ने", "द्वारा"):
                n += 1
            k = n if v.keys[n:n + 1] == ["ने"] else k
        if v.keys[k:k + 1] in (["ने"], ["द्वारा"]) or v.keys[k:k + 3] == ["की", "ओर", "से"]:
            outer = v.ent_ending(a - 1) if a > 1 and v.keys[a - 1] == "(" else None
            return outer[1].text if outer else ent.text     # 'भारतीय रिजर्व बैंक (आरबीआई) ने'
    for k in range(1, i):
        if v.keys[k] == "ने" and lists().owner_anaphors.get(v.keys[k - 1]) == "self" and k - 1 not in speaker_tokens:
            return v.text(k - 1, k)                          # 'सरकार ने ... लक्ष्य बनाया'
    return ""


def find_counterpart(v: View, predicate: str, i: int, owner: str) -> str:
    best = None
    for marker, preds in lists().counterparts:
        if predicate not in preds:
            continue
        n = len(marker)
        for a, b, ent in v.entities():
            if ent.label == "PER" or ent.text == owner or tuple(v.keys[b:b + n]) != marker:
                continue
            dist = abs(i - b)
            if dist <= 12 and (best is None or dist < best[0]):
                best = (dist, ent.text)
    return best[1] if best else ""


def find_owner(v: View, predicate: str, mi: int, mj: int, i: int, speaker_tokens: set[int],
           state: DocState) -> tuple[str | None, str]:
    """(owner, the person who announces it): a pair for trade, the genitive chain or demonym, the
    body marked ने / द्वारा / की ओर से, a national office marked ने giving a transfer (its country),
    the clause's nominative body, देश (the country named before), the previous sentences' owner;
    "" when the passage names no party at all; None when unsure."""
    if predicate in TRADE:
        pair = pair_before(v, mj, state)
        if pair:
            return pair, ""
    owner = genitive_owner(v, mi, speaker_tokens, state) or agent_owner(v, i, speaker_tokens)
    if owner:
        return owner, ""
    w = window(v, i)
    if any(lists().owner_anaphors.get(v.keys[k]) == "owner" and v.keys[k].endswith("ने") for k in w if k < i):
        owner = pronoun_owner(v, speaker_tokens, state)     # 'कंपनी ने बताया कि ... उसने 55,074 इकाइयां बेची'
        if owner:
            return owner, ""
    if predicate in lists().flows:
        person = person_agent(v, w, speaker_tokens)
        if person:
            return person
    for a, b, e in v.entities():
        if a in w and e.label in ("LOC", "ORG") and a not in speaker_tokens and b < len(v.keys) \
                and v.keys[b] not in POSTPOSITIONS and v.tokens[b].kind in ("word", "number") and b <= i \
                and (_unmarked(v, a) or _time_or_adverb_after(v, b)):
            return e.text, ""
    if "देश" in (v.keys[k] for k in w) and state.country:
        return state.country, ""
    if state.owner and state.sentence - state.metric_sentence <= 2:
        return state.owner, ""
    named = [e for a, b, e in v.entities() if e.label in ("LOC", "ORG") and a not in speaker_tokens]
    agent = any(v.keys[k] == "ने" and k not in speaker_tokens and k - 1 not in speaker_tokens for k in w)
    return (None if named or state.owner or agent else ""), ""


def _unmarked(v: View, a: int) -> bool:
    """Is the noun chunk holding token a in the direct case (no case marker closes it)? 'भारत 28
    अप्रैल को ...' yes; 'अफ्रीका फोरम शिखर सम्मेलन के ...' no."""
    if v.syn is None:
        return True
    for cl in v.syn.clauses:
        for c in cl.chunks:
            if c.start <= a < c.end:
                return not c.marker
    return True


def _time_or_adverb_after(v: View, b: int) -> bool:
    """'टाटा मोटर्स अगले पांच साल में ...', 'भारत 28 अप्रैल को ...': a time after the name, not a noun
    it modifies."""
    tag = v.syn.tags[b] if v.syn is not None and b < len(v.syn.tags) else ""
    return v.tokens[b].kind == "number" or tag in ("ADV", "PART") or any(p[0] == b for p in periods(v))


def person_agent(v: View, w: range, speaker_tokens: set[int]) -> tuple[str, str] | None:
    """'प्रधानमंत्री (नरेंद्र मोदी) ने ... ऋण का एलान किया': the giver is the office's country (the
    one its title names, else the home country); the person is who announced it."""
    titles = {b: a for a, b in v.titles()}
    announces = any(val == "planned" and a in w for a, _, val in v.find(lists().modality))
    for k in w:
        if v.keys[k] != "ने" or (k - 1 in speaker_tokens and not announces):
            continue                     # 'मंत्री ने बताया कि ...': who reports does not give the money
        hit = v.ent_ending(k)
        if hit and hit[1].label == "PER":
            ent = hit[1]
            country = HOME
            if ent.role_start >= 0:
                r0 = next((n for n, t in enumerate(v.tokens) if t.start >= ent.role_start), None)
                gen = v.ent_ending(r0 - 1) if r0 and r0 > 1 and v.keys[r0 - 1] in GENITIVE else None
                if gen and gen[1].subtype == "country":
                    country = gen[1].text
            return (country, ent.text) if ent.role else None
        if k in titles:
            return HOME, v.text(titles[k], k)
    return None
