"""What a metric sentence with no fact leaves for the next ones: the metric it names with its owner
(a later 'यह 65 अरब डॉलर' or 'यह दर' continues it), and the source a reporting sentence gives the facts
of the sentence before it."""
from __future__ import annotations

from ..amounts.word_tables import key as amount_key, tables as amount_tables
from .anaphora import DocState
from .attributes import period_for, periods
from .lexicon import cc, words
from .metric_owners import locative_owner
from .metric_passage import family
from .owners import TRADE, genitive_owner, pair_before
from .view import View


def remember_metric(v: View, found, state: DocState, speakers: set[int]) -> None:
    """A sentence naming a metric of a named owner without a value ('भारत-रूस द्विपक्षीय व्यापार में
    2023-24 में तीव्र वृद्धि हुई') is what a following 'यह 65 बिलियन डॉलर' continues; so is one naming a
    figure of a family (trade, public, national) with no owner written."""
    ownerless = None
    for mi, mj, predicate in found:
        if not predicate:
            continue
        located = locative_owner(v, predicate, (mi, mj), mi, (state, speakers))
        owner = (pair_before(v, mj, state)[0] if predicate in TRADE else "") or \
            genitive_owner(v, mi, speakers, state, predicate) or (located[0] if located else "")
        if owner:
            if predicate == "trade" and "-" in owner:
                predicate = "bilateral_trade"
            if predicate == "bilateral_trade" and owner.count("-") == 1:
                state.trade_pair = (owner, state.sentence)      # '... का निर्यात' later: to the other one
            state.last_metric = dict(predicate=predicate, subject=owner, counterpart=("", ""),
                                     period=period_for(v, mi, figure=True), trigger=tuple(v.keys[mi:mj]))
            state.owner, state.metric_sentence = owner, state.sentence
            return
        ownerless = ownerless or ((mi, mj, predicate) if family(predicate) else None)
    if ownerless:                   # 'पूंजीगत व्यय को बढ़ाया गया है। इस बार यह 11 लाख करोड़ रुपये है': a figure
        mi, mj, predicate = ownerless   # whose owner the passage gives (metric_passage.py)
        state.last_metric = dict(predicate=predicate, subject="", counterpart=("", ""), period=period_for(v, mi, figure=True),
                                 trigger=tuple(v.keys[mi:mj]))
        state.metric_sentence = state.sentence


def attribute_back(v: View, state: DocState, speaker: str) -> None:
    """'भारतीय रिजर्व बैंक ने यह जानकारी दी': a reporting sentence with no fact of its own whose object
    points back (a demonstrative and backward_nouns.tsv) is the source of the previous sentence's facts."""
    last = state.last_metric or {}
    if last.get("facts_sentence") != state.sentence - 1 or v.syn is None:
        return
    cue = v.syn.attributions[0].cue[0]
    back = words("backward_nouns.tsv")
    if any(v.keys[k] in cc("determiner", "pronoun") and v.keys[k + 1] in back for k in range(max(0, cue - 6), cue)):
        for r in last.get("facts", ()):
            r.attributed_to = r.attributed_to or state.aliases.get(speaker, speaker)


def reporting_period(v: View, state: DocState) -> str:
    """'वित्त वर्ष 2022-23 में ... आयात 98 अरब डॉलर रहा। दूसरी तरफ ... निर्यात 15 अरब डॉलर रह गया': a
    sentence that writes no time of its own continues the dated period (one with a number: a year, a
    fiscal year, a dated month) of the paragraph's last metric fact (of the sentence before, or carried by this one); a day
    (आज, सोमवार) is the time of one event, never carried."""
    last = state.last_metric or {}
    period = last.get("period", "")
    if periods(v) or state.sentence - state.metric_sentence not in (0, 1):
        return ""
    return carried_period(period)


def carried_period(period: str) -> str:
    """The period a later sentence may take up: a dated one (with a number) or a month ('सितंबर में');
    a day (आज, सोमवार) is the time of one event, never carried."""
    months = amount_tables().months
    return period if any(c.isdigit() for c in period) or any(amount_key(w) in months for w in period.split()) else ""
