"""Stage `tokens`: one token per word, number, URL, e-mail or punctuation mark.

indic-nlp-library's trivial_tokenize splits 2023-24, URLs and e-mails into pieces, so the
token pattern below is ours; like it, we split hyphens between words (भारत-रूस -> भारत - रूस).
Kept whole: 2023-24, 22वां, 1,00,000, ४,३२,०००, 65.7, ₹5, जी20, URLs, e-mails, and
abbreviations or initials with their full stop (डॉ. एस.).
"""
from __future__ import annotations

import regex

from ..core.doc import Document, Token
from ..core.stage import Stage
from . import closed_class
from .sentences import URL, _is_abbreviation, may_hold_url

_D = r"[0-9\u0966-\u096F]"
# 22वां, 1ला (closed_class.tsv, in its order: a longer ending before its prefix), 21st
ORDINAL_SUFFIX = "(?:" + "|".join([regex.escape(s) for s in closed_class.endings("ordinal_suffix")]
                                  + ["st", "nd", "rd", "th"]) + ")"
NUMBER = (rf"{_D}{{4}}-{_D}{{2}}(?:{_D}{{2}})?(?!{_D})"          # fiscal year 2023-24 / 2023-2024
          rf"|{_D}+(?:[,.]{_D}+)*(?:{ORDINAL_SUFFIX}(?![\p{{L}}\p{{M}}]))?")
_REST = (rf"(?P<number>[₹$€£¥]?(?:{NUMBER}))"
         rf"|(?P<word>[\p{{L}}\p{{M}}]+(?:{_D}+(?![\p{{L}}\p{{M}}]))?\.?)"
         rf"|(?P<punct>[^\s\p{{L}}\p{{M}}\p{{N}}])"      # one token per mark: '।।' and '...' are 2 and 3
         rf"|(?P<symbol>\S)")
TOKEN = regex.compile(rf"(?P<url>{URL.pattern})|{_REST}", regex.V0)
# the same tokens for a text where no URL can match (sentences.may_hold_url): no URL branch to try first
TOKEN_NO_URL = regex.compile(_REST, regex.V0)


def tokenize(text: str, start: int = 0, end: int | None = None, urls: bool | None = None):
    """Yield (start, end, kind) of tokens in text[start:end]. `urls`: whether the text may hold a URL
    (None: test it here; a caller tokenizing many slices of one text tests it once)."""
    if urls is None:
        urls = may_hold_url(text)
    pattern = TOKEN if urls else TOKEN_NO_URL
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup
        a, b = m.span()
        if kind == "word" and text[b - 1] == "." and not _is_abbreviation(text, b - 1):
            yield a, b - 1, kind
            yield b - 1, b, "punct"
            continue
        if kind == "url" and "@" in m.group() and "://" not in m.group():
            kind = "email"
        yield a, b, kind


class TokensStage(Stage):
    name = "tokens"
    requires = ("norm", "sentences")
    provides = ("tokens",)

    def __call__(self, doc: Document) -> None:
        norm, text, out = doc.norm, doc.text, doc.tokens
        starts, ends, prefix = norm.starts, norm.ends, f"{doc.doc_id}:k"
        urls = may_hold_url(norm.text)
        # sentence spans are original offsets; find their normalized bounds once
        for sent in doc.sentences:
            na, nb = norm.to_norm(sent.start, sent.end)
            sid = sent.id
            for i, (a, b, kind) in enumerate(tokenize(norm.text, na, nb, urls)):
                s, e = starts[a], ends[b - 1]          # doc.to_original(a, b) of a token (never empty)
                # positional: (id, start, end, text, sentence_id, index, kind), twice as fast as keywords
                out.append(Token(prefix + str(len(out)), s, e, text[s:e], sid, i, kind))
