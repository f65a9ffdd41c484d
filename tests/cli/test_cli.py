import pandas as pd

from pipeline.cli import EXIT_DOC_ERRORS, EXIT_OK, EXIT_USAGE, build_parser, main


def test_help_mentions_every_command(capsys):
    build_parser().print_help()
    out = capsys.readouterr().out
    for cmd in ("run", "evaluate", "train-ner", "triples"):
        assert cmd in out


def test_bad_documents_become_error_rows_and_exit_1(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("भारत और रूस के बीच व्यापार बढ़ा।", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("café".encode("latin-1"))
    (corpus / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out"
    rc = main(["run", str(corpus), "--out", str(out), "--ner", "none", "--quiet"])
    assert rc == EXIT_DOC_ERRORS
    errors = pd.read_csv(out / "errors.csv")
    assert set(errors.doc_id) == {"empty.txt", "latin1.txt", "pic.txt"}
    assert errors.reason.str.len().min() > 5
    assert errors.set_index("doc_id").loc["latin1.txt", "offset"] == 3
    docs = pd.read_csv(out / "documents.csv")
    assert list(docs.doc_id) == ["good.txt"]


def test_exit_codes_ok_and_usage(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--quiet"]) == EXIT_USAGE
    (corpus / "a.txt").write_text("यह एक वाक्य है।", encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "o"), "--ner", "none", "--quiet"]) == EXIT_OK


def test_delegated_commands_get_their_own_help(capsys):
    import pytest
    for argv in (["triples", "--help"], ["evaluate", "segmentation", "--help"]):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 0
        assert "usage: hindi-extract" in capsys.readouterr().out


def test_output_piped_into_a_reader_that_leaves_early_ends_quietly(tmp_path):
    """`hindi-extract triples ... --out - | head -1`: no BrokenPipeError traceback."""
    import subprocess
    import sys
    sents = tmp_path / "sents.txt"
    sents.write_text("".join(f"{i}\tभारत ने रूस को {i} टन गेहूं भेजा .\n" for i in range(3000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "triples", str(sents), "--out", "-"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()                  # the reader leaves, as `head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert first.startswith(b"0\t")
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
