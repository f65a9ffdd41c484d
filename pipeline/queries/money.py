"""Money in the tables, for the analyst notebook: every money amount as an exact value in plain units
(`money_by_currency`), the values per period with the metric they measure (`amounts_by_period`), and
the worked queries: the trade values between India and another country (`trade_between`) and the
money one party pledged, by month (`pledged_by_month`)."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import pandas as pd

from .entities import (HOME, party_ids, aliases, calendar_date, document_dates, index_ids, main_foreign_country,
                       relation_parties)
from .outputs import Tables

TRADE_PREDICATES = ("bilateral_trade", "trade", "exports", "imports")
PERIOD_KINDS = ("fiscal_year", "year")


def _exact(v) -> Decimal | None:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA or str(v) == "":
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:        # a non-terminating fraction is written 'p/q'
        p, _, q = str(v).partition("/")
        return Decimal(p) / Decimal(q) if q else None


def money_by_currency(t: Tables) -> pd.DataFrame:
    """Every money amount in plain units of its currency (65 बिलियन डॉलर -> 65000000000 USD),
    largest first within each currency."""
    a = t["amounts"]
    m = a[a["kind"] == "money"].copy()
    m["value"] = m["normalized_value"].map(_exact)
    m = m[m["value"].notna()]
    m["value_float"] = m["value"].map(float)
    m["currency"] = m["currency"].fillna("").replace("", "?")
    cols = ["currency", "text", "value", "value_float", "qualifier", "doc_id", "amount_id", "sentence_id"]
    return m[cols].sort_values(["currency", "value_float"], ascending=[True, False]).reset_index(drop=True)


def _periods_by_sentence(a: pd.DataFrame) -> dict[str, str]:
    """sentence_id -> the first fiscal year (else year) written in that sentence."""
    out: dict[str, str] = {}
    for kind in PERIOD_KINDS:
        p = a[a["kind"] == kind]
        for sid, val, text in zip(p["sentence_id"], p["value"], p["text"]):
            out.setdefault(sid, str(val) if pd.notna(val) and str(val) else str(text))
    return out


def amounts_by_period(t: Tables) -> pd.DataFrame:
    """Money values with the period they refer to and the metric they measure.

    The period comes from the relation that uses the amount (its `period` column), else from a
    fiscal year or year written in the same sentence; amounts with neither are left out."""
    money = money_by_currency(t)
    r = t["relations"]
    rel = r[r["object_id"].isin(money["amount_id"])].drop_duplicates("object_id")
    by_amount = rel.set_index("object_id")
    in_sentence = _periods_by_sentence(t["amounts"])
    rows = []
    for m in money.itertuples(index=False):
        period, metric, subject = "", "", ""
        if m.amount_id in by_amount.index:
            x = by_amount.loc[m.amount_id]
            period = "" if pd.isna(x["period"]) else str(x["period"])
            metric, subject = str(x["predicate"]), "" if pd.isna(x["subject"]) else str(x["subject"])
        period = period or in_sentence.get(m.sentence_id, "")
        if period:
            rows.append(dict(period=period, metric=metric or "money", subject=subject, currency=m.currency,
                             text=m.text, value=m.value, value_float=m.value_float, doc_id=m.doc_id))
    cols = ["period", "metric", "subject", "currency", "text", "value", "value_float", "doc_id"]
    return pd.DataFrame(rows, columns=cols).sort_values(["period", "currency", "value_float"],
                                                        ascending=[True, True, False]).reset_index(drop=True)


def trade_between(t: Tables, country: str, home: str = HOME) -> pd.DataFrame:
    """All trade values (bilateral trade, trade, exports, imports) between `home` and `country`.

    `scope` says how sure the pairing is: 'pair' when the relation names both countries, in its
    subject or its counterpart (भारत-रूस द्विपक्षीय व्यापार; भारत का अमेरिका को निर्यात: subject भारत,
    counterpart अमेरिका), 'sentence' when it names one and the sentence the other,
    'document' when the relation names only the home side and X is the foreign country the document
    mentions most (4 बिलियन डॉलर के भारतीय निर्यात, in a briefing on Russia). A relation that names a
    third country is never counted."""
    ours, theirs = aliases(t, home), aliases(t, country)
    main_partner = main_foreign_country(t, home)
    rows = []
    for x in _trade_relations(t).itertuples(index=False):
        scope = _trade_scope(x, ours, theirs, main_partner)
        if scope is None:
            continue
        rows.append(dict(doc_id=x.doc_id, predicate=x.predicate, subject=x.subject, counterpart=_text(x.counterpart),
                         amount=x.object, value=_exact(x.normalized_value), currency=x.currency, period=x.period,
                         aspect=_text(x.aspect), modality=_text(x.modality), qualifier=x.qualifier, scope=scope,
                         evidence=x.text, relation_id=x.relation_id))
    cols = ["doc_id", "predicate", "subject", "counterpart", "amount", "value", "currency", "period", "aspect",
            "modality", "qualifier", "scope", "evidence", "relation_id"]
    out = pd.DataFrame(rows, columns=cols)
    order = {"pair": 0, "sentence": 1, "document": 2}
    return out.sort_values(["scope", "doc_id", "relation_id"], key=lambda c: c.map(order) if c.name == "scope"
                           else c).reset_index(drop=True)


def _trade_relations(t: Tables) -> pd.DataFrame:
    """The trade relations, with their parties, their amount's value and currency, and their sentence."""
    r, a, s = t["relations"], t["amounts"], t["sentences"]
    trade = r[r["predicate"].isin(TRADE_PREDICATES)].copy()
    for col in ("counterpart", "aspect", "modality"):     # tables written before schema v2 lack them
        if col not in trade:
            trade[col] = ""
    trade["parties"] = relation_parties(t).loc[trade.index]
    trade = trade.merge(a[["amount_id", "normalized_value", "currency"]], how="left",
                        left_on="object_id", right_on="amount_id")
    return trade.merge(s[["sentence_id", "text"]].rename(columns={"text": "sentence"}), how="left",
                       on="sentence_id")


