"""The direct NER backend (pipeline/ner/direct.py) against the stanza Pipeline backend, the reference:
the same spans and scores within 1e-4 on a sample (corpus/ always; IL-NER dev/test when ../shared is
there); its token->id mapping equals stanza's vocab.map; stage and worker settings."""
from __future__ import annotations

import pytest

from pipeline.ner import engine as engine_mod
from pipeline.ner import get_engine

TRICKY = [
    ["G20", "शिखर", "सम्मेलन", "में", "Narendra", "MODI", "और", "UN", "महासचिव"],
    ["", "मोदी", " ", "\n", "दिल्ली", "a b", "नई\nदिल्ली", "🙂", "ﷺ", "ӁӁ"],
    ["भारत"] * 3 + ["।"],
    ["अति-दीर्घ"] + [f"शब्द{i}" for i in range(150)] + ["जापान", "।"],
    [],
    ["।"],
]


@pytest.fixture(scope="module")
def engines():
    return get_engine("hi-ner", "stanza"), get_engine("hi-ner", "direct")


def _corpus_sentences(limit=120):
    from pipeline.runner import Pipeline
    from conftest import REPO
    pipe = Pipeline(skip=("entities", "amounts", "syntax", "relations", "triples"))
    out = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        doc = pipe.process_text(path.read_text(encoding="utf-8-sig"))
        by_sent: dict[str, list[str]] = {}
        for t in doc.tokens:
            by_sent.setdefault(t.sentence_id, []).append(t.text)
        out += list(by_sent.values())
    return out[:limit]


def _ilner_sample(split, n=150):
    from pipeline.ner import data as nerdata
    from conftest import shared_or_skip
    path = shared_or_skip("data", "ner", "il-ner-hi", f"hi-{split}.txt")
    data = nerdata.load(path)
    return [toks for toks, _ in data[:: max(1, len(data) // n)]]


def assert_same(reference, direct, sentences):
    want, got = reference.tag(sentences), direct.tag(sentences)
    assert len(want) == len(got) == len(sentences)
    for toks, w, g in zip(sentences, want, got):
        assert [s[:3] for s in g] == [s[:3] for s in w], toks
        for a, b in zip(w, g):
            assert abs(a[3] - b[3]) <= 1e-4 + 1e-9, (toks, a, b)
    return sum(map(len, want))


def test_same_spans_on_corpus_and_edge_cases(engines):
    n = assert_same(*engines, _corpus_sentences() + TRICKY)
    assert n > 50   # the sample has entities to disagree about


@pytest.mark.parametrize("split", ["dev", "test"])
def test_same_spans_on_ilner_sample(engines, split):
    assert_same(*engines, _ilner_sample(split))


def test_same_spans_as_stanzas_own_decoder(engines):
    """Both backends decode with crf.decode_batch; here the reference decodes with stanza's own
    per-sentence Viterbi (its trainer's predict, our confidence hook removed)."""
    _, direct = engines
    plain = engine_mod._build("hi-ner", "stanza")
    del plain.pipeline.processors["ner"].trainers[0].predict   # the class's predict again
    plain._conf_hook = False
    sents = _corpus_sentences() + TRICKY
    try:
        sents += _ilner_sample("dev", 100)
    except pytest.skip.Exception:
        pass
    want, got = plain.tag(sents), direct.tag(sents)
    assert [[s[:3] for s in x] for x in got] == [[s[:3] for s in x] for x in want]
    assert all(s[3] == 1.0 for x in want for s in x)    # really without the hook


def test_batching_does_not_change_results(engines):
    _, direct = engines
    sents = _corpus_sentences(60) + TRICKY
    whole = direct.tag(sents)
    one_by_one = [direct.tag([s])[0] for s in sents]
    assert [[s[:3] for s in x] for x in whole] == [[s[:3] for s in x] for x in one_by_one]


def test_token_ids_are_stanzas(engines):
    """The memoised dict lookups give exactly what stanza's vocab.map gives inside its DataLoader
    (characters) and NERTagger.extract_static_embeddings (words, lower-cased)."""
    stanza_engine, direct = engines
    from stanza.models.common.vocab import PAD_ID, UNK_ID
    vocab = stanza_engine.pipeline.processors["ner"].trainers[0].vocab
    for word in {w for s in TRICKY for w in s if w} | {"के", "भारत", "Delhi", "DELHI", "x y"}:
        static, delta, chars = direct._word_ids(word)
        assert static == vocab["word"].map([word.lower()])[0]
        want_delta = vocab["delta"].map([word.lower()])[0]
        assert delta == (PAD_ID if want_delta == UNK_ID and static != UNK_ID else want_delta)
        assert list(chars) == vocab["char"].map(list(word))


def test_direct_loads_without_network():
    from fixtures.ner_cases import KNOWN, no_network
    with no_network():
        out = engine_mod._build("hi-ner", "direct").tag([KNOWN[0][0].split()])
    assert {lab for _, _, lab, _ in out[0]} >= {"PER", "LOC"}


def test_int8_tags_like_a_trained_model():
    from pipeline.ner import data as nerdata
    from pipeline.ner.scoring import score
    sample = nerdata.load(_ilner_path("dev"))[:300]
    eng = get_engine("hi-ner", "direct", "int8")
    assert eng.quantize == "int8" and "quantized" in type(eng.model.taggerlstm.lstm).__module__
    s = score([nerdata.spans(g) for _, g in sample], eng.tag([t for t, _ in sample]))
    assert s["overall"]["f1"] > 0.6, s["overall"]


def _ilner_path(split):
    from conftest import shared_or_skip
    return shared_or_skip("data", "ner", "il-ner-hi", f"hi-{split}.txt")


def test_stage_config_keys_and_version():
    from pipeline.entities.stage import EntitiesStage
    from pipeline.core.stage import ContractError
    versions = {EntitiesStage({"ner_backend": b, "ner_quantize": q}).version()
                for b, q in (("direct", "none"), ("stanza", "none"), ("direct", "int8"))}
    assert len(versions) == 3
    assert EntitiesStage().config["ner_backend"] == "direct"
    with pytest.raises(ContractError):
        EntitiesStage({"ner_backend": "onnx"})
    with pytest.raises(ContractError):
        EntitiesStage({"ner_backend": "stanza", "ner_quantize": "int8"})
    assert EntitiesStage({"ner": "none", "ner_quantize": "int8"}).version() == EntitiesStage({"ner": "none"}).version()


def test_cli_flags_reach_the_stage(tmp_path, monkeypatch):
    import pipeline.batch.run as cli_batch
    from pipeline.batch.inputs import BatchUsageError
    from pipeline import cli
    seen = {}

    def fake_run_batch(corpus, out, options=None, factory=None, **kw):
        seen.update(__import__("json").loads(factory.config_json))
        raise BatchUsageError("stop here")
    monkeypatch.setattr(cli_batch, "run_batch", fake_run_batch)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("भारत और रूस।", encoding="utf-8")
    rc = cli.main(["run", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--ner-backend", "stanza",
                   "--ner-quantize", "none"])
    assert rc == cli.EXIT_USAGE
    assert seen["entities"] == {"ner": "hi-ner", "ner_backend": "stanza", "ner_quantize": "none"}


@pytest.mark.parametrize("cores,workers,want", [(2, 2, 1), (2, 1, 2), (8, 3, 2), (1, 4, 1)])
def test_torch_threads_per_worker(monkeypatch, cores, workers, want):
    import os

    from pipeline.batch import worker_state as batch_worker_state
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    assert batch_worker_state.torch_threads(workers) == want
