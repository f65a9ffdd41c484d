"""The entity index: one person one id across a run (pipeline/entities/index.py), titles outside PER
spans everywhere (fusion.py), and the run's entity_index table (core/tables.py, batch assembly)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.core.doc import Entity
from pipeline.runner import Pipeline
from pipeline.core.tables import entity_index_rows, read_table
from pipeline.entities.fusion import fuse, model_candidates
from pipeline.entities.index import assign_index_ids, fold_name
from pipeline.core.tables import document_index_rows
from pipeline.entities.gazetteers import load
from pipeline.text.normalize import match_key

RULES = {"entities": {"ner": "none"}}


def _ents(*specs) -> list[Entity]:
    """(text, label, canonical) -> Entity objects of one document."""
    return [Entity(id=f"d:e{n}", start=0, end=len(t), text=t, label=lab, canonical=can)
            for n, (t, lab, can) in enumerate(specs)]


def _ids(ents):
    assign_index_ids(ents)
    return [e.index_id for e in ents]


def test_modi_in_every_form_is_one_id(seed_text):
    text = ("प्रधानमंत्री नरेंद्र मोदी ने कहा कि पीएम मोदी की यात्रा सफल रही। मोदी ने बाद में विदेश "
            "मंत्री से बात की। नरेन्द्र मोदी 2014 से प्रधानमंत्री हैं।")
    doc = Pipeline(RULES, skip=("amounts", "syntax", "relations", "triples")).process_text(text, "a")
    modi = [e for e in doc.entities if "मोदी" in e.text]
    assert [e.text for e in modi] == ["नरेंद्र मोदी", "मोदी", "मोदी", "नरेन्द्र मोदी"]
    assert len({e.index_id for e in modi}) == 1 and modi[0].index_id.startswith("PER:")
    assert [e.role for e in modi[:2]] == ["प्रधानमंत्री", "पीएम"]
    seed = Pipeline(RULES, skip=("syntax", "relations", "triples")).process_text(seed_text, "seed")
    assert {e.index_id for e in seed.entities if e.text == "मोदी"} == {modi[0].index_id}   # across documents
    assert all(e.index_id for e in seed.entities)


def _fused(sentence: str, model_spans):
    words = sentence.split()
    keys = [match_key(w) for w in words]
    kinds = ["punct" if w in ",।" else "word" for w in words]
    fused, _ = fuse(keys, kinds, model_candidates(model_spans), load())
    return [(" ".join(words[c.i:c.j]), c.label, c.canonical,
             " ".join(words[c.title[0]:c.title[1]]) if c.title else "") for c in fused]


def test_a_title_never_sits_inside_a_model_person_span():
    # the NER model tags the title with the name: पीएम मोदी, श्री ... (a longer span than the gazetteer's)
    assert _fused("पीएम मोदी ने कहा", [(0, 2, "PER", 0.99)]) == [("मोदी", "PER", "Narendra Modi", "पीएम")]
    assert _fused("प्रधानमंत्री नरेंद्र मोदी आए", [(0, 3, "PER", 0.99)]) == [
        ("नरेंद्र मोदी", "PER", "Narendra Modi", "प्रधानमंत्री")]
    assert _fused("विदेश मंत्री ने कहा", [(0, 2, "PER", 0.9)]) == []          # a title alone is no person
    assert _fused("किंग चार्ल्स ने कहा", [(0, 2, "PER", 0.9)])[0][::3] == ("चार्ल्स", "किंग")  # gazetteer too
    assert _fused("शेख हसीना ने कहा", [(0, 2, "PER", 0.9)])[0][0] == "शेख हसीना"   # title_names.tsv


def test_a_model_person_ending_in_an_organisation_head_is_an_organisation():
    assert _fused("कल सुंदरम इंडस्ट्रीज ने शेयर बेचे", [(1, 3, "PER", 0.8)])[0][:2] == ("सुंदरम इंडस्ट्रीज", "ORG")


def test_two_people_with_one_surname_in_a_document_stay_apart():
    ents = _ents(("राहुल गांधी", "PER", "Rahul Gandhi"), ("सोनिया गांधी", "PER", "Sonia Gandhi"),
                 ("गांधी", "PER", ""), ("अहमद करीमी", "PER", ""), ("फरीदा करीमी", "PER", ""), ("करीमी", "PER", ""))
    rahul, sonia, gandhi, ahmad, farida, karimi = _ids(ents)
    assert len({rahul, sonia, gandhi}) == 3 and len({ahmad, farida, karimi}) == 3


def test_a_surname_joins_the_one_full_name_of_its_document():
    ents = _ents(("अहमद करीमी", "PER", ""), ("करीमी", "PER", ""), ("नीरव मोदी", "PER", ""),
                 ("मोदी", "PER", "Narendra Modi"), ("करीमी", "LOC", ""))
    full, alone, nirav, modi, place = _ids(ents)
    assert full == alone and nirav == modi         # only नीरव मोदी is in this document: मोदी is him
    assert place != full                           # a place is never a person
    other = _ids(_ents(("मोदी", "PER", "Narendra Modi")))[0]
    assert other != nirav                          # in another document, मोदी is the gazetteer's


def test_transliteration_variants_fold_to_one_name():
    assert fold_name("ऑस्ट्रिया") == fold_name("ओस्ट्रिया")
    assert fold_name("ज़ेलेंस्की") == fold_name("जेलेन्स्की")          # nukta, nasal consonant + virama
    assert fold_name("पाँडे") == fold_name("पांडे")                   # chandrabindu
    assert fold_name("एस.जयशंकर") == fold_name("एस. जयशंकर")
    assert fold_name("मोदी") != fold_name("मादी")
    a, b = _ids(_ents(("जॉन्सन", "PER", ""))), _ids(_ents(("जोन्सन", "PER", "")))
    assert a == b


def test_run_index_merges_documents():
    d1 = _ents(("नरेंद्र मोदी", "PER", "Narendra Modi"), ("मोदी", "PER", "Narendra Modi"), ("नेपाल", "LOC", "Nepal"))
    d2 = _ents(("मोदी", "PER", "Narendra Modi"))
    for ents in (d1, d2):
        assign_index_ids(ents)
    rows = entity_index_rows([document_index_rows(d2, "2024-03-01"), document_index_rows(d1, "2023-11-20")])
    modi = next(r for r in rows if r["canonical"] == "Narendra Modi")
    assert (modi["n_mentions"], modi["n_documents"], modi["first_date"], modi["last_date"]) == (
        3, 2, "2023-11-20", "2024-03-01")
    assert modi["aliases"] == "नरेंद्र मोदी|मोदी" and modi["name"] == "मोदी"
    assert rows == entity_index_rows([document_index_rows(d1, "2023-11-20"), document_index_rows(d2, "2024-03-01")])


def test_batch_writes_one_row_per_entity(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("नई दिल्ली, 5 जुलाई 2024। प्रधानमंत्री नरेंद्र मोदी नेपाल जाएंगे। मोदी ने कहा।",
                                  "utf-8")
    (corpus / "b.txt").write_text("काठमांडू, 9 जुलाई 2024। पीएम मोदी नेपाल पहुंचे।", "utf-8")
    run_batch(corpus, tmp_path / "o", RunOptions(quiet=True), factory=PipelineFactory.of(RULES))
    index = read_table(tmp_path / "o", "entity_index")
    ents = read_table(tmp_path / "o", "entities")
    assert index["index_id"].is_unique and set(ents["index_id"]) == set(index["index_id"])
    modi = index[index["canonical"] == "Narendra Modi"].iloc[0]
    assert (modi["n_mentions"], modi["n_documents"], modi["first_date"], modi["last_date"]) == (
        3, 2, "2024-07-05", "2024-07-09")
    per = ents[ents["label"] == "PER"]
    assert per["index_id"].notna().all() and per["index_id"].nunique() == 1
    assert pd.read_csv(tmp_path / "o" / "entity_index.csv").columns[0] == "index_id"


def test_every_person_of_a_synthetic_archive_has_an_id_and_modi_has_one(tmp_path):
    """The corpus check of issue 19 at test size (benchmarks/measure_index.py runs it on 300 documents
    with the NER model): the sentences of corpus/ recombined into documents."""
    from tools.synthetic import make_archive
    make_archive(tmp_path / "c", 12, seed=19)
    run_batch(tmp_path / "c", tmp_path / "o", RunOptions(quiet=True), factory=PipelineFactory.of(RULES))
    per = read_table(tmp_path / "o", "entities").query("label == 'PER'")
    assert len(per) > 20 and per["index_id"].fillna("").str.startswith("PER:").all()
    modi = per[per["text"].isin(["मोदी", "नरेंद्र मोदी"])]
    assert set(modi["role"].fillna("")) >= {"पीएम", "प्रधानमंत्री", ""} and modi["index_id"].nunique() == 1
    assert not per["text"].str.startswith(("पीएम ", "प्रधानमंत्री ")).any()
