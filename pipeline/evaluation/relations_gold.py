"""`hindi-extract evaluate relations`: run the pipeline on each gold passage of
../shared/data/relations-dev and score its relations with the rule of SCHEMA.md
(pipeline.evaluation.relations).

By default every file is scored: the tune half (the files at the top level) and the blind check half
(`check/*.jsonl`), each file on its own and each half in total. A tune file prints P/R/F1 per group,
attribute accuracy, per-predicate counts and the facts missed, extra and matched with differing
attributes; a check file prints the scores only, never a fact of its passages (they are scored, not
read: rules written after reading them would make the check figure worthless)."""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ..core.paths import SharedDataMissing, shared_path
from ..entities.options import NER_CHOICES
from .relations import ATTRIBUTES, FIELDS, Report, attribute_agrees, group_of, score

V1_NAMES = {"foreign_investment": "investment", "oil_imports": "imports", "crude_oil_imports": "imports",
            "net_loss": "loss", "trade_target": "trade"}
V1_ASPECT = {"growth_rate": "growth", "decline_rate": "decline"}
CHECK_DIR = "check"


def read_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fact_of(r) -> dict:
    """A Relation read as a schema-v2 fact. Rows of the v1 schema are read through the new names:
    growth_rate/decline_rate of a metric -> that metric with aspect growth/decline; trade_target ->
    trade with modality target; other v1 metric names -> the inventory's."""
    f = {k: getattr(r, k, "") or "" for k in FIELDS}
    pred = f["predicate"]
    if pred in V1_ASPECT:
        f.update(predicate=V1_NAMES.get(f["subject"], f["subject"]), subject="", aspect=V1_ASPECT[pred])
    elif pred in V1_NAMES:
        f["predicate"] = V1_NAMES[pred]
        if pred == "trade_target":
            f["modality"] = "target"
    if group_of(f["predicate"]) == "metrics" and not f["aspect"]:
        f["aspect"] = "level"
    return f


def predict(passages: list[dict], pipe) -> list[list[dict]]:
    out = []
    for p in passages:
        doc = pipe.process_text(p["text"], doc_id=p["id"])
        out.append([fact_of(r) for r in doc.relations])
    return out


def is_check(path: Path) -> bool:
    """A file of the blind check half: scores only."""
    return path.parent.name == CHECK_DIR


def _fmt(f: dict) -> str:
    extra = " ".join(f"{k}={f[k]}" for k in ATTRIBUTES if f.get(k) and f[k] not in ("actual", "positive"))
    return f"({f['subject']} | {f['predicate']} | {f['object']}) {extra}".rstrip()


def print_scores(rep: Report, name: str) -> None:
    print(f"relations scored on {name} (rule: SCHEMA.md; pipeline/evaluation/relations.py)")
    print(f"{'group':14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'pred':>5} {'gold':>5}")
    for g, c in rep.groups.items():
        print(f"{g:14} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4d} {c.predicted:5d} {c.gold:5d}")
    print("attribute accuracy over matched facts: " + ", ".join(
        f"{a} {rep.accuracy(a):.3f}" for a in ATTRIBUTES))
    tp = Counter(g["predicate"] for _, _, g in rep.matched)
    gold = Counter(g["predicate"] for _, g in rep.missed) + tp
    pred = Counter(p["predicate"] for _, p in rep.extra) + tp
    print("per predicate (TP/pred/gold): " + ", ".join(
        f"{k} {tp[k]}/{pred[k]}/{gold[k]}" for k in sorted(set(gold) | set(pred))))


def print_details(rep: Report) -> None:
    """The facts missed, extra and matched with differing attributes (tune files only)."""
    print(f"\nmissed ({len(rep.missed)}):")
    for pid, f in rep.missed:
        print(f"  {pid} {_fmt(f)}")
    print(f"\nextra ({len(rep.extra)}):")
    for pid, f in rep.extra:
        print(f"  {pid} {_fmt(f)}")
    wrong = [(pid, p, g) for pid, p, g in rep.matched if not all(attribute_agrees(a, p, g) for a in ATTRIBUTES)]
    print(f"\nmatched with attributes that disagree by the rule ({len(wrong)}; predicted -> gold):")
    for pid, p, g in wrong:
        diffs = ", ".join(f"{a}: {p[a]!r} -> {g[a]!r}" for a in ATTRIBUTES if not attribute_agrees(a, p, g))
        print(f"  {pid} {_fmt(g)}: {diffs}")


def print_report(rep: Report, name: str, details: bool = True) -> None:
    print_scores(rep, name)
    if details:
        print_details(rep)


def default_files() -> tuple[list[Path], list[Path]]:
    """(tune files, check files) of ../shared/data/relations-dev."""
    root = shared_path("data", "relations-dev")
    return sorted(root.glob("*.jsonl")), sorted((root / CHECK_DIR).glob("*.jsonl"))


def score_files(paths: list[Path], pipe, details: bool) -> list[tuple[str, list[dict], list[dict]]]:
    """Score and print each file; the scored passages of all of them."""
    everything = []
    for path in paths:
        passages = read_gold(path)
        preds = predict(passages, pipe)
        scored = [(p["id"], pr, p["facts"]) for p, pr in zip(passages, preds)]
        print_report(score(scored), str(path), details=details and not is_check(path))
        print()
        everything += scored
    return everything


def run(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract evaluate relations", description=__doc__)
    ap.add_argument("--gold", action="append", metavar="FILE",
                    help="a gold file in the schema of relations-dev/SCHEMA.md (JSON Lines); repeatable "
                         "(default: every file of ../shared/data/relations-dev, tune and check halves)")
    ap.add_argument("--ner", default="hi-ner", choices=NER_CHOICES)
    ap.add_argument("--summary", action="store_true", help="scores only, no lists of missed/extra facts")
    a = ap.parse_args(argv)
    try:
        halves = ([("given", [Path(p) for p in a.gold])] if a.gold else
                  list(zip(("tune", "check"), default_files())))
        from ..runner import Pipeline
        pipe = Pipeline({"entities": {"ner": a.ner}})
        for half, paths in halves:
            scored = score_files(paths, pipe, details=not a.summary)
            if len(paths) > 1 or half != "given":
                print_scores(score(scored), f"the {half} half ({len(paths)} files, {len(scored)} passages)")
                print()
    except (OSError, ValueError, SharedDataMissing) as e:
        print(f"hindi-extract evaluate relations: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(run())
