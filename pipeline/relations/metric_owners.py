"""The owner of a metric fact: the owner finders of frames.yaml (`metrics.owner`), tried in order
(owners.py holds the phrase finders they use). A national figure (`national: true`: GDP, inflation,
reserves ...) is a country's: a body that would own it (रिजर्व बैंक ने ... जीडीपी का अनुमान) reports
it, so it goes to attributed_to, and with no country written the subject is empty."""
from __future__ import annotations

from functools import lru_cache

from .anaphora import DocState
from .attributes import resolve_party, share_listed_before, window
from .counterparts import DOMESTIC, share_holder, world_total
from .frames import metrics
from ..text.normalize import match_key
from .lexicon import cc, marker, phrases, table, words
from .owners import (TRADE, relative_source, whose, agent_owner, genitive_owner, giver_office, group_phrase, marked_owner, nominative_owner, pair_before,
                     pronoun_owner, source_giver)
from .metric_lists import received_by
from .clause_owners import base_owner, inverted, planner, public_body, ranked_pair
from .senders import home_country
from .view import View

Found = tuple[str, str, str, tuple | None]     # owner, its id, the person announcing it, counterpart override


def speaker_chain(v: View, speakers: set[int]) -> set[int]:
    """The speakers' tokens with the body their title belongs to ('फियो के अध्यक्ष X ने कहा', 'संघ के एक
    प्रवक्ता के अनुसार'): that body speaks through them, it owns no figure they report."""
    out = set(speakers)
    starts = {a for a in speakers if a - 1 not in speakers}
    for a in starts:
        ent = v.ents.get(a)
        r = v.token_at(ent[1].role_start) if ent and ent[1].label == "PER" and ent[1].role_start >= 0 else a
        for k in (r, a):
            k = k - 1 if k > 1 and v.keys[k - 1] in cc("determiner", "pronoun") else k
            hit = v.ent_ending(k - 1) if k > 1 and v.keys[k - 1] in cc("genitive") else None
            if hit and hit[1].label in ("LOC", "ORG"):
                out.update(range(hit[0], k))
    return out


def see_government(v: View, state: DocState) -> None:
    """The last word for the government the paragraph wrote (सरकार, केंद्र सरकार): the owner of a public
    figure whose sentence names none."""
    kinds = _anaphor_kinds()
    if _government_words().isdisjoint(v.keys):
        return
    for k, key in enumerate(v.keys):
        pair = " ".join(v.keys[k:k + 2])
        if kinds.get(pair) == "self":
            state.government = v.text(k, k + 2)
        elif kinds.get(key) == "self" and not (k and kinds.get(" ".join(v.keys[k - 1:k + 1])) == "self"):
            state.government = v.text(k, k + 1)


@lru_cache(maxsize=1)
def _government_words() -> frozenset[str]:
    """The first words of the government nouns of owner_anaphors.tsv."""
    return frozenset(k.split()[0] for k, kind in _anaphor_kinds().items() if kind == "self")


def _anaphor_kinds() -> dict[str, str]:
    return table("owner_anaphors.tsv", "word", "refers_to")


def country_like(v: View, state: DocState, owner: str) -> bool:
    """Is the owner a country or a pair of them (named here or before), or the word देश?"""
    if not owner:
        return False
    if owner in state.countries or owner == state.country or _anaphor_kinds().get(owner) == "country" or \
            owner in table("demonyms.tsv", "adjective", "country").values():
        return True
    if "-" in owner:
        return all(country_like(v, state, part) for part in owner.split("-"))
    return any(e.text == owner and e.label == "LOC" for _, _, e in v.entities())


def _partner_of(v: View, b: int) -> bool:
    """Is the party ending at token b marked as the partner of a trade metric noun right after it
    ('अमेरिका को निर्यात', 'चीन से होने वाला आयात')? Such a party is no owner the finders missed."""
    frames = metrics().frames
    for i, _, predicate in v.find(metrics().triggers):
        frame = frames.get(predicate)
        if frame is not None and frame.pair_partner and b < i and any(
                tuple(v.keys[b:b + len(m)]) == m and 0 <= i - b - len(m) <= 2 for m in frame.counterpart):
            return True
    return False


def _partners(v: View) -> set[str]:
    """The parties the sentence writes as a trade figure's partner ('अमेरिका द्वारा शुल्क लगाए जाने के बाद
    अमेरिका को निर्यात घटा'): the same party is not also the figure's owner."""
    if "trade_partners" not in v._found:
        v._found["trade_partners"] = {e.text for _, b, e in v.entities() if _partner_of(v, b)}
    return v._found["trade_partners"]


