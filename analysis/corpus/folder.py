"""Many articles at once: the same tables for a folder of articles, with `doc_id` first.

A file that cannot be read is reported by name and skipped; the others go on. A progress bar
shows the work on many files.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import InputError
from ..reading.article import Article


class SkippedFileWarning(UserWarning):
    """An article of a corpus could not be read and was left out."""


def articles_in(folder: str | Path) -> list[Path]:
    """The articles of a folder (.txt files and saved web pages, .html and .htm), in name
    order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "is not a folder of articles; pass a folder holding .txt files")
    found = paths.articles_in(folder)
    if not found:
        raise InputError(
            folder, "no article (.txt or .html file) in this folder; put the articles in it"
        )
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

    from ..schemas import TABLE_NAMES
    from ..tables.bundle import load

    names = list(names or TABLE_NAMES)
    articles = list(articles)
    parts: dict[str, list[pd.DataFrame]] = {n: [] for n in names}
    for path in tqdm(articles, desc="articles", unit="file", disable=not progress, file=sys.stderr):
        try:
            tables = load(path)
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


def write_corpus_tables(out: str | Path | None, folder: str | Path) -> list[Path]:
    """Every table of every article in a folder, stacked with `doc_id` first, as CSV files.

    Unreadable articles are skipped with a warning naming them; the default folder is
    data/processed/<folder name>/.
    """
    from ..tables.output import write_csvs

    frames = corpus_tables(articles_in(folder))
    return write_csvs(
        Path(out) if out is not None else paths.PROCESSED / Path(folder).resolve().name, frames
    )


def beside_bundle(article: str | Path | Article) -> list[Path | tuple[str, str]]:
    """An article followed by the bundle's own articles (the seed and data/eval/), each once:
    an Article as its name and text (a web page's main text), a path as it is."""
    if isinstance(article, Article):
        first, path = (article.name, article.text), article.path
    else:
        first = path = Path(article)
    return [first, *(d for d in default_corpus() if d.resolve() != path.resolve())]
