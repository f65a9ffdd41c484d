"""The analyst charts, with Hindi that renders: the ONE place that configures a Devanagari font.

`configure()` registers Noto Sans Devanagari with matplotlib and puts it first in the font list
(DejaVu Sans after it for any glyph it lacks). The font comes from the PyPI package
`fontpkg-noto-sans-devanagari` (OFL), else from the system (Debian `fonts-noto-core`).
Matplotlib >= 3.11 lays text out with libraqm (HarfBuzz), so conjuncts (क्ष, त्र), reordered
i-matras (कि) and reph (र्व) are shaped, not drawn letter by letter.

Every chart function takes the DataFrame of the matching `pipeline.queries` function and
returns a `matplotlib.figure.Figure` (not attached to pyplot: the notebook displays it by value,
a script saves it with `save`).
"""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .placement import along, around, fit_titles, marker_boxes, place, renderer

FONT_FAMILY = "Noto Sans Devanagari"
FALLBACK = "DejaVu Sans"      # ships with matplotlib: Latin, digits, symbols
COLORS = {"PER": "#e4572e", "LOC": "#2e86ab", "ORG": "#76b041",
          "meets": "#e4572e", "country-country": "#2e86ab"}
_configured: str | None = None
NODE_SIZE = 260                # points², the meets graph's node markers


def font_path() -> Path | None:
    """The Devanagari font file to use: the PyPI package's, else a system Noto Sans Devanagari."""
    try:
        import fontpkg_noto_sans_devanagari as pkg
        found = sorted((Path(pkg.ROOT) / "files").glob("*.ttf"))
        if found:
            return found[0]
    except ImportError:
        pass
    for f in sorted(font_manager.findSystemFonts()):
        name = Path(f).name.lower()
        if name.startswith("notosansdevanagari") and "bold" not in name and "ui" not in name:
            return Path(f)
    return None


def configure() -> str:
    """Register the Devanagari font and make it matplotlib's default; returns the font file.

    Idempotent. Raises RuntimeError (with the install command) when no Devanagari font exists,
    rather than drawing boxes."""
    global _configured
    if _configured:
        return _configured
    path = font_path()
    if path is None:
        raise RuntimeError("no Devanagari font for the charts: `pip install fontpkg-noto-sans-devanagari` "
                           "(or `apt-get install fonts-noto-core`)")
    fm = font_manager.fontManager
    fm.addfont(str(path))
    # the family name alone is ambiguous when a second copy is installed (Debian's has no Latin
    # letters): keep only the file chosen here under that name
    fm.ttflist = [f for f in fm.ttflist if f.name != FONT_FAMILY or Path(f.fname) == path]
    fm._findfont_cached.cache_clear()
    # a list of families, not the generic 'sans-serif': matplotlib falls back glyph by glyph
    # only along an explicit list
    matplotlib.rcParams["font.family"] = [FONT_FAMILY, FALLBACK]
    matplotlib.rcParams["font.sans-serif"] = [FONT_FAMILY, FALLBACK]
    matplotlib.rcParams["axes.unicode_minus"] = False
    if "text.language" in matplotlib.rcParams:
        matplotlib.rcParams["text.language"] = "hi"
    _configured = str(path)
    return _configured


def _figure(w: float, h: float) -> Figure:
    configure()
    return Figure(figsize=(w, h), dpi=100, layout="constrained")


def _human(v: float) -> str:
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " mn"), (1e3, " k")):
        if abs(v) >= div:
            return f"{v / div:,.3g}{suffix}"
    return f"{v:,.3g}"


def _empty(fig: Figure, title: str, note: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, note, ha="center", va="center", transform=ax.transAxes)
    return fig


def top_entities_chart(top) -> Figure:
    """Horizontal bars per label (PER, LOC, ORG): mentions of each name, Hindi form on the axis."""
    labels = [lab for lab in ("PER", "LOC", "ORG") if lab in set(top["label"])] or sorted(set(top["label"]))
    n = max((int((top["label"] == lab).sum()) for lab in labels), default=1)
    fig = _figure(4.2 * max(len(labels), 1), 0.45 * n + 1.4)
    if not labels:
        return _finished(_empty(fig, "सबसे ज़्यादा उल्लिखित नाम (top entities)", "no entities"))
    fig.suptitle("सबसे ज़्यादा उल्लिखित नाम — top entities by type")
    for i, lab in enumerate(labels):
        ax = fig.add_subplot(1, len(labels), i + 1)
        d = top[top["label"] == lab].iloc[::-1]
        names = [h if h == nm else f"{h}\n({nm})" if len(h) + len(nm) > 24 else f"{h} ({nm})"
                 for h, nm in zip(d["hindi"], d["name"])]   # long names on two lines: the bars keep their room
        ax.barh(names, d["mentions"], color=COLORS.get(lab, "#888888"))
        ax.set_title(lab)
        ax.set_xlabel("mentions")
        ax.xaxis.get_major_locator().set_params(integer=True)
    return _finished(fig)


