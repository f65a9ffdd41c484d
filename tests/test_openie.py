"""Open IE: scorer calibration on Hindi-BenchIE, our F1 floor, word lists, examples, stage, commands."""
from __future__ import annotations

import pytest
import yaml

from pipeline.core.doc import Document, Sentence, Token
from pipeline.core.stage import check_contracts
from pipeline.evaluation import benchie
from pipeline.syntax.lexicon import DATA_DIR, read_tsv
from pipeline.text import closed_class
from pipeline.syntax.stage import SyntaxStage
from pipeline.syntax.tagging import tag_tokens
from pipeline.triples.extract import extract_triples, triples_for_text
from pipeline.triples.stage import TriplesStage

# on the test half of the frozen split (even sent_id): measured 0.566 (all 112: 0.579; IndIE 0.516 on
# the same half). The rules were developed on all 112 sentences before the split; see docs/openie.md
OUR_TEST_F1_FLOOR = 0.55


def _bench():
    try:
        return benchie.benchmark_dir()
    except FileNotFoundError as e:
        pytest.skip(f"shared Hindi-BenchIE folder missing: {e}")


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


# ---- word lists ------------------------------------------------------------------------------------

# (list, class) -> the tag every form of it gets in a neutral context; None: any class of the list
_EXPECTED_TAG = {("closed_class", "case"): "PK", ("closed_class", "genitive"): "PG",
                 ("closed_class", "compound_postposition"): "PC", ("closed_class", "copula"): "AUX",
                 ("closed_class", "aux_aspect"): "AUX", ("closed_class", "aux_passive"): "AUX",
                 ("closed_class", "aux_modal"): "AUX", ("light_verbs", None): "LV",
                 ("closed_class", "coord"): "CC", ("closed_class", "subord"): "SC",
                 ("closed_class", "relative"): "REL", ("closed_class", "relative_case"): "RELK",
                 ("closed_class", "pronoun_case"): "PRK", ("closed_class", "particle"): "PART",
                 ("function_words", "adverb"): "ADV", ("function_words", "degree"): "ADV",
                 ("function_words", "postpositional_adverb"): "ADV", ("function_words", "manner_noun"): "W",
                 ("closed_class", "relative_adverb"): "REL", ("closed_class", "relative_genitive"): "RELG",
                 ("closed_class", "determiner"): "DET", ("function_words", "time_noun"): "W",
                 ("function_words", "not_conjunctive"): "W", ("conjunct_nominals", None): "W",
                 ("word_classes", "month"): "W", ("word_classes", "time_head"): "W",
                 ("closed_class", "pronoun"): "DET", ("closed_class", "pronoun_personal"): "DET",
                 ("closed_class", "be_form"): ("AUX", "LV"), ("closed_class", "negation"): "PART"}
# forms listed under two classes; the tagger's priority decides (postposition > auxiliary > light verb)
_SHADOWED = {("light_verbs", "लिए"), ("light_verbs", "लिये"), ("conjunct_nominals", "पूरे")}
_VERBAL = {("closed_class", c) for c in ("copula", "aux_aspect", "aux_passive", "aux_modal", "be_form")}
_SYNTAX_FILES = ("light_verbs", "function_words", "conjunct_nominals", "word_classes")


def _lists() -> dict[tuple[str, str | None], list[str]]:
    """(list, class) -> its forms: the closed-class lexicon's classes and the chunker's own files."""
    out: dict[tuple[str, str | None], list[str]] = {}
    for c in closed_class.classes():
        if ("closed_class", c) in _EXPECTED_TAG:
            out[("closed_class", c)] = [form for form, _ in closed_class.rows(c)]
    for fname in _SYNTAX_FILES:
        for r in read_tsv(fname + ".tsv"):
            key = (fname, r[1]) if (fname, r[1]) in _EXPECTED_TAG else (fname, None)
            out.setdefault(key, []).append(r[0])
    return out


def test_every_tagged_class_is_a_list():
    untested = set(closed_class.classes()) - {c for src, c in _EXPECTED_TAG if src == "closed_class"}
    # not tagger classes: read by other stages (amounts, entities; relations: restatement ... inclusive)
    assert untested <= {"honorific", "digit", "restatement", "approximator", "indefinite", "alternative",
                        "collective", "inclusive"}, untested


@pytest.mark.parametrize("key", list(_lists()), ids=lambda k: f"{k[0]}:{k[1] or '*'}")
def test_every_word_list_row_is_tagged(key):
    wrong = []
    for form in _lists()[key]:
        assert form and form.strip() == form, (key, form)
        if (key[0], form) in _SHADOWED:
            continue
        want = _EXPECTED_TAG[key]
        if key == ("closed_class", "particle") and form == "तो":
            want = "PART"
        want = set(want) if isinstance(want, tuple) else {want}
        # a neutral context: a noun before, a noun after (a verb form: the full stop after)
        verbal = key[0] == "light_verbs" or key in _VERBAL
        tags = tag_tokens(["राम", *form.split(), "." if verbal else "घर"])[1:-1]
        if not (len(set(tags)) == 1 and set(tags) <= want):
            wrong.append((form, tags))
    assert not wrong, wrong


def test_word_lists_have_no_duplicate_rows():
    for fname in _SYNTAX_FILES:
        forms = [r[0] for r in read_tsv(fname + ".tsv")]
        assert len(forms) == len(set(forms)), fname
    for c in closed_class.classes():
        forms = [form for form, _ in closed_class.rows(c)]
        assert len(forms) == len(set(forms)), c


def test_genitive_ki_before_full_stop_is_a_verb():
    assert tag_tokens(["उन्होंने", "शुरुआत", "की", "."])[2] == "LV"
    assert tag_tokens(["भारत", "की", "राजधानी"])[1] == "PG"


# ---- examples.yaml -------------------------------------------------------------------------------

_EXAMPLES = yaml.safe_load((DATA_DIR / "examples.yaml").read_text(encoding="utf-8"))


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
    from pipeline.core.cli import main
    assert main(["evaluate", "triples"]) == 0
    out = capsys.readouterr().out
    for name in ("ours", "IndIE", "Gen2OIE", "PredPatt", "ArgOE", "Multi2OIE"):
        assert name in out
    assert "test (56)" in out and "dev (56)" in out and "all (112)" in out
    assert "sentences/s" in out


# ---- rule switches are stage config (syntax/switches.py, triples/switches.py), not module globals ----

SWITCH_TEXT = "मोदी ( प्रधानमंत्री ) ने कल मास्को में पुतिन के साथ व्यापार समझौते पर हस्ताक्षर किए।"


def _triples_with(config: dict) -> list[tuple[str, str, str]]:
    from pipeline.core.runner import Pipeline
    doc = Pipeline({"entities": {"ner": "none"}, **config}).process_text(SWITCH_TEXT)
    return [(t.head, t.relation, t.tail) for t in doc.triples]


def test_rule_switches_are_stage_config_with_their_defaults_in_one_place():
    from dataclasses import asdict

    from pipeline.syntax.switches import ChunkerSwitches
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
