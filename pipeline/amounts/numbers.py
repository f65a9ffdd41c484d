"""Number expressions: digits (ASCII/Devanagari, Indian or Western grouping), number words,
mixed ("सात करोड़ 39 लाख दो हजार चार सौ"), stacked scales ("1 लाख 25 हजार करोड़"), डेढ़/ढाई/सवा/
साढ़े/पौने, spoken decimals ("16 दशमलव आठ"), fractions ("तीन चौथाई", "एक बटा तीन", "3/4") and
ordinals ("पच्चीसवां", "22वां", "एक सौ उन्नीसवीं").

`parse_number(text, pos)` reads one expression starting at `pos` and returns a NumParse (value as an exact
Fraction) or None. A scale sequence counts like a spoken number: the largest scale splits it (left x scale +
right, right < scale), so stacked scales multiply; "1 लाख 25 हजार करोड़" has the scale करोड़, "5 लाख करोड़" लाख करोड़.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from .connectors import AND, GLUED
from .numerals import LETTERS, LEX, SLASH, El, NumParse, decimal_digits, decimal_scaled, digit_value, value_of
from .units import match_unit
from .word_tables import DIGIT_ORDINAL_SUFFIXES, Word, fold, tables


@dataclass
class _Reading:
    """parse_number's state while it reads one expression left to right."""
    text: str
    i: int                              # where the next token starts
    els: list[El] = field(default_factory=list)
    ordinal: bool = False
    fraction: bool = False
    post_frac: Fraction = Fraction(0)   # a spoken decimal after a scale ("दो लाख दशमलव पाँच")
    tail_end: int | None = None         # ... and where it ends

    def after_atom(self) -> bool:
        """Nothing smaller may follow: an atom, or a scale applied to written decimals."""
        return bool(self.els) and (self.els[-1].kind == "atom" or decimal_scaled(self.els))


# what a step says: read the next token, or the expression ends before this token, or there is none
_NEXT, _STOP, _NONE = "next", "stop", "none"


def parse_number(text: str, pos: int, allow_and: bool = True) -> NumParse | None:
    r = _Reading(text, pos)
    while True:
        m = LEX.match(text, r.i)
        if not m or (r.els and m.group("sp") and m.group("sym")):
            break
        if not r.els and m.group("sp"):
            return None
        step = _read_digits(r, m) if m.group("num") else _read_word(r, m)
        if isinstance(step, NumParse):
            return step
        if step == _NONE:
            return None
        if step == _STOP:
            break
    return _result(r, allow_and)


def _read_digits(r: _Reading, m: re.Match):
    """A digit token: a fraction 3/4, an ordinal 22वां, digits with a glued scale (5लाख), or an atom."""
    num, end = m.group("num"), m.end()
    sm = SLASH.match(r.text, end)
    if sm and num.isdigit() and digit_value(sm.group(1)):
        return _digit_fraction(r, m, sm)
    if r.after_atom():
        return _STOP
    atom = El("atom", digit_value(num), m.start("num"), end, num)
    lm = LETTERS.match(r.text, end)
    if lm:
        return _glued_letters(r, atom, lm)
    r.els.append(atom)
    r.i = end
    return _NEXT


def _digit_fraction(r: _Reading, m: re.Match, sm: re.Match):
    """"3/4", "1 1/2" (after a lone whole number and a space)."""
    els = r.els
    whole = els[-1].value if els and els[-1].kind == "atom" and len(els) == 1 else None
    if els and (whole is None or m.group("sp") == "" or els[-1].value.denominator != 1):
        return _STOP
    val = (whole or 0) + digit_value(m.group("num")) / digit_value(sm.group(1))
    start = els[0].start if els else m.start("num")
    return NumParse(start, sm.end(), val, fraction=True, n_atoms=2)


def _glued_letters(r: _Reading, atom: El, lm: re.Match):
    """Letters glued to the digits: an ordinal ending that fits the number, a scale, or a unit that
    leaves the number a number (5%); anything else makes it no number (5ला, A4)."""
    suffix = fold(lm.group())
    if suffix in DIGIT_ORDINAL_SUFFIXES and "." not in atom.text:
        want = DIGIT_ORDINAL_SUFFIXES[suffix]
        if want is not None and atom.value not in want:
            return _NONE                 # 5ला: a suffix that does not fit the number
        atom.end = lm.end()
        r.els.append(atom)
        r.ordinal = True
        return _STOP
    w = tables().word(lm.group())
    if w is not None and w.kind == "scale" and not w.ordinal:
        r.els += [atom, El("scale", w.value, atom.end, lm.end(), lm.group())]
        r.i = lm.end()
        return _NEXT
    if not _attachable(r.text, atom.end):
        return _NONE
    r.els.append(atom)
    r.i = atom.end
    return _STOP


def _read_word(r: _Reading, m: re.Match):
    """A number word: a cardinal, a scale, or a fraction word."""
    word = m.group("word")
    w = tables().word(word) if word else None
    if w is None:
        return _STOP
    ws, we = m.start("word"), m.end("word")
    if w.kind == "card" and r.after_atom():
        return _STOP
    if w.kind == "scale" and not r.els and w.role != "bare" and not w.ordinal:
        return _STOP
    if w.kind in ("card", "scale"):
        kind = "atom" if w.kind == "card" else "scale"
        r.els.append(El(kind, w.value, ws, we, word, bare=w.kind == "scale" and w.role == "bare"))
        r.i = we
        r.ordinal = w.ordinal
        return _STOP if w.ordinal else _NEXT
    return _read_fraction_word(r, w, ws, we, word)


