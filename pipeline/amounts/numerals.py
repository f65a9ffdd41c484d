"""The lexical layer of number expressions (read by numbers.parse_number): digits and their
groupings (Indian 1,00,000, Western 100,000, spaced "1 414 021"), the token regex the reader steps
through, the elements it collects, and the value of a sequence of them, computed like a spoken number:
the largest scale splits it (left x scale + right, right < scale), so stacked scales multiply."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..text import closed_class
from .connectors import LIST_GOES_ON
from .word_tables import tables

DIGITS = "0-9\u0966-\u096f"
_D = f"[{DIGITS}]"
# digits grouped by spaces ("1 414 021 100") or by comma-space ("21, 943, 407 लोग"): every group after the
# first is three digits, and no list goes on after it ("100, 200, 500 और 2000" is four numbers); comma-space
# also needs two groups and a word after it ("1, 234, 567" alone is a list, as Recognizers-Text reads it)
_LIST_GOES_ON = rf"{LIST_GOES_ON}{_D}"
SPACED = (rf"{_D}{{1,3}}(?: {_D}{{3}})+(?!{_D}| {_D}|{_LIST_GOES_ON})"
          rf"|{_D}{{1,3}}(?:, {_D}{{3}}){{2,}}(?!{_D}|{_LIST_GOES_ON})(?=[ \t]*[\u0900-\u0963\u0971-\u097fA-Za-z])")
NUM = (rf"(?:{_D}{{1,3}}(?:,{_D}{_D})*,{_D}{{3}}|{_D}{{1,3}}(?:,{_D}{{3}})+)(?!{_D}|,{_D})(?:\.{_D}+)?"
       rf"|{SPACED}|{_D}+(?:\.{_D}+)?|\.{_D}+")
LETTER = "\u0900-\u0963\u0971-\u097fA-Za-z\u00c0-\u024f\u0b80-\u0bff"
LEX = re.compile(rf"(?P<sp>[ \t]*)(?:(?P<num>{NUM})|(?P<word>[{LETTER}]+)|(?P<sym>\S))")
SLASH = re.compile(rf"/({_D}+)(?![{DIGITS}/])")
LETTERS = re.compile(rf"[{LETTER}]+")
_TO_ASCII = closed_class.digit_table()


def digit_value(s: str) -> Fraction:
    return Fraction(s.translate(_TO_ASCII).replace(",", "").replace(" ", ""))


@dataclass
class El:
    kind: str          # atom | scale
    value: Fraction
    start: int
    end: int
    text: str = ""
    bare: bool = False


@dataclass
class NumParse:
    start: int
    end: int
    value: Fraction
    ordinal: bool = False
    fraction: bool = False
    scale: str = ""            # the largest scale word as written
    plain_digits: bool = False  # one digit token, no grouping, no words (year candidate)
    words: bool = False
    n_atoms: int = 0


def value_of(els: list[El]) -> Fraction | None:
    scales = [i for i, e in enumerate(els) if e.kind == "scale"]
    if not scales:
        return els[0].value if len(els) == 1 else None
    top = max(els[i].value for i in scales)
    i = max(i for i in scales if els[i].value == top)
    left, right = els[:i], els[i + 1:]
    if left:
        if any(e.kind == "scale" and e.value >= top for e in left):
            return None
        lv = value_of(left)
    else:
        lv = Fraction(1) if els[i].bare or i > 0 else None
    if lv is None:
        return None
    rv = value_of(right) if right else Fraction(0)
    if rv is None or rv >= top:
        return None
    return lv * top + rv


def decimal_digits(text: str, pos: int) -> tuple[str, int]:
    """Digits spoken after दशमलव: each word is read as its digits (सात पाँच -> '75', इकहत्तर -> '71')."""
    T = tables()
    digits, end = "", pos
    while True:
        m = LEX.match(text, end)
        if not m:
            break
        if m.group("num") and m.group("num").isdigit():
            digits += m.group("num").translate(_TO_ASCII)
        elif m.group("word"):
            w = T.word(m.group("word"))
            if w is None or w.kind != "card" or w.ordinal or w.value >= 100:
                break
            digits += str(w.value)
        else:
            break
        end = m.end()
    return digits, end


def decimal_scaled(els: list[El]) -> bool:
    """"2.12 सौ": after a scale applied to written decimals nothing smaller follows."""
    return els[-1].kind == "scale" and any(e.kind == "atom" and e.value.denominator != 1 and e.text[:1].isdigit()
                                           for e in els)
