"""Indirect references (he, the committee, the country) resolved to an entity named before."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING

from ...constants import ORG_HEADS, ORG_NOUNS, QUOTE_RE, REFERENCE_NOUNS, SPEECH_FORMS, TITLES
from ...reading.gazetteer import gazetteer
from .document import Doc, Scan, _head

if TYPE_CHECKING:
    pass


def quotation_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc.text, doc.body_start)]


def resolve_references(doc: Doc, quoted: list[tuple[int, int]]) -> None:
    """Indirect references, each to the nearest fitting entity mentioned before it (among the
    mentions found before this step: those added here are not referred to)."""
    snapshot = doc.ordered()

    def last_before(pos: int, ok) -> str | None:
        return doc.last_before(pos, ok, snapshot)

    found = scans()
    _by_role(doc, found, last_before)
    described = _described(doc)
    for m in doc.scan(found["the organisation"], doc.body_start):
        if doc.covered(m.start()):
            continue
        h = m.group("head").lower()
        name = last_before(m.start(), lambda n, t: t == "ORG" and h in n.lower())
        if name is None:  # "the EVG rail union ... the union said": the noun said of it
            name = last_before(m.start(), lambda n, t: t == "ORG" and h in described.get(n, ()))
        if name is None and m.group("speaks") is not None and h not in _STATE_HEADS:
            # "The company said": the last body named (not "the ministry", "the government")
            name = last_before(m.start(), lambda n, t: t == "ORG" and _a_body(n))
        if name:
            doc.add_mention(name, "ORG", m.start(), m.end(), indirect=True)
    _by_noun(doc, found, last_before)
    _pronouns(doc, found, quoted, snapshot, last_before)


def _described(doc: Doc) -> dict[str, set[str]]:
    """The words right around each organisation's names ("the EVG rail union", "the
    broadcaster NTV"): two before and three after, lower case."""
    around: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m["is_indirect"] or doc.entities.get(m["entity"]) != "ORG":
            continue
        before = doc.text[max(0, m["start"] - 40) : m["start"]].lower().split()[-2:]
        after = doc.text[m["end"] : m["end"] + 40].lower().split()[:3]
        around.setdefault(m["entity"], set()).update(w.strip(",.;:'’\"") for w in before + after)
    return around


_STATE_HEADS = frozenset(h.lower() for h in ORG_HEADS)


def _a_body(name: str) -> bool:
    """Whether an organisation can be what a speaking "the company" or "the club" refers
    back to: not a news agency, a state's body ("the Ministry of ...") or a court."""
    g = gazetteer()
    agency = name in g.agencies.values() or name in g.credit_forms or name in g.agencies
    return not agency and not set(name.split()) & ORG_HEADS


def _by_role(doc: Doc, found, last_before) -> None:
    """ "the head of the committee", "the minister": a person by role; "the committee": an org."""
    role_of: dict[str, dict[str, None]] = {}  # each person's roles and organisations, once each
    orgs_of: dict[str, dict[str, None]] = {}
    for r in doc.roles:
        role_of.setdefault(r["person"], {})[(r["role"] or "").lower()] = None
        orgs_of.setdefault(r["person"], {})[(r.get("organization") or "").lower()] = None
    for m in doc.scan(found["the role"], doc.body_start):
        at = m.start()
        if doc.taken(at, m.end()):
            continue
        role, org = m.group("role"), m.group("org")
        person = last_before(at, lambda n, t: t == "PERSON" and (
            any(role in r or r in role for r in role_of.get(n, [])) or
            (org and any(org in o for o in orgs_of.get(n, [])))))  # fmt: skip
        if role == "head" and org and not person:
            person = last_before(
                at, lambda n, t: t == "PERSON" and any(org in o for o in orgs_of.get(n, []))
            )
        if person:
            doc.add_mention(person, "PERSON", at, m.end(), indirect=True)
        if org:
            name = last_before(at, lambda n, t: t == "ORG" and org in n.lower())
            if name:
                doc.add_mention(
                    name, "ORG", m.start("org") - len("the "), m.end("org"), indirect=True
                )


