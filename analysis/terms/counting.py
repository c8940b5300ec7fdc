"""Term counting for one article or a hundred thousand: `term_counts(docs)`.

The per-token path through NLTK (sentences, then tokens, then one table row per token) is what
the single-article tables need, for offsets and sentence ids. Counting terms over a corpus needs
none of that, and it is cut down to calls that run in C:

- no token of `WORD_PATTERN` contains white space, and every match lies inside one run of
  non-space characters (a "chunk": `str.split`), so the tokens of a text are the tokens of its
  chunks, in order. The regular expression runs once per *distinct* chunk of the corpus
  ("space", "space,", "(space)" ...), never again for a chunk already seen;
- each chunk maps to the codes of its terms in one shared vocabulary (most to one code, some
  to none or several: "don't" is "don" and "'t");
- a document is then lower-cased, split, looked up (`operator.itemgetter`) and counted
  (`collections.Counter`) without a Python-level loop per token.

Counts are stored in compact integer arrays and the table is built once at the end, with
`term` as a categorical column. Tests prove the counts equal to those of the `tokens` table and
to `re.findall` over the whole text.
"""

from __future__ import annotations

import re
from array import array
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


def _texts(docs: Iterable[str | Path]) -> Iterable[tuple[str, str]]:
    from ..reading.article import read_text

    for i, doc in enumerate(docs):
        if isinstance(doc, Path):
            yield doc.stem, read_text(doc)
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


def term_counts(docs: Iterable[str | Path]) -> pd.DataFrame:
    """How often each term occurs in each document: doc_id, term, count.

    `docs` is an iterable of texts (doc_id "0", "1", ...) or of paths (doc_id: the file name
    without extension). Terms are lower-case word tokens (`WORD_PATTERN`, punctuation left
    out). Rows come in document order; `term` is categorical.
    """
    vocab = _Vocabulary()
    term_codes, counts, lengths = array("i"), array("i"), array("i")
    doc_ids: list[str] = []
    for doc_id, text in _texts(docs):
        doc_ids.append(doc_id)
        counted = vocab.count(text.lower().split())
        term_codes.extend(counted.keys())
        counts.extend(counted.values())
        lengths.append(len(counted))
    doc_codes = np.repeat(
        np.arange(len(doc_ids), dtype=np.int32), np.frombuffer(lengths, dtype=np.int32)
    )
    terms = _categorical(term_codes, list(vocab.terms))
    del term_codes, vocab
    docs_cat = _categorical(doc_codes, doc_ids)
    del doc_codes
    return pd.DataFrame(
        {"doc_id": docs_cat, "term": terms, "count": np.frombuffer(counts, dtype=np.int32)}
    )


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
