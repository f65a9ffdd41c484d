"""The analyst queries over the entity index: every meeting of X with Y, money pledged by X by month."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.queries import entities, money, outputs
from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch

DOCS = {
    "a.txt": "नई दिल्ली, 12 मार्च 2025 (पीआईबी)। प्रधानमंत्री नरेंद्र मोदी ने आज नेपाल के प्रधानमंत्री के पी शर्मा ओली "
             "से मुलाकात की। भारत ने पिछले महीने नेपाल को 20 करोड़ डॉलर की ऋण सहायता दी थी।",
    "b.txt": "काठमांडू, 3 जून 2025 (एजेंसी)। पीएम मोदी ने कल काठमांडू में ओली से मुलाकात की। भारत ने नेपाल को पुलों के "
             "निर्माण के लिए 100 करोड़ रुपये का अनुदान देने की घोषणा की।",
    "c.txt": "मॉस्को, 8 जुलाई 2024। प्रधानमंत्री मोदी ने राष्ट्रपति पुतिन से मुलाकात की।",
}


@pytest.fixture(scope="module")
def t(tmp_path_factory):
    root = tmp_path_factory.mktemp("queries")
    (root / "c").mkdir()
    for name, text in DOCS.items():
        (root / "c" / name).write_text(text, encoding="utf-8")
    run_batch(root / "c", root / "o", RunOptions(quiet=True), factory=PipelineFactory.of({"entities": {"ner": "none"}}))
    return outputs.load_outputs(root / "o")


def test_every_meeting_of_x_with_y_across_spellings_and_documents(t):
    m = entities.meetings(t, "Narendra Modi", "K. P. Sharma Oli")
    assert m[["doc_id", "date"]].values.tolist() == [["a.txt", "2025-03-12"], ["b.txt", "2025-06-02"]]
    assert entities.meetings(t, "ओली", "नरेंद्र मोदी")["relation_id"].tolist() == m["relation_id"].tolist()
    assert entities.meetings(t, "मोदी", "पुतिन")["doc_id"].tolist() == ["c.txt"]
    assert entities.meetings(t, "Vladimir Putin", "K. P. Sharma Oli").empty


def test_money_pledged_by_month(t):
    p = money.pledged_by_month(t, "India")
    assert p[["month", "currency", "total", "pledges", "to"]].values.tolist() == [
        ["2025-02", "USD", Decimal(200000000), 1, "नेपाल"], ["2025-06", "INR", Decimal(1000000000), 1, "नेपाल"]]
    assert money.pledged_by_month(t, "भारत").equals(p)
    assert money.pledged_by_month(t, "Nepal").empty


def test_month_of_a_calendar_value():
    assert [money.month_of(v) for v in ("2025-03-12", "2025-03", "2024-W28", "2023-04/2024-03", "2023", "", "XXXX")] == [
        "2025-03", "2025-03", "2024-07", "2023-04", "2023", "", ""]
