"""The steps over the whole corpus, as tasks a Dask worker runs once every batch is written
(`dask_run.CORPUS_STEPS` submits them): each reads the batches' partitions of a corpus's
output folder, the columns it needs, and writes one table beside the totals.

    copies_of_corpus(out, keys)      out/copies.parquet       (copies.find on every signature)
    batch_totals(partition, name)    a batch's totals with n_stories, for dask_run.merge_totals
    topics_of_corpus(out, keys)      out/topic_terms.parquet, out/doc_topics.parquet
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import schemas
from . import aggregate as agg
from .store import partition, write_total


def released(step):
    """The step, then the memory it freed given back to the system: a worker that ran it goes
    on with the batches of the next run at the size its batches need (pyarrow's pool and
    glibc's heap both keep what was freed, for the process's life, unless told)."""
    import functools

    @functools.wraps(step)
    def run(*args, **kwargs):
        try:
            return step(*args, **kwargs)
        finally:
            release_memory()

    return run


def release_memory() -> None:
    """Collect, then hand the free pages of pyarrow's memory pool and of the C heap back to
    the system (`batches.trim_memory`)."""
    import gc

    import pyarrow as pa

    from .batches import trim_memory

    gc.collect()
    pa.default_memory_pool().release_unused()
    trim_memory()


def _read(part: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    import pyarrow.parquet as pq

    return pq.read_table(part / f"{name}.parquet", columns=columns).to_pandas()


@released
def copies_of_corpus(out: str, keys: list[str], *, find: bool = True) -> dict:
    """Find the copies among the articles of the batches `keys` of `out` and write
    out/copies.parquet (empty when not `find`). Returns n_articles, n_stories, copies."""
    from .copies import find as find_copies

    out = Path(out)
    docs = [_read(partition(out, k), "documents", ["doc_id", "published"]) for k in keys]
    docs = pd.concat(docs, ignore_index=True) if docs else schemas.empty("documents")
    found = schemas.empty("copies")
    if find and len(docs):
        sigs = pd.concat([_read(partition(out, k), "signatures") for k in keys], ignore_index=True)
        found = find_copies(sigs.merge(docs, on="doc_id"))
    write_total(out, "copies", found)
    return {"n_articles": len(docs), "n_stories": len(docs) - len(found), "copies": len(found)}


def batch_totals(part: Path, name: str, copied: set[str]) -> pd.DataFrame:
    """A batch's own total `name` with `n_stories` filled in: the same total over the batch's
    articles that are no copy (`copied`: the copies' doc_ids), when the batch holds a copy."""
    total = _read(part, name)
    ids = set(_read(part, "documents", ["doc_id"])["doc_id"])
    if not ids & copied:
        return agg.with_stories(total, name, None)
    source, total_of = TOTALS[name]
    rows = _read(part, source)
    return agg.with_stories(total, name, total_of(rows.loc[~rows["doc_id"].isin(copied)]))


# each total: the batch's table it is made from, and how
TOTALS = {
    "term_totals": ("doc_terms", agg.term_totals),
    "entity_articles": ("entities", agg.entity_articles),
    "comentions": ("entities", agg.comentions),
}


@released
def topics_of_corpus(out: str, keys: list[str], *, fit: bool = True) -> dict:
    """Fit the topic model on the stories of the batches `keys` of `out` (`topics.sample`,
    `topics.train`: their doc_terms read a partition at a time, the stories' only), give every
    article its topics (a partition at a time), and write out/topic_terms.parquet and
    out/doc_topics.parquet (empty when not `fit`). Returns topics, the number fitted."""
    from . import topics
    from .store import read

    out = Path(out)
    terms, doc_topics = schemas.empty("topic_terms"), schemas.empty("doc_topics")
    parts = [partition(out, k) for k in keys]
    columns = ["doc_id", "term", "count"]
    if fit and parts:
        ids = pd.concat([_read(p, "documents", ["doc_id"]) for p in parts])["doc_id"].tolist()
        stories = topics.sample(ids, set(read(out, "copies")["doc_id"].astype(str)))
        chosen = set(stories)
        counts = pd.concat([_read(p, "doc_terms", columns).loc[lambda d: d["doc_id"].isin(chosen)]
                            for p in parts], ignore_index=True)  # fmt: skip
        model = topics.train(counts, stories)
        if model is not None:
            terms = topics.topic_terms(model)
            doc_topics = pd.concat([topics.doc_topics(model, _read(p, "doc_terms", columns))
                                    for p in parts], ignore_index=True)  # fmt: skip
    write_total(out, "topic_terms", terms)
    write_total(out, "doc_topics", doc_topics)
    return {"topics": int(terms["topic_id"].nunique())}
