"""Sentence boundaries: the body tiled, and split where a careful reader splits it."""

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.reading import segment
from analysis.reading import text as text_mod
from analysis.reading.article import Article

# The Golden Rules of the Pragmatic Segmenter live beside the repository, never in it.
GOLDEN = Path(os.environ.get("SBD_GOLDEN", paths.ROOT.parent / "shared" / "sbd" / "golden_en.json"))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in segment.split(text)]


def _golden_cases():
    if not GOLDEN.is_file():
        return [
            pytest.param(
                None,
                None,
                marks=pytest.mark.skip(reason=f"no Golden Rules at {GOLDEN} (set SBD_GOLDEN)"),
            )
        ]
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return [pytest.param(text, want, id=f"case-{i}") for i, (text, want) in enumerate(cases)]


@pytest.mark.parametrize("text, want", _golden_cases())
def test_golden_rules(text, want):
    # all 48 pass; the issue asks for at least 46, with every case wire copy meets
    assert [s.strip() for s in sentences(text)] == want


def test_the_seed_keeps_its_seventeen_sentences_and_offsets(seed):
    spans = list(zip(seed["sentences"]["start"], seed["sentences"]["end"]))
    assert spans == [
        (19, 283), (285, 317), (318, 410), (411, 466), (467, 590), (591, 671), (672, 735),
        (736, 903), (904, 1041), (1042, 1147), (1148, 1263), (1264, 1352), (1353, 1484),
        (1485, 1647), (1648, 1765), (1766, 1906), (1907, 2106),
    ]  # fmt: skip


def test_an_ellipsis_between_sentences_is_kept():
    assert sentences("The talks ended. . . . Then they left.") == [
        "The talks ended.",
        ". . . Then they left.",
    ]


def test_a_quotation_closed_after_an_ellipsis_keeps_its_closing_mark():
    text = "He wrote that the rules “would get simpler. . . .” Nobody agreed."
    assert sentences(text) == [
        "He wrote that the rules “would get simpler. . . .”",
        "Nobody agreed.",
    ]
    a = Article(path=Path("/nonexistent/x.txt"), text=text, dateline=None, meta={})
    _, tokens = text_mod.sentences_and_tokens(a)
    closing = tokens.loc[tokens["token"] == "”"]
    assert closing["sentence_id"].tolist() == [1]
    assert tokens.loc[tokens["sentence_id"] == 1, "token"].tolist()[-5:] == [
        ".",
        ".",
        ".",
        ".",
        "”",
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        # abbreviations: a sentence ends after one only before a word that starts sentences
        ("We could see Mt. Elbrus from the pass.", 1),
        ("The figures are on p. 12 of the report.", 1),
        ("She studied in the U.S.A. for two years.", 1),
        ("He lives in the U.S. Where do you live?", 2),
        ("The U.S. Embassy said so.", 1),
        ("Ask Dana and co. They will know.", 2),
        ("The contract went to Kazakhtelecom Co. It was signed on Monday.", 2),
        ("Toyota Motor Corp. President Akio Toyoda spoke.", 1),
        ("Gen. Ivanov met Sen. Smith on Jan. 5 at the embassy.", 1),
        ("Plant No. 3 was closed.", 1),
        ("Was it closed? No. The plant stayed open.", 3),
        ("Exports reached 1.5 bln. tenge last year.", 1),
        ("They compared the figures, i.e. the exports.", 1),
        # times of day
        ("At 7 a.m. Dr. Ivanov opened the clinic.", 1),
        ("The market opened at 9 A.M. Mr. Petrov spoke first.", 2),
        ("The meeting began at 10 a.m. Officials from five countries came.", 2),
        ("The meeting began at 10 a.m. Tuesday in Astana.", 1),
        ("The flight lands at 6 p.m. Astana time.", 1),
        # initials
        ("The treaty was signed by Nursultan A. Nazarbayev in Astana.", 1),
        ("The prize went to you and I. Did anyone object?", 2),
        # quotations
        ('"We are ready." The minister then left.', 2),
        ("“We are ready,” the minister said.", 1),
        ("“Is it ready?” she asked.", 1),
        ("'Done.' he said.", 1),
        ("He said: “The project is important. It will be finished in 2017.”", 2),
        # numbers, web and e-mail addresses
        ("Prices rose 3.5 percent to $45.30 a barrel. In May they fell.", 2),
        ("Details are at www.gov.kz. Questions go to press@gov.kz. Answers take a week.", 3),
        # ellipses
        ("He paused... then went on.", 1),
        ("We waited.... Nobody came.", 2),
        ("The text [...] was cut short.", 1),
        # lists, and a name with an exclamation mark
        ("1) The roads come first 2) The railways come next", 2),
        ("a. The roads b. The railways c. The ports", 3),
        ("• 1. Roads first • 2. Railways next", 2),
        ("He worked at Yahoo! in the sales team.", 1),
        ("What a day! Nobody came.", 2),
    ],
)
def test_wire_copy_cases(text, want):
    got = sentences(text)
    assert len(got) == want, got
    assert " ".join(got) == text


def test_a_stretch_without_words_joins_a_sentence_and_a_paragraph_without_words_stands_alone():
    text = "It ended !!! Then it began.\n\n. . .\n\n* * *"
    assert sentences(text) == ["It ended !!!", "Then it began.", ". . .", "* * *"]
    assert sentences("- - It began.") == ["- - It began."]


def test_paragraphs_always_end_a_sentence():
    assert sentences("Mr.\n\nSmith went home") == ["Mr.", "Smith went home"]


TRICKY = list("aZI9 .!?…\"'”’“)([]•⁃-,:\n\t\u00a0é") + [
    "Mr", "U.S.", " . . . ", "a.m.", "The ", "\n\n", "1.) ", "2) ", "No. ", "p.m. ", "...", "'s",
]  # fmt: skip


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TRICKY), max_size=60).map("".join), st.integers(0, 12))
def test_the_body_is_tiled(text, start):
    # every character that is not white space, from the body's start on, is in exactly one
    # sentence; sentences come in order and begin and end with such a character
    start = min(start, len(text))
    pos = start
    for s, e in segment.split(text, start):
        assert pos <= s < e
        assert text[pos:s].strip() == ""
        assert not text[s].isspace() and not text[e - 1].isspace()
        pos = e
    assert text[pos:].strip() == ""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_the_body_of_any_text_is_tiled(text):
    a = Article(path=Path("/nonexistent/x.txt"), text=text, dateline=None, meta={})
    spans = text_mod.sentence_spans(a)
    kept = "".join(text[s:e] for s, e in spans)
    assert "".join(kept.split()) == "".join(text.split())
    assert all(e <= s for (_, e), (s, _) in zip(spans, spans[1:]))
