"""Numbers, money, percentages, ordinals and dates in Hindi text (issue 4).

`find_amounts(text)` runs over normalized text (`pipeline.normalize.normalize(raw).text`) and returns
`AmountMatch` objects; `AmountsStage` fills `Document.amounts`. See docs/amounts.md.
"""
from .model import AmountMatch
from .grammar import find_amounts, find_numbers

__all__ = ["AmountMatch", "find_amounts", "find_numbers"]
