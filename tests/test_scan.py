"""Patterns run only at the words that can start them: the same matches as a plain scan."""

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.facts import extract
from analysis.reading.scan import Candidates, WordIndex

ARTICLES = [paths.ARTICLE, *sorted((paths.ROOT / "data" / "eval").glob("*.txt"))]
SCANS = {name: scan for name, scan in extract.scans().items() if scan.head is not None}


def _plain(scan, text, pos=0, endpos=None):
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.groupdict()) for m in scan.rx.finditer(text, pos, end)]


def _indexed(index, scan, pos=0):
    return [
        (m.span(), m.groupdict()) for m in index.finditer(scan.rx, scan.head, pos, None, scan.kind)
    ]


def test_nearly_every_pattern_has_a_head():
    # the one without: a name may start inside a word, so it is scanned everywhere (the sources'
    # web addresses may too, but only just before the verb: a function finds those)
    assert set(extract.scans()) - set(SCANS) == {"name and speech verb"}
    assert len(SCANS) >= 25


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_head_finds_every_match_in_the_articles(path):
    text = path.read_text(encoding="utf-8")
    index = WordIndex(text)
    found = 0
    for name, scan in SCANS.items():
        expected = _plain(scan, text)
        assert _indexed(index, scan) == expected, name
        assert _indexed(index, scan, pos=40) == _plain(scan, text, 40), name
        found += len(expected)
    assert found > 50  # the articles do exercise the patterns


# words that start matches, in odd cases and next to odd neighbours, and characters that `re`
# treats specially under IGNORECASE ("ſ" is "s", "ı" is "i", the Kelvin sign is "k")
VOCAB = [
    "has", "Has", "HAS", "haſ", "ıs", "It", "IT", "he", "He", "she", "they", "will", "may", "would",
    "is", "are", "was", "were", "does not rule out", "is due to", "plans to", "told journalists",
    "said that", "admitted that", "pointed out that", "also", "Jean-Pierre", "(Smith",
    "signed", "took place", "set up", "launched", "been", "being", "building", "playing", "to",
    "said", "says", "pointed out", "noted", "that", "also", "Erkin Shaymagambetov", "McDonald Smith",
    "O’Brien", "Aidar Nurlanov", "Chairman", "Deputy Prime Minister", "President of Kazakhstan",
    "Head", "of", "the", "The", "a", "An", "an", "agreement", "meeting", "summit", "committee",
    "country", "document", "Kazakhstan", "KAZAKHSTAN", "Belarus", "Minsk", "CIS", "BelTA",
    "belta.by", "Roscosmos", "22", "22-23", "22–23", "1st", "October", "Oct.", "Sept", "2016",
    "in2016", "$2016", "2016%", "20160", "19", "1,000", "3.5", "four", "Four", "dozen", "million",
    "percent", "this year", "next month", "last week", "today", "on Thursday", "Monday", "mid-",
    "early", "In his words", "According to", "according to", "xaccording to", "BelTA informs",
    "belta.by", "ria-novosti.ru", "news-belta.by", "x.com", ".kz", "Belta.by", "reports", "informs",
    "TASS", "Kazinform", "K", "é", "٣", "İ", "_", "-", ".", ",", ":", ";",
    "\"", "“", "”", "'", "(", ")", "\n", "\n\n", "  ",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "\n", "-", ". ", ", ", "_"]


@st.composite
def texts(draw):
    words = draw(st.lists(st.sampled_from(VOCAB) | st.text(max_size=3), max_size=40))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_every_head_finds_every_match_in_any_text(text):
    index = WordIndex(text)
    for name, scan in SCANS.items():
        assert _indexed(index, scan) == _plain(scan, text), name


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_runs_are_those_of_the_regular_expression(text):
    index = WordIndex(text)
    for kind, rx in (("word", r"\w+"), ("digit", r"\d+")):
        any_run = re.compile(".", re.S)
        assert index.candidates(any_run, kind).tolist() == [
            m.start() for m in re.finditer(rx, text)
        ]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.data())
def test_matches_span_by_span_are_those_of_each_span(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if a < b]
    starts = np.array([a for a, _ in spans], dtype=np.int64)
    ends = np.array([b for _, b in spans], dtype=np.int64)
    index = WordIndex(text)
    for name, scan in SCANS.items():
        if isinstance(scan.head, Candidates) and not scan.head.holds_for_spans:
            continue  # this candidates function serves the whole text only
        got = [
            (i, m.span())
            for i, m in index.finditer_spans(scan.rx, scan.head, starts, ends, scan.kind)
        ]
        want = [
            (i, m.span()) for i, (a, b) in enumerate(spans) for m in scan.rx.finditer(text, a, b)
        ]
        assert got == want, name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.data())
