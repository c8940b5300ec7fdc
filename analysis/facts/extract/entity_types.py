"""What a name names, from the words around it: the type the model gave, checked against cues.

The small model types a name from the name alone, and often wrongly ("spokeswoman Ana Ruiz" an
organisation, "carmaker Volta" a person, "the village of Sokol" a person). The words around a
mention say it better:

- a person: a title or a person's noun right before ("chief executive", "spokeswoman",
  "Council Member"), an honorific ("Mr"), an age ("a 52-year-old X", "X, 61,"), "X, who";
- an organisation: an organisation's noun right before ("carmaker", "the state miner"),
  "X, which", "X shares", "shares of X", "X's chief executive", a price that moves ("X fell
  12 cents to 4.10");
- a place: a kind of place and "of" before ("the village of X", "the state of X"), or a name
  GeoNames knows as a city that the model took for a person or an organisation.

`retype(doc)` applies them to the names the rules and the gazetteer did not type themselves;
`places_missed(doc)` adds the cities of the story the model did not name at all;
`adjectival_only(doc)` says which places are named only as adjectives ("Chilean officials",
"U.S. wheat"), as the gold conventions leave them out of the scored entities.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from ...constants import (
    COMPASS_WORDS,
    FACILITY_WORDS,
    HONORIFIC_WORDS,
    LOC_HEADS,
    MONTHS,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_TITLES,
    PRICE_VERBS,
    SETTLEMENT_NOUNS,
    TITLE_WORDS,
    WEEKDAYS,
)
from ...reading.gazetteer import gazetteer, known_place
from .document import Doc


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _cues() -> dict[str, re.Pattern]:
    person_words = _alt({*PERSON_NOUNS, *TITLE_WORDS, *HONORIFIC_WORDS})
    return {
        "person before": re.compile(
            rf"(?i:\b(?:{person_words})\.?,?|\b\d{{1,3}}-year-old)[^\S\n]+$"
        ),
        # an age, "who", or an apposition that says a person: "X, a spokesman for the agency"
        "person after": re.compile(
            rf",[^\S\n]*(?:\d{{1,3}}\s*,|aged\s+\d|who\b|(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?i:{person_words})\b)"
        ),
        # an organisation's common noun (in lower case: "the Barlas Group" is no cue)
        "org before": re.compile(rf"(?:\b(?:{_alt(ORG_NOUNS)})|\bshares\s+(?:of|in))[^\S\n]+$"),
        # a price that moves from one figure to another: "fell 22 cents to 9.40"
        "price after": re.compile(
            rf"[^\S\n]+(?:up\s+|down\s+)?(?:{_alt(PRICE_VERBS)})\s+(?:up\s+|down\s+)?\S*\d[\d.,]*"
            r"\s*(?:%|percent|per\s+cent|[a-z]+)?\s+(?:to|at)\s+\S*\d"
        ),
        "org after": re.compile(
            rf",\s*which\b|[^\S\n]+(?:shares|stock|{_alt(ORG_NOUNS)}|{_alt(_company_titles())})\b"
            r"|['’]s\s+(?:shares|stock|board"
            r"|chief\s+executive|CEO|chairman|subsidiary|headquarters)\b"
        ),
        # a kind of place and "of", a direction ("northern Sinai"), "near" or "outside"
        "place before": re.compile(
            rf"(?:(?i:\b(?:{_alt(SETTLEMENT_NOUNS)}))s?\s+of|\b(?:{_alt(COMPASS_WORDS)})|\bnear"
            r"|\boutside)[^\S\n]+$"
        ),
        "initials": re.compile(r"[A-Z]\.\s?[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?"),
    }


def _company_titles() -> set[str]:
    """Titles after a name that make it an organisation's, not a place's ("Toyota president")."""
    return {w for w in TITLE_WORDS if w not in PLACE_TITLES}


def _cues_of(doc: Doc, name: str, spans: list[tuple[int, int]]) -> set[str]:
    """The kinds of cue around a name's mentions: "person", "org", "place"."""
    cues = _cues()
    found = set()
    if cues["initials"].fullmatch(name):  # "B.Dorj": an initial and a surname
        found.add("person")
    for start, end in spans:
        before = doc.text[max(0, start - 40) : start]
        after = doc.text[end : end + 40]
        if cues["person before"].search(before) or cues["person after"].match(after):
            found.add("person")
        if any((cues["org before"].search(before), cues["org after"].match(after),
                cues["price after"].match(after))):  # fmt: skip
            found.add("org")
        if cues["place before"].search(before):
            found.add("place")
    return found


def retype(doc: Doc) -> None:
    """The type of each name the model typed, from the cues around its mentions (see above)."""
    g = gazetteer()
    with_roles = {r["person"] for r in doc.roles}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in doc.mentions:
        if not m["is_indirect"]:
            spans[m["entity"]].append((m["start"], m["end"]))
    dated = {m["entity"] for m in doc.mentions
             if doc.dateline and doc.dateline[0] <= m["start"] < doc.dateline[1]}  # fmt: skip
    for name, etype in list(doc.entities.items()):
        if etype not in ("PERSON", "ORG", "GPE", "LOC") or name in g.names or name in with_roles:
            continue
        if name in dated:  # the dateline's place and agency are typed by the dateline
            continue
        if name in g.credit_forms:  # "told KNA": an agency's short name
            doc.entities[name] = "ORG"
            continue
        words = name.split()
        if set(words) & ORG_HEADS:  # "... Ministry": typed by its head word
            continue
        if etype == "LOC" and words[-1].lower() in FACILITY_WORDS | LOC_HEADS:
            continue  # "the Meghna bridge": a facility, typed by its kind
        cues = _cues_of(doc, name, spans.get(name, []))
        new = etype
        if "place" in cues and "person" not in cues:
            new = "GPE"
        elif "person" in cues and "org" not in cues:
            new = "PERSON" if len(words) <= 4 else etype
        elif "org" in cues and "person" not in cues:
            new = "ORG"
        elif not cues and etype in ("PERSON", "ORG") and a_place(name):
            new = "GPE"
        doc.entities[name] = new


