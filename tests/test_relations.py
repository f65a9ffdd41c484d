from pathlib import Path

import pytest
import yaml

from pipeline.runner import Pipeline

EXAMPLES = yaml.safe_load((Path(__file__).resolve().parents[1] / "pipeline/relations/examples.yaml")
                          .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules_pipe():
    return Pipeline({"entities": {"ner": "none"}}, skip=("triples",))


def _facts(doc):
    return [(r.subject, r.predicate, r.object, r.period) for r in doc.relations]


@pytest.mark.parametrize("case", EXAMPLES, ids=[c["text"][:30] for c in EXAMPLES])
def test_relation_examples(rules_pipe, case):
    doc = rules_pipe.process_text(case["text"], "ex")
    facts = _facts(doc)
    for exp in case.get("expect") or []:
        subj, pred, obj = exp[:3]
        hits = [f for f in facts if f[:3] == (subj, pred, obj)]
        assert hits, f"missing {exp} in {facts}"
        if len(exp) > 3:
            assert any(f[3] == str(exp[3]) for f in hits), f"period {exp[3]} not in {hits}"
    for rej in case.get("reject") or []:
        subj, pred, obj = rej
        assert not [f for f in facts if f[1] == pred and (not subj or f[0] == subj) and (not obj or f[2] == obj)], \
            f"unexpected {rej} in {facts}"
    for r in doc.relations:  # evidence lies inside its sentence and is an exact slice
        sent = next(s for s in doc.sentences if s.id == r.sentence_id)
        assert sent.start <= r.start <= r.end <= sent.end
        assert doc.text[r.start:r.end] == r.text
