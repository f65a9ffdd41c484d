"""Stage `syntax`: analyse every sentence once (pipeline.syntax.analysis) and store the result on
the Document (`doc.syntax`, sentence id -> SentenceSyntax); `relations` reads it, `triples`
serializes it."""
from __future__ import annotations

from pathlib import Path

from ..core.doc import Document, span_finder
from ..core.stage import Stage, files_version
from ..text.normalize import match_key
from .analysis import analyse_sentence
from .chunker_switches import ChunkerSwitches
from .chunker_switches import defaults as chunker_defaults


class SyntaxStage(Stage):
    name = "syntax"
    requires = ("sentences", "tokens", "entities", "amounts")
    provides = ("syntax",)
    defaults = chunker_defaults()        # the chunker's rule switches (syntax/chunker_switches.py)

    def version(self) -> str:
        here = Path(__file__).parent      # the chunker, its word lists and the analysis built on them
        return files_version(sorted(here.glob("data/*.tsv")) + sorted(here.glob("*.py")))

    def __call__(self, doc: Document) -> None:
        sw = ChunkerSwitches(**{**self.config, "prefix_blockers": tuple(self.config["prefix_blockers"])})
        toks = doc.sentence_tokens()
        ents: dict[str, dict[int, tuple[int, object]]] = {}
        finders: dict[str, object] = {}
        for e in doc.entities:
            find = finders.get(e.sentence_id)
            if find is None:
                find = finders[e.sentence_id] = span_finder(toks.get(e.sentence_id, []))
            span = find(e.start, e.end)
            if span:
                ents.setdefault(e.sentence_id, {})[span[0]] = (span[1], e)
        by_keys = doc.sentence_keys() if doc.norm is not None else {}
        for s in doc.sentences:
            t = toks.get(s.id, [])
            keys = list(by_keys[s.id]) if s.id in by_keys else [match_key(x.text) for x in t]
            doc.syntax[s.id] = analyse_sentence(s.id, [x.text for x in t], keys, ents.get(s.id, {}), sw)
