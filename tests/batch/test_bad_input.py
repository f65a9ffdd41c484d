"""Bad input never stops a batch and is never lost: each file ends in the tables or in `errors`."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.core.tables import TABLES, read_table

SEED = Path(__file__).resolve().parents[2] / "corpus" / "india-russia-summit-briefing.txt"


RULES_ONLY = PipelineFactory.of({"entities": {"ner": "none"}})


HINDI = SEED.read_text("utf-8")
SHORT = "विदेश सचिव विनय क्वात्रा ने कहा कि भारत और रूस के बीच व्यापार 65 अरब डॉलर तक पहुँच गया। मोदी मास्को जाएंगे।\n"
LONG_NO_DANDA = " ".join(HINDI.replace("।", " ").replace("\n", " ").split()) * 3   # ~3 x the seed, one sentence

# file name -> (bytes, expected error kind or None when it must be processed)
CASES: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty"),
    "whitespace.txt": (b" \n\t\r\n  ", "empty"),
    "latin1.txt": ("Café société, naïve résumé".encode("latin-1"), "encoding"),
    "cp1252.txt": ("“Smart quotes” – em—dash € ‘x’".encode("cp1252"), "encoding"),
    "utf16.txt": (codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le"), None),
    "utf16be.txt": (codecs.BOM_UTF16_BE + SHORT.encode("utf-16-be"), None),
    "report.pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj", "binary"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "page.html": (("<!DOCTYPE html><html><head><title>x</title></head><body><p>" + SHORT
                   + "</p></body></html>").encode(), "html"),
    "english.txt": (b"The Foreign Secretary said India and Russia will hold their 22nd summit.", "no_devanagari"),
    "urdu.txt": ("خارجہ سیکرٹری نے کہا کہ بھارت اور روس کے درمیان تجارت بڑھ گئی ہے۔".encode(), "no_devanagari"),
    "controls.txt": (("\x01\x02\x03\x1b[31m" * 40 + SHORT).encode(), "binary"),
    "stray_controls.txt": (("भारत\x07 और\x1b रूस।\x0c" + SHORT).encode(), None),
    "crlf.txt": (SHORT.replace("\n", "\r\n").replace("। ", "।\r\n").encode(), None),
    "zwj.txt": ("क्\u200dष भारत\u200c और रूस\u200d के बीच\u200b व्यापार\ufeff बढ़ा।\n".encode() + SHORT.encode(), None),
    "long_sentence.txt": (LONG_NO_DANDA.encode(), None),
    "bom.txt": (codecs.BOM_UTF8 + SHORT.encode(), None),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    corpus, out = root / "corpus", root / "out"
    corpus.mkdir()
    for name, (data, _) in CASES.items():
        (corpus / name).write_bytes(data)
    # a 50 MB single-line file: refused from its size, before being read
    with open(corpus / "huge.txt", "wb") as f:
        line = ("भारत और रूस " * 1000).encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    os.chmod(corpus, 0o755)
    summary = run_batch(corpus, out, RunOptions(csv_escape=False), factory=RULES_ONLY)
    return corpus, out, summary


def test_batch_finishes_and_loses_nothing(batch):
    corpus, out, summary = batch
    docs = set(read_table(out, "documents").doc_id)
    errs = read_table(out, "errors")
    assert docs.isdisjoint(set(errs.doc_id))
    assert docs | set(errs.doc_id) == {p.name for p in corpus.iterdir()}
    assert summary.documents == len(CASES) + 1
    assert errs.reason.str.len().min() >= 10


@pytest.mark.parametrize("name", sorted(CASES) + ["huge.txt"])
def test_each_kind_is_decided(batch, name):
    _, out, _ = batch
    errs = read_table(out, "errors").set_index("doc_id")
    want = CASES[name][1] if name in CASES else "too_large"
    if want is None:
        assert name not in errs.index, errs.loc[name].reason if name in errs.index else ""
        assert name in set(read_table(out, "documents").doc_id)
    else:
        assert errs.loc[name, "kind"] == want
        assert errs.loc[name, "stage"] == "read"


def test_processed_ones_keep_exact_offsets(batch):
    corpus, out, _ = batch
    texts = {}
    for name, (data, want) in CASES.items():
        if want is None:
            from pipeline.text.read import decode
            texts[name] = decode(data)[0]
    n = 0
    for t in TABLES:
        if t in ("documents", "errors"):
            continue
        df = pd.read_csv(out / f"{t}.csv", dtype={"text": str, "doc_id": str}, keep_default_na=False,
                         na_values=[""])
        for row in df.itertuples():
            doc = texts[row.doc_id]
            assert doc[row.start:row.end] == row.text, (t, row)
            n += 1
    assert n > 100
    sents = read_table(out, "sentences")
    assert (sents.doc_id == "utf16.txt").sum() == 2 and (sents.doc_id == "crlf.txt").sum() == 2
    long = sents[sents.doc_id == "long_sentence.txt"]
    assert len(long) >= 1 and long.text.str.len().sum() > 1000


def test_utf16_reads_like_utf8(batch):
    _, out, _ = batch
    toks = read_table(out, "tokens")
    a = list(toks[toks.doc_id == "utf16.txt"].text)
    b = list(toks[toks.doc_id == "bom.txt"].text)
    assert a == b and len(a) > 10
    docs = read_table(out, "documents").set_index("doc_id")
    assert docs.loc["utf16.txt", "encoding"] == "utf-16"


def test_errors_are_not_retried_when_unchanged(batch, tmp_path):
    corpus, out, _ = batch
    s = run_batch(corpus, out, RunOptions(csv_escape=False), factory=RULES_ONLY)
    assert s.processed == 0 and s.up_to_date


def test_odd_file_names(tmp_path):
    corpus, out = tmp_path / "c", tmp_path / "o"
    (corpus / "उप फ़ोल्डर").mkdir(parents=True)
    names = ["नया दस्तावेज़ (1).txt", "उप फ़ोल्डर/=cmd|' x.txt", "line\nbreak.txt", "comma, \"quote\".txt"]
    for n in names:
        (corpus / n).write_text(SHORT, "utf-8")
    run_batch(corpus, out, factory=RULES_ONLY)
    docs = read_table(out, "documents")
    assert sorted(docs.doc_id) == sorted(names)
    toks = read_table(out, "tokens")
    assert set(toks.doc_id) == set(names)
