"""Dates, times, years and fiscal years.

Values are ISO 8601 strings: "2024-07-08", "2024-07" (month precision, also a month alone: "XXXX-12"), "XXXX-07-08"
(no year: the ISO 8601 / TIMEX3 placeholder, which no spreadsheet reads as a formula),
"12:18" / "11:15:09" for times, "2021/2024" for a range of years. Fiscal years "2023-24" keep the
written form as value with value_min/value_max the two calendar years (ints); "2023-24" is a fiscal
year only when the second part is the next year, else a range of years.
"""
from __future__ import annotations

import calendar
from functools import lru_cache
import re

import regex

from ..text import closed_class
from .connectors import DAY_OF as OF_DAY
from .connectors import FY_BEFORE
from .connectors import MONTH_JOIN as MONTH_RANGE_SEP
from .model import NO_YEAR, AmountMatch
from .numbers import parse_number
from .numerals import DIGITS, LEX, digit_value
from .connectors import alternatives
from .word_tables import WORD_START, bounded_alternation, tables
from .units import SP, era_before, match_month, prev_token, weekday_before

_D = f"[{DIGITS}]"
NUMERIC_DATE = re.compile(rf"(?P<d>{_D}{{1,2}})(?P<sep>[/.\-])(?P<m>{_D}{{1,2}})(?P=sep)(?P<y>{_D}{{4}})(?![{DIGITS}]|[/.\-]{_D})")
TIME = re.compile(rf"(?P<h>{_D}{{1,2}}):(?P<mi>{_D}{{2}})(?::(?P<s>{_D}{{2}}))?(?![{DIGITS}:])")
# "2023-24", "2021/2024"; not "2023-24 प्रतिशत" (a percent range)
YEAR_PAIR = re.compile(rf"(?P<a>{_D}{{4}})[ \t]*[-–—/][ \t]*(?P<b>{_D}{{4}}|{_D}{{2}})(?![{DIGITS}]|[-–/.]{_D}|%|[ \t]*"
                       + alternatives(tables().percent) + ")")
SEP = re.compile(r"[ \t]*,?[ \t]*")


_TO_DIGITS = closed_class.digit_table()


def _int(s: str) -> int:
    return int(digit_value(s))


def valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    return d <= calendar.monthrange(y if y else 2024, m)[1]


def iso(y: int | None, m: int, d: int | None) -> str:
    year = f"{y:04d}" if y is not None else NO_YEAR
    return f"{year}-{m:02d}" if d is None else f"{year}-{m:02d}-{d:02d}"


def numeric_date(text: str, p: int) -> AmountMatch | None:
    m = NUMERIC_DATE.match(text, p)
    if not m:
        return None
    d, mo, y = _int(m["d"]), _int(m["m"]), _int(m["y"])
    if not valid_day(y, mo, d):
        return None
    return AmountMatch(p, m.end(), m.group(), "date", iso(y, mo, d))


def time_at(text: str, p: int) -> AmountMatch | None:
    m = TIME.match(text, p)
    if not m:
        return None
    h, mi = _int(m["h"]), _int(m["mi"])
    s = _int(m["s"]) if m["s"] else None
    if h > 23 or mi > 59 or (s is not None and s > 59):
        return None
    value = f"{h:02d}:{mi:02d}" + (f":{s:02d}" if s is not None else "")
    return AmountMatch(p, m.end(), m.group(), "time", value)


FY_ABBREV = re.compile(rf"(?:FY|fy)[ \t]*'?(?P<a>{_D}{{4}}|{_D}{{2}})(?:[ \t]*[-–/][ \t]*(?P<b>{_D}{{4}}|{_D}{{2}}))?(?![{DIGITS}])")


def fiscal_abbrev(text: str, p: int) -> AmountMatch | None:
    """FY26 / FY 2025-26 / FY25-26: India's fiscal year named by the year it ends (FY26 = 2025-26)."""
    m = FY_ABBREV.match(text, p)
    if not m:
        return None
    a = _int(m["a"]) + (2000 if len(m["a"]) == 2 else 0)
    if m["b"]:
        b = _int(m["b"]) + (a - a % 100 if len(m["b"]) == 2 else 0)
        if b != a + 1:
            return None
    else:
        a, b = a - 1, a
    if not 1950 <= b <= 2199:
        return None
    return AmountMatch(p, m.end(), m.group(), "fiscal_year", f"{a}-{b % 100:02d}", a, b)


def year_pair(text: str, p: int) -> AmountMatch | None:
    m = YEAR_PAIR.match(text, p)
    if not m:
        return None
    a, b_text = _int(m["a"]), m["b"]
    if not 1000 <= a <= 2199:
        return None
    b = _int(b_text) if len(b_text) == 4 else a - a % 100 + _int(b_text)
    if b <= a or (len(b_text) == 4 and (not 1800 <= a <= 2199 or b - a > 200)):
        return None
    fy_marker = FY_BEFORE.search(text[max(0, p - 16):p])
    if "/" in m.group() and b != a + 1:
        return None                      # 1500/22 is a fraction, 2023/24 a fiscal year
    if b == a + 1 and (len(b_text) == 2 or fy_marker):
        value = f"{a}-{b % 100:02d}" if len(b_text) == 2 else f"{a}-{b}"    # ASCII digits, no spaces
        return AmountMatch(p, m.end(), m.group(), "fiscal_year", value, a, b)
    return AmountMatch(p, m.end(), m.group(), "date_range", f"{a:04d}/{b:04d}", f"{a:04d}", f"{b:04d}")


