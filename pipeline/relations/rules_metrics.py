"""Metric frames: a value amount (money, percent, basis points), the metric it measures, the metric's
owner, the counterpart, and the value's aspect, modality, polarity, period and attribution.

The metric is the metric word the amount modifies ('10 अरब डॉलर के ऋण'), else the nearest one before
it in its clause, then in its sentence, else (after an explicit anaphor: यह, इस ...) the previous
sentence's. An amount restated in another unit ('2.33 करोड़ डॉलर यानी करीब 194 करोड़ रुपये') gives a
second fact with the same fields. No owner found, no fact: a fact stated wrongly is worse than none."""
from __future__ import annotations

from ..doc import Relation
from ..syntax.attribution import GENITIVE
from .frame_parts import (HOME, QUALIFIER_AFTER, DocState, reference_nouns, window, anaphors, aspect_for, attribution, modality_for, pair_before, period_for,
                          polarity_for, resolve_party)
from .rules_people import POSTPOSITIONS
from .view import View, lists

VALUE_KINDS = ("money", "percent", "basis_points")
RESTATE = frozenset({"यानी", "यानि", "या", "अर्थात", "(", "करीब", "लगभग", "तकरीबन", "मतलब"})
TRADE = ("trade", "bilateral_trade")
MAX_BEFORE = 20        # tokens between a metric word and an amount of it in the same sentence


def _metric_words(v: View) -> list[tuple[int, int, str]]:
    """Metric words outside names (the आयात of 'निर्यात-आयात बैंक' is part of a name)."""
    inside = {k for i, j, _ in v.entities() for k in range(i, j)}
    return [m for m in v.find(lists().metrics) if m[0] not in inside]


def _values(v: View) -> list[tuple[int, int, object]]:
    """Money, percent and basis points; a plain number with a scale (4,850 करोड़) or a count noun
    after it (41,124 इकाइयों)."""
    out = []
    for i, j, a in v.amounts():
        if a.kind in VALUE_KINDS or (a.kind == "number" and (a.scale or lists().count_units.at(v.keys, j))):
            out.append((i, j, a))
    return out


def _restatement_chains(v: View) -> list[list[tuple[int, int, object]]]:
    chains: list[list] = []
    for i, j, a in _values(v):
        between = v.keys[chains[-1][-1][1]:i] if chains else []
        if between and len(between) <= 4 and all(k in RESTATE or k == "," for k in between) \
                and any(k != "," for k in between):
            chains[-1].append((i, j, a))
        else:
            chains.append([(i, j, a)])
    return chains


def _metric_for(v: View, metrics, i: int, j: int) -> tuple[int, int, str] | None:
    fill, dem = lists().fillers, lists().demonyms
    k = j
    if v.keys[k:k + 1] == ["से"] and v.keys[k + 1:k + 2] and v.keys[k + 1] in QUALIFIER_AFTER:
        k += 2                                  # '12.3 बिलियन डॉलर से ज्यादा के रियायती ऋण'
    starts = {m[0]: m for m in metrics}
    plain = 0
    while k < len(v.keys) and k - j < 6 and k not in starts:
        unit = lists().count_units.at(v.keys, k)
        if v.keys[k] in fill or v.keys[k] in dem:
            k += 1
        elif unit:
            k += unit[0]                        # '10,400 यात्री वाहन बेचे'
            plain = 1
        elif plain == 0 and k > j and v.keys[k - 1] in GENITIVE and v.tokens[k].kind == "word" \
                and k not in v.ents:
            plain, k = 1, k + 1                 # one adjective: 'के रियायती ऋण'
        else:
            break
    if k in starts:
        return starts[k]
    syn = v.syn
    cl = syn.clause_of[i] if syn is not None and i < len(syn.clause_of) else -1
    before = [m for m in metrics if m[1] <= i and i - m[1] <= MAX_BEFORE]
    same = [m for m in before if syn is not None and syn.clause_of[m[0]] == cl]
    pick = (same or before or [None])[-1]
    if pick and pick[2] == "gdp" and v.keys[pick[1]:pick[1] + 1] in (["के"], ["का"]):
        earlier = [m for m in (same or before) if m[1] <= pick[0] and m[2] != "gdp"]
        if earlier:
            return earlier[-1]                  # 'घाटे को जीडीपी के 4.9 प्रतिशत': a share of GDP
    return pick


def _genitive_owner(v: View, mi: int, speaker_tokens: set[int], state: DocState) -> str:
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
        return _pronoun_owner(v, speaker_tokens, state)
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


def _pronoun_owner(v: View, speaker_tokens: set[int], state: DocState) -> str:
    """उसका / उसकी in a reported clause is the speaker's ('कंपनी ने कहा कि उसका मुनाफा ...')."""
    if v.syn is not None and v.syn.attributions:
        return resolve_party(v, v.syn.attributions[0].speaker, state)
    return state.owner


def _agent_owner(v: View, i: int, speaker_tokens: set[int]) -> str:
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


def _counterpart(v: View, predicate: str, i: int, owner: str) -> str:
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


