"""`hindi-extract show`: the HTML briefing view (every entity and amount highlighted, escaped,
self-contained), the terminal view, the command line, and the page in headless Chromium."""
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.queries import outputs as outputs_mod
from fixtures import sample as sample_mod
from pipeline.cli import main
from pipeline.core.doc import Amount, Document, Entity
from pipeline.core.tables import TABLES, document_rows, frame
from pipeline.views import chromium as chromium_mod
from pipeline.views import html as html_mod
from pipeline.views import rows as rows_mod
from pipeline.views import show
from pipeline.views import spans as spans_mod
from pipeline.views import terminal as terminal_mod

REPO = Path(__file__).resolve().parents[2]
OUTPUTS = REPO / "outputs"
CHROMIUM = chromium_mod.find_chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (Debian package "
                                    "`chromium`; scripts/setup.sh --test installs it as root)")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    d = tmp_path_factory.mktemp("sample")
    sample_mod.write_sample_outputs(d, formats=("csv",))
    (d / "sample.txt").write_text(sample_mod.SAMPLE_TEXT, encoding="utf-8")
    return d


def rows_of(doc: Document) -> dict[str, pd.DataFrame]:
    rows = document_rows(doc)
    return {t: frame(t, rows[t]) for t in TABLES}


def assert_all_highlighted(page: str, rows: dict[str, pd.DataFrame]) -> None:
    marks = html_mod.highlighted(page)
    for table, id_col, label_col in (("entities", "entity_id", "label"), ("amounts", "amount_id", "kind")):
        for sid, text, label in zip(rows[table][id_col], rows[table]["text"], rows[table][label_col]):
            assert sid in marks, f"{table} {sid} ({text}) is not highlighted"
            assert marks[sid]["text"] == text, sid
            assert marks[sid]["label"] == label, sid


def test_every_entity_and_amount_is_highlighted(sample):
    _, text, rows = rows_mod.load(sample / "sample.txt", sample, "none")
    page = html_mod.render_html(text, rows, title="sample")
    assert len(rows["entities"]) == 12 and len(rows["amounts"]) == 8
    assert_all_highlighted(page, rows)
    marks = html_mod.highlighted(page)
    assert {m["group"] for m in marks.values()} >= {"PER", "LOC", "ORG", "money", "time", "number"}
    # legend names every group present, and the tables are below the text
    for g in ("PER", "LOC", "ORG", "money", "time"):
        assert f'<li class="hl-{g}">' in page
    assert page.index('class="doc"') < page.index("Entities") < page.index("Amounts") < page.index("Relations")
    # self-contained: no external resource, no script
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page) and "<script" not in page


def test_misc_names_are_highlighted_around_the_names_they_hold():
    from pipeline.runner import Pipeline
    doc = Pipeline({"entities": {"ner": "none"}}, skip=("relations", "triples")).process_text(
        "G20 शिखर सम्मेलन में आयुष्मान भारत योजना पर चर्चा हुई।", "misc.txt")
    rows = rows_of(doc)
    assert {("G20 शिखर सम्मेलन", "MISC"), ("G20", "ORG"), ("आयुष्मान भारत योजना", "MISC"), ("भारत", "LOC")} \
        <= set(zip(rows["entities"].text, rows["entities"].label))
    page = show.render_html(doc.text, rows, title="misc")
    assert_all_highlighted(page, rows)
    assert '<li class="hl-MISC">' in page and ".hl-MISC {" in page
    assert "MISC" in show.render_terminal(doc.text, rows, color=False)


def test_text_is_escaped_everywhere():
    text = 'भारत <script>alert("x")</script> & "रूस" <b>'
    doc = Document(doc_id='a<b>"c.txt', path="", text=text)
    doc.entities.append(Entity(id='a<b>"c.txt:e0', start=0, end=4, text="भारत", label="LOC",
                               canonical='<img src=x onerror="y">'))
    p = text.index("<script>")
    doc.entities.append(Entity(id='a<b>"c.txt:e1', start=p, end=p + 8, text="<script>", label="ORG"))
    page = html_mod.render_html(text, rows_of(doc), title='<title>"x"')
    assert "<script>" not in page and "<img" not in page and "&lt;b&gt;" in page
    assert "alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;रूस&quot;" in page
    assert "&lt;img src=x onerror=&quot;y&quot;&gt;" in page           # canonical, in title and table
    assert_all_highlighted(page, rows_of(doc))


