"""Values matched in order to the parties of a list: 'A, B और C को ... क्रमशः X, Y और Z प्रतिशत' (data/
respectively.tsv). The bare numbers of such a list take the kind of the value that closes it ('12, 9 और
7 प्रतिशत': three percentages); each value's fact gets the party at its place in the list, in the slot the
list's marker gives (a counterpart marker of the frame: the counterpart; a genitive or none: the subject).
The lists must have as many parties as values, else nothing is changed."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.doc import Relation
from .frames import metrics
from .lexicon import cc, words
from .view import View


@dataclass(frozen=True)
class Listed:
    """A bare number of a list whose unit is written once, after its last value."""
    text: str
    kind: str
    id: str = ""
    qualifier: str = ""


def _cue(v: View) -> int | None:
    cues = words("respectively.tsv")
    if cues.isdisjoint(v.keys):
        return None
    return next((k for k, key in enumerate(v.keys) if key in cues), None)


def listed_numbers(v: View, value_kinds: tuple[str, ...]) -> list[tuple[int, int, Listed]]:
    """The bare numbers after a respectively word that a value closing their list (an amount of one of
    `value_kinds`) gives its kind."""
    r = _cue(v)
    if r is None:
        return []
    joins, out, run = cc("coord") | {","}, [], []
    for i in sorted(v.amts):
        if i <= r:
            continue
        j, a = v.amts[i]
        if a.kind in value_kinds:
            return out + [(x, y, Listed(v.text(x, y), a.kind)) for x, y in run]
        if a.kind != "number" or a.scale or j >= len(v.keys) or v.keys[j] not in joins:
            return out
        run.append((i, j))
    return out


def _party_lists(v: View, r: int) -> list[list[tuple[int, int, object]]]:
    """Runs of places or bodies joined by commas and conjunctions before token r."""
    joins, lists = cc("coord") | {","}, []
    for a, b, e in v.entities():
        if b > r or e.label not in ("LOC", "ORG"):
            continue
        if lists and all(k in joins for k in v.keys[lists[-1][-1][1]:a]) and a > lists[-1][-1][1]:
            lists[-1].append((a, b, e))
        else:
            lists.append([(a, b, e)])
    return [x for x in lists if len(x) > 1]


def _metric_list(v: View, r: int) -> list[str]:
    """The predicates of the last run of metric nouns joined by commas and conjunctions before token r
    ('निर्यात और आयात क्रमशः ...'), else []."""
    joins, runs = cc("coord") | {","}, []
    for a, b, predicate in v.find(metrics().triggers):
        if b > r or not predicate:
            continue
        if runs and a > runs[-1][-1][1] and all(k in joins for k in v.keys[runs[-1][-1][1]:a]):
            runs[-1].append((a, b, predicate))
        else:
            runs.append([(a, b, predicate)])
    return [p for _, _, p in runs[-1]] if runs and len(runs[-1]) > 1 else []


def assign(v: View, facts: list[Relation]) -> None:
    """Give each fact of a value after the respectively word the metric, else the party, at its place
    in the list before it ('निर्यात और आयात क्रमशः X और Y रहे': X exports, Y imports)."""
    r = _cue(v)
    after = sorted((v.token_at(f.end - 1), f) for f in facts if v.token_at(f.end - 1) > r) if r is not None else []
    if len(after) < 2:
        return
    nouns = _metric_list(v, r)
    if len(nouns) == len(after):
        _aspects(after)
        for (_, f), predicate in zip(after, nouns):
            f.predicate = predicate
        return
    lists = [x for x in _party_lists(v, r) if len(x) == len(after)]
    if not lists:
        return
    members, end = lists[-1], lists[-1][-1][1]
    frame = metrics().frames.get(after[0][1].predicate)
    marked = tuple(v.keys[end:end + 2])
    counterpart = frame is not None and any(marked[:len(m)] == tuple(m) for m in frame.counterpart)
    _aspects(after)
    for (_, f), (_, _, e) in zip(after, members):
        if counterpart and e.text != f.subject:
            f.counterpart, f.counterpart_id = e.text, e.id
        elif not counterpart and e.text != f.counterpart:
            f.subject, f.subject_id = e.text, e.id


def _aspects(after: list) -> None:
    """'12, 9 और 7 प्रतिशत की बढ़त': the bare values take the closing value's change."""
    last = after[-1][1]
    for _, f in after[:-1]:
        if f.object.replace(",", "").replace(".", "").isdigit():
            f.aspect = last.aspect
