import pytest

from pipeline.runner import STAGES, Pipeline
from pipeline.core.stage import ContractError, check_contracts
from pipeline.relations.stage import RelationsStage
from pipeline.text.normalize import NormalizeStage
from pipeline.text.sentences import SentencesStage
from pipeline.text.tokens import TokensStage


def test_every_problem_reported_at_once():
    with pytest.raises(ContractError) as e:
        check_contracts([TokensStage(), SentencesStage(), RelationsStage(), SentencesStage()])
    msg = str(e.value)
    assert "'tokens' requires ['norm', 'sentences']" in msg
    assert "'sentences' requires ['norm']" in msg
    assert "'relations' requires ['entities', 'amounts', 'syntax']" in msg
    assert "appears twice" in msg


def test_the_stage_list_is_valid_and_ordered():
    assert [stage.name for stage in STAGES] == ["normalize", "sentences", "tokens", "entities", "amounts", "syntax", "relations",
                                      "triples"]
    check_contracts([NormalizeStage(), SentencesStage(), TokensStage()])


def test_unknown_config_is_refused():
    with pytest.raises(ContractError, match="unknown config keys"):
        NormalizeStage({"lowercase": True})
    with pytest.raises(ValueError, match="unknown stages"):
        Pipeline({"ner": {}})
    with pytest.raises(ContractError, match="ner must be one of"):
        Pipeline({"entities": {"ner": "spacy"}})
