"""The syntax stage: every row of pipeline/syntax/examples.yaml, the alignment of the analysis with
the tokens, and the contract."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.runner import Pipeline
from pipeline.syntax.stage import SyntaxStage

CASES = yaml.safe_load((Path(__file__).resolve().parents[2] / "pipeline" / "syntax" / "examples.yaml")
                       .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pipe():
    return Pipeline({"entities": {"ner": "none"}}, skip=("relations", "triples"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_examples(pipe, case):
    doc = pipe.process_text(case["text"])
    (syn,) = doc.syntax.values()
    speakers = [" ".join(syn.tokens[a:b]) for a, b in (x.speaker for x in syn.attributions)]
    if case.get("no_speaker"):
        assert speakers == []
    for s in case.get("speakers", []):
        assert s in speakers, speakers
    if "converbs" in case:
        assert [syn.tokens[i] for i in syn.converbs] == case["converbs"]
    if "clauses" in case:
        got = [[c.kind, c.features.tense, c.features.modality, c.features.negation] for c in syn.spans]
        assert got == case["clauses"]


def test_analysis_aligns_with_the_tokens(pipe):
    doc = pipe.process_text("भारत का निर्यात 6 फीसदी बढ़कर 447 अरब डॉलर रहा। उन्होंने कहा कि यह अच्छा है।")
    for s in doc.sentences:
        syn = doc.syntax[s.id]
        toks = [t for t in doc.tokens if t.sentence_id == s.id]
        assert syn.tokens == [t.text for t in toks]
        assert len(syn.tags) == len(syn.clause_of) == len(toks)
        assert all(0 <= k < len(syn.spans) for k in syn.clause_of if k >= 0)
    first = doc.syntax[doc.sentences[0].id]
    assert [first.tokens[i] for i in first.converbs] == ["बढ़कर"]


def test_contract():
    assert SyntaxStage.requires == ("sentences", "tokens", "entities", "amounts")
    assert SyntaxStage.provides == ("syntax",)
    assert len(SyntaxStage().version()) == 16
