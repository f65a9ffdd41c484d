"""The rules of the relations stage as a table of named records: each rule's name (the `rule` column of
the relations table, and the `rule` of its examples in examples.yaml), what it reads and what it writes.
The event frames of data/frames.yaml are rules too, one per frame. Rules run in this order."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ..core.doc import Relation
from .anaphora import DocState
from .events import events
from .frames import Frame, event_frames
from .metrics import metric_facts
from .roles import appositive_roles, bracket_members, delegations, roles
from .things import Context, facility_status, locations, topics
from .view import View

Run = Callable[[View, DocState, Context, set[int]], list[Relation]]


@dataclass(frozen=True)
class Rule:
    name: str
    reads: str
    writes: str
    run: Run | None                # None: an event frame, run with the others by `events`


def _frame_rule(frame: Frame) -> Rule:
    slots = ", ".join(f"{name}: {' | '.join(p.finder or (p.marker or '-') for p in s.places)}"
                      for name, s in frame.slots.items())
    return Rule(frame.rule, f"the triggers of frame {frame.rule} (frames.yaml); the arguments by slot ({slots})",
                frame.predicate, None)


def _events(v: View, state: DocState, ctx: Context, speakers: set[int]) -> list[Relation]:
    return events(v, state, speakers)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return (
        Rule("role:title_before_name", "PER entities with a title of office before the name (entities stage)",
             "role", lambda v, state, ctx, speakers: roles(v, state)),
        Rule("role:title_after_name", "PER entities followed by a comma or a bracket and a title of office with its "
             "chain (entities/data/titles.tsv)", "role", lambda v, state, ctx, speakers: appositive_roles(v, state)),
        *(_frame_rule(f) for f in event_frames()),
        Rule("events", "every event frame above, in one pass over the sentence's triggers", "",
             _events),
        Rule("meets:delegations", "a meeting noun, countries marked on whose behalf (marker_roles.tsv behalf), each with "
             "the person after it",
             "meets", lambda v, state, ctx, speakers: delegations(v, state)[:1]),
        Rule("summit:delegations", "the same two sides: their countries", "summit",
             lambda v, state, ctx, speakers: delegations(v, state)[1:]),
        Rule("member_of:members_in_brackets", "a grouping entity, then a bracketed list of countries",
             "member_of", lambda v, state, ctx, speakers: bracket_members(v, state)),
        Rule("metric:value_frame", "value amounts (money, percent, basis points, counts), the metric nouns of "
             "frames.yaml, the owner finders (owners.py), attributions", "the metrics of the inventory",
             lambda v, state, ctx, speakers: metric_facts(v, state, "metric:value_frame")),
        Rule("metric:party_list", "values each written beside a party (the party marked right before it, the value "
             "in brackets after the party, a ranking or receiving phrase: list_words.tsv, a relative pronoun with a "
             "case: relative_markers.tsv), in a list, or continuing the paragraph's last metric fact",
             "one metric fact per party (the party as counterpart or subject by the frame's markers)",
             lambda v, state, ctx, speakers: metric_facts(v, state, "metric:party_list")),
        Rule("status:units_with_status_word", "a facility entity (this or the previous sentence), unit nouns "
             "with numbers, a status phrase (status_words.tsv)", "operational, under_construction, shut_down",
             lambda v, state, ctx, speakers: facility_status(v, ctx)),
        Rule("reviews:topic_list", "a list of short topics before a discussion word (topic_words.tsv) and the "
             "agent phrase or meeting noun", "reviews", lambda v, state, ctx, speakers: topics(v, state)),
        Rule("located_in:place_of_place", "two place entities joined by a genitive, a comma or a locative "
             "with location_words.tsv",
             "located_in", lambda v, state, ctx, speakers: locations(v, state)),
    )


def rule_names() -> tuple[str, ...]:
    """The rules that make facts (their examples are in examples.yaml)."""
    return tuple(r.name for r in rules() if r.writes)


@lru_cache(maxsize=1)
def runners() -> tuple[Rule, ...]:
    """The rules the stage runs, in order (the event frames through `events`)."""
    return tuple(r for r in rules() if r.run is not None)
