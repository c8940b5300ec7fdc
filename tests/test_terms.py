"""Term frequencies, n-grams, keyness, dispersion and keyword in context."""

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.reading import text as text_mod
from analysis.reading.article import Article
from analysis.terms import frequencies


def test_term_counts(seed):
    t = seed["terms"].set_index("term")
    assert t.loc[["kazakhstan", "belarus", "space", "cooperation"], "count"].tolist() == [
        9,
        7,
        7,
        7,
    ]
    assert t.loc["satellite", "count"] == 2  # "satellites" and "satellite" count together
    assert t.loc["kazakhstan", "n_sentences"] == 8
    assert t.loc["kazakhstan", "first_sentence"] == 1
    assert t.loc["cooperation", "first_sentence"] == 5
    assert t.loc["the", "rank"] == 1 and t.loc["the", "count"] == 26
    assert t.loc["kazakhstan", "rank"] == t.loc["be", "rank"] == 4  # ties share the lower rank
    assert t["count"].sum() == 321  # word tokens: 364 tokens less 43 punctuation marks
    assert t.loc["kazakhstan", "per_1k"] == pytest.approx(1000 * 9 / 321)
    assert t["count"].is_monotonic_decreasing


def test_ngrams(seed):
    g = seed["ngrams"].set_index("ngram")
    assert g.loc["erkin shaymagambetov", "count"] == 3
    assert g.loc["earth remote sensing", "count"] == 2
    assert g.loc["joint space research", "n"] == 3
    assert "of the" not in g.index  # stopword-only
    # never across punctuation or a sentence end: "sensing, navigation" / "informs" + quote
    assert "sensing navigation" not in g.index
    assert "informs joint" not in g.index
    assert set(g["n"]) == {2, 3}
    top = seed["ngrams"].query("n == 2").iloc[0]
    assert top["ngram"] == "erkin shaymagambetov"
    assert top["pmi"] == pytest.approx(math.log2(321 * 3 / (3 * 3)), rel=0.02)


def test_keyness(seed):
    k = seed["keyness"].set_index("term")
    assert seed["keyness"]["term"].iloc[0] == "kazakhstan"
    assert k.loc["i", "log_ratio"] < 0 < k.loc["satellite", "log_ratio"]  # "I" is rarer here
    # a name general English lacks gets the floor, not a division by zero
    assert k.loc["shaymagambetov", "reference_per_1k"] == pytest.approx(
        1000 * frequencies.REFERENCE_FLOOR
    )
    assert k.replace([math.inf, -math.inf], math.nan).notna().all().all()


def test_keyness_is_dunnings_g2_against_general_english(seed):
    from wordfreq import word_frequency

    k = seed["keyness"].set_index("term")
    n = seed["terms"]["count"].sum()
    assert n == 321

    def g2(term: str) -> float:
        a, e = k.loc[term, "count"], n * word_frequency(term, "en")
        return 2 * (a * math.log(a / e) + (n - a) * math.log((n - a) / (n - e)))

    # nine times here, 3.7 per million words in general English: far more than expected
    assert k.loc["kazakhstan", "count"] == 9
    assert k.loc["kazakhstan", "log_likelihood"] == pytest.approx(g2("kazakhstan"), rel=1e-9)
    assert k.loc["kazakhstan", "log_likelihood"] > 100
    # once here, 12 per thousand in general English: less than expected, and G2 says so too
    assert k.loc["i", "log_ratio"] < 0
    assert k.loc["i", "log_likelihood"] == pytest.approx(g2("i"), rel=1e-9)
    assert 3 < k.loc["i", "log_likelihood"] < 3.5


def test_g2_against_a_hand_computed_value():
    terms = pd.DataFrame({"term": ["zzqx", "the"], "count": pd.array([5, 95], dtype="Int64")})
    k = frequencies.keyness(terms).set_index("term")
    a, n, e = 5, 100, 100 * frequencies.REFERENCE_FLOOR
    g2 = 2 * (a * math.log(a / e) + (n - a) * math.log((n - a) / (n - e)))
    assert k.loc["zzqx", "log_likelihood"] == pytest.approx(g2)


def test_dispersion(seed):
    d = seed["dispersion"]
    kz = d.loc[d["term"] == "kazakhstan"]
    assert len(kz) == 9
    assert kz["sentence_id"].tolist() == [1, 1, 3, 5, 6, 9, 10, 14, 17]
    assert "the" not in set(d["term"])


