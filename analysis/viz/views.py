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
    """The most overused content terms (by G2; words, not numbers) and the most underused terms,
    with `direction`."""
    stop = set(terms.loc[terms["is_stopword"], "term"])
    words = keyness["term"].str.contains(r"[^\W\d_]", regex=True)
    over = keyness.loc[(keyness["log_ratio"] > 0) & ~keyness["term"].isin(stop) & words].head(n)
    under = (
        keyness.loc[keyness["log_ratio"] < 0]
        .sort_values("log_likelihood", ascending=False, kind="stable")
        .head(n_under)
    )
    return pd.concat(
        [over.assign(direction="overused"), under.assign(direction="underused")], ignore_index=True
    )


def collocations(ngrams: pd.DataFrame, stopwords: frozenset[str], *, n: int = 8) -> pd.DataFrame:
    """The n strongest n-grams of each length (by log-likelihood) that begin and end with a
    content word (not a stopword, not a number): the pairs first, then the triples."""
    words = ngrams["ngram"].str.split(" ")
    edges = words.map(lambda w: _content(w[0], stopwords) and _content(w[-1], stopwords))
    return (
        ngrams.loc[edges]
        .sort_values(["n", "log_likelihood", "ngram"], ascending=[True, False, True], kind="stable")
        .groupby("n", sort=False)
        .head(n)
        .reset_index(drop=True)
    )


def _content(word: str, stopwords: frozenset[str]) -> bool:
    """A content word: not a stopword, and a word rather than a number."""
    return word not in stopwords and any(c.isalpha() for c in word)


def key_terms(keyness: pd.DataFrame, dispersion: pd.DataFrame, *, n: int = 8) -> list[str]:
    """The n most distinctive content terms that occur in the dispersion table."""
    present = set(dispersion["term"])
    return [t for t in keyness["term"] if t in present][:n]


def rank_frequency(terms: pd.DataFrame) -> pd.DataFrame:
    """rank (1..V, ties broken by order), count: the Zipf curve."""
    counts = terms["count"].sort_values(ascending=False, kind="stable").reset_index(drop=True)
    return pd.DataFrame({"rank": range(1, len(counts) + 1), "count": counts}).astype("Int64")


def zipf_fit(data: pd.DataFrame, *, x: str = "rank", y: str = "count") -> tuple[float, float]:
    """Slope and intercept of log(y) against log(x), least squares (Zipf's law: slope near -1)."""
    import numpy as np

    r, c = data[x].astype(float).to_numpy(), data[y].astype(float).to_numpy()
    if len(r) < 2:
        return float("nan"), float("nan")
    slope, intercept = np.polyfit(np.log(r), np.log(c), 1)
    return float(slope), float(intercept)


def sentence_starts(tokens: pd.DataFrame) -> pd.Series:
    """The token offset at which each sentence starts, by sentence_id."""
    return tokens.groupby("sentence_id")["token_index"].min()


def _parse(date: str | None) -> tuple[dt.date, dt.date] | None:
    if date is None or pd.isna(date):
        return None
    a, _, b = str(date).partition("/")

    def one(s: str, end: bool) -> dt.date:
        parts = [int(p) for p in s.partition("T")[0].split("-")]  # (a time of day: its day)
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            y, m = parts
            last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
            return dt.date(y, m, last if end else 1)
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)

    return one(a, False), one(b or a, True)


def _event_label(actor, evidence: str) -> str:
    """The event's own words, led by who acts when the words name them otherwise ("it has
    launched ..." of a ministry)."""
    words = " ".join(str(evidence).split())
    lead = words[: len(str(actor)) + 40].lower() if pd.notna(actor) else ""
    named = str(actor).lower()
    if pd.isna(actor) or named in lead or any(w in lead for w in named.split() if len(w) > 3):
        return words  # the words name who acts ("Munoz, who ..." of Andres Munoz)
    return f"{actor}: {words}"


