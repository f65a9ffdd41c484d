"""Clock times with बजे: "10 बजे" -> 10:00, "शाम 5 बजे" -> 17:00, "साढ़े दस बजे" -> 10:30,
"10 बजकर 15 मिनट" -> 10:15, "एक बजे सात मिनट" -> 01:07, "... 8 सेकंड" -> seconds; a written "10:30"
takes a following बजे and a day part before it ("शाम 5:30" -> 17:30).
The words are data (data/clock.tsv). Without a day part the hour is kept as written (12-hour
speech is ambiguous: "5 बजे" may be 05:00 or 17:00)."""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import regex

from .model import AmountMatch
from .numbers import parse_number
from .numerals import NumParse, digit_value
from .word_tables import bounded_alternation, key, rows
from .units import SP

_DOTTED = regex.compile(r"([0-9\u0966-\u096f]{1,2})\.([0-9\u0966-\u096f]{2})")
QUARTERS = {Fraction(0): 0, Fraction(1, 4): 15, Fraction(1, 2): 30, Fraction(3, 4): 45}


@lru_cache(maxsize=1)
def _rx() -> dict:
    by_role: dict[str, list[str]] = {}
    for word, role in rows("clock.tsv"):
        by_role.setdefault(role, []).append(key(word))
    dayparts = {w: role for role in ("am", "pm", "noon", "night") for w in by_role.get(role, [])}
    return {
        "oclock": regex.compile(SP + "(?:" + bounded_alternation(by_role["oclock"]) + ")"),
        "and_minutes": regex.compile(SP + "(?:" + bounded_alternation(by_role["and_minutes"]) + ")" + SP),
        "minutes": regex.compile(SP + "(?:" + bounded_alternation(by_role["minutes"]) + ")"),
        "seconds": regex.compile(SP + "(?:" + bounded_alternation(by_role["seconds"]) + ")"),
        "daypart": regex.compile(r"(?<![\p{L}\p{M}])(?P<u>" + bounded_alternation(list(dayparts)) + r")[ \t]+\Z"),
        "roles": dayparts,
    }


def _shift(hour: int, part: str) -> int:
    if part == "pm" and hour < 12 or part == "noon" and 1 <= hour <= 5 or part == "night" and 6 <= hour <= 11:
        return hour + 12
    if part == "night" and hour == 12:
        return 0
    return hour


def _daypart(text: str, start: int) -> tuple[int, str] | None:
    m = _rx()["daypart"].search(text, max(0, start - 16), start)
    if not m:
        return None
    role = _rx()["roles"].get(key(regex.sub(r"[ \t]+", " ", m.group("u"))))
    return (m.start("u"), role) if role else None


def clock_time(text: str, n: NumParse) -> AmountMatch | None:
    """The time when the number n is an hour followed by बजे [N मिनट [N सेकंड]] or
    बजकर/बजके N मिनट [N सेकंड], else None."""
    R = _rx()
    whole = n.value.numerator // n.value.denominator
    dotted = _DOTTED.fullmatch(text, n.start, n.end)    # "11.30 बजे": hour.minutes, not 11.3 hours
    if n.value < 0 or n.value > 24 or (n.value - whole not in QUARTERS and not dotted):
        return None
    hour, minute = whole, QUARTERS.get(n.value - whole, 0)
    if dotted:
        minute = int(digit_value(dotted.group(2)))
        if minute > 59:
            return None
    m = R["oclock"].match(text, n.end)
    if dotted and not m:
        return None
    joined = None if m else R["and_minutes"].match(text, n.end)
    if not m and not joined:
        return None
    end = (m or joined).end()
    mins = _count_then(text, end, "minutes", 60) if minute == 0 else None
    if joined and mins is None:
        return None
    seconds = ""
    if mins:
        minute, end = mins
        secs = _count_then(text, end, "seconds", 60)
        if secs:
            seconds, end = f":{secs[0]:02d}", secs[1]
    return _finish(text, n.start, end, hour, minute, seconds)


def _count_then(text: str, pos: int, role: str, limit: int) -> tuple[int, int] | None:
    """(value, end) of "N <role word>" at pos ("15 मिनट"), N a whole number below limit."""
    n = parse_number(text, pos + len(text[pos:]) - len(text[pos:].lstrip(" \t")))
    if n is None or n.value.denominator != 1 or not 0 <= n.value < limit:
        return None
    m = _rx()[role].match(text, n.end)
    return (int(n.value), m.end()) if m else None


def with_oclock(text: str, am: AmountMatch) -> AmountMatch:
    """A written time "10:30" takes a following बजे and a day part before it into its span:
    "शाम 5:30 बजे" -> 17:30."""
    m = _rx()["oclock"].match(text, am.end)
    hour, minute = (int(x) for x in str(am.value).split(":")[:2])
    return _finish(text, am.start, m.end() if m else am.end, hour, minute, str(am.value)[5:])


def _finish(text: str, start: int, end: int, hour: int, minute: int, seconds: str = "") -> AmountMatch:
    part = _daypart(text, start)
    if part:
        start, hour = part[0], _shift(hour, part[1])
    hour %= 24
    value = f"{hour:02d}:{minute:02d}{seconds}"
    return AmountMatch(start, end, text[start:end], "time", value)
