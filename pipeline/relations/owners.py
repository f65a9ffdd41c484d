"""The owner of a metric frame (its subject); the counterpart is in counterparts.py.

The owner finders of frames.yaml (`metrics.owner`), tried in order: `pair` (trade of two parties: X-Y,
X और Y के बीच, दोनों देशों), `demonym` (भारतीय निर्यात), `genitive` (the genitive chain before the
metric word, past a partner phrase: चीन का अमेरिका के साथ व्यापार अधिशेष), `agent` (the body marked
ने / द्वारा / की ओर से, its members acting for it), `pronoun` (उसका, उसने: the earlier owner or the
speaker), `giver_office` (a national office giving money: its country), `nominative` (the clause's body
in the direct case), `country` (देश: the country the paragraph is about), `carried` (the previous
sentences' owner). A speaker is never the owner. The direction of money: the giver is the owner, the
receiver the counterpart; with a verb of receiving (आकर्षित, मिला) the party marked से gives."""
from __future__ import annotations

from .anaphora import GROUP_SUBTYPES, DocState
from .argument import Arg, groups
from .arguments import build
from .attributes import periods, resolve_party, window
from .frames import metrics
from .lexicon import cc, marker, markers_of, phrases, table, words
from .view import View

TRADE = ("trade", "bilateral_trade")


def anaphor_kind(key: str) -> str:
    return table("owner_anaphors.tsv", "word", "refers_to").get(key, "")


def pair_text(parties) -> str:
    return "-".join(p[0] for p in parties)


def pair_before(v: View, end: int, state: DocState, loose: bool = False) -> tuple[str, str]:
    """(the two parties as 'X-Y', their ids) of a pair before token end: hyphenated (भारत-रूस), or listed
    and closed by के बीच / ने / a genitive (भारत और रूस के बीच), or दोनों देश (the pair named before, else
    the last two countries the text named); `loose` (a bilateral metric noun): also a pair in the direct
    case in its clause ('भारत और जापान आपसी व्यापार को ... ले जाएंगे')."""
    for g in reversed(groups([a for a in build(v, state) if a.end <= end])):
        places = [a for a in g if a.kind == "place" or a.subtype in GROUP_SUBTYPES]   # 'भारत-आसियान'
        if len(places) != 2:
            continue
        a, b = places
        hyphen = v.keys[a.end:b.start] == ["-"]
        closed = b.marker in (marker("between"), marker("agent")) or b.is_genitive
        direct = loose and b.marker == "" and v.clause(b.start) == v.clause(end - 1)
        if hyphen or closed or direct:
            return f"{a.text}-{b.text}", f"{a.id}|{b.id}" if a.id and b.id else ""
    refers = table("party_anaphors.tsv", "word", "refers_to")
    both = {w.split()[0] for w, kind in refers.items() if kind == "pair"}
    pairs = [k for k in range(end) if refers.get(" ".join(v.keys[k:k + 2])) == "pair"
             or v.keys[k] in both and " ".join(v.keys[k + 1:k + 3]) == marker("between")]
    if not pairs:                       # 'दोनों के बीच N का व्यापार': the bare word before के बीच
        return "", ""
    own = list(dict.fromkeys((a.text, a.id) for a in build(v, state) if a.end <= pairs[0] and not a.anaphor
                             and (a.subtype == "country" or a.subtype in GROUP_SUBTYPES)))
    if len(own) == 2:                   # 'यूरोपीय संघ भारत का बड़ा साझेदार है और दोनों देशों के बीच ...'
        (a, ai), (b, bi) = own
        return f"{a}-{b}", f"{ai}|{bi}" if ai and bi else ""
    named = state.recent_countries()[:2]
    if len(named) == 2:                 # the last two countries of the paragraph
        return f"{named[1]}-{named[0]}", ""
    return "", ""


