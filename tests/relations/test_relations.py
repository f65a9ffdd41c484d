from pathlib import Path

import pytest
import yaml

from pipeline.runner import Pipeline

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[2] / "pipeline/relations/examples.yaml")
                          .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_pipe():
    return Pipeline({"entities": {"ner": "none"}}, skip=("triples",))


def _facts(doc):
    return [(r.subject, r.predicate, r.object, r.period, r.polarity) for r in doc.relations]


def _is(want, got) -> bool:
    return want == "*" or want == got


@pytest.mark.parametrize("case", EXAMPLES, ids=[c["text"][:30] for c in EXAMPLES])
def test_relation_examples(rules_pipe, case):
    doc = rules_pipe.process_text(case["text"], "ex")
    facts = _facts(doc)
    for exp in case.get("expect") or []:
        subj, pred, obj = exp[:3]
        hits = [f for f in facts if f[:3] == (subj, pred, obj)]
        assert hits, f"missing {exp} in {facts}"
        if len(exp) > 3:
            assert any(f[3] == str(exp[3]) for f in hits), f"period {exp[3]} not in {hits}"
    for want in case.get("attrs") or []:
        rows = [r for r in doc.relations if (r.subject, r.predicate, r.object) == tuple(want["fact"])]
        assert rows, f"missing {want['fact']} in {facts}"
        for k, v in want.items():
            if k != "fact":
                assert getattr(rows[0], k) == v, f"{want['fact']}: {k} is {getattr(rows[0], k)!r}, not {v!r}"
    for rej in case.get("reject") or []:
        assert not [f for f in facts if all(_is(w, g) for w, g in zip(rej, f))], f"unexpected {rej} in {facts}"
    for r in doc.relations:  # evidence lies inside its sentence and is an exact slice
        sent = next(s for s in doc.sentences if s.id == r.sentence_id)
        assert sent.start <= r.start <= r.end <= sent.end
        assert doc.text[r.start:r.end] == r.text


@pytest.mark.parametrize("text, want", [
    ("नई दिल्ली, 14 नवंबर (भाषा)। भारतीय रिज़र्व बैंक ने रेपो दर घटाई।", ("नई दिल्ली, 14 नवंबर", "नई दिल्ली", "XXXX-11-14")),
    ("वाशिंगटन, 3 जनवरी 2026 (एपी) अमेरिका ने नया शुल्क लगाया।", ("वाशिंगटन, 3 जनवरी 2026", "वाशिंगटन", "2026-01-03")),
    ("नई दिल्ली: सुप्रीम कोर्ट ने सोमवार को सुनवाई की।", ("नई दिल्ली", "नई दिल्ली", "")),
    ("मुंबई, शुक्रवार, 5 दिसंबर को बाजार गिरा।", ("मुंबई, शुक्रवार, 5 दिसंबर", "मुंबई", "XXXX-12-05")),
    ("भारत और रूस के बीच 14 नवंबर को व्यापार पर बात हुई।", None),     # a place, but no dateline punctuation
    ("भारत, रूस और चीन ब्रिक्स के सदस्य हैं।", None),                # a list of places, no date
    ("पटना। जनता दल के नेता ने कहा।", ("पटना", "पटना", "")),
    ("प्रधानमंत्री ने 14 नवंबर को दिल्ली में कहा।", None),                # no full date, no place
    ("साप्ताहिक मीडिया ब्रीफिंग के प्रतिलेख (21 नवंबर, 2025)\nसरकारी प्रवक्ता: नमस्कार।",
     ("21 नवंबर, 2025", "", "2025-11-21")),
    ("भारत-रूस शिखर सम्मेलन (8 जुलाई, 2024)\nप्रधानमंत्री मास्को पहुंचे।", ("8 जुलाई, 2024", "", "2024-07-08")),
])
def test_dateline(rules_pipe, text, want):
    from pipeline.core.tables import document_rows
    doc = rules_pipe.process_text(text, "d")
    row = document_rows(doc)["documents"][0]
    if want is None:
        assert row["dateline"] == "" and row["dateline_start"] is None
        return
    assert (row["dateline"], row["dateline_place"], row["dateline_date"]) == want
    assert text[row["dateline_start"]:row["dateline_end"]] == row["dateline"]


def test_misc_entities_are_neither_person_nor_place(rules_pipe):
    """A MISC name (G20 शिखर सम्मेलन) holds an ORG and sits between two persons: the rules relate the
    persons and the places as before and never take the MISC entity as a party."""
    doc = rules_pipe.process_text("प्रधानमंत्री मोदी ने G20 शिखर सम्मेलन में राष्ट्रपति पुतिन से मुलाकात की। "
                                  "भारत और संयुक्त अरब अमीरात ने व्यापक आर्थिक भागीदारी समझौते पर हस्ताक्षर किए।", "misc")
    misc = {e.id for e in doc.entities if e.label == "MISC"}
    assert len(misc) == 2
    facts = {(r.subject, r.predicate, r.object): r for r in doc.relations}
    assert ("मोदी", "meets", "पुतिन") in facts
    # schema v2: the other signing party is the object, the agreement's name the counterpart
    assert "व्यापक आर्थिक भागीदारी समझौत" in facts[("भारत", "agreement_signed", "संयुक्त अरब अमीरात")].counterpart
    assert not [r for r in doc.relations if {r.subject_id, r.object_id} & misc]


def test_seed_facts_hold():
    """The seed briefing's facts, read by the current rules (outputs/ is regenerated after merging)."""
    seed = Path(__file__).resolve().parents[2] / "corpus" / "india-russia-summit-briefing.txt"
    doc = Pipeline(skip=("triples",)).process_text(seed.read_text(encoding="utf-8"), "seed")
    facts = {(r.subject, r.predicate, r.object): r for r in doc.relations}
    trade = facts[("भारत-रूस", "bilateral_trade", "65 बिलियन डॉलर")]
    assert (trade.aspect, trade.period, trade.modality, trade.polarity) == ("level", "2023-24", "actual", "positive")
    assert trade.qualifier == "approx"
    for f in [("विनय क्वात्रा", "role", "विदेश सचिव"), ("मोदी", "meets", "पुतिन"), ("भारत", "summit", "रूस"),
              ("भारत", "exports", "4 बिलियन डॉलर"), ("भारत", "imports", "60 बिलियन डॉलर"),
              ("कुडनकुलम परमाणु ऊर्जा संयंत्र", "operational", "इकाइयाँ 1")]:
        assert f in facts, f
    assert facts[("भारत", "exports", "4 बिलियन डॉलर")].aspect == "level"
    # the foreign secretary reports the summit's agenda: never the subject of a metric
    assert not [r for r in doc.relations if r.subject == "विनय क्वात्रा" and r.predicate != "role"]
