"""The construction finders of the event frames (a `@name` place of data/frames.yaml: a participle's
head, a list after a dash, a possessor, a relative clause's antecedent, an invitee, the paragraph's
last group), the gap test for an argument standing right before its trigger, and the name of the
agreement a signing word is about."""
from __future__ import annotations

from .anaphora import DocState
from .argument import Arg, fits, groups
from .lexicon import DASHES, cc, marker, phrases, table, words
from .view import View

GROUP = frozenset({"group"})
MAX_GAP = 4            # modifier words between an argument and the trigger it stands right before
GAP_TAGS = frozenset({"W", "NUM", "DET", "ADV", "PART"})


def gap_ok(v: View, a: int, b: int, args: list[Arg]) -> bool:
    """Only modifiers between token a and b: no name, no case marker (but a genitive after a number:
    'पांच दिन की यात्रा', and a manner adverb: 'गर्मजोशी से स्वागत'), no verb, no punctuation."""
    if b - a > MAX_GAP or b < a:
        return False
    amount = {k for i, (j, _) in v.amts.items() for k in range(i, j)}
    place = {k for x in args if x.kind == "place" and a <= x.start and x.after <= b and x.marker == marker("in")
             for k in range(x.start, x.after)}          # 'X और Y की न्यूयॉर्क में मुलाकात'
    inside = any(a <= x.start < b and x.start not in place for x in args)
    manner = {k for k in range(a + 1, b) if v.keys[k] == marker("source") and v.tag(k - 1) == "W"}
    ok = all(k in place or k in manner or v.tag(k) in GAP_TAGS or (v.tag(k) == "PG" and k > a and
                                                    (v.tag(k - 1) == "NUM" or k - 1 in amount)) for k in range(a, b))
    return ok and not inside