def _government(v: View, name: str) -> bool:
    """Is the party a government or one of its bodies ('सरकार', 'वाणिज्य मंत्रालय')? It sets or reports
    a country's trade figures ('सरकार ने N के निर्यात का लक्ष्य रखा'), it owns none of them."""
    return _anaphor_kinds().get(name) == "self" or any(
        e.text == name and e.subtype in ("ministry", "gov_body") for _, _, e in v.entities("ORG"))


def find_owner(v: View, predicate: str, span: tuple[int, int], i: int, ctx: tuple) -> tuple:
    """_owner_at the value; for a value in a relative clause right after its metric noun's clause, unsure
    there, at the noun ('भारत रूस से तेल आयात करता है, जिसका मूल्य N रहा': भारत)."""
    found = _owner_at(v, predicate, span, i, ctx)
    if found[0] is None and span[0] < i and relative_after(v, span[0], i):
        again = _owner_at(v, predicate, span, span[0], ctx)
        return again if again[0] is not None else found
    return found


def relative_after(v: View, mi: int, i0: int) -> bool:
    """Does token i0 lie in a relative clause (जो ...) right after the clause of token mi? ('आयात 16 लाख
    टन रहा, जो एक साल पहले 12 लाख टन था': the same figure a year before)."""
    start = i0
    while start > 0 and v.clause(start - 1) == v.clause(i0):
        start -= 1
    return start > mi and v.keys[start] in cc("relative", "relative_case", "relative_genitive") and \
        v.clause(start - 1) == v.clause(mi)


def _owner_at(v: View, predicate: str, span: tuple[int, int], i: int, ctx: tuple) -> tuple:
    """(owner, its id, the person who announces it, counterpart override, the body that reports it) by
    the owner finders in order; owner "" when the passage names no party at all (always possible for
    a national figure, and for a government's `public` figure: a tax office reports tax collections,
    the government or the country owns them, a company its own capital expenditure); None when unsure."""
    state, speakers = ctx
    frame = metrics().frames[predicate]
    national, public = frame.national, frame.public
    reporter = ""
    for name in metrics().owner:
        found = OWNER_FINDERS[name](v, predicate, span, i, ctx)
        if found is not None and not found[0] and found[3]:
            return (*found, reporter)           # a recipient ranked, no giver written (_standing)
        if found is None or not found[0] or frame.pair_partner and found[0] in _partners(v):
            continue
        company = public and (any(e.text == found[0] and e.subtype == "company" for _, _, e in v.entities("ORG"))
                              or table("owner_groups.tsv", "word", "kind").get(found[0].split()[-1]) == "noun"
                              or match_key(found[0]) in words("public_bodies.tsv"))
        if ((national or public) and not country_like(v, state, found[0]) and not company and
                not (public and _anaphor_kinds().get(found[0].split()[-1]) == "self")) or \
                (frame.pair_partner and _government(v, found[0])):
            reporter = reporter or found[0]
            continue
        if national and not reporter:           # 'मुद्रा कोष ने भारत की वृद्धि दर का अनुमान घटाया': it reports
            body = agent_owner(v, i, speakers)
            reporter = body if body and body != found[0] and not country_like(v, state, body) else ""
        return (*found, reporter)
    if public and any(e.label == "PER" and (a in speakers or v.keys[b:b + 1] == [marker("agent")])
                      for a, b, e in v.entities()):
        return None, "", "", None, ""          # a minister speaks for the government that owns the figure
    if public and getattr(state, "government", ""):
        return state.government, "", "", None, reporter     # 'सरकार की कमाई ... संग्रह 1.4 लाख करोड़ रुपये'
    if national or public:
        return "", "", "", None, reporter
    named = [e for a, b, e in v.entities() if e.label in ("LOC", "ORG") and a not in speakers
             and e.id != state.dateline_place and e.text not in _partners(v)]
    agent = any(v.keys[k] == marker("agent") and k not in speakers and k - 1 not in speakers for k in window(v, i))
    carried = state.owner and not (frame.pair_partner and state.owner in _partners(v))
    return (None if named or carried or agent else ""), "", "", None, reporter


def _sender(v, predicate, span, i, ctx):
    """'प्रवासी भारतीयों ने N स्वदेश भेजे': the country the money sent home goes to (senders.py)."""
    found = home_country(v, i) if metrics().frames[predicate].sent_verbs else None
    return (found[0], found[1], "", None) if found else None


