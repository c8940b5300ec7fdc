"""Sources: the dateline's agency and the attributions in the text."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ...constants import (
    BODY_NOUNS,
    DATA_NOUNS,
    OCCASION_PREPOSITIONS,
    ORG_NOUNS,
    SOURCE_NOUNS,
    SOURCE_VERBS,
    TITLE_WORDS,
    TITLES,
    WEB_DOMAINS,
)
from ...reading.article import Article
from ...reading.gazetteer import gazetteer
from ...reading.scan import Candidates, WordIndex
from .document import Doc, Scan, _first_words, _head

if TYPE_CHECKING:
    pass

# ---- sources ------------------------------------------------------------------------------

_NP = r"(?P<who>(?:[Tt]he |[Aa]n? )?[^,.;:()\"“”\n]{2,90}?)"
_NP_END = r"(?=\s+(?:on|in|at|last|this|which|who|that|as|for|over|to|with|after|before)\b|[,.;:()\n]|\s*$)"
# a clause's or a prepositional phrase's first word: "that the committee ...", "in a statement"
_CLAUSE = re.compile(
    r"(?:that|whether|if|as|" + "|".join(sorted(OCCASION_PREPOSITIONS)) + r")\b", re.I
)
_LEADING = re.compile(r"^(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir)\s+")
# a source's name ends before these: "the board has now said" names "the board"
_NOT_IN_NAME = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|would|also|so|not|been|could|can|may|might|"
    r"later|earlier|then|previously|recently|reportedly|further)\b.*",
    re.S,
)


def find_sources(doc: Doc, article: Article) -> list[dict]:
    """The publisher (dateline, byline or credit line), reporters, and the sources the story
    credits: "according to the ministry", "police said", "citing official data", "BelTA
    informs", "told the agency", "at a meeting with journalists"; each a noun phrase (the
    entity's name where it has one), never the clause it says. A bare "police" after "Osaka
    police" is the same source. With the model's parse the attributions are the quotes
    stage's; without it, the rules below read them."""
    g = gazetteer()
    out = []
    d = article.dateline
    if d and d.agency:
        out.append(_row(g.agencies.get(d.agency, g.agencies.get(d.agency.upper(), d.agency)),
                        "publisher", pd.NA, doc.text[d.start : d.end].strip()))  # fmt: skip
    if d and d.reporter:
        out.append(_row(d.reporter, "reporter", pd.NA, doc.text[d.start : d.end].strip()))
    for c in article.credits:  # an agency relayed is a source the story credits
        if c.role == "editor":
            continue  # who edited the copy is no source of it
        role = "attributed source" if c.role == "relayed" else c.role
        out.append(_row(c.name, role, doc.sentence_of(c.start), doc.text[c.start : c.end]))
    for m in doc.scan(scans()["attribution"], doc.body_start):
        who = m.group("who") or m.group("who2")
        out.append(
            _row(
                g.agencies.get(who, who), "attributed source", doc.sentence_of(m.start()), m.group()
            )
        )
    for m in doc.scan(scans()["agency's"], doc.body_start):  # "A Xinhua poll"
        out.append(_row(m.group("who"), "attributed source", doc.sentence_of(m.start()), m.group()))
    if doc.parsed is None:
        for name, at, evidence in _attributed(doc):
            out.append(_row(name, "attributed source", doc.sentence_of(at), evidence))
    else:
        for a in doc.attributions:
            if _a_source(a):
                evidence = " ".join(doc.text[a["start"] : a["end"]].split())
                out.append(_row(a["name"], "attributed source", doc.sentence_of(a["start"]),
                                evidence))  # fmt: skip
    return _unique(out)


