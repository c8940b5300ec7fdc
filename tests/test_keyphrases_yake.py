"""YAKE's key phrases deduplicated here, stopping once the phrases kept are settled: the same
phrases and scores as YAKE's own deduplication of `cap` candidates, ranked."""

import math

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


def _yakes_own(text, top, min_words, cap):
    return kp._ranked(
        *kp._yake_scores(text, 3, cap, STOP), top=top, min_words=min_words, ascending=True
    )


def _texts():
    own = [paths.ARTICLE, *sorted((paths.ROOT / "data" / "eval").glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in own] + [s.text for s in stories(40, seed=7)]


@pytest.mark.parametrize("top, min_words, cap", SETTINGS)
def test_the_same_phrases_and_scores_as_yakes_own_deduplication(top, min_words, cap):
    texts = _texts()
    full = 0
    for text in texts:
        want = _yakes_own(text, top, min_words, cap)
        assert kp._yake_best(text, 3, top, min_words, cap, STOP) == want
        full += len(want) == top
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
    assert kp._yake_best(text, 3, top, min_words, cap, STOP) == _yakes_own(
        text, top, min_words, cap
    )


class _Every:
    def __init__(self, found):
        self.found = found

    def extract_keywords(self, text):
        return self.found


def _yakes_loop(found, top, min_words, cap):
    # YAKE's deduplication as `extract_keywords` runs it, then the table's ranking
    dedup = kp._extractor(3, 1, STOP)
    kept = []
    for phrase, h in found:
        if all(dedup.dedup_function(phrase, k) <= dedup.config["dedup_lim"] for k, _ in kept):
            kept.append((phrase, h))
        if len(kept) == cap:
            break
    return kp._ranked(
        [p for p, _ in kept], [h for _, h in kept], top=top, min_words=min_words, ascending=True
    )


PHRASES = ["a b", "a bc", "ab c", "x y z", "x y", "xy", "river flood", "river floods", "rate",
           "rates", "bank rate", "bank rates", "north", "north bank", "green party", "q r"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PHRASES),
            st.sampled_from([0.1, 0.2, 0.2, 0.3, 0.5, math.inf, math.nan]),
        ),
        unique_by=lambda pair: pair[0],
    ),
    st.sampled_from(SETTINGS),
)
def test_ties_and_scores_that_are_not_numbers_stop_nothing_early(candidates, setting):
    # YAKE sorts its candidates by score; ties at the last place kept, an infinite score or one
    # that is not a number (which leaves the sort unordered) give what YAKE's loop gives
    top, min_words, cap = setting
    found = sorted(candidates, key=lambda pair: pair[1])
    every = _Every(found)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kp, "_undeduplicated", lambda n, stop: (every, kp._extractor(n, 1, stop)))
        got = kp._yake_best("some text", 3, top, min_words, cap, STOP)
    assert got == _yakes_loop(found, top, min_words, cap)


def test_no_text_no_phrases():
    assert kp._yake_best(" \n", 3, 20, 2, 60, STOP) == []