def _pair(v, predicate, span, i, ctx):
    if predicate not in TRADE and metrics().frames[predicate].flow and span[0] > 0 \
            and v.keys[span[0] - 1] in words("bilateral_words.tsv"):
        text, ids = pair_before(v, span[0] - 1, ctx[0], True)   # 'दोनों देशों ने द्विपक्षीय निवेश को N तक ...'
        return (text, ids, "", None) if text else None
    between = tuple(marker("between").split())
    at = next((k for k in (span[0], i) if k >= len(between) and tuple(v.keys[k - len(between):k]) == between), None)
    if predicate not in TRADE and metrics().frames[predicate].flow and at is not None:
        text, ids = pair_before(v, at, ctx[0])          # 'भारत और ब्रिटेन के बीच (N का) निवेश': the pair's
        return (text, ids, "", None) if text else None
    if predicate in TRADE:
        text, ids = pair_before(v, span[1], ctx[0], predicate == "bilateral_trade")
        if not text:
            text, ids = _owner_with_partner(v, span[0])
        if not text:
            text, ids = _relative_trade_pair(v, span[0])
        if not text and predicate == "bilateral_trade":
            text, ids = ranked_pair(v, span, i)
        return text, ids, "", None
    return None


def _relative_trade_pair(v: View, mi: int) -> tuple[str, str]:
    """'X, Y का सबसे बड़ा व्यापारिक साझेदार है, जिसके साथ N का व्यापार हुआ': the pair X-Y (relative_pair)."""
    found = relative_pair(v, mi)
    if not found:
        return "", ""
    owner, partner = found
    return f"{owner.text}-{partner.text}", f"{owner.id}|{partner.id}"


def relative_pair(v: View, k: int):
    """(Y, X) for a value's clause opened after a comma by a relative pronoun with a case (relative_markers.tsv:
    जहां, जहां से, जिसे; or जिसके साथ) that stands for X, the country in the direct case before it, when the
    clause before names Y in the genitive ('X, Y का सबसे बड़ा निर्यात बाजार है, जहां N का माल भेजा गया')."""
    rel = next((n for n in range(k, 1, -1) if v.keys[n - 1] == "," and (
        phrases("relative_markers.tsv").at(v.keys, n) or v.keys[n] in cc("relative_genitive")
        and v.keys[n + 1:n + 2] == [marker("with").split()[-1]])), None)
    if rel is None or v.clause(rel) != v.clause(k):
        return None
    places = [(a, b, e) for a, b, e in v.entities("LOC") if e.subtype == "country" and b < rel]
    direct = [e for a, b, e in places if v.keys[b] not in cc("case", "genitive")]
    owner = [e for a, b, e in places if v.keys[b] in cc("genitive")]
    if direct and owner and direct[0].text != owner[-1].text:
        return owner[-1], direct[0]
    return None


def _relative_partner(v, predicate, span, i, ctx):
    """'X, भारत का सबसे बड़ा निर्यात बाजार है, जहां N का माल भेजा गया': भारत exports to X (relative_pair)."""
    found = relative_pair(v, i) if metrics().frames[predicate].pair_partner else None
    return (found[0].text, found[0].id, "", (found[1].text, found[1].id)) if found else None


def _owner_with_partner(v: View, mi: int) -> tuple[str, str]:
    """'X का Y के साथ कुल व्यापार', 'Y के साथ X का व्यापार': a country's trade with a
    partner marked के साथ right before the trade noun is the pair's."""
    with_, gen = tuple(marker("with").split()), cc("genitive")
    places = [(a, b, e) for a, b, e in v.entities("LOC") if e.subtype == "country" and b < mi]
    for pa, pb, p in places:
        if tuple(v.keys[pb:pb + len(with_)]) != with_:
            continue
        after = pb + len(with_)
        for oa, ob, o in places:
            if o.text == p.text or ob >= len(v.keys) or v.keys[ob] not in gen:
                continue
            first = ob + 1 == pa and 0 <= mi - after <= 2        # X का Y के साथ [कुल] व्यापार
            total = ob + 2 == mi and v.keys[ob + 1] in words("total_words.tsv")
            second = after == oa and (ob + 1 == mi or total)     # Y के साथ X का [कुल] व्यापार
            if first or second:
                return f"{o.text}-{p.text}", f"{o.id}|{p.id}"
    return "", ""


def _direction(v, predicate, span, i, ctx):
    found = source_giver(v, i, predicate, ctx[0])
    if found:
        giver, taker = found
        return giver.text, giver.id, "", (taker.text, taker.id) if taker else None
    return None


def _genitive(v, predicate, span, i, ctx):
    return genitive_owner(v, span[0], ctx[1], ctx[0], predicate), "", "", None