def drop_unlikely(doc: Doc) -> None:
    """People the model made of other words: a title alone ("Returning Officer", "Dr"), or
    one capitalised word with nothing around it that says a person ("Attendance", "Gainers"; a
    person in wire copy is named in full, or by a title, an honorific, an age)."""
    with_roles = {r["person"] for r in doc.roles}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in doc.mentions:
        if not m["is_indirect"]:
            spans[m["entity"]].append((m["start"], m["end"]))
    person_words = {w.lower() for w in (*PERSON_NOUNS, *TITLE_WORDS, *HONORIFIC_WORDS)}
    g = gazetteer()
    dropped = set()
    for name, etype in list(doc.entities.items()):
        if etype != "PERSON" or name in with_roles:
            continue
        if name in g.names:  # "By Trend": an agency's name, not a reporter's
            doc.entities[name] = g.names[name][1]
            continue
        words = name.replace(".", " ").split()
        if all(w.lower() in person_words for w in words):
            dropped.add(name)
        elif len(words) == 1 and "person" not in _cues_of(doc, name, spans.get(name, [])):
            dropped.add(name)
    # a place or an organisation named only inside people's names ("Luis Montenegro",
    # "Maria dos Santos"): part of the name, no mention of its own
    people = sorted(a for n, found in spans.items() if doc.entities.get(n) == "PERSON"
                    for a in found)  # fmt: skip
    for name, found in spans.items():
        if (
            doc.entities.get(name) in ("GPE", "LOC", "ORG")
            and found
            and all(
                any(a <= s and e <= b and (a, b) != (s, e) for a, b in people) for s, e in found
            )
        ):
            dropped.add(name)
    doc.drop(dropped)


def a_place(name: str) -> bool:
    """A name GeoNames knows as a place that is not a common English word."""
    g = gazetteer()
    if name in g.agencies or name in g.credit_forms:
        return False  # "KNA": an agency's short name, whatever town GeoNames knows by it
    if name.isupper() and name not in g.names:
        return False  # "GDL": an acronym the gazetteer does not list is a body's, not a town's
    if not known_place(name):
        return False
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w.lower(), "en") < 4.0 for w in name.split())


_CAPS = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
_AT_A_PLACE = re.compile(r"(?:\b(?:in|at|near|outside|from)\s+|,\s+)$")


def places_missed(doc: Doc) -> None:
    """Places the model did not name: a capitalised name GeoNames or ISO 3166-2 knows, after
    "in", "at", "near", "outside", "from", a direction or a kind of place and "of" ("the town
    of X"), and not a common English word; a region no list knows after a direction ("the
    southern Peloponnese")."""
    cues = _cues()
    not_names = {*MONTHS, *WEEKDAYS}
    for m in _CAPS.finditer(doc.text, doc.body_start):
        name = m.group()
        if doc.covered(m.start()) or doc.covered(m.end() - 1) or name.split()[0] in not_names:
            continue
        before = doc.text[max(0, m.start() - 30) : m.start()]
        if not (_AT_A_PLACE.search(before) or cues["place before"].search(before)):
            continue
        if set(name.split()) & ORG_HEADS:
            continue
        if a_place(name):
            doc.add_mention(name, "GPE", m.start(), m.end())
        elif _COMPASS_BEFORE.search(before) and not _common(name):
            doc.add_mention(name, "LOC", m.start(), m.end())  # "the southern Peloponnese"


_COMPASS_BEFORE = re.compile(rf"\b(?:{'|'.join(map(re.escape, COMPASS_WORDS))})[^\S\n]+$")


def _common(name: str) -> bool:
    from wordfreq import zipf_frequency

    return any(zipf_frequency(w.lower(), "en") >= 4.0 for w in name.split())


def adjectival_only(doc: Doc) -> set[str]:
    """The places named only as adjectives: by a demonym ("Chilean"), or as a word that
    qualifies the noun after it ("U.S. wheat", "the US dollar"), by the parse."""
    g = gazetteer()
    adjectives = set(g.demonyms) | {d + "s" for d in g.demonyms}
    modifiers = _modifier_spans(doc)
    named: dict[str, bool] = {}
    for m in doc.mentions:
        name = m["entity"]
        if m["is_indirect"] or doc.entities.get(name) not in ("GPE", "LOC"):
            continue
        written = doc.text[m["start"] : m["end"]]
        if len(name) > len(written) and name.startswith(written + " "):
            named[name] = False  # "the Kilombero district": the name, then its kind word
            continue
        as_adjective = (written in adjectives and written not in g.names) or m["end"] in modifiers
        named[name] = named.get(name, True) and as_adjective
    return {n for n, only in named.items() if only}


def _modifier_spans(doc: Doc) -> set[int]:
    """Where the parse's named entities that modify a common noun after them end (a title
    after a place names the place: "the Amapa governor")."""
    if doc.parsed is None:
        return set()
    titles = {w.lower() for w in TITLE_WORDS}
    found = set()
    base = doc.body_start
    for ent in doc.parsed.ents:
        root = ent.root
        head = root.head
        if (
            root.dep_ in ("compound", "amod", "nmod")
            and head.i >= ent.end
            and head.tag_.startswith("NN")
            and head.text.lower() not in titles
        ):
            found.add(base + ent.end_char)
    return found
