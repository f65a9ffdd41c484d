import pytest
from hypothesis import given, settings, strategies as st

from pipeline.normalize import match_key, normalize


def test_nukta_forms_match():
    assert match_key("हज़ार") == match_key("हज\u093cार") == match_key("हजार") == "हजार"
    assert match_key("करोड़") == match_key("करोड")


def test_zero_width_nbsp_crlf_are_mapped_back():
    raw = "हज़ार\u00a0क्\u200dष\r\nकरोड़"
    n = normalize(raw)
    assert n.text == "हजार क्ष\nकरोड"
    # every normalized word maps back to the original spelling
    for word in ("हजार", "क्ष", "करोड"):
        a = n.text.index(word)
        s, e = n.to_original(a, a + len(word))
        assert match_key(raw[s:e]) == word
    s, e = n.to_original(n.text.index("करोड"), len(n.text))
    assert raw[s:e] == "करोड़"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("कखज़ड़ि्ा \u00a0\u200d\u200c\r\n\u093cé1।")), max_size=40))
def test_map_is_monotonic_and_in_bounds(raw):
    n = normalize(raw)
    assert len(n.starts) == len(n.ends) == len(n.text)
    prev = 0
    for a, b in zip(n.starts, n.ends):
        assert 0 <= a <= b <= len(raw) and a >= prev
        prev = a


def test_colon_after_devanagari_digit_stays_a_colon_but_typed_visarga_is_fixed():
    from pipeline.normalize import normalize
    assert normalize("बैठक २:१६ पर").text == "बैठक २:१६ पर"
    assert normalize("५:१२:०१").text == "५:१२:०१"
    assert normalize("अत: यह").text == "अतः यह"


def test_word_final_colon_is_punctuation_unless_a_visarga_word():
    from pipeline.normalize import normalize
    assert normalize("नई दिल्ली: सुप्रीम कोर्ट").text == "नई दिल्ली: सुप्रीम कोर्ट"
    assert normalize("मुख्य बिंदु:").text == "मुख्य बिंदु:"
    assert normalize("प्रात: 7 बजे, मुख्यत: तीन, छ: लोग, दु:ख").text == "प्रातः 7 बजे, मुख्यतः तीन, छः लोग, दुःख"
    assert normalize("खास बात: यह").text == "खास बात: यह"


@pytest.mark.parametrize("typed", ["डाॅलर", "डााॅलर", "डॅालर"])
def test_candra_o_typed_as_aa_and_candra_e_is_folded_with_exact_offsets(typed):
    text = f"एक {typed} और काॅलेज"
    n = normalize(text)
    assert n.text == "एक डॉलर और कॉलेज"
    a = n.text.index("डॉलर")
    assert text[slice(*n.to_original(a, a + 4))] == typed
    b = n.text.index("कॉलेज")
    assert text[slice(*n.to_original(b, b + 5))] == "काॅलेज"
