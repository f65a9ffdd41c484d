"""Step 3 of the extractor, in one left-to-right pass (SOV): noun chunks closed by case markers /
postpositions / fused pronouns / participles / adverbs / punctuation (genitives, coordination and postposition
phrases before a genitive stay inside), grouped into clauses: finite verb groups close clauses, relative
pronouns open embedded ones, and a कि clause after a verb is its object."""
from __future__ import annotations

import re

# Chunk, Clause and Span are defined in clauses.py (with the pass's bookkeeping) and imported from here
from .clauses import Clause, ClauseBuilder
from .lexicon import load
from .chunker_switches import DEFAULT, ChunkerSwitches
from .verbs import VerbGroup

_LEX = load()
_MONTHS = _LEX.months
_NEG = _LEX.negation
_TIME_HEADS = _LEX.time_heads
_PERSONAL = _LEX.personal
_PRONOUNS = _LEX.pronouns
YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2}|[१][०-९]{3}|२०[०-९]{2})$")
# Several are set against the benchmark optimum because the other setting is worse Hindi grammar.

_BRACKETS = {"(": ")", "[": "]", "{": "}"}
# the tags each reader of _ChunkReader._step starts from (its first test)
_RELATIVE_TAGS = frozenset({"REL", "RELK", "RELG"})
_SEPARATOR_TAGS = frozenset({"SC", "CC", "PUNCT_B"})
_MARKER_TAGS = frozenset({"PK", "PRK", "PC"})
_CLOSING_TAGS = frozenset({"W", "PART", "ADV"})


def chunks_and_clauses(tokens: list[str], tags: list[str], groups: list[VerbGroup],
                       sw: ChunkerSwitches = DEFAULT) -> list[Clause]:
    """The clauses of a tagged sentence (its verb groups found), each with its noun chunks."""
    clauses = _ChunkReader(tokens, tags, groups, sw).read()
    _attach_complements(clauses, tokens, tags)
    return clauses


