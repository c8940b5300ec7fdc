"""Term counting for one article or a hundred thousand: `term_counts(docs)`.

The per-token path (sentences from `reading.segment`, then tokens from `TOKEN_PATTERN`, then one
table row per token) is what the single-article tables need, for offsets and sentence ids. Counting terms over a corpus needs
none of that:

- polars lower-cases the texts, finds the tokens (`str.extract_all`, Rust's regex engine) and
  counts them per document (`group_by`), in Rust on every core, a block of texts at a time. It
  does so only for a text whose characters Rust's engine reads as Python's `re` does (`_SAFE`:
  ASCII, Latin letters, dashes, quotes, common symbols); for those its tokens are exactly
  `re.findall(WORD_PATTERN, text.lower())` (a property test holds them so);
- any other text (Greek, Cyrillic, a combining mark, a superscript digit...) is counted in
  Python: no token of `WORD_PATTERN` contains white space, so the tokens of a text are the
  tokens of its white-space-separated chunks; the regular expression runs once per *distinct*
  chunk ("space", "space,", "(space)"), each chunk maps to the codes of its terms in one shared
  vocabulary, and a document is lower-cased, split, looked up (`operator.itemgetter`) and
  counted (`collections.Counter`) by calls that run in C.

The table is built once at the end, with `term` as a categorical column. Tests prove the counts
equal to those of the `tokens` table and to `re.findall` over the whole text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

# The word alternatives of analysis.reading.text.TOKEN_PATTERN, in one line (scikit-learn's
# CountVectorizer takes this same pattern, so the benchmark compares like with like).
WORD_PATTERN = r"(?:[a-z]\.){2,}(?![a-z])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[-.]\w+)*|['’]\w+"
_WORDS = re.compile(WORD_PATTERN)


def _texts(docs: Iterable[str | Path | tuple[str, str]]) -> Iterable[tuple[str, str]]:
    from ..reading import page
    from ..reading.article import read_text

    for i, doc in enumerate(docs):
        if isinstance(doc, tuple):
            yield doc
        elif isinstance(doc, Path):
            yield doc.stem, (page.text_of(doc) if page.is_page(doc) else read_text(doc))
        else:
            yield str(i), doc


class _Vocabulary:
    """The terms of a corpus, coded as they come, and the term codes of every chunk seen.

    A chunk of one term maps to its code (an int), any other chunk to a tuple of codes: empty
    for "—", two for "don't". New chunks of a document are coded in sorted order, so that the
    codes never depend on hashing.
    """

    def __init__(self) -> None:
        self.terms: dict[str, int] = {}
        self.chunks: dict[str, int | tuple[int, ...]] = {}
        self.multi: set[tuple[int, ...]] = set()

    def count(self, chunks: list[str]) -> dict[int, int]:
        """How often each term occurs among the chunks of one document."""
        if not chunks:
            return {}
        try:
            codes = (
                itemgetter(*chunks)(self.chunks) if len(chunks) > 1 else (self.chunks[chunks[0]],)
            )
        except KeyError:
            terms, known = self.terms, self.chunks
            for chunk in sorted(set(chunks).difference(known)):
                if chunk.isalnum():  # letters and digits only: the chunk is one token (\w+)
                    known[chunk] = terms.setdefault(chunk, len(terms))
                    continue
                codes = tuple(terms.setdefault(t, len(terms)) for t in _WORDS.findall(chunk))
                known[chunk] = codes[0] if len(codes) == 1 else codes
                if len(codes) != 1:
                    self.multi.add(codes)
            return self.count(chunks)
        counted = Counter(codes)
        if not self.multi.isdisjoint(counted):  # chunks of no term or of several
            for key in sorted(self.multi.intersection(counted)):
                n = counted.pop(key)
                for code in key:
                    counted[code] += n
        return counted


# Polars (Rust's regex engine, on all cores) finds and counts the tokens of a text exactly as
# Python's `re` does when the text holds only characters both read alike: ASCII without the
# four separators Python alone splits on (\x1c-\x1f); Latin letters (but the dotted capital I,
# which lower-cases to a combining mark); dashes, quotation marks, the ellipsis; and symbols
# that are no word character to either (degrees, arrows, boxes, shapes, pictographs: not the
# superscript or circled digits, which are digits to Python). Every other text is counted in
# Python. Rust's engine has no lookahead: `(?![a-z])` is replaced by trying first what Python
# matches when an abbreviation runs into a letter ("u.s.a": a word with dots, \w+(?:[-.]\w+)*).
_SAFE = (
    r"\x{00}-\x{1b}\x{20}-\x{7f}\x{a0}-\x{b1}\x{b4}-\x{b8}\x{ba}\x{bb}\x{bf}-\x{12f}"
    r"\x{131}-\x{24f}\x{2010}-\x{2015}\x{2018}-\x{201f}\x{2026}\x{2122}\x{2190}-\x{21ff}"
    r"\x{2500}-\x{2775}\x{2794}-\x{27bf}\x{2800}-\x{28ff}\x{1f300}-\x{1faff}"
)
_OTHER_CHARACTER = rf"[^{_SAFE}]"
_RUST_PATTERN = r"(?:[a-z]\.){2,}[a-z]\w*(?:[-.]\w+)*|" + WORD_PATTERN.replace("(?![a-z])", "")
_BLOCK_CHARS = 1 << 23  # text counted at a time: memory stays a few times the block


def term_counts(docs: Iterable[str | Path]) -> pd.DataFrame:
    """How often each term occurs in each document: doc_id, term, count.

    `docs` is an iterable of texts (doc_id "0", "1", ...), of paths (doc_id: the file name
    without extension; a web page counts its main text) or of (doc_id, text) pairs. Terms are lower-case word tokens (`WORD_PATTERN`, punctuation left
    out). Rows come in document order, each document's terms in the order they first occur;
    `term` is categorical, its categories in the order the terms first occur.
    """
    import polars as pl

    doc_ids: list[str] = []
    parts: list[pl.DataFrame] = []
    block: list[str] = []
    size = 0
    for doc_id, text in _texts(docs):
        doc_ids.append(doc_id)
        block.append(text)
        size += len(text)
        if size >= _BLOCK_CHARS:
            parts += _count_block(block, len(doc_ids) - len(block))
            block, size = [], 0
    if block:
        parts += _count_block(block, len(doc_ids) - len(block))
    rows = (
        pl.concat(parts)
        if parts
        else pl.DataFrame(schema={"doc": pl.Int32, "term": pl.String, "len": pl.UInt32})
    )
    if len(parts) > 1:
        rows = rows.sort("doc", maintain_order=True)
    terms = rows.get_column("term").to_arrow().dictionary_encode()  # codes in order of first use
    return pd.DataFrame({
        "doc_id": _categorical(rows.get_column("doc").to_numpy(), doc_ids),
        "term": _categorical(terms.indices.to_numpy(zero_copy_only=False), terms.dictionary.to_pylist()),
        "count": rows.get_column("len").to_numpy().astype(np.int32),
    })  # fmt: skip


def _count_block(texts: list[str], offset: int) -> list:
    """doc, term, len for a block of texts (doc: the text's number from `offset` on): polars
    where it reads the text as Python does, Python for the others."""
    import polars as pl

    frame = pl.DataFrame(
        {"doc": np.arange(offset, offset + len(texts), dtype=np.int32), "text": texts}
    )
    frame = frame.with_columns(python=pl.col("text").str.contains(_OTHER_CHARACTER))
    fast = (
        frame.lazy().filter(~pl.col("python"))
        .select("doc", pl.col("text").str.to_lowercase().str.extract_all(_RUST_PATTERN).alias("term"))
        .explode("term").drop_nulls("term")
        .group_by("doc", "term", maintain_order=True).len()
        .collect()
    )  # fmt: skip
    slow = frame.filter(pl.col("python")).get_column("doc").to_list()
    if not slow:
        return [fast]
    vocab, rows = _Vocabulary(), []
    for doc in slow:
        counted = vocab.count(texts[doc - offset].lower().split())
        rows += [(doc, code, n) for code, n in counted.items()]
    words = list(vocab.terms)
    python = pl.DataFrame(
        [(d, words[c], n) for d, c, n in rows],
        schema={"doc": pl.Int32, "term": pl.String, "len": pl.UInt32},
        orient="row",
    )
    return [pl.concat([fast, python]).sort("doc", maintain_order=True)]


def _categorical(codes, categories: list[str]) -> pd.Categorical:
    # from_codes narrows the codes to the smallest integer type the categories need (int16
    # for up to 32,767 terms); the codes were built by us, so they need no validation
    dtype = pd.CategoricalDtype(pd.Index(categories, dtype=object))
    codes = codes if isinstance(codes, np.ndarray) else np.frombuffer(codes, dtype=np.int32)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


_CHUNK = 1 << 20


def _bincount(codes: np.ndarray, weights: np.ndarray | None, size: int) -> np.ndarray:
    """np.bincount a million rows at a time: its int64 and float64 copies stay small."""
    out = np.zeros(size, dtype=np.float64)
    for lo in range(0, len(codes), _CHUNK):
        w = None if weights is None else weights[lo : lo + _CHUNK]
        out += np.bincount(codes[lo : lo + _CHUNK], weights=w, minlength=size)
    return out


def term_frequencies(counts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-document and corpus term frequencies from `term_counts`.

    Returns (per_document: doc_id, term, count, per_1k) and (corpus: term, count, per_1k,
    n_docs), the corpus table sorted by count. Computed on the integer codes of the
    categorical columns (numpy's bincount), so that memory stays close to the size of the
    counts themselves; per_1k is float32 per document, float64 for the corpus.
    """
    for col in ("doc_id", "term"):
        if not isinstance(counts[col].dtype, pd.CategoricalDtype):
            counts = counts.assign(**{col: counts[col].astype("category")})
    doc = counts["doc_id"].cat.codes.to_numpy()
    term = counts["term"].cat.codes.to_numpy()
    n = counts["count"].to_numpy()
    vocab = counts["term"].cat.categories
    doc_total = _bincount(doc, n, len(counts["doc_id"].cat.categories))
    scale = (1000 / np.maximum(doc_total, 1)).astype(np.float32)
    per_1k = n.astype(np.float32)
    for lo in range(0, len(per_1k), _CHUNK):
        per_1k[lo : lo + _CHUNK] *= scale[doc[lo : lo + _CHUNK]]
    per_doc = counts.assign(per_1k=per_1k)
    total = _bincount(term, n, len(vocab)).astype(np.int64)
    n_docs = _bincount(term, None, len(vocab)).astype(np.int64)
    corpus = pd.DataFrame(
        {
            "term": pd.Series(vocab, dtype="string"),
            "count": total,
            "per_1k": 1000 * total / max(int(total.sum()), 1),
            "n_docs": n_docs,
        }
    )
    corpus = corpus.loc[corpus["count"] > 0].sort_values(
        ["count", "term"], ascending=[False, True], kind="stable"
    )
    return per_doc, corpus.reset_index(drop=True)


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
