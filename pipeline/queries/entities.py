"""Who the tables name, for the analyst notebook: the most mentioned people, places and organisations
(`top_entities`), the parties of each relation, who meets whom as graph edges (`meets_edges`), and the
ways a name is written (`hindi_names`, `aliases`, `main_foreign_country`)."""
from __future__ import annotations

import pandas as pd

from .outputs import Tables

MEETING_PREDICATES = ("meets", "summit", "visits")     # a subject that is no entity still names a party
MEETING_COLUMNS = ["doc_id", "date", "period", "modality", "polarity", "subject", "object", "attributed_to",
                   "evidence", "relation_id"]
HOME = "India"
EDGE_COLUMNS = ["source", "target", "predicate", "kind", "count", "evidence", "source_hindi", "target_hindi",
                "source_label", "target_label"]


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
    """Graph edges: who meets whom (kind `meets`: `meets` relations only; a visit is to a place and
    is no meeting), and relations that join two places (kind `country-country`: a summit of two
    countries, a country pair's trade: भारत-रूस द्विपक्षीय व्यापार). One row per (source, target,
    predicate) with the number of rows behind it."""
    r = t["relations"]
    if r.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    labels = {n: lab for i, lab in _labels_by_id(t).items() for n in [_names_by_id(t).get(i)] if n}
    rows = _edge_rows(t, labels)
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


def _edge_rows(t: Tables, labels: dict[str, str]) -> list[dict]:
    """One edge per relation row that makes one (labels: name -> PER / LOC / ORG)."""
    r = t["relations"]
    rows = []
    for parties, pred, text, subj, sid in zip(relation_parties(t), r["predicate"], r["text"], r["subject"],
                                             r["subject_id"]):
        if pred in MEETING_PREDICATES and len(parties) == 1 and not (isinstance(sid, str) and sid) \
                and isinstance(subj, str) and subj:
            parties = (subj, *parties)      # a subject that is no entity: प्रधानमंत्री visits रूस
        if len(parties) < 2:
            continue
        a, b = parties[0], parties[1]
        if pred == "meets":
            kind = "meets"
        elif pred != "visits" and labels.get(a) == "LOC" and labels.get(b) == "LOC":
            kind = "country-country"
        else:
            continue
        rows.append(dict(source=a, target=b, predicate=pred, kind=kind, evidence=text))
    return rows


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


def index_ids(t: Tables, name: str) -> set[str]:
    """The entity index ids of a name: its English canonical name, or any way the run wrote it
    ('Narendra Modi', 'मोदी', 'नरेंद्र मोदी' -> the one id of Narendra Modi)."""
    ix = t["entity_index"]
    canon = ix["canonical"].fillna("").astype(str).str.lower()
    spelled = ix["aliases"].fillna("").astype(str).map(lambda a: name in a.split("|"))
    return set(ix.loc[(canon == name.lower()) | spelled | (ix["name"] == name), "index_id"])


def party_ids(t: Tables, r: pd.DataFrame) -> list[tuple[set[str], set[str]]]:
    """(subject's index ids, object's index ids) of each relation row, through the entity mentions
    its subject_id / object_id name, else through the names its subject / object text is written as."""
    by_mention = dict(zip(t["entities"]["entity_id"], t["entities"]["index_id"]))
    ix = t["entity_index"]
    by_alias: dict[str, set[str]] = {}
    for iid, aliases in zip(ix["index_id"], ix["aliases"].fillna("")):
        for a in str(aliases).split("|"):
            by_alias.setdefault(a, set()).add(iid)

    def ids(mention_ids, text) -> set[str]:
        found = {by_mention[i] for i in str(mention_ids).split("|") if i in by_mention} if isinstance(
            mention_ids, str) else set()
        return found or by_alias.get(text, set()) if isinstance(text, str) else found
    return [(ids(sid, subj), ids(oid, obj)) for sid, subj, oid, obj in
            zip(r["subject_id"], r["subject"], r["object_id"], r["object"])]


def meetings(t: Tables, x: str, y: str) -> pd.DataFrame:
    """Every meeting of X with Y (either order), with its date on the calendar: the relation's
    resolved period, else its document's reference date (empty when neither is known)."""
    r = t["relations"]
    r = r[r["predicate"] == "meets"]
    xs, ys = index_ids(t, x), index_ids(t, y)
    keep = [bool((a & xs and b & ys) or (a & ys and b & xs)) for a, b in party_ids(t, r)]
    hits = r[keep]
    dates = document_dates(t)
    rows = [dict(doc_id=h.doc_id, date=calendar_date(h.period_value, dates.get(h.doc_id, "")),
                 period=_str(h.period), modality=h.modality, polarity=h.polarity, subject=h.subject,
                 object=h.object, attributed_to=_str(h.attributed_to), evidence=h.text, relation_id=h.relation_id)
            for h in hits.itertuples(index=False)]
    return pd.DataFrame(rows, columns=MEETING_COLUMNS).sort_values(["date", "doc_id", "relation_id"]).reset_index(drop=True)


def document_dates(t: Tables) -> dict[str, str]:
    """doc_id -> its reference date (dateline, dated first line, --dates, --date; '' when none)."""
    d = t["documents"]
    return {i: _str(v) for i, v in zip(d["doc_id"], d["reference_date"])}


def calendar_date(period_value, reference: str) -> str:
    """A fact's date: its period placed on the calendar when that worked (no X left), else its
    document's reference date."""
    p = _str(period_value)
    return p if p and "X" not in p else reference


def _str(v) -> str:
    return v if isinstance(v, str) else ""
