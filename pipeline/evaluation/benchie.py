"""Hindi-BenchIE scorer: the benchmark's matching rules, re-implemented.

Follows the matching rules of the Hindi-BenchIE reference scorer (github ritwikmishra/hindi-benchie,
``code.py``), so the other systems' published numbers are reproduced (IndIE F1 0.51):

* gold file: per sentence, numbered fact clusters; each cluster has *essential* triples
  (``head --> relation --> tail``) and *compensatory* linked property triples (``{a} ...``).
  A triple may list alternatives separated by `` |OR| ``.
* an extraction (``head<TAB>relation<TAB>tail``) is normalized: runs of spaces collapsed,
  ASCII punctuation and the danda removed; duplicates inside a sentence are dropped.
* slot-by-slot, token-by-token greedy match against one alternative: a gold token matches when
  equal after removing ``[``, ``]`` and ``{x}``; on a mismatch a bracketed (optional) group
  starting at that gold token is skipped; trailing optional groups may be skipped.
  Skipping an optional group tagged ``{x}`` makes the match conditional: the linked property
  triple ``{x}`` must then be extracted too, or it counts as a missed fact.
* head and tail may be swapped (the benchmark's default "passive allowed"), except for
  alternatives marked `` <--{not allowed in passive}``.
* a gold triple fully satisfied by one extraction cannot be satisfied again (repetitions are
  penalized); an extraction is a true positive when it matches any gold triple of the sentence.
* precision = matched extractions / extractions; per sentence the missed facts are the
  unsatisfied triples of the best cluster (fewest misses); a sentence with no extraction
  misses all triples of its largest cluster; recall = TP / (TP + missed).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from ..triples.submit import read_sentences   # the benchmark's sents.txt is the triples command's input

_PUNCT = str.maketrans("", "", string.punctuation + "।")
_MARK = re.compile(r"\]|\[|\{[a-z]+\}")
_TAG = re.compile(r"\{([a-z]+)\}")
NOT_PASSIVE = " <--{not allowed in passive}"
PASSIVE = " <--{allowed in passive}"


@dataclass
class Cluster:
    essential: list[str] = field(default_factory=list)
    compensatory: dict[str, str] = field(default_factory=dict)


@dataclass
class GoldSentence:
    sent_id: str
    text: str
    clusters: list[Cluster] = field(default_factory=list)


def parse_gold(path: str | Path) -> dict[str, GoldSentence]:
    gold: dict[str, GoldSentence] = {}
    cur: GoldSentence | None = None
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("=" * 20):
            continue
        m = re.match(r"sent_id:(\d+)\s*\t?(.*)", line)
        if m:
            cur = GoldSentence(m.group(1), m.group(2).strip())
            gold[cur.sent_id] = cur
            continue
        if cur is None:
            continue
        if line.startswith("------ Cluster"):
            cur.clusters.append(Cluster())
            continue
        if not cur.clusters:
            cur.clusters.append(Cluster())
        c = cur.clusters[-1]
        m = re.match(r"\{([a-z])\}\s?", line[:4])
        if m and line[0] == "{":
            c.compensatory[line[1]] = line[4:]
        else:
            c.essential.append(line)
    return gold


def normalize_extraction(head: str, relation: str, tail: str) -> str:
    e = re.sub(" +", " ", "\t".join((head, relation, tail)))
    e = e.translate(_PUNCT)
    return re.sub(" +", " ", e)


def read_extractions(path: str | Path) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) < 4:
            continue
        out.setdefault(parts[0].strip(), []).append((parts[1], parts[2], "\t".join(parts[3:])))
    return out


def _skip_group(gl: list[str], j: int, tags: list[str]) -> list[str]:
    end = j
    while end < len(gl) and "]" not in gl[end]:
        end += 1
    if end < len(gl):
        m = _TAG.search(gl[end])
        if m:
            tags.append(m.group(1))
    return gl[:j] + gl[end + 1:]


def _match_slots(gold_slots: list[str], ext_slots: list[str]) -> str | None:
    """None: no match; '' : full match; 'a,b': match that needs linked triples a, b."""
    if len(gold_slots) != len(ext_slots):
        return None
    need: list[str] = []
    for g, o in zip(gold_slots, ext_slots):
        ol, gl = o.split(), g.split()
        tags: list[str] = []
        i = j = 0
        while i < len(ol) and j < len(gl):
            if ol[i] == _MARK.sub("", gl[j]):
                i += 1
                j += 1
            elif gl[j].startswith("["):
                gl = _skip_group(gl, j, tags)
            else:
                break
        if i != len(ol):
            return None
        while j < len(gl) and gl[j].startswith("["):
            gl = _skip_group(gl, j, tags)
        if j != len(gl):
            return None
        need += tags
    return ",".join(need)


def match_triple(gold_triple: str, ext: str, default_passive: bool = True) -> str | None:
    """Match one normalized extraction against a gold triple with `|OR|` alternatives.

    Returns '' (satisfied), 'a,b' (satisfied but needs linked triples; the last such alternative),
    or None."""
    ext_slots = ext.split("\t")
    conditional: str | None = None
    for alt in gold_triple.split(" |OR| "):
        passive = default_passive
        if NOT_PASSIVE in alt:
            passive, alt = False, alt.replace(NOT_PASSIVE, "")
        elif PASSIVE in alt:
            passive, alt = True, alt.replace(PASSIVE, "")
        slots = alt.split(" --> ")
        r = _match_slots(slots, ext_slots)
        if r == "":
            return ""
        r2 = None
        if passive and len(slots) == 3:
            r2 = _match_slots([slots[2], slots[1], slots[0]], ext_slots)
            if r2 == "":
                return ""
        got = r if r else r2
        if got:
            conditional = got
    return conditional


@dataclass
class Score:
    tp: int = 0
    extractions: int = 0
    fn: int = 0
    sentences: int = 0
    clusters_matched: int = 0     # informational: sentences' clusters with >= 1 matched triple
    clusters: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.extractions if self.extractions else 0.0

    @property
    def recall(self) -> float:
        d = self.tp + self.fn
        return self.tp / d if d else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def cluster_recall(self) -> float:
        return self.clusters_matched / self.clusters if self.clusters else 0.0


_UNSET, _NO, _YES = "?", "no", "yes"


def _missing(comp_state: dict[str, object], tags: list[str], seen: set[str]) -> int:
    fn = 0
    for t in tags:
        st = comp_state.get(t, _NO)
        if t in seen:
            continue
        if st == _NO:
            fn += 1
            seen.add(t)
        elif isinstance(st, list):
            seen.add(t)
            fn += _missing(comp_state, st[-1].split(","), seen)
    return fn



def _record(state: dict | list, triples, e, default_passive) -> bool:
    """Match extraction e against gold triples (key, triple); mark full matches _YES and keep the
    residues of partial ones. True when any triple matched."""
    hit = False
    for k, g in triples:
        if state[k] == _YES:
            continue
        r = match_triple(g, e, default_passive)
        if r is None:
            continue
        hit = True
        if r == "":
            state[k] = _YES
        elif isinstance(state[k], list):
            state[k].append(r)
        else:
            state[k] = [r]
    return hit

def score_sentence(gs: GoldSentence, exts: list[str], default_passive: bool = True) -> tuple[int, int, int, list[bool]]:
    """-> (tp, n_extractions, missed, per-extraction matched flags)."""
    # state: _YES (fully satisfied), _NO, or list of conditional requirement strings
    ess = [[_NO] * len(c.essential) for c in gs.clusters]
    comp = [{k: _NO for k in c.compensatory} for c in gs.clusters]
    flags = []
    for e in exts:
        hit = False
        for ci, c in enumerate(gs.clusters):
            hit |= _record(ess[ci], enumerate(c.essential), e, default_passive)
            hit |= _record(comp[ci], c.compensatory.items(), e, default_passive)
        flags.append(hit)
    tp = sum(flags)
    if not exts:
        return 0, 0, max((len(c.essential) for c in gs.clusters), default=0), []
    per_cluster = []
    for ci, c in enumerate(gs.clusters):
        fn = 0
        for st in ess[ci]:
            if st == _NO:
                fn += 1
            elif isinstance(st, list):
                fn += min(_missing(comp[ci], alt.split(","), set()) for alt in st)
        per_cluster.append(fn)
    return tp, len(exts), min(per_cluster, default=0), flags


def _cluster_matched(c: Cluster, exts: list[str], default_passive: bool) -> bool:
    return any(match_triple(g, e, default_passive) is not None for g in c.essential for e in exts)


def score(gold: dict[str, GoldSentence], extractions: dict[str, list[tuple[str, str, str]]],
          default_passive: bool = True, details: list | None = None) -> Score:
    s = Score()
    for sid, gs in gold.items():
        normed: list[str] = []
        for h, r, t in extractions.get(sid, []):
            e = normalize_extraction(h, r, t)
            if e not in normed:
                normed.append(e)
        tp, n, fn, flags = score_sentence(gs, normed, default_passive)
        s.tp += tp
        s.extractions += n
        s.fn += fn
        s.sentences += 1
        s.clusters += len(gs.clusters)
        s.clusters_matched += sum(_cluster_matched(c, normed, default_passive) for c in gs.clusters)
        if details is not None:
            details.append((sid, list(zip(normed, flags)), fn))
    return s


def benchmark_dir() -> Path:
    from pipeline.core.paths import shared_path
    return shared_path("benchmarks", "hindi-benchie")