def _owner(v: View, predicate: str, mi: int, mj: int, i: int, speaker_tokens: set[int],
           state: DocState) -> tuple[str | None, str]:
    """(owner, the person who announces it): a pair for trade, the genitive chain or demonym, the
    body marked ने / द्वारा / की ओर से, a national office marked ने giving a transfer (its country),
    the clause's nominative body, देश (the country named before), the previous sentences' owner;
    "" when the passage names no party at all; None when unsure."""
    if predicate in TRADE:
        pair = pair_before(v, mj, state)
        if pair:
            return pair, ""
    owner = _genitive_owner(v, mi, speaker_tokens, state) or _agent_owner(v, i, speaker_tokens)
    if owner:
        return owner, ""
    w = window(v, i)
    if any(lists().owner_anaphors.get(v.keys[k]) == "owner" and v.keys[k].endswith("ने") for k in w if k < i):
        owner = _pronoun_owner(v, speaker_tokens, state)     # 'कंपनी ने बताया कि ... उसने 55,074 इकाइयां बेची'
        if owner:
            return owner, ""
    if predicate in lists().flows:
        person = _person_agent(v, w, speaker_tokens)
        if person:
            return person
    for a, b, e in v.entities():
        if a in w and e.label in ("LOC", "ORG") and a not in speaker_tokens and b < len(v.keys) \
                and v.keys[b] not in POSTPOSITIONS and v.tokens[b].kind in ("word", "number") and b <= i:
            return e.text, ""
    if "देश" in (v.keys[k] for k in w) and state.country:
        return state.country, ""
    if state.owner and state.sentence - state.metric_sentence <= 2:
        return state.owner, ""
    named = [e for a, b, e in v.entities() if e.label in ("LOC", "ORG") and a not in speaker_tokens]
    agent = any(v.keys[k] == "ने" and k not in speaker_tokens and k - 1 not in speaker_tokens for k in w)
    return (None if named or state.owner or agent else ""), ""


def _person_agent(v: View, w: range, speaker_tokens: set[int]) -> tuple[str, str] | None:
    """'प्रधानमंत्री (नरेंद्र मोदी) ने ... ऋण का एलान किया': the giver is the office's country (the
    one its title names, else the home country); the person is who announced it."""
    titles = {b: a for a, b in v.titles()}
    for k in w:
        if v.keys[k] != "ने" or k in speaker_tokens:
            continue
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


def _has_anaphor(v: View) -> bool:
    """A pronoun that stands for the previous fact ('तब से यह 65 बिलियन डॉलर', 'यह आंकड़ा'), not a
    determiner of another noun ('इस बीच, सरकार ने ...')."""
    tags = v.syn.tags if v.syn is not None else []
    for k, key in enumerate(v.keys):
        if key in anaphors():
            n = k + 1
            while n < len(v.keys) and v.keys[n] in RESTATE:      # 'यह करीब 118 अरब डॉलर'
                n += 1
            nxt = v.keys[n] if n < len(v.keys) else ""
            if nxt in reference_nouns() or (n < len(tags) and tags[n] not in ("W", "DET")) or n in v.amts:
                return True
    return False


def _remember_metric(v: View, metrics, state: DocState, speaker_tokens: set[int]) -> None:
    """A sentence naming a metric of a named owner without a value ('भारत-रूस द्विपक्षीय व्यापार में
    2023-24 में तीव्र वृद्धि हुई') is what a following 'यह 65 बिलियन डॉलर' continues."""
    for mi, mj, predicate in metrics:
        owner = (pair_before(v, mj, state) if predicate in TRADE else "") or \
            _genitive_owner(v, mi, speaker_tokens, state)
        if owner:
            if predicate == "trade" and "-" in owner:
                predicate = "bilateral_trade"
            state.last_metric = dict(predicate=predicate, subject=owner, counterpart="",
                                     period=period_for(v, mi))
            state.owner, state.metric_sentence = owner, state.sentence
            return


def metric_frames(v: View, state: DocState) -> list[Relation]:
    metrics = _metric_words(v)
    speaker, speaker_tokens = attribution(v, state)
    out: list[Relation] = []
    has_anaphor = _has_anaphor(v)
    main_period = ""
    # an anaphor continues the last metric of this sentence or of the two before it
    carried = state.last_metric if state.last_metric and state.sentence - state.metric_sentence <= 2 else None
    for chain in _restatement_chains(v):
        i0, j_last = chain[0][0], chain[-1][1]
        hit = _metric_for(v, metrics, chain[-1][0], j_last) or _metric_for(v, metrics, i0, chain[0][1])
        frame = None
        if hit:
            mi, mj, predicate = hit
            owner, person = _owner(v, predicate, mi, mj, i0, speaker_tokens, state)
            inherent = lists().metric_aspect.get(" ".join(v.keys[mi:mj]), "")
            frame = dict(predicate=predicate, subject=owner, inherent=inherent, person=person,
                         counterpart=_counterpart(v, predicate, i0, owner))
        elif has_anaphor and carried:
            frame = dict(carried, inherent="")
        if not frame or frame["subject"] is None:
            continue
        if frame["predicate"] == "trade" and "-" in frame["subject"]:
            frame["predicate"] = "bilateral_trade"
        flow = frame["predicate"] in lists().flows
        i_first, j_first, first = chain[0]
        aspect = aspect_for(v, chain[-1][0], chain[-1][1], frame["inherent"] if first.kind != "money" else "")
        last_period = (state.last_metric or {}).get("period", "")
        fields = dict(counterpart=frame["counterpart"],
                      period=period_for(v, i_first, last_period) or (frame.get("period", "") if not hit else ""),
                      aspect=aspect, modality=modality_for(v, i_first, flow), polarity=polarity_for(v, i_first),
                      attributed_to=speaker or frame.get("person", ""))
        for i, j, a in chain:
            out.append(v.relation(frame["subject"], frame["predicate"], a.text, "metric:frame", (min(i, i0), j),
                                  object_id=a.id, qualifier=a.qualifier, **fields))
        state.owner, state.metric_sentence = frame["subject"] or state.owner, state.sentence
        main_period = main_period or fields["period"]          # what इस दौरान later points back to
        state.last_metric = dict(predicate=frame["predicate"], subject=frame["subject"],
                                 counterpart=frame["counterpart"], period=main_period)
    if not out and metrics:
        _remember_metric(v, metrics, state, speaker_tokens)
    return out