def _before_value(v, predicate, span, i, ctx):
    """'कंपनी X के एक अरब डॉलर के निवेश प्रस्ताव': an organisation in the genitive right before a value
    whose metric noun follows it owns the value (not a country: 'पाकिस्तान की N डॉलर की सहायता' is
    the aid it gets as often as the aid it gives)."""
    if span[0] < i or i < 2 or v.keys[i - 1] not in cc("genitive"):
        return None
    hit = v.ent_ending(i - 1)
    if hit and hit[1].label == "ORG" and hit[0] not in ctx[1]:
        return hit[1].text, hit[1].id, "", None
    return None


def _marked(v, predicate, span, i, ctx):
    text, eid = marked_owner(v, span[0], predicate, ctx[1], ctx[0])
    return text, eid, "", None


def _agent(v, predicate, span, i, ctx):
    """The body marked ने / द्वारा; a generic noun of a body (बैंक ने, कंपनी ने) names the last one; not
    the host approving an investment ('सरकार ने ... के निवेश प्रस्ताव को मंजूरी दी', host_approves)."""
    if metrics().frames[predicate].host_approves and _approved(v, i):
        return None
    found = agent_owner(v, i, ctx[1]) or _body_written(v, i, ctx[1])
    if found:
        return found, "", "", None
    state, agents = ctx[0], (marker("agent"), marker("passive_agent"))
    for k in window(v, i):
        if 0 < k < i and v.keys[k] == marker("agent") and _anaphor_kinds().get(v.keys[k - 1]) == "ORG" \
                and k - 1 not in ctx[1] and not v.ent_ending(k):
            return state.named(v.keys[k - 1]) or state.org, "", "", None
    group = _group_agent(v, i, ctx[1])
    if group:
        return group, "", "", None
    for k in window(v, i):                  # 'N की सहायता ... भारत ने दी': the agent after the object
        hit = v.ent_ending(k) if k > i and v.keys[k] in agents else None
        if hit and hit[1].label in ("LOC", "ORG") and hit[0] not in ctx[1]:
            return hit[1].text, hit[1].id, "", None
    return None


def _body_written(v: View, i: int, speakers: set[int]) -> str:
    """'X की मुबाडाला इन्वेस्टमेंट कंपनी ने': a body the recogniser does not know, written as one to three
    plain words and a descriptor noun (body_descriptors.tsv) after a place's genitive and marked ने, is
    the agent as written (not the place)."""
    for k in (k for k in window(v, i) if 2 < k < i and v.keys[k] == marker("agent") and k - 1 not in speakers):
        if v.keys[k - 1] not in words("body_descriptors.tsv") or v.ent_ending(k):
            continue
        n = k - 1
        while n > k - 4 and v.tag(n - 1) == "W" and n - 1 not in v.ents and v.keys[n - 1] not in cc("genitive"):
            n -= 1
        owner = v.ent_ending(n - 1) if n < k - 1 and v.keys[n - 1] in cc("genitive") else None
        if owner and owner[1].label == "LOC":
            return v.text(n, k)
    return ""


def _approved(v: View, i: int) -> bool:
    """An approval noun (approval_words.tsv) after the value in its clause."""
    return any(k > i and v.clause(k) == v.clause(i) for k, _, _ in v.find(phrases("approval_words.tsv")))


def _group_agent(v: View, i: int, speakers: set[int]) -> str:
    """'भारतीय कंपनियों ने', 'विदेशी निवेशकों ने', 'ब्रिटेन की कंपनियां ... निवेश करेंगी' before the value in
    its clause, marked ने or in the direct case (or marked से before a verb of receiving: 'यूएई की
    कंपनियों से ... निवेश मिला'): the actors as written (owner_groups.tsv: a qualifier, a demonym or a
    country's genitive, then a plural noun of actors)."""
    kinds, dem = table("owner_groups.tsv", "word", "kind"), table("demonyms.tsv", "adjective", "country")
    receives = any(v.keys[k] in metrics().receive for k in window(v, i) if k > i)
    for n in (n for n in window(v, i) if 0 < n < i and kinds.get(v.keys[n]) == "noun" and n not in speakers):
        m = v.past_bracket(n + 1, 5)            # 'विदेशी पोर्टफोलियो निवेशकों (एफपीआई) ने'
        after = v.keys[m] if m < len(v.keys) else ""
        if not (after == marker("agent") or (after == marker("source") and receives)
                or after not in cc("case", "genitive") and v.tag(n + 1) != "PG"):
            continue
        if n > 1 and (kinds.get(v.keys[n - 2]) == "qualifier" or v.keys[n - 2] in dem) and n - 1 not in v.ents \
                and (v.tag(n - 1) == "W" or kinds.get(v.keys[n - 1]) == "qualifier"):
            return v.text(n - 2, n + 1)         # 'विदेशी पोर्टफोलियो निवेशकों (एफपीआई) ने', 'विदेशी संस्थागत निवेशकों'
        hit = v.ent_ending(n - 1) if v.keys[n - 1] in cc("genitive") else None
        if not (hit and hit[0] in speakers) and group_phrase(v, n):
            return group_phrase(v, n)
    return ""


