"""Number expressions: digits (ASCII/Devanagari, Indian or Western grouping), number words,
mixed ("सात करोड़ 39 लाख दो हजार चार सौ"), stacked scales ("1 लाख 25 हजार करोड़"), डेढ़/ढाई/सवा/
साढ़े/पौने, spoken decimals ("16 दशमलव आठ"), fractions ("तीन चौथाई", "एक बटा तीन", "3/4") and
ordinals ("पच्चीसवां", "22वां", "एक सौ उन्नीसवीं").

`parse_number(text, pos)` reads one expression starting at `pos` and returns a NumParse (value as
an exact Fraction) or None. The value of a scale sequence is computed like a spoken number: the
largest scale splits it (left x scale + right, right < scale), so stacked scales multiply.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..text import closed_class
from .connectors import AND, GLUED, LIST_GOES_ON
from .units import match_unit
from .word_tables import DIGIT_ORDINAL_SUFFIXES, fold, tables

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


def _ev(els: list[El]) -> Fraction | None:
    scales = [i for i, e in enumerate(els) if e.kind == "scale"]
    if not scales:
        return els[0].value if len(els) == 1 else None
    top = max(els[i].value for i in scales)
    i = max(i for i in scales if els[i].value == top)
    left, right = els[:i], els[i + 1:]
    if left:
        if any(e.kind == "scale" and e.value >= top for e in left):
            return None
        lv = _ev(left)
    else:
        lv = Fraction(1) if els[i].bare or i > 0 else None
    if lv is None:
        return None
    rv = _ev(right) if right else Fraction(0)
    if rv is None or rv >= top:
        return None
    return lv * top + rv


def _decimal_digits(text: str, pos: int) -> tuple[str, int]:
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


def parse_number(text: str, pos: int, allow_and: bool = True) -> NumParse | None:
    T = tables()
    els: list[El] = []
    ordinal = fraction = False
    post_frac = Fraction(0)
    i = pos
    tail_end = None
    while True:
        m = LEX.match(text, i)
        if not m or (els and m.group("sp") and m.group("sym")):
            break
        if not els and m.group("sp"):
            return None
        num, word = m.group("num"), m.group("word")
        if num:
            tend = m.end()
            sm = SLASH.match(text, tend)
            if sm and num.isdigit() and digit_value(sm.group(1)):
                whole = els[-1].value if els and els[-1].kind == "atom" and len(els) == 1 else None
                if els and (whole is None or m.group("sp") == "" or els[-1].value.denominator != 1):
                    break
                val = (whole or 0) + digit_value(num) / digit_value(sm.group(1))
                start = els[0].start if els else m.start("num")
                return NumParse(start, sm.end(), val, fraction=True, n_atoms=2)
            if els and (els[-1].kind == "atom" or _decimal_scaled(els)):
                break
            atom = El("atom", digit_value(num), m.start("num"), tend, num)
            lm = LETTERS.match(text, tend)
            if lm:
                suffix = fold(lm.group())
                w = T.word(lm.group())
                if suffix in DIGIT_ORDINAL_SUFFIXES and "." not in num:
                    want = DIGIT_ORDINAL_SUFFIXES[suffix]
                    ok = want is None or atom.value in want
                    if ok:
                        atom.end = lm.end()
                        els.append(atom)
                        ordinal = True
                        break
                    return None          # 5ला: a suffix that does not fit the number
                if w is not None and w.kind == "scale" and not w.ordinal:
                    els += [atom, El("scale", w.value, tend, lm.end(), lm.group())]
                    i = lm.end()
                    continue
                if not _attachable(text, tend):
                    return None
                els.append(atom)
                i = tend
                break
            els.append(atom)
            i = tend
            continue
        if not word:
            break
        w = T.word(word)
        if w is None:
            break
        ws, we = m.start("word"), m.end("word")
        if w.kind == "card":
            if els and (els[-1].kind == "atom" or _decimal_scaled(els)):
                break
            els.append(El("atom", w.value, ws, we, word))
            i = we
            if w.ordinal:
                ordinal = True
                break
            continue
        if w.kind == "scale":
            if not els and w.role != "bare" and not w.ordinal:
                break
            els.append(El("scale", w.value, ws, we, word, bare=w.role == "bare"))
            i = we
            if w.ordinal:
                ordinal = True
                break
            continue
        role = w.role
        if els and els[-1].kind == "atom" and role in ("atom", "prefix", "half"):
            break
        if role == "atom":
            els.append(El("atom", w.value, ws, we, word))
            i = we
            continue
        if role == "prefix":
            nm = LEX.match(text, we)
            nv = None
            if nm and nm.group("num"):
                nv, ne = digit_value(nm.group("num")), nm.end()
            elif nm and nm.group("word"):
                nw = T.word(nm.group("word"))
                if nw is not None and nw.kind == "card" and not nw.ordinal:
                    nv, ne = nw.value, nm.end()
            if nv is not None and nv > 0:
                els.append(El("atom", nv + w.value, ws, ne, text[ws:ne]))
                i = ne
            else:
                els.append(El("atom", 1 + w.value, ws, we, word))
                i = we
            continue
        if role == "half":
            els.append(El("atom", w.value, ws, we, word))
            fraction = True
            i = we
            continue
        if role == "denominator":
            if els and els[-1].kind == "atom" and len(els) == 1 and els[-1].value < w.value:
                els[-1].value /= w.value
                els[-1].end = we
                fraction = True
                i = we
            break
        if role == "point":
            digits, dend = _decimal_digits(text, we)
            if not digits or not els:
                break
            frac = Fraction(int(digits), 10 ** len(digits))
            if els[-1].kind == "atom":
                els[-1].value += frac
                els[-1].end = dend
                i = dend
                continue
            post_frac, tail_end = frac, dend
            break
        if role in ("over", "whole") and els:
            left = _ev(els)
            right = parse_number(text, LEX.match(text, we).end("sp") if LEX.match(text, we) else we,
                                 allow_and=False)
            if left is None or right is None:
                break
            if role == "over" and right.value and not right.fraction:
                return NumParse(els[0].start, right.end, left / right.value, fraction=True, words=True,
                                n_atoms=len(els) + 1)
            if role == "whole" and right.fraction:
                return NumParse(els[0].start, right.end, left + right.value, fraction=True, words=True,
                                n_atoms=len(els) + 1)
        break
    while els:
        v = _ev(els)
        if v is not None:
            break
        els.pop()
        ordinal = False
        post_frac, tail_end = Fraction(0), None
    if not els:
        return None
    value = v + post_frac
    end = tail_end or els[-1].end
    scale_el = max((e for e in els if e.kind == "scale"), key=lambda e: e.value, default=None)
    res = NumParse(els[0].start, end, value, ordinal=ordinal, fraction=fraction,
                   scale=scale_el.text if scale_el else "",
                   plain_digits=len(els) == 1 and els[0].kind == "atom" and els[0].text.isdigit()
                   and not ordinal and "," not in els[0].text,
                   words=any(not e.text[:1].isdigit() and e.text[:1] != "." for e in els),
                   n_atoms=sum(e.kind == "atom" for e in els))
    if allow_and and not ordinal and not res.fraction:
        res = _join_and(text, res, els)
    return res


def _join_and(text: str, res: NumParse, els: list[El]) -> NumParse:
    """"दो सौ दस खरब और तीन सौ", "3 सौ और 21", "एक सौ और तीन चौथाई": the right part must fit
    below the last scale (or be a fraction below 1 after a plain number)."""
    m = AND.match(text, res.end)
    if not m:
        return res
    right = parse_number(text, m.end(), allow_and=False)
    if right is None or right.value <= 0:
        return res
    last_scale = next((e.value for e in reversed(els) if e.kind == "scale"), None)
    if (last_scale is not None and right.value < last_scale and els[-1].kind == "scale") or \
            (right.fraction and right.value < 1):
        res.value += right.value
        res.end = right.end
        res.ordinal = right.ordinal
        res.fraction = res.fraction or right.fraction
        res.plain_digits = False
        res.n_atoms += right.n_atoms
    return res


def _attachable(text: str, pos: int) -> bool:
    """Letters glued to digits that still leave a number: a currency, percent word, multiplier."""
    return match_unit(text, pos, glued=True) is not None or bool(
        GLUED.match(text, pos)) or text[pos] in "元"


def _decimal_scaled(els: list[El]) -> bool:
    """"2.12 सौ": after a scale applied to written decimals nothing smaller follows."""
    return els[-1].kind == "scale" and any(e.kind == "atom" and e.value.denominator != 1 and e.text[:1].isdigit()
                                           for e in els)
