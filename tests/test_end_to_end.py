"""The main command on corpus/: offsets exact in every table against the files' bytes, the same facts
from a hostile copy of a briefing, outputs/ not stale, seed facts present."""
import unicodedata
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import regex

from pipeline.cli import main
from pipeline.core.tables import COLUMNS, TABLES, read_table

REPO = Path(__file__).resolve().parents[1]
SPAN_TABLES = ["sentences", "tokens", "entities", "amounts", "relations", "triples"]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    rc = main(["run", str(REPO / "corpus"), "--out", str(out), "--quiet"])
    assert rc == 0
    return out


def _texts(corpus: Path = REPO / "corpus"):
    """Each file's text read here from its bytes, independently of the pipeline's read stage."""
    return {p.relative_to(corpus).as_posix(): p.read_bytes().decode("utf-8-sig") for p in corpus.rglob("*.txt")}


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_every_row_is_an_exact_slice(fresh, table):
    texts = _texts()
    df = read_table(fresh, table)
    assert list(df.columns[:len(COLUMNS[table])]) == COLUMNS[table]
    assert len(df) > 0
    for row in df.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text, (table, row)
    if table == "entities":
        for row in df[df.role.notna() & (df.role != "")].itertuples():
            assert texts[row.doc_id][int(row.role_start):int(row.role_end)] == row.role


def _hostile(text: str) -> bytes:
    """The same words as a careless editor saves them: BOM, CRLF (also after each danda), NBSP between
    Devanagari words, a ZWJ after every virama, decomposed nukta letters."""
    text = text.replace("\n", "\r\n").replace("। ", "।\r\n").replace("\u094d", "\u094d\u200d")
    text = regex.sub(r"(?<=[\u0900-\u097f]) (?=[\u0900-\u097f])", "\u00a0", text)
    text = regex.sub(r"[\u0958-\u095f]", lambda m: unicodedata.normalize("NFD", m.group()), text)
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def test_hostile_copy_gives_the_same_facts_at_its_own_offsets(tmp_path):
    from pipeline.text.normalize import match_key
    seed = REPO / "corpus" / "india-russia-summit-briefing.txt"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "clean.txt").write_bytes(seed.read_bytes())
    (corpus / "hostile.txt").write_bytes(_hostile(seed.read_text(encoding="utf-8")))
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--ner", "none"]) == 0
    texts = _texts(corpus)
    assert "\r\n" in texts["hostile.txt"] and "\u00a0" in texts["hostile.txt"]
    for table in SPAN_TABLES:
        df = read_table(out, table)
        clean, hostile = df[df.doc_id == "clean.txt"], df[df.doc_id == "hostile.txt"]
        assert len(clean) == len(hostile) > 0, table
        t = texts["hostile.txt"]
        for row in hostile.itertuples():
            assert t[row.start:row.end] == row.text, (table, row)
            # a span never cuts a letter from its nukta, sign or joiner
            assert row.end == len(t) or unicodedata.category(t[row.end]) not in ("Mn", "Mc", "Cf"), (table, row)
            assert unicodedata.category(t[row.start]) not in ("Mn", "Mc", "Cf"), (table, row)
        cols = [c for c in df.columns if c not in ("doc_id", "path") and not c.endswith(("start", "end", "_id"))]
        for a, b in zip(clean[cols].itertuples(index=False), hostile[cols].itertuples(index=False)):
            assert [match_key(str(x)) for x in a] == [match_key(str(x)) for x in b], (table, a, b)


def test_source_url_and_dateline_offsets(fresh):
    texts = _texts()
    for row in read_table(fresh, "documents").itertuples():
        if isinstance(row.source_url, str) and row.source_url:
            assert texts[row.doc_id][int(row.source_url_start):int(row.source_url_end)] == row.source_url
        if isinstance(row.dateline, str) and row.dateline:
            assert texts[row.doc_id][int(row.dateline_start):int(row.dateline_end)] == row.dateline


