"""Metric frames: a value amount (money, percent, basis points, a count), the metric noun it measures
(frames.yaml `metrics`), the owner and counterpart (owners.py), and the value's aspect, modality,
polarity, period and attribution.

The metric is the metric noun the amount modifies ('10 अरब डॉलर के ऋण'), else the nearest one before
it in its clause, then in its sentence (a value stated as a share of a `base_of_share` noun is the
earlier metric's: 'घाटा जीडीपी के 4.4 प्रतिशत'), else (after an explicit anaphor: यह, यह आंकड़ा) the
previous sentence's. An amount restated in another unit ('2.33 करोड़ डॉलर यानी करीब 194 करोड़ रुपये')
gives a second fact with the same fields. No owner found, no fact: a fact stated wrongly is worse
than none."""
from __future__ import annotations

from ..core.doc import Relation
from .anaphora import DocState
from .attributes import aspect_for, attribution, modality_for, period_for, polarity_for
from .frames import metrics
from .lexicon import cc, phrases, post_qualifiers, table, words
from .owner_finders import find_owner
from .owners import TRADE, find_counterpart, genitive_owner, pair_before
from .view import View

VALUE_KINDS = ("money", "percent", "basis_points")     # and quantities (15 लाख टन) with a metric noun
MAX_BEFORE = 20        # tokens between a metric noun and an amount of it in the same sentence


def metric_words(v: View) -> list[tuple[int, int, str]]:
    """Metric nouns outside names (the आयात of 'निर्यात-आयात बैंक' is part of a name)."""
    inside = {k for i, j, _ in v.entities() for k in range(i, j)}
    found = [m for m in v.find(metrics().triggers) if m[0] not in inside]
    ends = {m[1] for m in found}          # 'सकल घरेलू उत्पाद (जीडीपी)': the short form in brackets is no second one
    return [m for m in found if not (m[0] > 0 and v.keys[m[0] - 1] == "(" and m[0] - 1 in ends)]


def _values(v: View) -> list[tuple[int, int, object]]:
    """Money, percent and basis points; a plain number with a scale (4,850 करोड़) or a count noun
    after it (41,124 इकाइयों)."""
    out = []
    for i, j, a in v.amounts():
        if a.kind in VALUE_KINDS or a.kind == "quantity" or \
                (a.kind == "number" and (a.scale or phrases("count_units.tsv").at(v.keys, j))):
            out.append((i, j, a))
    return out


def _restatement_chains(v: View) -> list[list[tuple[int, int, object]]]:
    restate = cc("restatement", "approximator", "alternative") | {"("}
    chains: list[list] = []
    for i, j, a in _values(v):
        between = v.keys[chains[-1][-1][1]:i] if chains else []
        if between and len(between) <= 4 and all(k in restate or k == "," for k in between) \
                and any(k != "," for k in between):
            chains[-1].append((i, j, a))
        else:
            chains.append([(i, j, a)])
    return chains


def _verb_after(v: View, j: int) -> tuple[int, int, str] | None:
    """A verb naming the metric right after the value: '20,516 करोड़ रुपये आवंटित किए'."""
    for k in range(j, min(len(v.keys), j + 2)):
        for frame in metrics().frames.values():
            if v.keys[k] in frame.after:
                return k, k + 1, frame.predicate
    return None


def _metric_after(v: View, j: int, starts: dict) -> tuple[int, int, str] | None:
    """The metric noun the value modifies: '10 अरब डॉलर के [रियायती] ऋण', '10,400 यात्री वाहन बेचे'."""
    fill, dem, gen = words("fillers.tsv"), table("demonyms.tsv", "adjective", "country"), cc("genitive")
    past = post_qualifiers().at(v.keys, j)
    k = j + past[0] if past else j              # '2 अरब डॉलर से अधिक के सस्ते ऋण', '50 लाख रुपये तक का ऋण'
    plain = 0
    while k < len(v.keys) and k - j < 6 and k not in starts:
        unit = phrases("count_units.tsv").at(v.keys, k)
        if v.keys[k] in fill or v.keys[k] in dem:
            k += 1
        elif unit:
            k, plain = k + unit[0], 1
        elif plain == 0 and k > j and v.keys[k - 1] in gen and v.tokens[k].kind == "word" and k not in v.ents:
            plain, k = 1, k + 1                 # one adjective: 'के रियायती ऋण'
        else:
            break
    return starts.get(k)


