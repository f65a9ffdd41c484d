"""Open IE: scorer calibration on Hindi-BenchIE, our F1 floor, examples, stage, commands (the chunker's
word lists: tests/syntax/test_word_lists.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.core.doc import Document, Sentence, Token
from pipeline.core.stage import check_contracts
from pipeline.evaluation import benchie
from pipeline.syntax.stage import SyntaxStage
from pipeline.triples.extract import extract_triples, triples_for_text
from pipeline.triples.stage import TriplesStage

# on the test half of the frozen split (even sent_id): measured 0.566 (all 112: 0.579; IndIE 0.516 on
# the same half). The rules were developed on all 112 sentences before the split; see docs/openie.md
OUR_TEST_F1_FLOOR = 0.55


def _bench():
    from conftest import shared_or_skip
    return shared_or_skip("benchmarks", "hindi-benchie")


@pytest.fixture(scope="module")
def gold():
    return benchie.parse_gold(_bench() / "hindi_benchie_gold.txt")


# ---- scorer -------------------------------------------------------------------------------------

def test_scorer_reproduces_indie(gold):
    s = benchie.score(gold, benchie.read_extractions(_bench() / "extractions" / "benchie_indie.txt"))
    assert abs(s.f1 - 0.51) <= 0.02, s
    assert abs(s.precision - 0.49) <= 0.02 and abs(s.recall - 0.54) <= 0.02


@pytest.mark.parametrize("fname,f1", [("benchie_keshav.txt", 0.28), ("benchie_predpatt.txt", 0.09),
                                      ("benchie_argoe.txt", 0.08), ("benchie_multi2oie.txt", 0.01)])
def test_scorer_reproduces_other_systems(gold, fname, f1):
    s = benchie.score(gold, benchie.read_extractions(_bench() / "extractions" / fname))
    assert abs(s.f1 - f1) <= 0.02, (fname, s.f1)


def test_gold_parsed(gold):
    assert len(gold) == 112
    assert sum(len(g.clusters) for g in gold.values()) == 191


def test_match_rules():
    g = "[शक्तिरूपी]{a} माया की --> सििद्ध होती है --> [कार्यरूप]{b} जगत को देखकर [ही]"
    ext = benchie.normalize_extraction
    assert benchie.match_triple(g, ext("शक्तिरूपी माया की", "सििद्ध होती है", "कार्यरूप जगत को देखकर ही")) == ""
    assert benchie.match_triple(g, ext("शक्तिरूपी माया की", "सििद्ध होती है", "कार्यरूप जगत को देखकर")) == ""
    # dropping a linked optional word makes the match conditional on the linked triple {b}
    assert benchie.match_triple(g, ext("शक्तिरूपी माया की", "सििद्ध होती है", "जगत को देखकर")) == "b"
    # head and tail may be swapped unless the alternative forbids it
    assert benchie.match_triple(g, ext("कार्यरूप जगत को देखकर ही", "सििद्ध होती है", "माया की")) == "a"
    assert benchie.match_triple(g + " <--{not allowed in passive}",
                                ext("कार्यरूप जगत को देखकर ही", "सििद्ध होती है", "शक्तिरूपी माया की")) is None
    assert benchie.match_triple("a --> b --> c |OR| x --> y --> z", ext("x", "y", "z")) == ""
    assert benchie.match_triple(g, ext("माया", "होती है", "जगत")) is None
    # punctuation of the extraction is ignored
    slots = benchie.normalize_extraction("' साधु '", "शुरू की", "x  y").split("\t")
    assert [x.split() for x in slots] == [["साधु"], ["शुरू", "की"], ["x", "y"]]


def test_repeated_extraction_not_counted_twice():
    gs = benchie.GoldSentence("1", "", [benchie.Cluster(["a --> b --> c"], {})])
    tp, n, fn, _ = benchie.score_sentence(gs, ["a\tb\tc", "c\tb\ta"])
    assert (tp, n, fn) == (1, 2, 0)


# ---- our extractor on the benchmark ------------------------------------------------------------

def test_split_is_frozen_by_parity(gold):
    from pipeline.evaluation.triples import read_split
    split = read_split()
    assert set(split) == set(gold)
    assert all(half == ("dev" if int(sid) % 2 else "test") for sid, half in split.items())


def test_our_f1_floor_on_the_test_half(gold):
    from pipeline.evaluation.triples import read_split, score_halves
    sents = benchie.read_sentences(_bench() / "sents.txt")
    s = score_halves(gold, {sid: triples_for_text(t) for sid, t in sents.items()}, read_split())
    assert s["test"].sentences == s["dev"].sentences == 56 and s["all"].sentences == 112
    assert s["test"].f1 >= OUR_TEST_F1_FLOOR, s["test"]
    indie = score_halves(gold, benchie.read_extractions(_bench() / "extractions" / "benchie_indie.txt"),
                         read_split())
    assert s["test"].f1 > indie["test"].f1, (s["test"], indie["test"])


# ---- examples.yaml -------------------------------------------------------------------------------

_EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[2] / "pipeline" / "triples" / "examples.yaml")
                           .read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", _EXAMPLES, ids=lambda r: r["sentence"][:30])
def test_examples(row):
    got = set(triples_for_text(row["sentence"]))
    assert row.get("positive") or row.get("negative")
    for t in row.get("positive", []):
        assert tuple(t) in got, (row["rule"], t, got)
    for t in row.get("negative", []):
        assert tuple(t) not in got, (row["rule"], t)


# ---- extract contract ------------------------------------------------------------------------------

def test_extract_triples_spans():
    toks = "राम ने सीता को एक किताब दी .".split()
    out = extract_triples(toks)
    assert out
    for t in out:
        for span in (t.head, t.tail) + ((t.relation,) if t.relation else ()):
            assert 0 <= span[0] < span[1] <= len(toks)
        assert t.relation is not None or t.label
    assert extract_triples([]) == []
    assert triples_for_text("") == []
    assert isinstance(triples_for_text("..."), list)


# ---- stage -------------------------------------------------------------------------------------------

def _doc(text: str) -> Document:
    doc = Document(doc_id="d1", path="d1.txt", text=text)
    pos = 0
    for si, sent in enumerate(s for s in text.split("\n") if s.strip()):
        s0 = text.index(sent, pos)
        sid = f"d1:s{si}"
        doc.sentences.append(Sentence(id=sid, start=s0, end=s0 + len(sent), text=sent, index=si))
        p = s0
        for ti, w in enumerate(sent.split()):
            a = text.index(w, p)
            doc.tokens.append(Token(id=f"{sid}:w{ti}", start=a, end=a + len(w), text=w,
                                    sentence_id=sid, index=ti))
            p = a + len(w)
        pos = s0 + len(sent)
    return doc


def test_triples_stage():
    text = "राम ने सीता को एक किताब दी .\nदिल्ली की सरकार ने नया कानून लागू किया है ."
    doc = _doc(text)
    st = TriplesStage()
    check_contracts([SyntaxStage(), st], available=("text", "sentences", "tokens", "entities", "amounts"))
    SyntaxStage()(doc)
    analysis = {sid: (list(a.tags), [c.chunks[:] for c in a.clauses]) for sid, a in doc.syntax.items()}
    st(doc)
    # the serializer leaves the analysis it reads unchanged (relations read the same analysis)
    assert analysis == {sid: (a.tags, [c.chunks for c in a.clauses]) for sid, a in doc.syntax.items()}
    assert doc.triples
    assert {t.sentence_id for t in doc.triples} == {"d1:s0", "d1:s1"}
    ids = [t.id for t in doc.triples]
    assert len(ids) == len(set(ids)) and ids[0] == "d1:t0"
    for t in doc.triples:
        s = next(s for s in doc.sentences if s.id == t.sentence_id)
        assert (t.start, t.end, t.text) == (s.start, s.end, s.text)
        assert doc.text[t.start:t.end] == t.text
        assert t.head and t.relation and t.tail and t.rule
    assert any((t.head, t.relation, t.tail) == ("राम ने", "दी", "सीता को") for t in doc.triples)
    assert st.version().startswith("openie-")


def test_stage_contract_and_config():
    assert TriplesStage.name == "triples"
    assert TriplesStage.requires == ("sentences", "tokens", "syntax")
    assert TriplesStage.provides == ("triples",)
    with pytest.raises(Exception):
        TriplesStage({"nope": 1})


# ---- commands ------------------------------------------------------------------------------------

def test_submit_command(tmp_path):
    from pipeline.triples import submit
    src = tmp_path / "s.txt"
    src.write_text("sent_id:7\tराम ने सीता को एक किताब दी .\n8\tउन्होंने कहा कि बैठक सफल रही .\n", encoding="utf-8")
    out = tmp_path / "o.txt"
    assert submit.run([str(src), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(l.split("\t")) == 4 for l in lines)
    assert "7\tराम ने\tदी\tसीता को" in lines
    assert {l.split("\t")[0] for l in lines} == {"7", "8"}
    assert submit.run([str(tmp_path / "missing.txt"), "--out", str(out)]) == 2


def test_evaluate_command(capsys):
    _bench()
    from pipeline.cli import main
    assert main(["evaluate", "triples"]) == 0
    out = capsys.readouterr().out
    for name in ("ours", "IndIE", "Gen2OIE", "PredPatt", "ArgOE", "Multi2OIE"):
        assert name in out
    assert "test (56)" in out and "dev (56)" in out and "all (112)" in out
    assert "sentences/s" in out


# ---- rule switches are stage config (syntax/chunker_switches.py, triples/switches.py), not module globals ----

SWITCH_TEXT = "मोदी ( प्रधानमंत्री ) ने कल मास्को में पुतिन के साथ व्यापार समझौते पर हस्ताक्षर किए।"


def _triples_with(config: dict) -> list[tuple[str, str, str]]:
    from pipeline.runner import Pipeline
    doc = Pipeline({"entities": {"ner": "none"}, **config}).process_text(SWITCH_TEXT)
    return [(t.head, t.relation, t.tail) for t in doc.triples]


def test_rule_switches_are_stage_config_with_their_defaults_in_one_place():
    from dataclasses import asdict

    from pipeline.syntax.chunker_switches import ChunkerSwitches
    from pipeline.triples.switches import TripleSwitches
    assert SyntaxStage.defaults == asdict(ChunkerSwitches())
    assert {k: v for k, v in TriplesStage.defaults.items() if k != "skip_punct"} == asdict(TripleSwitches())
    default = _triples_with({})
    assert ("मोदी ने", "हस्ताक्षर किए", "मास्को में") in default
    # each stage's switch reaches its rules, and only through the config
    assert ("मोदी प्रधानमंत्री ने", "हस्ताक्षर किए", "मास्को में") in _triples_with(
        {"triples": {"drop_parentheses": False}})
    assert ("मोदी ने", "हस्ताक्षर किए", "कल मास्को में") in _triples_with({"syntax": {"adv_closes": False}})
    assert _triples_with({}) == default
    with pytest.raises(ValueError):
        _triples_with({"syntax": {"no_such_switch": True}})
