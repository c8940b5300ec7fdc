"""Take one news article apart: tidy pandas tables of its text, terms and facts.

    import analysis
    t = analysis.load()                      # the seed article, data/raw/article.txt
    t = analysis.load("path/to/story.txt")   # any article
    t.terms, t.events, t.article.meta        # each table as a DataFrame, the metadata
    t.frames()                               # every table, by name

`load` is the one entry point; its `Tables` build each table when first asked for, and hand out
a copy each time. `load` keeps the tables of each file while nothing they are made from changes
(the files, and the package's `fingerprint`: its code and data, the libraries, the options);
`clear_caches()` forgets everything kept. The columns are documented in `analysis.schemas`
(and in docs/columns.md). The package's stages are its
subpackages, in the order the data flows: `reading` (the file, its dateline, sentences and
tokens), `terms`, `facts` (curated or extracted), `summary`, `tables` (the bundle and its CSV
output), `corpus` (many articles, and the extraction scored), `viz` (the charts).
"""

from __future__ import annotations

from .errors import InputError
from .reading.article import Article
from .schemas import TABLE_NAMES
from .submodules import lazy
from .tables.bundle import Tables, load

__all__ = ["Article", "InputError", "TABLE_NAMES", "Tables", "clear_caches", "load"]


def clear_caches() -> None:
    """Forget every table and every value this process keeps.

    The next `load` reads its files again and builds its tables anew; the gazetteer, the word
    lists, the extractor's patterns and the statistical model are read again when next needed.
    Nothing on disk is removed (a corpus's batches and the cached extraction scores are keyed
    by the package's fingerprint, so they are never read back stale).
    """
    from . import fingerprint
    from .tables import bundle

    bundle.clear()
    fingerprint.clear_caches()


__getattr__ = lazy(__name__)  # the subpackages load when first used
