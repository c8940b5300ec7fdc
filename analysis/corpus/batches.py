"""The work of a corpus, cut into batches of articles: which articles, in which batch, under
which key, and what a worker does with one batch (`process_batch`).

A batch's key is the hash of what its tables are made from: each article's name, its bytes,
and the bytes of its `.meta.yaml` and `.facts.yaml` where present, and the fingerprint of the
package that makes the tables (its code and data, the libraries' versions, the options; see
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
from ..reading.article import MAX_BYTES
from ..reading.files import read_bounded

BATCH_SIZE = 50


@dataclass(frozen=True)
class Batch:
    """Articles processed together and written as one partition; `key` names the partition."""

    number: int
    articles: tuple[Path, ...]

    @property
    def key(self) -> str:
        """The partition's name: a hash of the articles' files and the package's fingerprint,
        as the process that asks sees them (a worker, when a worker builds the batch)."""
        h = hashlib.sha256(fingerprint.fingerprint().encode())
        for path in self.articles:
            h.update(b"\0" + path.stem.encode("utf-8"))
            for file in (path, paths.companion(path, "meta"), paths.companion(path, "facts")):
                h.update(b"\1" + (_digest(file) or b"-"))
        return h.hexdigest()[:24]


def _digest(path: Path) -> bytes | None:
    """The hash of a file, read as the worker reads it: only a regular file, and at most the
    limit (a FIFO is not waited on, /dev/zero not read); None when there is nothing there."""
    if not path.exists():
        return None
    try:
        return hashlib.sha256(read_bounded(path, MAX_BYTES, "a file", "")).digest()
    except InputError:  # the worker reports it in `errors`
        return b"?"


def find_articles(where: str | Path | list) -> list[Path]:
    """The .txt articles a user means, in doc_id order: a folder's, a glob's, or a list of
    files; one line naming the path and what to do when there are none or two share a name."""
    if isinstance(where, list | tuple):
        found = [Path(p) for p in where]
    elif Path(where).is_dir():
        found = list(Path(where).glob("*.txt"))
    elif Path(where).is_file():
        found = [Path(where)]
    else:
        found = [Path(p) for p in glob.glob(str(where), recursive=True) if p.endswith(".txt")]
    if not found:
        raise InputError(where if not isinstance(where, list | tuple) else None,
                         "no article (.txt file) found; pass a folder of articles or a glob such as 'news/*.txt'")  # fmt: skip
    found = sorted(found, key=lambda p: (p.stem, str(p)))
    for a, b in zip(found, found[1:]):
        if a.stem == b.stem:
            raise InputError(
                b, f"has the same name as {a}; an article's name is its doc_id, rename one"
            )
    return found


def plan(articles: list[Path], batch_size: int = BATCH_SIZE) -> list[Batch]:
    """The articles in batches of `batch_size`, in order."""
    return [
        Batch(i, tuple(articles[lo : lo + batch_size]))
        for i, lo in enumerate(range(0, len(articles), batch_size))
    ]


def article_tables(path: Path) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every table of one article, and its row of `documents` (with its body, for doc_terms)."""
    from ..tables.bundle import load

    tables = load(path)
    frames = tables.frames()
    meta, article = tables.article.meta, tables.article
    doc = {"doc_id": path.stem, "path": str(path), "published": (meta.get("published") or {}).get("date"),
           "agency": meta.get("agency"), "place": meta.get("place"), "title": meta.get("title") or path.stem,
           "body": article.text[article.body_start :]}  # fmt: skip
    return frames, doc


def batch_tables(articles: tuple[Path, ...]) -> dict[str, pd.DataFrame]:
    """Every table of a batch: its articles' tables stacked with doc_id and published first,
    and the batch's corpus tables. An article that raises InputError is a row of `errors`;
    the others go on."""
    from . import aggregate as agg

    parts: dict[str, list[pd.DataFrame]] = {n: [] for n in schemas.TABLE_NAMES}
    docs, failed = [], []
    for path in articles:
        try:
            frames, doc = article_tables(path)
        except InputError as err:
            failed.append({"doc_id": path.stem, "path": str(path), "error": str(err)})
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
    key = batch.key
    summary = {"key": key, "number": batch.number, "articles": len(batch.articles)}
    if partition(Path(out), key).is_dir():
        return summary | {"skipped": True, "errors": None, "seconds": 0.0}
    frames = batch_tables(batch.articles)
    write_partition(Path(out), key, frames)
    return summary | {"skipped": False, "errors": len(frames["errors"]),
                      "seconds": round(time.perf_counter() - start, 3)}  # fmt: skip
