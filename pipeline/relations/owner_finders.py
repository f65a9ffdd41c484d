"""The owner finders of a metric frame, tried in the order of frames.yaml (`metrics.owner`): each
reads one construction (owners.py) and says who owns the value, or nothing; a body never owns a
country's figure (`national` metrics), and when the sentence names parties but none is the owner the
frame is unsure (no fact)."""
from __future__ import annotations

from .attributes import resolve_party, window
from .frames import metrics
from .lexicon import marker, table
from .owners import (TRADE, agent_owner, genitive_owner, giver_office, nominative_owner, pair_before,
                     pronoun_owner, source_giver)
from .view import View


def find_owner(v: View, predicate: str, span: tuple[int, int], i: int, ctx: tuple) -> tuple:
    """(owner, its id, the person who announces it, counterpart override) by the owner finders of
    frames.yaml in order; owner "" when the passage names no party at all; None when unsure."""
    state, speakers = ctx
    national = metrics().frames[predicate].national
    bodies = {e.text for _, _, e in v.entities("ORG")} | {state.aliases.get(e.text, "") for _, _, e in v.entities("ORG")}
    for name in metrics().owner:
        found = OWNER_FINDERS[name](v, predicate, span, i, ctx)
        if found is not None and found[0] and not (national and found[0] in bodies):
            return found                # a body never owns a country's figure: it reports it
    named = [e for a, b, e in v.entities() if e.label in (("LOC",) if national else ("LOC", "ORG"))
             and a not in speakers]
    w = window(v, i)
    agent = any(v.keys[k] == marker("agent") and k not in speakers and k - 1 not in speakers for k in w)
    return (None if named or state.owner or agent else ""), "", "", None


def _pair(v, predicate, span, i, ctx):
    if predicate in TRADE:
        text, ids = pair_before(v, span[1], ctx[0])
        return text, ids, "", None
    return None


def _direction(v, predicate, span, i, ctx):
    found = source_giver(v, i, predicate, ctx[0])
    if found:
        giver, taker = found
        return giver.text, giver.id, "", (taker.text, taker.id) if taker else None
    return None


def _genitive(v, predicate, span, i, ctx):
    return genitive_owner(v, span[0], ctx[1], ctx[0], predicate), "", "", None


def _agent(v, predicate, span, i, ctx):
    return agent_owner(v, i, ctx[1]), "", "", None


def _pronoun(v, predicate, span, i, ctx):
    w = window(v, i)
    kinds = table("owner_anaphors.tsv", "word", "refers_to")
    if any(kinds.get(v.keys[k]) == "owner" and v.keys[k].endswith(marker("agent")) for k in w if k < i):
        return pronoun_owner(v, ctx[0]), "", "", None     # 'कंपनी ने बताया कि ... उसने 55,074 इकाइयां बेची'
    return None


def _office(v, predicate, span, i, ctx):
    if metrics().frames[predicate].flow:
        found = giver_office(v, window(v, i), ctx[1])
        if found:
            return found[0], "", found[1], None
    return None


def _nominative(v, predicate, span, i, ctx):
    return nominative_owner(v, i, ctx[1]), "", "", None


def _country(v, predicate, span, i, ctx):
    state = ctx[0]
    kinds = table("owner_anaphors.tsv", "word", "refers_to")
    if state.country and any(kinds.get(v.keys[k]) == "country" for k in window(v, i)):
        return state.country, "", "", None
    return None


def _speaker_body(v, predicate, span, i, ctx):
    """A body reporting its own figures ('कंपनी ने बताया कि ...', 'सरकार ने ... की घोषणा की') owns
    them when nothing else does; a person who reports never does."""
    state, speakers = ctx
    if v.syn is None or not v.syn.attributions or not metrics().frames[predicate].self_reported:
        return None
    a, b = v.syn.attributions[0].speaker
    hit = v.ent_ending(b)
    if hit and hit[0] >= a and hit[1].label == "ORG":
        return state.aliases.get(hit[1].text, hit[1].text), hit[1].id, "", None
    kinds = table("owner_anaphors.tsv", "word", "refers_to")
    if b - a == 1 and kinds.get(v.keys[a]) in ("self", "ORG"):
        return resolve_party(v, (a, b), state), "", "", None
    return None


def _carried(v, predicate, span, i, ctx):
    state = ctx[0]
    if state.owner and state.sentence - state.metric_sentence <= 2:
        return state.owner, "", "", None
    return None


OWNER_FINDERS = {"pair": _pair, "direction": _direction, "demonym": _genitive, "genitive": _genitive,
                 "agent": _agent, "pronoun": _pronoun, "giver_office": _office, "nominative": _nominative,
                 "country": _country, "speaker_body": _speaker_body, "carried": _carried}
