from pathlib import Path

import pytest
import yaml

from pipeline.runner import Pipeline

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[1] / "pipeline/entities/examples.yaml")
                          .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_pipe():
    return Pipeline({"entities": {"ner": "none"}}, skip=("amounts", "syntax", "relations", "triples"))


@pytest.mark.parametrize("case", EXAMPLES, ids=[c["text"][:30] for c in EXAMPLES])
def test_entity_examples(rules_pipe, case):
    doc = rules_pipe.process_text(case["text"], "ex")
    got = {(e.text, e.label) for e in doc.entities}
    for text, label in case.get("expect") or []:
        assert (text, label) in got, f"missing {text}/{label} in {got}"
    tagged = {e.text for e in doc.entities}
    for text in case.get("reject") or []:
        assert text not in tagged, f"{text} tagged in {got}"
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text


def test_gazetteer_files_are_well_formed():
    from pipeline.entities.lexicon import DATA_DIR, load
    from pipeline.wordlists import read_tsv
    rows = read_tsv(DATA_DIR / "gazetteer.tsv")
    assert len(rows) > 3000
    assert {r["label"] for r in rows} == {"PER", "LOC", "ORG"}
    assert all(r["name"].strip() == r["name"] and r["name"] for r in rows)
    lex = load()
    assert lex.titles.first and lex.org_heads and lex.stopwords


@pytest.mark.parametrize("words, model_span, want", [
    ("भारत क्वाड का सदस्य है", (0, 2, "ORG"), [("भारत", "LOC"), ("क्वाड", "ORG")]),   # LOC + ORG: split
    ("रूस और ऑस्ट्रिया की यात्रा", (0, 3, "LOC"), [("रूस", "LOC"), ("ऑस्ट्रिया", "LOC")]),  # joined by और
    ("भारत चैंबर ऑफ कॉमर्स ने कहा", (0, 4, "ORG"), [("भारत चैंबर ऑफ कॉमर्स", "ORG")]),  # not all curated
])
def test_fusion_vetoes_model_spans_that_merge_curated_names(words, model_span, want):
    from pipeline.entities.fusion import fuse, model_candidates
    from pipeline.normalize import match_key
    keys = [match_key(w) for w in words.split()]
    fused, _ = fuse(keys, ["word"] * len(keys), model_candidates([(*model_span, 0.9)]))
    assert [(" ".join(keys[c.i:c.j]), c.label) for c in fused] == [(match_key(t), lab) for t, lab in want]


def test_title_pattern_is_cut_where_the_model_name_ends():
    from pipeline.entities.fusion import fuse, model_candidates
    from pipeline.normalize import match_key
    keys = [match_key(w) for w in "लोकसभा अध्यक्ष सोमनाथ चटर्जी वाम दलों से मिले".split()]
    fused, _ = fuse(keys, ["word"] * len(keys), model_candidates([(2, 4, "PER", 0.9)]))
    assert [(" ".join(keys[c.i:c.j]), c.label) for c in fused if c.label == "PER"] == [("सोमनाथ चटर्जी", "PER")]
    alone, _ = fuse(keys, ["word"] * len(keys), [], with_model=False)   # rules only: the pattern as found
    assert [" ".join(keys[c.i:c.j]) for c in alone if c.label == "PER"] == ["सोमनाथ चटर्जी वाम"]
