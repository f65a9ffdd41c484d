"""Synthetic archives for tests and benchmarks: the sentences of corpus/ recombined into N
documents (deterministic for a seed). Each document takes 8-30 random sentences, so sizes
vary like real briefings while the per-sentence cost stays that of real text."""
from __future__ import annotations

import random
from pathlib import Path

from pipeline.text.sentences import split_spans

REPO = Path(__file__).resolve().parents[1]


def corpus_sentences(corpus: Path | None = None) -> list[str]:
    corpus = Path(corpus or REPO / "corpus")
    out = []
    for p in sorted(corpus.rglob("*.txt")):
        text = p.read_text("utf-8-sig")
        out += [text[a:b] for a, b in split_spans(text)]
    if not out:
        raise FileNotFoundError(f"no sentences under {corpus}")
    return out


def make_archive(folder: Path, n_docs: int, seed: int = 0, sentences: list[str] | None = None,
                 per_doc: tuple[int, int] = (8, 30), subfolders: int = 10) -> list[Path]:
    """Write n_docs files (in `subfolders` sub-folders when n_docs > 100); return their paths."""
    rng = random.Random(seed)
    sents = sentences or corpus_sentences()
    folder = Path(folder)
    paths = []
    for i in range(n_docs):
        sub = folder / f"batch{i % subfolders:02d}" if n_docs > 100 else folder
        sub.mkdir(parents=True, exist_ok=True)
        k = rng.randint(*per_doc)
        paras, cur = [], []
        for _ in range(k):
            cur.append(rng.choice(sents))
            if rng.random() < 0.25:
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        p = sub / f"briefing-{i:06d}.txt"
        p.write_text("\n\n".join(paras) + "\n", "utf-8")
        paths.append(p)
    return paths
