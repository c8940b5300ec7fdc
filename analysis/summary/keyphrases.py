"""Key phrases by two methods side by side: YAKE (the `yake` package) and RAKE, written here on
the `tokens` table (`analysis.reading.text`: our sentence splitter and token pattern) and our
stopword list. `keyphrases` gives method, phrase, score and rank.
"""

from __future__ import annotations

import math
import re
import sys
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


@lru_cache(maxsize=8)
def _undeduplicated(n: int, stopwords: frozenset[str] | None):
    """YAKE's extractor that gives every valid candidate, best first, with no deduplication,
    and YAKE's own extractor beside it, for its similarity function and threshold."""
    import yake

    stop = set(stopwords) if stopwords else None
    every = yake.KeywordExtractor(lan="en", n=n, top=sys.maxsize, dedup_lim=1.0, stopwords=stop)
    return every, _extractor(n, 1, stopwords)


def _yake_best(
    text: str, n: int, top: int, min_words: int, cap: int, stopwords: frozenset[str] | None
) -> list[tuple[str, float]]:
    """`_ranked(*_yake_scores(text, n, cap, stopwords), top=top, min_words=min_words,
    ascending=True)`, the same phrases and scores, for less.

    YAKE deduplicates its candidates best first, each compared with every one kept before it,
    until `cap` are kept; here the same loop, with YAKE's own similarity and threshold, stops
    as soon as the `top` best phrases of `min_words` words or more are settled: `top` of them
    kept, and the next candidate scoring worse than every one of them (a later one cannot come
    before them: candidates come sorted by score). Where a score is not a number the sort does
    not order the candidates, and the loop goes on to `cap` as YAKE's does.
    """
    if not text.strip():
        return []
    every, dedup = _undeduplicated(n, stopwords)
    found = every.extract_keywords(text)  # [(phrase lower-cased, score)], best first
    similar, limit = dedup.dedup_function, dedup.config["dedup_lim"]
    settled = not any(math.isnan(h) for _, h in found)
    kept: list[str] = []
    phrases: list[str] = []
    scores: list[float] = []
    worst = math.inf
    for phrase, h in found:
        if len(scores) >= top and h > worst:
            break
        if any(similar(phrase, k) > limit for k in kept):
            continue
        kept.append(phrase)
        if phrase.count(" ") + 1 >= min_words:
            phrases.append(phrase)
            scores.append(h)
            if len(scores) == top and settled:
                worst = max(scores)
        if len(kept) == cap:
            break
    _YAKE_TEXTS[0] += 1
    if _YAKE_TEXTS[0] % 50 == 0:  # as YAKE's own deduplication does: its caches kept small
        dedup.clear_caches()
    return _ranked(phrases, scores, top=top, min_words=min_words, ascending=True)


_YAKE_TEXTS = [0]  # texts deduplicated by `_yake_best`


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
    for method, best in (
        ("YAKE", _yake_best(text, 3, top, min_words, top * 3, stop)),
        (
            "RAKE",
            _ranked(*_rake_scores(tokens, stop, 4), top=top, min_words=min_words, ascending=False),
        ),
    ):
        cols["method"] += [method] * len(best)
        cols["phrase"] += [p for p, _ in best]
        cols["score"] += [s for _, s in best]
        cols["rank"] += range(1, len(best) + 1)
    return pd.DataFrame(cols, dtype=object)
