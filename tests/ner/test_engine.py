"""The shipped NER model (models/hi-ner), served offline by both backends (direct, the default, and
stanza's Pipeline). Each is loaded once per test session."""
from __future__ import annotations

import pytest

from fixtures.ner_cases import KNOWN, no_network
from pipeline.ner import LABELS, NerModelNotFound, get_engine
from pipeline.ner import engine as engine_mod


@pytest.fixture(scope="session", params=["direct", "stanza"])
def ner(request):
    with no_network():
        return get_engine("hi-ner", request.param)


def _surface(tokens, spans):
    return {(" ".join(tokens[s:e]), lab) for s, e, lab, _ in spans}


def test_loads_and_tags_without_network(ner):
    # a fresh engine, built and used with sockets refused
    with no_network():
        eng = engine_mod._build("hi-ner", ner.backend)
        out = eng.tag([KNOWN[0][0].split()])
    assert out and out[0]


def test_known_sentences(ner):
    # guards against the silent "no pretrain -> random vectors" failure
    sents = [s.split() for s, _ in KNOWN]
    with no_network():
        out = ner.tag(sents)
    for toks, spans, (_, expected) in zip(sents, out, KNOWN):
        got = _surface(toks, spans)
        for surface, lab in expected:
            assert any(surface in g and lab == gl for g, gl in got), (surface, lab, got)


def test_span_format(ner):
    sents = [s.split() for s, _ in KNOWN] + [[], ["", "मोदी", " "]]
    out = ner.tag(sents)
    assert len(out) == len(sents)
    assert out[2] == []
    for toks, spans in zip(sents, out):
        for s, e, lab, sc in spans:
            assert 0 <= s < e <= len(toks)
            assert lab in LABELS
            assert 0.0 <= sc <= 1.0


def test_engine_is_cached(ner):
    assert get_engine("hi-ner", ner.backend) is ner
    assert (get_engine("hi-ner") is ner) == (ner.backend == "direct")   # direct is the default
    assert ner.pretrain_path is not None and ner.pretrain_path.is_file()


def test_stanza_hi_absent_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with no_network(), pytest.raises(NerModelNotFound, match="never downloads"):
        engine_mod._build("stanza-hi")


def test_unknown_engine():
    with pytest.raises(ValueError):
        engine_mod._build("nope")


def test_dev_slice_quality(ner):
    """A slice of IL-NER hi-dev scores like a trained model (random vectors would not)."""
    from conftest import shared_or_skip
    from pipeline.ner import data as nerdata
    from pipeline.ner.scoring import score
    path = shared_or_skip("data", "ner", "il-ner-hi", "hi-dev.txt")
    data = nerdata.load(path)[:300]
    pred = ner.tag([t for t, _ in data])
    s = score([nerdata.spans(g) for _, g in data], pred)
    assert s["overall"]["f1"] > 0.6, s["overall"]


def test_version_identifies_model(ner):
    v = ner.version()
    assert v.startswith("hi-ner:") and v == ner.version()
