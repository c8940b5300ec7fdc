"""One function per chart, on seaborn's axes-level contract.

Each takes a tidy DataFrame first and options by keyword, draws on the Axes it is given (or the
current one), and returns that Axes. None calls `plt.show()` or changes global rcParams: the
project's style (`analysis/data/analysis.mplstyle`) is applied in a context while drawing.
Every label and number on a chart comes from the data.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import paths

# Okabe & Ito's colour-blind-safe palette
BLUE, ORANGE, GREEN, PINK, SKY, VERMILION, YELLOW, BLACK = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)  # fmt: skip
GREY = "#999999"

STATUS_STYLE = {
    # status: (colour, marker, filled, line style of its guide)
    "done": (BLUE, "o", True, "-"),
    "ongoing": (GREEN, "D", True, "-"),
    "planned": (ORANGE, "o", False, "--"),
    "possible": (PINK, "^", False, ":"),
}
TYPE_COLOURS = {"PERSON": VERMILION, "ORG": BLUE, "GPE": GREEN, "EVENT": ORANGE, "DOCUMENT": PINK}


@contextmanager
def style():
    """The project's matplotlib style, for the duration of a block."""
    with plt.style.context(paths.STYLE):
        yield


def _ax(ax: Axes | None) -> Axes:
    return ax if ax is not None else plt.gca()


def _bar_labels(ax: Axes, bars, fmt: str = "{:g}", **kwargs) -> None:
    ax.bar_label(
        bars, labels=[fmt.format(b.get_width()) for b in bars], padding=3, fontsize=8, **kwargs
    )


def sentence_lengths(
    data: pd.DataFrame,
    *,
    x: str = "sentence_id",
    y: str = "n_words",
    highlight=(),
    ax: Axes | None = None,
) -> Axes:
    """Bars of sentence length in words, in text order; `highlight` sentence ids in orange."""
    with style():
        ax = _ax(ax)
        colours = [ORANGE if s in set(highlight) else BLUE for s in data[x]]
        ax.bar(data[x].astype(int), data[y].astype(int), color=colours, width=0.7)
        mean = float(data[y].mean())
        ax.axhline(mean, color=BLACK, lw=0.8, ls="--", label=f"mean: {mean:.1f} words")
        ax.legend(loc="upper center")
        ax.set_xticks(data[x].astype(int))
        ax.set_xlabel("sentence (order in the text)")
        ax.set_ylabel("length (words)")
        ax.margins(x=0.01)
    return ax


def fact_strip(data: pd.DataFrame, *, n_sentences: int, ax: Axes | None = None) -> Axes:
    """Sentence-by-sentence strip: a dot where a sentence carries facts of a kind, sized by count."""
    with style():
        ax = _ax(ax)
        kinds = list(data["kind"].cat.categories)
        y = data["kind"].cat.codes.to_numpy()
        counts = data["count"].astype(int).to_numpy()
        ax.scatter(data["sentence_id"].astype(int), y, s=30 + 40 * counts, color=BLUE, alpha=0.85,
                   edgecolor="white", linewidth=0.5, zorder=3)  # fmt: skip
        for sx, sy, c in zip(data["sentence_id"].astype(int), y, counts):
            if c > 1:
                ax.annotate(
                    str(c), (sx, sy), ha="center", va="center", fontsize=7, color="white", zorder=4
                )
        ax.set_yticks(range(len(kinds)), kinds)
        ax.set_ylim(len(kinds) - 0.5, -0.5)
        ax.set_xticks(range(1, n_sentences + 1))
        ax.set_xlim(0.4, n_sentences + 0.6)
        ax.grid(True, axis="both", zorder=0)
        ax.set_xlabel("sentence (order in the text)")
        ax.set_ylabel("kind of fact")
    return ax


def hbar(
    data: pd.DataFrame, *, x: str, y: str, color: str = BLUE, fmt: str = "{:g}", xlabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:  # fmt: skip
    """Horizontal bars, largest on top, each labelled with its value."""
    with style():
        ax = _ax(ax)
        bars = ax.barh(data[y].astype(str), data[x].astype(float), color=color, height=0.7)
        _bar_labels(ax, bars, fmt)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel or x)
        ax.set_ylabel("")
        ax.margins(x=0.12)
    return ax


