"""The words that join, open or close amounts (the roles of data/misc.tsv, and the coordinators of
the closed-class lexicon), as the regexes the grammar matches them with.

`words_rx` puts a word boundary after each word (for a match that goes on past it); `alternatives`
does not (for a full match between two amounts, or a group followed by its own boundary). Longest
first either way, so the longest word wins at a position; a space inside a word matches any run of
spaces and tabs.
"""
from __future__ import annotations

import re

from ..text import closed_class
from .word_tables import tables

LETTERS = "\u0900-\u0963\u0971-\u097fA-Za-z"
_NOT_WORD = rf"(?![{LETTERS}0-9])"


def _pattern(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"[ \t]+")


def alternatives(words) -> str:
    return "(?:" + "|".join(_pattern(w) for w in sorted(words, key=len, reverse=True)) + ")"


def words_rx(role: str, before: str, after: str) -> re.Pattern:
    """A regex of the misc.tsv words of one role, each ending at a word boundary."""
    body = "|".join(_pattern(w) + (_NOT_WORD if w[-1].isalpha() or "\u0900" <= w[-1] <= "\u097f" else "")
                    for w in sorted(tables().misc[role], key=len, reverse=True))
    return re.compile(f"{before}(?:{body}){after}")


def role(name: str) -> str:
    """The misc.tsv words of one role as an alternation without boundaries."""
    return alternatives(tables().misc[name])


RANGE = words_rx("range", r"[ \t]*", r"[ \t]*")           # से, से लेकर, -, –, ~
AND = words_rx("and", r"[ \t]+", r"[ \t]+")               # और
BETWEEN_END = words_rx("between", r"[ \t]+", "")          # के बीच
RUPEE_NOUN = words_rx("rupee_noun", "[ \t]+(?:" + words_rx("of", "", "[ \t]+").pattern + ")?", "")  # (का) मुआवजा
SUBUNIT_JOIN = re.compile(rf"[ \t]*(?:{role('and')}[ \t]+|,[ \t]*)?")          # रुपये (और) दो पैसे
DURATION_JOIN = re.compile(rf"[ \t]*(?:,[ \t]*)?(?:{role('and')}[ \t]+)?")      # 2 साल (और) 3 महीने
DATE_JOIN = re.compile(rf"[ \t]*{role('date_join')}[ \t]*")                    # 19 मई से 15 जुलाई
MONTH_JOIN = re.compile(rf"[ \t]*{role('month_join')}[ \t]*")                  # अप्रैल-सितंबर
BOUND_JOIN = re.compile(rf"(?:[ \t]*{role('bound_filler')})*[ \t]*{role('bound_join')}?[ \t]*")
DAY_OF = re.compile(rf"[ \t]+(?:{role('day_of')}[ \t]+)?")                     # मार्च (की) दो
FY_BEFORE = re.compile(rf"{role('fiscal')}[ \t]*{role('year_noun')}?[ \t]*\Z")  # वित्त वर्ष | 2023-24
GLUED = re.compile(role("glued"))                                               # 5गुना
# a list of numbers goes on after a comma or a coordinator ("100, 200, 500 और 2000": four numbers)
LIST_GOES_ON = rf"[ \t]*(?:,|{alternatives(closed_class.words('coord'))})[ \t]*"
