"""A corpus's output folder: Parquet partitions, one per batch, each written whole or not at all.

    DIR/batches/batch=<key>/<table>.parquet   every article table and the batch's corpus tables
    DIR/<total>.parquet                       term_totals, entity_articles, comentions, and
                                              copies, topic_terms, doc_topics
    DIR/run.json                              what the last run did

A batch's files are written into a temporary folder beside the partitions, then the folder is
renamed into place: a reader (or a resumed run) sees every file of a batch or none, and a run
that is cut short leaves the partitions it finished readable. `<key>` is the content hash of
the batch's articles, so a batch whose articles have not changed is never written twice.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pandas as pd

from .. import schemas
from ..atomic import write_atomic

BATCHES = "batches"
_TMP = ".tmp-"


def partition(out: Path, key: str) -> Path:
    return Path(out) / BATCHES / f"batch={key}"


def done_keys(out: Path) -> set[str]:
    """The keys of the batches already written in `out`."""
    folder = Path(out) / BATCHES
    if not folder.is_dir():
        return set()
    return {p.name.removeprefix("batch=") for p in folder.glob("batch=*") if p.is_dir()}


def to_parquet(df: pd.DataFrame, name: str) -> bytes:
    """A table as Parquet bytes, with its declared Arrow schema and no pandas metadata: the same
    rows give the same bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cats = [c for c in df.columns if isinstance(df[c].dtype, pd.CategoricalDtype)]
    table = pa.Table.from_pandas(
        df.astype(dict.fromkeys(cats, "string")),
        schema=schemas.arrow_schema(name),
        preserve_index=False,
    ).replace_schema_metadata(None)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def write_partition(out: Path, key: str, frames: dict[str, pd.DataFrame]) -> Path:
    """Write a batch's tables as DIR/batches/batch=<key>/<name>.parquet, all or none.

    If the partition is there already (the same batch finished by another worker, whose
    result was lost with it), it is left as it is: the same articles make the same files.
    """
    final = partition(out, key)
    tmp = final.with_name(f"{_TMP}{final.name}-{uuid.uuid4().hex}")
    tmp.mkdir(parents=True)
    try:
        for name, df in frames.items():
            with open(tmp / f"{name}.parquet", "wb") as f:
                f.write(to_parquet(df, name))
                f.flush()
                os.fsync(f.fileno())
        try:
            os.rename(tmp, final)  # atomic; fails if `final` exists and is not empty
        except OSError:
            if not final.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def write_total(out: Path, name: str, df: pd.DataFrame) -> Path:
    path = Path(out) / f"{name}.parquet"
    write_atomic(path, to_parquet(df, name))
    return path


def write_manifest(out: Path, manifest: dict) -> None:
    data = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    write_atomic(Path(out) / "run.json", data.encode("utf-8"))


def remove_temporaries(out: Path) -> None:
    """Remove what writers cut short left behind (call when no writer is running)."""
    for tmp in (Path(out) / BATCHES).glob(f"{_TMP}*"):
        shutil.rmtree(tmp, ignore_errors=True)


def files(out: str | Path, name: str) -> list[Path]:
    """The Parquet files of a table in a corpus's output folder, in batch order."""
    out = Path(out)
    if name in schemas.TOTAL_TABLES or name in schemas.WHOLE_TABLES:
        return [out / f"{name}.parquet"]
    return sorted((out / BATCHES).glob(f"batch=*/{name}.parquet"))


def read(out: str | Path, name: str) -> pd.DataFrame:
    """A table of a corpus's output as one DataFrame, with its declared dtypes.

    Parameters
    ----------
    out : str or Path
        The output folder of `analysis.corpus.run` (or ``python -m analysis corpus``).
    name : str
        The table: an article's table (``terms``, ``events``... each with ``doc_id`` and
        ``published`` first), a batch table (``documents``, ``doc_terms``, ``timeline``,
        ``errors``, ``signatures``), a total (``term_totals``, ``entity_articles``,
        ``comentions``) or a table over the whole corpus (``copies``, ``topic_terms``,
        ``doc_topics``). ``documents`` gets each article's ``story_id`` from ``copies``.

    Returns
    -------
    pandas.DataFrame
        The table's rows from every batch: an article's table and the batch tables in article
        order (``doc_id``), each article's rows in their own order; the timeline by date. An
        empty table, with its columns and dtypes, when `out` holds none.

    Raises
    ------
    KeyError
        `name` is no table (the message lists the tables).
    """
    import pyarrow.parquet as pq

    from .aggregate import sort_timeline

    if name not in schemas.TABLES:
        known = ", ".join((*schemas.TABLE_NAMES, *schemas.CORPUS_TABLES))
        raise KeyError(f"no table '{name}'; the tables are {known}")
    found = [f for f in files(out, name) if f.is_file()]
    if not found:
        return schemas.conform_corpus(_empty(name), name)
    df = pd.concat([pq.read_table(f).to_pandas() for f in found], ignore_index=True)
    if name == "documents":  # each article's story, known once the copies are found
        from .copies import story_ids

        df = df.assign(story_id=story_ids(df, read(out, "copies")))
    df = schemas.conform_corpus(df, name)
    if "doc_id" in df.columns and name not in schemas.TOTAL_TABLES:
        df = df.sort_values("doc_id", kind="stable", ignore_index=True)
    return sort_timeline(df) if name == "timeline" else df


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series([], dtype=col.pandas_dtype()) for c, col in schemas.columns(name).items()}
    )
