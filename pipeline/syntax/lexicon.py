"""Word lists of the open-IE rules: the closed-class words from `pipeline/text/closed_class.py`, the
chunker's own classes (light verbs, adverbs, conjunct nominals, months) from the TSV files in `data/`."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..text import closed_class
from ..text.tsv import read_rows

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_rows(name: str) -> list[list[str]]:
    """The rows of data/<name> (header-less)."""
    return read_rows(DATA_DIR / name)


@dataclass(frozen=True)
class Lexicon:
    case: frozenset[str]                 # simple case markers (ने को से में पर तक द्वारा)
    genitive: frozenset[str]             # का की के
    compound: tuple[tuple[str, ...], ...]  # multi-token postpositions, longest first
    copula: frozenset[str]
    aux: frozenset[str]                  # every auxiliary (copula included)
    light: frozenset[str]
    coord: frozenset[str]
    subord: frozenset[str]
    relative: frozenset[str]
    relative_adverb: frozenset[str]
    relative_genitive: frozenset[str]
    manner: frozenset[str]
    relative_case: frozenset[str]
    pronoun_case: frozenset[str]
    particle: frozenset[str]
    adverb: frozenset[str]
    degree: frozenset[str]
    postp_adverb: frozenset[str]
    not_conjunctive: frozenset[str]
    determiner: frozenset[str]
    time_noun: frozenset[str]
    speech: frozenset[str]                # कहना and main-verb forms: never take the word before them into the verb group
    conjunct: frozenset[str]              # nouns/adjectives of conjunct verbs (लागू, शुरू, पेश)
    conjunct_nouns: frozenset[str]        # the nouns among them (मृत्यु, उपयोग, निर्माण)
    copular_like: frozenset[str]          # copula + forms of बनना "become": a noun phrase may precede as predicate
    months: frozenset[str] = frozenset()
    time_heads: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()       # standalone pronouns (personal + demonstrative)
    personal: frozenset[str] = frozenset()
    be_forms: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    manner_modified: frozenset[str] = frozenset()  # manner nouns taking one modifier before them (पूरी तरह से)
    genitive_endings: tuple[str, ...] = ()        # का की के as a word's ending (उनका, इसकी)
    # role words the rules test by name (closed_class.tsv "Roles"), one form each
    ergative: str = ""                   # ने, also the ending of a fused pronoun (उन्होंने, जिसने)
    instrumental: str = ""               # से
    complementizer: str = ""             # कि
    indefinite: str = ""                 # एक
    topic: str = ""                      # तो
    agent_markers: tuple[tuple[str, ...], ...] = ()   # ने, द्वारा, की ओर से (before जारी), longest first
    conjunctive: tuple[str, ...] = ()    # कर, करके: written apart, or a word's ending
    participle_apart: str = ""           # कर written apart (मिलजुल कर)
    quantity_with_se: frozenset[str] = frozenset()   # बहुत (से)
    verb_or_genitive: frozenset[str] = frozenset()   # की
    subjunctive_be: frozenset[str] = frozenset()     # हो
    imperfective_endings: tuple[str, ...] = ()       # ते ती
    verb_endings: tuple[str, ...] = ()               # ता ती ते ना ने
    kinds: dict = field(default_factory=dict)   # form -> set of (file, kind) for documentation/tests


@lru_cache(maxsize=1)
def load() -> Lexicon:
    light = data_rows("light_verbs.tsv")
    fw = data_rows("function_words.tsv")
    wc = data_rows("word_classes.tsv")
    cc = closed_class.words

    def of(rows, kind):
        return frozenset(r[0] for r in rows if len(r) > 1 and r[1] == kind)

    kinds: dict[str, set] = {}
    for c in closed_class.classes():
        for form, _ in closed_class.rows(c):
            kinds.setdefault(form, set()).add(("closed_class", c))
    for fname, rows in (("light_verbs", light), ("function_words", fw)):
        for r in rows:
            kinds.setdefault(r[0], set()).add((fname, r[1] if len(r) > 1 else ""))
    return Lexicon(
        case=cc("case"), genitive=cc("genitive"), compound=closed_class.phrases("compound_postposition"),
        copula=cc("copula"), aux=cc("copula", "aux_aspect", "aux_passive", "aux_modal"),
        light=frozenset(r[0] for r in light),
        coord=cc("coord"), subord=cc("subord"), relative=cc("relative"), relative_adverb=cc("relative_adverb"),
        relative_genitive=cc("relative_genitive"), manner=of(fw, "manner_noun") | of(fw, "manner_noun_modified"),
        relative_case=cc("relative_case"), pronoun_case=cc("pronoun_case"),
        particle=cc("particle"), adverb=of(fw, "adverb"), degree=of(fw, "degree"),
        postp_adverb=of(fw, "postpositional_adverb"), not_conjunctive=of(fw, "not_conjunctive"),
        determiner=cc("determiner"), time_noun=of(fw, "time_noun"),
        copular_like=cc("copula") | frozenset(r[0] for r in light if len(r) > 1 and r[1] in of(wc, "copular_verb")),
        speech=frozenset(r[0] for r in light if len(r) > 1 and (r[1] in of(wc, "speech_verb") or (
            len(r) > 2 and r[2].startswith("intransitive")))),
        conjunct=frozenset(r[0] for r in data_rows("conjunct_nominals.tsv")),
        conjunct_nouns=frozenset(r[0] for r in data_rows("conjunct_nominals.tsv") if len(r) > 2 and r[2] == "noun"),
        months=of(wc, "month"), time_heads=of(wc, "time_head"),
        pronouns=cc("pronoun", "pronoun_personal"), personal=cc("pronoun_personal"),
        be_forms=cc("be_form"), negation=cc("negation"),
        manner_modified=of(fw, "manner_noun_modified"),
        genitive_endings=closed_class.endings("genitive"),
        ergative=closed_class.word("ergative"), instrumental=closed_class.word("instrumental"),
        complementizer=closed_class.word("complementizer"), indefinite=closed_class.word("indefinite_article"),
        topic=closed_class.word("topic_particle"), agent_markers=closed_class.phrases("agent_marker"),
        conjunctive=closed_class.endings("conjunctive_participle"), quantity_with_se=cc("quantity_with_se"),
        participle_apart=closed_class.word("participle_apart"),
        verb_or_genitive=cc("verb_or_genitive"), subjunctive_be=cc("subjunctive_be"),
        imperfective_endings=closed_class.endings("imperfective_ending"),
        verb_endings=closed_class.endings("verb_ending"),
        kinds=kinds,
    )
