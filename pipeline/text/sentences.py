"""Stage `sentences`: sentence spans over the normalized text, mapped to original offsets.

indic-nlp-library's splitter returns stripped strings without positions and fails on
`यूनिट 3।अगला` (digit before danda) and on dot-separated URLs, so we keep its delimiter set
(DELIM_PAT_DANDA: ? ! । ॥; written out as DELIMS, since importing its module imports pandas, 0.3 s
of each worker's start; a test checks the two agree) and add, with positions: full stops that are
not abbreviations, initials (a one-syllable word, not one that ends clauses: से, है, की) or decimals;
closing quotes/brackets kept with their sentence; URLs and
e-mails never split; a newline is a hard break, except inside hard-wrapped text (every line cut near
one width, as in PDF extracts), where a full line without final punctuation runs on into the next.
A line that is only a URL is document metadata, not prose.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..core.doc import Document, Sentence
from ..core.stage import Stage
from . import closed_class
from .wordlists import abbreviations, clause_final

URL = regex.compile(r"(?:https?://|ftp://|www\.)[^\s\"'<>“”]+[^\s\"'<>“”.,;:!?।॥)\]]"
                    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def may_hold_url(text: str) -> bool:
    """Can URL match anywhere in text? Every match holds '://', 'www.' or '@': a text with none of
    them skips the scan (its e-mail branch tries every word, and most texts have neither)."""
    return "://" in text or "www." in text or "@" in text


DELIMS = "?!\u0964\u0965"     # ? ! । ॥
_BOUNDARY = regex.compile(rf"[{regex.escape(DELIMS)}]+|\.+|\n")
_CLOSERS = "\"'”’»)]}"
_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}.]+$")
_ONE_SYLLABLE = regex.compile(r"^(?:\p{Lu}|[\u0900-\u097F](?:\u094D[\u0900-\u0939])*[\u093E-\u094C\u0901-\u0903]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    word = m.group().strip(".")
    last = word.rsplit(".", 1)[-1]
    return bool(word) and (word in abbreviations() or last in abbreviations()
                           or bool(_ONE_SYLLABLE.match(last)) and last not in _never_initials())


@lru_cache(maxsize=1)
def _never_initials() -> frozenset[str]:
    """One-syllable words that end clauses and are no letter's name ('... उनकी बात मंत्री से. फिर सचिव
    आए', '... कहा है. उन्होंने'): case markers, forms of होना, particles (closed_class.tsv), verb forms."""
    return closed_class.words("case", "copula", "be_form", "particle") | clause_final()


def _ends_here(text: str, m: regex.Match) -> bool:
    if m.group() == "\n" or m.group()[0] != ".":
        return True
    if len(m.group()) == 1:
        if m.start() > 0 and text[m.start() - 1].isdigit() and m.end() < len(text) and text[m.end()].isdigit():
            return False  # decimal 8.2
        if _is_abbreviation(text, m.start()):
            return False
    nxt = text[m.end():m.end() + 2].lstrip()
    return not nxt or not nxt[0].islower()


_TERMINAL = DELIMS + ".:;" + _CLOSERS
_LIST_ITEM = regex.compile(r"\s*(?:[-–—•*▪●○◦]|\(?[0-9\u0966-\u096f]{1,3}[.)]|\(?[a-zA-Z\u0915-\u0939][.)])\s")
MAX_WRAP_WIDTH = 120


def wrap_width(text: str) -> int:
    """The line width of hard-wrapped text (PDF extracts, e-mails), or 0 when lines are paragraphs.
    Wrapped: at least 4 non-blank lines, none over MAX_WRAP_WIDTH, and at least 3 and 40% of them
    "full" (80% of the longest or more) and not ending in sentence punctuation."""
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 4:
        return 0
    width = max(len(ln) for ln in lines)
    if width > MAX_WRAP_WIDTH:
        return 0
    open_full = [ln for ln in lines if len(ln) >= 0.8 * width and ln[-1] not in _TERMINAL]
    return width if len(open_full) >= 3 and len(open_full) >= 0.4 * len(lines) else 0


def _soft_wrap(text: str, nl: int, width: int) -> bool:
    """In wrapped text, a newline after a full line without final punctuation continues the sentence,
    unless a blank line, a list item or the end follows."""
    line = text[text.rfind("\n", 0, nl) + 1:nl].rstrip()
    end = text.find("\n", nl + 1)
    nxt = text[nl + 1:end if end >= 0 else len(text)]
    return (len(line) >= 0.7 * width and line[-1] not in _TERMINAL and nxt.strip() != ""
            and not _LIST_ITEM.match(nxt))


def split_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of sentences in `text` (whitespace trimmed, empty ones dropped)."""
    protected = [(m.start(), m.end()) for m in URL.finditer(text)] if may_hold_url(text) else []
    width = wrap_width(text) if "\n" in text else 0
    cuts, pi = [0], 0
    for m in _BOUNDARY.finditer(text):
        while pi < len(protected) and protected[pi][1] <= m.start():
            pi += 1
        if pi < len(protected) and protected[pi][0] <= m.start() < protected[pi][1]:
            continue
        if not _ends_here(text, m) or (width and m.group() == "\n" and _soft_wrap(text, m.start(), width)):
            continue
        end = m.end()
        while end < len(text) and text[end] in _CLOSERS and (end + 1 == len(text) or not text[end + 1].isalnum()
                                                             or text[end] in "”’»)]}"):
            end += 1
        cuts.append(end)
    cuts.append(len(text))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((a + lead, a + trail))
    return [piece for span in _merge_stray_punct(text, spans) for piece in _cap_length(text, *span)]


MAX_SENTENCE_CHARS = 1000
_SOFT_BREAK = regex.compile(r"[,;:]\s|\s")


def _cap_length(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A "sentence" longer than MAX_SENTENCE_CHARS (a text without dandas, a list, a table) is cut
    at the last comma/semicolon (else space) before the limit, so later stages stay linear."""
    out = []
    while b - a > MAX_SENTENCE_CHARS:
        window = text[a:a + MAX_SENTENCE_CHARS]
        cuts = [m.end() for m in _SOFT_BREAK.finditer(window) if m.end() > MAX_SENTENCE_CHARS // 2]
        commas = [c for c in cuts if window[c - 2] in ",;:"]
        cut = a + (commas[-1] if commas else cuts[-1] if cuts else MAX_SENTENCE_CHARS)
        piece = text[a:cut].rstrip()
        out.append((a, a + len(piece)))
        a = cut + (len(text[cut:b]) - len(text[cut:b].lstrip()))
    if b > a:
        out.append((a, b))
    return out


def _merge_stray_punct(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and not regex.search(r"[\p{L}\p{N}]", text[a:b]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


class SentencesStage(Stage):
    name = "sentences"
    requires = ("norm",)
    provides = ("sentences",)

    def __call__(self, doc: Document) -> None:
        norm = doc.norm.text
        urls = doc.metadata.setdefault("source_urls", [])
        for a, b in split_spans(norm):
            start, end = doc.to_original(a, b)
            url = URL.fullmatch(norm[a:b].rstrip("।.॥ "))
            if url:  # a line holding only a URL is the document's source, not a sentence
                urls.append({"start": start, "end": end, "text": doc.text[start:end]})
                continue
            doc.sentences.append(Sentence(id=f"{doc.doc_id}:s{len(doc.sentences)}", start=start, end=end,
                                          text=doc.text[start:end], index=len(doc.sentences)))
