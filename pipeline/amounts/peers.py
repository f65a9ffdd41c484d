"""One check per peer suite: row -> (category, text, verdict) where verdict() -> (ok, detail).

Kinds of check:
- whole: the text is one amount covering all of it, with the peer's value (Duckling, num2words,
  number-parser's parse_number);
- same: words and written form give the same amounts (NeMo ITN/TN, number-parser's parse): the
  amounts of the input equal the amounts of the expected output, compared by value;
- spans: Recognizers-Text results, compared as multisets of (span text, resolved value);
- listed: dateparser rows against peer_expectations.yaml.
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from .model import AmountMatch, to_fraction

SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600,
           "year": 31536000}
MONTHS = {"month": 1, "year": 12}


@lru_cache(maxsize=1)
def expectations() -> dict:
    return yaml.safe_load((Path(__file__).parent / "peer_expectations.yaml").read_text(encoding="utf-8"))


def _c():
    from . import conformance
    return conformance


def whole(text: str, kinds: tuple[str, ...], value, unit: str | None = None):
    t = text.strip()
    _, ams = _c().amounts(t)
    hit = [a for a in ams if a.full_start <= 0 and a.full_end >= len(t)]
    if len(hit) != 1:
        return False, f"no single amount over the text: {[(a.text, a.kind, a.value) for a in ams]}"
    a = hit[0]
    if a.kind not in kinds:
        return False, f"kind {a.kind} not in {kinds}"
    if unit is not None:
        return _duration_equal(a, value, unit)
    got = a.value if a.value is not None else a.value_min
    return _c().close(got, value), f"value {got} != {value}"


def _duration_equal(a: AmountMatch, value, unit: str):
    v = to_fraction(a.value)
    for table in (MONTHS, SECONDS):
        if a.unit in table and unit in table:
            return v * table[a.unit] == Fraction(str(value)) * table[unit], f"{a.value} {a.unit} != {value} {unit}"
    return False, f"{a.value} {a.unit} not comparable with {unit}"


def canon(a: AmountMatch):
    """Comparable form of an amount: numbers by value, ranges of years and of numbers alike."""
    if a.kind in ("range", "date_range", "fiscal_year") and not str(a.value_min).startswith("-") and \
            regex.fullmatch(r"-?\d+", str(a.value_min or "")) and regex.fullmatch(r"-?\d+", str(a.value_max or "")):
        return ("range", Fraction(int(a.value_min)), Fraction(int(a.value_max)), a.currency)
    if a.kind in ("date", "date_range", "quarter", "time"):
        return (a.kind, a.value, a.value_min, a.value_max)
    group = "num" if a.kind in ("number", "fraction", "year") else a.kind
    unit = a.unit if a.kind == "quantity" else a.currency
    return (group, to_fraction(a.value), to_fraction(a.value_min), to_fraction(a.value_max), unit)


def same(src: str, expected: str):
    _, a = _c().amounts(src)
    _, b = _c().amounts(expected)
    ca, cb = sorted(map(repr, map(canon, a))), sorted(map(repr, map(canon, b)))
    return ca == cb, f"{[(x.text, x.kind, x.value) for x in a]} vs {[(x.text, x.kind, x.value) for x in b]}"


def nemo_money(src: str, expected: str):
    syms = expectations()["nemo_money_symbols"]
    m = regex.fullmatch(r"(?P<sym>\D*?)(?P<num>\d+(?:\.\d+)?)", expected.strip())
    if not m or m["sym"] not in syms:
        return False, f"cannot read {expected!r}"
    code, per = syms[m["sym"]]
    want = Fraction(m["num"]) / per
    _, ams = _c().amounts(src)
    money = [a for a in ams if a.kind == "money"]
    if len(money) != 1:
        return False, f"{[(a.text, a.kind, a.value) for a in ams]}"
    a = money[0]
    return (a.currency == code and to_fraction(a.value) == want), f"{a.value} {a.currency} != {want} {code}"


def listed(text: str, table: str):
    want = expectations()[table].get(text)
    if want is None:
        return False, "no expectation listed"
    _, ams = _c().amounts(text)
    got = []
    for a in ams:
        if a.kind == "range":
            got.append(["range", [to_fraction(a.value_min), to_fraction(a.value_max)]])
        elif a.kind in ("duration", "relative_time"):
            got.append([a.kind, to_fraction(a.value), a.unit])
        elif a.kind in ("date", "time", "fiscal_year", "date_range", "quarter"):
            got.append([a.kind, a.value])
        else:
            got.append([a.kind, to_fraction(a.value)])
    norm = []
    for w in want:
        if w[0] == "range":
            norm.append(["range", [Fraction(x) for x in w[1]]])
        elif w[0] in ("duration", "relative_time"):
            norm.append([w[0], Fraction(w[1]), w[2]])
        elif w[0] in ("date", "time", "fiscal_year", "date_range", "quarter"):
            norm.append(w)
        else:
            norm.append([w[0], Fraction(str(w[1]))])
    return got == norm, f"got {got}"


def recognizers_spans(row: dict):
    model = row["model"]
    text = row["Input"]
    want = [r for r in row["Results"]]
    c = _c()
    if model == "NumberModel":
        got = [(t, v) for t, v in c.numbers(text)]
        exp = [(r["Text"], r["Resolution"]["value"]) for r in want]
        return _match_pairs(got, exp)
    _, ams = c.amounts(text)
    if model.startswith("Ordinal"):
        got = [(a.text, a.value) for a in ams if a.kind == "ordinal"]
        exp = [(r["Text"], r["Resolution"]["value"]) for r in want]
        return _match_pairs(got, exp)
    if model == "PercentModel":
        got = [(a.text, a.value) for a in ams if a.kind == "percent"]
        exp = [(r["Text"], r["Resolution"]["value"].rstrip("%")) for r in want]
        return _match_pairs(got, exp)
    if model == "NumberRangeModel":
        got = [(text[_bound_start(a):a.full_end], _interval(a)) for a in ams
               if a.kind in ("range", "number", "fraction", "duration")
               and (a.kind == "range" or a.qualifier not in ("", "approx"))]
        exp = [(r["Text"], _parse_interval(r["Resolution"]["value"])) for r in want]
        ok = sorted(map(repr, got)) == sorted(map(repr, exp))
        return ok, f"got {got} want {exp}"
    if model == "CurrencyModel":
        units = expectations()["recognizers_units"]
        got = [(a.text, a.value, a.currency) for a in ams if a.kind == "money"]
        exp = [(r["Text"], r["Resolution"].get("value"), r["Resolution"].get("isoCurrency"),
                r["Resolution"].get("unit")) for r in want]
        if len(got) != len(exp):
            return False, f"got {got} want {exp}"
        for (gt, gv, gc), (et, ev, ec, eu) in zip(got, exp):
            codes, per = units.get(eu, [[ec], 1])
            if gt != et or gc not in codes or ev is None or to_fraction(gv) * per != Fraction(ev):
                return False, f"got {got} want {exp}"
        return True, ""
    raise ValueError(f"no check for model {model}")


def _match_pairs(got, exp):
    c = _c()
    if len(got) != len(exp):
        return False, f"got {got} want {exp}"
    for (gt, gv), (et, ev) in zip(got, exp):
        if gt != et or not c.close(gv, Fraction(ev) if ev is not None else None):
            return False, f"got {got} want {exp}"
    return True, ""


def _bound_start(a: AmountMatch) -> int:
    """Recognizers' range spans hold the bound words, not an 'about' before them."""
    pre = a.extra.get("pre_q")
    return a.start if pre is not None and pre[1] == "approx" else a.full_start


