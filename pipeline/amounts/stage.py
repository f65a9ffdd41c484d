"""AmountsStage: find_amounts over the normalized text, spans mapped back to the original text."""
from __future__ import annotations

from pipeline.core.doc import Amount, Document
from pipeline.core.stage import Stage

from ..text import closed_class
from .grammar import find_amounts
from .word_tables import data_fingerprint

BARE_EK = closed_class.word("indefinite_article")


class AmountsStage(Stage):
    name = "amounts"
    requires = ("norm", "sentences")
    provides = ("amounts",)
    # "एक" alone is mostly the indefinite article (एक विशेष ब्रीफिंग): not an amount unless asked
    defaults: dict = {"bare_ek": False}

    def __call__(self, doc: Document) -> None:
        doc.amounts = []
        for m in find_amounts(doc.norm.text):
            if not self.config["bare_ek"] and m.kind == "number" and m.text == BARE_EK:
                continue
            n = len(doc.amounts)
            start, end = doc.to_original(m.start, m.end)
            sent = doc.sentence_at(start)
            doc.amounts.append(Amount(
                id=f"{doc.doc_id}:a{n}", start=start, end=end, text=doc.text[start:end],
                sentence_id=sent.id if sent is not None else "", kind=m.kind, value=m.value,
                value_min=m.value_min, value_max=m.value_max, currency=m.currency, unit=m.unit,
                scale=_original_scale(doc, m), qualifier=m.qualifier, normalized_value=m.normalized_value))

    def version(self) -> str:
        return "amounts-" + data_fingerprint()


def _original_scale(doc: Document, m) -> str:
    """The scale word as written in the original text (करोड़ with its nukta), not its normalized form."""
    if not m.scale:
        return ""
    i = doc.norm.text.find(m.scale, m.start, m.end)
    if i < 0:
        return m.scale
    s, e = doc.to_original(i, i + len(m.scale))
    return doc.text[s:e]
