"""Roles and the constructions of membership that are not a trigger with slots: a person and the title
of office the entities stage found before the name (role), and a grouping with its members in brackets
(member_of: 'आसियान समूह (इंडोनेशिया, मलेशिया, थाईलैंड और वियतनाम)')."""
from __future__ import annotations

from functools import lru_cache

from ..core.doc import Relation
from ..syntax.features import features_of
from .anaphora import DocState
from .argument import fits, groups
from .arguments import build, title_chain
from .attributes import attribution, modality_for, own_clause, period_for, polarity_for
from .events import all_hits
from .frames import event_frames
from .lexicon import DASHES, cc, marker, markers, markers_of, phrases, words
from .view import View

PARTY = frozenset({"party"})
MAX_CHAIN = 8        # words of a title's chain written after a name ('विश्व बैंक के अध्यक्ष')
MAX_GLOSS = 6        # words of a bracketed gloss between a title and the name ('सीईओ (मुख्य कार्यकारी अधिकारी)')


def _is_name(v: View, i: int, j: int) -> bool:
    """A name holds no verb form: a 'person' ending in a finite or future verb is a tagging error (but
    a name the gazetteer knows may end like one: a surname in -गा)."""
    known = bool(v.ents.get(i) and v.ents[i][1].canonical)
    for k in range(i, j):
        if v.tag(k) in ("LV", "AUX") or (not known and features_of([v.keys[k]], []).tense == "future"):
            return False
    return not (j < len(v.keys) and v.tag(j) == "AUX" and features_of([v.keys[j]], []).tense)


def roles(v: View, state: DocState) -> list[Relation]:
    """प्रधानमंत्री नरेंद्र मोदी -> (नरेंद्र मोदी, role, प्रधानमंत्री)."""
    out = []
    for i, j, ent in v.entities("PER"):
        if not _is_name(v, i, j):
            continue
        if not ent.role:
            gloss = _gloss_before(v, i)          # 'बैंक के सीएमडी (अध्यक्ष एवं प्रबंध निदेशक) X': a glossed title
            office = next(((a, b) for a, b in v.titles() if b == i and (a > 1 or a == 1 and v.org_ending(a))
                           or gloss is not None and b == gloss
                           or _in_capacity(v, b, i)), None)
            if office:                           # 'टेस्ला के प्रमुख X': an office the entities stage does not know
                a = title_chain(v, office[0], set())
                if a == office[0] and v.org_ending(a):
                    a = v.ent_ending(a)[0]           # 'सेबी प्रमुख X': the body's office
                end = i if office[1] in (i, gloss) else office[1]     # a capacity: the title without 'के रूप में'
                r = v.relation(state.full_name(ent.text), "role", v.text(a, end), "role:title_before_name",
                               (a, j), subject_id=ent.id)
                out.append(r)
            continue
        title, start = ent.role, ent.role_start
        if " ".join(v.keys[v.token_at(start):i]) in words("ranks.tsv"):
            a = v.token_at(start)                # a rank: the office written right before it, or none
            office = next(((x, b) for x, b in v.titles() if b == a), None)
            if office is None:
                continue
            title, start = v.text(*office), v.tokens[office[0]].start
        r = v.relation(state.full_name(ent.text), "role", title, "role:title_before_name", subject_id=ent.id)
        r.start, r.end, r.text = start, ent.end, v.doc.text[start:ent.end]
        out.append(r)
        first = _coordinated_title(v, v.token_at(start))
        if first:                                # 'रक्षा मंत्री और उप प्रधानमंत्री X': two offices of one person
            out.append(v.relation(r.subject, "role", v.text(*first), "role:title_before_name", (first[0], j),
                                  subject_id=ent.id))
    return _reported(v, state, out)


def _coordinated_title(v: View, k: int) -> tuple[int, int] | None:
    """The span of a title (with its chain) joined by a conjunction to the title chain that starts at or
    before token k and stands right before a name: 'ब्राजील के उपराष्ट्रपति और उद्योग मंत्री X'.
    Not when the two chains name different countries ('भारत के प्रधानमंत्री और रूस के राष्ट्रपति X': two
    persons), nor a title that has a name of its own."""
    c = title_chain(v, k, set())
    if c < 2 or v.keys[c - 1] not in cc("coord"):
        return None
    prev = next(((a, b) for a, b in v.titles() if b == c - 1), None)
    if prev is None or any(i <= prev[0] < e for i, e, _ in v.entities()):
        return None
    a = title_chain(v, prev[0], set())
    countries = {ent.text for i, e, ent in v.entities("LOC") if a <= i < c - 1}, \
        {ent.text for i, e, ent in v.entities("LOC") if c <= i < k}
    if all(countries) and countries[0] != countries[1]:
        return None
    return a, prev[1]


