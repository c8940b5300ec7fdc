"""A corpus on Dask: a 2-worker LocalCluster on generated stories; the same tables as the
single-process path; unreadable files in `errors`; resume; a worker killed mid-run; no
half-written partition."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import schemas
from analysis.corpus import aggregate, copies, generate, planted, read, run, store
from analysis.corpus.batches import batch_tables, find_articles, plan
from analysis.corpus.dask_run import local_client
from analysis.corpus.folder import corpus_tables
from analysis.errors import InputError
from analysis.tables.bundle import load

pytestmark = pytest.mark.slow  # Dask clusters of worker processes

ALL_TABLES = (*schemas.TABLE_NAMES, *schemas.CORPUS_TABLES)


@pytest.fixture(scope="module")
def client():
    with local_client(2, dashboard=":0") as c:
        yield c


@pytest.fixture(scope="module")
def corpus200(tmp_path_factory, client):
    folder = tmp_path_factory.mktemp("stories200")
    made = generate.write_stories(folder, 200, seed=7)
    out = tmp_path_factory.mktemp("out200")
    result = run(folder, out, client, batch_size=25, progress=False)
    return made, folder, out, result


@pytest.fixture(scope="module")
def corpus50(tmp_path_factory, client):
    folder = tmp_path_factory.mktemp("stories50")
    generate.write_stories(folder, 50, seed=3)
    out = tmp_path_factory.mktemp("out50")
    run(folder, out, client, batch_size=8, progress=False)
    return folder, out


def _digests(out: Path) -> dict[str, str]:
    """Every Parquet file's hash, but the topic model's (fitted again in another process, its
    weights may differ in the last digits: `assert_same_topics`)."""
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*.parquet"))
            if p.stem not in ("topic_terms", "doc_topics")}  # fmt: skip


def test_two_workers_on_200_generated_stories(corpus200):
    made, _, out, result = corpus200
    assert (result["articles"], result["batches"], result["written"]) == (200, 8, 8)
    assert result["errors"] == 0 and result["failed"] == [] and result["workers"] == 2
    assert len(list((out / "batches").glob("batch=*"))) == 8
    docs = read(out, "documents")
    assert docs["doc_id"].tolist() == [s.doc_id for s in made]
    assert docs["agency"].tolist() == [s.agency for s in made]
    assert docs["published"].tolist() == [s.published.isoformat() for s in made]
    # document frequency: each topic's own word is in the stories of that topic, and only there
    totals = read(out, "term_totals").set_index("term")
    for topic, (_, _, _, word) in generate.TOPICS.items():
        assert totals.loc[word, "n_docs"] == sum(s.topic == topic for s in made), word
    # the companies of the stories, each named in as many articles as name it
    named = read(out, "entity_articles").groupby("entity")["n_articles"].sum()
    for company in generate.COMPANIES:
        assert named[company] == sum(company in s.text for s in made), company
    # every article's events on one timeline, dated ones in date order
    timeline, events = read(out, "timeline"), read(out, "events")
    assert len(timeline) == len(events) > 200
    assert timeline["start"].dropna().is_monotonic_increasing


def _single_process(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table by the plain single-process path (corpus_tables), with the published
    date, and the corpus tables computed over every article at once."""
    articles = find_articles(folder)
    stacked = corpus_tables(articles, progress=False)
    published = {p.stem: load(p).article.meta["published"].get("date") for p in articles}
    out = {}
    for name, df in stacked.items():
        df = df.assign(published=df["doc_id"].map(published))
        out[name] = schemas.conform_corpus(df, name)
    bodies = {p.stem: (a := load(p).article).text[a.body_start :] for p in articles}
    out["doc_terms"] = aggregate.doc_terms(bodies)
    out["timeline"] = aggregate.timeline(out["events"])
    docs = pd.DataFrame({"doc_id": list(bodies), "published": [published[d] for d in bodies]})
    out["copies"] = copies.find(copies.signatures(bodies).merge(docs, on="doc_id"))
    return out | aggregate.corpus_totals(out, out["copies"])


def test_equal_to_the_single_process_path_on_50_articles(corpus50):
    folder, out = corpus50
    expected = _single_process(folder)
    for name in (*schemas.TABLE_NAMES, "doc_terms", "timeline", *schemas.TOTAL_TABLES, "copies"):
        # (category order aside: the stacked tables of the plain path may list them otherwise)
        pd.testing.assert_frame_equal(
            read(out, name), expected[name], obj=name, check_categorical=False
        )
    assert read(out, "entity_articles")["n_articles"].max() > 5


