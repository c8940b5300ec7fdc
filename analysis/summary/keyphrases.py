"""Key phrases by two methods side by side: YAKE (the `yake` package) and RAKE, written here on
the `tokens` table (`analysis.reading.text`: our sentence splitter and token pattern) and our
stopword list. `keyphrases` gives method, phrase, score and rank.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd

KEYPHRASE_CHARS = 100_000  # YAKE takes about a second per 100,000 characters
_LETTER = re.compile(r"[^\W\d]")


def _rake_scores(
    tokens: pd.DataFrame, stopwords: frozenset[str], max_words: int
) -> tuple[list[str], list[float]]:
    runs: list[tuple[str, ...]] = []
    current: list[str] = []
    last = None
    columns = (tokens[c].tolist() for c in ("sentence_id", "lower", "is_punct", "is_stopword"))
    for sid, lower, punct, stop in zip(*columns):
        breaks = punct or stop or not _LETTER.search(lower)
        if breaks or sid != last:
            if current:
                runs.append(tuple(current))
            current = []
            last = sid
            if breaks:
                continue
        current.append(lower)
    if current:
        runs.append(tuple(current))
    runs = [r for r in runs if len(r) <= max_words]
    freq: dict[str, int] = {}
    degree: dict[str, int] = {}
    for r in runs:
        for w in r:
            freq[w] = freq.get(w, 0) + 1
            degree[w] = degree.get(w, 0) + len(r)
    scores = {" ".join(r): sum(degree[w] / freq[w] for w in r) for r in set(runs)}
    return list(scores), list(scores.values())


def rake(tokens: pd.DataFrame, stopwords: frozenset[str], *, max_words: int = 4) -> pd.DataFrame:
    """RAKE (Rose et al. 2010) on the `tokens` table: phrase, score (higher is better).

    Candidates are runs of content words between stopwords, punctuation and sentence ends (at
    most `max_words` long); a word scores degree / frequency, a phrase the sum of its words.
    """
    return _phrases(*_rake_scores(tokens, stopwords, max_words))


def _phrases(phrases: list[str], scores: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"phrase": pd.array(phrases, dtype="string"), "score": pd.array(scores, dtype="float64")}
    )


@lru_cache(maxsize=8)
def _extractor(n: int, top: int, stopwords: frozenset[str] | None):
    import yake

    return yake.KeywordExtractor(
        lan="en", n=n, top=top, stopwords=set(stopwords) if stopwords else None
    )


def _yake_scores(
    text: str, n: int, top: int, stopwords: frozenset[str] | None
) -> tuple[list[str], list[float]]:
    found = _extractor(n, top, stopwords).extract_keywords(text) if text.strip() else []
    return [p.lower() for p, _ in found], [s for _, s in found]


def yake_phrases(
    text: str, *, n: int = 3, top: int = 30, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """YAKE (Campos et al. 2020) from the `yake` package: phrase, score (lower is better)."""
    return _phrases(*_yake_scores(text, n, top, stopwords))


def _ranked(
    phrases: list[str], scores: list[float], *, top: int, min_words: int, ascending: bool
) -> list[tuple[str, float]]:
    """The `top` best phrases of `min_words` words or more, each once (its first score), best
    first, ties by phrase; a score that is not a number last."""
    first: dict[str, float] = {}
    for phrase, score in zip(phrases, scores):
        if phrase.count(" ") + 1 >= min_words and phrase not in first:
            first[phrase] = float(score)
    sign = 1.0 if ascending else -1.0
    best = sorted(first.items(), key=lambda ps: (math.isnan(ps[1]), sign * ps[1], ps[0]))
    return best[:top]


def keyphrases(
    tokens: pd.DataFrame, text: str, *, top: int = 20, min_words: int = 2
) -> pd.DataFrame:
    """Multiword key phrases by YAKE and by RAKE: method, phrase, score, rank (1 = best).

    `text` is the body of the article (no dateline). YAKE scores fall as phrases get better,
    RAKE scores rise; `rank` puts both on one scale. Phrases of fewer than `min_words` words
    are left out. Past `KEYPHRASE_CHARS` characters (some twenty-five long news stories) only the
    opening is ranked, so that a huge file still finishes in seconds.

    The frame's columns hold the values as they come (the caller conforms it to the
    `keyphrases` schema, `analysis.schemas.conform`).
    """
    from ..reading.text import stopwords

    stop = stopwords()
    if len(text) > KEYPHRASE_CHARS:  # a book, not an article: rank the phrases of its opening
        text = text[:KEYPHRASE_CHARS]
        tokens = tokens.loc[tokens["end"] <= tokens["start"].iloc[0] + KEYPHRASE_CHARS]
    cols: dict[str, list] = {"method": [], "phrase": [], "score": [], "rank": []}
    for method, found, ascending in (
        ("YAKE", _yake_scores(text, 3, top * 3, stop), True),
        ("RAKE", _rake_scores(tokens, stop, 4), False),
    ):
        best = _ranked(*found, top=top, min_words=min_words, ascending=ascending)
        cols["method"] += [method] * len(best)
        cols["phrase"] += [p for p, _ in best]
        cols["score"] += [s for _, s in best]
        cols["rank"] += range(1, len(best) + 1)
    return pd.DataFrame(cols, dtype=object)
