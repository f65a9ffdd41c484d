"""Who the tables name, for the analyst notebook: the most mentioned people, places and organisations
(`top_entities`), the parties of each relation, who meets whom as graph edges (`meets_edges`), and the
ways a name is written (`hindi_names`, `aliases`, `main_foreign_country`)."""
from __future__ import annotations

import pandas as pd

from .outputs import Tables

MEETING_PREDICATES = ("meets", "summit", "visits")
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
    """Graph edges: who meets / visits / holds a summit with whom, plus any other relation that
    joins two entities (a country pair's trade: भारत-रूस द्विपक्षीय व्यापार). One row per
    (source, target, predicate) with the number of rows behind it."""
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
        if pred in MEETING_PREDICATES:
            kind = "meets"
        elif labels.get(a) == "LOC" and labels.get(b) == "LOC":
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
