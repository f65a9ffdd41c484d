"""The direction in time of the clause a date stands in: "past" (वे परसों मिले थे), "future" (कल
बैठक होगी) or "" (no tense written). Read from data/tense.tsv: the first marker after the date, up
to the end of its sentence or the start of a कि-clause (उन्होंने कल कहा कि वे अगले हफ्ते जाएंगे: कल
takes कहा, not जाएंगे)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import closed_class
from .word_tables import fold, tables

TOKEN = re.compile(r"[\u0900-\u0963\u0971-\u097f]+|[।|?!;]")
CLAUSE_END = frozenset({"।", "|", "?", "!", ";", closed_class.word("complementizer")})
MIN_SUFFIX_WORD = 4      # the future suffixes only on words of more than 3 letters (not लगे, आगे)
LOOK_BACK = 200          # characters before the date searched for an agent marker


@lru_cache(maxsize=1)
def _markers() -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str]]:
    words, suffixes, agents = {}, [], {}
    for form, match, direction in tables().tense:
        if match == "word":
            words[form] = direction
        elif match == "agent":
            agents[form] = direction
        else:
            suffixes.append((form, direction))
    suffixes.sort(key=lambda x: -len(x[0]))
    return words, suffixes, agents


def direction_after(text: str, pos: int, end: int | None = None, start: int = 0) -> str:
    """The clause's direction read from text[pos:end] (end: the sentence's end; default: the text's),
    else from an agent marker (ने, उन्होंने: the verb is perfective) in text[start:pos] after the last
    clause boundary (सरकार ने कल नीति की घोषणा की)."""
    words, suffixes, agents = _markers()
    for m in TOKEN.finditer(text, pos, len(text) if end is None else end):
        w = fold(m.group())
        if w in CLAUSE_END:
            break
        if w in words:
            return words[w]
        if w in agents:
            return agents[w]
        if len(w) >= MIN_SUFFIX_WORD:
            hit = next((d for suf, d in suffixes if w.endswith(suf)), None)
            if hit:
                return hit
    before = [fold(m.group()) for m in TOKEN.finditer(text, max(start, pos - LOOK_BACK), pos)]
    while before and before[-1] not in CLAUSE_END:
        if before.pop() in agents:
            return "past"
    return ""
