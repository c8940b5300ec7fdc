"""The charts' look: the palette, the styles of statuses and entity types, and the project's
matplotlib style (`analysis/data/analysis.mplstyle`), applied in a context, never globally."""

from __future__ import annotations

from contextlib import contextmanager

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

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
TYPE_COLOURS = {
    "PERSON": VERMILION,
    "ORG": BLUE,
    "GPE": GREEN,
    "LOC": SKY,
    "EVENT": ORANGE,
    "DOCUMENT": PINK,
}


@contextmanager
def style():
    """The project's matplotlib style, for the duration of a block."""
    with plt.style.context(paths.STYLE):
        yield


def axes_or_current(ax: Axes | None) -> Axes:
    """The Axes to draw on: the one given, or pyplot's current one (as seaborn does)."""
    return ax if ax is not None else plt.gca()
