"""Qualifier words around an amount (the qualifier column and the full span), and merging
neighbouring amounts: two dates joined by से/-/तक into a date range, a lower and an upper bound
("10 से अधिक और 20 से कम") into a range.
"""
from __future__ import annotations


from .connectors import BOUND_JOIN, DATE_JOIN, DURATION_JOIN
from .model import NO_YEAR, AmountMatch
from .units import qualifier_after, qualifier_before

OR_EQUAL = {"more_than": "at_least", "less_than": "at_most"}


def qualify(text: str, am: AmountMatch) -> AmountMatch:
    """Qualifier words before/after the amount: the qualifier column and the full span."""
    q = qualifier_before(text, am.start)
    if q:
        am.full_start, am.qualifier = q[0], q[1]
        am.extra["pre_q"] = q
    q = qualifier_after(text, am.end)
    if q and (am.kind not in ("date", "date_range", "quarter", "time") or q[1] == "up_to"):
        am.full_end = q[0]
        am.extra["post_q"] = q
        if q[1] == "up_to" and am.value_min is not None:
            pass                         # "X से Y तक": तक closes the range, it is no qualifier
        elif q[1] == "or_equal":
            am.qualifier = OR_EQUAL.get(am.qualifier, am.qualifier)
        elif not am.qualifier or am.qualifier == "approx":
            am.qualifier = q[1]
        if q[1] != "or_equal":
            q2 = qualifier_after(text, q[0])
            if q2 and q2[1] == "or_equal":
                am.full_end = q2[0]
                am.qualifier = OR_EQUAL.get(am.qualifier, am.qualifier)
    return am


LOWER, UPPER = {"more_than", "at_least"}, {"less_than", "at_most", "up_to"}


def merge_bounds(text: str, out: list[AmountMatch]) -> list[AmountMatch]:
    """"10 से अधिक और 20 से कम", "अधिकतम 100 और कम से कम 20": two bounds become one range."""
    merged: list[AmountMatch] = []
    for am in out:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind in ("number", "fraction") and am.kind == prev.kind and \
                {prev.qualifier, am.qualifier} & LOWER and {prev.qualifier, am.qualifier} & UPPER and \
                BOUND_JOIN.fullmatch(text, prev.full_end, am.full_start):
            lo, hi = (prev, am) if prev.qualifier in LOWER else (am, prev)
            if lo.normalized_value is not None and hi.normalized_value is not None and \
                    lo.normalized_value < hi.normalized_value:
                merged[-1] = AmountMatch(prev.start, am.end, text[prev.start:am.end], "range", None, lo.value,
                                         hi.value, normalized_value=lo.normalized_value,
                                         full_start=prev.full_start, full_end=am.full_end,
                                         extra={"bounds": (lo.qualifier, hi.qualifier)})
                continue
        merged.append(am)
    return merged


def merge_date_ranges(text: str, out: list[AmountMatch]) -> list[AmountMatch]:
    """"19 मई से 15 जुलाई", "1 जून - 3 जुलाई 2024": two dates joined by से/-/तक become a date_range."""
    merged: list[AmountMatch] = []
    for am in out:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind == "date" and am.kind == "date" and \
                "calendar" not in prev.extra and "calendar" not in am.extra and \
                DATE_JOIN.fullmatch(text, prev.end, am.start):
            a, b = prev.value, am.value
            if a.startswith(NO_YEAR) and not b.startswith(NO_YEAR):
                a = b[:4] + a[4:]
            rng = AmountMatch(prev.start, am.end, text[prev.start:am.end], "date_range", f"{a}/{b}", a, b,
                              full_start=prev.full_start, full_end=am.full_end)
            merged[-1] = rng
            continue
        merged.append(am)
    return merged


UNIT_FAMILIES = ({"year": 12, "month": 1},
                 {"fortnight": 1209600, "week": 604800, "day": 86400, "hour": 3600, "minute": 60, "second": 1})


def merge_durations(text: str, out: list[AmountMatch]) -> list[AmountMatch]:
    """"2 साल 3 महीने", "3 घंटे और 20 मिनट": one duration in the smaller unit (months, seconds...).
    Only units of one family merge (a year is 12 months; a year is not a fixed count of days)."""
    from .model import exact, sortable, to_fraction
    merged: list[AmountMatch] = []
    for am in out:
        prev = merged[-1] if merged else None
        fam = next((f for f in UNIT_FAMILIES if prev is not None and prev.unit in f and am.unit in f), None)
        if fam is not None and prev.kind == am.kind == "duration" and prev.value is not None \
                and am.value is not None and fam[prev.unit] > fam[am.unit] \
                and DURATION_JOIN.fullmatch(text, prev.full_end, am.full_start):
            v = to_fraction(prev.value) * fam[prev.unit] / fam[am.unit] + to_fraction(am.value)
            merged[-1] = AmountMatch(prev.start, am.end, text[prev.start:am.end], "duration", exact(v),
                                     unit=am.unit, normalized_value=sortable(v), qualifier=prev.qualifier,
                                     full_start=prev.full_start, full_end=am.full_end)
            continue
        merged.append(am)
    return merged
