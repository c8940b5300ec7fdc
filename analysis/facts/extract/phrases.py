"""Noun phrases in the model's parse: their words, and what a story says of a name.

`phrase_tokens(head)` is the phrase a head noun heads, without the clauses and asides hung on
it; `description` its words without an article. A name comes with descriptions (`before_name`,
`apposition`, `described_as`): "their coach Pablo Ruiz", "Ruiz, the 55-year-old coach,",
"car parts supplier Kessler". The word sets here say what a head noun is: a person's title or
description, a body, a source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ...constants import (
    BODY_NOUNS,
    HONORIFIC_WORDS,
    MEDIA_NOUNS,
    ORG_NOUNS,
    PART_NOUNS,
    PERSON_NOUNS,
    SOURCE_NOUNS,
    SPEECH_FORMS,
    TITLE_SYNONYMS,
    TITLE_WORDS,
)
from .document import Doc

SUBJECTS = ("nsubj", "nsubjpass")
# the parts of a noun phrase that are no part of its name: clauses and asides hung on it
_ASIDES = ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "parataxis", "prep")
AGE = re.compile(r"(\d+)-year-old$")
TITLES = frozenset(w for w in TITLE_WORDS if " " not in w) | frozenset(TITLE_SYNONYMS)
PERSON_WORDS = TITLES | frozenset(w.lower() for w in PERSON_NOUNS)
HONORIFICS = frozenset(h.lower().rstrip(".") for h in HONORIFIC_WORDS)
SOURCE = frozenset(SOURCE_NOUNS)
BODIES = ORG_NOUNS | BODY_NOUNS | PART_NOUNS | MEDIA_NOUNS
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+", re.I)


@dataclass(frozen=True)
class Who:
    """A speaker or source: its name, and its kind (an entity type, or "description")."""

    name: str
    kind: str
    head: str = ""  # the head noun of a description ("official"), lower case
    definite: bool = False  # "the flanker" (someone named before), not "a dealer" or "traders"


def char_span(doc: Doc, tokens) -> tuple[int, int]:
    """Text offsets of a run of the parse's tokens."""
    base = doc.body_start
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return base + first.idx, base + last.idx + len(last)


def phrase_tokens(head) -> list:
    """The tokens of the noun phrase a head token heads, without the clauses, conjuncts and
    asides hung on it; a phrase "of"/"from"/"by" an organisation stays ("the press office
    of the ministry")."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _ASIDES:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "for", "at", "in", "by"):
                keep.extend(t for t in child.subtree if t.dep_ not in ("relcl", "punct"))
            elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i > head.i:
                keep.extend(child.subtree)  # "economists polled by Bernama"
            continue
        keep.extend(child.subtree)
    breaks = line_breaks(head.doc)
    k = bisect_left(breaks, head.i)
    lo = breaks[k - 1] + 1 if k else 0
    hi = breaks[k] if k < len(breaks) else len(head.doc)
    return sorted((t for t in keep if lo <= t.i < hi), key=lambda t: t.i)  # its own line only


def line_breaks(parsed) -> list[int]:
    """The indices of the parse's tokens that hold a line break, in order; found once a
    parse (kept in its `user_data`)."""
    breaks = parsed.user_data.get(_LINE_BREAKS)
    if breaks is None:
        breaks = parsed.user_data[_LINE_BREAKS] = [t.i for t in parsed if "\n" in t.text]
    return breaks


_LINE_BREAKS = "analysis: line breaks"  # the key in a parse's `user_data`


def description(doc: Doc, tokens) -> str:
    """The words of a noun phrase, without its article and a trailing possessive."""
    a, b = char_span(doc, tokens)
    words = " ".join(doc.text[a:b].split())
    words = _DETERMINERS.sub("", words).strip(" ,.;:\"“”'’")
    return re.sub(r"['’]s$", "", words)


def described_as(name, nouns) -> bool:
    """Whether a name comes with a description headed by one of `nouns`: "Rahmat Hidayat, a
    spokesman for the agency", "car parts supplier Kessler Antriebstechnik"."""
    if name.tag_ not in ("NNP", "NNPS"):
        return False
    near = [c for c in name.children if c.dep_ in ("appos", "compound") and c.tag_ in ("NN", "NNS")]
    return any(c.lower_ in nouns for c in near)


def described_as_person(name) -> bool:
    return described_as(name, PERSON_WORDS)


def reported(subject) -> bool:
    """Whether a subject is inside a clause a speech verb governs (and not itself the speaker
    of a clause: "to which the minister replied that ...")."""
    verb = subject.head
    if verb.lower_ in SPEECH_FORMS and any(c.dep_ == "ccomp" for c in verb.children):
        return False
    tok = subject.head
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.lower_ in SPEECH_FORMS:
            return True
        tok = tok.head
    return False


def words_of(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[\w-]+", text) if len(w) > 1 or w.isdigit())


def before_name(span, is_person) -> set[str]:
    """The title or description written right before a name, back to a verb, a comma, an
    article or another person's name: "Peruvian Ambassador to the Republic of Chile Ana
    Torres" -> peruvian, ambassador, republic, chile."""
    doc, words = span.doc, set()
    i = span.start - 1
    while i >= 0 and span.start - i <= 12:
        t = doc[i]
        if t.tag_.startswith("VB") or t.tag_ in (",", ".", ":", "-LRB-", "-RRB-", "``", "''"):
            break
        if "\n" in t.text or is_person(t):
            break
        if t.tag_ in ("DT", "PRP$", "WDT", "WP"):
            break
        if t.tag_.startswith(("NN", "JJ")) or t.tag_ in ("CD", "HYPH"):
            words.add(t.lower_)
        elif t.tag_ in ("POS",):
            pass
        elif t.lower_ not in ("of", "to", "for", "and", "in", "on"):
            break
        i -= 1
    return words


def apposition(span) -> set[str]:
    """The words of a description in commas right after a name: "X, the 55-year-old coach,"."""
    doc, words = span.doc, set()
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return words
    i += 1
    j = i
    while j < len(doc) and j - i <= 10 and doc[j].text not in (",", ".", ";", ":"):
        if doc[j].tag_.startswith("VB") or doc[j].tag_ in ("WP", "WDT"):
            return set()  # a clause ("X, who replaced Y"), not a description
        j += 1
    for t in doc[i:j]:
        if t.tag_.startswith(("NN", "JJ")) or t.tag_ == "CD":
            words.add(t.lower_)
    return words
