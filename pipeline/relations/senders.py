"""Money sent home by people living abroad ('प्रवासी भारतीयों ने 2023 में N भारत भेजे', 'विदेश में रह रहे
पाकिस्तानियों ने N स्वदेश भेजे'): a verb of sending after the value (frames.yaml `sent_verbs`) names the
metric when the sentence's agent is a people abroad: a plural demonym (भारतीयों) or a noun of migrants
(senders.tsv) marked ने or द्वारा. The owner is the country that receives the money: the place written
between the value and the verb, else the country the demonym names (स्वदेश, अपने घर: home)."""
from __future__ import annotations

from .frames import metrics
from .lexicon import marker, table, words
from .view import View

REACH = 4           # words between the value and the verb of sending ('N अपने घर भेजे', 'N की राशि स्वदेश भेजी')


def _demonym_country(word: str) -> str:
    """भारतीयों -> भारत, पाकिस्तानियों -> पाकिस्तान (demonyms.tsv, singular or plural: plural_endings.tsv)."""
    dem = table("demonyms.tsv", "adjective", "country")
    if word in dem:
        return dem[word]
    for plural, singular in table("plural_endings.tsv", "plural", "singular").items():
        if word.endswith(plural) and word[:-len(plural)] + singular in dem:
            return dem[word[:-len(plural)] + singular]
    return ""


def sender(v: View, i: int) -> tuple[int, str] | None:
    """(token, the senders' home country or "") of the people abroad marked as the agent before the value
    at i in its clause."""
    agents, migrants = (marker("agent"), marker("passive_agent")), words("senders.tsv")
    for k in range(i - 1, 0, -1):
        if v.clause(k) != v.clause(i):
            break
        if v.keys[k] not in agents:
            continue
        n = k - 1                                   # 'प्रवासी भारतीयों ने', 'भारतीय समुदाय ने'; not
        country = _demonym_country(v.keys[n])       # 'भारतीय कंपनियों ने'
        if country or v.keys[n] in migrants:
            return n, country or next((c for c in (_demonym_country(v.keys[m]) for m in range(max(0, n - 3), n)) if c), "")
        return None
    return None


def sent_verb(v: View, j: int) -> int | None:
    """The token of a verb of sending (a frame's `sent_verbs`) within REACH words after the value ending at j
    (past the value restated in brackets: 'N (लगभग M) अपने घर भेजे')."""
    j = v.past_bracket(j, 12)
    for k in range(j, min(len(v.keys), j + REACH + 1)):
        for frame in metrics().frames.values():
            if v.keys[k] in frame.sent_verbs:
                return k
        if v.keys[k] in (",", "।"):
            return None
    return None


def sent_home(v: View, i: int, j: int) -> tuple[int, int, str] | None:
    """The metric hit (the verb) of a value sent home by people abroad, else None."""
    k = sent_verb(v, j)
    if k is None or sender(v, i) is None:
        return None
    return next(((k, k + 1, f.predicate) for f in metrics().frames.values() if v.keys[k] in f.sent_verbs), None)


def home_country(v: View, i: int) -> tuple[str, str] | None:
    """(text, entity id) of the country a value sent home goes to: a place between the value and the
    verb not marked as the source ('N भारत भेजे', not 'N सऊदी अरब से भेजे'), else the senders' country
    (the demonym: 'पाकिस्तानियों ने N भेजे', 'भारतीयों ने स्वदेश N भेजे')."""
    j = v.amts[i][0] if i in v.amts else i + 1
    k = sent_verb(v, j)
    found = sender(v, i) if k is not None else None
    if found is None:
        return None
    places = [(a, e) for a, b, e in v.entities("LOC") if j <= a and b <= k and v.keys[b] != marker("source")]
    if places:
        return places[-1][1].text, places[-1][1].id
    return (found[1], "") if found[1] else None