class _ChunkReader(ClauseBuilder):
    """The rules of the pass: where a chunk ends, and what a token does to the open chunk and clause."""

    def read(self) -> list[Clause]:
        while self.i < self.n:
            self._step()
        self.close()
        return self.clauses

    def _step(self) -> None:
        """Read the token at i (or the verb group or bracket starting there) and move i past it. Each
        reader is asked only where its own first test can hold (the tags it reads): most tokens are
        plain words, and this runs once per token."""
        i = self.i
        if (i in self.finite_starts or i in self.participle_starts) and self.read_verb_group():
            return
        tag = self.tags[i]
        after_vg, self.prev_was_vg = self.prev_was_vg, False
        if after_vg and tag == "PART" and self.tokens[i] == self.lex.topic:
            self.i += 1                   # तो right after a verb group is dropped
            return
        if self.chunk and self._starts_new_phrase(i, tag):
            self.close()
        if tag == "W":
            self._split_manner_adverbial(i, tag)
        if (tag in _RELATIVE_TAGS and self.read_relative(i, tag)) \
                or ((tag in _SEPARATOR_TAGS or self.tokens[i] == ",") and self._read_separator(i, tag, after_vg)) \
                or (self.tokens[i] in _BRACKETS and self._read_bracket(i)):
            return
        if tag == "PRK" and self.chunk:
            self.close()                  # सब कामचलाऊ व्यवस्था | उन्हें
        self.chunk.append(i)
        if (tag in _MARKER_TAGS and self._read_case_marker(i, tag)) or (tag == "CNJ" and self._read_conjunctive(i, tag)):
            return
        self.i += 1
        if tag in _CLOSING_TAGS and self._ends_chunk(i, tag):
            self.close()

    def _starts_new_phrase(self, i: int, tag: str) -> bool:
        """A determiner / pronoun, or a number, after a complete noun opens the next noun phrase."""
        tokens, tags, chunk, lex = self.tokens, self.tags, self.chunk, self.lex
        if not chunk:
            return False
        prev_tag = tags[chunk[-1]]
        if self.sw.gen_split and tag == "W" and len(chunk) >= 3 and prev_tag == "W" \
                and tags[chunk[-2]] == "PG" and tags[chunk[0]] != "PG":
            return True                  # गोधरा ट्रेन कांड की सुनवाई | अहमदाबाद के …
        if tag == "ADV" and prev_tag in ("W", "NUM") and (
                tokens[i] in lex.degree or any(tags[k] == "PG" for k in chunk)
                or (tokens[chunk[-1]] not in _TIME_HEADS and tokens[i] not in lex.postp_adverb)):
            return True                  # स्थानीय आबादी | लगभग पूरी तरह से
        if len(chunk) == 1 and tokens[chunk[0]] in _PERSONAL:
            return True                  # मैं | शब्द की आत्मा समझकर ही
        if tag == "DET" and prev_tag == "DET" and len(chunk) == 1 and tokens[chunk[-1]] in _PRONOUNS:
            return True                  # ये | अपनी … कहानियों के लिए
        if prev_tag in ("W", "NUM") and (
                (tag == "DET" and not (i + 1 < self.n and tags[i + 1] in ("LV", "AUX")))
                or (tag == "NUM" and prev_tag == "W" and tokens[chunk[-1]] not in _MONTHS
                    and tokens[chunk[-1]] not in lex.time_noun and _starts_quantity(tokens, tags, i, self.sw))):
            return True
        if self.sw.det_after_gen and tag == "DET" and tokens[i] == lex.indefinite and (
                prev_tag == "PG"
                or (prev_tag == "DET" and len(chunk) == 1 and tokens[chunk[0]].endswith(lex.genitive_endings))):
            return True                  # … जिले का | एक गाँव; उनका | एक कहानी संग्रह
        return False

    def _split_manner_adverbial(self, i: int, tag: str) -> None:
        """A manner adverbial (तेजी से, पूरी तरह से) is a chunk of its own."""
        tokens = self.tokens
        if not (self.chunk and tag == "W" and i + 1 < self.n and tokens[i + 1] == self.lex.instrumental
                and tokens[i] in self.lex.manner):
            return
        if tokens[i] not in self.lex.manner_modified:
            self.close()
        elif len(self.chunk) >= 2 and self.tags[self.chunk[-1]] in ("W", "DET"):
            last = self.chunk.pop()              # … | पूरी तरह से: the word before तरह starts the adverbial
            self.close()
            self.chunk.append(last)

    def _read_separator(self, i: int, tag: str, after_vg: bool) -> bool:
        """Conjunctions and punctuation between phrases; a comma inside a date or a list stays."""
        tokens, tags, n = self.tokens, self.tags, self.n
        if tag == "SC" or (tag == "CC" and (after_vg or not self.chunk)):
            self.close()
            self.i += 1
            self.prev_was_vg = after_vg
            return True
        if tag == "PUNCT_B" and tokens[i] == "," and self.chunk and i + 1 < n and tags[i + 1] == "NUM" \
                and (tokens[self.chunk[-1]] in _MONTHS or tags[self.chunk[-1]] == "NUM"):
            self.chunk.append(i)          # 1 अक्टूबर , 1960 को
            self.i += 1
            return True
        if self.sw.comma_lists and tokens[i] == "," and self.chunk and not after_vg \
                and _comma_in_list(tokens, tags, i, self.finite_starts):
            self.chunk.append(i)          # अमेरिका , संयुक्त राजशाही व कनाडा में
            self.i += 1
            return True
        if tag == "PUNCT_B":
            self.close()
            self.i += 1
            self.prev_was_vg = after_vg and tokens[i] == ","
            return True
        return False

    def _read_bracket(self, i: int) -> bool:
        """A bracketed stretch (up to 30 tokens) joins the open chunk whole."""
        tokens = self.tokens
        closing = _BRACKETS.get(tokens[i])
        if closing is None:
            return False
        j = i
        while j < self.n and tokens[j] != closing and j - i < 30:
            j += 1
        if j < self.n and tokens[j] == closing:
            self.chunk.extend(range(i, j + 1))
            self.i = j + 1
            return True
        return False

    def _read_case_marker(self, i: int, tag: str) -> bool:
        """A postposition (PK, PC) or a fused pronoun (PRK), with the particles after it, ends the chunk,
        unless a genitive follows (the phrase then modifies the next noun)."""
        tags, n = self.tags, self.n
        if tag in ("PK", "PRK"):
            self.i = after = self.absorb_particles(i + 1)
            if tag == "PK" and self.sw.pp_genitive and after < n and tags[after] == "PG" and after not in self.finite_starts:
                return True             # … जन्म से पूर्व के वर्षों को: the phrase modifies the next noun
            kind = "nonfinite" if self.sw.nonfinite_merge_pk and any(tags[k] in ("LV", "AUX") for k in self.chunk) else "np"
            self.close(self.tokens[after - 1] if tag == "PRK" else _marker(self.tokens, self.chunk, tags), kind)
            return True
        if tag == "PC":
            j = i + 1
            while j < n and tags[j] in ("PC", "PK") and j not in self.finite_starts and j not in self.participle_starts:
                self.chunk.append(j)
                j += 1
            self.i = after = self.absorb_particles(j)
            if self.sw.pp_genitive and after < n and tags[after] == "PG" and after not in self.finite_starts:
                return True
            kind = "nonfinite" if any(tags[k] in ("LV", "AUX") for k in self.chunk) else "np"
            self.close(_marker(self.tokens, self.chunk, tags), kind)
            return True
        return False

    def _read_conjunctive(self, i: int, tag: str) -> bool:
        """A conjunctive participle (कर, के) ends a non-finite verb chunk."""
        if tag != "CNJ":
            return False
        tokens, tags, chunk = self.tokens, self.tags, self.chunk
        if tokens[i] == self.lex.participle_apart and len(chunk) > 2 and tags[chunk[-2]] == "W" \
                and tokens[chunk[-2]] not in self.lex.conjunct \
                and any(tags[k] not in ("ADV", "PART", "PUNCT_O") for k in chunk[:-2]):
            chunk.pop()                  # पर्व | मिलजुल कर: a separate कर takes only its stem
            stem = chunk.pop()
            self.close()
            self.chunk.extend([stem, i])
        self.i = self.absorb_particles(i + 1)
        self.close(tokens[self.i - 1], "nonfinite")
        return True

    def _ends_chunk(self, i: int, tag: str) -> bool:
        """The token at i, just added, is the last of its chunk."""
        tokens, tags, chunk, n, lex = self.tokens, self.tags, self.chunk, self.n, self.lex
        if self.sw.scrambled_conjunct and tag == "W" and tokens[i] in lex.conjunct_nouns and len(chunk) >= 2 \
                and tags[chunk[-2]] == "PG" and i + 1 < n and tags[i + 1] in ("W", "NUM", "DET", "ADV") \
                and (i + 1) not in self.finite_starts and (i + 1) not in self.participle_starts:
            return True                  # बाशो की मृत्यु | 28 नवम्बर 1694 को हो गई
        if tag == "W" and tokens[i] in _TIME_HEADS and len(chunk) == 2 and tags[chunk[0]] == "DET" \
                and i + 1 < n and tags[i + 1] in ("W", "DET", "NUM"):
            return True                  # उन दिनों | परम्परागत चित्रकला का
        if tag == "PART" and len(chunk) > 1 and tokens[i] not in _NEG \
                and any(tags[k] not in ("DET", "PART") or tokens[k].endswith(lex.genitive_endings)
                        or tokens[k] in _PRONOUNS for k in chunk[:-1]):
            return True
        if self.sw.adv_closes and tag == "ADV" and tokens[i] not in lex.degree and len(chunk) == 1 and i + 1 < n \
                and tags[i + 1] in ("W", "DET", "NUM"):
            return True                  # कल | प्रधानमंत्री द्वारा
        return self.sw.adv_closes and tag == "ADV" and tokens[i] not in lex.degree and len(chunk) > 1 \
            and (i + 1 >= n or tags[i + 1] not in ("PK", "PC", "PG"))      # एक बार फिर | शाही सेना से