def _text(v) -> str:
    return v if isinstance(v, str) else ""


def _mentions(text, names) -> bool:
    return isinstance(text, str) and any(n in text for n in names)


def _trade_scope(x, ours: set[str], theirs: set[str], main_partner: dict[str, str]) -> str | None:
    """How a trade relation (a row of _trade_relations) pairs the two sides: 'pair', 'sentence',
    'document', or None when it does not (another partner is named, or neither side is)."""
    arg = " ".join(str(v) for v in (x.subject, x.object, x.counterpart, *x.parties) if isinstance(v, str))
    has_home, has_country = _mentions(arg, ours), _mentions(arg, theirs)
    others = [p for p in x.parties if p not in ours and p not in theirs]
    if _text(x.counterpart) and not _mentions(x.counterpart, ours | theirs):
        others.append(x.counterpart)   # exports to a third country
    if others or not (has_home or has_country):
        return None             # another partner is named, or neither side is
    if has_home and has_country:
        return "pair"
    if _mentions(x.sentence, theirs if has_home else ours):
        return "sentence"
    if has_home and main_partner.get(x.doc_id) in theirs:
        return "document"
    return None


PLEDGE_COLUMNS = ["month", "currency", "total", "pledges", "to", "predicates", "modalities", "relation_ids"]
MONTH = re.compile(r"(\d{4})-(\d{2})")
WEEK = re.compile(r"(\d{4})-W(\d{2})")


@lru_cache(maxsize=1)
def flow_predicates() -> frozenset[str]:
    """The metrics that are a transfer to a counterpart (loan, aid, grant, investment, line of credit
    ...): the metric frames marked `flow` in pipeline/relations/data/frames.yaml."""
    from ..relations.frames import metrics
    return frozenset(p for p, frame in metrics().frames.items() if frame.flow)


def month_of(date: str) -> str:
    """YYYY-MM of a calendar value: a day or a month itself, a week's Thursday, a range's start; a
    year alone stays the year; '' when there is none."""
    start = date.split("/")[0]
    w = WEEK.match(start)
    if w:
        return dt.date.fromisocalendar(int(w[1]), int(w[2]), 4).strftime("%Y-%m")
    m = MONTH.match(start)
    return m.group() if m else start[:4] if start[:4].isdigit() else ""


def pledged_by_month(t: Tables, x: str) -> pd.DataFrame:
    """The money X pledged, granted, lent or invested (the flow metrics), per month and currency: the
    month of the relation's resolved period, else of its document's reference date. X is matched
    through the entity index (any spelling: 'India', 'भारत'). Totals are exact (Decimal), never summed
    across currencies."""
    r = t["relations"]
    r = r[r["predicate"].isin(flow_predicates())]
    xs = index_ids(t, x)
    r = r[[bool(subj & xs) for subj, _ in party_ids(t, r)]]
    a = t["amounts"].set_index("amount_id")
    dates = document_dates(t)
    rows = []
    for h in r.itertuples(index=False):
        if h.object_id not in a.index or a.loc[h.object_id, "kind"] != "money":
            continue
        rows.append(dict(month=month_of(calendar_date(h.period_value, dates.get(h.doc_id, ""))),
                         currency=a.loc[h.object_id, "currency"], value=_exact(a.loc[h.object_id, "normalized_value"]),
                         to=_text(h.counterpart), predicate=h.predicate, modality=h.modality, relation_id=h.relation_id))
    if not rows:
        return pd.DataFrame(columns=PLEDGE_COLUMNS)
    df = pd.DataFrame(rows)
    g = df.groupby(["month", "currency"], sort=True)
    out = pd.DataFrame({"total": g["value"].agg(lambda v: sum(v, Decimal(0))), "pledges": g.size(),
                        "to": g["to"].agg(_joined), "predicates": g["predicate"].agg(_joined),
                        "modalities": g["modality"].agg(_joined), "relation_ids": g["relation_id"].agg(_joined)})
    return out.reset_index()[PLEDGE_COLUMNS]


def _joined(values) -> str:
    return "|".join(sorted({v for v in values if isinstance(v, str) and v}))
