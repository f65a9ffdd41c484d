"""The `hindi-extract` command line."""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE = 0, 1, 2

# subcommands implemented elsewhere: name -> "module:function(argv) -> int"
EVALUATIONS = {
    "segmentation": "pipeline.evaluate_segmentation:run",
    "ner": "pipeline.ner.evaluate:run",
    "amounts": "pipeline.amounts.evaluate:run",
    "relations": "pipeline.openie.evaluate:run",
}
DELEGATED = {
    "train-ner": ("pipeline.ner.train:run", "train the Hindi NER model from the shared NER data"),
    "triples": ("pipeline.openie.submit:run", "write open triples for a sent_id<TAB>sentence file"),
    "show": ("pipeline.show:run", "one document with entities and amounts highlighted (HTML page or terminal)"),
}

DESCRIPTION = """\
Turn a folder of Hindi (Devanagari) briefings or news into tables: documents, sentences,
tokens, entities (people, places, organisations), amounts (numbers, money, percentages,
dates), relations (who met whom, trade values...), open triples, and errors.

Start here:
  hindi-extract run corpus/ --out outputs/      process every file in corpus/
  hindi-extract evaluate segmentation           sentence/token scores on UD Hindi
  hindi-extract <command> --help                help on one command
"""


def _call(spec: str, argv: list[str]) -> int:
    mod, fn = spec.split(":")
    return int(getattr(importlib.import_module(mod), fn)(argv) or 0)


def cmd_run(args) -> int:
    from .batch import run_batch
    from .runner import Pipeline
    from .stage import ContractError

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"error: {corpus} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        pipe = Pipeline({"entities": {"ner": args.ner}})
    except (ContractError, ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    formats = ("csv", "parquet") if args.parquet else ("csv",)
    summary = run_batch(corpus, Path(args.out), pipe, formats=formats, quiet=args.quiet)
    if summary.documents == 0:
        print(f"error: no input files in {corpus}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print("\n".join(summary.lines()))
        print(f"tables written to {args.out}/")
    return EXIT_DOC_ERRORS if summary.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="hindi-extract", description=DESCRIPTION,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="process a folder of Hindi text files into tables",
                         description="Process every file under CORPUS_DIR and write OUT_DIR/<table>.csv "
                                     "(UTF-8 with BOM). Exit code 0: all documents processed; 1: some "
                                     "documents ended in the errors table; 2: usage error.")
    run.add_argument("corpus", metavar="CORPUS_DIR", help="folder of UTF-8 (or UTF-16 with BOM) text files")
    run.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for the tables")
    run.add_argument("--ner", default="hi-ner", choices=["hi-ner", "stanza-hi", "none"],
                     help="NER engine fused with the gazetteers (default: hi-ner, our shipped model; "
                          "stanza-hi: stanza's own Hindi NER if downloaded; none: rules only)")
    run.add_argument("--parquet", action="store_true", help="also write OUT_DIR/<table>.parquet")
    run.add_argument("--quiet", action="store_true", help="no progress line and no summary")
    run.set_defaults(func=cmd_run)

    ev = sub.add_parser("evaluate", help="score a stage on the shared evaluation data")
    ev.add_argument("what", choices=sorted(EVALUATIONS))
    ev.add_argument("rest", nargs=argparse.REMAINDER, help="options of that evaluation (see --help after it)")
    ev.set_defaults(func=lambda a: _call(EVALUATIONS[a.what], a.rest))

    for name, (spec, help_) in DELEGATED.items():
        p = sub.add_parser(name, help=help_, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
        p.set_defaults(func=lambda a, spec=spec: _call(spec, a.rest))
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "func", None):
        ap.print_help()
        return EXIT_USAGE
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
