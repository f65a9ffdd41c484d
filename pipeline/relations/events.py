"""The event frames of data/frames.yaml applied to a sentence: at each trigger the slots are filled
from the sentence's arguments (arguments.py) by their case markers and positions, one fact per member of
a coordinated subject or object, and the fact takes its clause's period, modality, polarity and speaker."""
from __future__ import annotations

from functools import lru_cache

from ..core.doc import Relation
from .anaphora import DocState
from .argument import Arg, fits, groups
from .arguments import build
from .attributes import attribution, modality_for, period_for, polarity_for
from .frames import GENITIVE, Frame, Place, Slot, event_frames
from .lexicon import DASHES, cc, marker, phrases, table, words
from .view import View

GROUP = frozenset({"group"})
MAX_GAP = 4            # modifier words between an argument and the trigger it stands right before
GAP_TAGS = frozenset({"W", "NUM", "DET", "ADV", "PART"})


def _marker_fits(place: Place, arg: Arg) -> bool:
    if place.marker == GENITIVE:
        return arg.marker in cc("genitive")
    return arg.marker == place.marker


def _gap_ok(v: View, a: int, b: int, args: list[Arg]) -> bool:
    """Only modifiers between token a and b: no name, no case marker (but a genitive after a number:
    'पांच दिन की यात्रा'), no verb, no punctuation."""
    if b - a > MAX_GAP or b < a:
        return False
    amount = {k for i, (j, _) in v.amts.items() for k in range(i, j)}
    place = {k for x in args if x.kind == "place" and a <= x.start and x.after <= b and x.marker == marker("in")
             for k in range(x.start, x.after)}          # 'X और Y की न्यूयॉर्क में मुलाकात'
    inside = any(a <= x.start < b and x.start not in place for x in args)
    ok = all(k in place or v.tag(k) in GAP_TAGS or (v.tag(k) == "PG" and k > a and
                                                    (v.tag(k - 1) == "NUM" or k - 1 in amount)) for k in range(a, b))
    return ok and not inside


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
            if place.position == "adjacent" and not _gap_ok(v, last.after, t0, args):
                continue
            if place.sentence or v.clause(last.end - 1) == cl or place.position == "adjacent":
                out.append((t0 - last.after, g))
    return [g for _, g in sorted(out, key=lambda x: x[0])]


