"""The compact per-document state of a run's main process (pipeline/batch/ledger.py): what it answers
must be what the dicts and lists it replaced answered."""
import json
import os
from pathlib import Path

import pytest

from pipeline.batch.document import GroupQueue, groups
from pipeline.batch.inputs import find_inputs, list_inputs
from pipeline.batch.ledger import Ledger, OldIndex, Todo
from pipeline.batch.options import RunOptions
from pipeline.batch.task import Job

KEYS = ["00" * 32, "ab" * 31 + "00", "ff" * 32, "0123456789abcdef" * 4]


def _ledger(n=5):
    return Ledger(Path("corpus"), [f"d{i:03d}.txt" for i in range(n)], {2: ("empty", "no text")})


def test_keys_round_trip_in_doc_id_order_trailing_zero_bytes_included():
    led = _ledger()
    for i, k in zip((3, 0, 4, 1), KEYS):
        led.set_key(i, k)
    assert len(led) == 4 and led.key(2) is None
    assert list(led) == [("d000.txt", KEYS[1]), ("d001.txt", KEYS[3]), ("d003.txt", KEYS[0]),
                         ("d004.txt", KEYS[2])]
    assert led.index("d004.txt") == 4 and led.path(4) == str(Path("corpus") / "d004.txt")
    with pytest.raises(KeyError):
        led.index("d010.txt")


def test_key_set_answers_membership_of_hex_stems():
    led = _ledger()
    for i, k in enumerate(KEYS):
        led.set_key(i, k)
    keys = led.key_set()
    assert len(keys) == 4 and all(k in keys for k in KEYS)
    for other in ("11" * 32, "ab" * 31, "ab" * 31 + "0000", "zz" * 32, "", KEYS[0] + ".tmp"):
        assert other not in keys


def _index(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps({"doc_id": d, "key": f"k-{d}", "retry": d == "b", "timed_out": None}) + "\n"
                            for d in ids), encoding="utf-8")
    return path


@pytest.mark.parametrize("order", [["a", "b", "c", "e", "f"], ["e", "a", "f", "c", "b"]])
def test_old_index_answers_in_doc_id_order_sorted_or_not(tmp_path, order):
    old = OldIndex(_index(tmp_path / "docs.jsonl", order))
    assert old.get("a") == ("k-a", False, None)
    assert old.get("c") == ("k-c", False, None)        # "b" passed: no longer in the corpus
    assert old.get("d") == (None, False, None)         # new
    assert old.get("e") == ("k-e", False, None)
    assert old.finish() == 2                           # b and f


def test_old_index_without_a_file_or_with_a_torn_line(tmp_path):
    assert OldIndex(None).get("a") == (None, False, None)
    assert OldIndex(tmp_path / "missing.jsonl").finish() == 0
    p = _index(tmp_path / "docs.jsonl", ["a", "b"])
    p.write_text(p.read_text() + '{"doc_id": "c", "ke', encoding="utf-8")
    old = OldIndex(p)
    assert old.get("b") == ("k-b", True, None) and old.get("c") == (None, False, None)


@pytest.mark.parametrize("n,workers", [(0, 1), (5, 1), (100, 1), (100, 2), (37, 2), (3, 2)])
def test_todo_groups_are_the_groups_of_the_whole_list(n, workers):
    led = Ledger(Path("c"), [f"{i:04d}" for i in range(n + 3)], {})
    job = Job(RunOptions(), None, None, "fp", None)
    todo = Todo(led, job)
    for i in range(0, n + 3):
        if i % 7 != 3:
            todo.add(i)
    made = list(todo.groups(workers))
    want = groups([todo.task(i) for i in todo.idx], workers)
    assert [[t.doc_id for t in g] for g in made] == [[t.doc_id for t in g] for g in want]
    assert todo.n_groups(workers) == len(want)


def test_group_queue_gives_what_was_put_back_first_in_its_order():
    q = GroupQueue(iter([["g1"], ["g2"]]), 2)
    assert len(q) == 2 and q.take() == (["g1"], False)
    q.put_back([(["x"], True), (["y"], True)])
    assert len(q) == 3
    assert [q.take() for _ in range(3)] == [(["x"], True), (["y"], True), (["g2"], False)]
    assert not q


@pytest.mark.parametrize("spelling", ["{d}", "{d}/", "./{d}"])
def test_paths_made_from_doc_ids_are_the_paths_of_the_listing(tmp_path, monkeypatch, spelling):
    monkeypatch.chdir(tmp_path)
    for rel in ("a.txt", "sub/b.txt", "sub/deeper/c.txt", "z.txt"):
        (tmp_path / "corp" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corp" / rel).write_text("नमस्ते", encoding="utf-8")
    os.mkfifo(tmp_path / "corp" / "pipe")
    corpus = spelling.format(d="corp")
    walked = sorted(str(Path(dp) / f) for dp, _, fs in os.walk(corpus) for f in fs)
    rows = list_inputs(Path(corpus))
    assert sorted(p for _, p, _ in rows) == walked
    ids, problems = find_inputs(Path(corpus))
    assert ids == sorted(ids) and [ids[i] for i in problems] == ["pipe"]
    assert problems[ids.index("pipe")][0] == "not_a_file"


def test_the_dask_engine_keeps_few_recent_messages():
    """Every Dask comm keeps its recent payloads (a payload: a group with its documents' bytes);
    the default, 1,000 of them per comm, held ~10 kB a document in the client."""
    pytest.importorskip("distributed")
    from pipeline.batch.dask_engine import worker_config
    assert worker_config()["distributed.admin.low-level-log-length"] <= 16
