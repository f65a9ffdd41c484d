"""The counterpart of a metric frame: the other party of a figure (को, के लिए, से, के साथ ...), a place
anaphor with the metric's marker (वहां से), the partner of a share (भारत के निर्यात में ब्रिटेन की
हिस्सेदारी), or a recipient written as a plain noun for a transfer (किसानों के लिए)."""
from __future__ import annotations

from .anaphora import DocState
from .attributes import periods, share_listed_before, share_noun_before
from .frames import metrics
from .lexicon import cc, marker, phrases, words
from .owners import anaphor_kind
from .view import View

DOMESTIC = ("state", "union_territory", "city")        # places inside a country: no trade partner


def _noun_counterpart(v: View, i: int, frame) -> tuple[str, str]:
    """A recipient written as a plain noun before the value: 'किसानों के लिए 6,000 करोड़ रुपये',
    'राज्यों को 500 करोड़ रुपये' (one or two words closed by को / के लिए, a few tokens before it), or
    देश with the metric's own marker ('देश में आया निवेश')."""
    recipient = (marker("recipient"), marker("for"))
    country = {m for m in (" ".join(x) for x in frame.counterpart)} - set(recipient)
    for k in range(i - 1, max(0, i - 14), -1):
        for m in recipient + tuple(country):
            n = len(m.split())
            if " ".join(v.keys[k:k + n]) != m or k == 0 or v.tag(k - 1) != "W" or v.ent_ending(k) \
                    or any(p[1] == k for p in periods(v)):
                continue
            if m in country:
                if anaphor_kind(v.keys[k - 1]) == "country":
                    return v.text(k - 1, k), ""
                continue
            if v.keys[k - 1] in words("share_nouns.tsv") or k - 1 in v.amounts_end() or \
                    any(b == k for _, b, _ in v.find(metrics().triggers)):
                continue            # '49 प्रतिशत हिस्सेदारी के लिए': a stake; 'पूंजीगत व्यय के लिए': a purpose
            a = k - 1 if k < 2 or v.tag(k - 2) != "W" or v.ent_ending(k - 1) or k - 2 in v.amounts_end() else k - 2
            return v.text(a, k), ""
    return "", ""


def find_counterpart(v: View, predicate: str, i: int, owner: str, state: DocState | None = None,
                     noun: int | None = None) -> tuple[str, str]:
    """(text, id) of the party marked as the other one (को, के लिए, से, के साथ ...) nearest the value, else
    nearest its metric noun at token `noun` ('जापान को होने वाले भारतीय निर्यात में
    कमी दर्ज हुई, जो घटकर 6 अरब डॉलर बचा'); for a transfer with no party named, a recipient written as a plain noun."""
    frame = metrics().frames.get(predicate)
    total = bool(frame and frame.pair_partner and whole(v, i))   # 'जबकि कुल आयात N': a partner of its own clause
    for at in (i, noun):
        best = _marked_party(v, frame, at, owner, total) if at is not None else None
        if best:
            return best
    there = _place_anaphor(v, i, frame, state, owner)
    if there[0]:
        return there
    world = noun is not None and world_total(v, noun)
    hit = share_holder(v, i) if frame and frame.pair_partner and not world else None
    if hit and hit[1].label == "LOC" and hit[1].text != owner and hit[1].subtype not in DOMESTIC:
        return hit[1].text, hit[1].id               # 'भारत के निर्यात में ब्रिटेन की हिस्सेदारी': to ब्रिटेन
    listed = _listed_share(v, i, owner) if frame and frame.pair_partner else None
    if listed:
        return listed
    return _noun_counterpart(v, i, frame) if frame and frame.flow else ("", "")


def share_holder(v: View, i: int):
    """(first token, entity) of the party in the genitive before the share noun right before the value
    at i ('... में ब्रिटेन की हिस्सेदारी 3 प्रतिशत'), else None."""
    k = share_noun_before(v, i)
    return v.ent_ending(k - 1) if k and k > 1 and v.keys[k - 1] in cc("genitive") else None


def world_total(v: View, noun: int) -> bool:
    """Is the metric noun at token `noun` a world total (world_totals.tsv right before it, past a goods
    noun: 'वैश्विक तेल आयात')?"""
    totals = phrases("world_totals.tsv")
    return any(b in (noun, noun - 1) for _, b, _ in v.find(totals))


