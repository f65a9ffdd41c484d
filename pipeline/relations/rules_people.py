"""Relations about people and countries: role, meets / summit, visits."""
from __future__ import annotations

from ..core.doc import Relation
from .view import CONJ, View, lists

PERIOD_KINDS = ("fiscal_year", "year", "date", "date_range", "quarter", "month")
POSTPOSITIONS = {"ने", "को", "से", "में", "पर", "का", "की", "के", "तक", "द्वारा"}


def period_of(v: View) -> str:
    return "; ".join(a.text for _, _, a in v.amounts(*PERIOD_KINDS))


def role(v: View) -> list[Relation]:
    """प्रधानमंत्री नरेंद्र मोदी -> (नरेंद्र मोदी, role, प्रधानमंत्री)."""
    out = []
    for i, j, ent in v.entities("PER"):
        if ent.role:
            start, end = ent.role_start, ent.end
            r = v.relation(ent.text, "role", ent.role, "role:title_before_name", subject_id=ent.id)
            r.start, r.end, r.text = start, end, v.doc.text[start:end]
            out.append(r)
    return out


def _pairs(v: View, label: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of same-label entities joined by a conjunction: मोदी और पुतिन, भारत और रूस."""
    ents = v.entities(label)
    out = []
    for (i1, j1, a), (i2, j2, b) in zip(ents, ents[1:]):
        between = v.keys[j1:i2]
        if between and all(k in CONJ or k == "-" for k in between) and a.text != b.text:
            out.append(((i1, j1), (i2, j2)))
        elif label == "PER" and between and between[0] in CONJ and b.role and a.text != b.text:
            # the second person's title (and its country) between: 'X और ब्रिटेन की गृहमंत्री Y'
            rest = [t for t in v.tokens[j1 + 1:i2] if t.start < b.role_start]
            if all(v.ent_ending(n + 1) or v.ents.get(n) or v.keys[n] in ("की", "का", "के")
                   for n in range(j1 + 1, j1 + 1 + len(rest))):
                out.append(((i1, j1), (i2, j2)))
    return out


def summit_phrase(v: View) -> str:
    """The sentence's summit word extended back over its ordinal and adjectives
    (22वां वार्षिक शिखर सम्मेलन), or "" when the sentence names no summit."""
    hit = next(((i, j) for i, j, kind in v.find(lists().meeting) if kind == "summit"), None)
    if hit is None:
        return ""
    k, j = hit
    while k > 0 and (v.keys[k - 1] in lists().fillers or (k - 1) in v.amts and v.amts[k - 1][1].kind == "ordinal"):
        if v.keys[k - 1] in ("की", "का", "के"):
            break
        k -= 1
    return v.text(k, j)


def meets(v: View) -> list[Relation]:
    if not v.find(lists().meeting):
        return []
    qualifier = summit_phrase(v)
    out = []
    for label, pred in (("PER", "meets"), ("LOC", "summit")):
        for (a, b) in _pairs(v, label):
            ea, eb = v.ents[a[0]][1], v.ents[b[0]][1]
            # countries meet "X और Y के बीच" (between), not in any list of places
            if label == "LOC" and v.keys[b[1]:b[1] + 2] != ["के", "बीच"]:
                continue
            # people listed together are not a meeting: the pair must be its agents or its parties
            after = v.keys[b[1]:b[1] + 3]
            right_after = any(j == a[0] for _, j, _ in v.find(lists().meeting))   # 'शिखर सम्मेलन मोदी और पुतिन को'
            if label == "PER" and after[:2] != ["के", "बीच"] and after[:1] not in (["की"], ["का"], ["ने"]) \
                    and not lists().meeting.at(v.keys, b[1]) and not right_after:
                continue
            out.append(v.relation(ea.text, pred, eb.text, f"{pred}:pair_with_meeting_word", (a[0], b[1]),
                                  subject_id=ea.id, object_id=eb.id, qualifier=qualifier, period=period_of(v)))
    # X (ने) ... Y से / Y के साथ मुलाकात की, मिलेंगे; X ने Y की अगवानी की / Y का स्वागत किया
    pers = v.entities("PER")
    for i2, j2, b in pers:
        if v.keys[j2:j2 + 1] != ["से"] and v.keys[j2:j2 + 2] not in (["के", "साथ"], ["की", "अगवानी"],
                                                                     ["का", "स्वागत"]):
            continue
        agent = _agent(v, i2)
        if agent and agent[1] != b.id:
            out.append(v.relation(agent[0], "meets", b.text, "meets:agent_and_se", (agent[2], j2 + 1),
                                  subject_id=agent[1], object_id=b.id, qualifier=qualifier, period=period_of(v)))
    return out


def _agent(v: View, before: int) -> tuple[str, str, int] | None:
    """(text, id, first token) of the agent before token `before`: the PER marked by ने in the same
    clause, else its nearest PER in the direct case (not followed by a postposition), else the same
    in the sentence, else a PER possessor (X की ... से मुलाकात)."""
    pers = [(i, j, e) for i, j, e in v.entities("PER") if j <= before]
    cl = v.syn.clause_at(before) if v.syn is not None and before < len(v.keys) else None
    ergative = [x for x in pers if v.keys[x[1]:x[1] + 1] == ["ने"]]
    nominative = [(i, j, e) for i, j, e in pers if j < len(v.keys) and v.keys[j] not in POSTPOSITIONS]
    inside = (lambda xs: [x for x in xs if cl is None or x[0] >= cl.start])
    # the clause's own agent first ('मोदी ने कहा कि दिसानायक भारत आए': दिसानायक), else the sentence's
    for found in (inside(ergative), inside(nominative)[-1:], ergative, nominative[-1:]):
        if found:
            i, _, e = found[0]
            return e.text, e.id, i
    for i, j, e in pers:
        if v.keys[j:j + 1] in (["की"], ["का"]):
            return e.text, e.id, i
    return None


def _subject_before(v: View, i: int) -> tuple[str, str, int] | None:
    """The agent of a visit: 'X ने' anywhere before i, else the possessor 'X की' right before i."""
    title_by_end = {b: a for a, b in v.titles()}

    def named_or_title(k: int, person_only: bool) -> tuple[str, str, int] | None:
        """The entity or title ending at token k."""
        hit = v.ent_ending(k)
        if hit and (not person_only or hit[1].label == "PER"):
            return hit[1].text, hit[1].id, hit[0]
        if k in title_by_end:
            return v.text(title_by_end[k], k), "", title_by_end[k]
        return None

    cl = v.syn.clause_at(i) if v.syn is not None else None
    for k in range(i - 1, cl.start if cl else 0, -1):     # the ने of this clause, not of a reporting verb
        if v.keys[k] == "कि":
            break
        if v.keys[k] == "ने":
            found = named_or_title(k, person_only=False)
            if found:
                return found
    for k in range(i - 1, max(0, i - 5), -1):
        if v.keys[k] in ("की", "का", "के"):
            return named_or_title(k, person_only=True)
        if v.tokens[k].kind == "punct" or v.ents.get(k) or v.ent_ending(k + 1):
            break
    return None


def _agent_after(v: View, j: int) -> tuple[str, str, int] | None:
    """'... के दौरे पर पहुंचे जयशंकर', 'रवांडा पहुंचे प्रधानमंत्री नरेन्द्र मोदी': the traveller
    after an arrival participle."""
    k = j
    while k < len(v.keys) and k - j < 3 and (v.keys[k] == "पर" or lists().visit.at(v.keys, k)):
        hit = lists().visit.at(v.keys, k)
        k += hit[0] if hit else 1
    if k == j and not (j > 0 and lists().visit.at(v.keys, j - 1)):
        return None
    for a, b, e in v.entities("PER"):
        if k <= a <= k + 3:
            return e.text, e.id, a
    return None


def visits(v: View) -> list[Relation]:
    out = []
    fill = lists().fillers
    for wi, wj, kind in v.find(lists().visit):
        places, k = [], wi
        while k > 0:
            hit = v.ent_ending(k)
            if hit and hit[1].label == "LOC":
                places.append(hit)
                k = hit[0]
            elif v.keys[k - 1] in fill or v.keys[k - 1] in CONJ or v.keys[k - 1].strip() in ("-", "—", "–") \
                    or (kind == "travel" and v.keys[k - 1] in ("नहीं", "न")):
                k -= 1
            else:
                break
        if not places:
            continue
        first = min(p[0] for p in places)
        agent = _subject_before(v, first)
        agent = agent or _agent(v, first) or _agent_after(v, wj)
        if not agent or (not agent[1] and {"किसी", "कोई"} & set(v.keys[max(0, agent[2] - 2):agent[2]])):
            continue                  # no traveller named ('किसी विदेशी राष्ट्राध्यक्ष का'): no row
        for start, ent in reversed(places):
            span = (min(start, agent[2]) if agent else start, wj)
            out.append(v.relation(agent[0] if agent else "", "visits", ent.text, "visits:places_before_visit_noun",
                                  span, subject_id=agent[1] if agent else "", object_id=ent.id,
                                  period=period_of(v)))
    return out
