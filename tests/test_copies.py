"""Copies in a corpus (MinHash and LSH) and the story each article tells; topics of a corpus.

The stories are our own: a harbour story, its relays, and another agency's story of the same
event in other words."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.corpus import aggregate, copies, planted, stats, topics

HARBOUR = [
    "The port authority of Velmora said on Tuesday it would close the old northern quay for "
    "eighteen months while engineers rebuild its sea wall.",
    "Cargo ships bound for the quay will be sent to the southern terminal, which handled "
    "412,000 containers last year, a spokeswoman for the authority said.",
    "The rebuild is expected to cost 96 million euros, most of it lent by a regional "
    "development bank under an agreement signed in March.",
    "Fishermen who moor at the northern quay have been offered berths in the marina at Sant "
    "Orell, twelve kilometres along the coast.",
    '"We understand the disruption, but the wall has been cracking since the storms of two '
    'winters ago," harbour master Ilse Brandvold told a news conference.',
    "Divers found three breaches below the waterline during an inspection in January, "
    "according to a report published by the authority.",
    "Local traders fear that fewer cruise passengers will walk through the old town while the "
    "quay is shut.",
    "The city council will vote next week on a plan to run a shuttle bus between the southern "
    "terminal and the market square.",
    "The northern quay was built in 1911 and last repaired in the 1970s.",
]
ORIGINAL = "VELMORA, May 6 (Coastline) -- " + " ".join(HARBOUR)


def body(text: str) -> str:
    return text.split(" -- ", 1)[1] if " -- " in text else text


def similarity(a: str, b: str) -> float:
    sigs = copies.signatures({"a": body(a), "b": body(b)})
    ma, mb = (copies._lean(v) for v in sigs["minhash"])
    return ma.jaccard(mb)


def found(texts: dict[str, str], published: dict[str, str | None] | None = None) -> pd.DataFrame:
    sigs = copies.signatures({d: body(t) for d, t in texts.items()})
    published = published or dict.fromkeys(texts, "2025-05-06")
    return copies.find(sigs.assign(published=sigs["doc_id"].map(published)))


def test_a_relay_with_a_new_first_paragraph_is_a_copy():
    relay = ("VELMORA, May 7 (Tidewater) -- Velmora's main harbour will lose its oldest berth "
             "for a year and a half, the city's port authority announced, as reported by "
             "Coastline. " + " ".join(HARBOUR[1:]))  # fmt: skip
    assert similarity(ORIGINAL, relay) >= copies.THRESHOLD
    assert found({"a": ORIGINAL, "b": relay})[["doc_id", "copy_of"]].values.tolist() == [["b", "a"]]


def test_a_relay_with_a_trimmed_ending_and_a_headline_of_its_own_is_a_copy():
    relay = "Old quay to shut for repairs\n\nVELMORA (Gull Press) -- " + " ".join(HARBOUR[:-2])
    assert found({"a": ORIGINAL, "b": relay})["copy_of"].tolist() == ["a"]
    both = ("VELMORA (Gull Press) -- Velmora is to shut its old quay, Coastline reported. "
            + " ".join(HARBOUR[1:-2]))  # fmt: skip
    assert found({"a": ORIGINAL, "b": both})["copy_of"].tolist() == ["a"]


def test_a_story_of_the_same_event_in_other_words_is_no_copy():
    # the same place, people, figures and quotation, in another agency's words
    other = (
        "VELMORA, May 6 (Tidewater) -- Engineers will spend a year and a half rebuilding the "
        "sea wall of Velmora's northern quay, which closes to shipping from next month. Vessels "
        "are being diverted to the southern terminal, where 412,000 containers were handled in "
        "the past year. A development bank is lending most of the 96 million euros the works "
        'will cost. "We understand the disruption, but the wall has been cracking since the '
        'storms of two winters ago," harbour master Ilse Brandvold told a news conference. '
        "Inspectors diving in January counted three breaches under the water. Shopkeepers in "
        "the old town worry about losing visitors from cruise ships, and councillors will "
        "decide next week whether to lay on a shuttle to the market square."
    )
    assert similarity(ORIGINAL, other) < 0.15
    assert found({"a": ORIGINAL, "b": other}).empty


def test_the_story_is_its_earliest_copy_by_date_then_id_and_a_copy_of_a_copy_joins_it():
    relay = "VELMORA (Tidewater) -- Velmora's port will shut an old berth. " + " ".join(HARBOUR[1:])
    relay_of_relay = "VELMORA (Gull Press) -- " + " ".join(HARBOUR[1:-3])
    texts = {
        "z_first": ORIGINAL,
        "b_relay": relay,
        "a_relay2": relay_of_relay,
        "c_undated": ORIGINAL,
    }
    published = {"z_first": "2025-05-06", "b_relay": "2025-05-07", "a_relay2": "2025-05-08",
                 "c_undated": None}  # fmt: skip
    got = found(texts, published).set_index("doc_id")
    # the earliest by publication date comes first whatever its name; the undated come last
    assert sorted(got.index) == ["a_relay2", "b_relay", "c_undated"]
    assert set(got["copy_of"]) == {"z_first"}
    assert got.loc["c_undated", "similarity"] == 1.0
    # on one day, the smaller doc_id is the first
    same_day = found({"b": ORIGINAL, "a": relay})
    assert same_day[["doc_id", "copy_of"]].values.tolist() == [["b", "a"]]
    docs = pd.DataFrame({"doc_id": ["z_first", "b_relay", "solo"]})
    ids = copies.story_ids(docs, got.reset_index())
    assert ids.tolist() == ["z_first", "z_first", "solo"]


def test_shingles_of_short_and_empty_bodies():
    assert copies.shingles("Rain fell.") == {b"rain fell"}
    assert copies.shingles(" -- ") == set()
    assert len(copies.shingles("one two three four five six")) == 2  # no name: every run
    sigs = copies.signatures({"empty": "", "short": "Quay shut."})
    assert sigs["doc_id"].tolist() == ["short"] and len(sigs["minhash"][0]) == 4 * copies.NUM_PERM


def every_run(text: str, k: int = 5) -> set[str]:
    words = re.findall(r"\w+", body(text).lower())
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def test_stories_written_to_one_formula_are_no_copies():
    # a company's results to a house formula: the same words around other names and figures
    form = ("{city}, May {day} (Coastline) -- {firm} said on Tuesday that its net profit for the "
            "quarter that ended in March rose to {profit} million crowns from {before} million a "
            "year earlier, helped by higher prices and lower costs. Revenue from operations rose "
            "{growth} percent to {revenue} million crowns in the quarter, the company said in a "
            "filing to the stock exchange. The board of directors recommended a final dividend "
            "of {dividend} crowns per share for the year, subject to the approval of "
            "shareholders at the annual general meeting. Shares of {firm} closed {move} percent "
            "higher at {price} crowns on the exchange on Tuesday, before the results were "
            "announced after the market closed.")  # fmt: skip
    one = form.format(city="HALDEN", day=3, firm="Halden Timber", profit="48.2", before="41.7",
                      growth=9, revenue="612.4", dividend="2.40", move="1.3", price="88.10")  # fmt: skip
    two = form.format(city="MOSS", day=10, firm="Moss Cables", profit="12.9", before="15.1",
                      growth=4, revenue="230.8", dividend="0.75", move="0.6", price="41.35")  # fmt: skip
    a, b = every_run(one), every_run(two)
    assert len(a & b) / len(a | b) > copies.THRESHOLD  # alike, counting every run of words
    assert len(copies.shingles(body(one)) & copies.shingles(body(two))) <= 3
    assert found({"a": one, "b": two}).empty
    relay = one.replace("(Coastline)", "(Tidewater)")
    assert found({"a": one, "b": relay})["copy_of"].tolist() == ["a"]


def test_planted_relays_are_found_and_rewrites_are_not():
    made = planted.stories(150, seed=4)
    sigs = copies.signatures({s.doc_id: body(s.text) for s in made})
    published = {s.doc_id: s.published.isoformat() for s in made}
    got = copies.find(sigs.assign(published=sigs["doc_id"].map(published)))
    docs = pd.DataFrame({"doc_id": [s.doc_id for s in made]})
    story = dict(zip(docs["doc_id"], copies.story_ids(docs, got)))
    relays = [s for s in made if s.kind == "relay"]
    assert len(relays) > 40 and {e for s in relays for e in s.edits} == {
        "new lead", "trimmed ending", "changed headline"}  # fmt: skip
    assert all(story[s.doc_id] == story[s.story_of] for s in relays)
    originals = {id(s.slots): s.doc_id for s in made if s.kind == "original"}
    rewrites = [s for s in made if s.kind == "rewrite"]
    assert rewrites and all(story[s.doc_id] != story[originals[id(s.slots)]] for s in rewrites)
    assert len(got) == len(relays)  # and nothing else is taken for a copy


def test_totals_count_each_story_once():
    entities = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c"],
                             "entity": ["Velmora", "Ilse Brandvold", "Velmora", "Ilse Brandvold", "Velmora"],
                             "type": ["GPE", "PERSON", "GPE", "PERSON", "GPE"], "n_mentions": [2, 1, 2, 1, 1]})  # fmt: skip
    terms = pd.DataFrame({"doc_id": ["a", "b", "c"], "term": ["quay", "quay", "quay"],
                          "count": [3, 3, 1]})  # fmt: skip
    copied = pd.DataFrame({"doc_id": ["b"], "copy_of": ["a"], "similarity": [0.9]})
    totals = aggregate.corpus_totals({"doc_terms": terms, "entities": entities}, copied)
    named = totals["entity_articles"].set_index("entity")
    assert named.loc["Velmora", ["n_articles", "n_stories"]].tolist() == [3, 2]
    assert named.loc["Ilse Brandvold", ["n_articles", "n_stories"]].tolist() == [2, 1]
    assert totals["comentions"][["n_articles", "n_stories"]].values.tolist() == [[2, 1]]
    assert totals["term_totals"][["n_docs", "n_stories"]].values.tolist() == [[3, 2]]
    # without copies, every article is a story
    alone = aggregate.corpus_totals({"doc_terms": terms, "entities": entities})
    assert alone["term_totals"]["n_stories"].tolist() == [3]


def test_stories_and_the_stories_carried_most():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "story_id": ["a", "a", "c", "a"],
                         "agency": ["X", "Y", "X", "Z"], "title": ["Quay shuts", "b", "c", "d"],
                         "published": ["2025-05-06", "2025-05-07", "2025-05-01", None]})  # fmt: skip
    assert stats.first_copies(docs)["doc_id"].tolist() == ["a", "c"]
    top = stats.most_copied(docs)
    assert top[["story", "n_articles", "n_agencies"]].values.tolist() == [
        ["Quay shuts (06 May 2025)", 3, 3]]  # fmt: skip


@pytest.fixture(scope="module")
def themed():
    made = [s for s in planted.stories(480, seed=9, relays=0, rewrites=0)]
    counts = aggregate.doc_terms({s.doc_id: body(s.text) for s in made})
    return made, counts


def test_topics_find_the_planted_themes_the_same_on_every_run(themed):
    made, counts = themed
    terms, doc_topics = topics.fit(counts, set())
    assert terms["topic_id"].nunique() == 8  # the most coherent of the candidates: the eight themes
    quality = topics.quality(terms, doc_topics, counts, {s.doc_id: s.theme for s in made})
    assert quality["theme_purity"] >= 0.9 and quality["topic_purity"] >= 0.9
    # each theme's own words lead one topic
    labels = stats.topic_labels(terms, n=5)
    for theme, spec in planted.THEMES.items():
        assert any(sum(w in spec["nouns"] for w in label.split(": ")[1].split(", ")) >= 2
                   for label in labels), theme  # fmt: skip
    # a topic's shares of an article sum to one (less the small ones left out)
    sums = doc_topics.groupby("doc_id")["weight"].sum()
    assert sums.between(1 - 7 * topics.MIN_SHARE, 1 + 1e-9).all() and sums.median() > 0.9
    again = topics.fit(counts, set())
    pd.testing.assert_frame_equal(again[0], terms)
    pd.testing.assert_frame_equal(again[1], doc_topics)


def test_a_small_corpus_of_many_themes_is_not_cut_to_two_topics():
    # sixty-odd stories of eight themes, as a user's first folder may be: coherence falls from
    # two topics to three and four before it rises past them, so the search must not stop at
    # the first dips
    made = [s for s in planted.stories(60) if s.kind != "relay"]
    counts = aggregate.doc_terms({s.doc_id: body(s.text) for s in made})
    terms, _ = topics.fit(counts, set())
    assert terms["topic_id"].nunique() == topics.candidates(len(made))[-1] == 6


def test_topics_are_fitted_on_stories_and_given_to_their_copies(themed):
    made, counts = themed
    copy = counts.loc[counts["doc_id"] == made[0].doc_id].assign(doc_id="copy_of_first")
    terms, doc_topics = topics.fit(pd.concat([counts, copy]), {"copy_of_first"})
    shares = doc_topics.set_index(["doc_id", "topic_id"])["weight"]
    assert (
        shares.loc["copy_of_first"].round(6).to_dict()
        == shares.loc[made[0].doc_id].round(6).to_dict()
    )


def test_a_small_corpus_gets_no_topics_and_few_candidates():
    counts = pd.DataFrame({"doc_id": ["a", "b"], "term": ["quay", "quay"], "count": [1, 2]})
    terms, doc_topics = topics.fit(counts, set())
    assert (
        terms.empty
        and doc_topics.empty
        and list(terms.columns) == ["topic_id", "term", "weight", "rank"]
    )
    assert topics.candidates(30) == [2, 3, 4] and topics.candidates(1000)[-1] == 22
    assert topics.candidates(100_000)[-1] == 30


def test_topic_shares_and_typical_articles():
    terms = pd.DataFrame({"topic_id": [1, 1, 2, 2], "term": ["quay", "ship", "vote", "ballot"],
                          "weight": [0.6, 0.4, 0.5, 0.5], "rank": [1, 2, 1, 2]})  # fmt: skip
    doc_topics = pd.DataFrame({"doc_id": ["a", "b", "b", "c"], "topic_id": [1, 1, 2, 2],
                               "weight": [1.0, 0.25, 0.75, 1.0]})  # fmt: skip
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "agency": ["X", "X", "Y"],
                         "title": ["Quay shuts", "Port vote", "Ballot day"],
                         "published": ["2025-05-06", "2025-05-20", "2025-06-01"]})  # fmt: skip
    by_month = stats.topic_shares(doc_topics, docs, terms, by="month")
    may = by_month.loc[by_month["month"] == pd.Timestamp("2025-05-01")].set_index("topic")["share"]
    assert may.to_dict() == {"1: quay, ship": 0.625, "2: vote, ballot": 0.375}
    by_agency = stats.topic_shares(doc_topics, docs, terms, by="agency").set_index(
        ["agency", "topic"]
    )
    assert by_agency.loc[("Y", "2: vote, ballot"), "share"] == 1.0
    typical = stats.typical_articles(doc_topics, docs, terms, n=1)
    assert typical[["topic", "article"]].values.tolist() == [
        ["1: quay, ship", "Quay shuts (06 May 2025)"], ["2: vote, ballot", "Ballot day (01 Jun 2025)"]]  # fmt: skip


def test_topic_shares_by_month_are_bars_of_the_months_with_stories_only():
    # two months two years apart: one bar each, named in words, and nothing drawn between
    import matplotlib.pyplot as plt

    from analysis.viz import corpus_plots

    months = pd.to_datetime(["2022-03-01", "2022-03-01", "2024-05-01", "2024-05-01"])
    data = pd.DataFrame({"month": months, "topic": ["1: port", "2: vote"] * 2,
                         "share": [0.6, 0.4, 0.25, 0.75]})  # fmt: skip
    fig, ax = plt.subplots()
    try:
        assert corpus_plots.shares(data, ax=ax) is ax
        assert [t.get_text() for t in ax.get_xticklabels()] == ["March 2022", "May 2024"]
        assert not ax.collections  # no area
        heights = sorted(round(p.get_height(), 2) for p in ax.patches)
        assert heights == [0.25, 0.4, 0.6, 0.75]
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2: vote", "1: port"]
    finally:
        plt.close(fig)
