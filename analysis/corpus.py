"""Many articles at once: the same tables for a folder of articles, with `doc_id` first.

A file that cannot be read is reported by name and skipped; the others go on. A progress bar
shows the work on many files.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from . import paths
from .errors import InputError


class SkippedFileWarning(UserWarning):
    """An article of a corpus could not be read and was left out."""


def articles_in(folder: str | Path) -> list[Path]:
    """The .txt articles of a folder, in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "is not a folder of articles; pass a folder holding .txt files")
    found = sorted(folder.glob("*.txt"))
    if not found:
        raise InputError(folder, "no article (.txt file) in this folder; put the articles in it")
    return found


def default_corpus() -> list[Path]:
    """The bundle's own articles: the seed and the evaluation articles in data/eval/."""
    return [paths.ARTICLE, *sorted((paths.DATA / "eval").glob("*.txt"))]


def corpus_tables(
    articles: Iterable[str | Path], *, names: Iterable[str] | None = None, progress: bool = True
) -> dict[str, pd.DataFrame]:
    """Every table for every article, stacked, with `doc_id` (the file name) as first column.

    Articles that raise an InputError are skipped with a SkippedFileWarning naming them.
    """
    from tqdm import tqdm

    from .schemas import TABLE_NAMES
    from .store import get

    names = list(names or TABLE_NAMES)
    articles = list(articles)
    parts: dict[str, list[pd.DataFrame]] = {n: [] for n in names}
    for path in tqdm(articles, desc="articles", unit="file", disable=not progress, file=sys.stderr):
        try:
            tables = get(path)
            frames = {n: tables[n] for n in names}
        except InputError as err:
            warnings.warn(f"skipped {err}", SkippedFileWarning, stacklevel=2)
            continue
        doc_id = Path(path).stem
        for n, df in frames.items():
            parts[n].append(df.assign(doc_id=doc_id)[["doc_id", *df.columns]])
    out = {}
    for n, frames in parts.items():
        df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"doc_id": []})
        out[n] = df.astype({"doc_id": "string"})
    return out


def distinctive_terms(
    counts: pd.DataFrame, *, n: int = 5, min_count: int = 2, stopwords=frozenset()
) -> pd.DataFrame:
    """What sets each document apart from the others: doc_id, term, count, log_ratio, rank.

    `counts` is `term_counts` output. For each document, each term's rate there is compared with
    its rate in the rest of the corpus (Hardie's log ratio, log2, with half a count added to
    both sides so that terms the rest lacks stay finite); the top `n` terms with at least
    `min_count` occurrences are kept.
    """
    c = counts.assign(term=counts["term"].astype(str), doc_id=counts["doc_id"].astype(str))
    c = c.loc[~c["term"].isin(stopwords) & c["term"].str.contains(r"[^\W\d_]", regex=True)]
    doc_tot = c.groupby("doc_id")["count"].transform("sum")
    term_tot = c.groupby("term")["count"].transform("sum")
    all_tot = c["count"].sum()
    rest = term_tot - c["count"]
    rest_tot = all_tot - doc_tot
    ratio = np.log2(((c["count"] + 0.5) / doc_tot) / ((rest + 0.5) / rest_tot.clip(lower=1)))
    out = (
        c.assign(log_ratio=ratio)
        .loc[lambda d: d["count"] >= min_count]
        .sort_values(["doc_id", "log_ratio", "term"], ascending=[True, False, True], kind="stable")
        .groupby("doc_id", sort=False)
        .head(n)
        .assign(rank=lambda d: d.groupby("doc_id").cumcount() + 1)
        .reset_index(drop=True)
    )
    return out[["doc_id", "term", "count", "log_ratio", "rank"]].astype(
        {
            "doc_id": "string",
            "term": "string",
            "count": "Int64",
            "log_ratio": "float64",
            "rank": "Int64",
        }
    )


def write_corpus_tables(out: str | Path | None, folder: str | Path) -> list[Path]:
    """Every table of every article in a folder, stacked with `doc_id` first, as CSV files.

    Unreadable articles are skipped with a warning naming them; the default folder is
    data/processed/<folder name>/.
    """
    from .store import write_csvs

    frames = corpus_tables(articles_in(folder))
    return write_csvs(
        Path(out) if out is not None else paths.PROCESSED / Path(folder).resolve().name, frames
    )
