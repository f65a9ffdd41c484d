"""Relations outside the scored inventory: a facility's status (operational, under_construction,
shut_down), what a meeting discussed (reviews) and the place of a place (located_in). `Context`
carries the facility the previous sentence named."""
from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass

from ..core.doc import Relation
from ..syntax.features import features_of
from .anaphora import DocState
from .frames import event_frames
from .lexicon import cc, coordinators, marker, phrases, words
from .view import View

ITEM_MAX = 4          # words in one topic; longer runs are clauses, not list items


@dataclass
class Context:
    """The facility of the previous sentence: the context of a status sentence right after it only
    (the units of a metro line three sentences later are not the reactor's)."""
    facility: str = ""
    facility_id: str = ""
    facility_age: int = 0

    def next_sentence(self) -> None:
        self.facility_age += 1
        if self.facility_age > 1:
            self.facility = self.facility_id = ""


def facility_status(v: View, ctx: Context) -> list[Relation]:
    facs = [(i, j, e) for i, j, e in v.entities("LOC") if e.subtype == "facility"]
    if facs:
        ctx.facility, ctx.facility_id, ctx.facility_age = facs[0][2].text, facs[0][2].id, 0
    status, units = v.find(phrases("status_words.tsv")), v.find(phrases("unit_words.tsv"))
    if not status or not units or not ctx.facility:
        return []
    out = []
    ui, uj, _ = units[0]
    owner = v.ent_ending(ui - 1) if ui > 1 and v.keys[ui - 1] in cc("genitive") else None
    if owner and owner[1].text != ctx.facility:
        return []                   # 'दिल्ली मेट्रो की इकाइयाँ': another place's units
    k = uj
    while k < len(v.keys) and (v.tokens[k].kind == "number" or v.keys[k] in coordinators()):
        if v.tokens[k].kind == "number":
            num = v.amts.get(k)
            out.append(v.relation(ctx.facility, status[0][2], f"{v.text(ui, uj)} {v.tokens[k].text}",
                                  "status:units_with_status_word", subject_id=ctx.facility_id,
                                  object_id=num[1].id if num else ""))
        k += 1
    return out


def _list_items(keys: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """The items of keys[start:end] separated by commas and conjunctions."""
    items, a, joins = [], start, coordinators()
    for k in range(start, end + 1):
        if k == end or keys[k] in joins:
            if k > a:
                items.append((a, k))
            a = k + 1
    return items


def _topic_list(v: View, i: int) -> list[tuple[int, int]]:
    """X, Y और Z right before पर / की at token i: two or more short items, one conjunction, no name."""
    keys, stops = v.keys, cc("case", "genitive", "subord", "relative") | {"(", ")", ":", "।", "-"}
    end, k = i - 1, i - 2
    while k >= 0 and keys[k] not in stops and k not in v.amts:
        k -= 1
    items = _list_items(keys, k + 1, end)
    joined = [keys[x] for x in range(k + 1, end) if keys[x] in coordinators()]
    named = any(k + 1 <= x < end for x in v.ents)
    verbs = any(_verb(v, x) for x in range(k + 1, end))
    if len(items) >= 2 and not named and not verbs and all(b - a <= ITEM_MAX for a, b in items) \
            and joined[-1:] != [","] and sum(x != "," for x in joined) == 1:
        return items
    return []


def _verb(v: View, k: int) -> bool:
    """Token k is a verb form (by its tag, or a tense its ending shows: मिलेंगे)."""
    return v.tag(k) in ("LV", "AUX") or bool(features_of([v.keys[k]], []).tense)


def topics(v: View, state: DocState) -> list[Relation]:
    """What a meeting discussed: 'दोनों नेताओं ने व्यापार, रक्षा और ऊर्जा पर चर्चा की' -> (दोनों नेताओं,
    reviews, व्यापार) ...: the subject is who discussed, the ने phrase as written (the pair it names
    is read by the meeting frames), else the meeting named in the sentence; neither, no row."""
    for i, _, _ in v.find(phrases("topic_words.tsv")):
        if i < 4 or v.keys[i - 1] not in cc("case", "genitive"):
            continue
        items = _topic_list(v, i)
        if not items:
            continue
        subject = _discussant(v, i)
        if subject:
            return [v.relation(subject, "reviews", v.text(a, b), "reviews:topic_list", (a, b)) for a, b in items]
    return []


def _discussant(v: View, i: int) -> str:
    """The ने phrase before token i, as written, else the meeting noun of the sentence."""
    for k in range(i - 1, 0, -1):
        if v.keys[k] == marker("agent"):
            a = k
            while a > 0 and v.tag(a - 1) in ("W", "DET") and k - a < 3:
                a -= 1
            return v.text(a, k) if a < k else ""
    hits = [h for f in event_frames() if f.predicate in ("meets", "summit") for h in f.hits(v.keys) if h[0] < i
            and not any(_verb(v, k) for k in range(*h))]          # a meeting noun, not a verb (मिलेंगे)
    return v.text(*min(hits)) if hits else ""


def locations(v: View, state: DocState) -> list[Relation]:
    """'पाकिस्तान के रावलपिंडी', 'गुजरात में स्थित मुंद्रा बंदरगाह': the place comes second;
    'पुणे, महाराष्ट्र': a city, then its state or country after the comma."""
    out = []
    locs = v.entities("LOC")
    located = _located()
    for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
        between = v.keys[j1:i2]
        inner, outer = (a, b) if between == [","] else (b, a)
        ok = between == [","] or (len(between) == 1 and between[0] in cc("genitive")) or tuple(between) in located
        if ok and inner.subtype in ("city", "facility") and outer.subtype != inner.subtype \
                and outer.subtype in ("country", "state", "union_territory", "city"):
            out.append(v.relation(inner.text, "located_in", outer.text, "located_in:place_of_place", (i1, j2),
                                  subject_id=inner.id, object_id=outer.id))
    return out


@lru_cache(maxsize=1)
def _located() -> frozenset[tuple[str, str]]:
    """(case marker, location word): 'में स्थित' between a place and the place it lies in."""
    return frozenset((marker_word, w) for marker_word in cc("case") for w in words("location_words.tsv"))
