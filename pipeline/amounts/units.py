"""What stands around a number: currency, percent, multiplier, time unit, era, month, qualifier.

Each matcher is a regex built from a data table (word_tables.py), anchored at a position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .word_tables import WORD_START, alternation, bounded_alternation, fold, tables

SP = r"[ \t]*"
LETTER = "\u0900-\u0963\u0971-\u097fA-Za-z\u00c0-\u024f\u0b80-\u0bff"
NEXT_TOKEN = re.compile(rf"[ \t]*(?:-[ \t]*)?([{LETTER}]+|[^\s{LETTER}])")


def _head(spelling: str) -> str:
    m = NEXT_TOKEN.match(spelling)
    return fold(m.group(1)) if m else spelling


def _tail(spelling: str) -> str:
    m = re.search(rf"([{LETTER}]+|[^\s{LETTER}.\u0970])[.\u0970]?[ \t]*\Z", spelling)
    return fold(m.group(1)) if m else spelling


def prev_token(text: str, start: int, skip: str = " \t") -> str:
    """The word (or one sign) ending right before `start`, spaces and `skip` characters skipped."""
    i = start
    while i > 0 and text[i - 1] in skip:
        i -= 1
    if i > 0 and text[i - 1] in ".\u0970":
        i -= 1
    j = i
    while j > 0 and ("\u0900" <= text[j - 1] <= "\u0963" or "\u0971" <= text[j - 1] <= "\u097f"
                     or text[j - 1].isascii() and text[j - 1].isalpha()):
        j -= 1
    if j == i and i > 0:
        j = i - 1
    return fold(text[j:i])


@dataclass
class Unit:
    kind: str          # money | percent | basis_points | quantity | multiplier | time | era
    start: int
    end: int
    text: str
    code: str = ""     # ISO currency, time unit name
    per: int = 1       # sub-units per main unit (पैसे: 100)
    sign: int = 0      # relative time (-1 ago, +1 later) or era (-1 BCE)


@lru_cache(maxsize=1)
def _heads() -> dict[str, frozenset]:
    """First (or last) tokens of the table entries: a set lookup before any table regex runs."""
    T = tables()
    post_units = list(T.percent) + list(T.basis_points) + list(T.measures) + \
        [k for k, (c, p, _) in T.currencies.items() if p in ("post", "any")] + \
        list(T.multipliers) + list(T.time_units) + [k for k, v in T.eras.items() if v]
    return {
        "unit": frozenset(_head(k) for k in post_units),
        "q_post": frozenset(_head(k) for (k, p) in T.qualifiers if p == "post"),
        "q_pre": frozenset(_tail(k) for (k, p) in T.qualifiers if p == "pre"),
        "era_pre": frozenset(_tail(k) for k, v in T.eras.items() if not v),
        "weekday_before": frozenset(_tail(k) for k in T.weekdays),
        "neg_before": frozenset(T.misc["neg"]),
        "month": frozenset(_head(k) for k in T.months),
    }


@lru_cache(maxsize=1)
def _rx() -> dict[str, regex.Pattern]:
    T = tables()
    cur_post = [k for k, (c, p, _) in T.currencies.items() if p in ("post", "any")]
    cur_pre = [k for k, (c, p, _) in T.currencies.items() if p in ("pre", "any")]
    pre_q = [k for (k, p) in T.qualifiers if p == "pre"]
    post_q = [k for (k, p) in T.qualifiers if p == "post"]
    return {
        "percent": regex.compile(SP + "(?P<u>" + bounded_alternation(T.percent) + ")"),
        "percent_glued": regex.compile("(?P<u>" + bounded_alternation(T.percent) + ")"),
        "bp": regex.compile(SP + "(?P<u>" + bounded_alternation(T.basis_points) + ")"),
        "measure": regex.compile(SP + "(?P<u>" + bounded_alternation(T.measures) + ")"),
        "cur_post": regex.compile(rf"{SP}(?:-{SP})?(?P<u>" + bounded_alternation(cur_post) + ")"),
        "cur_glued": regex.compile("(?P<u>" + bounded_alternation(cur_post) + ")"),
        "cur_pre": regex.compile("(?P<u>" + alternation(cur_pre) + rf")(?![\p{{L}}\p{{M}}]){SP}(?=[0-9\u0966-\u096f.\p{{L}}])"),
        "mult": regex.compile(SP + "(?P<u>" + bounded_alternation(T.multipliers) + ")"),
        "time": regex.compile(SP + "(?:-" + SP + ")?(?P<u>" + bounded_alternation(T.time_units) + ")"
                              + "(?:" + SP + "(?P<rel>" + bounded_alternation(T.relative) + "))?"),
        "era_post": regex.compile(SP + "(?P<u>" + bounded_alternation([k for k, v in T.eras.items() if v]) + ")"),
        "era_pre": regex.compile(WORD_START + "(?P<u>" + bounded_alternation([k for k, v in T.eras.items() if not v])
                                 + ")" + SP + r"\Z"),
        "month": regex.compile(SP + "(?P<u>" + bounded_alternation(T.months) + ")"),
        "weekday_before": regex.compile(WORD_START + "(?P<u>" + bounded_alternation(T.weekdays) + r"),?" + SP + r"\Z"),
        "q_pre": regex.compile(r"(?:" + WORD_START + "(?P<u>" + bounded_alternation([q for q in pre_q if q[0].isalpha()])
                               + r")|(?<![<>=])(?P<u>" + alternation([q for q in pre_q if not q[0].isalpha()]) + "))"
                               + SP + r"\Z"),
        "q_post": regex.compile(SP + "(?P<u>" + bounded_alternation(post_q) + ")"),
        "neg_before": regex.compile(WORD_START + "(?P<u>" + bounded_alternation(T.misc["neg"]) + ")" + SP + r"\Z"),
    }


def _lookup(table: dict, written: str):
    from .word_tables import key
    k = fold(written)
    if k in table:
        return table[k]
    k2 = regex.sub(r"[ \t]+", " ", k).replace("\u0970", ".")
    if k2 in table:
        return table[k2]
    hit = table.get(key(k2))
    if hit is None:
        squeezed = k2.replace(" ", "")
        hit = next((v for k, v in table.items() if k.replace(" ", "") == squeezed), None)
    return hit


def match_unit(text: str, pos: int, glued: bool = False) -> Unit | None:
    """A unit right after a number ending at pos."""
    nt = NEXT_TOKEN.match(text, pos)
    if nt is None or (fold(nt.group(1)) not in _heads()["unit"] and text[pos:pos + 1] != "-"):
        return None
    T = tables()
    R = _rx()
    m = R["percent_glued" if glued else "percent"].match(text, pos)
    if m:
        return Unit("percent", m.start("u"), m.end(), m.group("u"), "%")
    m = R["cur_glued" if glued else "cur_post"].match(text, pos)
    if m:
        code, _, per = _lookup(T.currencies, m.group("u"))
        return Unit("money", m.start("u"), m.end(), m.group("u"), code, per)
    if glued:
        return None
    m = R["bp"].match(text, pos)
    if m:
        return Unit("basis_points", m.start("u"), m.end(), m.group("u"))
    m = R["measure"].match(text, pos)
    if m:
        return Unit("quantity", m.start("u"), m.end(), m.group("u"), _lookup(T.measures, m.group("u")))
    m = R["mult"].match(text, pos)
    if m:
        return Unit("multiplier", m.start("u"), m.end(), m.group("u"))
    m = R["time"].match(text, pos)
    if m:
        unit = _lookup(T.time_units, m.group("u"))
        sign = _lookup(T.relative, m.group("rel")) if m.group("rel") else 0
        return Unit("time", m.start("u"), m.end(), m.group("u"), unit, sign=sign)
    m = R["era_post"].match(text, pos)
    if m:
        return Unit("era", m.start("u"), m.end(), m.group("u"), sign=_lookup(T.eras, m.group("u")))
    return None


def match_pre_currency(text: str, pos: int) -> Unit | None:
    m = _rx()["cur_pre"].match(text, pos)
    if not m:
        return None
    code, _, per = _lookup(tables().currencies, m.group("u"))
    return Unit("money", m.start("u"), m.end(), m.group("u"), code, per)


def match_month(text: str, pos: int) -> tuple[int, int, int] | None:
    """(month, start, end) of a month name at pos (after optional spaces)."""
    nt = NEXT_TOKEN.match(text, pos)
    if nt is None or fold(nt.group(1)) not in _heads()["month"]:
        return None
    m = _rx()["month"].match(text, pos)
    if not m:
        return None
    return _lookup(tables().months, m.group("u")), m.start("u"), m.end()


def _before(name: str, text: str, start: int, width: int = 40):
    if prev_token(text, start, " \t," if name == "weekday_before" else " \t") not in _heads()[name]:
        return None
    lo = max(0, start - width)
    m = _rx()[name].search(text[lo:start])
    return (lo + m.start("u"), m.group("u")) if m else None


def weekday_before(text: str, start: int) -> int | None:
    r = _before("weekday_before", text, start, 16)
    return r[0] if r else None


def era_before(text: str, start: int) -> int | None:
    r = _before("era_pre", text, start, 16)
    return r[0] if r else None


def neg_before(text: str, start: int) -> int | None:
    r = _before("neg_before", text, start, 12)
    return r[0] if r else None


def qualifier_before(text: str, start: int) -> tuple[int, str] | None:
    r = _before("q_pre", text, start, 24)
    if not r:
        return None
    return r[0], _lookup(_qualifier_table("pre"), r[1])


def qualifier_after(text: str, end: int) -> tuple[int, str] | None:
    nt = NEXT_TOKEN.match(text, end)
    if nt is None or fold(nt.group(1)) not in _heads()["q_post"]:
        return None
    m = _rx()["q_post"].match(text, end)
    if not m:
        return None
    return m.end(), _lookup(_qualifier_table("post"), m.group("u"))


@lru_cache(maxsize=2)
def _qualifier_table(position: str) -> dict[str, str]:
    return {k: q for (k, p), q in tables().qualifiers.items() if p == position}
