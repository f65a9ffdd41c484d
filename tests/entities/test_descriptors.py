"""A company named right after a descriptor noun is an ORG (pipeline/entities/descriptors.py)."""
import pytest

from pipeline.runner import Pipeline


@pytest.fixture(scope="module")
def rules_pipe():
    return Pipeline({"entities": {"ner": "none"}}, skip=("amounts", "syntax", "relations", "triples"))


def _orgs(doc):
    return [(e.text, e.subtype, e.source) for e in doc.entities if e.label == "ORG"]


@pytest.mark.parametrize("text,name", [
    ("विमानन कंपनी आकासा एयर को तिमाही में घाटा हुआ।", "आकासा एयर"),
    ("दवा कंपनी ग्लेनमार्क ने नतीजे जारी किए।", "ग्लेनमार्क"),
    ("सॉफ्टवेयर फर्म ज़ोहो (Zoho) में निवेश बढ़ा।", "ज़ोहो"),
])
def test_name_after_descriptor(rules_pipe, text, name):
    doc = rules_pipe.process_text(text, "a")
    assert (name, "company", "descriptor") in _orgs(doc)
    e = next(e for e in doc.entities if e.source == "descriptor")
    assert doc.text[e.start:e.end] == name


@pytest.mark.parametrize("text", [
    "कंपनी ने नतीजे जारी किए।",                    # a postposition right after the descriptor
    "कंपनी इस संयंत्र पर निवेश करेगी।",             # a stopword
    "यह देश की सबसे बड़ी कंपनी बन गई है।",          # a verb after it, no name
])
def test_no_name_after_descriptor(rules_pipe, text):
    doc = rules_pipe.process_text(text, "a")
    assert not [e for e in doc.entities if e.source == "descriptor"], _orgs(doc)


@pytest.mark.parametrize("text,name", [
    ("मारुति सुजुकी इंडिया की बिक्री अक्टूबर में घटी।", "मारुति सुजुकी इंडिया"),
    ("हुंडई मोटर इंडिया ने दाम बढ़ाए।", "हुंडई मोटर इंडिया"),
    ("टोयोटा किर्लोस्कर मोटर ने नई गाड़ी उतारी।", "टोयोटा किर्लोस्कर मोटर"),
])
def test_company_tails_join_the_name(rules_pipe, text, name):
    doc = rules_pipe.process_text(text, "a")
    assert name in [t for t, _, _ in _orgs(doc)], _orgs(doc)
    assert "इंडिया" not in [e.text for e in doc.entities if e.label == "LOC"]


@pytest.mark.parametrize("text,org", [
    ("कांग्रेस इंडिया के साथ खड़ी है।", "कांग्रेस"),            # a party is no company
    ("टाटा मोटर्स ने इंडिया में नई फैक्टरी खोली।", "टाटा मोटर्स"),   # a postposition between
])
def test_no_tail_stretch(rules_pipe, text, org):
    doc = rules_pipe.process_text(text, "a")
    assert org in [t for t, _, _ in _orgs(doc)], _orgs(doc)