def _pronoun(v, predicate, span, i, ctx):
    """उसने / उसके बोर्ड ने in a reported clause: the speaker; वह opening it, for a figure the speaker
    states of itself ('कंपनी ने बताया कि वह 500 करोड़ रुपये निवेश करेगी'), when the speaker is no person."""
    kinds, keys = _anaphor_kinds(), v.keys
    for k in (k for k in window(v, i) if k < i and kinds.get(keys[k]) in ("owner", "subject")):
        if keys[k].endswith(marker("agent")) or marker("agent") in keys[k + 1:min(i, k + 5)]:
            found = pronoun_owner(v, ctx[0])             # 'कंपनी ने बताया कि उसने / उसके बोर्ड ने ...'
            named = [(b, e) for _, b, e in v.entities() if b <= k and e.label in ("LOC", "ORG") and b - 1 not in ctx[1]]
            # the subject of the clause before: a name in the direct case or marked ने, not one in an oblique
            # case ('सिंगापुर भारत में सबसे बड़ा निवेशक रहा और उसने ...': सिंगापुर)
            direct = [e for b, e in named if v.tag(b) not in ("PK", "PG", "PC") or keys[b] == marker("agent")]
            pick = direct[-1] if direct else named[-1][1] if named else None
            return (found or (pick.text if pick else "")), "", "", None   # 'भारत ... है और उसने ...'
        opens = k > 0 and keys[k - 1] in cc("complementizer") and kinds.get(keys[k]) == "subject"
        if opens and metrics().frames[predicate].self_reported and v.syn is not None and v.syn.attributions:
            a, b = v.syn.attributions[0].speaker
            person = any(e.label == "PER" for x, y, e in v.entities() if a <= x < b) or \
                any(a <= x < b for x, _ in v.titles())
            return (None if person else (pronoun_owner(v, ctx[0]), "", "", None))
    return None


def _office(v, predicate, span, i, ctx):
    if metrics().frames[predicate].flow:
        found = giver_office(v, window(v, i), ctx[1])
        if found:
            return found[0], "", found[1], None
    return None


def _after_with(v: View, n: int) -> int:
    """The token after 'के साथ' written at token n, else -1."""
    with_ = tuple(marker("with").split())
    return n + len(with_) if tuple(v.keys[n:n + len(with_)]) == with_ else -1


def _ranked(v, predicate, span, i, ctx):
    """'14.9 अरब डॉलर के निवेश के साथ सिंगापुर ... सबसे बड़ा निवेशक रहा', 'VALUE के साथ X तीसरे स्थान पर':
    the place or body in the direct case right after 'VALUE [के METRIC] के साथ' ranks by that figure
    and owns it."""
    k = _after_with(v, v.amts[i][0] if i in v.amts else i)
    if k < 0 and i < span[0]:
        k = _after_with(v, span[1])
    if k not in v.ents:
        return None
    end, e = v.ents[k]
    after = v.keys[end] if end < len(v.keys) else ""
    ranked = e.label in ("LOC", "ORG") and after not in cc("case", "genitive") and after != "("
    return (e.text, "", "", None) if ranked else None


def _nominative(v, predicate, span, i, ctx):
    """The clause's body in the direct case; a generic noun of a body in the direct case opening the
    value's clause ('कंपनी इस संयंत्र पर 900 करोड़ रुपये का निवेश करेगी') names the last one."""
    found = nominative_owner(v, i, ctx[1])
    received = _receiving(v, i) if metrics().frames[predicate].flow else None
    if found and received:
        return "", "", "", received         # 'X 70 करोड़ डॉलर पाकर दूसरे स्थान पर': a recipient, no giver
    if found:
        return found, "", "", None
    w, state = window(v, i), ctx[0]
    for k in (k for k in w if k < i and k not in ctx[1]):
        opens = k == w.start or v.keys[k - 1] in cc("complementizer", "coord") or v.keys[k - 1] == ","
        width = 2 if _anaphor_kinds().get(" ".join(v.keys[k:k + 2])) == "self" else 1
        kind = _anaphor_kinds().get(" ".join(v.keys[k:k + width]))
        nxt = v.keys[k + width] if k + width < len(v.keys) else ""
        if kind in ("ORG", "self") and nxt not in cc("case", "genitive") and opens:
            if kind == "self":              # 'सरकार बुनियादी ढांचे में ... निवेश करेगी'
                return v.text(k, k + width), "", "", None
            return state.named(v.keys[k]) or state.org or None, "", "", None
    return None


