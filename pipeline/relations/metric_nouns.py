"""Which metric a value measures: the metric nouns of a sentence (frames.yaml `metrics`) and the one
a value belongs to.

The metric is the noun the value modifies ('12 अरब डॉलर के ऋण'), a verb stating it right after the value
('500 करोड़ रुपये आवंटित किए'), else the nearest noun before the value in its clause, then in its
sentence. Not a metric of its own: a noun inside a name, a short form in brackets after a metric noun,
a noun that is the base of a comparison ('पिछले साल के आवंटन के मुकाबले'), a phrase of frames.yaml
`not_metrics` (बजट अनुमान: the document a figure is written in), and a denominator ('जीडीपी के 4.4
प्रतिशत': the value is the earlier metric's). A bare head noun ('घाटा', 'यह भंडार', data/head_nouns.tsv),
or the last metric noun shortened ('चालू खाते का घाटा ... यह घाटा'), continues the paragraph's last
metric of its set (a deficit after a fiscal deficit is the fiscal deficit)."""
from __future__ import annotations

from .anaphora import DocState
from .attributes import periods, total_before, written_whole
from .frames import metrics
from ..syntax.attribution import verbal_noun
from .lexicon import cc, marker, phrases, post_qualifiers, table, words
from .senders import sent_home
from .view import View

MAX_BEFORE = 20        # tokens between a metric noun and an amount of it in the same sentence
Hit = tuple[int, int, str]


def _heads() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v.split()) for k, v in table("head_nouns.tsv", "head", "continues").items()}


def _is_base(v: View, j: int) -> bool:
    """'आवंटन के मुकाबले', 'पिछले साल की तुलना में': the noun ending at j is a comparison base."""
    return any(k in words("comparison_words.tsv") for k in v.keys[j:j + 3])


def metric_words(v: View) -> list[Hit]:
    """Metric nouns outside names (the आयात of 'निर्यात-आयात बैंक' is part of a name) and comparison
    bases; bare head nouns with the predicate '' until the paragraph resolves them."""
    if "metric_words" in v._found:
        return v._found["metric_words"]
    triggers, heads = v.find(metrics().triggers), v.find(phrases("head_nouns.tsv"))
    if not triggers and not heads:            # most sentences
        v._found["metric_words"] = []
        return []
    inside = {k for i, j, _ in v.entities() for k in range(i, j)}
    found = [m for m in triggers if m[0] not in inside and m[2]]
    ends = {m[1] for m in found}          # 'सकल घरेलू उत्पाद (जीडीपी)': the short form in brackets is no second one
    found = [m for m in found if not (m[0] > 0 and v.keys[m[0] - 1] == "(" and m[0] - 1 in ends)]
    found = [m for m in found if not _rate_of_other(v, m, found) and not _plan_to(v, m[0])]
    taken = {k for i, j, _ in found for k in range(i, j)}
    found += [(i, j, "") for i, j, _ in heads if i not in taken and i not in inside]
    out = sorted(m for m in found if not _is_base(v, m[1]))
    v._found["metric_words"] = out
    return out


def _plan_to(v: View, i: int) -> bool:
    """'35,000 करोड़ रुपये का निवेश करने की योजना': a plan noun (plan_nouns.tsv) after an infinitive
    and its genitive is the plan to act, no metric noun."""
    return v.keys[i] in words("plan_nouns.tsv") and i >= 2 and v.keys[i - 1] in cc("genitive") \
        and verbal_noun(v.keys[i - 2])


def _rate_of_other(v: View, m: Hit, found: list[Hit]) -> bool:
    """'निर्यात की वृद्धि दर', 'विनिर्माण क्षेत्र की वृद्धि दर': a generic growth rate (generic_rates.tsv)
    after the genitive of anything but a place, देश or the economy is no GDP figure (the metric noun
    before it is the value's, or none is)."""
    i = m[0]
    if " ".join(v.keys[i:m[1]]) not in words("generic_rates.tsv") or i < 2 or v.keys[i - 1] not in cc("genitive"):
        return False
    hit = v.ent_ending(i - 1)
    if hit and hit[1].label == "LOC" or table("owner_anaphors.tsv", "word", "refers_to").get(v.keys[i - 2]) == "country":
        return False                                # 'भारत की वृद्धि दर', 'देश की वृद्धि दर'
    k = v.before_bracket(i - 1)                     # past a short form: 'सकल घरेलू उत्पाद (जीडीपी) की वृद्धि दर'
    return not any(f[1] == k and f[2] == m[2] for f in found)         # 'अर्थव्यवस्था की वृद्धि दर'


