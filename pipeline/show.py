"""`hindi-extract show FILE`: the briefing as a reader sees it, with what was extracted marked.

    hindi-extract show corpus/FILE.txt                     -> FILE.html (in the current folder)
    hindi-extract show corpus/FILE.txt --out brief.html    -> a self-contained HTML page
    hindi-extract show corpus/FILE.txt --terminal          -> the same in colour on the terminal
    hindi-extract show corpus/FILE.txt --from outputs      -> take the rows from a run's tables
    python -m pipeline.show --screenshots docs/img         -> regenerate the docs' screenshots

The page: the document's text with entities (PER, LOC, ORG) and amounts (money, percent,
dates and years, other numbers) highlighted by type, as in displaCy's entity view, a legend with
counts, then the document's entities, amounts, relations and triples as tables (every id links
to its place in the text). One HTML file, inline CSS, no script, no network; every piece of text
is HTML-escaped. Spans that cross each other are split at the crossing, each part keeping the
span's id (`data-id`), so every row of the tables is highlighted.
"""
from __future__ import annotations

import argparse
import base64
import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .tables import TABLES, read_table

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# highlight groups: key -> (legend text, background colour, ANSI 256-colour background)
GROUPS: dict[str, tuple[str, str, int]] = {
    "PER": ("person · व्यक्ति", "#ffb199", 216),
    "LOC": ("place · स्थान", "#9fd3f0", 117),
    "ORG": ("organisation · संगठन", "#b8e0a0", 150),
    "money": ("money · धनराशि", "#ffd966", 221),
    "percent": ("percent · प्रतिशत", "#d9b8f0", 183),
    "time": ("date / year · तिथि / वर्ष", "#b3e5dc", 152),
    "number": ("number · संख्या", "#dedede", 252),
    "role": ("title of a person · पद", "#fff2cc", 230),
}
TIME_KINDS = {"year", "fiscal_year", "date", "date_range", "time", "duration", "relative_time"}
DEVANAGARI_FONTS = ('"Noto Sans Devanagari", "Nirmala UI", "Mangal", "Kohinoor Devanagari", '
                    '"Devanagari Sangam MN", "Lohit Devanagari", "Noto Sans", sans-serif')


def amount_group(kind: str) -> str:
    if kind in ("money", "percent"):
        return kind
    if kind == "basis_points":
        return "percent"
    return "time" if kind in TIME_KINDS else "number"


@dataclass
class Span:
    start: int
    end: int
    group: str                  # a GROUPS key
    span_id: str                # the table's id (entity_id / amount_id), '' for role titles
    label: str                  # shown after the span (PER, LOC, money ...)
    title: str                  # tooltip
    rank: int                   # lower wins when two spans cover the same characters
    parts: int = 1
    children: list = field(default_factory=list)


def spans_of(rows: dict[str, pd.DataFrame]) -> list[Span]:
    """Entities (and their role titles) and amounts of one document as highlight spans."""
    out: list[Span] = []
    e = rows["entities"]
    for r in e.itertuples(index=False):
        extra = " · ".join(str(x) for x in (r.subtype, r.canonical) if isinstance(x, str) and x)
        title = f"{r.label}{' · ' + extra if extra else ''} ({r.source}, {r.score})"
        out.append(Span(int(r.start), int(r.end), r.label if r.label in GROUPS else "number", r.entity_id,
                        r.label, title, 0))
        if isinstance(r.role, str) and r.role and pd.notna(r.role_start):
            out.append(Span(int(r.role_start), int(r.role_end), "role", "", "title",
                            f"title of {r.text}", 3))
    for r in rows["amounts"].itertuples(index=False):
        g = amount_group(str(r.kind))
        val = r.normalized_value if isinstance(r.normalized_value, str) and r.normalized_value else r.value
        bits = [str(r.kind), f"{val} {r.currency if isinstance(r.currency, str) else ''}".strip()
                if isinstance(val, str) and val else "", r.qualifier if isinstance(r.qualifier, str) else ""]
        out.append(Span(int(r.start), int(r.end), g, r.amount_id, str(r.kind),
                        " · ".join(b for b in bits if b), 1))
    return [s for s in out if s.end > s.start]


