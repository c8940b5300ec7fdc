"""What a chart says: each function marks the finding on the Axes, from the data drawn, and
returns the chart's one-line caption.

`notes.longest(ax, data, x="sentence_id", y="n_words")` circles nothing by hand: the longest
sentence is found in `data`, labelled where it stands, and named in the caption. A function
given no Axes only writes the caption.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from .style import ORANGE, VERMILION, style


class NothingToDraw(str):
    """A caption saying why a chart has nothing to draw (an article of one word, or of
    punctuation alone): `Album.show` leaves such a chart out and shows the caption alone."""


def longest(ax: Axes, data: pd.DataFrame, *, x: str, y: str) -> str:
    """The longest bar, in orange and labelled; the caption counts the bars and their sum."""
    if data.empty or not data[y].fillna(0).astype(int).sum():
        return NothingToDraw("No sentence has a word in it: there are no lengths to draw.")
    at = int(data[y].to_numpy().argmax())
    top = data.iloc[at]
    if ax.containers:
        ax.containers[0][at].set_color(ORANGE)
    with style():
        ax.annotate(f"longest: {x.split('_')[0]} {top[x]}, {top[y]} words", (top[x], top[y]),
                    xytext=(12, -4), textcoords="offset points", fontsize=8, va="top", color=VERMILION)  # fmt: skip
    return (
        f"{len(data)} sentences, {int(data[y].sum())} words; the longest is sentence {top[x]} "
        f"with {top[y]} words."
    )


def busiest(ax: Axes, data: pd.DataFrame, *, x: str, y: str, size: str) -> str:
    """The position whose dots add up to most, shaded and labelled."""
    if data.empty:
        return "No facts are annotated for this article."
    per = data.groupby(x)[size].sum()
    where, most = int(per.idxmax()), int(per.max())
    with style():
        ax.axvspan(where - 0.45, where + 0.45, color=ORANGE, alpha=0.18, zorder=0)
        ax.annotate(f"{most} facts", (where, len(data[y].cat.categories) - 0.5), xytext=(0, -3),
                    textcoords="offset points", ha="center", va="top", fontsize=8, color=VERMILION)  # fmt: skip
    return f"Sentence {where} carries the most facts ({most})."


def leader(data: pd.DataFrame, *, x: str, y: str, what: str = "occurrences") -> str:
    """The caption of a ranking: its first row."""
    if data.empty:
        return "Nothing to rank in this article."
    return f"'{data[y].iloc[0]}' leads with {data[x].iloc[0]:g} {what}."


def most_key(ax: Axes, data: pd.DataFrame) -> str:
    """The term of highest G2 (the first row of `views.keyness_extremes`), with its rates."""
    if data.empty:
        return NothingToDraw("The article has no words to compare with general English.")
    top = data.iloc[0]
    with style():
        ax.annotate(
            f"highest G2: '{top['term']}' ({top['log_likelihood']:.0f}):\n"
            f"{top['per_1k']:.1f} per 1,000 words here,\n{top['reference_per_1k']:.4f} in general English",
            xy=(0.42, 0.14), xycoords="axes fraction", fontsize=8, va="bottom", color=VERMILION,
        )  # fmt: skip
    return f"'{top['term']}' is the most distinctive term (G2 {top['log_likelihood']:.0f})."


def ngram_counts(axes, data: pd.DataFrame, *, y: str = "ngram", col: str = "n") -> str:
    """How often each n-gram occurs (×N inside its bar); the strongest named in the caption."""
    if data.empty:
        return NothingToDraw("No words occur together more than once: there is no collocation.")
    with style():
        for ax, (n, part) in zip(axes, data.groupby(col, sort=False)):
            for i, c in enumerate(part["count"]):
                ax.annotate(f"×{c}", (0, i), xytext=(3, 0), textcoords="offset points", va="center",
                            fontsize=7.5, color="white")  # fmt: skip
            ax.set_title(f"{n} words", loc="left", fontsize=10)
    top = data.sort_values("log_likelihood", ascending=False, kind="stable").iloc[0]
    times = "once" if top["count"] == 1 else f"{top['count']} times"
    return f"'{top[y]}' is the strongest collocation ({times})."


def widest_spread(data: pd.DataFrame, *, terms: list[str], n_sentences: int) -> str:
    """The caption of a dispersion plot: the term spread over most sentences."""
    spread = data.loc[data["term"].isin(terms)].groupby("term")["sentence_id"].nunique()
    if spread.empty:
        return "No key term to place."
    widest = spread.sort_values(ascending=False, kind="stable").index[0]
    return f"'{widest}' is spread over {spread[widest]} of {n_sentences} sentences."


def hapaxes(
    ax: Axes, data: pd.DataFrame, *, fit: tuple[float, float], x: str = "rank", y: str = "count"
) -> str:
    """How many terms occur once, written at the tail; the fitted slope in the caption."""
    if data[x].nunique() < 2:
        return NothingToDraw("Fewer than two ranks of frequency: there is no slope to fit.")
    once = int((data[y] == 1).sum())
    with style():
        ax.annotate(f"{once} of {len(data)} terms occur once", (float(data[x].iloc[-1]), 1),
                    xytext=(-4, 8), textcoords="offset points", ha="right", fontsize=8)  # fmt: skip
    return f"Frequency falls with rank at a slope of {fit[0]:.2f} on log-log axes."


def agreement(ax: Axes, data: pd.DataFrame, *, y: str = "phrase", hue: str = "method") -> str:
    """How many rows every method ranks, in the title; which, in the caption."""
    both = data.groupby(y, observed=True)[hue].nunique()
    agreed = sorted(both[both > 1].index)
    loc = next((w for w in ("left", "center", "right") if ax.get_title(loc=w)), "left")
    with style():
        ax.set_title(f"{ax.get_title(loc=loc)}: {len(agreed)} in both top 10s", loc=loc)
    return f"Both methods rank among their top 10: {', '.join(repr(p) for p in agreed) or 'none'}."


def stands_out(data: pd.DataFrame, *, article: str) -> str:
    """The caption of `distinctive`: what sets this article apart from the others."""
    n = data["doc_id"].nunique()
    mine = data.loc[data["doc_id"] == article, "term"].tolist()
    return f"Against the {n - 1} other articles, this one stands out for: {', '.join(mine[:3]) or 'nothing'}."


def statuses(ax: Axes, data: pd.DataFrame, *, meta: dict, hue: str = "status") -> str:
    """The events by status, in the caption; a year the extractor inferred, said under the chart."""
    from .style import STATUS_STYLE

    if data.empty:
        ax.text(0.5, 0.5, "no events annotated", ha="center", transform=ax.transAxes)
        return "No events are annotated for this article."
    pub = meta.get("published") or {}
    guessed = data.loc[data["year_inferred"], "start"] if "year_inferred" in data else []
    if len(guessed):  # a year the extractor inferred, marked "*" on the dates it fixes
        base = (data.attrs.get("year_inferred") or (None,))[0]
        year = base or ", ".join(str(y) for y in sorted({d.year for d in guessed}))
        ax.figure.text(0.99, 0.012, f"* The year {year} is inferred: no date in the story "
                       "gives it.", ha="right", fontsize=8, style="italic", color=VERMILION)  # fmt: skip
    elif pub.get("year_inferred"):  # (set by hand in a metadata file, or by the extractor)
        year = pub.get("year") or str(pub.get("date") or "")[:4]
        ax.figure.text(0.99, 0.012, f"The year {year} is inferred: no date in the story gives it.",
                       ha="right", fontsize=8, style="italic", color=VERMILION)  # fmt: skip
    counts = data[hue].value_counts()
    said = ", ".join(f"{int(counts[s])} {s}" for s in STATUS_STYLE if counts.get(s, 0))
    return f"Of {len(data)} events: {said}."


def roles(
    ax: Axes, data: pd.DataFrame, *, y: str = "entity", x: str = "total", label: str = "roles"
) -> str:
    """Each bar's role, written after it; the most mentioned entity in the caption."""
    if data.empty:
        return "No person, organisation or place is named."
    with style():
        for i, (value, text) in enumerate(zip(data[x], data[label])):
            if pd.notna(text):
                ax.annotate(text, (value, i), xytext=(6, 0), textcoords="offset points", va="center",
                            fontsize=7.5, color=VERMILION)  # fmt: skip
        ax.set_xlim(0, float(data[x].max()) * (2.6 if data[label].notna().any() else 1.15))
        ax.legend(loc="center right")
    top = data.iloc[0]
    return f"{top[y]} is mentioned most ({top[x]} times, {top['indirect']} indirectly)."