def _read_fraction_word(r: _Reading, w: Word, ws: int, we: int, word: str):
    """डेढ़ / ढाई (atom), सवा / साढ़े / पौने (prefix), आधा (half), चौथाई (denominator), दशमलव (point),
    बटा (over), और (whole)."""
    role, els = w.role, r.els
    if els and els[-1].kind == "atom" and role in ("atom", "prefix", "half"):
        return _STOP
    if role in ("atom", "half"):
        els.append(El("atom", w.value, ws, we, word))
        r.fraction = r.fraction or role == "half"
        r.i = we
        return _NEXT
    if role == "prefix":
        return _read_prefixed(r, w, ws, we, word)
    if role == "denominator":
        if els and els[-1].kind == "atom" and len(els) == 1 and els[-1].value < w.value:
            els[-1].value /= w.value
            els[-1].end = we
            r.fraction = True
            r.i = we
        return _STOP
    if role == "point":
        return _read_point(r, we)
    if role in ("over", "whole") and els:
        return _read_over_whole(r, role, we)
    return _STOP


def _read_prefixed(r: _Reading, w: Word, ws: int, we: int, word: str):
    """सवा दो (2 1/4), साढ़े तीन, पौने पाँच; alone, सवा is 1 1/4."""
    nm = LEX.match(r.text, we)
    nv = None
    if nm and nm.group("num"):
        nv, ne = digit_value(nm.group("num")), nm.end()
    elif nm and nm.group("word"):
        nw = tables().word(nm.group("word"))
        if nw is not None and nw.kind == "card" and not nw.ordinal:
            nv, ne = nw.value, nm.end()
    if nv is not None and nv > 0:
        r.els.append(El("atom", nv + w.value, ws, ne, r.text[ws:ne]))
        r.i = ne
    else:
        r.els.append(El("atom", 1 + w.value, ws, we, word))
        r.i = we
    return _NEXT


def _read_point(r: _Reading, we: int):
    """"16 दशमलव आठ": the spoken digits after दशमलव."""
    digits, dend = decimal_digits(r.text, we)
    if not digits or not r.els:
        return _STOP
    frac = Fraction(int(digits), 10 ** len(digits))
    if r.els[-1].kind == "atom":
        r.els[-1].value += frac
        r.els[-1].end = dend
        r.i = dend
        return _NEXT
    r.post_frac, r.tail_end = frac, dend
    return _STOP


def _read_over_whole(r: _Reading, role: str, we: int):
    """"एक बटा तीन" (over), "दो और तीन चौथाई" (whole + a fraction)."""
    left = value_of(r.els)
    nm = LEX.match(r.text, we)
    right = parse_number(r.text, nm.end("sp") if nm else we, allow_and=False)
    if left is None or right is None:
        return _STOP
    n_atoms = len(r.els) + 1
    if role == "over" and right.value and not right.fraction:
        return NumParse(r.els[0].start, right.end, left / right.value, fraction=True, words=True, n_atoms=n_atoms)
    if role == "whole" and right.fraction:
        return NumParse(r.els[0].start, right.end, left + right.value, fraction=True, words=True, n_atoms=n_atoms)
    return _STOP


def _result(r: _Reading, allow_and: bool) -> NumParse | None:
    """The longest prefix of the elements that has a value (then "... और ..." joined on)."""
    els = r.els
    while els:
        v = value_of(els)
        if v is not None:
            break
        els.pop()
        r.ordinal = False
        r.post_frac, r.tail_end = Fraction(0), None
    if not els:
        return None
    res = NumParse(els[0].start, r.tail_end or els[-1].end, v + r.post_frac, ordinal=r.ordinal,
                   fraction=r.fraction, scale=_scale_words(r.text, els),
                   plain_digits=len(els) == 1 and els[0].kind == "atom" and els[0].text.isdigit()
                   and not r.ordinal and "," not in els[0].text,
                   words=any(not e.text[:1].isdigit() and e.text[:1] != "." for e in els),
                   n_atoms=sum(e.kind == "atom" for e in els))
    if allow_and and not r.ordinal and not res.fraction:
        res = _join_and(r.text, res, els)
    return res


def _scale_words(text: str, els: list[El]) -> str:
    """The largest scale word as written, with smaller ones stacked before it: 5 लाख करोड़ -> लाख करोड़ (10^12)."""
    top = min((i for i, e in enumerate(els) if e.kind == "scale"), key=lambda i: (-els[i].value, i), default=None)
    first = top
    while first and els[first - 1].kind == "scale" and els[first - 1].value < els[first].value:
        first -= 1
    stacked = top is not None and first != top and not any(e.kind == "scale" for e in els[:first])
    return text[els[first].start:els[top].end] if stacked else els[top].text if top is not None else ""


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
        res.value, res.end, res.ordinal, res.plain_digits = res.value + right.value, right.end, right.ordinal, False
        res.fraction, res.n_atoms = res.fraction or right.fraction, res.n_atoms + right.n_atoms
    return res


def _attachable(text: str, pos: int) -> bool:
    """Letters glued to digits that still leave a number: a currency, percent word, multiplier."""
    return match_unit(text, pos, glued=True) is not None or bool(
        GLUED.match(text, pos)) or text[pos] in "元"