def resolve_heads(v: View, found: list[Hit], state: DocState) -> tuple[list[Hit], set[int]]:
    """(the metric nouns, the starts of those that continue the paragraph's last metric): a bare head
    noun takes the last metric of its set; with none, its own predicate (घाटा: a company's loss), or
    it is no metric."""
    last = (state.last_metric or {}).get("predicate", "")
    trigger = tuple((state.last_metric or {}).get("trigger", ()))
    out, continued = [], set()
    for i, j, predicate in found:
        keys = tuple(v.keys[i:j])
        if last and len(trigger) > len(keys) and trigger[-len(keys):] == keys:
            out.append((i, j, last))            # 'चालू खाते का घाटा ... यह घाटा': the last noun, shortened
            continued.add(i)
            continue
        heads = _heads().get(" ".join(keys))
        trade = _trade_head(v, i, j, found) if heads else ""
        if trade:
            out.append((i, j, trade))           # 'चीन के साथ व्यापार में भारत का घाटा 85 अरब डॉलर'
            continue
        owned = i > 0 and v.keys[i - 1] in table("demonyms.tsv", "adjective", "country") or \
            i > 1 and v.keys[i - 1] in cc("genitive") and i - 2 not in v.amounts_end() and v.keys[i - 2] != ")"
        if heads and owned and "*" in heads:
            continue                            # 'आयात का आंकड़ा': the figure of the noun before it
        earlier = max((p for p in heads or () if p in state.metric_at), key=lambda p: state.metric_at[p][0], default="")
        here = [m[2] for m in out if m[1] <= i and m[2] in (heads or ())]
        of_value = i > 1 and v.keys[i - 1] in cc("genitive") and i - 2 in v.amounts_end()   # '6 प्रतिशत की दर से'
        if heads and here and not predicate and not of_value:
            out.append((i, j, here[-1]))        # 'राजकोषीय घाटा, यानी आय और व्यय का अंतर': the deficit itself
            continue
        if heads and last and (last in heads or "*" in heads) and not (owned and predicate):
            out.append((i, j, last))
            continued.add(i)
        elif heads and earlier and not (owned and predicate):
            out.append((i, j, earlier))     # 'व्यापार घाटा ... सामान मंगाया ... घाटा फिर': the deficit again
            continued.add(i)
        elif predicate:
            out.append((i, j, predicate))
    return out, continued


def _trade_head(v: View, i: int, j: int, found: list[Hit]) -> str:
    """The trade balance a bare head noun names (trade_heads.tsv: घाटा -> trade_deficit) after a trade noun
    of its clause, in a country's genitive ('सेवा व्यापार में भारत का अधिशेष'), else ""."""
    predicate = table("trade_heads.tsv", "head", "predicate").get(" ".join(v.keys[i:j]), "")
    hit = v.ent_ending(i - 1) if predicate and i > 1 and v.keys[i - 1] in cc("genitive") else None
    if not hit or hit[1].label != "LOC":
        return ""
    trade = any(m[2] in ("trade", "bilateral_trade") and m[1] <= hit[0] and v.clause(m[0]) == v.clause(i) for m in found)
    return predicate if trade else ""


def denominator_before(v: View, i: int) -> tuple[str, int] | None:
    """(aspect, first token) of a denominator right before the value at token i: 'लक्ष्य के 29.9
    प्रतिशत' (share), 'जीडीपी के 5.1 प्रतिशत' (level), past a qualifier and a bracketed short form."""
    k = i
    while k > 0 and v.keys[k - 1] in words("qualifier_before.tsv"):
        k -= 1
    if k < 2 or v.keys[k - 1] not in cc("genitive"):
        return None
    k -= 1
    gen, k = k, v.before_bracket(k)
    for n in range(max(0, k - 3), k):
        hit = phrases("denominators.tsv").at(v.keys, n)
        if hit and n + hit[0] == k:
            return hit[1], n
        base = phrases("share_bases.tsv").at(v.keys, n)      # 'बजट अनुमान का 48 प्रतिशत': a share of it
        if base and n + base[0] == k:
            return "share", n
    total = total_before(v, k) if k == gen and i in v.amts and v.amts[i][1].kind == "percent" else None
    return ("share", total) if total is not None else None   # 'राज्य के कुल निर्यात का (करीब) 33 प्रतिशत'


