"""Serving our stanza Hindi NER model fully offline.

    from pipeline.ner import get_engine
    eng = get_engine()                    # "hi-ner": models/hi-ner (ours), loaded once per process
    eng.tag([["प्रधानमंत्री", "नरेंद्र", "मोदी", "ने", "दिल्ली", "में", "कहा"]])
    # -> [[(1, 3, 'PER', 1.0), (4, 5, 'LOC', 1.0)]]

`tag(sentences)` takes pre-tokenized sentences (lists of token strings) and returns, per sentence, the
entity spans as (first_token_index, end_token_index_exclusive, label, score) with label in PER/LOC/ORG.
The stanza model decodes with a CRF (Viterbi, run batched in crf.py). score is the smallest CRF
marginal probability (forward-backward over the same emission and transition scores) of the decoded
tags inside the span, a cheap confidence in [0, 1]; if stanza's internals ever change shape the
engine falls back to 1.0.

Backends (get_engine(name, backend=..., quantize=...)):
  "direct"     (default) our model served without the stanza Pipeline (direct.py): same spans, scores
               equal, several times faster; quantize="int8" adds torch dynamic quantization;
  "stanza"     the stanza Pipeline below: the reference the direct backend is tested against.

Engines:
  "hi-ner"     our model in models/hi-ner (hi_ner.pt + hi_ner.pretrain.pt + resources.json);
  "stanza-hi"  stanza's own Hindi NER (IL-NER tags mapped to PER/LOC/ORG), only if already present
               in ~/stanza_resources (or $STANZA_RESOURCES_DIR); it is never downloaded.

The stanza pipeline is always built with download_method=None, an explicit resources file, and the model's
pretrain passed explicitly (stanza silently uses random vectors if the pretrain is missing).
"""
from __future__ import annotations

import logging
import threading
from typing import Sequence

from .data import LABELS, TYPE_MAP, spans
from .model_files import ModelFiles, NerModelNotFound, files_version, model_files, resolved_backend

log = logging.getLogger(__name__)

Span = tuple[int, int, str, float]


