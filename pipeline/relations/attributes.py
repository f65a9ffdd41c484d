"""The attributes of a fact, each read from its sentence's analysis: the period (same clause, else same
sentence), the modality and polarity of its clause, the aspect of a value, and the speaker the fact is
attributed to (the syntax stage's attributions; a pronoun or generic noun names the earlier party)."""
from __future__ import annotations

from functools import lru_cache

from ..entities.gazetteers import key_tokens
from .anaphora import DocState
from .frames import metrics
from ..syntax.features import DATA_DIR as SYNTAX_DATA
from .lexicon import cc, clause_openers, marker, negation, phrases, read_tsv_plain, table, words
from .view import View

PERIOD_KINDS = ("fiscal_year", "year", "date", "date_range", "month", "relative_time", "quarter")


def periods(v: View) -> list[tuple[int, int, str]]:
    """Dates, years, months, relative times and period words, and durations after बीते / अगले; a word
    of frequency (frequency_words.tsv) not followed by the noun it qualifies;
    not a time that is the base of a comparison ('पिछले साल के ... के मुकाबले'), nor a year that names
    a thing (year_modifiers.tsv: '1992 बैच के अधिकारी'), nor one opening a basis (basis_phrases.tsv:
    'सालाना आधार पर 6 प्रतिशत': year on year), nor the date of a founding (founding_words.tsv)."""
    if "periods" in v._found:
        return v._found["periods"]
    comparison, prefixes = words("comparison_words.tsv"), words("duration_prefixes.tsv")
    anywhere = {k for k, val in table("duration_prefixes.tsv", "word", "before").items() if val == "any"}
    out = [(i, j, a.text) for i, j, a in v.amounts(*PERIOD_KINDS)]
    out += [(i - 1, j, v.text(i - 1, j)) for i, j, a in v.amounts("duration") if i > 0 and v.keys[i - 1] in prefixes]
    out = [p for p in out if not any(k in comparison for k in v.keys[p[1]:p[1] + 6])
           and not (v.keys[p[1]:p[1] + 1] and v.keys[p[1]] in words("year_modifiers.tsv"))]
    taken = {k for i, j, _ in out for k in range(i, j)}
    out += [(i, j, v.text(i, j)) for i, j, _ in v.find(phrases("period_words.tsv")) if i not in taken
            and not any(k in comparison for k in v.keys[j:j + 6])]
    out += [(i, i + 1, v.text(i, i + 1)) for i, key in enumerate(v.keys) if key in words("frequency_words.tsv")
            and i not in taken and not (i + 1 < len(v.keys) and v.tag(i + 1) == "W")]
    streaks = _streaks(v)
    out = [p for p in out if not any(a <= p[0] and p[1] <= b for a, b, _ in streaks)] + streaks
    basis = {i for i, _, _ in v.find(phrases("basis_phrases.tsv"))}   # 'सालाना आधार पर': how, not when
    founding = words("founding_words.tsv")                              # '1967 में स्थापित': the body's date
    out = [p for p in out if p[0] not in basis and not any(k in founding for k in v.keys[p[1]:p[1] + 4])
           and not _compared_from(v, p[1])]
    out = _restated(v, out)
    merged: list[tuple[int, int, str]] = []
    aside = _bracketed(v)                    # 'पिछला वित्त वर्ष (जो 31 मार्च को खत्म हुआ)': the end date is an aside
    if any(p[0] not in aside for p in out):
        out = [p for p in out if p[0] not in aside]
    joins = cc("genitive") | {"-", "–", marker("source")}     # 'इस साल जनवरी से जून': one period
    for i, j, _ in sorted(out):              # 'दिसंबर तिमाही', 'इस साल नवंबर', 'पिछली तिमाही': one period
        if i > 0 and v.keys[i - 1] in anywhere and not (merged and merged[-1][1] == i - 1):
            i -= 1
        if merged and (merged[-1][1] == i or merged[-1][1] == i - 1 and v.keys[i - 1] in joins):
            i = merged.pop()[0]              # 'अप्रैल-जुलाई', 'बीते साल की समान अवधि': one period too
        merged.append((i, j, v.text(i, j)))
    v._found["periods"] = merged
    return merged


