"""AmountsStage: find_amounts over the normalized text, spans mapped back to the original text, and
every calendar amount placed against the document's reference date (reference.py, anchoring.py).

Config: `bare_ek` (keep "एक" alone as a number), `reference_date` (YYYY-MM-DD: the date of every
document without a dateline or dated heading, CLI --date), `dates_file` (a CSV/TSV of doc_id, date:
one date per document, CLI --dates). The dates file's bytes are part of version(), so editing it
reprocesses the documents.
"""
from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from pipeline.core.doc import Amount, Document
from pipeline.core.stage import ContractError, Stage

from ..text import closed_class
from .anchoring import resolve
from .grammar import find_amounts
from .reference import Given, document_reference, parse_date, read_dates_file
from .tense import direction_after
from .word_tables import data_fingerprint

BARE_EK = closed_class.word("indefinite_article")
DATE_KINDS = ("date", "date_range")


class AmountsStage(Stage):
    name = "amounts"
    requires = ("norm", "sentences")
    provides = ("amounts",)
    # "एक" alone is mostly the indefinite article (एक विशेष ब्रीफिंग): not an amount unless asked
    defaults: dict = {"bare_ek": False, "reference_date": "", "dates_file": ""}

    def __init__(self, config=None):
        super().__init__(config)
        try:
            self.given   # a bad date or dates file is a build-time problem, reported before any document
        except ValueError as e:
            raise ContractError(f"stage 'amounts': {e}") from None

    @cached_property
    def given(self) -> Given:
        run_date = self.config["reference_date"]
        path = self.config["dates_file"]
        return Given(read_dates_file(path) if path else {},
                     parse_date(run_date, "--date") if run_date else None)

    def __call__(self, doc: Document) -> None:
        doc.amounts = []
        found = [m for m in find_amounts(doc.norm.text)
                 if self.config["bare_ek"] or m.kind != "number" or m.text != BARE_EK]
        spans = [doc.to_original(m.start, m.end) for m in found]
        places = [(e.start, e.end) for e in doc.entities if e.label == "LOC"]
        dates = [(s, e, str(m.value)) for m, (s, e) in zip(found, spans) if m.kind in DATE_KINDS]
        ref, _ = document_reference(doc.text, places, dates, self.given.for_doc(doc.doc_id))
        doc.metadata["reference"] = {"date": ref.date.isoformat() if ref.date else "", "source": ref.source}
        for m, (start, end) in zip(found, spans):
            sent = doc.sentence_at(start)
            sent_end = doc.norm.to_norm(sent.end, sent.end)[0] if sent is not None else None
            resolved, anchor = resolve(m, ref, direction_after(doc.norm.text, m.end, sent_end))
            doc.amounts.append(Amount(
                id=f"{doc.doc_id}:a{len(doc.amounts)}", start=start, end=end, text=doc.text[start:end],
                sentence_id=sent.id if sent is not None else "", kind=m.kind, value=m.value,
                value_min=m.value_min, value_max=m.value_max, currency=m.currency, unit=m.unit,
                scale=_original_scale(doc, m), qualifier=m.qualifier, normalized_value=m.normalized_value,
                resolved=resolved, anchor=anchor))

    def version(self) -> str:
        path = self.config["dates_file"]
        dates = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16] if path else ""
        return "amounts-" + data_fingerprint() + (f"-dates-{dates}" if dates else "")


def _original_scale(doc: Document, m) -> str:
    """The scale word as written in the original text (करोड़ with its nukta), not its normalized form."""
    if not m.scale:
        return ""
    i = doc.norm.text.find(m.scale, m.start, m.end)
    if i < 0:
        return m.scale
    s, e = doc.to_original(i, i + len(m.scale))
    return doc.text[s:e]
