"""Copies in a corpus: the articles that carry another's text (a relay, a reprint), found with
MinHash and locality-sensitive hashing (datasketch), and the story each article tells.

    sigs = signatures({"a": body_a, "b": body_b})      # doc_id, minhash (one batch, on a worker)
    found = find(sigs.assign(published=...))             # doc_id, copy_of, similarity
    stories = story_ids(documents, found)                # each article's story: its first copy

An article's body (without its dateline) is cut into shingles of `SHINGLE_WORDS` words in a row,
lower case, those that hold a name or a figure (`shingles`); its MinHash (`NUM_PERM`
permutations, a fixed seed) estimates the Jaccard similarity of two articles' shingles, and the
LSH index finds the pairs likely to reach `THRESHOLD` (looking from `LSH_THRESHOLD`) without
comparing every pair. Two articles whose estimated similarity reaches the threshold are copies
of one story, and so is any article joined to them through another copy; the story's first
article (by publication date, then doc_id; the undated last) is its `story_id`, and every
other is a row of `copies`.

Why five words, names and figures, and 0.3 (measured on planted stories, `planted`, by
`benchmarks/bench_copies.py`; docs/corpus.md): a relay with a new first paragraph and a
trimmed ending keeps long runs of the original word for word (0.43 or more); two stories of
one event in other words share names, figures, a quotation and short phrases, seldom five
words in a row around them (0.09 or less); stories written to one formula share its words but
not their names and figures (0.22 at most among 600 of `generate`'s, whose every story is one
template; 0.51 when every run of words counts, which made half of them copies at 0.4); two
real stories of different events, 0.005.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from .. import schemas

SHINGLE_WORDS = 5  # words in a row that make a shingle
NUM_PERM = 128  # MinHash permutations: the similarity's standard error is about 0.04 at 0.3
THRESHOLD = 0.3  # estimated Jaccard similarity of the shingles from which two are copies
SEED = 1  # the permutations' seed: signatures of every batch and run compare
# the LSH index looks for pairs from a lower similarity (42 bands of 3 values): a pair at 0.5
# is a candidate 99.6% of the time, at 0.45 98%, at 0.4 94%, at 0.05 0.5%; each candidate is
# then checked against THRESHOLD
LSH_THRESHOLD = 0.25
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The shingles of a text: every run of k words (`\\w+`, lower case) that holds a name or a
    figure (`anchors`), as bytes; every run when none does; the whole text as one when it has k
    words or fewer; none when it has no word. Runs without a name or a figure are the words any
    story of its kind uses ("the ministry said in a statement"): stories written to one
    formula, a market report or a result, share them and are no copies of one another."""
    found = list(_WORD.finditer(text))
    words = [m.group().lower() for m in found]
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    n = len(words) - k + 1  # runs
    held = [False] * n  # the runs that hold an anchor: those of the k runs each anchor is in
    for j, is_anchor in enumerate(anchors(text, found)):
        if is_anchor:
            for i in range(max(0, j - k + 1), min(j, n - 1) + 1):
                held[i] = True
    runs = [i for i in range(n) if held[i]] or range(n)
    return {" ".join(words[i : i + k]).encode() for i in runs}


def anchors(text: str, found: list[re.Match]) -> list[bool]:
    """For each word of `found` (matches of `\\w+` in `text`): whether it is a figure (it holds
    a digit) or a name (capitalised, not at the start of a sentence, neither a stopword nor a
    calendar word: `analysis.constants.STEADY_WORDS`)."""
    common = _common()
    starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    return [
        not w.isalpha() or (w[0].isupper() and m.start() not in starts and w.lower() not in common)
        for m in found
        for w in (m.group(),)
    ]


# a word that starts a sentence: at the start, or after a full stop, a colon or a line break,
# and any quotation marks or brackets
_SENTENCE_START = re.compile(r"(?:\A|[.!?:\n])[\s\"'\u201c\u2018(]*(\w+)")


@cache
def _common() -> frozenset[str]:
    from ..constants import STEADY_WORDS
    from ..reading.text import stopwords

    return frozenset(stopwords()) | frozenset(STEADY_WORDS)


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
