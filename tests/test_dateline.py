"""Datelines and credits in every common wire style (the stories here are invented)."""

import pytest

from analysis.reading.credits import credits
from analysis.reading.dateline import parse_dateline

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


# ---- the grammar of parts: forms beyond the styles above -------------------------------------


@pytest.mark.parametrize(
    "head, places, region, date, agencies",
    [
        (
            "KHUJAND [Tajikistan], April 9 (KHOVAR): ",
            ("Khujand",),
            "Tajikistan",
            "April 9",
            ("Khovar",),
        ),
        ("GYUMRI, OCTOBER 3, ARMENPRESS. ", ("Gyumri",), None, "OCTOBER 3", ("Armenpress",)),
        ("Tabriz, May 14, IRNA- ", ("Tabriz",), None, "May 14", ("IRNA",)),
        (
            "LONDON/NEW YORK, Dec. 6 (Reuters)--",
            ("London", "New York"),
            None,
            "Dec. 6",
            ("Reuters",),
        ),
        ("DARKHAN, Feb. 2 (Xinhua/APP): ", ("Darkhan",), None, "Feb. 2", ("Xinhua", "APP")),
        ("OSAKA (AFP-JIJI) - ", ("Osaka",), None, None, ("AFP", "Jiji Press")),
        ("DAR ES SALAAM (Xinhua) -- ", ("Dar es Salaam",), None, None, ("Xinhua",)),
        ("BERLIN, Tuesday, Jan. 5 (dpa) - ", ("Berlin",), None, "Jan. 5", ("dpa",)),
        ("Lagos (Nigeria), 4 July 2019 (NAN) – ", ("Lagos",), "Nigeria", "4 July 2019", ("NAN",)),
        ("Kazinform-photoSEMEY, March 3 - ", ("Semey",), None, "March 3", ("Kazinform",)),
    ],
)
def test_parts_in_the_orders_wires_use(head, places, region, date, agencies):
    text = head + "The plant opened a second line.\n"
    d = parse_dateline(text)
    assert (d.places, d.region, d.date_text) == (places, region, date)
    assert tuple(n for n, _ in d.agencies) == agencies and d.agency == agencies[-1]
    assert text[d.end :].startswith("The plant")


def test_an_agency_not_in_the_gazetteer_is_read_where_the_grammar_puts_one():
    d = parse_dateline("KISUMU, March 3 (NEWSWIRE) -- Fishermen returned to the lake.")
    assert (d.place, d.agency) == ("Kisumu", "Newswire")
    d = parse_dateline("Mombasa, June 2, KNNA- Fishermen returned to the lake.")
    assert (d.place, d.date_text, d.agency) == ("Mombasa", "June 2", "KNNA")


def test_a_dateline_alone_on_its_line_with_the_agency_after_the_dash():
    text = "Turnout rises in the second round\n\nIZMIR- Anadolu Agency\n\nVoters came early.\n"
    d = parse_dateline(text)
    assert (d.place, d.agency) == ("Izmir", "Anadolu Agency")
    assert text[d.end :] == "Voters came early.\n"
    assert text[slice(*d.agency_at)] == "Anadolu Agency"


def test_the_date_of_the_dateline_in_parts():
    d = parse_dateline("Osh, April 2, 2019 / Kabar /. The market reopened.")
    assert (d.year, d.month, d.day) == (2019, 4, 2)
    d = parse_dateline("Ganja. 7 March. REPORT.AZ/ The market reopened.")
    assert (d.year, d.month, d.day) == (None, 3, 7)


def test_a_joint_credit_gives_each_agency_its_own_words():
    text = "DARKHAN, Feb. 2 (Xinhua/APP): The mine reopened.\n"
    d = parse_dateline(text)
    assert [text[s:e] for _, (s, e) in d.agencies] == ["Xinhua", "APP"]


def test_closing_credits():
    found = lambda text: {(c.name, c.role) for c in credits(text)}  # noqa: E731
    assert found("The plant opened.\n\nAziza Karimova, UzA\n") == {("UzA", "publisher")}
    assert found("The plant opened.\n\nSource: Kabar\n") == {("Kabar", "publisher")}
    assert found("The plant opened. - AKIpress\n") == {("AKIpress", "publisher")}
    assert found("By Trend\n\nThe plant opened.\n") == {("Trend", "publisher")}
    assert found("The plant opened.\n\nabc@yna.co.kr\n\n(END)\n") == {("Yonhap", "publisher")}
    assert found("The plant opened.\n\nAFP-JIJI\n") == {
        ("AFP", "publisher"),
        ("Jiji Press", "publisher"),
    }
    # the lead crediting an agency: its publisher, or the agency it relays (load decides)
    assert found("The plant opened, Kabar reports.\n\nIt employs 300.\n") == {("Kabar", "relayed")}
    assert found("The plant opened, Kabar reported.\n\nIt employs 300.\n") == set()
    assert found("The plant opened.\n\nThe work goes on, officials said.\n") == set()


