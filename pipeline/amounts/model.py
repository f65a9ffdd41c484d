"""AmountMatch (what the grammar finds) and the exact-value conversions it uses."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction

KINDS = ("number", "fraction", "money", "percent", "basis_points", "quantity", "ordinal", "multiplier", "range",
         "year", "fiscal_year", "date", "date_range", "quarter", "time", "duration", "relative_time")
NO_YEAR = "XXXX"   # year of a date written without one (ISO 8601 / TIMEX3 placeholder): XXXX-02-12
QUALIFIERS = ("approx", "more_than", "less_than", "at_least", "at_most", "up_to", "exactly")

Exact = int | Decimal | str | None


@dataclass
class AmountMatch:
    start: int                 # offsets into the normalized text given to find_amounts
    end: int
    text: str
    kind: str
    value: Exact = None
    value_min: Exact = None
    value_max: Exact = None
    currency: str = ""         # ISO 4217 (XBT for bitcoin)
    unit: str = ""             # %, day, year, ... ; for money the currency word/symbol as written
    scale: str = ""            # scale word as written (बिलियन, करोड़, लाख)
    qualifier: str = ""        # one of QUALIFIERS or ""
    normalized_value: int | Decimal | None = None
    full_start: int = -1       # span including qualifier words ("65 बिलियन डॉलर के करीब")
    full_end: int = -1
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.full_start < 0:
            self.full_start = self.start
        if self.full_end < 0:
            self.full_end = self.end


def exact(v: Fraction | None) -> int | Decimal | str | None:
    """int when whole, Decimal when the fraction terminates, else the string 'p/q'."""
    if v is None:
        return None
    if v.denominator == 1:
        return int(v.numerator)
    d = v.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        with localcontext() as ctx:
            ctx.prec = 60
            return (Decimal(v.numerator) / Decimal(v.denominator)).normalize()
    return f"{v.numerator}/{v.denominator}"


def sortable(v: Fraction | None) -> int | Decimal | None:
    """A number for the normalized_value column: exact when it terminates, else 28 significant digits."""
    if v is None:
        return None
    e = exact(v)
    if isinstance(e, str):
        return Decimal(v.numerator) / Decimal(v.denominator)
    return e


def to_fraction(v) -> Fraction | None:
    """Back from an exact value (int, Decimal, 'p/q') to a Fraction."""
    if v is None or v == "":
        return None
    if isinstance(v, (int, Decimal, Fraction)):
        return Fraction(v)
    return Fraction(str(v))
