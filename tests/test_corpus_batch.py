"""A batch of a corpus built in one process (no Dask): the same tables as the single-article
path, one article never sinking another, batches sized to the corpus and the workers, the
tables asked for, the parse handed to the extractor, and references looked for nearby only."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths, schemas
from analysis.corpus import generate
from analysis.corpus.batches import LONG_BYTES, batch_size, batch_tables, find_articles, plan
from analysis.corpus.dask_run import check_tables
from analysis.errors import InputError
from analysis.facts import extract
from analysis.facts.extract import model, pipeline
from analysis.facts.extract.document import LOOKBACK, Doc
from analysis.tables.bundle import load


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    generate.write_stories(folder, 6, seed=31)
    return folder


def test_a_batch_has_the_tables_of_the_single_article_path(stories, tmp_path):
    # generated stories, the seed and an evaluation article with curated facts, together
    for src in (paths.ARTICLE, *sorted((paths.DATA / "eval").glob("*.txt"))[:1]):
        for file in src.parent.glob(f"{src.stem}.*"):
            (tmp_path / file.name).write_bytes(file.read_bytes())
    for file in stories.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    articles = find_articles(tmp_path)
    got = batch_tables(tuple(articles))
    assert got["errors"].empty and len(got["documents"]) == len(articles) == 8
    for name in schemas.TABLE_NAMES:
        parts = []
        for path in articles:
            tables = load(path)
            df = tables.frames()[name]
            published = tables.article.meta["published"].get("date")
            parts.append(df.assign(doc_id=path.stem, published=published))
        expected = schemas.conform_corpus(pd.concat(parts, ignore_index=True), name)
        pd.testing.assert_frame_equal(got[name], expected, obj=name, check_categorical=False)


def test_a_file_name_that_is_not_utf8_is_its_own_error(stories, tmp_path):
    for file in stories.glob("story_0000[12].*"):
        (tmp_path / file.name).write_bytes(file.read_bytes())
    odd = tmp_path / os.fsdecode(b"caf\xe9.txt")
    odd.write_bytes((stories / "story_00003.txt").read_bytes())
    articles = find_articles(tmp_path)
    keys = [b.key for b in plan(articles, 2)]  # its key too: the name's bytes, as they are
    assert len(set(keys)) == 2
    got = batch_tables(tuple(articles))
    errors = got["errors"]
    assert errors["doc_id"].tolist() == ["caf\ufffd"]
    assert "file name is not valid UTF-8; rename the file" in errors["error"].iloc[0]
    assert got["documents"]["doc_id"].tolist() == ["story_00001", "story_00002"]
    assert set(got["terms"]["doc_id"]) == {"story_00001", "story_00002"}


def test_an_exception_in_one_article_s_table_is_its_row_of_errors(stories, monkeypatch):
    from analysis.terms import frequencies

    real = frequencies.kwic

    def kwic(tokens, text, **kwargs):
        if text == broken:
            raise ZeroDivisionError("a bug in one table")
        return real(tokens, text, **kwargs)

    broken = (stories / "story_00002.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(frequencies, "kwic", kwic)
    got = batch_tables(tuple(sorted(stories.glob("story_*.txt"))[:4]))
    assert got["errors"]["doc_id"].tolist() == ["story_00002"]
    assert "ZeroDivisionError: a bug in one table" in got["errors"]["error"].iloc[0]
    assert "story_00002.txt" in got["errors"]["error"].iloc[0]
    assert "story_00002" not in set(got["kwic"]["doc_id"]) | set(got["events"]["doc_id"])
    assert got["documents"]["doc_id"].tolist() == ["story_00001", "story_00003", "story_00004"]
    assert got["errors"]["path"].iloc[0].endswith("story_00002.txt")


def test_only_the_tables_asked_for_are_built_with_the_corpus_tables(stories):
    got = batch_tables(tuple(sorted(stories.glob("story_*.txt"))[:2]), ("terms", "events"))
    assert set(got) == {"terms", "events", *schemas.BATCH_TABLES, *schemas.TOTAL_TABLES}
    assert len(got["signatures"]) == 2  # each article's MinHash, for the copies
    assert len(got["entity_articles"]) > 0  # made from the entities, built though not written
    assert check_tables("events, terms".split(",")) == ("terms", "events")
    with pytest.raises(InputError, match="--tables: no table 'term'; choose from sentences"):
        check_tables(["term"])


def test_batches_are_sized_to_the_corpus_and_the_workers(tmp_path):
    assert [batch_size(n, 2) for n in (1, 4, 16, 32, 200, 1000)] == [1, 1, 4, 8, 50, 50]
    assert batch_size(16, 2, most=3) == 3 and batch_size(9, 4) == 2
    generate.write_stories(tmp_path, 16, seed=4)
    big = tmp_path / "story_00007.txt"
    big.write_text(big.read_text(encoding="utf-8") * (LONG_BYTES // 500), encoding="utf-8")
    batches = plan(find_articles(tmp_path), batch_size(16, 2))
    assert [len(b.articles) for b in batches] == [4, 4, 4, 3, 1]
    assert [b.long for b in batches] == [False] * 4 + [True]
    assert batches[-1].articles == (big,) and batches[-1].number == 4


def test_the_parse_stage_takes_a_parse_it_is_given():
    tables = load(paths.ARTICLE)
    doc = extract.facts_doc(tables.article, tables.sentences)
    parsed = model.parse_many([doc])[0]
    if parsed is None:
        pytest.skip("spaCy's en_core_web_sm is not installed: there is no parse to give")
    stages = pipeline.with_parse(parsed)
    assert pipeline.pipe_names(stages) == pipeline.pipe_names()
    done = pipeline.run(doc, stages, check=True)  # the stage does what it declares
    assert done.parsed is parsed
    again = extract.facts_doc(tables.article, tables.sentences)
    assert [t.dep_ for t in model.parse(again)] == [t.dep_ for t in parsed]
    given = extract.extract_facts(tables.article, tables.sentences, parsed=model.parse(again))
    own = extract.extract_facts(tables.article, tables.sentences)
    for name in ("events", "mentions", "quotes"):
        pd.testing.assert_frame_equal(given[name], own[name], obj=name)


def test_a_reference_looks_back_through_a_bounded_number_of_mentions():
    text = "x " * (LOOKBACK + 10)
    doc = Doc(text, [(1, 0, len(text))], 0, None, None)
    doc.add_mention("Ada Lovelace", "PERSON", 0, 1)
    for i in range(1, LOOKBACK + 5):
        doc.add_mention(f"Place{i}", "GPE", 2 * i, 2 * i + 1)
    person = lambda name, kind: kind == "PERSON"  # noqa: E731
    assert doc.last_before(2 * (LOOKBACK - 1), person) == "Ada Lovelace"
    assert doc.last_before(len(text), person) is None  # too far back: a long text stays linear


def test_an_article_over_the_size_limit_is_an_error_that_says_the_limit(tmp_path):
    from analysis.reading.article import MAX_BYTES

    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # (sparse: no 20 MiB written)
    got = batch_tables((big,))
    assert (
        "20.0 MiB is too large for one article (the limit is 20 MiB)"
        in got["errors"]["error"].iloc[0]
    )


def test_an_article_s_title_is_its_opening_words_after_a_byline(tmp_path):
    # no metadata title and no headline: the first sentence that is not a byline
    (tmp_path / "quay.txt").write_text(
        "By Harbour Wire\n\nThe port authority opened a second container terminal on the east "
        "quay of the old harbour on Monday morning, officials said.\n\nShips will berth there "
        "from June.\n",
        encoding="utf-8",
    )
    (tmp_path / "rain.txt").write_text(
        "Heavy rain closed two mountain passes, the roads agency said.\n", encoding="utf-8"
    )
    docs = batch_tables(tuple(find_articles(tmp_path)))["documents"].set_index("doc_id")
    assert docs.loc["quay", "title"].startswith("The port authority opened a second container")
    assert docs.loc["quay", "title"].endswith("…") and len(docs.loc["quay", "title"]) <= 100
    assert (
        docs.loc["rain", "title"] == "Heavy rain closed two mountain passes, the roads agency said."
    )
