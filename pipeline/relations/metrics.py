"""Metric frames: a value amount (money, percent, basis points, a count or a quantity of goods), the
metric it measures (metric_nouns.py), its owner (metric_owners.py) and counterpart (owners.py), and the
value's aspect, modality, polarity, period and attribution.

An amount restated in another unit ('2 अरब डॉलर, लगभग 16,600 करोड़ रुपये के बराबर') gives a second fact with
the same fields. A value with no metric noun of its own continues the previous fact after an explicit
anaphor (यह, यह आंकड़ा). A bare head noun (घाटा, यह भंडार) continues the paragraph's last metric of its
set, and takes that fact's owner and counterpart when its sentence names none. No owner found, no
fact: a fact stated wrongly is worse than none."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.doc import Relation
from ..entities.gazetteers import key_tokens
from .anaphora import DocState
from .attributes import aspect_for, attribution, modality_for, period_for, polarity_for, window
from .frames import metrics
from .lexicon import cc, marker, markers_of, phrases, table, words
from .metric_nouns import (continuer_before, denominator_before, has_anaphor, is_verb, metric_for, metric_words,
                           resolve_heads)
from .metric_lists import coordinated, list_party, listing, partners, slot_of
from .metric_owners import body_reports, find_owner, ranks_recipients, relative_after, see_government, speaker_chain, standing_party
from .metric_memory import attribute_back, carried_period, remember_metric, reporting_period
from .metric_passage import UNSURE
from .counterparts import DOMESTIC, find_counterpart, whole, world_total
from .owners import TRADE, anaphor_kind
from .respectively import assign as assign_in_order, listed_numbers
from .view import View

VALUE_KINDS = ("money", "percent", "basis_points")


@dataclass(frozen=True)
class Multiple:
    """A change written as a multiple (दोगुना): a value of the growth aspect that is no amount."""
    text: str
    kind: str = "multiple"
    id: str = ""
    qualifier: str = ""


def _values(v: View) -> list[tuple[int, int, object]]:
    """Money, percent and basis points; a plain number with a scale (4,850 करोड़) or a count noun
    after it (41,124 इकाइयों); a quantity of goods (15 लाख टन); a multiple stated as a change."""
    out, goods = [], table("goods_units.tsv", "unit", "unit")
    for i, j, a in v.amounts():
        if a.kind in VALUE_KINDS or (a.kind == "number" and (a.scale or phrases("count_units.tsv").at(v.keys, j))) \
                or (a.kind == "quantity" and a.unit in goods):
            out.append((i, j, a))
    restate = cc("restatement", "approximator")
    for i, j, _ in v.find(phrases("multipliers.tsv")):
        if v.keys[j:j + 1] and v.keys[j] in words("multiplier_verbs.tsv") or any(k in restate for k in v.keys[i - 2:i]):
            out.append((i, j, Multiple(v.text(i, j))))
    return sorted(out + listed_numbers(v, VALUE_KINDS), key=lambda x: x[0])


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


def _metric_of(v: View, chain, found, state: DocState) -> tuple:
    """(metric hit, continues the last fact, a share of a denominator) of a chain of restated values."""
    (i0, j0, _), (il, jl, _) = chain[0], chain[-1]
    nouns, continued = resolve_heads(v, found, state)
    first = denominator_before(v, i0)            # 'जीडीपी का 4 प्रतिशत, जो करीब 12 लाख करोड़ रुपये बैठता है'
    hit, share = metric_for(v, nouns, i0, j0) if first else metric_for(v, nouns, il, jl)
    if not hit and not share:
        hit, share = metric_for(v, nouns, i0, j0)
    end = _list_end(v, jl) if not hit and not share else jl
    if end != jl:                       # 'A, B और C को क्रमशः X, Y और Z डॉलर का निर्यात'
        hit, share = metric_for(v, nouns, max(k for k in v.amts if k < end), end)
    topic = _topic(state).get("predicate", "")
    if share and hit and hit[0] in continued and first and first[0] == "share":
        return None, False, share       # 'यह आंकड़ा भारत के कुल निर्यात का 12 प्रतिशत है': the last fact's share
    if hit and is_verb(v, hit) and topic and metrics().frames[topic].flow:
        return (hit[0], hit[1], topic), True, share     # 'इसके अलावा बैंक ने 40 करोड़ डॉलर मंजूर किए': the loan goes on
    return hit, bool(hit and hit[0] in continued), share


def _kept(v: View, chain, last: dict | None, predicate: str, counterpart_id: str) -> dict:
    """What the last metric keeps of a fact for the sentences after it: its unit, whether a ranking
    after it ranks recipients."""
    return dict(unit=_unit(chain, last, predicate),
                recipient_ranked=_recipient_ranked(v, chain[0][0], counterpart_id))


def _list_end(v: View, j: int) -> int:
    """The end of the last value of a list of values of one kind ('X, Y और Z') that goes on at token j."""
    kind = next((a.kind for e, a in v.amts.values() if e == j), None)
    while j < len(v.keys) and (v.keys[j] == "," or v.keys[j] in cc("coord")) and j + 1 in v.amts \
            and v.amts[j + 1][1].kind == kind:
        j = v.amts[j + 1][0]
    return j


def _unit(chain, last: dict | None, predicate: str) -> str:
    """The unit of a figure stated as a quantity ('2.1 करोड़ टन'), kept past its change in percent."""
    first, last = chain[0][2], last or {}
    if first.kind == "quantity":
        return first.unit
    return last.get("unit", "") if last.get("predicate") == predicate else ""


def _topic(state: DocState) -> dict:
    """The paragraph's last metric fact, when one of the two sentences before (or this one) stated it."""
    return state.last_metric or {} if state.sentence - state.metric_sentence <= 2 else {}