def year_after(text: str, pos: int) -> tuple[int, int] | None:
    """A year (digits or words, 1000-2999) after a day-month: '15 अगस्त, 2023', 'मार्च दो हज़ार दस'."""
    sm = SEP.match(text, pos)
    n = parse_number(text, sm.end()) if sm else None
    if n is None or n.ordinal or n.fraction or n.value.denominator != 1 or not 1000 <= n.value <= 2999:
        return None
    if n.plain_digits and n.end - n.start != 4:
        return None
    return int(n.value), n.end


def day_month(text: str, start: int, day: int, pos: int) -> AmountMatch | None:
    """'<day> <month> [, <year>]' where the day number ended at pos."""
    mm = match_month(text, pos)
    if not mm:
        return None
    month, _, end = mm
    y = year_after(text, end)
    year = y[0] if y else None
    if not valid_day(year, month, day):
        return None
    end = y[1] if y else end
    wd = weekday_before(text, start)
    s = wd if wd is not None else start
    return AmountMatch(s, end, text[s:end], "date", iso(year, month, day))


def month_first(text: str, p: int) -> AmountMatch | None:
    """'मार्च 30, 1990', 'जुलाई 1937', 'मार्च दो हज़ार दस', 'मार्च की दो', 'दिसंबर बारह', 'दिसंबर में'."""
    mm = match_month(text, p)
    if not mm:
        return None
    month, _, end = mm
    rng = _month_range(text, p, month, end)
    if rng:
        return rng
    y = year_after(text, end)
    if y:
        return AmountMatch(p, y[1], text[p:y[1]], "date", iso(y[0], month, None))
    km = OF_DAY.match(text, end)
    n = parse_number(text, km.end()) if km else None
    if n is None or n.ordinal or n.fraction or n.value.denominator != 1 or not 1 <= n.value <= 31 or n.scale:
        return _month_alone(text, p, month, end)
    day = int(n.value)
    y = year_after(text, n.end)
    year = y[0] if y else None
    if not valid_day(year, month, day):
        return None
    e = y[1] if y else n.end
    return AmountMatch(p, e, text[p:e], "date", iso(year, month, day))


@lru_cache(maxsize=1)
def _context() -> dict[str, regex.Pattern]:
    """misc.tsv words around a month or an ordinal: quarter (तिमाही), month_after (में), month_before (पिछले)."""
    misc = tables().misc
    return {"quarter": regex.compile(SP + "(?:" + bounded_alternation(misc["quarter"]) + ")"),
            "after": regex.compile(r"[ \t]+(?:" + bounded_alternation(misc["month_after"]) + ")"),
            "before": regex.compile(WORD_START + "(?:" + bounded_alternation(misc["month_before"]) + r")[ \t]+\Z")}


def _month_alone(text: str, p: int, month: int, end: int) -> AmountMatch | None:
    """'दिसंबर में', 'पिछले मार्च': a month name written out, on its own, is a date of month precision
    with no year (XXXX-12) where a postposition follows or a word such as पिछले comes before."""
    before = prev_token(text, p)
    if before.translate(_TO_DIGITS).isdigit() or tables().word(before) is not None:
        return None     # "31 फरवरी": a day that is no date, not a month alone
    if text[end - 1] in ".\u0970" or not (_context()["after"].match(text, end)
                                         or _context()["before"].search(text[max(0, p - 16):p])):
        return None
    return AmountMatch(p, end, text[p:end], "date", iso(None, month, None))


def ordinal_quarter(text: str, start: int, end: int, n: int) -> AmountMatch | None:
    """'पहली तिमाही' .. 'चौथी तिमाही': quarter n of a year the text does not give (XXXX-Q1), calendar or
    fiscal as the text means it."""
    q = _context()["quarter"].match(text, end) if 1 <= n <= 4 else None
    if q is None:
        return None
    return AmountMatch(start, q.end(), text[start:q.end()], "quarter", f"{NO_YEAR}-Q{n}")


def _month_range(text: str, p: int, month: int, end: int) -> AmountMatch | None:
    """'अप्रैल-सितंबर 2023', 'अप्रैल से सितंबर 2023': months of one year (or across a year end);
    'अक्टूबर-दिसंबर तिमाही', 'अप्रैल-जून 2024 तिमाही': a quarter, with or without its year."""
    sm = MONTH_RANGE_SEP.match(text, end)
    mm2 = match_month(text, sm.end()) if sm else None
    if not mm2:
        return None
    month2, y = mm2[0], year_after(text, mm2[2])
    q = _context()["quarter"].match(text, y[1] if y else mm2[2])
    if y:
        year1 = y[0] if month <= month2 else y[0] - 1
        lo, hi, e = iso(year1, month, None), iso(y[0], month2, None), y[1]
    elif q:
        lo, hi, e = iso(None, month, None), iso(None, month2, None), mm2[2]
    else:
        return None
    if q:
        return AmountMatch(p, q.end(), text[p:q.end()], "quarter", f"{lo}/{hi}", lo, hi)
    return AmountMatch(p, e, text[p:e], "date_range", f"{lo}/{hi}", lo, hi)


def year_words_marker(text: str, start: int) -> int | None:
    """Start of 'सन'/'वर्ष'/'साल' right before a year."""
    return era_before(text, start)


__all__ = ["numeric_date", "time_at", "year_pair", "fiscal_abbrev", "day_month", "month_first", "ordinal_quarter",
           "valid_day", "iso", "LEX"]
