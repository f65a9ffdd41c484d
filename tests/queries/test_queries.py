"""pipeline.queries.notebook: what the notebook shows, on the hand-labelled sample run; and the copyable
pandas / DuckDB snippets of the notebook and docs/analysts.md still run."""
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from fixtures import sample
from pipeline.queries import entities, money, notebook, outputs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return sample.write_sample_outputs(tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="module")
def t(out):
    return outputs.load_outputs(out)


def test_sample_is_consistent():
    doc = sample.sample_document()
    for s in doc.sentences + doc.entities + doc.amounts + doc.relations:
        assert doc.text[s.start:s.end] == s.text


def test_outputs_dir(tmp_path, monkeypatch, out):
    monkeypatch.delenv("HINDI_EXTRACT_OUTPUTS", raising=False)
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "documents.csv").write_text("doc_id\n", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    assert outputs.outputs_dir(tmp_path / "notebooks") == tmp_path / "outputs"
    monkeypatch.setenv("HINDI_EXTRACT_OUTPUTS", str(out))
    assert outputs.outputs_dir() == out
    with pytest.raises(FileNotFoundError, match="lacks"):
        outputs.load_outputs(tmp_path / "outputs")


def test_data_dictionary(t):
    dd = outputs.data_dictionary(t)
    assert list(dd.index) == list(outputs.TABLE_NOTES)
    assert dd.loc["entities", "rows"] == 12 and "canonical" in dd.loc["entities", "columns"]


def test_top_entities(t):
    top = entities.top_entities(t)
    first_loc = top[top["label"] == "LOC"].iloc[0]
    assert (first_loc["name"], first_loc["hindi"], first_loc["mentions"]) == ("India", "भारत", 3)
    assert set(top["label"]) == {"PER", "LOC", "ORG"}
    assert len(entities.top_entities(t, n=1)) == 3


def test_money_by_currency_is_exact_and_sorted(t):
    m = money.money_by_currency(t)
    assert list(m["currency"].unique()) == ["EUR", "INR", "USD"]
    usd = m[m["currency"] == "USD"]
    assert usd["value"].tolist() == [Decimal(65000000000), Decimal(60000000000), Decimal(4000000000)]
    assert m.loc[m["currency"] == "INR", "value"].iloc[0] == Decimal(5000000000)     # 500 करोड़


def test_amounts_by_period(t):
    p = money.amounts_by_period(t)
    assert set(p["period"]) == {"2022-23", "2023-24"}
    fy24 = p[p["period"] == "2023-24"].set_index("metric")["value"]
    assert fy24["bilateral_trade"] == Decimal(65000000000) and fy24["exports"] == Decimal(4000000000)
    # the INR investment has no relation period: it takes the fiscal year of its sentence
    assert p.loc[p["metric"] == "investment", "period"].tolist() == ["2022-23"]


def test_meets_edges(t):
    e = entities.meets_edges(t)
    pairs = {(r.source, r.target, r.predicate, r.kind) for r in e.itertuples()}
    assert ("Narendra Modi", "Vladimir Putin", "meets", "meets") in pairs
    assert ("India", "Russia", "summit", "country-country") in pairs      # a summit of two countries
    assert not [r for r in e.itertuples() if r.predicate == "visits"]       # a visit is no meeting
    assert set(e.loc[e["kind"] == "meets", "predicate"]) == {"meets"}
    assert ("India", "Russia", "bilateral_trade", "country-country") in pairs
    assert e.loc[e["target"] == "Russia", "target_hindi"].iloc[0] == "रूस"


def test_trade_between_india_and_x(t):
    ru = money.trade_between(t, "Russia")
    assert ru["value"].tolist() == [Decimal(65000000000), Decimal(4000000000), Decimal(60000000000)]
    assert ru["scope"].tolist() == ["pair", "document", "document"]
    assert money.trade_between(t, "रूस")["relation_id"].tolist() == ru["relation_id"].tolist()
    at = money.trade_between(t, "Austria")
    assert at[["amount", "currency", "period", "scope"]].values.tolist() == [["2.5 अरब यूरो", "EUR", "2022-23", "pair"]]
    assert money.trade_between(t, "China").empty


def test_duckdb_matches_pandas(out, tmp_path):
    pytest.importorskip("duckdb")
    import shutil

    out = Path(shutil.copytree(out, tmp_path / "copy"))
    got = outputs.duckdb_example(out)
    assert got["value"].map(Decimal).tolist() == [Decimal(65000000000), Decimal(4000000000),
                                                  Decimal(60000000000), Decimal(2500000000)]
    (out / "relations.parquet").unlink()                      # CSV where there is no Parquet
    assert len(outputs.duckdb_example(out)) == 4


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, re.S)


def test_pandas_snippet_of_the_notebook_runs(out):
    nb = json.loads((REPO / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    blocks = [b for c in nb["cells"] if c["cell_type"] == "markdown" for b in _python_blocks("".join(c["source"]))]
    assert blocks
    for code in blocks:
        ns = {"OUT": out}
        *body, last = code.strip().splitlines()
        exec("\n".join(body), ns)                                    # noqa: S102 - our own snippet
        res = eval(last, ns)                                         # noqa: S307
        assert res["normalized_value"].tolist() == ["65000000000"]


def test_snippets_of_the_analysts_doc_run(out, monkeypatch):
    doc = (REPO / "docs" / "analysts.md").read_text(encoding="utf-8")
    blocks = _python_blocks(doc)
    assert len(blocks) >= 2
    monkeypatch.chdir(out.parent)
    (out.parent / "outputs").exists() or (out.parent / "outputs").symlink_to(out)
    for code in blocks:
        if "duckdb" in code:
            pytest.importorskip("duckdb")
        exec(code, {})                                               # noqa: S102 - our own docs


def test_strip_notebook(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    nb.cells[0].execution_count = 1
    p = tmp_path / "x.ipynb"
    nbformat.write(nb, str(p))
    assert notebook.strip_notebook(p) is True
    assert notebook.strip_notebook(p) is False
    cell = nbformat.read(str(p), as_version=4).cells[0]
    assert cell.outputs == [] and cell.execution_count is None


def test_trade_between_reads_the_counterpart(t):
    """A row whose counterpart names the partner pairs both sides; one naming a third country does not."""
    tables = dict(t)
    rel = t["relations"].copy()
    rel["counterpart"] = rel["counterpart"].astype(object)      # read back empty: all NaN
    exports = rel.index[rel["object"] == "4 बिलियन डॉलर"][0]
    rel.loc[exports, "counterpart"] = "रूस"
    tables["relations"] = rel
    ru = money.trade_between(tables, "Russia")
    row = ru[ru["amount"] == "4 बिलियन डॉलर"].iloc[0]
    assert (row["scope"], row["counterpart"], row["aspect"]) == ("pair", "रूस", "level")
    rel.loc[exports, "counterpart"] = "चीन"
    assert "4 बिलियन डॉलर" not in money.trade_between(tables, "Russia")["amount"].tolist()
