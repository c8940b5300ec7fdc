"""Dates read from invented wire sentences: weekdays and relative words against the publication
day, the year of a month named alone (the clause's tense), values the text cannot fix left
open, clock times with their zones, and how each date's year is known (`year_from`)."""

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.facts import extract
from analysis.facts.extract import model
from analysis.reading.article import Article, parse_dateline

pytestmark = pytest.mark.skipif(
    not model.available(), reason="spaCy's en_core_web_sm is not installed"
)


def _article(text: str, date: str | None) -> Article:
    meta = {"published": {"date": date, "precision": "day"}} if date else {}
    return Article(path=Path("/nonexistent/story.txt"), text=text, dateline=parse_dateline(text),
                   meta=meta)  # fmt: skip


def _table(text: str, date: str | None) -> pd.DataFrame:
    a = _article(text, date)
    return extract.extract_facts(a, analysis.load(a)["sentences"])["dates"]


def _dates(text: str, date: str | None = "2024-05-15") -> dict[str, str | None]:
    """Each date's words -> its ISO value (None where left open). 2024-05-15 is a Wednesday."""
    d = _table("NAIROBI (Agency) - " + text, date)
    return {t: (None if pd.isna(v) else v) for t, v in zip(d["text"], d["date"])}


@pytest.mark.parametrize(
    "sentence, text, iso",
    [
        # a weekday: the tense of the clause it belongs to, read from the parse
        ("The city council will vote on the budget (2025) on Thursday.", "on Thursday",
         "2024-05-16"),
        ("The city council voted on the budget (2025) on Thursday.", "on Thursday",
         "2024-05-09"),
        ("Aid convoys may reach the valley as early as Saturday.", "Saturday", "2024-05-18"),
        ("The union could call a strike when its board meets on Sunday.", "on Sunday",
         "2024-05-19"),
        ("The envoy's comments at the summit Monday echo a wider unease.", "Monday",
         "2024-05-13"),
        ("A verdict may come late Monday, lawyers said.", "late Monday", "2024-05-20"),
        ("Divers found the wreck on Tuesday afternoon.", "on Tuesday afternoon", "2024-05-14"),
        # today, yesterday, to date
        ("The lake rose 2 cm yesterday and fell today.", "yesterday", "2024-05-14"),
        ("To date, 420 families have been moved.", "To date", "2024-05-15"),
        ("Guards found the gate open this morning.", "this morning", "2024-05-15"),
        ("Two shops burned last night, firemen said.", "last night", "2024-05-14"),
        ("Wheat stocks fell in APRIL, the board said.", "in APRIL", "2024-04"),
        # a month named alone: this year's, last year's or next year's, by the clause's tense
        ("Grain prices may ease by November, traders said.", "by November", "2024-11"),
        ("Cement output slumped in November.", "in November", "2023-11"),
        ("In May, the mill hired 80 workers.", "In May", "2024-05"),
        ("Forecasters warned that floods were likely through October.", "through October",
         "2024-10"),
        ("Bids for March shipment fell 2%.", "for March", "2024-03"),
        # periods up to the publication day
        ("Copper sales were 4% higher in eight months, the ministry said.", "in eight months",
         "2023-09/2024-04"),
        ("Rents climbed 9% over the past six months.", "over the past six months",
         "2023-11/2024-04"),
        ("The bond has gained 3% since the beginning of the year.",
         "since the beginning of the year", "2024-01-01/2024-05-15"),
        ("The airline carried more freight in the first five months of the year.",
         "in the first five months of the year", "2024-01/2024-05"),
        ("The bridge was damaged on the night of June 9 last year.", "of June 9 last year",
         "2023-06-09"),
        # decades
        ("The utility will close its coal plants by the end of the decade.",
         "by the end of the decade", "2029-12-31"),
        ("Such droughts were rare in the 1980s.", "in the 1980s", "1980/1989"),
    ],
)  # fmt: skip
def test_dates_against_the_publication_day(sentence, text, iso):
    assert _dates(sentence)[text] == iso


def test_a_deadline_runs_from_the_storys_day_and_a_time_taken_is_no_date():
    got = _dates("The regulator told the insurer to pay the claims within ten days.")
    assert got["within ten days"] == "2024-05-15/2024-05-25"
    got = _dates("The old bridge was rebuilt within eight months.")
    assert not [t for t in got if "within" in t]


