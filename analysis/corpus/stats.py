"""A corpus's statistics for the corpus notebook: each a pure function of the tables that
`analysis.corpus.run` writes (read them with `analysis.corpus.read`).
"""

from __future__ import annotations

import pandas as pd

from ..constants import STEADY_WORDS
from ..terms.counting import distinctive_terms


def _content(terms: pd.Series) -> pd.Series:
    """True for a term that is a word (letters, two or more; joined by hyphens) and not a
    stopword: not a number, nor a clitic such as "'s"."""
    from ..reading.text import stopwords

    word = terms.str.fullmatch(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")
    return word.fillna(False).astype(bool) & ~terms.isin(stopwords())


def with_month(documents: pd.DataFrame) -> pd.DataFrame:
    """documents with `month` (a Timestamp, the first of the month), dropping undated ones."""
    day = pd.to_datetime(documents["published"].str.slice(0, 10), errors="coerce", format="ISO8601")
    return documents.assign(month=day.dt.to_period("M").dt.to_timestamp()).dropna(subset=["month"])


def top_terms(
    totals: pd.DataFrame, *, n: int = 5, leave_out: frozenset[str] = STEADY_WORDS,
    by: str = "n_docs",
) -> list[str]:  # fmt: skip
    """The n content words in the most articles (term_totals by `by`: n_docs, or n_stories to
    count each story once; then count), but those of `leave_out`: by default the words every
    month uses whatever happened in it (`said`, `told`, months, weekdays, `year`, `next`:
    `analysis.constants.STEADY_WORDS`)."""
    t = totals.loc[_content(totals["term"]) & ~totals["term"].isin(leave_out)]
    return (
        t.sort_values([by, "count", "term"], ascending=[False, False, True])["term"]
        .head(n)
        .tolist()
    )


def first_copies(documents: pd.DataFrame) -> pd.DataFrame:
    """The articles that are the first of their story (`story_id` is their own doc_id): each
    story once. Articles without a story_id (a corpus run without copies) are all kept."""
    story = documents["story_id"].fillna(documents["doc_id"])
    return documents.loc[story == documents["doc_id"]].reset_index(drop=True)


def most_copied(documents: pd.DataFrame, *, n: int = 12) -> pd.DataFrame:
    """story_id, story (its first article's `headline`), n_articles, n_agencies: the n stories
    carried by the most articles (two or more), the most first."""
    docs = documents.assign(story_id=documents["story_id"].fillna(documents["doc_id"]))
    first = docs.loc[docs["story_id"] == docs["doc_id"]].set_index("doc_id")
    counts = docs.groupby("story_id").agg(n_articles=("doc_id", "size"),
                                          n_agencies=("agency", "nunique"))  # fmt: skip
    counts = counts.loc[counts["n_articles"] > 1].sort_values(
        ["n_articles", "n_agencies"], ascending=False, kind="stable").head(n)  # fmt: skip
    labels = [headline(first.loc[s, "title"], first.loc[s, "published"]) for s in counts.index]
    return counts.assign(story=labels).reset_index()[
        ["story_id", "story", "n_articles", "n_agencies"]
    ]


def terms_by_month(
    doc_terms: pd.DataFrame, documents: pd.DataFrame, terms: list[str]
) -> pd.DataFrame:
    """month, term, count, per_1k: how often each of `terms` occurs in each month's articles,
    per 1,000 words of them (0 where it does not), every month from the first to the last; a
    month with no article has no rate (NaN: a line drawn through the months breaks there,
    rather than join two months years apart as if they were neighbours)."""
    docs = with_month(documents)[["doc_id", "month", "n_words"]]
    words = docs.groupby("month")["n_words"].sum()
    months = (
        pd.date_range(words.index.min(), words.index.max(), freq="MS", name="month")
        if len(words) else words.index
    )  # fmt: skip
    counts = (
        doc_terms.loc[doc_terms["term"].isin(terms)].merge(docs, on="doc_id")
        .groupby(["month", "term"])["count"].sum()
        .reindex(pd.MultiIndex.from_product([months, terms], names=["month", "term"]), fill_value=0)
        .reset_index()
    )  # fmt: skip
    return counts.assign(per_1k=1000 * counts["count"] / counts["month"].map(words))


def top_entities(
    entity_articles: pd.DataFrame, *, n: int = 15, by: str = "n_articles"
) -> pd.DataFrame:
    """entity, type, n_articles, n_stories, n_mentions: the n entities named in the most
    articles (`by`="n_articles") or stories (`by`="n_stories": each story once)."""
    return (
        entity_articles.sort_values([by, "n_mentions", "entity"], ascending=[False, False, True],
                                    kind="stable")
        .head(n).reset_index(drop=True)
    )  # fmt: skip


def pairs_among(
    comentions: pd.DataFrame, entities: list[str], *, by: str = "n_articles"
) -> pd.DataFrame:
    """entity_a, entity_b, <by> (n_articles, or n_stories: each story once) for every pair of
    `entities` (both ways, 0 where never together): a square matrix in long form."""
    comentions = comentions.drop(columns=[c for c in ("n_articles", "n_stories") if c != by])
    comentions = comentions.rename(columns={by: "n_articles"})
    both = pd.concat(
        [comentions, comentions.rename(columns={"entity_a": "entity_b", "entity_b": "entity_a"})]
    )
    grid = pd.MultiIndex.from_product([entities, entities], names=["entity_a", "entity_b"])
    return (
        both.set_index(["entity_a", "entity_b"])["n_articles"].groupby(level=[0, 1]).sum()
        .reindex(grid, fill_value=0).reset_index().rename(columns={"n_articles": by})
    )  # fmt: skip


def headline(title: str, published: str | None, *, width: int = 42) -> str:
    """An article's label: its title cut to `width` characters at a word, and its date."""
    title = " ".join(str(title).split())
    if len(title) > width:
        title = title[: width - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"
    day = pd.to_datetime(str(published)[:10], format="ISO8601", errors="coerce")
    return f"{title} ({day:%d %b %Y})" if pd.notna(day) else f"{title} (undated)"


def dated_events(
    timeline: pd.DataFrame, documents: pd.DataFrame, *, n_articles: int = 30
) -> pd.DataFrame:
    """The dated events of the n_articles latest articles (by publication date, the undated
    first; then by doc_id), with `article` (its shortened title and date: `headline`),
    `agency` and `published` (a Timestamp, NaT when unknown); one row per event, the articles
    in that order, each one's events by date."""
    docs = documents.sort_values(["published", "doc_id"], na_position="first").tail(n_articles)
    labels = [headline(t, p) for t, p in zip(docs["title"], docs["published"])]
    keep = docs[["doc_id", "agency"]].assign(article=labels)
    return (
        timeline.dropna(subset=["start"])
        .merge(keep, on="doc_id")
        .assign(
            published=lambda d: pd.to_datetime(
                d["published"].str.slice(0, 10), format="ISO8601", errors="coerce"
            )
        )
        .sort_values(
            ["published", "article"], kind="stable", na_position="first", ignore_index=True
        )
    )


def distinctive_by(
    doc_terms: pd.DataFrame, documents: pd.DataFrame, *, by: str, n: int = 5,
    groups: int | None = None,
) -> pd.DataFrame:  # fmt: skip
    """<by>, term, count, log_ratio, rank: the words that set each agency (by="agency") or
    month (by="month", named "November 2015") apart from the rest of the corpus (Hardie's log ratio, as in
    `analysis.terms.counting.distinctive_terms`), for the `groups` agencies with the most
    articles (or the latest months; all by default). Words of three letters or more only: an
    abbreviation ("rs", "pc") sets an agency's style apart, not what it reports; and none of
    the words every month uses (`STEADY_WORDS`: "said", "november", "day")."""
    from ..reading.text import stopwords

    docs = with_month(documents) if by == "month" else documents.dropna(subset=[by])
    group = docs.set_index("doc_id")[by]
    group = group.dt.strftime("%Y-%m") if by == "month" else group
    counts = doc_terms.assign(doc_id=doc_terms["doc_id"].map(group)).dropna(subset=["doc_id"])
    counts = counts.groupby(["doc_id", "term"], as_index=False)["count"].sum()
    counts = counts.loc[
        counts["term"].str.fullmatch(r"[^\W\d_]{3,}") & ~counts["term"].isin(STEADY_WORDS)
    ]
    found = distinctive_terms(counts, n=n, min_count=2, stopwords=stopwords())
    if groups is not None:
        sizes = group.value_counts()
        chosen = sorted(sizes.index)[-groups:] if by == "month" else sizes.index[:groups]
        found = found.loc[found["doc_id"].isin(list(chosen))]
    if by == "month":  # named in words, in the order of the months ("November 2015")
        found = found.assign(
            doc_id=pd.to_datetime(found["doc_id"], format="%Y-%m").dt.strftime("%B %Y")
        )
    return found.rename(columns={"doc_id": by}).reset_index(drop=True)


def topic_labels(topic_terms: pd.DataFrame, *, n: int = 3) -> pd.Series:
    """Each topic's label in words (topic_id -> "3: port, terminal, quay"): its number and its
    n heaviest words."""
    top = topic_terms.loc[topic_terms["rank"] <= n].sort_values(["topic_id", "rank"])
    words = top.groupby("topic_id")["term"].agg(", ".join)
    return pd.Series([f"{t}: {w}" for t, w in words.items()], index=words.index, name="topic")


def topic_words(
    topic_terms: pd.DataFrame, *, n: int = 8, topics: int | None = None
) -> pd.DataFrame:
    """topic, term, weight: the n heaviest words of each topic (of the first `topics`), the
    topic by its label (`topic_labels`)."""
    labels = topic_labels(topic_terms)
    t = topic_terms.loc[topic_terms["rank"] <= n]
    if topics is not None:
        t = t.loc[t["topic_id"] <= topics]
    return t.assign(topic=t["topic_id"].map(labels))[["topic", "term", "weight"]].reset_index(
        drop=True
    )


def topic_shares(
    doc_topics: pd.DataFrame, documents: pd.DataFrame, topic_terms: pd.DataFrame, *, by: str,
    topics: int | None = None,
) -> pd.DataFrame:  # fmt: skip
    """<by>, topic, share: each topic's share of the articles of each month (by="month") or
    agency (by="agency") of `documents` (the sum of its weights over their number: the shares
    of a group's topics add up to 1, less the small shares doc_topics leaves out); for the first
    `topics` topics (all by default)."""
    docs = with_month(documents) if by == "month" else documents.dropna(subset=[by])
    group = docs.set_index("doc_id")[by]
    sizes = group.value_counts()
    labels = topic_labels(topic_terms)
    t = doc_topics.loc[doc_topics["doc_id"].isin(group.index)]
    if topics is not None:
        t = t.loc[t["topic_id"] <= topics]
    shares = (
        t.assign(**{by: t["doc_id"].map(group)})
        .groupby([by, "topic_id"], as_index=False)["weight"]
        .sum()
    )
    grid = pd.MultiIndex.from_product([sorted(sizes.index), sorted(t["topic_id"].unique())],
                                      names=[by, "topic_id"])  # fmt: skip
    shares = (
        shares.set_index([by, "topic_id"])["weight"].reindex(grid, fill_value=0.0).reset_index()
    )
    shares = shares.assign(share=shares["weight"] / shares[by].map(sizes).astype(float),
                           topic=shares["topic_id"].map(labels))  # fmt: skip
    return shares[[by, "topic", "share"]]


def typical_articles(
    doc_topics: pd.DataFrame, documents: pd.DataFrame, topic_terms: pd.DataFrame, *, n: int = 3
) -> pd.DataFrame:
    """topic, article (its `headline`), agency, weight: for each topic, the n articles it
    weighs most in, the heaviest first."""
    labels = topic_labels(topic_terms)
    docs = documents.set_index("doc_id")
    top = (
        doc_topics.loc[doc_topics["doc_id"].isin(docs.index)]
        .sort_values(["topic_id", "weight", "doc_id"], ascending=[True, False, True], kind="stable")
        .groupby("topic_id").head(n)
    )  # fmt: skip
    return pd.DataFrame({
        "topic": top["topic_id"].map(labels).to_numpy(),
        "article": [headline(docs.loc[d, "title"], docs.loc[d, "published"], width=60) for d in top["doc_id"]],
        "agency": docs.loc[top["doc_id"], "agency"].to_numpy(),
        "weight": top["weight"].round(2).to_numpy(),
    })  # fmt: skip
