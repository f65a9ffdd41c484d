"""Lists of values, one per party: a total followed by its shares per recipient, source or rank
('बिहार को 500 करोड़, असम को 300 करोड़ रुपये', 'नेपाल (450 करोड़ रुपये) और भूटान (600 करोड़)', '3 अरब डॉलर
के साथ जापान तीसरे स्थान पर', 'जापान, जहां से 4 अरब डॉलर आए'). Each value is paired with the party
written right beside it; the party fills the slot its marker gives in the metric's frame (a marker of
the frame's `counterpart`: the counterpart; another case marker: the subject), a party ranked or
bracketed without a marker fills the frame's `list_party` slot. The metric, the other party, the
period and the modality are the sentence's, else the paragraph's last metric fact's (the list
continues the total)."""
from __future__ import annotations

from .frames import metrics
from .lexicon import cc, marker, phrases, table
from .view import View

Pair = tuple[str, str, str]       # party text, entity id, its marker ("" ranked or bracketed)
MAX_RELATIVE = 8                  # tokens from a relative pronoun to the value in its clause


def _party_ending(v: View, k: int):
    hit = v.ent_ending(k)
    return hit if hit and hit[1].label in ("LOC", "ORG") else None


def _marked(v: View, i: int) -> Pair | None:
    """'बिहार को 500 करोड़', 'सिंगापुर से 8 अरब डॉलर': a party and its marker right before the value (or
    before a superlative right before it: 'बिहार को सबसे अधिक 500 करोड़', superlatives.tsv)."""
    sup = next((k for k in (i - 2, i - 1) if k > 0 and (phrases("superlatives.tsv").at(v.keys, k) or (0,))[0] == i - k),
               None)
    i = sup if sup is not None else i
    for m in (marker("recipient"), marker("for"), marker("source"), marker("in")):
        n = len(m.split())
        k = i - n
        if k > 0 and " ".join(v.keys[k:i]) == m:
            hit = _party_ending(v, k)
            if hit:
                return hit[1].text, hit[1].id, m
    return None


def _bracketed(v: View, i: int, j: int) -> Pair | None:
    """'नेपाल (700 करोड़ रुपये)': the value in brackets right after the party."""
    if i > 1 and v.keys[i - 1] == "(" and v.keys[j:j + 1] == [")"]:
        hit = _party_ending(v, i - 1)
        if hit:
            return hit[1].text, hit[1].id, ""
    return None


def _ranked(v: View, i: int, j: int) -> Pair | None:
    """'3 अरब डॉलर के साथ जापान तीसरे', '500 करोड़ रुपये पाकर बिहार', 'मिस्र 29 अरब डॉलर लेकर': the party
    right after (or right before) the value and a phrase of company or of receiving (list_words.tsv), past
    the value restated in brackets ('केन्या 4 अरब डॉलर (लगभग 33,000 करोड़ रुपये) लेकर')."""
    j = j + 1 if v.keys[j:j + 1] == [")"] else j
    hit = phrases("list_words.tsv").at(v.keys, j)
    if hit:
        role = marker("recipient") if hit[1] == "receive" else ""
        ent = v.ents.get(j + hit[0])
        owner = ent and v.keys[ent[0]:ent[0] + 1] and v.keys[ent[0]] in cc("genitive")
        if ent and ent[1].label in ("LOC", "ORG") and not owner:     # not 'के साथ भारत के निर्यात में'
            return ent[1].text, ent[1].id, role
        before = _party_ending(v, i)
        if before:
            return before[1].text, before[1].id, role
    return None


def received_by(v: View, i: int, j: int) -> Pair | None:
    """The party written as receiving the value at [i, j) with a phrase of receiving after it ('X N पाकर',
    list_words.tsv kind receive), else None."""
    pair = _ranked(v, i, j)
    return pair if pair and pair[2] == marker("recipient") else None


def _marked_after(v: View, j: int) -> Pair | None:
    """'90 करोड़ रुपये केरल को दिए गए': the party and its marker right after the value."""
    ent = v.ents.get(j)
    if ent and ent[1].label in ("LOC", "ORG"):
        k = ent[0]
        for m in (marker("recipient"), marker("for")):
            if " ".join(v.keys[k:k + len(m.split())]) == m:
                return ent[1].text, ent[1].id, m
    return None


def _relative(v: View, i: int) -> Pair | None:
    """'ब्राजील रहा, जिसे 14 अरब डॉलर मिले', 'फ्रांस दूसरे स्थान पर, जहां 9 अरब डॉलर भेजे गए': a relative pronoun
    with a case opens the value's clause; its antecedent is the last party before the comma."""
    relatives = table("relative_markers.tsv", "word", "marker")
    for r in range(i - 1, max(0, i - MAX_RELATIVE), -1):
        if v.keys[r] in (",", "।") or v.keys[r] in cc("subord"):
            return None
        rel = phrases("relative_markers.tsv").at(v.keys, r)
        if rel and r > 1 and v.keys[r - 1] == ",":
            for k in range(r - 1, max(0, r - 7), -1):
                hit = _party_ending(v, k)
                if hit:
                    key = " ".join(v.keys[r:r + rel[0]])
                    return hit[1].text, hit[1].id, " ".join(relatives.get(key, "").split())
            return None
    return None


def list_party(v: View, i: int, j: int) -> Pair | None:
    """The party written beside the value at tokens [i, j), and its marker."""
    return _marked(v, i) or _bracketed(v, i, j) or _ranked(v, i, j) or _relative(v, i) or _marked_after(v, j)


def slot_of(predicate: str, pair: Pair) -> str:
    """Which slot the paired party fills in the frame: 'counterpart', 'subject', or '' (its marker
    names no slot of this metric)."""
    frame = metrics().frames[predicate]
    m = tuple(pair[2].split())
    if not m:
        return frame.list_party
    if m in frame.counterpart:
        return "counterpart"
    return "subject" if m in frame.subject_markers or pair[2] == marker("agent") else ""


def listing(predicate: str) -> bool:
    """Does the metric take per-party lists (a transfer, trade, remittances: it has a counterpart)?"""
    frame = metrics().frames.get(predicate)
    return bool(frame and frame.counterpart)


def coordinated(v: View, text: str) -> set[str]:
    """The party and the names listed with it ('वियतनाम, थाईलैंड और इंडोनेशिया को': all three)."""
    ents, joins = v.entities(), cc("coord") | {","}
    out = {text}
    for _ in range(2):                   # a list of names joined by commas and conjunctions, both ways
        for (a, b, e), (c, d, f) in zip(ents, ents[1:]):
            if b < c <= b + 1 and all(k in joins for k in v.keys[b:c]) and (e.text in out or f.text in out):
                out |= {e.text, f.text}
    return out


def partners(v: View, predicate: str) -> set[str]:
    """The places and bodies closed by one of the metric's counterpart markers ('वियतनाम से ..., जबकि
    मलेशिया से ...'): partners, not owners."""
    frame = metrics().frames[predicate]
    return {e.text for _, b, e in v.entities() if e.label in ("LOC", "ORG")
            and any(tuple(v.keys[b:b + len(m)]) == m for m in frame.counterpart)}