def test_kwic(seed):
    k = seed["kwic"]
    sat = k.loc[k["term"] == "satellite"]
    assert sat["keyword"].tolist() == ["satellites", "satellite"]
    first = sat.iloc[0]
    assert (first["left"], first["right"]) == (
        "four spacecraft: two communication",
        "and two more for earth",
    )
    narrow = frequencies.kwic(
        analysis.load().tokens, analysis.load().article.text, window=1, terms=["minsk"]
    )
    assert narrow["left"].tolist() == ["to", ""]
    assert narrow["right"].tolist() == [".", "is"]


def test_tables_are_fresh_copies():
    a = analysis.load().terms
    a["count"] = 0
    assert analysis.load().terms["count"].max() == 26


def test_ngram_counts_equal_nltks_own_finders(seed):
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder

    segs = frequencies._segments(seed["tokens"])
    assert segs[0][-3:] == ["programs", "with", "belarus"]  # the comma ends the run
    assert segs[2] == ["belta", "informs"]
    ours = frequencies._finders(segs)
    theirs = {
        2: BigramCollocationFinder.from_documents(segs),
        3: TrigramCollocationFinder.from_documents(segs),
    }
    for n in (2, 3):
        assert dict(ours[n].word_fd) == dict(theirs[n].word_fd)
        assert dict(ours[n].ngram_fd) == dict(theirs[n].ngram_fd)
        assert ours[n].N == theirs[n].N == 321
    assert dict(ours[3].wildcard_fd) == dict(theirs[3].wildcard_fd)
    assert dict(ours[3].bigram_fd) == dict(theirs[3].bigram_fd)
    assert ours[3].ngram_fd[("earth", "remote", "sensing")] == 2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab Z9.,\n\t\r\u00a0\u2003\x1c")), max_size=120))
def test_kwic_contexts_are_the_text_with_white_space_runs_as_one_space(body):
    a = Article(path=Path("/nonexistent/x.txt"), text=body, dateline=None, meta={})
    tokens = text_mod.sentences_and_tokens(a)[1]
    k = frequencies.kwic(tokens, body, window=2)
    by_index = tokens.set_index("token_index")
    for row in k.itertuples():
        sid = by_index.loc[row.token_index, "sentence_id"]
        same = tokens.loc[tokens["sentence_id"] == sid].set_index("token_index")
        lo = max(row.token_index - 2, same.index.min())
        hi = min(row.token_index + 2, same.index.max())
        left = body[same.loc[lo, "start"] : same.loc[row.token_index, "start"]]
        right = body[same.loc[row.token_index, "end"] : same.loc[hi, "end"]]
        assert (row.left, row.right) == (" ".join(left.split()), " ".join(right.split()))


def test_term_explorer_strip_is_a_picture():
    from analysis.viz import explore

    data = explore.term_png(analysis.load(), "kazakhstan")
    assert data.startswith(b"\x89PNG") and len(data) > 1000
    assert data == explore.term_png(analysis.load(), "kazakhstan")  # the same bytes on rerun


NGRAM_TEXT = (
    "The harbour board met on Tuesday. The harbour board said the new harbour crane would "
    "arrive in May, and the board said the crane would lift twice the load of the old crane. "
    "Dock workers said the new crane was welcome; the harbour board said little else."
)


@pytest.mark.parametrize("body", [None, NGRAM_TEXT], ids=["seed", "own words"])
def test_ngram_scores_are_nltks_to_the_last_bit(seed, body):
    # the scores are counted column-wise with numpy: the same floats NLTK's association
    # measures give one n-gram at a time (compared by their bits, not approximately)
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

    tokens = (
        seed["tokens"]
        if body is None
        else text_mod.sentences_and_tokens(
            Article(path=Path("/nonexistent/x.txt"), text=body, dateline=None, meta={})
        )[1]
    )
    stop = text_mod.stopwords()
    measures = {2: BigramAssocMeasures, 3: TrigramAssocMeasures}
    for n, finder in frequencies._finders(frequencies._segments(tokens)).items():
        finder.apply_ngram_filter(lambda *ws: all(w in stop for w in ws))
        keys = list(finder.ngram_fd)
        assert len(keys) > 10
        pmi, llr = frequencies._scores(finder, n, keys)
        theirs_pmi = dict(finder.score_ngrams(measures[n].pmi))
        theirs_llr = dict(finder.score_ngrams(measures[n].likelihood_ratio))
        assert [x.hex() for x in pmi] == [theirs_pmi[k].hex() for k in keys]
        assert [x.hex() for x in llr] == [theirs_llr[k].hex() for k in keys]


def test_ngram_scores_past_exact_integers_are_nltks_own(seed, monkeypatch):
    # counts too large for exact float arithmetic are scored by NLTK itself: the same table
    expected = seed["ngrams"]
    monkeypatch.setattr(frequencies, "_EXACT", 0)
    pd.testing.assert_frame_equal(frequencies.ngrams(seed["tokens"]), expected, check_exact=True)
