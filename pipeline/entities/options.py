"""The entities stage's NER options, defined once: for the stage's config, the command line's
`--ner/--ner-backend/--ner-quantize` and the tools. The engine names, backends and quantization
modes come from pipeline/ner/model_files.py; "none" is this stage's own (gazetteers and patterns only)."""
from __future__ import annotations

from dataclasses import dataclass

from ..ner.model_files import BACKENDS, ENGINE_NAMES, QUANTIZE

NER_CHOICES = ENGINE_NAMES + ("none",)

__all__ = ["BACKENDS", "NER_CHOICES", "NerOptions", "QUANTIZE"]


@dataclass(frozen=True)
class NerOptions:
    ner: str = "hi-ner"        # a model engine of NER_CHOICES, or "none"
    backend: str = "direct"    # how the hi-ner model is served, one of BACKENDS
    quantize: str = "none"     # one of QUANTIZE; int8 needs the direct backend

    def config(self) -> dict[str, str]:
        """The entities stage's config dict."""
        return {"ner": self.ner, "ner_backend": self.backend, "ner_quantize": self.quantize}

    def pipeline_config(self) -> dict[str, dict[str, str]]:
        """The config of a whole Pipeline that differs from the defaults only in these options."""
        return {"entities": self.config()}
