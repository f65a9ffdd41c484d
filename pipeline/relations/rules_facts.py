"""Relations about things: facility status, topics, membership, location, agreements. `Context`
carries what the previous sentence named (a facility, a summit, a discussion)."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.doc import Relation
from .rules_people import summit_phrase
from .view import CONJ, View, lists


@dataclass
class Context:
    """What the previous sentence named: its facility (for a status sentence right after it), its
    summit and whether it spoke of reviewing or discussing (for a list of topics)."""
    facility: str = ""
    facility_id: str = ""
    facility_age: int = 0
    summit: str = ""
    topic_pending: bool = False

    def next_sentence(self) -> None:
        """A facility is the context of its own sentence and the next one only: the units of a
        metro line three sentences later are not the reactor's."""
        self.facility_age += 1
        if self.facility_age > 1:
            self.facility = self.facility_id = ""


def facility_status(v: View, ctx: Context) -> list[Relation]:
    facs = [(i, j, e) for i, j, e in v.entities("LOC") if e.subtype == "facility"]
    if facs:
        ctx.facility, ctx.facility_id, ctx.facility_age = facs[0][2].text, facs[0][2].id, 0
    status = v.find(lists().status)
    units = v.find(lists().units)
    if not status or not units or not ctx.facility:
        return []
    out = []
    ui, uj, _ = units[0]
    owner = v.ent_ending(ui - 1) if ui > 1 and v.keys[ui - 1] in ("की", "का", "के") else None
    if owner and owner[1].text != ctx.facility:
        return []                   # 'दिल्ली मेट्रो की इकाइयाँ': another place's units
    k = uj
    while k < len(v.keys) and (v.tokens[k].kind == "number" or v.keys[k] in CONJ):
        if v.tokens[k].kind == "number":
            num = v.amts.get(k)
            out.append(v.relation(ctx.facility, status[0][2], f"{v.text(ui, uj)} {v.tokens[k].text}",
                                  "status:units_with_status_word", subject_id=ctx.facility_id,
                                  object_id=num[1].id if num else ""))
        k += 1
    return out


def topics(v: View, ctx: Context) -> list[Relation]:
    """A verbless list ending in सहित/आदि after a sentence about reviewing/discussing."""
    out = []
    keys = v.keys[:-1] if v.tokens and v.tokens[-1].kind == "punct" else v.keys
    if ctx.topic_pending and keys[-1:] in (["सहित"], ["आदि"]):
        end = len(keys) - 1
        items, start = [], 0
        for k in range(end + 1):
            if k == end or keys[k] in CONJ:
                if k > start:
                    items.append((start, k))
                start = k + 1
        if len(items) >= 2:
            for a, b in items:
                out.append(v.relation(ctx.summit or "वार्ता", "reviews", v.text(a, b), "topics:list_after_review",
                                      (a, b)))
    ctx.summit = summit_phrase(v)
    ctx.topic_pending = bool(v.find(lists().topics))
    return out


def locations(v: View) -> list[Relation]:
    out = []
    locs = v.entities("LOC")
    for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
        between = v.keys[j1:i2]
        # "पाकिस्तान के रावलपिंडी", "गुजरात में स्थित मुंद्रा बंदरगाह": the place comes second;
        # "पुणे, महाराष्ट्र": a city, then its state or country after the comma
        inner, outer = (a, b) if between == [","] else (b, a)
        if between in (["में", "स्थित"], ["के"], ["की"], [","]) and inner.subtype in ("city", "facility"):
            if outer.subtype in ("country", "state", "union_territory", "city") and outer.subtype != inner.subtype:
                out.append(v.relation(inner.text, "located_in", outer.text, "located_in:place_of_place", (i1, j2),
                                      subject_id=inner.id, object_id=outer.id))
    return out
