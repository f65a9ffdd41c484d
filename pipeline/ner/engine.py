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

import hashlib
import logging
import os
import threading
from pathlib import Path
from typing import Sequence

from ..core.paths import MODELS_DIR
from .data import LABELS, TYPE_MAP, spans

log = logging.getLogger(__name__)

MODEL_NAME = "hi_ner.pt"
PRETRAIN_NAME = "hi_ner.pretrain.pt"

Span = tuple[int, int, str, float]


class NerModelNotFound(FileNotFoundError):
    """A requested NER model is not installed (we never download one)."""


class StanzaNerEngine:
    """A stanza tokenize(pretokenized)+ner pipeline over explicit model files (the reference backend)."""

    backend = "stanza"
    quantize = "none"

    def __init__(self, model_path: str | Path, pretrain_path: str | Path | None, resources_path: str | Path,
                 *, name: str = "hi-ner", model_dir: str | Path | None = None,
                 charlms: tuple[str | Path | None, str | Path | None] = (None, None),
                 batch_size: int = 64, stanza_resolves: bool = False):
        """`charlms`: the (forward, backward) character LM files of a model trained with them."""
        import stanza  # deferred: importing stanza/torch takes ~2 s

        self.name = name
        self.model_path = Path(model_path)
        self.pretrain_path = Path(pretrain_path) if pretrain_path else None
        for p in (self.model_path, self.pretrain_path, Path(resources_path)):
            if p is not None and not p.is_file():
                raise NerModelNotFound(f"NER engine {name!r}: missing file {p}")
        kwargs = dict(lang="hi", processors="tokenize,ner", tokenize_pretokenized=True,
                      download_method=None,
                      resources_filepath=str(resources_path),
                      dir=str(model_dir or self.model_path.parent),
                      ner_batch_size=batch_size, use_gpu=False, logging_level="WARN")
        if not stanza_resolves:
            if self.pretrain_path is None:
                raise NerModelNotFound(f"NER engine {name!r}: a pretrain file is required (without it stanza "
                                       f"silently uses random word vectors)")
            kwargs["ner_model_path"] = str(self.model_path)
            kwargs["ner_pretrain_path"] = str(self.pretrain_path)
        for direction, path in zip(("forward", "backward"), charlms):
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


def _stanza_resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def _spec(name: str) -> dict:
    """Constructor arguments of engine `name`; NerModelNotFound when its files are not installed.
    Cheap (no loading), so a pipeline can check its engine at build time."""
    if name == "hi-ner":
        d = MODELS_DIR / "hi-ner"
        for p in (d / MODEL_NAME, d / PRETRAIN_NAME, d / "resources.json"):
            if not p.is_file():
                raise NerModelNotFound(f"NER engine {name!r}: missing file {p}")
        return dict(model_path=d / MODEL_NAME, pretrain_path=d / PRETRAIN_NAME, resources_path=d / "resources.json",
                    name=name)
    if name == "stanza-hi":
        root = _stanza_resources_dir()
        resources = root / "resources.json"
        ner_dir = root / "hi" / "ner"
        models = sorted(ner_dir.glob("*.pt")) if ner_dir.is_dir() else []
        if not resources.is_file() or not models:
            raise NerModelNotFound(
                f"NER engine 'stanza-hi' needs stanza's Hindi NER model already downloaded in {root} "
                f"(looked for {resources} and {ner_dir}/*.pt). This project never downloads models; on a "
                f"machine with network run `python -c \"import stanza; stanza.download('hi', processors='ner')\"` "
                f"and copy ~/stanza_resources here (or set STANZA_RESOURCES_DIR), or use the default engine 'hi-ner'.")
        # stanza resolves its own default package and its dependencies (pretrain, charlms) from its
        # resources.json; download_method=None means a missing file is an error, never a download
        return dict(model_path=models[0], pretrain_path=None, resources_path=resources, name=name, model_dir=root,
                    stanza_resolves=True)
    raise ValueError(f"unknown NER engine {name!r}; known: 'hi-ner', 'stanza-hi'")


def check_engine(name: str) -> None:
    """Raise NerModelNotFound / ValueError now if engine `name` could not be loaded."""
    _spec(name)


_VERSIONS: dict[tuple, str] = {}


def files_version(name: str, *paths: Path | None) -> str:
    """`name:<sha256 of the files, 16 hex>`, cached by path, size and mtime (hashing 31 MB once)."""
    stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths if p is not None)
    if (name, stamp) not in _VERSIONS:
        h = hashlib.sha256(name.encode())
        for p in paths:
            if p is not None:
                with open(p, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
        _VERSIONS[(name, stamp)] = f"{name}:{h.hexdigest()[:16]}"
    return _VERSIONS[(name, stamp)]


def engine_version(name: str) -> str:
    """The version of engine `name` without loading it."""
    spec = _spec(name)
    return files_version(name, spec["model_path"], spec["pretrain_path"])


BACKENDS = ("direct", "stanza")


def resolved_backend(name: str, backend: str) -> str:
    """The backend that serves engine `name`: "direct" only for our own model (explicit model and
    pretrain files); stanza-hi is resolved by stanza itself (its pretrain, charlms) so stanza serves it."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown NER backend {backend!r}; known: {BACKENDS}")
    return backend if name == "hi-ner" else "stanza"


def _build(name: str, backend: str = "direct", quantize: str = "none"):
    spec = _spec(name)
    if resolved_backend(name, backend) == "direct":
        from .direct import DirectNerEngine
        return DirectNerEngine(spec["model_path"], spec["pretrain_path"], name=name, quantize=quantize)
    if quantize != "none":
        raise ValueError("int8 quantization is available with the direct NER backend only")
    return StanzaNerEngine(**spec)


def get_engine(name: str = "hi-ner", backend: str = "direct", quantize: str = "none"):
    """The process-wide engine `name` served by `backend` (built on first use, then cached)."""
    key = (name, resolved_backend(name, backend), quantize)
    with _ENGINES_LOCK:
        eng = _ENGINES.get(key)
        if eng is None:
            eng = _ENGINES[key] = _build(name, backend, quantize)
        return eng
