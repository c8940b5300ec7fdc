"""The corpus notebook, 04_corpus: run headless on a corpus's output, resuming the run first."""

from __future__ import annotations

import re

import pytest

from analysis import notebooks
from analysis.corpus import generate, read, run

pytestmark = pytest.mark.slow  # a corpus on Dask, then its notebook executed


def test_corpus_notebook_runs_on_a_corpus_output(tmp_path):
    made = generate.write_stories(tmp_path / "stories", 30, seed=21)
    out = tmp_path / "out"
    run(tmp_path / "stories", out, workers=1, progress=False)  # one batch of 30
    before = sorted(p.name for p in (out / "batches").iterdir())
    # with CORPUS set, the notebook runs the corpus again first: every batch is skipped
    notebooks.run_corpus(out, tmp_path / "stories")
    assert sorted(p.name for p in (out / "batches").iterdir()) == before
    page = (out / "04_corpus.html").read_text(encoding="utf-8")
    agencies = len({s.agency for s in made})
    first, last = min(s.published for s in made), max(s.published for s in made)
    assert f"30 articles from {agencies} agencies, published {first} to {last}" in page
    assert len(re.findall(r'<img[^>]+src="data:image/png', page)) == 6  # the six charts
    assert "0 batches written, 1 already there" in page
    assert "application/vnd.jupyter.widget-view+json" in page  # Dask's progress bar, a widget
    assert read(out, "errors").empty


def test_corpus_statistics_hold_for_articles_without_a_date():
    import pandas as pd

    from analysis.corpus import stats

    docs = pd.DataFrame({"doc_id": ["a", "b"], "published": pd.array([None, "2024-05-06"], dtype="string"),
                         "agency": ["X", "Y"], "n_words": [3, 2]})  # fmt: skip
    words = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "term": ["port", "rail", "port"], "count": [2, 1, 2]}
    )
    by_month = stats.terms_by_month(words, docs, ["port", "rail"])
    assert by_month[["term", "count"]].values.tolist() == [["port", 2], ["rail", 0]]
    assert by_month["per_1k"].tolist() == [1000.0, 0.0]
    timeline = pd.DataFrame({"doc_id": ["a", "b"], "published": docs["published"], "event_id": ["E1", "E1"],
                             "start": pd.to_datetime(["2025-01-01", None])})  # fmt: skip
    events = stats.dated_events(timeline, docs)
    assert events["article"].tolist() == ["a"] and events["published"].isna().all()
