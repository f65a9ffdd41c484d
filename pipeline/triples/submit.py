"""`hindi-extract triples SENTS_FILE --out FILE`: open triples in the Hindi-BenchIE submission format.

Input lines: `sent_id<TAB>sentence` (a `sent_id:` prefix is accepted, as in the benchmark's sents.txt);
the sentence is taken as already tokenized on spaces. Output lines: `sent_id<TAB>head<TAB>relation<TAB>tail`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .extract import triples_for_text


def read_sentences(path: str | Path) -> dict[str, str]:
    """`sent_id:N<TAB>sentence` or `N<TAB>sentence` lines -> {N: sentence}."""
    out: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:
            continue
        sid, text = line.split("\t", 1)
        sid = sid.strip()
        if sid.startswith("sent_id:"):
            sid = sid[len("sent_id:"):]
        out[sid.strip()] = text.strip()
    return out


def write_triples(sentences: dict[str, str], out) -> int:
    n = 0
    for sid, text in sentences.items():
        for h, r, t in triples_for_text(text):
            out.write(f"{sid}\t{_clean(h)}\t{_clean(r)}\t{_clean(t)}\n")
            n += 1
    return n


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def run(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract triples", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sents_file", help="sent_id<TAB>sentence lines (UTF-8)")
    ap.add_argument("--out", required=True, help="output file ('-' for stdout)")
    a = ap.parse_args(argv)
    try:
        sents = read_sentences(a.sents_file)
    except (OSError, UnicodeDecodeError) as e:
        print(f"hindi-extract triples: cannot read {a.sents_file}: {e}", file=sys.stderr)
        return 2
    if not sents:
        print(f"hindi-extract triples: {a.sents_file} holds no sent_id<TAB>sentence line (one sentence a line, "
              "its id and a TAB before it; for plain text use `hindi-extract run`)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    if a.out == "-":
        n = write_triples(sents, sys.stdout)
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            n = write_triples(sents, f)
    dt = time.perf_counter() - t0
    print(f"{n} triples for {len(sents)} sentences ({len(sents) / dt if dt else 0:.0f} sentences/s)"
          + ("" if a.out == "-" else f" -> {a.out}"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(run())