def money_chart(money, top: int = 15) -> Figure:
    """One panel per currency: each money amount in plain units of that currency, sorted
    (the `top` largest of each currency)."""
    money = money.sort_values("value_float", ascending=False).groupby("currency", sort=True).head(top)
    currencies = sorted(dict.fromkeys(money["currency"]))
    fig = _figure(4.6 * max(len(currencies), 1), 0.42 * max(money["currency"].value_counts().max()
                                                              if len(money) else 1, 2) + 1.6)
    if not currencies:
        return _finished(_empty(fig, "धनराशि (money)", "no money amounts"))
    fig.suptitle("धनराशि, हर मुद्रा की अपनी इकाई में — money per currency, in plain units")
    for i, cur in enumerate(currencies):
        ax = fig.add_subplot(1, len(currencies), i + 1)
        d = money[money["currency"] == cur].sort_values("value_float")
        bars = ax.barh(list(d["text"]), d["value_float"], color="#f0a202")
        ax.bar_label(bars, labels=[_human(v) for v in d["value_float"]], padding=3, fontsize=8)
        ax.set_title(cur)
        ax.set_xlabel(f"{cur} (units)")
        ax.xaxis.set_major_formatter(lambda v, _pos: _human(v))
        ax.set_xlim(0, float(d["value_float"].max()) * 1.3 or 1)
    return _finished(fig)


def periods_chart(by_period) -> Figure:
    """Money per period (fiscal year / year), one bar per metric, one panel per currency."""
    currencies = list(dict.fromkeys(by_period["currency"]))
    fig = _figure(5.0 * max(len(currencies), 1), 3.8)
    if not currencies:
        return _finished(_empty(fig, "अवधि के अनुसार राशियाँ (amounts by period)", "no amounts with a period"))
    fig.suptitle("वित्त वर्ष के अनुसार राशियाँ — amounts by fiscal year")
    metrics = sorted(set(by_period["metric"]))
    cmap = matplotlib.colormaps["tab10"]
    for i, cur in enumerate(currencies):
        ax = fig.add_subplot(1, len(currencies), i + 1)
        d = by_period[by_period["currency"] == cur]
        table = d.pivot_table(index="period", columns="metric", values="value_float", aggfunc="sum").sort_index()
        width = min(0.8 / max(len(table.columns), 1), 0.22)
        for j, m in enumerate(table.columns):
            xs = [k + (j - (len(table.columns) - 1) / 2) * width for k in range(len(table.index))]
            vals = table[m].fillna(0)
            bars = ax.bar(xs, vals, width, label=m, color=cmap(metrics.index(m) % 10))
            ax.bar_label(bars, labels=[_human(v) if v else "" for v in vals], padding=2, fontsize=7)
        ax.set_xticks(range(len(table.index)), list(table.index))
        ax.set_xlim(-0.6, len(table.index) - 0.4)
        ax.set_ylim(0, float(table.max().max()) * 1.15 or 1)
        ax.set_title(cur)
        ax.set_ylabel(f"{cur} (units)")
        ax.yaxis.set_major_formatter(lambda v, _pos: _human(v))
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return _finished(fig)


