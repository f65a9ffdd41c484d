"""Stage `relations`: typed facts (schema v2) read from the `syntax` stage's analysis by predicate frames.

Sentence by sentence in document order, the rules of rules.py run (roles, the event frames of
data/frames.yaml, membership lists, metric frames, facility status, topics, locations). `DocState`
(anaphora.py) keeps what earlier sentences named, read only through explicit anaphors. Then each fact
is finished once: names in full (मोदी -> नरेंद्र मोदी, आरबीआई -> भारतीय रिजर्व बैंक), no fact whose two
parties are one, a fact stated twice kept once (the fields of its first mention). Every relation's
evidence span lies inside its sentence. The document's dateline goes to doc.metadata["dateline"].
A long document comes as windows of consecutive sentences (pipeline/batch/windows.py), read in order
through `over_windows`, one view at a time, so memory holds one window."""
from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Iterable

from ..amounts.periods import period_values
from ..core.doc import Document, Relation
from ..core.stage import Stage, files_version
from ..entities.gazetteers import key_tokens, load as load_entity_lexicon
from ..text import closed_class
from ..text.fold import fold
from .anaphora import DocState, resolve_title, see_arguments, see_visit
from .arguments import build, light_arguments
from .attributes import attribution, resolve_party
from .dateline import dateline
from .lexicon import DATA_DIR, phrases, words
from .frames import metrics
from .metric_passage import Passages, fill_owners
from .rules import runners
from .things import Context
from .view import View, build_views

EVENTS = ("meets", "visits", "summit", "agreement_signed", "member_of")
ACTS = ("meets", "visits")        # their subject is who a later pronoun names


class RelationsStage(Stage):
    name = "relations"
    requires = ("sentences", "tokens", "entities", "amounts", "syntax")
    provides = ("relations", "dateline")

    def version(self) -> str:
        return files_version(sorted(DATA_DIR.glob("*.*")) + sorted(Path(__file__).parent.glob("*.py")))

    def __call__(self, doc: Document) -> None:
        self.over_windows(doc, [doc])

    def over_windows(self, doc: Document, windows: Iterable[Document]) -> None:
        """The rules over `windows`: Documents holding consecutive runs of doc's sentences with their
        tokens, entities, amounts and syntax, in order; the facts go to `doc`, as if it had been read
        whole (doc.amounts holds the whole document's amounts, for the periods' values)."""
        ctx, state, seen, passages = Context(), DocState(), {}, Passages()
        views = _views(windows, state)
        first = next(views, None)
        found_dateline = dateline([first] if first is not None else [])
        if found_dateline:
            doc.metadata["dateline"] = found_dateline
            state.dateline_place = found_dateline["place_id"]
        for n, v in enumerate(chain([first], views) if first is not None else ()):
            passages.see(v, n)
            ctx.next_sentence()
            state.start_sentence(v, n)
            state.see_people(v)
            _name_pending(doc, v, state, seen)
            speaker, speakers = attribution(v, state)
            found = [r for rule in runners() for r in rule.run(v, state, ctx, speakers)] if _may_state(v) else []
            _quoted(found, state, speaker)
            state.see_quote(v, speaker)
            _see_sentence(v, state, found)
            for r in found:
                _finish(r, state)
                _add(doc, r, seen)
            state.pending += [p for p in v._found.get("pending", ()) if p[0].id]
        doc.relations = fill_owners(doc.relations, passages)
        for k, r in enumerate(doc.relations):
            r.id = f"{doc.doc_id}:r{k}"
            if r.counterpart and _same_party(r.subject, r.counterpart, r.subject_id, r.counterpart_id):
                r.counterpart, r.counterpart_id = "", ""        # no partner of itself (after the passage's owners)
        values = period_values(doc)
        for r in doc.relations:
            r.period_value = values.get(r.id, "")


def _quoted(found: list, state: DocState, speaker: str) -> None:
    """A sentence with no speaker of its own inside a quotation opened before ('उन्होंने कहा, ‘... है. विदेश
    सचिव की यात्रा स्थगित रहेगी.’') states its facts in the quotation's speaker's words (not a role)."""
    if speaker or not state.quote:
        return
    for r in found:
        if r.predicate != "role" and not r.attributed_to:
            r.attributed_to = state.quote