def test_clock_times_with_their_zone():
    got = _dates(
        "The ferry left at 7:30 p.m. Moscow time (1630 GMT), and the market opened at 9:45 a.m. ET."
    )
    assert got["at 7:30 p.m. Moscow time"] == "2024-05-15T19:30+03:00"
    assert got["1630 GMT"] == "2024-05-15T16:30Z"
    assert got["at 9:45 a.m. ET"] == "2024-05-15T09:45-04:00"
    local = _table("MANILA, May 15 (Agency) - By 3 pm, the river had crested.", "2024-05-15")
    assert local.set_index("text").loc["By 3 pm", "date"] == "2024-05-15T15:00+08:00"


def test_no_publication_date_and_no_year_leave_the_value_open():
    d = _table(
        "NAIROBI (Agency) - The mayor said on Friday that the market would reopen in April. "
        "Yesterday the stalls were empty, and today traders returned.",
        None,
    )
    assert d["date"].isna().all()
    assert d["year_from"].isna().all()
    assert set(d["text"]) >= {"on Friday", "in April", "Yesterday", "today"}


def test_a_year_in_a_name_says_nothing_of_when_the_story_is():
    d = _table(
        "DOHA (Agency) - The swimmers trained for the 2030 Asian Games, and the pool will "
        "close in August.",
        None,
    )
    got = dict(zip(d["text"], d["date"]))
    assert pd.isna(got["in August"]) and got["2030"] == "2030"


def test_the_inferred_year_is_said_for_each_date_it_fixes():
    d = _table(
        "ALMATY (Agency) - The clinic will open a second site in June 2015. A new wing was "
        "finished on October 8, and staff will grow next year.",
        None,
    )
    rows = d.set_index("text")
    assert rows.loc["in June 2015", "date"] == "2015-06"
    assert rows.loc["in June 2015", "year_from"] == "text"
    assert rows.loc["on October 8", "date"] == "2014-10-08"
    assert rows.loc["on October 8", "year_from"] == "inferred"
    assert rows.loc["next year", "year_from"] == "inferred"
    assert d.attrs["year_inferred"][0] == 2014


def test_a_year_spoken_of_as_past_fixes_no_year():
    # "last qualified in 2018" may be told in any later year: the other dates stay open
    d = _table(
        "LAGOS (Agency) - The team won on Sunday. It last qualified for the finals in 2018.",
        None,
    )
    rows = d.set_index("text")
    assert rows.loc["in 2018", "date"] == "2018"
    assert pd.isna(rows.loc["on Sunday", "date"]) and "year_inferred" not in d.attrs


def test_a_past_year_in_a_sentence_of_the_future_fixes_no_year():
    # "since 2015" started then; the sentence's "would" is not that year's, and the story is
    # no earlier than 2022: the month stays open rather than fall in 2014
    d = _table(
        "SANTIAGO (Agency) - A new law took effect in 2022. The agency said it would review "
        "every contract signed since 2015 by the end of March.",
        None,
    )
    rows = d.set_index("text")
    assert pd.isna(rows.loc["by the end of March", "date"]) and "year_inferred" not in d.attrs


def test_a_year_compared_with_is_the_year_before_the_story():
    d = _table(
        "ASTANA (Agency) - The farm expects to sell 55 tonnes of honey this year, up from 40 "
        "tonnes in 2019.",
        None,
    )
    rows = d.set_index("text")
    assert rows.loc["this year", "date"] == "2020"
    assert rows.loc["this year", "year_from"] == "inferred"


def test_with_a_publication_date_the_year_is_the_publication_dates():
    d = _table("NAIROBI (Agency) - Tea sales rose in March and will rise in 2025.", "2024-05-15")
    rows = d.set_index("text")
    assert rows.loc["in March", "year_from"] == "publication date"
    assert rows.loc["in 2025", "year_from"] == "text"


def test_since_opens_a_period_that_runs_to_the_story_day():
    got = _dates(
        "Prices have risen since 2019 and since December, the strike has gone on since "
        "Tuesday, and output fell since the start of the year.",
        "2024-03-10",
    )
    assert got["since 2019"] == "2019/2024-03-10"
    assert got["since December"] == "2023-12/2024-03-10"
    assert got["since Tuesday"] == "2024-03-05/2024-03-10"
    assert got["since the start of the year"] == "2024-01-01/2024-03-10"