def _layout(nodes: list[str], pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, ordered so that linked nodes sit side by side: connected groups one
    after another (largest first), each in breadth-first order from its best-linked node.
    Deterministic, so regenerated screenshots only change when the data does."""
    nbrs: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in pairs:
        if a != b:
            nbrs[a].add(b)
            nbrs[b].add(a)
    seen: set[str] = set()
    groups: list[list[str]] = []
    for n in sorted(nodes, key=lambda n: (-len(nbrs[n]), n)):
        if n in seen:
            continue
        order, queue = [], [n]
        seen.add(n)
        while queue:
            cur = queue.pop(0)
            order.append(cur)
            for m in sorted(nbrs[cur] - seen, key=lambda m: (-len(nbrs[m]), m)):
                seen.add(m)
                queue.append(m)
        groups.append(order)
    ordered = [n for g in sorted(groups, key=len, reverse=True) for n in g]
    k = len(ordered)
    return {n: (math.cos(2 * math.pi * i / k + math.pi / 2), math.sin(2 * math.pi * i / k + math.pi / 2))
            for i, n in enumerate(ordered)}


def _edge_path(p1, p2, nth: int, others, steps: int = 24) -> list[tuple[float, float]]:
    """The n-th edge between two nodes: straight for the first, then curves bulging further out,
    each on the side where its apex keeps furthest from the other nodes."""
    (x1, y1), (x2, y2) = p1, p2
    if nth == 0:
        return [p1, p2]
    best = None
    for sign in (1, -1):
        bend = 0.18 * ((nth + 1) // 2 if nth > 1 else 1) * sign
        ax_, ay_ = (x1 + x2) / 2 - bend * (y2 - y1), (y1 + y2) / 2 + bend * (x2 - x1)   # the apex
        room = min((math.dist((ax_, ay_), o) for o in others), default=math.inf)
        if best is None or room > best[0]:
            best = (room, ax_, ay_)
    _, ax_, ay_ = best
    cx, cy = 2 * ax_ - (x1 + x2) / 2, 2 * ay_ - (y1 + y2) / 2      # control point of a quadratic Bezier
    return [((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2, (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2)
            for t in (i / steps for i in range(steps + 1))]


def meets_graph_chart(edges, top: int = 40) -> Figure:
    """Who meets / visits whom (red) and country-country relations (blue); width = count;
    node colour = entity type (PER, LOC, ORG; grey: a title or phrase that is no entity).
    The `top` edges with the most rows behind them. Labels are placed where they cover no node
    and no other label (placement.py)."""
    edges = edges.sort_values("count", ascending=False, kind="stable").head(top)
    fig = _figure(8.0, 7.0)
    if edges.empty:
        return _finished(_empty(fig, "कौन किससे मिला (who meets whom)", "no relations between two entities"))
    ax = fig.add_subplot()
    ax.set_title("कौन किससे मिला, देशों के संबंध — who meets whom, country-country relations")
    hindi = dict(zip(edges["source"], edges.get("source_hindi", edges["source"])))
    hindi.update(zip(edges["target"], edges.get("target_hindi", edges["target"])))
    label = dict(zip(edges["source"], edges.get("source_label", [""] * len(edges))))
    label.update(zip(edges["target"], edges.get("target_label", [""] * len(edges))))
    nodes = sorted(set(edges["source"]) | set(edges["target"]))
    pos = _layout(nodes, list(zip(edges["source"], edges["target"])))
    paths = _draw_edges(ax, edges, pos)
    for n, (x, y) in pos.items():
        ax.scatter([x], [y], s=NODE_SIZE, color=COLORS.get(label.get(n, ""), "#bbbbbb"), edgecolors="#444444",
                   zorder=2)
    handles = [Line2D([], [], color=COLORS[k], lw=3, label=k) for k in ("meets", "country-country")]
    handles += [Line2D([], [], ls="", marker="o", ms=9, mfc=COLORS[lab], mec="#444444", label=lab)
                for lab in ("PER", "LOC", "ORG")]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8, frameon=False)
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.45, 1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fit_titles(fig)
    r = renderer(fig)                      # the layout is final from here: measure, place, freeze
    taken = marker_boxes(ax, list(pos.values()), NODE_SIZE, r)
    inside = ax.bbox
    for n, (x, y) in pos.items():          # node names first: they matter most
        text = hindi.get(n, n) if hindi.get(n, n) == n else f"{hindi[n]}\n{n}"
        t = ax.text(x, y, text, fontsize=9, zorder=4, multialignment="center",
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.75))
        place(t, around(x, y, 0.09), taken, inside, r)
    for predicate, path in paths:
        t = ax.text(0, 0, predicate, fontsize=7.5, color="#333333", zorder=3,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
        place(t, along(path), taken, inside, r)
    fig.set_layout_engine("none")          # keep the measured positions when saved or shown
    return fig


def _draw_edges(ax, edges, pos) -> list:
    """One curve an edge (parallel edges of a pair bend apart, around the other nodes); (predicate, path) each."""
    seen: dict[tuple[str, str], int] = {}
    paths = []
    for e in edges.itertuples(index=False):
        key = tuple(sorted((e.source, e.target)))
        path = _edge_path(pos[e.source], pos[e.target], seen.get(key, 0),
                          [xy for n, xy in pos.items() if n not in key])
        seen[key] = seen.get(key, 0) + 1
        ax.plot(*zip(*path), color=COLORS.get(e.kind, "#888888"), lw=1 + 1.5 * e.count, alpha=0.6, zorder=1)
        paths.append((e.predicate, path))
    return paths


def _finished(fig: Figure) -> Figure:
    fit_titles(fig)
    return fig


def save(fig: Figure, path: str | Path, dpi: int = 110) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=dpi)
    return path


def all_charts(t) -> dict[str, Figure]:
    """Every chart of the notebook from the loaded tables, by file stem."""
    from ..queries.entities import meets_edges, top_entities
    from ..queries.money import amounts_by_period, money_by_currency

    return {
        "chart-top-entities": top_entities_chart(top_entities(t)),
        "chart-money": money_chart(money_by_currency(t)),
        "chart-periods": periods_chart(amounts_by_period(t)),
        "chart-meets-graph": meets_graph_chart(meets_edges(t)),
    }
