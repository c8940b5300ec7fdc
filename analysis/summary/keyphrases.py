"""Key phrases by two methods side by side: YAKE (the `yake` package) and RAKE, written here on
the `tokens` table (`analysis.reading.text`: our sentence splitter and token pattern) and our
stopword list. `keyphrases` gives method, phrase, score and rank.
"""

from __future__ import annotations

import re

import pandas as pd

KEYPHRASE_CHARS = 100_000  # YAKE takes about a second per 100,000 characters


def rake(tokens: pd.DataFrame, stopwords: frozenset[str], *, max_words: int = 4) -> pd.DataFrame:
    """RAKE (Rose et al. 2010) on the `tokens` table: phrase, score (higher is better).

    Candidates are runs of content words between stopwords, punctuation and sentence ends (at
    most `max_words` long); a word scores degree / frequency, a phrase the sum of its words.
    """
    runs: list[tuple[str, ...]] = []
    current: list[str] = []
    last = None
    for sid, lower, punct, stop in zip(
        tokens["sentence_id"], tokens["lower"], tokens["is_punct"], tokens["is_stopword"]
    ):
        if punct or stop or sid != last or not re.search(r"[^\W\d]", lower):
            if current:
                runs.append(tuple(current))
            current = []
            last = sid
            if punct or stop or not re.search(r"[^\W\d]", lower):
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
    return _phrases(list(scores), list(scores.values()))


def _phrases(phrases: list[str], scores: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"phrase": pd.array(phrases, dtype="string"), "score": pd.array(scores, dtype="float64")}
    )


def yake_phrases(
    text: str, *, n: int = 3, top: int = 30, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """YAKE (Campos et al. 2020) from the `yake` package: phrase, score (lower is better)."""
    import yake

    extractor = yake.KeywordExtractor(
        lan="en", n=n, top=top, stopwords=set(stopwords) if stopwords else None
    )
    found = extractor.extract_keywords(text) if text.strip() else []
    return _phrases([p.lower() for p, _ in found], [s for _, s in found])


def keyphrases(
    tokens: pd.DataFrame, text: str, *, top: int = 20, min_words: int = 2
) -> pd.DataFrame:
    """Multiword key phrases by YAKE and by RAKE: method, phrase, score, rank (1 = best).

    `text` is the body of the article (no dateline). YAKE scores fall as phrases get better,
    RAKE scores rise; `rank` puts both on one scale. Phrases of fewer than `min_words` words
    are left out. Past `KEYPHRASE_CHARS` characters (some twenty-five long news stories) only the
    opening is ranked, so that a huge file still finishes in seconds.
    """
    from ..reading.text import stopwords

    stop = stopwords()
    if len(text) > KEYPHRASE_CHARS:  # a book, not an article: rank the phrases of its opening
        text = text[:KEYPHRASE_CHARS]
        tokens = tokens.loc[tokens["end"] <= tokens["start"].iloc[0] + KEYPHRASE_CHARS]
    frames = []
    for method, df, ascending in (
        ("YAKE", yake_phrases(text, stopwords=stop, top=top * 3), True),
        ("RAKE", rake(tokens, stop), False),
    ):
        df = df.loc[df["phrase"].str.count(" ") + 1 >= min_words]
        df = df.drop_duplicates("phrase").sort_values(
            ["score", "phrase"], ascending=[ascending, True], kind="stable"
        )
        df = df.head(top).assign(method=method, rank=range(1, min(top, len(df)) + 1))
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)[["method", "phrase", "score", "rank"]]
    return out.astype(
        {"method": "category", "phrase": "string", "score": "float64", "rank": "Int64"}
    )
