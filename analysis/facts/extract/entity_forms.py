"""A name's other forms, and places named by their kind word.

- "the Kostanay, Pavlodar and Abai regions" names three regions, "the Wami river" a river: the
  name is "Abai region", "Wami river", the words before the kind word its mention;
- a place named with its kind word is named again without it ("the Achaia region" ...
  "Achaia's governor"), a storm by its name alone ("Typhoon Kalani" ... "Kalani"), a
  disease's pandemic by the disease ("the Covid-19 pandemic" ... "Covid-19"): one entity;
- an acronym in brackets after a name is that name ("Caspian Shipping Board (CSB)"), also
  in another language's initials after an organisation ("Supreme Federal Court (STF)"), and
  an acronym that is only ever written alone (a headline's "SC") is the one organisation
  of the story whose initials it spells.
"""

from __future__ import annotations

import re
from functools import cache

from ...constants import (
    COMPANY_WORDS,
    EVENT_KINDS,
    EVENT_LEADS,
    MONTHS,
    NATURAL_KINDS,
    PERSON_PARTICLES,
    PLACE_KINDS,
    SENTENCE_STARTERS,
    WEEKDAYS,
)
from ...reading.gazetteer import gazetteer, known_place
from .document import Doc, Scan, _head
from .entity_bounds import name_particles

_WORD = r"[A-Z][\w’'-]*"
_NAME = rf"{_WORD}(?:[^\S\n]+{_WORD}){{0,2}}"


def _plural(kind: str) -> str:
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


@cache
def scans() -> dict[str, Scan]:
    """The patterns of places named by kind words, with their heads (see `extract.scans`)."""
    plural = "|".join(_plural(k) for k in sorted(PLACE_KINDS, key=len, reverse=True))
    natural = "|".join(sorted(NATURAL_KINDS, key=len, reverse=True))
    events = "|".join(sorted(EVENT_KINDS, key=len, reverse=True))
    kinds = "|".join(sorted(PLACE_KINDS, key=len, reverse=True))
    # the particles inside a place's name after "of", where no English connector is taken
    particles = "|".join(sorted({*name_particles().split("|"), *PERSON_PARTICLES}, key=len,
                                reverse=True))  # fmt: skip
    return {
        "places of one kind": Scan(
            re.compile(rf"(?<![\w’'-])(?P<list>{_NAME}(?:,[^\S\n]+{_NAME})*,?[^\S\n]+and"
                       rf"[^\S\n]+{_NAME})[^\S\n]+(?P<kind>{plural})\b"),
            _head(r"[A-Z][\w’'-]*"),
        ),
        # "the southern state of Rio Grande do Sul", "the city of Canoas": the name after "of"
        "kind of place": Scan(
            re.compile(rf"\b[Tt]he[^\S\n]+(?:[a-z-]+[^\S\n]+)?(?:{kinds}|city|town|village)"
                       rf"[^\S\n]+of[^\S\n]+(?P<name>{_WORD}(?:(?:[^\S\n]+(?:{particles}))*"
                       rf"[^\S\n]+{_WORD}){{0,3}})"),
            _head("[Tt]he"),
        ),
        "event by kind": Scan(
            re.compile(rf"\b[Tt]he[^\S\n]+(?P<name>[A-Z][\w-]*)[^\S\n]+(?P<kind>{events})\b"),
            _head("[Tt]he"),
        ),
        "natural feature": Scan(
            re.compile(rf"\b[Tt]he[^\S\n]+(?P<name>{_NAME})[^\S\n]+(?P<kind>{natural})\b"),
            _head("[Tt]he"),
        ),
    }  # fmt: skip


def _not_a_place(name: str, g) -> bool:
    first = name.split()[0]
    return (
        first in SENTENCE_STARTERS
        or first in MONTHS
        or first in WEEKDAYS
        or name in g.countries
        or name in g.demonyms
        or g.names.get(name, ("", ""))[1] == "ORG"
    )


