"""The event frames of data/frames.yaml applied to a sentence: at each trigger the slots are filled
from the sentence's arguments (arguments.py) by their case markers and positions, one fact per member of
a coordinated subject or object, and the fact takes its clause's period, modality, polarity and speaker."""
from __future__ import annotations

from functools import lru_cache

from ..core.doc import Relation
from .anaphora import DocState
from .argument import Arg, fits, groups
from .arguments import build
from .attributes import attribution, modality_for, own_clause, period_for, polarity_for
from .finders import FINDERS, GROUP, MAX_GAP, agreement_name, gap_ok
from .frames import GENITIVE, Frame, Place, Slot, event_frames
from ..text.normalize import match_key
from .lexicon import cc, phrases, table, words
from .view import View
from ..entities.gazetteers import load as load_entity_lexicon


def _marker_fits(place: Place, arg: Arg) -> bool:
    if place.marker == GENITIVE:
        return arg.marker in cc("genitive")
    return arg.marker == place.marker


def _candidates(v: View, place: Place, trig: tuple[int, int], args: list[Arg]) -> list[list[Arg]]:
    """The groups standing where the place says, nearest to the trigger first."""
    t0, t1 = trig
    cl = v.clause(t0)
    out = []
    for g in groups(args):
        last, first = g[-1], g[0]
        if not _marker_fits(place, last) or v.keys[first.start - 1:first.start] == ["("] \
                and v.keys[last.end:last.end + 1] == [")"]:
            continue                     # a bracketed list glosses the name before it: 'ब्रिक्स (A, B) में'

        if place.position == "after":
            if first.start >= t1 and (v.clause(first.start) == cl or place.sentence):
                out.append((first.start - t1, g))
        elif last.after <= t0:
            if place.position == "adjacent" and not gap_ok(v, last.after, t0, args):
                continue
            if place.sentence or v.clause(last.end - 1) == cl or place.position == "adjacent":
                out.append((t0 - last.after, g))
    return [g for _, g in sorted(out, key=lambda x: x[0])]


