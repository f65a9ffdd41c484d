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
    """What a meeting reviewed or discussed: a list of topics before पर / की + a discussion word in the
    same sentence ("व्यापार, रक्षा और ऊर्जा पर चर्चा की"), or a verbless list ending in सहित / आदि
    right after a sentence about reviewing or discussing."""
    out = []
    keys = v.keys[:-1] if v.tokens and v.tokens[-1].kind == "punct" else v.keys
    subject = summit_phrase(v) or ctx.summit or "वार्ता"
    for a, b in _topics_before_discussion(v):
        out.append(v.relation(subject, "reviews", v.text(a, b), "topics:list_before_discussion", (a, b)))
    if not out and ctx.topic_pending and keys[-1:] in (["सहित"], ["आदि"]):
        items = _list_items(keys, 0, len(keys) - 1)
        if len(items) >= 2:
            for a, b in items:
                out.append(v.relation(ctx.summit or "वार्ता", "reviews", v.text(a, b), "topics:list_after_review",
                                      (a, b)))
    ctx.summit = summit_phrase(v)
    ctx.topic_pending = bool(v.find(lists().topics))
    return out


# words that end a topic list on its left: the agent, other case phrases, clause openers
_LIST_STOPS = frozenset({"ने", "को", "में", "से", "का", "की", "के", "बीच", "दौरान", "कि", "(", ")", ":", "।", "-"})
_ITEM_MAX = 4         # words in one topic; longer runs are clauses, not list items


def _list_items(keys: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """The items of keys[start:end] separated by commas and conjunctions."""
    items, a = [], start
    for k in range(start, end + 1):
        if k == end or keys[k] in CONJ:
            if k > a:
                items.append((a, k))
            a = k + 1
    return items


def _topics_before_discussion(v: View) -> list[tuple[int, int]]:
    """X, Y और Z पर चर्चा / की समीक्षा: two or more short items joined by commas and one conjunction
    right before पर / की and a discussion word."""
    keys = v.keys
    for i, _, _ in v.find(lists().topics):
        if i < 4 or keys[i - 1] not in ("पर", "की"):
            continue
        end, k = i - 1, i - 2
        while k >= 0 and keys[k] not in _LIST_STOPS and k not in v.amts:
            k -= 1
        items = _list_items(keys, k + 1, end)
        joined = [keys[x] for x in range(k + 1, end) if keys[x] in CONJ]
        named = any(k + 1 <= x < end for x in v.ents)
        # topics, not parties: a name in the list (भारत और रूस ऊर्जा पर बातचीत करेंगे) is no topic list
        if len(items) >= 2 and not named and all(b - a <= _ITEM_MAX for a, b in items) \
                and joined[-1:] != [","] and sum(x != "," for x in joined) == 1:
            return items
    return []


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
