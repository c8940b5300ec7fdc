"""Entities: gazetteer names, titles before names, capitalised spans with an organisation head."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ...constants import (
    COMPANY_WORDS,
    EVENT_HEADS,
    HONORIFICS,
    INDEX_HEADS,
    MONTHS,
    NAME,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PARTICLES,
    PLACE_KINDS,
    SENTENCE_STARTERS,
    SPEECH,
    SPEECH_WORDS,
    SUB_BODIES,
    TITLE_WORDS,
    TITLES,
    WEEKDAYS,
)
from ...reading.gazetteer import Gazetteer, gazetteer, known_place
from .document import Doc, Scan, _first_words, _head
from .entity_bounds import name_particles, person_words
from .entity_forms import join_acronyms, join_short_forms, places_by_kind
from .entity_forms import scans as _kind_scans
from .entity_passes import (
    events_and_facilities,
    organisations_by_noun,
    people_by_noun,
    subjects_unnamed,
)
from .entity_types import drop_unlikely, places_missed
from .model import FACILITY, model_entities, names_a_currency

if TYPE_CHECKING:
    pass

# ---- entities -----------------------------------------------------------------------------

_CAP = r"[A-Z][\w'’&.-]*"
_CONNECT = r"(?:of|for|and|on|in|de|the)"
_SP = r"[^\S\n]+"  # a name does not run over a line break
# a name after a title: two to four capitalised words ("Al-Sabti", "Jun-ho" among them), none
# of them a weekday or a month
_NOT_DATE = "(?!(?:" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b)"
_WORD = r"(?:[A-Z][a-z’']*(?:-[A-Za-z][a-z’']+)+|[A-Z][a-z’']+)"
_PARTICLES = "|".join(sorted(PERSON_PARTICLES, key=len, reverse=True))
_TITLED_NAME = (
    rf"{_WORD}(?:\s+{_NOT_DATE}{_WORD}){{1,3}}(?:(?:\s+(?:{_PARTICLES})){{1,3}}\s+{_WORD})?"
)
CAP_SPAN = re.compile(rf"{_CAP}(?:(?:{_SP}{_CONNECT})*{_SP}{_CAP})*")


@cache
def _country_res() -> list[tuple[str, re.Pattern]]:
    """Each country of the gazetteer as a whole-word pattern, in the gazetteer's order."""
    return [(c, re.compile(rf"\b{re.escape(c)}\b")) for c in gazetteer().countries]


@cache
def _country_in(span: str) -> str | None:
    """The first country of the gazetteer that a span names (an organisation's, say)."""
    return next((c for c, rx in _country_res() if rx.search(span)), None)


def _title_re() -> re.Pattern:
    titles = "|".join(re.escape(t) for t in TITLES)
    return re.compile(
        rf"\b(?P<title>(?:(?:First|Deputy|Vice|Acting)\s+)*(?:{titles}))"
        rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<org>{_CAP}(?:(?:\s+{_CONNECT})*\s+{_CAP})*?))?"
        rf"(?:,?\s+(?P<second>academician|professor|Professor|Dr\.?|Mr\.?|Ms\.?|Mrs\.?))?"
        rf",?\s+{HONORIFICS}*(?P<name>{_TITLED_NAME})\b(?!\s+(?:of|for)\s+[A-Z])"
    )


def _split_org(span: str, g: Gazetteer) -> list[str]:
    """'Aerospace Committee of the Ministry for ... of Kazakhstan' -> the two organisations."""
    pieces = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", span)
    if len(pieces) > 1 and all(set(p.split()) & ORG_HEADS for p in pieces):
        return [o for p in pieces for o in _split_org(p, g)]
    span = re.sub(r"\s+in\s+[A-Z][\w-]*$", "", span)
    parts = re.split(r"\s+of\s+the\s+", span)
    out, current = [], parts[0]
    for p in parts[1:]:
        words = set(p.split())
        if words & ORG_HEADS:
            out.append(current)
            current = p
        else:
            current = f"{current} of the {p}"
    out.append(current)
    return [o for o in out if o.split()[0] not in SUB_BODIES and set(o.split()) & ORG_HEADS]


