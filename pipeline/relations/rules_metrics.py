"""Metric frames: a value amount (money, percent, basis points), the metric it measures, the metric's
owner, the counterpart, and the value's aspect, modality, polarity, period and attribution.

The metric is the metric word the amount modifies ('10 अरब डॉलर के ऋण'), else the nearest one before
it in its clause, then in its sentence, else (after an explicit anaphor: यह, इस ...) the previous
sentence's. An amount restated in another unit ('2.33 करोड़ डॉलर यानी करीब 194 करोड़ रुपये') gives a
second fact with the same fields. No owner found, no fact: a fact stated wrongly is worse than none."""
from __future__ import annotations

from ..core.doc import Relation
from ..syntax.attribution import GENITIVE
from .frame_parts import (QUALIFIER_AFTER, DocState, anaphors, aspect_for, attribution, modality_for, pair_before,
                          period_for, polarity_for, reference_nouns)
from .owners import TRADE, find_counterpart, find_owner, genitive_owner
from .view import View, lists

VALUE_KINDS = ("money", "percent", "basis_points")
RESTATE = frozenset({"यानी", "यानि", "या", "अर्थात", "(", "करीब", "लगभग", "तकरीबन", "मतलब"})
MAX_BEFORE = 20        # tokens between a metric word and an amount of it in the same sentence


def _metric_words(v: View) -> list[tuple[int, int, str]]:
    """Metric words outside names (the आयात of 'निर्यात-आयात बैंक' is part of a name)."""
    inside = {k for i, j, _ in v.entities() for k in range(i, j)}
    return [m for m in v.find(lists().metrics) if m[0] not in inside]


def _values(v: View) -> list[tuple[int, int, object]]:
    """Money, percent and basis points; a plain number with a scale (4,850 करोड़) or a count noun
    after it (41,124 इकाइयों)."""
    out = []
    for i, j, a in v.amounts():
        if a.kind in VALUE_KINDS or (a.kind == "number" and (a.scale or lists().count_units.at(v.keys, j))):
            out.append((i, j, a))
    return out


def _restatement_chains(v: View) -> list[list[tuple[int, int, object]]]:
    chains: list[list] = []
    for i, j, a in _values(v):
        between = v.keys[chains[-1][-1][1]:i] if chains else []
        if between and len(between) <= 4 and all(k in RESTATE or k == "," for k in between) \
                and any(k != "," for k in between):
            chains[-1].append((i, j, a))
        else:
            chains.append([(i, j, a)])
    return chains


def _metric_for(v: View, metrics, i: int, j: int) -> tuple[int, int, str] | None:
    fill, dem = lists().fillers, lists().demonyms
    k = j
    if v.keys[k:k + 1] == ["से"] and v.keys[k + 1:k + 2] and v.keys[k + 1] in QUALIFIER_AFTER:
        k += 2                                  # '12.3 बिलियन डॉलर से ज्यादा के रियायती ऋण'
    starts = {m[0]: m for m in metrics}
    plain = 0
    while k < len(v.keys) and k - j < 6 and k not in starts:
        unit = lists().count_units.at(v.keys, k)
        if v.keys[k] in fill or v.keys[k] in dem:
            k += 1
        elif unit:
            k += unit[0]                        # '10,400 यात्री वाहन बेचे'
            plain = 1
        elif plain == 0 and k > j and v.keys[k - 1] in GENITIVE and v.tokens[k].kind == "word" \
                and k not in v.ents:
            plain, k = 1, k + 1                 # one adjective: 'के रियायती ऋण'
        else:
            break
    if k in starts:
        return starts[k]
    syn = v.syn
    cl = syn.clause_of[i] if syn is not None and i < len(syn.clause_of) else -1
    before = [m for m in metrics if m[1] <= i and i - m[1] <= MAX_BEFORE]
    same = [m for m in before if syn is not None and syn.clause_of[m[0]] == cl]
    pick = (same or before or [None])[-1]
    if pick and pick[2] == "gdp" and v.keys[pick[1]:pick[1] + 1] in (["के"], ["का"]):
        earlier = [m for m in (same or before) if m[1] <= pick[0] and m[2] != "gdp"]
        if earlier:
            return earlier[-1]                  # 'घाटे को जीडीपी के 4.9 प्रतिशत': a share of GDP
    return pick


