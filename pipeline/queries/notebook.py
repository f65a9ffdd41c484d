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

from pathlib import Path

# the functions themselves live in entities.py, money.py and outputs.py of this package, by subject


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
        print("usage: python -m pipeline.queries.notebook strip NOTEBOOK.ipynb ...", file=sys.stderr)
        sys.exit(2)
