"""Every table of an article, built on first use and kept while nothing it is made from changes
(the article's files, and the package's code, data, libraries and options: `fingerprint`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections import OrderedDict
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from .. import fingerprint, paths, schemas
from ..reading import article as _article
from ..reading import page
from ..reading.article import Article

DEFAULT_WINDOW = 5
# From this many characters on, `frames()` extracts the facts in a second process while this one
# builds the term tables: a 5 MB file takes half the time on two cores.
PARALLEL_CHARS = 1_000_000
_WORKER = ("-m", "analysis.tables.worker")  # the interpreter's arguments for the second process


class Tables:
    """The tables of one article, each computed once, when first asked for.

    Each table is an attribute (``tables.terms``, ``tables.events``), also reachable by name
    (``tables["terms"]``; ``tables.frames()`` gives all of them). Every call returns a copy, so
    a caller that changes the table it got never changes what the next caller gets. The columns
    of each table, their dtypes and meanings: `analysis.schemas` (and docs/columns.md).

    Parameters
    ----------
    article : Article
        The article, as `analysis.reading.article.load` reads it. Usually made by
        `analysis.load`, which keeps the bundle of each file for reuse.

    Attributes
    ----------
    article : Article
        The article the tables are of: its text, dateline and read-only metadata (title, place,
        agency, sources, language, published, source_line).
    sentences, tokens : pandas.DataFrame
        The text: one row per sentence of the body, one per token.
    terms, ngrams, keyness, dispersion, kwic : pandas.DataFrame
        The terms: counts by lemma, collocations, keyness against general English, where each
        term occurs, each occurrence in its context.
    entities, mentions, roles, events, dates, quantities, topics, quotes, sources : pandas.DataFrame
        The facts: curated by hand when a ``<name>.facts.yaml`` is beside the article, else
        extracted from its text (the ``origin`` column says which).
    stats, keyphrases : pandas.DataFrame
        The summary: one row per measure; key phrases by YAKE and RAKE.
    facts : dict of str to pandas.DataFrame
        The fact tables by name (copies, as every table is).

    Raises
    ------
    InputError
        When a table is first built from a curated facts file that is broken (the message names
        the file and what to fix).

    See Also
    --------
    load : the tables of an article file, kept while its files do not change.
    """

    def __init__(self, article: Article):
        self.article = article

    # ---- text
    @cached_property
    def _spans(self) -> list[tuple[int, int]]:
        from ..reading.text import sentence_spans

        return sentence_spans(self.article)

    @cached_property
    def _text(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        from ..reading.text import sentences_and_tokens

        return sentences_and_tokens(self.article, self._spans)

    @cached_property
    def _sentences(self) -> pd.DataFrame:
        return self._text[0]

    @cached_property
    def _tokens(self) -> pd.DataFrame:
        return self._text[1]

    # ---- terms
    @cached_property
    def _terms(self) -> pd.DataFrame:
        from ..terms import frequencies as fq

        return fq.terms(self._tokens)

    @cached_property
    def _ngrams(self) -> pd.DataFrame:
        from ..terms import frequencies as fq

        return fq.ngrams(self._tokens)

    @cached_property
    def _keyness(self) -> pd.DataFrame:
        from ..terms import frequencies as fq

        return fq.keyness(self._terms, lang=self.article.meta.get("language") or "en")

    @cached_property
    def _dispersion(self) -> pd.DataFrame:
        from ..terms import frequencies as fq

        return fq.dispersion(self._tokens)

    @cached_property
    def _kwic(self) -> pd.DataFrame:
        from ..terms import frequencies as fq

        return fq.kwic(self._tokens, self.article.text, window=DEFAULT_WINDOW)

    # ---- facts
    @property
    def facts(self) -> dict[str, pd.DataFrame]:
        """The fact tables by name, each a copy (see `Tables`)."""
        return {name: df.copy(deep=False) for name, df in self._facts.items()}

    @cached_property
    def _facts(self) -> dict[str, pd.DataFrame]:
        from ..facts import curated as facts
        from ..facts.extract import extract_facts, find_dates_table

        if facts.has_curated(self.article):
            curated = facts.load_facts(self.article, self._sentences)
            return curated | {"dates": find_dates_table(self.article, self._sentences)}

        return self._with_year_noted(extract_facts(self.article, self._sentences))

    # ---- the tables, one attribute each (a new DataFrame object on every call)
    @property
    def sentences(self) -> pd.DataFrame:
        return self["sentences"]

    @property
    def tokens(self) -> pd.DataFrame:
        return self["tokens"]

    @property
    def terms(self) -> pd.DataFrame:
        return self["terms"]

    @property
    def ngrams(self) -> pd.DataFrame:
        return self["ngrams"]

    @property
    def keyness(self) -> pd.DataFrame:
        return self["keyness"]

    @property
    def dispersion(self) -> pd.DataFrame:
        return self["dispersion"]

    @property
    def kwic(self) -> pd.DataFrame:
        return self["kwic"]

    @property
    def entities(self) -> pd.DataFrame:
        return self["entities"]

    @property
    def mentions(self) -> pd.DataFrame:
        return self["mentions"]

    @property
    def roles(self) -> pd.DataFrame:
        return self["roles"]

    @property
    def events(self) -> pd.DataFrame:
        return self["events"]

    @property
    def dates(self) -> pd.DataFrame:
        return self["dates"]

    @property
    def quantities(self) -> pd.DataFrame:
        return self["quantities"]

    @property
    def topics(self) -> pd.DataFrame:
        return self["topics"]

    @property
    def quotes(self) -> pd.DataFrame:
        return self["quotes"]

    @property
    def sources(self) -> pd.DataFrame:
        return self["sources"]

    def _with_year_noted(self, found: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        """A year the extractor had to infer (no publication date) is noted, with how it was
        inferred, for the notebooks and the charts to say so: in the metadata of a new Article
        that replaces `self.article` (an Article is never changed once built)."""
        inferred = found["dates"].attrs.get("year_inferred")
        pub = self.article.meta.get("published") or {}
        if inferred and not pub.get("date"):
            year, how = inferred
            published = {"date": None, "precision": "year", "year": int(year), "how_known": how,
                         "year_inferred": True}  # fmt: skip
            if pub.get("month") and pub.get("day"):  # the dateline's day, in the inferred year
                try:
                    day = dt.date(int(year), pub["month"], pub["day"])
                except ValueError:
                    return found
                published |= {
                    "date": day.isoformat(), "precision": "day",
                    "how_known": f"{pub.get('how_known')}; the year {how}",
                }  # fmt: skip
            self.article = dataclasses.replace(self.article, meta={**self.article.meta,
                                                                    "published": published})  # fmt: skip
        return found

    # ---- summary
    @cached_property
    def _text_stats(self) -> list[tuple[str, float, str]]:
        from ..summary.stats import text_stat_rows

        names = ("tokens", "sentences", "terms")
        return text_stat_rows(
            {n: self[n] for n in names}, self.article.text, self.article.body_start
        )

    @cached_property
    def _stats(self) -> pd.DataFrame:
        from ..summary.stats import event_stat_rows

        rows = [*self._text_stats, *event_stat_rows(self["events"]), self._facts_path()]
        # the values as they come, one frame: conformed to the declared dtypes once
        return schemas.conform(pd.DataFrame(rows, columns=list(schemas.TABLES["stats"]),
                                            dtype=object), "stats")  # fmt: skip

    def _facts_path(self) -> tuple[str, float, str]:
        """One stats row: whether the statistical model extracted the facts, and how."""
        from ..facts import curated as facts
        from ..facts.extract import model

        if facts.has_curated(self.article):
            used, note = False, "curated by hand (the facts file beside the article)"
        else:
            used, note = model.path_for(len(self.article.text) - self.article.body_start)
        return ("facts from the statistical model", float(used), note)

    @cached_property
    def _keyphrases(self) -> pd.DataFrame:
        from ..summary.keyphrases import keyphrases

        body = self.article.text[self.article.body_start :]
        return schemas.conform(keyphrases(self._tokens, body), "keyphrases")

    @property
    def stats(self) -> pd.DataFrame:
        return self["stats"]

    @property
    def keyphrases(self) -> pd.DataFrame:
        return self["keyphrases"]

    def __getitem__(self, name: str) -> pd.DataFrame:
        # a new object sharing the data until either side writes (pandas' copy-on-write): a
        # caller's change never reaches the cached table
        return self.cached(name).copy(deep=False)

    def cached(self, name: str) -> pd.DataFrame:
        """The table itself as this bundle keeps it, for a caller that only reads it (stacking
        the tables of a batch copies them anyway); `self[name]` is a copy to change freely."""
        if name in schemas.FACT_TABLES:
            return self._facts[name]
        if name in schemas.TERM_TABLES or name in schemas.SUMMARY_TABLES:
            return getattr(self, f"_{name}")
        raise KeyError(f"no table '{name}'; the tables are {', '.join(schemas.TABLE_NAMES)}")

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in the documented order (`analysis.TABLE_NAMES`).

        For a long article with no curated facts, on a machine with two cores or more, the
        facts are extracted in a worker process while the term tables are built here: the same
        tables, sooner.

        Returns
        -------
        dict of str to pandas.DataFrame
            Each table, a copy (see `Tables`), by name.

        Raises
        ------
        InputError
            When the article's curated facts file is broken.
        """
        if "_facts" not in self.__dict__ and self._worth_a_second_process():
            self._build_in_two_processes()
        return {name: self[name] for name in schemas.TABLE_NAMES}

    def _worth_a_second_process(self) -> bool:
        from ..facts import curated as facts

        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            cores = os.cpu_count() or 1
        return (
            cores >= 2
            and len(self.article.text) >= PARALLEL_CHARS
            and not facts.has_curated(self.article)
        )

    def _build_in_two_processes(self) -> None:
        import pickle
        import queue
        import subprocess
        import sys
        import threading
        import warnings

        # a fresh interpreter (no fork: safe in a notebook kernel with its threads, and it never
        # re-runs the caller's script); it loads the extractor while the sentences are split here
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(paths.PACKAGE.parent), env.get("PYTHONPATH")) if p
        )
        try:
            worker = subprocess.Popen(
                [sys.executable, *_WORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
            )
        except OSError as exc:  # no interpreter to start: everything is built here
            warnings.warn(f"no second process ({exc}); the facts are extracted in this one",
                          RuntimeWarning, stacklevel=3)  # fmt: skip
            return
        with worker:
            # the worker gets the article at once (it finds the words while the sentences are
            # split here), then where the sentences are: it needs no tokens, and starts on the
            # facts while the tokens are made here
            outbox: queue.Queue = queue.Queue()
            sending = threading.Thread(target=_send, args=(worker.stdin, outbox))
            sending.start()
            outbox.put(self.article)
            try:
                spans = np.array(self._spans, dtype=np.int64).reshape(-1, 2)
                outbox.put(pd.DataFrame({
                    "sentence_id": np.arange(1, len(spans) + 1, dtype=np.int64),
                    "start": spans[:, 0], "end": spans[:, 1],
                }))  # fmt: skip
                outbox.put(None)
                for name in (*schemas.TERM_TABLES, "keyphrases", "text_stats"):
                    getattr(self, f"_{name}")
                try:
                    answer = pickle.load(worker.stdout)
                except Exception:  # the worker died or was cut short
                    answer = None
            finally:
                outbox.put(None)  # (again, if something failed before)
                if worker.poll() is None:
                    worker.kill()
                sending.join()
        if answer is None:  # `facts` is built here, when asked for
            warnings.warn(
                f"{self.article.path}: the second process ended with no answer (exit status "
                f"{worker.returncode}); the facts are extracted in this process instead",
                RuntimeWarning,
                stacklevel=3,
            )
            return
        if answer[0] == "error":
            raise answer[1]
        _, found, caught = answer
        for message, category in caught:  # the worker's warnings, as if raised here
            warnings.warn(message, category, stacklevel=3)
        self.__dict__["_facts"] = self._with_year_noted(found)


def _send(pipe, outbox) -> None:
    """Pickle what comes into `outbox` into a pipe until None comes, then close it (in a
    thread: the reader may still be starting, or busy)."""
    import pickle

    try:
        with pipe:
            while (obj := outbox.get()) is not None:  # (not iter(get, None): == on a frame)
                pickle.dump(obj, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()
    except (OSError, ValueError):
        pass  # the worker is gone; the parent notices when it reads


_CACHE: OrderedDict[tuple, Tables] = OrderedDict()
_CACHE_SIZE = 16
fingerprint.on_change(_CACHE.clear)  # the package's files changed: no table built before is kept


def clear() -> None:
    """Forget the tables `load` keeps."""
    _CACHE.clear()


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return (None, None)


def load(article: str | Path | Article | None = None, published: str | None = None) -> Tables:
    """Every table of an article, as a `Tables` bundle built on first use.

    Parameters
    ----------
    article : str, Path, Article or None, default None
        The article: a path to its text file (UTF-8), to a saved web page (``.html``,
        ``.htm``: its main text is the article's, its metadata fills the article's), an
        ``http(s)://`` address (fetched, with a timeout), a folder holding one article, an
        `Article` already read, or None for the seed article (``data/raw/article.txt``). A
        ``<name>.meta.yaml`` and a ``<name>.facts.yaml`` beside the file are read with it.
    published : str or None, default None
        The publication date, ``YYYY-MM-DD``, when neither the metadata file nor the dateline
        gives it (it wins over both). Relative dates ("on Monday") are resolved against it.

    Returns
    -------
    Tables
        The article's tables, each an attribute (``t.terms``, ``t.events``) or an item
        (``t["terms"]``), a copy on every call; ``t.frames()`` gives all of them.

    Raises
    ------
    InputError
        The file is missing, empty, binary, too large or not UTF-8 (a page: not in the charset
        it declares, or with no main text); an address cannot be fetched; its metadata or
        facts file is broken; ``published`` is not a date. The message names the file, the
        address or the option, and what to do.

    Notes
    -----
    The bundle of each file is kept (the sixteen used last) and given again while nothing it
    is made from changes: the article, its metadata and facts files (their sizes and times; a
    web page's bytes, by their hash: a saved page is read, an address fetched, at every call),
    and the package's fingerprint (its code and data files, the libraries' versions, options
    such as ``ANALYSIS_RULES_ONLY``; see `analysis.fingerprint`). `analysis.clear_caches()`
    forgets them. An `Article` passed in is never kept.
    """
    if isinstance(article, Article):
        return Tables(article)
    if page.is_address(article) or isinstance(article, page.Source):
        return _load_page(article, published)
    path = _article.resolve(article).resolve()
    if page.is_page(path):
        return _load_page(path, published)
    key = (
        path, published, _stamp(path), _stamp(paths.companion(path, "meta")),
        _stamp(paths.companion(path, "facts")), fingerprint.fingerprint(),
    )  # fmt: skip
    return _kept(key, lambda: _article.load(path, published=published))


def _load_page(where, published: str | None) -> Tables:
    """The tables of a web page (a saved file or an address), kept under the hash of its
    bytes: a saved page is read, an address fetched, each time; a page whose bytes did not
    change is not read again."""
    source = page.read(where)
    beside = (
        ()
        if source.address
        else tuple(_stamp(paths.companion(source.path, kind)) for kind in ("meta", "facts"))
    )
    key = (source.where, published, source.digest, beside, fingerprint.fingerprint())
    return _kept(key, lambda: page.load(source, published=published))


def _kept(key: tuple, read) -> Tables:
    """The tables kept under `key`, or those of the article `read()` gives, kept."""
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    tables = Tables(read())
    _CACHE[key] = tables
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return tables