def _past_partner(v: View, k: int, predicate: str) -> int:
    """The start of a partner phrase ending at k ('अमेरिका के साथ', 'अमेरिका को होने वाला': past a
    participle of partner_participles.tsv), else k."""
    frame = metrics().frames.get(predicate)
    part = next((n for n in range(max(0, k - 3), k) if (phrases("partner_participles.tsv").at(v.keys, n)
                                                       or (0,))[0] == k - n), k)
    for m in frame.counterpart if frame else ():
        n = len(m)
        hit = v.ent_ending(part - n) if part > n else None
        if hit and tuple(v.keys[part - n:part]) == m:
            return hit[0]
        n = len(m)
        hit = v.ent_ending(k - n) if k > n else None
        if hit and tuple(v.keys[k - n:k]) == m:
            return hit[0]
        goods = k - 1 if k > n + 1 and v.tag(k - 1) == "W" and not v.ent_ending(k) else None
        hit = v.ent_ending(goods - n) if goods is not None else None    # 'X का कतर से एलएनजी आयात'
        if hit and tuple(v.keys[goods - n:goods]) == m:
            return hit[0]
    return k


def genitive_owner(v: View, mi: int, speakers: set[int], state: DocState, predicate: str = "") -> str:
    """'X का/की/के [कुल ...] METRIC', a demonym before it, or a pronoun genitive (उसका)."""
    fill, dem, keys, gen = words("fillers.tsv"), table("demonyms.tsv", "adjective", "country"), v.keys, cc("genitive")
    k = mi
    if _demonym_before(v, k):
        return dem[keys[k - 1]]
    k = _past_partner(v, k, predicate or "trade_surplus")
    basis = next((n for n in range(max(0, k - 4), k) if (phrases("basis_phrases.tsv").at(keys, n) or (0,))[0] == k - n), k)
    k = basis                                 # 'कंपनी का समेकित आधार पर मुनाफा'
    while k > 0 and mi - k < 3 and keys[k - 1] in fill and keys[k - 1] not in gen:
        k -= 1
    if k == mi:                               # 'उसका कंसॉलिडेटेड नेट प्रॉफिट': up to two plain words
        n = k
        if n > 2 and keys[n - 1] == marker("source") and v.tag(n - 2) == "W" and not v.ent_ending(n - 1):
            n -= 1                                # 'X का परिचालन से राजस्व': a plain word and से
        while n > 0 and k - n < 3 and (v.tag(n - 1) in ("W", "") or keys[n - 1] in cc("coord")) \
                and keys[n - 1] not in gen and not v.ent_ending(n) and anaphor_kind(keys[n - 1]) != "owner":
            n -= 1
        if 0 < n < k and (keys[n - 1] in gen or anaphor_kind(keys[n - 1]) == "owner"):
            k = n
    k = _past_place_of(v, _past_goods(v, _past_period(v, k)))
    if _demonym_before(v, k):
        return dem[keys[k - 1]]
    if k > 0 and anaphor_kind(keys[k - 1]) == "owner":
        return pronoun_owner(v, state, k - 1)
    if k > 1 and keys[k - 1] in gen:
        return _genitive_party(v, k - 1, speakers, state)
    return ""


def _past_place_of(v: View, k: int) -> int:
    """'भारत का विदेशों में निवेश', 'X का बुनियादी ढांचे में निवेश': past one or two plain words and में
    (where the flow goes) between the owner's genitive and the metric noun."""
    if k < 3 or v.keys[k - 1] != marker("in"):
        return k
    for n in (k - 2, k - 3):
        if n > 0 and all(v.tag(x) == "W" and not v.ent_ending(x + 1) for x in range(n, k - 1)) \
                and v.keys[n - 1] in cc("genitive"):
            return n
    return k


def group_phrase(v: View, n: int) -> str:
    """The actors as written when token n is a plural noun of actors (owner_groups.tsv) after a qualifier,
    a demonym or a country's genitive ('अमेरिकी कंपनियों', 'फ्रांस की कंपनियों'), else ""."""
    kinds = table("owner_groups.tsv", "word", "kind")
    if n < 1 or kinds.get(v.keys[n]) != "noun":
        return ""
    if kinds.get(v.keys[n - 1]) == "qualifier" or v.keys[n - 1] in table("demonyms.tsv", "adjective", "country"):
        return v.text(n - 1, n + 1)
    hit = v.ent_ending(n - 1) if v.keys[n - 1] in cc("genitive") else None
    return v.text(hit[0], n + 1) if hit and hit[1].label == "LOC" else ""