def _country(v, predicate, span, i, ctx):
    """देश as the owner (देश का निर्यात, देश ने, देश ... रहा): the country the text is about (after a
    demonym or a qualifier the countries as written: अफ्रीकी देश); not देश in another case (देश में आया निवेश: the recipient; देश से हुआ निर्यात: the source)."""
    state, kinds = ctx[0], _anaphor_kinds()
    groups, dem = table("owner_groups.tsv", "word", "kind"), table("demonyms.tsv", "adjective", "country")
    for k in window(v, i):
        nxt = v.keys[k + 1] if k + 1 < len(v.keys) else ""
        if kinds.get(v.keys[k]) == "country" and (nxt == marker("agent") or nxt not in cc("case")):
            if k and (v.keys[k - 1] in dem or groups.get(v.keys[k - 1]) == "qualifier"):
                return v.text(k - 1, k + 1), "", "", None      # 'यूरोपीय देश ... निवेश करेंगे': those, as written
            own = _persons_country(v, k) if k and _possessive(v.keys[k - 1]) else None
            if own:
                return own.text, own.id, "", None             # 'X के युवराज Y ... उनका मुल्क': X
            return (state.country or v.text(k, k + 1)), "", "", None
    return None


def _possessive(key: str) -> bool:
    """A possessive pronoun (उनके, उनका, अपना: a possessive or a determiner ending like a genitive)."""
    return key in cc("possessive") or key in cc("determiner") and any(key.endswith(g) for g in cc("genitive"))


def _persons_country(v: View, k: int):
    """The country in the title of the last person named before token k ('सऊदी अरब के युवराज X'; with
    no title found, a country in the genitive among the ten words before the name)."""
    people = [(a, e) for a, b, e in v.entities("PER") if b <= k]
    if not people:
        return _title_country(v, k)
    start, p = people[-1]
    first = v.tokens[max(0, start - 10)].start
    first = min(first, p.role_start) if p.role_start >= 0 else first
    return next((e for a, b, e in v.entities("LOC") if e.subtype == "country" and first <= v.tokens[a].start < p.start
                 and v.keys[b:b + 1] and v.keys[b] in cc("genitive")), None)


def _title_country(v: View, k: int):
    """The country in the genitive right before the last title of office before token k, when no person
    is named ('जापान के प्रधानमंत्री ने कहा कि उनका देश ...': जापान)."""
    titles = [a for a, b in v.titles() if b <= k]
    if not titles or titles[-1] < 2 or v.keys[titles[-1] - 1] not in cc("genitive"):
        return None
    hit = v.ent_ending(titles[-1] - 1)
    return hit[1] if hit and hit[1].label == "LOC" and hit[1].subtype == "country" else None


def _speaker_body(v, predicate, span, i, ctx):
    """A body reporting its own figures ('कंपनी ने बताया कि ...', 'सरकार ने ... की घोषणा की') owns
    them when nothing else does, but not a flow it says came in or was received; a person who reports
    never does."""
    state, speakers = ctx
    if v.syn is None or not v.syn.attributions or not metrics().frames[predicate].self_reported:
        return None
    if metrics().frames[predicate].flow and any(v.keys[k] in metrics().receive for k in window(v, i) if k > i):
        return None                     # 'सरकार ने बताया कि राज्य में N का निवेश आया': an inflow it reports
    a, b = v.syn.attributions[0].speaker
    hit = v.ent_ending(b)
    country = hit and hit[1].label == "LOC" and hit[1].subtype == "country" and metrics().frames[predicate].flow
    if hit and hit[0] >= a and (hit[1].label == "ORG" or country):    # 'जापान ने ... निवेश की घोषणा की'
        return state.aliases.get(hit[1].text, hit[1].text), hit[1].id, "", None
    if b - a == 1 and _anaphor_kinds().get(v.keys[a]) in ("self", "ORG"):
        return resolve_party(v, (a, b), state), "", "", None
    group = group_phrase(v, b - 1)                       # 'फ्रांस की कंपनियों ने ... निवेश की घोषणा की'
    return (group, "", "", None) if group and metrics().frames[predicate].flow else None