def _list_metric(v: View, chain, found, state: DocState) -> tuple | None:
    """The metric of the last value of a list of values per party, for the values before it."""
    chains = [c for c in _restatement_chains(v) if list_party(v, c[0][0], c[-1][1])]
    if len(chains) < 2 or chain is chains[-1] or chain[0][0] not in {c[0][0] for c in chains}:
        return None
    last = _metric_of(v, chains[-1], found, state)[0]
    return (chain[0][0], chain[0][0], last[2]) if last else None


def _paired(v: View, chain, predicate: str, alone: bool) -> tuple | None:
    """(party, slot) of a value written beside its party in a list of values per party (a sentence
    with two such values or more), or continuing the last metric (`alone`: no metric noun of its own)."""
    if not predicate or not listing(predicate):
        return None
    pair = list_party(v, chain[0][0], chain[-1][1])
    slot = slot_of(predicate, pair) if pair else ""
    if not slot or not (alone or sum(1 for c in _restatement_chains(v) if list_party(v, c[0][0], c[-1][1])) > 1):
        return None
    return pair, slot


def _parties(v: View, predicate: str, i0: int, found: tuple, ctx: tuple) -> tuple:
    """(owner, its id, counterpart) from the owner finders, the value's list party and the topic."""
    return _one_side(_found_parties(v, predicate, i0, found, ctx), predicate)


def _found_parties(v: View, predicate: str, i0: int, found: tuple, ctx: tuple) -> tuple:
    owner, oid, other, paired, topic = found
    same = topic.get("predicate") == predicate
    if paired and paired[1] == "subject" and ranks_recipients(topic, predicate):
        return "", "", (paired[0][0], paired[0][1])           # a ranking of recipients
    if paired and paired[1] == "subject":
        owner, oid = paired[0][0], paired[0][1]
        counterpart = find_counterpart(v, predicate, i0, owner)
        if not counterpart[0] and same and topic.get("subject") != owner:
            counterpart = topic.get("counterpart", ("", ""))
        return owner, oid, counterpart
    if paired:
        listed = {p[0] for p in (list_party(v, c[0][0], c[-1][1]) for c in _restatement_chains(v)) if p}
        if (not owner or owner in listed and not _direct_in_clause(v, owner, i0)) and same:
            owner, oid = topic.get("subject", ""), ""
        return owner, oid, (paired[0][0], paired[0][1])
    counterpart = other or find_counterpart(v, predicate, i0, owner or "", ctx[2], noun=ctx[1])
    ranked = not counterpart[0] and metrics().frames[predicate].list_party == "counterpart" and i0 in v.amts \
        and standing_party(v, i0, set())
    if ranked and ranked.label == "LOC" and ranked.text != owner:
        counterpart = (ranked.text, ranked.id)        # 'X N के साथ भारत के निर्यात में तीसरे स्थान पर'
    total = metrics().frames[predicate].pair_partner and whole(v, i0)      # 'जबकि कुल आयात': no partner carried
    if ctx[0] and not counterpart[0] and owner == topic.get("subject") and not total:
        counterpart = topic.get("counterpart", ("", ""))      # a head noun continues the last fact
    return owner, oid, counterpart


