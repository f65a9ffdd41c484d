"""One check per peer suite: row -> (category, text, verdict) where verdict() -> (ok, detail).

Kinds of check:
- whole: the text is one amount covering all of it, with the peer's value (Duckling, num2words,
  number-parser's parse_number);
- same: words and written form give the same amounts (NeMo ITN/TN, number-parser's parse): the
  amounts of the input equal the amounts of the expected output, compared by value;
- spans: Recognizers-Text results, compared as multisets of (span text, resolved value);
- dateparser: the rows' own expectations: dates (ISO) against dateparser's observed or expected
  datetimes (our relative times resolved against the row's RELATIVE_BASE; a date we give to the
  month matches a datetime of that month), translations against our amounts written in English.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from ..amounts.model import AmountMatch, to_fraction
from .readings import amounts, close, numbers

SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600,
           "year": 31536000}
MONTHS = {"month": 1, "year": 12}


@lru_cache(maxsize=1)
def expectations() -> dict:
    return yaml.safe_load((Path(__file__).parent / "data" / "peer_expectations.yaml").read_text(encoding="utf-8"))


def whole(text: str, kinds: tuple[str, ...], value, unit: str | None = None):
    t = text.strip()
    _, ams = amounts(t)
    hit = [a for a in ams if a.full_start <= 0 and a.full_end >= len(t)]
    if len(hit) != 1:
        return False, f"no single amount over the text: {[(a.text, a.kind, a.value) for a in ams]}"
    a = hit[0]
    if a.kind not in kinds:
        return False, f"kind {a.kind} not in {kinds}"
    if unit is not None:
        return _duration_equal(a, value, unit)
    got = a.value if a.value is not None else a.value_min
    return close(got, value), f"value {got} != {value}"


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
    _, a = amounts(src)
    _, b = amounts(expected)
    ca, cb = sorted(map(repr, map(canon, a))), sorted(map(repr, map(canon, b)))
    return ca == cb, f"{[(x.text, x.kind, x.value) for x in a]} vs {[(x.text, x.kind, x.value) for x in b]}"


def nemo_money(src: str, expected: str):
    syms = expectations()["nemo_money_symbols"]
    m = regex.fullmatch(r"(?P<sym>\D*?)(?P<num>\d+(?:\.\d+)?)", expected.strip())
    if not m or m["sym"] not in syms:
        return False, f"cannot read {expected!r}"
    code, per = syms[m["sym"]]
    want = Fraction(m["num"]) / per
    _, ams = amounts(src)
    money = [a for a in ams if a.kind == "money"]
    if len(money) != 1:
        return False, f"{[(a.text, a.kind, a.value) for a in ams]}"
    a = money[0]
    return (a.currency == code and to_fraction(a.value) == want), f"{a.value} {a.currency} != {want} {code}"


EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december")
EN_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _in_english(a: AmountMatch) -> str:
    """An amount as dateparser's translation writes it ("13 june 1998", "24 minute ago", "1 week")."""
    if a.kind == "date" and "X" not in str(a.value):
        parts = a.value.split("-")
        month = EN_MONTHS[int(parts[1]) - 1]
        return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"
    if a.kind == "time":
        return a.value
    if a.kind == "duration":
        return f"{a.value} {a.unit}"
    if a.kind == "relative_time":
        return f"{abs(to_fraction(a.value))} {a.unit} {'ago' if to_fraction(a.value) < 0 else 'in'}"
    return str(to_fraction(a.value))


def dateparser_translation(text: str, expected: str):
    """dateparser's Hindi tests translate to English; weekday names are not amounts and are left out."""
    _, ams = amounts(text)
    got = " ".join(_in_english(a) for a in sorted(ams, key=lambda a: a.start))
    want = " ".join(w for w in expected.split() if w not in EN_WEEKDAYS)
    return got == want, f"{got!r} != {want!r}"


def _resolve(a: AmountMatch, base: datetime) -> str:
    n = int(to_fraction(a.value))
    if a.unit in SECONDS and a.unit != "year":
        return (base + timedelta(seconds=n * SECONDS[a.unit])).isoformat()
    months = n * MONTHS[a.unit] + base.month - 1
    return base.replace(year=base.year + months // 12, month=months % 12 + 1).isoformat()


def _placed(a: AmountMatch, base: datetime | None) -> str:
    """A date, placed on the calendar against the base date when the text leaves it open (पिछले साल)."""
    from ..amounts.anchoring import Reference, resolve
    if base is None or "X" not in str(a.value):
        return a.value
    return resolve(a, Reference(base.date(), "base", ""))[0]


def dateparser_dates(text: str, expected, base: str | None):
    """Our dates and relative times against dateparser's datetimes (None: it found none)."""
    want = [] if expected is None else [expected] if isinstance(expected, str) else [iso for _, iso in expected]
    _, ams = amounts(text)
    when = datetime.fromisoformat(base) if base else None
    got = [_placed(a, when) if a.kind == "date" else _resolve(a, when) for a in ams
           if a.kind == "date" or (a.kind == "relative_time" and when is not None)]
    ok = len(got) == len(want) and all(w.startswith(g) for g, w in zip(got, want))
    return ok, f"got {got} want {want}"


def recognizers_spans(row: dict):
    model = row["model"]
    text = row["Input"]
    want = [r for r in row["Results"]]
    if model == "NumberModel":
        got = [(t, v) for t, v in numbers(text)]
        exp = [(r["Text"], r["Resolution"]["value"]) for r in want]
        return _match_pairs(got, exp)
    _, ams = amounts(text)
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
    if len(got) != len(exp):
        return False, f"got {got} want {exp}"
    for (gt, gv), (et, ev) in zip(got, exp):
        if gt != et or not close(gv, Fraction(ev) if ev is not None else None):
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


__all__ = ["whole", "same", "nemo_money", "dateparser_dates", "dateparser_translation", "recognizers_spans", "canon"]


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
    _, ams = amounts(text.strip())
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
    kind, text = row["kind"], row["text"]
    if row.get("test") == "translation_to_english":
        return kind, text, lambda: dateparser_translation(text, row["expected"])
    if row.get("test") == "split_tokens":
        return kind, text, lambda: (False, "a tokenizer test: no value to compare")
    expected = row["expected"] if "expected" in row else row.get("observed")
    base = row.get("settings", {}).get("RELATIVE_BASE")
    return kind, text, lambda: dateparser_dates(text, expected, base)


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