def parts(data: pd.DataFrame) -> str:
    """The caption of `parts_of_total`: each total as the sum of its parts, or why none is drawn."""
    if data.empty:
        return "No total in this article is broken into parts, so this chart is left out."
    sums = [
        f"{g['total_quantity'].iloc[0]:g} {total}: " + " + ".join(f"{q:g} {p}" for q, p in zip(g["quantity"], g["part"]))
        for total, g in data.groupby("total", sort=False)
    ]  # fmt: skip
    return "; ".join(sums) + "."


def shared(data: pd.DataFrame, *, x: str = "context", y: str = "theme", hue: str = "shared") -> str:
    """The caption of a dot matrix: what the columns share, or why none is drawn."""
    if data.empty:
        return ("An article's topics come from a curated facts file only, and this article has "
                "none: the chart is left out. A corpus of twenty stories or more gets topics "
                "fitted on its words (python -m analysis corpus, 04_corpus).")  # fmt: skip
    contexts = list(dict.fromkeys(data[x]))
    both = ", ".join(sorted(set(data.loc[data[hue].fillna(False).astype(bool), y]))) or "nothing"
    return f"The {contexts[0]} and the {contexts[-1]} share: {both}."


def quote_counts(ax: Axes, data: pd.DataFrame, *, y: str = "speaker", x: str = "total") -> str:
    """The number of quotes after each speaker's bar; the share of the leading speaker."""
    if data.empty:
        return "No quotes are annotated for this article."
    with style():
        for i, (total, n) in enumerate(zip(data[x], data["n_quotes"])):
            ax.annotate(f"{n} quote{'s' if n > 1 else ''}", (total, i), xytext=(6, 0),
                        textcoords="offset points", va="center", fontsize=8)  # fmt: skip
        ax.set_xlim(0, float(data[x].max()) * 1.25)
    top = data.iloc[0]
    return f"{top[y]} speaks {top[x] / data[x].sum():.0%} of the quoted words."


def strongest_tie(ax: Axes, data: pd.DataFrame) -> str:
    """The pair sharing most sentences, written under the network."""
    if data.empty:
        return "No two entities share a sentence."
    top = data.sort_values(["weight", "source"], ascending=[False, True], kind="stable").iloc[0]
    with style():
        ax.annotate(f"strongest tie: {top['source']} – {top['target']}, {top['weight']} sentences",
                    (0.5, 0.0), xycoords="axes fraction", ha="center", fontsize=8.5, color=VERMILION)  # fmt: skip
    return f"{top['source']} and {top['target']} share {top['weight']} sentences."


def score_range(data: pd.DataFrame, *, x: str = "f1", y: str = "table", hue: str = "doc_id") -> str:
    """The caption of a score chart: the first set's lowest and highest score."""
    if data.empty:
        return "Nothing is scored."
    first = data[hue].iloc[0]
    mine = data.loc[data[hue] == first].set_index(y)[x]
    return f"On the {first}, F1 runs from {mine.min():.2f} ({mine.idxmin()}) to {mine.max():.2f} ({mine.idxmax()})."
