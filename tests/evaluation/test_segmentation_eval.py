"""`evaluate segmentation`: gold spans on the raw `# text` where the CoNLL-U has it, SpaceAfter=No
followed when rebuilding, and the HDTB figure (rebuilt text only: that file has no raw text)."""
from __future__ import annotations

from pipeline.evaluation.segmentation import evaluate, raw_text, read_conllu, rebuild

from conftest import shared_or_skip


def _row(i, form, misc="_"):
    return f"{i}\t{form}\t_\t_\t_\t_\t0\t_\t_\t{misc}"


CONLLU = "\n".join([
    "# newdoc", "# text = भारत-रूस  व्यापार 65 अरब डॉलर रहा।",
    _row(1, "भारत", "SpaceAfter=No"), _row(2, "-", "SpaceAfter=No"), _row(3, "रूस"), _row(4, "व्यापार"),
    _row(5, "65"), _row(6, "अरब"), _row(7, "डॉलर"), _row(8, "रहा", "SpaceAfter=No"), _row(9, "।"), "",
    "# newpar", "# text = उन्होंने कहा कि बैठक सफल रही।",
    "1-2\tउन्होंने\t_\t_\t_\t_\t_\t_\t_\t_", _row(1, "उन्हों"), _row(2, "ने"), _row(3, "कहा"), _row(4, "कि"),
    _row(5, "बैठक"), _row(6, "सफल"), _row(7, "रही", "SpaceAfter=No"), _row(8, "।"), "", ""])


def test_raw_text_comes_from_the_text_lines(tmp_path):
    f = tmp_path / "g.conllu"
    f.write_text(CONLLU, encoding="utf-8")
    sents = read_conllu(f)
    assert [s.tokens[0] for s in sents] == ["भारत", "उन्होंने"]      # a multiword token is one token
    text, sent_spans, tok_spans = raw_text(sents)
    assert text == "भारत-रूस  व्यापार 65 अरब डॉलर रहा।\nउन्होंने कहा कि बैठक सफल रही।"
    assert [text[a:b] for a, b in sent_spans] == [s.text for s in sents]
    assert [text[a:b] for a, b in tok_spans] == [t for s in sents for t in s.tokens]
    # the double space is only in the raw text; the rebuilt one follows SpaceAfter=No
    rebuilt, _, _ = rebuild(sents)
    assert rebuilt.startswith("भारत-रूस व्यापार") and "रहा।" in rebuilt


def test_evaluate_reports_raw_and_rebuilt(tmp_path):
    f = tmp_path / "g.conllu"
    f.write_text(CONLLU, encoding="utf-8")
    res = evaluate(f)
    assert res["raw"] is not None and res["rebuilt"] is not None
    # gold spans located in the raw text (double space, newline between paragraphs) meet ours exactly
    assert res["raw"]["sentences"][2] == 1.0 and res["raw"]["tokens"][2] == 1.0
    assert res["_counts"] == (2, 16, len("भारत-रूस  व्यापार 65 अरब डॉलर रहा।\nउन्होंने कहा कि बैठक सफल रही।"))
    f.write_text("\n".join(l for l in CONLLU.split("\n") if not l.startswith("# text")), encoding="utf-8")
    assert evaluate(f)["raw"] is None


def test_hdtb_figures():
    path = shared_or_skip("data", "ud-hdtb-v1", "hi-ud-test.conllu")
    res = evaluate(path)
    assert res["raw"] is None          # UD v1-era file: no `# text`, so only the rebuilt figure exists
    assert res["rebuilt"]["sentences"][2] >= 0.98 and res["rebuilt"]["tokens"][2] >= 0.99
