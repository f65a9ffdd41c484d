"""The `hindi-extract` command line."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from .entities.options import BACKENDS, NER_CHOICES, QUANTIZE, NerOptions

EXIT_OK, EXIT_DOC_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report Ctrl-C

# subcommands implemented elsewhere: name -> "module:function(argv) -> int"
EVALUATIONS = {
    "segmentation": "pipeline.evaluation.segmentation:run",
    "ner": "pipeline.evaluation.ner:run",
    "amounts": "pipeline.evaluation.amounts:run",
    "relations": "pipeline.evaluation.relations_gold:run",
    "triples": "pipeline.evaluation.triples:run",
}
DELEGATED = {
    "train-ner": ("pipeline.ner.train:run", "train the Hindi NER model from the shared NER data"),
    "triples": ("pipeline.triples.submit:run", "write open triples for a sent_id<TAB>sentence file"),
    "show": ("pipeline.views.show:run", "one document with entities and amounts highlighted (HTML page or terminal)"),
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


def _call_on_data(spec: str, argv: list[str]) -> int:
    """An evaluation or training command: a missing data set is one line (with the hint to set
    HINDI_EXTRACT_SHARED when it is the shared folder), not a traceback."""
    from .core.paths import SharedDataMissing
    try:
        return _call(spec, argv)
    except SharedDataMissing as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as e:
        print(f"error: {e.filename or e}: no such file or folder", file=sys.stderr)
        return EXIT_USAGE


def cmd_run(args) -> int:
    from .batch.document import PipelineFactory
    from .batch.inputs import BatchUsageError
    from .batch.options import RunOptions
    from .batch.run import Interrupted, run_batch
    from .batch.store import OutputBusy

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"error: {corpus} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    ner = NerOptions(args.ner, args.ner_backend, args.ner_quantize)
    dates = {"reference_date": args.date or "", "dates_file": str(Path(args.dates).resolve()) if args.dates else ""}
    factory = PipelineFactory.of({**ner.pipeline_config(), "amounts": dates})   # each worker builds its own
    formats = ("csv", "parquet") if args.parquet else ("csv",)
    try:
        options = RunOptions(formats=formats, quiet=args.quiet, workers=args.workers, force=args.force,
                             csv_escape=not args.no_csv_escape, engine=args.engine, scheduler=args.scheduler,
                             doc_timeout=args.doc_timeout or None, layout=args.layout)
        summary = run_batch(corpus, Path(args.out), options, factory=factory)
    except (BatchUsageError, OutputBusy) as e:     # an empty corpus too: nothing written
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except Interrupted as e:
        print(e, file=sys.stderr)
        return EXIT_INTERRUPTED
    if not args.quiet:
        print("\n".join(summary.lines()))
        if not summary.up_to_date:
            print(f"tables written to {args.out}/")
    return EXIT_DOC_ERRORS if summary.failed else EXIT_OK


def _add_dates(run) -> None:
    run.add_argument("--date", metavar="YYYY-MM-DD",
                     help="reference date of the documents that have no dateline or dated first line: "
                          "relative dates (yesterday, last year, Monday ...) are placed against it (docs/amounts.md)")
    run.add_argument("--dates", metavar="FILE",
                     help="CSV or TSV with the columns doc_id and date (YYYY-MM-DD): each document's own "
                          "reference date, used before --date")


def _add_run(sub) -> None:
    """The `run` command and its options."""
    from .batch.options import BATCH_ENGINES
    run = sub.add_parser("run", help="process a folder of Hindi text files into tables",
                         description="Process every file under CORPUS_DIR and write OUT_DIR/<table>.csv "
                                     "(UTF-8 with BOM). Reruns process only new or changed files; outputs "
                                     "are replaced all at once (see docs/batch.md). Exit code 0: all "
                                     "documents processed; 1: some documents ended in the errors table; "
                                     "2: usage error; 130: interrupted (Ctrl-C: rerun the same command to "
                                     "resume).")
    run.add_argument("corpus", metavar="CORPUS_DIR", help="folder of UTF-8 (or UTF-16 with BOM) text files")
    run.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for the tables")
    run.add_argument("--ner", default=NerOptions.ner, choices=NER_CHOICES,
                     help="NER engine fused with the gazetteers (default: hi-ner, our shipped model; "
                          "stanza-hi: stanza's own Hindi NER if downloaded; none: rules only)")
    run.add_argument("--ner-backend", default=NerOptions.backend, choices=BACKENDS,
                     help="how the hi-ner model is served: direct (default; no stanza Pipeline, same entities, "
                          "faster) or stanza (stanza's Pipeline, the reference)")
    run.add_argument("--ner-quantize", default=NerOptions.quantize, choices=QUANTIZE,
                     help="int8: dynamic int8 quantization of the NER model (direct backend; faster, "
                          "slightly lower F1, see docs/ner.md)")
    run.add_argument("--parquet", action="store_true", help="also write OUT_DIR/<table>.parquet")
    run.add_argument("--quiet", action="store_true", help="no progress line and no summary")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="worker processes, each loading the NER model once (default 1; use the number "
                          "of CPU cores); with --engine dask: workers of the local cluster")
    run.add_argument("--force", action="store_true",
                     help="reprocess every document (default: only new or changed ones, or all when a "
                          "pipeline/model/rules version changed)")
    run.add_argument("--no-csv-escape", action="store_true",
                     help="write text cells as they are; by default cells starting with = + - @ TAB CR ' "
                          "get a leading ' so spreadsheets do not run them as formulas "
                          "(pipeline.core.tables.read_table undoes it)")
    run.add_argument("--engine", choices=BATCH_ENGINES, default="local",
                     help="local processes (default) or a Dask cluster (also writes "
                          "OUT_DIR/parquet/<table>/part-*.parquet)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    run.add_argument("--layout", choices=["auto", "links", "plain"], default="auto",
                     help="links: OUT/<table>.csv are links into the current generation, replaced all at "
                          "once (default where the file system allows links); plain: regular files renamed "
                          "one by one, a run killed meanwhile is completed by the next (see docs/batch.md)")
    run.add_argument("--doc-timeout", type=float, default=300.0, metavar="SECONDS",
                     help="give up on a document after this long: an errors row, kind timeout, retried "
                          "when a later run allows more time (any engine; default 300; 0: no limit)")
    _add_dates(run)
    run.set_defaults(func=cmd_run)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="hindi-extract", description=DESCRIPTION,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    _add_run(sub)
    _add_delegated(sub)
    return ap


def _add_delegated(sub) -> None:
    """`evaluate WHAT ...` and the commands that parse their own options (DELEGATED)."""
    ev = sub.add_parser("evaluate", help="score a stage on the shared evaluation data")
    ev.add_argument("what", choices=sorted(EVALUATIONS))
    ev.add_argument("rest", nargs=argparse.REMAINDER, help="options of that evaluation (see --help after it)")
    ev.set_defaults(func=lambda a: _call_on_data(EVALUATIONS[a.what], a.rest))

    for name, (spec, help_) in DELEGATED.items():
        p = sub.add_parser(name, help=help_, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
        p.set_defaults(func=lambda a, spec=spec: _call(spec, a.rest))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from .batch.interrupt import noted_sigint, sigint_seen
    try:
        with noted_sigint():
            try:
                return _main(argv)
            except Exception:
                if sigint_seen():       # a Ctrl-C that an import turned into another error (numpy)
                    raise KeyboardInterrupt from None
                raise
    except KeyboardInterrupt:           # (an interrupted `run` says more, in cmd_run)
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:             # `hindi-extract ... | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _main(argv: list[str]) -> int:
    # delegated commands parse their own options (so `hindi-extract triples --help` is theirs)
    if argv and argv[0] in DELEGATED:
        spec = DELEGATED[argv[0]][0]
        return _call_on_data(spec, argv[1:]) if argv[0] == "train-ner" else _call(spec, argv[1:])
    if len(argv) > 1 and argv[0] == "evaluate" and argv[1] in EVALUATIONS:
        return _call_on_data(EVALUATIONS[argv[1]], argv[2:])
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "func", None):
        ap.print_help()
        return EXIT_USAGE
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
