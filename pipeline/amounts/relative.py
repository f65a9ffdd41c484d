"""Relative calendar expressions, found unresolved: a day word (आज, कल, परसों), a weekday on its own
(सोमवार को), a determiner before a calendar unit, a month or a weekday (पिछले साल, इस महीने, अगले
सप्ताह, चालू वित्त वर्ष, पिछले मार्च, अगले सोमवार), and a relative year before a month or a day and
month (पिछले साल दिसंबर, इस साल 15 अगस्त). Words: data/calendar.tsv, data/weekdays.tsv.

The value keeps X where the text leaves the calendar open (ISO 8601 / TIMEX3 style): कल "XXXX-XX-XX",
पिछले साल "XXXX", इस महीने "XXXX-XX", अगले सप्ताह "XXXX-WXX", सोमवार "XXXX-WXX-1", पिछले साल दिसंबर
"XXXX-12". `extra["calendar"]` says how anchoring.py places it against the document's reference date:
  ("day", n)                  n days from it, before or after as the clause's tense says (0: आज)
  ("unit", unit, k)           the previous / this / next year, month, week or fiscal year (k = -1, 0, 1)
  ("year_then", k, month, day)  month (and day) of the previous / this / next year
  ("month_det", k, month, day)  the previous / this / next such month (and day)
  ("weekday", k, weekday)     the previous / this / next such weekday; k None: the tense says
"""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import valid_day, year_after
from .model import NO_YEAR, AmountMatch
from .numbers import parse_number
from .word_tables import fold, tables
from .units import match_month

WORD = re.compile(r"[ \t]*([\u0900-\u0963\u0971-\u097f]+)")
HYPHEN_WORD = re.compile(r"-[\u0900-\u097f]")
SPACES = re.compile(r"[ \t]*")
NUMBER_NEXT = re.compile(r"[ \t]*[0-9\u0966-\u096f]")
DAY_AFTER_WEEKDAY = re.compile(r"[ \t]*,?[ \t]*(?=[0-9\u0966-\u096f])")
NO_MONTH = f"{NO_YEAR}-XX"
UNIT_VALUES = {"year": NO_YEAR, "month": NO_MONTH, "week": f"{NO_YEAR}-WXX", "fiscal_year": f"{NO_YEAR}-XX"}


def _phrase(text: str, pos: int, table: dict[str, str]) -> tuple[str, int] | None:
    """The longest entry of `table` (one or two words) at pos: (its value, its end)."""
    m1 = WORD.match(text, pos)
    if not m1:
        return None
    m2 = WORD.match(text, m1.end())
    if m2 and fold(m1.group(1) + " " + m2.group(1)) in table:
        return table[fold(m1.group(1) + " " + m2.group(1))], m2.end()
    w = fold(m1.group(1))
    return (table[w], m1.end()) if w in table else None


def calendar_at(text: str, p: int) -> AmountMatch | None:
    """A relative calendar expression starting at p, or None."""
    first = WORD.match(text, p)
    if first is None or fold(first.group(1)) not in _first_words():
        return None
    cal = tables().calendar
    day = _phrase(text, p, cal.get("day", {}))
    if day is not None:
        return _day(text, p, int(day[0]), day[1])
    det = _phrase(text, p, cal.get("determiner", {}))
    if det is not None:
        return _after_determiner(text, p, int(det[0]), det[1])
    wd = _phrase(text, p, tables().weekdays_alone)
    if wd is not None and not _day_month_follows(text, wd[1]):
        return _match(text, p, wd[1], f"{NO_YEAR}-WXX-{wd[0]}", ("weekday", None, int(wd[0])))
    return None


def _match(text: str, p: int, end: int, value: str, how: tuple, kind: str = "date") -> AmountMatch:
    return AmountMatch(p, end, text[p:end], kind, value, extra={"calendar": how})


def _day(text: str, p: int, n: int, end: int) -> AmountMatch | None:
    """आज, कल, परसों: not in a compound (कल-कारखाने) nor a figure of speech (आज के दौर में)."""
    if HYPHEN_WORD.match(text, end) or _phrase(text, end, tables().calendar.get("not_after_day", {})):
        return None
    return _match(text, p, end, f"{NO_YEAR}-XX-XX", ("day", n))


def _after_determiner(text: str, p: int, k: int, pos: int) -> AmountMatch | None:
    unit = _phrase(text, pos, tables().calendar.get("unit", {}))
    if unit is not None:
        name, end = unit
        then = _month_or_day_month(text, end) if name == "year" else None
        if then is not None:
            month, day, e = then
            return _match(text, p, e, _partial(month, day), ("year_then", k, month, day))
        if name in ("year", "fiscal_year") and NUMBER_NEXT.match(text, end):
            return None     # "इस वर्ष 2024 में", "चालू वित्त वर्ष 2024-25": वर्ष marks the year written after it
        kind = "fiscal_year" if name == "fiscal_year" else "date"
        return _match(text, p, end, UNIT_VALUES[name], ("unit", name, k), kind)
    then = _month_or_day_month(text, pos)
    if then is not None:
        month, day, e = then
        return _match(text, p, e, _partial(month, day), ("month_det", k, month, day))
    wd = _phrase(text, pos, tables().weekdays_alone)
    if wd is not None:
        return _match(text, p, wd[1], f"{NO_YEAR}-WXX-{wd[0]}", ("weekday", k, int(wd[0])))
    return None


def _partial(month: int, day: int | None) -> str:
    return f"{NO_YEAR}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month_or_day_month(text: str, pos: int) -> tuple[int, int | None, int] | None:
    """(month, day or None, end) of a month name or a day and month at pos, none with its own year
    (a year written after it makes it a full date, found on its own)."""
    mm = match_month(text, pos)
    if mm is not None:
        return None if year_after(text, mm[2]) else (mm[0], None, mm[2])
    n = parse_number(text, SPACES.match(text, pos).end())
    if n is None or n.ordinal or n.fraction or n.scale or n.value.denominator != 1 or not 1 <= n.value <= 31:
        return None
    mm = match_month(text, n.end)
    if mm is None or year_after(text, mm[2]) or not valid_day(None, mm[0], int(n.value)):
        return None
    return mm[0], int(n.value), mm[2]


def _day_month_follows(text: str, pos: int) -> bool:
    """सोमवार 13 जून, सोमवार, 5 जुलाई: the weekday opens a date found at its day number."""
    m = DAY_AFTER_WEEKDAY.match(text, pos)
    if m is None:
        return False
    n = parse_number(text, m.end())
    return n is not None and match_month(text, n.end) is not None


def trigger_words() -> set[str]:
    """First words of the calendar phrases, for the scanner (scan.py)."""
    return set(_first_words())


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    cal = tables().calendar
    words = set(cal.get("day", {})) | set(cal.get("determiner", {})) | set(tables().weekdays_alone)
    return frozenset(w.split(" ")[0] for w in words)
