"""find_amounts: one left-to-right scan of normalized text.

A trigger regex (digits, number words, month names, currency signs; built from the tables as a
trie) finds candidate positions; at each one `_amount_at` reads the longest amount:
  [qualifier] [currency] NUMBER [range-connector NUMBER] [currency|percent|गुना|time unit|era]
  [sub-unit: "दो पैसे"] [qualifier]
plus dates, times, fiscal years, and relative calendar expressions (relative.py: कल, पिछले साल, सोमवार). Digits inside URLs, e-mails, phone numbers and IDs are skipped.
"""
from __future__ import annotations

import re
from fractions import Fraction

from . import clock, dates, relative
from .connectors import AND as BETWEEN
from .connectors import BETWEEN_END, RANGE, RUPEE_NOUN, SUBUNIT_JOIN, role
from .model import AmountMatch, exact, sortable
from .numbers import parse_number
from .numerals import DIGITS, NumParse
from .qualifiers import merge_bounds, merge_date_ranges, merge_durations, qualify
from .scan import positions
from .word_tables import fold, key, tables
from .units import NEXT_TOKEN, match_month, match_pre_currency, match_unit, neg_before

NEXT_WORD = re.compile(r"[ \t]*([\u0900-\u0963\u0971-\u097fA-Za-z]+)")
PREV_WORD = re.compile(r"([\u0900-\u0963\u0971-\u097fA-Za-z]+)[ \t]*\Z")

def find_numbers(text: str) -> list[NumParse]:
    """The number layer alone: bare number expressions (no ordinals), as Recognizers' NumberModel sees them."""
    out: list[NumParse] = []
    for p in positions(text, out):
        n = parse_number(text, p)
        if n is None or n.ordinal:
            continue
        neg = _neg_start(text, p)
        if neg is not None:
            n.value, n.start = -n.value, neg
        out.append(n)
    return out


def _neg_start(text: str, p: int) -> int | None:
    if p > 0 and text[p - 1] == "-" and (p == 1 or text[p - 2] in " \t(\n<>=~"):
        return p - 1
    return neg_before(text, p)


def find_amounts(text: str) -> list[AmountMatch]:
    out: list[AmountMatch] = []
    for p in positions(text, out):
        am = _amount_at(text, p)
        if am is not None:
            out.append(am)
    return merge_durations(text, merge_bounds(text, merge_date_ranges(text, out)))


def _amount_at(text: str, p: int) -> AmountMatch | None:
    c = text[p]
    if not (c.isdigit() or c == "."):
        fy = dates.fiscal_abbrev(text, p) if c in "Ff" else None
        if fy is not None:
            return qualify(text, fy)
        cur = match_pre_currency(text, p)
        if cur is not None:
            return _money_pre(text, p, cur)
        if match_month(text, p):
            return dates.month_first(text, p)
        cal = relative.calendar_at(text, p)
        if cal is not None:
            return cal
    else:
        for f in (dates.numeric_date, dates.time_at, dates.year_pair):
            am = f(text, p)
            if am is not None:
                return qualify(text, clock.with_oclock(text, am) if am.kind == "time" else am)
    n = parse_number(text, p)
    if n is None:
        return None
    if n.ordinal:
        q = dates.ordinal_quarter(text, n.start, n.end, int(n.value)) if n.value.denominator == 1 else None
        return q or _ordinal(text, n)
    n2, dm = _range_end(text, n)
    if dm is not None:
        return qualify(text, dm)
    ck = clock.clock_time(text, n) if n2 is None else None
    if ck is not None:
        return qualify(text, ck)
    if n2 is None and _is_day(n):
        dm = dates.day_month(text, n.start, int(n.value), n.end)
        if dm is not None:
            return qualify(text, dm)
    last = n2 or n
    unit = match_unit(text, last.end)
    neg = _neg_start(text, n.start)
    return _build(text, n, n2, unit, neg)


def _is_day(n: NumParse) -> bool:
    return not n.fraction and not n.scale and n.value.denominator == 1 and 1 <= n.value <= 31 and n.n_atoms == 1


