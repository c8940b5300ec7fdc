"""Reported speech and the speakers of quotations, read off the model's dependency parse.

"X said (that) ...", "... , police said", "X told reporters ...", "according to X, ...",
"X was quoted as saying ...": the clause the speech verb governs is what is said, its subject
who says it. The subject becomes a speaker as the rest of the extractor knows it: a person
named or referred to ("he", "the minister"), an organisation, or the words themselves ("a
senior official"). Used when the model ran (see `model.py`); otherwise `quotes.py`'s rules
read reported speech alone.
"""

from __future__ import annotations

import re

import pandas as pd

from ...constants import PRONOUNS, SPEECH_FORMS, TITLE_SYNONYMS, TITLE_WORDS
from ...reading.gazetteer import gazetteer
from .document import Doc
from .references import resolve_pronoun


def _verb(tok) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def _speech_verb(tok) -> bool:
    return _verb(tok) and tok.lower_ in SPEECH_FORMS


_LEAD = re.compile(r"(?:that|whether)\s+", re.I)
_TRAIL = " ,.;:\"“”‘’'"


def _subject(verb):
    """The subject of a speech verb, looking through "was quoted as saying" and conjunctions."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    head = verb
    while head.dep_ in ("xcomp", "advcl", "conj", "pcomp") and head.head is not head:
        head = head.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def speaker_of(doc: Doc, token) -> str | None:
    """Who a subject token names: the person or organisation mentioned there (a pronoun or a
    role resolved to its person), else the phrase itself when it names a source."""
    base = doc.body_start
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    start, end = base + span.start_char, base + span.end_char
    inside = [m for m in doc.between(start, end) if m["end"] <= end]
    people = [m for m in inside if doc.entities[m["entity"]] == "PERSON"]
    if people:
        return people[-1]["entity"]
    person = _by_role(doc, span, token, start)
    if person:
        return person
    if token.lower_ in PRONOUNS:
        if token.lower_ in ("he", "she"):
            return resolve_pronoun(doc, start)
        return None
    head_at = doc.body_start + token.idx
    named = [m for m in inside if m["start"] <= head_at < m["end"]]
    if named:  # the subject is a name: "The Energy Ministry said"
        return named[-1]["entity"]
    words = [t for t in span if t.dep_ not in ("det", "punct", "poss") or t.i == token.i]
    phrase = " ".join(t.text for t in words).strip()
    if token.tag_ in ("NNP", "NNPS") and " " not in phrase:  # "Moon": the one person of that name
        full = [n for n, t in doc.entities.items() if t == "PERSON" and phrase in n.split()]
        if len(full) == 1:
            return full[0]
    return phrase if phrase and token.tag_.startswith("NN") else None


TITLE_NOUNS = frozenset(w for w in TITLE_WORDS if " " not in w)


def _by_role(doc: Doc, span, token, start: int) -> str | None:
    """'the minister', 'the Kazakh health minister', 'the diplomat': the last person before
    whose role has that title (or, for a title no role names, the last person with a role)."""
    if token.lower_ not in TITLE_NOUNS:
        return None
    words = {t.lower_ for t in span} | TITLE_SYNONYMS.get(token.lower_, frozenset())
    titled = {r["person"]: set(r["role"].lower().split()) for r in doc.roles if r["start"] < start}
    fits = {p for p, role in titled.items() if token.lower_ in role or role & (words - {"the"})}
    pool = fits or set(titled)
    return doc.last_before(start, lambda n, t: t == "PERSON" and n in pool)


def _clause(doc: Doc, sent, tokens) -> tuple[int, int] | None:
    """Text offsets of a clause: the tokens' span, trimmed of 'that' and punctuation."""
    skip = doc.dateline or (0, 0)
    base = doc.body_start
    tokens = [
        t for t in tokens if sent.start <= t.i < sent.end and not skip[0] <= base + t.idx < skip[1]
    ]
    if not tokens:
        return None
    # (offsets into our own text: spaCy's Doc.text is joined anew at every call)
    a = base + min(t.idx for t in tokens)
    b = base + max(t.idx + len(t) for t in tokens)
    text = doc.text
    while a < b and text[a] in _TRAIL:
        a += 1
    lead = _LEAD.match(text, a, b)
    if lead:
        a = lead.end()
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    if len(text[a:b].split()) < 3:
        return None
    return a, b