def _in_capacity(v: View, b: int, i: int) -> bool:
    """'विदेश सचिव के रूप में X ने': the title ending at b is the office X acts in (marker_roles.tsv capacity),
    when X is the clause's actor (ने or the direct case after the name) and no person stands right before the
    title's chain ('A ब्रिटेन में उच्चायुक्त के तौर पर B की जगह लेंगे': A's office, not B's)."""
    if not any(v.keys[b:i] == m.split() for m in markers_of("capacity")):
        return False
    j = v.ents[i][0] if i in v.ents else i + 1
    actor = j >= len(v.keys) or v.keys[j] == marker("agent") or v.tag(j) not in ("PK", "PG", "PC")
    start = next((a for a, e in v.titles() if e == b), b)
    before = v.ent_ending(title_chain(v, start, set()))
    return actor and not (before and before[1].label == "PER")


def _gloss_before(v: View, i: int) -> int | None:
    """The token of the '(' of a bracket of at most MAX_GLOSS words closing right before token i, or None."""
    if i < 3 or v.keys[i - 1] != ")":
        return None
    for k in range(i - 2, max(-1, i - 2 - MAX_GLOSS), -1):
        if v.keys[k] in ("(", ")"):
            return k if v.keys[k] == "(" and k < i - 2 else None
    return None


def _reported(v: View, state: DocState, facts: list[Relation]) -> list[Relation]:
    """A role stated in what a speaker reports about an appointment ('मंत्रालय ने बताया कि ... राजदूत X को
    नियुक्त किया गया': data/appointment_words.tsv) is attributed to the speaker; the speaker's own title,
    a role in his own clause and a title in other reported news are not."""
    speaker, tokens = attribution(v, state)
    if not speaker or not v.find(phrases("appointment_words.tsv")):
        return facts
    for r in facts:
        k = v.token_at(r.end - 1)
        if k not in tokens and not own_clause(v, k) and not any(v.tokens[t].start >= r.start and
                                                               v.tokens[t].end <= r.end for t in tokens):
            r.attributed_to = speaker
    return facts


def appositive_roles(v: View, state: DocState) -> list[Relation]:
    """'मीरा दास, जल आयोग की अध्यक्ष, ने ...', 'ली वेई (बंदरगाह प्राधिकरण के उपाध्यक्ष)': a title set
    off after the name by a comma or a bracket, with the chain written before the title."""
    out, titles = [], v.titles()
    for i, j, ent in v.entities("PER"):
        if v.keys[j:j + 1] not in ([","], ["("]) or not _is_name(v, i, j):
            continue
        close = ")" if v.keys[j] == "(" else ","
        span = next(((a, b) for a, b in titles if j < a <= j + 1 + MAX_CHAIN and b < len(v.keys)
                     and (v.keys[b] == close or (close == "," and v.keys[b] in markers()))), None)
        if span and _chain_ok(v, j + 1, span[0]):
            r = v.relation(state.full_name(ent.text), "role", v.text(j + 1, span[1]), "role:title_after_name",
                           (i, span[1]), subject_id=ent.id)
            out.append(r)
    return out


def _chain_ok(v: View, a: int, b: int) -> bool:
    """Tokens a..b are a title's chain: words, numbers, genitives and locatives; no person, no verb."""
    return all(v.tag(k) in ("W", "NUM", "PG") or v.keys[k] == marker("in") for k in range(a, b)) \
        and not any(e.label == "PER" for x, _, e in v.entities() if a <= x < b)


