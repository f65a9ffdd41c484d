import pytest

from pipeline.text.normalize import NormalizeStage
from pipeline.text.read import document_from_text
from pipeline.text.sentences import SentencesStage, split_spans
from pipeline.text.tokens import TokensStage, tokenize


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
    # a one-syllable word that ends a clause is no initial: a case marker, a form of होना, a verb (की, दी)
    ("वे कल राजदूत से मिले और बात की. अगले दिन लौट गए.", ["वे कल राजदूत से मिले और बात की.", "अगले दिन लौट गए."]),
    ("उनकी बात मंत्री से. फिर सचिव आए.", ["उनकी बात मंत्री से.", "फिर सचिव आए."]),
    ("यह फैसला सही है. विपक्ष नाराज है.", ["यह फैसला सही है.", "विपक्ष नाराज है."]),
    ("के. चंद्रशेखर राव और पं. जसराज आए.", ["के. चंद्रशेखर राव और पं. जसराज आए."]),
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
    from pipeline.text.sentences import MAX_SENTENCE_CHARS
    text = ", ".join(["भारत और रूस के बीच व्यापार बढ़ा"] * 200)
    spans = split_spans(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text[a:b] == text[a:b].strip() and text[a:b] for a, b in spans)
    assert text[spans[0][0]:spans[0][1]].endswith(",")  # cut after a comma, not inside a word
    # nothing lost: the pieces and the whitespace between them rebuild the text
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


WRAPPED = ("भारत और रूस के बीच वार्षिक शिखर सम्मेलन\n\n"
           "प्रधानमंत्री नरेंद्र मोदी 8 और 9 जुलाई को रूस की आधिकारिक\n"
           "यात्रा पर जाएंगे, जहां वे राष्ट्रपति व्लादिमीर पुतिन के साथ\n"
           "22वें वार्षिक शिखर सम्मेलन में भाग लेंगे। इसके बाद वे 9 से\n"
           "10 जुलाई तक ऑस्ट्रिया की यात्रा करेंगे, जो पिछले 41 वर्षों\n"
           "में किसी भारतीय प्रधानमंत्री की पहली ऑस्ट्रिया यात्रा होगी।\n"
           "मुख्य बिंदु:\n- रक्षा सहयोग\n- ऊर्जा सहयोग\n")


def test_hard_wrapped_lines_run_on_but_headings_and_list_items_stay_apart():
    got = [WRAPPED[a:b] for a, b in split_spans(WRAPPED)]
    assert got[0] == "भारत और रूस के बीच वार्षिक शिखर सम्मेलन"
    assert got[1].startswith("प्रधानमंत्री") and got[1].endswith("भाग लेंगे।") and got[1].count("\n") == 2
    assert got[2].startswith("इसके बाद") and got[2].endswith("यात्रा होगी।")
    assert got[3:] == ["मुख्य बिंदु:", "- रक्षा सहयोग", "- ऊर्जा सहयोग"]
    doc = document_from_text(WRAPPED, "w")
    NormalizeStage()(doc)
    SentencesStage()(doc)
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


def test_paragraph_per_line_text_keeps_newline_breaks():
    # long lines (one paragraph each) and short unpunctuated lines are not a wrapped text
    text = ("पहला अनुच्छेद बिना पूर्ण विराम के भी यहीं समाप्त होता है क्योंकि हर पंक्ति एक अनुच्छेद है और "
            "यह पंक्ति बहुत लंबी है जो किसी भी तय चौड़ाई से कहीं अधिक है\nदूसरा अनुच्छेद\nतीसरा\nचौथा\n")
    assert len(split_spans(text)) == 4


def test_a_list_of_unpunctuated_headlines_is_not_wrapped_text():
    heads = ["भारत ने ऑस्ट्रेलिया को हराया", "प्रधानमंत्री मोदी आज जापान की यात्रा पर रवाना होंगे और वहां कई समझौते करेंगे",
             "सेंसेक्स में भारी गिरावट", "दिल्ली में बारिश", "रिजर्व बैंक ने ब्याज दरें घटाईं जिससे कर्ज सस्ते होंगे",
             "चुनाव आयोग ने तारीखों का ऐलान किया"]
    assert len(split_spans("\n".join(heads))) == len(heads)


def test_delimiters_are_indic_nlp_librarys():
    from indicnlp.tokenize.sentence_tokenize import DELIM_PAT_DANDA

    from pipeline.text.sentences import DELIMS
    theirs = {chr(c) for c in range(0x20, 0x3000) if DELIM_PAT_DANDA.fullmatch(chr(c))}
    assert set(DELIMS) == theirs


@pytest.mark.parametrize("text", [
    "भारत ने 2023-24 में ₹5 लाख करोड़ जुटाए।। डॉ. एस. जयशंकर... आए!! क्या??",
    "निर्यात 65.7 अरब डॉलर — 12% की बढ़त; 22वां सम्मेलन (जी20) हुआ।",
    "मंत्रालय की वेबसाइट mea.gov.in पर; संपर्क: सूचना विभाग.",
])
def test_text_without_url_marks_tokenizes_alike_on_either_pattern(text):
    from pipeline.text.sentences import may_hold_url
    from pipeline.text.tokens import TOKEN, TOKEN_NO_URL
    assert not may_hold_url(text)
    assert [(m.span(), m.lastgroup) for m in TOKEN_NO_URL.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in TOKEN.finditer(text)]
    assert list(tokenize(text, urls=False)) == list(tokenize(text, urls=True))


@pytest.mark.parametrize("text, kind", [
    ("देखें https://pib.gov.in/x?id=1 पर", "url"), ("देखें www.mea.gov.in पर", "url"),
    ("लिखें info@mea.gov.in पर", "email")])
def test_a_url_or_email_is_one_token_and_the_url_test_sees_it(text, kind):
    from pipeline.text.sentences import may_hold_url
    assert may_hold_url(text)
    kinds = [k for _, _, k in tokenize(text)]
    assert kinds.count(kind) == 1 and kinds.count("url") + kinds.count("email") == 1


def test_each_punctuation_mark_is_its_own_token():
    text = "हाँ।। ठीक... नहीं!!"
    assert [text[a:b] for a, b, k in tokenize(text) if k == "punct"] == ["।", "।", ".", ".", ".", "!", "!"]
