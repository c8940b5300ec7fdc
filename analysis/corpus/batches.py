"""The work of a corpus, cut into batches of articles: which articles, in which batch, under
which key, and what a worker does with one batch (`process_batch`).

A batch's key is the hash of what its tables are made from: each article's name, its bytes
(a web page's at an address: fetched once, by the worker that builds the batch), and the bytes
of its `.meta.yaml` and `.facts.yaml` where present, and the fingerprint of the package that
makes the tables (its code and data, the libraries' versions, the options; see
`analysis.fingerprint`), and the tables asked for. The same articles read by the same package give the same key, so a
batch already written is skipped; after an upgrade, an edit to the gazetteer or a change of
options, every batch is built again.
"""

from __future__ import annotations

import glob
import hashlib
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from .. import fingerprint, paths, schemas
from ..errors import InputError
from ..reading import page
from ..reading.article import MAX_BYTES
from ..reading.files import read_bounded
from . import aggregate as agg
from .copies import signatures

BATCH_SIZE = 50  # articles per batch at most
# an article of this many bytes or more (a report, a transcript: some fifty wire stories) is a
# batch of its own, started first, so that it never holds up the articles batched with it
LONG_BYTES = 256 * 1024


@dataclass(frozen=True)
class Batch:
    """Articles processed together and written as one partition; `key` names the partition.
    `tables` are the articles' tables it writes (beside the corpus tables); `long` says it is
    one long article, which the scheduler starts first; `copies` that it writes its articles'
    signatures, from which copies are found (an empty table otherwise)."""

    number: int
    articles: tuple[Path | str, ...]  # files, and http(s) addresses
    tables: tuple[str, ...] = schemas.TABLE_NAMES
    long: bool = False
    copies: bool = True

    @property
    def key(self) -> str:
        """The partition's name: a hash of the articles' files (and pages, each fetched), the
        tables asked for and the package's fingerprint, as the process that asks sees them (a
        worker, when a worker builds the batch)."""
        return self.key_of(fetch(self.articles))

    def key_of(self, fetched: dict[str, page.Source | InputError]) -> str:
        """The key, with the pages at addresses as already fetched (`fetch`)."""
        h = hashlib.sha256(fingerprint.fingerprint().encode())
        h.update(",".join(self.tables).encode())
        h.update(b"signatures" if self.copies else b"no signatures")
        for item in self.articles:  # (a file name need not be UTF-8: its bytes, as they are)
            h.update(b"\0" + name_of(item).encode("utf-8", "surrogateescape"))
            if page.is_address(item):
                got = fetched[item]
                h.update(b"\2" + (got.digest.encode() if isinstance(got, page.Source) else b"!"))
                continue
            for file in (item, paths.companion(item, "meta"), paths.companion(item, "facts")):
                h.update(b"\1" + (_digest(file) or b"-"))
        return h.hexdigest()[:24]


def name_of(item: Path | str) -> str:
    """An article's doc_id as the key hashes it: its file's name without the extension (as
    the file system gives it), or the name made from its address
    (`analysis.reading.page.name_of`)."""
    return page.name_of(item) if page.is_address(item) else Path(item).stem


def fetch(articles) -> dict[str, page.Source | InputError]:
    """The pages at the addresses among `articles`, each fetched once (or the InputError that
    says why it could not be)."""
    fetched: dict[str, page.Source | InputError] = {}
    for item in articles:
        if page.is_address(item) and item not in fetched:
            try:
                fetched[item] = page.read(item)
            except InputError as err:
                fetched[item] = err
    return fetched


def _digest(path: Path) -> bytes | None:
    """The hash of a file, read as the worker reads it: only a regular file, and at most the
    limit (a FIFO is not waited on, /dev/zero not read); None when there is nothing there."""
    if not path.exists():
        return None
    try:
        return hashlib.sha256(read_bounded(path, MAX_BYTES, "a file", "")).digest()
    except InputError:  # the worker reports it in `errors`
        return b"?"


def find_articles(where: str | Path | list) -> list[Path | str]:
    """The articles a user means (.txt files, saved web pages and http(s) addresses), in
    doc_id order: a folder's, a glob's, an address, or a list of files and addresses; one line
    naming the path and what to do when there are none or two share a name."""
    if isinstance(where, list | tuple):  # a folder or a glob among them: its articles
        found = [p.strip() if page.is_address(p) else Path(p) for p in where]
        found = [a for p in found for a in (find_articles(p) if _many(p) else [p])]
    elif page.is_address(where):
        found = [where.strip()]
    elif Path(where).is_dir():
        found = paths.articles_in(Path(where))
    elif Path(where).exists():  # a file (or a FIFO, refused when it is read)
        found = [Path(where)]
    else:
        found = [Path(p) for p in glob.glob(str(where), recursive=True)
                 if paths.is_article_file(Path(p))]  # fmt: skip
    if not found:
        raise InputError(where if not isinstance(where, list | tuple) else None,
                         "no article (.txt or .html file) found; pass a folder of articles or a glob such as 'news/*.txt'")  # fmt: skip
    found = sorted(found, key=lambda p: (name_of(p), str(p)))
    for a, b in zip(found, found[1:]):
        if name_of(a) == name_of(b):
            raise InputError(
                None if page.is_address(b) else b,
                f"{b + ': ' if page.is_address(b) else ''}has the same name as {a}; an "
                "article's name is its doc_id, rename one",
            )
    return found


def _many(item: Path | str) -> bool:
    """Whether an item of a list of articles is a folder or a glob of them."""
    return isinstance(item, Path) and (item.is_dir() or any(c in str(item) for c in "*?["))


