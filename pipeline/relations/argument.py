"""One argument of a fact (`Arg`: a name, a title standing for a person, a resolved anaphor), the case
marker that closes it, and the coordination groups of a sentence's arguments. arguments.py finds them;
anaphora.py resolves anaphors into them."""
from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass

from .lexicon import DASHES, cc, markers, phrases, table, words
from .view import View

MAX_BRACKET = 8       # tokens of a bracketed short form or gloss after a name: (आईएमएफ), (Union Cabinet)
MAX_LIST = 40         # tokens of a bracketed list of names after a name: ब्रिक्स (भारत, ब्राजील, ...)


@dataclass
class Arg:
    start: int               # first token (a person's title and its country included)
    end: int                 # after the name
    kind: str                # person | place | body
    text: str                # the party as the fact names it (an anaphor: the party it names)
    id: str = ""             # entity id(s), "|"-joined for a pair
    subtype: str = ""        # the entity's subtype (country, grouping ...)
    marker: str = ""         # the case marker after it ("" direct case), keys joined by spaces
    after: int = 0           # the token after the marker
    group: int = -1          # its coordination group (members of one list share it)
    anaphor: str = ""        # the anaphor kind when it names an earlier party
    title: str = ""          # a title of office standing alone: the title as written, with its chain
    country: str = ""        # the country written before a title that names nobody known yet

    @property
    def is_genitive(self) -> bool:
        return self.marker in cc("genitive")


def fits(arg: Arg, kinds: frozenset[str]) -> bool:
    """Does the argument have one of the kinds of a frame slot (frames.yaml)?"""
    if "title" in kinds and arg.title:
        return True
    if arg.kind == "person":
        return "person" in kinds or ("named" in kinds and not arg.title)
    country = arg.kind == "place" and arg.subtype == "country"
    group = arg.kind == "body" and arg.subtype in ("grouping", "intl_org", "") or arg.anaphor == "group"
    return bool(("place" in kinds and arg.kind == "place") or ("country" in kinds and country)
                or ("body" in kinds and arg.kind == "body") or ("group" in kinds and group)
                or ("party" in kinds and (country or arg.kind == "body")))


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Particles a marker is read past ('भी', 'ही'), not the negation ('नहीं')."""
    return cc("particle") - cc("negation")


def read_marker(v: View, j: int) -> tuple[str, int]:
    """(the case marker starting at token j past particles and a bracketed short form, the token after
    it); after 'सहित / समेत' the marker of the phrase the name is included in."""
    keys, k = v.keys, past_bracket(v, j)
    if k < len(keys) and keys[k] in cc("inclusive"):
        for n in range(k + 1, min(len(keys), k + 5)):
            if keys[n] in markers() and keys[n] not in cc("inclusive"):
                return read_marker(v, n)
    particles = _particles()
    while k < len(keys) and keys[k] in particles:
        k += 1
    for m in markers().get(keys[k] if k < len(keys) else "", ()):
        if tuple(keys[k:k + len(m)]) == m:
            n = k + len(m)
            while n < len(keys) and keys[n] in particles:
                n += 1
            return " ".join(m), n
    return "", j


def past_bracket(v: View, j: int) -> int:
    """Past '(आईएमएफ)' after a name (and a group noun: 'ब्रिक्स (BRICS) समूह (...)'), or the dash
    closing a list set off by dashes before its marker ('तीन देशों — A, B और C — की यात्रा')."""
    if v.keys[j:j + 1] and v.keys[j].strip() in DASHES and j + 1 < len(v.keys) and v.keys[j + 1] in markers():
        return j + 1
    name = v.ent_ending(j)
    grouping = bool(name and name[1].label == "ORG" and name[1].subtype == "grouping")
    for _ in range(3):
        group = phrases("party_anaphors.tsv").at(v.keys, j)
        if group and group[1] == "group" and v.keys[j:j + 1] != ["("] and group[0] == 1 \
                and not table("party_anaphors.tsv", "word", "pronoun").get(v.keys[j]) \
                or grouping and v.keys[j:j + 1] and v.keys[j] in words("group_nouns.tsv"):
            j += 1                                   # 'ब्रिक्स समूह', 'जी-20 देशों में'
            continue
        if v.keys[j:j + 1] != ["("]:
            break
        close = next((k for k in range(j + 1, min(len(v.keys), j + MAX_LIST + 2)) if v.keys[k] == ")"), None)
        if close is None or (close - j > MAX_BRACKET + 1 and not _names_only(v, j + 1, close)):
            break
        j = close + 1
    return j


def _names_only(v: View, i: int, j: int) -> bool:
    """Tokens i..j are names joined by commas and conjunctions (a bracketed list of members)."""
    k, joins = i, cc("coord") | {","}
    while k < j:
        hit = v.ents.get(k)
        if hit:
            k = hit[0]
        elif v.keys[k] in joins:
            k += 1
        else:
            return False
    return True


def groups(args: list[Arg]) -> list[list[Arg]]:
    out: dict[int, list[Arg]] = {}
    for a in args:
        out.setdefault(a.group, []).append(a)
    return [out[g] for g in sorted(out)]
