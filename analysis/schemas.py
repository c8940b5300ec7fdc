"""Every table's columns, dtypes and meaning, declared in one place.

`TABLES` maps a table name to its columns, in order. Each column has a pandas dtype, whether it
may hold missing values, the values it may take (for categories) and a one-line description.
The same declarations give the empty tables (`empty`), the dtype conversion (`conform`), the
pandera schemas that validate a table (`validate`), and the column reference in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

import pandas as pd

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "DOCUMENT", "OTHER")
STATUSES = ("done", "ongoing", "planned", "possible")
QUOTE_KINDS = ("direct", "reported")
SOURCE_ROLES = ("publisher", "reporter", "attributed source")
YEAR_FROM = ("text", "publication date", "inferred")  # how a date's year is known
ORIGINS = ("curated", "extracted")


@dataclass(frozen=True)
class Column:
    dtype: str
    doc: str
    nullable: bool = False
    categories: tuple[str, ...] | None = None
    ordered: bool = False

    def pandas_dtype(self):
        if self.categories is not None:
            return _categories(self.categories, self.ordered)
        return self.dtype


@cache
def _categories(categories: tuple[str, ...], ordered: bool) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(categories), ordered=ordered)


def _c(dtype: str, doc: str, **kwargs) -> Column:
    return Column(dtype, doc, **kwargs)


SENTENCE_ID = _c("Int64", "1-based number of the sentence in the body (the dateline is not one)")
SENTENCE_ID_NA = _c(
    "Int64", "sentence holding the evidence; empty when it sits in the dateline", nullable=True
)
START = _c("Int64", "offset of the first character in the raw text (0-based)")
END = _c("Int64", "offset one past the last character: text[start:end] gives the span back")
EVIDENCE = _c("string", "the words of the article that attest the fact, verbatim")
ORIGIN = _c(
    "category", "where the row comes from: curated (by hand) or extracted", categories=ORIGINS
)

TABLES: dict[str, dict[str, Column]] = {
    # ---- text -------------------------------------------------------------------------
    "sentences": {
        "sentence_id": SENTENCE_ID,
        "start": START,
        "end": END,
        "text": _c("string", "the sentence as it stands in the article"),
        "n_tokens": _c("Int64", "tokens in the sentence, punctuation included"),
    },
    "tokens": {
        "sentence_id": SENTENCE_ID,
        "token_index": _c("Int64", "position of the token in the article's token stream (0-based)"),
        "start": START,
        "end": END,
        "token": _c("string", "the token as written"),
        "lower": _c("string", "the token in lower case"),
        "lemma": _c("string", "dictionary form in lower case (simplemma); names stay as they are"),
        "is_stopword": _c("boolean", "the token or its lemma is in the stopword list"),
        "is_punct": _c("boolean", "the token has no letter or digit"),
    },
    # ---- terms ------------------------------------------------------------------------
    "terms": {
        "term": _c("string", "the lemma"),
        "count": _c("Int64", "occurrences in the body"),
        "per_1k": _c("float64", "occurrences per 1,000 word tokens (punctuation not counted)"),
        "rank": _c("Int64", "rank by count, 1 = most frequent; ties share the lower rank"),
        "n_sentences": _c("Int64", "sentences the term occurs in"),
        "first_sentence": _c("Int64", "first sentence the term occurs in"),
        "is_stopword": _c("boolean", "the term is in the stopword list"),
    },
    "ngrams": {
        "ngram": _c("string", "the words, lower case, separated by spaces"),
        "n": _c("Int64", "number of words: 2 or 3"),
        "count": _c("Int64", "occurrences, never across a sentence or punctuation boundary"),
        "pmi": _c("float64", "pointwise mutual information (NLTK's association measure)"),
        "log_likelihood": _c("float64", "Dunning's likelihood ratio (NLTK's association measure)"),
    },
    "keyness": {
        "term": _c("string", "the lemma"),
        "count": _c("Int64", "occurrences in the article"),
        "per_1k": _c("float64", "occurrences per 1,000 word tokens of the article"),
        "reference_per_1k": _c(
            "float64", "occurrences per 1,000 words of general English (wordfreq), floored"
        ),
        "log_likelihood": _c("float64", "Dunning's G2 against the reference rate (>= 0)"),
        "log_ratio": _c("float64", "log2 of per_1k over reference_per_1k: > 0 overused here"),
    },
    "dispersion": {
        "term": _c("string", "the lemma of a content word"),
        "token_index": _c("Int64", "where it occurs: position in the token stream (0-based)"),
        "sentence_id": SENTENCE_ID,
    },
    "kwic": {
        "term": _c("string", "the lemma of a content word"),
        "sentence_id": SENTENCE_ID,
        "token_index": _c("Int64", "position of the keyword in the token stream (0-based)"),
        "left": _c("string", "up to `window` tokens before the keyword, as written"),
        "keyword": _c("string", "the keyword as written"),
        "right": _c("string", "up to `window` tokens after the keyword, as written"),
    },
    # ---- facts ------------------------------------------------------------------------
    "entities": {
        "entity": _c("string", "canonical name"),
        "type": _c(
            "category", "PERSON, ORG, GPE, LOC, EVENT, DOCUMENT or OTHER", categories=ENTITY_TYPES
        ),
        "n_mentions": _c("Int64", "mentions in the article, indirect references included"),
        "origin": ORIGIN,
    },
    "mentions": {
        "entity": _c("string", "canonical name of the entity referred to"),
        "sentence_id": SENTENCE_ID_NA,
        "start": START,
        "end": END,
        "text": _c("string", "the words of the mention, verbatim"),
        "is_indirect": _c("boolean", "an indirect reference (he, the country, the committee)"),
        "origin": ORIGIN,
    },
    "roles": {
        "person": _c("string", "canonical name of the person"),
        "role": _c("string", "the title or function the article gives"),
        "organization": _c("string", "the organization the role is held in", nullable=True),
        "country": _c("string", "the country of the role", nullable=True),
        "sentence_id": SENTENCE_ID_NA,
        "evidence": EVIDENCE,
        "origin": ORIGIN,
    },
    "events": {
        "event_id": _c("string", "identifier, E1, E2, ... in order of the text"),
        "actor": _c("string", "who acts", nullable=True),
        "action": _c(
            "string", "what is done: the verb's lemma, or a phrasal verb (launch, set up)"
        ),
        "object": _c("string", "what it is done to or about", nullable=True),
        "place": _c("string", "where", nullable=True),
        "date_text": _c("string", "the words that date the event", nullable=True),
        "date": _c(
            "string",
            "ISO 8601, as precise as the text allows (2016, 2015-10-22, a/b)",
            nullable=True,
        ),
        "status": _c(
            "category", "done, ongoing, planned or possible", categories=STATUSES, ordered=True
        ),
        "cue": _c("string", "the words that set the status (will open, is due to, has launched)"),
        "speaker": _c("string", "who says so", nullable=True),
        "sentence_id": SENTENCE_ID_NA,
        "evidence": EVIDENCE,
        "origin": ORIGIN,
    },
    "quantities": {
        "subject": _c("string", "what is counted"),
        "quantity": _c("float64", "the number"),
        "unit": _c("string", "what one counts"),
        "category": _c("string", "the kind within its total", nullable=True),
        "part_of": _c("string", "subject of the total this is a part of", nullable=True),
        "sentence_id": SENTENCE_ID_NA,
        "evidence": EVIDENCE,
        "origin": ORIGIN,
    },
    "topics": {
        "area": _c(
            "string",
            "the area as the article words it (an article's topics come from a curated facts file only: the extractor does not guess them; a corpus's topics are topic_terms and doc_topics)",
        ),
        "theme": _c("string", "the area's common name, shared across contexts"),
        "context": _c("string", "where the area is named (framework agreement, meeting agenda...)"),
        "sentence_id": SENTENCE_ID_NA,
        "origin": ORIGIN,
    },
    "quotes": {
        "speaker": _c("string", "canonical name of who speaks"),
        "text": _c("string", "what is said, verbatim, without the quotation marks"),
        "kind": _c("category", "direct (in quotation marks) or reported", categories=QUOTE_KINDS),
        "cue": _c("string", "the attribution words: said, told, according to..."),
        "sentence_id": SENTENCE_ID_NA,
        "n_words": _c("Int64", "words in the quote"),
        "origin": ORIGIN,
    },
    "dates": {
        "text": _c("string", "the date expression, verbatim (with its preposition: 'on Thursday')"),
        "start": START,
        "end": END,
        "date": _c(
            "string",
            "ISO 8601 value (2017, 2017-02, 2017-02-01, a/b for a period, 2017-02-01T18:54+03:00 "
            "for a clock time); empty if the text cannot fix it",
            nullable=True,
        ),
        "precision": _c("string", "year, quarter, month, week, day or minute", nullable=True),
        "year_from": _c(
            "category",
            "how the date's year is known: 'text' (written in it, or in the period it points "
            "back at), 'publication date', or 'inferred' (no publication date is known: the "
            "year is taken from the years the text speaks of, and charts mark it); empty when "
            "the date has no year",
            categories=YEAR_FROM,
            nullable=True,
        ),
        "sentence_id": SENTENCE_ID_NA,
        "origin": ORIGIN,
    },
    "sources": {
        "name": _c("string", "the publisher or the source the story is credited to"),
        "role": _c(
            "category", "publisher, reporter (byline) or attributed source", categories=SOURCE_ROLES
        ),
        "sentence_id": SENTENCE_ID_NA,
        "evidence": EVIDENCE,
        "origin": ORIGIN,
    },
    # ---- summary ----------------------------------------------------------------------
    "stats": {
        "measure": _c("string", "what is measured"),
        "value": _c("float64", "the figure (a share is a fraction between 0 and 1)"),
        "note": _c("string", "how to read it, or the counts behind it"),
    },
    "keyphrases": {
        "method": _c("category", "YAKE or RAKE", categories=("YAKE", "RAKE")),
        "phrase": _c("string", "the phrase, lower case"),
        "score": _c("float64", "the method's score: YAKE lower is better, RAKE higher is better"),
        "rank": _c("Int64", "rank within the method, 1 = best"),
    },
}

# ---- a corpus (analysis.corpus.run): every table above gets these two columns first, and the
# corpus tables below are written beside them, each batch's own and the whole corpus's
DOC_ID = _c("string", "the article: its file name without .txt")
CORPUS_KEYS: dict[str, Column] = {
    "doc_id": DOC_ID,
    "published": _c(
        "string",
        "the article's publication date, ISO 8601 (metadata, dateline or --published)",
        nullable=True,
    ),
}


def _stories(what: str) -> Column:
    return _c(
        "Int64",
        f"stories {what}, each story counted once by its first article (see copies); empty "
        "in a batch's own totals, which cannot know the copies in other batches",
        nullable=True,
    )


TABLES |= {
    "documents": {
        "doc_id": DOC_ID,
        "path": _c("string", "the article file, as given"),
        "published": CORPUS_KEYS["published"],
        "agency": _c(
            "string", "the agency that published it (metadata, dateline or credits)", nullable=True
        ),
        "place": _c("string", "the dateline's place", nullable=True),
        "title": _c(
            "string",
            "the title: the metadata's, the headline above the dateline, or the opening words",
        ),
        "n_words": _c("Int64", "word tokens in the body (doc_terms counted)"),
        "story_id": _c(
            "string",
            "the story it tells: the doc_id of the story's first article (its own when it is "
            "no copy; see copies); filled in by analysis.corpus.read, empty in a batch's file",
            nullable=True,
        ),
    },
    "doc_terms": {
        "doc_id": DOC_ID,
        "term": _c(
            "string", "a lower-case word of the body (analysis.terms.counting.WORD_PATTERN)"
        ),
        "count": _c("Int64", "occurrences in the article's body"),
        "per_1k": _c("float64", "occurrences per 1,000 words of the article's body"),
    },
    "term_totals": {
        "term": _c("string", "a lower-case word (as in doc_terms)"),
        "count": _c("Int64", "occurrences in all the articles"),
        "per_1k": _c("float64", "occurrences per 1,000 words of all the articles"),
        "n_docs": _c("Int64", "document frequency: articles the term occurs in"),
        "n_stories": _stories("the term occurs in"),
    },
    "entity_articles": {
        "entity": _c("string", "canonical name, as in each article's entities table"),
        "type": _c(
            "category", "PERSON, ORG, GPE, LOC, EVENT, DOCUMENT or OTHER", categories=ENTITY_TYPES
        ),
        "n_articles": _c("Int64", "articles naming the entity"),
        "n_stories": _stories("naming the entity"),
        "n_mentions": _c("Int64", "mentions in all those articles, indirect references included"),
    },
    "comentions": {
        "entity_a": _c("string", "one entity (the first of the two in alphabetical order)"),
        "entity_b": _c("string", "the other entity"),
        "n_articles": _c("Int64", "articles naming both"),
        "n_stories": _stories("naming both"),
    },
    "timeline": {
        "doc_id": DOC_ID,
        "published": CORPUS_KEYS["published"],
        "event_id": _c("string", "the event in its article's events table"),
        "date": _c("string", "ISO 8601, as in the events table", nullable=True),
        "start": _c(
            "datetime64[s]", "first day the date can mean (empty when undated)", nullable=True
        ),
        "end": _c(
            "datetime64[s]", "last day the date can mean (empty when undated)", nullable=True
        ),
        "status": _c(
            "category", "done, ongoing, planned or possible", categories=STATUSES, ordered=True
        ),
        "actor": _c("string", "who acts", nullable=True),
        "action": _c("string", "what is done"),
        "object": _c("string", "what it is done to or about", nullable=True),
    },
    "errors": {
        "doc_id": DOC_ID,
        "path": _c("string", "the file that could not be used"),
        "error": _c("string", "what is wrong with it and what to do (the one-line message)"),
    },
    "signatures": {
        "doc_id": DOC_ID,
        "minhash": _c(
            "object",
            "the MinHash of the body's shingles (bytes: 128 values of 32 bits, little endian; "
            "analysis.corpus.copies), what copies are found from; an article without a word "
            "has none",
        ),
    },
    # ---- over the whole corpus, once every batch is written
    "copies": {
        "doc_id": DOC_ID,
        "copy_of": _c(
            "string",
            "the first article of its story (by publication date, then doc_id): its story_id",
        ),
        "similarity": _c(
            "float64",
            "estimated Jaccard similarity of the two bodies' shingles (runs of five words "
            "holding a name or a figure; MinHash): 0.3 or more, or less for a copy joined to "
            "its story through another copy",
        ),
    },
    "topic_terms": {
        "topic_id": _c("Int64", "the topic, numbered from 1 by its share of the stories"),
        "term": _c("string", "a word of the topic (as in doc_terms)"),
        "weight": _c(
            "float64",
            "the word's weight in the topic (its top words only; they sum to 1 over the topic's words)",
        ),
        "rank": _c("Int64", "the word's rank in the topic, 1 = the heaviest"),
    },
    "doc_topics": {
        "doc_id": DOC_ID,
        "topic_id": _c("Int64", "the topic (as in topic_terms)"),
        "weight": _c(
            "float64",
            "the topic's share of the article (the article's shares sum to 1; shares under "
            "0.05 are left out)",
        ),
    },
}

TERM_TABLES = ("sentences", "tokens", "terms", "ngrams", "keyness", "dispersion", "kwic")
FACT_TABLES = (
    "entities", "mentions", "roles", "events", "quantities", "topics", "quotes", "dates",
    "sources",
)  # fmt: skip
SUMMARY_TABLES = ("stats", "keyphrases")
TABLE_NAMES = TERM_TABLES + FACT_TABLES + SUMMARY_TABLES
# a corpus's own tables: those of each batch (beside its articles' tables), and the totals over
# every batch (summed from the batches': each article is in one batch)
BATCH_TABLES = ("documents", "doc_terms", "timeline", "errors", "signatures")
TOTAL_TABLES = ("term_totals", "entity_articles", "comentions")
# the tables of steps over the whole corpus (analysis.corpus.dask_run.CORPUS_STEPS), each one
# file beside the totals
WHOLE_TABLES = ("copies", "topic_terms", "doc_topics")
CORPUS_TABLES = BATCH_TABLES + TOTAL_TABLES + WHOLE_TABLES


def columns(name: str) -> dict[str, Column]:
    """The columns of a table in a corpus's output: an article's table gets `doc_id` and
    `published` first; the corpus tables have theirs."""
    return TABLES[name] if name in CORPUS_TABLES else CORPUS_KEYS | TABLES[name]


def conform_corpus(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """A table of a corpus's output with its declared columns, in order, and dtypes."""
    df = df.reset_index(drop=True)
    return pd.DataFrame({c: df[c].astype(col.pandas_dtype()) for c, col in columns(name).items()})


