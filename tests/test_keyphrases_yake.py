"""YAKE's key phrases as the `keyphrases` table ranks them: YAKE's own candidates (no stopword at
either end), deduplicated, best first, lower-cased, each once, the same on every run, on any
text; the loop that stops once the best are known gives what deduplicating every candidate
gives."""

import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.corpus.generate import stories
from analysis.reading.text import stopwords
from analysis.summary import keyphrases as kp

STOP = stopwords()
# (top, min_words, cap): the table's own, and small ones where the cap or the ties decide
SETTINGS = [(20, 2, 60), (2, 2, 3), (5, 1, 6), (3, 3, 100), (4, 2, 4)]


def _best(text, top, min_words, cap):
    return kp._yake_best(text, 3, top, min_words, cap, STOP)


def _every_kept(text, top, min_words, cap):
    # YAKE's deduplication of every candidate until `cap` are kept, then the table's ranking
    kept = []
    for phrase, h in kp._candidates(text, 3, STOP):
        if all(not kp._alike(phrase, k) for k, _ in kept):
            kept.append((phrase, h))
        if len(kept) == cap:
            break
    return kp._ranked(
        [p for p, _ in kept], [h for _, h in kept], top=top, min_words=min_words, ascending=True
    )


def _texts():
    own = [paths.ARTICLE, *sorted((paths.ROOT / "data" / "eval").glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in own] + [s.text for s in stories(40, seed=7)]


def _holds(text, found, top, min_words):
    phrases = [p for p, _ in found]
    scores = [s for _, s in found]
    assert len(phrases) <= top
    assert len(set(phrases)) == len(phrases)
    assert scores == sorted(scores)  # best (lowest) first
    lower = text.lower()
    for phrase in phrases:
        words = phrase.split(" ")
        assert phrase == phrase.lower()
        assert min_words <= len(words) <= 3
        assert words[0] not in STOP and words[-1] not in STOP
        assert all(w in lower for w in words)


@pytest.mark.parametrize("top, min_words, cap", SETTINGS)
def test_phrases_of_the_text_best_first_each_once(top, min_words, cap):
    texts = _texts()
    full = 0
    for text in texts:
        found = _best(text, top, min_words, cap)
        _holds(text, found, top, min_words)
        assert found == _every_kept(text, top, min_words, cap)
        full += len(found) == top
    assert full > len(texts) // 2  # most texts fill the table


WORDS = [
    "the", "of", "and", "said", "minister", "Minister", "prime", "Prime", "bank", "banks",
    "central", "Central", "rate", "rates", "interest", "court", "ruling", "rulings", "team",
    "Team", "match", "final", "storm", "flood", "floods", "river", "company", "shares",
    "profit", "vote", "votes", "election", "party", "Party", "green", "Green", "north",
    "North", "2024", "7", "per", "cent",
]  # fmt: skip


@st.composite
def texts(draw):
    sentences = draw(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), max_size=25)
    )
    return " ".join(
        " ".join(s).capitalize() + draw(st.sampled_from([".", "!", ",", ";"])) for s in sentences
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.sampled_from(SETTINGS))
def test_the_same_on_any_text(text, setting):
    top, min_words, cap = setting
    found = _best(text, top, min_words, cap)
    _holds(text, found, top, min_words)
    assert found == _every_kept(text, top, min_words, cap)
    assert all(not math.isnan(s) for _, s in found)


def test_a_phrase_and_its_plural_are_one_phrase():
    text = (
        "The central bank raised rates. Central banks across the region followed the central "
        "bank. The central bank said inflation was high. Other central banks waited. "
    ) * 2
    phrases = [p for p, _ in _best(text, 20, 2, 60)]
    assert phrases[0] == "central bank"
    assert "central banks" not in phrases


def test_the_same_on_every_run():
    # yake-rust's last bits change from run to run (a new extractor is a new run); the
    # rounded scores and the ranking do not
    texts = _texts()[:8]
    first = [_best(t, 20, 2, 60) for t in texts]
    for _ in range(5):
        kp._extractor.cache_clear()
        assert [_best(t, 20, 2, 60) for t in texts] == first
    assert all(float(f"{s:.{kp.YAKE_DIGITS}g}") == s for found in first for _, s in found)


@pytest.mark.parametrize(
    "a, b, alike",
    [
        ("central bank", "central banks", True),  # one letter in 13
        ("interest rate", "interest rates", True),
        ("rate", "rates", False),  # one letter in 5 is too many
        ("prime minister", "prime ministers", True),
        ("north bank", "south bank", False),
        ("river flood warning", "river flood warnings", True),
        ("council for fishing", "councils fur fishing", False),  # two letters in 20
        ("regional council for fisheries", "regional councils fur fisheries", True),
    ],
)
def test_alike_is_yakes_levenshtein_rule(a, b, alike):
    assert kp._alike(a, b) is alike
    assert kp._alike(b, a) is alike


def test_no_text_no_phrases():
    assert kp._yake_best(" \n", 3, 20, 2, 60, STOP) == []
    assert kp.yake_phrases("").empty


def test_the_words_of_the_seed_lead():
    seed = paths.ARTICLE.read_text(encoding="utf-8")
    phrases = [p for p, _ in _best(seed, 20, 2, 60)]
    assert "joint space research" in phrases[:3]
    assert not any(re.search(r"\d", p) for p in phrases[:5])


def test_a_text_the_tokenizer_gives_up_on_is_read_as_words():
    # thousands of quotes in runs make yake-rust's tokenizer panic; the words around them are
    # still ranked
    text = "Ferry workers strike at the port. " + ("'" * 16 + " ") * 6000 + "Ferry workers vote."
    phrases = [p for p, _ in kp._candidates(text, 3, STOP)]
    assert "ferry workers" in phrases[:3]
