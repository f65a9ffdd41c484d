"""What earlier sentences named, read only through explicit anaphors, and the chain rule.

`DocState` is updated after every sentence. An anaphor names:
- a person (उन्होंने, वे, उनकी): the last person the text made the actor of a fact (the traveller, the
  one who met), else the last person named;
- a title with no name (प्रधानमंत्री, मेहमान राष्ट्रपति): the person it introduced, the latest one with
  that title (and that country, when one is written: पाकिस्तान के विदेश मंत्री);
- दोनों नेता / दोनों देश: the last two persons / countries named together (a list, a hyphenated pair,
  or the two parties of one fact), earlier in the same sentence first;
- a grouping (इस संगठन, समूह): the last grouping named; देश (metric owners, owners.py): the country the
  text is about, the one named most often so far.
A person pronoun names a person earlier in its own sentence first (मोदी ने तय किया कि वे ...). The
chain breaks at a paragraph boundary (a blank line): the persons, pairs, places and groups are
forgotten, so an anaphor of the next paragraph names nobody until one is named again; what the text
is about (देश), a person's full name (मोदी -> नरेंद्र मोदी) and short forms (आरबीआई -> भारतीय रिजर्व
बैंक) are kept for the whole document."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .argument import Arg, groups, read_marker
from ..text.normalize import match_key
from ..entities.gazetteers import DATA_DIR as ENTITY_DATA
from .lexicon import cc, marker, table, words

if TYPE_CHECKING:
    from .view import View

Party = tuple[str, str]          # (text, entity id)
OPENING_QUOTES, CLOSING_QUOTES = ("‘", "“"), ("’", "”")
GROUP_SUBTYPES = ("grouping", "intl_org")     # what a group anaphor (इस संगठन, परिषद) can name


@dataclass
class DocState:
    paragraph: int = 0
    sentence: int = 0
    countries: dict[str, int] = field(default_factory=dict)    # country -> mentions so far
    partners: dict[str, int] = field(default_factory=dict)     # country -> mentions as a metric fact's counterpart
    names: list[str] = field(default_factory=list)             # every name so far, in order
    here: list[str] = field(default_factory=list)              # the names of the paragraph, in order
    dateline_place: str = ""                                   # the entity id of the dateline's place
    bodies: list[str] = field(default_factory=list)            # the bodies (ORG) of the paragraph, in order
    org: str = ""
    person: Party = ("", "")
    actor: Party = ("", "")
    place: str = ""
    group: Party = ("", "")
    pair: tuple[Party, Party] | None = None
    person_pair: tuple[Party, Party] | None = None
    owner: str = ""
    speaker: str = ""
    holders: dict[str, list[tuple]] = field(default_factory=dict)   # title word -> (name, id, country, (sentence, token))
    people: dict[str, str] = field(default_factory=dict)       # a surname -> the fullest name written for it
    aliases: dict[str, str] = field(default_factory=dict)      # a short form -> the full name
    ids: dict[str, str] = field(default_factory=dict)          # a name -> the id of its latest entity
    last_metric: dict | None = None
    metric_at: dict[str, tuple] = field(default_factory=dict)  # metric -> (sentence, fact) last stating it here
    trade_pair: tuple[str, int] = ("", -10)                    # the last pair whose trade was stated, its sentence
    metric_sentence: int = -10
    pending: list = field(default_factory=list)     # (relation, title word, country): a title to be named
    quote: str = ""                                  # the speaker of a quotation still open after a sentence

    @property
    def country(self) -> str:
        """The country the text is most about so far; the first named wins a tie. A mention as the
        counterpart of a metric fact (अमेरिका को निर्यात: the partner) is not one about it."""
        about = {c: n - self.partners.get(c, 0) for c, n in self.countries.items()}
        best = max(about, key=lambda c: about[c]) if about else ""
        return best if best and about[best] > 0 else ""

    def recent_countries(self) -> list[str]:
        """The countries the paragraph named, the latest first, each once."""
        return list(dict.fromkeys(n for n in reversed(self.here) if n in self.countries))

    def named(self, word: str) -> str:
        """The last name holding `word` (बैंक -> विश्व बैंक, मंत्रालय -> वित्त मंत्रालय)."""
        return next((n for n in reversed(self.names) if word in n), "")

    def named_body(self, head: str) -> str:
        """The last body named whose name ends in the head noun `head` (a match key: आयोग, बैंक)."""
        return next((n for n in reversed(self.bodies) if n.split()[-1:] and match_key(n.split()[-1]) == head), "")

    def id_of(self, v: "View", name: str) -> str:
        """The entity id of a party named in the text: of this sentence's entity with that name, else of
        the latest one; a pair 'X-Y' gets both ids."""
        if "-" in name and name not in self.ids and not any(e.text == name for _, _, e in v.entities()):
            ids = [self.id_of(v, part) for part in name.split("-")]
            return "|".join(ids) if all(ids) else ""
        here = [e.id for _, _, e in v.entities() if e.text == name or self.aliases.get(e.text) == name]
        return here[0] if here else self.ids.get(name, "")

    def full_name(self, name: str) -> str:
        words = name.split()
        return self.people.get(words[-1], name) if len(words) == 1 else name

    def start_sentence(self, v: "View", n: int) -> None:
        """Before sentence n: a new paragraph breaks every chain."""
        if v.paragraph != self.paragraph:
            keep = (self.people, self.aliases, self.names, self.countries, self.partners, self.ids, self.dateline_place)
            self.__init__(paragraph=v.paragraph)
            self.people, self.aliases, self.names, self.countries, self.partners, self.ids, self.dateline_place = keep
        self.sentence = n

    def see_quote(self, v: "View", speaker: str) -> None:
        """A quotation opened after a speaker and not closed in the sentence goes on in the next ones
        ('उन्होंने कहा, ‘... है. ऐसे माहौल में ... रद्द की जाती है.’'): its speaker is theirs until it closes."""
        text = v.text(0, len(v.keys))                 # as written: the keys fold curly quotes to straight ones
        opened = sum(map(text.count, OPENING_QUOTES)) - sum(map(text.count, CLOSING_QUOTES))
        if opened > 0 and speaker:
            self.quote = speaker
        elif opened < 0:
            self.quote = ""

    def see_people(self, v: "View") -> None:
        """Titles and full names of the sentence's persons (before its facts are read)."""
        for i, j, e in v.entities("PER"):
            last = e.text.split()[-1] if e.text.split() else ""
            if len(e.text) > len(self.people.get(last, "")):
                self.people[last] = e.text
            start, title = (v.token_at(e.role_start), e.role.split()) if e.role else _title_before(v, i)
            if title:
                country = _country_before(v, start)
                for word in _same_office(title):    # 'राजा (किंग) X ... किंग': X
                    self.holders.setdefault(word, []).append((self.full_name(e.text), e.id, country, (self.sentence, i)))


