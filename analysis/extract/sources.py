"""Sources: the dateline's agency and the attributions in the text."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ..article import Article
from ..scan import WordIndex
from .document import Doc, Scan, _first_words, _head, gazetteer

if TYPE_CHECKING:
    pass

# ---- sources ------------------------------------------------------------------------------


def find_sources(doc: Doc, article: Article) -> list[dict]:
    g = gazetteer()
    out = []
    if article.dateline and article.dateline.agency:
        d = article.dateline
        out.append({"name": g.agencies.get(d.agency, g.agencies.get(d.agency.upper(), d.agency)), "role": "publisher",
                    "sentence_id": pd.NA, "evidence": doc.text[d.start : d.end].strip()})  # fmt: skip
    for m in doc.scan(scans()["attribution"], doc.body_start):
        who = m.group("who") or m.group("who2")
        out.append({"name": g.agencies.get(who, who), "role": "attributed source",
                    "sentence_id": doc.sentence_of(m.start()), "evidence": m.group()})  # fmt: skip
    return out


DOMAINS = ("by", "kz", "ru", "uz", "az", "kg", "am", "com", "org")
ATTRIBUTION_VERBS = ("informs", "reports", "writes", "said", "says", "stated")


def _attribution_re() -> re.Pattern:
    forms = "|".join(map(re.escape, sorted(gazetteer().agencies, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w.])(?P<who>{forms}|[a-z][\w-]*\.(?:{'|'.join(DOMAINS)}))\s+(?P<v>{'|'.join(ATTRIBUTION_VERBS)})\b"
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
    domains = tuple("." + d for d in DOMAINS)
    for verb in index.candidates(_head(*ATTRIBUTION_VERBS)).tolist():
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


@cache
def scans() -> dict[str, Scan]:
    """The attribution pattern, with its head (see `analysis.extract.scans`)."""
    return {"attribution": Scan(_attribution_re(), _attribution_starts)}
