"""Every row of pipeline/amounts/examples/*.yaml is a test (Duckling-style positive/negative examples)."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from pipeline.amounts.model import to_fraction
from pipeline.evaluation.conformance import amounts

EXAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "amounts" / "examples"
STRING_KINDS = {"date", "date_range", "quarter", "time", "fiscal_year"}
FIELDS = ("kind", "value", "value_min", "value_max", "currency", "unit", "scale", "qualifier")


def _rows(sign: str):
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, row in enumerate(data.get(sign) or []):
            yield pytest.param(row, id=f"{path.stem}-{sign}-{i}-{row['text'][:30]}")


def _same(field: str, kind: str, got, want) -> bool:
    if field in ("value", "value_min", "value_max") and not (kind in STRING_KINDS and field == "value"):
        if kind in STRING_KINDS and isinstance(want, str):
            return str(got) == want
        return got is not None and to_fraction(got) == Fraction(str(want))
    return got == want


@pytest.mark.parametrize("row", list(_rows("positive")))
def test_positive(row):
    text = row["text"]
    _, found = amounts(text)
    if "span" in row:
        hits = [a for a in found if a.text == row["span"]]
    else:
        hits = [a for a in found if a.full_start == 0 and a.full_end == len(text)]
    assert len(hits) == 1, f"{text!r}: {[(a.text, a.kind, a.value) for a in found]}"
    a = hits[0]
    for f in FIELDS:
        if f in row:
            assert _same(f, a.kind, getattr(a, f), row[f]), f"{text!r} {f}: {getattr(a, f)!r} != {row[f]!r}"


@pytest.mark.parametrize("row", list(_rows("negative")))
def test_negative(row):
    _, found = amounts(row["text"])
    if "kind" in row:
        found = [a for a in found if a.kind == row["kind"]]
    assert not found, f"{row['text']!r}: {[(a.text, a.kind, a.value) for a in found]}"
