"""Plot functions for the shapes of the fact tables: events on a timeline, totals and their
parts, a dot matrix, a network. The same contract as `plots`: `f(data, *, x=..., y=...,
hue=..., ax=None, **kwargs) -> Axes`.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from .style import (
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


def timeline(
    data: pd.DataFrame, *, x: str = "date", y: str = "label", hue: str = "status",
    max_rows: int = 40, ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Rows of `y` (events, in the order given) against when they happen (columns, in time order).

    Undated rows whose `hue` is done or ongoing sit in a first column, "earlier"; undated rows
    still to come in a last one, "later". `hue` (a status) sets the marker: filled for done and
    ongoing, open for planned and possible; the legend lists the statuses present. A date whose
    year was inferred (`year_inferred`, when `data` has it) is marked "*".

    Parameters
    ----------
    data : pandas.DataFrame
        The `views.timeline` table: one row per event, with ``start`` and ``end`` (NaT when
        undated).
    x : str, default "date"
        The column of dates, as precise as the text gives them (ISO, or a range 'a/b').
    y : str, default "label"
        The column of the rows' labels.
    hue : str, default "status"
        The column of statuses: done, ongoing, planned, possible.
    max_rows : int, default 40
        The rows drawn, the first ones; the y label says how many there are when more.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.plot`` of the markers).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on.

    Raises
    ------
    KeyError
        A column named is not in `data`, or a status is not one of the four.
    """
    with style():
        ax = axes_or_current(ax)
        n = len(data)
        data = data.head(max_rows)
        dated = data.dropna(subset=["start"]).sort_values(["start", "end"], kind="stable")
        guessed = set(dated.loc[dated["year_inferred"], x]) if "year_inferred" in dated else set()

        def _date_label(date: str) -> str:
            return _two_lines(_label(date)) + ("*" if date in guessed else "")

        columns = [
            "earlier\n(undated)",
            *dict.fromkeys(_date_label(d) for d in dated[x]),
            "later\n(undated)",
        ]
        where = {c: i for i, c in enumerate(columns)}
        for i, row in enumerate(data.itertuples(index=False)):
            row = row._asdict()
            colour, marker, filled, _ = STATUS_STYLE[row[hue]]
            if pd.notna(row["start"]):
                col = where[_date_label(row[x])]
            else:
                col = 0 if row[hue] in ("done", "ongoing") else len(columns) - 1
            ax.plot([-0.5, col], [i, i], color="#eeeeee", lw=0.8, zorder=1)
            ax.plot([col], [i], **{"marker": marker, "ms": 9, "color": colour,
                                   "mfc": colour if filled else "white", "mew": 1.8, "zorder": 3, "ls": "", **kwargs})  # fmt: skip
        ax.set_yticks(range(len(data)), data[y].astype(str), fontsize=8)
        ax.set_ylim(max(len(data), 1) - 0.5, -0.5)
        ax.set_xticks(range(len(columns)), columns, fontsize=8.5)
        ax.set_xlim(-0.5, len(columns) - 0.5)
        ax.tick_params(axis="x", labeltop=True, labelbottom=False, top=True, bottom=False)
        ax.spines["top"].set_visible(True)
        ax.spines["bottom"].set_visible(False)
        for col in range(len(columns)):
            ax.axvline(col, color="#dddddd", lw=0.8, zorder=0)
        ax.legend(handles=status_legend(data[hue]), loc="upper center", bbox_to_anchor=(0.5, -0.01),
                  ncols=4, fontsize=8.5)  # fmt: skip
        if n > len(data):
            ax.set_ylabel(f"the first {len(data)} of {n:,} events, in the order of the text")
    return ax


def _two_lines(label: str) -> str:
    """A date's label on two lines, as the undated columns' are, so that neighbouring dates do
    not run into each other: '18 Mar\n2026', '1 Jul 2026\nto 2027'; a year alone as it is."""
    if " to " in label:
        return label.replace(" to ", "\nto ", 1)
    head, _, year = label.rpartition(" ")
    return f"{head}\n{year}" if head else label


