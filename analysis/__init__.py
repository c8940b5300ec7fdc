"""Take one news article apart: tidy pandas tables of its text, terms and facts.

    import analysis
    analysis.terms()                      # the seed article, data/raw/article.txt
    analysis.events("path/to/story.txt")  # any article
    analysis.tables()                     # every table, by name

Every table function takes an article (a path, a loaded `Article`, or None for the seed
article) and returns a new DataFrame; the columns are documented in `analysis.schemas`.
Heavy libraries (NLTK, simplemma, wordfreq, pandera, matplotlib) load on first use.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .article import Article
from .article import load as load_article
from .counting import term_counts
from .errors import InputError
from .schemas import FACT_TABLES, SUMMARY_TABLES, TABLE_NAMES, TERM_TABLES
from .store import get as _get
from .store import write_tables

__all__ = [
    "Article", "InputError", "load", "load_article", "term_counts", "metadata", "tables", "table", "write_tables",
    "TABLE_NAMES", "TERM_TABLES", "FACT_TABLES", "SUMMARY_TABLES", *TABLE_NAMES,
]  # fmt: skip

ArticleLike = str | Path | Article | None


def load(article: ArticleLike = None, published: str | None = None):
    """Every table of an article as a `Tables` bundle: `t["terms"]`, `t.article`, `t.frames()`.

    `published` (YYYY-MM-DD) is the publication date, when the article's metadata lacks it.
    """
    return _get(article, published)


def tables(article: ArticleLike = None) -> dict[str, pd.DataFrame]:
    """Every table of an article, by name, in the documented order."""
    return _get(article).frames()


def table(name: str, article: ArticleLike = None) -> pd.DataFrame:
    """One table of an article by name (see TABLE_NAMES)."""
    return _get(article)[name]


def metadata(article: ArticleLike = None) -> dict:
    """The article's metadata: title, place, agency, sources, language, published, source_line."""
    return dict(_get(article).article.meta)


def _table_function(name: str):
    def f(article: ArticleLike = None) -> pd.DataFrame:
        return _get(article)[name]

    f.__name__ = f.__qualname__ = name
    f.__doc__ = f"The `{name}` table of an article (the seed article by default)."
    return f


for _name in TABLE_NAMES:
    globals()[_name] = _table_function(_name)
del _name


def __getattr__(name: str):
    # any submodule loads when first used (analysis.plots, analysis.facts...): the heavy ones
    # are not imported by `import analysis`
    import importlib
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'analysis' has no attribute '{name}'")
