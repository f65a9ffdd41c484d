"""The dateline of a news item: "नई दिल्ली, 14 नवंबर (भाषा)।" -> place नई दिल्ली, date XXXX-11-14.

Only the document's first sentence is looked at: it must open with a place name (a LOC entity on
its first token) followed by a comma, colon, dash, bracket or danda; the date is the first date
amount within the next few tokens. A place with a colon, bracket or danda and no date is a
dateline of the place alone; after a comma or dash a date is required. Without an opening place, a
short first line holding a full date (a transcript's heading) gives a dateline of the date alone.
The span (start, end) covers the place up to the date and indexes the original text.
"""
from __future__ import annotations

import regex

from .view import View

AFTER_PLACE = {",", ":", "-", "–", "(", "।", "|"}
MAX_GAP = 3     # tokens between the place's punctuation and the date: "(भाषा)", "शुक्रवार"
MAX_HEADING_TOKENS = 15
FULL_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
RELATIVE = regex.compile(r"W|XX-XX|^XXXX(?:-XX)?$")   # सोमवार, कल, पिछले साल (amounts/relative.py): no dateline's date


def dateline(views: list[View]) -> dict | None:
    if not views or not views[0].tokens:
        return None
    return _place_and_date(views[0]) or _dated_heading(views[0])


def _place_and_date(v: View) -> dict | None:
    first = v.ents.get(0)
    if first is None or first[1].label != "LOC":
        return None
    j, place = first
    if j >= len(v.keys) or v.keys[j] not in AFTER_PLACE:
        return None
    out = {"place": place.text, "place_id": place.id, "date": "", "start": place.start, "end": place.end}
    for i, (_, a) in sorted(v.amts.items()):
        if i > j + 1 + MAX_GAP:
            break
        if a.kind in ("date", "date_range") and i > j and not RELATIVE.search(str(a.value)):
            out.update(date=str(a.value), end=a.end)
            break
    if not out["date"] and v.keys[j] in (",", "-", "–"):
        return None     # "भारत, रूस और चीन ...": a list of places, not a dateline
    out["text"] = v.doc.text[out["start"]:out["end"]]
    return out


def _dated_heading(v: View) -> dict | None:
    """A short first line holding a full date, as briefing transcripts open: "साप्ताहिक मीडिया
    ब्रीफिंग के प्रतिलेख (21 नवंबर, 2025)" -> a dateline of the date alone."""
    if len(v.tokens) > MAX_HEADING_TOKENS:
        return None
    for _, a in sorted(v.amts.values(), key=lambda x: x[1].start):
        if a.kind == "date" and FULL_DATE.fullmatch(str(a.value)):
            return {"place": "", "place_id": "", "date": str(a.value), "start": a.start, "end": a.end,
                    "text": v.doc.text[a.start:a.end]}
    return None