def _views(windows: Iterable[Document], state: DocState):
    """Each window's views in order; a window's bodies known under one canonical name are added to
    the short forms first (for a document read whole: all of them, before its first sentence)."""
    for w in windows:
        state.aliases.update(_canonical_names(w))
        yield from build_views(w)


def _name_pending(doc: Document, v: View, state: DocState, seen: dict) -> None:
    """'X ने श्रीलंका के प्रधानमंत्री से भेंट की। ... श्रीलंका के प्रधानमंत्री दिनेश गुणवर्धने ने कहा': a fact
    whose party was a title of a country, named later in the paragraph with that title, names him."""
    for rel, word, country in list(state.pending):
        holder = next(((name, eid) for name, eid, held_in, where in state.holders.get(word, ())
                       if held_in == country and where[0] == state.sentence), None)
        if holder:
            rel.object, rel.object_id = holder
            state.pending.remove((rel, word, country))
            index = next((k for k, r in enumerate(doc.relations) if r is rel), None)
            if index is not None:
                seen.setdefault((_surname(rel.subject), rel.predicate, fold(rel.object)), index)


def _may_state(v: View) -> bool:
    """Can the sentence state a fact at all? Every rule needs a name, an amount, a title or a word that
    names an earlier party; a sentence with none of them is skipped, unless it names a metric a later
    sentence's value may continue ('पूंजीगत व्यय को ऊंचा रखा गया है। इस बार यह ...')."""
    return bool(v.ents or v.amts or v.titles() or v.find(phrases("party_anaphors.tsv")) or v.find(metrics().triggers))


def _see_sentence(v: View, state: DocState, found: list[Relation]) -> None:
    """After a sentence's rules: its arguments, names, short forms, speaker and actor are antecedents."""
    pair = state.pair
    see_arguments(state, v, build(v, state) if "args" in v._found else light_arguments(v, state))
    if state.pair is pair:
        see_visit(state, v, found)
    for _, _, e in v.entities():
        state.names.append(e.text)
        state.here.append(e.text)
        state.ids[e.text] = e.id
        if e.label == "ORG":
            state.org = e.text
            state.bodies.append(e.text)
    state.aliases.update(_short_forms(v))
    if v.syn is not None and v.syn.attributions:
        state.speaker = resolve_party(v, v.syn.attributions[0].speaker, state) or state.speaker
    acts = [r for r in found if r.predicate in ACTS and (r.subject_id or _a_title(r.subject))]
    if acts:
        state.actor = (acts[-1].subject, acts[-1].subject_id)
    joined = [r for r in found if r.predicate == "member_of"]
    if joined:                          # the body members were just named of is what a later member noun means
        state.group = (joined[-1].object, joined[-1].object_id)


def _a_title(text: str) -> bool:
    """Is the text a title of office standing for a person ('प्रधानमंत्री ने ...': the actor all the same)?"""
    keys = list(key_tokens(text))
    e = load_entity_lexicon().titles.longest(keys, 0) if keys else None
    return bool(e and len(e.keys) == len(keys) and e.subtype != "honorific")


def _canonical_names(doc: Document) -> dict[str, str]:
    """Bodies the gazetteer knows under one canonical name (आरबीआई, रिजर्व बैंक, भारतीय रिजर्व बैंक):
    each written form names the longest one the document writes."""
    longest: dict[str, str] = {}
    for e in doc.entities:
        if e.label == "ORG" and e.canonical and len(e.text) > len(longest.get(e.canonical, "")):
            longest[e.canonical] = e.text
    return {e.text: longest[e.canonical] for e in doc.entities
            if e.label == "ORG" and e.canonical and e.text != longest[e.canonical]}


