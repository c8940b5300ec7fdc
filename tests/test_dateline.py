"""Datelines and credits in every common wire style (the stories here are invented)."""

import pytest

from analysis.reading.dateline import credits, parse_dateline

AGENCIES = {
    "Xinhua": "Xinhua",
    "Kazinform": "Kazinform",
    "KAZINFORM": "Kazinform",
    "Trend": "Trend",
}


@pytest.mark.parametrize(
    "head, place, region, date, agency",
    [
        ("HARBIN, March 3 (Xinhua) -- ", "Harbin", None, "March 3", "Xinhua"),
        ("KASHGAR, Xinjiang, July 9 (Xinhua) -- ", "Kashgar", "Xinjiang", "July 9", "Xinhua"),
        ("NAIROBI (AP) — ", "Nairobi", None, None, "AP"),
        ("Mumbai, Sep 4 (PTI) ", "Mumbai", None, "Sep 4", "PTI"),
        ("KAZAN, May 5. /TASS/. ", "Kazan", None, "May 5", "TASS"),
        ("Osh, April 2, 2019 / Kabar /. ", "Osh", None, "April 2, 2019", "Kabar"),
        ("Ganja. 7 March. REPORT.AZ/ ", "Ganja", None, "7 March", "Report.az"),
        ("PAVLODAR. KAZINFORM - ", "Pavlodar", None, None, "Kazinform"),
        ("PENANG: ", "Penang", None, None, None),
        ("ALMATY – ", "Almaty", None, None, None),
        ("LIMA, Peru, Jan. 12 (Reuters) - ", "Lima", "Peru", "Jan. 12", "Reuters"),
    ],
)
def test_wire_styles(head, place, region, date, agency):
    text = head + "The new bridge opened to traffic on the same day.\n"
    d = parse_dateline(text)
    assert (d.place, d.region, d.date_text, d.agency) == (place, region, date, agency)
    assert text[d.end :].startswith("The new bridge")
    if agency:
        assert text[slice(*d.agency_at)].upper() == agency.upper()


def test_headline_above_the_dateline():
    text = "Bridge opens in Harbin\n\nHARBIN, March 3 (Xinhua) -- The bridge opened.\n"
    d = parse_dateline(text)
    assert (d.place, d.agency) == ("Harbin", "Xinhua")
    assert text[slice(*d.headline)] == "Bridge opens in Harbin"
    assert text[slice(*d.place_at)] == "HARBIN"


def test_place_line_with_a_byline_under_it():
    text = "Osh, Kyrgyzstan, Nov. 2\n\nBy Aida Sultanova – Trend:\n\nThe market reopened.\n"
    d = parse_dateline(text)
    assert (d.place, d.region, d.date_text, d.agency, d.reporter) == (
        "Osh", "Kyrgyzstan", "Nov. 2", "Trend", "Aida Sultanova",
    )  # fmt: skip
    assert text[d.end :] == "The market reopened.\n"


def test_agency_tag_alone():
    d = parse_dateline("(MENAFN) Prices rose in the first quarter.")
    assert (d.place, d.agency) == (None, "MENAFN")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Monday that talks would go on.",
        "Kazakh farmers expect a good harvest, officials said.",
        "Rain fell - and then it stopped.",
    ],
)
def test_no_dateline(text):
    assert parse_dateline(text) is None


def test_credits_outside_the_dateline():
    text = "Xinhua\n\nThe plant opened.\n\nBy Aida Sultanova\n\nThe work goes on. – Kazinform\n"
    found = {(c.name, c.role) for c in credits(text, AGENCIES)}
    assert found == {
        ("Xinhua", "publisher"),
        ("Aida Sultanova", "reporter"),
        ("Kazinform", "publisher"),
    }


def test_headline_is_a_sentence_and_the_dateline_is_none(tmp_path):
    import analysis

    story = tmp_path / "bridge.txt"
    story.write_text(
        "Bridge opens in Harbin\n\nHARBIN, March 3 (Xinhua) -- The bridge opened. Traffic began at noon.\n",
        encoding="utf-8",
    )
    t = analysis.load(story, published="2024-03-03")
    assert t["sentences"]["text"].tolist() == [
        "Bridge opens in Harbin", "The bridge opened.", "Traffic began at noon.",
    ]  # fmt: skip
    dates = t["dates"].set_index("text")
    assert dates.loc["March 3", "date"] == "2024-03-03"
    assert dates["sentence_id"].isna().loc["March 3"]  # it sits in the dateline
    assert t["sources"]["name"].tolist()[0] == "Xinhua"


def test_byline_on_the_dateline_line():
    text = "Osh, Kyrgyzstan, Nov. 2. By Aida Sultanova - Trend: The market reopened.\n"
    d = parse_dateline(text)
    assert (d.place, d.date_text, d.agency, d.reporter) == (
        "Osh",
        "Nov. 2",
        "Trend",
        "Aida Sultanova",
    )
    assert text[d.end :].startswith("The market")
