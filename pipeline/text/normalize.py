"""Normalization for matching, with an exact map back to the original offsets.

Each chunk of the text (a run of non-space or of space characters) goes through:
NFC -> indic-nlp-library's Hindi normalizer -> ॉ typed as ा + ॅ folded to ॉ -> nukta unification
(क़ = क़ = क) and removal of zero-width / format characters. Space characters become a plain space, CRLF becomes LF.
When a chunk changes length, its characters are aligned with difflib so every normalized
character knows the original range it came from.
"""
from __future__ import annotations

import difflib
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex
from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

from ..core.doc import Document
from ..core.stage import Stage
from . import closed_class
from .tsv import read_tsv

_INDIC = IndicNormalizerFactory().get_normalizer("hi")
DATA_DIR = Path(__file__).resolve().parent / "data"

NUKTA = "\u093c"
# composed nukta letters (composition exclusions in Unicode) -> base letter
_NUKTA_LETTERS = {chr(c): chr(b) for c, b in zip(range(0x0958, 0x0960),
                                                 (0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F))}
# format characters that carry no matching meaning
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", NUKTA}
_CHUNK = regex.compile(r"(\s+)|\S+")   # group 1: a run of space characters
# ॉ (candra O) typed as ा + ॅ (candra E), sometimes with the ा doubled or after the ॅ: डाॅलर, डााॅलर, डॅालर
# -> डॉलर. ा next to ॅ is never a spelling of its own, so every word (currencies, कॉलेज, डॉक्टर) gains.
_CANDRA_O = regex.compile("\u093e+\u0945|\u0945\u093e+")


@dataclass
class Normalized:
    text: str
    starts: array   # starts[i]: original offset where normalized char i begins
    ends: array     # ends[i]: original offset where it ends
    # original offset x -> the first normalized char i with starts[i] >= x (bisect_left, precomputed)
    _norm_index: list[int] | None = field(default=None, repr=False, compare=False)

    def to_original(self, nstart: int, nend: int) -> tuple[int, int]:
        if nend <= nstart:
            pos = self.starts[nstart] if nstart < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[nstart], self.ends[nend - 1]

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """The normalized span [a, b) covering original chars [start, end)."""
        index = self._index()
        last = len(index) - 1
        return index[min(start, last)], index[min(end, last)]

    def _index(self) -> list[int]:
        if self._norm_index is None:     # built on the first call: later stages map every token, entity and amount
            self._norm_index = _first_at_or_after(self.starts)
        return self._norm_index

    def slice(self, start: int, end: int) -> str:
        """Normalized text of the original span [start, end)."""
        a, b = self.to_norm(start, end)
        return self.text[a:b]

    def slices(self, spans) -> list[str]:
        """`slice` of each span (anything with .start and .end: tokens), in one pass."""
        index = self._index()
        last, text = len(index) - 1, self.text
        return [text[index[min(s.start, last)]:index[min(s.end, last)]] for s in spans]


def _first_at_or_after(starts: array) -> list[int]:
    """For every original offset x from 0 to the last start + 1: bisect_left(starts, x)."""
    n = len(starts)
    if not n:
        return [0, 0]
    if starts[-1] == n - 1 and starts == array("q", range(n)):    # nothing changed length: x itself
        return list(range(n + 1))
    index, i = [], 0
    for x in range(starts[-1] + 2):
        while i < n and starts[i] < x:
            i += 1
        index.append(i)
    return index


@lru_cache(maxsize=100_000)
def match_key(s: str) -> str:
    """The normalized form used to compare words (gazetteer entries, number words...); the rules
    ask for the same few thousand words again and again, so the answers are kept."""
    return normalize(s).text


# indic-nlp turns a colon after any Devanagari character into a visarga (typed "अत:" -> "अतः"); after
# a Devanagari digit it is a colon: "२:१६" is a time, "२ः१६" would be nothing
_DIGIT_VISARGA = regex.compile("([\u0966-\u096f])\u0903")
# ... and at the end of a word it is mostly punctuation ("नई दिल्ली:", "मुख्य बिंदु:"), except in the
# few words typed with a colon for their visarga (text/data/visarga_words.tsv, and -तः adverbs)
_FINAL_VISARGA = regex.compile("([\u0900-\u0963\u0971-\u097f]+)\u0903(?![\u0900-\u0963\u0971-\u097f])")


@lru_cache(maxsize=1)
def _visarga_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv(DATA_DIR / "visarga_words.tsv"))