def _uncross(spans: list[Span]) -> list[Span]:
    """Split spans so that any two are nested or disjoint; a split span's parts share its id.
    Higher-priority spans (entities) are placed first and stay whole against lower ones."""
    placed: list[Span] = []
    todo = sorted(spans, key=lambda s: (s.rank, s.start, -s.end))
    while todo:
        s = todo.pop(0)
        cut = next((b for p in placed for b in (p.start, p.end)
                    if s.start < b < s.end and not (p.start <= s.start and s.end <= p.end)
                    and not (s.start <= p.start and p.end <= s.end)), None)
        if cut is None:
            placed.append(s)
            continue
        a = Span(s.start, cut, s.group, s.span_id, s.label, s.title, s.rank, s.parts + 1)
        b = Span(cut, s.end, s.group, s.span_id, s.label, s.title, s.rank, s.parts + 1)
        todo[:0] = [a, b]
    return placed


def _tree(spans: list[Span]) -> list[Span]:
    roots: list[Span] = []
    stack: list[Span] = []
    for s in sorted(_uncross(spans), key=lambda s: (s.start, -s.end, s.rank)):
        while stack and not (stack[-1].start <= s.start and s.end <= stack[-1].end):
            stack.pop()
        (stack[-1].children if stack else roots).append(s)
        stack.append(s)
    return roots


# --- HTML ----------------------------------------------------------------------------------------
def _esc(v) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return html.escape(str(v), quote=True)


class _Anchors:
    """Table ids -> HTML ids (x0, x1 ...): safe whatever characters a doc_id holds."""

    def __init__(self):
        self.ids: dict[str, str] = {}

    def __call__(self, span_id: str) -> str:
        return self.ids.setdefault(span_id, f"x{len(self.ids)}")


def _marks(text: str, spans: list[Span], start: int, end: int, anchor: _Anchors, seen: set) -> str:
    out, pos = [], start
    for s in spans:
        out.append(_esc(text[pos:s.start]))
        attrs = f' class="hl hl-{_esc(s.group)}" data-label="{_esc(s.label)}" title="{_esc(s.title)}"'
        if s.span_id:
            attrs += f' data-id="{_esc(s.span_id)}"'
            if s.span_id not in seen:
                seen.add(s.span_id)
                attrs += f' id="{anchor(s.span_id)}"'
        if s.parts > 1:
            attrs += ' data-part="1"'
        out.append(f"<mark{attrs}>{_marks(text, s.children, s.start, s.end, anchor, seen)}</mark>")
        pos = s.end
    out.append(_esc(text[pos:end]))
    return "".join(out)


