"""`hindi-extract evaluate relations`: every file of the gold folder is scored, tune and check halves
apart; a file of the blind check half prints its scores only, never a fact of its passages."""
from __future__ import annotations

import json

import pytest

from pipeline.evaluation import relations_gold

PASSAGE = {"id": "x1", "text": "भारत और ब्राजील ब्रिक्स के सदस्य हैं। विश्व बैंक ने नेपाल को 20 करोड़ डॉलर का ऋण दिया।",
           "facts": [{"subject": "भारत", "predicate": "member_of", "object": "ब्रिक्स"},
                     {"subject": "श्रीलंका", "predicate": "member_of", "object": "सार्क"}]}


@pytest.fixture
def shared(tmp_path, monkeypatch):
    root = tmp_path / "data" / "relations-dev"
    (root / "check").mkdir(parents=True)
    for path in (root / "tune.jsonl", root / "check" / "blind.jsonl"):
        path.write_text(json.dumps(PASSAGE, ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setenv("HINDI_EXTRACT_SHARED", str(tmp_path))
    return root


def _run(capsys, *args) -> str:
    assert relations_gold.run(["--ner", "none", *args]) == 0
    return capsys.readouterr().out


def test_default_scores_both_halves_and_shows_no_check_fact(shared, capsys):
    out = _run(capsys)
    tune, check = out.split("check" + "/", 1)[0], out.split("blind.jsonl", 1)[1]
    assert "tune.jsonl" in out and "blind.jsonl" in out
    assert "the tune half (1 files" in out and "the check half (1 files" in out
    assert "missed (1)" in tune and "सार्क" in tune          # a tune file lists what was missed
    assert "missed" not in check and "extra" not in check and "सार्क" not in check and "x1" not in check
    assert "per predicate (TP/pred/gold)" in check           # scores only


def test_a_check_file_given_by_name_prints_scores_only(shared, capsys):
    out = _run(capsys, "--gold", str(shared / "check" / "blind.jsonl"))
    assert "overall" in out and "missed" not in out and "श्रीलंका" not in out


def test_missing_folder_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HINDI_EXTRACT_SHARED", str(tmp_path / "nowhere"))
    assert relations_gold.run(["--ner", "none"]) == 2
    assert "HINDI_EXTRACT_SHARED" in capsys.readouterr().err