def _by_noun(doc: Doc, found, last_before) -> None:
    """ "the country", "the document", "The draft", "the event", "the meeting"."""
    countries = gazetteer().countries
    for m in doc.scan(found["the noun"], doc.body_start):
        at = m.start()
        if doc.covered(at):
            continue
        want = REFERENCE_NOUNS[m.group("noun")]
        ok = (
            (lambda n, t: t == "GPE" and n in countries)
            if m.group("noun") == "country"
            else (lambda n, t, w=want: t == w)
        )
        name = last_before(at, ok)
        if name:
            doc.add_mention(name, want, at, m.end(), indirect=True)


def _pronouns(doc: Doc, found, quoted, snapshot, last_before) -> None:
    """he / his / him / she / her -> the last person (not inside a quotation, where they are
    the speaker's words about someone else)."""
    in_quote = bytearray(len(doc.text))
    for s, e in quoted:
        in_quote[s:e] = b"\x01" * (e - s)
    for m in doc.scan(found["pronoun"], doc.body_start):
        at = m.start()
        if in_quote[at]:
            continue
        if doc.parsed is None:
            person = last_before(at, lambda n, t: t == "PERSON")
        else:
            person = resolve_pronoun(doc, at, snapshot)
        if person:
            doc.add_mention(person, "PERSON", at, m.end(), indirect=True)


def resolve_first_person(doc: Doc, speakers: list[tuple[int, int, str]]) -> None:
    """I / my / me inside a direct quotation refer to its speaker."""
    for s, e, speaker in speakers:
        for m in re.finditer(r"\b(?:I|my|me)\b", doc.text[s:e]):
            doc.add_mention(speaker, "PERSON", s + m.start(), s + m.end(), indirect=True)


def person_at(doc: Doc, start: int, end: int) -> str | None:
    """The person a span names or refers to (the last person mention inside it)."""
    inside = [
        m
        for m in doc.between(start, end)
        if m["end"] <= end and doc.entities[m["entity"]] == "PERSON"
    ]
    if inside:
        return sorted(inside, key=lambda m: m["start"])[-1]["entity"]
    return None


def resolve_pronoun(doc: Doc, pos: int, snapshot=None) -> str | None:
    """The person "he" or "she" at `pos` refers to: the last one named before it outside
    quotation marks (a name inside a quotation is what the speaker speaks of), and with the
    model's parse, the last such person who was the subject of a sentence."""
    quoted = doc.quoted()
    subjects = doc.subjects()
    ms, starts = snapshot or doc.ordered()
    last = None
    for i in range(bisect_left(starts, pos) - 1, -1, -1):
        m = ms[i]
        if doc.entities[m["entity"]] != "PERSON":
            continue
        q = bisect_right(quoted, (m["start"], len(doc.text))) - 1
        if q >= 0 and quoted[q][0] <= m["start"] < quoted[q][1]:
            continue
        if subjects is None:
            return m["entity"]
        last = last or m["entity"]
        j = bisect_right(subjects, (m["start"], len(doc.text)))
        if any(a <= m["start"] < b for a, b in subjects[max(0, j - 4) : j]):
            return m["entity"]  # with the parse: the last person who was a subject
    return last


@cache
def scans() -> dict[str, Scan]:
    """The reference patterns, with their heads (see `analysis.facts.extract.scans`)."""
    heads = "|".join(sorted({h.lower() for h in ORG_HEADS}))
    nouns = "|".join(sorted(ORG_NOUNS - {h.lower() for h in ORG_HEADS}, key=len, reverse=True))
    speech = "|".join(sorted(SPEECH_FORMS, key=len, reverse=True))
    titles = "|".join(sorted({t.lower() for t in TITLES}, key=len, reverse=True))
    the = _head("[Tt]he")
    return {
        "the role": Scan(
            re.compile(rf"\b[Tt]he\s+(?P<role>{titles})(?:\s+of\s+the\s+(?P<org>{heads}))?\b"), the
        ),
        "the organisation": Scan(
            re.compile(rf"\b[Tt]he\s+(?P<head>{heads}|{nouns})\b(?!\s+(?:of|for)\s+[A-Z])"
                       rf"(?P<speaks>(?=\s+(?:{speech})\b))?"),
            the,
        ),
        "the noun": Scan(re.compile(r"\b[Tt]he\s+(?P<noun>" + "|".join(REFERENCE_NOUNS) + r")\b"), the),
        "pronoun": Scan(
            re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b"),
            _head("[Hh]e", "[Hh]is", "[Hh]im", "[Ss]he", "[Hh]er"),
        ),
    }  # fmt: skip
