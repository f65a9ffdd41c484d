"""Everything the analyst notebook computes, so the notebook itself holds no logic.

Load the tables of a run (`load_outputs`), then ask:

    top_entities(t)                 the most mentioned people, places, organisations
    money_by_currency(t)            every money amount, in plain units of its own currency
    amounts_by_period(t)            money values per fiscal year / year, with the metric they measure
    meets_edges(t)                  who meets whom, and country-country relations, as graph edges
    trade_between(t, "Russia")      the worked query: all trade values between India and X
    duckdb_example(out_dir)         the same question in SQL over the Parquet (or CSV) files

Every function takes the dict of DataFrames that `load_outputs` returns and gives a DataFrame.
Exact numbers stay exact (`decimal.Decimal` in `value` columns); a float copy (`value_float`)
is there only for plotting.
"""
from __future__ import annotations

import os
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .tables import COLUMNS, CSV_ENCODING, TABLES, read_table

Tables = dict[str, pd.DataFrame]

# one line per table for the notebook's data dictionary (columns: pipeline/tables.py; details:
# docs/data-dictionary.md)
TABLE_NOTES = {
    "documents": "one row per input file: encoding, size, row counts of the other tables",
    "sentences": "sentence spans of each document",
    "tokens": "word / number / punctuation spans",
    "entities": "people (PER), places (LOC), organisations (ORG) with a canonical English name",
    "amounts": "numbers, money, percentages, dates, fiscal years; exact values",
    "relations": "typed facts: meets, summit, visits, trade, exports, imports, investment ...",
    "triples": "open (head, relation, tail) facts for what no typed rule covers",
    "errors": "files that could not be processed, and why",
}
TRADE_PREDICATES = ("bilateral_trade", "trade", "exports", "imports")
MEETING_PREDICATES = ("meets", "summit", "visits")
PERIOD_KINDS = ("fiscal_year", "year")
HOME = "India"
EDGE_COLUMNS = ["source", "target", "predicate", "kind", "count", "evidence", "source_hindi", "target_hindi",
                "source_label", "target_label"]


def outputs_dir(start: str | Path | None = None) -> Path:
    """The folder of tables to analyse: $HINDI_EXTRACT_OUTPUTS, else the nearest `outputs/`
    folder at or above `start` (default: the current folder)."""
    env = os.environ.get("HINDI_EXTRACT_OUTPUTS")
    if env:
        return Path(env)
    here = Path(start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / "outputs" / "documents.csv").exists():
            return d / "outputs"
    raise FileNotFoundError(f"no outputs/documents.csv at or above {here}; run `hindi-extract run corpus "
                            "--out outputs` or set HINDI_EXTRACT_OUTPUTS")


def load_outputs(out_dir: str | Path) -> Tables:
    """Every table of a run as a DataFrame (text and exact-number columns as strings)."""
    out_dir = Path(out_dir)
    missing = [t for t in TABLES if not (out_dir / f"{t}.csv").exists()]
    if missing:
        raise FileNotFoundError(f"{out_dir} lacks {', '.join(m + '.csv' for m in missing)}")
    return {t: read_table(out_dir, t) for t in TABLES}


def data_dictionary(t: Tables) -> pd.DataFrame:
    """The tables in brief: rows, what a row is, and the columns."""
    return pd.DataFrame([dict(table=name, rows=len(t[name]), what=TABLE_NOTES[name],
                              columns=", ".join(COLUMNS[name])) for name in TABLES]).set_index("table")


def _exact(v) -> Decimal | None:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA or str(v) == "":
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:        # a non-terminating fraction is written 'p/q'
        p, _, q = str(v).partition("/")
        return Decimal(p) / Decimal(q) if q else None


def entity_name(e: pd.DataFrame) -> pd.Series:
    """The name to group an entity by: its canonical name when it has one, else the text."""
    canon = e["canonical"].fillna("").astype(str)
    return canon.where(canon != "", e["text"].astype(str))


def top_entities(t: Tables, n: int = 10) -> pd.DataFrame:
    """The n most mentioned names per label (PER, LOC, ORG), with the Hindi form seen most often."""
    e = t["entities"]
    if e.empty:
        return pd.DataFrame(columns=["label", "name", "hindi", "mentions", "documents"])
    e = e.assign(name=entity_name(e))
    g = e.groupby(["label", "name"], sort=False)
    out = pd.DataFrame({
        "hindi": g["text"].agg(lambda s: s.value_counts().index[0]),
        "mentions": g.size(),
        "documents": g["doc_id"].nunique(),
    }).reset_index()
    out = out.sort_values(["label", "mentions", "name"], ascending=[True, False, True])
    return out.groupby("label", sort=True).head(n).reset_index(drop=True)


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