def _metric_for(v: View, found, i: int, j: int) -> tuple[int, int, str] | None:
    hit = _metric_after(v, j, {m[0]: m for m in found}) or _verb_after(v, j)
    if hit:
        return hit
    cl = v.clause(i)
    before = [m for m in found if m[1] <= i and i - m[1] <= MAX_BEFORE]
    same = [m for m in before if v.syn is not None and v.clause(m[0]) == cl]
    pick = (same or before or [None])[-1]
    frames = metrics().frames
    if pick and frames[pick[2]].base_of_share and v.keys[pick[1]:pick[1] + 1] and v.keys[pick[1]] in cc("genitive"):
        earlier = [m for m in (same or before) if m[1] <= pick[0] and not frames[m[2]].base_of_share]
        # a share of the base noun is the earlier metric's value ('यह जीडीपी का 2.9 प्रतिशत': the last one's)
        return earlier[-1] if earlier else None
    return pick


def _has_anaphor(v: View) -> bool:
    """A pronoun that stands for the previous fact ('तब से यह 65 बिलियन डॉलर', 'यह आंकड़ा'), not a
    determiner of another noun ('इस बीच, सरकार ने ...')."""
    restate, refs = cc("restatement", "approximator"), words("reference_nouns.tsv")
    for k, key in enumerate(v.keys):
        if key in words("continuers.tsv"):
            n = k + 1
            while n < len(v.keys) and v.keys[n] in restate:      # 'यह करीब 118 अरब डॉलर'
                n += 1
            nxt = v.keys[n] if n < len(v.keys) else ""
            if nxt in refs or (n < len(v.keys) and v.tag(n) not in ("W", "DET")) or n in v.amts:
                return True
    return False


def _remember_metric(v: View, found, state: DocState, speakers: set[int]) -> None:
    """A sentence naming a metric of a named owner without a value ('भारत-रूस द्विपक्षीय व्यापार में
    2023-24 में तीव्र वृद्धि हुई') is what a following 'यह 65 बिलियन डॉलर' continues."""
    for mi, mj, predicate in found:
        owner = (pair_before(v, mj, state)[0] if predicate in TRADE else "") or \
            genitive_owner(v, mi, speakers, state, predicate)
        if owner:
            if predicate == "trade" and "-" in owner:
                predicate = "bilateral_trade"
            state.last_metric = dict(predicate=predicate, subject=owner, counterpart=("", ""),
                                     period=period_for(v, mi), trigger=tuple(v.keys[mi:mj]))
            state.owner, state.metric_sentence = owner, state.sentence
            return


def _frame_of(v: View, chain, found, state: DocState, speakers: set[int], carried) -> dict | None:
    """The metric frame of a chain of restated values: its metric, owner and counterpart."""
    i0, j_last = chain[0][0], chain[-1][1]
    hit = _metric_for(v, found, chain[-1][0], j_last) or _metric_for(v, found, i0, chain[0][1])
    if hit and chain[0][2].kind == "quantity" and v.clause(hit[0]) != v.clause(i0):
        return None                     # a quantity (15 लाख टन) only with a metric noun of its own clause
    if not hit:
        quantity = chain[0][2].kind == "quantity"
        return dict(carried, inherent="", hit=False) if carried and _has_anaphor(v) and not quantity else None
    mi, mj, predicate = hit
    short = _short_form(v, (mi, mj), carried)
    trigger = tuple(v.keys[mi:mj]) if not short else short["trigger"]
    predicate = short["predicate"] if short else predicate
    owner, oid, person, other = find_owner(v, predicate, (mi, mj), i0, (state, speakers))
    if short and not owner and short["subject"] is not None:
        owner, oid, other = short["subject"], "", short["counterpart"]     # the last frame's owner goes on
    if owner is None:                   # unsure of the owner: no fact, but what a later noun continues
        state.last_metric = dict(predicate=predicate, subject=None, counterpart=("", ""), period="", trigger=trigger)
        state.metric_sentence = state.sentence
        return None
    counterpart = other or find_counterpart(v, predicate, i0, owner)
    return dict(predicate=predicate, subject=owner, subject_id=oid, person=person, hit=True,
                inherent=metrics().inherent.get(" ".join(v.keys[mi:mj]), ""), counterpart=counterpart,
                trigger=trigger)


