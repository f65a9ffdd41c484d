"""Text placement for the charts: titles that fit their figure, and labels of a node-link drawing
that sit on neither a node nor another label.

Both measure text as it will be drawn (the Agg renderer, after the figure's layout has run), so
they hold for any data: a long title, Hindi words of any width, a crowded graph.
"""
from __future__ import annotations

import math
from typing import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

MARGIN = 0.98          # share of the figure's width a title may take
MIN_FONT = 7.0


def renderer(fig: Figure):
    """The figure's renderer, its layout done (positions as they will be drawn)."""
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def fit_titles(fig: Figure) -> None:
    """Titles wider than the figure: break them at ' — ' (Hindi line, English line), then shrink
    the font until they fit."""
    titles = list(fig.texts) + [ax.title for ax in fig.axes]   # fig.texts holds the suptitle
    titles = [t for t in titles if t.get_text()]
    if not titles:
        return
    r = renderer(fig)
    width = fig.bbox.width * MARGIN
    for t in titles:
        if t.get_window_extent(r).width > width and " — " in t.get_text():
            t.set_text(t.get_text().replace(" — ", "\n"))
            t.set_multialignment("center")
        while t.get_window_extent(r).width > width and t.get_fontsize() > MIN_FONT:
            t.set_fontsize(t.get_fontsize() - 0.5)


def marker_boxes(ax, points: Sequence[tuple[float, float]], size_pt2: float, r) -> list[Bbox]:
    """Display boxes of scatter markers of area `size_pt2` (points²) centred on `points`."""
    rad = math.sqrt(size_pt2) / 2 * r.points_to_pixels(1.0) + 1.5
    out = []
    for x, y in points:
        cx, cy = ax.transData.transform((x, y))
        out.append(Bbox([[cx - rad, cy - rad], [cx + rad, cy + rad]]))
    return out


def _box(t: Text, r, pad: float) -> Bbox:
    return t.get_window_extent(r).padded(pad)


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def place(t: Text, candidates: Sequence[tuple[tuple[float, float], str, str]], taken: list[Bbox],
          inside: Bbox, r, pad: float = 2.0) -> Bbox:
    """Move `t` to the first candidate (data position, ha, va) where it overlaps nothing in
    `taken` and stays inside `inside`; else to the candidate that overlaps least. Its box is
    added to `taken` and returned."""
    best, best_cost = None, math.inf
    for xy, ha, va in candidates:
        t.set_position(xy)
        t.set_horizontalalignment(ha)
        t.set_verticalalignment(va)
        box = _box(t, r, pad)
        outside = (max(0.0, inside.x0 - box.x0) + max(0.0, box.x1 - inside.x1)
                   + max(0.0, inside.y0 - box.y0) + max(0.0, box.y1 - inside.y1))
        cost = sum(_overlap(box, o) for o in taken) + 1e3 * outside
        if cost < best_cost:
            best, best_cost = (xy, ha, va), cost
        if cost == 0:
            break
    xy, ha, va = best
    t.set_position(xy)
    t.set_horizontalalignment(ha)
    t.set_verticalalignment(va)
    box = _box(t, r, pad)
    taken.append(box)
    return box


def around(x: float, y: float, step: float, rings: int = 3) -> list[tuple[tuple[float, float], str, str]]:
    """Label positions around a node on the unit circle: outward first (away from the centre),
    then below, above and to the sides, each a little further out on every ring."""
    ang = math.atan2(y, x)
    ox, oy = math.cos(ang), math.sin(ang)
    ha = "left" if ox > 0.35 else "right" if ox < -0.35 else "center"
    va = "bottom" if oy > 0.35 else "top" if oy < -0.35 else "center"
    out = []
    for k in range(1, rings + 1):
        d = step * k
        out += [((x + ox * d, y + oy * d), ha, va), ((x, y - d), "center", "top"), ((x, y + d), "center", "bottom"),
                ((x + d, y), "left", "center"), ((x - d, y), "right", "center")]
    return out


def along(path: Sequence[tuple[float, float]],
          fractions=(0.5, 0.43, 0.57, 0.36, 0.64, 0.3, 0.7, 0.24, 0.76, 0.19, 0.81, 0.14, 0.86)):
    """Points at the given fractions of a polyline's length, as centred label positions."""
    segs = list(zip(path, path[1:]))
    lens = [math.dist(a, b) for a, b in segs]
    total = sum(lens) or 1.0
    out = []
    for f in fractions:
        d = f * total
        for (a, b), n in zip(segs, lens):
            if d <= n or (a, b) == segs[-1]:
                u = d / n if n else 0.0
                out.append(((a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u), "center", "center"))
                break
            d -= n
    return out