def _names_by_id(t: Tables) -> dict[str, str]:
    e = t["entities"]
    return dict(zip(e["entity_id"], entity_name(e)))


def _labels_by_id(t: Tables) -> dict[str, str]:
    e = t["entities"]
    return dict(zip(e["entity_id"], e["label"]))


def relation_parties(t: Tables) -> pd.Series:
    """For each relation row, the entity names it connects (subject ids, then object id)."""
    names = _names_by_id(t)
    out = []
    for sid, oid in zip(t["relations"]["subject_id"], t["relations"]["object_id"]):
        ids = [i for x in (sid, oid) if isinstance(x, str) and x for i in x.split("|")]
        out.append(tuple(dict.fromkeys(names[i] for i in ids if i in names)))
    return pd.Series(out, index=t["relations"].index, dtype=object)


def meets_edges(t: Tables) -> pd.DataFrame:
    """Graph edges: who meets / visits / holds a summit with whom, plus any other relation that
    joins two entities (a country pair's trade: भारत-रूस द्विपक्षीय व्यापार). One row per
    (source, target, predicate) with the number of rows behind it."""
    r = t["relations"]
    if r.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    labels = {n: lab for i, lab in _labels_by_id(t).items() for n in [_names_by_id(t).get(i)] if n}
    rows = []
    for parties, pred, text, subj, sid in zip(relation_parties(t), r["predicate"], r["text"], r["subject"],
                                             r["subject_id"]):
        if pred in MEETING_PREDICATES and len(parties) == 1 and not (isinstance(sid, str) and sid) \
                and isinstance(subj, str) and subj:
            parties = (subj, *parties)      # a subject that is no entity: प्रधानमंत्री visits रूस
        if len(parties) < 2:
            continue
        a, b = parties[0], parties[1]
        if pred in MEETING_PREDICATES:
            kind = "meets"
        elif labels.get(a) == "LOC" and labels.get(b) == "LOC":
            kind = "country-country"
        else:
            continue
        rows.append(dict(source=a, target=b, predicate=pred, kind=kind, evidence=text))
    if not rows:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    df = pd.DataFrame(rows)
    df = (df.groupby(["source", "target", "predicate", "kind"], sort=True)
            .agg(count=("evidence", "size"), evidence=("evidence", "first")).reset_index()
            .sort_values(["count", "source", "target"], ascending=[False, True, True]).reset_index(drop=True))
    hindi = hindi_names(t)
    df["source_hindi"] = df["source"].map(lambda n: hindi.get(n, n))
    df["target_hindi"] = df["target"].map(lambda n: hindi.get(n, n))
    df["source_label"] = df["source"].map(lambda n: labels.get(n, ""))
    df["target_label"] = df["target"].map(lambda n: labels.get(n, ""))
    return df


def hindi_names(t: Tables) -> dict[str, str]:
    """name (canonical or text) -> the Hindi form written most often."""
    e = t["entities"]
    if e.empty:
        return {}
    e = e.assign(name=entity_name(e))
    return e.groupby("name")["text"].agg(lambda s: s.value_counts().index[0]).to_dict()


def aliases(t: Tables, name: str) -> set[str]:
    """A name and every way the tables spell it: 'Russia' -> {'Russia', 'रूस', 'रूसी' ...}."""
    e = t["entities"]
    canon = e["canonical"].fillna("").astype(str)
    same = e[(canon.str.lower() == name.lower()) | (e["text"] == name)]
    out = {name} | set(same["text"]) | {c for c in same["canonical"].dropna() if c}
    out |= set(e.loc[canon.isin(out) & (canon != ""), "text"])
    return {x for x in out if x}


def main_foreign_country(t: Tables, home: str = HOME) -> dict[str, str]:
    """doc_id -> the country other than `home` that the document mentions most (canonical name)."""
    e = t["entities"]
    e = e[(e["label"] == "LOC") & (e["subtype"] == "country")].assign(name=lambda d: entity_name(d))
    e = e[~e["name"].isin(aliases(t, home))]
    if e.empty:
        return {}
    counts = e.groupby(["doc_id", "name"]).size().reset_index(name="n")
    counts = counts.sort_values(["doc_id", "n", "name"], ascending=[True, False, True])
    return dict(counts.drop_duplicates("doc_id")[["doc_id", "name"]].itertuples(index=False, name=None))


