"""Where `hindi-extract show` takes a document's rows from: the tables of a run (`--from OUT_DIR`,
checked against the file: same bytes, every entity and amount at its offsets), else a pipeline run on
the file. `ShowError` is the error the user sees as one line."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.tables import TABLES, read_table


class ShowError(Exception):
    pass


def rows_from_tables(out_dir: Path, path: Path, loaded: dict[str, pd.DataFrame] | None = None
                     ) -> tuple[str, dict[str, pd.DataFrame]]:
    """(doc_id, that document's rows) from a run's tables (`loaded`: the tables already read);
    the document is matched by its path, else by its doc_id at the end of the path."""
    loaded = loaded if loaded is not None else {t: read_table(out_dir, t) for t in TABLES}
    docs = loaded["documents"]
    want = path.resolve()
    doc_id = None
    for d, p in zip(docs["doc_id"], docs["path"]):
        if isinstance(p, str) and p and Path(p).resolve() == want:
            doc_id = d
            break
    if doc_id is None:
        posix = path.as_posix()
        hits = [d for d in docs["doc_id"] if posix == d or posix.endswith("/" + d)]
        if len(hits) != 1:
            raise ShowError(f"{path} is not among the {len(docs)} documents of {out_dir}/documents.csv")
        doc_id = hits[0]
    rows = {}
    for t in TABLES:
        df = loaded[t]
        rows[t] = df[df["doc_id"] == doc_id].reset_index(drop=True)
    return doc_id, rows


def rows_from_pipeline(path: Path, ner: str, date: str = "") -> tuple[str, dict[str, pd.DataFrame], str]:
    from ..runner import Pipeline
    from ..core.tables import document_rows, frame
    from ..text.read import read_document

    doc = read_document(path, path.parent)
    Pipeline({"entities": {"ner": ner}, "amounts": {"reference_date": date}}).process(doc)
    rows = document_rows(doc)
    return doc.doc_id, {t: frame(t, rows[t]) for t in TABLES}, doc.text


def load(path: Path, tables: Path | None, ner: str, loaded: dict[str, pd.DataFrame] | None = None,
         date: str = "") -> tuple[str, str, dict[str, pd.DataFrame]]:
    """(doc_id, original text, rows) of one document: from the tables of a run (`tables`, or the
    tables already read: `loaded`), else by running the pipeline on it."""
    import hashlib

    from ..text.read import read_document

    if tables is None:
        doc_id, rows, text = rows_from_pipeline(path, ner, date)
        return doc_id, text, rows
    doc_id, rows = rows_from_tables(tables, path, loaded)
    doc = read_document(path, path.parent)
    sha = rows["documents"]["sha256"].iloc[0] if len(rows["documents"]) else ""
    if isinstance(sha, str) and sha and sha != hashlib.sha256(path.read_bytes()).hexdigest():
        raise ShowError(f"{path} changed since the run that wrote {tables}: its offsets no longer apply; "
                        "run again, or show it without --from")
    for t in ("entities", "amounts"):
        bad = [i for i, s, e, x in zip(rows[t].iloc[:, 1], rows[t]["start"], rows[t]["end"], rows[t]["text"])
               if doc.text[int(s):int(e)] != x]
        if bad:
            raise ShowError(f"{len(bad)} {t} rows of {tables} do not match the text of {path} (first: {bad[0]})")
    return doc_id, doc.text, rows
