"""Figures for the charts: an `Album` holds the charts of one article as they are drawn, shows
each in a notebook with its caption under it, and exports them (PNG, SVG, PDF and a manifest),
byte-identical on every run.

    album = Album(T)
    ax = plots.hbar(data, x="count", y="term", ax=album.axes("top_terms"))
    album.show(ax, "the caption")
    album.export("charts/")

`CHARTS` is the register of the notebooks' charts (name, notebook, title, size), filled by
`analysis.viz.charts`; `album.axes(name)` draws a new figure for the named chart with its title
and the article's source line.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import paths
from ..atomic import write_all_atomic
from . import rendering
from .style import style

FORMATS = rendering.FORMATS
SCREEN_DPI = 110  # a chart as a notebook shows it; its files are 200 dpi
MANIFEST = "manifest.json"
ARTICLE_PAGE = {
    "name": "article",
    "notebook": "01_article",
    "title": "The article with its facts in place",
    "caption": "The text with every mention, date, quantity, quote and event cue highlighted; hover for its row.",
}


@dataclass(frozen=True)
class Chart:
    """One chart of the notebooks: its recipe draws it into an album (see `analysis.viz.charts`)."""

    name: str
    notebook: str
    title: str
    size: tuple[float, float]
    recipe: Callable[..., object]
    needs: tuple[str, ...] = ()  # inputs beyond the article's tables (other articles, scores)
    row_height: float = 1.6  # inches added for each row after the first (facets, or totals)


CHARTS: dict[str, Chart] = {}


def chart(
    name: str,
    notebook: str,
    title: str,
    *,
    size=(8, 4.5),
    needs: tuple[str, ...] = (),
    row_height=1.6,
):
    """Register a recipe `f(T, album, **needs)` as the chart `name`."""

    def register(recipe):
        CHARTS[name] = Chart(name, notebook, title, size, recipe, needs, row_height)
        return recipe

    return register


class ChartView:
    """A drawn chart as a notebook shows it: one PNG image with its caption under it, however
    often the cell is rerun. `figure` is the matplotlib Figure (None for a chart left out)."""

    def __init__(self, name: str, figure: Figure | None, caption: str):
        self.name, self.figure, self.caption = name, figure, caption
        self.png = None if figure is None else rendering.render(figure, "png", dpi=SCREEN_DPI)

    def _repr_png_(self) -> bytes | None:
        return self.png

    def _repr_markdown_(self) -> str:
        return f"*{self.caption}*"

    def _ipython_display_(self) -> None:
        from IPython.display import Image, Markdown, display

        if self.png is not None:
            display(Image(data=self.png, format="png"))
        display(Markdown(self._repr_markdown_()))

    def __repr__(self) -> str:
        return f"<chart {self.name}: {self.caption}>"


class Album:
    """The charts of one article as they are drawn: name -> (Figure, or None for a chart left
    out; its caption), and the Futures of their exported files.

    `charts` is the register the charts' names are looked up in (default `CHARTS`, the article
    notebooks'); `source_line`, the line under every chart (default the article's)."""

    def __init__(self, tables, *, charts: dict[str, Chart] | None = None,
                 source_line: str | None = None):  # fmt: skip
        self.tables = tables
        self.charts = CHARTS if charts is None else charts
        self.source_line = source_line or tables.article.meta["source_line"]
        self.drawn: dict[str, tuple[Figure | None, str]] = {}
        self.files: dict[str, object] = {}  # name -> Future of its files' bytes, by format

    def axes(self, name: str, *, rows: int | None = None, **subplots) -> Axes:
        """A new figure for the chart `name` (its title, size and the article's source line):
        its Axes, or an array of them when `subplots` (nrows=, ncols=) asks for several. The
        figure grows by the chart's row height for each row after the first: `rows` (groups
        drawn on one Axes), or `nrows`."""
        spec = self.charts[name]
        rows = max(rows if rows is not None else subplots.get("nrows", 1), 1)
        with style():
            fig = Figure(
                figsize=(spec.size[0], spec.size[1] + spec.row_height * (rows - 1)),
                layout="constrained",
            )
            axes = fig.subplots(**subplots)
            fig.get_layout_engine().set(rect=(0, 0.045, 1, 0.955))
            fig.text(0.01, 0.012, self.source_line, fontsize=7.5, color="#555555")
            if hasattr(axes, "flat") and axes.size > 1:
                fig.suptitle(spec.title, x=0.01, ha="left", fontweight="bold", fontsize=12)
            else:
                (axes.flat[0] if hasattr(axes, "flat") else axes).set_title(spec.title)
        self.drawn[name] = (fig, "")
        return axes

    def show(self, ax, caption: str, *, keep: bool = True) -> ChartView:
        """The chart drawn on `ax` (an Axes or an array of them) with its caption, for a
        notebook to display; `keep=False` leaves the chart out (nothing to draw) and shows the
        caption alone, as a caption that says there is nothing to draw does
        (`notes.NothingToDraw`)."""
        from .notes import NothingToDraw

        keep = keep and not isinstance(caption, NothingToDraw)
        caption = shorten(caption, CAPTION_CHARS)  # (it quotes words of the article)
        for each in ax.flat if hasattr(ax, "flat") else ax if isinstance(ax, list) else [ax]:
            shorten_labels(each.figure)
        fig = (ax.flat[0] if hasattr(ax, "flat") else ax[0] if isinstance(ax, list) else ax).figure
        name = next(n for n, (f, *_) in self.drawn.items() if f is fig)
        view = ChartView(name, fig if keep else None, caption)
        self.drawn[name] = (view.figure, caption)
        self.files.pop(name, None)
        if view.figure is not None:  # its files are rendered in a second process meanwhile
            self.files[name] = rendering.submit(view.figure)
        return view

    def export(self, out: str | Path, *, formats: Iterable[str] = FORMATS) -> list[dict]:
        """Write the charts drawn to `out` as <name>.<format>, list them in `out/manifest.json`
        (merged with the entries of other notebooks already there), and return the entries.

        Everything is rendered in memory before the first file is written, and each file is
        written atomically: a failure leaves the previous files intact.
        """
        formats = tuple(formats)
        bad = [f for f in formats if f not in FORMATS]
        if bad:
            raise ValueError(f"unknown format {bad[0]!r}; choose from {', '.join(FORMATS)}")
        from ..tables.output import check_out, make_out

        out = check_out(out)
        files: dict[Path, bytes] = {}
        entries = []
        for name in [n for n in self.charts if n in self.drawn]:
            fig, caption = self.drawn[name]
            spec = self.charts[name]
            if fig is not None:  # the worker's files, or (none came) rendered here
                ready = rendering.result(self.files.get(name)) or rendering.export(fig)
                files |= {out / f"{name}.{fmt}": ready[fmt] for fmt in formats}
            entries.append({"name": name, "notebook": spec.notebook, "title": spec.title, "caption": caption,
                            "files": [f"{name}.{fmt}" for fmt in formats] if fig is not None else []})  # fmt: skip
        if any(self.charts[n].notebook == ARTICLE_PAGE["notebook"] for n in self.drawn):
            from .article_page import article_html

            files[out / "article.html"] = article_html(self.tables).encode("utf-8")
            entries.append(ARTICLE_PAGE | {"files": ["article.html"]})
        make_out(out)
        with _locked(out):  # notebooks run side by side share the manifest
            files[out / MANIFEST] = _manifest(out, entries, [*CHARTS, *self.charts])
            write_all_atomic(files)
        return entries


WORD_CHARS = 40  # a word (a run without white space) in any label
TICK_CHARS = 60  # a line of a tick label: a term, a name or a phrase beside a bar
TEXT_CHARS = 160  # a line of a title, an annotation or the source line
CAPTION_CHARS = 600  # a caption, under the chart


def shorten(text: str, limit: int) -> str:
    """`text` with each word cut to `WORD_CHARS` characters and each line to `limit`, an
    ellipsis ending what was cut."""
    text = _LONG_WORD.sub(lambda m: m.group()[: WORD_CHARS - 1] + "…", text)
    return "\n".join(
        line if len(line) <= limit else line[: limit - 1] + "…" for line in text.split("\n")
    )


_LONG_WORD = re.compile(rf"\S{{{WORD_CHARS + 1},}}")


def shorten_labels(fig: Figure) -> None:
    """Cut every label of a figure that could not fit it: a "word" of 20,000 characters in a
    tick label or an annotation took minutes to lay out, and squeezed the axes to nothing.
    Words are cut to `WORD_CHARS`; lines of tick labels to `TICK_CHARS`, of other text to
    `TEXT_CHARS`."""
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            fmt = axis.get_major_formatter()
            if isinstance(fmt, FixedFormatter):
                fmt.seq = [shorten(str(t), TICK_CHARS) for t in fmt.seq]
            elif isinstance(fmt, FuncFormatter | StrCategoryFormatter):  # labels of named ticks
                short = FuncFormatter(lambda x, pos, f=fmt: shorten(str(f(x, pos)), TICK_CHARS))
                axis.set_major_formatter(short)
    for text in fig.findobj(Text):
        s = text.get_text()
        if len(s) > WORD_CHARS:
            short = shorten(s, TEXT_CHARS)
            if short != s:
                text.set_text(short)


def default_out(tables) -> Path:
    """charts/ for the seed article, charts/<name>/ for any other."""
    seed = tables.article.path.resolve() == paths.ARTICLE.resolve()
    return paths.CHARTS if seed else paths.CHARTS / tables.article.name


@contextmanager
def _locked(folder: Path):
    """An exclusive lock on a folder (flock on the folder itself: no lock file is left)."""
    try:
        import fcntl
    except ImportError:  # not on a POSIX system: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (releases the lock)


def _manifest(out: Path, entries: list[dict], names: list[str]) -> bytes:
    """The manifest: the entries just written, merged with the others already in `out`
    (`names`: every chart's name, in order)."""
    path = out / MANIFEST
    old = []
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))["charts"]
        except (ValueError, KeyError, TypeError):
            old = []
    order = [*dict.fromkeys(names), ARTICLE_PAGE["name"]]
    by_name = {e["name"]: e for e in old if isinstance(e, dict) and e.get("name") in order}
    by_name.update({e["name"]: e for e in entries})
    charts = sorted(by_name.values(), key=lambda e: order.index(e["name"]))
    return (json.dumps({"charts": charts}, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