def keyness(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Diverging bars of log ratio: overused terms right (blue), underused left (orange)."""
    with style():
        ax = _ax(ax)
        values = data["log_ratio"].astype(float)
        colours = np.where(values > 0, BLUE, ORANGE)
        bars = ax.barh(data["term"].astype(str), values, color=colours, height=0.7)
        ax.bar_label(bars, labels=[f"{v:+.1f}" for v in values], padding=3, fontsize=8)
        ax.axvline(0, color=BLACK, lw=0.8)
        ax.invert_yaxis()
        ax.set_xlabel("log ratio (log2 of rate here / rate in general English)")
        ax.margins(x=0.12)
        ax.legend(
            handles=[Patch(color=BLUE, label="more frequent than in general English"),
                     Patch(color=ORANGE, label="less frequent")],
            loc="lower right",
        )  # fmt: skip
    return ax


def dispersion(
    data: pd.DataFrame, *, terms: list[str], boundaries: pd.Series | None = None, n_tokens: int | None = None,
    ax: Axes | None = None,
) -> Axes:  # fmt: skip
    """NLTK-style lexical dispersion: one row per term, a tick where it occurs in the text."""
    with style():
        ax = _ax(ax)
        if boundaries is not None:
            for b in boundaries.astype(int):
                ax.axvline(b - 0.5, color="#e5e5e5", lw=0.8, zorder=0)
        for i, term in enumerate(terms):
            xs = data.loc[data["term"] == term, "token_index"].astype(int)
            ax.plot(xs, [i] * len(xs), "|", color=BLUE, markersize=14, mew=1.6)
        ax.set_yticks(range(len(terms)), terms)
        ax.set_ylim(len(terms) - 0.5, -0.5)
        if n_tokens:
            ax.set_xlim(0, n_tokens)
        ax.set_xlabel("position in the text (token offset); grey lines mark sentence starts")
    return ax


def zipf(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Rank against frequency on log-log axes, with the least-squares slope drawn."""
    with style():
        ax = _ax(ax)
        r, c = data["rank"].astype(float).to_numpy(), data["count"].astype(float).to_numpy()
        ax.loglog(r, c, "o", color=BLUE, markersize=4, alpha=0.7, label="terms")
        slope, intercept = zipf_fit(data)
        ax.loglog(
            r, np.exp(intercept) * r**slope, color=ORANGE, lw=1.5, label=f"fit: slope {slope:.2f}"
        )
        ax.set_xlabel("rank (log scale)")
        ax.set_ylabel("occurrences (log scale)")
        ax.legend(loc="upper right")
    return ax


def zipf_fit(data: pd.DataFrame) -> tuple[float, float]:
    """Slope and intercept of log(count) against log(rank), least squares."""
    r, c = data["rank"].astype(float).to_numpy(), data["count"].astype(float).to_numpy()
    slope, intercept = np.polyfit(np.log(r), np.log(c), 1)
    return float(slope), float(intercept)


def timeline(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Events (rows, in text order) against when they happen (columns, in time order).

    Expects the `views.timeline` table: event_id, label, status, date, start (NaT when
    undated). A column is a date as precise as the text gives it; undated events that are done
    sit in a first column, "earlier", and undated events still to come in a last one, "later".
    Status sets the marker: filled for done and ongoing, open for planned and possible.
    """
    with style():
        ax = _ax(ax)
        dated = data.dropna(subset=["start"]).sort_values(["start", "end"], kind="stable")
        columns = ["earlier\n(undated)", *dict.fromkeys(_date_label(d) for d in dated["date"]),
                   "later\n(undated)"]  # fmt: skip
        for i, row in enumerate(data.itertuples()):
            colour, marker, filled, _ = STATUS_STYLE[row.status]
            if pd.notna(row.start):
                x = columns.index(_date_label(row.date))
            else:
                x = 0 if row.status in ("done", "ongoing") else len(columns) - 1
            ax.plot([-0.5, x], [i, i], color="#eeeeee", lw=0.8, zorder=1)
            ax.plot([x], [i], marker=marker, ms=9, color=colour, mfc=colour if filled else "white",
                    mew=1.8, zorder=3, ls="")  # fmt: skip
        ax.set_yticks(
            range(len(data)), [f"{r.event_id}  {r.label}" for r in data.itertuples()], fontsize=8
        )
        ax.set_ylim(len(data) - 0.5, -0.5)
        ax.set_xticks(range(len(columns)), columns, fontsize=8.5)
        ax.set_xlim(-0.5, len(columns) - 0.5)
        ax.tick_params(axis="x", labeltop=True, labelbottom=False, top=True, bottom=False)
        ax.spines["top"].set_visible(True)
        ax.spines["bottom"].set_visible(False)
        for x in range(len(columns)):
            ax.axvline(x, color="#dddddd", lw=0.8, zorder=0)
        ax.legend(handles=status_legend(data["status"]), loc="upper center", bbox_to_anchor=(0.5, -0.01),
                  ncols=4, fontsize=8.5)  # fmt: skip
    return ax


def _date_label(date: str) -> str:
    """'2015-10-22' -> '22 Oct 2015', '2015-10-22/2015-10-23' -> '22-23 Oct 2015', '2016'."""
    a, _, b = str(date).partition("/")

    def one(s: str) -> list[str]:
        parts = s.split("-")
        months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
        if len(parts) == 3:
            return [str(int(parts[2])), months[int(parts[1]) - 1], parts[0]]
        if len(parts) == 2:
            return [months[int(parts[1]) - 1], parts[0]]
        return [parts[0]]

    first = one(a)
    if not b:
        return " ".join(first)
    second = one(b)
    if len(first) == len(second) == 3 and first[1:] == second[1:]:
        return f"{first[0]}-{second[0]} {first[1]} {first[2]}"
    return f"{' '.join(first)} to {' '.join(second)}"


def status_legend(statuses) -> list[Line2D]:
    present = [s for s in STATUS_STYLE if s in set(statuses)]
    return [
        Line2D([], [], ls="", marker=STATUS_STYLE[s][1], ms=7, color=STATUS_STYLE[s][0],
               mfc=STATUS_STYLE[s][0] if STATUS_STYLE[s][2] else "white", mew=1.5, label=s)
        for s in present
    ]  # fmt: skip


def stacked_hbar(
    data: pd.DataFrame,
    *,
    y: str,
    parts: list[str],
    colours: list[str],
    xlabel: str,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars split into parts (columns of `data`), each part labelled with its value."""
    with style():
        ax = _ax(ax)
        left = np.zeros(len(data))
        labels = data[y].astype(str)
        for part, colour in zip(parts, colours):
            values = data[part].astype(float).to_numpy()
            bars = ax.barh(labels, values, left=left, color=colour, height=0.7, label=part)
            ax.bar_label(bars, labels=[f"{v:g}" if v else "" for v in values], label_type="center",
                         fontsize=8, color="white")  # fmt: skip
            left += values
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.legend(loc="lower right")
    return ax


def parts_of_total(data: pd.DataFrame, *, total: str, ax: Axes | None = None) -> Axes:
    """A total and the parts it is made of, as one bar above another (from `quantities`)."""
    with style():
        ax = _ax(ax)
        whole = data.loc[data["subject"] == total].iloc[0]
        parts = data.loc[data["part_of"] == total].reset_index(drop=True)
        colours = [BLUE, ORANGE, GREEN, PINK, SKY, VERMILION]
        ax.barh([0], [whole["quantity"]], color=GREY, height=0.6)
        ax.annotate(f"{whole['quantity']:g} {whole['unit']}", (whole["quantity"] / 2, 0), ha="center",
                    va="center", color="white", fontweight="bold")  # fmt: skip
        left = 0.0
        for i, part in parts.iterrows():
            ax.barh([1], [part["quantity"]], left=left, color=colours[i % len(colours)], height=0.6,
                    edgecolor="white", linewidth=2)  # fmt: skip
            ax.annotate(f"{part['quantity']:g} {part['category']}", (left + part["quantity"] / 2, 1),
                        ha="center", va="center", color="white", fontweight="bold", fontsize=9)  # fmt: skip
            left += part["quantity"]
        ax.set_yticks([0, 1], [str(whole["subject"]), "made of"])
        ax.set_ylim(1.6, -0.6)
        ax.set_xlim(0, max(whole["quantity"], left))
        ax.set_xlabel(f"number of {whole['unit']}")
        ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def topic_matrix(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Dot matrix of themes (rows) by context (columns); shared themes in orange."""
    with style():
        ax = _ax(ax)
        contexts = list(dict.fromkeys(data["context"]))
        themes = list(
            data.assign(c=data["context"].map(contexts.index))
            .sort_values(["shared", "c", "theme"], ascending=[False, True, True])["theme"]
            .drop_duplicates()
        )
        for row in data.itertuples():
            x, y = contexts.index(row.context), themes.index(row.theme)
            ax.scatter([x], [y], s=160, color=ORANGE if row.shared else BLUE, zorder=3)
            if row.area != row.theme:
                ax.annotate(f'"{row.area}"', (x, y), xytext=(10, 0), textcoords="offset points",
                            va="center", fontsize=8, color="#444444")  # fmt: skip
        ax.set_xticks(range(len(contexts)), contexts)
        ax.set_yticks(range(len(themes)), themes)
        ax.set_xlim(-0.5, len(contexts) - 0.5 + 0.6)
        ax.set_ylim(len(themes) - 0.5, -0.5)
        ax.grid(True, zorder=0)
        ax.tick_params(axis="x", labeltop=True, labelbottom=False, top=True, bottom=False)
        ax.legend(
            handles=[Line2D([], [], ls="", marker="o", ms=9, color=ORANGE, label="named in both"),
                     Line2D([], [], ls="", marker="o", ms=9, color=BLUE, label="named in one")],
            loc="lower right",
        )  # fmt: skip
    return ax


def network(data: pd.DataFrame, *, nodes: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Co-mention network on a circle: edges weighted by sentences shared, nodes by mentions.

    `data` is `views.comentions` (source, target, weight); `nodes` has entity, type, total.
    """
    with style():
        ax = _ax(ax)
        names = list(nodes["entity"])
        angle = {n: math.pi / 2 - 2 * math.pi * i / len(names) for i, n in enumerate(names)}
        pos = {n: (math.cos(a), math.sin(a)) for n, a in angle.items()}
        wmax = float(data["weight"].max()) if len(data) else 1.0
        for row in data.itertuples():
            if row.source in pos and row.target in pos:
                (x0, y0), (x1, y1) = pos[row.source], pos[row.target]
                ax.plot([x0, x1], [y0, y1], color=GREY, lw=0.6 + 4 * row.weight / wmax,
                        alpha=0.35 + 0.5 * row.weight / wmax, zorder=1, solid_capstyle="round")  # fmt: skip
        tmax = float(nodes["total"].max())
        for row in nodes.itertuples():
            x, y = pos[row.entity]
            ax.scatter([x], [y], s=80 + 500 * row.total / tmax, color=TYPE_COLOURS.get(row.type, GREY),
                       edgecolor="white", linewidth=1.2, zorder=3)  # fmt: skip
            a = angle[row.entity]
            ax.annotate(row.entity, (x, y), xytext=(14 * math.cos(a), 14 * math.sin(a)),
                        textcoords="offset points", ha="left" if math.cos(a) > 0.1 else "right"
                        if math.cos(a) < -0.1 else "center", va="center", fontsize=8.5, zorder=4)  # fmt: skip
        ax.set_aspect("equal")
        ax.set_xlim(-1.9, 1.9)
        ax.set_ylim(-1.3, 1.3)
        ax.axis("off")
        types = [t for t in TYPE_COLOURS if t in set(nodes["type"])]
        ax.legend(
            handles=[Line2D([], [], ls="", marker="o", ms=8, color=TYPE_COLOURS[t], label=t) for t in types],
            loc="lower left", title="entity type", title_fontsize=8,
        )  # fmt: skip
    return ax


def rank_dots(
    data: pd.DataFrame,
    *,
    y: str = "phrase",
    x: str = "rank",
    hue: str = "method",
    ax: Axes | None = None,
) -> Axes:
    """Dot plot of ranks: one row per phrase, one marker per method; a line joins the ranks
    of a phrase that several methods found (where they agree). Best ranks to the left."""
    with style():
        ax = _ax(ax)
        methods = list(dict.fromkeys(data[hue].astype(str)))
        markers = ["o", "s", "D", "^"]
        colours = [BLUE, ORANGE, GREEN, PINK]
        order = (
            data.groupby(y, observed=True)[x].agg(["count", "min"])
            .sort_values(["count", "min"], ascending=[False, True], kind="stable")
            .index.tolist()
        )  # fmt: skip
        row = {p: i for i, p in enumerate(order)}
        for phrase, group in data.groupby(y, observed=True, sort=False):
            if len(group) > 1:
                ax.plot(
                    group[x].astype(float), [row[phrase]] * len(group), color=GREY, lw=1.2, zorder=1
                )
        for m, marker, colour in zip(methods, markers, colours):
            part = data.loc[data[hue].astype(str) == m]
            ax.scatter(part[x].astype(float), [row[p] for p in part[y]], marker=marker, s=55, color=colour,
                       label=m, zorder=3, edgecolor="white", linewidth=0.6)  # fmt: skip
        ax.set_yticks(range(len(order)), [str(p) for p in order])
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.set_xlabel("rank within the method (1 = best)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(True, axis="x", zorder=0)
        lo, hi = float(data[x].min()), float(data[x].max())
        ax.set_xlim(lo - 0.6, hi + 0.6)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="method", title_fontsize=8)
    return ax


def facets_hbar(
    data: pd.DataFrame, *, facet: str, x: str, y: str, axes, color: str = BLUE, fmt: str = "{:.1f}"
) -> list:
    """One horizontal bar chart per value of `facet`, on the Axes given (one each)."""
    with style():
        for ax, (key, part) in zip(axes, data.groupby(facet, sort=False, observed=True)):
            hbar(part, x=x, y=y, color=color, fmt=fmt, xlabel=x, ax=ax)
            ax.set_title(str(key), loc="left", fontsize=10)
    return list(axes)


def scores(data: pd.DataFrame, *, x: str = "f1", y: str = "table", hue: str = "doc_id", targets: dict | None = None,
           ax: Axes | None = None) -> Axes:  # fmt: skip
    """Dot plot of scores between 0 and 1: one row per `y`, one marker per `hue`; targets as ticks."""
    with style():
        ax = _ax(ax)
        rows = list(dict.fromkeys(data[y].astype(str)))
        keys = list(dict.fromkeys(data[hue].astype(str)))
        markers, colours = "oDs^v", [BLUE, ORANGE, GREEN, PINK, SKY]
        for k, (key, marker, colour) in enumerate(zip(keys, markers, colours)):
            part = data.loc[data[hue].astype(str) == key]
            offset = (k - (len(keys) - 1) / 2) * 0.12
            ax.scatter(part[x].astype(float), [rows.index(r) + offset for r in part[y].astype(str)], marker=marker,
                       s=60 if k == 0 else 40, color=colour, label=key, zorder=3, edgecolor="white", linewidth=0.6)  # fmt: skip
        for r, target in (targets or {}).items():
            if r in rows:
                i = rows.index(r)
                ax.plot([target, target], [i - 0.35, i + 0.35], color=VERMILION, lw=2, zorder=2)
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(-0.02, 1.05)
        ax.set_xlabel(x)
        ax.grid(True, axis="x", zorder=0)
        handles, labels = ax.get_legend_handles_labels()
        if targets:
            handles.append(Line2D([], [], color=VERMILION, lw=2))
            labels.append("target")
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return ax