def _direct_in_clause(v: View, owner: str, i: int) -> bool:
    """Is the owner named in the direct case (no case marker after it) in the value's clause ('..., जबकि
    भारत यूएई में 5 अरब डॉलर लगाएगा': भारत acts here, though it was the partner of the value before)?"""
    return any(e.text == owner and v.clause(a) == v.clause(i) and a < i and v.keys[b:b + 1] and b not in v.amts
               and v.keys[b] not in cc("case", "genitive") and v.keys[b] != "(" for a, b, e in v.entities())


def _one_side(parties: tuple, predicate: str) -> tuple:
    """'भारत और ओमान के व्यापार में तेजी आई। ओमान को निर्यात 31 करोड़ डॉलर रहा': a one-sided trade figure
    of the pair the passage is about, to one member of it, is the other member's."""
    owner, oid, counterpart = parties
    pair = (owner or "").split("-")
    if metrics().frames[predicate].pair_partner and len(pair) == 2 and counterpart[0] in pair:
        return pair[1 - pair.index(counterpart[0])], "", counterpart
    return parties


def _head_of(v: View, predicate: str, counterpart: tuple, mi: int, i0: int) -> tuple[str, tuple]:
    """An allocation for a budget head is that head's figure ('रक्षा जरूरतों के लिए 3 लाख करोड़ रुपये रखे': the
    defence budget; 'पूंजीगत व्यय के लिए N का प्रावधान': capital expenditure), and so are the values after it
    of the same noun ('..., जो पिछले साल से 11 प्रतिशत अधिक है')."""
    renamed = v._found.setdefault("renamed", {})
    if predicate != "allocation":
        return predicate, counterpart
    head = table("budget_heads.tsv", "head", "predicate").get((counterpart[0].split() or [""])[0]) or \
        _metric_named(counterpart[0]) or (_purpose_before(v, i0) if not counterpart[0] else "")
    if head and not counterpart[1]:
        renamed[mi] = head
        return head, ("", "")
    return renamed.get(mi, predicate), counterpart


def _purpose_before(v: View, i: int) -> str:
    """The public spending metric (a frame marked `public`: capital expenditure) named by a metric noun
    closed by के लिए right before the value ('पूंजीगत व्यय के लिए N'); not a purpose of another kind
    ('निर्यात के लिए N': no export figure)."""
    for_ = marker("for").split()
    k = i - len(for_)
    if k < 1 or v.keys[k:i] != for_:
        return ""
    hit = next((h for h in v.find(metrics().triggers) if h[1] == k and h[2]), None)
    return hit[2] if hit and metrics().frames[hit[2]].public and metrics().frames[hit[2]].self_reported else ""


def _metric_named(text: str) -> str:
    """The metric a recipient written as a plain noun names ('पूंजीगत व्यय के लिए 11 लाख करोड़ रुपये')."""
    keys = key_tokens(text) if text else []
    hit = metrics().triggers.at(keys, 0)
    return hit[1] if hit and hit[0] == len(keys) else ""


def _agent_written(v: View, i: int) -> bool:
    """An agent or on-whose-behalf marker in the value's clause (after a noun that is no name)."""
    agents = (marker("agent"), marker("passive_agent")) + markers_of("behalf")
    return any(" ".join(v.keys[k:k + len(m.split())]) == m for k in window(v, i) for m in agents)


