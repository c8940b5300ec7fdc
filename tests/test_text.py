"""The raw article, its dateline, sentences and tokens."""

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import paths, schemas
from analysis.reading import text as text_mod
from analysis.reading.article import Article, parse_dateline

SHA256 = "3f20b28d1d0b0c938524a5a98251a4e63f3506e4a5d90648e8e8b3cb6404977c"


def test_raw_article_is_the_seed_byte_for_byte():
    assert hashlib.sha256(paths.ARTICLE.read_bytes()).hexdigest() == SHA256


def test_dateline_is_metadata_not_a_sentence(seed, text):
    meta = dict(analysis.load().article.meta)
    assert (meta["place"], meta["agency"]) == ("Minsk", "Kazinform")
    assert meta["sources"] == ["BelTA"]
    assert meta["published"]["date"] == "2015-10-22"
    assert meta["published"]["year_inferred"] is True
    assert meta["source_line"] == "Source: Kazinform via BelTA, 22 Oct 2015"
    first = seed["sentences"].iloc[0]
    assert text[: first["start"]] == "MINSK. KAZINFORM - "
    assert first["text"].startswith("Kazakhstan does not rule out")


@pytest.mark.parametrize(
    "head, place, agency, date",
    [
        ("ASTANA. KAZINFORM - The", "Astana", "Kazinform", None),
        ("MOSCOW, June 29 (RIA Novosti) - The", "Moscow", "RIA Novosti", "June 29"),
        ("WASHINGTON (Reuters) - The", "Washington", "Reuters", None),
        ("\ufeffMINSK. KAZINFORM - The", "Minsk", "Kazinform", None),
    ],
)
def test_dateline_forms(head, place, agency, date):
    d = parse_dateline(head)
    assert (d.place, d.agency, d.date_text) == (place, agency, date)
    assert head[d.end :] == "The"


def test_no_dateline():
    assert parse_dateline("Kazakhstan does not rule out - maybe.") is None


def test_seventeen_sentences_with_quotes_split(seed):
    s = seed["sentences"]
    assert len(s) == 17
    assert s["sentence_id"].tolist() == list(range(1, 18))
    assert s.loc[1, "text"] == '"Joint projects is about timing.'
    assert s.loc[3, "text"] == 'I think it can happen," the head of the committee said.'
    assert s.loc[16, "text"].endswith("belta.by reports.")


def test_offsets_round_trip(seed, text):
    for df, col in ((seed["sentences"], "text"), (seed["tokens"], "token")):
        assert all(text[a:b] == t for a, b, t in zip(df["start"], df["end"], df[col]))


def test_tokens_keep_numbers_addresses_and_hyphens_whole(seed):
    tokens = set(seed["tokens"]["token"])
    assert {"22-23", "2016", "belta.by", "22"} <= tokens
    from analysis.reading.text import tokenize

    assert tokenize("earth-observing U.S. 1,000 don't") == [
        "earth-observing", "U.S.", "1,000", "don", "'t",
    ]  # fmt: skip


def test_tokens_table(seed):
    tok = seed["tokens"]
    assert len(tok) == 364
    assert tok["token_index"].tolist() == list(range(len(tok)))
    assert tok.groupby("sentence_id").size().tolist() == seed["sentences"]["n_tokens"].tolist()
    sat = tok.loc[tok["token"] == "satellites"]
    assert sat["lemma"].tolist() == ["satellite"]
    the = tok.loc[tok["lower"] == "the"]
    assert the["is_stopword"].all() and not the["is_punct"].any()
    assert tok.loc[tok["token"] == ":", "is_punct"].all()


def test_names_keep_their_form(seed):
    lemmas = dict(zip(seed["tokens"]["token"], seed["tokens"]["lemma"]))
    assert lemmas["Belarus"] == "belarus"
    assert lemmas["Sciences"] == "sciences"


# the seed's rows, table by table, with the first row's first value
SEED_ROWS = {
    "sentences": (17, 1), "tokens": (364, 1), "terms": (143, "the"),
    "ngrams": (426, "erkin shaymagambetov"), "keyness": (143, "kazakhstan"),
    "dispersion": (183, "kazakhstan"), "kwic": (183, "kazakhstan"), "entities": (17, "Kazakhstan"),
    "mentions": (52, "Minsk"), "roles": (4, "Erkin Shaymagambetov"), "events": (16, "E1"),
    "quantities": (3, "spacecraft launched by Kazakhstan"), "topics": (10, "earth sensing"),
    "quotes": (9, "Erkin Shaymagambetov"), "dates": (5, "on 22 October"),
    "sources": (3, "Kazinform"), "stats": (17, "words"), "keyphrases": (40, "YAKE"),
}  # fmt: skip


def test_every_table_is_listed():
    assert set(SEED_ROWS) == set(schemas.TABLE_NAMES)


@pytest.mark.parametrize("name", schemas.TABLE_NAMES)
def test_every_table_matches_its_schema_with_the_seeds_rows(seed, name):
    schemas.validate(seed[name], name)
    rows, first = SEED_ROWS[name]
    assert len(seed[name]) == rows
    assert seed[name].iloc[0, 0] == first


def test_stopword_list_is_editable(tmp_path, monkeypatch):
    own = tmp_path / "stop.txt"
    own.write_text("# mine\nkazakhstan  # a country\n\nthe\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSIS_STOPWORDS", str(own))
    from analysis.reading.text import stopwords

    assert stopwords() == {"kazakhstan", "the"}
    terms = analysis.load().terms
    assert terms.set_index("term").loc["kazakhstan", "is_stopword"]
    assert not terms.set_index("term").loc["of", "is_stopword"]


def test_column_reference_documents_every_column():
    written = (paths.ROOT / "docs" / "columns.md").read_text(encoding="utf-8")
    assert written == schemas.reference(), "docs/columns.md is stale: run make columns"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("aZ9 .,-'’\"\n\t\u00a0\u2003é٣_$")), max_size=120))
def test_token_offsets_are_those_of_the_pattern_sentence_by_sentence(body):
    # the offsets are read off the tokens (they tile what is not white space); they must be
    # exactly where the pattern finds each token in its sentence
    a = Article(path=Path("/nonexistent/x.txt"), text=body, dateline=None, meta={})
    sentences, tokens = text_mod.sentences_and_tokens(a)
    want = [
        (sid, m.start(), m.end(), m.group())
        for sid, s, e in zip(sentences["sentence_id"], sentences["start"], sentences["end"])
        for m in text_mod._TOKENS.finditer(body, s, e)
    ]
    got = list(zip(tokens["sentence_id"], tokens["start"], tokens["end"], tokens["token"]))
    assert got == want