_DOCUMENT = re.compile(
    r"\b(?:an?|the)\s+(?P<np>(?:(?:[a-z]+|[A-Z][a-z]+)\s+){0,2}?(?:agreement|memorandum|treaty|protocol|roadmap|declaration|accord)"
    r"(?:\s+(?:on|of)\s+(?:[a-z]+\s+){0,3}?[a-z]+(?=[,.;]|\s+(?:between|with|during|to|in\s+\d)))?)"
)  # fmt: skip
_MEETING = re.compile(
    r"\b(?P<np>(?:[Aa]n?|[Tt]he)\s+(?:(?:next|first|second|third|regular|joint|annual|extraordinary|international)\s+)"
    r"?(?:meeting|summit|forum|session|conference|exhibition|fair|talks)(?:\s+of\s+[^,.;]+?)?)(?=\s+(?:on|in|to|at|is|was|will|are|were)\b|[,.;])"
)  # fmt: skip


def _person_scan(person: str, surname: str) -> Scan:
    """A person named again, in full or by surname."""
    rx = re.compile(rf"\b(?:{re.escape(person)}|{re.escape(surname)})\b")
    return Scan(rx, _first_words([person, surname]))


def dateline_mentions(doc: Doc, article) -> None:
    """The dateline's place (GPE) and agency (ORG), and the agencies credited elsewhere."""
    g = gazetteer()
    d = article.dateline
    if d and d.place_at and d.place.startswith("By "):  # a byline read as a place
        name = d.place.removeprefix("By ").strip()
        doc.add_mention(name, "PERSON", d.place_at[1] - len(name), d.place_at[1])
    elif d and d.place_at:
        place = g.names.get(d.place) or g.names.get(d.place.upper())
        doc.add_mention(place[0] if place else d.place, "GPE", *d.place_at)
    if d and d.agency and d.agency_at:
        doc.add_mention(g.agencies.get(d.agency, d.agency), "ORG", *d.agency_at)
    if d and d.reporter:
        at = doc.text.find(d.reporter, d.start, d.end)
        doc.add_mention(d.reporter, "PERSON", at, at + len(d.reporter))
    for c in article.credits:
        person = c.role in ("reporter", "editor")
        if not person and c.name.split()[-1].lower() in person_words():
            continue  # "PA Court Reporter": the agency's (named in the dateline) and a title
        doc.add_mention(c.name, "PERSON" if person else "ORG", c.start, c.end)


def find_entities(doc: Doc) -> None:
    """Names in the text, each a mention of its entity, in passes from the surest: people by
    their titles, the model's names, people by a speech verb, organisations by their head
    words, gazetteer names, later mentions by surname, documents, acronyms, meetings."""
    g = gazetteer()
    found = scans()
    places_by_kind(doc)
    _whole_gazetteer_names(doc, g, found)
    _titled_people(doc, g, found)
    _country_titles(doc, found)
    if doc.parsed is not None:  # the model's names, where the rules above named nothing
        model_entities(doc, doc.parsed)
    _speakers(doc, g, found)
    people_by_noun(doc, g, found)
    if doc.parsed is not None:
        subjects_unnamed(doc, g)
    organisations_by_noun(doc, g, found)
    for m in doc.scan(found["facility"], doc.body_start):  # "the Navoi-Karshi gas pipeline"
        if m.group("name").split()[0] not in SENTENCE_STARTERS and not doc.taken(
            m.start(), m.end()
        ):
            doc.add_mention(m.group(), "LOC", m.start(), m.end())
    _organisations(doc, g)
    places_missed(doc)
    # later mentions of a person by full name or surname
    for person in [n for n, t in doc.entities.items() if t == "PERSON" and " of " not in n]:
        surname = person.split()[-1]
        for m in doc.scan(_person_scan(person, surname)):
            if not doc.taken(m.start(), m.end()):
                doc.add_mention(person, "PERSON", m.start(), m.end())
    for m in doc.scan(found["initial and surname"], doc.body_start):
        if not doc.taken(m.start(), m.end()):  # "B.Dorj"
            doc.add_mention(m.group(), "PERSON", m.start(), m.end())
    _documents(doc, found)
    join_acronyms(doc)
    join_short_forms(doc)
    _meetings(doc, found)
    drop_unlikely(doc)