def _demonym_before(v: View, k: int) -> bool:
    """A demonym right before k, not right after a value: in '4 लाख टन चीनी निर्यात की' the word
    after the quantity names the goods (sugar), as in 'N टन भारतीय चावल' it qualifies them."""
    return k > 0 and v.keys[k - 1] in table("demonyms.tsv", "adjective", "country") and k - 2 not in v.amounts_end()


def _past_period(v: View, k: int) -> int:
    """'X का अक्टूबर-दिसंबर तिमाही में शुद्ध लाभ', 'X का जून तिमाही का मुनाफा': past a period written
    (with में or a genitive) between the owner's genitive and the metric noun."""
    n = k
    while n > k - 2 and n > 3 and v.tag(n - 1) == "W" and not v.ent_ending(n):
        n -= 1                                # 'में एकीकृत शुद्ध लाभ': one or two plain words
    if n < 3 or v.keys[n - 1] not in cc("genitive") | {marker("in")}:
        return k
    hit = next((a for a, b, _ in periods(v) if b == n - 1), None)
    while hit is not None and hit > 2 and v.tag(hit - 1) == "W" and hit > n - 8 and not v.ent_ending(hit):
        hit -= 1                              # 'का वित्त वर्ष 2024-25 की ... तिमाही का': a word of the period
    return hit if hit is not None and hit > 1 and v.keys[hit - 1] in cc("genitive") else k


def _past_goods(v: View, k: int) -> int:
    """'भारत का सोने का आयात': past a goods noun's genitive (goods_nouns.tsv) to the owner's before it;
    past the genitive of up to three plain words (a product: 'भारत का स्मार्टफोन का निर्यात', 'देश
    का रत्न एवं आभूषण का निर्यात') when a place, a body or देश stands in the genitive before them."""
    if k < 3 or v.keys[k - 1] not in cc("genitive"):
        return k
    for n in range(max(0, k - 4), k - 1):
        hit = phrases("goods_nouns.tsv").at(v.keys, n)
        if hit and n + hit[0] == k - 1 and n > 1 and v.keys[n - 1] in cc("genitive"):
            return n
    n = k - 1
    while n > k - 5 and n > 2 and (v.tag(n - 1) == "W" or v.keys[n - 1] in cc("coord")) and not v.ent_ending(n):
        n -= 1
    if n < k - 1 and n > 1 and v.keys[n - 1] in cc("genitive") and v.keys[n] not in cc("coord") and \
            (v.ent_ending(n - 1) or anaphor_kind(v.keys[n - 2]) == "country"):
        return n
    return k


def _genitive_party(v: View, k: int, speakers: set[int], state: DocState) -> str:
    """The party closed by the genitive at token k: a place or body named (past its short form in
    brackets: 'पंजाब नेशनल बैंक (पीएनबी) का'), or an owner anaphor."""
    if v.keys[k - 1] == ")":
        k = next((n for n in range(k - 2, max(0, k - 8), -1) if v.keys[n] == "("), k)
    hit = v.ent_ending(k)
    if hit and hit[1].label in ("LOC", "ORG") and hit[0] not in speakers:
        return state.aliases.get(hit[1].text, hit[1].text)
    kind = anaphor_kind(v.keys[k - 1])
    if kind == "country":
        return state.country or v.text(k - 1, k)        # देश, as written, when none was named
    if kind == "ORG":
        return state.named(v.keys[k - 1]) or state.org
    if kind == "self":
        return v.text(k - 1, k)
    return group_phrase(v, k - 1) if k - 1 not in speakers else ""     # 'चीन में अमेरिकी कंपनियों का निवेश'