def test_dates_without_year_read_back_plain_in_pandas(tmp_path):
    """A date with no year is XXXX-MM-DD: nothing for the CSV formula guard to quote with a '."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_text(
        "नई दिल्ली, 14 नवंबर (भाषा)। बैठक 19 मई से 15 जुलाई तक चली और 8 जुलाई को रिपोर्ट आई।\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--ner", "none", "--quiet"]) == 0
    amounts = pd.read_csv(tmp_path / "out" / "amounts.csv", dtype=str, keep_default_na=False)
    dated = amounts[amounts.kind.isin(["date", "date_range"])]
    assert sorted(dated.value) == ["XXXX-05-19/XXXX-07-15", "XXXX-07-08", "XXXX-11-14"]
    assert not [v for v in amounts.value if v.startswith("'")]
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert list(docs.dateline_date) == ["XXXX-11-14"]


@pytest.mark.parametrize("table", TABLES)
def test_committed_outputs_are_current(fresh, table):
    committed = REPO / "outputs" / f"{table}.csv"
    assert committed.exists(), "run: hindi-extract run corpus --out outputs"
    a = read_table(REPO / "outputs", table).drop(columns=["path"], errors="ignore")
    b = read_table(fresh, table).drop(columns=["path"], errors="ignore")
    pd.testing.assert_frame_equal(a, b, check_dtype=False), "outputs/ is stale: rerun the main command"


# ---- the seed briefing's expectations (issue: pipeline spine) ----

SEED_ID = "india-russia-summit-briefing.txt"


def _outputs(table):
    """The seed briefing's rows of a committed table (corpus/ holds other documents too)."""
    df = read_table(REPO / "outputs", table)
    return df[df["doc_id"] == SEED_ID].reset_index(drop=True)


def test_seed_entities():
    ents = _outputs("entities")
    got = set(zip(ents.text, ents.label))
    for name in ["विनय क्वात्रा", "मोदी", "पुतिन"]:
        assert (name, "PER") in got, name
    for name in ["भारत", "रूस", "ऑस्ट्रिया", "मास्को", "सेंट पीटर्सबर्ग"]:
        assert (name, "LOC") in got, name
    for name in ["ब्रिक्स", "शंघाई सहयोग संगठन", "जी20", "संयुक्त राष्ट्र", "एससीओ"]:
        assert (name, "ORG") in got, name
    for common in ["रक्षा", "संगठन", "मंत्री", "शिखर सम्मेलन", "विदेश मंत्री", "प्रधानमंत्री"]:
        assert common not in set(ents.text), common


def test_seed_amounts():
    am = _outputs("amounts")
    money = {(r.text, r.currency): r for r in am[am.kind == "money"].itertuples()}
    assert Decimal(money[("65 बिलियन डॉलर", "USD")].normalized_value) == 65_000_000_000
    assert money[("65 बिलियन डॉलर", "USD")].qualifier == "approx"
    assert Decimal(money[("4 बिलियन डॉलर", "USD")].normalized_value) == 4_000_000_000
    assert Decimal(money[("60 बिलियन डॉलर", "USD")].normalized_value) == 60_000_000_000
    kinds = set(zip(am.text, am.kind))
    assert {("2023-24", "fiscal_year"), ("22वां", "ordinal"), ("2020", "year")} <= kinds
    assert not am.text.str.contains("wikimedia|Putin", regex=True).any()


def test_seed_sentences_and_url():
    sents = _outputs("sentences")
    assert not sents.text.str.contains("https://").any()
    docs = _outputs("documents")
    assert docs.source_url.iloc[0].startswith("https://commons.wikimedia.org/")
    texts = _texts()
    for row in sents.itertuples():  # no sentence ends inside a word
        t = texts[row.doc_id]
        assert row.end == len(t) or not t[row.end].isalnum() or t[row.end - 1] in "।?!॥", row.text


def test_seed_relations():
    rel = _outputs("relations")
    facts = set(zip(rel.subject, rel.predicate, rel.object))
    assert ("विनय क्वात्रा", "role", "विदेश सचिव") in facts
    assert ("मोदी", "meets", "पुतिन") in facts
    assert ("भारत", "summit", "रूस") in facts
    trade = rel[(rel.predicate == "bilateral_trade") & (rel.object == "65 बिलियन डॉलर")]
    assert len(trade) == 1 and trade.subject.iloc[0] == "भारत-रूस" and trade.period.iloc[0] == "2023-24"
    assert trade.qualifier.iloc[0] == "approx"
    assert ("भारत", "exports", "4 बिलियन डॉलर") in facts
    assert ("भारत", "imports", "60 बिलियन डॉलर") in facts
    meet = rel[(rel.predicate == "meets") & (rel.subject == "मोदी")]
    assert meet.modality.iloc[0] == "planned" and meet.attributed_to.iloc[0] == "विनय क्वात्रा"
    sentence_text = dict(zip(_outputs("sentences").sentence_id, _outputs("sentences").text))
    for row in rel.itertuples():  # a subject the text does not name is a fact stated wrongly
        if isinstance(row.subject_id, str) and row.subject_id:
            continue
        assert row.subject in sentence_text[row.sentence_id] or row.subject in "".join(sentence_text.values()), row
    status = set(zip(rel[rel.predicate == "operational"].subject, rel[rel.predicate == "operational"].object))
    assert ("कुडनकुलम परमाणु ऊर्जा संयंत्र", "इकाइयाँ 1") in status
    assert ("कुडनकुलम परमाणु ऊर्जा संयंत्र", "इकाइयाँ 2") in status