def _interval(a: AmountMatch):
    lo = to_fraction(a.value_min if a.kind == "range" else a.value)
    hi = to_fraction(a.value_max) if a.kind == "range" else lo
    q = a.qualifier
    if q in ("more_than", "at_least"):
        return (lo, None)
    if q in ("less_than", "at_most", "up_to"):
        return (None, lo)
    return (lo, hi)


def _parse_interval(s: str):
    lo, hi = s.strip("[]()").split(",")
    f = lambda x: Fraction(x) if x.strip() else None
    return (f(lo), f(hi))


__all__ = ["whole", "same", "nemo_money", "listed", "recognizers_spans", "canon"]


def _duckling(row):
    dim, text, value = row["dimension"], row["text"], row["value"]
    if dim == "Numeral":
        return dim, text, lambda: whole(text, ("number", "fraction", "year"), value)
    if dim == "Ordinal":
        return dim, text, lambda: whole(text, ("ordinal",), value)
    if dim == "Duration":
        return dim, text, lambda: whole(text, ("duration",), value, row["unit"])
    if dim == "AmountOfMoney":
        if isinstance(value, dict):
            return dim, text, lambda: (False, "range with from/to")
        return dim, text, lambda: _money_whole(text, value, row["unit"])
    return dim, text, lambda: (False, f"no check for {dim}")


def _money_whole(text, value, code):
    ok, detail = whole(text, ("money",), value)
    if not ok:
        return ok, detail
    _, ams = _c().amounts(text.strip())
    return ams[0].currency == code, f"currency {ams[0].currency} != {code}"


def _nemo(row):
    cls, direction = row["class"], row["direction"]
    src, exp = row["input"], row.get("expected_ascii_digits", row["expected"])
    cat = cls if direction == "itn" else f"tn-{cls}"
    if direction == "itn" and cls == "money":
        return cat, src, lambda: nemo_money(src, exp)
    if direction == "tn":
        return cat, src, lambda: same(row["expected"], src)
    return cat, src, lambda: same(src, exp)


def _num2words(row):
    kinds = ("ordinal",) if row["kind"] == "ordinal" else ("number", "year")
    return row["kind"], row["words"], lambda: whole(row["words"], kinds, row["value"])


def _num2words_numeric(row):
    kinds = ("ordinal",) if row["kind"] == "ordinal" else ("number", "year")
    return row["kind"] + "-numeric", row["devanagari_numeric"], lambda: whole(row["devanagari_numeric"], kinds, row["value"])


def _number_parser(row):
    if row["test"] == "parse_number":
        return "parse_number", row["text"], lambda: whole(row["text"], ("number", "year", "fraction"), row["expected"])
    return "parse", row["text"], lambda: same(row["text"], row["expected"])


def _recognizers(row):
    model = row["model"]
    return model, row["Input"], lambda: recognizers_spans(row)


def _dateparser(row):
    kind = row["kind"]
    table = "dateparser_upstream" if kind == "upstream_test" else "dateparser_observed"
    return kind, row["text"], lambda: listed(row["text"], table)


def _variants(row):
    kinds = ("ordinal",) if row["kind"] == "ordinal" else ("number", "fraction")
    return row["kind"], row["spelling"], lambda: whole(row["spelling"], kinds, row["value"])


CHECKS = {
    "duckling_hi": _duckling,
    "duckling_en_indian_numbering": _duckling,
    "nemo_hi": _nemo,
    "num2words_hi": _num2words,
    "number_parser_hi": _number_parser,
    "recognizers_hi": _recognizers,
    "dateparser_hi": _dateparser,
    "hi_number_word_variants": _variants,
}
