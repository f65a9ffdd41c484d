"""Predicate frames as data: data/frames.yaml read into Frame records (triggers, slots, cues) for the
event frames and MetricFrame records for the metric frames, and the trigger matcher over a sentence."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from ..entities.gazetteers import key_tokens
from ..text.normalize import match_key
from .lexicon import DATA_DIR, Phrases
from .lexicon import cc as closed_class_keys

PATH = DATA_DIR / "frames.yaml"
KINDS = frozenset({"person", "named", "title", "place", "country", "body", "group", "party"})
GENITIVE = "genitive"      # the marker of a place written with any genitive form (का / की / के)
POSITIONS = {"=": "adjacent", ">": "after"}


@dataclass(frozen=True)
class Place:
    """Where a slot's argument may stand: its case marker ('' direct case, 'का' any genitive),
    its position to the trigger (before, adjacent, after), and whether the whole sentence is searched;
    or a construction finder by name."""
    marker: str = ""
    position: str = "before"
    sentence: bool = False
    finder: str = ""


@dataclass(frozen=True)
class Slot:
    kinds: frozenset[str]
    places: tuple[Place, ...]
    least: int = 1             # the fewest members its group may have (2: only a list fills it)


@dataclass
class Frame:
    rule: str
    predicate: str
    triggers: Phrases
    stems: tuple[str, ...] = ()
    slots: dict[str, Slot] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    modality: dict[str, str] = field(default_factory=dict)     # cue word key -> modality
    body_subjects: frozenset[str] = frozenset()    # an object that is a body but no group takes only these

    def hits(self, keys: list[str], present: frozenset[str] | set[str] | None = None,
             stemmed: list[tuple[int, str]] | None = None) -> list[tuple[int, int]]:
        """Token spans of the frame's triggers in a sentence (`present`: the sentence's keys, to skip
        the scan of a sentence holding no first word of a trigger; `stemmed`: its (index, key) that
        start with any frame's stem, to skip the scan for stems)."""
        present = set(keys) if present is None else present
        out = [] if self.triggers.firsts.isdisjoint(present) else [(i, j) for i, j, _ in self.triggers.find(keys)]
        if self.stems:
            taken = {i for i, _ in out}
            found = enumerate(keys) if stemmed is None else stemmed
            out += [(i, i + 1) for i, k in found if i not in taken and k.startswith(self.stems)
                    and k not in self.stems]
            out.sort()
        return out


@dataclass(frozen=True)
class MetricFrame:
    predicate: str
    counterpart: tuple[tuple[str, ...], ...] = ()    # case markers (as key tuples) of the other party
    flow: bool = False
    base_of_share: bool = False
    pair_partner: bool = False         # one side's trade: the other member of the pair traded about is the partner
    self_reported: bool = False        # the body that reports it owns it (a company's profit)
    national: bool = False             # a country's figure: no body owns it
    public: bool = False               # a government's figure (taxes collected): its country or government owns it
    company_owned: bool = False        # only a company named in its sentence owns it (a share's price)
    body_owned: bool = False           # a body's own figure (a profit): no place owns it
    host_approves: bool = False        # the agent approving it (approval_words.tsv) is the host, not the giver
    after: tuple[str, ...] = ()        # verbs that name the metric right after the value (keys)
    goods_verbs: tuple[str, ...] = ()  # verbs that name it after a value of goods ('का माल भेजा': exports)
    goods_partner: bool = False        # ... only with a party marked as its counterpart in the clause (से खरीदा)
    sent_verbs: tuple[str, ...] = ()   # verbs of money sent home by people abroad after the value (senders.py)
    list_party: str = "subject"        # the slot a party of a ranked list fills (a recipient: counterpart)
    subject_markers: tuple[tuple[str, ...], ...] = ()     # markers that make a party beside a value its owner
    into_markers: tuple[tuple[str, ...], ...] = ()        # ... only right before the partner phrase of its noun


@dataclass
class Metrics:
    frames: dict[str, MetricFrame]
    triggers: Phrases                  # metric noun -> predicate ("" for a phrase that is no metric)
    inherent: dict[str, str]           # metric noun (keys joined) -> the aspect it states
    owner: tuple[str, ...]             # owner finders, in order
    receive: frozenset[str]            # verbs whose ने / direct-case party receives the money
    home: str = ""                     # the home country (a national office's, when none is written)
    transfer_verbs: frozenset[str] = frozenset()   # verbs of giving after a value: they continue a transfer