def timeline(events: pd.DataFrame, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event with `start` and `end` dates (NaT when undated), a short `label` (the
    event's words as the story writes them, with its actor), and `year_inferred`: whether the
    event's date has a year the extractor inferred (its words in `dates` with `year_from`
    "inferred"; False without `dates`)."""
    spans = [_parse(d) for d in events["date"]]
    inferred = set()
    if dates is not None and "year_from" in dates:
        guessed = dates.loc[dates["year_from"].astype("string").eq("inferred").fillna(False)]
        inferred = set(zip(guessed["text"], guessed["date"]))
    label = [_event_label(a, e) for a, e in zip(events["actor"], events["evidence"])]
    data = events.assign(
        start=pd.to_datetime([s[0] if s else None for s in spans]),
        end=pd.to_datetime([s[1] if s else None for s in spans]),
        year_inferred=[(t, d) in inferred for t, d in zip(events["date_text"], events["date"])],
        label=[
            f"{i}  {textwrap.shorten(x, 58, placeholder='…')}"
            for i, x in zip(events["event_id"], label)
        ],
    )
    if inferred and dates is not None and dates.attrs.get("year_inferred"):
        data.attrs["year_inferred"] = dates.attrs["year_inferred"]  # (year, how)
    return data


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


def actors(
    entities: pd.DataFrame, mentions: pd.DataFrame, roles: pd.DataFrame, *, n: int = 15,
    types=("PERSON", "ORG", "GPE"),
) -> pd.DataFrame:  # fmt: skip
    """entity, type, direct, indirect, total, roles: the n entities of `types` mentioned most,
    with the roles the article gives them ("minister, Ministry of X"), or <NA>."""
    data = entity_mentions(entities, mentions)
    data = data.loc[data["type"].isin(types)].head(n).reset_index(drop=True)
    named = roles.groupby("person")["role"].agg(lambda r: ", ".join(dict.fromkeys(r)))
    orgs = roles.groupby("person")["organization"].first()
    label = [
        None if e not in named.index else named[e] + (f", {orgs[e]}" if isinstance(orgs.get(e), str) else "")
        for e in data["entity"]
    ]  # fmt: skip
    return data.assign(roles=pd.array(label, dtype="string"))


def quote_words(quotes: pd.DataFrame) -> pd.DataFrame:
    """speaker, kind, n_quotes, n_words: how much each speaker is quoted, directly or reported."""
    return (
        quotes.groupby(["speaker", "kind"], observed=True)
        .agg(n_quotes=("text", "size"), n_words=("n_words", "sum"))
        .reset_index()
        .astype({"n_quotes": "Int64", "n_words": "Int64"})
    )


def speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """speaker, direct, reported, total, n_quotes: words quoted from each speaker, most first."""
    q = quote_words(quotes)
    wide = (
        q.pivot_table(index="speaker", columns="kind", values="n_words", aggfunc="sum", fill_value=0, observed=False)
        .reindex(columns=["direct", "reported"], fill_value=0)
        .reset_index()
    )  # fmt: skip
    wide.columns.name = None
    n_quotes = q.groupby("speaker")["n_quotes"].sum()
    return (
        wide.assign(total=lambda d: d["direct"] + d["reported"], n_quotes=lambda d: d["speaker"].map(n_quotes))
        .sort_values(["total", "speaker"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
        .astype({"direct": "Int64", "reported": "Int64", "total": "Int64", "n_quotes": "Int64"})
    )  # fmt: skip


def parts_of_totals(quantities: pd.DataFrame) -> pd.DataFrame:
    """total, total_quantity, unit, part, quantity: every total the article breaks into parts,
    one row per part (empty when no quantity is part of another)."""
    q = quantities
    totals = q.loc[q["subject"].isin(q["part_of"].dropna())].drop_duplicates("subject")
    rows = [
        (t.subject, float(t.quantity), str(t.unit), str(p.category), float(p.quantity))
        for t in totals.itertuples()
        for p in q.loc[q["part_of"] == t.subject].itertuples()
    ]
    out = pd.DataFrame(rows, columns=["total", "total_quantity", "unit", "part", "quantity"])
    return out.astype({"total": "string", "total_quantity": "float64", "unit": "string",
                       "part": "string", "quantity": "float64"})  # fmt: skip


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


def topic_matrix(topics: pd.DataFrame, *, n_contexts: int = 2) -> pd.DataFrame:
    """theme, context, area, shared: which themes each of the first `n_contexts` contexts (parts
    of the story, in the order they are first named) names, and which themes are shared."""
    contexts = list(dict.fromkeys(topics["context"]))[:n_contexts]
    df = topics.loc[topics["context"].isin(contexts)]
    n_named = df.groupby("theme")["context"].nunique()
    return df.assign(shared=df["theme"].map(n_named).gt(1).astype("boolean"))[
        ["theme", "context", "area", "shared"]
    ].reset_index(drop=True)


def network_nodes(
    entities: pd.DataFrame, mentions: pd.DataFrame, edges: pd.DataFrame
) -> pd.DataFrame:
    """entity, type, direct, indirect, total: the entities an edge of `edges` joins."""
    nodes = entity_mentions(entities, mentions)
    joined = set(edges["source"]) | set(edges["target"])
    return nodes.loc[nodes["entity"].isin(joined)].reset_index(drop=True)


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