_NAME_BEFORE = re.compile(rf"(?:[A-Z][\w'’.-]*{_SP}(?:(?:of|for|de|the){_SP})*)+$")
_NAME_AFTER = re.compile(rf"{_SP}(?P<word>[A-Z][\w'’.-]*)")
_HYPHENED = re.compile(r"\s?-\s?[A-Z]")


@cache
def _particle_after() -> re.Pattern:
    """A particle of a longer place's name after a name: "Santiago de Cuba"."""
    return re.compile(rf"{_SP}(?:{name_particles()}){_SP}[A-Z][\w'’-]*")


_HYPHENED_BEFORE = re.compile(r"[A-Za-z]-$")
_KIND_AFTER = re.compile(r"[^\S\n]+(?:" + "|".join(PLACE_KINDS) + r")\b")


def _joined_before(before: str) -> bool | None:
    """Whether the capitalised words before a name make one name with it ("Bank of China",
    "Bursa Malaysia"): True; a title ("Minister of Transport of Kazakhstan"): None; none, or
    a sentence's first word ("In China"): False."""
    chain = _NAME_BEFORE.search(before)
    if chain is None:
        return False
    words = chain.group().split()
    if len(words) == 1 and words[0] in SENTENCE_STARTERS:
        return False
    if set(words) & ORG_HEADS:
        return True
    return None if any(chain.group().startswith(t) for t in TITLES) else True


def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 3.5


def _whole_gazetteer_names(doc: Doc, g, found) -> None:
    """Gazetteer names that stand alone, before any other pass: no other capitalised word
    joins them (so "Bosnia and Herzegovina" is one name, and "China" in "China Road and
    Bridge Corporation" none; a title may follow: "Kazakhstan President"), nor a currency
    ("U.S. dollars"). A city with a kind of place after it names that place: "Tashkent
    region"."""
    text = doc.text
    free = {*SENTENCE_STARTERS, *WEEKDAYS, *MONTHS} | {t.split()[0] for t in TITLES}
    for m in doc.scan(found["gazetteer name"], doc.body_start):
        start, end = m.start(), m.end()
        before = _joined_before(text[max(0, start - 80) : start])
        if before:
            continue
        joined = _NAME_AFTER.match(text, end)  # (after a title, a person's name may follow)
        if before is False and joined and joined.group("word") not in free:
            continue
        particle = _particle_after().match(text, end)
        if particle and not doc.taken(start, particle.end()):  # "Santiago de Cuba"
            longer = text[start : particle.end()]
            if known_place(longer):
                doc.add_mention(longer, "GPE", start, particle.end())
            continue
        if (
            names_a_currency(text, end)
            or _HYPHENED.match(text, end)
            or _HYPHENED_BEFORE.search(text, max(0, start - 2), start)
        ):
            continue  # "Navoi-Karshi": a route or a compound name, the model's to read
        if doc.taken(start, end):
            continue
        canonical, etype = g.names[m.group()]
        kind = _KIND_AFTER.match(text, end)
        if kind and etype == "GPE" and canonical not in g.countries:
            canonical = f"{canonical}{kind.group()}"  # the name alone its mention
        doc.add_mention(canonical, etype, start, end)


def _titled_people(doc: Doc, g, found) -> None:
    """Titles before names: PERSON with a role, ORG, and the country of the ORG."""
    text = doc.text
    for m in doc.scan(found["title and name"], doc.body_start):
        name, name_at = m.group("name"), m.start("name")
        heads = [i for i, w in enumerate(name.split()) if w in ORG_HEADS]
        if heads:  # "... State Corporation Pavel Gorelov": the name follows the organisation
            rest = name.split()[heads[-1] + 1 :]
            if len(rest) < 2:
                continue
            name_at = m.end("name") - len(" ".join(rest))
            name = text[name_at : m.end("name")]
        while len([w for w in name.split() if w not in PERSON_PARTICLES]) > 2 and _common_word(
            name.split()[0]
        ):
            # "Minister for Civil Protection Stavros Kalogerakis": the portfolio's last word
            name_at += len(name.split()[0]) + 1
            name = text[name_at : m.end("name")]
        if name in g.names:
            continue
        doc.add_mention(name, "PERSON", name_at, m.end("name"))
        orgs = []
        if m.group("org"):
            for org in _split_org(m.group("org"), g):
                at = text.find(org, m.start("org"))
                if at >= 0:
                    doc.add_mention(org, "ORG", at, at + len(org))
                    orgs.append(org)
        country = _country_in(m.group("org")) if m.group("org") else None
        doc.roles.append({"person": name, "role": m.group("title"), "organization": orgs[0] if orgs else None,
                          "country": country, "start": m.start(), "end": m.end()})  # fmt: skip
        if m.group("second"):
            doc.roles.append({"person": name, "role": m.group("second").rstrip("."), "organization": orgs[0] if orgs else None,
                              "country": country, "start": m.start("second"), "end": m.end()})  # fmt: skip


