"""Small tidy views derived from the tables, shaped for one chart each.

Pure functions: tables in, a new DataFrame out; nothing is changed in place.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap

import pandas as pd

FACT_KINDS = ("mentions", "roles", "events", "quantities", "topics", "quotes", "sources")


def sentence_lengths(tokens: pd.DataFrame) -> pd.DataFrame:
    """sentence_id, n_words: words (punctuation left out) in each sentence."""
    words = tokens.loc[~tokens["is_punct"]]
    return (
        words.groupby("sentence_id", observed=True)
        .size()
        .rename("n_words")
        .reset_index()
        .astype({"sentence_id": "Int64", "n_words": "Int64"})
    )


def fact_strip(tables) -> pd.DataFrame:
    """sentence_id, kind, count: how many facts of each kind each sentence carries.

    `tables` is anything that gives a table by name (a dict, or a `Tables` bundle).
    """
    n = len(tables["sentences"])
    frames = []
    for kind in FACT_KINDS:
        df = tables[kind]
        if df.empty:
            continue
        counts = df.dropna(subset=["sentence_id"]).groupby("sentence_id").size()
        frames.append(
            pd.DataFrame({"sentence_id": counts.index, "kind": kind, "count": counts.values})
        )
    out = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame({"sentence_id": [], "kind": [], "count": []})
    )
    out = out.loc[out["sentence_id"].between(1, n)]
    return out.astype(
        {"sentence_id": "Int64", "kind": pd.CategoricalDtype(FACT_KINDS), "count": "Int64"}
    ).reset_index(drop=True)


def top_terms(terms: pd.DataFrame, *, n: int = 15) -> pd.DataFrame:
    """The n most frequent content terms (stopwords and numbers left out)."""
    content = terms.loc[~terms["is_stopword"] & terms["term"].str.contains(r"[^\W\d]", regex=True)]
    return content.head(n).reset_index(drop=True)


def keyness_extremes(
    keyness: pd.DataFrame, terms: pd.DataFrame, *, n: int = 12, n_under: int = 5
) -> pd.DataFrame:
    """The most overused content terms (by G2) and the most underused terms, with `direction`."""
    stop = set(terms.loc[terms["is_stopword"], "term"])
    over = keyness.loc[(keyness["log_ratio"] > 0) & ~keyness["term"].isin(stop)].head(n)
    under = (
        keyness.loc[keyness["log_ratio"] < 0]
        .sort_values("log_likelihood", ascending=False, kind="stable")
        .head(n_under)
    )
    return pd.concat(
        [over.assign(direction="overused"), under.assign(direction="underused")], ignore_index=True
    )


def collocations(ngrams: pd.DataFrame, stopwords: frozenset[str], *, n: int = 12) -> pd.DataFrame:
    """N-grams that begin and end with a content word, strongest by log-likelihood first."""
    words = ngrams["ngram"].str.split(" ")
    edges = words.map(lambda w: w[0] not in stopwords and w[-1] not in stopwords)
    return (
        ngrams.loc[edges]
        .sort_values(["log_likelihood", "ngram"], ascending=[False, True], kind="stable")
        .head(n)
        .reset_index(drop=True)
    )


def key_terms(keyness: pd.DataFrame, dispersion: pd.DataFrame, *, n: int = 8) -> list[str]:
    """The n most distinctive content terms that occur in the dispersion table."""
    present = set(dispersion["term"])
    return [t for t in keyness["term"] if t in present][:n]


def rank_frequency(terms: pd.DataFrame) -> pd.DataFrame:
    """rank (1..V, ties broken by order), count: the Zipf curve."""
    counts = terms["count"].sort_values(ascending=False, kind="stable").reset_index(drop=True)
    return pd.DataFrame({"rank": range(1, len(counts) + 1), "count": counts}).astype("Int64")


def _parse(date: str | None) -> tuple[dt.date, dt.date] | None:
    if date is None or pd.isna(date):
        return None
    a, _, b = str(date).partition("/")

    def one(s: str, end: bool) -> dt.date:
        parts = [int(p) for p in s.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            y, m = parts
            last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
            return dt.date(y, m, last if end else 1)
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)

    return one(a, False), one(b or a, True)


def timeline(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event with `start` and `end` dates (NaT when undated) and a short `label`."""
    spans = [_parse(d) for d in events["date"]]
    label = events["actor"].fillna("").str.cat(events["action"], sep=" ").str.strip()
    label = label.where(events["object"].isna(), label + " " + events["object"].fillna(""))
    return events.assign(
        start=pd.to_datetime([s[0] if s else None for s in spans]),
        end=pd.to_datetime([s[1] if s else None for s in spans]),
        label=[textwrap.shorten(x, 58, placeholder="…") for x in label],
    )