def _metric_after(v: View, j: int, starts: dict) -> Hit | None:
    """The metric noun the value modifies: '10 अरब डॉलर के [रियायती] ऋण', '7,300 यात्री वाहन बेचे'."""
    fill, dem, gen = words("fillers.tsv"), table("demonyms.tsv", "adjective", "country"), cc("genitive")
    j = j + 1 if v.keys[j:j + 1] == [")"] else j    # '10 करोड़ डॉलर (करीब 830 करोड़ रुपये) का ऋण'
    worth = phrases("worth_words.tsv").at(v.keys, j)
    if worth and v.keys[j + worth[0]:j + worth[0] + 1] and v.keys[j + worth[0]] in gen:
        j += worth[0]                                # '4 अरब डॉलर मूल्य के सामान का आयात': no price
    past = post_qualifiers().at(v.keys, j)
    k = j + past[0] if past else j              # '2 अरब डॉलर से अधिक के सस्ते ऋण', '50 लाख रुपये तक का ऋण'
    worth = phrases("worth_words.tsv").at(v.keys, k) if past else None
    if worth and v.keys[k + worth[0]:k + worth[0] + 1] and v.keys[k + worth[0]] in gen:
        j = k = k + worth[0]                     # 'N से अधिक मूल्य के आईफोन निर्यात किए'
    plain = 0
    while k < len(v.keys) and k - j < 6 and k not in starts:
        unit = phrases("count_units.tsv").at(v.keys, k)
        if v.keys[k] in fill or v.keys[k] in dem:
            k += 1
        elif unit:
            k, plain = k + unit[0], 1
        elif plain < 2 and k > j and v.keys[k - 1 - plain] in gen and v.tokens[k].kind == "word" and k not in v.ents:
            plain, k = plain + 1, k + 1         # up to two adjectives: 'के रियायती ऋण', 'का ब्याज मुक्त ऋण'
        else:
            break
    change = table("aspect_words.tsv", "word", "aspect")
    if k not in starts and not any(v.keys[x] in change for x in range(j, k)):
        # '10 अरब डॉलर के रक्षा उपकरणों का निर्यात', '20 लाख टन चावल का निर्यात'; not past a change
        # ('19 फीसदी की कमी के कारण देश का व्यापार घाटा': the change of the noun before the value)
        n = next((n for n in range(k, min(len(v.keys), k + 3)) if v.keys[n] in gen or n in v.ents), None)
        if n is not None and n > k and v.keys[n] in gen and all(v.tokens[x].kind == "word" for x in range(k, n)):
            k = n + 1
    return starts.get(k)


def _goods_verb(v: View, j: int, quantity: bool = False) -> Hit | None:
    """'9 करोड़ डॉलर का माल भेजा', '4 अरब डॉलर का सामान खरीदा': a value of goods in general (goods_nouns.tsv,
    one adjective before it) and a verb naming a trade metric after them (frames.yaml `goods_verbs`); for
    a frame that needs its partner marked (`goods_partner`), any goods written in up to three words. A
    quantity names its goods with no genitive ('रूस से 18 लाख बैरल तेल खरीदा')."""
    past = post_qualifiers().at(v.keys, j)
    j += past[0] if past else 0                      # 'N से ज्यादा का सामान बेचा': a bound, still the value
    worth = phrases("worth_words.tsv").at(v.keys, j)
    j += worth[0] if worth else 0                    # '11 अरब डॉलर मूल्य का सामान भेजा'
    if quantity and j < len(v.keys) and v.keys[j] not in cc("genitive"):
        j -= 1                                       # the goods start right after the quantity
    elif j >= len(v.keys) or v.keys[j] not in cc("genitive"):
        return None
    goods = words("goods_nouns.tsv")
    k = next((k for k in range(j + 1, min(len(v.keys), j + 3)) if v.keys[k] in goods), None)
    for n in range(k + 1, min(len(v.keys), k + 3)) if k is not None else ():
        for frame in metrics().frames.values():
            if v.keys[n] in frame.goods_verbs and (not frame.goods_partner or _partner_in_clause(v, j, frame)):
                return n, n + 1, frame.predicate
    for n in range(j + 2, min(len(v.keys), j + 5)):  # 'रूस से 2 अरब डॉलर के उर्वरक मंगाए': with the partner
        if any(v.tag(m) != "W" for m in range(j + 1, n)):  # marked, any goods named in plain words
            break
        for frame in metrics().frames.values():
            if frame.goods_partner and v.keys[n] in frame.goods_verbs and _partner_in_clause(v, j, frame):
                return n, n + 1, frame.predicate
    return None


