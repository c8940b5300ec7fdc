"""An interactive term explorer for JupyterLab (ipywidgets), with a static fallback.

Choose a term: its keyword-in-context lines and where it occurs in the text are shown. Where
widgets do not render (an HTML export, a viewer without a kernel), the same output shows the
lines of the first term as a plain HTML table.
"""

from __future__ import annotations

import html
import io

import pandas as pd
from matplotlib.figure import Figure

from ..tables.bundle import Tables
from . import plots, views
from .style import style


def kwic_html(kwic: pd.DataFrame, term: str) -> str:
    """The keyword-in-context lines of `term` as an HTML table, text escaped."""
    rows = kwic.loc[kwic["term"] == term]
    body = "".join(
        f"<tr><td>{r.sentence_id}</td><td style='text-align:right'>{html.escape(r.left)}</td>"
        f"<td style='text-align:center'><b>{html.escape(r.keyword)}</b></td>"
        f"<td style='text-align:left'>{html.escape(r.right)}</td></tr>"
        for r in rows.itertuples()
    )
    head = "<tr><th>sentence</th><th>left</th><th>keyword</th><th>right</th></tr>"
    return (
        f"<p><b>{html.escape(term)}</b>: {len(rows)} occurrence{'s' if len(rows) != 1 else ''}</p>"
        f"<table>{head}{body}</table>"
    )


def term_figure(tables: Tables, term: str) -> Figure:
    """Where one term occurs: a one-row dispersion plot."""
    tokens = tables.tokens
    with style():
        fig = Figure(figsize=(8, 1.3), layout="constrained")
        ax = fig.add_subplot()
        plots.dispersion(tables.dispersion, x="token_index", y="term", order=[term],
                         boundaries=views.sentence_starts(tokens), extent=len(tokens), ax=ax)  # fmt: skip
        ax.set_xlabel("position in the text (token offset)")
    return fig


def term_png(tables: Tables, term: str) -> bytes:
    """`term_figure` as PNG bytes."""
    buf = io.BytesIO()
    with style():
        term_figure(tables, term).savefig(buf, format="png", dpi=100, metadata={"Software": None})
    return buf.getvalue()


class TermExplorer:
    """A term chooser with KWIC lines and a dispersion strip; displays as a widget or as HTML."""

    def __init__(self, tables: Tables, *, n_terms: int = 40):
        import ipywidgets as widgets

        from . import views

        self.tables = tables
        self.terms = list(views.top_terms(tables["terms"], n=n_terms)["term"])
        self.dropdown = widgets.Dropdown(options=self.terms, description="term")
        self.output = widgets.Output()
        self.dropdown.observe(lambda change: self.show(change["new"]), names="value")
        self.widget = widgets.VBox([self.dropdown, self.output])
        if self.terms:
            self.show(self.terms[0])

    def show(self, term: str) -> None:
        from IPython.display import HTML, Image, display

        self.output.clear_output(wait=True)
        with self.output:
            display(HTML(kwic_html(self.tables["kwic"], term)))
            # a PNG, not the Figure: a Figure shown before the inline backend has registered
            # its formatter appears as the text "<Figure size 800x130 with 1 Axes>"
            display(Image(data=term_png(self.tables, term), format="png"))

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        if self.terms:
            bundle["text/html"] = kwic_html(self.tables["kwic"], self.terms[0])
        return bundle
