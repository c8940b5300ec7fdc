"""term_counts counts with polars where Rust's regex reads a text as Python's does, and in
Python otherwise: both ways give re.findall's counts, and a corpus mixing both the same rows."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.terms import counting
from analysis.terms.counting import WORD_PATTERN, term_counts

# the characters the polars path takes, and some it must leave to Python
SAFE = "aZ09_ .,-'’\"“”—–…\n\t\xa0éÉçœŒşğÿ°©™×→█⠀😂"
WORDS = [
    "U.S.",
    "e.g.",
    "u.s.a",
    "a.b.c.d",
    "1,000.5",
    "22-23",
    "belta.by",
    "don't",
    "’s",
    "—",
    "x_y",
]


def _findall(text: str) -> Counter:
    return Counter(re.findall(WORD_PATTERN, text.lower()))


def _as_dict(counts, doc="0") -> dict:
    mine = counts.loc[counts["doc_id"] == doc]
    return dict(zip(mine["term"].astype(str), mine["count"].tolist()))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(alphabet=SAFE, max_size=30), st.sampled_from(WORDS)), max_size=15
    ).map(" ".join)
)
def test_either_path_counts_as_findall(text):
    assert _as_dict(term_counts([text])) == _findall(text)


def test_which_path_a_text_takes():
    import polars as pl

    def python(text: str) -> bool:
        return pl.Series([text]).str.contains(counting._OTHER_CHARACTER).item()

    assert not python("Café “naïve” — U.S.A. e.g. 1,000 don’t 20 °C → 😂")
    for text in ("İstanbul", "a\x1cb", "Σας", "½", "x²", "❤\ufe0f", "Ⓐ"):
        assert python(text), text


def test_a_corpus_of_both_kinds_keeps_document_order():
    docs = ["Port port PORT.", "Σας port", "u.s.a and u.s.", "", "rail, rail"]
    counts = term_counts(docs)
    assert counts["doc_id"].astype(str).tolist() == ["0", "1", "1", "2", "2", "2", "4"]
    for i, text in enumerate(docs):
        assert _as_dict(counts, str(i)) == _findall(text)
