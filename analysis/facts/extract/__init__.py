"""Automatic fact extraction for any English wire story, offline.

`extract_facts(article, sentences)` returns the eight fact tables (entities, mentions, roles,
events, quantities, topics, quotes, sources) with `origin` = "extracted", in the same columns as
the curated ones, so that every chart and every comparison works on either, and the `dates`
table. It never reads a curated facts file.

The extractor is a pipeline of stages over one shared `Doc` (`pipeline.PIPELINE`, printed by
`pipe_names()`), each declaring what it reads and writes:

1. dates: absolute ("22 October", "December 25, 2005"), ranges ("22-23 October"), years,
   relative ones ("this year", "next year", "on Thursday") resolved against the publication
   date, each with its precision; with no known publication date, the year is inferred from
   the years the text speaks of, and said so.
2. parse: spaCy's `en_core_web_sm` reads the body (names, parts of speech, the dependency
   parse), when it is installed and the text is under `model.MAX_CHARS`; otherwise the rules
   below work alone.
3. dateline: the dateline's place and agency, and the credits outside it, as mentions.
4. entities: the model's names, the gazetteer's (`analysis/data/gazetteer.yaml`), people by
   their titles and by speech verbs, organisations by their head words, documents, meetings.
5. references: "he", "the minister", "the country", "the document" resolved to an entity named
   before them.
6. quotes: quotations (`quotations.py`) with their speakers (`direct.py`), and reported
   speech from the parse (`speech.py`: the clause a speech verb governs), each speaker a noun
   phrase resolved to its entity (`speakers.py`), or by rule; and every attribution, for the
   sources (`credits.py` adds those without a speech verb: "citing X", "told Reuters").
7. first person: "I", "my" inside a quotation are its speaker.
8. quantities: numerals, number words and fractions with what they count (the words after
   them, or what the sentence says), money in ISO codes, percentages, ages, scores, rates,
   and the parts of a total.
9. events: actions with their actor, object, date and status (done, ongoing, planned,
   possible).
10. sources: the publisher (dateline, byline, credit line) and the attributions that name a
    body, a document, data, unnamed people or an occasion.

Word lists (speech verbs, titles, tense cues, currencies...) are read from
`analysis/data/wordlists.yaml` by `analysis.constants`, each declared once. Every pattern that
runs over the whole text or over every sentence is listed in `scans()`, with the words its
matches can start with, and is tried only there (`scan.WordIndex`): a 5 MB file takes seconds,
not minutes. A new pattern goes there too, with its head, and `tests/test_scan.py` then holds
it to the plain `finditer`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pandas as pd

from ... import schemas
from ...reading.article import Article
from ...reading.gazetteer import gazetteer
from ...reading.scan import WordIndex
from .dates import dates_frame
from .dates import scans as _date_scans
from .document import Doc
from .entities import scans as _entity_scans
from .entity_types import adjectival_only
from .events_rules import scans as _event_scans
from .pipeline import PIPELINE, pipe_names, run, with_parse
from .quantities import scans as _quantity_scans
from .quotes import scans as _quote_scans
from .references import scans as _reference_scans
from .sources import scans as _source_scans

__all__ = [
    "PIPELINE",
    "LanguageWarning",
    "english_share",
    "extract_facts",
    "facts_doc",
    "find_dates_table",
    "gazetteer",
    "pipe_names",
    "reference_date",
    "scans",
]

# ---- all together -------------------------------------------------------------------------


def scans() -> dict:
    """Every pattern the stages run over the whole text or every sentence, with its head.

    `tests/test_scan.py` holds each of them to the plain `finditer`: same matches.
    """
    found = {}
    for stage in (_date_scans, _entity_scans, _reference_scans, _quote_scans, _quantity_scans,
                  _event_scans, _source_scans):  # fmt: skip
        found |= stage()
    return found


def reference_date(article: Article) -> tuple[dt.date | None, str | None]:
    pub = (article.meta or {}).get("published") or {}
    if pub.get("date"):
        try:
            return dt.date.fromisoformat(str(pub["date"])[:10]), pub.get("precision") or "day"
        except ValueError:
            pass
    return None, None


class LanguageWarning(UserWarning):
    """The article does not look like English: the extracted facts will be poor."""


def english_share(text: str) -> float:
    """The share of the words that are English function words (our stopword list)."""
    from ...reading.text import stopwords

    words = re.findall(r"[^\W\d_]+", text.lower())
    stop = stopwords()
    return sum(w in stop for w in words) / len(words) if words else 1.0


_PARSE = object()  # no parse given: the parse stage runs the model


def extract_facts(
    article: Article, sentences: pd.DataFrame, index: WordIndex | None = None, *,
    parsed=_PARSE,
) -> dict[str, pd.DataFrame]:  # fmt: skip
    """The eight fact tables of an article, extracted by rule; `origin` is "extracted".

    `index` is the article text's `WordIndex`, if it is built already; `parsed`, the model's
    parse of `facts_doc(article, sentences)` if it is made already (`model.parse_many`
    parses many articles together), None for none.
    """
    import warnings

    body = article.text[article.body_start : article.body_start + 20000]
    share = english_share(body)
    if len(body.split()) >= 20 and share < 0.1:
        warnings.warn(
            f"{article.path}: does not look like English ({share:.0%} English function words); "
            "the term tables still work, but the extracted facts expect English",
            LanguageWarning,
            stacklevel=2,
        )
    stages = PIPELINE if parsed is _PARSE else with_parse(parsed)
    doc = run(facts_doc(article, sentences, index), stages)
    dates = dates_frame(doc, doc.dates)
    if doc.year_inferred:  # said, never silently guessed: the metadata and the charts show it
        dates.attrs["year_inferred"] = doc.year_inferred
    return _tables(doc) | {"dates": dates}


def facts_doc(article: Article, sentences: pd.DataFrame, index: WordIndex | None = None) -> Doc:
    """The article as the extractor reads it, with its publication date if the metadata has one."""
    spans = zip(
        sentences["sentence_id"].astype(int),
        sentences["start"].astype(int),
        sentences["end"].astype(int),
    )
    ref_date, ref_precision = reference_date(article)
    # the dateline is read too: its place, date and agency are facts of the story
    start = (
        min(article.body_start, article.dateline.start) if article.dateline else article.body_start
    )
    found = Doc(article.text, list(spans), start, ref_date, ref_precision, article, index)
    if article.dateline:
        found.dateline = (article.dateline.start, article.dateline.end)
    return found


def find_dates_table(article: Article, sentences: pd.DataFrame) -> pd.DataFrame:
    """Every date expression of the article, as the `dates` table (see `schemas`)."""
    doc = run(facts_doc(article, sentences), PIPELINE[:1])
    return dates_frame(doc, doc.dates)


def _tables(doc: Doc) -> dict[str, pd.DataFrame]:
    def frame(name: str, rows: list[dict]) -> pd.DataFrame:
        return schemas.from_records(rows, name, "extracted")

    import numpy as np

    # a hundred thousand mentions in a long text: built column by column
    ordered = sorted(doc.mentions, key=lambda m: (m["start"], m["end"]))
    starts = np.fromiter((m["start"] for m in ordered), dtype=np.int64, count=len(ordered))
    ends = np.fromiter((m["end"] for m in ordered), dtype=np.int64, count=len(ordered))
    entity = [m["entity"] for m in ordered]
    mentions = pd.DataFrame({
        "entity": entity, "sentence_id": doc.sentence_ids(starts), "start": starts, "end": ends,
        "text": [doc.text[a:b] for a, b in zip(starts.tolist(), ends.tolist())],
        "is_indirect": [m["is_indirect"] for m in ordered], "origin": "extracted",
    })  # fmt: skip
    counts = Counter(entity)
    entities = [
        {"entity": n, "type": t, "n_mentions": counts.get(n, 0)} for n, t in doc.entities.items()
    ]
    roles = []
    seen = set()
    for r in doc.roles:
        key = (r["person"], r["role"])
        if key in seen:
            continue
        seen.add(key)
        roles.append(
            r
            | {
                "sentence_id": doc.sentence_of(r["start"]),
                "evidence": doc.text[r["start"] : r["end"]],
            }
        )
    quotes = [dict(q) for q in doc.quotes]
    for q in quotes:
        q["sentence_id"] = doc.sentence_of(q["start"])
        q["n_words"] = len(re.findall(r"\w+(?:[-.']\w+)*", q["text"]))
    named = frame("entities", entities)
    # places named only as adjectives ("Chilean", "U.S. wheat"): kept, and said so for those
    # who score against gold facts that leave them out
    named.attrs["adjectival_only"] = sorted(adjectival_only(doc))
    return {
        "entities": named,
        "mentions": schemas.conform(mentions, "mentions")
        if len(mentions)
        else schemas.empty("mentions"),
        "roles": frame("roles", roles),
        "events": frame("events", doc.events),
        "quantities": frame("quantities", doc.quantities),
        "topics": schemas.empty("topics"),  # curated only: what a story is about is not guessed
        "quotes": frame("quotes", quotes),
        "sources": frame("sources", doc.sources),
    }


_doc = facts_doc  # (the name the tests and benchmarks knew it by)
