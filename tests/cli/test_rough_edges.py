"""What a new user hit (issue 19), each fixed: `show` never writes into the current folder, unknown
suites and inputs without the expected format are one line and exit 2, UTF-16 without a BOM is read,
the manifest is stable after a Parquet run, nbconvert is in the test extra, and the help, README
and docs say what the commands do and print."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pipeline.cli import build_parser, main

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
SHORT = "भारत और नेपाल ने सोमवार को व्यापार समझौते पर हस्ताक्षर किए।\n"
RULES = ["--ner", "none", "--quiet"]


def _corpus(tmp_path: Path, files: dict[str, bytes]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    return corpus


# --- show -------------------------------------------------------------------------------------------
def test_show_writes_beside_the_input_never_into_the_current_folder(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path, {"brief.txt": SHORT.encode()})
    cwd = tmp_path / "work"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    assert main(["show", str(corpus / "brief.txt"), "--ner", "none"]) == 0
    assert list(cwd.iterdir()) == []
    page = corpus / ".views" / "brief.html"
    assert page.exists() and str(page) in capsys.readouterr().out
    assert ".views/" in (REPO / ".gitignore").read_text().split()          # a repo's corpus stays clean
    # the next run over the corpus does not take the page for an input
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), *RULES]) == 0
    assert (tmp_path / "out" / "documents.csv").read_text("utf-8-sig").count("\n") == 2


def test_show_errors_are_one_line_without_a_class_name(tmp_path, capsys):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("भारत".encode() + "café".encode("latin-1"))
    assert main(["show", str(bad), "--ner", "none", "--out", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "InputError" not in err
    assert err.startswith(f"error: {bad} at byte 15: not valid UTF-8")


# --- one line and exit 2 ------------------------------------------------------------------------------
def test_evaluate_an_unknown_suite_is_a_usage_error(capsys):
    assert main(["evaluate", "amounts", "--suite", "nosuch"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "unknown suite nosuch" in err and "dateparser_hi" in err


def test_triples_on_a_file_without_sentence_ids_is_a_usage_error(tmp_path, capsys):
    plain = tmp_path / "plain.txt"
    plain.write_text("भारत और रूस के बीच व्यापार बढ़ा।\nदूसरा वाक्य।\n", encoding="utf-8")
    assert main(["triples", str(plain), "--out", str(tmp_path / "t.tsv")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "sent_id<TAB>sentence" in err
    good = tmp_path / "sents.txt"
    good.write_text("1\tभारत ने रूस से तेल खरीदा।\n", encoding="utf-8")
    assert main(["triples", str(good), "--out", str(tmp_path / "t.tsv")]) == 0


# --- UTF-16 without a BOM ---------------------------------------------------------------------------------
def test_utf16_without_bom_is_read(tmp_path):
    from pipeline.core.tables import read_table
    corpus = _corpus(tmp_path, {"le.txt": SHORT.encode("utf-16-le"), "be.txt": SHORT.encode("utf-16-be"),
                                "bin.txt": b"\x01\x00\x02\x00 \x00\x00\x00\x00\x00\x00\x07\x08"})
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), *RULES]) == 1     # bin.txt
    docs = read_table(tmp_path / "out", "documents").set_index("doc_id")
    assert docs.loc["le.txt", "encoding"] == "utf-16-le" and docs.loc["be.txt", "encoding"] == "utf-16-be"
    assert docs.loc["le.txt", "n_entities"] == docs.loc["be.txt", "n_entities"] == 2
    errors = read_table(tmp_path / "out", "errors")
    assert list(errors.kind) == ["binary"] and "re-save it as UTF-8" in errors.reason[0]


# --- manifest ---------------------------------------------------------------------------------------------
def test_manifest_is_stable_after_a_parquet_run(tmp_path):
    pytest.importorskip("pyarrow")
    corpus = _corpus(tmp_path, {"a.txt": SHORT.encode()})
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), *RULES]) == 0
    first = (out / "manifest.json").read_bytes()
    assert main(["run", str(corpus), "--out", str(out), "--parquet", *RULES]) == 0
    assert (out / "manifest.json").read_bytes() != first and (out / "entities.parquet").exists()
    assert main(["run", str(corpus), "--out", str(out), *RULES]) == 0
    assert (out / "manifest.json").read_bytes() == first
    assert b'"created"' not in first


# --- setup ----------------------------------------------------------------------------------------------
def test_nbconvert_is_in_the_test_extra():
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert any(r.startswith("nbconvert") for r in extras["test"]) and any(r.startswith("nbconvert") for r in extras["analysis"])
    assert 'extras="[test]"' in (REPO / "scripts" / "setup.sh").read_text()
    pytest.importorskip("nbconvert")
    jupyter = Path(sys.executable).with_name("jupyter")
    if jupyter.exists():
        p = subprocess.run([str(jupyter), "nbconvert", "--version"], capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr


# --- help, README, docs ---------------------------------------------------------------------------------
def test_run_help_lists_every_exit_code():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    text = " ".join(sub.choices["run"].description.split())
    for code in ("0:", "1:", "2:", "130:"):
        assert f"{code}" in text, code
    assert "130 interrupted" in README


def test_every_shared_data_skip_names_its_folder_and_the_variable():
    """A skip for missing shared data goes through conftest.shared_or_skip (the missing path and
    HINDI_EXTRACT_SHARED), or says both itself."""
    bad = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(src)):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            texts = [ast.get_source_segment(src, a) or "" for a in node.args if name.endswith("skip")]
            texts += [ast.get_source_segment(src, k.value) or "" for k in node.keywords if k.arg == "reason"]
            for t in texts:
                if re.search(r"shared", t, re.I) and "HINDI_EXTRACT_SHARED" not in t:
                    bad.append(f"{path.relative_to(REPO)}:{node.lineno} {t}")
    assert not bad, bad
    assert not re.search(r"\(\d+ today\) skip", README), "the README quotes a count of skipped tests"


def test_docs_say_how_long_sentences_are_cut():
    from pipeline.text.sentences import MAX_SENTENCE_CHARS
    figure = f"{MAX_SENTENCE_CHARS:,}"
    for doc in ("docs/data-dictionary.md", "docs/batch.md"):
        text = (REPO / doc).read_text(encoding="utf-8")
        assert f"longer than {figure} characters" in text, doc
    assert "belongs in the sentences stage" not in (REPO / "docs" / "batch.md").read_text(encoding="utf-8")


def _overall(out: str, title: str) -> str:
    """The F1 of the first 'overall' line after `title` in an evaluate report."""
    rest = out[out.index(title):]
    return re.search(r"^\s*overall\s+\S+\s+\S+\s+(\S+)", rest, re.M).group(1)


def _overall_pf(out: str, title: str) -> tuple[str, str]:
    """(P, F1) of the first 'overall' line after `title` in an evaluate report."""
    rest = out[out.index(title):]
    m = re.search(r"^\s*overall\s+(\S+)\s+\S+\s+(\S+)", rest, re.M)
    return m.group(1), m.group(2)


def test_readme_quotes_what_evaluate_prints(capsys):
    from conftest import shared_or_skip
    shared_or_skip("data", "ner", "il-ner-hi")
    shared_or_skip("data", "relations-dev")
    from pipeline.core.paths import MODELS_DIR
    if not (MODELS_DIR / "hi-ner" / "hi_ner.pt").exists():
        pytest.skip("the hi-ner model is not built")
    assert main(["evaluate", "ner"]) == 0
    ner = capsys.readouterr().out
    alone, fused = _overall(ner, "unseen sentences only"), _overall(ner, "fused, unseen")
    alone_all, fused_all = _overall(ner, "model alone"), _overall(ner, "fused (")
    assert f"F1 {alone} / {fused} on the 1,153 test sentences" in README
    assert f"all 1,388: {alone_all} / {fused_all}" in README
    assert main(["evaluate", "relations", "--summary"]) == 0
    rel = capsys.readouterr().out
    (tune_p, tune), (check_p, check) = (_overall_pf(rel, f"the {half} half") for half in ("tune", "check"))
    assert re.search(rf"tune half .*\| F1 {tune} \(P {tune_p}\) / {check} \(P {check_p}\)", README), (tune, check)
    docs = (REPO / "docs" / "relations.md").read_text(encoding="utf-8")
    for name in ("economy", "diplomacy", "visits-meetings", "agreements-members", "trade-investment",
                 "macro-companies"):
        assert f"/ {_overall(rel, name + '.jsonl')} |" in docs, name
    shared_or_skip("peer-suites", "numbers")
    main(["evaluate", "amounts"])
    totals = {m[1]: (round(float(m[2])), round(float(m[3]))) for m in re.finditer(
        r"^(\S+)\s+== suite total\s+\d+\s+\d+\s+\d+\s+([\d.]+)%\s+([\d.]+)%", capsys.readouterr().out, re.M)}
    assert "dateparser (its own outputs) {}% / {}%".format(*totals["dateparser_hi"]) in README
    assert "NeMo whole suite {}% / {}%".format(*totals["nemo_hi"]) in README
