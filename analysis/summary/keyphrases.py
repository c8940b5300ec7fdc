"""Key phrases by two methods side by side: YAKE (the `yake-rust` package, a port of YAKE's
reference implementation) and RAKE, written here on the `tokens` table (`analysis.reading.text`:
our sentence splitter and token pattern) and our stopword list. `keyphrases` gives method, phrase, score and rank.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pandas as pd
from rapidfuzz.distance import Levenshtein

KEYPHRASE_CHARS = 100_000  # past this, only the opening is ranked (YAKE: some 0.1 s here)
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


# yake-rust adds some of its terms in the order of a hash table, so the last bits of a score
# can change from run to run; rounded, a table is the same on every run
YAKE_DIGITS = 9  # significant digits of a YAKE score
_EVERY = 1 << 31  # "every candidate", for yake-rust's count of the best


@lru_cache(maxsize=8)
def _extractor(n: int, stopwords: frozenset[str] | None):
    from yake_rust import Yake

    options = {"ngrams": n, "remove_duplicates": False}
    if stopwords:
        return Yake(stopwords=set(stopwords), **options)
    return Yake(language="en", **options)


def _candidates(text: str, n: int, stopwords: frozenset[str] | None) -> list[tuple[str, float]]:
    """Every phrase of up to `n` words YAKE scores in `text`, lower-cased, with its score to
    `YAKE_DIGITS` significant digits: best (lowest) first, ties by phrase, a score that is not
    a number last."""
    if not text.strip():
        return []
    found = _scored(_extractor(n, stopwords), text)
    rounded = [(p.lower(), float(f"{s:.{YAKE_DIGITS}g}")) for p, s in found]
    return sorted(rounded, key=lambda ps: (math.isnan(ps[1]), ps[1], ps[0]))


def _scored(extractor, text: str) -> list[tuple[str, float]]:
    """yake-rust's candidates in `text`. Its tokenizer gives up on some texts no article has
    (thousands of quotes, brackets or apostrophes in runs, where its patterns backtrack too
    far) by raising a Rust panic; such a text is scored again as words and plain punctuation
    only, and if that fails too, YAKE finds nothing in it."""
    for attempt in (text, _PLAIN.sub(" ", text)):
        try:
            return extractor.get_n_best(attempt, n=_EVERY)
        except BaseException as error:  # pyo3's PanicException derives from BaseException
            if type(error).__name__ != "PanicException":
                raise
    return []


_PLAIN = re.compile(r"[^\w\s.,;:!?-]+")  # all but words, spaces and plain punctuation


def _alike(a: str, b: str) -> bool:
    """YAKE's test for two phrases too alike to keep both ("central bank", "central banks"):
    their Levenshtein similarity, 1 - distance / longer length, is above 0.9."""
    most = (max(len(a), len(b)) - 1) // 10  # the largest distance below a tenth of the length
    if abs(len(a) - len(b)) > most:
        return False
    return Levenshtein.distance(a, b, score_cutoff=most) <= most


def _deduplicated(found: list[tuple[str, float]], cap: int, top: int, min_words: int):
    """YAKE's deduplication of `found` (best first): each phrase alike to one kept before it
    is dropped, until `cap` are kept. Yields those of `min_words` words or more, at most
    `top`: found comes ranked, so the first `top` are the best."""
    kept: list[str] = []
    given = 0
    for phrase, h in found:
        if given == top or len(kept) == cap:
            return
        if any(_alike(phrase, k) for k in kept):
            continue
        kept.append(phrase)
        if phrase.count(" ") + 1 >= min_words:
            given += 1
            yield phrase, h


def _yake_best(
    text: str, n: int, top: int, min_words: int, cap: int, stopwords: frozenset[str] | None
) -> list[tuple[str, float]]:
    """The `top` best phrases of `min_words` words or more among the first `cap` YAKE keeps
    after deduplication, best first: the loop stops as soon as they are known."""
    return list(_deduplicated(_candidates(text, n, stopwords), cap, top, min_words))


def yake_phrases(
    text: str, *, n: int = 3, top: int = 30, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """YAKE (Campos et al. 2020), from the `yake-rust` package: its `top` best phrases of up
    to `n` words, deduplicated as YAKE does, lower-cased: phrase, score (lower is better)."""
    best = _yake_best(text, n, top, 1, top, stopwords)
    return _phrases([p for p, _ in best], [s for _, s in best])


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
        (
            "YAKE",
            _yake_best(text, 3, top, min_words, top * 3, stop),
        ),
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
