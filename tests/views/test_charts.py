"""Charts render Devanagari: a font with the glyphs is configured in one place, matplotlib reports
no missing glyph for any chart, the glyphs are real shapes (not tofu boxes), and text is shaped
(conjuncts, reordered i-matra) by matplotlib's libraqm layout."""
import warnings
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from pipeline.queries import outputs as outputs_mod
from fixtures import sample as sample_mod
from pipeline.views import charts

REPO = Path(__file__).resolve().parents[2]
MISSING = "missing from font"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = sample_mod.write_sample_outputs(tmp_path_factory.mktemp("sample"), formats=("csv",))
    return outputs_mod.load_outputs(out)


def draw_warnings(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig).draw()
    return [str(w.message) for w in caught if MISSING in str(w.message)]


def render(text: str, family=None) -> np.ndarray:
    fig = Figure(figsize=(2, 1), dpi=100)
    kw = {"family": family} if family else {}
    fig.text(0.1, 0.3, text, fontsize=28, **kw)
    canvas = FigureCanvasAgg(fig)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].copy()


def test_configured_font_has_devanagari():
    from matplotlib.ft2font import FT2Font

    path = charts.configure()
    font = FT2Font(path)
    assert font.family_name == charts.FONT_FAMILY
    assert all(font.get_char_index(ord(c)) for c in "कखगभारतक्षऑ़ािीुूेैोौंःँ")
    assert matplotlib.rcParams["font.family"][0] == charts.FONT_FAMILY
    assert charts.configure() == path            # idempotent


@pytest.mark.parametrize("name", ["chart-top-entities", "chart-money", "chart-periods", "chart-meets-graph"])
def test_every_chart_has_all_glyphs(sample, name):
    fig = charts.all_charts(sample)[name]
    labels = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    assert any("\u0900" <= ch <= "\u097f" for lab in labels for ch in lab), "the chart shows Hindi text"
    assert draw_warnings(fig) == []


def test_missing_glyphs_would_be_caught():
    """Negative control: with only DejaVu Sans (no Devanagari) the same check fails."""
    charts.configure()
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = Figure()
        fig.text(0.1, 0.5, "भारत और रूस")
        assert draw_warnings(fig)


def test_glyphs_are_shapes_not_boxes():
    charts.configure()
    ka, kha = render("क"), render("ख")
    assert (ka < 128).any(), "something is drawn"
    assert not np.array_equal(ka, kha), "two different letters look different"
    # with a font lacking Devanagari both come out as the same tofu box
    assert np.array_equal(render("क", "DejaVu Sans"), render("ख", "DejaVu Sans"))


def test_hindi_is_shaped():
    """क्ष is one conjunct glyph, not three; the i-matra of कि is drawn before क."""
    from matplotlib import font_manager
    from matplotlib._text_helpers import layout

    charts.configure()
    font = font_manager.get_font(font_manager.fontManager._find_fonts_by_props(
        font_manager.FontProperties(family=matplotlib.rcParams["font.family"])))
    font.set_size(20, 72)
    cmap = {c: font.get_char_index(ord(c)) for c in "क्षि"}
    ksha = [item.glyph_index for item in layout("क्ष", font)]
    assert len(ksha) == 1 and ksha[0] not in cmap.values()
    ki = list(layout("कि", font))
    by_x = [item.glyph_index for item in sorted(ki, key=lambda i: i.x)]
    assert by_x[0] != cmap["क"], "the i-matra comes first on the line"


def test_save_writes_png(sample, tmp_path):
    p = charts.save(charts.all_charts(sample)["chart-money"], tmp_path / "money.png")
    assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_empty_tables_give_empty_charts(sample):
    empty = {k: v.iloc[0:0] for k, v in sample.items()}
    for name, fig in charts.all_charts(empty).items():
        assert draw_warnings(fig) == [], name


@pytest.mark.skipif(not (REPO / "outputs" / "documents.csv").exists(), reason="no committed outputs/ yet")
def test_charts_of_committed_outputs_have_all_glyphs():
    t = outputs_mod.load_outputs(REPO / "outputs")
    for name, fig in charts.all_charts(t).items():
        assert draw_warnings(fig) == [], name


DEBIAN_FONT = Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf")