def _restated(v: View, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A period said again, in brackets or after यानी ('दूसरी तिमाही (जुलाई-सितंबर)', 'बीते साल
    अर्थात 2023'), is one period: the span holding both."""
    out, restate, dash = sorted(out), cc("restatement"), {"-", "–"}
    n = 0
    while n < len(out) - 1:
        (a, b, _), (c, d, _) = out[n], out[n + 1]
        between = v.keys[b:c]
        said_again = 0 < len(between) <= 4 and any(k in restate for k in between) and \
            all(k in restate or k in cc("genitive") or k == "," or v.tag(b + m) == "W" for m, k in enumerate(between))
        close = next((e for e in range(c, min(len(v.keys), c + 8)) if v.keys[e] == ")"), None) \
            if between == ["("] else None
        inside = [p for p in out[n + 1:] if close is not None and p[1] <= close]
        covered = {k for p in inside for k in range(p[0], p[1])}
        bracket = close is not None and all(k in covered or v.keys[k] in dash for k in range(c, close))
        if bracket or said_again:
            end = close + 1 if bracket else d
            out[n:n + 1 + (len(inside) if bracket else 1)] = [(a, end, v.text(a, end))]
            continue
        n += 1
    return out


def _streaks(v: View) -> list[tuple[int, int, str]]:
    """'लगातार पांचवें महीने', 'लगातार तीसरी तिमाही': a streak word, an ordinal and a time unit."""
    out, streak = [], words("streak_words.tsv")
    for i, j, a in v.amounts("ordinal", "quarter"):
        if i > 0 and v.keys[i - 1] in streak and a.kind == "quarter":
            out.append((i - 1, j, v.text(i - 1, j)))                  # 'लगातार तीसरी तिमाही'
        elif i > 0 and v.keys[i - 1] in streak and j < len(v.keys) and v.keys[j] in _time_units():
            out.append((i - 1, j + 1, v.text(i - 1, j + 1)))
    return out


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    """The time units of the amounts stage (amounts/data/time_units.tsv) and the parts of a year."""
    from ..amounts.word_tables import DATA_DIR as AMOUNTS_DATA
    rows = read_tsv_plain(AMOUNTS_DATA / "time_units.tsv")
    return frozenset(key_tokens(r[0])[0] for r in rows if r and r[0]) | words("period_units.tsv")


def _compared_from(v: View, j: int) -> bool:
    """Is the time ending at token j the base of a comparison: 'X से N गुना अधिक', 'X के स्तर से कम'
    (data/comparatives.tsv), a से within three words after it and a comparative within four after that?"""
    source = marker("source")
    k = next((n for n in range(j, min(len(v.keys), j + 4)) if v.keys[n] == source), None)
    if k is None or any(v.tag(n) not in ("W", "DET", "PG") for n in range(j, k)):
        return False
    return any(key in words("comparatives.tsv") for key in v.keys[k + 1:k + 5])


def _base_of(v: View, j: int, i: int) -> bool:
    """Is the time ending at token j the period of another value, the base a change starts from
    ('पिछले वर्ष के 85 अरब डॉलर से बढ़कर 99 अरब डॉलर': पिछले वर्ष is the 85's, not the 99's)?"""
    if j >= len(v.keys) or v.keys[j] not in cc("genitive") or j + 1 == i or j + 1 not in v.amts:
        return False
    end = v.amts[j + 1][0]
    return end < len(v.keys) and v.keys[end] == marker("source")


def _bracketed(v: View) -> set[int]:
    """The tokens inside round brackets."""
    inside, depth = set(), 0
    for k, key in enumerate(v.keys):
        depth += (key == "(") - (key == ")")
        if depth > 0 and key != "(":
            inside.add(k)
    return inside


def period_for(v: View, i: int, carried: str = "", figure: bool = False) -> str:
    """The period of a fact at token i: the nearest one in its clause (before it first; after it
    only up to another clause: 'जो पिछले साल ...', 'जबकि ...'), else a period word pointing back
    (इसी महीने, इस दौरान: the previous fact's), else the sentence's first one before it (a 'जबकि'
    clause with no time of its own shares the main clause's). A figure's period is never the date of
    the dateline ('नई दिल्ली, 14 अगस्त (भाषा)': the day it was reported; an event may fall on it)."""
    ps, openers = periods(v), clause_openers()
    base = _base_period(v, i) if figure else ""
    if base:
        return base
    old = _old_level(v, i) if figure else None
    if old is not None:                      # 'X के 30,000 इकाई से बढ़कर 35,000': X (in the genitive) is the old level's time
        ps = [p for p in ps if not (p[1] + 1 == old and v.keys[p[1]] in cc("genitive"))]
    line = (getattr(v.doc, "metadata", None) or {}).get("dateline") or {}
    if figure and line.get("date"):
        ps = [p for p in ps if not line["start"] <= v.tokens[p[0]].start < line["end"]]
    stop = next((k for k in range(i, len(v.keys)) if v.keys[k] in openers), len(v.keys))
    start = max((k + 1 for k in range(0, i) if v.keys[k] in openers), default=0)
    if v.syn is not None and ps:
        cl = v.clause(i)
        same = [p for p in ps if cl >= 0 and v.clause(p[0]) == cl and start <= p[0] < stop and not _base_of(v, p[1], i)]
        before = [p for p in same if p[1] <= i]
        pick = before[-1] if before else same[0] if same else None
        back = {" ".join(v.keys[a:b]) for a, b, _ in v.find(phrases("period_anaphors.tsv"))}
        if pick:                                 # 'इसी महीने' written: the previous fact's month
            return carried if carried and " ".join(v.keys[pick[0]:pick[1]]) in back else pick[2]
    if carried and any(a < stop for a, _, _ in v.find(phrases("period_anaphors.tsv"))):
        return carried
    earlier = [p for p in ps if p[1] <= i and not _base_of(v, p[1], i)]
    told = max((k for k in range(i) if v.keys[k] in cc("complementizer")), default=-1)
    reported = [p for p in earlier if p[0] > told]     # 'सोमवार को जारी रिपोर्ट कहती है कि मई में ...'
    if told >= 0 and not reported:
        return ""                                       # 'X ने बुधवार को कहा कि ...': the day of the report
    return (reported or earlier)[0][2] if earlier else ""


def _old_level(v: View, i: int) -> int | None:
    """The first token of the old level of a value written after a converb ('N से बढ़कर M': N's start)."""
    if i < 3 or v.keys[i - 1] not in words("level_words.tsv") or v.keys[i - 2] != marker("source"):
        return None
    units = phrases("count_units.tsv")
    ends = {i - 2} | {i - 2 - n for n in (1, 2) if (units.at(v.keys, i - 2 - n) or (0,))[0] == n}   # 'N इकाई से'
    return next((a for a, (e, _) in v.amts.items() if e in ends), None)


def _base_period(v: View, i: int) -> str:
    """'वर्ष 2022-23 में N की तुलना में ... M': the time written right before a value that is the base
    of a comparison is that value's period (no period of the figure compared with it)."""
    if i not in v.amts or not any(k in words("comparison_words.tsv") for k in v.keys[v.amts[i][0]:v.amts[i][0] + 4]):
        return ""
    found = [(a, b, am.text) for a, b, am in v.amounts(*PERIOD_KINDS) if b <= i and i - b <= 2]
    return found[-1][2] if found else ""


def window(v: View, i: int) -> range:
    """The tokens of the clause around token i, through the finite verb that governs it."""
    syn = v.syn
    if syn is None or not syn.spans:
        return range(0, len(v.keys))
    cl = syn.clause_at(i)
    start, end = (cl.start, cl.end) if cl else (i, len(v.keys))
    for g in syn.groups:
        if g.finite and g.start >= i:
            end = max(end, g.end)
            break
    return range(start, min(end, len(v.keys)))


def modality_for(v: View, i: int, flow: bool, cues: dict[str, str] | None = None, event: bool = False) -> str:
    """target / projection / planned from the cue words of the clause (a frame's own cues first),
    else from its verb: future -> planned for a transfer or an event, possible -> projection (an event
    that may happen is planned: 'मुलाकात कर सकते हैं')."""
    w = window(v, i)
    if share_of_base(v, i):
        return "actual"                 # 'लक्ष्य के 40 प्रतिशत पर': the goal is the base of the share
    if cues:
        own = [cues[v.keys[k]] for k in w if v.keys[k] in cues]
        if own:
            return own[0]
    bases = {k for a, b, _ in v.find(phrases("share_bases.tsv")) if v.keys[b:b + 1] and v.keys[b] in cc("genitive")
             for k in range(a, b)}              # 'बजट अनुमान का 48 प्रतिशत': the base, no estimate of this fact
    found = {val for a, b, val in v.find(phrases("modality_words.tsv")) if a in w and a not in bases}
    if event and "planned" not in found and _expected(v, i):
        return "projection"             # 'अनुमान है कि ... वार्ता मई में होगी'
    for m in ("target", "projection"):
        if m in found:
            return m
    cl = v.syn.clause_at(i) if v.syn is not None else None
    if cl and cl.features.modality == "possible" and not event:
        return "projection"                             # a figure that may be: expected, not announced
    if "planned" in found:
        return "planned" if flow else "actual"
    if cl and cl.features.modality == "possible":
        return "planned"                                # an event that may happen: 'मुलाकात कर सकते हैं'
    if cl and cl.features.tense == "future":
        return "planned" if flow else "projection"
    return "actual"


def _expected(v: View, i: int) -> bool:
    """Is token i in a कि-clause governed by an expectation ('अनुमान है कि', 'संभावना है कि': a projection
    word of modality_words.tsv in the four words before the complementizer)?"""
    told = max((k for k in range(i) if v.keys[k] in cc("complementizer")), default=-1)
    if told < 1:
        return False
    return any(val == "projection" and told - 5 <= a < told for a, _, val in v.find(phrases("modality_words.tsv")))


def polarity_for(v: View, i: int) -> str:
    """negative when the clause is denied, cancelled or refused (its verb features, a negation word
    after token i or right before it: 'भारत नहीं आएंगे')."""
    cl = v.syn.clause_at(i) if v.syn is not None else None
    if cl and cl.features.negation:
        return "negative"
    if any(v.keys[k] in negation() for k in window(v, i) if k >= i - 1):
        return "negative"
    return "negative" if _undone_after(v, window(v, i)) else "positive"


def _undone_after(v: View, w: range) -> bool:
    """A relative clause right after the clause (', जो बाद में रद्द हो गया') that cancels or denies it."""
    k = w.stop
    if not (k + 1 < len(v.keys) and v.keys[k] == "," and v.keys[k + 1] in cc("relative")):
        k -= 1                          # the comma may close the clause itself
    if not (0 <= k and k + 1 < len(v.keys) and v.keys[k] == "," and v.keys[k + 1] in cc("relative")):
        return False
    cl = v.syn.clause_at(k + 1) if v.syn is not None else None
    return bool(cl and cl.features.negation) or any(v.keys[n] in negation() for n in window(v, k + 1))


def aspect_for(v: View, i: int, j: int, inherent: str) -> str:
    """growth / decline / share from the words after the amount; level after a converb (बढ़कर 36 अरब)
    or before 'से <converb>' (40 फीसदी से घटकर: the old level)."""
    levels, keys, genitive = words("level_words.tsv"), v.keys, cc("genitive")
    if share_of_base(v, i) or share_noun_before(v, i) is not None or _listed_share_value(v, i):
        return "share"
    if i > 0 and keys[i - 1] in levels:
        return "growth" if inherent == "growth" else "level"    # 'विकास दर घटकर 5.6 प्रतिशत': still a growth
    k = j
    if keys[k:k + 1] == [marker("source")] and keys[k + 1:k + 2] and keys[k + 1] in words("qualifier_after.tsv"):
        k += 2                                      # '30 प्रतिशत से ज्यादा रकम', '4 प्रतिशत से अधिक घटकर'
    elif keys[k:k + 1] == [marker("source")] and any(x in levels for x in keys[k + 1:k + 4]):
        return "growth" if inherent == "growth" else "level"    # 'वृद्धि दर 7.2 प्रतिशत से घटाकर': a rate still
    if keys[k:k + 1] and keys[k] in words("point_words.tsv"):
        k += 1                                      # '0.4 प्रतिशत अंक की गिरावट'
    skipped = 0
    while k < len(keys) and skipped < 3:
        hit = phrases("aspect_words.tsv").at(keys, k)
        if hit and hit[1] == "share" and keys[k] in words("sum_nouns.tsv") and i in v.amts \
                and v.amts[i][1].kind == "money":
            return inherent or "level"              # '600 करोड़ रुपये की रकम': the sum itself, no share
        if hit:
            return hit[1]
        nxt = _coordinated_value(v, i, k)           # 'क्रमशः 7 प्रतिशत और 12 प्रतिशत की वृद्धि': the
        if nxt:                                     # aspect after the last value of the list
            k = v.amts[nxt][0]
            continue
        if keys[k] in genitive or keys[k] == "," or (skipped == 1 and v.tokens[k].kind == "word"):
            skipped += 1
            k += 1
            continue
        break
    return inherent or "level"


def _coordinated_value(v: View, i: int, k: int) -> int:
    """The start of another value of the same kind as the one at i after a comma or a conjunction at k,
    past at most three words (its metric noun: 'निर्यात 3 प्रतिशत और चीन से आयात 5 प्रतिशत बढ़ा'), else 0."""
    if not (v.keys[k] == "," or v.keys[k] in cc("coord")) or i not in v.amts:
        return 0
    for n in range(k + 1, min(k + 5, len(v.keys))):
        if n in v.amts:
            return n if v.amts[n][1].kind == v.amts[i][1].kind else 0
        if v.tokens[n].kind != "word" or v.keys[n] in words("level_words.tsv") or phrases("aspect_words.tsv").at(v.keys, n):
            return 0
    return 0


def share_noun_before(v: View, i: int) -> int | None:
    """The first token of a share noun right before the value at i (share_nouns.tsv, past a qualifier and
    a verb of being: 'ब्रिटेन की हिस्सेदारी करीब 3 प्रतिशत', 'रूस का हिस्सा बढ़कर 35 प्रतिशत')."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if v.keys[k] in words("share_nouns.tsv"):
            return k
        if (v.tag(k) not in ("ADV", "W", "") and v.keys[k] not in words("level_words.tsv")) or \
                v.keys[k] in cc("genitive", "case"):
            return None
    return None


def share_listed_before(v: View, k: int) -> bool:
    """Does a place in the genitive before a share noun come before token k ('अमेरिका का हिस्सा 18 प्रतिशत')?"""
    return any(j < k and v.keys[j:j + 1] and v.keys[j] in cc("genitive") and v.keys[j + 1:j + 2]
               and v.keys[j + 1] in words("share_nouns.tsv") for a, j, _ in v.entities("LOC"))


def _listed_share_value(v: View, i: int) -> bool:
    """'..., यूएई का 8 फीसदी' after 'अमेरिका का हिस्सा 18 फीसदी': a percentage in a place's genitive that
    goes on a list of shares."""
    hit = v.ent_ending(i - 1) if i > 1 and v.keys[i - 1] in cc("genitive") else None
    return bool(hit and hit[1].label == "LOC" and i in v.amts and v.amts[i][1].kind == "percent"
                and share_listed_before(v, hit[0]))


def share_of_base(v: View, i: int) -> bool:
    """An amount stated as a share of a base noun: 'पूरे साल के लक्ष्य के 40 प्रतिशत', 'बजट अनुमान का
    (केवल) 25 प्रतिशत' (share_bases.tsv)."""
    k = i - 1
    if k > 0 and v.tag(k) in ("ADV", "W") and v.keys[k] not in cc("genitive"):
        k -= 1                                       # one qualifier: 'का महज 11.5 प्रतिशत'
    if k < 1 or v.keys[k] not in cc("genitive"):
        return False
    bases = phrases("share_bases.tsv")
    return any(b == k for _, b, _ in v.find(bases)) or (k > 1 and v.keys[k - 1] == ")" and
                                                        any(b == _bracket_start(v, k - 1) for _, b, _ in v.find(bases))) \
        or ((k == i - 1 or v.keys[i - 1] in words("qualifier_before.tsv")) and i in v.amts and v.amts[i][1].kind == "percent"
            and total_before(v, k) is not None and not _level_base(v, k))     # 'कुल निर्यात का (करीब) 12 प्रतिशत'


def _level_base(v: View, k: int) -> bool:
    """Is the phrase ending at the genitive at token k a denominator that makes a level ('कुल जीडीपी के 4.4
    प्रतिशत': a deficit's level, no share of a total)?"""
    return any(e == k and val == "level" for _, e, val in v.find(phrases("denominators.tsv")))


def total_before(v: View, k: int) -> int | None:
    """The first token of a metric noun of a whole ending at token k ('कुल निर्यात का', total_words.tsv;
    past one plain word of goods: 'कुल हथियार आयात का')."""
    for n in range(max(1, k - 3), k):
        hit = metrics().triggers.at(v.keys, n)
        if hit and hit[1] and n + hit[0] == k and written_whole(v, n):
            return n
    return None


def written_whole(v: View, n: int) -> bool:
    """Is the metric noun at token n written as a whole (total_words.tsv right before it, or before one
    plain word of goods: 'कुल हथियार आयात')?"""
    total = words("total_words.tsv")
    return n > 0 and (v.keys[n - 1] in total or n > 1 and v.tag(n - 1) == "W" and not v.ent_ending(n)
                      and v.keys[n - 2] in total)


def _bracket_start(v: View, close: int) -> int:
    return next((n for n in range(close - 1, max(-1, close - 6), -1) if v.keys[n] == "("), -1)


def resolve_party(v: View, span: tuple[int, int], state: DocState) -> str:
    """The text of a speaker or owner phrase: an entity as written; a pronoun or generic noun
    (उन्होंने, कंपनी, मंत्रालय; also after one modifier: केंद्रीय बैंक) the earlier party it names."""
    a, b = span
    hit = v.ent_ending(b)
    if hit and hit[0] >= a:
        return state.aliases.get(hit[1].text, hit[1].text)
    last = v.keys[b - 1]
    kind = table("speaker_anaphors.tsv", "word", "refers_to", SYNTAX_DATA).get(last) if b - a <= 2 else None
    if b - a == 2:                      # 'केंद्रीय बैंक', 'शीर्ष बैंक': the bank named before, else as written
        if kind == "ORG":
            return state.named(last) or v.text(a, b)
        kind = None
    person = state.speaker or state.person[0]
    if kind == "PER" or (kind == "ANY" and not state.org):
        return person
    if kind in ("ORG", "ANY"):
        owner = state.owner if state.owner not in state.countries else ""    # कंपनी names no country
        return state.named(last) or (state.speaker if kind == "ANY" else state.org or owner)
    body = _official_of(v, a, b)
    return state.aliases.get(body, body) if body else v.text(a, b)


def _official_of(v: View, a: int, b: int) -> str:
    """'वाणिज्य मंत्रालय के एक वरिष्ठ अधिकारी', 'X (आईसीईए) के सूत्रों': the body an unnamed official
    (data/unnamed_officials.tsv) speaks for, named right before the genitive; "" otherwise."""
    if v.keys[b - 1] not in words("unnamed_officials.tsv") or any(e.label == "PER" for i, _, e in v.entities()
                                                                   if a <= i < b):
        return ""
    k = b - 1
    while k > 0 and b - 1 - k < 3 and v.keys[k - 1] not in cc("genitive") and v.tag(k - 1) in ("W", "DET", "NUM"):
        k -= 1                                      # एक, वरिष्ठ, शीर्ष
    if k < 2 or v.keys[k - 1] not in cc("genitive"):
        return ""
    end = k - 1
    hit = v.ent_ending(end)
    if hit is None and v.keys[end - 1] == ")":      # past a short form in brackets
        hit = v.ent_ending(next((n for n in range(end - 1, max(0, end - 8), -1) if v.keys[n] == "("), end))
    return hit[1].text if hit and hit[1].label == "ORG" else ""


def own_clause(v: View, k: int) -> bool:
    """Does token k lie in a speaker's own clause, between the speaker and the reporting verb ('X ने Y
    से मुलाकात के बाद कहा कि ...') or in a participle right before the speaker, so that what it states is
    the speaker's act, not the report?"""
    syn = v.syn
    return bool(syn is not None and any(at.kind == "verb" and (at.speaker[1] <= k < at.cue[0] or _participle_of(v, k, at.speaker[0]))
                                        for at in syn.attributions))


def _participle_of(v: View, k: int, start: int) -> bool:
    """Does token k lie in a participle phrase right before the speaker ('भारत दौरे पर आए जापान के
    प्रधानमंत्री X ने कहा': the visit is X's own act)? At most ten words before the speaker, in its
    clause, with no comma or sentence punctuation between."""
    between = range(k, start)
    return k < start <= k + 10 and v.clause(k) == v.clause(start) and \
        all(v.tokens[n].kind == "word" or v.keys[n] in ("(", ")") for n in between) and \
        sum(v.tag(n) in ("PK", "PC") for n in between) <= 1     # not 'यात्रा पर एक ब्रीफिंग में X ने


def attribution(v: View, state: DocState) -> tuple[str, set[int]]:
    """(speaker text, the tokens of speaker phrases) of the sentence."""
    syn = v.syn
    if syn is None or not syn.attributions:
        return "", set()
    tokens = set()
    for at in syn.attributions:
        a, b = at.speaker
        if v.keys[b:b + 1] == ["("]:                # 'राष्ट्रीय सांख्यिकी कार्यालय (एनएसओ) द्वारा'
            b = next((k + 1 for k in range(b, min(len(v.keys), b + 8)) if v.keys[k] == ")"), b)
        tokens.update(range(a, b))
    return resolve_party(v, syn.attributions[0].speaker, state), tokens