def test_unreadable_files_are_reported_by_name_and_the_rest_goes_on(tmp_path, client):
    generate.write_stories(tmp_path, 6, seed=11)
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes(
        "MINSK, May 3 (Northline) -- Caf\xe9 prices rose.".encode("latin-1")
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(tmp_path, tmp_path / "out", client, batch_size=4, progress=False)
    errors = read(tmp_path / "out", "errors").set_index("doc_id")
    assert result["errors"] == 3 and sorted(errors.index) == ["binary", "empty", "latin1"]
    assert "binary file" in errors.loc["binary", "error"]
    assert (
        "not UTF-8" in errors.loc["latin1", "error"]
        and "latin1.txt" in errors.loc["latin1", "error"]
    )
    assert "is empty" in errors.loc["empty", "error"]
    docs = read(tmp_path / "out", "documents")
    assert docs["doc_id"].tolist() == [f"story_{i:05d}" for i in range(1, 7)]
    assert set(read(tmp_path / "out", "terms")["doc_id"]) == set(docs["doc_id"])


def test_rerun_resumes_skipping_written_batches(corpus200, client):
    _, folder, out, _ = corpus200
    before = _digests(out)
    model = {n: (out / f"{n}.parquet").read_bytes() for n in ("topic_terms", "doc_topics")}
    again = run(folder, out, client, batch_size=25, progress=False)
    assert (again["written"], again["skipped"]) == (0, 8)
    assert _digests(out) == before
    # nothing written: the steps over the whole corpus are not run again
    assert {n: (out / f"{n}.parquet").read_bytes() for n in model} == model
    assert again["n_articles"] == 200 and again["topics"] > 0
    # a partition lost (a run cut short before it) is the only one made again, the same
    gone = sorted((out / "batches").glob("batch=*"))[3]
    for f in gone.iterdir():
        f.unlink()
    gone.rmdir()
    third = run(folder, out, client, batch_size=25, progress=False)
    assert (third["written"], third["skipped"]) == (1, 7)
    assert _digests(out) == before


def test_a_rerun_with_other_options_builds_every_batch_again_and_says_why(tmp_path, monkeypatch):
    generate.write_stories(tmp_path / "in", 4, seed=9)
    out = tmp_path / "out"
    monkeypatch.delenv("ANALYSIS_RULES_ONLY", raising=False)
    said: list[str] = []
    first = run(tmp_path / "in", out, workers=1, batch_size=2, progress=False, echo=said.append)
    assert (first["written"], first["skipped"]) == (2, 0)
    assert first["fingerprint"]["options"]["ANALYSIS_RULES_ONLY"] == ""
    monkeypatch.setenv("ANALYSIS_RULES_ONLY", "1")  # the new cluster's workers inherit it
    said.clear()
    second = run(tmp_path / "in", out, workers=1, batch_size=2, progress=False, echo=said.append)
    assert (second["written"], second["skipped"]) == (2, 0)
    assert set(second["keys"]).isdisjoint(first["keys"])
    assert store.done_keys(out) == set(second["keys"])  # the stale partitions removed
    assert any("ANALYSIS_RULES_ONLY '' -> '1'" in line and "built again" in line for line in said)


def test_a_changed_article_makes_a_new_key_for_its_batch_only(tmp_path):
    generate.write_stories(tmp_path, 6, seed=5)
    keys = [b.key for b in plan(find_articles(tmp_path), 3)]
    (tmp_path / "story_00005.txt").write_text(
        "OSLO, May 2 (Northline) -- A new text.\n", encoding="utf-8"
    )
    changed = [b.key for b in plan(find_articles(tmp_path), 3)]
    assert changed[0] == keys[0] and changed[1] != keys[1]


def test_a_worker_killed_mid_run_changes_nothing(corpus50, client, tmp_path):
    folder, undisturbed = corpus50
    out = tmp_path / "killed"
    done: dict = {}
    worker = threading.Thread(
        target=lambda: done.update(run(folder, out, client, batch_size=5, progress=False))
    )
    worker.start()
    deadline = time.monotonic() + 300
    while len(store.done_keys(out)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    written_at_kill = len(store.done_keys(out))
    pid = next(iter(client.run(os.getpid).values()))
    os.kill(pid, signal.SIGKILL)
    worker.join(600)
    assert 2 <= written_at_kill < 10  # killed mid-run
    assert done["failed"] == [] and done["batches"] == 10
    # a batch the killed worker had written, whose answer died with it, is run again and finds
    # its partition there: skipped, not written twice (the folder was empty before the run)
    assert done["written"] + done["skipped"] == 10 and done["skipped"] <= written_at_kill
    for name in ALL_TABLES:
        if name not in ("topic_terms", "doc_topics"):
            pd.testing.assert_frame_equal(read(out, name), read(undisturbed, name), obj=name)
    assert_same_topics(out, undisturbed)


def assert_same_topics(out: Path, other: Path) -> None:
    """The same topics, words and main topic of every article; the weights the same to 1e-4: a
    model fitted again in another process may differ in the last digits (floating point)."""
    from analysis.corpus.topics import main_topic

    a, b = read(out, "topic_terms"), read(other, "topic_terms")
    pd.testing.assert_frame_equal(a.drop(columns="weight"), b.drop(columns="weight"))
    assert (a["weight"] - b["weight"]).abs().max() < 1e-4
    da, db = read(out, "doc_topics"), read(other, "doc_topics")
    assert main_topic(da).to_dict() == main_topic(db).to_dict()
    both = da.merge(db, on=["doc_id", "topic_id"])
    assert len(both) >= 0.98 * max(len(da), len(db))  # (a share near 0.05 may fall either side)
    assert (both["weight_x"] - both["weight_y"]).abs().max() < 1e-4


def test_a_batch_that_fails_while_writing_leaves_no_partition(tmp_path, monkeypatch):
    generate.write_stories(tmp_path / "in", 3, seed=2)
    frames = batch_tables(tuple(find_articles(tmp_path / "in")))
    out = tmp_path / "out"
    written = []

    def failing(df, name):
        if len(written) == 5:
            raise OSError(28, "No space left on device")
        written.append(name)
        return real(df, name)

    real = store.to_parquet
    monkeypatch.setattr(store, "to_parquet", failing)
    with pytest.raises(OSError, match="No space"):
        store.write_partition(out, "k1", frames)
    assert list((out / "batches").iterdir()) == []  # no partition, and no temporary left
    monkeypatch.setattr(store, "to_parquet", real)
    # what a killed writer leaves (a temporary folder) is never read, and removed by a run
    part = store.write_partition(out, "k2", frames)
    (out / "batches" / ".tmp-batch=k3-0").mkdir()
    (out / "batches" / ".tmp-batch=k3-0" / "terms.parquet").write_bytes(b"PAR1 cut short")
    assert store.done_keys(out) == {"k2"} and part.name == "batch=k2"
    assert len(read(out, "terms")) == len(frames["terms"])
    store.remove_temporaries(out)
    assert [p.name for p in (out / "batches").iterdir()] == ["batch=k2"]


def test_command_line(tmp_path):
    generate.write_stories(tmp_path / "in", 4, seed=9)
    cmd = [sys.executable, "-m", "analysis", "corpus", str(tmp_path / "in"), "--out",
           str(tmp_path / "out"), "--workers", "1"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "4 articles in 2 batches; Dask dashboard: http://127.0.0.1:" in done.stderr
    assert "100% Completed" in done.stdout  # Dask's progress bar
    assert len(read(tmp_path / "out", "documents")) == 4
    missing = subprocess.run(
        [*cmd[:4], str(tmp_path / "nothing"), *cmd[5:]], capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith(
        f"error: {tmp_path / 'nothing'}: no article (.txt or .html file) found"
    )


def test_find_articles_refuses_two_articles_of_one_name(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="same name"):
        find_articles(str(tmp_path / "*" / "*.txt"))


def test_generator_is_fixed_by_its_seed():
    assert [s.text for s in generate.stories(30, seed=1)] == [
        s.text for s in generate.stories(30, seed=1)
    ]
    made = generate.stories(300, seed=1)
    assert made[0].text != generate.stories(1, seed=2)[0].text
    assert len({s.place for s in made}) == len(generate.PLACES)
    assert len({s.agency for s in made}) == len(generate.AGENCIES)
    assert (
        len({s.person for s in made}) > 100
        and len({s.published.strftime("%Y-%m") for s in made}) == 24
    )


def test_copies_and_topics_of_planted_stories(tmp_path, client):
    made = planted.write_stories(tmp_path / "in", 40, seed=8)
    out = tmp_path / "out"
    result = run(
        tmp_path / "in", out, client, batch_size=12, progress=False
    )  # copies across batches
    relays = [s for s in made if s.kind == "relay"]
    assert result["n_articles"] == len(made) and result["copies"] == len(relays) > 10
    assert result["n_stories"] == len(made) - len(relays) and result["topics"] >= 2
    docs = read(out, "documents").set_index("doc_id")
    assert all(docs.loc[s.doc_id, "story_id"] == docs.loc[s.story_of, "story_id"] for s in relays)
    assert docs["story_id"].notna().all()
    found = read(out, "copies")
    first = docs.loc[found["copy_of"], "published"].to_numpy()
    assert (docs.loc[found["doc_id"], "published"].to_numpy() >= first).all()
    assert found["similarity"].between(copies.THRESHOLD, 1).all()
    # each story counted once: the totals' n_stories never above n_articles, below it somewhere
    named = read(out, "entity_articles")
    assert (named["n_stories"] <= named["n_articles"]).all()
    assert (named["n_stories"] < named["n_articles"]).any()
    assert read(out, "term_totals")["n_stories"].notna().all()
    terms, doc_topics = read(out, "topic_terms"), read(out, "doc_topics")
    assert set(doc_topics["doc_id"]) == set(docs.index) and set(doc_topics["topic_id"]) <= set(
        terms["topic_id"]
    )
    # without the copies, every article is a story of its own; without topics, none
    alone = run(tmp_path / "in", tmp_path / "alone", client, batch_size=12, copies=False,
                topics=False, progress=False)  # fmt: skip
    assert alone["n_stories"] == alone["n_articles"] == len(made) and alone["topics"] == 0
    assert (
        read(tmp_path / "alone", "copies").empty and read(tmp_path / "alone", "topic_terms").empty
    )
    totals = read(tmp_path / "alone", "entity_articles")
    assert (totals["n_stories"] == totals["n_articles"]).all()
