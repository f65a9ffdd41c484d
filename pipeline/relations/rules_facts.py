"""Relations about money and things: metric values, growth, facility status, topics,
membership, location, agreements. `Context` carries what the previous sentence was about,
so "तब से यह 65 बिलियन डॉलर के करीब पहुंच गया है" continues the previous sentence's trade."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.doc import Relation
from ..entities.lexicon import load as load_entity_lexicon
from .rules_people import period_of, summit_phrase
from .view import CONJ, View, lists

VALUE_KINDS = ("money", "percent", "basis_points")
ANAPHORA = {"यह", "यहां", "ये", "इस", "इसका", "इसकी", "वह"}


@dataclass
class Context:
    metric: str = ""
    subject: str = ""
    subject_id: str = ""
    period: str = ""
    facility: str = ""
    facility_id: str = ""
    summit: str = ""
    topic_pending: bool = False
    metric_age: int = 0     # sentences since the metric/subject/period were last set or used

    def next_sentence(self) -> None:
        """Metric, subject and period carry into the next sentence only: a sentence without a
        metric or an anaphor that continues it ends the context."""
        self.metric_age += 1
        if self.metric_age > 1:
            self.metric = self.subject = self.subject_id = self.period = ""


def _metric_near(v: View, i: int, j: int) -> tuple[int, int, str] | None:
    """The metric an amount at [i, j) belongs to: after it ('X के भारतीय निर्यात'), else before."""
    metrics, fill, dem = lists().metrics, lists().fillers, lists().demonyms
    k = j
    while k < len(v.keys) and k - j < 4 and (v.keys[k] in fill or v.keys[k] in dem):
        k += 1
    hit = metrics.at(v.keys, k) if k < len(v.keys) else None
    if hit:
        return k, k + hit[0], hit[1]
    found = [m for m in metrics.find(v.keys[:i])]
    return found[-1] if found else None


def _subject_of_metric(v: View, mi: int) -> tuple[str, str]:
    """Who the metric is of: 'भारतीय निर्यात', 'भारत-रूस द्विपक्षीय व्यापार', 'भारत और रूस के बीच'."""
    dem = lists().demonyms
    if mi > 0 and v.keys[mi - 1] in dem:
        return dem[v.keys[mi - 1]], ""
    hit = v.ent_ending(mi) or (v.ent_ending(mi - 1) if mi > 0 and v.keys[mi - 1] in ("का", "की", "के") else None)
    if hit:
        i, ent = hit
        prev = v.ent_ending(i - 1) if i > 1 and v.keys[i - 1] == "-" else None
        if prev:
            return v.text(prev[0], mi if v.ent_ending(mi) else mi - 1), f"{prev[1].id}|{ent.id}"
        return ent.text, ent.id
    locs = v.entities("LOC")
    for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
        if all(k in CONJ for k in v.keys[j1:i2]) and v.keys[j2:j2 + 2] == ["के", "बीच"]:
            return f"{a.text}-{b.text}", f"{a.id}|{b.id}"
    return "", ""


def _agent_of_amount(v: View, i: int) -> tuple[str, str]:
    """The giver or doer marked by ने (or द्वारा) before the amount: 'विश्व बैंक ने भारत को 1.5 अरब डॉलर का ऋण'."""
    for a, b, ent in reversed(v.entities()):
        k = b + 1 if v.keys[b:b + 1] == [")"] else b     # 'अंतरराष्ट्रीय मुद्रा कोष (आईएमएफ) ने'
        if k < i and v.keys[k] in ("ने", "द्वारा"):
            return ent.text, ent.id
    return "", ""


def _rate_word(v: View, growth: list[tuple[int, int, str]], i: int, j: int) -> str | None:
    """growth_rate / decline_rate when the amount at [i, j) is a rate of change: a growth word after
    it ('12 प्रतिशत बढ़कर', '7.2 प्रतिशत की वृद्धि') or ending at most 3 tokens before it ('वृद्धि दर 7.3
    प्रतिशत'). Right after a converb (बढ़कर, घटकर: level_words.tsv) it is the new level, and before
    "से <converb>" the old one, not a rate."""
    if i > 0 and v.keys[i - 1] in lists().levels:
        return None
    if v.keys[j:j + 1] == ["से"] and any(k in lists().levels for k in v.keys[j + 1:j + 5]):
        return None     # 'शुल्क 40 फीसदी से घटकर 32 फीसदी': the old level
    after = [g for g in growth if g[0] >= j]
    if after:
        return after[0][2]
    before = [g for g in growth if g[1] <= i and i - g[1] <= 3 and v.keys[g[1] - 1] not in lists().levels]
    return before[-1][2] if before else None


def metric_values(v: View, ctx: Context) -> list[Relation]:
    out = []
    own_metrics = lists().metrics.find(v.keys)
    if own_metrics:
        mi, mj, metric = own_metrics[0]
        ctx.metric, (ctx.subject, ctx.subject_id) = metric, _subject_of_metric(v, mi)
        ctx.period = period_of(v) or ctx.period
        ctx.metric_age = 0
    growth = lists().growth.find(v.keys)
    for i, j, a in v.amounts(*VALUE_KINDS):
        near = _metric_near(v, i, j)
        pred = _rate_word(v, growth, i, j) if a.kind in ("percent", "basis_points") else None
        if pred and not (near and near[0] >= j):
            subj = ctx.metric if not near else near[2]
            if near and subj == pred:     # 'जीडीपी वृद्धि दर 7.3 प्रतिशत': the rate is of the metric before it
                before = [m for m in lists().metrics.find(v.keys[:near[0]]) if m[1] == near[0]]
                subj = before[-1][2] if before else ""
            subj = "" if subj == pred else subj
            out.append(v.relation(subj or "", pred, a.text, "growth:percent_with_growth_word", subject_id="",
                                  object_id=a.id, period=period_of(v) or ctx.period, qualifier=a.qualifier))
            continue
        if near:
            subject, sid = _subject_of_metric(v, near[0])
            rule, metric = "metric:amount_near_metric_word", near[2]
            if not subject:
                subject, sid = _agent_of_amount(v, i)
                rule = "metric:agent_amount_metric_word" if subject else rule
            subject, sid = (subject, sid) if subject else (ctx.subject, ctx.subject_id)
        elif ctx.metric and any(k in ANAPHORA for k in v.keys[:i]):
            subject, sid, metric, rule = ctx.subject, ctx.subject_id, ctx.metric, "metric:carried_from_previous"
            ctx.metric_age = 0      # a continuing sentence keeps the context alive for the next one
        else:
            continue
        period = period_of(v) or ctx.period
        out.append(v.relation(subject, metric, a.text, rule, subject_id=sid, object_id=a.id,
                              period=period, qualifier=a.qualifier))
    return out


def facility_status(v: View, ctx: Context) -> list[Relation]:
    facs = [(i, j, e) for i, j, e in v.entities("LOC") if e.subtype == "facility"]
    if facs:
        ctx.facility, ctx.facility_id = facs[0][2].text, facs[0][2].id
    status = lists().status.find(v.keys)
    units = lists().units.find(v.keys)
    if not status or not units or not ctx.facility:
        return []
    out = []
    ui, uj, _ = units[0]
    k = uj
    while k < len(v.keys) and (v.tokens[k].kind == "number" or v.keys[k] in CONJ):
        if v.tokens[k].kind == "number":
            num = v.amts.get(k)
            out.append(v.relation(ctx.facility, status[0][2], f"{v.text(ui, uj)} {v.tokens[k].text}",
                                  "status:units_with_status_word", subject_id=ctx.facility_id,
                                  object_id=num[1].id if num else ""))
        k += 1
    return out


def topics(v: View, ctx: Context) -> list[Relation]:
    """A verbless list ending in सहित/आदि after a sentence about reviewing/discussing."""
    out = []
    keys = v.keys[:-1] if v.tokens and v.tokens[-1].kind == "punct" else v.keys
    if ctx.topic_pending and keys[-1:] in (["सहित"], ["आदि"]):
        end = len(keys) - 1
        items, start = [], 0
        for k in range(end + 1):
            if k == end or keys[k] in CONJ:
                if k > start:
                    items.append((start, k))
                start = k + 1
        if len(items) >= 2:
            for a, b in items:
                out.append(v.relation(ctx.summit or "वार्ता", "reviews", v.text(a, b), "topics:list_after_review",
                                      (a, b)))
    ctx.summit = summit_phrase(v)
    ctx.topic_pending = bool(lists().topics.find(v.keys))
    return out


def membership_location_agreements(v: View) -> list[Relation]:
    out = []
    locs = v.entities("LOC")
    for i, j, org in v.entities("ORG"):
        if v.keys[j:j + 2] in (["के", "सदस्य"], ["का", "सदस्य"], ["की", "सदस्यता"]):
            for _, _, c in locs:
                if c.end <= org.start:
                    out.append(v.relation(c.text, "member_of", org.text, "member_of:X_org_ke_sadasya",
                                          subject_id=c.id, object_id=org.id))
    for (i1, j1, a), (i2, j2, b) in zip(locs, locs[1:]):
        between = v.keys[j1:i2]
        # "पाकिस्तान के रावलपिंडी", "गुजरात में स्थित मुंद्रा बंदरगाह": the place comes second;
        # "पुणे, महाराष्ट्र": a city, then its state or country after the comma
        inner, outer = (a, b) if between == [","] else (b, a)
        if between in (["में", "स्थित"], ["के"], ["की"], [","]) and inner.subtype in ("city", "facility"):
            if outer.subtype in ("country", "state", "union_territory", "city") and outer.subtype != inner.subtype:
                out.append(v.relation(inner.text, "located_in", outer.text, "located_in:place_of_place", (i1, j2),
                                      subject_id=inner.id, object_id=outer.id))
    if "हस्ताक्षर" in v.keys:
        lex = load_entity_lexicon()
        for i, j, _ in lists().agreements.find(v.keys):
            k = i
            while k > 0 and v.tokens[k - 1].kind == "word" and not lex.is_function_word(v.keys[k - 1]):
                k -= 1
            name = v.text(k, j)
            parties = _signing_parties(v, i)
            for p in parties:
                out.append(v.relation(p.text, "agreement_signed", name, "agreement:signing_word",
                                      subject_id=p.id, qualifier="; ".join(x.text for x in parties if x is not p)))
            break
    return out


def _signing_parties(v: View, before: int) -> list:
    """The LOC/ORG names that sign: a chain joined by और/व/commas right before ने or के बीच
    ('भारत और संयुक्त अरब अमीरात ने ... समझौते पर हस्ताक्षर'); none for a passive sentence."""
    ents = [(a, b, e) for a, b, e in v.entities() if e.label in ("LOC", "ORG") and b <= before]
    for n in range(len(ents) - 1, -1, -1):
        b = ents[n][1]
        if v.keys[b:b + 1] == ["ने"] or v.keys[b:b + 2] == ["के", "बीच"]:
            chain = [ents[n]]
            while n > 0 and all(k in CONJ for k in v.keys[ents[n - 1][1]:chain[0][0]]):
                n -= 1
                chain.insert(0, ents[n])
            return [e for _, _, e in chain]
    return []
