"""Dates on the calendar: every calendar amount (date, date_range, quarter, year, fiscal_year,
relative_time) gets `resolved`, its ISO 8601 value, and `anchor`, how it was found.

* Written whole (15 अगस्त 2023, 2023-24, 2020): resolved as written, anchor "written". A fiscal year
  becomes its months: 2023-24 -> 2023-04/2024-03 (India's fiscal year, April to March).
* Relative or partial (कल, परसों, पिछले साल दिसंबर, सोमवार, इस महीने, 8 जुलाई, पहली तिमाही, 3 दिन पहले):
  placed against the document's reference date (reference.py), anchor "<source>: <how>", e.g.
  "dateline: 2 days before (past tense)". A day word, a weekday or a date without a year goes before
  the reference date in a past clause and after it in a future one (tense.py); without a tense a
  weekday, month or date takes the nearest one, while कल and परसों stay open (yesterday or tomorrow?).
* Nothing to anchor it: resolved keeps the X (XXXX-12) and anchor says why, "none: <reason>".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import NO_YEAR, AmountMatch, to_fraction

CALENDAR_KINDS = ("date", "date_range", "quarter", "year", "fiscal_year", "relative_time")
PARTIAL = re.compile(r"XXXX-(?P<m>\d{2}|Q[1-4])(?:-(?P<d>\d{2}))?")
WRITTEN_FY = re.compile(r"(?P<a>\d{4})-(?P<b>\d{2}|\d{4})")
UNITS_IN_DAYS = {"day": 1, "week": 7, "fortnight": 14}
SUB_DAY = ("second", "minute", "hour")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Reference:
    """A document's reference date, where it came from (dateline, first_lines, dates_file, option),
    and when there is none, why."""
    date: dt.date | None = None
    source: str = ""
    note: str = "no reference date (no dateline, no full date in the first lines, no --date)"


def resolve(am: AmountMatch, ref: Reference, direction: str = "") -> tuple[str, str]:
    """(resolved, anchor) of one amount; ("", "") for a kind that is no calendar date."""
    if am.kind not in CALENDAR_KINDS:
        return "", ""
    written = _written(am)
    if written is not None:
        return written, "written"
    value = str(am.value)
    if ref.date is None:
        return value, f"none: {ref.note}"
    out = _placed(am, ref.date, direction)
    if out is None:
        return value, f"none: {_open_reason(am)}"
    resolved, how = out
    return resolved, f"{ref.source}: {how}"


def _written(am: AmountMatch) -> str | None:
    if am.kind == "relative_time" or "calendar" in am.extra:
        return None
    value = str(am.value)
    if NO_YEAR in value:
        return None
    if am.kind == "fiscal_year":
        m = WRITTEN_FY.fullmatch(value)
        return f"{int(m['a']):04d}-04/{int(m['a']) + 1:04d}-03" if m else value
    return value


def _open_reason(am: AmountMatch) -> str:
    how = am.extra.get("calendar")
    if how and how[0] == "day":
        return f"{am.text}: before or after the reference date? the clause shows no tense"
    return f"{am.text}: not placed on the calendar"


def _placed(am: AmountMatch, ref: dt.date, direction: str) -> tuple[str, str] | None:
    how = am.extra.get("calendar")
    if how is not None:
        return _relative(how, ref, direction)
    if am.kind == "relative_time":
        return _shifted(am, ref)
    value = str(am.value)
    if "/" in value:
        return _range(value, ref, direction)
    m = PARTIAL.fullmatch(value)
    return _partial(m, ref, direction) if m else None


def _relative(how: tuple, ref: dt.date, direction: str) -> tuple[str, str] | None:
    kind = how[0]
    if kind == "day":
        n = how[1]
        if n == 0:
            return ref.isoformat(), "same day"
        if direction not in ("past", "future"):
            return None
        sign = -1 if direction == "past" else 1
        return (ref + dt.timedelta(days=sign * n)).isoformat(), \
            f"{n} day{'s' if n > 1 else ''} {'before' if sign < 0 else 'after'} ({direction} tense)"
    if kind == "unit":
        return _unit(how[1], how[2], ref)
    if kind == "year_then":
        _, k, month, day = how
        return _iso(ref.year + k, month, day), f"{_step_name(k, 'year')}, month {month}" + (f" day {day}" if day else "")
    if kind == "month_det":
        _, k, month, day = how
        step = {-1: "past", 1: "future"}.get(k, "")
        if k == 0:
            return _iso(ref.year, month, day), "this year"
        return _nearest_year(month, day, ref, step), f"{_step_name(k, 'such month')}"
    if kind == "weekday":
        return _weekday(how[1], how[2], ref, direction)
    return None


def _step_name(k: int, unit: str) -> str:
    return {-1: f"previous {unit}", 0: f"this {unit}", 1: f"next {unit}"}[k]


def _unit(unit: str, k: int, ref: dt.date) -> tuple[str, str]:
    if unit == "year":
        return f"{ref.year + k:04d}", _step_name(k, "year")
    if unit == "month":
        y, m = divmod(ref.year * 12 + ref.month - 1 + k, 12)
        return f"{y:04d}-{m + 1:02d}", _step_name(k, "month")
    if unit == "week":
        y, w, _ = (ref + dt.timedelta(weeks=k)).isocalendar()
        return f"{y:04d}-W{w:02d}", _step_name(k, "week")
    start = (ref.year if ref.month >= 4 else ref.year - 1) + k
    return f"{start:04d}-04/{start + 1:04d}-03", _step_name(k, "fiscal year")


def _weekday(k: int | None, wd: int, ref: dt.date, direction: str) -> tuple[str, str]:
    back = (ref.isoweekday() - wd) % 7          # days back to the latest such weekday (0: today)
    name = WEEKDAYS[wd - 1]
    if k == 0:
        return (ref + dt.timedelta(days=wd - ref.isoweekday())).isoformat(), f"{name} of this week"
    if k == -1 or (k is None and direction == "past"):
        days = -(back or 7) if k == -1 else -back
        label = f"previous {name}" if k == -1 else f"nearest {name} before (past tense)"
    elif k == 1 or (k is None and direction == "future"):
        ahead = (wd - ref.isoweekday()) % 7
        days = (ahead or 7) if k == 1 else ahead
        label = f"next {name}" if k == 1 else f"nearest {name} after (future tense)"
    else:
        days = -back if back <= 3 else 7 - back
        label = f"nearest {name} (no tense)"
    return (ref + dt.timedelta(days=days)).isoformat(), label


def _iso(y: int, m: int, d: int | None) -> str:
    return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else "")


def _nearest_year(month: int, day: int | None, ref: dt.date, direction: str, strict: bool = True) -> str:
    """The month (and day) in the year that puts it before the reference date (past), after it
    (future), or nearest to it (no direction); strictly before / after unless `strict` is False."""
    key = (month, day or 0)
    here = (ref.month, ref.day if day else 0)
    if direction == "past":
        year = ref.year if key < here or (not strict and key == here) else ref.year - 1
    elif direction == "future":
        year = ref.year if key > here or (not strict and key == here) else ref.year + 1
    else:
        cands = [ref.year - 1, ref.year, ref.year + 1]
        target = ref.toordinal()
        year = min(cands, key=lambda y: (abs(dt.date(y, month, min(day or 15, 28)).toordinal() - target), y != ref.year))
    return _iso(year, month, day)


def _partial(m: re.Match, ref: dt.date, direction: str) -> tuple[str, str]:
    tag = {"past": "on or before it (past tense)", "future": "on or after it (future tense)"}.get(
        direction, "nearest to it (no tense)")
    if m["m"].startswith("Q"):
        q = int(m["m"][1])
        year = _nearest_year(3 * q - 1, None, ref, direction, strict=False)[:4]
        return f"{year}-Q{q}", f"the quarter {tag}"
    day = int(m["d"]) if m["d"] else None
    return _nearest_year(int(m["m"]), day, ref, direction, strict=False), f"the year {tag}"


def _range(value: str, ref: dt.date, direction: str) -> tuple[str, str] | None:
    lo, hi = value.split("/")
    m1, m2 = PARTIAL.fullmatch(lo), PARTIAL.fullmatch(hi)
    if not (m1 and m2) or m1["m"].startswith("Q"):
        return None
    first, how = _partial(m1, ref, direction)
    year = int(first[:4]) + (1 if (int(m2["m"]), int(m2["d"] or 0)) < (int(m1["m"]), int(m1["d"] or 0)) else 0)
    return f"{first}/{_iso(year, int(m2['m']), int(m2['d']) if m2['d'] else None)}", how


def _shifted(am: AmountMatch, ref: dt.date) -> tuple[str, str] | None:
    """3 दिन पहले, दो साल बाद: the reference date moved by the amount, at the unit's precision."""
    n = to_fraction(am.value)
    if n is None or n.denominator != 1:
        return None
    n, unit = int(n), am.unit
    how = f"{abs(n)} {unit}{'s' if abs(n) != 1 else ''} {'before' if n < 0 else 'after'}"
    if unit in SUB_DAY:
        return ref.isoformat(), how + " (the day)"
    if unit in UNITS_IN_DAYS:
        day = ref + dt.timedelta(days=n * UNITS_IN_DAYS[unit])
        if unit == "day":
            return day.isoformat(), how
        y, w, _ = day.isocalendar()
        return f"{y:04d}-W{w:02d}", how
    if unit == "month":
        y, m = divmod(ref.year * 12 + ref.month - 1 + n, 12)
        return f"{y:04d}-{m + 1:02d}", how
    if unit == "year":
        return f"{ref.year + n:04d}", how
    return None


def resolve_text(text: str, reference: dt.date | None = None, source: str = "option") -> list[tuple[AmountMatch, str, str]]:
    """(amount, resolved, anchor) for every amount of a plain text, placed against `reference`
    (examples/anchoring.yaml; what the stage does with a document's reference date)."""
    from ..text.normalize import normalize
    from .grammar import find_amounts
    from .tense import direction_after
    norm = normalize(text)
    ref = Reference(reference, source, "") if reference else Reference()
    out = []
    for m in find_amounts(norm.text):
        resolved, anchor = resolve(m, ref, direction_after(norm.text, m.end))
        s, e = norm.to_original(m.start, m.end)
        m.text = text[s:e]
        out.append((m, resolved, anchor))
    return out
