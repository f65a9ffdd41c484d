from pathlib import Path

import pytest
import yaml

from pipeline.runner import Pipeline

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[2] / "pipeline/entities/examples.yaml")
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
    from pipeline.entities.gazetteers import DATA_DIR, load
    from pipeline.text.tsv import read_tsv
    rows = read_tsv(DATA_DIR / "gazetteer.tsv")
    assert len(rows) > 3000
    assert {r["label"] for r in rows} == {"PER", "LOC", "ORG"}
    assert all(r["name"].strip() == r["name"] and r["name"] for r in rows)
    lex = load()
    assert lex.titles.first and lex.org_heads and lex.stopwords
    misc = read_tsv(DATA_DIR / "misc_names.tsv")
    assert len(misc) > 50 and {r["subtype"] for r in misc} == {"scheme", "event", "agreement"}
    heads = read_tsv(DATA_DIR / "misc_heads.tsv")
    assert {r["role"] for r in heads} == {"head", "opener"}
    assert {r["subtype"] for r in heads if r["role"] == "head"} == {"scheme", "event", "agreement"}


@pytest.mark.parametrize("words, model_span, want", [
    ("भारत क्वाड का सदस्य है", (0, 2, "ORG"), [("भारत", "LOC"), ("क्वाड", "ORG")]),   # LOC + ORG: split
    ("रूस और ऑस्ट्रिया की यात्रा", (0, 3, "LOC"), [("रूस", "LOC"), ("ऑस्ट्रिया", "LOC")]),  # joined by और
    ("भारत चैंबर ऑफ कॉमर्स ने कहा", (0, 4, "ORG"), [("भारत चैंबर ऑफ कॉमर्स", "ORG")]),  # not all curated
    ("जबकि जापान वियतनाम में निवेश करेगा", (1, 3, "LOC"), [("जापान", "LOC"), ("वियतनाम", "LOC")]),  # two countries
    ("दक्षिण अफ्रीका में निवेश", (0, 2, "LOC"), [("दक्षिण अफ्रीका", "LOC")]),  # one country's name
])
def test_fusion_vetoes_model_spans_that_merge_curated_names(words, model_span, want):
    from pipeline.entities.fusion import fuse, model_candidates
    from pipeline.text.normalize import match_key
    keys = [match_key(w) for w in words.split()]
    fused, _ = fuse(keys, ["word"] * len(keys), model_candidates([(*model_span, 0.9)]))
    assert [(" ".join(keys[c.i:c.j]), c.label) for c in fused] == [(match_key(t), lab) for t, lab in want]


def test_title_pattern_is_cut_where_the_model_name_ends():
    from pipeline.entities.fusion import fuse, model_candidates
    from pipeline.text.normalize import match_key
    keys = [match_key(w) for w in "लोकसभा अध्यक्ष सोमनाथ चटर्जी वाम दलों से मिले".split()]
    fused, _ = fuse(keys, ["word"] * len(keys), model_candidates([(2, 4, "PER", 0.9)]))
    assert [(" ".join(keys[c.i:c.j]), c.label) for c in fused if c.label == "PER"] == [("सोमनाथ चटर्जी", "PER")]
    alone, _ = fuse(keys, ["word"] * len(keys), [], with_model=False)   # rules only: the pattern as found
    assert [" ".join(keys[c.i:c.j]) for c in alone if c.label == "PER"] == ["सोमनाथ चटर्जी वाम"]


def _fused(words: str, model_spans, with_model: bool = True):
    from pipeline.entities.fusion import fuse, model_candidates
    from pipeline.text.normalize import match_key
    keys = [match_key(w) for w in words.split()]
    fused, _ = fuse(keys, ["punct" if k in ".,।" else "word" for k in keys], model_candidates(model_spans),
                    with_model=with_model)
    return [(" ".join(keys[c.i:c.j]), c.label) for c in fused]


def test_fusion_keeps_a_two_word_head_pattern_the_model_misses():
    assert ("जेवर हवाई अड्डे", "LOC") in _fused("जेवर हवाई अड्डे का उद्घाटन होगा", [])
    assert _fused("नए हवाई अड्डे का उद्घाटन होगा", []) == []          # a common word before the head
    assert _fused("राज्य शिक्षा विभाग ने कहा", []) == []                # one-word heads still need the model


def test_person_span_takes_in_the_initials_before_it():
    assert _fused("मुख्य वित्तीय अधिकारी पी. बी. बालाजी ने कहा", [(4, 6, "PER", 0.9)]) == [("पी. बी. बालाजी", "PER")]
    assert _fused("थाना प्रभारी एफ. आई. आर. लेने से", []) == []


def test_title_name_is_not_cut_to_one_word_by_the_model():
    assert _fused("सांसद अजय मंडल ने सवाल उठाया", [(1, 2, "PER", 0.9)]) == [("अजय मंडल", "PER")]


def test_misc_names_are_left_out_of_the_il_ner_score():
    from pipeline.entities.fusion import tag_pretokenized
    from pipeline.evaluation.ner import scored_labels_only
    from pipeline.ner.scoring import score
    toks = "G20 शिखर सम्मेलन में आयुष्मान भारत योजना पर चर्चा हुई ।".split()
    pred = tag_pretokenized([toks])
    assert {(0, 3, "MISC"), (4, 7, "MISC"), (0, 1, "ORG"), (5, 6, "LOC")} <= set(pred[0])
    kept = scored_labels_only(pred)
    assert sorted(kept[0]) == [(0, 1, "ORG"), (5, 6, "LOC")]
    s = score([[(0, 1, "ORG"), (5, 6, "LOC")]], kept)
    assert s["overall"]["fp"] == 0 and s["overall"]["tp"] == 2