def _has_anaphor(v: View) -> bool:
    """A pronoun that stands for the previous fact ('तब से यह 65 बिलियन डॉलर', 'यह आंकड़ा'), not a
    determiner of another noun ('इस बीच, सरकार ने ...')."""
    tags = v.syn.tags if v.syn is not None else []
    for k, key in enumerate(v.keys):
        if key in anaphors():
            n = k + 1
            while n < len(v.keys) and v.keys[n] in RESTATE:      # 'यह करीब 118 अरब डॉलर'
                n += 1
            nxt = v.keys[n] if n < len(v.keys) else ""
            if nxt in reference_nouns() or (n < len(tags) and tags[n] not in ("W", "DET")) or n in v.amts:
                return True
    return False


def _remember_metric(v: View, metrics, state: DocState, speaker_tokens: set[int]) -> None:
    """A sentence naming a metric of a named owner without a value ('भारत-रूस द्विपक्षीय व्यापार में
    2023-24 में तीव्र वृद्धि हुई') is what a following 'यह 65 बिलियन डॉलर' continues."""
    for mi, mj, predicate in metrics:
        owner = (pair_before(v, mj, state) if predicate in TRADE else "") or \
            genitive_owner(v, mi, speaker_tokens, state)
        if owner:
            if predicate == "trade" and "-" in owner:
                predicate = "bilateral_trade"
            state.last_metric = dict(predicate=predicate, subject=owner, counterpart="",
                                     period=period_for(v, mi))
            state.owner, state.metric_sentence = owner, state.sentence
            return


def metric_frames(v: View, state: DocState) -> list[Relation]:
    metrics = _metric_words(v)
    speaker, speaker_tokens = attribution(v, state)
    out: list[Relation] = []
    has_anaphor = _has_anaphor(v)
    main_period = ""
    # an anaphor continues the last metric of this sentence or of the two before it
    carried = state.last_metric if state.last_metric and state.sentence - state.metric_sentence <= 2 else None
    for chain in _restatement_chains(v):
        i0, j_last = chain[0][0], chain[-1][1]
        hit = _metric_for(v, metrics, chain[-1][0], j_last) or _metric_for(v, metrics, i0, chain[0][1])
        frame = None
        if hit:
            mi, mj, predicate = hit
            owner, person = find_owner(v, predicate, mi, mj, i0, speaker_tokens, state)
            inherent = lists().metric_aspect.get(" ".join(v.keys[mi:mj]), "")
            frame = dict(predicate=predicate, subject=owner, inherent=inherent, person=person,
                         counterpart=find_counterpart(v, predicate, i0, owner))
        elif has_anaphor and carried:
            frame = dict(carried, inherent="")
        if not frame or frame["subject"] is None:
            continue
        if frame["predicate"] == "trade" and "-" in frame["subject"]:
            frame["predicate"] = "bilateral_trade"
        flow = frame["predicate"] in lists().flows
        i_first, j_first, first = chain[0]
        aspect = aspect_for(v, chain[-1][0], chain[-1][1], frame["inherent"] if first.kind != "money" else "")
        last_period = (state.last_metric or {}).get("period", "")
        fields = dict(counterpart=frame["counterpart"],
                      period=period_for(v, i_first, last_period) or (frame.get("period", "") if not hit else ""),
                      aspect=aspect, modality=modality_for(v, i_first, flow), polarity=polarity_for(v, i_first),
                      attributed_to=speaker or frame.get("person", ""))
        for i, j, a in chain:
            out.append(v.relation(frame["subject"], frame["predicate"], a.text, "metric:frame", (min(i, i0), j),
                                  object_id=a.id, qualifier=a.qualifier, **fields))
        state.owner, state.metric_sentence = frame["subject"] or state.owner, state.sentence
        main_period = main_period or fields["period"]          # what इस दौरान later points back to
        state.last_metric = dict(predicate=frame["predicate"], subject=frame["subject"],
                                 counterpart=frame["counterpart"], period=main_period)
    if not out and metrics:
        _remember_metric(v, metrics, state, speaker_tokens)
    return out
