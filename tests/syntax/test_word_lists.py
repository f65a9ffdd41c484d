"""The chunker's word lists (pipeline/text/data/closed_class.tsv and pipeline/syntax/data/*.tsv): every
row of every list gets its tag in a neutral context (one parametrized test per list), no duplicates,
and the tagger's context rules."""
from __future__ import annotations

import pytest

from pipeline.syntax.lexicon import data_rows
from pipeline.syntax.tagging import tag_tokens
from pipeline.text import closed_class

# (list, class) -> the tag every form of it gets in a neutral context; None: any class of the list
_EXPECTED_TAG = {("closed_class", "case"): "PK", ("closed_class", "genitive"): "PG",
                 ("closed_class", "compound_postposition"): "PC", ("closed_class", "copula"): "AUX",
                 ("closed_class", "aux_aspect"): "AUX", ("closed_class", "aux_passive"): "AUX",
                 ("closed_class", "aux_modal"): "AUX", ("light_verbs", None): "LV",
                 ("closed_class", "coord"): "CC", ("closed_class", "subord"): "SC",
                 ("closed_class", "relative"): "REL", ("closed_class", "relative_case"): "RELK",
                 ("closed_class", "pronoun_case"): "PRK", ("closed_class", "particle"): "PART",
                 ("function_words", "adverb"): "ADV", ("function_words", "degree"): "ADV",
                 ("function_words", "postpositional_adverb"): "ADV", ("function_words", "manner_noun"): "W",
                 ("function_words", "manner_noun_modified"): "W",
                 ("closed_class", "relative_adverb"): "REL", ("closed_class", "relative_genitive"): "RELG",
                 ("closed_class", "determiner"): "DET", ("function_words", "time_noun"): "W",
                 ("function_words", "not_conjunctive"): "W", ("conjunct_nominals", None): "W",
                 ("word_classes", "month"): "W", ("word_classes", "time_head"): "W",
                 ("closed_class", "pronoun"): "DET", ("closed_class", "pronoun_personal"): "DET",
                 ("closed_class", "be_form"): ("AUX", "LV"), ("closed_class", "negation"): "PART"}
# forms listed under two classes; the tagger's priority decides (postposition > auxiliary > light verb)
_SHADOWED = {("light_verbs", "लिए"), ("light_verbs", "लिये"), ("conjunct_nominals", "पूरे")}
_VERBAL = {("closed_class", c) for c in ("copula", "aux_aspect", "aux_passive", "aux_modal", "be_form")}
_SYNTAX_FILES = ("light_verbs", "function_words", "conjunct_nominals", "word_classes")


def _lists() -> dict[tuple[str, str | None], list[str]]:
    """(list, class) -> its forms: the closed-class lexicon's classes and the chunker's own files."""
    out: dict[tuple[str, str | None], list[str]] = {}
    for c in closed_class.classes():
        if ("closed_class", c) in _EXPECTED_TAG:
            out[("closed_class", c)] = [form for form, _ in closed_class.rows(c)]
    for fname in _SYNTAX_FILES:
        for r in data_rows(fname + ".tsv"):
            if (fname, r[1]) in _LEMMA_CLASSES:
                continue
            key = (fname, r[1]) if (fname, r[1]) in _EXPECTED_TAG else (fname, None)
            out.setdefault(key, []).append(r[0])
    return out


# lemma rows (a role of a light verb's lemma), not forms that occur in text
_LEMMA_CLASSES = {("word_classes", "copular_verb"), ("word_classes", "speech_verb")}


def test_every_lemma_role_names_a_light_verb_lemma():
    lemmas = {r[1] for r in data_rows("light_verbs.tsv") if len(r) > 1}
    rows = [r for r in data_rows("word_classes.tsv") if (("word_classes", r[1]) in _LEMMA_CLASSES)]
    assert {r[1] for r in rows} == {c for _, c in _LEMMA_CLASSES}
    assert all(r[0] in lemmas for r in rows), rows


def test_every_tagged_class_is_a_list():
    untested = set(closed_class.classes()) - {c for src, c in _EXPECTED_TAG if src == "closed_class"}
    # not tagger classes: read by other stages, or role words the rules test by name
    assert untested <= {"honorific", "digit", "coord_and", "ordinal_suffix", "ergative", "instrumental",
                        "complementizer", "agent_marker", "indefinite_article", "topic_particle",
                        "conjunctive_participle", "participle_apart", "quantity_with_se", "verb_or_genitive", "subjunctive_be",
                        "imperfective_ending", "verb_ending", "visarga_adverb_ending",
                        # read by relations
                        "restatement", "approximator", "indefinite", "alternative", "inclusive", "possessive",
                        "demonstrative"}, untested


@pytest.mark.parametrize("key", list(_lists()), ids=lambda k: f"{k[0]}:{k[1] or '*'}")
def test_every_word_list_row_is_tagged(key):
    wrong = []
    for form in _lists()[key]:
        assert form and form.strip() == form, (key, form)
        if (key[0], form) in _SHADOWED:
            continue
        want = _EXPECTED_TAG[key]
        if key == ("closed_class", "particle") and form == "तो":
            want = "PART"
        want = set(want) if isinstance(want, tuple) else {want}
        # a neutral context: a noun before, a noun after (a verb form: the full stop after)
        verbal = key[0] == "light_verbs" or key in _VERBAL
        tags = tag_tokens(["राम", *form.split(), "." if verbal else "घर"])[1:-1]
        if not (len(set(tags)) == 1 and set(tags) <= want):
            wrong.append((form, tags))
    assert not wrong, wrong


def test_word_lists_have_no_duplicate_rows():
    for fname in _SYNTAX_FILES:
        forms = [r[0] for r in data_rows(fname + ".tsv")]
        assert len(forms) == len(set(forms)), fname
    for c in closed_class.classes():
        forms = [form for form, _ in closed_class.rows(c)]
        assert len(forms) == len(set(forms)), c


def test_genitive_ki_before_full_stop_is_a_verb():
    assert tag_tokens(["उन्होंने", "शुरुआत", "की", "."])[2] == "LV"
    assert tag_tokens(["भारत", "की", "राजधानी"])[1] == "PG"