def arrow_schema(name: str):
    """The Parquet (pyarrow) schema of a table in a corpus's output; categories are stored as
    strings, and read back as the declared categories (`conform_corpus`)."""
    import pyarrow as pa

    kinds = {"string": pa.string(), "category": pa.string(), "Int64": pa.int64(),
             "float64": pa.float64(), "boolean": pa.bool_(), "datetime64[s]": pa.timestamp("s"),
             "object": pa.binary()}  # fmt: skip
    return pa.schema(
        [pa.field(c, kinds[col.dtype], nullable=True) for c, col in columns(name).items()]
    )


def empty(name: str) -> pd.DataFrame:
    """An empty table with the declared columns and dtypes (a new DataFrame on every call)."""
    return _empty(name).copy(deep=False)


@cache
def _empty(name: str) -> pd.DataFrame:
    # made once: building a Series of every column's dtype costs a millisecond or more, and an
    # article has empty tables (topics, often quotes and roles)
    cols = TABLES[name]
    return pd.DataFrame({c: pd.Series([], dtype=col.pandas_dtype()) for c, col in cols.items()})


_DEFERRED: ContextVar[bool] = ContextVar("conform_deferred", default=False)


@contextmanager
def deferred() -> Iterator[None]:
    """Within it, `conform` puts the declared columns in order and leaves their dtypes as they
    are: for a caller that stacks the tables of many articles and conforms each table once
    (`analysis.tables.batch`), not once per article. The values are the same either way."""
    token = _DEFERRED.set(True)
    try:
        yield
    finally:
        _DEFERRED.reset(token)


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The table's declared columns, in order, with their declared dtypes (only in order
    inside `deferred()`)."""
    if _DEFERRED.get():
        names = list(TABLES[name])
        return df if df.columns.tolist() == names else df[names]
    df = df.reset_index(drop=True)
    return pd.DataFrame({c: df[c].astype(col.pandas_dtype()) for c, col in TABLES[name].items()})


def from_records(records: list[dict], name: str, origin: str) -> pd.DataFrame:
    """A fact table from row dicts: declared columns (missing ones empty), dtypes, `origin` set."""
    if not records:
        return empty(name)
    # column by column, in the declared order (faster than rows; keys not declared left out)
    cols = {c: [r.get(c) for r in records] for c in TABLES[name]} | {
        "origin": [origin] * len(records)
    }
    # (deferred: the values as they are, for the caller to convert once; no dtype inferred)
    return conform(pd.DataFrame(cols, dtype=object if _DEFERRED.get() else None), name)


_SCHEMAS: dict = {}


def schema(name: str):
    """The pandera schema of a table (built on first use: pandera is slow to import)."""
    if name not in _SCHEMAS:
        import pandera.pandas as pa

        columns = {}
        for c, col in TABLES[name].items():
            checks = []
            if c in ("start", "end", "count", "n_tokens", "n_mentions", "n_sentences", "n_words"):
                checks.append(pa.Check.ge(0))
            if c in ("sentence_id", "first_sentence", "rank"):
                checks.append(pa.Check.ge(1))
            columns[c] = pa.Column(col.pandas_dtype(), checks=checks, nullable=col.nullable)
        _SCHEMAS[name] = pa.DataFrameSchema(columns, strict=True, ordered=True)
    return _SCHEMAS[name]


def validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate a table against its declared schema; raises pandera's SchemaErrors."""
    return schema(name).validate(df, lazy=True)