def test_crossing_and_nested_spans_stay_complete():
    text = "जी20 देशों में 20 प्रतिशत 2023-24 तक"
    doc = Document(doc_id="x.txt", path="", text=text)
    doc.entities.append(Entity(id="x.txt:e0", start=0, end=4, text="जी20", label="ORG"))
    doc.amounts += [
        Amount(id="x.txt:a0", start=2, end=4, text="20", kind="number"),              # nested in the ORG
        Amount(id="x.txt:a1", start=2, end=10, text=text[2:10], kind="number"),       # crosses the ORG
        Amount(id="x.txt:a2", start=text.index("20 प्र"), end=text.index(" 2023"), text="20 प्रतिशत",
               kind="percent"),
        Amount(id="x.txt:a3", start=text.index("2023"), end=text.index(" तक"), text="2023-24", kind="fiscal_year"),
    ]
    rows = rows_of(doc)
    page = html_mod.render_html(text, rows)
    assert_all_highlighted(page, rows)
    assert page.count('data-id="x.txt:a1"') == 2          # split in two parts at the ORG's end
    assert 'data-id="x.txt:e0"' in page and page.count('data-id="x.txt:e0"') == 1


def test_terminal_view(sample):
    _, text, rows = rows_mod.load(sample / "sample.txt", sample, "none")
    coloured = terminal_mod.render_terminal(text, rows, color=True)
    assert "\x1b[48;5;117m" in coloured and "भारत" in coloured and "== entities (12)" in coloured
    plain = terminal_mod.render_terminal(text, rows, color=False)
    assert "\x1b" not in plain and "[भारत]LOC" in plain
    hostile = "भारत \x1b[2J\x1b]0;pwned\x07 \u202eरूस"
    doc = Document(doc_id="h.txt", path="", text=hostile)
    doc.entities.append(Entity(id="h.txt:e0", start=0, end=4, text="भारत", label="LOC"))
    out = terminal_mod.render_terminal(hostile, rows_of(doc), color=True)
    assert "\x1b[2J" not in out and "\x07" not in out and "\u202e" not in out


def test_cli_writes_page_and_terminal(sample, tmp_path, monkeypatch, capsys):
    out = tmp_path / "brief.html"
    assert main(["show", str(sample / "sample.txt"), "--from", str(sample), "--out", str(out)]) == 0
    assert_all_highlighted(out.read_text(encoding="utf-8"), rows_mod.load(sample / "sample.txt", sample, "none")[2])
    monkeypatch.chdir(tmp_path)
    assert main(["show", str(sample / "sample.txt"), "--from", str(sample)]) == 0
    assert not (tmp_path / "sample.html").exists()              # never the current folder by default
    assert (sample / ".views" / "sample.html").exists()         # but beside the input, in a folder runs skip
    capsys.readouterr()
    assert main(["show", str(sample / "sample.txt"), "--from", str(sample), "--terminal", "--color", "never"]) == 0
    assert "[65 बिलियन डॉलर]money" in capsys.readouterr().out


def test_cli_errors(sample, tmp_path, capsys):
    assert main(["show", str(tmp_path / "nope.txt"), "--from", str(sample)]) == 2
    changed = tmp_path / "sample.txt"
    changed.write_text(sample_mod.SAMPLE_TEXT + " और", encoding="utf-8")
    assert main(["show", str(changed), "--from", str(sample), "--out", str(tmp_path / "x.html")]) == 1
    assert "changed since the run" in capsys.readouterr().err
    other = tmp_path / "other.txt"
    other.write_text("कुछ और", encoding="utf-8")
    assert main(["show", str(other), "--from", str(sample), "--out", str(tmp_path / "y.html")]) == 1


def test_embedded_font_is_a_subset(sample):
    pytest.importorskip("matplotlib")
    pytest.importorskip("fontTools")
    from pipeline.views.charts import font_path

    if font_path() is None:
        pytest.skip("no Devanagari font file")
    doc = Document(doc_id="d.txt", path="", text="भारत और रूस")
    doc.entities.append(Entity(id="d.txt:e0", start=0, end=4, text="भारत", label="LOC"))
    page = html_mod.render_html(doc.text, rows_of(doc), embed_font=True)
    assert "@font-face" in page and "data:font/ttf;base64," in page
    assert len(page) < 400_000