def _attach_complements(clauses: list[Clause], tokens: list[str], tags: list[str]) -> None:
    """कि right after a verb group: the rest of the sentence (to the final punctuation) is its object."""
    n = len(tokens)
    for cl in clauses:
        if cl.vg is not None and cl.vg.end < n and tokens[cl.vg.end] == _LEX.complementizer:
            end = n
            while end > cl.vg.end + 1 and tags[end - 1] in ("PUNCT_B", "PUNCT_O"):
                end -= 1
            if end > cl.vg.end + 1:
                cl.complement = (cl.vg.end + 1, end)


def _starts_quantity(tokens: list[str], tags: list[str], i: int, sw: ChunkerSwitches) -> bool:
    """A number after a noun opens a new phrase when it is a date, a year or a counted quantity
    (मृत्यु | 28 नवम्बर 1694 को); not when it ends a name (गुजरात क्वीन एक्स्प्रेस 9110)."""
    if not sw.num_split_strict:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return bool(YEAR.match(tokens[i])) or nxt in _MONTHS or (i + 1 < len(tokens) and tags[i + 1] in ("PK", "PG", "PC"))


def _comma_in_list(tokens: list[str], tags: list[str], i: int, starts) -> bool:
    """A comma between noun phrases of one coordinated list: X , Y और Z (before the list's marker)."""
    j = i + 1
    while j < len(tokens) and j not in starts and tags[j] in ("W", "NUM", "PUNCT_O", "PG") or (
            j < len(tokens) and tokens[j] == ","):
        j += 1
    if j < len(tokens) and tags[j] == "CC" and j not in starts:
        k = j + 1
        while k < len(tokens) and tags[k] in ("W", "NUM", "PUNCT_O", "PG", "DET"):
            k += 1
        return k < len(tokens) and k > j + 1 and tags[k] in ("PK", "PC")
    return False


def _marker(tokens: list[str], chunk: list[int], tags: list[str]) -> str:
    ms = [tokens[k] for k in chunk if tags[k] in ("PK", "PC")]
    if not ms:
        return ""
    if tags[chunk[-1]] == "PC" or (len(chunk) > 1 and tags[chunk[-2]] == "PC" and tags[chunk[-1]] == "PART"):
        j = len(chunk) - 1
        while j >= 0 and tags[chunk[j]] in ("PC", "PART"):
            j -= 1
        return " ".join(tokens[k] for k in chunk[j + 1:] if tags[k] == "PC")
    return ms[-1]
