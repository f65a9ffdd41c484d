"""span_finder (bisection) finds the same tokens as reading every token of the sentence."""
import random

from pipeline.core.doc import span_finder
from pipeline.runner import Pipeline

TEXT = ("प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को टोक्यो में जापान के प्रधानमंत्री से मुलाकात की। "
        "दोनों देशों के बीच 2023-24 में 22.5 अरब डॉलर का व्यापार हुआ, (लगभग) पिछले साल जितना।")


def _linear(tokens, start, end):
    idx = [n for n, t in enumerate(tokens) if t.start >= start and t.end <= end]
    return (idx[0], idx[-1] + 1) if idx else None


def test_span_finder_agrees_with_a_linear_reading_for_every_kind_of_span():
    doc = Pipeline({"entities": {"ner": "none"}}).process_text(TEXT)
    rng = random.Random(7)
    checked = 0
    for toks in doc.sentence_tokens().values():
        find = span_finder(toks)
        lo, hi = toks[0].start - 3, toks[-1].end + 3
        spans = [(t.start, t.end) for t in toks] + [(toks[0].start, toks[-1].end)]
        spans += [tuple(sorted(rng.randint(lo, hi) for _ in range(2))) for _ in range(300)]  # mid-token, empty, outside
        for start, end in spans:
            assert find(start, end) == _linear(toks, start, end), (start, end)
            checked += 1
    assert checked > 600
    assert span_finder([])(0, 10) is None