def _quantity_of(v: View, hit, i0: int, topic: dict, unit: str) -> bool:
    """A quantity (15 लाख टन) is a figure only with a metric noun of its own clause (or of the clause a
    relative one continues), or after an anaphor continuing a figure in its unit ('यह 12 लाख टन था')."""
    if hit:
        return v.clause(hit[0]) == v.clause(i0) or relative_after(v, hit[0], i0)
    return topic.get("unit") == unit


def _continued(v: View, topic: dict, share, i0: int) -> dict | None:
    """A value with no metric noun continues the paragraph's last metric when an anaphor points back
    ('यह 8.1 प्रतिशत थी': a growth rate), with a partner of its own when the sentence marks one ('इसी
    तरह इराक से यह 30 अरब डॉलर')."""
    anaphor = has_anaphor(v) or share and continuer_before(v, i0)
    if not topic or not anaphor:
        return None
    inherent = metrics().inherent.get(" ".join(topic.get("trigger", ())), "")
    other = find_counterpart(v, topic["predicate"], i0, topic.get("subject") or "")
    return dict(topic, inherent=inherent, hit=False, share=share, **({"counterpart": other} if other[0] else {}))


def _frame_of(v: View, chain, found, state: DocState, ctx: tuple) -> dict | None:
    """The metric frame of a chain of restated values: its metric, owner and counterpart."""
    speakers, carried = ctx
    i0, topic = chain[0][0], _topic(state)
    hit, continued, share = _metric_of(v, chain, found, state)
    if chain[0][2].kind == "quantity" and not _quantity_of(v, hit, i0, topic, chain[0][2].unit):
        return None
    of = hit[2] if hit else topic.get("predicate", "")
    if chain[0][2].kind == "multiple" and not (listing(of) or of in TRADE):
        return None                     # a multiple of trade, an investment, a transfer: not of an income
    if not hit and not topic.get("predicate"):
        hit = _list_metric(v, chain, found, state)            # 'A को 7, B को 3 और C को 2 अरब डॉलर का निर्यात'
    paired = _paired(v, chain, hit[2] if hit else topic.get("predicate", ""), not hit)
    if not hit and paired:
        hit = (i0, i0, topic["predicate"])                      # a list continues the paragraph's metric
    elif not hit:
        return _continued(v, topic, share, i0)
    mi, mj, predicate = hit
    if _world_figure(v, hit, i0) or _limited(v, hit, i0, chain[-1][1]):
        return None
    if continued and topic.get("predicate") != predicate and predicate in state.metric_at:
        topic = state.metric_at[predicate][1]            # a head noun takes up an earlier metric: its parties
    owner, oid, person, other, reporter = find_owner(v, predicate, (mi, mj), i0, (state, speakers))
    if continued and not owner and topic.get("subject") is not None and not body_reports(v, predicate):
        owner, oid = topic.get("subject", owner), ""
    owner, oid, counterpart = _parties(v, predicate, i0, (owner, oid, other, paired, topic), (continued, mi, state))
    predicate, counterpart = _head_of(v, predicate, counterpart, mi, i0)
    listed = {p[0] for p in (list_party(v, c[0][0], c[-1][1]) for c in _restatement_chains(v)) if p} \
        | coordinated(v, counterpart[0]) | partners(v, predicate)   # the partners the sentence names
    if owner is None and counterpart[0] and not _agent_written(v, i0) and \
            all(e.text in listed for a, _, e in v.entities() if e.label in ("LOC", "ORG") and a not in speakers):
        owner = ""                              # 'चीन से आयात 100 अरब डॉलर के पार': only the partner is named
    if not _owner_fits(v, state, predicate, owner or ""):
        return None                     # a price of goods ('तेल की कीमत'), a worth, a place's benefit: no fact
    unsure = owner is None              # unsure of the owner: what a later noun continues, a fact the passage
    if unsure:                          # may own (metric_passage.py), else none
        state.last_metric = dict(predicate=predicate, subject=None, counterpart=("", ""), period="",
                                 trigger=tuple(v.keys[mi:mj]))
        state.metric_sentence, owner = state.sentence, ""
    return dict(predicate=predicate, trigger=tuple(v.keys[mi:mj]), subject=owner, subject_id=oid, unsure=unsure,
                person=person or reporter, hit=mj > mi,
                inherent=metrics().inherent.get(" ".join(v.keys[mi:mj]), ""), counterpart=counterpart, share=share,
                rule="metric:party_list" if paired else "metric:value_frame", period=topic.get("period", ""))


