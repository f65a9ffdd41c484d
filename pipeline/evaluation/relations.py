"""The relation-fact scorer of ../shared/data/relations-dev/SCHEMA.md.

A predicted fact matches a gold fact when the predicates are equal, the objects overlap and the
subjects name the same party (or are both empty); `meets`, `summit` and `agreement_signed` may have
their arguments swapped. Each gold fact matches at most one prediction (a maximum one-to-one
matching). Precision, recall and F1 are reported per group and overall; over matched pairs, the
accuracy of counterpart, period, aspect, modality, polarity and attributed_to.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..text.fold import fold as fold_text
from ..text.tsv import read_tsv

DATA = Path(__file__).resolve().parent / "data" / "scoring_words.tsv"
AMOUNT_WORDS = Path(__file__).resolve().parent / "data" / "amount_words.tsv"
PEOPLE_EVENTS = ("role", "meets", "visits", "summit", "member_of", "agreement_signed")
METRICS = ("trade", "bilateral_trade", "exports", "imports", "trade_deficit", "trade_surplus", "investment", "fdi",
           "loan", "line_of_credit", "aid", "grant", "budget", "defence_budget", "allocation",
           "capital_expenditure", "subsidy", "cost", "deal_value", "gdp", "inflation", "unemployment_rate",
           "repo_rate", "interest_rate", "fiscal_deficit", "current_account_deficit", "forex_reserves",
           "remittances", "revenue", "tax_collection", "gst_collection", "sales", "profit", "net_profit", "loss",
           "market_cap", "price", "tariff", "import_duty", "production")
SYMMETRIC = ("meets", "summit", "agreement_signed")
FIELDS = ("subject", "predicate", "object", "counterpart", "period", "aspect", "modality", "polarity",
          "attributed_to")
ATTRIBUTES = ("counterpart", "period", "aspect", "modality", "polarity", "attributed_to")
PARTY_ATTRIBUTES = ("counterpart", "attributed_to")


def group_of(predicate: str) -> str:
    return "metrics" if predicate in METRICS else "people/events" if predicate in PEOPLE_EVENTS else ""


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    by_class: dict[str, set[str]] = {}
    for r in read_tsv(DATA):
        by_class.setdefault(r["class"], set()).add(unicodedata.normalize("NFC", r["word"]))
    return {k: frozenset(v) for k, v in by_class.items()}


@lru_cache(maxsize=1)
def _amount_words() -> dict[str, str]:
    return {unicodedata.normalize("NFC", r["word"]): r["reads_as"] for r in read_tsv(AMOUNT_WORDS)}


def fold(s: str) -> str:
    """The SCHEMA's fold: NFC, whitespace folded, the amount words read as one (बिलियन = अरब,
    फीसदी = % = प्रतिशत, रुपए = रुपये), trailing postpositions of the SCHEMA dropped."""
    same = _amount_words()
    text = unicodedata.normalize("NFC", s or "").replace("%", " % ")
    text = " ".join(same.get(w, w) for w in text.split())
    return fold_text(text, _words()["postposition"])


def overlap(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if not a or not b:
        return a == b
    return a in b or b in a


def _name_words(s: str) -> set[str]:
    skip = _words()["title"] | _words()["conjunction"] | _words()["postposition"]
    return {w for w in fold(s).replace("-", " ").split() if _letters(w) >= 2 and w not in skip}


def _letters(word: str) -> int:
    """Letters, not code points: vowel signs and viramas are marks, so 'के' has one letter, 'मोदी' two."""
    return sum(unicodedata.category(c).startswith("L") for c in word)


def same_party(a: str, b: str) -> bool:
    """Overlap, or a shared name word (not a title or conjunction): 'पीएम मोदी' ~ 'नरेंद्र मोदी'."""
    if not fold(a) or not fold(b):
        return fold(a) == fold(b)
    return overlap(a, b) or bool(_name_words(a) & _name_words(b))


def matches(pred: dict, gold: dict) -> bool:
    if pred["predicate"] != gold["predicate"]:
        return False
    if same_party(pred["subject"], gold["subject"]) and overlap(pred["object"], gold["object"]):
        return True
    if gold["predicate"] in SYMMETRIC:
        return same_party(pred["subject"], gold["object"]) and overlap(pred["object"], gold["subject"])
    return False


def attribute_agrees(name: str, pred: dict, gold: dict) -> bool:
    p, g = pred.get(name, ""), gold.get(name, "")
    if name in PARTY_ATTRIBUTES:
        return same_party(p, g)
    if name == "period":
        return overlap(p, g)
    return p == g


def _match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths); among candidates, those agreeing on more
    attributes are tried first, so attribute accuracy is measured on the best pairing."""
    cands = []
    for g in golds:
        c = [i for i, p in enumerate(preds) if matches(p, g)]
        c.sort(key=lambda i: -sum(attribute_agrees(a, preds[i], g) for a in ATTRIBUTES))
        cands.append(c)
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in cands[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(golds)):
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    groups: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in ("people/events", "metrics",
                                                                                       "overall")})
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    missed: list[tuple[str, dict]] = field(default_factory=list)
    extra: list[tuple[str, dict]] = field(default_factory=list)
    matched: list[tuple[str, dict, dict]] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        ok, n = self.attributes[name]
        return ok / n if n else 0.0

    def add(self, passage_id: str, preds: list[dict], golds: list[dict]) -> None:
        """Score one passage; predictions outside the inventory are not scored (not annotated)."""
        preds = [p for p in preds if group_of(p["predicate"])]
        pairs = _match(preds, golds)
        for p in preds:
            for g in (group_of(p["predicate"]), "overall"):
                self.groups[g].predicted += 1
        for g in golds:
            for grp in (group_of(g["predicate"]), "overall"):
                self.groups[grp].gold += 1
        for gi, pi in pairs:
            for grp in (group_of(golds[gi]["predicate"]), "overall"):
                self.groups[grp].tp += 1
            for a in ATTRIBUTES:
                self.attributes[a][0] += attribute_agrees(a, preds[pi], golds[gi])
                self.attributes[a][1] += 1
            self.matched.append((passage_id, preds[pi], golds[gi]))
        got_g, got_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        self.missed += [(passage_id, g) for n, g in enumerate(golds) if n not in got_g]
        self.extra += [(passage_id, p) for n, p in enumerate(preds) if n not in got_p]


def score(passages: list[tuple[str, list[dict], list[dict]]]) -> Report:
    """passages: (id, predicted facts, gold facts); facts are dicts with the fields of FIELDS."""
    rep = Report()
    for pid, preds, golds in passages:
        rep.add(pid, [complete(p) for p in preds], [complete(g) for g in golds])
    return rep


def complete(fact: dict) -> dict:
    """A fact with every field (missing ones empty; polarity positive, modality actual by default)."""
    defaults = {"polarity": "positive", "modality": "actual"}
    return {f: str(fact.get(f) or defaults.get(f, "")) for f in FIELDS}