def _listed_share(v: View, i: int, owner: str) -> tuple[str, str] | None:
    """'... में अमेरिका का हिस्सा 18 प्रतिशत, यूएई का 8 प्रतिशत और चीन का 4 प्रतिशत': a place in the
    genitive right before a percentage, after a share of a partner stated earlier in the sentence."""
    hit = v.ent_ending(i - 1) if i > 1 and v.keys[i - 1] in cc("genitive") else None
    if not hit or hit[1].label != "LOC" or hit[1].text == owner:
        return None
    return (hit[1].text, hit[1].id) if share_listed_before(v, hit[0]) else None


def whole(v: View, i: int) -> bool:
    """A word of a whole (total_words.tsv: कुल) within six words before the value, in its clause."""
    return any(v.keys[k] in words("total_words.tsv") for k in range(max(0, i - 6), i) if v.clause(k) == v.clause(i))


def _marked_party(v: View, frame, at: int, owner: str, own_clause: bool = False) -> tuple[str, str] | None:
    """The party closed by one of the frame's counterpart markers nearest token `at` (12 tokens at most;
    `own_clause`: in the clause of `at` only)."""
    best = None
    for m in frame.counterpart if frame else ():
        n = len(m)
        for a, b, ent in v.entities():
            if ent.label == "PER" or ent.text == owner or own_clause and v.clause(a) != v.clause(at):
                continue
            if tuple(v.keys[b:b + n]) != m:
                b = _past_nouns_of(v, ent, b)
                if b is None or tuple(v.keys[b:b + n]) != m:
                    continue
            dist = abs(at - b)
            if dist <= 12 and (best is None or dist < best[0]):
                best = (dist, ent.text, ent.id)
    return (best[1], best[2]) if best else None


def _past_nouns_of(v: View, ent, b: int) -> int | None:
    """'नेपाल की जलविद्युत परियोजनाओं में', 'श्रीलंका के अनुराधापुरा के विकास के लिए': past a place's genitive
    and up to three plain words after it, each maybe closed by a genitive of its own (the marker after
    them marks the place's part as the partner), else None."""
    if ent.label != "LOC" or b >= len(v.keys) or v.keys[b] not in cc("genitive"):
        return None
    k, plain = b + 1, 0
    while k < len(v.keys) and plain < 3 and v.tag(k) == "W" and k not in v.ents:
        k, plain = k + 1, plain + 1
        if v.keys[k:k + 1] and v.keys[k] in cc("genitive") and k + 1 < len(v.keys) and v.tag(k + 1) == "W" \
                and k + 1 not in v.ents:
            k += 1
    return k if plain else None


def _bare_destination(v: View, k: int, frame) -> bool:
    """A bare वहां at token k before a one-sided trade figure whose partner is marked को ('अमेरिका ...
    बाजार है। वहां N का निर्यात हुआ': the destination); not before a case marker or a genitive."""
    nxt = v.keys[k + 1] if k + 1 < len(v.keys) else ""
    return bool(frame and frame.pair_partner and (marker("recipient"),) in frame.counterpart
                and nxt not in cc("case", "genitive"))


def _place_anaphor(v: View, i: int, frame, state: DocState | None, owner: str = "") -> tuple[str, str]:
    """'वहां से 17 अरब डॉलर का आयात': वहां with a counterpart marker names the last place the sentence
    named before it other than the owner ('चीन को भारत का निर्यात घटा, जबकि वहां से आयात ...': चीन),
    else the paragraph's last country other than the owner."""
    for k in range(max(0, i - 8), i):
        if anaphor_kind(v.keys[k]) != "place" or not (any(tuple(v.keys[k + 1:k + 1 + len(m)]) == m for m in (
                frame.counterpart if frame else ())) or _bare_destination(v, k, frame)):
            continue
        places = [e for a, b, e in v.entities("LOC") if b <= k and e.text != owner and
                  not (v.keys[b:b + 1] and v.keys[b] in cc("genitive"))]    # भारत का निर्यात: the owner
        if places:
            return places[-1].text, places[-1].id
        last = next((n for n in state.recent_countries() if n != owner), "") if state else ""
        return (last, state.id_of(v, last)) if last else ("", "")
    return "", ""
