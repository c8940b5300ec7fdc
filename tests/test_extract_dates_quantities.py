"""Dates and quantities read from invented wire sentences, and the floors on the real stories."""

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import paths
from analysis.facts import extract
from analysis.reading.article import Article, parse_dateline

ROOT = Path(__file__).resolve().parents[1]
REAL = paths.REAL_STORIES


def _article(text: str, date: str | None):
    meta = {"published": {"date": date, "precision": "day"}} if date else {}
    a = Article(path=Path("/nonexistent/story.txt"), text=text, dateline=parse_dateline(text),
                meta=meta)  # fmt: skip
    return a, analysis.load(a)["sentences"]


def _dates(text: str, date: str | None = "2017-02-01") -> dict[str, str]:
    d = extract.find_dates_table(*_article("ALMATY, Feb 1 (Agency) - " + text, date))
    return {t: (None if pd.isna(v) else v) for t, v in zip(d["text"], d["date"])}


def _quantities(text: str, date: str = "2019-06-12") -> list[tuple[str, float, str]]:
    q = extract.extract_facts(*_article("DOHA, June 12 (Agency) - " + text, date))["quantities"]
    return list(zip(q["evidence"], q["quantity"], q["unit"]))


# ---- dates ----------------------------------------------------------------------------------
# 2017-02-01 was a Wednesday


@pytest.mark.parametrize(
    "sentence, text, iso",
    [
        ("Car sales slipped last month, the ministry said.", "last month", "2017-01"),
        ("The port handled less cargo in December.", "in December", "2016-12"),
        ("Talks on the tariff resumed on Monday.", "on Monday", "2017-01-30"),
        ("The bank announced the merger on Wednesday.", "on Wednesday", "2017-02-01"),
        ("The delegation will travel to Oslo on Friday.", "on Friday", "2017-02-03"),
        ("A poll this week showed support rising.", "this week", "2017-01-30/2017-02-05"),
        ("Last weekend the festival drew crowds.", "Last weekend", "2017-01-28/2017-01-29"),
        ("Wheat exports rose in the first half of this year.",
         "in the first half of this year", "2017-01/2017-06"),
        ("The mill shut in the second half of 2015.", "in the second half of 2015",
         "2015-07/2015-12"),
        ("Output will be trimmed by the end of the first quarter.",
         "by the end of the first quarter", "2017-03-31"),
        ("The bridge should open by late 2018.", "by late 2018", "2018-12-31"),
        ("Prices may stabilise by the middle of this year.", "by the middle of this year",
         "2017-06-30"),
        ("The firm owned the mine from 1994 until 2009.", "from 1994 until 2009", "1994/2009"),
        ("Grain shipments for March-May fell.", "for March-May", "2016-03/2016-05"),
        ("Imports grew in 11 months of 2016.", "in 11 months of 2016", "2016-01/2016-11"),
        ("Some 40 plants closed in the past two years.", "in the past two years", "2015/2017"),
        ("The fund will spend more in the next five years.", "in the next five years",
         "2017/2022"),
        ("Rainfall was low in the past three weeks.", "in the past three weeks",
         "2017-01-11/2017-02-01"),
        ("Net profit in Q3 2016 doubled.", "in Q3 2016", "2016-Q3"),
        ("Tourist arrivals in 2H2016 were a record.", "in 2H2016", "2016-07/2016-12"),
        ("Revenue for the third quarter ended December 2016 rose.",
         "for the third quarter ended December 2016", "2016-10/2016-12"),
    ],
)  # fmt: skip
def test_dates_resolved_against_the_publication_day(sentence, text, iso):
    assert _dates(sentence)[text] == iso


def test_words_that_point_back_at_the_period_last_named():
    got = _dates(
        "In January of this year the mill sold 12 tons of paper, up from the same period of "
        "last year. In the month under review it hired staff. Profit in 2016 was double that "
        "of the previous year."
    )
    assert got["In January of this year"] == "2017-01"
    assert got["from the same period of last year"] == "2016-01"
    assert got["In the month under review"] == "2017-01"
    assert got["of the previous year"] == "2015"