def _title_before(v: "View", i: int) -> tuple[int, list[str]]:
    """The words of a title of office written right before token i, or right before a bracket closing
    there ('जॉर्डन के राजा (किंग) X': राजा), when the entities stage attached none."""
    k = i
    if k > 1 and v.keys[k - 1] == ")":
        k = next((n for n in range(k - 2, max(0, k - 8), -1) if v.keys[n] == "("), k)
    span = next(((a, b) for a, b in v.titles() if b == k), None)
    return (span[0], v.keys[span[0]:span[1]]) if span else (-1, [])


@lru_cache(maxsize=None)
def _offices() -> dict[str, set[str]]:
    """The last word of every spelling of a title -> the last words of all spellings of its office
    (entities/data/titles.tsv canonical: राजा, किंग, महाराजा are one office)."""
    canon = table("titles.tsv", "title", "canonical", ENTITY_DATA)
    by_office: dict[str, set[str]] = {}
    for title, office in canon.items():
        by_office.setdefault(office, set()).add(title.split()[-1])
    return {title.split()[-1]: by_office[office] for title, office in canon.items()}


def _same_office(title: list[str]) -> list[str]:
    """The holder keys a title registers: its last word and those of the other spellings of its office."""
    last = match_key(title[-1])
    return sorted({last} | _offices().get(last, set()))


def _country_before(v: "View", start: int) -> str:
    """The place in the genitive right before a title starting at token `start` ('जॉर्डन के राजा')."""
    hit = v.ent_ending(start - 1) if start >= 2 and v.keys[start - 1] in cc("genitive") else None
    return hit[1].text if hit and hit[1].label == "LOC" else ""


