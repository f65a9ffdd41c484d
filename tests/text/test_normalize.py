import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.normalize import match_key, normalize


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


@pytest.mark.parametrize("raw", ["\x1b\u200b\x1b\x1b 0", "कक\u200dक", "।\u200b।।"])
def test_repeated_chars_around_a_dropped_one_map_to_themselves(raw):
    """A format character removed between repeated characters: each kept character maps to its own
    original one, in order, never to an empty range (difflib aligned the copies to later ones: a
    property test found a token with no original characters)."""
    n = normalize(raw)
    kept = [i for i, c in enumerate(raw) if c not in "\u200b\u200d"]
    assert [raw[a] for a in n.starts] == list(n.text)
    assert list(n.starts) == kept[:len(n.text)]
    assert all(b > a for a, b in zip(n.starts, n.ends))


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
    from pipeline.text.normalize import normalize
    assert normalize("बैठक २:१६ पर").text == "बैठक २:१६ पर"
    assert normalize("५:१२:०१").text == "५:१२:०१"
    assert normalize("अत: यह").text == "अतः यह"


def test_word_final_colon_is_punctuation_unless_a_visarga_word():
    from pipeline.text.normalize import normalize
    assert normalize("नई दिल्ली: सुप्रीम कोर्ट").text == "नई दिल्ली: सुप्रीम कोर्ट"
    assert normalize("मुख्य बिंदु:").text == "मुख्य बिंदु:"
    assert normalize("प्रात: 7 बजे, मुख्यत: तीन, छ: लोग, दु:ख").text == "प्रातः 7 बजे, मुख्यतः तीन, छः लोग, दुःख"
    assert normalize("खास बात: यह").text == "खास बात: यह"


# ---- the normalized-to-original map on hostile input: exact original slices, built independently ----

# (clean word, hostile spellings of it): decomposed nukta, ZWJ/ZWNJ inside conjuncts, soft hyphen
_HOSTILE = {
    "हजार": ["हज़ार", "हज\u093cार", "हजार"],
    "करोड": ["करोड़", "करोड\u093c", "करोड"],
    "क्षेत्र": ["क्\u200dषेत्र", "क्\u200cषेत्र", "क्षे\u00adत्र"],
    "फिल्म": ["फ़िल्म", "फ\u093cिल्म", "फ़ि\u200dल्म"],
    "रुपये": ["रुपये", "रु\u200bपये"],
}
_SEPARATORS = [" ", "\u00a0", "\r\n", "\t", "\u2009", " \u00a0 ", "\r\n\r\n"]


def test_hostile_text_maps_back_to_the_exact_original_words():
    raw = "\ufeffहज\u093cार\u00a0क्\u200dषेत्र\r\nकरोड़ \u00a0फ़िल्म"
    n = normalize(raw)
    assert n.text == "हजार क्षेत्र\nकरोड  फिल्म"
    got = []
    for word in n.text.split():
        a = n.text.index(word)
        s, e = n.to_original(a, a + len(word))
        got.append(raw[s:e])
    # the BOM before the first word is not part of it; a nukta or ZWJ inside a word is
    assert got == ["हज\u093cार", "क्\u200dषेत्र", "करोड़", "फ़िल्म"]
    # the CRLF is one normalized newline that maps back to the LF, never to half of the pair
    nl = n.text.index("\n")
    assert raw[n.starts[nl]:n.ends[nl]] == "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(_HOSTILE)), st.integers(0, 2), st.sampled_from(_SEPARATORS)),
                min_size=1, max_size=12), st.booleans())
def test_every_normalized_word_maps_to_its_hostile_spelling(words, bom):
    raw, where = ("\ufeff" if bom else ""), []
    for clean, k, sep in words:
        spelling = _HOSTILE[clean][k % len(_HOSTILE[clean])]
        where.append((len(raw), len(raw) + len(spelling)))
        raw += spelling + sep
    n = normalize(raw)
    assert n.text.split() == [clean for clean, _, _ in words]
    pos = 0
    for (clean, _, _), (s0, e0) in zip(words, where):
        a = n.text.index(clean, pos)
        pos = a + len(clean)
        assert n.to_original(a, pos) == (s0, e0), (raw, clean)
        assert n.to_norm(s0, e0) == (a, pos)


@pytest.mark.parametrize("typed", ["डाॅलर", "डााॅलर", "डॅालर"])
def test_candra_o_typed_as_aa_and_candra_e_is_folded_with_exact_offsets(typed):
    text = f"एक {typed} और काॅलेज"
    n = normalize(text)
    assert n.text == "एक डॉलर और कॉलेज"
    a = n.text.index("डॉलर")
    assert text[slice(*n.to_original(a, a + 4))] == typed
    b = n.text.index("कॉलेज")
    assert text[slice(*n.to_original(b, b + 5))] == "काॅलेज"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["हज़ार", "क्\u200dषेत्र", " ", "\u00a0", "\r\n", "डाॅलर", "abc", "\ufeff", "।"]),
                max_size=12), st.integers(0, 80), st.integers(0, 5))
def test_to_norm_is_bisect_over_the_starts(parts, start, width):
    """to_norm reads a precomputed index: it must equal bisect_left over the starts, past the end too."""
    import bisect
    n = normalize("".join(parts))
    assert n.to_norm(start, start + width) == (bisect.bisect_left(n.starts, start),
                                                bisect.bisect_left(n.starts, start + width))
