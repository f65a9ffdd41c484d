"""The owner of a metric fact: the owner finders of frames.yaml (`metrics.owner`), tried in order
(owners.py holds the phrase finders they use). A national figure (`national: true`: GDP, inflation,
reserves ...) is a country's: a body that would own it (रिजर्व बैंक ने ... जीडीपी का अनुमान) reports
it, so it goes to attributed_to, and with no country written the subject is empty."""
from __future__ import annotations

from .anaphora import DocState
from .attributes import resolve_party, window
from .frames import metrics
from .lexicon import cc, marker, table
from .owners import (TRADE, agent_owner, genitive_owner, giver_office, marked_owner, nominative_owner, pair_before,
                     pronoun_owner, source_giver)
from .view import View

Found = tuple[str, str, str, tuple | None]     # owner, its id, the person announcing it, counterpart override


def _anaphor_kinds() -> dict[str, str]:
    return table("owner_anaphors.tsv", "word", "refers_to")


def country_like(v: View, state: DocState, owner: str) -> bool:
    """Is the owner a country or a pair of them (named here or before), or the word देश?"""
    if not owner:
        return False
    if owner in state.countries or owner == state.country or _anaphor_kinds().get(owner) == "country":
        return True
    if "-" in owner:
        return all(country_like(v, state, part) for part in owner.split("-"))
    return any(e.text == owner and e.label == "LOC" for _, _, e in v.entities())


def find_owner(v: View, predicate: str, span: tuple[int, int], i: int, ctx: tuple) -> tuple:
    """(owner, its id, the person who announces it, counterpart override, the body that reports it) by
    the owner finders in order; owner "" when the passage names no party at all (always possible for
    a national figure); None when unsure."""
    state, speakers = ctx
    national = metrics().frames[predicate].national
    reporter = ""
    for name in metrics().owner:
        found = OWNER_FINDERS[name](v, predicate, span, i, ctx)
        if found is None or not found[0]:
            continue
        if national and not country_like(v, state, found[0]):
            reporter = reporter or found[0]
            continue
        return (*found, reporter)
    if national:
        return "", "", "", None, reporter
    named = [e for a, b, e in v.entities() if e.label in ("LOC", "ORG") and a not in speakers]
    agent = any(v.keys[k] == marker("agent") and k not in speakers and k - 1 not in speakers for k in window(v, i))
    return (None if named or state.owner or agent else ""), "", "", None, ""


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


def _marked(v, predicate, span, i, ctx):
    text, eid = marked_owner(v, span[0], predicate, ctx[1])
    return text, eid, "", None


def _agent(v, predicate, span, i, ctx):
    return agent_owner(v, i, ctx[1]), "", "", None


def _pronoun(v, predicate, span, i, ctx):
    kinds = _anaphor_kinds()
    if any(kinds.get(v.keys[k]) == "owner" and v.keys[k].endswith(marker("agent")) for k in window(v, i) if k < i):
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
    """देश as the owner (देश का निर्यात, देश ने, देश ... रहा): the country the text is about; not देश in
    another case (देश में आया निवेश: the recipient; देश से हुआ निर्यात: the source)."""
    state, kinds = ctx[0], _anaphor_kinds()
    for k in window(v, i):
        nxt = v.keys[k + 1] if k + 1 < len(v.keys) else ""
        if kinds.get(v.keys[k]) == "country" and (nxt == marker("agent") or nxt not in cc("case")):
            return (state.country or v.text(k, k + 1)), "", "", None
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
    if b - a == 1 and _anaphor_kinds().get(v.keys[a]) in ("self", "ORG"):
        return resolve_party(v, (a, b), state), "", "", None
    return None


def _carried(v, predicate, span, i, ctx):
    state = ctx[0]
    if state.owner and state.sentence - state.metric_sentence <= 2:
        return state.owner, "", "", None
    return None


OWNER_FINDERS = {"pair": _pair, "direction": _direction, "demonym": _genitive, "genitive": _genitive, "marked": _marked,
                 "agent": _agent, "pronoun": _pronoun, "giver_office": _office, "nominative": _nominative,
                 "country": _country, "speaker_body": _speaker_body, "carried": _carried}