def pronoun_owner(v: View, state: DocState, at: int = -1) -> str:
    """उसका / उसकी in a reported clause is the speaker's ('कंपनी ने कहा कि उसका मुनाफा ...'); at token `at`
    after a clause of its sentence whose subject is a place or body in the direct case, that party's
    ('भारत सबसे बड़ा आयातक है और उसके कुल आयात का ...'); else the last owner."""
    if v.syn is not None and v.syn.attributions:
        return resolve_party(v, v.syn.attributions[0].speaker, state)
    first = v.ents.get(0)
    if at > 0 and first and first[0] < at and first[1].label in ("LOC", "ORG") and v.clause(0) != v.clause(at) \
            and v.keys[first[0]:first[0] + 1] and v.keys[first[0]] not in cc("case", "genitive") | {","}:
        return first[1].text
    return state.owner


def marked_owner(v: View, mi: int, predicate: str, speakers: set[int], state: DocState) -> tuple[str, str]:
    """'भारत से अमेरिका को होने वाला निर्यात', 'सिंगापुर से आया एफडीआई': a party closed by one of the
    frame's `subject_markers` a few tokens before the metric noun, in its clause."""
    frame = metrics().frames.get(predicate)
    into = _into_owner(v, mi, predicate, state) if frame and frame.into_markers else None
    if into or not frame or not frame.subject_markers:
        return into or ("", "")
    cl = v.clause(mi)
    # a period or an amount between counts no words ('देश से साढ़े चार अरब डॉलर के चावल का निर्यात')
    spans = [(x, y) for x, y, _ in periods(v) if y <= mi] + [(x, e) for x, (e, _) in v.amts.items() if e <= mi]
    free = {k for x, y in spans for k in range(x, y)}

    def far(b: int) -> bool:
        return mi - b - len([k for k in free if b <= k < mi]) > 7

    for a, b, ent in reversed(v.entities()):
        if b > mi or far(b) or a in speakers or ent.label == "PER" or v.clause(a) != cl:
            continue
        if any(tuple(v.keys[b:b + len(m)]) == m for m in frame.subject_markers):
            return ("", "") if _body_agent_before(v, a, cl, speakers) else (ent.text, ent.id)
    for k in range(max(0, mi - 12), mi):      # 'देश से दवाओं का निर्यात': the country the text is about
        if anaphor_kind(v.keys[k]) == "country" and v.clause(k) == cl and not far(k + 1) and \
                any(tuple(v.keys[k + 1:k + 1 + len(m)]) == m for m in frame.subject_markers):
            return state.country or v.text(k, k + 1), ""
    return "", ""


def _into_owner(v: View, mi: int, predicate: str, state: DocState) -> tuple[str, str] | None:
    """'भारत में चीन से होने वाला आयात', 'देश में सोने का आयात': the country (or देश) closed by one of the
    frame's `into_markers` right before the metric noun at mi, past its partner phrase and its goods in
    the genitive (plain words only: 'चीन में बने सामान का आयात' is no import of China's)."""
    k = _past_partner(v, mi, predicate)
    if k > 2 and v.keys[k - 1] in cc("genitive"):
        n = k - 1
        while n > max(1, k - 5) and (v.tag(n - 1) == "W" or v.keys[n - 1] in cc("genitive")) and not v.ent_ending(n):
            n -= 1
        k = _past_partner(v, n, predicate) if n < k - 1 and v.tag(n) == "W" else k
    for m in metrics().frames[predicate].into_markers if k < mi else ():
        if tuple(v.keys[k - len(m):k]) != m or v.clause(k - 1) != v.clause(mi):
            continue
        hit = v.ent_ending(k - len(m)) if k > len(m) else None
        if hit and hit[1].label == "LOC":
            return hit[1].text, hit[1].id
        if k > len(m) and anaphor_kind(v.keys[k - len(m) - 1]) == "country":
            return state.country or v.text(k - len(m) - 1, k - len(m)), ""
    return None


def _body_agent_before(v: View, a: int, cl, speakers: set[int]) -> bool:
    """An organisation marked ने before the marked party, in its clause: the body acts, the place it acts
    from is no owner ('कंपनी X ने भारत से N के फोन निर्यात किए': X exports)."""
    return any(b < a and ent.label == "ORG" and v.clause(x) == cl and x not in speakers
               and v.keys[b:b + 1] == [marker("agent")] for x, b, ent in v.entities())


