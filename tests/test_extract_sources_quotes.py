"""The sources and quotes stages on stories written here (own words, invented facts)."""

import pytest

from analysis.facts.extract import model
from analysis.reading.article import load
from analysis.tables.bundle import Tables

needs_model = pytest.mark.skipif(not model.available(), reason="en_core_web_sm is not installed")


def _tables(tmp_path, text: str) -> Tables:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return Tables(load(path, published="2024-05-06"))


def test_sources_credited_in_words(tmp_path):
    t = _tables(
        tmp_path,
        "HARBIN, May 6 (Xinhua) -- Exports of grain rose by a fifth, according to the provincial "
        "statistics bureau. Two trucks overturned on the bridge, Harbin police said. The port "
        "will reopen next week, citing official data, the newspaper wrote. The head of the "
        "committee said the plan was ready.\n",
    )
    s = t["sources"]
    assert s["name"].tolist()[0] == "Xinhua" and s["role"].tolist()[0] == "publisher"
    named = set(s.loc[s["role"] == "attributed source", "name"])
    assert {"provincial statistics bureau", "Harbin police", "official data"} <= named
    assert not any("head" in n for n in named)  # a person's title: a speaker, not a source


def test_a_bare_noun_after_its_full_name_is_the_same_source(tmp_path):
    t = _tables(
        tmp_path,
        "OSH (AP) -- The road was closed, according to Osh police. Three cars were damaged, "
        "police said.\n",
    )
    names = t["sources"].loc[lambda d: d["role"] == "attributed source", "name"].tolist()
    assert names == ["Osh police", "Osh police"]


@needs_model
def test_a_quotation_of_two_sentences_and_its_speaker(tmp_path):
    t = _tables(
        tmp_path,
        "KAZAN, May 6. /TASS/. Regional governor Ilya Petrov visited the new plant on Monday.\n\n"
        '"The plant will employ 400 people. It opens in June," Petrov said.\n\n'
        "He added that a second line would follow next year.\n",
    )
    q = t["quotes"].set_index("text")
    assert q.loc["The plant will employ 400 people. It opens in June", "speaker"] == "Ilya Petrov"
    assert q.loc["The plant will employ 400 people. It opens in June", "kind"] == "direct"
    assert q.loc["a second line would follow next year", "speaker"] == "Ilya Petrov"
    roles = t["roles"].set_index("person")
    assert roles.loc["Ilya Petrov", "role"] == "Regional governor"


@needs_model
def test_he_is_the_last_person_who_was_a_subject(tmp_path):
    t = _tables(
        tmp_path,
        "ASTANA -- Minister Dana Omarova praised the team, naming the coach Arman Seitov and the "
        'goalkeeper Erlan Bekov.\n\n"We are proud of them," she said.\n',
    )
    q = t["quotes"].set_index("text")
    assert q.loc["We are proud of them", "speaker"] == "Dana Omarova"