def trade_between(t: Tables, country: str, home: str = HOME) -> pd.DataFrame:
    """All trade values (bilateral trade, trade, exports, imports) between `home` and `country`.

    `scope` says how sure the pairing is: 'pair' when the relation names both countries
    (भारत-रूस द्विपक्षीय व्यापार), 'sentence' when it names one and the sentence the other,
    'document' when the relation names only the home side and X is the foreign country the document
    mentions most (4 बिलियन डॉलर के भारतीय निर्यात, in a briefing on Russia). A relation that names a
    third country is never counted."""
    r, a, s = t["relations"], t["amounts"], t["sentences"]
    ours, theirs = aliases(t, home), aliases(t, country)

    def mentions(text, names) -> bool:
        return isinstance(text, str) and any(n in text for n in names)

    trade = r[r["predicate"].isin(TRADE_PREDICATES)].copy()
    trade["parties"] = relation_parties(t).loc[trade.index]
    trade = trade.merge(a[["amount_id", "normalized_value", "currency"]], how="left",
                        left_on="object_id", right_on="amount_id")
    trade = trade.merge(s[["sentence_id", "text"]].rename(columns={"text": "sentence"}), how="left",
                        on="sentence_id")
    main_partner = main_foreign_country(t, home)
    rows = []
    for x in trade.itertuples(index=False):
        arg = " ".join(str(v) for v in (x.subject, x.object, *x.parties) if isinstance(v, str))
        has_home, has_country = mentions(arg, ours), mentions(arg, theirs)
        others = [p for p in x.parties if p not in ours and p not in theirs]
        if others or not (has_home or has_country):
            continue            # another partner is named, or neither side is
        if has_home and has_country:
            scope = "pair"
        elif mentions(x.sentence, theirs if has_home else ours):
            scope = "sentence"
        elif has_home and main_partner.get(x.doc_id) in theirs:
            scope = "document"
        else:
            continue
        rows.append(dict(doc_id=x.doc_id, predicate=x.predicate, subject=x.subject, amount=x.object,
                         value=_exact(x.normalized_value), currency=x.currency, period=x.period,
                         qualifier=x.qualifier, scope=scope, evidence=x.text, relation_id=x.relation_id))
    cols = ["doc_id", "predicate", "subject", "amount", "value", "currency", "period", "qualifier", "scope",
            "evidence", "relation_id"]
    out = pd.DataFrame(rows, columns=cols)
    order = {"pair": 0, "sentence": 1, "document": 2}
    return out.sort_values(["scope", "doc_id", "relation_id"], key=lambda c: c.map(order) if c.name == "scope"
                           else c).reset_index(drop=True)


DUCKDB_SQL = """\
SELECT r.doc_id, r.predicate, r.subject, r.object AS amount,
       CAST(a.normalized_value AS DECIMAL(38, 2)) AS value, a.currency, r.period
FROM '{relations}' AS r
JOIN '{amounts}' AS a ON a.amount_id = r.object_id
WHERE r.predicate IN ('bilateral_trade', 'trade', 'exports', 'imports')
ORDER BY r.doc_id, r.relation_id
"""


def duckdb_example(out_dir: str | Path, sql: str = DUCKDB_SQL) -> pd.DataFrame:
    """Run `sql` with DuckDB over the tables' Parquet files (CSV where no Parquet was written).
    `{relations}`, `{amounts}` ... in the SQL become the files' paths. Needs `pip install duckdb`."""
    try:
        import duckdb  # optional dependency: the analysts' extra
    except ImportError:
        return pd.DataFrame({"note": ["DuckDB is not installed: pip install duckdb"]})
    out_dir = Path(out_dir)
    paths = {}
    for t in TABLES:
        pq = out_dir / f"{t}.parquet"
        paths[t] = (pq if pq.exists() else out_dir / f"{t}.csv").as_posix().replace("'", "''")
    with duckdb.connect() as con:
        return con.execute(sql.format(**paths)).df()


def csv_check(path: str | Path) -> dict:
    """What a spreadsheet sees in a CSV of ours: the BOM, and whether the bytes decode as UTF-8."""
    data = Path(path).read_bytes()
    try:
        data.decode(CSV_ENCODING)
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    return dict(file=Path(path).name, bytes=len(data), utf8_bom=data.startswith(b"\xef\xbb\xbf"), utf8=utf8)


