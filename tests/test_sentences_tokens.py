import pytest

from pipeline.normalize import NormalizeStage
from pipeline.read import document_from_text
from pipeline.sentences import SentencesStage, split_spans
from pipeline.tokens import TokensStage, tokenize


def sents(text):
    return [text[a:b] for a, b in split_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ("यह करेगा।रक्षा पर बात हुई।", ["यह करेगा।", "रक्षा पर बात हुई।"]),
    ("और यूनिट 3।अगला वाक्य।", ["और यूनिट 3।", "अगला वाक्य।"]),
    ("क्या यह सच है? हाँ! ठीक॥ अंत", ["क्या यह सच है?", "हाँ!", "ठीक॥", "अंत"]),
    ("उन्होंने कहा, “हम तैयार हैं।” फिर वे गए।", ["उन्होंने कहा, “हम तैयार हैं।”", "फिर वे गए।"]),
    ("श्री. राम और डॉ. एस. के. सिंह आए. फिर प्रो. वर्मा बोले.", ["श्री. राम और डॉ. एस. के. सिंह आए.", "फिर प्रो. वर्मा बोले."]),
    ("विकास दर 8.2 फीसदी रही. बाकी सामान्य है.", ["विकास दर 8.2 फीसदी रही.", "बाकी सामान्य है."]),
    ("स्रोत www.pib.gov.in पर देखें. अगला", ["स्रोत www.pib.gov.in पर देखें.", "अगला"]),
    ("शीर्षक बिना दंड\nपहला वाक्य।", ["शीर्षक बिना दंड", "पहला वाक्य।"]),
])
def test_sentence_split(text, expected):
    assert sents(text) == expected


def test_trailing_url_is_metadata_not_sentence():
    doc = document_from_text("यह वाक्य है। https://example.org/a_b/c.jpeg", "d")
    NormalizeStage()(doc)
    SentencesStage()(doc)
    assert [s.text for s in doc.sentences] == ["यह वाक्य है।"]
    assert doc.metadata["source_urls"][0]["text"] == "https://example.org/a_b/c.jpeg"


@pytest.mark.parametrize("token", ["2023-24", "22वां", "1,00,000", "४,३२,०००", "65.7", "₹5",
                                   "https://pib.gov.in/a?b=1", "www.mea.gov.in", "info@mea.gov.in", "जी20", "डॉ."])
def test_single_tokens(token):
    text = f"देखें {token} यहाँ"
    toks = [text[a:b] for a, b, _ in tokenize(text)]
    assert toks == ["देखें", token, "यहाँ"]


def test_hyphenated_names_split():
    text = "भारत-रूस संबंध"
    assert [text[a:b] for a, b, _ in tokenize(text)] == ["भारत", "-", "रूस", "संबंध"]


def test_offsets_index_original_text_with_crlf_nbsp_zwj():
    raw = "भारत\u00a0और\r\nरूस के बीच क्\u200dषेत्र में  हज़ार करोड़।\r\nदूसरा।"
    doc = document_from_text(raw, "d")
    for stage in (NormalizeStage(), SentencesStage(), TokensStage()):
        stage(doc)
    assert len(doc.sentences) == 3
    for span in doc.sentences + doc.tokens:
        assert raw[span.start:span.end] == span.text
    assert "हज़ार" in [t.text for t in doc.tokens] and "करोड़" in [t.text for t in doc.tokens]


def test_overlong_text_without_danda_is_cut_at_commas_or_spaces():
    from pipeline.sentences import MAX_SENTENCE_CHARS
    text = ", ".join(["भारत और रूस के बीच व्यापार बढ़ा"] * 200)
    spans = split_spans(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text[a:b] == text[a:b].strip() and text[a:b] for a, b in spans)
    assert text[spans[0][0]:spans[0][1]].endswith(",")  # cut after a comma, not inside a word
    # nothing lost: the pieces and the whitespace between them rebuild the text
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
