"""pipeline/amounts/examples/anchoring.yaml, every row: relative and partial dates placed against a
reference date (resolved, anchor), or left open with the reason; and the stage's reference date."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pipeline.amounts.anchoring import resolve_text
from pipeline.runner import Pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "amounts" / "examples" / "anchoring.yaml"
DATA = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))


def _rows(sign: str):
    return [pytest.param(r, id=f"{sign}-{i}-{r['text'][:25]}") for i, r in enumerate(DATA[sign])]


def _hit(row):
    ref = dt.date.fromisoformat(row["reference"]) if row.get("reference") else None
    found = resolve_text(row["text"], ref)
    span = row.get("span", row["text"])
    hits = [(m, v, a) for m, v, a in found if m.text == span]
    assert len(hits) == 1, f"{row['text']!r}: {[(m.text, m.kind, v, a) for m, v, a in found]}"
    return hits[0]


@pytest.mark.parametrize("row", [r for r in _rows("positive") if "resolved" in r.values[0]])
def test_resolved(row):
    m, resolved, anchor = _hit(row)
    assert resolved == row["resolved"], (row["text"], anchor)
    assert anchor.startswith(row["anchor"]), (row["text"], anchor)


@pytest.mark.parametrize("row", _rows("unresolved"))
def test_unresolved_keeps_its_x_and_says_why(row):
    m, resolved, anchor = _hit(row)
    assert resolved == row["value"] == str(m.value) and "XXXX" in resolved
    assert anchor.startswith(row["anchor"]), (row["text"], anchor)


def _seed_amounts(seed_text, amounts_config):
    pipe = Pipeline({"entities": {"ner": "none"}, "amounts": amounts_config}, skip=("syntax", "relations", "triples"))
    doc = pipe.process_text(seed_text, "seed")
    return doc, {a.text: a for a in doc.amounts}


def test_seed_with_a_reference_date(seed_text):
    doc, by_text = _seed_amounts(seed_text, {"reference_date": "2024-07-05"})
    assert doc.metadata["reference"] == {"date": "2024-07-05", "source": "option"}
    assert (by_text["परसों"].resolved, by_text["परसों"].anchor) == ("2024-07-03", "option: 2 days before (past tense)")
    assert by_text["पिछले साल दिसंबर"].resolved == "2023-12"
    assert by_text["पिछले साल दिसंबर"].anchor.startswith("option: previous year")


def test_seed_without_one_keeps_xxxx_and_says_why(seed_text):
    doc, by_text = _seed_amounts(seed_text, {})
    assert doc.metadata["reference"] == {"date": "", "source": ""}
    for text in ("परसों", "पिछले साल दिसंबर"):
        a = by_text[text]
        assert a.resolved == str(a.value) and a.resolved.startswith("XXXX"), a
        assert a.anchor.startswith("none: no reference date"), a


def test_dateline_resolves_with_no_option():
    text = "नई दिल्ली, 5 जुलाई 2024 (भाषा)। विदेश मंत्री परसों मास्को गए थे और अगले सप्ताह लौटेंगे।"
    doc, by_text = _seed_amounts(text, {})
    assert doc.metadata["reference"] == {"date": "2024-07-05", "source": "dateline"}
    assert (by_text["परसों"].resolved, by_text["अगले सप्ताह"].resolved) == ("2024-07-03", "2024-W28")
    assert by_text["परसों"].anchor.startswith("dateline:")


def test_dateline_beats_option_and_a_yearless_dateline_takes_the_options_year():
    text = "मुंबई, 3 जनवरी (एजेंसी)। बैठक कल हुई थी।"
    doc, by_text = _seed_amounts(text, {"reference_date": "2024-12-30"})
    assert doc.metadata["reference"] == {"date": "2025-01-03", "source": "dateline+option"}
    assert by_text["कल"].resolved == "2025-01-02"
    doc, by_text = _seed_amounts(text, {})
    assert doc.metadata["reference"]["date"] == "" and by_text["कल"].anchor.startswith("none: the dateline")


def test_dated_heading_line_and_dates_file(tmp_path):
    text = "प्रेस विज्ञप्ति | 14 नवंबर 2025\nमंत्रालय ने परसों नई योजना शुरू की।"
    doc, by_text = _seed_amounts(text, {"reference_date": "2020-01-01"})
    assert doc.metadata["reference"] == {"date": "2025-11-14", "source": "first_lines"}
    assert by_text["परसों"].resolved == "2025-11-12"
    dates = tmp_path / "dates.csv"
    dates.write_text("doc_id,date\nseed,2024-02-10\nother.txt,2023-01-01\n", encoding="utf-8")
    doc, by_text = _seed_amounts("मंत्रालय ने परसों नई योजना शुरू की।", {"dates_file": str(dates),
                                                                       "reference_date": "2020-01-01"})
    assert doc.metadata["reference"] == {"date": "2024-02-10", "source": "dates_file"}


def test_bad_dates_are_one_clear_error(tmp_path):
    from pipeline.core.stage import ContractError
    with pytest.raises(ContractError, match="--date: '5/7/2024' is not a date; write YYYY-MM-DD"):
        Pipeline({"amounts": {"reference_date": "5/7/2024"}, "entities": {"ner": "none"}})
    bad = tmp_path / "dates.tsv"
    bad.write_text("doc_id\tdate\na.txt\t2024-13-01\n", encoding="utf-8")
    with pytest.raises(ContractError, match=r"dates.tsv line 2: '2024-13-01' is not a date"):
        Pipeline({"amounts": {"dates_file": str(bad)}, "entities": {"ner": "none"}})


def test_stacked_scale_is_written_whole():
    m, _, _ = _hit({"text": "जापान भारत में 5 लाख करोड़ येन का निवेश करेगा", "span": "5 लाख करोड़ येन"})
    assert (m.kind, m.value, m.currency) == ("money", 5 * 10 ** 12, "JPY") and m.scale == "लाख करोड"


def test_a_date_in_the_first_sentence_is_no_dateline():
    text = ("नई दिल्ली: सुप्रीम कोर्ट ने 5 जुलाई 2024 को दिए अपने फैसले की समीक्षा से जुड़ी याचिकाओं पर आज "
            "सुनवाई की और केंद्र सरकार से चार सप्ताह के भीतर विस्तृत जवाब दाखिल करने को कहा।")
    doc, by_text = _seed_amounts(text, {})
    assert doc.metadata["reference"] == {"date": "", "source": ""}
    assert by_text["आज"].anchor.startswith("none: no reference date")


def test_run_date_option_reaches_the_tables(tmp_path, seed_text, capsys):
    from pipeline.cli import main
    from pipeline.core.tables import read_table
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "seed.txt").write_text(seed_text, encoding="utf-8")
    assert main(["run", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--ner", "none", "--date", "5/7/2024"]) == 2
    assert "--date: '5/7/2024' is not a date" in capsys.readouterr().err and not (tmp_path / "o").exists()
    assert main(["run", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--ner", "none", "--quiet",
                 "--date", "2024-07-05"]) == 0
    amounts = read_table(tmp_path / "o", "amounts").set_index("text")
    assert amounts.loc["परसों", "resolved"] == "2024-07-03" and amounts.loc["पिछले साल दिसंबर", "resolved"] == "2023-12"
    docs = read_table(tmp_path / "o", "documents")
    assert (docs.reference_date[0], docs.reference_source[0]) == ("2024-07-05", "option")
    rel = read_table(tmp_path / "o", "relations")
    assert set(rel.loc[rel.period == "पिछले साल दिसंबर", "period_value"]) == {"2023-12"}
