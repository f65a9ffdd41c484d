"""Long documents in bounded windows: memory that grows with a window, not with the file.

A 19 MB file held whole (every token, entity, clause and row at once) peaked at 3.7 GB. Here the
stages that look at the whole text run over the whole document: normalize, sentences and amounts,
whose outputs are small beside the text. The rest runs over windows of WINDOW_SENTENCES consecutive
sentences, one window after another: tokens, entities, syntax and triples look at one sentence at a
time, so a window gives them exactly what the whole document would; relations read the sentences in
order and keep what earlier ones named, so they are fed the windows in order through
`RelationsStage.over_windows`. The ids a window's stages number from 0 (tokens, entities, triples)
are shifted to continue the document's count, each window's rows go into the cache entry
(batch/entry.py, one compressed chunk per window) and the window is dropped. Same rows, byte for
byte, as the whole document at once (tests/batch/test_batch_windows.py); a stage list this module
does not know is run whole.
"""
from __future__ import annotations

import re

from ..core.doc import Document
from ..runner import StageError
from ..core.tables import INDEX_PARTS, document_rows

LONG_DOC_CHARS = 200_000       # longer documents are processed in windows (a briefing: ~5,000)
WINDOW_SENTENCES = 1_000       # ~20,000 tokens: tens of MB of objects, whatever the file's size

WHOLE = ("normalize", "sentences", "amounts")            # over the whole text
PER_WINDOW = ("tokens", "entities", "syntax", "triples")  # sentence by sentence
STREAMED = ("relations",)                                 # sentence after sentence, with memory
NUMBERED = ("tokens", "entities", "triples")             # Document lists (and tables) with running ids


def windowed(pipe) -> bool:
    """Can this pipeline's stages run in windows? (Known stages, the streamed one able to.)"""
    names = [s.name for s in pipe.stages]
    if not set(names) <= set(WHOLE + PER_WINDOW + STREAMED):
        return False
    if names[:2] != ["normalize", "sentences"]:
        return False
    return all(hasattr(s, "over_windows") for s in pipe.stages if s.name in STREAMED)


def is_long(pipe, doc: Document) -> bool:
    return len(doc.text) > LONG_DOC_CHARS and windowed(pipe)


def process_long(pipe, doc: Document, writer) -> None:
    """All stages over `doc`, the per-window ones window by window; rows go to `writer`."""
    stages = pipe.stages
    for stage in stages:
        if stage.name in WHOLE:
            _call(stage, doc)
    stream = next((s for s in stages if s.name in STREAMED), None)
    cut = stages.index(stream) if stream is not None else len(stages)
    before = [s for s in stages[:cut] if s.name in PER_WINDOW]
    after = [s for s in stages[cut:] if s.name in PER_WINDOW]
    counts = {name: 0 for name in NUMBERED}
    windows = _windows(doc, before, after, writer, counts)
    if stream is None:
        for _ in windows:
            pass
    else:
        try:
            stream.over_windows(doc, windows)
        except StageError:
            raise
        except Exception as e:  # noqa: BLE001 - as Pipeline.process names the stage
            raise StageError(stream.name, e) from e
    rows = document_rows(doc)            # the document's own rows, and the tables held whole
    rows["documents"][0].update({f"n_{name}": n for name, n in counts.items()})
    writer.add(rows)


def _windows(doc: Document, before, after, writer, counts: dict[str, int]):
    """Each window of `doc`, after the stages `before` (what the streamed stage reads); once the
    next one is asked for, the stages `after` run on it and its rows are written."""
    amounts: dict[str, list] = {}
    for a in doc.amounts:
        amounts.setdefault(a.sentence_id, []).append(a)
    for start in range(0, len(doc.sentences), WINDOW_SENTENCES):
        sents = doc.sentences[start:start + WINDOW_SENTENCES]
        w = Document(doc_id=doc.doc_id, path=doc.path, text=doc.text, encoding=doc.encoding, norm=doc.norm,
                     metadata=doc.metadata, sentences=sents,
                     amounts=[a for s in sents for a in amounts.get(s.id, ())])
        for stage in before:
            _call(stage, w, counts)
        yield w
        for stage in after:
            _call(stage, w, counts)
        rows = document_rows(w)
        writer.add({name: rows[name] for name in NUMBERED + (INDEX_PARTS,)})
        for name in NUMBERED:
            counts[name] += len(getattr(w, name))


def _call(stage, doc: Document, counts: dict[str, int] | None = None) -> None:
    try:
        stage(doc)
    except Exception as e:  # noqa: BLE001
        raise StageError(stage.name, e) from e
    for name in stage.provides:
        if counts is not None and name in NUMBERED:
            _renumber(getattr(doc, name), counts[name])


_ID_NUMBER = re.compile(r"\d+$")


def _renumber(spans: list, base: int) -> None:
    """A window's spans were numbered 0, 1, ...: continue the document's count instead."""
    if not base:
        return
    for i, span in enumerate(spans):
        m = _ID_NUMBER.search(span.id)
        if m is None or int(m.group()) != i:
            raise RuntimeError(f"a window's ids are not numbered from 0: {span.id!r} at {i}")
        span.id = span.id[:m.start()] + str(base + i)