def _country_titles(doc: Doc, found) -> None:
    """Titles of a country with no name: "the President of Kazakhstan"."""
    for m in doc.scan(found["title of a country"]):
        if m.start() < doc.body_start or doc.taken(m.start(), m.start("c")):
            continue
        person = f"{m.group('t')} of {m.group('c')}"
        doc.add_mention(person, "PERSON", m.start(), m.end())
        doc.roles.append({"person": person, "role": m.group("t"), "organization": None, "country": m.group("c"),
                          "start": m.start(), "end": m.end()})  # fmt: skip


def _speakers(doc: Doc, g, found) -> None:
    """People named by a speech verb: "said Erkin Shaymagambetov", "Aidar Nurlanov said"."""
    for which in ("speech verb and name", "name and speech verb"):
        for m in doc.scan(found[which]):
            name = m.group("name")
            if name in g.names or set(name.split()) & (ORG_HEADS | set(WEEKDAYS) | set(MONTHS)):
                continue
            if set(name.split()) & (INDEX_HEADS | COMPANY_WORDS | EVENT_HEADS):
                continue  # "the ... Industrial Average added 120 points": no speaker
            if name.split()[0] in SENTENCE_STARTERS:
                continue
            start = m.start("name")
            heads = [i for i, w in enumerate(name.split()) if w in ORG_HEADS]
            if heads:
                tail = name.split()[heads[-1] + 1 :]
                if len(tail) < 2:
                    continue
                name = " ".join(tail)
                start = m.end("name") - len(name)
            while name.split()[0] in g.names and len(name.split()) > 2:
                first = name.split()[0]
                name = name[len(first) :].lstrip()
                start = m.end("name") - len(name)
            if doc.taken(start, m.end("name")) or name.split()[0] in g.names:
                continue
            doc.add_mention(name, "PERSON", start, m.end("name"))


