"""Conformance runner over the peer suites in `../shared/peer-suites/numbers/` (read in place).

Each suite row becomes a Case (suite, category, id = "file:line") that passes, fails, or is excluded
by a row of `exclusions.yaml` (id, text, reason). An exclusion whose text no longer matches its row
is reported as stale. Checks compare exact values (Fractions; a peer's float strings are compared
with a 1e-9 relative tolerance because they are rounded renderings of fractions like 1/3).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import yaml

from pipeline.core.paths import shared_path
from pipeline.text.normalize import normalize

from ..amounts.grammar import find_amounts, find_numbers
from ..amounts.model import AmountMatch, to_fraction
from .peers import CHECKS

SUITE_DIR = ("peer-suites", "numbers")
EXCLUSIONS = Path(__file__).resolve().parent / "data" / "exclusions.yaml"
FLOORS = {  # suite/category -> minimum pass rate (passed / (passed + failed)), the targets
    ("duckling_hi", "Numeral"): 1.0, ("duckling_hi", "Ordinal"): 1.0,
    ("nemo_hi", "cardinal"): 0.98, ("nemo_hi", "decimal"): 0.98, ("nemo_hi", "money"): 0.98,
    ("nemo_hi", "ordinal"): 0.98, ("nemo_hi", "fraction"): 0.98, ("nemo_hi", "date"): 0.98,
    ("nemo_hi", "time"): 1.0, ("nemo_hi", "tn-time"): 1.0,   # clock times with बजे (clock.py)
    ("number_parser_hi", "*"): 1.0, ("num2words_hi", "*"): 1.0,
    ("recognizers_hi", "NumberModel"): 0.95, ("recognizers_hi", "PercentModel"): 0.95,
    ("recognizers_hi", "OrdinalModel"): 0.95, ("recognizers_hi", "NumberRangeModel"): 0.95,
    ("recognizers_hi", "CurrencyModel"): 0.95, ("dateparser_hi", "upstream_test"): 1.0,
    ("dateparser_hi", "observed_dateparser_1.4.3"): 1.0,
}


@dataclass
class Result:
    suite: str
    category: str
    case_id: str
    text: str
    status: str            # passed | failed | excluded
    detail: str = ""


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    def table(self) -> dict[tuple[str, str], Counter]:
        t: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for r in self.results:
            t[(r.suite, r.category)][r.status] += 1
        return dict(sorted(t.items()))

    def rate(self, suite: str, category: str = "*") -> float:
        c = Counter()
        for (s, cat), cnt in self.table().items():
            if s == suite and (category == "*" or cat == category):
                c.update(cnt)
        done = c["passed"] + c["failed"]
        return c["passed"] / done if done else 1.0

    def below_floor(self) -> list[str]:
        out = []
        for (suite, cat), floor in FLOORS.items():
            if any(s == suite for s, _ in self.table()) and self.rate(suite, cat) < floor:
                out.append(f"{suite}/{cat}: {self.rate(suite, cat):.3f} < {floor}")
        return out


def load_exclusions() -> dict[str, dict]:
    rows = yaml.safe_load(EXCLUSIONS.read_text(encoding="utf-8")) or []
    out = {}
    for r in rows:
        for cid in ([r["id"]] if isinstance(r["id"], str) else r["id"]):
            out[cid] = r
    return out


def suite_rows(name: str):
    path = shared_path(*SUITE_DIR, name + ".jsonl")
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                yield f"{name}:{i}", json.loads(line)


def run(suites: list[str] | None = None) -> Report:
    excl = load_exclusions()
    rep = Report()
    used = set()
    for suite, check in CHECKS.items():
        if suites and suite not in suites:
            continue
        for cid, row in suite_rows(suite):
            category, text, verdict = check(row)
            if verdict is None:
                continue
            ex = excl.get(cid)
            if ex is not None:
                used.add(cid)
                if ex.get("text") is not None and normalize(ex["text"]).text != normalize(text).text:
                    rep.stale.append(f"{cid}: exclusion text {ex['text']!r} != row {text!r}")
            elif f"{suite}/{category}" in excl:
                ex = excl[f"{suite}/{category}"]
                used.add(f"{suite}/{category}")
            if ex is not None:
                rep.results.append(Result(suite, category, cid, text, "excluded", ex["reason"]))
                continue
            try:
                ok, detail = verdict()
            except Exception as e:  # a crash is a failure, with its message
                ok, detail = False, f"{type(e).__name__}: {e}"
            rep.results.append(Result(suite, category, cid, text, "passed" if ok else "failed", detail))
    if not suites:
        rep.stale += [f"{cid}: excluded but no such case" for cid in excl if cid not in used]
    return rep


def amounts(text: str) -> tuple[str, list[AmountMatch]]:
    norm = normalize(text)
    ams = find_amounts(norm.text)
    for a in ams:  # offsets back to the peer's own text
        a.start, a.end = norm.to_original(a.start, a.end)
        a.full_start, a.full_end = norm.to_original(a.full_start, a.full_end)
        a.text = text[a.start:a.end]
    return norm.text, ams


def numbers(text: str) -> list[tuple[str, Fraction]]:
    norm = normalize(text)
    out = []
    for n in find_numbers(norm.text):
        s, e = norm.to_original(n.start, n.end)
        out.append((text[s:e], n.value))
    return out


def close(a, b) -> bool:
    """Exact equality, or within 1e-9 relative when the peer wrote a rounded float string."""
    fa, fb = to_fraction(a), to_fraction(b)
    if fa is None or fb is None:
        return fa == fb
    if fa == fb:
        return True
    return abs(fa - fb) <= Fraction(1, 10 ** 9) * max(abs(fa), abs(fb), 1)


__all__ = ["run", "Report", "Result", "amounts", "numbers", "close", "FLOORS"]