def _after_participle(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'जापान की यात्रा पर आए ब्रिटिश विदेश मंत्री X', 'नेपाल पहुंचे राष्ट्रपति X': the person right
    after the trigger and its participle."""
    t1 = trig[1]
    for a in args:
        if a.kind == "person" and t1 <= a.start <= t1 + 3 and not a.anaphor and \
                all(v.tokens[k].kind == "word" and v.tag(k) not in ("CC", "SC", "REL") for k in range(t1, a.start)):
            named = _glossed_name(v, a, args)
            return [[named or a]]       # the participle's head only: 'दौरे पर गए X और Y के बीच': X travelled
    return []


def _glossed_name(v: View, title: Arg, args: list[Arg]) -> Arg | None:
    """The named person right after a title standing alone and its gloss in brackets ('जापान के
    प्रधानमंत्री (पीएम) X'): the title's holder."""
    if not title.title or v.keys[title.end:title.end + 1] != ["("]:
        return None
    close = next((k for k in range(title.end, min(len(v.keys), title.end + 6)) if v.keys[k] == ")"), None)
    return next((a for a in args if close is not None and a.start == close + 1 and a.kind == "person"
                 and not a.title), None)


def _list_after_dash(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'... के सदस्य देश हैं — A, B और C', 'आसियान देशों (A, B, C)': the list right after a dash or colon
    following the trigger, or in brackets right after it; 'ORG के सदस्य देश A और B ने': the names right
    after the trigger, whatever their case."""
    t1 = trig[1]
    dash = next((k for k in range(t1, min(len(v.keys), t1 + 3)) if v.keys[k].strip() in DASHES), None)
    opened = dash if dash is not None else t1 if v.keys[t1:t1 + 1] == ["("] else None
    for g in groups(args):
        if opened is not None and g[0].start == opened + 1 and len(g) >= 2:
            return [g]
        if g[0].start == t1 and not v.keys[t1 - 1:t1] == ["("]:
            return [g]
    return []


def _possessor(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'मोदी की तीन दिवसीय जापान यात्रा', 'प्रधानमंत्री की रूस और ऑस्ट्रिया की यात्रा': the genitive
    group right before the trigger, or right before the group that stands right before it."""
    before = [g for g in groups(args) if g[-1].after <= trig[0]]
    end = trig[0]
    for g in reversed(before):
        if not gap_ok(v, g[-1].after, end, args):
            return []
        if g[-1].marker in cc("genitive") and any(a.kind == "person" for a in g):
            return [g]
        end = g[0].start
    return []


def _antecedent(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'X, जो ... के विदेश मंत्री हैं': the group right before the relative pronoun of the trigger's clause."""
    rel = next((k for k in range(trig[0] - 1, -1, -1) if v.keys[k] in cc("relative", "relative_case", "relative_genitive")),
               None)
    if rel is None or v.clause(rel) != v.clause(trig[0]):
        return []
    end = rel - 1 if rel > 0 and v.keys[rel - 1] == "," else rel
    right = [g for g in groups(args) if g[-1].end == end]
    # else the last group before it: 'ORG के दस सदस्य हैं, जिनमें A, B और C शामिल हैं'
    return right[:1] or [g for g in reversed(groups(args)) if g[-1].end <= rel][:1]


def _list_before_dash(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'A, B, C और D — इन चार देशों को मिलाकर ...': the list ending right before a dash shortly before
    the trigger."""
    dash = next((k for k in range(trig[0] - 1, max(-1, trig[0] - 4), -1) if v.keys[k].strip() in DASHES), None)
    if dash is None:
        return []
    return [g for g in groups(args) if g[-1].end == dash and len(g) >= 2][:1]


def _invitee(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'X ने Y को भारत आने का न्योता दिया': with an invitation noun right after the trigger, the person
    marked को or से before it travels."""
    k = trig[1]
    if not (v.keys[k:k + 1] and v.keys[k] in cc("genitive") and v.keys[k + 1:k + 2]
            and v.keys[k + 1] in words("invitation_words.tsv")):
        return []
    marked = [g for g in groups(args) if g[-1].marker in (marker("recipient"), marker("source"))
              and g[-1].after <= trig[0] and not any(v.keys[n] in cc("subord") for n in range(g[-1].after, trig[0]))]
    return marked[-1:]                  # none marked: who accepts it travels ('X ने आने का न्योता स्वीकारा')


def _last_group(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'(समूह का चुनाव हुआ।) नए सदस्य A, B और C हैं': a member noun (or an election) with no genitive
    before it, in a sentence naming no group, belongs to the group the paragraph named last (or the
    body a member was last named of)."""
    k = trig[0]
    alone = table("member_nouns.tsv", "word", "alone")
    nouns = [alone[key] for key in v.keys[k:trig[1]] if key in alone]
    if not state.group[0] or (k and v.keys[k - 1] in cc("genitive")) or any(fits(a, GROUP) for a in args) \
            or (nouns and "yes" not in nouns):
        return []                      # 'लोगों का बड़ा हिस्सा': a share, no membership
    text, eid = state.group
    return [[Arg(k, k, "body", text, eid, "grouping", anaphor="group")]]


def _relative_list(v: View, trig: tuple[int, int], args: list[Arg], state: DocState) -> list[list[Arg]]:
    """'X कई नेताओं से मिलेंगे, जिनमें A और B शामिल हैं': a list opened by a relative word
    (list_openers.tsv) shortly after the trigger, where no party stands between the trigger and it (the
    slot holds a common noun the list spells out). Its members are named and in the direct case (a
    title standing alone, 'कई मंत्री', names nobody)."""
    opener = next(((i, j) for i, j, _ in v.find(phrases("list_openers.tsv")) if 0 <= i - trig[1] <= 8), None)
    if opener is None or any(trig[1] <= a.start < opener[0] for a in args):
        return []
    listed = [g for g in groups(args) if opener[1] <= g[0].start <= opener[1] + 2][:1]
    return [g for g in listed if g[-1].marker == "" and not any(a.title or a.anaphor for a in g)]


FINDERS = {"after_participle": _after_participle, "invitee": _invitee, "list_before_dash": _list_before_dash,
           "list_after_dash": _list_after_dash, "possessor": _possessor, "antecedent": _antecedent,
           "last_group": _last_group, "relative_list": _relative_list}


def agreement_name(v: View, trig: tuple[int, int]) -> str | None:
    """The agreement noun phrase before a signing word ('रक्षा सहयोग समझौते पर हस्ताक्षर'), back to the
    first function word; "" for agreements counted or not named ('छह करारों पर'), None when the clause
    names no agreement."""
    heads = [(i, j, c) for i, j, c in v.find(phrases("agreement_words.tsv")) if j <= trig[1]]
    heads = [(i, j, c) for i, j, c in heads if v.clause(i) == v.clause(trig[0]) or trig[0] - j <= 3]
    if not heads:
        return None
    i, j, count = heads[-1]
    k = _name_start(v, i)
    if count or all(v.keys[n] in words("generic_modifiers.tsv") for n in range(k, i)) \
            or v.keys[k] in words("relation_participles.tsv"):
        return ""                                # 'पांच समझौतों', 'अलग सहमति पत्र', 'इससे जुड़े करार': no name
    return v.text(k, j)


def _name_start(v: View, i: int) -> int:
    """Back from an agreement noun over its modifiers ('आर्थिक सहयोग एवं व्यापार समझौते') and a topic
    joined by a participle of relation ('ऊर्जा भंडारण से जुड़ा करार': data/relation_participles.tsv)."""
    k, stops, linked = i, cc("case", "genitive", "subord", "determiner"), words("relation_participles.tsv")
    while k > 0 and i - k < 8:
        key = v.keys[k - 1]
        if key == "-" and k > 1 and v.tag(k - 2) == "W" and i - k < 4:
            k -= 2                                # 'मुद्रा अदला-बदली समझौता'
        elif key in linked and k > 2 and v.keys[k - 2] in cc("case", "genitive") and v.tag(k - 3) == "W":
            k -= 2                                # 'X से जुड़े', 'X के संबंधी'
        elif key in linked and k > 1 and v.tag(k - 2) == "W":
            k -= 1                                # 'शोध वाला'
        elif (key not in stops or key in words("generic_modifiers.tsv")) and not v.ent_ending(k) and \
                (v.tag(k - 1) in ("W", "DET", "NUM") or v.tag(k - 1) == "CC" and k > 1 and v.tag(k - 2) == "W"):
            k -= 1
        else:
            break
    return k