def _a_source(a: dict) -> bool:
    """Whether an attribution credits a source: an organisation, a body, a document or data
    ("the health ministry", "official data", "the ruling"), unnamed people ("analysts",
    "a source close to the talks", "economists polled by Bernama"), an occasion; not a named
    person, whose words are quotes, nor one described by a title the story does not resolve
    ("the prime minister") or as someone it named before ("the flanker"), nor a country."""
    if a["kind"] in ("ORG", "occasion"):
        return True
    if a["kind"] != "description":
        return False
    head = a["head"]
    if head in _SOURCE_HEADS:
        return True
    # unnamed people ("traders", "a dealer", "a ministry spokesman"); not one the story named
    # before ("the flanker", "the prime minister")
    return not a.get("definite")


_SOURCE_HEADS = frozenset(SOURCE_NOUNS) | ORG_NOUNS | BODY_NOUNS | DATA_NOUNS
_TITLES = frozenset(w for t in TITLE_WORDS for w in t.split())


def _row(name, role, sentence_id, evidence) -> dict:
    return {"name": name, "role": role, "sentence_id": sentence_id, "evidence": evidence}


def _unique(rows: list[dict]) -> list[dict]:
    """One row per attribution: a bare common noun ("police") that ends a name found before or
    after it ("Osaka police") is that source; the story's own publisher or reporter credited in
    the text ("Report informs" under the dateline of Report.az) and repeats of the same words
    are dropped."""
    out: list[dict] = []
    names = [x["name"] for x in rows if x["role"] == "attributed source"]
    own = [x["name"].lower() for x in rows if x["role"] in ("publisher", "reporter")]
    for r in rows:
        key = r["name"].lower()
        fuller = next((n for n in names if n.lower().endswith(" " + key)), None)
        if fuller and key in SOURCE_NOUNS and r["role"] == "attributed source":
            r = r | {"name": fuller}
        elif r["role"] == "attributed source" and any(n.startswith(key) for n in own):
            continue
        same = [x for x in out if (x["name"], x["role"]) == (r["name"], r["role"])
                and (x["evidence"] == r["evidence"] or _same(x["sentence_id"], r["sentence_id"]))]  # fmt: skip
        if same:  # one attribution a sentence: its fullest words
            if len(r["evidence"]) > len(same[0]["evidence"]):
                out[out.index(same[0])] = r
            continue
        out.append(r)
    return out


def _same(a, b) -> bool:
    """The same sentence (<NA>, outside every sentence, is the same as <NA> only)."""
    return bool(pd.isna(a) and pd.isna(b)) or (pd.notna(a) and pd.notna(b) and a == b)


def _source_phrase(phrase: str, doc: Doc, start: int) -> str | None:
    """The name of a source phrase, or None when it names a person (or nothing we know)."""
    if _CLAUSE.match(phrase.strip()):
        return None  # "that the committee prepared ...": what was said, not who said it
    name = _NOT_IN_NAME.sub("", _LEADING.sub("", phrase.strip()))
    words = name.lower().split()
    if not words or len(words) > 10:
        return None
    known = name in gazetteer().agencies
    nouns = [re.sub(r"['’]s$", "", w) for w in words]
    if not known and not any(w in SOURCE_NOUNS for w in nouns):
        return None
    if any(w in _titles() for w in nouns):
        return None  # "the head of the committee": a person, a speaker rather than a source
    for m in doc.between(start, start + len(phrase)):
        if doc.entities.get(m["entity"]) == "PERSON":
            return None  # a person named in it: a speaker
    return name


@cache
def _titles() -> frozenset[str]:
    """The words of the gazetteer's titles, lower case (head, minister, ambassador...)."""
    return frozenset(w.lower() for t in TITLES for w in t.split()) - {"of", "general"}


def _attributed(doc: Doc):
    """(name, offset, evidence) of each source credited in words."""
    for key in ("according to", "citing", "based on", "before a verb", "after a verb"):
        for m in doc.scan(scans()[key], doc.body_start):
            name = _source_phrase(m.group("who"), doc, m.start("who"))
            if name:
                yield name, m.start(), m.group().strip()


