"""Every chart of the notebooks, by name: a recipe of a few lines each, and their export.

A recipe is the chart's notebook cell, word for word (a test holds them together): the data it
draws (a view of the tables), the plot call with its options, and the note that marks the
finding and writes the caption. It uses only the tables it is given; a chart about other
articles takes what it needs from them as an argument (`counts`, `scores`), built once.

    python -m analysis charts [--article PATH] --out DIR --formats png,svg,pdf
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..corpus.evaluate import TARGETS
from ..reading.text import stopwords
from ..terms.counting import distinctive_terms
from . import diagrams, notes, plots, views
from .figures import CHARTS, FORMATS, Album, chart, default_out

__all__ = ["CHARTS", "FORMATS", "Album", "default_out", "draw", "export", "needs"]

# ---- 01_article -----------------------------------------------------------------------
# Each recipe is laid out as its notebook cell shows it.
# fmt: off


@chart("sentence_lengths", "01_article", "Sentence lengths")
def sentence_lengths(T, album):
    data = views.sentence_lengths(T.tokens)
    ax = plots.bars(data, x="sentence_id", y="n_words", ylabel="length (words)", ax=album.axes("sentence_lengths"))
    return album.show(ax, notes.longest(ax, data, x="sentence_id", y="n_words"))


@chart("fact_strip", "01_article", "Where the facts sit, sentence by sentence", size=(8, 3.8))
def fact_strip(T, album):
    data = views.fact_strip(T)
    ax = plots.dot_strip(data, x="sentence_id", y="kind", size="count", extent=len(T.sentences),
                         ax=album.axes("fact_strip"))
    return album.show(ax, notes.busiest(ax, data, x="sentence_id", y="kind", size="count"))


# ---- 02_terms -------------------------------------------------------------------------


@chart("top_terms", "02_terms", "Most frequent content terms", size=(8, 5))
def top_terms(T, album):
    data = views.top_terms(T.terms, n=15)
    ax = plots.hbar(data, x="count", y="term", xlabel="occurrences in the article", ax=album.axes("top_terms"))
    return album.show(ax, notes.leader(data, x="count", y="term"))


@chart("keyness", "02_terms", "What sets the article apart from general English", size=(8, 5.5))
def keyness(T, album):
    data = views.keyness_extremes(T.keyness, T.terms, n=12, n_under=5)
    ax = plots.diverging_hbar(data, x="log_ratio", y="term",
                              labels=("more frequent than in general English", "less frequent"),
                              xlabel="log ratio (log2 of rate here / rate in general English)", ax=album.axes("keyness"))
    return album.show(ax, notes.most_key(ax, data))


@chart("collocations", "02_terms", "Collocations: words that stick together", size=(10, 4.5))
def collocations(T, album):
    data = views.collocations(T.ngrams, stopwords(), n=8)
    axes = album.axes("collocations", ncols=2)
    plots.facet_hbar(data, x="log_likelihood", y="ngram", col="n", axes=axes, fmt="{:.0f}",
                     xlabel="log-likelihood (association strength)")
    return album.show(axes, notes.ngram_counts(axes, data))


@chart("dispersion", "02_terms", "Where the key terms occur", size=(8, 4.2))
def dispersion(T, album):
    terms = views.key_terms(T.keyness, T.dispersion, n=8)
    ax = plots.dispersion(T.dispersion, x="token_index", y="term", order=terms, boundaries=views.sentence_starts(T.tokens),
                          extent=len(T.tokens), ax=album.axes("dispersion"))
    return album.show(ax, notes.widest_spread(T.dispersion, terms=terms, n_sentences=len(T.sentences)))


@chart("zipf", "02_terms", "Rank and frequency (Zipf)", size=(7, 4.5))
def zipf(T, album):
    data = views.rank_frequency(T.terms)
    fit = views.zipf_fit(data, x="rank", y="count")
    ax = plots.rank_frequency(data, x="rank", y="count", fit=fit, ax=album.axes("zipf"))
    return album.show(ax, notes.hapaxes(ax, data, fit=fit))


@chart("keyphrases", "02_terms", "Key phrases, YAKE and RAKE", size=(8, 6.5))
def keyphrases(T, album):
    data = T.keyphrases.query("rank <= 10")
    ax = plots.rank_dots(data, x="rank", y="phrase", hue="method", ax=album.axes("keyphrases"))
    return album.show(ax, notes.agreement(ax, data))


@chart("distinctive", "02_terms", "What sets each article apart from the others", size=(10, 3.8), needs=("counts",))
def distinctive(T, album, counts):
    data = distinctive_terms(counts, n=5, min_count=2, stopwords=stopwords())
    axes = album.axes("distinctive", nrows=(data["doc_id"].nunique() + 1) // 2, ncols=2, squeeze=False)
    plots.facet_hbar(data, x="log_ratio", y="term", col="doc_id", axes=axes, highlight=T.article.name,
                     xlabel="log ratio against the other articles")
    return album.show(axes, notes.stands_out(data, article=T.article.name))


# ---- 03_facts -------------------------------------------------------------------------


@chart("timeline", "03_facts", "Events by date and status", size=(10, 6))
def timeline(T, album):
    data = views.timeline(T.events, T.dates)
    ax = diagrams.timeline(data, x="date", y="label", hue="status", ax=album.axes("timeline"))
    return album.show(ax, notes.statuses(ax, data, meta=T.article.meta))


@chart("actors", "03_facts", "Who is mentioned, and in what role", size=(9, 5.5))
def actors(T, album):
    data = views.actors(T.entities, T.mentions, T.roles, n=15)
    ax = plots.stacked_hbar(data, x=["direct", "indirect"], y="entity", ax=album.axes("actors"),
                            xlabel="mentions (direct: by name; indirect: he, the country...)")
    return album.show(ax, notes.roles(ax, data))


@chart("parts_of_total", "03_facts", "What the parts add up to", size=(9, 3), row_height=2.2)
def parts_of_total(T, album):
    data = views.parts_of_totals(T.quantities)
    ax = diagrams.parts_of_total(data, x="quantity", y="part", total="total",
                                 ax=album.axes("parts_of_total", rows=data["total"].nunique()))
    return album.show(ax, notes.parts(data), keep=not data.empty)


@chart("topics", "03_facts", "Topics, by where the article names them", size=(8, 4.2))
def topics(T, album):
    data = views.topic_matrix(T.topics, n_contexts=2)
    ax = diagrams.dot_matrix(data, x="context", y="theme", hue="shared", label="area", ax=album.axes("topics"))
    return album.show(ax, notes.shared(data), keep=not data.empty)


@chart("quotes", "03_facts", "Who is quoted, and how", size=(8, 3.2))
def quotes(T, album):
    data = views.speakers(T.quotes)
    ax = plots.stacked_hbar(data, x=["direct", "reported"], y="speaker", ax=album.axes("quotes"),
                            xlabel="words quoted (direct: in quotation marks; reported: in his words...)")
    return album.show(ax, notes.quote_counts(ax, data))


@chart("comentions", "03_facts", "Who is mentioned with whom (same sentence)", size=(9, 6.5))
def comentions(T, album):
    edges = views.comentions(T.mentions, T.entities)
    nodes = views.network_nodes(T.entities, T.mentions, edges)
    ax = diagrams.network(edges, source="source", target="target", weight="weight", nodes=nodes, ax=album.axes("comentions"))
    return album.show(ax, notes.strongest_tie(ax, edges))


@chart("extraction", "03_facts", "Automatic extraction: F1 by kind of fact", size=(9, 4.2), needs=("scores",))
def extraction(T, album, scores):
    ax = plots.scores(scores, x="f1", y="table", hue="doc_id", targets=TARGETS, ax=album.axes("extraction"),
                      xlabel="F1 of the extracted facts against hand-checked ones (1 = all found, nothing extra)")
    return album.show(ax, notes.score_range(scores))


# fmt: on


# ---- drawing and export ---------------------------------------------------------------


def needs(tables, names: Iterable[str]) -> dict[str, pd.DataFrame]:
    """What the charts `names` need beyond the article's tables, built once: `counts` (term
    counts of this article beside the bundle's own articles) and `scores` (the extraction's
    scores)."""
    wanted = {n for name in names for n in CHARTS[name].needs}
    built = {}
    if "counts" in wanted:
        from ..corpus.folder import beside_bundle
        from ..terms.counting import term_counts

        built["counts"] = term_counts(beside_bundle(tables.article))
    if "scores" in wanted:
        from ..corpus.evaluate import extraction_scores

        built["scores"] = extraction_scores(tables.article)
    return built


def draw(name: str, tables, **inputs):
    """The named chart of an article's tables, as a ChartView (its `figure` and `caption`)."""
    album = Album(tables)
    inputs = inputs or needs(tables, [name])
    return CHARTS[name].recipe(tables, album, **{k: inputs[k] for k in CHARTS[name].needs})


def export(
    out: str | Path, tables, *, formats: Iterable[str] = FORMATS, names: Iterable[str] | None = None,
    notebook: str | None = None,
) -> list[dict]:  # fmt: skip
    """Draw the charts (every chart, or those of `names` or of one `notebook`) and write them
    to `out` with the manifest; see `Album.export`."""
    chosen = [c.name for c in CHARTS.values() if (names is None or c.name in set(names))
              and (notebook is None or c.notebook == notebook)]  # fmt: skip
    inputs = needs(tables, chosen)
    album = Album(tables)
    for name in chosen:
        CHARTS[name].recipe(tables, album, **{k: inputs[k] for k in CHARTS[name].needs})
    return album.export(out, formats=formats)
