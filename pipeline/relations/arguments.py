"""The arguments of one sentence, for any frame: every name (a person with the title and country written
before it, a place, a body), every title of office standing for a person, and every explicit anaphor
(उन्होंने, दोनों देशों ...) resolved to the party it names; each with the case marker that closes it and
its coordination group ("भारत, जापान और अमेरिका ने": three arguments, one group, marker ने)."""
from __future__ import annotations

from ..entities.gazetteers import load as load_entity_lexicon
from .anaphora import GROUP_SUBTYPES, DocState, resolve_anaphor, resolve_title
from .argument import Arg, groups, past_bracket, read_marker
from .attributes import periods
from .lexicon import cc, coordinators, marker, phrases, table, words
from .view import View

GROUP_KINDS = {"person": "person", "place": "party", "body": "party"}


def _honorific_before(v: View, k: int) -> int:
    """The start of the honorifics right before token k ('श्री', 'डॉ.', 'महामहिम')."""
    lex = load_entity_lexicon()
    while k > 0:
        e = next((lex.titles.longest(v.keys, n) for n in (k - 1, k - 2) if n >= 0 and v.keys[n] in lex.titles.first
                  and lex.titles.longest(v.keys, n) and n + len(lex.titles.longest(v.keys, n).keys) == k), None)
        if not e or e.subtype != "honorific":
            return k
        k -= len(e.keys)
    return k


def _person_args(v: View, state: DocState) -> list[Arg]:
    titles = {b: a for a, b in v.titles()}
    out = []
    for i, j, e in v.entities("PER"):
        start = _honorific_before(v, v.token_at(e.role_start) if e.role else i)   # 'श्री ट्रंप', 'डॉ. X'
        if not e.role and start in titles:
            start = _honorific_before(v, titles[start])  # a title the entities stage left apart
        start = _relational_before(v, start)
        if e.role and start >= 1 and v.keys[start - 1] in table("demonyms.tsv", "adjective", "country"):
            start -= 1                                  # 'मोदी और ब्रिटिश प्रधानमंत्री X': the demonym is the title's
        if start >= 2 and v.keys[start - 1] in cc("genitive") and v.ent_ending(start - 1):
            start = v.ent_ending(start - 1)[0]          # 'पाकिस्तान के विदेश मंत्री X'
        elif start >= 2 and v.keys[start - 1] in cc("genitive") and (_place_word(v, start - 2) or _body_noun(v, start - 2)):
            start -= 2                                  # 'A तथा वहां के रक्षा मंत्री X', 'A और बैंक के निदेशक X': one list
        text, eid = state.full_name(e.text), e.id
        out.append(Arg(min(start, i), j, "person", text, eid, e.subtype))
    return out


def _place_word(v: View, k: int) -> bool:
    """Is token k a place anaphor (वहां: party_anaphors.tsv)?"""
    hit = phrases("party_anaphors.tsv").at(v.keys, k)
    return bool(hit and hit[0] == 1 and hit[1] == "place")


def _body_noun(v: View, k: int) -> bool:
    """Is token k a body's head noun standing alone for it ('बैंक', 'मंत्रालय': entities/data/org_heads.tsv)?"""
    head = load_entity_lexicon().org_heads.get(v.keys[k])
    return head is not None and head.label == "ORG" and not v.ent_ending(k + 1) and v.tag(k) == "W"


def _relational_before(v: View, k: int) -> int:
    """The start of 'उनके (जापानी) समकक्ष' right before token k (a possessive, up to two modifiers, a
    relational noun: data/relational_nouns.tsv), else k."""
    if k < 2 or v.keys[k - 1] not in words("relational_nouns.tsv"):
        return k
    n = k - 1
    while n > 0 and k - 1 - n < 2 and v.keys[n - 1] not in cc("possessive") and v.tag(n - 1) == "W" \
            and not v.ent_ending(n):
        n -= 1
    return n - 1 if n > 0 and v.keys[n - 1] in cc("possessive") else k