def _table(df: pd.DataFrame, columns: list[str], anchor: _Anchors, link: str = "", caption: str = "") -> str:
    cols = [c for c in columns if c in df.columns]
    head = "".join(f"<th>{_esc(c)}</th>" for c in cols)
    body = []
    for _, r in df.iterrows():
        cells = []
        for c in cols:
            v = _esc(r[c])
            if c == link and v:
                v = f'<a href="#{anchor(str(r[c]))}">{v}</a>'
            elif c in ("subject_id", "object_id") and v:
                v = " | ".join(f'<a href="#{anchor(p)}">{_esc(p)}</a>' for p in str(r[c]).split("|"))
            cells.append(f"<td>{v}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body = [f'<tr><td colspan="{len(cols)}" class="none">none</td></tr>']
    return (f'<section><h2>{_esc(caption)} <small>{len(df)}</small></h2><div class="scroll"><table>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></section>")


def _font_face(text: str) -> str:
    """@font-face with Noto Sans Devanagari subset to the page's characters (fontTools), or ''."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        from .charts import font_path
        path = font_path()
        if path is None:
            return ""
        opts = subset.Options()
        opts.layout_features, opts.hinting, opts.notdef_outline = ["*"], False, True
        font = TTFont(str(path))
        sub = subset.Subsetter(opts)
        sub.populate(text=text)
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
    except Exception:  # noqa: BLE001 - embedding is a nicety; the system fonts remain
        return ""
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return ('@font-face { font-family: "Noto Sans Devanagari"; '
            f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}\n')


CSS = """
body { font-family: %(fonts)s; margin: 0; color: #222; background: #fafafa; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header h1 { font-size: 1.3em; margin: 18px 0 4px; }
header p { margin: 2px 0; color: #555; font-size: .9em; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; padding: 0; list-style: none; }
.legend li { font-size: .85em; padding: 3px 8px; border-radius: 4px; }
.legend b { font-weight: 600; margin-right: 4px; }
.doc { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 18px 22px;
       line-height: 2.5; font-size: 1.12em; white-space: pre-wrap; }
mark.hl { white-space: nowrap; padding: .2em .35em; margin: 0 .1em; border-radius: .35em; line-height: 1;
          box-decoration-break: clone; -webkit-box-decoration-break: clone; color: inherit; }
mark.hl::after { content: attr(data-label); font-size: .6em; font-weight: 700; margin-left: .4em;
                 vertical-align: middle; text-transform: uppercase; color: #444;
                 font-family: system-ui, sans-serif; }
mark.hl[data-part]::after { content: attr(data-label) "…"; }
mark.hl mark.hl { padding: .05em .2em; }
mark.hl-role { background: none; border-bottom: 2px dotted #b58900; border-radius: 0; padding: 0; }
mark.hl-role::after { content: none; }
%(colors)s
section h2 { font-size: 1.05em; margin: 22px 0 6px; }
section h2 small { color: #777; font-weight: normal; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85em; background: #fff; width: 100%%; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: middle; line-height: 1.6; }
th { background: #f0f0f0; font-weight: 600; }
td.none { color: #888; font-style: italic; }
:target { outline: 3px solid #d33; }
footer { max-width: 1100px; margin: 24px auto; padding: 0 24px; color: #888; font-size: .8em; }
"""

ENTITY_COLUMNS = ["entity_id", "text", "label", "subtype", "canonical", "source", "score", "role"]
AMOUNT_COLUMNS = ["amount_id", "text", "kind", "value", "normalized_value", "currency", "unit", "scale",
                  "qualifier"]
RELATION_COLUMNS = ["relation_id", "subject", "subject_id", "predicate", "object", "object_id", "period",
                    "qualifier", "text", "rule"]
TRIPLE_COLUMNS = ["triple_id", "head", "relation", "tail", "text"]


def render_html(text: str, rows: dict[str, pd.DataFrame], title: str = "", embed_font: bool = False) -> str:
    """The self-contained briefing page of one document (rows: that document's table rows)."""
    anchor, seen = _Anchors(), set()
    spans = spans_of(rows)
    body = _marks(text, _tree(spans), 0, len(text), anchor, seen)
    counts: dict[str, int] = {}
    for s in spans:
        if s.span_id or s.group == "role":
            counts[s.group] = counts.get(s.group, 0) + 1
    legend = "".join(f'<li class="hl-{g}"><b>{_esc(g if g != "role" else "title")}</b>{_esc(name)} '
                     f"({counts.get(g, 0)})</li>" for g, (name, _c, _a) in GROUPS.items() if counts.get(g))
    colors = "\n".join(f".hl-{g} {{ background: {c}; }}" for g, (_n, c, _a) in GROUPS.items())
    css = CSS % dict(fonts=DEVANAGARI_FONTS, colors=colors)
    if embed_font:
        css = _font_face(text) + css
    meta = rows.get("documents", pd.DataFrame())
    info = ""
    if len(meta):
        m = meta.iloc[0]
        info = (f"<p>{_esc(m.get('doc_id'))} · {_esc(m.get('chars'))} characters · "
                f"{_esc(m.get('n_sentences'))} sentences · {len(rows['entities'])} entities · "
                f"{len(rows['amounts'])} amounts · {len(rows['relations'])} relations</p>")
        if isinstance(m.get("source_url"), str) and m.get("source_url"):
            info += f"<p>source: {_esc(m.get('source_url'))}</p>"
    tables = "".join([
        _table(rows["entities"], ENTITY_COLUMNS, anchor, "entity_id", "Entities · नाम"),
        _table(rows["amounts"], AMOUNT_COLUMNS, anchor, "amount_id", "Amounts · राशियाँ"),
        _table(rows["relations"], RELATION_COLUMNS, anchor, "", "Relations · संबंध"),
        _table(rows["triples"], TRIPLE_COLUMNS, anchor, "", "Triples · तथ्य"),
    ])
    return (f'<!DOCTYPE html>\n<html lang="hi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_esc(title)}</title><style>{css}</style></head><body>"
            f"<header><h1>{_esc(title)}</h1>{info}<ul class=\"legend\">{legend}</ul></header>"
            f'<main><div class="doc" lang="hi">{body}</div>{tables}</main>'
            f"<footer>hindi-extract show · offsets index the original text</footer></body></html>\n")


# --- terminal ------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(s: str) -> str:
    """No escape sequences or bidi overrides from the document reach the terminal."""
    return _CONTROL.sub("\ufffd", s)


def render_terminal(text: str, rows: dict[str, pd.DataFrame], color: bool = True) -> str:
    """The document with highlighted spans (ANSI colours) and the tables as plain lines."""
    def paint(s: str, group: str) -> str:
        return f"\x1b[48;5;{GROUPS[group][2]}m\x1b[38;5;16m{s}\x1b[0m" if color else f"[{s}]"

    def tag(label: str) -> str:
        return f"\x1b[2m{label}\x1b[0m" if color else label

    def walk(spans: list[Span], start: int, end: int) -> str:
        out, pos = [], start
        for s in spans:
            out.append(_safe(text[pos:s.start]))
            inner = _safe(text[s.start:s.end])            # nested spans: the outer one shows
            out.append(paint(inner, s.group) + ("" if s.group == "role" else tag(s.label)))
            pos = s.end
        out.append(_safe(text[pos:end]))
        return "".join(out)

    spans = [s for s in spans_of(rows) if s.group != "role" or color]
    legend = "  ".join(paint(f" {g} ", g) + f" {name.split(' · ')[0]}" for g, (name, _c, _a) in GROUPS.items()
                       if g != "role")
    lines = [legend, "", walk(_tree(spans), 0, len(text)), ""]
    e, a, r = rows["entities"], rows["amounts"], rows["relations"]
    lines.append(f"== entities ({len(e)})")
    for x in e.itertuples(index=False):
        canon = x.canonical if isinstance(x.canonical, str) else ""
        lines.append(f"  {x.label:4} {canon:22} {_safe(str(x.text))}")
    lines.append(f"== amounts ({len(a)})")
    for x in a.itertuples(index=False):
        val = x.normalized_value if isinstance(x.normalized_value, str) else (x.value if isinstance(x.value, str)
                                                                             else "")
        cur = x.currency if isinstance(x.currency, str) else ""
        lines.append(f"  {x.kind:12} {(val + ' ' + cur).strip():24} {_safe(str(x.text))}")
    lines.append(f"== relations ({len(r)})")
    for x in r.itertuples(index=False):
        period = f"  [{x.period}]" if isinstance(x.period, str) and x.period else ""
        lines.append(f"  {x.predicate:16} {_safe(str(x.subject))} → {_safe(str(x.object))}{_safe(period)}")
    return "\n".join(lines) + "\n"


# --- where the rows come from --------------------------------------------------------------------
class ShowError(Exception):
    pass


def rows_from_tables(out_dir: Path, path: Path, loaded: dict[str, pd.DataFrame] | None = None
                     ) -> tuple[str, dict[str, pd.DataFrame]]:
    """(doc_id, that document's rows) from a run's tables (`loaded`: the tables already read);
    the document is matched by its path, else by its doc_id at the end of the path."""
    loaded = loaded if loaded is not None else {t: read_table(out_dir, t) for t in TABLES}
    docs = loaded["documents"]
    want = path.resolve()
    doc_id = None
    for d, p in zip(docs["doc_id"], docs["path"]):
        if isinstance(p, str) and p and Path(p).resolve() == want:
            doc_id = d
            break
    if doc_id is None:
        posix = path.as_posix()
        hits = [d for d in docs["doc_id"] if posix == d or posix.endswith("/" + d)]
        if len(hits) != 1:
            raise ShowError(f"{path} is not among the {len(docs)} documents of {out_dir}/documents.csv")
        doc_id = hits[0]
    rows = {}
    for t in TABLES:
        df = loaded[t]
        rows[t] = df[df["doc_id"] == doc_id].reset_index(drop=True)
    return doc_id, rows


def rows_from_pipeline(path: Path, ner: str) -> tuple[str, dict[str, pd.DataFrame], str]:
    from .read import read_document
    from .runner import Pipeline
    from .tables import document_rows, frame

    doc = read_document(path, path.parent)
    Pipeline({"entities": {"ner": ner}}).process(doc)
    rows = document_rows(doc)
    return doc.doc_id, {t: frame(t, rows[t]) for t in TABLES}, doc.text


def load(path: Path, tables: Path | None, ner: str, loaded: dict[str, pd.DataFrame] | None = None
         ) -> tuple[str, str, dict[str, pd.DataFrame]]:
    """(doc_id, original text, rows) of one document: from the tables of a run (`tables`, or the
    tables already read: `loaded`), else by running the pipeline on it."""
    import hashlib

    from .read import read_document

    if tables is None:
        doc_id, rows, text = rows_from_pipeline(path, ner)
        return doc_id, text, rows
    doc_id, rows = rows_from_tables(tables, path, loaded)
    doc = read_document(path, path.parent)
    sha = rows["documents"]["sha256"].iloc[0] if len(rows["documents"]) else ""
    if isinstance(sha, str) and sha and sha != hashlib.sha256(path.read_bytes()).hexdigest():
        raise ShowError(f"{path} changed since the run that wrote {tables}: its offsets no longer apply; "
                        "run again, or show it without --from")
    for t in ("entities", "amounts"):
        bad = [i for i, s, e, x in zip(rows[t].iloc[:, 1], rows[t]["start"], rows[t]["end"], rows[t]["text"])
               if doc.text[int(s):int(e)] != x]
        if bad:
            raise ShowError(f"{len(bad)} {t} rows of {tables} do not match the text of {path} (first: {bad[0]})")
    return doc_id, doc.text, rows


def highlighted(page: str) -> dict[str, dict]:
    """What a page highlights: data-id -> {'text': the span's text (its parts joined), 'label',
    'group'}. Reads our HTML or Chromium's dumped DOM (for the tests and for checking a page)."""
    from html.parser import HTMLParser

    found: dict[str, dict] = {}

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack: list[str | None] = []
            self.in_doc = 0

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "mark":
                sid = a.get("data-id")
                if sid is not None:
                    cls = (a.get("class") or "").split()
                    group = next((c[3:] for c in cls if c.startswith("hl-")), "")
                    found.setdefault(sid, dict(text="", label=a.get("data-label", ""), group=group))
                self.stack.append(sid)

        def handle_endtag(self, tag):
            if tag == "mark" and self.stack:
                self.stack.pop()

        def handle_data(self, data):
            for sid in set(x for x in self.stack if x):
                found[sid]["text"] += data

    Parser().feed(page)
    return found


# --- Chromium (tests and screenshots) ------------------------------------------------------------
def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile and nothing that reaches the network."""
    exe = find_chromium()
    if exe is None:
        raise ShowError("chromium not found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="hx-chromium-") as profile:
        flags = ["--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={profile}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")
        return subprocess.run([exe, *flags, *args], capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


def screenshot(html_path: Path, png: Path, width: int = 1200, height: int = 1500) -> Path:
    res = chromium([f"--screenshot={png}", f"--window-size={width},{height}",
                    "--run-all-compositor-stages-before-draw", Path(html_path).resolve().as_uri()])
    if not Path(png).exists():
        raise ShowError(f"chromium made no screenshot: {res.stderr[-800:]}")
    return Path(png)


def dump_dom(html_path: Path) -> str:
    res = chromium(["--dump-dom", Path(html_path).resolve().as_uri()])
    if res.returncode != 0 or "<html" not in res.stdout:
        raise ShowError(f"chromium --dump-dom failed ({res.returncode}): {res.stderr[-800:]}")
    return res.stdout


def make_screenshots(img_dir: Path, tables: Path, file: Path | None = None) -> list[Path]:
    """docs/img: every notebook chart (PNG) and the briefing view of `file` (default: the run's
    first document) as Chromium shows it."""
    from . import analysis, charts

    img_dir.mkdir(parents=True, exist_ok=True)
    t = analysis.load_outputs(tables)
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
                    "page (default: ./<name>.html) or, with --terminal, colours on the terminal.")
    ap.add_argument("file", nargs="?", metavar="FILE", help="a text file, e.g. corpus/briefing.txt")
    ap.add_argument("--out", metavar="FILE.html", help="where to write the page (default: ./<name>.html)")
    ap.add_argument("--terminal", action="store_true", help="print a coloured view instead of writing HTML")
    ap.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                    help="terminal colours (auto: when stdout is a terminal and NO_COLOR is unset)")
    ap.add_argument("--from", dest="tables", metavar="OUT_DIR",
                    help="take the rows from the tables of a run (hindi-extract run ... --out OUT_DIR) "
                         "instead of running the pipeline on FILE")
    ap.add_argument("--ner", default="hi-ner", choices=["hi-ner", "stanza-hi", "none"],
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
        doc_id, text, rows = load(path, Path(args.tables) if args.tables else None, args.ner)
    except ShowError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001 - read errors, a missing stage...: one readable line
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_ERROR
    if args.terminal:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                           and not os.environ.get("NO_COLOR"))
        out = render_terminal(text, rows, color=color)
        try:
            sys.stdout.write(out)
        except UnicodeEncodeError:
            sys.stdout.buffer.write(out.encode("utf-8"))
        return EXIT_OK
    out = Path(args.out) if args.out else Path(f"{path.stem}.html")
    page = render_html(text, rows, title=doc_id, embed_font=args.embed_font)
    from .tables import atomic_write
    atomic_write(out, lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))
    print(f"wrote {out} ({len(rows['entities'])} entities, {len(rows['amounts'])} amounts highlighted)")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(run())
