"""Sentences and tokens with character offsets into the raw text.

Sentences come from `analysis.reading.segment` (Punkt's way of judging a period, with written rules for
abbreviations, initials, numbers, addresses, ellipses, quotations and lists: no download); they
tile the body. Tokens come from one regular expression, `TOKEN_PATTERN`, run on each sentence,
which keeps numbers (`2016`, `22-23`, `1,000`), web addresses (`belta.by`) and hyphenated words
whole.
Lemmas come from simplemma, which ships its dictionaries in its wheel.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths, schemas
from ..errors import InputError
from . import segment
from .article import Article
from .files import MIB, read_bounded


def _joining() -> str:
    """The characters that belong to the word they follow without being word characters to
    `re`: combining marks (an accent written as its own character, "Jose" + U+0301; the vowel
    signs of Indic scripts) and the zero-width joiner and non-joiner. A character class body."""
    import unicodedata

    # (marks are assigned in planes 0-3 and 14 only: the rest is looked at in no time)
    planes = [*range(0x40000), *range(0xE0000, 0xF0000)]
    marks = [c for c in planes if unicodedata.category(chr(c))[0] == "M"]
    marks = sorted([*marks, 0x200C, 0x200D])

    def escaped(c: int) -> str:
        return f"\\u{c:04x}" if c <= 0xFFFF else f"\\U{c:08x}"

    ranges, start = [], marks[0]
    for a, b in zip(marks, [*marks[1:], None]):
        if b != a + 1:
            ranges.append(escaped(a) if start == a else f"{escaped(start)}-{escaped(a)}")
            start = b
    return "".join(ranges)


# a word character, then word characters and the marks and joiners that belong to the word
WORD = rf"\w[\w{_joining()}]*"
TOKEN_PATTERN = rf"""
      (?:[A-Za-z]\.){{2,}}(?![A-Za-z])        # U.S., e.g.
    | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?          # 1,000 and 12,500.5
    | {WORD}(?:[-.]{WORD})*                   # words, 2016, 22-23, belta.by, earth-observing, José
    | ['’]{WORD}                               # 's 't 're: the tail of a contraction
    | [^\w\s]                               # one punctuation mark
"""

_WORDLIKE = re.compile(r"\w")


_NLTK_OPTIONAL = ("scipy", "sklearn")


@cache
def import_nltk():
    """Import NLTK without the optional imports of its `__init__` that we never use.

    When SciPy and scikit-learn are installed (the benchmarks install scikit-learn), NLTK's
    package imports `scipy.stats` (for Fisher's exact test) and scikit-learn (for a classifier
    wrapper) on the way: two seconds for nothing this package calls. Both sit behind
    `except ImportError` in NLTK, so they are hidden for the duration of the import, unless
    something imported them already. Sentences and collocations do not change.
    """
    import sys

    hidden = [m for m in _NLTK_OPTIONAL if m not in sys.modules]
    for m in hidden:
        sys.modules[m] = None  # type: ignore[assignment]  # makes `import m` raise ImportError
    try:
        import nltk
    finally:
        for m in hidden:
            if sys.modules.get(m, 0) is None:
                del sys.modules[m]
    return nltk


_TOKENS = re.compile(TOKEN_PATTERN, re.VERBOSE)


def tokenize(text: str) -> list[str]:
    """The tokens of a text, by `TOKEN_PATTERN` (punctuation marks included)."""
    return _TOKENS.findall(text)


def stopwords_path() -> Path:
    """The stopword file in use: $ANALYSIS_STOPWORDS if set, else the package's own list."""
    return paths.stopwords()


@lru_cache(maxsize=4)
def _read_stopwords(path: Path, mtime: float) -> frozenset[str]:
    data = read_bounded(path, 20 * MIB, "a stopword list", "keep one word a line")
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as err:
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
    """(start, end) of every sentence of the body, tiling it (see `analysis.reading.segment`); a
    headline above the dateline is the body's first paragraph, the dateline is no sentence."""
    d = article.dateline
    if d is not None and d.headline is not None:
        return segment.split(article.text, 0, d.start) + segment.split(article.text, d.end)
    return segment.split(article.text, article.body_start)


def sentences_and_tokens(
    article: Article, spans: list[tuple[int, int]] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `sentences` and `tokens` tables (see schemas.TABLES for the columns).

    Each sentence is tokenized on its own (a token never crosses a sentence end). The columns
    derived from a token (lower case, lemma, stopword, punctuation) are worked out once per
    distinct token and looked up for the rest, so that a long text costs little more per token
    than the regular expression does.
    """
    text = article.text
    if spans is None:
        spans = sentence_spans(article)
    findall = _TOKENS.findall
    tokens: list[str] = []
    n_tokens = []
    for s, e in spans:
        found = findall(text, s, e)
        tokens += found
        n_tokens.append(len(found))
    n = len(tokens)
    starts, ends = _token_offsets(text, spans, tokens)
    token_array = np.array(tokens, dtype=object)
    lower, lem, is_stop, is_punct = _token_columns(token_array, n_tokens)
    tok = pd.DataFrame(
        {
            "sentence_id": np.repeat(np.arange(1, len(spans) + 1, dtype=np.int64), n_tokens),
            "token_index": np.arange(n, dtype=np.int64),
            "start": starts,
            "end": ends,
            "token": token_array,
            "lower": lower,
            "lemma": lem,
            "is_stopword": is_stop,
            "is_punct": is_punct,
        }
    )
    sent = pd.DataFrame(
        {
            "sentence_id": np.arange(1, len(spans) + 1, dtype=np.int64),
            "start": np.array([s for s, _ in spans], dtype=np.int64),
            "end": np.array([e for _, e in spans], dtype=np.int64),
            "text": [text[s:e] for s, e in spans],
            "n_tokens": np.array(n_tokens, dtype=np.int64),
        }
    )
    return schemas.conform(sent, "sentences"), schemas.conform(tok, "tokens")


def _token_columns(tokens: np.ndarray, n_tokens: list[int]):
    """lower, lemma, is_stopword, is_punct of every token: worked out once per distinct token
    and looked up for the rest; a sentence's first word is lemmatised even when capitalised."""
    codes, distinct = pd.factorize(tokens, use_na_sentinel=False)
    stop = stopwords()
    lower_d, lem_d, stop_d, punct_d = [], [], [], []  # per distinct token
    for token in distinct.tolist():
        lower = token.lower()
        punct = _WORDLIKE.search(token) is None
        lem = lower if punct else _lemma_in_context(token, lower, False)
        lower_d.append(lower)
        lem_d.append(lem)
        stop_d.append(lower in stop or lem in stop)
        punct_d.append(punct)
    lower = np.array(lower_d, dtype=object)[codes]
    lem = np.array(lem_d, dtype=object)[codes]
    is_stop = np.array(stop_d, dtype=bool)[codes]
    is_punct = np.array(punct_d, dtype=bool)[codes]
    firsts = np.cumsum([0, *n_tokens[:-1]])[np.asarray(n_tokens, dtype=np.int64) > 0]
    for i in firsts.tolist():
        if not is_punct[i]:
            lem[i] = _lemma_in_context(tokens[i], lower[i], True)
            is_stop[i] = lower[i] in stop or lem[i] in stop
    return lower, lem, is_stop, is_punct


def _token_offsets(
    text: str, spans: list[tuple[int, int]], tokens: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """The start and end of each token, from the tokens alone.

    Every character of a sentence that is not white space (`\\s`) belongs to exactly one token,
    no token holds white space, and the tokens come in text order: `TOKEN_PATTERN` matches at
    any other character (`\\w+` or `[^\\w\\s]`). So the k-th token covers the next len(token)
    such characters of the sentences, and its offsets are read off their positions.
    """
    from .scan import char_mask, code_points

    n = len(tokens)
    cp = code_points(text)
    inside = np.zeros(len(text) + 1, dtype=np.int8)
    np.add.at(inside, np.array([s for s, _ in spans], dtype=np.int64), 1)
    np.add.at(inside, np.array([e for _, e in spans], dtype=np.int64), -1)
    where = np.flatnonzero((np.cumsum(inside[:-1]) > 0) & ~char_mask(cp, "space"))
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    if int(lengths.sum()) != len(where):  # not a tiling: cannot happen with TOKEN_PATTERN
        raise AssertionError("tokens do not cover the sentences; TOKEN_PATTERN changed?")
    first = np.cumsum(lengths) - lengths
    return where[first], where[first + lengths - 1] + 1


def _lemma_in_context(token: str, lower: str, sentence_initial: bool) -> str:
    # A capitalised word inside a sentence is a name (Belarus, Sciences): the dictionary would
    # take its plural "s" off, so it keeps its form. Shouted and sentence-initial words are
    # lemmatised like any other.
    if not sentence_initial and token[:1].isupper() and not token.isupper():
        return lower
    return lemma(lower)