def places_by_kind(doc: Doc) -> None:
    """Places and pandemics named by a kind word after them (see above), before any other
    pass."""
    g = gazetteer()
    found = scans()
    singular = {_plural(k): k for k in PLACE_KINDS}
    for m in doc.scan(found["places of one kind"], doc.body_start):
        kind = singular[m.group("kind")]
        for piece in re.finditer(_NAME, m.group("list")):
            name, at = piece.group(), m.start("list") + piece.start()
            while name.split()[0] in SENTENCE_STARTERS and " " in name:  # "In Aktobe"
                first = name.split()[0]
                name, at = (
                    name[len(first) :].lstrip(),
                    at + len(name) - len(name[len(first) :].lstrip()),
                )
            if _not_a_place(name, g):
                continue
            if not doc.taken(at, at + len(name)):
                doc.add_mention(f"{name} {kind}", "GPE", at, at + len(name))
    for m in doc.scan(found["kind of place"], doc.body_start):
        name, at = m.group("name"), m.start("name")
        if not _not_a_place(name, g) and not doc.taken(at, at + len(name)):
            doc.add_mention(g.names.get(name, (name,))[0], "GPE", at, at + len(name))
    for m in doc.scan(found["event by kind"], doc.body_start):  # "the Covid-19 pandemic"
        name = m.group("name")
        if _not_a_place(name, g) or doc.taken(m.start("name"), m.end("name")):
            continue
        doc.add_mention(f"{name} {m.group('kind')}", "EVENT", m.start("name"), m.end("name"))
    for m in doc.scan(found["natural feature"], doc.body_start):
        name = m.group("name")
        if _not_a_place(name, g) or doc.taken(m.start("name"), m.end("name")):
            continue
        doc.add_mention(f"{name} {m.group('kind')}", "LOC", m.start("name"), m.end("name"))


def join_short_forms(doc: Doc) -> None:
    """A place named without its kind word, a storm by its name, a pandemic by its disease:
    the entity of the longer name (see above)."""
    g = gazetteer()
    kinds = re.compile(
        r"^(?P<short>.+?)\s+(?:"
        + "|".join(map(re.escape, (*PLACE_KINDS, *NATURAL_KINDS, *EVENT_KINDS)))
        + r")$"
    )
    leads = re.compile(r"^(?:" + "|".join(map(re.escape, EVENT_LEADS)) + r")\s+(?P<short>[A-Z].*)$")
    alias = {}
    for name, etype in doc.entities.items():  # "Sool" of "Sool Autonomous Region"
        if etype in ("GPE", "LOC") and name.split()[-1].lower() in PLACE_KINDS:
            for short, stype in doc.entities.items():
                if (
                    name.startswith(short + " ")
                    and short not in g.names
                    and stype in ("GPE", "ORG")
                ):
                    alias[short] = name
    for name, etype in doc.entities.items():
        m = (kinds.match(name) if etype in ("GPE", "LOC", "EVENT") else None) or (
            leads.match(name) if etype == "EVENT" else None
        )
        if not m:
            continue
        short = m.group("short")
        if etype == "EVENT" and leads.match(name):  # "Typhoon Kalani" ... "Kalani made landfall"
            for again in re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])").finditer(
                doc.text, doc.body_start
            ):
                if not doc.taken(again.start(), again.end()):
                    doc.add_mention(name, etype, again.start(), again.end())
        if short in doc.entities and short != name:
            if etype in ("GPE", "LOC") and short in g.names:
                continue  # "Tashkent region" and the city of Tashkent: two places
            stype = doc.entities[short]
            if etype in ("GPE", "LOC") and stype in ("GPE", "LOC") and stype != etype:
                continue  # "the Tana River" and "Tana River county": a river and a county
            alias[short] = name
    people = {}
    for name, etype in doc.entities.items():
        if etype == "PERSON" and " " in name and " of " not in name:
            people.setdefault(name.split()[-1], []).append(name)
    for name, etype in doc.entities.items():  # "Qadir" the model took for a place
        full = people.get(name, [])
        if etype in ("GPE", "LOC", "ORG") and len(full) == 1 and name not in g.names:
            if not known_place(name):
                alias[name] = full[0]
    alias.update(_short_organisations(doc, g, alias))
    if alias:
        doc.rename(alias)


