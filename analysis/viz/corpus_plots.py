"""Plot functions for the corpus notebook, on seaborn's axes-level contract:
`f(data, *, x=..., y=..., hue=..., ax=None, **kwargs) -> Axes`.

Each draws a tidy table of `analysis.corpus.stats` on the Axes given (or the current one),
passes `**kwargs` to the matplotlib call that draws the marks, and returns the Axes; none
changes global state (the project's style is applied in a context while drawing).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from .style import (
    BLACK,
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    PINK,
    SKY,
    STATUS_STYLE,
    TYPE_COLOURS,
    VERMILION,
    axes_or_current,
    style,
)

PALETTE = (BLUE, ORANGE, GREEN, PINK, SKY, VERMILION, BLACK)


def _nothing(ax: Axes) -> Axes:
    """An empty table draws no empty frame: the Axes says there is nothing to draw."""
    ax.axis("off")
    ax.text(
        0.5,
        0.5,
        "nothing to draw",
        ha="center",
        va="center",
        color="#777777",
        transform=ax.transAxes,
    )
    return ax


def lines(data: pd.DataFrame, *, x: str = "month", y: str = "per_1k", hue: str = "term",
          xlabel: str | None = None, ylabel: str | None = None, ax: Axes | None = None,
          **kwargs) -> Axes:  # fmt: skip
    """A line of y against x for each value of hue (terms over time, say); the legend to the
    right of the axes, clear of the lines."""
    with style():
        ax = axes_or_current(ax)
        if data.empty:
            return _nothing(ax)
        for colour, (name, part) in zip(PALETTE * 3, data.groupby(hue, sort=False)):
            ax.plot(part[x], part[y], marker="o", ms=3, color=colour, label=str(name), **kwargs)
        ax.set_xlabel(xlabel or _words(x))
        ax.set_ylabel(ylabel or _words(y))
        ax.set_ylim(bottom=0)
        ax.legend(title=_words(hue), loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return ax


def _month(value) -> str:
    """A month as words ("March 2024"); anything else as it is."""
    return value.strftime("%B %Y") if isinstance(value, pd.Timestamp) else str(value)


def _words(column: str) -> str:
    """A column's name as words for an axis ("n_articles" -> "n articles")."""
    return column.replace("_", " ")


TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "GPE": "country or city",
              "LOC": "place", "EVENT": "event", "DOCUMENT": "document", "OTHER": "other"}  # fmt: skip


def hbar(data: pd.DataFrame, *, x: str = "n_articles", y: str = "entity", hue: str | None = "type",
         xlabel: str | None = None, ax: Axes | None = None, **kwargs) -> Axes:  # fmt: skip
    """Horizontal bars of x for each y, the first row on top, coloured by hue (an entity
    type); the legend to the right of the axes, in words."""
    with style():
        ax = axes_or_current(ax)
        if data.empty:
            return _nothing(ax)
        colours = TYPE_COLOURS if hue else {}
        colour = [colours.get(str(v), GREY) for v in data[hue]] if hue else BLUE
        bars = ax.barh(data[y].astype(str), data[x], color=colour, **kwargs)
        ax.bar_label(bars, padding=3, fontsize=8)
        if pd.api.types.is_integer_dtype(data[x]):  # counts: whole numbers on the axis
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.invert_yaxis()
        ax.margins(x=0.08)
        ax.set_xlabel(xlabel or _words(x))
        if hue:
            seen = list(dict.fromkeys(data[hue].astype(str)))
            handles = [plt.Rectangle((0, 0), 1, 1, color=colours.get(t, GREY)) for t in seen]
            ax.legend(handles, [TYPE_NAMES.get(t, t) for t in seen], title="named as",
                      loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)  # fmt: skip
    return ax


def matrix(data: pd.DataFrame, *, x: str = "entity_b", y: str = "entity_a", hue: str = "n_articles",
           label: str | None = None, fmt: str = "{:g}", ax: Axes | None = None,
           **kwargs) -> Axes:  # fmt: skip
    """A grid of cells, one per (y, x) pair in the order they come, shaded and labelled by hue
    (in `fmt`); `label` names the shading in words."""
    with style():
        ax = axes_or_current(ax)
        if data.empty:
            return _nothing(ax)
        grid = data.pivot(index=y, columns=x, values=hue)
        grid = grid.loc[list(dict.fromkeys(data[y])), list(dict.fromkeys(data[x]))]
        square = list(grid.index) == list(grid.columns)
        kwargs.setdefault("aspect", "equal" if square else "auto")
        image = ax.imshow(grid.to_numpy(dtype=float), cmap=kwargs.pop("cmap", "Blues"), **kwargs)
        for (i, j), v in np.ndenumerate(grid.to_numpy()):
            if v:
                ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                        color="white" if v > 0.6 * grid.to_numpy().max() else "black")  # fmt: skip
        ax.set_xticks(range(len(grid.columns)), grid.columns, rotation=60, ha="right", fontsize=8)
        ax.set_yticks(range(len(grid.index)), grid.index, fontsize=8)
        ax.grid(False)
        ax.figure.colorbar(image, ax=ax, label=label or _words(hue), shrink=0.7)
    return ax


