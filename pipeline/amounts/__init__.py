"""Numbers, money, percentages, ordinals and dates in Hindi text (issue 4).

`find_amounts(text)` runs over normalized text (`pipeline.text.normalize.normalize(raw).text`) and returns
`AmountMatch` objects; `AmountsStage` fills `Document.amounts`. See docs/amounts.md.
"""
from .grammar import find_amounts, find_numbers
from .model import AmountMatch

__all__ = ["AmountMatch", "find_amounts", "find_numbers"]
