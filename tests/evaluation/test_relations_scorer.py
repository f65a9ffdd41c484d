"""The relation-fact scorer of SCHEMA.md on small hand-made cases (no shared data needed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.paths import shared_dir
from pipeline.evaluation.relations import fold, matches, overlap, same_party, score
from pipeline.evaluation.relations_gold import fact_of

GOLD_DIR = shared_dir() / "data" / "relations-dev"


def fact(subject, predicate, obj, **kw):
    return {"subject": subject, "predicate": predicate, "object": obj, **kw}


def test_fold_drops_trailing_postpositions_and_folds_whitespace():
    assert fold("  भारत   के  ") == "भारत"
    assert fold("वाणिज्य  मंत्रालय द्वारा") == "वाणिज्य मंत्रालय"
    assert fold("के") == ""


def test_overlap_is_containment_after_folding():
    assert overlap("65 बिलियन डॉलर", "करीब 65 बिलियन डॉलर")
    assert overlap("2023-24 में", "2023-24")
    assert not overlap("65 बिलियन डॉलर", "6 बिलियन डॉलर का")
    assert overlap("", "") and not overlap("", "भारत")


def test_same_party_shares_a_name_word_but_not_a_title():
    assert same_party("पीएम मोदी", "नरेंद्र मोदी")
    assert not same_party("प्रधानमंत्री मोदी", "प्रधानमंत्री किशिदा")   # only the title in common
    assert not same_party("भारत और रूस", "अमेरिका और चीन")               # only the conjunction
    assert same_party("भारत-रूस", "भारत और रूस")
    assert not same_party("", "भारत") and same_party("", "")


def test_symmetric_predicates_match_swapped_arguments():
    assert matches(fact("पुतिन", "meets", "मोदी"), fact("नरेंद्र मोदी", "meets", "व्लादिमीर पुतिन"))
    assert not matches(fact("भारत", "visits", "रूस"), fact("रूस", "visits", "भारत"))
    assert not matches(fact("भारत", "exports", "6 फीसदी"), fact("भारत", "imports", "6 फीसदी"))


def test_one_to_one_matching_and_group_scores():
    gold = [fact("भारत", "exports", "447 अरब डॉलर", aspect="level"),
            fact("भारत", "exports", "6 फीसदी", aspect="growth"),
            fact("नरेंद्र मोदी", "role", "प्रधानमंत्री")]
    pred = [fact("भारत", "exports", "447 अरब डॉलर", aspect="level"),
            fact("भारत", "exports", "447 अरब डॉलर", aspect="level"),     # a duplicate matches nothing
            fact("भारत", "exports", "6 फीसदी", aspect="level"),          # matched; aspect wrong
            fact("मोदी", "role", "प्रधानमंत्री"),
            fact("भारत", "located_in", "एशिया")]                       # outside the inventory: not scored
    rep = score([("p1", pred, gold)])
    assert (rep.groups["metrics"].tp, rep.groups["metrics"].predicted, rep.groups["metrics"].gold) == (2, 3, 2)
    assert (rep.groups["people/events"].tp, rep.groups["people/events"].predicted) == (1, 1)
    assert rep.groups["overall"].precision == pytest.approx(3 / 4)
    assert rep.groups["overall"].recall == 1.0
    assert rep.accuracy("aspect") == pytest.approx(2 / 3)
    assert len(rep.extra) == 1 and not rep.missed


def test_matching_prefers_the_pairing_that_agrees_on_attributes():
    gold = [fact("भारत", "exports", "6 फीसदी", aspect="growth", period="2023-24")]
    pred = [fact("भारत", "exports", "6 फीसदी", aspect="level"),
            fact("भारत", "exports", "6 फीसदी", aspect="growth", period="वित्त वर्ष 2023-24")]
    rep = score([("p", pred, gold)])
    assert rep.accuracy("aspect") == 1.0 and rep.accuracy("period") == 1.0


def test_attribute_accuracy_uses_party_rule_for_attribution():
    gold = [fact("भारत", "exports", "770 अरब डॉलर", attributed_to="पीयूष गोयल")]
    rep = score([("p", [fact("भारत", "exports", "770 अरब डॉलर", attributed_to="वाणिज्य मंत्री गोयल")], gold)])
    assert rep.accuracy("attributed_to") == 1.0
    rep = score([("p", [fact("भारत", "exports", "770 अरब डॉलर")], gold)])
    assert rep.accuracy("attributed_to") == 0.0 and rep.accuracy("polarity") == 1.0


def test_subject_empty_only_matches_empty():
    assert not matches(fact("", "exports", "5 अरब डॉलर"), fact("भारत", "exports", "5 अरब डॉलर"))
    assert matches(fact("", "exports", "5 अरब डॉलर"), fact("", "exports", "5 अरब डॉलर"))


def test_fact_of_reads_a_relation_with_defaults():
    class R:
        subject, predicate, object = "भारत", "exports", "5 अरब डॉलर"
    f = fact_of(R())
    assert f["aspect"] == "level" and f["counterpart"] == ""


@pytest.mark.skipif(not (GOLD_DIR / "economy.jsonl").exists(),
                    reason=f"{GOLD_DIR} not present (set HINDI_EXTRACT_SHARED)")
def test_gold_files_use_only_the_inventory():
    from pipeline.evaluation.relations import group_of
    for name in ("economy.jsonl", "diplomacy.jsonl"):
        for line in open(GOLD_DIR / name, encoding="utf-8"):
            for f in json.loads(line)["facts"]:
                assert group_of(f["predicate"]), f


def test_amount_words_read_as_one():
    assert overlap("65 बिलियन डॉलर", "65 अरब डॉलर")
    assert overlap("6 फीसदी", "6 प्रतिशत") and overlap("28%", "28 प्रतिशत") and overlap("28%", "28 फीसदी")
    assert overlap("500 करोड़ रुपए", "500 करोड़ रुपये")
    assert not overlap("65 बिलियन डॉलर", "65 करोड़ डॉलर")


def test_a_pair_matches_written_either_way():
    assert same_party("भारत-यूएई", "भारत और यूएई")
    assert matches(fact("भारत और यूएई", "bilateral_trade", "85 अरब डॉलर"),
                   fact("भारत-यूएई", "bilateral_trade", "85 बिलियन डॉलर"))
