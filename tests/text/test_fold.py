"""fold: the comparison form of a name or amount (NFC, whitespace, trailing case markers)."""
import unicodedata

from pipeline.text.fold import case_markers, fold


def test_fold_drops_trailing_case_markers_and_folds_whitespace():
    assert fold("  भारत   के  ") == "भारत"
    assert fold("वाणिज्य  मंत्रालय द्वारा") == "वाणिज्य मंत्रालय"
    assert fold("के") == "" and fold("") == "" and fold(None) == ""


def test_fold_keeps_inner_markers_and_composes_nfc():
    assert fold("भारत के प्रधानमंत्री") == "भारत के प्रधानमंत्री"
    decomposed = unicodedata.normalize("NFD", "क़तर")
    assert fold(decomposed) == unicodedata.normalize("NFC", "क़तर")


def test_fold_takes_the_words_to_drop():
    assert fold("2030 तक", frozenset({"तक"})) == "2030"
    assert fold("2030 तक", frozenset()) == "2030 तक"
    assert {"ने", "को", "का"} <= case_markers()