# --- a small hand-labelled sample in the real table format --------------------------------------
# For the tests, and for trying the notebook or `hindi-extract show --from` before a real run.
SAMPLE_TEXT = (
    "विदेश सचिव विनय क्वात्रा ने कहा कि भारत और रूस के बीच 22वां वार्षिक शिखर सम्मेलन मोदी और पुतिन को "
    "द्विपक्षीय मुद्दों की समीक्षा का अवसर देगा। "
    "भारत-रूस द्विपक्षीय व्यापार में 2023-24 में तीव्र वृद्धि देखी गई है। "
    "तब से यह 65 बिलियन डॉलर के करीब पहुंच गया है। "
    "4 बिलियन डॉलर के भारतीय निर्यात और 60 बिलियन डॉलर के करीब भारतीय आयात के साथ, व्यापार असंतुलित है। "
    "विदेश मंत्री ने दिसंबर में मास्को का दौरा किया और वे एससीओ शिखर सम्मेलन के मौके पर मिले थे। "
    "भारत और ऑस्ट्रिया के बीच व्यापार 2022-23 में 2.5 अरब यूरो रहा, और नई दिल्ली में 500 करोड़ रुपये का "
    "निवेश हुआ।"
)
# (text, occurrence, label, subtype, canonical)
_SAMPLE_ENTITIES = [
    ("विनय क्वात्रा", 0, "PER", "person", "Vinay Kwatra"), ("भारत", 0, "LOC", "country", "India"),
    ("रूस", 0, "LOC", "country", "Russia"), ("मोदी", 0, "PER", "leader", "Narendra Modi"),
    ("पुतिन", 0, "PER", "leader", "Vladimir Putin"), ("भारत", 1, "LOC", "country", "India"),
    ("रूस", 1, "LOC", "country", "Russia"), ("मास्को", 0, "LOC", "capital", "Moscow"),
    ("एससीओ", 0, "ORG", "grouping", "SCO"), ("भारत", 4, "LOC", "country", "India"),
    ("ऑस्ट्रिया", 0, "LOC", "country", "Austria"), ("नई दिल्ली", 0, "LOC", "capital", "New Delhi"),
]
# (text, occurrence, kind, value, currency, scale, qualifier, normalized_value)
_SAMPLE_AMOUNTS = [
    ("22वां", 0, "ordinal", "22", "", "", "", "22"),
    ("2023-24", 0, "fiscal_year", "2023-24", "", "", "", None),
    ("65 बिलियन डॉलर", 0, "money", "65", "USD", "बिलियन", "approx", "65000000000"),
    ("4 बिलियन डॉलर", 0, "money", "4", "USD", "बिलियन", "", "4000000000"),
    ("60 बिलियन डॉलर", 0, "money", "60", "USD", "बिलियन", "approx", "60000000000"),
    ("2022-23", 0, "fiscal_year", "2022-23", "", "", "", None),
    ("2.5 अरब यूरो", 0, "money", "2.5", "EUR", "अरब", "", "2500000000"),
    ("500 करोड़ रुपये", 0, "money", "500", "INR", "करोड़", "", "5000000000"),
]