def _attribution_re() -> re.Pattern:
    forms = "|".join(map(re.escape, sorted(gazetteer().agencies, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w.])(?P<who>{forms}|[a-z][\w-]*\.(?:{'|'.join(WEB_DOMAINS)}))\s+(?P<v>{'|'.join(sorted(SOURCE_VERBS, key=len, reverse=True))})\b"
        rf"|according to (?P<who2>{forms})\b"
    )  # fmt: skip


def _attribution_starts(index: WordIndex):
    """Where an attribution can start: an agency's name, "according to", or a web address
    ("belta.by") that ends right before the white space before "reports", "informs" ...

    A web address may begin after a hyphen inside a word, so for each such verb every position
    of the address before its dot is a candidate; the pattern decides.
    """
    import numpy as np

    text = index.text
    agencies = _first_words(gazetteer().agencies)
    if agencies is None:  # a name that does not start with a word character: look everywhere
        return np.arange(len(text), dtype=np.int64)
    found = [index.candidates(agencies)]
    at = text.find("according to ")
    while at >= 0:
        found.append(np.array([at], dtype=np.int64))
        at = text.find("according to ", at + 1)
    domains = tuple("." + d for d in WEB_DOMAINS)
    for verb in index.candidates(_first_words(SOURCE_VERBS)).tolist():
        end = verb
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == verb or not text.endswith(domains, 0, end):
            continue
        dot = text.rfind(".", 0, end)
        first = dot
        while first > 0 and (text[first - 1].isalnum() or text[first - 1] in "_-"):
            first -= 1
        found.append(np.arange(first, dot, dtype=np.int64))
    return np.unique(np.concatenate(found))


def _before_verb_starts(index: WordIndex):
    """Where "<source> said" can start: the words among the nine chunks of text before a
    source verb (the phrase is at most nine words, each a chunk without white space)."""
    return index.words_before(index.candidates(_first_words(SOURCE_VERBS)).tolist(), 9)


@cache
def scans() -> dict[str, Scan]:
    """The attribution patterns, with their heads (see `analysis.facts.extract.scans`)."""
    verbs = "|".join(sorted(SOURCE_VERBS, key=len, reverse=True))
    agencies = "|".join(map(re.escape, sorted(gazetteer().agencies, key=len, reverse=True)))
    return {
        "attribution": Scan(_attribution_re(), Candidates(_attribution_starts)),
        "according to": Scan(re.compile(rf"\b[Aa]ccording to {_NP}{_NP_END}"), _head("[Aa]ccording")),
        "citing": Scan(
            re.compile(rf"\b(?:[Cc]iting|[Rr]eferring to|[Qq]uoting) {_NP}{_NP_END}"),
            _head("[Cc]iting", "[Rr]eferring", "[Qq]uoting"),
        ),
        "based on": Scan(
            re.compile(rf"\b[Bb]ased on (?:the )?(?:data|figures|information|statistics)"
                       rf" (?:released|published|provided|issued) by {_NP}{_NP_END}"),
            _head("[Bb]ased"),
        ),
        # "police said", "The Energy Ministry said", "a senior official said"
        "before a verb": Scan(
            re.compile(rf"(?<![^\s,;:(])(?P<who>(?:[Tt]he |[Aa]n? )?(?:\w[\w’'-]* ){{0,7}}?\w[\w’'-]*) (?:{verbs})\b"),
            Candidates(_before_verb_starts),
        ),
        # "..., reported the ministry's press office."
        "after a verb": Scan(
            re.compile(rf"\b(?:{verbs}) {_NP}(?=[.;]|\s+(?:on|in)\b|\s*$)"), _first_words(SOURCE_VERBS)
        ),
        # "A Xinhua poll", "Reuters calculations"
        "agency's": Scan(
            re.compile(rf"\b(?P<who>(?:{agencies})(?:’s|'s)? (?:survey|poll|report|calculations|data|analysis))\b"),
            _first_words(gazetteer().agencies),
        ),
    }  # fmt: skip
