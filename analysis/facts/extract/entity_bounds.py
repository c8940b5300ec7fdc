"""Where a name the model found begins and ends, and whether it is a name at all.

The small model's spans are often a word short or a word long, and it takes products, stock
indices, titles and common nouns for organisations. The words around a span say better:

- a name runs on over "and", "of", "for" and commas to its head word ("Tarim Research" and
  "Production Centre"), a head-led name over the list its "of" begins ("Ministry of Energy,
  Mining and Heavy Industry"), a university over its city ("University of Technology,
  Minna"); a name with its head takes the word of a list before it ("Soil and Water Research
  Institute") and a country's short form right before it ("U.S. Geological Survey");
- a name does not end on a connector ("Launch Pad of"), and keeps only what follows a
  quotation mark inside it; a country after a second "of" is the country's, not the name's;
- a product or a stock index is no entity: a name after "benchmark" or before "index", a
  name ending in "Index" or "Average", a model number before what it is ("Aerion X9 jets"),
  a name in apposition to a product ("the satellite Tarsier-2"), a person with a digit;
- a title is no organisation nor a person ("Kazakh Prosecutor", "PA Court Reporter",
  "Returning Officer");
- a single common noun the tagger reads as one is no name ("Losers", "Budget" at a
  sentence's start);
- an unnamed body in lower case is no name ("Health ministry", "the interior ministry"), and
  a party's or a club's kind word is no part of its name ("the Green Dawn party").
"""

from __future__ import annotations

import re
from functools import cache

from ...constants import (
    CAMPUS_HEADS,
    COMPANY_WORDS,
    DOCUMENT_HEADS,
    EVENT_HEADS,
    HONORIFIC_WORDS,
    INDEX_HEADS,
    INDEX_NOUNS,
    LABEL_WORDS,
    LOC_HEADS,
    MONTHS,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PARTICLES,
    PLACE_PARTICLES,
    PRODUCT_NOUNS,
    SENTENCE_STARTERS,
    SUB_BODIES,
    TITLE_WORDS,
    TOOL_NOUNS,
    UNIT_SYMBOLS,
    WEEKDAYS,
)
from ...reading.gazetteer import known_place

_CAP = re.compile(r"[A-Z][\w'’&-]*(?:\.(?=[\w-]))?[\w'’&-]*")
_CONNECTOR = re.compile(
    r"(?:[^\S\n]*,[^\S\n]*|[^\S\n]+(?:and|&)[^\S\n]+|[^\S\n]+(?:of|for|on|de)[^\S\n]+(?:the[^\S\n]+)?"
    r"|[^\S\n]+)(?=[A-Z])"
)
_TRAILING = re.compile(r"(?:[^\S\n]+(?:of|and|for|the|on|in|at|&))+$")
# a kind word after a name that is no part of it
_KIND_AFTER = re.compile(r"[^\S\n]+(?:party|club|side)$")
_LOWER_AFTER = re.compile(r"[^\S\n]+([a-z][\w-]*)")
_LOWER_BEFORE = re.compile(r"\b([a-z][\w-]*)[^\S\n]+$")


@cache
def name_particles() -> str:
    """The particles inside a place's name that are not English connectors ("de", "del",
    "la", "van"), as an alternation."""
    from wordfreq import zipf_frequency

    kept = [p for p in PLACE_PARTICLES if len(p) > 1 and zipf_frequency(p, "en") < 5.5]
    return "|".join(sorted(kept, key=len, reverse=True))


_IDENTIFIER = re.compile(r"(?:" + "|".join(LABEL_WORDS) + r")[^\S\n]+[A-Z0-9]")
_MODEL_NUMBER = re.compile(r"\d|\b[IVX]{2,}\b|\bMk\b")


@cache
def _heads() -> frozenset[str]:
    """The words a name ends on that say what it names."""
    capitalised = {w for w in LOC_HEADS if w[:1].isupper()}
    return ORG_HEADS | COMPANY_WORDS | SUB_BODIES | EVENT_HEADS | DOCUMENT_HEADS | capitalised


@cache
def person_words() -> frozenset[str]:
    return frozenset(w.lower() for w in (*PERSON_NOUNS, *TITLE_WORDS, *HONORIFIC_WORDS))


def _common(word: str, floor: float = 4.0) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= floor


def _steps(text: str, pos: int, limit: int = 10) -> list[tuple[str, str, int]]:
    """The capitalised words after `pos`, each with the connector before it (",", "and",
    "of", "" for a space) and where it ends; a full stop ends the run."""
    out = []
    for _ in range(limit):
        c = _CONNECTOR.match(text, pos)
        if not c:
            break
        w = _CAP.match(text, c.end())
        if not w:
            break
        connector = c.group().strip()
        connector = re.sub(r"\s+the$", "", connector)
        out.append((connector, w.group(), w.end()))
        pos = w.end()
    return out