def resolve_title(state: DocState, keys: list[str], country: str, at: tuple[int, int] | None = None) -> Party:
    """The person a bare title names: the latest holder of a title ending in the same word (and of the
    same country, when one is written) introduced before position `at` (sentence, token), never one
    named later in the title's own sentence; ("", "") when none, or the title is a long description."""
    if not keys or len(keys) > 2:
        return "", ""
    for name, eid, held_in, where in reversed(state.holders.get(keys[-1], [])):
        if (not country or country == held_in) and (at is None or where < at):
            return name, eid
    return "", ""


def _is_pronoun(v: "View", j: int, args: list["Arg"], possessive: bool = False) -> bool:
    """वह / वे stand for a party when no plain noun follows (वह दौरा: a determiner); a possessive (उनकी)
    also before an event noun, past a place named before it ('उनकी मुलाकात', 'उनकी भारत यात्रा')."""
    if j >= len(v.keys) or any(a.start == j for a in args) or j in v.amts:
        return True
    if possessive and v.keys[j] in _event_nouns():
        return True
    return v.tag(j) != "W"                      # 'वे इस समय ...': a determiner never follows a determiner


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """The first words of the meeting and travel nouns (frames.yaml) that a possessor may own."""
    from .frames import event_frames
    return frozenset(k for f in event_frames() if f.rule in ("meets:partner_marked", "visits:travel_noun")
                     for k in f.triggers.firsts)


def _before_member(v: "View", j: int) -> bool:
    """A member noun at token j, or after up to two modifiers (इसके पांच स्थायी सदस्य)."""
    return any(v.keys[k] in words("member_nouns.tsv") for k in range(j, min(len(v.keys), j + 3))
               if all(v.tag(n) in ("W", "NUM") for n in range(j, k + 1)))


def resolve_anaphor(v: "View", span: tuple[int, int], state: DocState, args: list["Arg"]) -> list["Arg"]:
    """The argument(s) an anaphor at span names (none when the chain gives no antecedent)."""
    i, j = span
    key = " ".join(v.keys[i:j])
    refers, fused = table("party_anaphors.tsv", "word", "refers_to").get(key), \
        table("party_anaphors.tsv", "word", "marker").get(key, "")
    pronoun = table("party_anaphors.tsv", "word", "pronoun").get(key)
    if (pronoun == "yes" and not _is_pronoun(v, j, args, bool(fused))) or (pronoun == "member" and not _before_member(v, j)):
        return []
    parties: list[tuple[Party, str, str]] = []          # (party, kind, subtype)
    if refers == "person":
        parties = _person_or_country(key, i, state, args)
    elif refers == "person_pair" and state.person_pair:
        parties = [(p, "person", "") for p in state.person_pair]
    elif refers == "pair":
        pair = _pair_before(args, i) or _holders_pair(v, args, i) or state.pair
        parties = [(p, "place", "country") for p in pair] if pair else []
    elif refers == "group":
        here = [a for a in args if a.kind == "body" and a.subtype in GROUP_SUBTYPES and a.end <= i and not a.anaphor]
        group = (here[-1].text, here[-1].id) if here else state.group
        parties = [(group, "body", "grouping")] if group[0] else []
    marker, after = (fused, j) if fused else read_marker(v, j)
    return [Arg(i, j, kind, text, eid, sub, marker, after, anaphor=refers)
            for (text, eid), kind, sub in parties]


def _person_or_country(key: str, i: int, state: DocState, args: list["Arg"]) -> list[tuple[Party, str, str]]:
    """A person pronoun names the person marked ने earlier in its sentence (a title standing alone too),
    else a person earlier in its sentence, else the last actor or person; a singular
    one (country_pronouns.tsv: वह, उसने) in a sentence that names a country and no person before it names
    that country ('भारत ने चुनाव जीता और वह परिषद का सदस्य बना')."""
    before = [a for a in args if a.end <= i and not a.anaphor]
    named = [a for a in before if a.kind == "person" and a.id]
    countries = [a for a in before if a.kind == "place" and a.subtype == "country"]
    if not [a for a in before if a.kind == "person"] and countries and key in words("country_pronouns.tsv"):
        return [((countries[-1].text, countries[-1].id), "place", "country")]
    agents = [a for a in before if a.kind == "person" and a.marker == marker("agent")]
    if agents:                      # 'प्रधानमंत्री ने X से बात की, जिसके बाद वे ...': the actor, not X
        return [((agents[-1].text, agents[-1].id), "person", "")]
    person = (named[-1].text, named[-1].id) if named else state.actor if state.actor[0] else state.person
    return [(person, "person", "")] if person[0] else []