def _world_figure(v: View, hit: tuple, i0: int) -> bool:
    """'वैश्विक वृद्धि दर 3.1 प्रतिशत': a national figure of the world, no country's (unless a country is
    written between the noun and the value: '..., जबकि भारत 6.4 प्रतिशत की दर से बढ़ेगा')."""
    mi, mj, predicate = hit
    return metrics().frames[predicate].national and world_total(v, mi) and \
        not any(mj <= a < i0 for a, _, _ in v.entities("LOC"))


def _owner_fits(v: View, state: DocState, predicate: str, owner: str) -> bool:
    """A company's figure (company_owned) needs a company named in its sentence; a body's own figure
    (body_owned: a profit) is no place's ('इस निवेश से राज्य को 200 करोड़ रुपये का लाभ होगा': a benefit)."""
    frame = metrics().frames[predicate]
    if frame.company_owned and not _company(v, state, owner):
        return False
    place = owner == state.country or owner in state.countries or anaphor_kind(owner) in ("country", "place") \
        or any(e.text == owner and e.label == "LOC" for _, _, e in v.entities())
    return not (frame.body_owned and owner and place)


def _company(v: View, state: DocState, owner: str) -> bool:
    """Is the owner an organisation named in this sentence, or the one कंपनी / उसके takes up?"""
    return bool(owner) and (owner == state.org or any(e.text == owner for _, _, e in v.entities("ORG")))


def _facts(v: View, chain, frame: dict, state: DocState, speaker: str) -> list[Relation]:
    if frame["predicate"] == "trade" and "-" in frame["subject"]:
        frame["predicate"] = "bilateral_trade"
    flow = metrics().frames[frame["predicate"]].flow
    i_first, _, first = chain[0]
    aspect = "growth" if first.kind == "multiple" else \
        aspect_for(v, chain[-1][0], chain[-1][1], frame["inherent"] if first.kind != "money" else "")
    if aspect == "level" and first.kind == "percent" and standing_party(v, i_first, set()):
        aspect = "share"                        # 'कुल निर्यात में अमेरिका 18 प्रतिशत के साथ शीर्ष पर': its share
    last_period = (state.last_metric or {}).get("current_period") or (state.last_metric or {}).get("period", "")
    counterpart, cid = frame["counterpart"] if frame["counterpart"][0] else _carried_partner(v, frame, state, i_first)
    part = _part(v, i_first) and state.last_metric or {}
    if part and not counterpart and part.get("subject") == frame["subject"]:
        counterpart, cid = part.get("counterpart", ("", ""))
    modality = modality_for(v, i_first, flow)
    if modality == "actual" and not frame["hit"]:
        modality = frame.get("modality") or modality      # "यह ... ज्यादा है": the estimate it continues
    fields = dict(counterpart=counterpart, counterpart_id=cid or state.id_of(v, counterpart), aspect=aspect,
                  period=period_for(v, i_first, last_period, figure=True) or carried_period(part.get("period", "")) or
                  ("" if frame["hit"] else carried_period(frame.get("period", ""))) or reporting_period(v, state),
                  modality=part.get("modality", modality) if modality == "actual" and part else modality,
                  polarity=polarity_for(v, i_first),
                  attributed_to=speaker or frame.get("person", ""),
                  subject_id=frame.get("subject_id", "") or state.id_of(v, frame["subject"]))
    return [v.relation(frame["subject"], frame["predicate"], a.text, frame.get("rule", "metric:value_frame"),
                       (min(i, i_first), j),
                       object_id=a.id, qualifier=a.qualifier, **fields) for i, j, a in chain]


def _recipient_ranked(v: View, i: int, counterpart_id: str) -> bool:
    """Does a ranking after the value rank its kind of counterpart: the value is ranked first ('बिहार को
    सबसे अधिक 500 करोड़ रुपये', superlatives.tsv, in its clause), or its counterpart is a state or a city
    (a region's share of a national flow)?"""
    if any(e.id == counterpart_id and e.subtype in DOMESTIC for _, _, e in v.entities("LOC")):
        return True
    return any(p[0] < i and v.clause(p[0]) == v.clause(i) for p in v.find(phrases("superlatives.tsv")))


