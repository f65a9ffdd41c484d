"""stanza's private NER API that pipeline/ner/engine.py relies on (issue 13, item 7).

The engine serves our NER model through stanza and replaces the private `Trainer.predict` of the
loaded model by a copy that also computes CRF confidences. A stanza release that changes what that
copy mirrors must fail here, loudly, before it changes entity rows quietly. pyproject.toml therefore
caps stanza below the next minor release; raising the cap means re-checking the engine against the
new stanza and updating the reference below. Written against stanza itself, not the engine's code.
"""
from __future__ import annotations

import ast
import hashlib
import inspect
import re
import textwrap
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza")
from packaging.requirements import Requirement  # noqa: E402
from packaging.version import Version  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CHECKED_WITH = "1.15.0"
# sha256 of `inspect.getsource(stanza.models.ner.trainer.Trainer.predict)` in CHECKED_WITH
PREDICT_SHA256 = "d532c2093b45e25446f4e068f600b382d8818b2b703aad56062b9273d8db5228"
RECHECK = ("stanza's private NER API changed: re-check pipeline/ner/engine.py (its replacement of "
           "Trainer.predict) against stanza {v}, then update tests/test_stanza_api.py and the cap in pyproject.toml")


def _stanza_requirement() -> Requirement:
    text = (REPO / "pyproject.toml").read_text("utf-8")
    deps = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    (spec,) = [Requirement(s) for s in re.findall(r'"([^"]+)"', deps) if Requirement(s).name == "stanza"]
    return spec


def test_stanza_is_capped_and_the_installed_one_is_within():
    req = _stanza_requirement()
    assert any(s.operator in ("<", "<=", "~=", "==") for s in req.specifier), f"no upper bound: {req}"
    assert Version(stanza.__version__) in req.specifier, (stanza.__version__, str(req))
    assert Version(CHECKED_WITH) in req.specifier
    assert Version(stanza.__version__).release[:2] == Version(CHECKED_WITH).release[:2], \
        RECHECK.format(v=stanza.__version__)


def test_trainer_predict_is_the_one_checked():
    from stanza.models.ner.trainer import Trainer
    assert list(inspect.signature(Trainer.predict).parameters) == ["self", "batch", "unsort"]
    src = inspect.getsource(Trainer.predict)
    assert hashlib.sha256(src.encode()).hexdigest() == PREDICT_SHA256, RECHECK.format(v=stanza.__version__)


def test_module_names_the_copy_of_predict_uses():
    from stanza.models.ner import trainer as T
    sig = {name: list(inspect.signature(getattr(T, name)).parameters)
           for name in ("unpack_batch", "viterbi_decode", "fix_singleton_tags")}
    assert sig == {"unpack_batch": ["batch", "device"], "viterbi_decode": ["scores", "transition_params"],
                   "fix_singleton_tags": ["tags"]}, RECHECK.format(v=stanza.__version__)
    assert isinstance(T.VOCAB_PREFIX_SIZE, int) and T.VOCAB_PREFIX_SIZE >= 1
    assert list(inspect.signature(T.utils.unsort).parameters) == ["sorted_list", "oidx"]
    # unpack_batch hands back 8 values, in this order
    ret = [n for n in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(T.unpack_batch))))
           if isinstance(n, ast.Return)][-1]
    assert [e.id for e in ret.value.elts] == ["inputs", "orig_idx", "word_orig_idx", "char_orig_idx", "sentlens",
                                              "wordlens", "charlens", "charoffsets"]


def test_the_model_and_the_processor_are_called_as_the_engine_expects():
    from stanza.models.ner.model import NERTagger
    from stanza.pipeline.ner_processor import NERProcessor
    assert list(inspect.signature(NERTagger.forward).parameters)[1:] == [
        "sentences", "wordchars", "wordchars_mask", "tags", "word_orig_idx", "sentlens", "wordlens", "chars",
        "charoffsets", "charlens", "char_orig_idx"], RECHECK.format(v=stanza.__version__)
    # the processor keeps its trainers in a list and calls predict on each one (the engine replaces
    # the attribute on the loaded trainer)
    process = inspect.getsource(NERProcessor.process)
    assert "self.trainers" in process and "trainer.predict(" in process, RECHECK.format(v=stanza.__version__)