def _title_args(v: View, state: DocState, taken: set[int]) -> list[Arg]:
    """A title of office with no name after it stands for the person it introduced (प्रधानमंत्री ->
    नरेंद्र मोदी), else for itself as written (आर्मेनिया के विदेश मंत्री)."""
    out = []
    named = {k for i, j, _ in v.entities() for k in range(i, j)}
    for a, b in v.titles():
        a = _past_name(v, a, b) if a in named else a     # 'भारतीय रिजर्व बैंक के गवर्नर': the office after the body
        if a in taken or a in named or v.ents.get(b) or any(k in taken for k in range(a, b)) \
                or v.keys[b:b + 1] == ["-"]:
            continue                                     # 'राष्ट्रपति भवन', 'मंत्री-स्तरीय': part of a name
        if any(k in cc("indefinite") for k in v.keys[max(0, a - 2):a]):
            out.append(Arg(a, b, "person", "", anaphor="nobody"))   # 'किसी विदेशी राष्ट्राध्यक्ष का'
            continue
        start, country = a, ""
        if a >= 2 and v.keys[a - 1] in cc("genitive"):
            hit = v.ent_ending(a - 1)
            place = phrases("party_anaphors.tsv").at(v.keys, a - 2)
            if hit and hit[1].label == "LOC":
                start, country = hit[0], hit[1].text
            elif place and place[1] == "place" and state.place:
                start, country = a - 2, state.place
        name, eid = resolve_title(state, v.keys[a:b], country, (state.sentence, a))
        text = name or (f"{country} {v.text(a - 1, b)}" if country and start == a - 2 else v.text(start, b))
        named_here = {k for k, key in enumerate(v.keys) if key in state.people}
        out.append(Arg(start, b, "person", text, eid, title=v.text(title_chain(v, a, named_here), b),
                       country="" if name else country))
    return out


def _past_name(v: View, a: int, b: int) -> int:
    """A title of the titles list that starts inside a name and runs past it ('रिजर्व बैंक के गवर्नर' after
    'भारतीय'): the start of its office after the name's genitive, else a itself."""
    end = next((j for i, j, _ in v.entities() if i <= a < j), a)
    return end + 1 if end < b - 1 and v.keys[end] in cc("genitive") else a


def title_chain(v: View, a: int, names: set[int]) -> int:
    """The start of a title's written chain: 'जेनेवा में भारत के नए राजदूत' (a name or a short noun
    phrase, a genitive or locative, again; and modifiers right before the title; no person, verb,
    time or other case)."""
    links = cc("genitive") | {marker("in")}
    times = {k for i, j, _ in periods(v) for k in range(i, j)}      # 'फिलहाल आर्थिक मामलों के सचिव': no

    def words_before(k: int, most: int) -> int:
        n = k
        while n > 0 and k - n < most and v.tag(n - 1) in ("W", "NUM") and not v.ent_ending(n) \
                and v.keys[n - 1] not in links and n - 1 not in names and n - 1 not in times:
            n -= 1
        return n

    k = words_before(a, 2)
    while k > 1 and v.keys[k - 1] in links:
        hit = v.ent_ending(k - 1)
        if hit and hit[1].label != "PER":
            k = hit[0]
        elif v.keys[k - 1] in cc("genitive") and words_before(k - 1, 4) < k - 1:
            k = words_before(k - 1, 4)           # a locative joins only a name ('जेनेवा में', not 'बैठक में')
        else:
            break
    return k


def _name_args(v: View, taken: set[int]) -> list[Arg]:
    """Places and bodies; a body with its country written before it is one party ('बेलारूस के वित्त
    मंत्रालय')."""
    out = []
    for i, j, e in v.entities():
        if e.label not in ("LOC", "ORG") or i in taken or \
                (i > 1 and v.keys[i - 1] == "(" and v.ent_ending(i - 1) and v.keys[j:j + 1] == [")"]):
            continue                                     # 'अर्जेंटीना (Argentina)': a gloss, not a party
        hit = v.ent_ending(i - 1) if i >= 2 and v.keys[i - 1] in cc("genitive") else None
        if e.label == "ORG" and hit and hit[1].label == "LOC" and hit[0] not in taken \
                and e.subtype not in ("grouping", "intl_org"):
            out.append(Arg(hit[0], j, "body", v.text(hit[0], j), e.id, e.subtype))
            taken = taken | set(range(hit[0], j))
            out = [a for a in out if a.start != hit[0]]
            continue
        k = _grouping_end(v, i, j)
        if k < j:                                        # 'ब्रिक्स देशों' tagged as one name: the grouping
            out.append(Arg(i, j, "body", v.text(i, k), e.id, "grouping"))
            continue
        out.append(Arg(i, j, "place" if e.label == "LOC" else "body", e.text, e.id, e.subtype))
    return out


