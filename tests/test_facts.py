"""The curated fact tables: real values, evidence found, and clear errors for broken files."""

import pandas as pd
import pytest

import analysis
from analysis import InputError, schemas


def test_every_evidence_is_found_where_it_says(seed, text):
    for name in ("roles", "events", "quantities", "sources"):
        df = seed[name]
        for ev, sid in zip(df["evidence"], df["sentence_id"]):
            at = text.index(ev)
            assert text.count(ev) == 1
            if not pd.isna(sid):
                s = seed["sentences"].set_index("sentence_id").loc[sid]
                assert s["start"] <= at < s["end"]


def test_entities_and_mentions(seed, text):
    e = seed["entities"].set_index("entity")
    assert e.loc["Kazakhstan", "type"] == "GPE" and e.loc["Kazakhstan", "n_mentions"] == 10
    assert e.loc["Erkin Shaymagambetov", "type"] == "PERSON"
    assert e.loc["Erkin Shaymagambetov", "n_mentions"] == 9  # 3 by name, 6 indirect
    m = seed["mentions"]
    assert all(text[a:b] == t for a, b, t in zip(m["start"], m["end"], m["text"]))
    indirect = m.loc[m["is_indirect"]]
    assert ("the country", "Kazakhstan") in set(zip(indirect["text"], indirect["entity"]))
    assert ("he", "Erkin Shaymagambetov") in set(zip(indirect["text"], indirect["entity"]))
    he = indirect.loc[indirect["text"] == "he"].iloc[0]
    assert he["sentence_id"] == 12
    assert m.loc[m["text"] == "KAZINFORM", "sentence_id"].isna().all()  # in the dateline


def test_roles(seed):
    r = seed["roles"].set_index(["person", "role"])
    assert r.loc[("Erkin Shaymagambetov", "Chairman"), "organization"] == "Aerospace Committee"
    assert r.loc[("Vladimir Gusakov", "Chairman of the Presidium"), "country"] == "Belarus"


def test_events_with_status_and_dates(seed):
    ev = seed["events"]
    assert ev["event_id"].tolist() == [f"E{i}" for i in range(1, len(ev) + 1)]
    assert ev["sentence_id"].is_monotonic_increasing
    by_cue = ev.set_index("cue")
    assert by_cue.loc["does not rule out", "status"] == "possible"
    assert by_cue.loc["likely to", "status"] == "planned"
    assert by_cue.loc["likely to", "date"] == "2016"
    assert by_cue.loc["is playing host", "status"] == "ongoing"
    assert by_cue.loc["is playing host", "date"] == "2015-10-22/2015-10-23"
    told = ev.loc[ev["action"] == "told media"].iloc[0]
    assert (told["date"], told["status"]) == ("2015-10-22", "done")
    assert ev["status"].value_counts().to_dict() == {
        "done": 6, "planned": 5, "possible": 3, "ongoing": 2,
    }  # fmt: skip


def test_four_spacecraft_are_two_and_two(seed):
    q = seed["quantities"].set_index("subject")
    total = q.loc["spacecraft launched by Kazakhstan"]
    assert (total["quantity"], total["unit"]) == (4, "spacecraft")
    parts = q.loc[q["part_of"] == "spacecraft launched by Kazakhstan"]
    assert parts["quantity"].tolist() == [2, 2]
    assert set(parts["category"]) == {"communication", "earth remote sensing"}


def test_topics_shared_by_agreement_and_agenda(seed):
    t = seed["topics"]
    agreement = set(t.loc[t["context"] == "framework agreement", "theme"])
    agenda = set(t.loc[t["context"] == "meeting agenda", "theme"])
    assert agreement & agenda == {"earth remote sensing"}
    assert len(agreement) == 4 and len(agenda) == 3


def test_quotes(seed):
    q = seed["quotes"]
    assert len(q) == 9
    assert q["kind"].value_counts().to_dict() == {"reported": 7, "direct": 2}
    first_direct = q.loc[q["kind"] == "direct"].iloc[0]
    assert first_direct["text"].startswith("Joint projects is about timing.")
    assert first_direct["sentence_id"] == 2
    assert set(q["speaker"]) == {"Erkin Shaymagambetov", "Vladimir Gusakov"}


def test_sources(seed):
    s = seed["sources"]
    assert s["name"].tolist() == ["Kazinform", "BelTA", "BelTA"]
    assert s["role"].tolist() == ["publisher", "attributed source", "attributed source"]
    assert s["sentence_id"].tolist()[1:] == [1, 17]


