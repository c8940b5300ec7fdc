"""Every table of an article, built on first use and kept for the life of the process."""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from . import article as _article
from . import paths, schemas
from .article import Article
from .errors import InputError
from .io import write_all_atomic

DEFAULT_WINDOW = 5
# From this many characters on, `frames()` extracts the facts in a second process while this one
# builds the term tables: a 5 MB file takes half the time on two cores.
PARALLEL_CHARS = 1_000_000
_WORKER = ("-m", "analysis._worker")  # the interpreter's arguments for the second process


class Tables:
    """The tables of one article. Each is computed once, when first asked for.

    Use `tables[name]` or `tables.frames()`; every call returns a new DataFrame object, so a
    caller that changes its copy never changes what the next caller gets.
    """

    def __init__(self, article: Article):
        self.article = article

    # ---- text
    @cached_property
    def _spans(self) -> list[tuple[int, int]]:
        from .text import sentence_spans

        return sentence_spans(self.article)

    @cached_property
    def _text(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        from .text import sentences_and_tokens

        return sentences_and_tokens(self.article, self._spans)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return self._text[0]

    @cached_property
    def tokens(self) -> pd.DataFrame:
        return self._text[1]

    # ---- terms
    @cached_property
    def terms(self) -> pd.DataFrame:
        from . import frequencies as fq

        return fq.terms(self.tokens)

    @cached_property
    def ngrams(self) -> pd.DataFrame:
        from . import frequencies as fq

        return fq.ngrams(self.tokens)

    @cached_property
    def keyness(self) -> pd.DataFrame:
        from . import frequencies as fq

        return fq.keyness(self.terms, lang=self.article.meta.get("language") or "en")

    @cached_property
    def dispersion(self) -> pd.DataFrame:
        from . import frequencies as fq

        return fq.dispersion(self.tokens)

    @cached_property
    def kwic(self) -> pd.DataFrame:
        from . import frequencies as fq

        return fq.kwic(self.tokens, self.article.text, window=DEFAULT_WINDOW)

    # ---- facts
    @cached_property
    def facts(self) -> dict[str, pd.DataFrame]:
        from . import facts
        from .extract import extract_facts, find_dates_table

        if facts.has_curated(self.article):
            curated = facts.load_facts(self.article, self.sentences)
            return curated | {"dates": find_dates_table(self.article, self.sentences)}

        return self._with_year_noted(extract_facts(self.article, self.sentences))

    def _with_year_noted(self, found: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        """A year the extractor had to infer (no publication date) goes into the metadata, with
        how it was inferred, for the notebooks and the charts to say so."""
        inferred = found["dates"].attrs.get("year_inferred")
        pub = self.article.meta.get("published") or {}
        if inferred and not pub.get("date"):
            year, how = inferred
            self.article.meta["published"] = {"date": None, "precision": "year", "year": int(year),
                                               "how_known": how, "year_inferred": True}  # fmt: skip
        return found

    # ---- summary
    @cached_property
    def _text_stats(self) -> pd.DataFrame:
        from .summary import text_stats

        names = ("tokens", "sentences", "terms")
        return text_stats({n: self[n] for n in names}, self.article.text, self.article.body_start)

    @cached_property
    def stats(self) -> pd.DataFrame:
        from .summary import event_stats

        rows = pd.concat(
            [self._text_stats, event_stats(self["events"]), self._facts_path()], ignore_index=True
        )
        return schemas.conform(rows, "stats")

    def _facts_path(self) -> pd.DataFrame:
        """One stats row: whether the statistical model extracted the facts, and how."""
        from . import facts
        from .extract import model

        if facts.has_curated(self.article):
            used, note = False, "curated by hand (the facts file beside the article)"
        else:
            used, note = model.path_for(len(self.article.text) - self.article.body_start)
        return pd.DataFrame({"measure": ["facts from the statistical model"], "value": [float(used)],
                             "note": [note]})  # fmt: skip

    @cached_property
    def keyphrases(self) -> pd.DataFrame:
        from .summary import keyphrases

        body = self.article.text[self.article.body_start :]
        return schemas.conform(keyphrases(self.tokens, body), "keyphrases")

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name in schemas.FACT_TABLES:
            df = self.facts[name]
        elif name in schemas.TERM_TABLES or name in schemas.SUMMARY_TABLES:
            df = getattr(self, name)
        else:
            raise KeyError(f"no table '{name}'; the tables are {', '.join(schemas.TABLE_NAMES)}")
        return df.copy(deep=False)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in the documented order.

        For a long article with no curated facts, on a machine with two cores or more, the
        facts are extracted in a worker process while the term tables are built here: the same
        tables, sooner.
        """
        if "facts" not in self.__dict__ and self._worth_a_second_process():
            self._build_in_two_processes()
        return {name: self[name] for name in schemas.TABLE_NAMES}

    def _worth_a_second_process(self) -> bool:
        from . import facts

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
                for name in (*schemas.TERM_TABLES, "keyphrases", "_text_stats"):
                    getattr(self, name)
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
        self.__dict__["facts"] = self._with_year_noted(found)


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


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return (None, None)


def get(article: str | Path | Article | None = None, published: str | None = None) -> Tables:
    """The tables of an article: a path, a loaded Article, or None for the seed article;
    `published` (YYYY-MM-DD) is its publication date when the metadata does not give it.

    Tables are kept per file and rebuilt when the article, its metadata or facts file, or the
    stopword list changes on disk.
    """
    if isinstance(article, Article):
        return Tables(article)
    path = _article.resolve(article).resolve()
    from .text import stopwords_path

    stop = stopwords_path()
    key = (
        path, published, _stamp(path), _stamp(paths.companion(path, "meta")),
        _stamp(paths.companion(path, "facts")), str(stop), _stamp(stop),
    )  # fmt: skip
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    tables = Tables(_article.load(path, published=published))
    _CACHE[key] = tables
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return tables


def to_csv(df: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV: header row, no index column, '\\n' line ends.

    Byte for byte what `df.to_csv(index=False, lineterminator="\\n")` writes, column by column:
    pandas writes row by row, which takes seconds for the tokens of a long text. A table with
    a column of another dtype (floats, say) goes to pandas itself.
    """
    cols = [_csv_fields(df[c]) for c in df.columns] if len(df.columns) >= 2 else [None]
    if any(c is None for c in cols):
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    lines = [",".join(_csv_quoted([str(c) for c in df.columns]))]
    if len(df):
        lines.append("\n".join(map(",".join, zip(*cols))))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _csv_fields(col: pd.Series) -> list[str] | None:
    """A column's CSV fields as pandas writes them (<NA> as empty), or None for other dtypes."""
    dtype = col.dtype
    if isinstance(dtype, pd.Int64Dtype | pd.BooleanDtype):
        mask = col.isna().to_numpy()
        kind, blank = ("bool", False) if dtype == "boolean" else ("int64", 0)
        data = col.to_numpy(dtype=kind, na_value=blank).tolist()
        out = list(map(_BOOL.__getitem__ if dtype == "boolean" else str, data))
    elif dtype == "int64" or dtype == "bool":
        data, mask = col.to_numpy().tolist(), None
        out = list(map(_BOOL.__getitem__ if dtype == "bool" else str, data))
    elif isinstance(dtype, pd.StringDtype | pd.CategoricalDtype):
        mask = None  # <NA> is empty already
        out = _csv_quoted(col.to_numpy(dtype=object, na_value="").tolist())
    else:
        return None
    if mask is not None and mask.any():
        for i in np.flatnonzero(mask).tolist():
            out[i] = ""
    return out


_BOOL = ("False", "True")


@cache
def _csv_specials() -> re.Pattern:
    """The characters that make the csv module quote a field (as pandas calls it), asked of it."""
    import csv
    import io

    def quoted(ch: str) -> bool:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([f"a{ch}b", ""])
        return buf.getvalue().startswith('"')

    chars = [chr(c) for c in range(128)] + ["\x85", "\u2028", "\u2029"]
    return re.compile("[" + "".join(re.escape(c) for c in chars if quoted(c)) + "]")


def _csv_quoted(values: list[str]) -> list[str]:
    """The values, each quoted as the csv module would (most need nothing)."""
    specials = _csv_specials()
    joined = "\x00".join(values)  # value i starts at starts[i]; one search finds them all
    hits = [m.start() for m in specials.finditer(joined)]
    if not hits:
        return values
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    starts = np.cumsum(lengths + 1) - (lengths + 1)
    out = list(values)
    for i in np.unique(np.searchsorted(starts, hits, side="right") - 1).tolist():
        out[i] = '"' + values[i].replace('"', '""') + '"'
    return out


def write_tables(
    out: str | Path | None = None,
    article: str | Path | Article | None = None,
    published: str | None = None,
) -> list[Path]:
    """Write every table as `<out>/<name>.csv` and return the paths.

    All tables are built before anything is written, so an article that cannot be read or a
    broken facts file leaves `out` untouched. The default folder is data/processed/<stem>/.
    """
    tables = get(article, published)
    return write_csvs(
        Path(out) if out is not None else paths.PROCESSED / tables.article.name, tables.frames()
    )


def write_csvs(out: Path, frames: dict[str, pd.DataFrame]) -> list[Path]:
    """Every frame as <out>/<name>.csv, all or none (never inside data/raw/)."""
    if out.resolve().is_relative_to(paths.RAW.resolve()):
        raise InputError(
            out, "is inside data/raw/, which code never writes to; choose another --out"
        )
    data = {out / f"{name}.csv": to_csv(df) for name, df in frames.items()}
    os.makedirs(out, exist_ok=True)
    write_all_atomic(data)
    return list(data)
