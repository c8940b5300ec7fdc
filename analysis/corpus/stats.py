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
    totals: pd.DataFrame, *, n: int = 5, leave_out: frozenset[str] = STEADY_WORDS
) -> list[str]:
    """The n content words in the most articles (term_totals by n_docs, then count), but those
    of `leave_out`: by default the words every month uses whatever happened in it (`said`,
    `told`, months, weekdays, `year`, `next`: `analysis.constants.STEADY_WORDS`)."""
    t = totals.loc[_content(totals["term"]) & ~totals["term"].isin(leave_out)]
    return (
        t.sort_values(["n_docs", "count", "term"], ascending=[False, False, True])["term"]
        .head(n)
        .tolist()
    )


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


def top_entities(entity_articles: pd.DataFrame, *, n: int = 15) -> pd.DataFrame:
    """entity, type, n_articles, n_mentions: the n entities named in the most articles."""
    return entity_articles.head(n).reset_index(drop=True)


def pairs_among(comentions: pd.DataFrame, entities: list[str]) -> pd.DataFrame:
    """entity_a, entity_b, n_articles for every pair of `entities` (both ways, 0 where never
    together): a square matrix in long form."""
    both = pd.concat(
        [comentions, comentions.rename(columns={"entity_a": "entity_b", "entity_b": "entity_a"})]
    )
    grid = pd.MultiIndex.from_product([entities, entities], names=["entity_a", "entity_b"])
    return (
        both.set_index(["entity_a", "entity_b"])["n_articles"].groupby(level=[0, 1]).sum()
        .reindex(grid, fill_value=0).reset_index()
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