def _part(v: View, i: int) -> bool:
    """Is the value a part of the figure before it ('इनमें से आधी रकम कर्ज के रूप में', part_openers.tsv)?"""
    return any(p[0] < i and v.clause(p[0]) == v.clause(i) for p in v.find(phrases("part_openers.tsv")))


def _current_period(period: str, state: DocState) -> str:
    """The period a later 'इसी महीने' points back to: this one, unless it is a comparison base's time
    (base_time_words.tsv: 'पिछले साल नवंबर'), then the one kept before."""
    if period and not phrases("base_time_words.tsv").at(key_tokens(period), 0):
        return period
    return (state.last_metric or {}).get("current_period", "")


def _carried_partner(v: View, frame: dict, state: DocState, i: int) -> tuple[str, str]:
    """The partner of a one-sided trade figure that writes none: the pair's other member, else the partner
    of this sentence's figure before it."""
    partner = _pair_partner(frame, state)
    return partner if partner[0] else _sentence_partner(v, frame, state, i)


def _sentence_partner(v: View, frame: dict, state: DocState, i: int) -> tuple[str, str]:
    """'भारत का रूस से आयात 61 अरब डॉलर रहा, जबकि निर्यात 4 अरब डॉलर': a one-sided trade figure of the owner
    of this sentence's trade figure before it (or, like it, of no owner written: 'चीन को निर्यात N और आयात M'),
    with no partner and no total of its own (कुल), has its partner."""
    last, frames = state.last_metric or {}, metrics().frames
    if not (frames[frame["predicate"]].pair_partner and state.metric_sentence == state.sentence
            and last.get("subject") == frame["subject"] and last.get("predicate") in frames
            and frames[last["predicate"]].pair_partner):
        return "", ""
    return ("", "") if whole(v, i) else tuple(last.get("counterpart") or ("", ""))


def _pair_partner(frame: dict, state: DocState) -> tuple[str, str]:
    """The other party of the pair whose trade the previous fact stated, for a one-sided trade fact
    of one of them ('भारत-रूस व्यापार 65 अरब डॉलर ... भारत का निर्यात 4 अरब डॉलर': to रूस)."""
    text, sentence = state.trade_pair
    pair = text.split("-")
    if metrics().frames[frame["predicate"]].pair_partner and len(pair) == 2 and frame["subject"] in pair \
            and state.sentence - sentence <= 2:
        return pair[1 - pair.index(frame["subject"])], ""
    return "", ""


def metric_facts(v: View, state: DocState, rule: str) -> list[Relation]:
    """The metric facts of the sentence made by one rule (metric:value_frame, metric:party_list); the
    sentence is read once, by the first rule asking."""
    if "metric_facts" not in v._found:
        v._found["metric_facts"] = _sentence_facts(v, state)
    return [r for r in v._found["metric_facts"] if r.rule == rule]


def _stake(v: View, value) -> bool:
    """'कंपनी में 1.2 प्रतिशत हिस्सेदारी मिलेगी': a percentage with a share noun right after it and a verb
    of acquiring or selling a stake (stake_verbs.tsv) after that is a stake in a company, no figure."""
    i, j, a = value
    if getattr(a, "kind", "") != "percent" or j >= len(v.keys) or v.keys[j] not in words("share_nouns.tsv"):
        return False
    return any(k in words("stake_verbs.tsv") for k in v.keys[j + 1:j + 4])


def _other_measure(v: View, value) -> bool:
    """'निवेश पर 7.5 प्रतिशत का ब्याज': a value right before a noun it measures that is no metric of the
    inventory (other_measures.tsv, past a genitive)."""
    j = value[1] + (1 if value[1] < len(v.keys) and v.keys[value[1]] in cc("genitive") else 0)
    if j >= len(v.keys) or v.keys[j] not in words("other_measures.tsv"):
        return False
    return not any(j < m[0] <= j + 2 for m in metric_words(v))     # 'N का ब्याज मुक्त ऋण': the loan's