def _after_participle(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'जापान की यात्रा पर आए ब्रिटिश विदेश मंत्री X', 'नेपाल पहुंचे राष्ट्रपति X': the person right
    after the trigger and its participle."""
    t1 = trig[1]
    for a in args:
        if a.kind == "person" and t1 <= a.start <= t1 + 3 and not a.anaphor and \
                all(v.tokens[k].kind == "word" and v.tag(k) not in ("CC", "SC", "REL") for k in range(t1, a.start)):
            return [[a]]                # the participle's head only: 'दौरे पर गए X और Y के बीच': X travelled
    return []


def _list_after_dash(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'... के सदस्य देश हैं — A, B और C', 'आसियान देशों (A, B, C)': the list right after a dash or colon
    following the trigger, or in brackets right after it; 'ORG के सदस्य देश A और B ने': the names right
    after the trigger, whatever their case."""
    t1 = trig[1]
    dash = next((k for k in range(t1, min(len(v.keys), t1 + 3)) if v.keys[k].strip() in DASHES), None)
    opened = dash if dash is not None else t1 if v.keys[t1:t1 + 1] == ["("] else None
    for g in groups(args):
        if opened is not None and g[0].start == opened + 1 and len(g) >= 2:
            return [g]
        if g[0].start == t1 and not v.keys[t1 - 1:t1] == ["("]:
            return [g]
    return []


def _possessor(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'मोदी की तीन दिवसीय जापान यात्रा', 'प्रधानमंत्री की रूस और ऑस्ट्रिया की यात्रा': the genitive
    group right before the trigger, or right before the group that stands right before it."""
    before = [g for g in groups(args) if g[-1].after <= trig[0]]
    end = trig[0]
    for g in reversed(before):
        if not _gap_ok(v, g[-1].after, end, args):
            return []
        if g[-1].marker in cc("genitive") and any(a.kind == "person" for a in g):
            return [g]
        end = g[0].start
    return []


def _antecedent(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'X, जो ... के विदेश मंत्री हैं': the group right before the relative pronoun of the trigger's clause."""
    rel = next((k for k in range(trig[0] - 1, -1, -1) if v.keys[k] in cc("relative", "relative_case", "relative_genitive")),
               None)
    if rel is None or v.clause(rel) != v.clause(trig[0]):
        return []
    end = rel - 1 if rel > 0 and v.keys[rel - 1] == "," else rel
    right = [g for g in groups(args) if g[-1].end == end]
    # else the last group before it: 'ORG के दस सदस्य हैं, जिनमें A, B और C शामिल हैं'
    return right[:1] or [g for g in reversed(groups(args)) if g[-1].end <= rel][:1]


def _list_before_dash(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'A, B, C और D — इन चार देशों को मिलाकर ...': the list ending right before a dash shortly before
    the trigger."""
    dash = next((k for k in range(trig[0] - 1, max(-1, trig[0] - 4), -1) if v.keys[k].strip() in DASHES), None)
    if dash is None:
        return []
    return [g for g in groups(args) if g[-1].end == dash and len(g) >= 2][:1]


def _invitee(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'X ने Y को भारत आने का न्योता दिया': with an invitation noun right after the trigger, the person
    marked को or से before it travels."""
    k = trig[1]
    if not (v.keys[k:k + 1] and v.keys[k] in cc("genitive") and v.keys[k + 1:k + 2]
            and v.keys[k + 1] in words("invitation_words.tsv")):
        return []
    marked = [g for g in groups(args) if g[-1].marker in (marker("recipient"), marker("source"))
              and g[-1].after <= trig[0] and not any(v.keys[n] in cc("subord") for n in range(g[-1].after, trig[0]))]
    return marked[-1:]                  # none marked: who accepts it travels ('X ने आने का न्योता स्वीकारा')


def _last_group(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'(समूह का चुनाव हुआ।) नए सदस्य A, B और C हैं': a member noun (or an election) with no genitive
    before it, in a sentence naming no group, belongs to the group the paragraph named last (or the
    body a member was last named of)."""
    k = trig[0]
    alone = table("member_nouns.tsv", "word", "alone")
    nouns = [alone[key] for key in v.keys[k:trig[1]] if key in alone]
    if not state.group[0] or (k and v.keys[k - 1] in cc("genitive")) or any(fits(a, GROUP) for a in args) \
            or (nouns and "yes" not in nouns):
        return []                      # 'लोगों का बड़ा हिस्सा': a share, no membership
    text, eid = state.group
    return [[Arg(k, k, "body", text, eid, "grouping", anaphor="group")]]


FINDERS = {"after_participle": _after_participle, "invitee": _invitee, "list_before_dash": _list_before_dash,
           "list_after_dash": _list_after_dash, "possessor": _possessor, "antecedent": _antecedent,
           "last_group": _last_group}


def agreement_name(v: View, trig: tuple[int, int]) -> str:
    """The agreement noun phrase before a signing word ('रक्षा सहयोग समझौते पर हस्ताक्षर'), back to the
    first function word; "" when the clause names no agreement."""
    heads = [(i, j) for i, j, _ in v.find(phrases("agreement_words.tsv")) if j <= trig[1]]
    heads = [(i, j) for i, j in heads if v.clause(i) == v.clause(trig[0]) or trig[0] - j <= 3]
    if not heads:
        return ""
    i, j = heads[-1]
    k, stops = i, cc("case", "genitive", "subord", "determiner")
    while k > 0 and i - k < 6 and v.keys[k - 1] not in stops and not v.ent_ending(k) and \
            (v.tag(k - 1) == "W" or v.tag(k - 1) == "CC" and k > 1 and v.tag(k - 2) == "W"):
        k -= 1                                   # 'आर्थिक सहयोग एवं व्यापार समझौते'
    return v.text(k, j)


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
def _trigger_firsts() -> frozenset[str]:
    return frozenset(k for f in event_frames() for k in f.triggers.firsts)


@lru_cache(maxsize=1)
def _stems() -> tuple[str, ...]:
    return tuple(s for f in event_frames() for s in f.stems)


def _all_hits(v: View) -> dict[str, list[tuple[int, int]]]:
    """Every event frame's trigger spans in the sentence, found once (frames sharing a trigger list
    share its matches)."""
    if "hits" not in v._found:
        present, by_list, out = set(v.keys), {}, {}
        if _trigger_firsts().isdisjoint(present) and not any(k.startswith(_stems()) for k in present):
            v._found["hits"] = out
            return out
        for frame in event_frames():
            key = (id(frame.triggers), frame.stems)
            if key not in by_list:
                by_list[key] = frame.hits(v.keys, present)
            if by_list[key]:
                out[frame.rule] = by_list[key]
        v._found["hits"] = out
    return v._found["hits"]


def _may_hold(v: View, kinds: frozenset[str]) -> bool:
    """Can the sentence hold an argument of these kinds at all (names, titles, anaphor words)? A cheap
    test before the arguments are built."""
    key = ("may", kinds)
    if key not in v._found:
        labels = {e.label for _, _, e in v.entities()}
        anaphors = bool(v.find(phrases("party_anaphors.tsv")))
        titles = bool(v.titles())
        v._found[key] = (("person" in kinds or "named" in kinds) and ("PER" in labels or titles or anaphors)) \
            or ("title" in kinds and titles) or (bool(kinds & {"place", "country"}) and ("LOC" in labels or anaphors)) \
            or (bool(kinds & {"body", "group", "party"}) and bool(labels & {"LOC", "ORG"}) or anaphors)
    return v._found[key]


def frame_facts(v: View, frame: Frame, state: DocState, speakers: set[int]) -> list[Relation]:
    hits = _all_hits(v).get(frame.rule)
    if not hits or not all(_may_hold(v, frame.slots[s].kinds) for s in frame.required if s in frame.slots
                           and frame.slots[s].kinds):
        return []
    obj = frame.slots.get("object")
    if obj and obj.places and all(p.position == "adjacent" for p in obj.places):
        ends = {j for _, j, _ in v.entities()} | {j for _, j, _ in v.find(phrases("party_anaphors.tsv"))}
        # an object right before the trigger, or no fact
        hits = [t for t in hits if any(t[0] - MAX_GAP - 3 <= j <= t[0] for j in ends)]
        if not hits:
            return []
    out = []
    args = [a for a in build(v, state) if not any(k in speakers for k in range(a.start, a.end))]
    inside = {k for i, j, _ in v.entities() for k in range(i, j)}
    for trig in hits:
        if trig[0] in inside:
            continue
        counterpart = agreement_name(v, trig) if "counterpart" in frame.slots else ""
        if "counterpart" in frame.required and not counterpart:
            continue
        titled = "title" in frame.slots["object"].kinds if "object" in frame.slots else False
        for s, o in _parties(v, frame, trig, args, state):
            obj = o.title if titled else o.text
            if not s.text or not obj:
                continue                                 # an argument that names nobody
            span = (min(s.start, o.start, trig[0]), max(s.end, o.end, trig[1]))
            out.append(v.relation(s.text, frame.predicate, obj, frame.rule, span, subject_id=s.id,
                                  object_id="" if titled else o.id, counterpart=counterpart))
            _decorate(v, out[-1], trig, frame, state)
    return out


def _decorate(v: View, r: Relation, trig: tuple[int, int], frame: Frame, state: DocState) -> None:
    """The trigger clause's modality (planned for a future event), polarity, period and speaker."""
    k = trig[0]
    r.modality = modality_for(v, k, True, frame.modality, event=True)
    r.polarity = polarity_for(v, k)
    if r.polarity == "negative" and r.modality == "actual":
        r.modality = "planned"          # a cancelled or refused event was a planned one
    r.period = period_for(v, k)
    r.attributed_to = attribution(v, state)[0]


def events(v: View, state: DocState, speakers: set[int]) -> list[Relation]:
    """The facts of every event frame whose triggers the sentence holds."""
    hits = _all_hits(v)
    if not hits:
        return []
    out = []
    for frame in event_frames():
        if frame.rule in hits:
            out += frame_facts(v, frame, state, speakers)
    return out