def _short_organisations(doc: Doc, g, taken: dict) -> dict[str, str]:
    """An organisation or an event named by part of its name: without its legal form or
    country ("Elgon Cement" of "Elgon Cement Uganda Ltd", "COFCO" of "COFCO Group"), without
    what follows "of" or "for" ("Kuwait Fund" of "Kuwait Fund for Arab Economic
    Development"), or by two or more words inside the one name that holds them ("Civil
    Defense", "World Cup" of the "Freestyle Wrestling World Cup")."""
    orgs = [n for n, t in doc.entities.items() if t == "ORG" and n not in taken]
    alias = {}
    for short, stype in doc.entities.items():  # "Nakamura Seiki" of "Nakamura Seiki Co."
        if short in taken or stype in ("GPE", "LOC") or short in g.names:
            continue
        legal = [o for o in orgs if o.startswith(short + " ")
                 and o.split()[-1].rstrip(".,") in COMPANY_WORDS]  # fmt: skip
        only = [
            o
            for o in legal
            if all(w.rstrip(".,") in COMPANY_WORDS for w in o[len(short) :].split())
        ]
        if len(only) == 1 or len(legal) == 1:  # "Nakamura Seiki Co.", else "Toyota Motor Corp"
            alias[short] = only[0] if len(only) == 1 else legal[0]
    events = [n for n, t in doc.entities.items() if t == "EVENT" and n not in taken]
    for short in orgs + events:
        words = short.split()
        if short in alias:
            continue
        same = orgs if doc.entities[short] == "ORG" else events
        longer = [o for o in same if o != short and _inside(words, o.split())]
        if len(longer) != 1:
            continue
        long = longer[0]
        if long.startswith(short + " "):
            rest = long[len(short) :].split()
            plain = [w.rstrip(".,") for w in rest]
            if rest[0] in ("of", "for") or all(
                w in COMPANY_WORDS or w in g.countries or w in g.demonyms for w in plain
            ):
                alias[short] = long
        elif len(words) >= 2:
            alias[short] = long
    return alias


def _inside(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


_ACRONYM = re.compile(
    r"(?:['’]s)?\s*\((?P<acr>[A-Z][A-Za-z&.-]{1,9}(?:[^\S\n][A-Z][A-Za-z&.-]{1,9})?)\)"
)


def join_acronyms(doc: Doc) -> None:
    """An acronym is the name it abbreviates (see above)."""
    g = gazetteer()
    ordered, _ = doc.ordered()
    alias = {}
    for m in ordered:
        etype = doc.entities.get(m["entity"])
        if etype in ("ORG", "LOC", "EVENT", "GPE") and not m["is_indirect"]:
            a = _ACRONYM.match(doc.text, m["end"])
            if not a or a.group("acr") == m["entity"]:
                continue
            acr = a.group("acr")
            known = g.names.get(acr, (None,))[0]  # the gazetteer's name for it, if any
            glossed = (
                etype == "ORG"
                and acr.replace(" ", "").isupper()
                and (known is None or known in (acr, m["entity"]))
                and acr not in g.agencies
            )
            if glossed or _abbreviates(acr, m["entity"]):
                alias[acr] = m["entity"]
                doc.add_mention(m["entity"], etype, a.start("acr"), a.end("acr"))
    orgs = [n for n, t in doc.entities.items() if t == "ORG" and " " in n and n not in alias]
    for name, etype in list(doc.entities.items()):
        if name in alias or not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
            continue
        if name in g.names:
            continue
        spelled = [o for o in orgs if _initials(o) == name]
        if len(spelled) == 1:  # a headline's "SC" for the story's Supreme Court
            alias[name] = spelled[0]
    if alias:
        doc.rename(alias)
    _fullest_forms(doc, g)


def _fullest_forms(doc: Doc, g) -> None:
    """An entity named by an acronym (the gazetteer's name for it, or the model's) takes the
    fullest form the story writes it in: a form of several words that the gazetteer lists for
    it or whose initials the acronym spells ("the Office for Rail Safety (ORS)" names ORS)."""
    alias: dict[str, str] = {}
    for m in doc.mentions:
        name = m["entity"]
        if m["is_indirect"] or " " in name or not (2 <= len(name) <= 8 and name.isupper()):
            continue
        form = doc.text[m["start"] : m["end"]]
        if len(form.split()) < 2 or "\n" in form:
            continue
        listed = g.names.get(form)
        if (listed and listed[0] == name) or _abbreviates(name, form):
            if len(form) > len(alias.get(name, "")):
                alias[name] = form
    for name, form in alias.items():
        doc.entities.setdefault(form, doc.entities[name])
    if alias:
        doc.rename(alias)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", name))


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's capitals are the name's initials, in order (OPEC, NLD, MPOB)."""
    initials = _initials(name)
    letters = [c for c in acronym if c.isupper()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    it = iter(initials)
    return all(c in it for c in letters)
