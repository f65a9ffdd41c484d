"""A surname written alone after the person's full name is that person (pipeline/entities/surnames.py)."""
import pytest

from pipeline.runner import Pipeline

SKIP = ("amounts", "syntax", "relations", "triples")


@pytest.fixture(scope="module")
def rules_pipe():
    return Pipeline({"entities": {"ner": "none"}}, skip=SKIP)


def _people(doc):
    return [(e.text, e.source) for e in doc.entities if e.label == "PER"]


def test_lone_surname_after_titled_full_name(rules_pipe):
    doc = rules_pipe.process_text("कृषि सचिव देवेश चतुर्वेदी ने बैठक बुलाई। बाद में चतुर्वेदी ने पत्रकारों से बात की।", "a")
    assert ("चतुर्वेदी", "surname") in _people(doc)
    e = next(e for e in doc.entities if e.source == "surname")
    assert doc.text[e.start:e.end] == "चतुर्वेदी"
    assert e.sentence_id.endswith("s1")


def test_no_surname_before_the_full_name(rules_pipe):
    doc = rules_pipe.process_text("चतुर्वेदी ने बात की। कृषि सचिव देवेश चतुर्वेदी ने बैठक बुलाई।", "a")
    assert ("चतुर्वेदी", "surname") not in _people(doc)


@pytest.mark.parametrize("text", [
    # an ordinary word that is also a surname (data/surname_words.tsv)
    "गृह राज्य मंत्री नित्यानंद राय ने बैठक बुलाई। इस पर सभी की राय एक थी।",
    # after a genitive: the noun, not the person
    "राज्य मंत्री कपिल पाटिल ने सभा की। लोगों की पाटिल में रुचि थी।",
])
def test_surname_not_taken(rules_pipe, text):
    doc = rules_pipe.process_text(text, "a")
    assert not [e for e in doc.entities if e.source == "surname"], _people(doc)