def locative_owner(v, predicate, span, i, ctx):
    """'देश में बेरोजगारी दर', 'भारत के शहरी इलाकों में महंगाई': the country a national figure that is no
    flow is measured in (a locative before the metric noun, in its clause with no value between, past a
    genitive and two words; 'देश में 15 से 29 वर्ष के युवाओं में बेरोजगारी दर': an age is no value)."""
    frame = metrics().frames[predicate]
    if not frame.national or frame.flow:
        return None
    mi, inside, gen = span[0], marker("in"), cc("genitive")
    values = {e - 1 for _, e, a in v.amounts() if a.kind != "duration"}   # an age group is no value between
    for k in range(mi - 1, max(-1, mi - 13), -1):
        if v.keys[k] != inside or v.clause(k) != v.clause(mi) or any(n in values for n in range(k, mi)):
            continue
        for n in range(k, max(0, k - 4) - 1, -1):
            hit = v.ent_ending(n)
            country = hit and hit[1].label == "LOC" and hit[1].subtype == "country"
            anaphor = n > 0 and _anaphor_kinds().get(v.keys[n - 1]) == "country"
            if (country or anaphor) and (n == k or v.keys[n] in gen):
                return (hit[1].text, hit[1].id, "", None) if country else \
                    (ctx[0].country or v.text(n - 1, n), "", "", None)
    return None


def _standing(v, predicate, span, i, ctx):
    """A ranking: '<value> के साथ <party> तीसरे स्थान पर रहा', '<value> हिस्सेदारी के साथ <party> शीर्ष पर है':
    the party of standing_party has the value (an investor, a seller); for a frame whose ranked party is
    the other one (list_party counterpart: the destination of exports) it is the counterpart, beside the
    owner in the genitive ('भारत के निर्यात में ... के साथ जर्मनी पांचवें स्थान पर')."""
    if predicate in TRADE or i not in v.amts:
        return None
    party = standing_party(v, i, ctx[1])
    if party is None:
        return None
    if metrics().frames[predicate].list_party != "counterpart" or party.label == "ORG":
        return ("", "", "", (party.text, party.id)) if _recent_received(ctx[0], predicate) else \
            (party.text, party.id, "", None)      # a body ranked by its exports is the exporter
    owner = genitive_owner(v, span[0], ctx[1], ctx[0], predicate) or _owner_after_with(v, i)
    return (owner, "", "", (party.text, party.id)) if owner and owner != party.text else None


def _owner_after_with(v: View, i: int) -> str:
    """'X N के साथ भारत का तीसरा सबसे बड़ा निर्यात गंतव्य रहा': the place in the genitive right after
    'VALUE के साथ' owns the ranked figure."""
    k = _after_with(v, v.amts[i][0])
    hit = v.ents.get(k)
    if hit and hit[1].label == "LOC" and v.keys[hit[0]:hit[0] + 1] and v.keys[hit[0]] in cc("genitive"):
        return hit[1].text
    return ""


def _receiving(v: View, i: int) -> tuple[str, str] | None:
    """(text, id) of the party written as receiving the value at i ('X N पाकर', list_words.tsv), past the
    value restated in brackets."""
    if i not in v.amts:
        return None
    pair = received_by(v, i, v.past_bracket(v.amts[i][0], 12))
    return (pair[0], pair[1]) if pair else None


def standing_party(v: View, i: int, speakers: set[int]):
    """The place or body ranked by the value at i: right after (or right before) '<value> के साथ', when a
    word of a standing (standing_words.tsv) follows within eight words; not a party in the genitive (an
    owner: '... के साथ भारत के निर्यात में')."""
    keys, k = v.keys, v.amts[i][0]
    if k < len(keys) and keys[k] in words("share_nouns.tsv"):
        k += 1                                   # '<value> हिस्सेदारी के साथ'
    with_ = marker("with").split()
    if keys[k:k + len(with_)] != with_:
        return None
    k += len(with_)
    after = v.ents.get(k)                        # '<value> के साथ <party> <standing>'
    before = v.ent_ending(i)                     # '<party> <value> के साथ <standing>'
    if after is not None and _owner_after_with(v, i):
        after = None
    if after is not None:
        first, look, party = k, after[0], after[1]
    elif before is not None:
        first, look, party = before[0], k, before[1]
    else:
        return None
    if party.label not in ("LOC", "ORG") or first in speakers:
        return None
    ahead, stand = keys[look:look + 8], words("standing_words.tsv")
    if not any(w in stand or " ".join(ahead[n:n + 2]) in stand for n, w in enumerate(ahead)):
        return None
    return party


def _recent_received(state, predicate: str) -> bool:
    return state.sentence - state.metric_sentence <= 2 and ranks_recipients(state.last_metric or {}, predicate)


def ranks_recipients(last: dict, predicate: str) -> bool:
    """'A को सबसे अधिक N का निवेश मिला। B M के साथ दूसरे स्थान पर रहा': a ranking that continues a flow
    written as received and ranked first (the last fact: a recipient with a superlative, no giver) ranks
    recipients, not givers."""
    return bool(metrics().frames[predicate].flow and last.get("predicate") == predicate and not last.get("subject")
                and last.get("recipient_ranked")
                and (last.get("counterpart") or ("",))[0])