def _short_forms(v: View) -> dict[str, str]:
    """'मौद्रिक नीति समिति (एमपीसी)', 'भारतीय रिजर्व बैंक (आरबीआई)': the short form names the full one."""
    out = {}
    for a, b, e in v.entities():
        if e.label == "ORG" and e.text.endswith(")") and "(" in e.text:     # one name: 'X लिमिटेड (एक्सएल)'
            out[e.text[e.text.rindex("(") + 1:-1].strip()] = e.text
        if e.label == "ORG" and v.keys[b:b + 1] == ["("]:
            inner = v.ents.get(b + 1)
            close = inner[0] if inner else b + 2
            if v.keys[close:close + 1] == [")"] and close > b + 1 and v.tokens[b + 1].kind == "word":
                out[inner[1].text if inner else v.text(b + 1, close)] = e.text
        before = v.ent_ending(a)                    # the descriptor alone, or tagged as a body of its own
        if e.label == "ORG" and a >= 2 and v.keys[a - 1] in words("body_descriptors.tsv") and v.tag(a - 2) == "W" \
                and not v.ent_ending(a - 1) and (before is None or before[0] == a - 2):
            out[v.text(a - 2, a)] = e.text          # 'उद्योग संगठन X': a later 'उद्योग संगठन' is X
        elif e.label == "ORG" and b - a >= 3 and v.keys[a + 1] in words("body_descriptors.tsv") and v.tag(a) == "W":
            out[v.text(a, a + 2)] = e.text          # the same, the descriptor tagged with the name
    return out


def _finish(r: Relation, state: DocState) -> None:
    """Full names for short forms and surnames; a speaker written as a bare title is its holder (a
    counterpart that is the subject itself is dropped once the passage's owners are filled in)."""
    alias = state.aliases
    r.subject, r.counterpart = alias.get(r.subject, r.subject), alias.get(r.counterpart, r.counterpart)
    if r.predicate in EVENTS + ("role",):
        r.subject, r.object = state.full_name(r.subject), state.full_name(r.object)
    if r.predicate == "member_of":
        r.object = alias.get(r.object, r.object)        # one name for a grouping written two ways
    speaker = alias.get(r.attributed_to, r.attributed_to)
    holder = resolve_title(state, speaker.split(), "")[0]
    r.attributed_to = state.full_name(holder or speaker)


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else ""


def _same_party(a: str, b: str, a_id: str = "", b_id: str = "") -> bool:
    return bool(a_id and a_id == b_id) or fold(a) == fold(b) or (" " in a and _surname(a) == _surname(b))


def _add(doc: Document, r: Relation, seen: dict) -> None:
    """Add a fact unless it is of one party with itself, has no subject (but a metric), or was already
    stated (either way round for an event). A role naming an office already given to the same person
    (पीएम / प्रधानमंत्री, प्रधानमंत्री / भारत के प्रधानमंत्री: one canonical title) is one fact, stated
    with the fuller title."""
    if r.predicate in EVENTS and _same_party(r.subject, r.object, r.subject_id, r.object_id):
        return
    if not r.subject and r.aspect == "":
        return
    key = (_surname(r.subject), r.predicate, fold(r.object))
    if r.predicate in EVENTS and (_surname(r.object), r.predicate, fold(r.subject)) in seen:
        return
    office = (_surname(r.subject), "office", _office(r.object)) if r.predicate == "role" else None
    if key in seen or office in seen:
        k = seen.get(key, seen.get(office))
        if office and len(r.object) > len(doc.relations[k].object):
            r.id, doc.relations[k] = doc.relations[k].id, r
        return
    seen[key] = len(doc.relations)
    if office and office[2]:
        seen[office] = len(doc.relations)
    r.id = f"{doc.doc_id}:r{len(doc.relations)}"
    doc.relations.append(r)


def _office(title: str) -> str:
    """The canonical office of a role written as a bare title (entities/data/titles.tsv: पीएम and
    प्रधानमंत्री are one), with at most a country or demonym before it; "" for a title with a longer
    chain (ब्राजील में राजदूत and ओमान में भारत के नए राजदूत are two posts)."""
    keys = list(key_tokens(title))
    titles = load_entity_lexicon().titles
    for k in range(min(len(keys), 3)):
        e = titles.longest(keys, k)
        if e and k + len(e.keys) == len(keys) and e.subtype != "honorific" \
                and (k == 0 or k == 1 or keys[1] in closed_class.words("genitive")):
            return e.canonical
    return ""