def test_every_fact_row_says_it_is_curated(seed):
    for name in analysis.schemas.FACT_TABLES:
        if name != "dates":  # the curated file lists no dates: they are read from the text
            assert set(seed[name]["origin"]) == {"curated"}


def test_dates_of_a_curated_article_are_read_from_its_text(seed):
    d = seed["dates"]
    assert set(d["origin"]) == {"extracted"}
    assert d["text"].tolist()[:2] == ["on 22 October", "this year"]
    assert d["date"].tolist()[0] == "2015-10-22"
    assert d.loc[d["text"] == "on 22-23 October", "date"].item() == "2015-10-22/2015-10-23"


def test_article_without_facts_gets_extracted_fact_tables(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("ASTANA. KAZINFORM - A satellite was launched. It works.\n", encoding="utf-8")
    t = analysis.load(story).frames()
    assert len(t["sentences"]) == 2
    for name in analysis.schemas.FACT_TABLES:
        assert list(t[name].columns) == list(schemas.TABLES[name])
        assert set(t[name]["origin"]) <= {"extracted"}
    assert t["entities"].set_index("entity").loc["Astana", "type"] == "GPE"
    assert t["sources"]["name"].tolist() == ["Kazinform"]


# ---- broken curated files -------------------------------------------------------------


def _break(article_copy, old, new):
    facts = article_copy.with_name("article.facts.yaml")
    s = facts.read_text(encoding="utf-8")
    assert old in s
    facts.write_text(s.replace(old, new, 1), encoding="utf-8")
    return facts


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("    status: possible\n", "    stauts: possible\n",
         r"line \d+: events #1 .* field 'stauts': unknown field; did you mean 'status'\?"),
        ("    status: possible\n", "    status: maybe\n",
         r"events #\d+ .* field 'status': 'maybe' is not one of done, ongoing, planned, possible"),
        ("evidence: told media on 22 October", "evidence: told the media on 22 October",
         r"field 'evidence': 'told the media on 22 October' is not in the article"),
        ("evidence: two communication satellites", "evidence: two",
         r"field 'evidence': 'two' occurs more than once; quote a longer phrase"),
        ("    quantity: 4\n", "    quantity: 5\n",
         r"field 'quantity': 5 is not written in its evidence"),
        ("  - {area: navigation", "  - {area: navigaton",
         r"topics #2 \(navigaton\), field 'evidence': 'navigaton' is not in the article"),
        ("    type: GPE\n", "    type: COUNTRY\n",
         r"field 'type': 'COUNTRY' is not one of PERSON, ORG"),
        ("    cue: is due to\n", "    cue: is expected to\n",
         r"field 'cue': 'is expected to' is not in the sentence of its evidence"),
        ("entities:\n", "entites:\n", r"unknown section 'entites'; did you mean 'entities'\?"),
        ("  - speaker: Vladimir Gusakov\n", "  - speaker: V. Gusakov\n",
         r"field 'speaker': 'V. Gusakov' is not a PERSON in entities"),
        ("roles:\n", "roles: [\n", r"line \d+: invalid YAML"),
    ],
)  # fmt: skip
def test_broken_facts_file_names_file_row_and_field(article_copy, old, new, message):
    facts = _break(article_copy, old, new)
    with pytest.raises(InputError, match=message) as err:
        analysis.load(article_copy).frames()
    assert str(err.value).startswith(str(facts))
    assert "\n" not in str(err.value)


def test_parts_sum_is_checked(article_copy):
    facts = article_copy.with_name("article.facts.yaml")
    extra = (
        "  - subject: extra satellites\n    quantity: 2\n    unit: satellite\n"
        "    part_of: spacecraft launched by Kazakhstan\n    evidence: two more for earth\n"
    )
    s = facts.read_text(encoding="utf-8").replace("\ntopics:\n", extra + "\ntopics:\n")
    facts.write_text(s, encoding="utf-8")
    with pytest.raises(
        InputError, match=r"parts of 'spacecraft launched by Kazakhstan' add up to 6, not 4"
    ):
        analysis.load(article_copy).frames()


def test_curated_and_extracted_read_the_same_number_words():
    from analysis.constants import NUMBER_WORDS
    from analysis.facts import curated as facts

    assert NUMBER_WORDS["fifteen"] == 15
    assert facts._number_in("fifteen satellites were launched", 15)  # the loader reads it too
