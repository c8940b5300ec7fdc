"""The corpus tables, from the tables of its articles: pure `DataFrame -> DataFrame` functions.

Each works on any set of articles: one batch, or the whole corpus at once (the single-process
path). The totals (`term_totals`, `entity_articles`, `comentions`) of several batches are summed
by `merge_totals`: every article is in exactly one batch, so the sums are the totals a single
process computes over every article (a test holds them equal).
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations

import numpy as np
import pandas as pd

from .. import schemas

TOTAL_KEYS = {
    "term_totals": ["term"],
    "entity_articles": ["entity", "type"],
    "comentions": ["entity_a", "entity_b"],
}
TOTAL_SUMS = {
    "term_totals": ["count", "n_docs", "n_stories"],
    "entity_articles": ["n_articles", "n_mentions", "n_stories"],
    "comentions": ["n_articles", "n_stories"],
}
# the count of articles in each total, which `n_stories` counts again over first articles only
ARTICLE_COUNT = {
    "term_totals": "n_docs",
    "entity_articles": "n_articles",
    "comentions": "n_articles",
}
TOTAL_ORDER = {
    "term_totals": (["count", "term"], [False, True]),
    "entity_articles": (["n_articles", "n_mentions", "entity", "type"], [False, False, True, True]),
    "comentions": (["n_articles", "entity_a", "entity_b"], [False, True, True]),
}


def doc_terms(bodies: dict[str, str]) -> pd.DataFrame:
    """doc_id, term, count, per_1k: the words of each article's body (`bodies`: doc_id -> text),
    counted by `analysis.terms.counting.term_counts`; rows in document order, then by term."""
    from ..terms.counting import term_counts

    counts = term_counts(list(bodies.values()))
    ids = list(bodies)
    df = pd.DataFrame({
        "doc_id": np.asarray(ids, dtype=object)[counts["doc_id"].cat.codes.to_numpy()] if ids else [],
        "term": counts["term"].astype(str),
        "count": counts["count"].astype("int64"),
    })  # fmt: skip
    total = df.groupby("doc_id", sort=False)["count"].transform("sum")
    df = df.assign(per_1k=1000 * df["count"] / total)
    order = {d: i for i, d in enumerate(ids)}
    df = df.sort_values(["doc_id", "term"], key=lambda s: s.map(order) if s.name == "doc_id" else s)
    return schemas.conform_corpus(df, "doc_terms")


def term_totals(terms: pd.DataFrame) -> pd.DataFrame:
    """term, count, per_1k, n_docs over the articles of `doc_terms`."""
    df = terms.groupby("term", as_index=False).agg(
        count=("count", "sum"), n_docs=("doc_id", "nunique")
    )
    return finish_totals(df, "term_totals")


def entity_articles(entities: pd.DataFrame) -> pd.DataFrame:
    """entity, type, n_articles, n_mentions: the entities tables of many articles, with the
    number of articles naming each."""
    df = entities.groupby(["entity", "type"], as_index=False, observed=True).agg(
        n_articles=("doc_id", "nunique"), n_mentions=("n_mentions", "sum")
    )
    return finish_totals(df, "entity_articles")


def comentions(entities: pd.DataFrame) -> pd.DataFrame:
    """entity_a, entity_b, n_articles: each pair of entities named in the same article (a
    before b in alphabetical order), with the number of such articles."""
    pairs = [
        pair
        for _, names in entities.groupby("doc_id", sort=False)["entity"]
        for pair in combinations(sorted(set(names.astype(str))), 2)
    ]
    df = pd.DataFrame(pairs, columns=["entity_a", "entity_b"], dtype=object)
    df = (
        df.groupby(["entity_a", "entity_b"], as_index=False)
        .size()
        .rename(columns={"size": "n_articles"})
    )
    return finish_totals(df, "comentions")


def finish_totals(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """A totals table in its declared form: per_1k from the counts, sorted, typed; `n_stories`
    empty when `df` has none (a batch's own totals)."""
    if "n_stories" not in df.columns:
        df = df.assign(n_stories=pd.NA)
    if name == "term_totals":
        df = df.assign(per_1k=1000 * df["count"] / max(int(df["count"].sum()), 1))
    by, ascending = TOTAL_ORDER[name]
    df = df.astype({k: str for k in TOTAL_KEYS[name]})
    return schemas.conform_corpus(df.sort_values(by, ascending=ascending, kind="stable"), name)


def merge_totals(parts: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """The totals of several batches (each a `name` table, `n_stories` filled in: see
    `with_stories`) summed into one."""
    if not parts:
        return schemas.empty(name)
    keys, sums = TOTAL_KEYS[name], TOTAL_SUMS[name]
    df = pd.concat([p[keys + sums] for p in parts], ignore_index=True)
    df = df.astype({k: str for k in keys}).groupby(keys, as_index=False)[sums].sum()
    return finish_totals(df, name)


def with_stories(total: pd.DataFrame, name: str, firsts: pd.DataFrame | None) -> pd.DataFrame:
    """A total with `n_stories`: its count of articles (`ARTICLE_COUNT`) when `firsts` is None
    (no article of it is a copy), else the count in `firsts`, the same total over the first
    articles of their stories only (0 where none)."""
    count = ARTICLE_COUNT[name]
    if firsts is None:
        return total.assign(n_stories=total[count].astype("int64"))
    keys = TOTAL_KEYS[name]
    found = (
        firsts[keys + [count]].astype({k: str for k in keys}).rename(columns={count: "n_stories"})
    )
    merged = total.drop(columns="n_stories", errors="ignore").astype({k: str for k in keys})
    merged = merged.merge(found, on=keys, how="left")
    return merged.assign(n_stories=merged["n_stories"].fillna(0).astype("int64"))


_ISO = re.compile(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q([1-4])|W(\d\d)))?")


def date_span(iso: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO 8601 date or period can mean (2016, 2016-03, 2016-Q2,
    2016-W05, 2016-03-01, a/b); None when it is missing or not one."""
    if iso is None or pd.isna(iso):
        return None
    a, _, b = str(iso).partition("/")
    first, last = _one_span(a), _one_span(b or a)
    return None if first is None or last is None else (first[0], last[1])


def _one_span(s: str) -> tuple[dt.date, dt.date] | None:
    m = _ISO.fullmatch(s.strip())
    if not m:
        return None
    y, month, day, quarter, week = m.groups()
    try:
        if day:
            d = dt.date(int(y), int(month), int(day))
            return d, d
        if week:
            d = dt.date.fromisocalendar(int(y), int(week), 1)
            return d, d + dt.timedelta(days=6)
        if month or quarter:
            lo, hi = (int(month),) * 2 if month else (3 * int(quarter) - 2, 3 * int(quarter))
            return dt.date(int(y), lo, 1), dt.date(
                int(y) + hi // 12, hi % 12 + 1, 1
            ) - dt.timedelta(days=1)
        return dt.date(int(y), 1, 1), dt.date(int(y), 12, 31)
    except ValueError:
        return None


def timeline(events: pd.DataFrame) -> pd.DataFrame:
    """The events of many articles on one timeline: doc_id, published, event_id, date, start,
    end, status, actor, action, object (`events`: stacked events tables with doc_id and
    published); sorted by start, undated last, ties in the order they come."""
    spans = [date_span(d) for d in events["date"]]
    df = events.assign(
        start=pd.to_datetime([s[0] if s else None for s in spans]).astype("datetime64[s]"),
        end=pd.to_datetime([s[1] if s else None for s in spans]).astype("datetime64[s]"),
    )
    return sort_timeline(schemas.conform_corpus(df, "timeline"))


def sort_timeline(df: pd.DataFrame) -> pd.DataFrame:
    """Events by start date, undated last; ties keep the order they come in."""
    undated = df["start"].isna()
    return pd.concat([df.loc[~undated].sort_values("start", kind="stable"), df.loc[undated]],
                     ignore_index=True)  # fmt: skip


def documents(rows: list[dict]) -> pd.DataFrame:
    """The articles of a batch, one row each (`rows`: dicts of the declared columns)."""
    if not rows:
        return schemas.empty("documents")
    df = pd.DataFrame(rows)
    if "story_id" not in df.columns:  # known only over the whole corpus (analysis.corpus.read)
        df = df.assign(story_id=pd.NA)
    return schemas.conform_corpus(df, "documents")


def errors(rows: list[dict]) -> pd.DataFrame:
    """doc_id, path, error: the articles that could not be used."""
    if not rows:
        return schemas.empty("errors")
    return schemas.conform_corpus(pd.DataFrame(rows), "errors")


def corpus_totals(
    per_article: dict[str, pd.DataFrame], copies: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """The totals over every article at once, from stacked tables (`doc_terms`, `entities`),
    each story counted once by its first article in `n_stories` (`copies`: none by default)."""
    out = totals_of(per_article)
    copied = set() if copies is None else set(copies["doc_id"].astype(str))
    firsts = totals_of({n: df.loc[~df["doc_id"].astype(str).isin(copied)]
                        for n, df in per_article.items()}) if copied else {}  # fmt: skip
    return {n: finish_totals(with_stories(df, n, firsts.get(n)), n) for n, df in out.items()}


def totals_of(per_article: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """term_totals, entity_articles, comentions of stacked `doc_terms` and `entities`."""
    return {
        "term_totals": term_totals(per_article["doc_terms"]),
        "entity_articles": entity_articles(per_article["entities"]),
        "comentions": comentions(per_article["entities"]),
    }