def _partner_in_clause(v: View, j: int, frame) -> bool:
    """A place named in the value's clause and marked as the frame's counterpart ('रूस से')."""
    return any(e.label == "LOC" and v.clause(a) == v.clause(j) and
               any(tuple(v.keys[b:b + len(m)]) == m for m in frame.counterpart) for a, b, e in v.entities())


def _verb_after(v: View, j: int) -> Hit | None:
    """'8,240 करोड़ रुपये आवंटित किए': a verb naming the metric right after the value (frames.yaml `after`),
    also past a sum of money in general ('X करोड़ रुपये की दूसरी किस्त जारी की': sum_nouns.tsv, up to two
    modifiers before it, and an adverb after it: 'की राशि अभी तक जारी नहीं की')."""
    reach = 2
    if v.keys[j:j + 1] and v.keys[j] in cc("genitive"):
        sums = words("sum_nouns.tsv")
        k = next((k for k in range(j + 1, min(len(v.keys), j + 4)) if v.keys[k] in sums), None)
        if k is not None and all(v.tokens[x].kind in ("word", "number") for x in range(j + 1, k)):
            j, reach = k + 1, 3
    for k in range(j, min(len(v.keys), j + reach)):
        for frame in metrics().frames.values():
            if v.keys[k] in frame.after:
                return k, k + 1, frame.predicate
    return None


def _after_window(v: View, j: int) -> int:
    """How far after a value its metric noun may stand: four words, six in a headline's order where the
    value opens the sentence ('8 अरब डॉलर पर पहुंचा देश का दवा निर्यात'), eight in a ranking ('N के साथ
    इटली भारत के निर्यात बाजारों में आठवें स्थान पर')."""
    if v.keys[j:j + 2] == marker("with").split():
        return 8
    first = min(v.amts) if v.amts else -1
    return 6 if first == 0 and j < len(v.keys) and v.keys[j] in cc("case") else 4


def metric_for(v: View, found: list[Hit], i: int, j: int) -> tuple[Hit | None, bool]:
    """(the metric of the value at tokens [i, j), whether the value is a share of a denominator): the
    noun it modifies, a verb after it, else the nearest noun before it in its clause, then in its
    sentence; past a denominator, the noun before that (none: the previous fact's, if an anaphor)."""
    nouns = found
    quantity = i in v.amts and v.amts[i][1].kind == "quantity"
    hit = _metric_after(v, j, {m[0]: m for m in nouns}) or _goods_verb(v, j, quantity) or sent_home(v, i, j)
    if hit:
        return hit, False
    cl = v.clause(i)
    bases = _denominators(v) - {m[0] for m in nouns if m[1] <= i and denominator_before(v, i)}
    before = [m for m in nouns if m[1] <= i and i - m[1] <= MAX_BEFORE and m[0] not in bases]
    same = [m for m in before if v.syn is not None and v.clause(m[0]) == cl]
    verb = None if before else _verb_after(v, j)        # a noun of its sentence names it before a verb does
    if verb:
        return verb, False
    later = [m for m in nouns if j <= m[0] <= j + _after_window(v, j) and v.clause(m[0]) == cl] if not before else []
    if later:
        return later[0], False                          # '90 अरब डॉलर भारत में निवेश करेगा': the noun after it
    agent = None if before else _agent_noun(v, j)
    if agent:
        return agent, False                             # 'N के साथ X सबसे बड़ा निवेशक रहा': an investment
    pick = (same or before or [None])[-1]
    denominator = denominator_before(v, i)
    if pick and denominator and denominator[1] <= pick[0] < _phrase_end(v, denominator[1]):
        base = {p for p, f in metrics().frames.items() if f.base_of_share}
        earlier = [m for m in same if m[1] <= pick[0] and m[2] not in base] or \
            [m for m in before if m[1] <= pick[0] and m[2] not in base]
        if not earlier and denominator[0] == "share" and written_whole(v, pick[0]) and not any(k in words("continuers.tsv") for k in v.keys[:pick[0]]):
            return pick, True           # 'भारत के कुल आयात का 36 प्रतिशत रूस से आता है': a share of the total itself
        return (earlier[-1] if earlier else None), bool(denominator)
    if pick is None and denominator and denominator[0] == "share":
        return None, True                               # 'यह बजट अनुमान का 48 प्रतिशत है': the last fact's share
    return pick, False


