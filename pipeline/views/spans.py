"""The highlights of the briefing view (`hindi-extract show`): the entities, role titles and amounts of
one document as `Span`s in highlight groups (`GROUPS`: legend text and colours), untangled into a tree
of nested spans (spans that cross are split at the crossing; the parts keep the span's id)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# highlight groups: key -> (legend text, background colour, ANSI 256-colour background)
GROUPS: dict[str, tuple[str, str, int]] = {
    "PER": ("person · व्यक्ति", "#ffb199", 216),
    "LOC": ("place · स्थान", "#9fd3f0", 117),
    "ORG": ("organisation · संगठन", "#b8e0a0", 150),
    "MISC": ("scheme / event / agreement · योजना / आयोजन / समझौता", "#f2c4de", 225),
    "money": ("money · धनराशि", "#ffd966", 221),
    "percent": ("percent · प्रतिशत", "#d9b8f0", 183),
    "time": ("date / year · तिथि / वर्ष", "#b3e5dc", 152),
    "number": ("number · संख्या", "#dedede", 252),
    "role": ("title of a person · पद", "#fff2cc", 230),
}
TIME_KINDS = {"year", "fiscal_year", "date", "date_range", "quarter", "time", "duration", "relative_time"}


def amount_group(kind: str) -> str:
    if kind in ("money", "percent"):
        return kind
    if kind == "basis_points":
        return "percent"
    return "time" if kind in TIME_KINDS else "number"


@dataclass
class Span:
    start: int
    end: int
    group: str                  # a GROUPS key
    span_id: str                # the table's id (entity_id / amount_id), '' for role titles
    label: str                  # shown after the span (PER, LOC, money ...)
    title: str                  # tooltip
    rank: int                   # lower wins when two spans cover the same characters
    parts: int = 1
    children: list = field(default_factory=list)


def spans_of(rows: dict[str, pd.DataFrame]) -> list[Span]:
    """Entities (and their role titles) and amounts of one document as highlight spans."""
    out: list[Span] = []
    e = rows["entities"]
    for r in e.itertuples(index=False):
        extra = " · ".join(str(x) for x in (r.subtype, r.canonical) if isinstance(x, str) and x)
        title = f"{r.label}{' · ' + extra if extra else ''} ({r.source}, {r.score})"
        out.append(Span(int(r.start), int(r.end), r.label if r.label in GROUPS else "number", r.entity_id,
                        r.label, title, 0))
        if isinstance(r.role, str) and r.role and pd.notna(r.role_start):
            out.append(Span(int(r.role_start), int(r.role_end), "role", "", "title",
                            f"title of {r.text}", 3))
    for r in rows["amounts"].itertuples(index=False):
        g = amount_group(str(r.kind))
        val = r.normalized_value if isinstance(r.normalized_value, str) and r.normalized_value else r.value
        bits = [str(r.kind), f"{val} {r.currency if isinstance(r.currency, str) else ''}".strip()
                if isinstance(val, str) and val else "", r.qualifier if isinstance(r.qualifier, str) else ""]
        out.append(Span(int(r.start), int(r.end), g, r.amount_id, str(r.kind),
                        " · ".join(b for b in bits if b), 1))
    return [s for s in out if s.end > s.start]


def _uncross(spans: list[Span]) -> list[Span]:
    """Split spans so that any two are nested or disjoint; a split span's parts share its id.
    Higher-priority spans (entities) are placed first and stay whole against lower ones."""
    placed: list[Span] = []
    todo = sorted(spans, key=lambda s: (s.rank, s.start, -s.end))
    while todo:
        s = todo.pop(0)
        cut = next((b for p in placed for b in (p.start, p.end)
                    if s.start < b < s.end and not (p.start <= s.start and s.end <= p.end)
                    and not (s.start <= p.start and p.end <= s.end)), None)
        if cut is None:
            placed.append(s)
            continue
        a = Span(s.start, cut, s.group, s.span_id, s.label, s.title, s.rank, s.parts + 1)
        b = Span(cut, s.end, s.group, s.span_id, s.label, s.title, s.rank, s.parts + 1)
        todo[:0] = [a, b]
    return placed


def span_tree(spans: list[Span]) -> list[Span]:
    """The spans, uncrossed, as a forest: each span holds the spans inside it (`children`)."""
    roots: list[Span] = []
    stack: list[Span] = []
    for s in sorted(_uncross(spans), key=lambda s: (s.start, -s.end, s.rank)):
        while stack and not (stack[-1].start <= s.start and s.end <= stack[-1].end):
            stack.pop()
        (stack[-1].children if stack else roots).append(s)
        stack.append(s)
    return roots
