"""Meetings and summits named with titles: 'प्रधानमंत्री और श्री ट्रंप के बीच ... बात हुई' (a title
and a person), 'एस जयशंकर और पाकिस्तान के विदेश सचिव की मुलाकात' (a person and a title phrase),
and summits of a hyphenated pair: 'भारत-अफ्रीका फोरम शिखर सम्मेलन'."""
from __future__ import annotations

from ..core.doc import Relation
from .view import CONJ, View, lists

HONORIFICS = frozenset({"श्री", "श्रीमती"})


def _title_phrase_at(v: View, k: int) -> tuple[int, int] | None:
    """A title starting at k, with its country before it ('पाकिस्तान के विदेश सचिव')."""
    titles = {a: b for a, b in v.titles()}
    start = k
    hit = v.ents.get(k)
    if hit and hit[1].label == "LOC" and v.keys[hit[0]:hit[0] + 1] in (["के"], ["की"], ["का"]):
        k = hit[0] + 1
    return (start, titles[k]) if k in titles else None


def titled_meetings(v: View) -> list[Relation]:
    if not v.find(lists().meeting):
        return []
    out = []
    titles = {a: b for a, b in v.titles()}
    for a, b in titles.items():                     # TITLE और [श्री] PERSON के बीच
        if v.keys[b:b + 1] and v.keys[b] in CONJ and (a == 0 or not v.ent_ending(a)):
            k = b + 1 + (v.keys[b + 1:b + 2] and v.keys[b + 1] in HONORIFICS)
            hit = v.ents.get(k)
            if hit and hit[1].label == "PER" and v.keys[hit[0]:hit[0] + 2] == ["के", "बीच"] and a not in v.ents:
                out.append(v.relation(v.text(a, b), "meets", hit[1].text, "meets:title_and_person", (a, hit[0])))
    for i, j, e in v.entities("PER"):               # PERSON और [LOC के] TITLE की मुलाकात / के बीच
        if v.keys[j:j + 1] and v.keys[j] in CONJ:
            span = _title_phrase_at(v, j + 1)
            if span and not v.ents.get(span[1]) and (v.keys[span[1]:span[1] + 2] == ["के", "बीच"] or
                                                     (v.keys[span[1]:span[1] + 1] == ["की"] and
                                                      lists().meeting.at(v.keys, span[1] + 1))):
                out.append(v.relation(e.text, "meets", v.text(*span), "meets:person_and_title", (i, span[1])))
    return out


def hyphen_summits(v: View) -> list[Relation]:
    out = []
    locs = v.entities("LOC")
    summit_at = [i for i, j, kind in v.find(lists().meeting) if kind == "summit"]
    for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
        if v.keys[j1:i2] == ["-"] and any(0 <= s - j2 <= 3 for s in summit_at):
            out.append(v.relation(a.text, "summit", b.text, "summit:hyphen_pair_summit", (i1, j2)))
    return out
