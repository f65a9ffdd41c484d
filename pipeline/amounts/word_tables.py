"""The data tables of the amounts grammar (TSV files in `data/`) and the regexes built from them.

Every spelling goes through `pipeline.text.normalize.match_key` (so हज़ार and हजार are one key) and
through `fold` (chandrabindu = anusvara), the same fold applied to text tokens before lookup.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.core.stage import files_version
from pipeline.text import closed_class
from pipeline.text.normalize import match_key
from pipeline.text.tsv import read_rows

DATA_DIR = Path(__file__).resolve().parent / "data"
WORD_END = r"(?![\p{L}\p{M}\p{N}])"
WORD_START = r"(?<![\p{L}\p{M}\p{N}])"


def fold(s: str) -> str:
    """Extra fold on top of match_key: chandrabindu and anusvara are one mark."""
    return s.replace("\u0901", "\u0902")


def _ordinal_suffixes() -> tuple[tuple[str, ...], dict[str, tuple[int, ...] | None]]:
    """The ordinal endings of closed_class.tsv, folded: those that fit any number also make ordinal
    words (सौवां, पच्चीसवां); after digits each fits the numbers of its note (1ला, 2रा; None: any)."""
    words: dict[str, None] = {}
    digits: dict[str, tuple[int, ...] | None] = {}
    for form, fits in closed_class.rows("ordinal_suffix"):
        k = fold(form)
        if fits == "any":
            words[k] = None
        digits.setdefault(k, None if fits == "any" else tuple(int(v) for v in fits.split()))
    return tuple(words), digits


ORDINAL_WORD_SUFFIXES, DIGIT_ORDINAL_SUFFIXES = _ordinal_suffixes()


def key(s: str) -> str:
    return fold(match_key(s))


def rows(name: str) -> list[list[str]]:
    """The rows of data/<name> (header-less)."""
    return read_rows(DATA_DIR / name)


@dataclass(frozen=True)
class Word:
    kind: str                 # card | scale | frac | ord
    value: Fraction = Fraction(0)
    role: str = ""            # for frac: atom/prefix/half/denominator/point/over/whole; for scale: bare
    ordinal: bool = False     # the word closes an ordinal (सौवां, पच्चीसवां, पहला)


def _pattern_for(spelling: str) -> str:
    """Regex for one folded spelling; anusvara also matches chandrabindu, '.' also matches '॰'."""
    out = []
    for c in spelling:
        if c == "\u0902":
            out.append("[\u0902\u0901]")
        elif c in ".\u0970":
            out.append("[.\u0970]")
        elif c == " ":
            out.append(r"[ \t]*")
        elif c == "$":
            out.append(r"[ \t]*\$")
        else:
            out.append(regex.escape(c))
    return "".join(out)


def alternation(spellings) -> str:
    """Longest first, so the longest spelling wins at a position."""
    uniq = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(_pattern_for(s) for s in uniq) + ")"


def bounded(spelling: str) -> str:
    p = _pattern_for(spelling)
    return p + WORD_END if spelling[-1:].isalpha() or regex.match(r"\p{M}", spelling[-1:]) else p


def bounded_alternation(spellings) -> str:
    uniq = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(bounded(s) for s in uniq) + ")"


class Tables:
    def __init__(self) -> None:
        self.words: dict[str, Word] = {}
        for spelling, value, *_ in rows("cardinals.tsv"):
            self.words[key(spelling)] = Word("card", Fraction(int(value)))
        self.scales: dict[str, Word] = {}
        for spelling, mult, bare in rows("scales.tsv"):
            w = Word("scale", Fraction(int(mult)), role="bare" if bare == "yes" else "")
            self.scales[key(spelling)] = w
        for spelling, role, *val in rows("fractions.tsv"):
            v = Fraction(val[0]) if val and val[0] else Fraction(0)
            self.words[key(spelling)] = Word("frac", v, role=role)
        ordinals = {}
        for spelling, value in rows("ordinals.tsv"):
            ordinals[key(spelling)] = Word("card", Fraction(int(value)), ordinal=True)
        for k, w in list(self.words.items()):
            if w.kind == "card":
                for suf in ORDINAL_WORD_SUFFIXES:
                    ordinals.setdefault(k + suf, Word("card", w.value, ordinal=True))
        devanagari_scales = {k: w for k, w in self.scales.items() if not k.isascii()}
        for k, w in devanagari_scales.items():
            for suf in ORDINAL_WORD_SUFFIXES:
                ordinals.setdefault(k + suf, Word("scale", w.value, role=w.role, ordinal=True))
        self.words.update({k: w for k, w in self.scales.items() if not k.isascii()})
        self.ascii_scales = {k.lower(): w for k, w in self.scales.items() if k.isascii()}
        self.words.update(ordinals)
        self.currencies = {key(s): (code, pos, int(per.rstrip("*"))) for s, code, pos, per in rows("currencies.tsv")}
        self.shared_subunits = {key(s) for s, code, pos, per in rows("currencies.tsv") if per.endswith("*")}
        self.percent = [key(r[0]) for r in rows("percent.tsv")]
        self.basis_points = [key(r[0]) for r in rows("basis_points.tsv")]
        self.count_nouns = frozenset(key(r[0]) for r in rows("count_nouns.tsv"))
        self.measures = {key(s): unit for s, unit in rows("measures.tsv")}
        self.months = {key(s): int(m) for s, m in rows("months.tsv")}
        self.weekdays = {key(s): int(d) for s, d, _ in rows("weekdays.tsv")}
        self.weekdays_alone = {key(s): int(d) for s, d, alone in rows("weekdays.tsv") if alone == "yes"}
        self.calendar: dict[str, dict[str, str]] = {}     # role -> spelling -> value (calendar.tsv)
        for s, role, *value in rows("calendar.tsv"):
            self.calendar.setdefault(role, {})[key(s)] = value[0] if value else ""
        self.tense = [(key(s), match, direction) for s, match, direction in rows("tense.tsv")]
        self.qualifiers = {(key(s), pos): q for s, pos, q in rows("qualifiers.tsv")}
        self.time_units = {key(s): u for s, u in rows("time_units.tsv")}
        self.relative = {key(s): int(v) for s, v in rows("relative.tsv")}
        self.multipliers = [key(r[0]) for r in rows("multipliers.tsv")]
        self.eras = {key(s): int(v) for s, v in rows("eras.tsv")}
        self.pahle_context: dict[str, set[str]] = {"after": set(), "before": set()}
        for s, side in rows("pahle_context.tsv"):
            self.pahle_context[side].add(key(s))
        self.misc: dict[str, list[str]] = {}
        for s, role in rows("misc.tsv"):
            self.misc.setdefault(role, []).append(key(s))

    def word(self, token: str) -> Word | None:
        k = fold(token)
        w = self.words.get(k)
        if w is None and token.isascii():
            w = self.ascii_scales.get(token.lower())
        return w


@lru_cache(maxsize=1)
def tables() -> Tables:
    return Tables()


def data_fingerprint() -> str:
    return files_version(sorted(DATA_DIR.glob("*.tsv")) + sorted(Path(__file__).parent.glob("*.py")))
