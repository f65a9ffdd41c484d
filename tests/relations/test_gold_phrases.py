"""No run of five or more Hindi words of a gold passage of ../shared/data/relations-dev appears in
pipeline/ (code, comments, data files): rules and their examples are written in our own words, never
copied from the passages they are scored on. The tune half's runs are named in the failure; of the
blind check half only a count is given (its passages are never shown). The entities stage's lists of
official names are not scanned: a five-word name of a ministry is a name, not a copied phrase. A run
is broken by anything but spaces and the punctuation inside a sentence (ASCII quotes and brackets
end it: they separate the strings of a data file). Numbers are words of a run too ("नेपाल 700 करोड़
रुपये और ..."): a figure copied with its words is a copied phrase.)"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.core.paths import shared_dir

PIPELINE = Path(__file__).resolve().parents[2] / "pipeline"
GOLD = shared_dir() / "data" / "relations-dev"
RUN = 5
WORD = re.compile(r"[\u0900-\u0963\u0966-\u097f]+|\d+(?:[.,\-–]\d+)*")   # 2023-24: one word
HINDI = re.compile(r"[\u0900-\u097f]")
DEVANAGARI = re.compile(r"[\u0900-\u0963\u0966-\u097f]+")
# a run of words is broken by anything but spaces, numbers and the punctuation inside a sentence
BREAK = re.compile(r"[^\u0900-\u097f\s,;:‘’“”()\-–—0-9.%]")
SUFFIXES = (".py", ".tsv", ".yaml", ".yml", ".md", ".txt", ".json")
# lists of official names (a ministry's or a board's full name is no phrase of a passage)
NAME_LISTS = ("entities/data/gazetteer.tsv", "entities/data/misc_names.tsv", "entities/data/titles.tsv")


def _runs(text: str) -> set[tuple[str, ...]]:
    out = set()
    for piece in BREAK.split(text.replace("।", " ").replace("॥", " ")):
        words = WORD.findall(piece)
        runs = (tuple(words[k:k + RUN]) for k in range(len(words) - RUN + 1))
        out.update(r for r in runs if sum(bool(HINDI.match(w)) for w in r) >= 2)   # not a row of numbers
    return out


def _loose_runs(text: str) -> set[tuple[str, ...]]:
    """The stricter reading: Devanagari words only, read straight across quotes, brackets, lines and
    numbers, so that two neighbouring strings of a data file ("... के बीच"}, {"अरब ...) can form a run."""
    words = DEVANAGARI.findall(text)
    return {tuple(words[k:k + RUN]) for k in range(len(words) - RUN + 1)}


def _gold_runs(files: list[Path], reader=_runs) -> set[tuple[str, ...]]:
    out = set()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out |= reader(json.loads(line)["text"])
    return out


def _pipeline_runs(reader=_runs) -> dict[tuple[str, ...], str]:
    found = {}
    for path in sorted(PIPELINE.rglob("*")):
        named = any(path.as_posix().endswith(n) for n in NAME_LISTS)
        if path.suffix in SUFFIXES and "__pycache__" not in path.parts and not named:
            for run in reader(path.read_text(encoding="utf-8")):
                found.setdefault(run, str(path.relative_to(PIPELINE.parent)))
    return found


needs_gold = pytest.mark.skipif(not (GOLD / "SCHEMA.md").exists(), reason=f"{GOLD} not present (set HINDI_EXTRACT_SHARED)")


@needs_gold
def test_no_tune_passage_phrase_in_pipeline():
    gold = _gold_runs(sorted(GOLD.glob("*.jsonl")))
    hits = sorted(f"{where}: {' '.join(run)}" for run, where in _pipeline_runs().items() if run in gold)
    assert not hits, "phrases of tune passages in pipeline/:\n" + "\n".join(hits)


@needs_gold
def test_no_check_passage_phrase_in_pipeline():
    gold = _gold_runs(sorted((GOLD / "check").glob("*.jsonl")))
    count = sum(run in gold for run in _pipeline_runs())
    assert count == 0, f"{count} runs of five words of the check half appear in pipeline/ (not shown)"


@needs_gold
@pytest.mark.parametrize("half", ["tune", "check"])
def test_no_passage_phrase_read_across_strings(half):
    files = sorted((GOLD / "check" if half == "check" else GOLD).glob("*.jsonl"))
    gold = _gold_runs(files, _loose_runs)
    hits = sorted(f"{where}: {' '.join(run)}" for run, where in _pipeline_runs(_loose_runs).items() if run in gold)
    if half == "check":             # a count only: pytest would print the list itself
        count = len(hits)
        assert count == 0, f"{count} runs of five words of the check half appear in pipeline/ (not shown)"
    else:
        assert not hits, "phrases of tune passages in pipeline/, read across strings:\n" + "\n".join(hits)


def test_loose_runs_cross_strings():
    assert ("क", "ख", "ग", "घ", "ङ") in _loose_runs('{text: "क ख ग"}\n  - {text: "घ 12 ङ"}')


def test_runs_are_read_across_commas_but_not_across_code():
    assert ("क", "ख", "ग", "घ", "ङ") in _runs("क ख, ग घ ङ")
    assert not _runs("[क, ख, meets, ग, घ]")
