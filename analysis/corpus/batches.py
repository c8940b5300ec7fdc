"""The work of a corpus, cut into batches of articles: which articles, in which batch, under
which key, and what a worker does with one batch (`process_batch`).

A batch's key is the hash of what its tables are made from: each article's name, its bytes
(a web page's at an address: fetched once, by the worker that builds the batch), and the bytes
of its `.meta.yaml` and `.facts.yaml` where present, and the fingerprint of the package that
makes the tables (its code and data, the libraries' versions, the options; see
`analysis.fingerprint`). The same articles read by the same package give the same key, so a
batch already written is skipped; after an upgrade, an edit to the gazetteer or a change of
options, every batch is built again.
"""

from __future__ import annotations

import glob
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import fingerprint, paths, schemas
from ..errors import InputError
from ..reading import page
from ..reading.article import MAX_BYTES
from ..reading.files import read_bounded

BATCH_SIZE = 50


@dataclass(frozen=True)
class Batch:
    """Articles processed together and written as one partition; `key` names the partition."""

    number: int
    articles: tuple[Path | str, ...]  # files, and http(s) addresses

    @property
    def key(self) -> str:
        """The partition's name: a hash of the articles' files (and pages, each fetched) and
        the package's fingerprint, as the process that asks sees them (a worker, when a
        worker builds the batch)."""
        return self.key_of(fetch(self.articles))

    def key_of(self, fetched: dict[str, page.Source | InputError]) -> str:
        """The key, with the pages at addresses as already fetched (`fetch`)."""
        h = hashlib.sha256(fingerprint.fingerprint().encode())
        for item in self.articles:
            h.update(b"\0" + name_of(item).encode("utf-8"))
            if page.is_address(item):
                got = fetched[item]
                h.update(b"\2" + (got.digest.encode() if isinstance(got, page.Source) else b"!"))
                continue
            for file in (item, paths.companion(item, "meta"), paths.companion(item, "facts")):
                h.update(b"\1" + (_digest(file) or b"-"))
        return h.hexdigest()[:24]


def name_of(item: Path | str) -> str:
    """An article's doc_id: its file's name without the extension, or the name made from its
    address (`analysis.reading.page.name_of`)."""
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
    elif Path(where).is_file():
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


def plan(articles: list[Path], batch_size: int = BATCH_SIZE) -> list[Batch]:
    """The articles in batches of `batch_size`, in order."""
    return [
        Batch(i, tuple(articles[lo : lo + batch_size]))
        for i, lo in enumerate(range(0, len(articles), batch_size))
    ]


def article_tables(path: Path | str | page.Source) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table of one article (a file, an address, or a page fetched), and its row of
    `documents` (with its body, for doc_terms)."""
    from ..tables.bundle import load

    tables = load(path)
    frames = tables.frames()
    meta, article = tables.article.meta, tables.article
    where = path.where if isinstance(path, page.Source) else str(path)
    doc = {"doc_id": article.name, "path": where, "published": (meta.get("published") or {}).get("date"),
           "agency": meta.get("agency"), "place": meta.get("place"), "title": meta.get("title") or article.name,
           "body": article.text[article.body_start :]}  # fmt: skip
    return frames, doc


def batch_tables(
    articles: tuple[Path | str, ...], fetched: dict | None = None
) -> dict[str, pd.DataFrame]:
    """Every table of a batch: its articles' tables stacked with doc_id and published first,
    and the batch's corpus tables. An article that raises InputError (a page that could not be
    fetched too) is a row of `errors`; the others go on. `fetched`: the pages at addresses,
    as `fetch` gives them (fetched here when not given)."""
    from . import aggregate as agg

    fetched = fetch(articles) if fetched is None else fetched
    parts: dict[str, list[pd.DataFrame]] = {n: [] for n in schemas.TABLE_NAMES}
    docs, failed = [], []
    for path in articles:
        try:
            got = fetched.get(path, path) if page.is_address(path) else path
            if isinstance(got, InputError):
                raise got
            frames, doc = article_tables(got)
        except InputError as err:
            failed.append({"doc_id": name_of(path), "path": str(path), "error": str(err)})
            continue
        for n, df in frames.items():
            parts[n].append(df)
        docs.append(doc)
    out = {n: stack(frames, docs, n) for n, frames in parts.items()}
    terms = agg.doc_terms({d["doc_id"]: d.pop("body") for d in docs})
    words = terms.groupby("doc_id", sort=False)["count"].sum()
    out["documents"] = agg.documents(
        [d | {"n_words": int(words.get(d["doc_id"], 0))} for d in docs]
    )
    out["doc_terms"] = terms
    out["timeline"] = agg.timeline(out["events"])
    out["errors"] = agg.errors(failed)
    out["term_totals"] = agg.term_totals(terms)
    out["entity_articles"] = agg.entity_articles(out["entities"])
    out["comentions"] = agg.comentions(out["entities"])
    return out


def stack(frames: list[pd.DataFrame], docs: list[dict], name: str) -> pd.DataFrame:
    """One table of several articles (`frames`, one per row of `docs`), with doc_id and
    published first: the columns are added once, not once per article."""
    if not frames:
        frames, docs = [schemas.empty(name)], [{"doc_id": None, "published": None}]
    df = pd.concat(frames, ignore_index=True)
    lengths = [len(f) for f in frames]
    for i, key in enumerate(("doc_id", "published")):
        values = np.repeat(np.array([d[key] for d in docs], dtype=object), lengths)
        df.insert(i, key, pd.array(values, dtype="string"))
    return df


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
    frames = batch_tables(batch.articles, fetched)
    write_partition(Path(out), key, frames)
    return summary | {"skipped": False, "errors": len(frames["errors"]),
                      "seconds": round(time.perf_counter() - start, 3)}  # fmt: skip