def reported_speech(doc: Doc, quoted: list[tuple[int, int]]) -> list[dict]:
    """Reported statements: speaker, text (the governed clause), kind, cue, start."""
    out = []
    agencies = set(gazetteer().agencies.values())

    def in_quote(a: int, b: int) -> bool:  # mostly inside quotation marks: a direct quote
        return sum(max(0, min(b, qb) - max(a, qa)) for qa, qb in quoted) > (b - a) / 2

    for sent in doc.parsed.sents:
        for tok in sent:
            found = _statement(doc, sent, tok)
            if found is None:
                continue
            speaker, (a, b), cue = found
            if in_quote(a, b) or speaker is None or speaker in agencies:
                continue  # "..., BelTA informs": the story's source, not a speaker
            out.append({"speaker": speaker, "text": doc.text[a:b], "kind": "reported",
                        "cue": cue, "start": a})  # fmt: skip
    return _without_overlaps(out)


def _statement(doc: Doc, sent, tok):
    """(speaker, clause offsets, cue) when `tok` attributes speech, else None."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
        if not objs:
            return None
        phrase = {t.i for t in tok.subtree} | {t.i for t in tok.nbor().subtree}
        rest = [t for t in sent if t.i not in phrase]
        span = _clause(doc, sent, rest)
        return (speaker_of(doc, objs[0]), span, "according to") if span else None
    if not _speech_verb(tok):
        return None
    subject = _subject(tok)
    if subject is None:
        return None
    said = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i != subject.i]
    said = [c for c in said if _verb(c) or c.dep_ == "ccomp"]
    if said:
        tokens = [t for c in said for t in c.subtree]
    elif tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i:
        # "The bus crashed ..., police said": the head clause, without the attribution
        attribution = {t.i for t in tok.subtree}
        tokens = [t for t in tok.head.subtree if t.i not in attribution]
    elif _ends_clause(tok, sent):  # "..., he said." / "..., said the minister."
        first = min(tok.i, subject.left_edge.i)
        tokens = _without_apposition([t for t in sent if t.i < first])
    else:
        return None
    span = _clause(doc, sent, tokens)
    return (speaker_of(doc, subject), span, tok.text) if span else None


def _without_apposition(tokens: list) -> list:
    """'..., Chairman of the Presidium Vladimir Gusakov told': the clause ends at the comma
    before a title that has no verb of its own."""
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if commas and not any(_verb(t) for t in tokens[commas[-1] :]):
        return tokens[: commas[-1]]
    return tokens


def _ends_clause(verb, sent) -> bool:
    """'..., he said.' / '..., said Nurova': the verb and its subject close the sentence."""
    rest = [t for t in sent if t.i > verb.i and not t.is_punct]
    return (
        len(rest) <= 6 and verb.i > sent.start and any(t.text == "," for t in sent if t.i < verb.i)
    )


def _without_overlaps(found: list[dict]) -> list[dict]:
    """Of statements that overlap, the first (the outer one: nested clauses repeat words)."""
    out: list[dict] = []
    for q in sorted(found, key=lambda q: (q["start"], -len(q["text"]))):
        end = q["start"] + len(q["text"])
        if any(p["start"] < end and q["start"] < p["start"] + len(p["text"]) for p in out):
            continue
        out.append(q)
    return out


def speaker_near(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """(speaker, cue) of a quotation with no attribution beside it: the subject of a speech
    verb outside the quotation marks: after it in its sentence, then in the next sentence,
    then before it."""
    first, last = doc.sentence_of(start), doc.sentence_of(max(start, end - 1))
    if first is pd.NA or last is pd.NA:
        return None
    s0, _ = doc.sentence_span(first)
    _, e0 = doc.sentence_span(last)
    _, e1 = doc.sentence_span(int(last) + 1)
    windows = [(end, e0), (e0, max(e0, e1)), (s0, start)]
    base = doc.body_start
    tokens = list(doc.parsed)
    for lo, hi in windows:
        for tok in tokens:
            at = base + tok.idx
            if not lo <= at < hi or not _speech_verb(tok):
                continue
            subject = _subject(tok)
            who = speaker_of(doc, subject) if subject is not None else None
            if who:
                return who, tok.text
    return None