def batch_size(n_articles: int, workers: int, most: int = BATCH_SIZE) -> int:
    """Articles per batch: at most `most`, and few enough that each worker gets two batches or
    more (a small corpus keeps every worker busy; a worker that finishes early takes another)."""
    return max(1, min(most, -(-n_articles // (2 * max(workers, 1)))))


def plan(
    articles: list[Path | str], batch_size: int = BATCH_SIZE, *,
    tables: tuple[str, ...] = schemas.TABLE_NAMES, long_bytes: int = LONG_BYTES,
    copies: bool = True,
) -> list[Batch]:  # fmt: skip
    """The articles in batches of `batch_size`, in order; an article of `long_bytes` or more
    is a batch of its own (`long`), after the others in number, started before them."""
    size = {p: _size(p) for p in articles}
    short = [p for p in articles if size[p] < long_bytes]
    batches = [
        Batch(i, tuple(short[lo : lo + batch_size]), tables, copies=copies)
        for i, lo in enumerate(range(0, len(short), batch_size))
    ]
    long = [p for p in articles if size[p] >= long_bytes]
    return batches + [Batch(len(batches) + i, (p,), tables, True, copies)
                      for i, p in enumerate(long)]  # fmt: skip


def _size(path: Path | str) -> int:
    if page.is_address(path):  # (its size is known once it is fetched, by the worker)
        return 0
    try:
        return path.stat().st_size
    except OSError:  # the worker says what is wrong with it, in `errors`
        return 0


def batch_tables(
    articles: tuple[Path | str, ...],
    tables: tuple[str, ...] = schemas.TABLE_NAMES,
    fetched: dict | None = None,
    *,
    copies: bool = True,
) -> dict[str, pd.DataFrame]:
    """Every table of a batch: its articles' tables (`tables`, default every one) stacked with
    doc_id and published first, and the batch's corpus tables (`BATCH_STEPS`; `signatures`
    empty unless `copies`). An article that cannot be used, for whatever reason (a page that
    could not be fetched too), is a row of `errors`; the others go on. `fetched`: the pages at
    addresses, as `fetch` gives them (fetched here when not given)."""
    from ..tables.batch import build

    fetched = fetch(articles) if fetched is None else fetched
    built = build(list(articles), tables=tables, fetched=fetched)
    out = {n: df for n, df in built.frames.items() if n in tables}
    for name, step in BATCH_STEPS.items():
        skip = name == "signatures" and not copies
        out[name] = schemas.empty(name) if skip else step(built, out)
    return out


def _doc_terms(built, out: dict) -> pd.DataFrame:
    return agg.doc_terms({d["doc_id"]: d["body"] for d in built.documents})


def _documents(built, out: dict) -> pd.DataFrame:
    words = out["doc_terms"].groupby("doc_id", sort=False)["count"].sum()
    rows = [{k: v for k, v in d.items() if k != "body"} | {"n_words": int(words.get(d["doc_id"], 0))}
            for d in built.documents]  # fmt: skip
    return agg.documents(rows)


# The corpus tables each batch writes beside its articles' tables, in order: name ->
# step(built, tables so far), `built` the batch's `analysis.tables.batch.Batch` (every table
# built, each article's row of `documents` with its body, the articles that failed). A new
# corpus table of one batch is a step here; a step over the whole corpus runs once every batch
# is written (`dask_run.CORPUS_STEPS`).
BATCH_STEPS = {
    "doc_terms": _doc_terms,
    "documents": _documents,
    "timeline": lambda built, out: agg.timeline(built.frames["events"]),
    "errors": lambda built, out: agg.errors(built.failed),
    "term_totals": lambda built, out: agg.term_totals(out["doc_terms"]),
    "entity_articles": lambda built, out: agg.entity_articles(built.frames["entities"]),
    "comentions": lambda built, out: agg.comentions(built.frames["entities"]),
    "signatures": lambda built, out: signatures({d["doc_id"]: d["body"] for d in built.documents}),
}


_SETTLED = False


def _settle() -> None:
    """After this process's first batch, what it holds for good (the model, the libraries,
    the word lists and caches) is moved out of the garbage collector's way (`gc.freeze`): a
    full collection walks every object tracked, and the model's are most of them (a tenth of a
    batch's CPU went into collections). What a later batch leaves behind is collected as
    before."""
    global _SETTLED
    if not _SETTLED:
        import gc

        gc.collect()
        gc.freeze()
        _SETTLED = True


@cache
def _libc():
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def trim_memory() -> None:
    """Give the memory freed by a batch back to the system (glibc's `malloc_trim`; nothing
    elsewhere). Once a batch, where Dask would have glibc trim at every free
    (`MALLOC_TRIM_THRESHOLD_`, left unset on the workers: `dask_run.WORKER_CONFIG`): a worker's
    memory stays what one batch needs."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def process_batch(batch: Batch, out: str) -> dict:
    """What a worker does: build a batch's tables and write its partition, unless it is there.

    Returns a small summary (the tables stay on disk): key, number, articles, errors, seconds,
    and whether the batch was skipped.
    """
    from .store import partition, write_partition

    start = time.perf_counter()
    fetched = fetch(batch.articles)  # the pages at addresses, once: for the key and the tables
    key = batch.key_of(fetched)
    summary = {"key": key, "number": batch.number, "articles": len(batch.articles)}
    if partition(Path(out), key).is_dir():
        return summary | {"skipped": True, "errors": None, "seconds": 0.0}
    frames = batch_tables(batch.articles, batch.tables, fetched, copies=batch.copies)
    write_partition(Path(out), key, frames)
    errors = len(frames["errors"])
    del frames
    _settle()
    trim_memory()
    return summary | {"skipped": False, "errors": errors,
                      "seconds": round(time.perf_counter() - start, 3)}  # fmt: skip
