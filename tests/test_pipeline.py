"""The extractor is one declared pipeline: stages that say what they read and write."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from analysis import paths
from analysis.facts import extract
from analysis.facts.extract import pipeline
from analysis.reading.article import load
from analysis.reading.text import sentences_and_tokens


def _doc(path):
    article = load(path)
    sentences, _ = sentences_and_tokens(article)
    return extract._doc(article, sentences)


def test_the_stages_run_in_one_printed_order():
    assert extract.pipe_names() == [
        "dates", "parse", "date tenses", "dateline", "entities", "references", "quotes",
        "first person", "quantities", "events", "sources",
    ]  # fmt: skip


def test_every_stage_reads_what_an_earlier_one_wrote_and_writes_what_it_declares(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "NAIROBI, March 3 (Reuters) - Kenya's Transport Minister Amina Odhiambo said on Tuesday "
        'the government will open a new rail line next year. "We have waited long enough," '
        "she told reporters, adding that 12,000 jobs could follow.\n",
        encoding="utf-8",
    )
    for path in (paths.ARTICLE, story):
        doc = pipeline.run(_doc(path), check=True)
        assert doc.events and doc.dates and doc.mentions


def test_the_check_catches_a_stage_that_breaks_the_rules():
    sneaky = replace(pipeline.PIPELINE[0], writes=("dates",))  # it also writes the reference
    doc = _doc(paths.ARTICLE)
    doc.ref_date = None
    with pytest.raises(RuntimeError, match="wrote .*without declaring"):
        pipeline.run(doc, [sneaky], check=True)
    early = pipeline.Stage("too early", lambda d: d, needs=("quotes",))
    with pytest.raises(RuntimeError, match="needs .*quotes"):
        pipeline.run(_doc(paths.ARTICLE), [early], check=True)


def test_no_stage_reads_another_stages_private_fields():
    private = re.compile(r"\bdoc\._\w+|getattr\(\s*\w+,\s*\"holds_for_spans\"")
    for path in sorted((paths.PACKAGE / "facts" / "extract").glob("*.py")):
        if path.name == "document.py":  # the Doc's own indexes, kept by its own methods
            continue
        found = private.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name}: {found}"
