"""Stage `relations`: typed facts (schema v2) as case frames over the `syntax` stage's clauses.

Rules run sentence by sentence in document order: people and events (role, meets, summit, visits,
agreement_signed, member_of), metric frames (rules_metrics), facility status, topics, locations.
`DocState` keeps what earlier sentences named, read only through explicit anaphors (देश, कंपनी,
उसका, उन्होंने, यह ...). Each event fact gets the modality, polarity, period and attribution of its
clause (frame_parts); a bare title (प्रधानमंत्री) names the person introduced with it. A fact
stated twice is kept once, with the fields of its first mention. Every relation's evidence span
lies inside its sentence. The document's dateline goes to doc.metadata["dateline"] (dateline.py).
"""
from __future__ import annotations

import bisect
from itertools import chain
from pathlib import Path
from typing import Iterable

from ..core.doc import Document, Relation
from ..entities.lexicon import load as load_entity_lexicon
from ..evaluation.relations import fold
from ..core.stage import Stage, files_version
from .dateline import dateline
from .frame_parts import DocState, attribution, modality_for, period_for, polarity_for
from .rules_events import agreements, memberships
from .rules_facts import Context, facility_status, locations, topics
from .rules_meetings import hyphen_summits, titled_meetings
from .rules_metrics import metric_frames
from .rules_people import meets, role, visits
from .view import DATA_DIR, View, build_views

EVENTS = ("meets", "visits", "summit")


class RelationsStage(Stage):
    name = "relations"
    requires = ("sentences", "tokens", "entities", "amounts", "syntax")
    provides = ("relations", "dateline")

    def version(self) -> str:
        return files_version(sorted(DATA_DIR.glob("*.tsv")) + sorted(Path(__file__).parent.glob("*.py")))

    def __call__(self, doc: Document) -> None:
        self.over_windows(doc, [doc])

    def over_windows(self, doc: Document, windows: Iterable[Document]) -> None:
        """The rules over `windows`: Documents holding consecutive runs of doc's sentences with their
        tokens, entities, amounts and syntax, in order (a long document's windows, pipeline/batch/
        windows.py), read one view at a time; the facts go to `doc`, as if it had been read whole."""
        ctx, state = Context(), DocState()
        seen = set()
        views = (v for w in windows for v in build_views(w))
        first = next(views, None)
        found_dateline = dateline([first] if first is not None else [])
        if found_dateline:
            doc.metadata["dateline"] = found_dateline
        if first is not None:
            views = chain([first], views)
        holders: dict[str, str] = {}
        aliases: dict[str, str] = {}     # a short form -> the full name it was introduced with
        people: dict[str, str] = {}      # a surname -> the fullest name written for it (मोदी -> नरेंद्र मोदी)
        for n, v in enumerate(views):
            ctx.next_sentence()
            state.sentence = n
            for _, _, e in v.entities("PER"):
                if e.role:
                    holders[_last_word(e.role)] = e.text
            for _, _, e in v.entities("PER"):
                last = e.text.split()[-1] if e.text.split() else ""
                if len(e.text) > len(people.get(last, "")):
                    people[last] = e.text
            events = meets(v) + titled_meetings(v) + visits(v) + hyphen_summits(v)
            for r in events:
                _decorate(v, r, state, holders)
            roles = [r for r in role(v) if not _verb_in(v, r)]
            found = roles + events + agreements(v, state) + memberships(v, state) + metric_frames(v, state)
            found += facility_status(v, ctx) + topics(v, ctx) + locations(v)
            state.see_entities(v)
            aliases.update(_short_forms(v))
            for r in found:
                r.subject, r.counterpart = aliases.get(r.subject, r.subject), aliases.get(r.counterpart, r.counterpart)
                r.attributed_to = aliases.get(r.attributed_to, r.attributed_to)
                if r.predicate in EVENTS + ("role",):
                    r.subject, r.object = _full(r.subject, people), _full(r.object, people)
                r.attributed_to = _full(holders.get(_last_word(r.attributed_to), r.attributed_to), people)
                key = (_surname(r.subject), r.predicate, fold(r.object))
                if r.predicate in EVENTS and (_surname(r.object), r.predicate, fold(r.subject)) in seen:
                    continue
                if key in seen or (not r.subject and r.aspect == ""):
                    continue
                seen.add(key)
                r.id = f"{doc.doc_id}:r{len(doc.relations)}"
                doc.relations.append(r)


def _short_forms(v: View) -> dict[str, str]:
    """'मौद्रिक नीति समिति (एमपीसी)', 'भारतीय रिजर्व बैंक (आरबीआई)': the short form names the full one."""
    out = {}
    for a, b, e in v.entities():
        if v.keys[b:b + 1] == ["("]:
            inner = v.ents.get(b + 1)
            if inner and v.keys[inner[0]:inner[0] + 1] == [")"]:
                out[inner[1].text] = e.text
    return out


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else ""


def _full(name: str, people: dict[str, str]) -> str:
    words = name.split()
    return people.get(words[-1], name) if len(words) == 1 else name


def _verb_in(v: View, r: Relation) -> bool:
    """A 'person' whose name holds a verb form is a tagging error ('विदेश मंत्री जुटेंगे')."""
    if v.syn is None:
        return False
    inside = [n for n, t in enumerate(v.tokens) if r.end - len(r.subject) <= t.start < r.end]
    after = inside[-1] + 1 if inside else len(v.tokens)
    future = ("ेंगे", "ेंगी", "ेगा", "ेगी")
    return any(v.syn.tags[n] in ("LV", "AUX") or v.keys[n].endswith(future) for n in inside) or (
        after < len(v.tokens) and v.syn.tags[after] == "AUX" and v.keys[after] in ("है", "हैं", "था", "थे", "थी"))


def _last_word(title: str) -> str:
    return title.split()[-1] if title.split() else title


def _token_at(v: View, offset: int) -> int:
    starts = [t.start for t in v.tokens]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _decorate(v: View, r: Relation, state: DocState, holders: dict[str, str]) -> None:
    """The clause's modality (planned for a future event), polarity, period and speaker; a bare
    title as subject or object becomes the person it introduced (प्रधानमंत्री -> नरेंद्र मोदी)."""
    k = _token_at(v, r.end - 1)
    r.modality = modality_for(v, k, True)
    r.polarity = polarity_for(v, k)
    if r.polarity == "negative" and r.modality == "actual":
        r.modality = "planned"          # a cancelled or refused event was a planned one
    r.period = period_for(v, k)
    r.attributed_to = attribution(v, state)[0]
    titles = load_entity_lexicon().titles
    for attr in ("subject", "object"):
        text = getattr(r, attr)
        words = text.split()
        if words and titles.longest([w for w in words], 0) and len(words) <= 2 and words[-1] in holders:
            setattr(r, attr, holders[words[-1]])