def test_the_same_period_and_a_year_ago_follow_the_quarter_named():
    got = _dates(
        "Steel output rose in the second quarter ended June 2016 from a year ago, and fell from "
        "the year-ago period in the June quarter."
    )
    assert got["in the second quarter ended June 2016"] == "2016-04/2016-06"
    assert got["from a year ago"] == "2015-04/2015-06"
    assert got["from the year-ago period"] == "2015-04/2015-06"
    assert got["in the June quarter"] == "2016-04/2016-06"


def test_no_publication_date_leaves_today_and_weekdays_open():
    text = "ALMATY - The road was opened on Nov. 20. As of today, 300 trucks used it on Tuesday. "
    text += "Tolls will rise in 2019."
    d = extract.find_dates_table(*_article(text, None))
    got = dict(zip(d["text"], d["date"]))
    assert got["on Nov. 20"] == "2018-11-20"  # the year inferred from the future 2019
    assert pd.isna(got["of today"])
    assert "on Tuesday" not in got or pd.isna(got["on Tuesday"])


def test_durations_are_not_dates():
    got = _dates("The deal runs for 10 years and the plant took six months to build.")
    assert got == {"Feb 1": "2017-02-01"}  # the dateline alone


# ---- quantities -----------------------------------------------------------------------------


def test_money_in_iso_codes_with_scales():
    got = _quantities(
        "The palm oil board expects exports of RM48 billion, the refinery cost $2.5B, the lender "
        "earned Rs 12.5 crore and a share closed at Rs 940.35. Traders paid 80,000 soums and "
        "9,000 tenge, and the fine was half a million euros."
    )
    values = {(v, u) for _, v, u in got}
    assert {(48e9, "MYR"), (2.5e9, "USD"), (125e6, "INR"), (940.35, "INR")} <= values
    assert {(80000, "UZS"), (9000, "KZT"), (500000, "EUR")} <= values


def test_a_range_is_one_quantity_with_its_lower_bound():
    got = _quantities("Revenue will be between RM12 billion and RM15 billion, up 5-7 percent.")
    assert ("between RM12 billion and RM15 billion", 12e9, "MYR") in got
    assert [v for _, v, u in got if u == "percent"] == [5]
    assert len(got) == 2


def test_times_of_day_ordinals_identifiers_and_years_are_not_quantities():
    got = _quantities(
        "The 3rd convoy left at 6:30 p.m. on Route 66 with COVID-19 tests for the 2022 games, "
        "and 12 trucks followed at 9 a.m."
    )
    assert got == [("12 trucks", 12, "truck")]


def test_spaced_thousands_glued_units_hyphens_and_compound_amounts():
    got = _quantities(
        "Customs seized 7kilogram of opium worth $ 2 billion 300 million, or 42 000 doses, "
        "from a 35-year-old driver after a 14-hour search lasting 3 hours 15 minutes."
    )
    values = [(v, u) for _, v, u in got]
    assert (7, "kilogram") in values and (2.3e9, "USD") in values and (42000, "dose") in values
    assert (35, "year") in values and (14, "hour") in values and (3.25, "hour") in values


def test_bare_numbers_count_what_the_sentence_counted():
    got = _quantities(
        "The alliance won 212 seats, of which 150 are in the north and 62 in the south. "
        "A landslide hit a village, killing nine and injuring 14 others."
    )
    assert [(e, v) for e, v, u in got if u == "seat"] == [("212 seats", 212), ("150", 150),
                                                          ("62", 62)]  # fmt: skip
    assert ("killing nine", 9, "people") in got
    assert any(v == 14 for _, v, _ in got)


def test_growth_factors_and_percent_spellings():
    got = _quantities("Exports grew 2.5 times while imports rose 3 pct and 4.5 per cent.")
    assert [v for _, v, _ in got] == [2.5, 3, 4.5]
    assert [u for _, _, u in got][1:] == ["percent", "percent"]


# ---- the floors on the real stories ------------------------------------------------------------


@pytest.mark.slow  # every real wire story read and scored
@pytest.mark.skipif(
    not REAL.is_dir(), reason=f"no real wire stories at {REAL} (set ANALYSIS_REAL_STORIES)"
)
def test_micro_f1_on_the_real_stories():
    from analysis.corpus import evaluate

    f1 = evaluate.score_stories(REAL).set_index("kind")["f1"].to_dict()
    assert f1["dates"] >= 0.97, f1
    assert f1["dates iso"] >= 0.94, f1
    assert f1["quantities"] >= 0.97, f1
