"""Quantities in the forms wire copy of every region writes them, read from invented sentences:
money of other regions and its sub-units, ages, compound terms, fractions, scores, ranges, rates,
units the sentence gives, and the numbers that count nothing."""

from pathlib import Path

import pytest

import analysis
from analysis import paths
from analysis.facts import extract
from analysis.reading.article import Article, parse_dateline


def _quantities(text: str, date: str = "2021-03-09") -> list[tuple[str, float, str]]:
    text = "NAIROBI, March 9 (Agency) - " + text
    article = Article(path=Path("/nonexistent/story.txt"), text=text,
                      dateline=parse_dateline(text),
                      meta={"published": {"date": date, "precision": "day"}})  # fmt: skip
    sentences = analysis.load(article)["sentences"]
    q = extract.extract_facts(article, sentences)["quantities"]
    return [(e, round(v, 4), u) for e, v, u in zip(q["evidence"], q["quantity"], q["unit"])]


def _values(got) -> set[tuple[float, str]]:
    return {(v, u) for _, v, u in got}


# ---- money --------------------------------------------------------------------------------------


def test_currency_prefixes_of_other_regions():
    got = _quantities(
        "The treasury raised Sh40 billion while a bank share closed at KSh18.50. A Durban court "
        "froze R250 million and a fine of R1,200 was paid. The fund lent KD 30 million and some "
        "BD 4.5 million, Doha pledged QR 2 billion and Lagos set aside N1.2 trillion. The "
        "ministry spent Tk 2,500 crore, a toll of Tk 60 is due, Brasilia froze R$ 3 billion and "
        "Manila approved P5.2 billion."
    )
    assert {(4e10, "KES"), (18.5, "KES"), (2.5e8, "ZAR"), (1200, "ZAR"), (3e7, "KWD"),
            (4.5e6, "BHD"), (2e9, "QAR"), (1.2e12, "NGN"), (2.5e10, "BDT"), (60, "BDT"),
            (3e9, "BRL"), (5.2e9, "PHP")} <= _values(got)  # fmt: skip


def test_a_single_letter_before_a_plain_number_is_a_name_not_money():
    got = _quantities(
        "The R5 engine and N95 masks were sent to the P5 envoys, and 40 trucks carried them."
    )
    assert got == [("40 trucks", 40, "truck")]


def test_currency_names_written_after_the_amount():
    got = _quantities(
        "The bank lent 480 million U.S. dollars, or about 86 billion Kenyan shillings, and "
        "its rival 96 billion Uganda shillings; the club paid 25 million reais and the plant "
        "cost 30 bil. yen."
    )
    assert {(4.8e8, "USD"), (8.6e10, "KES"), (9.6e10, "UGX"), (2.5e7, "BRL"),
            (3e10, "JPY")} <= _values(got)  # fmt: skip


def test_sub_units_are_a_fraction_of_the_main_unit():
    got = _quantities(
        "Brent fell 75 cents to $70.10 a barrel. The stock added 12 sen to RM3.40, a pint rose "
        "20 pence in London, and bread costs 50 kopecks more."
    )
    assert {(0.75, "USD"), (0.12, "MYR"), (0.2, "GBP"), (0.5, "RUB")} <= _values(got)
    assert not {u for _, _, u in got} & {"cent", "sen", "penny", "pence", "kopeck"}


def test_cents_take_the_currency_of_the_sentence():
    got = _quantities("The rand share rose 40 cents to R12.60 on Tuesday.")
    assert (0.4, "ZAR") in _values(got)


def test_an_exchange_rate_is_one_quantity_in_the_second_currency():
    got = _quantities("The deal is worth $2 million (1 USD = 12,450 UZS on May 3).")
    assert (12450, "UZS") in _values(got)
    assert not any(v == 1 for _, v, _ in got)


# ---- people, terms and times ---------------------------------------------------------------------


def test_ages_in_apposition_and_as_descriptions():
    got = _quantities(
        "Maria Lopez, 47, a teacher, and her neighbour Ahmed Rahimi, 62, were rescued. The "
        "judge said the 19-year-old had no licence. Doses go to people over the age of 75, to "
        "those aged 60 and to children under five."
    )
    ages = sorted(v for _, v, u in got if u == "year")
    assert ages == [5, 19, 47, 60, 62, 75]


def test_a_number_after_a_place_is_no_age():
    got = _quantities("In Mombasa, 12 boats sank and in Kisumu, 30, the lake rose.")
    assert ("12 boats", 12, "boat") in got
    assert not any(u == "year" for _, _, u in got)


def test_a_compound_term_is_one_quantity():
    got = _quantities(
        "He was jailed for 11 years and eight months. The flight lasted 2 hours 40 minutes and "
        "the strike ran for six days and 12 hours."
    )
    assert [(v, u) for _, v, u in got] == [(11.6667, "year"), (2.6667, "hour"), (6.5, "day")]
    assert got[0][0] == "11 years and eight months"


def test_half_a_century_and_a_father_of_three():
    got = _quantities(
        "The two states have been partners for half a century. The victim, a father of three, "
        "waited half an hour."
    )
    assert {(50, "year"), (3, "child"), (0.5, "hour")} <= _values(got)


