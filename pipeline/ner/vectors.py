"""Word vectors built offline with gensim, converted to a stanza Pretrain (.pt)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)


# skip-gram over every word (the NER data is small: no word is rare enough to drop)
WINDOW, MIN_COUNT, SKIP_GRAM = 5, 1, 1


def train_word2vec(sentences: Iterable[list[str]], txt_path: str | Path, *, dim: int = 100,
                   epochs: int = 10, seed: int = 1234, workers: int = 2) -> int:
    """Skip-gram word2vec over `sentences`; writes word2vec text format. Returns the vocabulary size."""
    window, min_count, sg = WINDOW, MIN_COUNT, SKIP_GRAM
    from gensim.models import Word2Vec

    sents = [list(s) for s in sentences]
    model = Word2Vec(sentences=sents, vector_size=dim, window=window, min_count=min_count,
                     sg=sg, epochs=epochs, seed=seed, workers=workers)
    model.wv.save_word2vec_format(str(txt_path), binary=False)
    return len(model.wv)


def to_pretrain(txt_path: str | Path, pt_path: str | Path) -> int:
    """Convert word2vec text vectors to stanza's Pretrain file; returns the vocabulary size."""
    from stanza.models.common.pretrain import Pretrain

    pt_path = Path(pt_path)
    if pt_path.exists():
        pt_path.unlink()
    pt = Pretrain(str(pt_path), str(txt_path), max_vocab=-1, save_to_file=True)
    pt.load()
    return len(pt.vocab)
