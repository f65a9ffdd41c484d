"""NER data handling and scoring: no model needed."""
from pipeline.ner import data as nerdata
from pipeline.ner.scoring import score


def test_map_ilner_tags():
    raw = ["B-NEP", "I-NEP", "O", "B-NEL", "I-NEL", "B-NEO", "I-NEO", "B-NEN", "I-NEN",
           "B-NETI", "B-NEAR", "B-NEU", "B-NED"]
    assert nerdata.map_tags(raw) == ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-ORG", "I-ORG",
                                     "O", "O", "O", "O", "O", "O"]


def test_map_hiner_tags():
    raw = ["B-PERSON", "I-PERSON", "B-LOCATION", "B-ORGANIZATION", "I-ORGANIZATION", "O"]
    assert nerdata.map_tags(raw) == ["B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG", "O"]


def test_malformed_tags_are_not_fatal():
    # "-" -> O; "-NEL" (no B/I) starts an entity unless it continues the same type
    assert nerdata.map_tags(["-", "-NEL", "O", "B-NEP", "-NEP", "-", ""]) == \
        ["O", "B-LOC", "O", "B-PER", "I-PER", "O", "O"]
    # a stray I- becomes B-; I- of another type too
    assert nerdata.map_tags(["O", "I-NEL", "I-NEO", "B-NETI", "I-NEP"]) == \
        ["O", "B-LOC", "B-ORG", "O", "B-PER"]


def test_read_columns_skips_bad_lines(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("मोदी\tB-NEP\n O\n\tO\nदिल्ली\t-NEL\n\n\nभारत\tB-NEL\n", encoding="utf-8")
    sents = nerdata.load(f)
    assert sents == [(["मोदी", "दिल्ली"], ["B-PER", "B-LOC"]), (["भारत"], ["B-LOC"])]


def test_spans_bio_and_bioes():
    assert nerdata.spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]
    assert nerdata.spans(["S-ORG", "B-PER", "I-PER", "E-PER", "O", "S-LOC"]) == \
        [(0, 1, "ORG"), (1, 4, "PER"), (5, 6, "LOC")]
    assert nerdata.spans([]) == []


def test_score_exact_span_and_type():
    gold = [[(0, 2, "PER"), (3, 4, "LOC")], [(0, 1, "ORG")]]
    pred = [[(0, 2, "PER", 0.9), (3, 5, "LOC", 1.0)], [(0, 1, "LOC", 1.0)]]
    s = score(gold, pred)
    assert s["PER"]["f1"] == 1.0
    assert s["LOC"]["tp"] == 0 and s["LOC"]["fp"] == 2 and s["LOC"]["fn"] == 1
    assert s["ORG"]["recall"] == 0.0
    assert s["overall"]["tp"] == 1 and s["overall"]["fp"] == 2 and s["overall"]["fn"] == 2
    assert abs(s["overall"]["f1"] - 2 * (1 / 3) * (1 / 3) / (2 / 3)) < 1e-9
