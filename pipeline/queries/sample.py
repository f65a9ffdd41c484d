"""A small hand-labelled sample in the real table format: one document (`SAMPLE_TEXT`) with its
entities, amounts and relations made by hand, for the tests, and for trying the notebook or
`hindi-extract show --from` before a real run (`write_sample_outputs`)."""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

from ..core.doc import Amount, Document, Entity, Relation, Sentence, Token
from ..core.tables import TABLES, document_rows, frame, write_table

SAMPLE_TEXT = (
    "विदेश सचिव विनय क्वात्रा ने कहा कि भारत और रूस के बीच 22वां वार्षिक शिखर सम्मेलन मोदी और पुतिन को "
    "द्विपक्षीय मुद्दों की समीक्षा का अवसर देगा। "
    "भारत-रूस द्विपक्षीय व्यापार में 2023-24 में तीव्र वृद्धि देखी गई है। "
    "तब से यह 65 बिलियन डॉलर के करीब पहुंच गया है। "
    "4 बिलियन डॉलर के भारतीय निर्यात और 60 बिलियन डॉलर के करीब भारतीय आयात के साथ, व्यापार असंतुलित है। "
    "विदेश मंत्री ने दिसंबर में मास्को का दौरा किया और वे एससीओ शिखर सम्मेलन के मौके पर मिले थे। "
    "भारत और ऑस्ट्रिया के बीच व्यापार 2022-23 में 2.5 अरब यूरो रहा, और नई दिल्ली में 500 करोड़ रुपये का "
    "निवेश हुआ।"
)
# (text, occurrence, label, subtype, canonical)
_SAMPLE_ENTITIES = [
    ("विनय क्वात्रा", 0, "PER", "person", "Vinay Kwatra"), ("भारत", 0, "LOC", "country", "India"),
    ("रूस", 0, "LOC", "country", "Russia"), ("मोदी", 0, "PER", "leader", "Narendra Modi"),
    ("पुतिन", 0, "PER", "leader", "Vladimir Putin"), ("भारत", 1, "LOC", "country", "India"),
    ("रूस", 1, "LOC", "country", "Russia"), ("मास्को", 0, "LOC", "capital", "Moscow"),
    ("एससीओ", 0, "ORG", "grouping", "SCO"), ("भारत", 4, "LOC", "country", "India"),
    ("ऑस्ट्रिया", 0, "LOC", "country", "Austria"), ("नई दिल्ली", 0, "LOC", "capital", "New Delhi"),
]
# (text, occurrence, kind, value, currency, scale, qualifier, normalized_value)
_SAMPLE_AMOUNTS = [
    ("22वां", 0, "ordinal", "22", "", "", "", "22"),
    ("2023-24", 0, "fiscal_year", "2023-24", "", "", "", None),
    ("65 बिलियन डॉलर", 0, "money", "65", "USD", "बिलियन", "approx", "65000000000"),
    ("4 बिलियन डॉलर", 0, "money", "4", "USD", "बिलियन", "", "4000000000"),
    ("60 बिलियन डॉलर", 0, "money", "60", "USD", "बिलियन", "approx", "60000000000"),
    ("2022-23", 0, "fiscal_year", "2022-23", "", "", "", None),
    ("2.5 अरब यूरो", 0, "money", "2.5", "EUR", "अरब", "", "2500000000"),
    ("500 करोड़ रुपये", 0, "money", "500", "INR", "करोड़", "", "5000000000"),
]


def sample_document() -> Document:
    """A Document with hand-made entities, amounts and relations over SAMPLE_TEXT."""
    text, did = SAMPLE_TEXT, "sample.txt"
    doc = Document(doc_id=did, path="sample.txt", text=text)
    data = text.encode("utf-8")
    doc.metadata.update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    _add_sentences_and_tokens(doc)
    _add_entities(doc)
    _add_amounts(doc)
    _add_relations(doc)
    return doc