def _label(date: str) -> str:
    """'2015-10-22' -> '22 Oct 2015', '2015-10-22/2015-10-23' -> '22-23 Oct 2015', '2016'."""
    a, _, b = str(date).partition("/")

    def one(s: str) -> list[str]:
        parts = s.partition("T")[0].split("-")  # (a time of day: its day)
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
    """Legend handles for the statuses present, in the order of STATUS_STYLE."""
    present = [s for s in STATUS_STYLE if s in set(statuses)]
    return [
        Line2D([], [], ls="", marker=STATUS_STYLE[s][1], ms=7, color=STATUS_STYLE[s][0],
               mfc=STATUS_STYLE[s][0] if STATUS_STYLE[s][2] else "white", mew=1.5, label=s)
        for s in present
    ]  # fmt: skip


def parts_of_total(
    data: pd.DataFrame, *, x: str = "quantity", y: str = "part", total: str = "total",
    ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Each total (grey) above the parts it is made of (coloured, side by side).

    Parameters
    ----------
    data : pandas.DataFrame
        The `views.parts_of_totals` table: one row per part, with `total` (the total's label),
        ``total_quantity``, ``unit``, `y` and `x`.
    x : str, default "quantity"
        The column of the parts' quantities.
    y : str, default "part"
        The column of the parts' labels.
    total : str, default "total"
        The column of the totals' labels; the parts of one total are drawn under it.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.barh`` of the parts).

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
        colours = [BLUE, ORANGE, GREEN, PINK, SKY, VERMILION]
        ticks, labels = [], []
        for k, (label, parts) in enumerate(data.groupby(total, sort=False)):
            row = 2.6 * k
            whole = float(parts["total_quantity"].iloc[0])
            ax.barh([row], [whole], color=GREY, height=0.6)
            ax.annotate(f"{whole:g} {parts['unit'].iloc[0]}", (whole / 2, row), ha="center", va="center",
                        color="white", fontweight="bold")  # fmt: skip
            left = 0.0
            for i, part in enumerate(parts.itertuples(index=False)):
                part = part._asdict()
                ax.barh([row + 1], [part[x]], **{"left": left, "color": colours[i % len(colours)], "height": 0.6,
                                                  "edgecolor": "white", "linewidth": 2, **kwargs})  # fmt: skip
                ax.annotate(f"{part[x]:g} {part[y]}", (left + part[x] / 2, row + 1), ha="center", va="center",
                            color="white", fontweight="bold", fontsize=9)  # fmt: skip
                left += part[x]
            ticks += [row, row + 1]
            labels += [str(label), "made of"]
        ax.set_yticks(ticks, labels)
        ax.set_ylim(max(ticks, default=1) + 0.6, -0.6)
        ax.set_xlabel(" / ".join(f"number of {u}" for u in dict.fromkeys(data["unit"])))
        ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def dot_matrix(
    data: pd.DataFrame, *, x: str = "context", y: str = "theme", hue: str = "shared",
    label: str | None = "area", ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """A dot where a row `y` meets a column `x`; orange where `hue` is true, blue otherwise.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per dot (the ``topics`` table).
    x : str, default "context"
        The column of the columns' names, in order of appearance.
    y : str, default "theme"
        The column of the rows' names; rows where `hue` is true first.
    hue : str, default "shared"
        A boolean column (named in more than one column).
    label : str or None, default "area"
        A column written beside each dot when it differs from `y`; None for none.
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
        contexts = list(dict.fromkeys(data[x]))
        rows = list(data.assign(c=data[x].map(contexts.index))
                    .sort_values([hue, "c", y], ascending=[False, True, True])[y].drop_duplicates())  # fmt: skip
        for row in data.to_dict("records"):
            cx, cy = contexts.index(row[x]), rows.index(row[y])
            ax.scatter(
                [cx],
                [cy],
                **{"s": 160, "color": ORANGE if row[hue] else BLUE, "zorder": 3, **kwargs},
            )
            if label and row[label] != row[y]:
                ax.annotate(f'"{row[label]}"', (cx, cy), xytext=(10, 0), textcoords="offset points",
                            va="center", fontsize=8, color="#444444")  # fmt: skip
        ax.set_xticks(range(len(contexts)), contexts)
        ax.set_yticks(range(len(rows)), rows)
        ax.set_xlim(-0.5, len(contexts) - 0.5 + 0.6)
        if rows:
            ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.grid(True, zorder=0)
        ax.tick_params(axis="x", labeltop=True, labelbottom=False, top=True, bottom=False)
        ax.legend(handles=[Line2D([], [], ls="", marker="o", ms=9, color=ORANGE, label=f"named in more than one {x}"),
                           Line2D([], [], ls="", marker="o", ms=9, color=BLUE, label=f"named in one {x}")],
                  loc="upper center", bbox_to_anchor=(0.5, -0.01), ncols=2)  # fmt: skip
    return ax


def network(
    data: pd.DataFrame, *, source: str = "source", target: str = "target", weight: str = "weight",
    nodes: pd.DataFrame, ax: Axes | None = None, **kwargs,
) -> Axes:  # fmt: skip
    """Nodes on a circle joined by edges as thick as their weight.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per edge (``views.comentions``).
    source, target : str, default "source", "target"
        The columns of the edge's two nodes (names in ``nodes["entity"]``).
    weight : str, default "weight"
        The column of the edge's weight: its width and opacity.
    nodes : pandas.DataFrame
        One row per node: ``entity``, ``type`` (its colour) and ``total`` (its size), in the
        order they go round the circle.
    ax : matplotlib.axes.Axes, optional
        The Axes to draw on; the current Axes when None.
    **kwargs
        Passed on to the matplotlib call that draws the marks (``Axes.plot`` of the edges).

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
        names = list(nodes["entity"])
        angle = {n: math.pi / 2 - 2 * math.pi * i / len(names) for i, n in enumerate(names)}
        pos = {n: (math.cos(a), math.sin(a)) for n, a in angle.items()}
        wmax = float(data[weight].max()) if len(data) else 1.0
        for a, b, w in zip(data[source], data[target], data[weight]):
            if a in pos and b in pos:
                (x0, y0), (x1, y1) = pos[a], pos[b]
                ax.plot([x0, x1], [y0, y1], **{"color": GREY, "lw": 0.6 + 4 * w / wmax, "alpha": 0.35 + 0.5 * w / wmax,
                                               "zorder": 1, "solid_capstyle": "round", **kwargs})  # fmt: skip
        tmax = float(nodes["total"].max()) if len(nodes) else 1.0
        for row in nodes.itertuples():
            x, y = pos[row.entity]
            ax.scatter([x], [y], s=80 + 500 * row.total / tmax, color=TYPE_COLOURS.get(row.type, GREY),
                       edgecolor="white", linewidth=1.2, zorder=3)  # fmt: skip
            a = angle[row.entity]
            side = "left" if math.cos(a) > 0.1 else "right" if math.cos(a) < -0.1 else "center"
            ax.annotate(row.entity, (x, y), xytext=(14 * math.cos(a), 14 * math.sin(a)),
                        textcoords="offset points", ha=side, va="center", fontsize=8.5, zorder=4)  # fmt: skip
        ax.set_aspect("equal")
        ax.set_xlim(-1.9, 1.9)
        ax.set_ylim(-1.3, 1.3)
        ax.axis("off")
        types = [t for t in TYPE_COLOURS if t in set(nodes["type"])]
        ax.legend(handles=[Line2D([], [], ls="", marker="o", ms=8, color=TYPE_COLOURS[t], label=t) for t in types],
                  loc="lower left", title="entity type", title_fontsize=8)  # fmt: skip
    return ax
