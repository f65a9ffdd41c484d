"""`evaluate ner`: hi-test without the sentences that occur word for word in hi-train."""
from __future__ import annotations

from pipeline.evaluation.ner import unseen_indices
from pipeline.ner import data as nerdata

from conftest import shared_or_skip


def test_unseen_indices_drop_exact_repeats_only():
    train = [["भारत", "ने", "कहा", "।"], ["मोदी", "ने", "कहा"]]
    test = [["भारत", "ने", "कहा", "।"], ["भारत", "ने", "कहा"], ["मोदी", "ने", "कहा"], ["रूस", "ने", "कहा"]]
    assert unseen_indices(test, train) == [1, 3]
    assert unseen_indices(test, []) == [0, 1, 2, 3]


def test_il_ner_test_overlap_with_train():
    folder = shared_or_skip("data", "ner", "il-ner-hi")
    test = nerdata.load(folder / "hi-test.txt")
    train = [toks for toks, _ in nerdata.load(folder / "hi-train.txt")]
    keep = set(unseen_indices([toks for toks, _ in test], train))
    shared = [i for i in range(len(test)) if i not in keep]
    assert (len(test), len(shared)) == (1388, 235)
    assert sum(1 for i in shared if nerdata.spans(test[i][1])) == 97
