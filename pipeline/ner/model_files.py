"""Which NER engines exist, where each one's model files are, and their version, without loading them.

Engines: "hi-ner" (our model in models/hi-ner: hi_ner.pt + hi_ner.pretrain.pt + resources.json) and
"stanza-hi" (stanza's own Hindi NER, only if already present in ~/stanza_resources or
$STANZA_RESOURCES_DIR; never downloaded). Backends: "direct" (direct.py, our model only) and "stanza"
(engine.py, stanza's Pipeline). Quantization: "none" or "int8" (direct backend only).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.paths import MODELS_DIR

ENGINE_NAMES = ("hi-ner", "stanza-hi")
BACKENDS = ("direct", "stanza")
QUANTIZE = ("none", "int8")
MODEL_NAME = "hi_ner.pt"
PRETRAIN_NAME = "hi_ner.pretrain.pt"


class NerModelNotFound(FileNotFoundError):
    """A requested NER model is not installed (we never download one)."""


@dataclass(frozen=True)
class ModelFiles:
    """The files one engine is built from."""
    name: str
    model: Path
    pretrain: Path | None           # None: stanza resolves it from its resources (stanza-hi)
    resources: Path                 # stanza's resources.json
    model_dir: Path | None = None   # stanza's model folder, when not the model file's own
    charlms: tuple[Path | None, Path | None] = (None, None)   # (forward, backward) character LMs
    stanza_resolves: bool = False   # stanza picks its default package and its dependencies itself


def _stanza_resources_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def model_files(name: str) -> ModelFiles:
    """The files of engine `name`; NerModelNotFound when they are not installed. Cheap (no loading),
    so a pipeline can check its engine at build time."""
    if name == "hi-ner":
        d = MODELS_DIR / "hi-ner"
        for p in (d / MODEL_NAME, d / PRETRAIN_NAME, d / "resources.json"):
            if not p.is_file():
                raise NerModelNotFound(f"NER engine {name!r}: missing file {p}")
        return ModelFiles(name, d / MODEL_NAME, d / PRETRAIN_NAME, d / "resources.json")
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
        return ModelFiles(name, models[0], None, resources, model_dir=root, stanza_resolves=True)
    raise ValueError(f"unknown NER engine {name!r}; known: {', '.join(map(repr, ENGINE_NAMES))}")


def check_engine(name: str) -> None:
    """Raise NerModelNotFound / ValueError now if engine `name` could not be loaded."""
    model_files(name)


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
    files = model_files(name)
    return files_version(name, files.model, files.pretrain)


def resolved_backend(name: str, backend: str) -> str:
    """The backend that serves engine `name`: "direct" only for our own model (explicit model and
    pretrain files); stanza-hi is resolved by stanza itself (its pretrain, charlms) so stanza serves it."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown NER backend {backend!r}; known: {BACKENDS}")
    return backend if name == "hi-ner" else "stanza"
