"""Amounts: the seed briefing, the stage contract, exact values, and the peer-suite floors."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.amounts import find_amounts
from pipeline.amounts.stage import AmountsStage
from pipeline.core.doc import Document, Sentence
from pipeline.evaluation.conformance import EXCLUSION_CATEGORIES, FLOORS, Report, Result, run
from pipeline.text.normalize import normalize

from conftest import SEED, shared_or_skip


def _doc(text: str, doc_id: str = "d") -> Document:
    doc = Document(doc_id=doc_id, path="", text=text)
    doc.norm = normalize(text)
    doc.sentences = [Sentence(id=f"{doc_id}:s0", start=0, end=len(text), text=text)]
    return doc


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    doc = _doc(text, "seed")
    AmountsStage()(doc)
    return doc


def _by_text(doc, text):
    hits = [a for a in doc.amounts if a.text == text]
    assert hits, f"{text!r} not among {[(a.text, a.kind) for a in doc.amounts]}"
    return hits


def test_seed_money(seed):
    a65 = _by_text(seed, "65 बिलियन डॉलर")[0]
    assert (a65.kind, a65.value, a65.currency, a65.qualifier) == ("money", 65_000_000_000, "USD", "approx")
    assert a65.normalized_value == 65_000_000_000 and a65.scale == "बिलियन"
    a4 = _by_text(seed, "4 बिलियन डॉलर")[0]
    assert (a4.kind, a4.value, a4.currency, a4.qualifier) == ("money", 4_000_000_000, "USD", "")
    a60 = _by_text(seed, "60 बिलियन डॉलर")[0]
    assert (a60.value, a60.qualifier) == (60_000_000_000, "approx")


def test_seed_years_ordinals_and_non_amounts(seed):
    fy = _by_text(seed, "2023-24")[0]
    assert (fy.kind, fy.value, fy.value_min, fy.value_max) == ("fiscal_year", "2023-24", 2023, 2024)
    assert _by_text(seed, "22वां")[0].kind == "ordinal" and _by_text(seed, "22वां")[0].value == 22
    assert _by_text(seed, "2020")[0].kind == "year"
    url_start = seed.text.index("https://")
    assert not [a for a in seed.amounts if a.start >= url_start], "digits inside the URL are not amounts"
    assert not [a for a in seed.amounts if a.kind == "ordinal" and a.value == 1], "'पहले ही' is not ordinal 1"
    units = [a for a in seed.amounts if a.text in ("3", "6")]
    assert all(a.kind == "number" for a in units)


def test_stage_contract(seed):
    st = AmountsStage()
    assert st.name == "amounts" and st.requires == ("norm", "sentences") and st.provides == ("amounts",)
    for n, a in enumerate(seed.amounts):
        assert a.id == f"seed:a{n}"
        assert seed.text[a.start:a.end] == a.text
        assert a.sentence_id == "seed:s0"
    assert len(st.version()) > 8


def test_stage_maps_back_to_original_text():
    text = "करीब 5 हज़ार करोड़ रुपये\u200c का सौदा"
    doc = _doc(text)
    AmountsStage()(doc)
    [a] = doc.amounts
    # a dropped zero-width mark belongs to the character before it (normalize's map), so it rides along
    assert a.text.rstrip("\u200c") == "5 हज़ार करोड़ रुपये" and doc.text[a.start:a.end] == a.text
    # a stacked scale is written whole, with its nukta as in the text (हज़ार करोड़ = 10^10)
    assert (a.value, a.currency, a.qualifier, a.scale) == (50_000_000_000, "INR", "approx", "हज़ार करोड़")


def test_no_sentence_gives_empty_sentence_id():
    doc = _doc("कुल 12 लोग")
    doc.sentences = []
    AmountsStage()(doc)
    assert doc.amounts[0].sentence_id == ""


def test_values_are_exact_never_float():
    text = ("छह सौ पच्चीस रुपये दो पैसे, 16 दशमलव आठ, एक बटा तीन, 2.2 गुना, 8.2 फीसदी, "
            "31.5 करोड़ डॉलर, 35-40 प्रतिशत, 19 मई से 15 जुलाई, 3 दिन पहले")
    found = find_amounts(normalize(text).text)
    assert len(found) == 9
    for a in found:
        for v in (a.value, a.value_min, a.value_max, a.normalized_value):
            assert v is None or isinstance(v, (int, Decimal, str)), (a.text, v)
    assert found[0].value == Decimal("625.02")


def test_money_column_sorts():
    text = "50 पैसे, 2 लाख रुपये, 1 करोड़ रुपये, 3 हजार रुपये"
    found = find_amounts(normalize(text).text)
    order = [a.text for a in sorted(found, key=lambda a: a.normalized_value)]
    assert order == ["50 पैसे", "3 हजार रुपये", "2 लाख रुपये", "1 करोड रुपये"]


def test_offsets_are_exact():
    text = "भारत ने 1,00,000 टन और ₹ 5 करोड़ दिए; 21-24 जून को।"
    norm = normalize(text).text
    for a in find_amounts(norm):
        assert norm[a.start:a.end] == a.text


@pytest.fixture(scope="module")
def report():
    shared_or_skip("peer-suites", "numbers")
    return run()


def test_conformance_floors(report):
    assert not report.stale, report.stale
    assert not report.below_floor(), report.below_floor()


def test_every_floor_category_is_measured(report):
    measured = {k for k in report.table()}
    for suite, cat in FLOORS:
        assert any(s == suite and (cat == "*" or c == cat) for s, c in measured), (suite, cat)


def test_exclusions_have_a_category_and_a_reason(report):
    for r in report.results:
        if r.status == "excluded":
            category, reason = r.detail.split(": ", 1)
            assert category in EXCLUSION_CATEGORIES and len(reason) > 20, r.case_id
    assert set(report.excluded_by_category()) <= set(EXCLUSION_CATEGORIES)


def test_an_exclusion_without_a_known_category_is_refused(tmp_path, monkeypatch):
    from pipeline.evaluation import conformance
    bad = tmp_path / "exclusions.yaml"
    bad.write_text("- id: nemo_hi:1\n  category: outside_news_text\n  reason: a Hindi form we get wrong\n",
                   encoding="utf-8")
    monkeypatch.setattr(conformance, "EXCLUSIONS", bad)
    with pytest.raises(ValueError, match="category"):
        conformance.load_exclusions()


def test_raw_rate_counts_exclusions_as_failures():
    rep = Report([Result("s", "c", f"s:{i}", "", st) for i, st in
                  enumerate(["passed"] * 6 + ["failed"] * 2 + ["excluded"] * 2)])
    assert rep.rate("s", "c") == 6 / 8 and rep.raw_rate("s", "c") == 6 / 10
    assert rep.raw_rate("other") is None


def test_dateparser_checks_use_the_rows_own_values():
    from pipeline.evaluation.peers import dateparser_dates, dateparser_translation
    assert dateparser_dates("3 दिन पहले", "2024-06-12T00:00:00", "2024-06-15")[0]
    assert not dateparser_dates("3 दिन पहले", "2024-06-11T00:00:00", "2024-06-15")[0]
    assert dateparser_dates("२४ मिनट पहले", "2024-06-14T23:36:00", "2024-06-15")[0]
    assert dateparser_dates("सितम्बर 2019", "2019-09-15T00:00:00", "2024-06-15")[0]   # our month, its day
    assert not dateparser_dates("15 जन. 2020", "2020-06-15T00:00:00", "2024-06-15")[0]
    assert not dateparser_dates("दो दिन पहले", None, "2024-06-15")[0]     # it found nothing, we do
    assert dateparser_translation("सोमवार 13 जून 1998", "monday 13 june 1998")[0]
    assert dateparser_translation("५३ सप्ताह बाद", "53 week in")[0]
    assert not dateparser_translation("५३ सप्ताह बाद", "53 week ago")[0]


def test_find_amounts_total_on_noisy_mixes():
    """Property: any mix of number words, digits, units and punctuation gives well-formed amounts."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = ["दो", "सौ", "हजार", "लाख", "करोड़", "डेढ़", "सवा", "साढ़े", "पौने", "दशमलव", "बटा", "और", "से", "-",
              "12", "1,00,000", "3.5", "२०२३", "-24", "/", "रुपये", "डॉलर", "$", "₹", "प्रतिशत", "%", "गुना",
              "जून", "मई", "वां", "पहले", "दिन", "करीब", "तक", "के पार", ",", "।", "http://x.in/1", "+91"]

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=12), st.lists(st.sampled_from(["", " ", "  "]), max_size=12))
    def check(words, gaps):
        text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
        norm = normalize(text).text
        last_end = 0
        for a in find_amounts(norm):
            assert 0 <= a.full_start <= a.start < a.end <= a.full_end <= len(norm)
            assert a.start >= last_end
            last_end = a.end
            assert norm[a.start:a.end] == a.text
            for v in (a.value, a.value_min, a.value_max, a.normalized_value):
                assert v is None or isinstance(v, (int, Decimal, str))

    check()


def test_evaluate_command_prints_raw_and_adjusted(capsys):
    shared_or_skip("peer-suites", "numbers")
    from pipeline.evaluation.amounts import run as evaluate
    assert evaluate(["--suite", "duckling_hi", "--suite", "num2words_hi"]) == 0
    out = capsys.readouterr().out
    assert "duckling_hi" in out and "Ordinal" in out and "num2words_hi" in out and "excl." in out
    assert "raw" in out and "adjusted" in out and "== suite total" in out
    # Temperature: every case excluded, so raw 0.0% and no adjusted rate
    assert any(line.split()[1:2] == ["Temperature"] and "0.0%" in line for line in out.splitlines())