def _agent_noun(v: View, j: int) -> Hit | None:
    """A noun of the metric's actor (agent_nouns.tsv) in a ranking after 'VALUE के साथ' (eight words at
    most, in the value's clause): the value's metric."""
    with_ = marker("with").split()
    if v.keys[j:j + len(with_)] != with_:
        return None
    agents = phrases("agent_nouns.tsv")
    for k in range(j + len(with_), min(len(v.keys), j + len(with_) + 8)):
        hit = agents.at(v.keys, k)
        if hit and v.clause(k) == v.clause(j):
            return k, k + hit[0], hit[1]
    return None


def _phrase_end(v: View, n: int) -> int:
    """The end of the denominator phrase starting at token n ('कुल जीडीपी' holds the metric noun जीडीपी)."""
    hit = phrases("denominators.tsv").at(v.keys, n)
    return n + (hit[0] if hit else 1)


def _denominators(v: View) -> set[int]:
    """The first tokens of the denominators the sentence writes before its values, not before a date
    ('जीडीपी के 2024-25 में 187 लाख करोड़ रुपये': the GDP itself) ('जीडीपी का 5.6
    प्रतिशत ..., जिसे घटाकर 5.1 प्रतिशत करने का लक्ष्य है': no value after it is a GDP figure)."""
    if "denominators" not in v._found:
        v._found["denominators"] = {d[1] for d in (denominator_before(v, i) for i, _, _ in
                                                   v.amounts("money", "percent", "basis_points")) if d}
    return v._found["denominators"]


def is_verb(v: View, hit: Hit) -> bool:
    """Is the metric a verb of giving in general after the value (frames.yaml `transfer_verbs`: रखे,
    मंजूर), not a noun or a verb of its own metric (आवंटित)?"""
    return hit[1] - hit[0] == 1 and v.keys[hit[0]] in metrics().transfer_verbs


def continuer_before(v: View, i: int) -> bool:
    """'यह जीडीपी का 3.4 प्रतिशत': a continuer (यह, इसका) in the value's clause before it."""
    return any(v.keys[k] in words("continuers.tsv") for k in range(max(0, i - 8), i) if v.clause(k) == v.clause(i))


def _determiners() -> set[str]:
    return {k for k, val in table("continuers.tsv", "word", "determiner").items() if val == "yes"}


def has_anaphor(v: View) -> bool:
    """A pronoun that stands for the previous fact ('तब से यह 65 बिलियन डॉलर', 'यह आंकड़ा'), not a
    determiner of another noun ('इस बीच, सरकार ने ...')."""
    restate, refs = cc("restatement", "approximator"), words("reference_nouns.tsv")
    times = {p[0] for p in periods(v)}
    for k, key in enumerate(v.keys):
        if key in words("continuers.tsv") and k not in times:      # 'उस साल', 'इस दौरान': a time
            if key not in _determiners():
                return True                                     # 'इसे घटाकर 3 फीसदी करना है'
            n = k + 1
            while n < len(v.keys) and v.keys[n] in restate:      # 'यह करीब 118 अरब डॉलर'
                n += 1
            nxt = v.keys[n] if n < len(v.keys) else ""
            if nxt in refs or (n < len(v.keys) and v.tag(n) not in ("W", "DET")) or n in v.amts:
                return True
    return False