def _limited(v: View, hit: tuple, i0: int, j0: int) -> bool:
    """'विदेशी निवेश की सीमा 74 प्रतिशत', '74 प्रतिशत तक विदेशी निवेश की अनुमति': a value written as a
    limit of the metric (limit_words.tsv after the noun and at most four words before the value, or a
    permission or a need within five words after both, in the value's clause)."""
    mi, mj, _ = hit
    return any(mj <= a < i0 and _values_follow(v, a, i0) or where == "after" and max(mj, j0) <= a < max(mj, j0) + 5
               and v.clause(a) == v.clause(i0) for a, _, where in v.find(phrases("limit_words.tsv")))


def _values_follow(v: View, k: int, i0: int) -> bool:
    """Is the value at i0 one of the values written right after token k, each within four words of the
    one before ('सीमा 74 प्रतिशत से बढ़ाकर 100 प्रतिशत')?"""
    while True:
        nxt = min((s for s in v.amts if k < s <= k + 4), default=None)
        if nxt is None or nxt > i0:
            return False
        if nxt == i0:
            return True
        k = v.amts[nxt][0] - 1


def _sentence_facts(v: View, state: DocState) -> list[Relation]:
    found = metric_words(v)
    if not found and not v.amts and phrases("multipliers.tsv").firsts.isdisjoint(v.keys):
        speaker = attribution(v, state)[0]       # no value and no metric noun: nothing to state or remember
        if speaker:
            attribute_back(v, state, speaker)
        see_government(v, state)
        return []
    speaker, speakers = attribution(v, state)
    speakers = speaker_chain(v, speakers) if speakers else speakers
    if speaker and speaker.split()[-1] in words("document_nouns.tsv") and not v.ent_ending(max(speakers) + 1):
        speaker = ""                            # 'बजट दस्तावेजों के अनुसार': a document, nobody's statement
    out, main_period = [], ""
    # an anaphor continues the last metric of this sentence or of the two before it
    carried = state.last_metric if state.last_metric and state.sentence - state.metric_sentence <= 2 else None
    for chain in _restatement_chains(v):
        if _stake(v, chain[0]) or _other_measure(v, chain[-1]):
            continue
        frame = _frame_of(v, chain, found, state, (speakers, carried))
        if not frame or frame["subject"] is None:
            continue
        facts = _facts(v, chain, frame, state, speaker)
        out += facts
        if frame.get("unsure"):
            for r in facts:
                r.score = UNSURE
            continue
        if any(e.text == facts[0].counterpart and e.subtype == "country" for _, _, e in v.entities("LOC")):
            state.partners[facts[0].counterpart] = state.partners.get(facts[0].counterpart, 0) + 1
        if frame["predicate"] == "bilateral_trade" and frame["subject"].count("-") == 1:
            state.trade_pair = (frame["subject"], state.sentence)
        state.owner, state.metric_sentence = frame["subject"] or state.owner, state.sentence
        main_period = main_period or facts[0].period          # what इस दौरान later points back to
        if state.last_metric and state.last_metric.get("subject") is not None and _part(v, chain[0][0]):
            continue                                          # a part: the whole stays the last figure
        state.last_metric = dict(predicate=frame["predicate"], subject=frame["subject"],
                                 current_period=_current_period(main_period, state),
                                 counterpart=(facts[0].counterpart, facts[0].counterpart_id), period=main_period,
                                 trigger=frame.get("trigger", ()), modality=facts[0].modality,
                                 **_kept(v, chain, state.last_metric, frame["predicate"], facts[0].counterpart_id))
        state.metric_at[frame["predicate"]] = (state.sentence, state.last_metric)
    assign_in_order(v, out)                     # 'A, B और C को ... क्रमशः X, Y और Z'
    if not any(r.score > UNSURE for r in out) and found:
        remember_metric(v, found, state, speakers)
    if not out and speaker:
        attribute_back(v, state, speaker)
    see_government(v, state)
    if out:
        state.last_metric = dict(state.last_metric or {}, facts=out, facts_sentence=state.sentence)
    return out