def test_an_end_inside_a_word_cuts_it_as_the_plain_scan_does(text, data):
    end = data.draw(st.integers(0, len(text)))
    index = WordIndex(text)
    for name, scan in SCANS.items():
        if isinstance(scan.head, Candidates) and not scan.head.holds_for_spans:
            continue
        got = [m.span() for m in index.finditer(scan.rx, scan.head, 0, end, scan.kind)]
        assert got == [m.span() for m in scan.rx.finditer(text, 0, end)], name


def test_the_year_may_start_inside_a_word_but_not_inside_a_number():
    text = "It was in2016, not in 12016 or $2016."
    index = WordIndex(text)
    scan = extract.scans()["year in a sentence"]
    got = [m.group() for m in index.finditer(scan.rx, scan.head, kind=scan.kind)]
    assert got == ["2016"] and got == [m.group() for m in scan.rx.finditer(text)]


ODD_CASES = (
    "News-belta.by informs. x news-belta.by said, ria-novosti.ru  reports; foo.com\nsays it. "
    "(inform.kz) writes. xaccording to TASS, according to BelTA. a.b-c_d.org stated. "
    "Haſ it is possible that IT will launch in2016 on 22–23 Oct. He said Aidar Nurlanov "
    "McDonald Smith said the President of Kazakhstan had told journalists. He also said that "
    "it works. (Jean-Pierre O’Brien Smith) pointed out  that x. Aidar Nurlanov admitted that it "
    "was late. She thinks that. Aidar Kumar Nurlanov also said that it rained."
)


def test_odd_cases_find_what_the_plain_scan_finds():
    index = WordIndex(ODD_CASES)
    found = 0
    for name, scan in SCANS.items():
        expected = _plain(scan, ODD_CASES)
        assert _indexed(index, scan) == expected, name
        found += len(expected)
    assert found >= 20


def test_odd_cases_sentence_by_sentence():
    spans = [m.span() for m in re.finditer(r"[^.!?]+[.!?]*", ODD_CASES)]
    starts = np.array([a for a, _ in spans], dtype=np.int64)
    ends = np.array([b for _, b in spans], dtype=np.int64)
    index = WordIndex(ODD_CASES)
    found = 0
    for name, scan in SCANS.items():
        if isinstance(scan.head, Candidates) and not scan.head.holds_for_spans:
            continue
        got = [
            (i, m.span())
            for i, m in index.finditer_spans(scan.rx, scan.head, starts, ends, scan.kind)
        ]
        want = [
            (i, m.span())
            for i, (a, b) in enumerate(spans)
            for m in scan.rx.finditer(ODD_CASES, a, b)
        ]
        assert got == want, name
        found += len(want)
    assert found >= 20


def test_a_whole_text_candidates_function_refuses_spans():
    scan = extract.scans()["attribution"]
    index = WordIndex(ODD_CASES)
    with pytest.raises(ValueError, match="whole text only"):
        list(index.finditer(scan.rx, scan.head, 0, 20))
    with pytest.raises(ValueError, match="whole text only"):
        list(index.finditer_spans(scan.rx, scan.head, np.array([0]), np.array([20])))


@pytest.fixture
def little_memory(monkeypatch):
    # a head's verdicts on words are kept from text to text: with room for a few words and heads
    # only, they are forgotten again and again, under indexes built before and used after
    from analysis.reading import scan

    for name, value in (("_MOST_WORDS", 60), ("_MOST_HEADS", 3), ("_IDS", {}), ("_HEADS", {})):
        monkeypatch.setattr(scan, name, value)
    monkeypatch.setattr(scan, "_generation", scan._generation)
    return scan


def test_verdicts_kept_and_forgotten_find_every_match(little_memory):
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES[:4]] + [ODD_CASES]
    indexes = [WordIndex(t) for t in texts]
    for _ in range(2):
        for name, scan in SCANS.items():
            for text, index in zip(texts, indexes, strict=True):
                assert _indexed(index, scan) == _plain(scan, text), name
    assert little_memory._generation > 0  # (forgotten)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts(), min_size=1, max_size=4))
def test_verdicts_kept_across_any_texts_find_every_match(many):
    from analysis.reading import scan

    with pytest.MonkeyPatch.context() as mp:
        for name, value in (("_MOST_WORDS", 25), ("_MOST_HEADS", 5), ("_IDS", {}), ("_HEADS", {})):
            mp.setattr(scan, name, value)
        mp.setattr(scan, "_generation", scan._generation)
        indexes = [WordIndex(t) for t in many]
        for name, s in SCANS.items():
            for text, index in zip(many, indexes, strict=True):
                assert _indexed(index, s) == _plain(s, text), name
