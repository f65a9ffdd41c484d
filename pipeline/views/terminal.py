"""The briefing view on a terminal (`hindi-extract show --terminal`): the document with its spans in ANSI
colours (or [brackets] without colour), then its entities, amounts and relations as plain lines. Control
characters and bidi overrides in the document are replaced, so none reaches the terminal."""
from __future__ import annotations

import re

import pandas as pd

from .spans import GROUPS, Span, span_tree, spans_of

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(s: str) -> str:
    """No escape sequences or bidi overrides from the document reach the terminal."""
    return _CONTROL.sub("\ufffd", s)


def render_terminal(text: str, rows: dict[str, pd.DataFrame], color: bool = True) -> str:
    """The document with highlighted spans (ANSI colours) and the tables as plain lines."""
    def paint(s: str, group: str) -> str:
        return f"\x1b[48;5;{GROUPS[group][2]}m\x1b[38;5;16m{s}\x1b[0m" if color else f"[{s}]"

    def tag(label: str) -> str:
        return f"\x1b[2m{label}\x1b[0m" if color else label

    def walk(spans: list[Span], start: int, end: int) -> str:
        out, pos = [], start
        for s in spans:
            out.append(_safe(text[pos:s.start]))
            inner = _safe(text[s.start:s.end])            # nested spans: the outer one shows
            out.append(paint(inner, s.group) + ("" if s.group == "role" else tag(s.label)))
            pos = s.end
        out.append(_safe(text[pos:end]))
        return "".join(out)

    spans = [s for s in spans_of(rows) if s.group != "role" or color]
    legend = "  ".join(paint(f" {g} ", g) + f" {name.split(' · ')[0]}" for g, (name, _c, _a) in GROUPS.items()
                       if g != "role")
    lines = [legend, "", walk(span_tree(spans), 0, len(text)), ""]
    e, a, r = rows["entities"], rows["amounts"], rows["relations"]
    lines.append(f"== entities ({len(e)})")
    for x in e.itertuples(index=False):
        canon = x.canonical if isinstance(x.canonical, str) else ""
        lines.append(f"  {x.label:4} {canon:22} {_safe(str(x.text))}")
    lines.append(f"== amounts ({len(a)})")
    for x in a.itertuples(index=False):
        val = x.normalized_value if isinstance(x.normalized_value, str) else (x.value if isinstance(x.value, str)
                                                                             else "")
        cur = x.currency if isinstance(x.currency, str) else ""
        lines.append(f"  {x.kind:12} {(val + ' ' + cur).strip():24} {_safe(str(x.text))}")
    lines.append(f"== relations ({len(r)})")
    for x in r.itertuples(index=False):
        period = f"  [{x.period}]" if isinstance(x.period, str) and x.period else ""
        extra = "".join(f" {k}={v}" for k, v in _relation_attributes(x))
        lines.append(f"  {x.predicate:16} {_safe(str(x.subject))} → {_safe(str(x.object))}{_safe(period)}"
                     f"{_safe(extra)}")
    return "\n".join(lines) + "\n"


def _relation_attributes(x) -> list[tuple[str, str]]:
    """The schema-v2 attributes of a relations row that say more than the defaults."""
    out = []
    for k, default in (("counterpart", ""), ("aspect", ""), ("modality", "actual"), ("polarity", "positive"),
                       ("attributed_to", "")):
        v = getattr(x, k, "")
        if isinstance(v, str) and v and v != default:
            out.append((k, v))
    return out
