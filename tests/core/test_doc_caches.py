"""Document.sentence_tokens and sentence_keys are built once per token list and rebuilt when it
changes; a pickled or copied document carries no cache."""
import copy
import pickle

from pipeline.runner import Pipeline

TEXT = "भारत और जापान ने समझौता किया। दोनों देशों के नेता टोक्यो में मिले।"


def _doc():
    pipe = Pipeline({"entities": {"ner": "none"}})
    doc = pipe.process_text(TEXT)
    return doc


def test_keys_follow_tokens_and_norm():
    doc = _doc()
    keys = doc.sentence_keys()
    for sid, toks in doc.sentence_tokens().items():
        assert keys[sid] == [doc.norm.slice(t.start, t.end) for t in toks]
    assert doc.sentence_tokens() is doc.sentence_tokens()          # built once
    assert doc.sentence_keys() is keys


def test_a_changed_token_list_is_read_again():
    doc = _doc()
    first = doc.sentence_tokens()
    last = doc.tokens.pop()
    assert last not in doc.sentence_tokens()[last.sentence_id]
    doc.tokens = list(doc.tokens) + [last]
    again = doc.sentence_tokens()
    assert again is not first and again[last.sentence_id][-1] is last
    assert doc.sentence_keys()[last.sentence_id][-1] == doc.norm.slice(last.start, last.end)


def test_copies_carry_no_cache():
    doc = _doc()
    doc.sentence_keys()
    for other in (pickle.loads(pickle.dumps(doc)), copy.deepcopy(doc)):
        assert "_keys" not in other.__dict__ and "_by_sentence" not in other.__dict__
        assert other.sentence_keys() == doc.sentence_keys()