def _find(text: str, word: str, nth: int) -> int:
    """Where the nth (from 0) occurrence of word starts in text."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return pos


def _add_sentences_and_tokens(doc: Document) -> None:
    """Sentences end at the danda; tokens are words and single punctuation marks."""
    text, did = doc.text, doc.doc_id
    for m in re.finditer(r"[^।]+।\s*", text):
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        doc.sentences.append(Sentence(id=f"{did}:s{len(doc.sentences)}", start=m.start(), end=end,
                                      text=text[m.start():end], index=len(doc.sentences)))
    for s in doc.sentences:
        for i, w in enumerate(re.finditer(r"\w+|[^\w\s]", s.text)):
            doc.tokens.append(Token(id=f"{did}:k{len(doc.tokens)}", start=s.start + w.start(),
                                    end=s.start + w.end(), text=w.group(), sentence_id=s.id, index=i))


def _add_entities(doc: Document) -> None:
    """_SAMPLE_ENTITIES as gazetteer entities, numbered in text order; विनय क्वात्रा with his title."""
    did = doc.doc_id
    for w, nth, label, sub, canon in _SAMPLE_ENTITIES:
        p = _find(doc.text, w, nth)
        ent = Entity(id=f"{did}:e{len(doc.entities)}", start=p, end=p + len(w), text=w,
                     sentence_id=doc.sentence_at(p).id, label=label, subtype=sub, source="gazetteer",
                     canonical=canon)
        if w == "विनय क्वात्रा":
            ent.role, ent.role_start, ent.role_end = "विदेश सचिव", p - 11, p - 1
        doc.entities.append(ent)
    doc.entities.sort(key=lambda e: e.start)
    for i, e in enumerate(doc.entities):
        e.id = f"{did}:e{i}"


def _add_amounts(doc: Document) -> None:
    did = doc.doc_id
    for w, nth, kind, value, cur, scale, qual, norm in _SAMPLE_AMOUNTS:
        p = _find(doc.text, w, nth)
        doc.amounts.append(Amount(id=f"{did}:a{len(doc.amounts)}", start=p, end=p + len(w), text=w,
                                  sentence_id=doc.sentence_at(p).id, kind=kind, value=value, currency=cur,
                                  scale=scale, qualifier=qual, normalized_value=Decimal(norm) if norm else None))


def _add_relations(doc: Document) -> None:
    """The sample's relations, each with its evidence text and the ids of the rows it connects."""
    did = doc.doc_id
    by_text: dict[str, list[Entity]] = {}
    for e in doc.entities:
        by_text.setdefault(e.text, []).append(e)
    amt = {a.text: a for a in doc.amounts}

    def rel(subj, pred, obj, ev, ids=("", ""), period="", qualifier="", rule=""):
        """A relation whose evidence is `ev`; `ids` are its subject's and object's row ids."""
        subject_id, object_id = ids
        p = _find(doc.text, ev, 0)
        aspect = "level" if object_id in {a.id for a in doc.amounts} else ""
        doc.relations.append(Relation(id=f"{did}:r{len(doc.relations)}", sentence_id=doc.sentence_at(p).id,
                                      subject=subj, predicate=pred, object=obj, start=p, end=p + len(ev),
                                      text=ev, subject_id=subject_id, object_id=object_id, period=period,
                                      aspect=aspect, qualifier=qualifier, rule=rule or f"{pred}:sample"))

    india, russia = by_text["भारत"], by_text["रूस"]
    rel("भारत", "summit", "रूस", "भारत और रूस के बीच 22वां वार्षिक शिखर सम्मेलन", (india[0].id, russia[0].id),
        qualifier="22वां वार्षिक शिखर सम्मेलन")
    rel("मोदी", "meets", "पुतिन", "मोदी और पुतिन", (by_text["मोदी"][0].id, by_text["पुतिन"][0].id))
    rel("भारत-रूस", "bilateral_trade", "65 बिलियन डॉलर", "तब से यह 65 बिलियन डॉलर के करीब पहुंच गया है",
        (f"{india[1].id}|{russia[1].id}", amt["65 बिलियन डॉलर"].id), period="2023-24", qualifier="approx")
    rel("भारत", "exports", "4 बिलियन डॉलर", "4 बिलियन डॉलर के भारतीय निर्यात", ("", amt["4 बिलियन डॉलर"].id),
        period="2023-24")
    rel("भारत", "imports", "60 बिलियन डॉलर", "60 बिलियन डॉलर के करीब भारतीय आयात",
        ("", amt["60 बिलियन डॉलर"].id), period="2023-24", qualifier="approx")
    rel("विदेश मंत्री", "visits", "मास्को", "विदेश मंत्री ने दिसंबर में मास्को का दौरा किया",
        ("", by_text["मास्को"][0].id))
    rel("भारत-ऑस्ट्रिया", "bilateral_trade", "2.5 अरब यूरो", "भारत और ऑस्ट्रिया के बीच व्यापार 2022-23 में 2.5 अरब यूरो",
        (f"{india[-1].id}|{by_text['ऑस्ट्रिया'][0].id}", amt["2.5 अरब यूरो"].id), period="2022-23")
    rel("नई दिल्ली", "investment", "500 करोड़ रुपये", "नई दिल्ली में 500 करोड़ रुपये का निवेश",
        (by_text["नई दिल्ली"][0].id, amt["500 करोड़ रुपये"].id))


def write_sample_outputs(out_dir: str | Path, formats=("csv", "parquet")) -> Path:
    """Write the sample document's tables to out_dir, exactly as `hindi-extract run` would."""
    rows = document_rows(sample_document())
    for t in TABLES:
        write_table(frame(t, rows[t]), Path(out_dir), t, formats)
    return Path(out_dir)
