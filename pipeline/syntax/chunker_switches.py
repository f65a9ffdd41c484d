"""The chunker's rule switches: one frozen object, its defaults the chosen settings. The syntax stage
takes each as a config key (`Pipeline({"syntax": {"comma_lists": False}})`); docs/openie.md gives
each switch's measured effect on Hindi-BenchIE (dev half)."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ChunkerSwitches:
    adv_closes: bool = True           # an adverb closes the noun chunk before it
    det_after_gen: bool = True        # एक after a genitive opens a new chunk
    num_split_strict: bool = True     # a number after a noun opens a phrase only as a date, year or quantity
    pp_genitive: bool = True          # a postposition phrase before a genitive stays inside the chunk
    scrambled_conjunct: bool = True   # a conjunct noun after its object (X का सम्मान किया) closes the chunk
    nonfinite_merge_pk: bool = True   # a chunk holding an auxiliary/light verb before a case marker is nonfinite
    comma_lists: bool = True          # X , Y और Z is one coordinated chunk
    gen_split: bool = False           # split long genitive-less noun runs
    prefix_blockers: tuple[str, ...] = ("DET", "NUM")   # tags that keep the next word out of a light verb's group


DEFAULT = ChunkerSwitches()


def defaults() -> dict:
    return asdict(DEFAULT)
