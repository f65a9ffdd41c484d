"""Stage `sentences`: sentence spans over the normalized text, mapped to original offsets.

indic-nlp-library's splitter returns stripped strings without positions and fails on
`यूनिट 3।अगला` (digit before danda) and on dot-separated URLs, so we keep its delimiter set
(DELIM_PAT_DANDA: ? ! । ॥) and add, with positions: full stops that are not abbreviations,
initials or decimals; closing quotes/brackets kept with their sentence; URLs and e-mails never
split; newline is a hard break. A line that is only a URL is document metadata, not prose.
"""
from __future__ import annotations

import regex
from indicnlp.tokenize.sentence_tokenize import DELIM_PAT_DANDA

from .doc import Document, Sentence
from .stage import Stage
from .wordlists import abbreviations

URL = regex.compile(r"(?:https?://|ftp://|www\.)[^\s\"'<>“”]+[^\s\"'<>“”.,;:!?।॥)\]]"
                    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DELIMS = "".join(chr(c) for c in range(0x20, 0x980) if DELIM_PAT_DANDA.fullmatch(chr(c)))  # ? ! । ॥
_BOUNDARY = regex.compile(rf"[{regex.escape(_DELIMS)}]+|\.+|\n")
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
                           or bool(_ONE_SYLLABLE.match(last)))


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


def split_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of sentences in `text` (whitespace trimmed, empty ones dropped)."""
    protected = [(m.start(), m.end()) for m in URL.finditer(text)]
    cuts, pi = [0], 0
    for m in _BOUNDARY.finditer(text):
        while pi < len(protected) and protected[pi][1] <= m.start():
            pi += 1
        if pi < len(protected) and protected[pi][0] <= m.start() < protected[pi][1]:
            continue
        if not _ends_here(text, m):
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