def sample_document():
    """A Document with hand-made entities, amounts and relations over SAMPLE_TEXT."""
    import hashlib
    import re

    from .doc import Amount, Document, Entity, Relation, Sentence, Token

    text, did = SAMPLE_TEXT, "sample.txt"
    doc = Document(doc_id=did, path="sample.txt", text=text)
    data = text.encode("utf-8")
    doc.metadata.update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    for m in re.finditer(r"[^।]+।\s*", text):
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        doc.sentences.append(Sentence(id=f"{did}:s{len(doc.sentences)}", start=m.start(), end=end,
                                      text=text[m.start():end], index=len(doc.sentences)))
    for s in doc.sentences:
        for i, w in enumerate(re.finditer(r"\w+|[^\w\s]", s.text)):
            doc.tokens.append(Token(id=f"{did}:k{len(doc.tokens)}", start=s.start + w.start(),
                                    end=s.start + w.end(), text=w.group(), sentence_id=s.id, index=i))

    def find(word: str, nth: int) -> int:
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(word, pos + 1)
        return pos

    def sid(pos: int) -> str:
        return doc.sentence_at(pos).id

    for w, nth, label, sub, canon in _SAMPLE_ENTITIES:
        p = find(w, nth)
        ent = Entity(id=f"{did}:e{len(doc.entities)}", start=p, end=p + len(w), text=w, sentence_id=sid(p),
                     label=label, subtype=sub, source="gazetteer", canonical=canon)
        if w == "विनय क्वात्रा":
            ent.role, ent.role_start, ent.role_end = "विदेश सचिव", p - 11, p - 1
        doc.entities.append(ent)
    doc.entities.sort(key=lambda e: e.start)
    for i, e in enumerate(doc.entities):
        e.id = f"{did}:e{i}"
    for w, nth, kind, value, cur, scale, qual, norm in _SAMPLE_AMOUNTS:
        p = find(w, nth)
        doc.amounts.append(Amount(id=f"{did}:a{len(doc.amounts)}", start=p, end=p + len(w), text=w,
                                  sentence_id=sid(p), kind=kind, value=value, currency=cur, scale=scale,
                                  qualifier=qual, normalized_value=Decimal(norm) if norm else None))
    ent = {(e.text, i): e for i, e in enumerate(doc.entities)}
    by_text = {}
    for e in doc.entities:
        by_text.setdefault(e.text, []).append(e)
    amt = {a.text: a for a in doc.amounts}

    def rel(subj, pred, obj, ev, subject_id="", object_id="", period="", qualifier="", rule=""):
        p = find(ev, 0)
        doc.relations.append(Relation(id=f"{did}:r{len(doc.relations)}", sentence_id=sid(p), subject=subj,
                                      predicate=pred, object=obj, start=p, end=p + len(ev), text=ev,
                                      subject_id=subject_id, object_id=object_id, period=period,
                                      qualifier=qualifier, rule=rule or f"{pred}:sample"))

    india, russia = by_text["भारत"], by_text["रूस"]
    rel("भारत", "summit", "रूस", "भारत और रूस के बीच 22वां वार्षिक शिखर सम्मेलन", india[0].id, russia[0].id,
        qualifier="22वां वार्षिक शिखर सम्मेलन")
    rel("मोदी", "meets", "पुतिन", "मोदी और पुतिन", by_text["मोदी"][0].id, by_text["पुतिन"][0].id)
    rel("भारत-रूस", "bilateral_trade", "65 बिलियन डॉलर", "तब से यह 65 बिलियन डॉलर के करीब पहुंच गया है",
        f"{india[1].id}|{russia[1].id}", amt["65 बिलियन डॉलर"].id, period="2023-24", qualifier="approx")
    rel("भारत", "exports", "4 बिलियन डॉलर", "4 बिलियन डॉलर के भारतीय निर्यात", "", amt["4 बिलियन डॉलर"].id,
        period="2023-24")
    rel("भारत", "imports", "60 बिलियन डॉलर", "60 बिलियन डॉलर के करीब भारतीय आयात", "",
        amt["60 बिलियन डॉलर"].id, period="2023-24", qualifier="approx")
    rel("विदेश मंत्री", "visits", "मास्को", "विदेश मंत्री ने दिसंबर में मास्को का दौरा किया", "",
        by_text["मास्को"][0].id)
    rel("भारत-ऑस्ट्रिया", "bilateral_trade", "2.5 अरब यूरो", "भारत और ऑस्ट्रिया के बीच व्यापार 2022-23 में 2.5 अरब यूरो",
        f"{india[-1].id}|{by_text['ऑस्ट्रिया'][0].id}", amt["2.5 अरब यूरो"].id, period="2022-23")
    rel("नई दिल्ली", "investment", "500 करोड़ रुपये", "नई दिल्ली में 500 करोड़ रुपये का निवेश",
        by_text["नई दिल्ली"][0].id, amt["500 करोड़ रुपये"].id)
    del ent
    return doc


def write_sample_outputs(out_dir: str | Path, formats=("csv", "parquet")) -> Path:
    """Write the sample document's tables to out_dir, exactly as `hindi-extract run` would."""
    from .tables import document_rows, frame, write_table

    rows = document_rows(sample_document())
    for t in TABLES:
        write_table(frame(t, rows[t]), Path(out_dir), t, formats)
    return Path(out_dir)


def strip_notebook(path: str | Path) -> bool:
    """Remove outputs and execution counts from a notebook (as committed); True if it changed."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    before = nbformat.writes(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
    after = nbformat.writes(nb)
    if after != before:
        Path(path).write_text(after, encoding="utf-8")
    return after != before


if __name__ == "__main__":
    import sys

    if len(sys.argv) >= 3 and sys.argv[1] == "strip":
        for nb_path in sys.argv[2:]:
            print(f"{nb_path}: {'stripped' if strip_notebook(nb_path) else 'already clean'}")
    else:
        print("usage: python -m pipeline.analysis strip NOTEBOOK.ipynb ...", file=sys.stderr)
        sys.exit(2)
