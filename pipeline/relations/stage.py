"""Stage `relations`: typed facts with evidence, from rules over tokens, entities and amounts.

Rules run sentence by sentence in document order; a Context carries the previous sentence's
metric, subject and period (through a run of metric sentences only), facility and summit, so
anaphora (यह, इस) and verbless lists resolve.
Every relation's evidence span lies inside its sentence. The document's dateline (place and date
of a news item) goes to doc.metadata["dateline"] (dateline.py) and the documents table.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..doc import Document
from ..stage import Stage
from .dateline import dateline
from .rules_facts import Context, facility_status, membership_location_agreements, metric_values, topics
from .rules_people import meets, role, visits
from .view import DATA_DIR, build_views


class RelationsStage(Stage):
    name = "relations"
    requires = ("sentences", "tokens", "entities", "amounts", "syntax")
    provides = ("relations", "dateline")

    def version(self) -> str:
        h = hashlib.sha256()
        for p in sorted(DATA_DIR.glob("*.tsv")) + sorted(Path(__file__).parent.glob("*.py")):
            h.update(p.read_bytes())
        return h.hexdigest()[:16]

    def __call__(self, doc: Document) -> None:
        ctx = Context()
        seen = set()
        views = build_views(doc)
        found_dateline = dateline(views)
        if found_dateline:
            doc.metadata["dateline"] = found_dateline
        for v in views:
            ctx.next_sentence()
            found = role(v) + meets(v) + visits(v) + metric_values(v, ctx) + facility_status(v, ctx)
            found += topics(v, ctx) + membership_location_agreements(v)
            for r in found:
                key = (r.sentence_id, r.subject, r.predicate, r.object)
                if key in seen:
                    continue
                seen.add(key)
                r.id = f"{doc.doc_id}:r{len(doc.relations)}"
                doc.relations.append(r)
