"""Rule-based open information extraction for Hindi over a pre-tokenized sentence: the public entry.

No model; every word list is a TSV file in `data/` (see docs/openie.md for the full method, the scorer,
results and weaknesses). The steps, one module each:

1. `syntax/tagging.py`: one tag a token, from the word lists;
2. `syntax/verbs.py`: verb groups, finite or participles;
3. `syntax/chunks.py`: noun chunks, grouped into clauses in the same pass (1-3: `syntax.analysis.analyse`);
4. `triples/rules.py`: the triples of each clause, then genitive property triples over their arguments.

The rule switches are stage config: syntax/chunker_switches.py (steps 1-3) and triples/switches.py (step 4).
"""
from __future__ import annotations

from dataclasses import replace

from ..syntax.analysis import analyse
from ..syntax.clauses import Clause, Span
from .rules import OpenTriple, clause_triples, genitive_triples
from .switches import DEFAULT, TripleSwitches


def extract_triples(tokens: list[str]) -> list[OpenTriple]:
    """Open triples of one tokenized sentence, as token spans (see OpenTriple)."""
    if not tokens:
        return []
    tags, _, clauses = analyse(tokens)
    return triples_of_analysis(tokens, tags, clauses)


def triples_of_analysis(tokens: list[str], tags: list[str], clauses: list[Clause],
                        sw: TripleSwitches = DEFAULT) -> list[OpenTriple]:
    """Step 4, the serializer: the triples of an analysed sentence. The clauses are not changed
    (each is copied before the triple rules regroup its chunks)."""
    if not tokens:
        return []
    triples: list[OpenTriple] = []
    for cl in clauses:
        triples.extend(clause_triples(tokens, tags, replace(cl), sw))
    args = {t.head for t in triples} | {t.tail for t in triples
                                        if t.relation is not None and t.rule != "complement_clause"}
    triples.extend(genitive_triples(tokens, tags, args, sw))
    parens = _parentheticals(tokens) if sw.drop_parentheses else []
    seen, out = set(), []
    for t in triples:
        if parens:
            spans = [t.head, t.tail] + ([t.relation] if t.relation else [])
            skip = tuple(p for p in parens if any(s[0] <= p[0] and p[1] <= s[1] and (s[0], s[1]) != p
                                                  for s in spans))
            if skip:
                t = t._replace(skip=skip)
                if not span_indices(t.head, skip) or not span_indices(t.tail, skip):
                    continue
        key = (t.head, t.relation, t.tail, t.label)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def span_indices(span: Span | None, skip: tuple[Span, ...] = ()) -> list[int]:
    """Token indices of a span, without the skipped ranges."""
    if not span:
        return []
    if not skip:
        return list(range(span[0], span[1]))
    skipped = {k for a, b in skip for k in range(a, b)}
    return [k for k in range(span[0], span[1]) if k not in skipped]


def span_text(tokens: list[str], span: Span | None, skip: tuple[Span, ...] = ()) -> str:
    return " ".join(tokens[k] for k in span_indices(span, skip))


def relation_text(tokens: list[str], t: OpenTriple) -> str:
    if t.label:
        return t.label
    rel = span_text(tokens, t.relation, t.skip)
    if t.relation_lead:
        rel = span_text(tokens, t.relation_lead) + " " + rel
    return rel


def as_strings(tokens: list[str], triples: list[OpenTriple]) -> list[tuple[str, str, str]]:
    return [(span_text(tokens, t.head, t.skip), relation_text(tokens, t), span_text(tokens, t.tail, t.skip))
            for t in triples]


def _parentheticals(tokens: list[str]) -> list[Span]:
    out, i = [], 0
    while i < len(tokens):
        if tokens[i] in ("(", "[", "{"):
            closing = {"(": ")", "[": "]", "{": "}"}[tokens[i]]
            j = i + 1
            while j < len(tokens) and tokens[j] != closing and j - i < 30:
                j += 1
            if j < len(tokens) and tokens[j] == closing:
                out.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def triples_for_text(sentence: str) -> list[tuple[str, str, str]]:
    """Open triples (head, relation, tail) of a whitespace-tokenized sentence."""
    tokens = sentence.split()
    return as_strings(tokens, extract_triples(tokens))