# ---- fractions, multiples, scores -------------------------------------------------------------


def test_fractions_in_words():
    got = _quantities(
        "Sales fell by a third and about a fifth of the staff left, while two-thirds of voters "
        "agreed. The bank made a quarter-point cut, and patients were given a third dose."
    )
    assert [round(v, 3) for _, v, u in got] == [0.333, 0.2, 0.667, 0.25]
    assert [u for _, _, u in got][:3] == ["fraction"] * 3


def test_an_ordinal_after_a_hyphen_is_no_count():
    got = _quantities("Five-eighth Tom Reid kicked 14 points.")
    assert got == [("14 points", 14, "point")]


def test_twice_is_two_times():
    got = _quantities("The striker scored twice and the planet is about twice as heavy as Mars.")
    assert [(v, u) for _, v, u in got] == [(2, "time"), (2, "time")]


def test_a_score_after_a_side_s_name_is_no_model_number():
    got = _quantities(
        "Kenya beat Uganda 31-17 in Kampala and Gor beat Tusker 2-1, where Boeing 737-800 jets land."
    )
    assert [(e, v, u) for e, v, u in got] == [("31-17", 31, "score"), ("2-1", 2, "score")]


def test_scores_and_tallies_are_one_quantity_the_first_number():
    got = _quantities(
        "The Pumas won 31-27 after leading 17-10 at the break. The judges voted 9–2 to dismiss "
        "the case."
    )
    assert [(e, v) for e, v, u in got] == [("31-27", 31), ("17-10", 17), ("9–2", 9)]
    assert {u for _, _, u in got} == {"score"}


# ---- units the sentence gives ------------------------------------------------------------------


def test_a_number_takes_the_unit_of_the_number_it_ranges_or_counts_with():
    got = _quantities(
        "The expansion from 24 to 32 teams was approved. Sentences ranged from two to 12 years. "
        "Only 14 of 212 clinics passed, and the side won all five of its games."
    )
    assert {(24, "team"), (2, "year"), (14, "clinic"), (5, "game")} <= _values(got)


def test_the_number_of_and_the_death_toll_name_what_a_bare_number_counts():
    got = _quantities(
        "The number of registered voters rose to 2,340, from 1,980 a year earlier. The death "
        "toll from the floods climbed to 112 on Sunday."
    )
    assert {(2340, "voter"), (1980, "voter"), (112, "people")} <= _values(got)


def test_a_bare_number_after_a_preposition_counts_what_the_sentence_counted():
    got = _quantities("The index lost 12.5 points to close at 1,802.40 after touching 1,795.")
    assert [(v, u) for _, v, u in got] == [(12.5, "point"), (1802.4, "point"), (1795, "point")]


def test_unit_symbols_written_apart_and_scales_glued_before_a_count():
    got = _quantities(
        "The dam will have 1,200 MW of capacity and the field pumps 2.5m barrels a day."
    )
    assert {(1200, "MW"), (2.5e6, "barrel")} <= _values(got)


# ---- numbers that count nothing -----------------------------------------------------------------


def test_classes_and_levels_are_not_quantities():
    got = _quantities(
        "A category 4 storm hit the coast, a level 3 alert was raised, the phase 2 trial began "
        "and 30 homes were flooded."
    )
    assert got == [("30 homes", 30, "home")]


def test_a_figure_repeated_word_for_word_is_one_fact_for_the_scorer():
    from analysis.corpus.evaluate import facts_json

    article = "ACCRA, May 4 (Agency) - Exports grew 12 percent. Imports also grew 12 percent."
    facts = facts_json(analysis.load(article_from_text(article)))
    assert [q["text"] for q in facts["quantities"]] == ["12 percent"]


def article_from_text(text: str) -> Article:
    return Article(path=Path("/nonexistent/story.txt"), text=text, dateline=parse_dateline(text),
                   meta={"published": {"date": "2021-05-04", "precision": "day"}})  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Flights resumed on Route 9 and gate 14 reopened.",
        "The S&P 500 and the FTSE 100 rose.",
        "COVID-19 cases fell in 2020.",
    ],
)
def test_names_identifiers_and_years_stay_out(text):
    assert _quantities(text) == []


def test_qualifiers_and_each_are_part_of_the_evidence():
    got = _quantities(
        "Donors gave more than $4.6 billion, about 400 jobs went and two regions got $5 million "
        "each."
    )
    assert [e for e, _, _ in got] == ["more than $4.6 billion", "about 400 jobs", "two regions",
                                      "$5 million each"]  # fmt: skip


def test_a_bare_number_before_a_casualty_verb_counts_people():
    got = _quantities(
        "The ferry sank near the coast. At least 34 died and 11 were missing. A bus crash left "
        "3 dead, 9 hurt."
    )
    assert [(e, v, u) for e, v, u in got] == [("At least 34 died", 34, "people"),
                                              ("11 were missing", 11, "people"),
                                              ("3 dead", 3, "people"),
                                              ("9 hurt", 9, "people")]  # fmt: skip