def _short_form(v: View, span: tuple[int, int], carried: dict | None) -> dict | None:
    """A metric noun that shortens the last one ('चालू खाते का घाटा ... यह घाटा', 'व्यापार घाटा ...
    घाटा'): the last frame, whose metric goes on (and its owner and counterpart, when the sentence
    names no owner of its own)."""
    last = tuple((carried or {}).get("trigger", ()))
    keys = tuple(v.keys[span[0]:span[1]])
    if len(last) > len(keys) and last[-len(keys):] == keys:
        return carried
    return None


def _facts(v: View, chain, frame: dict, state: DocState, speaker: str) -> list[Relation]:
    if frame["predicate"] == "trade" and "-" in frame["subject"]:
        frame["predicate"] = "bilateral_trade"
    flow = metrics().frames[frame["predicate"]].flow
    i_first, _, first = chain[0]
    aspect = aspect_for(v, chain[-1][0], chain[-1][1], frame["inherent"] if first.kind != "money" else "")
    last_period = (state.last_metric or {}).get("period", "")
    counterpart, cid = frame["counterpart"] if frame["counterpart"][0] else _pair_partner(frame, state)
    fields = dict(counterpart=counterpart, counterpart_id=cid or state.id_of(v, counterpart), aspect=aspect,
                  period=period_for(v, i_first, last_period) or ("" if frame["hit"] else frame.get("period", "")),
                  modality=modality_for(v, i_first, flow), polarity=polarity_for(v, i_first),
                  attributed_to=speaker or frame.get("person", ""),
                  subject_id=frame.get("subject_id", "") or state.id_of(v, frame["subject"]))
    return [v.relation(frame["subject"], frame["predicate"], a.text, "metric:value_frame", (min(i, i_first), j),
                       object_id=a.id, qualifier=a.qualifier, **fields) for i, j, a in chain]


def _pair_partner(frame: dict, state: DocState) -> tuple[str, str]:
    """The other party of the pair whose trade the previous fact stated, for a one-sided trade fact
    of one of them ('भारत-रूस व्यापार 65 अरब डॉलर ... भारत का निर्यात 4 अरब डॉलर': to रूस)."""
    text, sentence = state.trade_pair
    pair = text.split("-")
    if metrics().frames[frame["predicate"]].pair_partner and len(pair) == 2 and frame["subject"] in pair \
            and state.sentence - sentence <= 2:
        return pair[1 - pair.index(frame["subject"])], ""
    return "", ""


def metric_facts(v: View, state: DocState) -> list[Relation]:
    found = metric_words(v)
    speaker, speakers = attribution(v, state)
    out: list[Relation] = []
    main_period = ""
    for chain in _restatement_chains(v):
        # an anaphor continues the last metric of this sentence or of the two before it
        carried = state.last_metric if state.last_metric and state.sentence - state.metric_sentence <= 2 else None
        frame = _frame_of(v, chain, found, state, speakers, carried)
        if not frame or frame["subject"] is None:
            continue
        facts = _facts(v, chain, frame, state, speaker)
        out += facts
        if frame["predicate"] == "bilateral_trade" and frame["subject"].count("-") == 1:
            state.trade_pair = (frame["subject"], state.sentence)
        state.owner, state.metric_sentence = frame["subject"] or state.owner, state.sentence
        main_period = main_period or facts[0].period          # what इस दौरान later points back to
        state.last_metric = dict(predicate=frame["predicate"], subject=frame["subject"],
                                 counterpart=frame["counterpart"], period=main_period,
                                 trigger=frame.get("trigger", ()))
    if not out and found:
        _remember_metric(v, found, state, speakers)
    return out