def _agent_end(v: View, b: int, i: int) -> int:
    """Past a bracketed short form and a members phrase ('समिति के सभी छह सदस्यों ने': the body acts; not
    a body of its own, 'अबू धाबी की एक निवेश कंपनी ने')."""
    keys = v.keys
    k = b + 3 if keys[b:b + 1] == ["("] and keys[b + 2:b + 3] == [")"] else b + 1 if keys[b:b + 1] == [")"] else b
    if keys[k:k + 1] and keys[k] in cc("genitive"):
        n = k + 1
        while n < min(i, k + 4) and v.tokens[n].kind == "word" and keys[n] not in (marker("agent"),
                                                                                 marker("passive_agent")):
            n += 1
        body = n > k + 1 and keys[n - 1] in words("body_descriptors.tsv")   # 'X की Y कंपनी ने': Y acts
        k = n if keys[n:n + 1] == [marker("agent")] and not body else k
    return k


def agent_owner(v: View, i: int, speakers: set[int]) -> str:
    """The body marked by ने, द्वारा or की ओर से before the amount (not a speaker, not a person)."""
    w = window(v, i)
    for agents, scope in (((marker("agent"), marker("passive_agent")), w), (markers_of("behalf"), w),
                          ((marker("agent"), marker("passive_agent")), None), (markers_of("behalf"), None)):
        for a, b, ent in reversed(v.entities()):     # who acts, then for whom; in the value's clause first
            if b > i or a in speakers or ent.label == "PER" or (scope is not None and a not in scope):
                continue
            k = _agent_end(v, b, i)
            if any(" ".join(v.keys[k:k + len(m.split())]) == m for m in agents):
                outer = v.ent_ending(a - 1) if a > 1 and v.keys[a - 1] == "(" else None
                return outer[1].text if outer else ent.text     # 'विश्व व्यापार संगठन (डब्ल्यूटीओ) ने'
    for k in range(1, i):
        if v.keys[k] == marker("agent") and anaphor_kind(v.keys[k - 1]) == "self" and k - 1 not in speakers:
            return v.text(k - 1, k)                          # 'सरकार ने ... लक्ष्य बनाया'
    return _relative_agent(v, i)


def _relative_agent(v: View, i: int) -> str:
    """'सिंगापुर से पैसा आया, जिसने 8 अरब डॉलर का निवेश किया': the place or body a relative pronoun
    with the agent's case (जिसने) stands for, in the value's clause."""
    rel = next((k for k in range(i - 1, -1, -1) if v.keys[k] in cc("relative_case")
                and v.keys[k].endswith(marker("agent")) and v.clause(k) == v.clause(i)), None)
    before = [(b, e) for a, b, e in v.entities() if rel is not None and b <= rel and e.label in ("LOC", "ORG")]
    direct = [e for b, e in before if v.keys[b] not in cc("case", "genitive")]   # 'X भारत में ... है, जिसने': X
    return (direct or [e for _, e in before] or [None])[-1].text if before else ""


def giver_office(v: View, w: range, speakers: set[int]) -> tuple[str, str] | None:
    """'प्रधानमंत्री (नरेंद्र मोदी) ने ... ऋण का एलान किया': the giver is the office's country (the one
    its title names, else the home country); the person is who announced it."""
    titles = {b: a for a, b in v.titles()}
    announces = any(val == "planned" and a in w for a, _, val in v.find(phrases("modality_words.tsv")))
    home = metrics().home
    for k in w:
        if v.keys[k] != marker("agent") or (k - 1 in speakers and not announces):
            continue                     # 'मंत्री ने बताया कि ...': who reports does not give the money
        hit = v.ent_ending(k)
        if hit and hit[1].label == "PER":
            ent = hit[1]
            country = home
            if ent.role_start >= 0:
                r0 = v.token_at(ent.role_start)
                gen = v.ent_ending(r0 - 1) if r0 > 1 and v.keys[r0 - 1] in cc("genitive") else None
                if gen and gen[1].subtype == "country":
                    country = gen[1].text
            return (country, ent.text) if ent.role else None
        if k in titles:
            return home, v.text(titles[k], k)
    return None


