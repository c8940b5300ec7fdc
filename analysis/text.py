"""Sentences and tokens with character offsets into the raw text.

Sentences come from NLTK's Punkt (untrained parameters plus common abbreviations: no download),
run on each paragraph of the body. Tokens come from NLTK's RegexpTokenizer, whose pattern keeps
numbers (`2016`, `22-23`, `1,000`), web addresses (`belta.by`) and hyphenated words whole.
Lemmas come from simplemma, which ships its dictionaries in its wheel.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from . import paths, schemas
from .article import Article
from .errors import InputError

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt gov sen rep st jr sr inc corp ltd co vs etc approx dept "
    "est fig no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e".split()
)

TOKEN_PATTERN = r"""
      (?:[A-Za-z]\.){2,}(?![A-Za-z])        # U.S., e.g.
    | \d{1,3}(?:,\d{3})+(?:\.\d+)?          # 1,000 and 12,500.5
    | \w+(?:[-.]\w+)*                       # words, 2016, 22-23, belta.by, earth-observing
    | ['’]\w+                               # 's 't 're: the tail of a contraction
    | [^\w\s]                               # one punctuation mark
"""

_PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)[^\S\r\n]*(?:\r\n?|\n)\s*")
_WORDLIKE = re.compile(r"\w")


@cache
def _sentence_tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@cache
def _word_tokenizer():
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN, flags=re.UNICODE | re.MULTILINE | re.DOTALL | re.VERBOSE)


def stopwords_path() -> Path:
    """The stopword file in use: $ANALYSIS_STOPWORDS if set, else the package's own list."""
    return Path(os.environ.get("ANALYSIS_STOPWORDS") or paths.STOPWORDS)


@lru_cache(maxsize=4)
def _read_stopwords(path: Path, mtime: float) -> frozenset[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(
            path, f"stopword list cannot be read ({err}); fix ANALYSIS_STOPWORDS"
        ) from None
    words = {line.split("#", 1)[0].strip().lower() for line in lines}
    return frozenset(w for w in words if w)


def stopwords() -> frozenset[str]:
    """The stopwords: one word a line, `#` starts a comment, compared in lower case."""
    path = stopwords_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise InputError(path, "stopword list not found; fix ANALYSIS_STOPWORDS") from None
    return _read_stopwords(path, mtime)


@lru_cache(maxsize=200_000)
def lemma(lower: str) -> str:
    """The dictionary form of a lower-case word (simplemma, English)."""
    import simplemma

    if not lower[:1].isalpha():
        return lower
    return simplemma.lemmatize(lower, lang="en").lower()


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the body: Punkt on each paragraph."""
    text, pos = article.text, article.body_start
    tokenizer = _sentence_tokenizer()
    spans = []
    for para_start, para_end in _paragraphs(text, pos):
        para = text[para_start:para_end]
        for s, e in tokenizer.span_tokenize(para):
            if _WORDLIKE.search(para, s, e):
                spans.append((para_start + s, para_start + e))
    return spans


def _paragraphs(text: str, pos: int):
    for brk in _PARAGRAPH_BREAK.finditer(text, pos):
        if brk.start() > pos:
            yield pos, brk.start()
        pos = brk.end()
    if pos < len(text):
        yield pos, len(text)


def sentences_and_tokens(article: Article) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `sentences` and `tokens` tables (see schemas.TABLES for the columns)."""
    text = article.text
    tokenizer = _word_tokenizer()
    stop = stopwords()
    sent_rows: dict[str, list] = {c: [] for c in schemas.TABLES["sentences"]}
    tok: dict[str, list] = {c: [] for c in schemas.TABLES["tokens"]}
    index = 0
    for sid, (s, e) in enumerate(sentence_spans(article), start=1):
        n = 0
        for ts, te in tokenizer.span_tokenize(text[s:e]):
            token = text[s + ts : s + te]
            lower = token.lower()
            punct = _WORDLIKE.search(token) is None
            lem = lower if punct else _lemma_in_context(token, lower, n == 0)
            tok["sentence_id"].append(sid)
            tok["token_index"].append(index)
            tok["start"].append(s + ts)
            tok["end"].append(s + te)
            tok["token"].append(token)
            tok["lower"].append(lower)
            tok["lemma"].append(lem)
            tok["is_stopword"].append(lower in stop or lem in stop)
            tok["is_punct"].append(punct)
            index += 1
            n += 1
        sent_rows["sentence_id"].append(sid)
        sent_rows["start"].append(s)
        sent_rows["end"].append(e)
        sent_rows["text"].append(text[s:e])
        sent_rows["n_tokens"].append(n)
    return (
        schemas.conform(pd.DataFrame(sent_rows), "sentences"),
        schemas.conform(pd.DataFrame(tok), "tokens"),
    )


def _lemma_in_context(token: str, lower: str, sentence_initial: bool) -> str:
    # A capitalised word inside a sentence is a name (Belarus, Sciences): the dictionary would
    # take its plural "s" off, so it keeps its form. Shouted and sentence-initial words are
    # lemmatised like any other.
    if not sentence_initial and token[:1].isupper() and not token.isupper():
        return lower
    return lemma(lower)