REFERENCE_HEAD = """# Columns

Every table's columns, their pandas dtypes and what they hold, generated from
`analysis/schemas.py` (`make columns` writes this file; a test keeps it in step). Nullable
columns hold `<NA>` where the value is missing; categories list their values.

In the CSV files (`python -m analysis tables`), a text cell that begins with `=`, `+`, `-`,
`@`, a tab or a carriage return, and holds more than that character, is written with an
apostrophe before it (`'=SUM(A1)`), so that a spreadsheet shows it as text instead of running
it as a formula; the tables in Python hold the text as it is.

"""


def reference() -> str:
    """The text of `docs/columns.md`: a heading, then `markdown()`."""
    keys = "; ".join(f"`{c}` ({col.dtype}): {col.doc}" for c, col in CORPUS_KEYS.items())
    corpus = (
        "In a corpus's output (`python -m analysis corpus`, Parquet), every table of an article "
        f"has two more columns first, {keys}; the corpus tables ({', '.join(f'`{n}`' for n in CORPUS_TABLES)}) "
        "come last below.\n\n"
    )
    return REFERENCE_HEAD + corpus + markdown()


def markdown() -> str:
    """The column reference as Markdown, one section a table (for docs/columns.md)."""
    out = []
    for name, cols in TABLES.items():
        out.append(f"**`{name}`**\n\n| column | dtype | meaning |\n|---|---|---|")
        for c, col in cols.items():
            dtype = "category" if col.categories else col.dtype
            out.append(f"| `{c}` | {dtype} | {col.doc} |")
        out.append("")
    return "\n".join(out)