@pytest.mark.skipif(not DEBIAN_FONT.exists(), reason="Debian fonts-noto-core not installed")
def test_system_font_without_latin_falls_back_for_latin(sample, monkeypatch):
    """Debian's Noto Sans Devanagari has no Latin letters: DejaVu Sans draws those, glyph by glyph."""
    monkeypatch.setattr(charts, "font_path", lambda: DEBIAN_FONT)
    monkeypatch.setattr(charts, "_configured", None)
    try:
        assert charts.configure() == str(DEBIAN_FONT)
        for name, fig in charts.all_charts(sample).items():
            assert draw_warnings(fig) == [], name
    finally:
        monkeypatch.undo()
        charts._configured = None
        charts.configure()


# ---- no text outside the figure, none over a node or over another text (issue 13, item 7b) ----
def _drawn_texts(fig):
    """(artist, window box) of every non-empty text the figure really draws (a tick label outside
    the axis' view is not drawn, although it exists), and the renderer."""
    from unittest import mock
    drawn, orig = [], matplotlib.text.Text.draw

    def record(self, renderer):
        if self.get_visible() and self.get_text().strip():
            drawn.append(self)
        return orig(self, renderer)

    canvas = FigureCanvasAgg(fig)
    with mock.patch.object(matplotlib.text.Text, "draw", record):
        canvas.draw()
    r = canvas.get_renderer()
    return [(t, t.get_window_extent(r)) for t in dict.fromkeys(drawn)]


def _node_boxes(fig):
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import Bbox
    boxes = []
    for ax in fig.axes:
        for c in ax.collections:
            if isinstance(c, PathCollection) and len(c.get_offsets()):
                rad = np.sqrt(c.get_sizes()[0]) / 2 * fig.dpi / 72
                for cx, cy in c.get_offset_transform().transform(c.get_offsets()):
                    boxes.append(Bbox([[cx - rad, cy - rad], [cx + rad, cy + rad]]))
    return boxes


def _overlap(a, b, tol=0.5):
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol


def text_problems(fig) -> list[str]:
    texts = _drawn_texts(fig)
    frame = fig.bbox
    problems = [f"{t.get_text()!r} leaves the figure ({b.x0:.0f}..{b.x1:.0f} x {b.y0:.0f}..{b.y1:.0f} in "
                f"{frame.width:.0f} x {frame.height:.0f})"
                for t, b in texts if b.x0 < -0.5 or b.y0 < -0.5 or b.x1 > frame.x1 + 0.5 or b.y1 > frame.y1 + 0.5]
    nodes = _node_boxes(fig)
    problems += [f"{t.get_text()!r} lies over a node" for t, b in texts if any(_overlap(b, n) for n in nodes)]
    for i, (t, b) in enumerate(texts):
        problems += [f"{t.get_text()!r} overlaps {u.get_text()!r}" for u, c in texts[i + 1:] if _overlap(b, c)]
    return problems


def _chart_sets(sample):
    sets = {"sample": sample}
    if (REPO / "outputs" / "documents.csv").exists():
        sets["outputs"] = outputs_mod.load_outputs(REPO / "outputs")
    return sets


@pytest.mark.parametrize("name", ["chart-top-entities", "chart-money", "chart-periods", "chart-meets-graph"])
def test_no_text_outside_the_figure_or_over_a_node_or_another_text(sample, name):
    for which, tables in _chart_sets(sample).items():
        fig = charts.all_charts(tables)[name]
        assert text_problems(fig) == [], which


def test_text_checks_catch_a_clipped_title_and_a_label_on_a_node():
    """Negative control: the checks see what they are meant to."""
    charts.configure()
    fig = Figure(figsize=(3, 2), dpi=100)
    fig.suptitle("a title much too long for a figure three inches wide — and it goes on")
    assert any("leaves the figure" in p for p in text_problems(fig))
    fig = Figure(figsize=(3, 3), dpi=100)
    ax = fig.add_subplot()
    ax.set_xlim(0, 1), ax.set_ylim(0, 1)
    ax.scatter([0.5], [0.5], s=260)
    ax.text(0.5, 0.5, "summit", ha="center", va="center")
    ax.text(0.51, 0.51, "visits", ha="center", va="center")
    problems = text_problems(fig)
    assert any("over a node" in p for p in problems) and any("overlaps" in p for p in problems)
