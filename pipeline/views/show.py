"""`hindi-extract show FILE`: the briefing as a reader sees it, with what was extracted marked.

    hindi-extract show corpus/FILE.txt                     -> corpus/.views/FILE.html (beside the input)
    hindi-extract show corpus/FILE.txt --out brief.html    -> a self-contained HTML page
    hindi-extract show corpus/FILE.txt --terminal          -> the same in colour on the terminal
    hindi-extract show corpus/FILE.txt --from outputs      -> take the rows from a run's tables
    python -m pipeline.views.show --screenshots docs/img         -> regenerate the docs' screenshots

The page: the document's text with entities (PER, LOC, ORG) and amounts (money, percent,
dates and years, other numbers) highlighted by type, as in displaCy's entity view, a legend with
counts, then the document's entities, amounts, relations and triples as tables (every id links
to its place in the text). One HTML file, inline CSS, no script, no network; every piece of text
is HTML-escaped. Spans that cross each other are split at the crossing, each part keeping the
span's id (`data-id`), so every row of the tables is highlighted.

This module is the command line (and `make_screenshots`); the rest lives beside it in pipeline/views/:
spans.py (highlight groups and spans), html.py (the page), terminal.py (the terminal view),
rows.py (a document's rows, from a run's tables or the pipeline), chromium.py (headless Chromium:
screenshots, the DOM) and charts.py (the notebook's charts).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

from ..entities.options import NER_CHOICES
from .chromium import screenshot
from .html import render_html
from ..text.read import InputError
from .rows import ShowError, load
from .terminal import render_terminal

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def make_screenshots(img_dir: Path, tables: Path, file: Path | None = None) -> list[Path]:
    """docs/img: every notebook chart (PNG) and the briefing view of `file` (default: the run's
    first document) as Chromium shows it."""
    from ..queries.outputs import load_outputs
    from . import charts

    img_dir.mkdir(parents=True, exist_ok=True)
    t = load_outputs(tables)
    made = [charts.save(fig, img_dir / f"{name}.png") for name, fig in charts.all_charts(t).items()]
    if file is None:
        docs = t["documents"]
        if docs.empty:
            raise ShowError(f"{tables} holds no document")
        row = docs.iloc[0]
        cands = [Path(str(row["path"])), Path("corpus") / str(row["doc_id"])]
        file = next((c for c in cands if c.is_file()), None)
        if file is None:
            raise ShowError(f"cannot find the file of {row['doc_id']} (tried {', '.join(map(str, cands))}); "
                            "name it: --screenshots DIR FILE")
    doc_id, text, rows = load(Path(file), tables, "none", t)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "briefing.html"
        # the font goes inside the page: the screenshot looks the same whatever fonts the machine has
        page.write_text(render_html(text, rows, title=doc_id, embed_font=True), encoding="utf-8")
        made.append(screenshot(page, img_dir / "briefing-view.png", 1200, 1500))
    return made


# --- command line --------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="hindi-extract show",
        description="Show one document with its entities and amounts highlighted: a self-contained HTML "
                    "page (default: .views/<name>.html beside the input, a hidden folder that runs over the "
                    "corpus skip) or, with --terminal, colours on the terminal.")
    ap.add_argument("file", nargs="?", metavar="FILE", help="a text file, e.g. corpus/briefing.txt")
    ap.add_argument("--out", metavar="FILE.html",
                    help="where to write the page (default: .views/<name>.html in the input's folder; never the "
                         "current folder)")
    ap.add_argument("--date", metavar="YYYY-MM-DD",
                    help="reference date for relative dates when the text has no dateline (as for `run`)")
    ap.add_argument("--terminal", action="store_true", help="print a coloured view instead of writing HTML")
    ap.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                    help="terminal colours (auto: when stdout is a terminal and NO_COLOR is unset)")
    ap.add_argument("--from", dest="tables", metavar="OUT_DIR",
                    help="take the rows from the tables of a run (hindi-extract run ... --out OUT_DIR) "
                         "instead of running the pipeline on FILE")
    ap.add_argument("--ner", default="hi-ner", choices=NER_CHOICES,
                    help="NER engine when the pipeline runs (as for `hindi-extract run`)")
    ap.add_argument("--embed-font", action="store_true",
                    help="embed Noto Sans Devanagari (subset) in the page, for machines with no Devanagari "
                         "font (adds a few hundred kB)")
    ap.add_argument("--screenshots", metavar="IMG_DIR",
                    help="regenerate the documentation screenshots into IMG_DIR: the notebook's charts and "
                         "the briefing view of FILE (default: the first document), from --from OUT_DIR "
                         "(default: outputs)")
    return ap


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.screenshots:
            made = make_screenshots(Path(args.screenshots), Path(args.tables or "outputs"),
                                    Path(args.file) if args.file else None)
            print("\n".join(str(p) for p in made))
            return EXIT_OK
        if not args.file:
            print("error: FILE is required (or --screenshots IMG_DIR)", file=sys.stderr)
            return EXIT_USAGE
        path = Path(args.file)
        if not path.is_file():
            print(f"error: {path} is not a file", file=sys.stderr)
            return EXIT_USAGE
        doc_id, text, rows = load(path, Path(args.tables) if args.tables else None, args.ner, date=args.date or "")
    except (ShowError, InputError, OSError, ValueError) as e:   # the message names the file (and position)
        print(f"error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001 - a bug: still one line, saying it is one
        print(f"error: internal error ({type(e).__name__}): {e}", file=sys.stderr)
        return EXIT_ERROR
    if args.terminal:
        _print_terminal(text, rows, args.color)
    else:
        _write_page(Path(args.out) if args.out else default_page(path), text, rows, doc_id, args.embed_font)
    return EXIT_OK


VIEWS_DIR = ".views"


def default_page(path: Path) -> Path:
    """<input folder>/.views/<name>.html: beside the input, in a hidden folder that `run` skips (a page
    in the corpus itself would be read as an input) and .gitignore lists; the system's temporary
    folder when the input's folder is not writable."""
    folder = path.parent / VIEWS_DIR
    try:
        folder.mkdir(exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder / f"{path.stem}.html"
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / "hindi-extract-views" / f"{path.stem}.html"


def _print_terminal(text: str, rows: dict[str, pd.DataFrame], color_mode: str) -> None:
    """The terminal view on stdout (color_mode: --color's auto / always / never)."""
    color = color_mode == "always" or (color_mode == "auto" and sys.stdout.isatty()
                                       and not os.environ.get("NO_COLOR"))
    out = render_terminal(text, rows, color=color)
    try:
        sys.stdout.write(out)
    except UnicodeEncodeError:
        sys.stdout.buffer.write(out.encode("utf-8"))


def _write_page(out: Path, text: str, rows: dict[str, pd.DataFrame], doc_id: str, embed_font: bool) -> None:
    page = render_html(text, rows, title=doc_id, embed_font=embed_font)
    from ..core.tables import atomic_write
    atomic_write(out, lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))
    print(f"wrote {out} ({len(rows['entities'])} entities, {len(rows['amounts'])} amounts highlighted)")


if __name__ == "__main__":
    sys.exit(run())
