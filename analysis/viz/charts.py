"""Every chart of the notebooks, by name, and their export to PNG, SVG and PDF.

A chart is a recipe: it draws with `analysis.viz.plots` on a new Figure, adds the annotations that
tell the story (their numbers and positions taken from the tables), and returns the Figure with
a one-line caption. The notebooks show the same recipes that `export` writes, so a chart looks
the same in JupyterLab and on disk.

    python -m analysis charts [--article PATH] --out DIR --formats png,svg,pdf
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from .. import paths
from ..atomic import write_all_atomic
from ..tables.bundle import Tables
from ..tables.bundle import load as load_tables
from . import plots, views

FORMATS = ("png", "svg", "pdf")
DPI = 200
METADATA = {  # no dates, versions or random ids: the same chart gives the same bytes
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}
MANIFEST = "manifest.json"
ARTICLE_PAGE = {
    "name": "article",
    "notebook": "01_article",
    "title": "The article with its facts in place",
    "caption": "The text with every mention, date, quantity, quote and event cue highlighted; hover for its row.",
}


@dataclass(frozen=True)
class Chart:
    name: str
    notebook: str
    title: str
    recipe: Callable[[Tables, str], tuple[Figure, str]]


CHARTS: dict[str, Chart] = {}


def chart(name: str, notebook: str, title: str):
    def register(recipe):
        CHARTS[name] = Chart(name, notebook, title, recipe)
        return recipe

    return register


def _figure(tables: Tables, title: str, size=(8, 4.5), **subplots) -> tuple[Figure, object]:
    with plots.style():
        fig = Figure(figsize=size, layout="constrained")
        axes = fig.subplots(**subplots)
        fig.get_layout_engine().set(rect=(0, 0.045, 1, 0.955))
        fig.text(0.01, 0.012, tables.article.meta["source_line"], fontsize=7.5, color="#555555")
        (axes if not hasattr(axes, "flat") else axes.flat[0]).set_title(title)
    return fig, axes


def draw(name: str, article=None) -> tuple[Figure, str]:
    """The named chart of an article (the seed by default): its Figure and its caption."""
    c = CHARTS[name]
    tables = article if isinstance(article, Tables) else load_tables(article)
    with plots.style():
        return c.recipe(tables, c.title)


class ChartView:
    """A drawn chart as a notebook shows it: one PNG image, however often the cell is rerun.

    `figure` is the matplotlib Figure (to adjust or save), `caption` its one-line caption.
    """

    def __init__(self, name: str, figure: Figure, caption: str):
        self.name, self.figure, self.caption = name, figure, caption

    def _repr_png_(self) -> bytes | None:
        if self.figure is None:
            return None
        buf = io.BytesIO()
        with plots.style():
            self.figure.savefig(buf, format="png", dpi=110, metadata=METADATA["png"])
        return buf.getvalue()

    def _repr_markdown_(self) -> str | None:
        """A chart left out (nothing to draw for this article) shows its caption instead."""
        return f"*{self.caption}*" if self.figure is None else None

    def _ipython_display_(self) -> None:
        """In a notebook: the chart as one PNG image, its caption (computed from the tables)
        under it."""
        from IPython.display import Image, Markdown, display

        png = self._repr_png_()
        if png is not None:
            display(Image(data=png, format="png"))
        display(Markdown(f"*{self.caption}*"))

    def __repr__(self) -> str:
        return f"<chart {self.name}: {self.caption}>"


def show(name: str, article=None) -> ChartView:
    """The named chart, for a notebook cell to display (as one PNG image)."""
    fig, caption = draw(name, article)
    return ChartView(name, fig, caption)


# ---- 01_article -----------------------------------------------------------------------


@chart("sentence_lengths", "01_article", "Sentence lengths")
def _sentence_lengths(t: Tables, title: str):
    data = views.sentence_lengths(t["tokens"])
    longest = data.loc[data["n_words"].idxmax()]
    fig, ax = _figure(t, title)
    plots.sentence_lengths(data, highlight=[longest["sentence_id"]], ax=ax)
    ax.annotate(
        f"longest: sentence {longest['sentence_id']}, {longest['n_words']} words",
        (longest["sentence_id"], longest["n_words"]), xytext=(12, -4), textcoords="offset points",
        fontsize=8, va="top", color=plots.VERMILION,
    )  # fmt: skip
    ax.set_ylim(0, float(data["n_words"].max()) * 1.15)
    caption = (
        f"{len(data)} sentences, {int(data['n_words'].sum())} words; the longest is sentence "
        f"{longest['sentence_id']} with {longest['n_words']} words."
    )
    return fig, caption


@chart("fact_strip", "01_article", "Where the facts sit, sentence by sentence")
def _fact_strip(t: Tables, title: str):
    data = views.fact_strip(t)
    fig, ax = _figure(t, title, size=(8, 3.8))
    plots.fact_strip(data, n_sentences=len(t["sentences"]), ax=ax)
    if len(data):
        per = data.groupby("sentence_id")["count"].sum()
        busiest = int(per.idxmax())
        with plots.style():
            ax.axvspan(busiest - 0.45, busiest + 0.45, color=plots.ORANGE, alpha=0.18, zorder=0)
            ax.annotate(f"{int(per.max())} facts", (busiest, len(data["kind"].cat.categories) - 0.5),
                        xytext=(0, -3), textcoords="offset points", ha="center", va="top",
                        fontsize=8, color=plots.VERMILION)  # fmt: skip
        caption = f"Sentence {busiest} carries the most facts ({int(per.max())})."
    else:
        caption = "No facts are annotated for this article."
    return fig, caption


# ---- 02_terms -------------------------------------------------------------------------


@chart("top_terms", "02_terms", "Most frequent content terms")
def _top_terms(t: Tables, title: str):
    data = views.top_terms(t["terms"])
    fig, ax = _figure(t, title, size=(8, 5))
    plots.hbar(data, x="count", y="term", xlabel="occurrences in the article", ax=ax)
    top = data.iloc[0] if len(data) else None
    caption = f"'{top['term']}' leads with {top['count']} occurrences." if top is not None else ""
    return fig, caption


@chart("keyness", "02_terms", "What sets the article apart from general English")
def _keyness(t: Tables, title: str):
    data = views.keyness_extremes(t["keyness"], t["terms"])
    fig, ax = _figure(t, title, size=(8, 5.5))
    plots.keyness(data, ax=ax)
    top = data.iloc[0]
    ax.annotate(
        f"highest G2: '{top['term']}' ({top['log_likelihood']:.0f}):\n"
        f"{top['per_1k']:.1f} per 1,000 words here,\n{top['reference_per_1k']:.4f} in general English",
        xy=(0.42, 0.14), xycoords="axes fraction", fontsize=8, va="bottom", color=plots.VERMILION,
    )  # fmt: skip
    caption = f"'{top['term']}' is the most distinctive term (G2 {top['log_likelihood']:.0f})."
    return fig, caption


@chart("collocations", "02_terms", "Collocations: words that stick together")
def _collocations(t: Tables, title: str):
    from ..reading.text import stopwords

    data = views.collocations(t["ngrams"], stopwords(), n=100)
    fig, axes = _figure(t, title, size=(10, 4.5), ncols=2)
    for ax, n, colour in zip(axes, (2, 3), (plots.BLUE, plots.GREEN)):
        part = data.loc[data["n"] == n].head(8)
        plots.hbar(part, x="log_likelihood", y="ngram", color=colour, fmt="{:.0f}", ax=ax,
                   xlabel="log-likelihood (association strength)")  # fmt: skip
        with plots.style():
            for i, c in enumerate(part["count"]):
                ax.annotate(f"×{c}", (0, i), xytext=(3, 0), textcoords="offset points", va="center",
                            fontsize=7.5, color="white")  # fmt: skip
        ax.set_title(f"{n} words" if n == 3 else f"{title}\n{n} words", loc="left")
    top = data.iloc[0]
    times = "once" if top["count"] == 1 else f"{top['count']} times"
    return fig, f"'{top['ngram']}' is the strongest collocation ({times})."


@chart("dispersion", "02_terms", "Where the key terms occur")
def _dispersion(t: Tables, title: str):
    terms = views.key_terms(t["keyness"], t["dispersion"])
    starts = t["tokens"].groupby("sentence_id")["token_index"].min()
    fig, ax = _figure(t, title, size=(8, 4.2))
    plots.dispersion(
        t["dispersion"], terms=terms, boundaries=starts, n_tokens=len(t["tokens"]), ax=ax
    )
    spread = (
        t["dispersion"]
        .loc[t["dispersion"]["term"].isin(terms)]
        .groupby("term")["sentence_id"]
        .nunique()
    )
    widest = spread.sort_values(ascending=False, kind="stable").index[0]
    caption = f"'{widest}' is spread over {spread[widest]} of {len(starts)} sentences."
    return fig, caption


@chart("zipf", "02_terms", "Rank and frequency (Zipf)")
def _zipf(t: Tables, title: str):
    data = views.rank_frequency(t["terms"])
    fig, ax = _figure(t, title, size=(7, 4.5))
    plots.zipf(data, ax=ax)
    slope, _ = plots.zipf_fit(data)
    once = int((data["count"] == 1).sum())
    ax.annotate(f"{once} of {len(data)} terms occur once", (float(data["rank"].iloc[-1]), 1),
                xytext=(-4, 8), textcoords="offset points", ha="right", fontsize=8)  # fmt: skip
    return fig, f"Frequency falls with rank at a slope of {slope:.2f} on log-log axes."


@chart("keyphrases", "02_terms", "Key phrases, YAKE and RAKE")
def _keyphrases(t: Tables, title: str):
    kp = t["keyphrases"]
    top = kp.loc[kp["rank"] <= 10]
    fig, ax = _figure(t, title, size=(8, 6.5))
    plots.rank_dots(top, ax=ax)
    both = top.groupby("phrase", observed=True)["method"].nunique()
    agreed = sorted(both[both > 1].index)
    ax.set_title(f"{title}: {len(agreed)} in both top 10s")
    word = ", ".join(f"'{p}'" for p in agreed) if agreed else "none"
    return fig, f"Both methods rank among their top 10: {word}."


@chart("distinctive", "02_terms", "What sets each article apart from the others")
def _distinctive(t: Tables, title: str):
    from ..corpus.folder import default_corpus
    from ..reading.text import stopwords
    from ..terms.counting import distinctive_terms, term_counts

    docs = default_corpus()
    if t.article.path.resolve() not in {d.resolve() for d in docs}:
        docs = [t.article.path, *docs]
    data = distinctive_terms(term_counts(docs), stopwords=stopwords())
    n = data["doc_id"].nunique()
    with plots.style():
        fig = Figure(figsize=(10, 2.2 + 1.6 * ((n + 1) // 2)), layout="constrained")
        axes = fig.subplots(nrows=(n + 1) // 2, ncols=2, squeeze=False).flat
        fig.get_layout_engine().set(rect=(0, 0.045, 1, 0.955))
        fig.text(0.01, 0.012, t.article.meta["source_line"], fontsize=7.5, color="#555555")
        fig.text(0.99, 0.012, "The other articles: data/eval/, invented for evaluation", ha="right",
                 fontsize=7.5, color="#555555")  # fmt: skip
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    axes = list(axes)
    plots.facets_hbar(data, facet="doc_id", x="log_ratio", y="term", axes=axes[:n])
    for ax in axes[:n]:
        ax.set_xlabel("log ratio against the other articles")
        if ax.get_title(loc="left") == t.article.name:
            ax.set_title(
                f"{t.article.name} (this article)", loc="left", fontsize=10, color=plots.VERMILION
            )
    for ax in axes[n:]:
        ax.axis("off")
    mine = data.loc[data["doc_id"] == t.article.name, "term"].tolist()
    return (
        fig,
        f"Against the {n - 1} other articles, this one stands out for: {', '.join(mine[:3])}.",
    )


# ---- 03_facts -------------------------------------------------------------------------


@chart("timeline", "03_facts", "Events by date and status")
def _timeline(t: Tables, title: str):
    ev = views.timeline(t["events"])
    fig, ax = _figure(t, title, size=(10, 6))
    if ev.empty:
        ax.text(0.5, 0.5, "no events annotated", ha="center", transform=ax.transAxes)
        return fig, "No events are annotated for this article."
    plots.timeline(ev, ax=ax)
    pub = t.article.meta.get("published") or {}
    if pub.get("year_inferred"):  # (set by hand in a metadata file, or by the extractor)
        year = pub.get("year") or str(pub.get("date") or "")[:4]
        fig.text(0.99, 0.012, f"The year {year} is inferred: no date in the story gives it.",
                 ha="right", fontsize=8, style="italic", color=plots.VERMILION)  # fmt: skip
    counts = ev["status"].value_counts()
    caption = ", ".join(f"{int(counts[s])} {s}" for s in plots.STATUS_STYLE if counts.get(s, 0))
    return fig, f"Of {len(ev)} events: {caption}."


@chart("actors", "03_facts", "Who is mentioned, and in what role")
def _actors(t: Tables, title: str):
    data = views.entity_mentions(t["entities"], t["mentions"])
    data = data.loc[data["type"].isin(["PERSON", "ORG", "GPE"])].head(15)
    fig, ax = _figure(t, title, size=(9, 5.5))
    plots.stacked_hbar(data, y="entity", parts=["direct", "indirect"], colours=[plots.BLUE, plots.SKY],
                       xlabel="mentions (direct: by name; indirect: he, the country...)", ax=ax)  # fmt: skip
    ax.legend(loc="center right")
    roles = t["roles"].groupby("person")["role"].agg(lambda r: ", ".join(dict.fromkeys(r)))
    orgs = t["roles"].groupby("person")["organization"].first()
    for i, row in enumerate(data.itertuples()):
        if row.entity in roles.index:
            org = orgs.get(row.entity)
            text = roles[row.entity] + (f", {org}" if isinstance(org, str) else "")
            ax.annotate(text, (row.total, i), xytext=(6, 0), textcoords="offset points", va="center",
                        fontsize=7.5, color=plots.VERMILION)  # fmt: skip
    ax.set_xlim(0, float(data["total"].max()) * 2.6)
    top = data.iloc[0]
    return (
        fig,
        f"{top['entity']} is mentioned most ({top['total']} times, {top['indirect']} indirectly).",
    )


@chart("parts_of_total", "03_facts", "What the parts add up to")
def _parts_of_total(t: Tables, title: str):
    q = t["quantities"]
    totals = q.loc[q["subject"].isin(q["part_of"].dropna())].drop_duplicates("subject")
    if totals.empty:  # nothing to draw: the chart is left out, and the caption says why
        return None, "No total in this article is broken into parts, so this chart is left out."
    fig, axes = _figure(
        t, title, size=(9, 1.2 + 1.8 * len(totals)), nrows=len(totals), squeeze=False
    )
    sentences = []
    for ax, total in zip(axes.flat, totals.itertuples()):
        plots.parts_of_total(q, total=total.subject, ax=ax)
        parts = q.loc[q["part_of"] == total.subject]
        sums = " + ".join(f"{p['quantity']:g} {p['category']}" for _, p in parts.iterrows())
        ax.set_title(f"{total.quantity:g} {total.unit} = {sums}", fontsize=9)
        sentences.append(f"{total.quantity:g} {total.subject}: {sums}")
    axes.flat[0].figure.suptitle(title, x=0.01, ha="left")
    return fig, "; ".join(sentences) + "."


@chart("topics", "03_facts", "Topics, by where the article names them")
def _topics(t: Tables, title: str):
    topics = t["topics"]
    contexts = tuple(dict.fromkeys(topics["context"]))[:2] if len(topics) else ()
    data = views.topic_matrix(topics, contexts=contexts)
    if data.empty:
        return None, "No topics are annotated for this article, so this chart is left out."
    fig, ax = _figure(t, title, size=(8, 4.2))
    plots.topic_matrix(data, ax=ax)
    shared = sorted(set(data.loc[data["shared"], "theme"]))
    word = ", ".join(shared) if shared else "nothing"
    return fig, f"The {contexts[0]} and the {contexts[-1]} share: {word}."


@chart("quotes", "03_facts", "Who is quoted, and how")
def _quotes(t: Tables, title: str):
    q = views.quote_words(t["quotes"])
    fig, ax = _figure(t, title, size=(8, 3.2))
    if q.empty:
        return fig, "No quotes are annotated for this article."
    wide = (
        q.pivot_table(
            index="speaker",
            columns="kind",
            values="n_words",
            aggfunc="sum",
            fill_value=0,
            observed=False,
        )
        .reindex(columns=["direct", "reported"], fill_value=0)
        .reset_index()
        .assign(total=lambda d: d["direct"] + d["reported"])
        .sort_values("total", ascending=False, kind="stable")
    )
    plots.stacked_hbar(wide, y="speaker", parts=["direct", "reported"], colours=[plots.BLUE, plots.SKY],
                       xlabel="words quoted (direct: in quotation marks; reported: in his words...)", ax=ax)  # fmt: skip
    nq = q.groupby("speaker")["n_quotes"].sum()
    for i, row in enumerate(wide.itertuples()):
        ax.annotate(f"{int(nq[row.speaker])} quote{'s' if nq[row.speaker] > 1 else ''}", (row.total, i), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8)  # fmt: skip
    ax.set_xlim(0, float(wide["total"].max()) * 1.25)
    top = wide.iloc[0]
    share = top["total"] / wide["total"].sum()
    return fig, f"{top['speaker']} speaks {share:.0%} of the quoted words."


@chart("comentions", "03_facts", "Who is mentioned with whom (same sentence)")
def _comentions(t: Tables, title: str):
    edges = views.comentions(t["mentions"], t["entities"])
    nodes = views.entity_mentions(t["entities"], t["mentions"])
    nodes = nodes.loc[nodes["entity"].isin(set(edges["source"]) | set(edges["target"]))]
    fig, ax = _figure(t, title, size=(9, 6.5))
    if edges.empty:
        return fig, "No two entities share a sentence."
    plots.network(edges, nodes=nodes, ax=ax)
    top = edges.sort_values(["weight", "source"], ascending=[False, True], kind="stable").iloc[0]
    ax.annotate(f"strongest tie: {top['source']} – {top['target']}, {top['weight']} sentences",
                (0.5, 0.0), xycoords="axes fraction", ha="center", fontsize=8.5, color=plots.VERMILION)  # fmt: skip
    return fig, f"{top['source']} and {top['target']} share {top['weight']} sentences."


@chart("extraction", "03_facts", "Automatic extraction: F1 by kind of fact")
def _extraction(t: Tables, title: str):
    from ..corpus.evaluate import REAL_KINDS, TARGETS, evaluate_all, score_stories, stories
    from ..corpus.folder import default_corpus
    from ..facts import curated as curated

    docs = [
        d for d in default_corpus() if curated.facts_path(t.article).exists() or d != t.article.path
    ]
    data = evaluate_all(docs)[["doc_id", "table", "f1"]]
    real = stories()
    if real:  # real wire stories with gold facts, scored by their own rules
        scored = score_stories().set_index("kind")["f1"]
        label = f"{len(real)} real wire stories"
        data = pd.concat([pd.DataFrame({"doc_id": label, "table": list(REAL_KINDS.values()),
                                        "f1": [scored[k] for k in REAL_KINDS]}), data],
                         ignore_index=True)  # fmt: skip
    fig, ax = _figure(t, title, size=(9, 4.2))
    plots.scores(data, x="f1", y="table", hue="doc_id", targets=TARGETS, ax=ax)
    ax.set_xlabel(
        "F1 of the extracted facts against hand-checked ones (1 = all found, nothing extra)"
    )
    first = data["doc_id"].iloc[0]
    mine = data.loc[data["doc_id"] == first].set_index("table")["f1"]
    low = mine.idxmin()
    return (
        fig,
        f"On the {first}, F1 runs from {mine.min():.2f} ({low}) to {mine.max():.2f} ({mine.idxmax()}).",
    )


# ---- export ---------------------------------------------------------------------------


def default_out(article=None) -> Path:
    """charts/ for the seed article, charts/<name>/ for any other."""
    tables = article if isinstance(article, Tables) else load_tables(article)
    seed = tables.article.path.resolve() == paths.ARTICLE.resolve()
    return paths.CHARTS if seed else paths.CHARTS / tables.article.name


def _freeze_layout(fig: Figure) -> None:
    """Lay the figure out once, so that each format renders it without laying it out again."""
    with plots.style():
        fig.draw_without_rendering()
    fig.set_layout_engine("none")
    # the layout solver can leave noise in the last digits of a position, and SVG clip ids are
    # hashes of the clip box: round the positions so that the same chart gives the same bytes
    for ax in fig.axes:
        box = ax.get_position()
        ax.set_position([round(v, 6) for v in (box.x0, box.y0, box.width, box.height)])


def render(fig: Figure, fmt: str) -> bytes:
    """The figure's bytes in one format, identical on every run."""
    buf = io.BytesIO()
    with plots.style():
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=METADATA[fmt])
    return buf.getvalue()