def _stop(word: str, g) -> bool:
    return word in SENTENCE_STARTERS or word in MONTHS or word in WEEKDAYS or word in g.names


def _plain(word: str, g) -> bool:
    """A word a list inside a name is made of: an English word or a demonym ("Mining",
    "Kazakh"), not a person's name, an initial or an acronym."""
    return (word in g.demonyms or _common(word, 3.0)) and "." not in word and not word.isupper()


_OF_PLACE = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<p>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)?)"
    r"(?![\w'’-]|[^\S\n]+[A-Z])"
)
_PERSON_PARTICLE = re.compile(
    r"(?:[^\S\n]+(?:" + "|".join(sorted(PERSON_PARTICLES, key=len, reverse=True)) + r")){1,3}"
    r"[^\S\n]+(?P<w>[A-Z][\w'’-]+)"
)


def extend(text: str, etype: str, start: int, end: int, g) -> tuple[int, int]:
    """The span of a model's name with the words of the name it left out (see above)."""
    name = text[start:end]
    words = name.split()
    heads = _heads()
    steps = _steps(text, end)
    has_head = any(w in heads for w in words)
    new_end = end
    if not has_head and etype in ("ORG", "EVENT", "LOC"):
        # on to the head word: "Tarim Research" + "and Production Centre"
        for i, (connector, word, at) in enumerate(steps[:8]):
            if connector == "," or _stop(word, g) or "." in word:
                break
            if word in heads:
                new_end = at
                rest = steps[i + 1 :]
                if rest and rest[0][0] in ("of", "for") and _plain(rest[0][1], g):
                    new_end = rest[0][2]  # "... Centre for Grain Farming"
                    for connector2, word2, at2 in rest[1:]:
                        if connector2 or not _plain(word2, g):
                            break
                        new_end = at2
                break
    elif has_head and re.search(r"\s(?:of|for)\s", name) and words[-1] not in heads:
        # a head-led name over the list its "of" begins: "... of Energy, Mining and Industry"
        listed = False
        for connector, word, at in steps:
            if word in heads or _stop(word, g) or not _plain(word, g):
                break
            if connector == "and":
                listed = True
            elif connector not in ("", ","):
                break
            elif connector == "," and listed:
                break
            if listed:
                new_end = at
    if etype in ("GPE", "LOC"):  # "Santiago de Cuba": a place's name with a particle in it
        particle = re.match(rf"[^\S\n]+(?:{name_particles()})[^\S\n]+[A-Z][\w'’-]+", text[end:])
        if particle and known_place(text[start : end + particle.end()]):
            new_end = end + particle.end()
    if etype == "ORG" and words[-1] in heads:  # "Communist Party" + "of Spain": the country's
        of_place = _OF_PLACE.match(text, new_end)
        if of_place and (of_place.group("p") in g.countries or known_place(of_place.group("p"))):
            new_end = of_place.end()
    if etype == "PERSON":  # "Lula da Silva", "Mohammed bin Salman": the surname after a particle
        particle = _PERSON_PARTICLE.match(text, end)
        if particle and not _stop(particle.group("w"), g):
            new_end = particle.end()
    if new_end == end and set(words) & CAMPUS_HEADS and steps and steps[0][0] == ",":
        # a university and its city: "University of Technology, Minna"
        city = re.match(r",[^\S\n]*([A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)?)(?=[,.;]|\s+and\b|$)",
                        text[end:])  # fmt: skip
        if city and known_place(city.group(1)) and city.group(1) not in g.countries:
            new_end = end + city.end()
    return _extend_left(text, start, name, g), new_end


def _extend_left(text: str, start: int, name: str, g) -> int:
    """A name with its head takes the word of a list before it ("Soil and Water Research
    Institute") and a country's short form right before it ("U.S. Geological Survey")."""
    if not set(name.split()) & _heads() or name.split()[0] in _heads():
        return start
    before = text[max(0, start - 40) : start]
    listed = re.search(
        r"(?:^|\b(?:the|a|an|by|of|at|from|with)[^\S\n]+|[(,][^\S\n]*)(?P<w>[A-Z][\w'’-]+)[^\S\n]+(?:and|&)[^\S\n]+$",
        before,
    )  # fmt: skip
    if listed and not _stop(listed.group("w"), g) and listed.group("w") not in _heads():
        return start - len(before) + listed.start("w")
    country = re.search(r"(?:^|[^\w.])(?P<c>[A-Z][\w.]*)[^\S\n]+$", before)
    if country and g.names.get(country.group("c"), ("", ""))[0] in g.countries:
        return start - len(before) + country.start("c")
    return start


