"""Plot functions on seaborn's axes-level contract: `f(data, *, x=..., y=..., hue=..., ax=None,
**kwargs) -> Axes`.

Each takes a tidy DataFrame first and the columns to draw by keyword, draws on the Axes it is
given (or the current one), passes `**kwargs` to the matplotlib call that draws the marks, and
returns the Axes. None computes a statistic (that is `views`), annotates a finding (`notes`),
calls `plt.show()` or changes global rcParams: the project's style
(`analysis/data/analysis.mplstyle`) is applied in a context while drawing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .style import BLACK, BLUE, GREEN, GREY, ORANGE, PINK, SKY, VERMILION, axes_or_current, style

_MANY_BARS = 2000  # bars drawn one by one; more are drawn as one shape
# marks drawn as vectors in SVG and PDF; more are drawn as one image there (as in the PNG):
# 100,000 dots took 20 s to write as vectors, and a reader sees a smear either way
_MANY_MARKS = 5000
_MANY_LINES = 500  # lines across a plot, closer than their width beyond this
_READABLE = 60  # positions on an axis that can each have their tick label, or a number drawn


def _integer_ticks(axis, positions) -> None:
    """A tick at every position when they are few enough to read; else a few, at integers
    (a tick label a sentence, for 40,000 sentences, took minutes to lay out and read as ink)."""
    positions = list(positions)
    if len(positions) <= _READABLE:
        axis.set_ticks(positions)
    else:
        from matplotlib.ticker import MaxNLocator

        axis.set_major_locator(MaxNLocator(nbins=12, integer=True))


def _rows(ax: Axes, labels: pd.Series) -> np.ndarray:
    """Rows 0, 1, 2... for horizontal bars, each with its label as the tick label. (Labels given
    to matplotlib as the bars' positions are categories: each is tried as a date first, which
    took 20 s for a "word" of a million characters, and two equal labels share one row.)"""
    rows = np.arange(len(labels))
    ax.set_yticks(rows, labels.astype(str).tolist())
    return rows


def _words(column: str) -> str:
    """A column name as an axis label: 'sentence_id' -> 'sentence', 'n_words' -> 'n words'."""
    return column.removesuffix("_id").replace("_", " ")


def bars(
    data: pd.DataFrame, *, x: str, y: str, highlight=(), ylabel: str | None = None,
    ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Vertical bars in the order of `x` (sentences, say), with a dashed line at the mean;
    more than 2,000 bars are drawn as one shape, their outline (thinner than a pixel each).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per bar.
    x : str
        The column of the bars' positions, integers in text order (``sentence_id``).
    y : str
        The column of the bars' heights, integers (``n_words``).
    highlight : iterable, default ()
        Values of `x` whose bars are orange (the others blue).
    ylabel : str, optional
        The y axis label; default `y` in words.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.bar``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        xs, ys = data[x].astype(int), data[y].astype(int)
        if len(xs) <= _MANY_BARS:
            marked = set(highlight)
            colours = [ORANGE if v in marked else BLUE for v in xs]
            ax.bar(xs, ys, **{"color": colours, "width": 0.7, **kwargs})
        else:  # thinner than a pixel each: one shape, the bars' outline (missing x are 0)
            full = ys.set_axis(xs).reindex(range(int(xs.min()), int(xs.max()) + 1), fill_value=0)
            ax.fill_between(full.index, full.to_numpy(), step="mid", lw=0,
                            **{"color": BLUE, **kwargs})  # fmt: skip
        mean = float(ys.mean()) if len(ys) else 0.0
        ax.axhline(mean, color=BLACK, lw=0.8, ls="--", label=f"mean: {mean:.1f}")
        ax.legend(loc="upper center")
        _integer_ticks(ax.xaxis, xs)
        ax.set_xlabel(f"{_words(x)} (order in the text)")
        ax.set_ylabel(ylabel or _words(y))
        ax.margins(x=0.01)
        ax.set_ylim(0, float(ys.max()) * 1.15 if len(ys) else 1)
    return ax


def dot_strip(
    data: pd.DataFrame, *, x: str, y: str, size: str, extent: int | None = None,
    ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """A dot where a row of `y` meets a position `x`, sized and numbered by `size`.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per dot.
    x : str
        The column of positions, integers from 1 (``sentence_id``).
    y : str
        A categorical column: its categories are the rows, in their order.
    size : str
        The column of counts: the dot's size, and the number written on it when above 1.
    extent : int, optional
        The last position on the x axis; default the largest `x`.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.scatter``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    AttributeError
        `y` is not categorical.
    """
    with style():
        ax = axes_or_current(ax)
        kinds = list(data[y].cat.categories)
        rows = data[y].cat.codes.to_numpy()
        xs, counts = data[x].astype(int).to_numpy(), data[size].astype(int).to_numpy()
        if len(xs) <= _MANY_MARKS:
            ax.scatter(xs, rows, **{"s": 30 + 40 * counts, "color": BLUE, "alpha": 0.85,
                                    "edgecolor": "white", "linewidth": 0.5, "zorder": 3, **kwargs})  # fmt: skip
        else:  # the same dots, one set of markers a size (a collection of dots each its own
            # size took 15 s to render), as one image in SVG and PDF
            for c in np.unique(counts):
                at = counts == c
                ax.plot(xs[at], rows[at], "o", **{"ms": float(np.sqrt(30 + 40 * c)), "color": BLUE,
                        "alpha": 0.85, "mec": "white", "mew": 0.5, "ls": "", "zorder": 3,
                        "rasterized": True, **kwargs})  # fmt: skip
        extent = extent or (int(xs.max()) if len(xs) else 1)
        for sx, sy, c in zip(xs, rows, counts) if extent <= _READABLE else ():
            if c > 1:
                ax.annotate(str(c), (sx, sy), ha="center", va="center", fontsize=7, color="white", zorder=4)  # fmt: skip
        ax.set_yticks(range(len(kinds)), kinds)
        ax.set_ylim(len(kinds) - 0.5, -0.5)
        _integer_ticks(ax.xaxis, range(1, extent + 1))
        ax.set_xlim(0.4, extent + 0.6)
        ax.grid(True, axis="both", zorder=0)
        ax.set_xlabel(f"{_words(x)} (order in the text)")
        ax.set_ylabel(_words(y))
    return ax


def hbar(
    data: pd.DataFrame, *, x: str, y: str, fmt: str = "{:g}", xlabel: str | None = None,
    ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Horizontal bars, the first row on top, each labelled with its value.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per bar, in the order to draw them (top first).
    x : str
        The column of the bars' lengths (numbers).
    y : str
        The column of the bars' labels.
    fmt : str, default "{:g}"
        The format of the value written at the end of each bar.
    xlabel : str, optional
        The x axis label; default `x`.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.barh``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        bars = ax.barh(
            _rows(ax, data[y]), data[x].astype(float), **{"color": BLUE, "height": 0.7, **kwargs}
        )
        ax.bar_label(bars, labels=[fmt.format(b.get_width()) for b in bars], padding=3, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel or x)
        ax.set_ylabel("")
        ax.margins(x=0.12)
    return ax


def diverging_hbar(
    data: pd.DataFrame, *, x: str, y: str, labels: tuple[str, str] = ("above zero", "below zero"),
    xlabel: str | None = None, ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Horizontal bars either side of zero: positive values blue, negative orange.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per bar, in the order to draw them (top first).
    x : str
        The column of signed values (``log_ratio``).
    y : str
        The column of the bars' labels.
    labels : tuple of str, default ("above zero", "below zero")
        The legend's names of the two sides.
    xlabel : str, optional
        The x axis label; default `x`.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.barh``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        values = data[x].astype(float)
        colours = np.where(values > 0, BLUE, ORANGE)
        bars = ax.barh(_rows(ax, data[y]), values, **{"color": colours, "height": 0.7, **kwargs})
        ax.bar_label(bars, labels=[f"{v:+.1f}" for v in values], padding=3, fontsize=8)
        ax.axvline(0, color=BLACK, lw=0.8)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel or x)
        ax.margins(x=0.12)
        ax.legend(handles=[Patch(color=BLUE, label=labels[0]), Patch(color=ORANGE, label=labels[1])],
                  loc="lower right")  # fmt: skip
    return ax


def dispersion(
    data: pd.DataFrame, *, x: str = "token_index", y: str = "term", order: list[str] | None = None,
    boundaries=None, extent: int | None = None, ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Lexical dispersion: one row per `y` value, a tick at each position `x` where it occurs.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per occurrence (the ``dispersion`` table).
    x : str, default "token_index"
        The column of positions in the text.
    y : str, default "term"
        The column of the rows' names.
    order : list of str, optional
        The rows, top first; default the values of `y` in order of appearance.
    boundaries : iterable of int, optional
        Positions drawn as thin grey lines (sentence starts), when there are at most 500 of
        them (closer, they would be a grey wall).
    extent : int, optional
        The last position on the x axis.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.plot``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        order = list(order if order is not None else dict.fromkeys(data[y]))
        starts = [int(b) - 0.5 for b in ([] if boundaries is None else list(boundaries))]
        if len(starts) > _MANY_LINES:  # closer than the lines are wide: a grey wall, not marks
            starts = []
        if starts:  # (one collection of lines)
            ax.vlines(starts, 0, 1, transform=ax.get_xaxis_transform(), color="#e5e5e5", lw=0.8,
                      zorder=0)  # fmt: skip
        many = len(data) > _MANY_MARKS
        for i, term in enumerate(order):
            xs = data.loc[data[y] == term, x].astype(int)
            ax.plot(xs, [i] * len(xs), "|",
                    **{"color": BLUE, "markersize": 14, "mew": 1.6, "rasterized": many, **kwargs})  # fmt: skip
        ax.set_yticks(range(len(order)), order)
        ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
        if extent:
            ax.set_xlim(0, extent)
        ax.set_xlabel("position in the text (token offset)"
                      + ("; grey lines mark sentence starts" if starts else ""))  # fmt: skip
    return ax


def rank_frequency(
    data: pd.DataFrame, *, x: str = "rank", y: str = "count", fit: tuple[float, float] | None = None,
    ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """`y` against `x` on log-log axes (Zipf's plot), with a fitted line when given.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per term (the ``terms`` table).
    x : str, default "rank"
        The column of ranks.
    y : str, default "count"
        The column of counts.
    fit : tuple of float, optional
        (slope, intercept) of log y on log x, drawn as an orange line.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.loglog`` of the points).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        r, c = data[x].astype(float).to_numpy(), data[y].astype(float).to_numpy()
        ax.loglog(
            r, c, "o", **{"color": BLUE, "markersize": 4, "alpha": 0.7, "label": "terms", **kwargs}
        )
        if fit is not None:
            slope, intercept = fit
            ax.loglog(
                r,
                np.exp(intercept) * r**slope,
                color=ORANGE,
                lw=1.5,
                label=f"fit: slope {slope:.2f}",
            )
        ax.set_xlabel(f"{x} (log scale)")
        ax.set_ylabel(f"{y} (log scale)")
        ax.legend(loc="upper right")
    return ax


