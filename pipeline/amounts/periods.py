"""The calendar value of a relation's period: the relations stage writes the period as text
("पिछले साल दिसंबर", "सोमवार", "2023-24"); its resolved value is that of the calendar amount of the
same sentence the text names (else of the nearest sentence: a period carried over from the one before,
"तब से"), so the relations and amounts tables always agree. A
period that holds no calendar amount (हाल ही में, फिलहाल) has none."""
from __future__ import annotations

from ..core.doc import Amount, Document, Relation
from .anchoring import CALENDAR_KINDS


def period_values(doc: Document) -> dict[str, str]:
    """relation id -> the resolved value of its period ("" when it names no calendar amount)."""
    calendar = [a for a in doc.amounts if a.kind in CALENDAR_KINDS and a.resolved]
    by_sentence: dict[str, list[Amount]] = {}
    for a in calendar:
        by_sentence.setdefault(a.sentence_id, []).append(a)
    return {r.id: _value(r, by_sentence.get(r.sentence_id, [])) or _value(r, calendar)
            for r in doc.relations if r.period}


def _value(r: Relation, amounts: list[Amount]) -> str:
    """The amount whose text is the period, else the longest one inside it; of several, the one
    nearest the relation's evidence."""
    hits = [a for a in amounts if a.text == r.period] or [a for a in amounts if a.text in r.period]
    if not hits:
        return ""
    longest = max(len(a.text) for a in hits)
    hits = [a for a in hits if len(a.text) == longest]
    return min(hits, key=lambda a: (_distance(a, r), a.start)).resolved


def _distance(a: Amount, r: Relation) -> int:
    if a.end <= r.start:
        return r.start - a.end
    return max(0, a.start - r.end)