def trim(text: str, etype: str, start: int, end: int, g) -> tuple[int, int]:
    """A name without a connector at its end ("Launch Pad of"), what comes before a quotation
    mark inside it, a country after a second "of", or a party's kind word; a person's without
    the title or the noun before it ("Opener Farhan Qazi")."""
    name = text[start:end]
    lead = re.match(r"([A-Z][\w-]*)[^\S\n]+(?=[A-Z]\S*[^\S\n]+[A-Z])", name)
    if etype == "PERSON" and lead and lead.group(1).lower() in person_words():
        start += lead.end()
        name = text[start:end]
    # a sentence's first word that is a person's or a body's noun before one name
    # ("Teenager Novotna", "Broadcaster NTV"): the noun is no part of it
    noun = re.match(r"([A-Z][a-z-]+)[^\S\n]+(?=[A-Z]\S*$)", name)
    if etype == "PERSON" and noun and noun.group(1).lower() in person_words() | ORG_NOUNS:
        start += noun.end()
        name = text[start:end]
    title = re.match(r"([A-Z][\w-]*)\s+of\s+(?:the\s+)?(?=[A-Z])", name)
    if title and title.group(1).lower() in person_words():
        start += title.end()  # "Dean of Aerospace ...": a title, then the name
        name = text[start:end]
    owner = re.match(r"([A-Z][\w.-]*(?:[^\S\n]+[A-Z][\w.-]*)?)['’]s[^\S\n]+(?=[A-Z])", name)
    if owner and etype != "PERSON" and (owner.group(1) in g.names or known_place(owner.group(1))):
        # "Mongolia's Ministry of ...": a place that owns it, then the name
        start += owner.end()
        name = text[start:end]
    slug = re.match(r"(?:[A-Z]{2,}[^\S\n]+)*[A-Z]{2,}-(?=[A-Z][a-z])", name)
    if slug:  # "MARKETS-Wall Street": a wire's slug, then the name
        start += slug.end()
        name = text[start:end]
    quote = max(name.rfind('"'), name.rfind("“"))
    if quote >= 0:
        start += quote + 1
    tail = _TRAILING.search(text, start, end)
    if tail:
        end = tail.start()
    of_country = re.search(r"\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w ]+)$", text[start:end])
    if of_country and " of " in text[start : start + of_country.start()] + " ":
        if of_country.group("c") in g.countries:
            end = start + of_country.start()
    kind = _KIND_AFTER.search(text, start, end)
    if kind and kind.start() > start:
        end = kind.start()
    return start, end


def not_a_name(text: str, etype: str, start: int, end: int, token, g) -> bool:
    """Whether the model's name is a product, a stock index, a title, a common noun or an
    unnamed body (see above); `token` is the parse's root of the name, or None."""
    name = text[start:end]
    if name in g.names:
        return False
    words = name.split()
    after = _LOWER_AFTER.match(text, end)
    before = _LOWER_BEFORE.search(text, max(0, start - 30), start)
    next_word = after.group(1) if after else ""
    last_word = before.group(1) if before else ""
    if next_word in INDEX_NOUNS or last_word == "benchmark" or words[-1] in INDEX_HEADS:
        return True  # a stock index
    if last_word in PRODUCT_NOUNS or (next_word in PRODUCT_NOUNS and _MODEL_NUMBER.search(name)):
        return True  # a product
    if next_word in TOOL_NOUNS:
        return True  # "the FedWatch tool"
    if len(words) >= 6 and not set(words) & _heads() and " of " not in name:
        return True  # a headline in title case, not a name
    if etype == "PERSON" and any(c.isdigit() for c in name):
        return True
    if name in UNIT_SYMBOLS or (len(words) == 2 and _IDENTIFIER.fullmatch(name)):
        return True  # "MW"; "Group A", "Pool 3": a unit, an identifier
    person = person_words()
    last = re.split(r"\s+(?:of|on|for|in)\s+", name)[0].split()[-1].lower()  # the head word
    if last in person and not (set(words) & COMPANY_WORDS):
        if etype != "PERSON":
            return True  # "Kazakh Prosecutor": a title
        if all(w.lower() in person or g.demonyms.get(w) or _common(w, 3.5) for w in words[:-1]):
            return True  # "Returning Officer"
    if len(words) == 1 and token is not None and token.tag_ in ("NN", "NNS") and _common(name, 3.0):
        return True  # "Losers", "Budget": a common noun
    if len(words) >= 2 and words[-1].islower() and words[-1] in ORG_NOUNS | {"police", "ministry"}:
        return all(_common(w) or w in g.demonyms for w in words[:-1])  # "Health ministry"
    return False