def test_a_number_after_a_possessive_and_a_quoted_pair():
    got = _quantities(
        "The ringgit closed at 4.1020/1050 against the US dollar from Monday's 4.1200/1230."
    )
    assert [(e, v) for e, v, _ in got] == [("4.1020/1050", 4.102), ("4.1200/1230", 4.12)]
    assert {u for _, _, u in got} == {"per USD"}


def test_a_name_with_a_spaced_hyphen_and_a_number_is_an_identifier():
    got = _quantities("The Toktogul -2 plant will add 400 jobs.")
    assert got == [("400 jobs", 400, "job")]


def test_periods_counted_from_today_are_dates_not_quantities():
    got = _quantities(
        "The next 48 hours are critical. Output fell in the first eight months of the year "
        "after a strike that lasted 12 days."
    )
    assert got == [("12 days", 12, "day")]


def test_a_capitalised_common_noun_is_a_unit():
    got = _quantities("The bill passed both of the two Chambers, and the 30-Test lock retired.")
    assert {(2, "chamber"), (30, "test")} <= _values(got)


def test_an_age_beside_a_name_the_parse_reads_as_an_apposition():
    got = _quantities("The club signed striker Chukwudi Ebere, 22, from a Dutch side.")
    assert ("22", 22, "year") in got


def test_a_unit_written_before_and_a_negative_in_words():
    got = _quantities(
        "A quake of magnitude 6.8 struck at dawn, when it was minus 12 degrees in the hills."
    )
    assert [(e, v, u) for e, v, u in got] == [("magnitude 6.8", 6.8, "magnitude"),
                                              ("minus 12 degrees", -12, "degree")]  # fmt: skip


def test_scales_hyphenated_compound_and_in_two_parts():
    got = _quantities(
        "The state set aside ₹1.5 lakh crore, a Rs 5,000-crore fund and Rs 2 crore 50 lakh; the "
        "mine raised $1.2-billion and Bangkok lent Bt5 billion."
    )
    assert {(1.5e12, "INR"), (5e10, "INR"), (2.5e7, "INR"), (1.2e9, "USD"),
            (5e9, "THB")} <= _values(got)  # fmt: skip


def test_a_currency_many_countries_name_is_the_one_of_the_country_named():
    got = _quantities(
        "Argentina's central bank sold 900 pesos per dollar; a Lima firm paid 20 million soles, "
        "and an Egyptian pounds deal was signed in Kampala for 2.1 billion shillings."
    )
    assert (2.1e9, "UGX") in _values(got)
    assert ("900 pesos", 900, "ARS") in got


def test_others_count_what_the_sentence_counted_and_a_rate_per_dollar():
    got = _quantities(
        "Three people died and 15 others were hurt. The shilling closed at 129.80 per dollar, "
        "from 131.45 a week earlier."
    )
    assert [(v, u) for _, v, u in got] == [(3, "people"), (15, "people"), (129.8, "per USD"),
                                           (131.45, "per USD")]  # fmt: skip


def test_a_bare_number_before_a_verb_is_one_more_of_the_count_before_it():
    got = _quantities(
        "The party won 230 seats in the 450-member house, short of the 226 needed. The eight "
        "co-passengers, including two from a start-up, were released."
    )
    assert ("226", 226, "seat") in got and ("two", 2, "co-passenger") in got


def test_a_symbol_is_its_own_unit():
    got = _quantities("She won the 100m in 10.81 seconds and the plant makes 40 kWh.")
    assert [(v, u) for _, v, u in got] == [(100, "m"), (10.81, "second"), (40, "kWh")]


def test_a_level_or_a_change_counts_the_subject_of_its_verb():
    got = _quantities("Daily infections rose by 1,243 to 45,678. The rupee could weaken to 92.")
    assert [(v, u) for _, v, u in got] == [(1243, "infection"), (45678, "infection"),
                                           (92, "rupee")]  # fmt: skip


def test_units_end_where_the_parse_ends_the_noun():
    got = _quantities(
        "The nebula, 6,500 light-years away, holds 3 young stars forming in a 5.6 magnitude glow."
    )
    assert [(e, u) for e, _, u in got] == [("6,500 light-years", "light-year"),
                                           ("3 young stars", "star"),
                                           ("5.6 magnitude", "magnitude")]  # fmt: skip


def test_headline_abbreviations_of_crore_and_per_cent():
    got = _quantities("Profit at Rs 58.37 cr, revenue up 14 pc; a 2.5 percentage point rise.")
    assert [(v, u) for _, v, u in got] == [(5.837e8, "INR"), (14, "percent"), (2.5, "point")]


@pytest.mark.skipif(
    not (paths.REAL_STORIES / "score.py").is_file(),
    reason="the stories' scorer (score.py) is beside the real wire stories, which are absent",
)
def test_micro_f1_on_the_project_s_own_wire_stories():
    from analysis.corpus import evaluate

    f1 = evaluate.score_stories(paths.OWN_STORIES).set_index("kind")["f1"].to_dict()
    assert f1["quantities"] >= 0.95, f1
