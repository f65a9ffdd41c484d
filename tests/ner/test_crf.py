"""pipeline/ner/crf.py: batched Viterbi + marginals agree with stanza's per-sentence decoder and a
plain forward-backward, on random batches with mixed sentence lengths."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")
from stanza.models.common.crf import viterbi_decode  # noqa: E402

from pipeline.ner.crf import decode_batch


def _marginals(em, tr):
    def lse(x, axis):
        m = np.max(x, axis=axis, keepdims=True)
        return (m + np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))).squeeze(axis)
    n = em.shape[0]
    a, b = np.empty_like(em, dtype=np.float64), np.zeros_like(em, dtype=np.float64)
    a[0] = em[0]
    for t in range(1, n):
        a[t] = em[t] + lse(a[t - 1][:, None] + tr, 0)
    for t in range(n - 2, -1, -1):
        b[t] = lse(tr + (em[t + 1] + b[t + 1])[None, :], 1)
    return np.exp(a + b - lse(a[-1], 0))


@pytest.mark.parametrize("seed", range(20))
def test_batch_decoding_matches_per_sentence(seed):
    rng = np.random.default_rng(seed)
    b, k = int(rng.integers(1, 9)), int(rng.integers(2, 12))
    lens = rng.integers(1, 25, size=b)
    em = (rng.normal(size=(b, int(lens.max()), k)) * 3).astype(np.float32)
    tr = (rng.normal(size=(k, k)) * 2).astype(np.float32)
    paths, confs = decode_batch(torch.from_numpy(em), torch.from_numpy(tr), lens)
    for i, n in enumerate(lens):
        want = list(viterbi_decode(em[i, :n], tr)[0])
        assert paths[i] == want
        marg = _marginals(em[i, :n].astype(np.float64), tr.astype(np.float64))
        assert np.allclose(confs[i], [marg[t, tag] for t, tag in enumerate(want)], atol=1e-4)
        assert all(0.0 <= c <= 1.0 + 1e-6 for c in confs[i])


def test_single_token_sentences():
    em = torch.tensor([[[0.0, 2.0, 1.0]], [[3.0, 0.0, 0.0]]])
    paths, confs = decode_batch(em, torch.zeros(3, 3), [1, 1])
    assert paths == [[1], [0]]
    assert confs[0][0] == pytest.approx(np.exp(2) / (1 + np.exp(2) + np.exp(1)), abs=1e-6)


@pytest.mark.parametrize("scale", [30.0, 80.0])
def test_marginals_stable_at_extreme_scores(scale):
    # the probability-space forward-backward renormalises each step: no underflow at large score ranges
    rng = np.random.default_rng(7)
    lens = np.array([40, 17, 1])
    em = (rng.normal(size=(3, 40, 9)) * scale).astype(np.float32)
    tr = (rng.normal(size=(9, 9)) * scale / 3).astype(np.float32)
    paths, confs = decode_batch(em, tr, lens)
    for i, n in enumerate(lens):
        assert paths[i] == list(viterbi_decode(em[i, :n], tr)[0])
        marg = _marginals(em[i, :n].astype(np.float64), tr.astype(np.float64))
        assert np.allclose(confs[i], [marg[t, tag] for t, tag in enumerate(paths[i])], atol=1e-6)