def _fill(v: View, slot: Slot, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[Arg]:
    """The members of the first group that stands where one of the slot's places says (a group of at
    least `slot.least` members)."""
    for place in slot.places:
        found = FINDERS[place.finder](v, trig, args, state) if place.finder else _candidates(v, place, trig, args)
        for g in found:
            members = [a for a in g if fits(a, slot.kinds)]
            if len(members) >= slot.least:
                return members
    return []


def _parties(v: View, frame: Frame, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[tuple[Arg, Arg]]:
    """(subject, object) pairs of one trigger: a listed pair, else subject x object."""
    if "pair" in frame.slots:
        pair = _fill(v, frame.slots["pair"], trig, args, state)
        if len(pair) >= 2:
            return [(pair[0], other) for other in pair[1:]]
    objects = _fill(v, frame.slots["object"], trig, args, state) if "object" in frame.slots else []
    rest = [a for a in args if a not in objects]
    subjects = _fill(v, frame.slots["subject"], trig, rest, state) if "subject" in frame.slots and objects else []
    return [(s, o) for s in subjects for o in objects if not frame.body_subjects or fits(o, GROUP)
            or fits(s, frame.body_subjects)]


@lru_cache(maxsize=1)
def _stems() -> tuple[str, ...]:
    return tuple(s for f in event_frames() for s in f.stems)


@lru_cache(maxsize=1)
def _trigger_lists() -> tuple[tuple[Frame, tuple[str, ...]], ...]:
    """One frame per distinct (trigger list, stems), with the rules of every frame sharing it."""
    lists: dict[tuple, tuple[Frame, list[str]]] = {}
    for frame in event_frames():
        lists.setdefault((id(frame.triggers), frame.stems), (frame, []))[1].append(frame.rule)
    return tuple((frame, tuple(rules)) for frame, rules in lists.values())


@lru_cache(maxsize=1)
def _lists_by_first() -> dict[str, tuple[int, ...]]:
    """First word of a trigger -> the indices of the trigger lists (_trigger_lists) holding it."""
    out: dict[str, list[int]] = {}
    for n, (frame, _) in enumerate(_trigger_lists()):
        for k in frame.triggers.firsts:
            out.setdefault(k, []).append(n)
    return {k: tuple(ns) for k, ns in out.items()}


def all_hits(v: View) -> dict[str, list[tuple[int, int]]]:
    """Every event frame's trigger spans in the sentence, found once (frames sharing a trigger list
    share its matches)."""
    if "hits" not in v._found:
        present, out = set(v.keys), {}
        joined = " ".join(v.keys)          # a word starting with a stem holds it: most sentences hold none
        stemmed = [(i, k) for i, k in enumerate(v.keys) if k.startswith(_stems())] \
            if any(stem in joined for stem in _stems()) else []
        by_first = _lists_by_first()
        wanted = {n for k in present if k in by_first for n in by_first[k]}     # (present ∩ a dict walks the dict)
        lists = _trigger_lists()
        if stemmed:
            wanted.update(n for n, (frame, _) in enumerate(lists) if frame.stems)
        for n in sorted(wanted):
            frame, rules = lists[n]
            found = frame.hits(v.keys, present, stemmed)
            if found:
                out.update((rule, found) for rule in rules)
        v._found["hits"] = out
    return v._found["hits"]


def _may_hold(v: View, slot: Slot) -> bool:
    """Can the sentence hold an argument of the slot's kinds at all (names, titles, anaphors by what they
    name: party_anaphors.tsv), as many as the slot needs? A cheap test before the arguments are built."""
    kinds, least = slot.kinds, slot.least
    key = ("may", kinds, least)
    if key not in v._found:
        if "may" not in v._found:             # what the sentence holds, once for every slot asked
            labels = [e.label for _, _, e in v.entities()]
            named = {refers for _, _, refers in v.find(phrases("party_anaphors.tsv"))}   # its refers_to column
            v._found["may"] = (set(labels), named, bool(v.titles()), labels.count("LOC"), labels.count("ORG"))
        labels, named, titles, places, bodies = v._found["may"]
        # a person pronoun names a country in a sentence naming one ('भारत ने ... और वह'): one more place
        places += bool(places and "person" in named)
        v._found[key] = bool(
            (kinds & {"person", "named"} and ("PER" in labels or titles or named & {"person", "person_pair"}))
            or ("title" in kinds and titles)
            or (kinds & {"place", "country"} and (places >= least or "pair" in named))
            or (kinds & {"body", "party"} and (places + bodies >= least or named & {"pair", "group"}))
            or ("group" in kinds and (bodies >= least or "group" in named or _body_anaphor_written(v))))
    return v._found[key]


def _marker_written(v: View, marker: str) -> bool:
    """Does the sentence write the case marker (any genitive for GENITIVE), or a pronoun fused with it
    (उनसे: से)?"""
    key = ("marker", marker)
    if key not in v._found:
        found = set(cc("genitive")) if marker == GENITIVE else {marker}
        fused = table("party_anaphors.tsv", "word", "marker")
        words_ = marker.split()
        v._found[key] = any(fused.get(" ".join(v.keys[i:j]), "") in found for i, j, _ in v.find(phrases("party_anaphors.tsv"))) \
            or (marker == GENITIVE and not found.isdisjoint(v.keys)) \
            or any(v.keys[k:k + len(words_)] == words_ for k in range(len(v.keys) - len(words_) + 1))
    return v._found[key]


def _body_anaphor_written(v: View) -> bool:
    """A demonstrative before the head noun of a body's name (arguments._body_anaphor_args)."""
    heads = load_entity_lexicon().org_heads
    return any(v.keys[k] in cc("demonstrative") and v.keys[k + 1] in heads for k in range(len(v.keys) - 1))


def frame_facts(v: View, frame: Frame, state: DocState, speakers: set[int]) -> list[Relation]:
    hits = all_hits(v).get(frame.rule)
    if not hits or not all(_may_hold(v, frame.slots[s]) for s in frame.required if s in frame.slots
                           and frame.slots[s].kinds):
        return []
    obj = frame.slots.get("object")
    if obj and obj.places and "pair" not in frame.slots \
            and all(p.position == "adjacent" or p.marker and not p.finder for p in obj.places) \
            and not any(p.position != "adjacent" and _marker_written(v, p.marker) for p in obj.places):
        ends = {j for _, j, _ in v.entities()} | {j for _, j, _ in v.find(phrases("party_anaphors.tsv"))} \
            | {j for _, j in v.titles()}
        # an object right before the trigger (or marked where the sentence writes that marker), or no fact
        hits = [t for t in hits if any(t[0] - MAX_GAP - 3 <= j <= t[0] for j in ends)]
        if not hits:
            return []
    out = []
    every = build(v, state)
    if "reported" not in v._found:                    # the same for every frame of the sentence
        v._found["reported"] = [a for a in every if not any(k in speakers for k in range(a.start, a.end))]
        v._found["inside"] = {k for i, j, _ in v.entities() for k in range(i, j)}
    reported, inside = v._found["reported"], v._found["inside"]
    for trig in hits:
        if trig[0] in inside or frame.predicate == "visits" and trig[0] > 0 and \
                v.keys[trig[0] - 1] in words("return_words.tsv"):
            continue                                     # 'दिल्ली लौट आए': a return, no visit
        args = every if own_clause(v, trig[0]) else reported     # a speaker is a party of his own act
        counterpart = agreement_name(v, trig) if "counterpart" in frame.slots else ""
        if "counterpart" in frame.required and counterpart is None:
            continue
        counterpart = counterpart or ""
        titled = "title" in frame.slots["object"].kinds if "object" in frame.slots else False
        for s, o in _parties(v, frame, trig, args, state):
            obj = o.title if titled else o.text
            if not s.text or not obj:
                continue                                 # an argument that names nobody
            span = (min(s.start, o.start, trig[0]), max(s.end, o.end, trig[1]))
            out.append(v.relation(s.text, frame.predicate, obj, frame.rule, span, subject_id=s.id,
                                  object_id="" if titled else o.id, counterpart=counterpart))
            _decorate(v, out[-1], trig, frame, state)
            if frame.predicate == "visits" and _participial(v, trig, s):
                out[-1].period, out[-1].modality = "", "actual"
            if not titled and o.country and not o.id:         # 'नेपाल के प्रधानमंत्री' named later
                v._found.setdefault("pending", []).append((out[-1], v.keys[o.end - 1], o.country))
            if v.keys[o.after:o.after + 1] and v.keys[o.after] in words("exclusion_words.tsv"):
                out[-1].polarity = "negative"            # 'X को छोड़कर': X is left out
    return out


def _participial(v: View, trig: tuple[int, int], s: Arg) -> bool:
    """'जापान की यात्रा पर आए X कल Y से मिलेंगे': a visit told by a participle before its traveller is under
    way; the period and modality of the clause are the main verb's, not the visit's."""
    near = 0 < s.start - trig[1] <= 3 or 0 < s.start - trig[1] <= 12 and ")" in v.keys[trig[1]:s.start]
    return near and all(       # past a title with a gloss: 'दौरे पर आए X के युवराज (क्राउन प्रिंस) Y'
        (v.tokens[k].kind == "word" or v.keys[k] in ("(", ")")) and v.tag(k) not in ("CC", "SC", "REL", "RELK")
        for k in range(trig[1], s.start)) \
        and not any(val == "planned" for a, _, val in v.find(phrases("modality_words.tsv")) if trig[1] <= a < s.start)


def _decorate(v: View, r: Relation, trig: tuple[int, int], frame: Frame, state: DocState) -> None:
    """The trigger clause's modality (planned for a future event), polarity, period and speaker."""
    k = trig[0]
    r.modality = modality_for(v, k, True, frame.modality, event=True)
    r.polarity = polarity_for(v, k)
    cl = v.syn.clause_at(k) if v.syn is not None else None
    if r.polarity == "negative" and r.modality == "actual" and not (cl and cl.features.negation == "not"):
        r.modality = "planned"          # a cancelled or refused event was a planned one ('बात नहीं की': not)
    if r.predicate == "visits" and r.modality == "actual" and cl and cl.features.aspect == "progressive" \
            and cl.features.tense == "present":
        r.modality = "planned"          # 'X अगले महीने दिल्ली आ रहे हैं': a visit announced
    r.period = period_for(v, k)
    if r.predicate == "role" and match_key(r.period) in words("present_words.tsv"):
        r.period = ""                   # 'X फिलहाल वित्त सचिव हैं': a role's present is no period of it
    r.attributed_to = "" if own_clause(v, k) else attribution(v, state)[0]


def events(v: View, state: DocState, speakers: set[int]) -> list[Relation]:
    """The facts of every event frame whose triggers the sentence holds."""
    hits = all_hits(v)
    if not hits:
        return []
    out = []
    for frame in event_frames():
        if frame.rule in hits:
            out += frame_facts(v, frame, state, speakers)
    return out