def parse_place(spec: str) -> Place:
    spec = str(spec).strip()
    if spec.startswith("@"):
        return Place(finder=spec[1:])
    position = POSITIONS.get(spec[:1], "before")
    spec = spec[1:] if spec[:1] in POSITIONS else spec
    sentence = spec.endswith("~")
    marker = " ".join(key_tokens(spec.rstrip("~").strip()))
    if marker in closed_class_keys("genitive"):
        marker = GENITIVE
    return Place(marker if marker != "-" else "", position, sentence)


def parse_slot(spec: dict) -> Slot:
    kinds = frozenset(spec.get("kinds") or ())
    unknown = kinds - KINDS
    if unknown:
        raise ValueError(f"{PATH.name}: unknown argument kinds {sorted(unknown)} (known: {sorted(KINDS)})")
    return Slot(kinds, tuple(parse_place(p) for p in spec.get("from") or ()), int(spec.get("least", 1)))


@lru_cache(maxsize=None)
def _trigger_phrases(triggers: tuple[str, ...]) -> Phrases:
    """One matcher per list of triggers (frames sharing a list share its matches)."""
    return Phrases(rows=[(t, "yes") for t in triggers])


def _event_frame(row: dict) -> Frame:
    slots = {name: parse_slot(row[name]) for name in ("subject", "object", "pair", "counterpart") if name in row}
    return Frame(rule=row["rule"], predicate=row["predicate"],
                 triggers=_trigger_phrases(tuple(str(t) for t in row.get("triggers") or ())),
                 stems=tuple(match_key(s) for s in row.get("stems") or ()), slots=slots,
                 required=tuple(row.get("required") or ()),
                 modality={match_key(k): v for k, v in (row.get("modality") or {}).items()},
                 body_subjects=frozenset(row.get("body_subjects") or ()))


def _trigger(t) -> tuple[str, str]:
    """A metric trigger: 'निर्यात' or {'विकास दर': 'growth'} -> (phrase, inherent aspect)."""
    if isinstance(t, dict):
        (phrase, aspect), = t.items()
        return str(phrase), str(aspect)
    return str(t), ""


def _metrics(spec: dict) -> Metrics:
    frames, rows, inherent = {}, [], {}
    for row in spec["frames"]:
        pred = row["predicate"]
        frames[pred] = MetricFrame(
            pred, tuple(key_tokens(m) for m in row.get("counterpart") or ()),
            **{f: bool(row.get(f)) for f in ("flow", "base_of_share", "pair_partner", "self_reported", "national",
                                             "public", "goods_partner", "company_owned", "host_approves", "body_owned")},
            after=tuple(match_key(w) for w in row.get("after") or ()), list_party=str(row.get("list_party", "subject")),
            goods_verbs=tuple(match_key(w) for w in row.get("goods_verbs") or ()),
            sent_verbs=tuple(match_key(w) for w in row.get("sent_verbs") or ()),
            subject_markers=tuple(key_tokens(m) for m in row.get("subject_markers") or ()),
            into_markers=tuple(key_tokens(m) for m in row.get("into_markers") or ()))
        for t in row["triggers"]:
            phrase, aspect = _trigger(t)
            rows.append((phrase, pred))
            if aspect:
                inherent[" ".join(key_tokens(phrase))] = aspect
    rows += [(str(t), "") for t in spec.get("not_metrics") or ()]      # longest match: no metric of their own
    return Metrics(frames, Phrases(rows=rows), inherent, tuple(spec["owner"]),
                   frozenset(match_key(w) for w in spec.get("receive_verbs") or ()), str(spec.get("home_country", "")),
                   frozenset(match_key(w) for w in spec.get("transfer_verbs") or ()))


@lru_cache(maxsize=1)
def load() -> tuple[list[Frame], Metrics, list[dict]]:
    """(event frames, metric frames, role frames) of data/frames.yaml."""
    spec = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    return [_event_frame(r) for r in spec["events"]], _metrics(spec["metrics"]), list(spec.get("roles") or ())


def event_frames() -> list[Frame]:
    return load()[0]


def metrics() -> Metrics:
    return load()[1]
