"""Events read off the dependency parse: one per clause whose verb is an action, with its actor,
object, date and status. Every story here is written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.facts.extract import model

needs_model = pytest.mark.skipif(not model.available(), reason="en_core_web_sm is not installed")
pytestmark = needs_model


def _events(tmp_path, text: str, published: str = "2024-03-07"):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return analysis.load(path, published=published).events


def _by_action(events) -> dict:
    return {r.action: r for r in events.itertuples()}


RAIL = (
    "Railway loan signed for the coast line\n\n"
    "MOMBASA, March 6 (Reuters) - Kenya signed a $3.8 billion loan with a Chinese bank on "
    "Wednesday to extend its coastal railway, Transport Minister Amina Odhiambo told reporters "
    "in Mombasa.\n\n"
    "The line, which was built by China Road and Bridge Corporation, opened in 2017 and carried "
    "12,000 passengers a day last year. Work on the extension will start in June and is due to "
    "be completed in 2027, the ministry said.\n\n"
    '"We have waited long enough," Odhiambo said. Critics said the cost could rise further.\n'
)


def test_a_speech_act_is_no_event_but_the_clause_it_reports_is(tmp_path):
    events = _by_action(_events(tmp_path, RAIL))
    assert "tell" not in events and "say" not in events
    sign = events["sign"]
    assert (sign.actor, sign.status, sign.date) == ("Kenya", "done", "2024-03-06")
    assert "$3.8 billion loan" in sign.evidence and "$3.8 billion loan" in sign.object


def test_the_actor_of_a_relative_clause_is_its_antecedent_and_a_passive_its_agent(tmp_path):
    events = _by_action(_events(tmp_path, RAIL))
    build = events["build"]
    assert build.actor == "China Road and Bridge Corporation" and build.status == "done"
    assert events["open"].actor == "The line" and events["open"].date == "2017"
    # joined to "opened" by "and": the same subject; its own date
    assert events["carry"].actor == "The line" and events["carry"].date == "2023"


def test_planned_and_possible_actions_and_numbers_kept_whole(tmp_path):
    events = _by_action(_events(tmp_path, RAIL))
    assert events["start"].status == "planned" and events["start"].date == "2024-06"
    complete = events["complete"]  # "is due to be completed": planned, and passive (no actor)
    assert complete.status == "planned" and complete.date == "2027" and complete.actor is pd_na()
    assert events["rise"].status == "possible" and events["rise"].actor == "the cost"
    # rhetoric in a quotation is no action with a date; its actor is never a quotation mark
    assert all(not str(a).startswith(('"', "“")) for a in _events(tmp_path, RAIL)["actor"].dropna())
    assert "12,000 passengers" in events["carry"].object


def pd_na():
    import pandas as pd

    return pd.NA


def test_a_participle_shares_its_clause_status_and_date_and_comparisons_date_nothing(tmp_path):
    text = (
        "LIMA, Jan. 9 (AP) - A landslide buried a mountain road in southern Peru on Monday, "
        "killing four people and injuring nine others. Copper exports rose 12 percent in "
        "December compared with the same month a year earlier.\n"
    )
    events = _by_action(_events(tmp_path, text, "2024-01-09"))
    for action in ("bury", "kill", "injure"):
        assert events[action].date == "2024-01-08" and events[action].status == "done", action
        assert events[action].actor == "A landslide"
    assert events["rise"].date == "2023-12"  # not the year before, the base of the comparison


def test_an_infinitive_is_the_event_of_the_verb_that_plans_it(tmp_path):
    text = (
        "ACCRA, May 2 (Reuters) - Ghana plans to build three solar farms next year. The energy "
        "regulator began to review the tariffs in April and is expected to publish them soon. "
        "The central bank did not raise interest rates. Inflation is expected to ease.\n"
    )
    events = _events(tmp_path, text, "2024-05-02")
    by = _by_action(events)
    assert by["build"].status == "planned" and by["build"].actor == "Ghana"
    assert by["build"].date == "2025" and "plan" not in by
    assert by["begin"].status == "done" and "review" not in by  # "began to review": begin
    assert by["publish"].status in ("planned", "possible")
    assert "raise" not in by  # a negated act did not happen
    assert by["ease"].status == "possible"  # a figure "is expected to": a forecast


def test_it_said_by_a_body_is_that_body_and_a_headline_is_no_event(tmp_path):
    text = (
        "Regulator opens inquiry into ferry line\n\n"
        "OSLO, Feb. 2 (Reuters) - Norway's Maritime Authority said on Friday it has opened an "
        "inquiry into the ferry operator.\n"
    )
    events = _events(tmp_path, text, "2024-02-02")
    opened = events[events["action"] == "open"]
    assert len(opened) == 1  # the body's clause, not the headline's
    assert opened.iloc[0]["actor"] == "Maritime Authority" and opened.iloc[0]["status"] == "done"


def test_the_same_event_told_twice_is_listed_once(tmp_path):
    text = (
        "PARIS, June 3 (AFP) - The club signed the striker on Monday. The club signed the striker "
        "on Monday for a record fee, the coach said.\n"
    )
    events = _events(tmp_path, text, "2024-06-03")
    assert (events["action"] == "sign").sum() == 1


def test_a_past_form_is_read_back_to_its_verb_and_owning_is_no_event(tmp_path):
    text = (
        "QUITO, May 6 (Reuters) - The regulator fined the two banks a combined $4 million on "
        "Monday. The firms, owned by a holding company since 2019, said they would pay.\n"
    )
    events = _by_action(_events(tmp_path, text, "2024-05-06"))
    assert "fine" in events and "fin" not in events
    assert events["fine"].status == "done" and events["fine"].date == "2024-05-06"
    assert "own" not in events


def test_a_claim_with_a_thing_for_object_is_an_act_and_joined_verbs_keep_their_own_times(
    tmp_path,
):
    events = _by_action(
        _events(
            tmp_path,
            "Runoff decided\n\nLIMA (AFP) - Mayor Rosa Quispe claimed victory on Sunday in the "
            "runoff. The observer mission said it had found no fraud and will publish its "
            "report on Tuesday. She has hired more guards, and thefts fell by half last year.\n",
            published="2024-03-11",
        )
    )
    assert events["claim"].actor == "Rosa Quispe" and events["claim"].date == "2024-03-10"
    assert events["publish"].date == "2024-03-12" and events["publish"].status == "planned"
    assert events["find"].status == "done" and events["find"].date is pd.NA
    assert events["hire"].date is pd.NA and events["fall"].date == "2023"  # each its own subject


def test_an_event_is_said_by_whoever_says_its_words_not_by_a_speaker_of_the_same_sentence(
    tmp_path,
):
    events = _by_action(
        _events(
            tmp_path,
            "LAGOS, May 4 (Harbour Wire) - Shares of Delta Freight fell sharply on Monday after "
            "the Lagos Port Authority said it would raise handling charges from June. Delta "
            "Freight's chief executive said the company would cut its fleet.\n",
            published="2026-05-04",
        )
    )
    assert pd.isna(events["fall"].speaker)  # the story's own words
    assert events["raise"].speaker == "Lagos Port Authority"
    assert events["cut"].speaker is not None and not pd.isna(events["cut"].speaker)


def test_an_action_asked_for_is_no_event_a_request_to_come_is_and_being_done_is_past(
    tmp_path,
):
    # a request leaves its action undecided, no event: "urged residents to leave", "were
    # asked to stay", "invited investors to build", "called on the government to release"; a
    # request still to come is itself the event ("will ask a court to halt"); "after being
    # pulled from the water" happened when its clause did
    events = _by_action(
        _events(
            tmp_path,
            "PORTO, Feb. 3 (Harbour Wire) - The river authority closed two bridges on Monday and "
            "urged residents to leave the low-lying quarter. Shop owners were asked to stay "
            "away until Wednesday. The mayor invited private investors to build new flood walls "
            "and called on the national government to release emergency funds. The council will "
            "ask a court to halt the works. A fisherman was treated in hospital after being "
            "pulled from the water.\n",
            published="2026-02-03",
        )
    )
    assert events["close"].status == "done" and events["close"].date == "2026-02-02"
    for asked in ("leave", "stay", "build", "release", "halt", "urge", "invite"):
        assert asked not in events, asked
    assert events["ask"].status == "planned" and events["ask"].actor == "The council"
    assert events["pull"].status == "done"
