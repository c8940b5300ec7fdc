"""Sources credited without a speech verb of their own, read off the dependency parse.

"..., citing official data", "quoting the ministry", "referring to the statistics committee",
"with reference to the ministry", "has learnt from TASS", "in an interview with X": the
phrase after the cue is the source. "Xinhua quoted officials as saying": the officials. "told
Reuters", "told the agency": a listener that is a publisher is the story's source. And where
words were said, when the story names a medium or a meeting of a body or with the press
("said on state radio", "told a news conference", "at a meeting with journalists", "after
a meeting of the board"): the occasion, as a noun phrase.
"""

from __future__ import annotations

import re

from ...constants import (
    AUDIENCES,
    BODY_NOUNS,
    CREDIT_CUES,
    DATA_NOUNS,
    MEDIA_NOUNS,
    MEETING_NOUNS,
    OCCASION_PREPOSITIONS,
    ORG_NOUNS,
    PERSON_NOUNS,
    QUOTING_FORMS,
    SOURCE_NOUNS,
    SPEECH_FORMS,
    TOPIC_FORMS,
)
from ...reading.gazetteer import gazetteer
from .phrases import Who, char_span
from .speech import Reader
from .verbs import is_verb

_AUDIENCE = frozenset(w for a in AUDIENCES for w in a.split()) - {"the"}
_DETERMINER = re.compile(r"^(?:the|a|an|this|its|his|her|their)\s+", re.I)


def credits(reader: Reader) -> list[tuple[Who, str, int, int]]:
    """(who, cue, at, until) of every source credited by a cue other than a speech verb's
    subject, and of every occasion (kind "occasion"), in text order."""
    doc, speakers = reader.doc, reader.speakers
    g = gazetteer()
    agencies = set(g.agencies.values()) | set(g.credit_forms) | reader.publishers
    found = []
    for tok in doc.parsed:
        if not reader.outside(tok):
            continue
        low = tok.lower_
        objs = []
        if low in CREDIT_CUES:  # "citing X", "referring to X", "learnt from X", "interview with X"
            objs = [c for c in tok.subtree if c.dep_ in ("dobj", "pobj") and c.i > tok.i]
            objs = [o for o in objs if o.head.i == tok.i or o.head.head.i == tok.i][:1]
        elif low in QUOTING_FORMS and is_verb(tok):  # "The Daily Star quoted officials as ..."
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubj")]
        elif low in ("told", "tells", "tell") and is_verb(tok):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            objs = [o for o in objs if _publisher(speakers.who(o), agencies, o)]
        for obj in objs:
            who = speakers.who(obj)
            if who is None or who.kind == "PERSON" and low not in QUOTING_FORMS:
                continue
            if who.kind == "description" and not _a_source_noun(who.head):
                continue  # "citing strong demand": a reason, not a source
            if (
                low in ("told", "tells", "tell")
                and who.kind == "description"
                and who.head in ("agency", "newspaper")
            ):  # "told the agency": the story's own publisher
                who = Who(next(iter(reader.publishers)), "ORG") if reader.publishers else who
            if who.name in g.credit_forms:  # "told KNA": the agency by its name
                if {who.name, g.credit_forms[who.name]} & reader.publishers:
                    continue  # the story's own publisher
                who = Who(g.credit_forms[who.name], "ORG")
            at, until = char_span(doc, [tok, *speakers.phrase(obj)])
            found.append((who, tok.text, at, until))
        if is_verb(tok) and (tok.lower_ in SPEECH_FORMS or tok.lower_ in TOPIC_FORMS):
            found.extend(_occasions(reader, tok))
    return found


def _a_source_noun(head: str) -> bool:
    """Whether a noun names who or what a story can cite: people ("analysts", "a source"), a
    body, a document or data ("official data", "traffic surveys")."""
    words = {head, head[:-1] if head.endswith("s") else head}
    kinds = (
        frozenset(w.lower() for w in PERSON_NOUNS)
        | frozenset(SOURCE_NOUNS)
        | DATA_NOUNS
        | BODY_NOUNS
        | ORG_NOUNS
        | MEDIA_NOUNS
    )
    return bool(words & kinds)


def _publisher(who: Who | None, agencies: set[str], tok) -> bool:
    """Whether a listener is a publisher: an agency, "the agency", "local television", "state
    broadcaster ERT"."""
    if who is None:
        return False
    if who.name in agencies:
        return True
    media = MEDIA_NOUNS | {"agency", "newspaper", "outlet"}
    if who.kind == "description":
        return who.head in media
    return any(c.dep_ in ("compound", "appos") and c.lower_ in media for c in tok.children)


def _occasions(reader: Reader, verb) -> list[tuple[Who, str, int, int]]:
    """Where a speech verb's words were said, when it is a medium or a meeting of a body or with
    the press (see the module's docstring)."""
    doc, out = reader.doc, []
    places = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in OCCASION_PREPOSITIONS:
            places.extend((child, o) for o in child.children if o.dep_ == "pobj")
        elif child.dep_ == "dobj" and verb.lower_ in ("told", "tells", "tell"):
            places.append((child, child))  # "told a news conference"
    for cue, head in places:
        tokens = _occasion_tokens(head)
        if not _an_occasion(head, tokens):
            continue
        a, b = char_span(doc, tokens)
        words = " ".join(doc.text[a:b].split()).strip(" ,.;:")
        words = _DETERMINER.sub("", words)
        at, until = char_span(doc, [cue, *tokens])
        out.append((Who(words, "occasion", head.lower_), cue.text, at, until))
    return out


def _occasion_tokens(head) -> list:
    """The words of an occasion on its line, without clauses hung on it: "a meeting with
    reporters in Osh"."""
    doc = head.doc
    lo = next((t.i + 1 for t in reversed(doc[: head.i]) if "\n" in t.text), 0)
    hi = next((t.i for t in doc[head.i :] if "\n" in t.text), len(doc))
    aside = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return [t for t in head.subtree if lo <= t.i < hi and t.i not in aside and not t.is_punct]


def _an_occasion(head, tokens) -> bool:
    """A medium ("radio", "a news conference"), or a meeting of a body or with the press."""
    low = head.lower_
    if low in MEDIA_NOUNS and low not in MEETING_NOUNS:
        return True
    if low not in MEETING_NOUNS:
        return False
    words = {t.lower_ for t in tokens}
    if words & _AUDIENCE or words & {"press", "news"}:
        return True  # "a meeting with journalists", "a press conference"
    named = [t for t in tokens if t.i != head.i and t.tag_ in ("NNP", "NNPS")]
    if not named:
        return False
    # "a session of the Audit Board", "the Cabinet meeting": a body's, not a place's
    of_body = any(t.dep_ == "prep" and t.lower_ == "of" for t in head.children)
    before = any(t.i < head.i and t.dep_ == "compound" for t in named)
    return of_body or before
