"""Property-based: random Unicode, encoded and decoded like a file, through every stage never crashes
and every span indexes the text as written (compared with the generated string, not the pipeline's
copy of it); the CSV formula escape is exactly undone; decode never raises anything but InputError."""
from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.batch.document import PipelineFactory
from pipeline.core.doc import Document
from pipeline.runner import STAGES
from pipeline.batch.render import render_csv
from pipeline.core.tables import (
    COLUMNS,
    FORMULA_START,
    document_rows,
    escape_cell,
    unescape_cell,
)
from pipeline.text.normalize import normalize
from pipeline.text.read import InputError, check_content, decode

# the full pipeline (rules only): if it cannot be built, collecting this module fails, loudly
PIPE = PipelineFactory.of({"entities": {"ner": "none"}})()
HINDI_WORDS = ["भारत", "रूस", "विदेश सचिव", "विनय क्वात्रा", "ने", "कहा", "।", "65 अरब डॉलर", "2023-24", "15%",
               "मोदी", "मास्को", "में", "और", "के बीच", "शिखर सम्मेलन", "₹5 करोड़", "जुलाई 2024", "क़", "क्\u200dष"]
# random code points (all planes, surrogates excluded by hypothesis) mixed with Hindi pieces,
# spaces, CRLF, dandas and format characters
TEXT = st.lists(st.one_of(
    st.text(min_size=1, max_size=12),
    st.sampled_from(HINDI_WORDS),
    st.sampled_from([" ", "\r\n", "\n", "\u200d", "\u200c", "\ufeff", "\u00a0", "।", ".", "\t", "\u0301"]),
    st.text(alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F), min_size=1, max_size=8),
), max_size=60).map("".join)

SPAN_TABLES = ["sentences", "tokens", "entities", "amounts", "relations", "triples"]


def test_the_property_tests_run_every_stage():
    assert [s.name for s in PIPE.stages] == [stage.name for stage in STAGES]


def check_offsets(text: str, rows: dict[str, list[dict]]) -> None:
    """`text` is the generated string itself, never the pipeline's copy of it."""
    for t in SPAN_TABLES:
        for r in rows[t]:
            s, e = r["start"], r["end"]
            assert 0 <= s <= e <= len(text), (t, r)
            assert text[s:e] == r["text"], (t, r)
            # a span never cuts a CRLF in half
            assert text[s - 1:s + 1] != "\r\n" and text[e - 1:e + 1] != "\r\n", (t, r)
            if t in ("tokens", "entities", "amounts"):
                # what the stage matched maps back to real characters, with no spacing at its edges
                # (normalize turns every space character into " ", "\n" or "\t")
                folded = normalize(text[s:e]).text
                assert folded.strip(" \n\t") and folded == folded.strip(" \n\t"), (t, r)
    for r in rows["entities"]:
        if r["role"]:
            assert text[r["role_start"]:r["role_end"]] == r["role"]
    d = rows["documents"][0]
    if d["source_url"]:
        assert text[d["source_url_start"]:d["source_url_end"]] == d["source_url"]
    if d["dateline"]:
        assert text[d["dateline_start"]:d["dateline_end"]] == d["dateline"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_every_stage_keeps_offsets_on_random_unicode(text, encoding):
    # a leading U+FEFF is read as a byte-order mark, not as text: left out here
    assume("\x00" not in text and text.strip() and not text.startswith("\ufeff"))
    # bytes as a file holds them (a BOM for utf-8-sig and utf-16), decoded by the read stage
    decoded, _ = decode(text.encode(encoding), "p.txt")
    doc = PIPE.process(Document(doc_id="p", path="p.txt", text=decoded))
    rows = document_rows(doc)
    check_offsets(text, rows)
    for t, cols in COLUMNS.items():
        for r in rows[t]:
            assert list(r) == cols


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | TEXT.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_decode_only_raises_input_error(data):
    try:
        text, _ = decode(data)
        check_content(text)
    except InputError as e:
        assert e.kind and e.reason


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20) | st.sampled_from(["=1+1", "-", "+", "'", "''", "@x", "\t", "\r=", "-2"]))
def test_escape_is_undone_exactly_and_neutralises(s):
    e = escape_cell(s)
    assert unescape_cell(e) == s
    if len(e) > 1:
        assert not e.startswith(FORMULA_START)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=10), min_size=1, max_size=5))
def test_rendered_csv_reads_back(texts):
    rows = [dict(doc_id="d", sentence_id=f"d:s{i}", index=i, start=0, end=len(t), text=t)
            for i, t in enumerate(texts)]
    for escape in (True, False):
        got = list(csv.reader(io.StringIO(render_csv("sentences", rows, escape), newline="")))
        assert all(len(r) == 6 for r in got)
        cells = [r[5] for r in got]
        assert [unescape_cell(c) if escape else c for c in cells] == texts
