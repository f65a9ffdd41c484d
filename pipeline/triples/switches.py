"""The open-triple rules' switches: one frozen object, its defaults the chosen settings. The triples
stage takes each as a config key (`Pipeline({"triples": {"time_mode": "both"}})`); docs/openie.md
gives each switch's measured effect on Hindi-BenchIE. Several are set against the benchmark's
optimum because the other setting is worse Hindi grammar."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class TripleSwitches:
    time_mode: str = "argument"          # dates are ordinary arguments ("property": (date, property, verb); "both")
    attach_modifiers: bool = True        # adverbial chunks modify the relation instead of being arguments
    pronoun_plus_noun: bool = False      # split "pronoun + noun noun" subjects
    gen_mod_words: int = 0               # words before a genitive kept in a property triple (0: all)
    gen_mod_max: int = 3                 # longest genitive modifier that makes a property triple (0: any)
    resolve_relative: bool = True        # a relative pronoun subject is replaced by its antecedent
    resolve_relative_ergative: bool = False   # ... also जिसने / जिन्होंने
    copula_pronoun: bool = False         # split a pronoun off a copular subject
    scrambled_conjunct: bool = True      # X का सम्मान किया: (subject, सम्मान किया, X)
    drop_parentheses: bool = True        # text in brackets is left out of heads, relations and tails
    skip_adverb_tails: bool = True       # an adverbial chunk is never a tail
    pred_complement: bool = True         # X Y बना / है: the predicate complement triple


DEFAULT = TripleSwitches()


def defaults() -> dict:
    return asdict(DEFAULT)