def stacked_hbar(
    data: pd.DataFrame, *, x: list[str], y: str, colors: list[str] = (BLUE, SKY),
    xlabel: str | None = None, ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Horizontal bars of `y`, each split into parts, each part labelled with its value.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per bar.
    x : list of str
        The columns of the parts, left to right.
    y : str
        The column of the bars' labels.
    colors : list of str, default (BLUE, SKY)
        One colour per part.
    xlabel : str, optional
        The x axis label; default the parts' names joined by " + ".
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.barh``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        left = np.zeros(len(data))
        labels = _rows(ax, data[y])
        for part, colour in zip(x, colors):
            values = data[part].astype(float).to_numpy()
            bars = ax.barh(
                labels,
                values,
                **{"left": left, "color": colour, "height": 0.7, "label": part, **kwargs},
            )
            ax.bar_label(bars, labels=[f"{v:g}" if v else "" for v in values], label_type="center",
                         fontsize=8, color="white")  # fmt: skip
            left += values
        ax.invert_yaxis()
        ax.set_xlabel(xlabel or " + ".join(x))
        ax.legend(loc="lower right")
    return ax


def rank_dots(
    data: pd.DataFrame, *, x: str = "rank", y: str = "phrase", hue: str = "method",
    ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """One row per `y`, one marker per `hue` at its rank `x`; a line joins the ranks of a row
    that several `hue` values rank (where they agree).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per (y, hue) ranked (the ``keyphrases`` table).
    x : str, default "rank"
        The column of ranks (1 = best, drawn to the left).
    y : str, default "phrase"
        The column of the rows' names; rows ranked by more `hue` values come first.
    hue : str, default "method"
        The column naming who ranked (a marker and colour each).
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.scatter``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        order = (data.groupby(y, observed=True)[x].agg(["count", "min"])
                 .sort_values(["count", "min"], ascending=[False, True], kind="stable").index.tolist())  # fmt: skip
        row = {p: i for i, p in enumerate(order)}
        for phrase, group in data.groupby(y, observed=True, sort=False):
            if len(group) > 1:
                ax.plot(
                    group[x].astype(float), [row[phrase]] * len(group), color=GREY, lw=1.2, zorder=1
                )
        for m, marker, colour in zip(
            dict.fromkeys(data[hue].astype(str)), "osD^", [BLUE, ORANGE, GREEN, PINK]
        ):
            part = data.loc[data[hue].astype(str) == m]
            ax.scatter(part[x].astype(float), [row[p] for p in part[y]], **{"marker": marker, "s": 55, "color": colour,
                       "label": m, "zorder": 3, "edgecolor": "white", "linewidth": 0.6, **kwargs})  # fmt: skip
        ax.set_yticks(range(len(order)), [str(p) for p in order])
        ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
        ax.set_xlabel(f"{x} within the {hue} (1 = best)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(True, axis="x", zorder=0)
        if len(data):
            ax.set_xlim(float(data[x].min()) - 0.6, float(data[x].max()) + 0.6)
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title=hue, title_fontsize=8)
    return ax


def facet_hbar(
    data: pd.DataFrame, *, x: str, y: str, col: str, axes, highlight: str | None = None,
    fmt: str = "{:.1f}", xlabel: str | None = None, **kwargs,
) -> list[Axes]:  # fmt: skip
    """One `hbar` per value of `col`, on the Axes given (one each, spare ones switched off).

    Parameters
    ----------
    data : pandas.DataFrame
        One row per bar, with the facet in `col`.
    x, y : str
        As for `hbar`.
    col : str
        The column whose values make the facets, in order of appearance.
    axes : array or list of matplotlib.axes.Axes
        The Axes to draw on, one per facet.
    highlight : str, optional
        The facet whose title is red and says "(this article)".
    fmt : str, default "{:.1f}"
        The format of each bar's value.
    xlabel : str, optional
        The x axis label of every facet.
    **kwargs
        Passed on to `hbar`.

    Returns
    -------
    list of matplotlib.axes.Axes
        The Axes drawn on, one per facet.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    axes = list(getattr(axes, "flat", axes))
    with style():
        groups = list(data.groupby(col, sort=False, observed=True))
        for ax, (key, part) in zip(axes, groups):
            hbar(part, x=x, y=y, fmt=fmt, xlabel=xlabel, ax=ax, **kwargs)
            mine = highlight is not None and str(key) == str(highlight)
            ax.set_title(f"{key} (this article)" if mine else str(key), loc="left", fontsize=10,
                         **({"color": VERMILION} if mine else {}))  # fmt: skip  # fmt: skip
        for ax in axes[len(groups) :]:
            ax.axis("off")
    return axes[: len(groups)]


def scores(
    data: pd.DataFrame, *, x: str = "f1", y: str = "table", hue: str = "doc_id",
    targets: dict | None = None, xlabel: str | None = None, ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Scores between 0 and 1: one row per `y`, one marker per `hue` value, targets as red ticks.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per score (``corpus.evaluate.extraction_scores``).
    x : str, default "f1"
        The column of scores.
    y : str, default "table"
        The column of the rows' names.
    hue : str, default "doc_id"
        The column naming whose score it is (a marker and colour each; the first one larger).
    targets : dict, optional
        {y value: target score}, drawn as red ticks.
    xlabel : str, optional
        The x axis label; default `x`.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.scatter``).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`.
    """
    with style():
        ax = axes_or_current(ax)
        rows = list(dict.fromkeys(data[y].astype(str)))
        keys = list(dict.fromkeys(data[hue].astype(str)))
        for k, (key, marker, colour) in enumerate(
            zip(keys, "oDs^v", [BLUE, ORANGE, GREEN, PINK, SKY])
        ):
            part = data.loc[data[hue].astype(str) == key]
            offset = (k - (len(keys) - 1) / 2) * 0.12
            ax.scatter(part[x].astype(float), [rows.index(r) + offset for r in part[y].astype(str)],
                       **{"marker": marker, "s": 60 if k == 0 else 40, "color": colour, "label": key, "zorder": 3,
                          "edgecolor": "white", "linewidth": 0.6, **kwargs})  # fmt: skip
        for r, target in (targets or {}).items():
            if r in rows:
                ax.plot(
                    [target, target],
                    [rows.index(r) - 0.35, rows.index(r) + 0.35],
                    color=VERMILION,
                    lw=2,
                    zorder=2,
                )
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(-0.02, 1.05)
        ax.set_xlabel(xlabel or x)
        ax.grid(True, axis="x", zorder=0)
        handles, labels = ax.get_legend_handles_labels()
        if targets:
            handles.append(Line2D([], [], color=VERMILION, lw=2))
            labels.append("target")
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return ax
