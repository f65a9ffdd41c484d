"""Owner finders that read the shape of the value's clause rather than a case marker next to it: a
headline's subject after its verb, the party whose plan a flow is, a public spender written as a common
noun, a share of a party's own total, and a pair ranked by its bilateral trade (frames.yaml `metrics.owner`
names them; metric_owners.py tries them in that order)."""
from __future__ import annotations

from .frames import metrics
from .lexicon import cc, marker, words
from .metric_nouns import denominator_before
from .owners import genitive_owner
from .view import View


def ranked_pair(v: View, span: tuple[int, int], i: int) -> tuple[str, str]:
    """'X N के द्विपक्षीय व्यापार के साथ Y का सबसे बड़ा व्यापारिक साझेदार रहा': the pair Y-X (X ranked
    right before the value, Y in the genitive right after 'के साथ' past the metric noun)."""
    before = v.ent_ending(i)
    with_ = tuple(marker("with").split())
    k = span[1] + len(with_) if i < span[0] and tuple(v.keys[span[1]:span[1] + len(with_)]) == with_ else -1
    end, owner = v.ents.get(k, (-1, None))
    if not before or owner is None or before[1].label != "LOC" or owner.label != "LOC" or \
            not (v.keys[end:end + 1] and v.keys[end] in cc("genitive")) or before[1].text == owner.text:
        return "", ""
    return f"{owner.text}-{before[1].text}", f"{owner.id}|{before[1].id}"


def base_owner(v, predicate, span, i, ctx):
    """'अमेरिका को होने वाला निर्यात भारत के कुल निर्यात का 18 प्रतिशत है': a share of a party's total of the
    same metric, whose own noun in the value's clause names no owner, is that party's (to the partner its
    noun marks); not in a relative clause after the figure ('..., जो भारत के कुल निर्यात का 12 प्रतिशत है')."""
    base = denominator_before(v, i)
    if not base or base[0] != "share" or base[1] <= span[0] or v.clause(span[0]) != v.clause(i):
        return None
    hit = metrics().triggers.at(v.keys, base[1])
    if not hit or hit[1] != predicate:
        return None
    owner = genitive_owner(v, base[1], ctx[1], ctx[0], predicate)
    return (owner, "", "", None) if owner else None


def public_body(v, predicate, span, i, ctx):
    """'राज्यों का पूंजीगत व्यय', 'रेलवे का पूंजीगत व्यय': a public spender written as a common noun
    (public_bodies.tsv) in the genitive right before a government's (`public`) metric noun."""
    k = span[0] - 1
    if not metrics().frames[predicate].public or k < 1 or v.keys[k] not in cc("genitive"):
        return None
    n = next((n for n in (k - 2, k - 1) if n >= 0 and " ".join(v.keys[n:k]) in words("public_bodies.tsv")), None)
    if n is None or n in ctx[1] or (n > 0 and v.tag(n - 1) == "W"):
        return None
    return v.text(n, k), "", "", None


def inverted(v, predicate, span, i, ctx):
    """'श्रीलंका को 15 करोड़ रुपये की मदद देगा भारत': a headline's subject written after its verb, as the
    last words of the sentence (a place or body right after the verb, past up to two words describing
    it, only punctuation after it)."""
    last = max((k for k in range(len(v.keys)) if v.tag(k) not in ("PUNCT_B", "PUNCT_O")), default=-1)
    hit = v.ent_ending(last + 1) if last > i else None
    if not hit or hit[0] in ctx[1] or hit[1].label not in ("LOC", "ORG") or v.clause(hit[0]) != v.clause(i):
        return None
    k = hit[0] - 1
    while k > i and hit[0] - k <= 3 and v.tag(k) == "W":
        k -= 1                              # 'करेगी जापानी कंपनी X': the name's descriptors
    return (hit[1].text, hit[1].id, "", None) if k > i and v.tag(k) in ("LV", "AUX") else None


def planner(v, predicate, span, i, ctx):
    """'X की योजना भारत में निवेश बढ़ाकर N करने की है': the party in the genitive right before a noun of a
    plan or aim (intent_nouns.tsv) a few words before a flow's value or metric noun, in its clause."""
    first = min(span[0], i)
    if not metrics().frames[predicate].flow:
        return None
    for k in range(max(1, first - 8), first):
        if v.keys[k] in words("intent_nouns.tsv") and v.keys[k - 1] in cc("genitive") and v.clause(k) == v.clause(i):
            hit = v.ent_ending(k - 1)
            if hit and hit[0] not in ctx[1] and (hit[1].label == "ORG" or hit[1].subtype == "country"):
                return hit[1].text, hit[1].id, "", None
    return None
