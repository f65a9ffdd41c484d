"""The briefing page of `hindi-extract show`: one self-contained HTML file (inline CSS, no script, no
network, every piece of text HTML-escaped) with the document's highlighted text, a legend with counts and
the document's tables; and `highlighted`, which reads back what a page (or Chromium's DOM of it) marks."""
from __future__ import annotations

import base64
import html
import io

import pandas as pd

from .spans import GROUPS, Span, span_tree, spans_of

DEVANAGARI_FONTS = ('"Noto Sans Devanagari", "Nirmala UI", "Mangal", "Kohinoor Devanagari", '
                    '"Devanagari Sangam MN", "Lohit Devanagari", "Noto Sans", sans-serif')


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
RELATION_COLUMNS = ["relation_id", "subject", "subject_id", "predicate", "object", "object_id", "counterpart",
                    "period", "aspect", "modality", "polarity", "attributed_to", "qualifier", "text", "rule"]
TRIPLE_COLUMNS = ["triple_id", "head", "relation", "tail", "text"]


def render_html(text: str, rows: dict[str, pd.DataFrame], title: str = "", embed_font: bool = False) -> str:
    """The self-contained briefing page of one document (rows: that document's table rows)."""
    anchor, seen = _Anchors(), set()
    spans = spans_of(rows)
    body = _marks(text, span_tree(spans), 0, len(text), anchor, seen)     # numbers the anchors first
    tables = "".join([
        _table(rows["entities"], ENTITY_COLUMNS, anchor, "entity_id", "Entities · नाम"),
        _table(rows["amounts"], AMOUNT_COLUMNS, anchor, "amount_id", "Amounts · राशियाँ"),
        _table(rows["relations"], RELATION_COLUMNS, anchor, "", "Relations · संबंध"),
        _table(rows["triples"], TRIPLE_COLUMNS, anchor, "", "Triples · तथ्य"),
    ])
    return (f'<!DOCTYPE html>\n<html lang="hi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_esc(title)}</title><style>{_page_css(text, embed_font)}</style></head><body>"
            f"<header><h1>{_esc(title)}</h1>{_document_info(rows)}<ul class=\"legend\">{_legend(spans)}</ul></header>"
            f'<main><div class="doc" lang="hi">{body}</div>{tables}</main>'
            f"<footer>hindi-extract show · offsets index the original text</footer></body></html>\n")


def _page_css(text: str, embed_font: bool) -> str:
    """The page's style: CSS with the group colours, after the subset font when it is embedded."""
    colors = "\n".join(f".hl-{g} {{ background: {c}; }}" for g, (_n, c, _a) in GROUPS.items())
    css = CSS % dict(fonts=DEVANAGARI_FONTS, colors=colors)
    if embed_font:
        css = _font_face(text) + css
    return css


def _legend(spans: list[Span]) -> str:
    """The legend's items: every highlight group the page uses, with its number of spans."""
    counts: dict[str, int] = {}
    for s in spans:
        if s.span_id or s.group == "role":
            counts[s.group] = counts.get(s.group, 0) + 1
    return "".join(f'<li class="hl-{g}"><b>{_esc(g if g != "role" else "title")}</b>{_esc(name)} '
                   f"({counts.get(g, 0)})</li>" for g, (name, _c, _a) in GROUPS.items() if counts.get(g))


def _document_info(rows: dict[str, pd.DataFrame]) -> str:
    """The lines under the title: the document's id, size and row counts, its source URL and dateline."""
    meta = rows.get("documents", pd.DataFrame())
    info = ""
    if len(meta):
        m = meta.iloc[0]
        info = (f"<p>{_esc(m.get('doc_id'))} · {_esc(m.get('chars'))} characters · "
                f"{_esc(m.get('n_sentences'))} sentences · {len(rows['entities'])} entities · "
                f"{len(rows['amounts'])} amounts · {len(rows['relations'])} relations</p>")
        if isinstance(m.get("source_url"), str) and m.get("source_url"):
            info += f"<p>source: {_esc(m.get('source_url'))}</p>"
        if isinstance(m.get("dateline"), str) and m.get("dateline"):
            date = m.get("dateline_date")
            info += (f"<p>dateline: {_esc(m.get('dateline_place'))}"
                     + (f" · {_esc(date)}" if isinstance(date, str) and date else "") + "</p>")
    return info


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
