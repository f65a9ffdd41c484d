"""benchmarks/compare_commits.py: the figures it keeps from bench_stages.py --json and its ratios."""
import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "compare_commits.py"
_spec = importlib.util.spec_from_file_location("compare_commits", _PATH)
cc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cc)


def _run(syntax, relations, rest, rss=380.0, n=1000):
    return {"sentences": n, "peak_rss_mb": rss,
            "grouped_stages": {"tokens": rest / 2, "syntax": syntax, "relations": relations, "triples": rest / 2}}


def test_rates_are_sentences_per_second_of_the_pair_and_of_all_stages():
    r = cc.grouped_rates(_run(0.2, 0.05, 0.75))
    assert r["sr"] == pytest.approx(1000 / 0.25) and r["all"] == pytest.approx(1000 / 1.0) and r["rss"] == 380.0


def test_the_best_turn_is_kept_per_figure():
    turns = [cc.grouped_rates(_run(0.3, 0.1, 1.6, rss=390)), cc.grouped_rates(_run(0.2, 0.1, 1.9, rss=385))]
    b = cc.best(turns)
    assert b["sr"] == pytest.approx(1000 / 0.3) and b["all"] == pytest.approx(1000 / 2.0) and b["rss"] == 385


def test_ratios_and_scaled_rates_are_against_the_first_commit():
    results = {"old": cc.grouped_rates(_run(0.2, 0.05, 0.75)), "new": cc.grouped_rates(_run(0.2, 0.3, 0.5))}
    text = cc.summary(["old", "new"], results, reference=(6000.0, 1400.0))
    old, new = text.splitlines()[1:]
    assert old.split()[1:3] == ["4000", "1.00"]
    # new: 1000 / 0.5 = 2000 sentences/s of syntax+relations, half the reference's: 3000 scaled to 6000
    assert new.split()[1:3] == ["2000", "0.50"] and new.split()[-2] == "3000"
    assert new.split()[3:5] == ["1000", "1.00"] and new.split()[-1] == "1400"