def _range_end(text: str, n: NumParse):
    """Second end of a range ("60 से 70 लाख", "35-40", "21-24 जून"), or a date range of days."""
    m = RANGE.match(text, n.end)
    between = False
    if not m:
        m = BETWEEN.match(text, n.end)
        between = m is not None
        if not m:
            return None, None
    n2 = parse_number(text, m.end())
    if n2 is None or n2.ordinal or (between and not BETWEEN_END.match(text, n2.end)):
        return None, None
    if _is_day(n) and _is_day(n2) and n2.value > n.value:
        mm = match_month(text, n2.end)
        if mm:
            d2 = dates.day_month(text, n2.start, int(n2.value), n2.end)
            if d2 is not None:
                v1 = d2.value[:-2] + f"{int(n.value):02d}"
                return None, AmountMatch(n.start, d2.end, text[n.start:d2.end], "date_range",
                                         f"{v1}/{d2.value}", v1, d2.value)
    if n.words and n.value.denominator == 1 and 1000 <= n.value <= 2999 and n2.value.denominator == 1 \
            and n.value % 100 < n2.value < 100 and match_unit(text, n2.end) is None:
        a = int(n.value)
        b = a - a % 100 + int(n2.value)
        return None, AmountMatch(n.start, n2.end, text[n.start:n2.end], "date_range", f"{a:04d}/{b:04d}",
                                 f"{a:04d}", f"{b:04d}")
    lo = n.value
    if n2.scale and not n.scale and n.value * _scale_of(n2) < n2.value:
        lo = n.value * _scale_of(n2)
    if n2.value <= lo:
        return None, None
    n.value = lo
    if between:
        n2.end = BETWEEN_END.match(text, n2.end).end()
    return n2, None


def _scale_of(n: NumParse) -> Fraction:
    w = tables().word(n.scale)
    return w.value if w is not None else Fraction(1)


def _ordinal(text: str, n: NumParse) -> AmountMatch | None:
    written = text[n.start:n.end]
    if fold(written) in tables().misc["before_adverb"]:
        after = NEXT_WORD.match(text, n.end)
        before = PREV_WORD.search(text[max(0, n.start - 30):n.start])
        ctx = tables().pahle_context
        if not after or fold(after.group(1)) in ctx["after"] or (before and (
                fold(before.group(1)) in ctx["before"] or fold(before.group(1)) in tables().time_units)):
            return None
    return AmountMatch(n.start, n.end, written, "ordinal", exact(n.value), normalized_value=exact(n.value))


def _money_pre(text: str, p: int, cur) -> AmountMatch | None:
    n = parse_number(text, cur.end)
    if n is None or n.ordinal:
        return None
    n2, _ = _range_end(text, n)
    last = n2 or n
    value = n.value / cur.per
    am = AmountMatch(p, last.end, text[p:last.end], "money", currency=cur.code, unit=cur.text, scale=n.scale)
    _set_value(am, value, n2.value / cur.per if n2 else None)
    sub = _subunit(text, last.end, cur.code) if cur.per == 1 and n2 is None else None
    if sub:
        _set_value(am, value + sub[0])
        am.end = sub[1]
        am.text = text[p:am.end]
    return qualify(text, am)


def _set_value(am: AmountMatch, v: Fraction, v2: Fraction | None = None) -> None:
    if v2 is None:
        am.value = exact(v)
        am.normalized_value = sortable(v)
    else:
        am.value = None
        am.value_min, am.value_max = exact(v), exact(v2)
        am.normalized_value = sortable(v)


def _subunit(text: str, pos: int, code: str):
    """"छह सौ पच्चीस रुपये दो पैसे": a sub-unit amount of the same currency right after."""
    m = SUBUNIT_JOIN.match(text, pos)
    n = parse_number(text, m.end()) if m else None
    if n is None or n.ordinal or n.scale:
        return None
    u = match_unit(text, n.end)
    if u is None or u.kind != "money" or u.per == 1 or n.value >= u.per or (
            u.code != code and fold(u.text) not in tables().shared_subunits):
        return None
    return n.value / u.per, u.end


def _build(text, n: NumParse, n2: NumParse | None, unit, neg) -> AmountMatch | None:
    """The amount of a number (or a range) and the unit after it: money, percent, quantity, duration,
    year ..., or a plain number."""
    last = n2 or n
    start, end = n.start, last.end
    v1 = -n.value if neg is not None else n.value
    v2 = n2.value if n2 else None
    if neg is not None:
        start = neg
    scale = n2.scale if n2 and n2.scale else n.scale
    kind = "range" if n2 else ("fraction" if n.fraction else "number")
    am = AmountMatch(start, end, "", kind, scale=scale)
    if unit is not None:
        v1, v2 = _apply_unit(text, am, unit, n, v1, v2)
    if unit is None and am.kind in ("number", "range") and _implied_rupees(text, am.end, scale):
        am.kind, am.currency = "money", "INR"
    if am.kind in ("number", "range") and _is_year(text, n, n2):
        year = _as_year(text, am, n, n2, v1)
        if year is not None:
            return year
    _set_value(am, v1, v2)
    if am.kind in ("year",):
        am.normalized_value = None
    return qualify(text, _finish(text, am))