def _colon_or_visarga(m: regex.Match) -> str:
    word = m.group(1)
    adverb = len(word) >= 4 and word.endswith(closed_class.endings("visarga_adverb_ending"))  # मुख्यतः; not "बात:"
    return m.group() if adverb or word in _visarga_words() else word + ":"


def _fold_word(chunk: str) -> str:
    # indic-nlp turns a zero-width space into a space, which would split the word in two
    s = unicodedata.normalize("NFC", chunk.replace("\u200b", ""))
    if not s.isascii():
        s = _INDIC.normalize(s)
        if "\u0945" in s:
            s = _CANDRA_O.sub("\u0949", s)
        if ":" in chunk:
            s = _FINAL_VISARGA.sub(_colon_or_visarga, _DIGIT_VISARGA.sub(r"\1:", s))
    return "".join(_NUKTA_LETTERS.get(c, c) for c in s if c not in _DROP)


def _dropped_only(chunk: str, out: str) -> list[tuple[int, int]] | None:
    """The spans of out's chars when out is chunk with format characters removed (each kept char is
    its own original char, left to right: '\x1b\u200b\x1b' keeps 0 and 2; difflib may align repeated
    chars to later copies), else None."""
    spans, k = [], 0
    for c in out:
        while k < len(chunk) and chunk[k] != c:
            if chunk[k] not in _DROP:
                return None
            k += 1
        if k == len(chunk):
            return None
        spans.append((k, k + 1))
        k += 1
    return spans if all(c in _DROP for c in chunk[k:]) else None


@lru_cache(maxsize=200_000)
def _word_map(chunk: str) -> tuple[str, tuple[tuple[int, int], ...] | None]:
    """Normalized chunk and, when it differs in length, the (start, end) of each output char."""
    out = _fold_word(chunk)
    if out == chunk:
        return out, None
    if len(out) == len(chunk):
        return out, tuple((i, i + 1) for i in range(len(out)))
    spans = _dropped_only(chunk, out)
    if spans is None:
        spans = []
        sm = difflib.SequenceMatcher(None, chunk, out, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                spans.extend((i1 + k, i1 + k + 1) for k in range(j2 - j1))
            elif tag in ("replace", "insert"):
                spans.extend((i1, max(i2, i1)) for _ in range(j2 - j1))
        # an inserted char maps to the original char at its place, never to an empty range
        spans = [(a, b) if b > a else ((a, a + 1) if a < len(chunk) else (a - 1, a)) for a, b in spans]
    # a removed mark right after a kept char belongs to that char (क + nukta -> क spans both)
    fixed = []
    for n, (a, b) in enumerate(spans):
        nxt = spans[n + 1][0] if n + 1 < len(spans) else len(chunk)
        fixed.append((a, max(b, nxt) if chunk[b:nxt] and all(c in _DROP for c in chunk[b:nxt]) else b))
    return out, tuple(fixed)


def _space_map(chunk: str) -> tuple[str, list[tuple[int, int]]]:
    out, spans = [], []
    for i, c in enumerate(chunk):
        if c == "\r" and i + 1 < len(chunk) and chunk[i + 1] == "\n":
            continue
        out.append(c if c in "\n\t" else ("\n" if c in "\r\u2028\u2029\x0b\x0c" else " "))
        spans.append((i, i + 1))
    return "".join(out), spans


def normalize(text: str) -> Normalized:
    parts: list[str] = []
    starts, ends = array("q"), array("q")
    same = 0                 # the text from `same` to the current chunk is unchanged (copied in one go)
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        if m.group(1):   # by the regex's \s, not str.isspace: "\x1f" is one or the other in every context
            if not chunk.strip(" \t\n"):
                continue
            out, spans = _space_map(chunk)
        else:
            out, spans = _word_map(chunk)
            if spans is None:
                continue
        base = m.start()
        if same < base:
            parts.append(text[same:base])
            starts.extend(range(same, base))
            ends.extend(range(same + 1, base + 1))
        parts.append(out)
        for a, b in spans:
            starts.append(base + a)
            ends.append(base + b)
        same = m.end()
    if same < len(text):
        parts.append(text[same:])
        starts.extend(range(same, len(text)))
        ends.extend(range(same + 1, len(text) + 1))
    return Normalized("".join(parts), starts, ends)


class NormalizeStage(Stage):
    name = "normalize"
    requires = ("text",)
    provides = ("norm",)

    def __call__(self, doc: Document) -> None:
        doc.norm = normalize(doc.text)
