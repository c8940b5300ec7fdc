"""Whatever text it is given, the package succeeds with exact offsets or says what is wrong."""

import errno
import os
import re
import socket
import uuid
from collections import Counter

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import InputError
from analysis.tables.output import write_tables
from analysis.terms.counting import WORD_PATTERN, term_counts, term_frequencies
from analysis.viz import charts

# ---- term counting: the vectorised path equals the per-token path ---------------------------


def _slow_counts(tables) -> pd.Series:
    tok = tables["tokens"]
    return tok.loc[~tok["is_punct"]].groupby("lower").size().sort_index()


def _fast_counts(text: str) -> pd.Series:
    c = term_counts([text]).set_index("term")["count"]
    c.index = c.index.astype(str)
    return c.sort_index()


def test_term_counts_equal_the_tokens_table(seed):
    a = analysis.load().article
    slow, fast = _slow_counts(seed), _fast_counts(a.text[a.body_start :])
    pd.testing.assert_series_equal(
        slow, fast, check_names=False, check_dtype=False, check_index_type=False
    )
    assert fast["kazakhstan"] == 9


def test_no_word_character_is_white_space():
    # term_counts splits on white space before it matches WORD_PATTERN: sound only because no
    # character a token can hold is one that str.split() splits on
    word = re.compile(r"[\w.,'’-]")
    everything = [chr(i) for i in range(0x110000)]
    assert not [c for c in everything if c.isspace() and word.match(c)]
    # and a chunk of letters and digits alone is one token, without the regular expression
    assert not [c for c in everything if c.isalnum() and not re.fullmatch(r"\w", c)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(["U.S.", "e.g.", "1,000.5", "22-23", "belta.by", "don't", "’s", "—"]),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_term_counts_equal_findall_over_the_whole_text(text):
    expected = Counter(re.findall(WORD_PATTERN, text.lower()))
    counts = term_counts([text])
    assert dict(zip(counts["term"].astype(str), counts["count"].tolist())) == expected


def test_term_counts_of_paths_and_texts(tmp_path):
    (tmp_path / "one.txt").write_text("Space, space and SPACE.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Belarus launched 2 satellites in 2016.", encoding="utf-8")
    counts = term_counts(sorted(tmp_path.glob("*.txt")))
    assert list(counts.columns) == ["doc_id", "term", "count"]
    rows = {(str(d), str(t)): c for d, t, c in counts.itertuples(index=False)}
    assert rows[("one", "space")] == 3 and rows[("two", "2016")] == 1
    per_doc, corpus = term_frequencies(term_counts(["a b b", "b c"]))
    assert corpus.set_index("term").loc["b", ["count", "n_docs"]].tolist() == [3, 2]
    assert per_doc.loc[per_doc["term"] == "b", "per_1k"].tolist() == pytest.approx(
        [2000 / 3, 500.0]
    )


# ---- any text at all ------------------------------------------------------------------------

ANY_TEXT = st.one_of(
    st.text(max_size=400),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp"]),
        max_size=200,
    ),
    st.text(alphabet='مرحبا بالعالم שלום 👩‍🚀🚀 e\u0301 n\u0303 . " “ ” \n\r\t-', max_size=300),
    st.builds(lambda a, b: a + "\n" * 10_000 + b, st.text(max_size=50), st.text(max_size=50)),
    st.builds(lambda s: "MINSK. KAZINFORM - " + s, st.text(max_size=300)),
)


def _check_offsets(tables, text):
    for name, col in (("sentences", "text"), ("tokens", "token")):
        df = tables[name]
        assert all(text[a:b] == t for a, b, t in zip(df["start"], df["end"], df[col]))
    for name in analysis.TABLE_NAMES:
        assert isinstance(tables[name], pd.DataFrame)


@pytest.mark.slow  # every table of 80 generated texts
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=ANY_TEXT)
def test_any_text_builds_every_table_or_says_why(tmp_path, text):
    path = tmp_path / f"{uuid.uuid4().hex}.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        tables = analysis.load(path).frames()
    except InputError as err:
        assert str(err).startswith(str(path)) and "\n" not in str(err)
        return
    _check_offsets(tables, path.read_bytes().decode("utf-8"))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=100), surrogate=st.integers(0xD800, 0xDFFF))
def test_lone_surrogates_are_refused_as_not_utf8(tmp_path, text, surrogate):
    path = tmp_path / f"{uuid.uuid4().hex}.txt"
    path.write_bytes((text + chr(surrogate) + " space").encode("utf-8", "surrogatepass"))
    with pytest.raises(InputError, match="is not UTF-8 text|is a binary file"):
        analysis.load(path).frames()


# ---- no network ------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_network_is_blocked_during_tests():
    with pytest.raises(Exception) as err:
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    assert "Socket" in type(err.value).__name__ or "not allowed" in str(err.value)


# ---- atomic writes ---------------------------------------------------------------------------


def _disk_fills_after(monkeypatch, n_ok: int):
    calls = {"n": 0}
    real = os.fsync

    def fsync(fd):
        calls["n"] += 1
        if calls["n"] > n_ok:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_full_disk_leaves_previous_tables(tmp_path, monkeypatch, article_copy):
    out = tmp_path / "out"
    write_tables(out)
    before = _snapshot(out)
    # another article's tables fail to write half-way: the old ones stay, whole
    _disk_fills_after(monkeypatch, 5)
    with pytest.raises(OSError, match="No space left"):
        write_tables(out, article_copy.with_name("article.txt"))
    assert _snapshot(out) == before


@pytest.mark.slow  # every chart rendered
def test_full_disk_leaves_previous_charts(tmp_path, monkeypatch):
    charts.export(tmp_path, analysis.load(), names=["zipf", "top_terms"], formats=["png", "svg"])
    before = _snapshot(tmp_path)
    (tmp_path / "zipf.png").write_bytes(b"an older chart")
    before["zipf.png"] = b"an older chart"
    _disk_fills_after(monkeypatch, 2)
    with pytest.raises(OSError, match="No space left"):
        charts.export(
            tmp_path, analysis.load(), names=["zipf", "top_terms"], formats=["png", "svg"]
        )
    assert _snapshot(tmp_path) == before  # no file replaced, no temporary file left