def _grouping_end(v: View, i: int, j: int) -> int:
    """The end of the grouping's own name in a name span that adds a group noun to it (जी-20 देशों,
    आसियान राष्ट्र: data/group_nouns.tsv); j when the span is no such name."""
    if j - i < 2 or v.keys[j - 1] not in words("group_nouns.tsv"):
        return j
    hit = load_entity_lexicon().gazetteer.longest(v.keys, i)
    ok = hit is not None and len(hit.keys) == j - 1 - i and hit.label == "ORG" and hit.subtype == "grouping"
    return j - 1 if ok else j


def _headed_args(v: View, found: list[Arg], taken: set[int]) -> list[Arg]:
    """Bodies the entities stage left untagged: words ending in an organisation's head noun (entities/
    data/org_heads.tsv) listed after a tagged body ('A आयोग और मादक पदार्थ नियंत्रण आयोग का') or written
    after an international organisation's genitive ('संयुक्त राष्ट्र के जल आयोग': one party, named जल
    आयोग)."""
    heads, out, bodies = load_entity_lexicon().org_heads, [], {a.end: a for a in found if a.kind == "body"}
    for n, key in enumerate(v.keys):
        if key not in heads or n in taken or n in v.ents or (n + 1 < len(v.keys) and v.tag(n + 1) == "W"):
            continue
        k = n
        lex = load_entity_lexicon()
        while k > 0 and n - k < 4 and v.tag(k - 1) == "W" and k - 1 not in taken and not v.ent_ending(k) \
                and v.keys[k - 1] not in cc("demonstrative", "determiner") and not lex.is_stopword(v.keys[k - 1]) \
                and k - 1 not in v.amts:
            k -= 1
        if k == n:
            continue
        after_list = k >= 2 and v.keys[k - 1] in cc("coord") | {","} and k - 1 in bodies
        owner = bodies.get(k - 1) if k >= 2 and v.keys[k - 1] in cc("genitive") else None
        if owner is not None and owner.subtype in GROUP_SUBTYPES:
            out.append(Arg(owner.start, n + 1, "body", v.text(k, n + 1), "", heads[key].subtype))   # its own name
        elif after_list:
            out.append(Arg(k, n + 1, "body", v.text(k, n + 1), "", heads[key].subtype))
    return out


def _surname_args(v: View, state: DocState, taken: set[int]) -> list[Arg]:
    """A person named again by the surname alone, which the entities stage did not tag ('कैरी' after
    'जॉन कैरी'): the full name written before."""
    out = []
    for k, key in enumerate(v.keys):
        full = state.people.get(key)
        if full and full != key and k not in taken and v.tag(k) == "W" and k not in v.ents:
            out.append(Arg(k, k + 1, "person", full, state.ids.get(full, "")))
    return out


def _anaphor_args(v: View, state: DocState, taken: set[int], found: list[Arg]) -> list[Arg]:
    """The anaphors outside the names; a group noun right after a name (ब्रिक्स समूह के) is the name's."""
    out = []
    for i, j, _ in v.find(phrases("party_anaphors.tsv")):
        if i in taken or any(a.end <= i < a.after for a in found):
            continue
        for arg in resolve_anaphor(v, (i, j), state, found):
            out.append(arg)
    return out