def entity_mentions(entities: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """entity, type, direct, indirect: mentions by name and by indirect reference."""
    counts = (
        mentions.assign(how=mentions["is_indirect"].map({True: "indirect", False: "direct"}))
        .pivot_table(index="entity", columns="how", values="start", aggfunc="size", fill_value=0)
        .reindex(columns=["direct", "indirect"], fill_value=0)
        .reset_index()
    )
    return (
        entities[["entity", "type"]]
        .merge(counts, on="entity", how="left")
        .fillna({"direct": 0, "indirect": 0})
        .astype({"direct": "Int64", "indirect": "Int64"})
        .assign(total=lambda d: d["direct"] + d["indirect"])
        .sort_values(["total", "entity"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def quote_words(quotes: pd.DataFrame) -> pd.DataFrame:
    """speaker, kind, n_quotes, n_words: how much each speaker is quoted, directly or reported."""
    return (
        quotes.groupby(["speaker", "kind"], observed=True)
        .agg(n_quotes=("text", "size"), n_words=("n_words", "sum"))
        .reset_index()
        .astype({"n_quotes": "Int64", "n_words": "Int64"})
    )


def comentions(
    mentions: pd.DataFrame, entities: pd.DataFrame, *, types=("PERSON", "ORG", "GPE")
) -> pd.DataFrame:
    """source, target, weight: pairs of entities mentioned in the same sentence, and how often."""
    keep = set(entities.loc[entities["type"].isin(types), "entity"])
    m = mentions.dropna(subset=["sentence_id"])
    m = m.loc[m["entity"].isin(keep)]
    pairs: dict[tuple[str, str], int] = {}
    for _, group in m.groupby("sentence_id"):
        names = sorted(set(group["entity"]))
        for a, b in itertools.combinations(names, 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    out = pd.DataFrame(
        [(a, b, w) for (a, b), w in sorted(pairs.items())], columns=["source", "target", "weight"]
    )
    return out.astype({"source": "string", "target": "string", "weight": "Int64"})


def topic_matrix(topics: pd.DataFrame, *, contexts: tuple[str, ...] | None = None) -> pd.DataFrame:
    """theme, context, area, shared: which themes each context names, and which are shared."""
    df = topics if contexts is None else topics.loc[topics["context"].isin(contexts)]
    n_contexts = df.groupby("theme")["context"].nunique()
    return df.assign(shared=df["theme"].map(n_contexts).gt(1).astype("boolean"))[
        ["theme", "context", "area", "shared"]
    ].reset_index(drop=True)


def metadata_table(meta: dict) -> pd.DataFrame:
    """field, value: the article's metadata as a two-column table for display."""
    pub = meta.get("published") or {}
    rows = [
        ("title", meta.get("title")),
        ("place (dateline)", meta.get("place")),
        ("agency (dateline)", meta.get("agency")),
        ("credited sources", ", ".join(meta.get("sources") or []) or None),
        ("language", meta.get("language")),
        ("published", pub.get("date")),
        ("date precision", pub.get("precision")),
        ("how the date is known", " ".join(str(pub.get("how_known") or "").split())),
    ]
    return pd.DataFrame(rows, columns=["field", "value"]).astype("string")