def export(
    out: str | Path, article=None, *, formats: Iterable[str] = FORMATS, names: Iterable[str] | None = None,
    notebook: str | None = None,
) -> list[dict]:  # fmt: skip
    """Write charts to `out` as <name>.<format> and list them in `out/manifest.json`.

    All charts are drawn and rendered in memory before the first file is written; each file
    is written atomically, so a failure leaves the previous files intact. `names` or `notebook`
    choose some charts (default: every chart of the three notebooks). Returns the manifest
    entries written: name, notebook, title, caption, files.
    """
    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format {bad[0]!r}; choose from {', '.join(FORMATS)}")
    chosen = [c for c in CHARTS.values() if (names is None or c.name in set(names))
              and (notebook is None or c.notebook == notebook)]  # fmt: skip
    tables = article if isinstance(article, Tables) else load_tables(article)
    out = Path(out)
    files: dict[Path, bytes] = {}
    entries = []
    for c in chosen:
        fig, caption = draw(c.name, tables)
        if fig is not None:  # (a chart with nothing to draw is listed with its caption alone)
            _freeze_layout(fig)
            for fmt in formats:
                files[out / f"{c.name}.{fmt}"] = render(fig, fmt)
        entries.append({"name": c.name, "notebook": c.notebook, "title": c.title, "caption": caption,
                        "files": [f"{c.name}.{fmt}" for fmt in formats] if fig is not None else []})  # fmt: skip
    if notebook in (None, ARTICLE_PAGE["notebook"]) and names is None:
        from .article_page import article_html

        files[out / "article.html"] = article_html(tables).encode("utf-8")
        entries.append(ARTICLE_PAGE | {"files": ["article.html"]})
    out.mkdir(parents=True, exist_ok=True)
    files[out / MANIFEST] = _manifest(out, entries)
    write_all_atomic(files)
    return entries


def _manifest(out: Path, entries: list[dict]) -> bytes:
    """The manifest: the entries just written, merged with the others already in `out`."""
    path = out / MANIFEST
    old = []
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))["charts"]
        except (ValueError, KeyError, TypeError):
            old = []
    order = [*CHARTS, ARTICLE_PAGE["name"]]
    by_name = {e["name"]: e for e in old if isinstance(e, dict) and e.get("name") in order}
    by_name.update({e["name"]: e for e in entries})
    charts = sorted(by_name.values(), key=lambda e: order.index(e["name"]))
    return (json.dumps({"charts": charts}, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