def _gapped(v, predicate, span, i, ctx):
    """'केंद्र का घाटा 4.8 प्रतिशत रहा, जबकि राज्यों का 2.9 प्रतिशत': a party in the genitive right before a
    value whose clause names no metric of its own is that value's owner (a name, देश, or a group of
    owner_groups.tsv as written)."""
    if i < 2 or v.keys[i - 1] not in cc("genitive") or v.clause(span[0]) == v.clause(i):
        return None
    hit = v.ent_ending(i - 1)
    if hit and metrics().frames[predicate].pair_partner and share_listed_before(v, hit[0]):
        return None                     # '..., जबकि यूएई का 8 फीसदी' after 'अमेरिका का हिस्सा': a partner's share
    if hit and hit[1].label in ("LOC", "ORG") and hit[0] not in ctx[1]:
        return hit[1].text, hit[1].id, "", None
    word = v.keys[i - 2]
    if table("owner_groups.tsv", "word", "kind").get(word) == "noun" or _anaphor_kinds().get(word) == "country":
        return v.text(i - 2, i - 1), "", "", None
    return None


def body_reports(v: View, predicate: str) -> bool:
    """Does a body that could own it report this sentence's self-reported figure: an organisation or a
    country as the speaker, or a generic noun of one (कंपनी ने); not a person, a title, a document?"""
    if not metrics().frames[predicate].self_reported or v.syn is None or not v.syn.attributions:
        return False
    a, b = v.syn.attributions[0].speaker
    if any(e.label == "PER" for x, _, e in v.entities() if a <= x < b) or any(a <= x < b for x, _ in v.titles()):
        return False
    hit = v.ent_ending(b)
    return bool(hit and hit[0] >= a and hit[1].label in ("ORG", "LOC")) or \
        _anaphor_kinds().get(v.keys[b - 1]) == "ORG"


def _regional_share(v, predicate, span, i, ctx):
    """'देश के निर्यात में गुजरात की हिस्सेदारी 33 प्रतिशत': a state's or a city's share of a national trade
    figure is its own (not a partner's)."""
    if not metrics().frames[predicate].pair_partner:
        return None
    hit = share_holder(v, i)
    if hit and hit[1].label == "LOC" and hit[1].subtype in DOMESTIC and hit[0] not in ctx[1]:
        return hit[1].text, hit[1].id, "", None
    return None


def _world_share(v, predicate, span, i, ctx):
    """'वैश्विक निर्यात में भारत की हिस्सेदारी 2 प्रतिशत': the party whose share of a world total is stated
    owns it."""
    if not metrics().frames[predicate].pair_partner or not world_total(v, span[0]):
        return None
    hit = share_holder(v, i)
    if hit and hit[1].label == "LOC" and hit[0] > span[0] and hit[0] not in ctx[1]:
        return hit[1].text, hit[1].id, "", None
    return None


def _holder_written(v: View, i: int) -> bool:
    """'VALUE के साथ Y तीसरे नंबर पर': a holder is written right after 'VALUE के साथ'
    (a word in the direct case, no name the recogniser knows): no earlier owner is carried to it."""
    k = _after_with(v, v.amts[i][0] if i in v.amts else i)
    return 0 <= k < len(v.keys) and v.tag(k) == "W" and k not in v.ents


def _carried(v, predicate, span, i, ctx):
    """The last metric fact's owner, for a figure of the next two sentences; not past a body of this
    sentence reporting a figure of its own ('एक कोरियाई कंपनी ने ... निवेश का ऐलान किया': not the owner
    before, whoever the company is)."""
    state = ctx[0]
    if body_reports(v, predicate) or _holder_written(v, i):
        return None
    if state.owner and state.sentence - state.metric_sentence <= 2:
        return state.owner, "", "", None
    return None


OWNER_FINDERS = {"inverted": inverted, "planner": planner, "public_body": public_body, "base_owner": base_owner, "sender": _sender, "whose": whose, "relative": relative_source, "pair": _pair, "direction": _direction, "demonym": _genitive, "genitive": _genitive, "before_value": _before_value, "marked": _marked,
                 "agent": _agent, "pronoun": _pronoun, "giver_office": _office, "nominative": _nominative,
                 "country": _country, "locative": locative_owner, "gapped": _gapped, "standing": _standing, "world_share": _world_share, "regional_share": _regional_share, "speaker_body": _speaker_body, "carried": _carried,
                 "ranked": _ranked, "relative_partner": _relative_partner}