def _apply_unit(text: str, am: AmountMatch, unit, n: NumParse, v1, v2):
    """The unit's kind, code and end on `am`; the values (v1, v2) in that unit."""
    if unit.kind == "money":
        v1, v2 = v1 / unit.per, (v2 / unit.per if v2 is not None else None)
        am.kind, am.currency, am.unit = "money", unit.code, unit.text
        am.end = unit.end
        sub = _subunit(text, unit.end, unit.code) if unit.per == 1 and v2 is None else None
        if sub:
            v1 += sub[0]
            am.end = sub[1]
    elif unit.kind in ("percent", "multiplier", "basis_points"):
        am.kind, am.unit, am.end = unit.kind, {"percent": "%", "multiplier": "x"}.get(unit.kind, "bp"), unit.end
    elif unit.kind == "quantity":
        am.kind, am.unit, am.end = "quantity", unit.code, unit.end
    elif unit.kind == "time" and not n.plain_digits or (unit.kind == "time" and n.value < 1000):
        am.kind = "relative_time" if unit.sign else "duration"
        am.unit, am.end = unit.code, unit.end
        if unit.sign < 0:
            v1, v2 = -v1, (-v2 if v2 is not None else None)
    elif unit.kind == "era" and v2 is None and v1.denominator == 1 and 0 < v1 <= 9999:
        am.kind, am.end = "year", unit.end
        v1 = v1 * unit.sign
    return v1, v2


def _as_year(text: str, am: AmountMatch, n: NumParse, n2: NumParse | None, v1) -> AmountMatch | None:
    """A number that is a year ("सन 1947", "2020 में") or a range of years ("2021-2024"); None when
    it is a plain year that the caller finishes (its kind is set)."""
    if n2 is None:
        am.kind = "year"
        marker = dates.year_words_marker(text, n.start)
        if marker is None:
            return None
        am.extra["pre_q"] = (marker, "")
        _set_value(am, v1)
        am.normalized_value = None
        out = qualify(text, _finish(text, am))
        out.full_start = min(out.full_start, marker)
        return out
    a, b = int(n.value), int(n2.value)
    if b < 100 and b > a % 100:
        b = a - a % 100 + b
    am.kind = "date_range"
    am.value, am.value_min, am.value_max = f"{a:04d}/{b:04d}", f"{a:04d}", f"{b:04d}"
    return qualify(text, _finish(text, am))


YEAR_CONTEXT = re.compile(rf"[ \t]+(?:{role('year_after')}|[{DIGITS}]{{1,2}}:[{DIGITS}]{{2}})"
                          r"(?![\u0900-\u0963\u0971-\u097fA-Za-z])")   # 2020 में, 1947 ईस्वी, 2024 12:30


def _counts_a_noun(text: str, pos: int) -> bool:
    nt = NEXT_TOKEN.match(text, pos)
    return nt is not None and fold(nt.group(1)) in tables().count_nouns


def _implied_rupees(text: str, end: int, scale: str) -> bool:
    """"28 लाख मुआवजा": an amount in लाख / करोड़ right before a money noun is rupees, with no currency written."""
    return bool(scale) and fold(key(scale)) in tables().misc["indian_scale"] and RUPEE_NOUN.match(text, end) is not None


def _is_year(text: str, n: NumParse, n2: NumParse | None) -> bool:
    def plain_year(x: NumParse) -> bool:
        return x.plain_digits and x.end - x.start == 4 and 1900 <= x.value <= 2099
    marker = dates.year_words_marker(text, n.start) is not None
    if n2 is None:
        if n.plain_digits and n.end - n.start == 4 and 1000 <= n.value <= 2199 and YEAR_CONTEXT.match(text, n.end):
            return True
        if not marker and _counts_a_noun(text, n.end):     # "2000 लोग" is a count
            return False
        return plain_year(n) or (marker and n.value.denominator == 1 and 0 < n.value <= 2999 and not n.scale)
    return (plain_year(n) or marker) and n.value.denominator == 1 and not n.scale and (
        plain_year(n2) or (n2.value < 100 and n2.value > n.value % 100) or (1000 <= n2.value <= 2999))


def _finish(text: str, am: AmountMatch) -> AmountMatch:
    am.text = text[am.start:am.end]
    am.full_start, am.full_end = am.start, am.end
    return am