def _body_anaphor_args(v: View, state: DocState, taken: set[int]) -> list[Arg]:
    """'इस आयोग', 'उसी बैंक': a demonstrative and the head noun of a body's name (entities/data/
    org_heads.tsv) name the last body whose name ends in that noun (this sentence's first)."""
    heads, out = load_entity_lexicon().org_heads, []
    for k in range(len(v.keys) - 1):
        head = heads.get(v.keys[k + 1])
        if v.keys[k] not in cc("demonstrative") or not head or k in taken or k + 1 in taken or v.ents.get(k + 1):
            continue
        here = [e.text for _, j, e in v.entities("ORG") if j <= k and e.text.split()[-1:] == [v.tokens[k + 1].text]]
        name = here[-1] if here else state.named_body(v.keys[k + 1])
        if name:
            marker_, after = read_marker(v, k + 2)
            out.append(Arg(k, k + 2, "body", name, state.ids.get(name, ""), head.subtype, marker_, after,
                           anaphor="body"))
    return out


def _spans(args: list[Arg]) -> set[int]:
    return {k for a in args for k in range(a.start, a.end)}


def build(v: View, state: DocState) -> list[Arg]:
    """The sentence's arguments in order, markers read, coordination groups formed (computed once)."""
    if "args" in v._found:
        return v._found["args"]
    args = _person_args(v, state)
    args += _title_args(v, state, _spans(args))
    args += _name_args(v, _spans(args))
    args += _surname_args(v, state, _spans(args))
    headed = _headed_args(v, args, _spans(args))
    args = [a for a in args if not any(h.start == a.start for h in headed)] + headed   # 'UN के X आयोग' is one
    for a in args:
        if not a.marker:
            a.marker, a.after = read_marker(v, a.end)
    args.sort(key=lambda a: a.start)
    args += _anaphor_args(v, state, _spans(args), args)
    args += _body_anaphor_args(v, state, _spans(args))
    args.sort(key=lambda a: (a.start, a.end))
    _group(v, args)
    v._found["args"] = args
    return args


def light_arguments(v: View, state: DocState) -> list[Arg]:
    """The names of a sentence no rule read, for what later anaphors need (pairs, places, persons):
    entities only, grouped, no markers, titles or anaphors."""
    args = [Arg(i, j, {"PER": "person", "LOC": "place"}.get(e.label, "body"), e.text, e.id, e.subtype, after=j)
            for i, j, e in v.entities() if e.label in ("PER", "LOC", "ORG")]
    _group(v, args)
    return args


def _joined(v: View, a: Arg, b: Arg) -> bool:
    """Are two arguments members of one list: nothing but conjunctions and commas between them?"""
    between = v.keys[past_bracket(v, a.end) if not a.marker else a.end:b.start]
    if a.marker or not between or b.start < a.end:
        return False
    return all(k in coordinators() for k in between) and GROUP_KINDS[a.kind] == GROUP_KINDS[b.kind] \
        and a.text != b.text


def _headline_pair(v: View, members: list[Arg]) -> bool:
    """'भारत, मॉरीशस ने ... हस्ताक्षर किए', 'भारत, मॉरीशस के बीच': two countries joined by a comma alone
    and acting together (ने, के बीच) are a pair, as headlines write it."""
    b = members[1]
    after = " ".join(v.keys[b.end:b.end + 2])
    return all(m.kind == "place" and m.subtype == "country" for m in members) and \
        (v.keys[b.end] == marker("agent") or after == marker("between"))


def _group(v: View, args: list[Arg]) -> None:
    """Coordination groups (the two parties of a pair anaphor are one); a list takes the marker of its
    last member."""
    for k, a in enumerate(args):
        prev = args[k - 1] if k else None
        same = prev is not None and (prev.start, prev.end) == (a.start, a.end)
        a.group = prev.group if prev is not None and (same or _joined(v, prev, a)) else (prev.group + 1 if prev else 0)
    for members in groups(args):
        if len(members) == 2 and (members[0].start, members[0].end) != (members[1].start, members[1].end) \
                and all(k == "," for k in v.keys[members[0].end:members[1].start]) \
                and v.keys[members[1].end:members[1].end + 1] != [] and v.keys[members[1].end] not in cc("coord") \
                and not _headline_pair(v, members):
            members[1].group = max(a.group for a in args) + 1      # 'X, Y के स्थान पर': an aside, no list
            continue
        last = members[-1]
        for a in members[:-1]:
            a.marker, a.after = last.marker, last.after
