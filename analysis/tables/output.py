"""The tables on disk: CSV files byte for byte what pandas writes, all written or none."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths
from ..atomic import write_all_atomic
from ..errors import InputError
from ..reading.article import Article
from .bundle import load


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
    A web page's main text is written beside its tables as `article.txt` (every offset of the
    tables points into it) with its metadata as `article.meta.yaml`: `analysis.load` of that
    `article.txt` gives the same tables.
    """
    tables = load(article, published)
    return write_csvs(
        Path(out) if out is not None else paths.PROCESSED / tables.article.name, tables.frames(),
        also=page_files(tables.article),
    )  # fmt: skip


def page_files(article: Article) -> dict[str, bytes]:
    """The files written beside a web page's tables: its main text (`article.txt`) and its
    metadata (`article.meta.yaml`); none for an article read from a text file."""
    from ..reading.page import Page

    if not isinstance(article, Page):
        return {}
    import yaml

    meta = {k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v)
            for k, v in article.meta.items() if v is not None}  # fmt: skip
    head = (f"# The metadata of {article.address or article.path} (its main text: article.txt),"
            " as read from the page.\n")  # fmt: skip
    body = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return {
        "article.txt": article.text.encode("utf-8"),
        "article.meta.yaml": (head + body).encode(),
    }


def write_csvs(
    out: Path, frames: dict[str, pd.DataFrame], also: dict[str, bytes] | None = None
) -> list[Path]:
    """Every frame as <out>/<name>.csv, and the files `also` (name -> bytes), all or none
    (never inside data/raw/). Returns the tables' paths."""
    if out.resolve().is_relative_to(paths.RAW.resolve()):
        raise InputError(
            out, "is inside data/raw/, which code never writes to; choose another --out"
        )
    data = {out / f"{name}.csv": to_csv(df) for name, df in frames.items()}
    os.makedirs(out, exist_ok=True)
    write_all_atomic(data | {out / name: b for name, b in (also or {}).items()})
    return list(data)
