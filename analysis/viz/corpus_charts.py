"""The corpus notebook's charts: their register (name, title, size), the album they are drawn
into, and the notes that mark each finding and write its caption.

    album = corpus_charts.album(docs)
    ax = corpus_plots.lines(data, x="month", y="per_1k", hue="term", ax=album.axes("terms_over_time"))
    album.show(ax, corpus_charts.peak(ax, data))
    album.export(OUT)

Each note takes the Axes drawn on and the data drawn, marks the finding from the data, and
returns the caption shown under the chart (as `analysis.viz.notes` does for one article).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from .figures import Album, Chart
from .style import VERMILION, style

NOTEBOOK = "04_corpus"
CORPUS_CHARTS: dict[str, Chart] = {}


def _chart(name: str, title: str, size: tuple[float, float], row_height: float = 1.6) -> None:
    CORPUS_CHARTS[name] = Chart(name, NOTEBOOK, title, size, None, (), row_height)


_chart("copied", "The stories carried by the most articles", (9, 1.4), row_height=0.3)
_chart("terms_over_time", "Terms over time, by publication month", (9, 4.2))
_chart("top_entities", "Who is named in the most stories", (8, 1.4), row_height=0.27)
_chart("comentions", "Who is named with whom", (8, 6.8))
_chart("timeline", "The events of the latest stories on one timeline", (11, 1.6), row_height=0.3)
_chart("by_agency", "What sets each agency apart", (10, 2.6), row_height=2.2)
_chart("by_month", "What sets each month apart", (10, 2.6), row_height=2.2)
_chart("topic_words", "The topics and their words", (10, 2.4), row_height=2.0)
_chart("topics_by_month", "The topics' share of the stories, by publication month", (10, 4.2))
_chart("topics_by_agency", "The topics' share of each agency's articles", (10, 4.6), row_height=0.3)


def album(documents: pd.DataFrame) -> Album:
    """An album for the corpus's charts, each signed with the corpus's size (articles and the
    stories they tell) and agencies."""
    agencies = documents["agency"].dropna().nunique()
    stories = documents["story_id"].fillna(documents["doc_id"]).nunique()
    line = (f"Source: {len(documents):,} articles telling {stories:,} stories, from {agencies} "
            "agencies (analysis.corpus)")  # fmt: skip
    return Album(None, charts=CORPUS_CHARTS, source_line=line)


def peak(
    ax: Axes, data: pd.DataFrame, *, x: str = "month", y: str = "per_1k", hue: str = "term"
) -> str:
    """The highest point of any line, labelled; the caption names it and the words shown."""
    if data.empty or not data[y].max() > 0:
        return "No article has a publication date in its metadata or dateline: no month to chart."
    top = data.loc[data[y].idxmax()]
    with style():
        ax.annotate(f"{top[hue]}: {top[y]:.1f}", (top[x], top[y]), xytext=(6, 4),
                    textcoords="offset points", fontsize=8, color=VERMILION)  # fmt: skip
    words = ", ".join(f"'{t}'" for t in dict.fromkeys(data[hue]))
    return (f"The words in the most stories ({words}; reporting verbs and calendar words left "
            f"out), per 1,000 words of each month's stories (each story once, by its first "
            f"article): '{top[hue]}' peaks in {top[x]:%B %Y} at {top[y]:.1f}.")  # fmt: skip


def most_named(data: pd.DataFrame, *, n_stories: int, by: str = "n_stories") -> str:
    """The caption of the entities chart: the first row, and how many are shown."""
    if data.empty:
        return "No entity is named in these articles."
    top = data.iloc[0]
    what = "stories (each story once)" if by == "n_stories" else "articles"
    return (f"The {len(data)} entities named in the most {what}: {top['entity']} in "
            f"{top[by]} of {n_stories:,}, and in {top['n_articles']} articles with the copies.")  # fmt: skip


def most_together(data: pd.DataFrame, *, by: str = "n_stories") -> str:
    """The caption of the co-mention matrix: the pair named together most often."""
    if data.empty or not data[by].max() > 0:
        return "No two of these entities are named in the same article."
    best = data.loc[data[by].idxmax()]
    n = data["entity_a"].nunique()
    what = "Stories (each once)" if by == "n_stories" else "Articles"
    return (f"{what} naming both of two of the {n} entities named most: {best['entity_a']} "
            f"and {best['entity_b']} most often ({best[by]}).")  # fmt: skip


def spans(data: pd.DataFrame) -> str:
    """The caption of the timeline: how many events of how many articles, and the span."""
    if data.empty:
        return "No event of these articles has a date."
    first, last = data["start"].min(), data["end"].max()
    return (f"{len(data)} dated events of the {data['article'].nunique()} latest stories (each by its first article), "
            f"{first:%B %Y} to {last:%B %Y}: each row an article (its title and date), each "
            "marker an event, a line across the period a date leaves open, the black tick the "
            "day it was published.")  # fmt: skip


def distinctive(data: pd.DataFrame, *, by: str, shown: int, total: int) -> str:
    """The caption of a chart of distinctive words: which groups are shown, of how many."""
    if data.empty:
        return f"No {by} has words that set it apart (each needs two articles or more)."
    which = "with the most articles" if by == "agency" else "latest"
    cut = f"the {shown} {which} of {total}" if shown < total else f"all {total}"
    top = data.sort_values("log_ratio", ascending=False).iloc[0]
    return (f"For each {by} ({cut}), the words its articles use most more often than the "
            f"others' (log2 ratio of the rates); the strongest: '{top['term']}' for "
            f"{top[by]}.")  # fmt: skip


def copied(data: pd.DataFrame, *, n_articles: int, n_stories: int) -> str:
    """The caption of the stories carried most: how many articles are copies, of how many
    stories, and the story carried most."""
    if data.empty:
        return (f"No article is a copy of another: {n_articles:,} articles, {n_stories:,} "
                "stories.")  # fmt: skip
    top = data.iloc[0]
    return (f"{n_articles - n_stories:,} of the {n_articles:,} articles are copies (relays, "
            f"reprints) of an earlier one: {n_stories:,} stories. Carried most: "
            f"'{top['story']}', by {top['n_articles']} articles of {top['n_agencies']} "
            "agencies. The charts of this notebook count each story once, by its first "
            "article, unless they say otherwise.")  # fmt: skip


def topics_found(data: pd.DataFrame, *, shown: int, total: int) -> str:
    """The caption of the topics' words."""
    if data.empty:
        return ("No topics: a topic model needs twenty stories or more, and words that two of "
                "them share.")  # fmt: skip
    cut = f"the {shown} largest of {total}" if shown < total else f"all {total}"
    return (f"The topics found in the stories ({cut}), each by its heaviest words (NMF on the "
            "words of each story once; the number of topics is the most coherent of a few "
            f"that grow with the corpus); the largest: '{data['topic'].iloc[0]}'.")  # fmt: skip


def topic_trend(data: pd.DataFrame) -> str:
    """The caption of the topics by month: the month a topic weighs most in."""
    if data.empty or not data["share"].max() > 0:
        return "No story has both a topic and a publication date: no month to chart."
    top = data.loc[data["share"].idxmax()]
    return (f"The share of the stories published in each month that each of the "
            f"{data['topic'].nunique()} largest topics takes (each story once), stacked: "
            f"'{top['topic']}' weighs most in {top['month']:%B %Y}, {top['share']:.0%} of its "
            "stories.")  # fmt: skip


def topic_agencies(data: pd.DataFrame) -> str:
    """The caption of the topics by agency: the agency most given to one topic."""
    if data.empty or not data["share"].max() > 0:
        return "No article of a known agency has a topic."
    top = data.loc[data["share"].idxmax()]
    return (f"Each topic's share of each agency's articles (its relays included: what an "
            f"agency carries is its choice): {top['agency']} gives the most to "
            f"'{top['topic']}' ({top['share']:.0%}).")  # fmt: skip