# ---- the date of the story from its dateline ---------------------------------------------------


def _story(tmp_path, text, meta=None):
    from analysis.reading.article import load

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / "story.meta.yaml").write_text(meta, encoding="utf-8")
    return path, load


def test_a_dateline_with_its_year_is_the_publication_date(tmp_path):
    path, load = _story(tmp_path, "Osh, April 2, 2019 / Kabar /. The market reopened.\n")
    pub = load(path).meta["published"]
    assert (pub["date"], pub["precision"]) == ("2019-04-02", "day")
    assert pub["how_known"] == "the dateline (April 2, 2019)"
    assert load(path).meta["source_line"] == "Source: Kabar, 2 Apr 2019"


def test_a_dateline_without_its_year_gives_the_month_and_the_day(tmp_path):
    path, load = _story(tmp_path, "HARBIN, March 3 (Xinhua) -- The bridge opened.\n")
    pub = load(path).meta["published"]
    assert (pub["date"], pub["month"], pub["day"]) == (None, 3, 3)
    assert pub["how_known"] == "the dateline (March 3) gives the month and the day, not the year"


def test_the_year_of_the_metadata_and_the_day_of_the_dateline(tmp_path):
    meta = "published:\n  date: 2021-01-01\n  precision: year\n  how_known: the archive\n"
    path, load = _story(tmp_path, "HARBIN, March 3 (Xinhua) -- The bridge opened.\n", meta)
    pub = load(path).meta["published"]
    assert (pub["date"], pub["precision"]) == ("2021-03-03", "day")
    assert pub["how_known"] == "the dateline (March 3), the year from the metadata"


def test_published_and_the_metadata_win_over_the_dateline(tmp_path):
    text = "Osh, April 2, 2019 / Kabar /. The market reopened.\n"
    path, load = _story(tmp_path, text)
    assert load(path, published="2019-04-03").meta["published"]["date"] == "2019-04-03"
    meta = "published:\n  date: 2019-04-04\n  precision: day\n  how_known: the web page\n"
    path, load = _story(tmp_path, text, meta)
    assert load(path).meta["published"]["date"] == "2019-04-04"


def test_a_joint_credit_is_the_publisher_via_the_first_agency(tmp_path):
    import analysis

    path, _ = _story(tmp_path, "DARKHAN, Feb. 2 (Xinhua/APP): The mine reopened on Monday.\n")
    t = analysis.load(path, published="2024-02-02")
    assert (t.article.meta["agency"], t.article.meta["sources"]) == ("APP", ["Xinhua"])
    assert t.article.meta["source_line"] == "Source: APP via Xinhua, 2 Feb 2024"
    publishers = t["sources"].query("role == 'publisher'")["name"].tolist()
    assert sorted(publishers) == ["APP", "Xinhua"]


def test_no_agency_form_is_declared_twice():
    import yaml

    from analysis import paths
    from analysis.reading.gazetteer import gazetteer

    data = yaml.safe_load((paths.PACKAGE / "data" / "gazetteer.yaml").read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for a in data["agencies"]:
        for form in {f.casefold() for f in [a["name"], *a["aliases"], *a.get("credit", [])]}:
            assert form not in owner, f"{form} of {a['name']} is also {owner[form]}'s"
            owner[form] = a["name"]
    credit_only = {f for a in data["agencies"] for f in a.get("credit", [])}
    assert not credit_only & set(gazetteer().names)  # read in credits only, never in the text
    assert len(data["agencies"]) >= 140


def test_an_agency_the_lead_credits_is_relayed_under_another_dateline(tmp_path):
    from analysis.reading.article import load

    relay = tmp_path / "relay.txt"
    relay.write_text(
        "KAZAN. TASS - The plant opened, Kabar informs.\n\nIt employs 300.\n", encoding="utf-8"
    )
    alone = tmp_path / "alone.txt"
    alone.write_text("The plant opened, Kabar reports.\n\nIt employs 300.\n", encoding="utf-8")
    a, b = load(relay), load(alone)
    assert a.meta["agency"] == "TASS" and a.meta["sources"] == ["Kabar"]
    assert [(c.name, c.role) for c in a.credits] == [("Kabar", "relayed")]
    assert b.meta["agency"] == "Kabar" and [(c.name, c.role) for c in b.credits] == [
        ("Kabar", "publisher")
    ]


def test_a_desk_signature_names_the_outlet():
    found = {
        (c.name, c.role)
        for c in credits("The match ended goalless.\n\nThe coach was pleased.\n\nT.Rossi--LdM\n")
    }
    assert found == {("LdM", "publisher")}
