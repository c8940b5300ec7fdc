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


_chart("terms_over_time", "Terms over time, by publication month", (9, 4.2))
_chart("top_entities", "Who is named in the most articles", (8, 1.4), row_height=0.27)
_chart("comentions", "Who is named with whom", (8, 6.8))
_chart("timeline", "The events of the latest articles on one timeline", (11, 1.6), row_height=0.3)
_chart("by_agency", "What sets each agency apart", (10, 2.6), row_height=2.2)
_chart("by_month", "What sets each month apart", (10, 2.6), row_height=2.2)


def album(documents: pd.DataFrame) -> Album:
    """An album for the corpus's charts, each signed with the corpus's size and agencies."""
    agencies = documents["agency"].dropna().nunique()
    line = f"Source: {len(documents):,} articles from {agencies} agencies (analysis.corpus)"
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
    return (f"The words in the most articles ({words}; reporting verbs and calendar words left "
            f"out), per 1,000 words of each month's articles: '{top[hue]}' peaks in "
            f"{top[x]:%B %Y} at {top[y]:.1f}.")  # fmt: skip


def most_named(data: pd.DataFrame, *, n_articles: int) -> str:
    """The caption of the entities chart: the first row, and how many are shown."""
    if data.empty:
        return "No entity is named in these articles."
    top = data.iloc[0]
    return (f"The {len(data)} entities named in the most articles: {top['entity']} in "
            f"{top['n_articles']} of {n_articles:,}.")  # fmt: skip


def most_together(data: pd.DataFrame) -> str:
    """The caption of the co-mention matrix: the pair named together most often."""
    if data.empty or not data["n_articles"].max() > 0:
        return "No two of these entities are named in the same article."
    best = data.loc[data["n_articles"].idxmax()]
    n = data["entity_a"].nunique()
    return (f"Articles naming both of two of the {n} entities named most: {best['entity_a']} "
            f"and {best['entity_b']} most often ({best['n_articles']}).")  # fmt: skip


def spans(data: pd.DataFrame) -> str:
    """The caption of the timeline: how many events of how many articles, and the span."""
    if data.empty:
        return "No event of these articles has a date."
    first, last = data["start"].min(), data["end"].max()
    return (f"{len(data)} dated events of the {data['article'].nunique()} latest articles, "
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
