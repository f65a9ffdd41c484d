"""The owner a passage gives the figures whose sentence names none.

A news item about one economy writes its owner once and leaves it out of the next sentences ('देश का
निर्यात ... बढ़ा। इस दौरान आयात ... रहा।'), or only later ('... निर्यात 9 अरब डॉलर हो गया। ... देश से
हुआ निर्यात ...'). After the document's sentences are read, a metric fact with no subject, or one
whose owner its sentence left unsure (a minister speaking for a government, a party named that owns
nothing), takes the owner of the nearest fact of its family: its paragraph first (before it, then
after it), then the document. Families (frames.yaml): one-sided trade figures (`pair_partner`: exports,
imports, trade deficit and surplus); a government's figures (`public`: taxes, GST, fiscal deficit,
capital expenditure), which also take the government the passage writes (सरकार, केंद्र सरकार); and
each national figure that is no flow (GDP, inflation, unemployment, reserves) on its own. An unsure
fact no owner reaches is dropped, but a government's figure, stated for nobody written: its subject
stays empty."""
from __future__ import annotations

from functools import lru_cache

from ..core.doc import Relation
from .frames import metrics
from .lexicon import table
from .view import View

UNSURE = 0.0            # the score of a metric fact whose owner its own sentence left unsure
FILLED = 0.8            # the score of a fact whose owner the passage gave


def family(predicate: str) -> str:
    """The family of figures that share one owner in a passage ("" for a figure that has none)."""
    frame = metrics().frames.get(predicate)
    if frame is None:
        return ""
    if frame.pair_partner:
        return "trade"
    if frame.public:
        return "public"
    return predicate if frame.national and not frame.flow else ""


def _governments(v: View, n: int) -> list[tuple]:
    """(paragraph, sentence, text, id) of every government the sentence writes (owner_anaphors.tsv: self)."""
    kinds, firsts = _self_words()
    if firsts.isdisjoint(v.keys):
        return []
    out = []
    k = 0
    while k < len(v.keys):
        width = 2 if kinds.get(" ".join(v.keys[k:k + 2])) == "self" else 1
        if kinds.get(" ".join(v.keys[k:k + width])) == "self":
            out.append((v.paragraph, n, v.text(k, k + width), ""))
        k += width
    return out


@lru_cache(maxsize=1)
def _self_words() -> tuple[dict[str, str], frozenset[str]]:
    """owner_anaphors.tsv, and the first words of its government nouns (a sentence without one names none)."""
    kinds = table("owner_anaphors.tsv", "word", "refers_to")
    return kinds, frozenset(w.split()[0] for w, kind in kinds.items() if kind == "self")


class Passages:
    """Where each sentence lies (paragraph, position) and the governments the text writes, gathered
    view by view as the stage reads them, so owners are filled without keeping the views."""

    def __init__(self) -> None:
        self.where: dict[str, tuple[int, int]] = {}
        self.governments: list[tuple] = []

    def see(self, v: View, n: int) -> None:
        self.where[v.sent.id] = (v.paragraph, n)
        self.governments += _governments(v, n)


def fill_owners(relations: list[Relation], passages: Passages) -> list[Relation]:
    """The relations with every ownerless figure given its passage's owner, unsure ones no owner
    reaches left out, and transfers that name no party at all."""
    where = passages.where
    sources: dict[str, list[tuple]] = {}
    for r in relations:
        fam = family(r.predicate) if r.aspect else ""
        if fam and r.subject and r.score > UNSURE:
            sources.setdefault(fam, []).append((*where[r.sentence_id], r.subject, r.subject_id))
    if any(family(r.predicate) == "public" and not r.subject for r in relations):
        sources["public"] = sorted(sources.get("public", []) + passages.governments, key=lambda s: s[1])
    out = []
    for r in relations:
        fam = family(r.predicate) if r.aspect else ""
        if fam and not r.subject:
            r.subject, r.subject_id = _nearest(sources.get(fam, []), *where[r.sentence_id])
            if r.subject or r.score == UNSURE and fam == "public":
                r.score = FILLED
        if r.score > UNSURE and not _partyless_flow(r):
            out.append(r)
    return out


def _partyless_flow(r: Relation) -> bool:
    """A transfer of money that names no party at all, neither who gives nor who gets nor who says so
    ('म्यूचुअल फंड में निवेश N रहा', 'यह निवेश N प्रतिशत ज्यादा है'): it tells only that some money moved."""
    frame = metrics().frames.get(r.predicate)
    return frame is not None and frame.flow and not frame.national and not (r.subject or r.counterpart or r.attributed_to)


def _nearest(sources: list[tuple], paragraph: int, sentence: int) -> tuple[str, str]:
    """The owner nearest a fact: in its paragraph before it, after it; then in the document."""
    for scope in (lambda p: p == paragraph, lambda p: True):
        here = [s for s in sources if scope(s[0])]
        before = [s for s in here if s[1] <= sentence]
        after = [s for s in here if s[1] > sentence]
        if before or after:
            return (before[-1] if before else after[0])[2:]
    return "", ""