class StanzaNerEngine:
    """A stanza tokenize(pretokenized)+ner pipeline over explicit model files (the reference backend)."""

    backend = "stanza"
    quantize = "none"

    def __init__(self, files: ModelFiles, *, batch_size: int = 64):
        import stanza  # deferred: importing stanza/torch takes ~2 s

        name = self.name = files.name
        self.model_path, self.pretrain_path = files.model, files.pretrain
        for p in (self.model_path, self.pretrain_path, files.resources):
            if p is not None and not p.is_file():
                raise NerModelNotFound(f"NER engine {name!r}: missing file {p}")
        kwargs = dict(lang="hi", processors="tokenize,ner", tokenize_pretokenized=True,
                      download_method=None,
                      resources_filepath=str(files.resources),
                      dir=str(files.model_dir or self.model_path.parent),
                      ner_batch_size=batch_size, use_gpu=False, logging_level="WARN")
        if not files.stanza_resolves:
            if self.pretrain_path is None:
                raise NerModelNotFound(f"NER engine {name!r}: a pretrain file is required (without it stanza "
                                       f"silently uses random word vectors)")
            kwargs["ner_model_path"] = str(self.model_path)
            kwargs["ner_pretrain_path"] = str(self.pretrain_path)
        for direction, path in zip(("forward", "backward"), files.charlms):
            if path:
                kwargs[f"ner_{direction}_charlm_path"] = str(path)
        self.pipeline = stanza.Pipeline(**kwargs)
        self._lock = threading.Lock()
        self._conf: list[list[float]] | None = None
        self._install_confidence_hook()

    # -- confidence: CRF marginals, computed beside stanza's own Viterbi decoding ------------------
    def _install_confidence_hook(self) -> None:
        try:
            from stanza.models.ner import trainer as ner_trainer
            trainers = self.pipeline.processors["ner"].trainers
            if len(trainers) != 1:
                return
            trainer = trainers[0]
            for attr in ("unpack_batch", "viterbi_decode", "fix_singleton_tags", "VOCAB_PREFIX_SIZE", "utils"):
                if not hasattr(ner_trainer, attr):
                    return
        except Exception:  # pragma: no cover - stanza internals moved: scores stay 1.0
            log.warning("NER confidence hook not installed; scores will be 1.0", exc_info=True)
            return
        from .crf import decode_batch

        engine = self
        T = ner_trainer

        def predict(batch, unsort=True):
            device = next(trainer.model.parameters()).device
            inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
                T.unpack_batch(batch, device)
            word, wordchars, wordchars_mask, chars, tags = inputs
            trainer.model.eval()
            _, logits, trans = trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens,
                                             wordlens, chars, charoffsets, charlens, char_orig_idx)
            paths, confs = decode_batch(logits[0].cpu(), trans[0].cpu(), sentlens)
            trans = [x.data.cpu().numpy() for x in trans[1:]]
            logits = [x.data.cpu().numpy() for x in logits[1:]]
            predict_tagset = trainer.args["predict_tagset"]
            tag_seqs = []
            for i, path in enumerate(paths):
                cols = [path] + [T.viterbi_decode(x[i, :sentlens[i]], y)[0] for x, y in zip(logits, trans)]
                cols = [[x if x >= T.VOCAB_PREFIX_SIZE else T.VOCAB_PREFIX_SIZE for x in y] for y in cols]
                seq = trainer.vocab["tag"].unmap(list(zip(*cols)))
                seq = [x[predict_tagset] if isinstance(x, list) else x for x in seq]
                tag_seqs.append(T.fix_singleton_tags(seq))
            if unsort:
                tag_seqs = T.utils.unsort(tag_seqs, orig_idx)
                confs = T.utils.unsort(confs, orig_idx)
            if engine._conf is not None:
                engine._conf.extend(confs)
            return tag_seqs

        trainer.predict = predict
        self._conf_hook = True

    def version(self) -> str:
        """Identifies the model files (sha256 of model + pretrain), for incremental runs."""
        return files_version(self.name, self.model_path, self.pretrain_path)

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[Span]]:
        """Entity spans per sentence: (first_token, end_token_exclusive, PER|LOC|ORG, score)."""
        results: list[list[Span]] = [[] for _ in sentences]
        idx = [i for i, s in enumerate(sentences) if len(s) > 0]
        if not idx:
            return results
        # stanza cannot take empty / whitespace tokens: give them a neutral placeholder, keep positions
        batch = [[t if t and t.strip() else "_" for t in (tok.replace("\n", " ") for tok in sentences[i])]
                 for i in idx]
        with self._lock:
            self._conf = [] if getattr(self, "_conf_hook", False) else None
            try:
                doc = self.pipeline(batch)
                conf = self._conf
            finally:
                self._conf = None
        if conf is not None and len(conf) != len(doc.sentences):
            conf = None
        for k, (i, sent) in enumerate(zip(idx, doc.sentences)):
            tags = [tok.ner or "O" for tok in sent.tokens]
            c = conf[k] if conf is not None and len(conf[k]) == len(tags) else None
            out = []
            for start, end, typ in spans(tags):
                label = TYPE_MAP.get(typ.upper())
                if label in LABELS:
                    sc = min(c[start:end]) if c else 1.0
                    out.append((start, end, label, round(max(0.0, min(1.0, sc)), 4)))
            results[i] = out
        return results


_ENGINES: dict[tuple[str, str, str], object] = {}
_ENGINES_LOCK = threading.Lock()


def _build(name: str, backend: str = "direct", quantize: str = "none"):
    files = model_files(name)
    if resolved_backend(name, backend) == "direct":
        from .direct import DirectNerEngine
        return DirectNerEngine(files.model, files.pretrain, name=name, quantize=quantize)
    if quantize != "none":
        raise ValueError("int8 quantization is available with the direct NER backend only")
    return StanzaNerEngine(files)


def get_engine(name: str = "hi-ner", backend: str = "direct", quantize: str = "none"):
    """The process-wide engine `name` served by `backend` (built on first use, then cached)."""
    key = (name, resolved_backend(name, backend), quantize)
    with _ENGINES_LOCK:
        eng = _ENGINES.get(key)
        if eng is None:
            eng = _ENGINES[key] = _build(name, backend, quantize)
        return eng
