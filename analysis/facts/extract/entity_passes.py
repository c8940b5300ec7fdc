"""Names the model missed, found by the words around them: a person after a person's noun or
title ("striker Tomas Reyes"), an organisation after an organisation's noun ("the journal
Stellar Letters"), a person who is a verb's subject ("Eusebio Zamarripa Trevino took 41% of
the vote"), an event or a facility by its head word ("... League" before "qualifiers", "...
Railway")."""

from __future__ import annotations

import re

from ...constants import (
    COMPETITION_NOUNS,
    EVENT_HEADS,
    EVENT_LEADS,
    LOC_HEADS,
    MONTHS,
    ORG_HEADS,
    SENTENCE_STARTERS,
    WEEKDAYS,
)
from ...reading.gazetteer import known_place
from .document import Doc


def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 3.5


def people_by_noun(doc: Doc, g, found) -> None:
    """People the model missed after a person's noun or title ("striker Tomas Reyes"): two
    or three capitalised words, none an English word, a known name or an organisation's."""
    for m in doc.scan(found["noun and name"], doc.body_start):
        name = m.group("name")
        words = name.split()
        if doc.taken(m.start("name"), m.end("name")) or name in g.names:
            continue
        if any(_common_word(w) or w in g.names or w in g.demonyms for w in words):
            continue
        if set(words) & (ORG_HEADS | set(MONTHS) | set(WEEKDAYS)):
            continue
        doc.add_mention(name, "PERSON", m.start("name"), m.end("name"))


_EVENT_LEAD_WORDS = frozenset(w.split()[0] for w in EVENT_LEADS)


def subjects_unnamed(doc: Doc, g) -> None:
    """People the model missed who are the subject of a verb: two or three capitalised words
    the parse reads as one proper noun ("Ricardo Villarreal Garza took 36.7% of the vote"),
    none of them an English word, a known name or a head word."""
    base = doc.body_start
    for tok in doc.parsed:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN":
            continue
        run = [tok]
        while run[0].i > run[0].sent.start and len(run) < 4:
            left = doc.parsed[run[0].i - 1]
            if left.pos_ != "PROPN" or left.dep_ != "compound":
                break
            run.insert(0, left)
        if not 2 <= len(run) <= 3:
            continue
        start, end = base + run[0].idx, base + tok.idx + len(tok.text)
        words = doc.text[start:end].split()
        if doc.taken(start, end) or not all(
            re.fullmatch(r"[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?", w) for w in words
        ):
            continue
        if any(w in g.names or w in g.demonyms or w in ORG_HEADS or _common_word(w) for w in words):
            continue
        if words[0] in _EVENT_LEAD_WORDS or words[-1] in EVENT_HEADS or words[-1] in LOC_HEADS:
            continue  # "Copa Libertadores", "Wimbledon Championships": no person
        if known_place(" ".join(words)) or words[0] in SENTENCE_STARTERS:
            continue
        doc.add_mention(" ".join(words), "PERSON", start, end)


def organisations_by_noun(doc: Doc, g, found) -> None:
    """Organisations the model missed after an organisation's noun ("the journal Nature
    Astronomy", "the broadcaster Kanal Sever"): up to three capitalised words, not a known
    place, a date or a sentence's first word."""
    for m in doc.scan(found["org noun and name"], doc.body_start):
        name, at = m.group("name"), m.start("name")
        words = name.split()
        if doc.taken(at, m.end("name")) or name in g.names or words[0] in SENTENCE_STARTERS:
            continue
        if set(words) & {*MONTHS, *WEEKDAYS} or words[0] in g.demonyms:
            continue
        doc.add_mention(name, "ORG", at, m.end("name"))


def events_and_facilities(doc: Doc, span: str, at: int) -> None:
    """A capitalised span of two or more words the model did not name, ending in an event's
    head word or a league before a competition noun (an EVENT), or a facility's (a LOC)."""
    slug = re.search(r"^.*\b[A-Z]{2,}-", span)  # "MARKETS-Wall Street": a slug, then the name
    if slug:
        span, at = span[slug.end() :], at + slug.end()
    words = span.split()
    if len(words) < 2 or words[0] in SENTENCE_STARTERS or " of " in span:
        return
    if doc.text[max(0, at - 2) : at] == ") ":
        return  # after an acronym in brackets: the rest of a longer name
    end = at + len(span)
    league = words[-1] == "League" and _COMPETITION_AFTER.match(doc.text, end)
    if words[-1] in EVENT_HEADS or league:
        doc.add_mention(span, "EVENT", at, end)
    elif words[-1] in LOC_HEADS and words[-1][:1].isupper():
        doc.add_mention(span, "LOC", at, end)


_COMPETITION_AFTER = re.compile(
    r"[^\S\n]+(?:" + "|".join(map(re.escape, COMPETITION_NOUNS)) + r")\b"
)
