"""The reference date of a document, against which its relative and partial dates are placed
(anchoring.py). Taken from, in this order:

1. its dateline: the text opens with a place (a LOC entity), then `,` `:` `-` `(` or `।`, and a
   date within a few words ("नई दिल्ली, 5 जुलाई 2024 (भाषा)।", "मुंबई: शुक्रवार, 5 जुलाई 2024");
2. a full date on one of its first lines that is short, a heading or byline
   ("प्रेस विज्ञप्ति | 5 जुलाई 2024", "साप्ताहिक ब्रीफिंग (21 नवंबर, 2025)");
3. its row in the dates file (`--dates FILE`: columns doc_id and date);
4. the run's `--date`.

A dateline without a year ("नई दिल्ली, 14 नवंबर") takes the year from 2-4 that puts it nearest to
that date; with none of them the document has no reference date, and the note says why.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .anchoring import Reference

AFTER_PLACE = re.compile(r"[ \t]*[,:\-–(।|]")
MAX_GAP = 60                    # characters from the place to its date: "(भाषा)", "शुक्रवार,"
MAX_GAP_WORDS = 1               # words between them, brackets left out: a weekday ("नई दिल्ली, शुक्रवार, 5 जुलाई")
BRACKETS = re.compile(r"\([^)]*\)")
HEADING_LINES, HEADING_WORDS = 3, 20
FULL = re.compile(r"\d{4}-\d{2}-\d{2}")
NO_YEAR_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})")


@dataclass
class Given:
    """What the user gave: a date per document (the dates file) and one for the run (--date)."""
    by_doc: dict[str, dt.date] = field(default_factory=dict)
    run_date: dt.date | None = None

    def for_doc(self, doc_id: str) -> tuple[dt.date | None, str]:
        if doc_id in self.by_doc:
            return self.by_doc[doc_id], "dates_file"
        return self.run_date, "option" if self.run_date else ""


def parse_date(text: str, where: str) -> dt.date:
    """A YYYY-MM-DD date, or ValueError naming `where` (the option, the file and line)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{where}: {text.strip()!r} is not a date; write YYYY-MM-DD, e.g. 2024-07-05") from None


def document_reference(text: str, places: list[tuple[int, int]], dates: list[tuple[int, int, str]],
                       given: tuple[dt.date | None, str]) -> tuple[Reference, tuple[int, int] | None]:
    """(the reference, the span of the date it was read from, None when given). places: (start, end)
    of the LOC entities; dates: (start, end, value) of the date amounts, in the original text."""
    line = _dateline(text, places, dates)
    if line is not None and FULL.fullmatch(line[2]):
        return Reference(dt.date.fromisoformat(line[2]), "dateline", ""), line[:2]
    heading = _heading(text, dates)
    fallback, source = (dt.date.fromisoformat(heading[2]), "first_lines") if heading else given
    if line is not None:
        if fallback is None:
            return Reference(None, "", f"the dateline {text[line[0]:line[1]]!r} has no year, and no full "
                                       "date in the first lines or --date gives one"), None
        return Reference(_nearest(line[2], fallback), f"dateline+{source}", ""), line[:2]
    if heading is not None:
        return Reference(fallback, "first_lines", ""), heading[:2]
    if fallback is not None:
        return Reference(fallback, source, ""), None
    return Reference(), None


def _dateline(text: str, places, dates) -> tuple[int, int, str] | None:
    first = len(text) - len(text.lstrip())
    place = next((p for p in places if p[0] == first), None)
    if place is None:
        return None
    m = AFTER_PLACE.match(text, place[1])
    if m is None:
        return None
    for start, end, value in sorted(dates):
        if start < m.end():
            continue
        gap = BRACKETS.sub(" ", text[m.end():start]).replace(",", " ").split()
        if start - place[1] <= MAX_GAP and len(gap) <= MAX_GAP_WORDS and (FULL.fullmatch(value) or NO_YEAR_DAY.fullmatch(value)):
            return start, end, value
        break
    return None


def _heading(text: str, dates) -> tuple[int, int, str] | None:
    at, seen = 0, 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > HEADING_LINES:
            break
        if len(line.split()) > HEADING_WORDS:
            continue
        for s, e, value in sorted(dates):
            if start <= s and e <= start + len(line) and FULL.fullmatch(value):
                return s, e, value
    return None


def _nearest(month_day: str, near: dt.date) -> dt.date:
    """XXXX-MM-DD in the year (of near's and the two beside it) nearest to `near`."""
    m = NO_YEAR_DAY.fullmatch(month_day)
    month, day = int(m[1]), int(m[2])
    cands = []
    for y in (near.year - 1, near.year, near.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:       # 29 February outside a leap year
            pass
    return min(cands, key=lambda d: abs(d.toordinal() - near.toordinal()))


def read_dates_file(path: str) -> dict[str, dt.date]:
    """doc_id -> date from a CSV or TSV file with a header naming the columns doc_id and date (the
    doc_id is the file's path inside the corpus folder, as the tables write it). ValueError names
    the file and line of anything it cannot read."""
    import csv
    from pathlib import Path
    try:
        body = Path(path).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ValueError(f"{path}: cannot read the dates file: {e.strerror or e}") from None
    dialect = "excel-tab" if "\t" in body.split("\n", 1)[0] else "excel"
    rows = csv.DictReader(body.splitlines(), dialect=dialect)
    if not rows.fieldnames or not {"doc_id", "date"} <= {f.strip() for f in rows.fieldnames}:
        raise ValueError(f"{path}: the dates file needs a header with the columns doc_id and date, "
                         f"not {rows.fieldnames}")
    out = {}
    for n, row in enumerate(rows, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if row["doc_id"]:
            out[row["doc_id"]] = parse_date(row["date"], f"{path} line {n}")
    return out