def _unmarked(v: View, a: int) -> bool:
    """Is the noun chunk holding token a in the direct case (no case marker closes it)?"""
    if v.syn is None:
        return True
    for cl in v.syn.clauses:
        for c in cl.chunks:
            if c.start <= a < c.end:
                return not c.marker
    return True


def _time_or_adverb_after(v: View, b: int) -> bool:
    """'टाटा मोटर्स अगले पांच साल में ...', 'भारत 28 अप्रैल को ...': a time after the name."""
    return v.tokens[b].kind == "number" or v.tag(b) in ("ADV", "PART") or any(p[0] == b for p in periods(v))


def nominative_owner(v: View, i: int, speakers: set[int]) -> str:
    """The clause's place or body in the direct case before the value (past its short form in brackets)."""
    w, post = window(v, i), cc("case", "genitive")
    for a, b, e in v.entities():
        if v.keys[b:b + 1] == ["("]:
            b = next((n + 1 for n in range(b + 1, min(len(v.keys), b + 8)) if v.keys[n] == ")"), b)
        if a in w and e.label in ("LOC", "ORG") and e.subtype != "facility" and a not in speakers \
                and b < len(v.keys) and b <= i \
                and v.keys[b] not in post and v.tokens[b].kind in ("word", "number") \
                and (_unmarked(v, a) or _time_or_adverb_after(v, b) or b in v.ents):
            return e.text
    return ""


def source_giver(v: View, i: int, predicate: str, state: DocState) -> tuple[Arg, Arg] | None:
    """'भारत ने जापान से 5 अरब डॉलर का निवेश आकर्षित किया': with a verb of receiving, the party marked
    से gives (the owner) and the ने / direct-case party receives (the counterpart)."""
    frame = metrics().frames.get(predicate)
    w = window(v, i)
    if not frame or not frame.flow or not any(v.keys[k] in metrics().receive for k in w if k > i):
        return None
    args = [a for a in build(v, state) if a.start in w and a.kind in ("place", "body")]
    giver = next((a for a in args if a.marker == marker("source") and a.end <= i), None)
    taker = next((a for a in args if a.marker in (marker("agent"), "", marker("recipient")) and a is not giver), None)
    return (giver, taker) if giver else None


def whose(v, predicate, span, i, ctx):
    """'ब्रिटेन भारत में छठा सबसे बड़ा निवेशक है, जिसका कुल निवेश N है': a metric noun right after a relative
    genitive that opens a clause after a comma belongs to the first place or body in the direct case before."""
    mi, speakers = span[0], ctx[1]
    k = next((n for n in range(max(1, mi - 3), mi) if v.keys[n] in cc("relative_genitive") and v.keys[n - 1] == ","), None)
    if k is None or any(v.tag(x) != "W" for x in range(k + 1, mi)):
        return None
    before = [(x, e) for x, y, e in v.entities() if y < k and e.label in ("LOC", "ORG") and x not in speakers
              and v.keys[y] not in cc("case", "genitive") and v.clause(x) == v.clause(k - 1)]
    return (before[0][1].text, before[0][1].id, "", None) if before else None


def relative_source(v, predicate, span, i, ctx):
    """'मॉरीशस ... सबसे बड़ा स्रोत रहा, जहां से 8 अरब डॉलर आए': a flow whose value stands in a relative
    clause opened by a relative word with an owner's marker of the metric (relative_markers.tsv: से for
    a giver) belongs to the place or body right before the comma that opens it."""
    frame = metrics().frames[predicate]
    if not frame.flow or not frame.subject_markers:
        return None
    for a, b, m in v.find(phrases("relative_markers.tsv")):
        if not (a < i <= b + 6 and a > 0 and v.keys[a - 1] == "," and tuple(m.split()) in frame.subject_markers):
            continue
        before = [(x, e) for x, y, e in v.entities() if y < a and e.label in ("LOC", "ORG") and x not in ctx[1]
                  and v.keys[y] not in cc("case", "genitive")]
        if before:
            return before[-1][1].text, before[-1][1].id, "", None
    return None