def test_show_runs_the_pipeline_on_the_seed_briefing(tmp_path):
    seed = REPO / "corpus" / "india-russia-summit-briefing.txt"
    out = tmp_path / "seed.html"
    assert main(["show", str(seed), "--ner", "none", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "मोदी" in page and html_mod.highlighted(page)


def _committed_docs() -> list[Path]:
    """The corpus files of the committed outputs/ (by their path, else corpus/<doc_id>)."""
    if not (OUTPUTS / "documents.csv").exists():
        return []
    docs = pd.read_csv(OUTPUTS / "documents.csv", dtype=str)
    found = []
    for doc_id, path in zip(docs["doc_id"], docs["path"]):
        for cand in (REPO / str(path), REPO / "corpus" / str(doc_id)):
            if cand.is_file() and cand.resolve().is_relative_to(REPO):
                found.append(cand)
                break
    return found


@pytest.mark.skipif(not _committed_docs(), reason="no committed outputs/ with their corpus files yet")
def test_committed_outputs_all_highlighted(monkeypatch):
    monkeypatch.chdir(REPO)
    docs = _committed_docs()
    assert len(docs) == len(pd.read_csv(OUTPUTS / "documents.csv")), "every document's file is in corpus/"
    loaded = outputs_mod.load_outputs(OUTPUTS)
    for p in docs[:50]:
        _, text, rows = rows_mod.load(p, OUTPUTS, "none", loaded)
        assert_all_highlighted(html_mod.render_html(text, rows), rows)


@needs_chromium
def test_page_in_headless_chromium(sample, tmp_path, monkeypatch):
    """The page of the committed seed briefing (the sample while outputs/ is absent) as Chromium
    loads it: every entity and amount of the tables is a highlighted element, and the screenshot
    shows the highlight colours."""
    docs = _committed_docs()
    if docs:
        monkeypatch.chdir(REPO)
        _, text, rows = rows_mod.load(docs[0], OUTPUTS, "none")
    else:
        _, text, rows = rows_mod.load(sample / "sample.txt", sample, "none")
    page = tmp_path / "briefing.html"
    page.write_text(html_mod.render_html(text, rows, title="briefing"), encoding="utf-8")
    assert_all_highlighted(chromium_mod.dump_dom(page), rows)            # as Chromium parsed it
    png = chromium_mod.screenshot(page, tmp_path / "briefing.png", 1000, 900)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    pytest.importorskip("matplotlib")
    import matplotlib.image

    img = (matplotlib.image.imread(str(png))[..., :3] * 255).round().astype(int)
    for group in ("LOC", "money"):
        rgb = tuple(int(spans_mod.GROUPS[group][1][i:i + 2], 16) for i in (1, 3, 5))
        assert ((abs(img - rgb).sum(axis=-1)) <= 6).sum() > 200, f"{group} highlight colour on screen"


def test_screenshots_command(sample, tmp_path, monkeypatch):
    """`python -m pipeline.views.show --screenshots DIR --from OUT`: the four charts and the briefing page
    (Chromium replaced here by a stub that checks the page; the real one is tested above)."""
    pytest.importorskip("matplotlib")
    pages = []

    def fake_screenshot(html_path, png, width=1200, height=1500):
        pages.append(Path(html_path).read_text(encoding="utf-8"))
        Path(png).write_bytes(b"\x89PNG\r\n\x1a\n")
        return Path(png)

    monkeypatch.setattr(show, "screenshot", fake_screenshot)
    monkeypatch.setattr("pipeline.views.html._font_face", lambda text: "")    # font embedding: tested above
    monkeypatch.chdir(sample)                      # documents.path of the sample is relative to it
    img = tmp_path / "img"
    assert show.run(["--screenshots", str(img), "--from", str(sample)]) == 0
    assert sorted(p.name for p in img.iterdir()) == ["briefing-view.png", "chart-meets-graph.png", "chart-money.png",
                                                     "chart-periods.png", "chart-top-entities.png"]
    assert len(pages) == 1 and 'data-id="sample.txt:e0"' in pages[0]