_DATE_TAIL = re.compile(r"\s+(?:on|in)\s+(?:" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b.*$")


def _organisations(doc: Doc, g) -> None:
    """Capitalised spans with an organisation's head word ("Ministry", "Committee"), split
    into the organisations they name, a leading title ("Minister of") left out."""
    title_lead = re.compile(
        rf"(?:(?:First|Deputy|Vice)\s+)*(?:{'|'.join(map(re.escape, TITLES))})\s+of\s+(?:the\s+)?"
    )
    for m in CAP_SPAN.finditer(doc.text, doc.body_start):
        span = _DATE_TAIL.sub("", m.group().rstrip("."))
        span = re.split(r"(?<=[a-z]{2})\.\s", span)[-1]  # "Monday. Party": a sentence's end
        if span.startswith("The "):
            span = span[4:]  # (a sentence's first word)
        if doc.taken(m.start(), m.end()):
            continue
        offset = m.group().find(span)
        if not set(span.split()) & ORG_HEADS:
            events_and_facilities(doc, span, m.start() + offset)
            continue
        lead = title_lead.match(span)
        core = span[lead.end() :] if lead else span
        base = m.start() + offset + (lead.end() if lead else 0)
        for org in _split_org(core, g):
            at = doc.text.find(org, base)
            if " " not in org and org in ORG_HEADS:
                continue  # "Union" alone: a head word, no name
            if re.split(r"\s+(?:of|for)\s+", org)[0].split()[-1].lower() in person_words():
                continue  # "PA Court Reporter": a title
            if at >= 0 and not doc.taken(at, at + len(org)):
                doc.add_mention(org, "ORG", at, at + len(org))


def _documents(doc: Doc, found) -> None:
    """Named documents: "the Framework Agreement", not "the agreement" alone."""
    for m in doc.scan(found["document"], doc.body_start):
        np_ = m.group("np")
        if np_.split()[0] in {"the", "this", "that"} or np_ in {
            "agreement",
            "memorandum",
            "treaty",
            "protocol",
        }:
            continue
        at = m.start("np")
        doc.add_mention(np_, "DOCUMENT", at, at + len(np_))


def _meetings(doc: Doc, found) -> None:
    """Named meetings and events; "the meeting" alone is a reference, resolved later."""
    for m in doc.scan(found["meeting"], doc.body_start):
        np_ = m.group("np")
        words = np_.lower().split()
        if words[0] == "the" and len(words) == 2:
            continue
        at = m.start("np")
        name = np_.split(maxsplit=1)[1] if words[0] in ("a", "an") else np_
        name = name[0].lower() + name[1:] if name.split()[0] in ("The",) else name
        doc.add_mention(name, "EVENT", at, at + len(np_))


@cache
def scans() -> dict[str, Scan]:
    """The entity patterns, with their heads (see `analysis.facts.extract.scans`)."""
    g = gazetteer()
    upper_titles = [t for t in TITLES if t[0].isupper()]
    countries = "|".join(map(re.escape, sorted(g.countries, key=len, reverse=True)))
    names = sorted(g.names, key=len, reverse=True)
    speech = _first_words(SPEECH_WORDS)
    person_words = sorted({w.lower() for w in (*PERSON_NOUNS, *TITLE_WORDS)}, key=len, reverse=True)
    person_nouns = "|".join(map(re.escape, person_words))
    org_nouns = "|".join(map(re.escape, sorted(ORG_NOUNS, key=len, reverse=True)))
    return {
        "title and name": Scan(_title_re(), _first_words(["First", "Deputy", "Vice", "Acting", *TITLES])),
        "title of a country": Scan(
            re.compile(rf"\b(?P<t>{'|'.join(map(re.escape, upper_titles))})\s+of\s+(?P<c>{countries})\b(?!\s+[A-Z])"),
            _first_words(upper_titles),
        ),
        "speech verb and name": Scan(re.compile(rf"\b{SPEECH}\s+(?P<name>{NAME})\b"), speech),
        # a name may start inside a word ("Donald" in "McDonald"): no head
        "name and speech verb": Scan(re.compile(rf"(?P<name>{NAME})\s+{SPEECH}\b"), None),
        "gazetteer name": Scan(
            re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])"),
            _first_words(names),
        ),
        "document": Scan(_DOCUMENT, _head("an?", "the")),
        "facility": Scan(
            re.compile(rf"(?<![\w-])(?P<name>{_WORD}(?:[ -]{_WORD})*)(?:\s*-\s*\d+)?"
                       + FACILITY.pattern), _head(r"[A-Z]\w*"),
        ),
        "initial and surname": Scan(re.compile(r"(?<![\w.])[A-Z]\.[A-Z][a-z]{2,}\b(?![.-]\w)"),
                                    _head(r"[A-Z]")),
        "meeting": Scan(_MEETING, _head("[Aa]n?", "[Tt]he")),
        # a person's noun or title, then a name: "striker Tomas Reyes", "Opener Farhan Qazi"
        "noun and name": Scan(
            re.compile(rf"\b(?i:{person_nouns})[^\S\n]+(?P<name>{NAME})\b"),
            _first_words(person_words, flags=re.IGNORECASE),
        ),
        # an organisation's noun, then a name: "the journal Nature Astronomy"
        "org noun and name": Scan(
            re.compile(rf"\b(?:{org_nouns})[^\S\n]+(?P<name>[A-Z][\w&'’-]*(?:[^\S\n]+[A-Z][\w&'’-]*){{0,2}})"),
            _first_words(ORG_NOUNS),
        ),
        **_kind_scans(),
    }  # fmt: skip
