"""The closed-class lexicon: one table, one loader; every class the stages ask for exists."""
from __future__ import annotations

import pytest

from pipeline.text import closed_class


def test_unknown_class_is_an_error_naming_the_known_ones():
    with pytest.raises(KeyError, match="postposition.*classes: .*case"):
        closed_class.words("postposition")


def test_multiword_forms_come_longest_first():
    got = closed_class.phrases("compound_postposition")
    assert got and all(len(a) >= len(b) for a, b in zip(got, got[1:]))
    assert all(len(p) >= 2 for p in got)


def test_digits_translate_every_devanagari_digit():
    digits = closed_class.devanagari_digits()
    assert len(digits) == 10 and digits.translate(closed_class.digit_table()) == "0123456789"


def test_classes_are_disjoint_where_the_grammar_needs_it():
    # a simple case marker is never also a conjunction; a genitive never a copula
    assert not closed_class.words("case") & closed_class.words("coord", "subord")
    assert not closed_class.words("genitive") & closed_class.words("copula")
    assert closed_class.words("genitive") and closed_class.words("negation") and closed_class.words("honorific")


def test_every_row_has_a_form_without_stray_spaces():
    for c in closed_class.classes():
        for form, _ in closed_class.rows(c):
            assert form and form == form.strip() and "  " not in form, (c, form)


def test_a_role_class_has_one_form():
    assert closed_class.word("ergative") == "ने" and closed_class.word("complementizer") == "कि"
    with pytest.raises(ValueError, match="coord.*forms"):
        closed_class.word("coord")


def test_endings_keep_file_order_without_repeats():
    got = closed_class.endings("ordinal_suffix")
    assert got[:2] == ("वां", "वाँ") and len(got) == len(set(got))
    assert "22वां".endswith(got) and not "22".endswith(got)


@pytest.mark.parametrize("cls", closed_class.classes())
def test_every_class_is_read_by_the_code(cls):
    # a class nobody asks for has drifted from the rules: each name appears in pipeline/ (or is a
    # tagger class the syntax lexicon reads)
    from pathlib import Path
    code = "\n".join(p.read_text(encoding="utf-8") for p in Path(closed_class.__file__).parents[1].rglob("*.py"))
    assert f'"{cls}"' in code, cls