def bracket_members(v: View, state: DocState) -> list[Relation]:
    """A grouping followed by its members in brackets or set off by a dash: 'ब्रिक्स (भारत, ब्राजील और
    चीन)', 'ब्रिक्स समूह (भारत, ...)', 'ब्रिक्स देशों — भारत, ब्राजील और चीन — के नेता'; or, after a group
    noun, the list itself ('क्वाड देश भारत, अमेरिका, जापान और ऑस्ट्रेलिया'): one member_of fact per
    member (a Latin gloss first is skipped: ब्रिक्स (BRICS))."""
    out = []
    labels = [e.label for _, _, e in v.entities()]
    if "ORG" not in labels or labels.count("LOC") < 2 and not v.find(phrases("party_anaphors.tsv")):
        return out                  # a grouping is an ORG name; its members two places (or anaphors) at least
    args = build(v, state)
    for a in args:
        if a.kind != "body" or a.subtype != "grouping" or a.anaphor:
            continue
        k, noun = _past_group_noun(v, a)
        if v.keys[k:k + 1] == ["("] or (v.keys[k:k + 1] and v.keys[k].strip() in DASHES):
            k, least = k + 1, 2
        elif noun:
            least = 2                                # a list in apposition to 'X देश'
        else:
            continue
        inner = next((g for g in groups(args) if g[0].start == k), [])
        members = [(m.text, m.id, m.end) for m in inner if fits(m, PARTY) and m.kind == "place"]
        last = _titled_last_member(v, inner[-1].end) if members and len(members) == len(inner) else None
        members += [last] if last else []
        if len(members) >= least:
            out += [v.relation(text, "member_of", a.text, "member_of:members_in_brackets", (a.start, end),
                               subject_id=eid, object_id=a.id) for text, eid, end in members]
    return out


def _titled_last_member(v: View, j: int) -> tuple[str, str, int] | None:
    """'A, B और C के नेता': the last country of a list, written with the title that follows the whole
    list (the leaders of all three): (its name, id, end token) when a conjunction at token j joins it."""
    if not (v.keys[j:j + 1] and v.keys[j] in cc("coord")):
        return None
    hit = v.ents.get(j + 1)
    if hit is None or hit[1].label != "LOC" or hit[1].subtype != "country" or v.keys[hit[0]:hit[0] + 1] == [] \
            or v.keys[hit[0]] not in cc("genitive"):
        return None
    after = next(((a, b) for a, b in v.titles() if a == hit[0] + 1), None)
    return (hit[1].text, hit[1].id, hit[0]) if after else None


def _past_group_noun(v: View, a) -> tuple[int, bool]:
    """(the token after a grouping's gloss and group noun, whether a group noun was written)."""
    k = a.end
    if v.keys[k:k + 1] == ["("] and v.keys[k + 2:k + 3] == [")"] and v.tokens[k + 1].text.isascii():
        k += 3
    hit = phrases("party_anaphors.tsv").at(v.keys, k)
    if hit and hit[1] == "group":
        return k + hit[0], True                      # 'ब्रिक्स समूह (...)'
    if v.keys[k:k + 1] and v.keys[k] in words("group_nouns.tsv"):
        return k + 1, True
    return k, v.keys[a.end - 1] in words("group_nouns.tsv")      # 'जी-20 देशों' as one name


def delegations(v: View, state: DocState) -> list[Relation]:
    """'वार्ता में जापान की तरफ से X और पेरू की ओर से Y शामिल हुए': two sides of a meeting, each a country
    marked on-whose-behalf with the person after it: the persons meet (meets:delegations) and the
    countries hold talks (summit:delegations)."""
    if not _meeting_written(v):
        return []
    args = build(v, state)
    sides = []
    for a in args:
        if a.kind == "place" and a.subtype == "country" and a.marker in markers_of("behalf"):
            person = next((p for p in args if p.kind == "person" and a.after <= p.start <= a.after + 6
                           and p.text and not p.anaphor), None)
            if person:
                sides.append((a, person))
    if len(sides) < 2 or sides[0][0].text == sides[1][0].text:
        return []
    (c1, p1), (c2, p2) = sides[:2]
    span = (c1.start, p2.end)
    out = [v.relation(p1.text, "meets", p2.text, "meets:delegations", span, subject_id=p1.id, object_id=p2.id),
           v.relation(c1.text, "summit", c2.text, "summit:delegations", span, subject_id=c1.id, object_id=c2.id)]
    for r in out:
        r.period, r.polarity = period_for(v, c1.start), polarity_for(v, c1.start)
        r.modality = modality_for(v, c1.start, True, None, event=True)
        r.attributed_to = attribution(v, state)[0]
    return out


def _meeting_written(v: View) -> bool:
    """Does the sentence hold a trigger of a meeting or summit frame (found once per sentence)?"""
    return not _meeting_rules().isdisjoint(all_hits(v))


@lru_cache(maxsize=1)
def _meeting_rules() -> frozenset[str]:
    return frozenset(f.rule for f in event_frames() if f.predicate in ("meets", "summit"))