def _holders_pair(v: "View", args: list["Arg"], i: int) -> tuple[Party, Party] | None:
    """'मोदी और ऑस्ट्रेलिया के प्रधानमंत्री X की मौजूदगी में दोनों देशों के बीच ...': the countries of
    two office holders listed together before token i in this sentence (holder_country)."""
    for members in reversed(groups([a for a in args if a.end <= i and a.kind == "person" and a.id])):
        homes = list(dict.fromkeys(holder_country(v, a.id) for a in members))
        if len(members) == 2 and len(homes) == 2 and all(homes):
            return (homes[0], ""), (homes[1], "")
    return None


def _pair_before(args: list["Arg"], i: int) -> tuple[Party, Party] | None:
    """The last two countries listed together before token i in this sentence."""
    for members in reversed(groups([a for a in args if a.end <= i])):
        countries = [a for a in members if a.kind == "place" and a.subtype == "country" and not a.anaphor]
        if len(countries) == 2:
            return (countries[0].text, countries[0].id), (countries[1].text, countries[1].id)
    return None


def see_arguments(state: DocState, v: "View", args: list["Arg"]) -> None:
    """After a sentence: its pairs, its group, its last place and person, the countries it names."""
    for members in groups(args):
        named = [a for a in members if not a.anaphor]
        countries = [a for a in named if a.kind == "place" and a.subtype == "country"]
        persons = [a for a in named if a.kind == "person" and a.id]
        if len(countries) == 2:
            state.pair = ((countries[0].text, countries[0].id), (countries[1].text, countries[1].id))
        if len(persons) == 2:
            state.person_pair = ((persons[0].text, persons[0].id), (persons[1].text, persons[1].id))
    for _, _, e in v.entities("LOC"):
        if e.subtype == "country":
            state.countries[e.text] = state.countries.get(e.text, 0) + 1
    for a in args:
        if a.anaphor:
            continue
        if a.kind == "place":
            state.place = a.text
        elif a.kind == "body" and a.subtype in GROUP_SUBTYPES:
            state.group = (a.text, a.id)
        elif a.kind == "person" and a.id:
            state.person = (a.text, a.id)


def see_visit(state: DocState, v: "View", facts: list) -> None:
    """'प्रधानमंत्री मोदी साइप्रस पहुंचे। दोनों देशों ने ...': a visit to a country by an office holder makes
    the pair of the holder's country (written before the title, a demonym, else the home country) and
    the country visited what a later दोनों देश names, when the sentence listed no pair itself."""
    countries = {e.id: e for _, _, e in v.entities("LOC") if e.subtype == "country"}
    for r in facts:
        place = countries.get(r.object_id)
        home = holder_country(v, r.subject_id)
        if r.predicate == "visits" and place is not None and home and home != place.text:
            state.pair = ((home, state.ids.get(home, "")), (place.text, place.id))


def holder_country(v: "View", eid: str) -> str:
    """The country of the office held by the person with entity id eid: written before the title
    ('ऑस्ट्रेलिया के प्रधानमंत्री'), a demonym ('ब्रिटिश प्रधानमंत्री'), else the home country; "" for a
    person with no title."""
    from .frames import metrics
    ent = next((e for _, _, e in v.entities("PER") if e.id == eid), None) if eid else None
    if ent is None or not ent.role or ent.role_start < 0:
        return ""
    r0 = v.token_at(ent.role_start)
    gen = v.ent_ending(r0 - 1) if r0 > 1 and v.keys[r0 - 1] in cc("genitive") else None
    if gen and gen[1].subtype == "country":
        return gen[1].text
    return table("demonyms.tsv", "adjective", "country").get(v.keys[r0], metrics().home)

