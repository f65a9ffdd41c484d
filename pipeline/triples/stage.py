"""Stage `triples`: open (head, relation, tail) triples for every sentence of a Document, serialized
from the `syntax` stage's analysis (the same analysis the relations read)."""
from __future__ import annotations

from pathlib import Path

from ..core.doc import Document, Triple
from ..core.stage import Stage, files_version
from ..syntax.lexicon import DATA_DIR
from .extract import span_indices, triples_of_analysis
from .switches import TripleSwitches
from .switches import defaults as triple_defaults

# The rule code that version() hashes along with the word lists
_SYNTAX_DIR = DATA_DIR.parent
_TRIPLES_DIR = Path(__file__).resolve().parent
_EXTRACTOR_MODULES = tuple(_SYNTAX_DIR / f for f in ("tagging.py", "verbs.py", "clauses.py", "chunks.py")) + tuple(
    _TRIPLES_DIR / f for f in ("rules.py", "extract.py"))


class TriplesStage(Stage):
    name = "triples"
    requires = ("sentences", "tokens", "syntax")
    provides = ("triples",)
    defaults = {"skip_punct": True, **triple_defaults()}   # skip_punct, then the rule switches (triples/switches.py)

    def __call__(self, doc: Document) -> None:
        n = len(doc.triples)
        sw = TripleSwitches(**{k: v for k, v in self.config.items() if k != "skip_punct"})
        for s in doc.sentences:
            syn = doc.syntax.get(s.id)
            if syn is None or not syn.tokens:
                continue
            texts = syn.tokens
            for tr in triples_of_analysis(texts, syn.tags, syn.clauses, sw):
                sp = self.config["skip_punct"]
                head = _join(texts, tr.head, tr.skip, sp)
                tail = _join(texts, tr.tail, tr.skip, sp)
                rel = tr.label or " ".join(x for x in (_join(texts, tr.relation_lead, (), sp),
                                                       _join(texts, tr.relation, tr.skip, sp)) if x)
                if not head or not tail or not rel:
                    continue
                doc.triples.append(Triple(id=f"{doc.doc_id}:t{n}", sentence_id=s.id, head=head,
                                          relation=rel, tail=tail, start=s.start, end=s.end,
                                          text=s.text, rule=tr.rule))
                n += 1

    def version(self) -> str:
        return "openie-" + files_version(sorted(DATA_DIR.glob("*.tsv")) + list(_EXTRACTOR_MODULES))


_DROP = frozenset({"'", '"', "‘", "’", "“", "”", "(", ")", "[", "]", "{", "}", ","})


def _join(texts: list[str], span, skip, skip_punct: bool) -> str:
    if span is None:
        return ""
    words = [texts[k] for k in span_indices(span, skip)]
    if skip_punct:
        words = [w for w in words if w not in _DROP]
    return " ".join(words)
