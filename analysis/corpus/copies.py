"""Copies in a corpus: the articles that carry another's text (a relay, a reprint), found with
MinHash and locality-sensitive hashing (datasketch), and the story each article tells.

    sigs = signatures({"a": body_a, "b": body_b})      # doc_id, minhash (one batch, on a worker)
    found = find(sigs.assign(published=...))             # doc_id, copy_of, similarity
    stories = story_ids(documents, found)                # each article's story: its first copy

An article's body (without its dateline) is cut into shingles of `SHINGLE_WORDS` words in a row,
lower case; its MinHash (`NUM_PERM` permutations, a fixed seed) estimates the Jaccard
similarity of two articles' shingles, and the LSH index finds the pairs likely to reach
`THRESHOLD` (from `LSH_THRESHOLD`) without comparing every pair. Two articles whose estimated similarity reaches
the threshold are copies of one story, and so is any article joined to them through another
copy; the story's first article (by publication date, then doc_id; the undated last) is its
`story_id`, and every other is a row of `copies`. Why five words and 0.4: a relay with a new
first paragraph and a trimmed ending keeps long runs of the original word for word (0.5 or
more); two stories on one event told in other words share names, figures, a quotation and
short phrases, seldom five words in a row (0.1 or less); measured in
`benchmarks/bench_copies.py` and docs/corpus.md.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .. import schemas

SHINGLE_WORDS = 5  # words in a row that make a shingle
NUM_PERM = 128  # MinHash permutations: the similarity's standard error is about 0.04 at 0.4
THRESHOLD = 0.4  # estimated Jaccard similarity of the shingles from which two are copies
SEED = 1  # the permutations' seed: signatures of every batch and run compare
# the LSH index looks for pairs from a lower similarity (42 bands of 3 values): a pair at 0.5
# is a candidate 99.6% of the time, at 0.45 98%, at 0.05 0.5%; each candidate is then checked
LSH_THRESHOLD = 0.25
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The shingles of a text: every run of k words (lower case, `\\w+`), as bytes; the whole
    text as one when it has fewer words; none when it has no word."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signatures(bodies: dict[str, str], *, k: int = SHINGLE_WORDS) -> pd.DataFrame:
    """doc_id, minhash: each body's MinHash (datasketch, `NUM_PERM` values of 32 bits, little
    endian) of its shingles of `k` words, for the articles that have a word; in the order
    given."""
    from datasketch import MinHash

    ids, values = [], []
    base = MinHash(num_perm=NUM_PERM, seed=SEED)
    for doc_id, body in bodies.items():
        shingled = shingles(body, k)
        if not shingled:
            continue
        m = base.copy()
        m.update_batch(list(shingled))
        ids.append(doc_id)
        values.append(m.hashvalues.astype("<u4").tobytes())
    return schemas.conform_corpus(pd.DataFrame({"doc_id": ids, "minhash": values}), "signatures")


def _lean(value: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(value, dtype="<u4"), scheme="affine32")


def in_order(documents: pd.DataFrame) -> pd.DataFrame:
    """The articles by publication date (its first ten characters, ISO 8601), then doc_id; the
    undated last: the order in which a story's first article comes first."""
    day = documents["published"].astype("string").str.slice(0, 10)
    return documents.assign(_day=day).sort_values(
        ["_day", "doc_id"], na_position="last", kind="stable"
    ).drop(columns="_day")  # fmt: skip


def find(sigs: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """doc_id, copy_of, similarity: every article that is a copy of an earlier one.

    `sigs` holds doc_id, published and minhash (`signatures`) for every article. The articles
    are taken in order (`in_order`); each is looked up in an LSH index of the ones before it,
    each candidate's similarity estimated from the two MinHashes, and the pairs reaching
    `threshold` join their stories. `copy_of` is the story's first article, `similarity` the
    estimated Jaccard similarity with it (below the threshold for an article that is a copy
    of it through another copy). Rows in the articles' order.
    """
    from datasketch import MinHashLSH

    ordered = in_order(sigs[["doc_id", "published", "minhash"]])
    ids = ordered["doc_id"].astype(str).tolist()
    hashes = [_lean(v) for v in ordered["minhash"]]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    first = list(range(len(ids)))  # each article's story, by position: the first of its copies

    def root(i: int) -> int:
        while first[i] != i:
            first[i] = first[first[i]]
            i = first[i]
        return i

    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if m.jaccard(hashes[j]) >= threshold:
                a, b = root(i), root(j)
                first[max(a, b)] = min(a, b)  # the earlier article leads the story
        lsh.insert(i, m, check_duplication=False)
    rows = [(ids[i], ids[r], hashes[i].jaccard(hashes[r]))
            for i in range(len(ids)) if (r := root(i)) != i]  # fmt: skip
    return schemas.conform_corpus(
        pd.DataFrame(rows, columns=["doc_id", "copy_of", "similarity"]), "copies"
    )


def story_ids(documents: pd.DataFrame, copies: pd.DataFrame) -> pd.Series:
    """Each article's story (aligned with `documents`): the doc_id of its first copy, or its
    own when it is no copy."""
    first = dict(zip(copies["doc_id"].astype(str), copies["copy_of"].astype(str)))
    ids = documents["doc_id"].astype(str)
    return pd.Series([first.get(d, d) for d in ids], index=documents.index, dtype="string",
                     name="story_id")  # fmt: skip
