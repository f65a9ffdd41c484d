"""Roles and the constructions of membership that are not a trigger with slots: a person and the title
of office the entities stage found before the name (role), and a grouping with its members in brackets
(member_of: 'आसियान समूह (इंडोनेशिया, मलेशिया, थाईलैंड और वियतनाम)')."""
from __future__ import annotations

from ..core.doc import Relation
from ..syntax.features import features_of
from .anaphora import DocState
from .argument import fits, groups
from .arguments import build
from .lexicon import phrases
from .view import View

PARTY = frozenset({"party"})


def _is_name(v: View, i: int, j: int) -> bool:
    """A name holds no verb form: a 'person' ending in a finite or future verb is a tagging error."""
    for k in range(i, j):
        if v.tag(k) in ("LV", "AUX") or features_of([v.keys[k]], []).tense == "future":
            return False
    return not (j < len(v.keys) and v.tag(j) == "AUX" and features_of([v.keys[j]], []).tense)


def roles(v: View, state: DocState) -> list[Relation]:
    """प्रधानमंत्री नरेंद्र मोदी -> (नरेंद्र मोदी, role, प्रधानमंत्री)."""
    out = []
    for i, j, ent in v.entities("PER"):
        if ent.role and _is_name(v, i, j):
            r = v.relation(state.full_name(ent.text), "role", ent.role, "role:title_before_name", subject_id=ent.id)
            r.start, r.end, r.text = ent.role_start, ent.end, v.doc.text[ent.role_start:ent.end]
            out.append(r)
    return out


def bracket_members(v: View, state: DocState) -> list[Relation]:
    """A grouping followed by its members in brackets: 'ब्रिक्स (भारत, ब्राजील और चीन)', 'ब्रिक्स समूह
    (भारत, ...)': one member_of fact per member (a Latin gloss first is skipped: ब्रिक्स (BRICS))."""
    out = []
    if "(" not in v.keys or not any(e.subtype == "grouping" for _, _, e in v.entities("ORG")):
        return out
    args = build(v, state)
    for a in args:
        if a.kind != "body" or a.subtype != "grouping" or a.anaphor:
            continue
        k = a.end
        if v.keys[k:k + 1] == ["("] and v.keys[k + 2:k + 3] == [")"] and v.tokens[k + 1].text.isascii():
            k += 3
        hit = phrases("party_anaphors.tsv").at(v.keys, k)
        if hit and hit[1] == "group":
            k += hit[0]                              # 'ब्रिक्स समूह (...)'
        if v.keys[k:k + 1] != ["("]:
            continue
        inner = next((g for g in groups(args) if g[0].start == k + 1), [])
        members = [m for m in inner if fits(m, PARTY) and m.kind == "place"]
        if len(members) >= 2:
            out += [v.relation(m.text, "member_of", a.text, "member_of:members_in_brackets", (a.start, m.end),
                               subject_id=m.id, object_id=a.id) for m in members]
    return out