def event_spans(data: pd.DataFrame, *, x: str = "start", x_end: str = "end", y: str = "article",
                hue: str = "status", ax: Axes | None = None, **kwargs) -> Axes:  # fmt: skip
    """One row per article (y), each event a marker at x and a line to x_end, coloured by hue;
    the article's publication day (column `published`, when present) as a black tick."""
    with style():
        ax = axes_or_current(ax)
        if data.empty:
            return _nothing(ax)
        rows = {a: i for i, a in enumerate(dict.fromkeys(data[y]))}
        pos = data[y].map(rows)
        for status, part in data.groupby(hue, sort=False, observed=True):
            colour, marker, filled, _ = STATUS_STYLE.get(str(status), (GREY, "o", True, "-"))
            idx = pos.loc[part.index]
            ax.hlines(idx, part[x], part[x_end], color=colour, lw=2, alpha=0.6)
            ax.scatter(part[x], idx, marker=marker, color=colour if filled else "none",
                       edgecolors=colour, label=str(status), zorder=3, **kwargs)  # fmt: skip
        if "published" in data:
            first = data.drop_duplicates(y).dropna(subset=["published"])
            ax.scatter(first["published"], first[y].map(rows), marker="|", s=80, color=BLACK,
                       label="published", zorder=4)  # fmt: skip
        ax.set_yticks(list(rows.values()), list(rows), fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("date the event is set for")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, title="status")
    return ax


def ranked_terms(data: pd.DataFrame, *, x: str = "log_ratio", y: str = "term", hue: str = "agency",
                 ax: Axes | None = None, **kwargs) -> Axes:  # fmt: skip
    """Bars of x for the terms of each group (hue), the groups one under another and labelled."""
    with style():
        ax = axes_or_current(ax)
        if data.empty:
            return _nothing(ax)
        labels, colours = [], []
        for colour, (group, part) in zip(PALETTE * 5, data.groupby(hue, sort=True)):
            labels += [f"{group} · {t}" for t in part[y]]
            colours += [colour] * len(part)
        values = data.sort_values(hue, kind="stable")[x].to_numpy()
        bars = ax.barh(range(len(values)), values, color=colours, **kwargs)
        ax.bar_label(bars, fmt="%.1f", padding=3, fontsize=7)
        ax.set_yticks(range(len(labels)), labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel(f"{x} (log2: times more frequent than in the rest)")
    return ax


def shares(data: pd.DataFrame, *, x: str = "month", y: str = "share", hue: str = "topic",
           xlabel: str | None = None, ylabel: str | None = None, ax: Axes | None = None,
           **kwargs) -> Axes:  # fmt: skip
    """The shares y of each hue stacked over x (topics by month, say): one bar for each x that
    has any, named ("March 2024"), in order; the hue's values in the order they come, the first
    at the bottom; the legend to the right of the axes, the first on top. Bars, not areas: an
    area would join two months with no article between them as if it knew the months between."""
    with style():
        ax = axes_or_current(ax)
        if data.empty:
            return _nothing(ax)
        grid = data.pivot_table(index=x, columns=hue, values=y, aggfunc="sum", sort=True)
        grid = grid[list(dict.fromkeys(data[hue]))].fillna(0)
        colours = (PALETTE + (GREY,) * len(grid.columns))[: len(grid.columns)]
        where = np.arange(len(grid))  # one bar per x that has articles, in order
        bottom = np.zeros(len(grid))
        layers = []
        for colour, column in zip(colours, grid.columns):
            values = grid[column].to_numpy(dtype=float)
            layers.append(ax.bar(where, values, width=0.8, bottom=bottom, color=colour,
                                 alpha=0.85, label=str(column), **kwargs))  # fmt: skip
            bottom = bottom + values
        names = [_month(v) for v in grid.index]
        step = max(1, -(-len(names) // 24))  # at most 24 labels
        ax.set_xticks(where[::step], names[::step], rotation=60 if len(names) > 6 else 0,
                      ha="right" if len(names) > 6 else "center", fontsize=8)  # fmt: skip
        ax.set_xlabel(xlabel or _words(x))
        ax.set_ylabel(ylabel or _words(y))
        ax.set_ylim(0, max(1.0, float(bottom.max())))
        ax.legend(layers[::-1], [str(c) for c in grid.columns][::-1], title=_words(hue),
                  loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)  # fmt: skip
    return ax
