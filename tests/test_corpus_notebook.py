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
    found = len(read(out, "copies"))
    assert (f"30 articles telling {30 - found} stories, from {agencies} agencies, published "
            f"{first} to {last}") in page  # fmt: skip
    # the six charts, the topics' three; no story is carried twice: that chart is left out
    assert len(re.findall(r'<img[^>]+src="data:image/png', page)) == 9 + (found > 0)
    # the size of the run before is kept, whatever the workers: its two batches are found
    assert "0 batches written, 2 already there" in page
    assert "application/vnd.jupyter.stderr" not in page.split("</style>")[-1]  # nothing in red
    assert "reporting verbs and calendar words left out" in page  # a caption from the notes
    charts = {"terms_over_time", "top_entities", "comentions", "timeline", "by_agency", "by_month",
              "topic_words", "topics_by_month", "topics_by_agency"} | ({"copied"} if found else set())  # fmt: skip
    assert {p.stem for p in out.glob("*.png")} == charts
    assert all((out / f"{c}.{f}").is_file() for c in charts for f in ("svg", "pdf"))
    assert "application/vnd.jupyter.widget-view+json" in page  # Dask's progress bar, a widget
    assert read(out, "errors").empty


def test_corpus_statistics_hold_for_articles_without_a_date():
    import pandas as pd

    from analysis.corpus import stats

    docs = pd.DataFrame({"doc_id": ["a", "b"], "published": pd.array([None, "2024-05-06"], dtype="string"),
                         "agency": ["X", "Y"], "n_words": [3, 2],
                         "title": ["Ports reopen after the storm of the decade passes the coast", "b"]})  # fmt: skip
    words = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "term": ["port", "rail", "port"], "count": [2, 1, 2]}
    )
    by_month = stats.terms_by_month(words, docs, ["port", "rail"])
    assert by_month[["term", "count"]].values.tolist() == [["port", 2], ["rail", 0]]
    assert by_month["per_1k"].tolist() == [1000.0, 0.0]
    timeline = pd.DataFrame({"doc_id": ["a", "b"], "published": docs["published"], "event_id": ["E1", "E1"],
                             "start": pd.to_datetime(["2025-01-01", None])})  # fmt: skip
    events = stats.dated_events(timeline, docs)
    assert events["article"].tolist() == ["Ports reopen after the storm of the… (undated)"]
    assert events["published"].isna().all()
    assert stats.headline("Rail freight rises", "2024-05-06") == "Rail freight rises (06 May 2024)"


def test_terms_over_time_leave_out_reporting_verbs_and_calendar_words():
    import pandas as pd

    from analysis.corpus import stats

    totals = pd.DataFrame({"term": ["said", "told", "year", "next", "march", "monday", "'s", "12",
                                    "harbour", "the", "wheat"],
                           "count": [90, 80, 70, 60, 50, 40, 30, 20, 10, 100, 5],
                           "n_docs": [9, 8, 7, 6, 5, 4, 3, 2, 2, 10, 1]})  # fmt: skip
    assert stats.top_terms(totals, n=3) == ["harbour", "wheat"]
    assert stats.top_terms(totals, n=2, leave_out=frozenset()) == ["said", "told"]


def test_a_month_without_articles_breaks_terms_over_time_and_months_are_named_in_words():
    import pandas as pd

    from analysis.corpus import stats

    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "agency": ["X"] * 4, "n_words": [4, 4, 4, 4],
                         "published": pd.array(["2024-05-02", "2024-05-20", "2024-08-01", "2024-08-09"],
                                               dtype="string")})  # fmt: skip
    words = pd.DataFrame({"doc_id": ["a", "b", "c", "d"] * 2,
                          "term": ["ferry"] * 4 + ["harvest"] * 4, "count": [2, 2, 0, 0, 0, 0, 2, 2]})  # fmt: skip
    data = stats.terms_by_month(words.loc[words["count"] > 0], docs, ["ferry"])
    assert data["month"].dt.strftime("%Y-%m").tolist() == [
        "2024-05",
        "2024-06",
        "2024-07",
        "2024-08",
    ]
    rate = data["per_1k"].tolist()
    assert rate[0] == 500.0 and rate[3] == 0.0  # no ferry in August's articles: 0
    assert pd.isna(rate[1]) and pd.isna(rate[2])  # no article in June or July: no rate
    found = stats.distinctive_by(words.loc[words["count"] > 0], docs, by="month", n=1)
    assert found["month"].tolist() == ["May 2024", "August 2024"]
    assert found["term"].tolist() == ["ferry", "harvest"]
