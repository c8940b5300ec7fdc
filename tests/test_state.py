"""State that cannot go stale or be changed by a caller: tables handed out as copies, an Article
that never changes, and one fingerprint (code, data, libraries, options) keying every cache."""

from __future__ import annotations

import dataclasses
import json
import pickle
import re
import shutil
from pathlib import Path

import pytest
import yaml

import analysis
from analysis import fingerprint, paths
from analysis.corpus import dask_run, generate
from analysis.corpus.batches import find_articles, plan, process_batch
from analysis.corpus.store import done_keys, write_manifest
from analysis.facts.extract import model
from analysis.reading import gazetteer
from analysis.reading.article import load as read_article
from analysis.tables.bundle import Tables

# a story of our own: a river port, two people named without a title, a place no list knows
STORY = (
    "PORTO VELHO, March 3 (Riverwire) - Harbour engineer Tomasz Wielgosz said on Monday the new "
    "river terminal in Quorvale would open in May 2017.\n\n"
    '"We expect the first barges within weeks," Wielgosz told reporters. Local trader Anika '
    "Brandt said prices had already fallen by 12 percent since the terminal was announced.\n"
)
needs_model = pytest.mark.skipif(not model.available(), reason="en_core_web_sm is not installed")


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def own_gazetteer(tmp_path, monkeypatch) -> Path:
    """A copy of the package's gazetteer that the package reads instead, for a test to edit."""
    copy = tmp_path / "gazetteer.yaml"
    shutil.copy(paths.GAZETTEER, copy)
    monkeypatch.setattr(paths, "GAZETTEER", copy)
    return copy


# ---- tables handed out are copies ------------------------------------------------------------


def test_a_table_changed_by_a_caller_is_not_changed_for_the_next():
    t = analysis.load()
    assert t.events.loc[1, "status"] == "done"  # "told media on 22 October"
    for events in (t.facts["events"], t.events, t["events"], t.frames()["events"]):
        events.loc[1, "status"] = "possible"
        assert events.loc[1, "status"] == "possible"  # the caller's copy changes
    entities = t.facts["entities"]
    entities.loc[0, "entity"] = "Atlantis"
    del entities["type"]
    terms = t.terms
    terms["count"] = 0
    again = analysis.load()
    assert again is t  # the same bundle, kept
    assert again.events.loc[1, "status"] == "done"
    assert (again.events["status"] == "done").sum() == 6
    assert again.facts["entities"]["entity"].iloc[0] != "Atlantis"
    assert "type" in again.entities.columns
    assert again.terms.set_index("term").loc["kazakhstan", "count"] == 9


def test_facts_are_copies_each_time():
    t = analysis.load()
    assert t.facts["events"] is not t.facts["events"]
    assert set(t.facts) == set(analysis.schemas.FACT_TABLES)


# ---- an Article never changes ----------------------------------------------------------------


def test_an_articles_metadata_refuses_every_change():
    meta = analysis.load().article.meta
    with pytest.raises(TypeError, match="read-only"):
        meta["published"]["precision"] = "year"
    with pytest.raises(TypeError, match="read-only"):
        meta["title"] = "another"
    with pytest.raises(TypeError, match="read-only"):
        meta["sources"].append("Reuters")
    with pytest.raises(TypeError, match="read-only"):
        meta.update(place="Astana")
    assert meta["published"]["precision"] == "day" and meta["sources"] == ["BelTA"]
    # it still pickles (to a worker process) and serialises as the dict it is
    article = analysis.load().article
    assert pickle.loads(pickle.dumps(article)).meta == meta
    assert json.loads(json.dumps(meta))["place"] == "Minsk"
    changed = dataclasses.replace(article, meta={**meta, "title": "another"})
    assert changed.meta["title"] == "another" and meta["title"] != "another"


def test_building_the_facts_never_changes_the_article(story):
    # no publication date anywhere: the extractor infers the year from the text ("May 2017")
    article = read_article(story)
    before = json.dumps(article.meta, sort_keys=True)
    assert article.meta["published"]["date"] is None
    assert article.meta["published"]["precision"] is None
    dates = Tables(article).dates.set_index("text")["date"]
    assert re.fullmatch(r"201[67]-03-03", dates["March 3"])  # resolved in the year inferred
    assert json.dumps(article.meta, sort_keys=True) == before
    assert article.meta["published"]["precision"] is None


# ---- one fingerprint keys every cache --------------------------------------------------------


@needs_model
def test_rules_only_set_after_a_load_gives_the_rules_tables(story, monkeypatch):
    monkeypatch.delenv(model.RULES_ONLY, raising=False)
    by_model = analysis.load(story)
    assert by_model.stats.set_index("measure").loc["facts from the statistical model", "value"] == 1
    assert "Quorvale" in set(by_model.entities["entity"])  # the model names the place
    monkeypatch.setenv(model.RULES_ONLY, "1")
    by_rules = analysis.load(story)
    assert by_rules is not by_model
    assert by_rules.stats.set_index("measure").loc["facts from the statistical model", "value"] == 0
    assert "Quorvale" not in set(by_rules.entities["entity"])  # no rule knows it
    fresh = Tables(read_article(story)).entities  # what rules alone give, built from nothing
    assert by_rules.entities.equals(fresh)
    monkeypatch.setenv(model.RULES_ONLY, "0")
    assert analysis.load(story) is by_model  # the model's tables again, kept


def test_an_edit_to_the_gazetteer_is_seen(story, own_gazetteer, monkeypatch):
    monkeypatch.setenv(model.RULES_ONLY, "1")  # the gazetteer's word alone
    before = analysis.load(story)
    assert "Quorvale" not in set(before.entities["entity"])
    assert "Quorvale" not in gazetteer.gazetteer().names
    data = yaml.safe_load(own_gazetteer.read_text(encoding="utf-8"))
    data["cities"].append("Quorvale")  # a city the gazetteer now knows
    own_gazetteer.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert gazetteer.gazetteer().names["Quorvale"] == ("Quorvale", "GPE")
    after = analysis.load(story)
    assert after is not before
    found = after.entities.set_index("entity")
    assert found.loc["Quorvale", "type"] == "GPE"


def test_the_fingerprint_follows_files_options_and_libraries(own_gazetteer, monkeypatch):
    monkeypatch.delenv(model.RULES_ONLY, raising=False)
    first = fingerprint.parts()
    assert fingerprint.fingerprint() == fingerprint.of(first)
    monkeypatch.setenv(model.RULES_ONLY, "0")  # the same option as unset
    assert fingerprint.parts() == first
    monkeypatch.setenv(model.RULES_ONLY, "1")
    assert fingerprint.changes(first, fingerprint.parts()) == ["ANALYSIS_RULES_ONLY '' -> '1'"]
    monkeypatch.delenv(model.RULES_ONLY)
    own_gazetteer.write_text(own_gazetteer.read_text(encoding="utf-8") + "\n# edited\n")
    assert fingerprint.changes(first, fingerprint.parts()) == ["the package's code or data files"]
    older = {**first, "libraries": {**first["libraries"], "pandas": "2.2.0"}}
    assert fingerprint.changes(older, first) == [f"pandas 2.2.0 -> {first['libraries']['pandas']}"]
    assert fingerprint.of(older) != fingerprint.of(first)


def test_the_fingerprint_reads_no_file_again_when_none_changed(monkeypatch):
    fingerprint.fingerprint()

    def refuse(self):
        raise AssertionError(f"{self} read again")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert fingerprint.fingerprint() == fingerprint.fingerprint()


def test_clear_caches_forgets_every_table_and_the_gazetteer():
    t = analysis.load()
    g = gazetteer.gazetteer()
    analysis.clear_caches()
    assert analysis.load() is not t
    assert gazetteer.gazetteer() is not g
    assert analysis.load().events.loc[1, "status"] == "done"


def test_a_corpus_batch_is_built_again_when_the_code_changes(tmp_path, monkeypatch):
    monkeypatch.setenv(model.RULES_ONLY, "1")  # (quicker; the key holds the option too)
    generate.write_stories(tmp_path / "in", 2, seed=2)
    module = tmp_path / "code" / "stage.py"  # stands for one of the package's modules
    module.parent.mkdir()
    module.write_text("RULE = 1\n", encoding="utf-8")
    package_files = fingerprint.files
    monkeypatch.setattr(fingerprint, "files", lambda: [*package_files(), module])
    out = tmp_path / "out"
    [batch] = plan(find_articles(tmp_path / "in"), 2)
    first = process_batch(batch, str(out))
    assert not first["skipped"]
    write_manifest(out, {"fingerprint": fingerprint.parts()})  # as a run leaves it
    assert process_batch(batch, str(out))["skipped"]  # the same code: resumed
    assert dask_run.rebuild_note(out, fingerprint.parts()) is None

    module.write_text("RULE = 2\n", encoding="utf-8")  # the code changes
    note = dask_run.rebuild_note(out, fingerprint.parts())
    assert note.startswith(f"{out}: the batches there were built with other code")
    assert "the package's code or data files" in note and note.endswith("built again")
    second = process_batch(batch, str(out))
    assert not second["skipped"] and second["key"] != first["key"]
    assert done_keys(out) == {first["key"], second["key"]}  # (a run removes the stale one)


def test_the_extraction_scores_key_follows_the_fingerprint(monkeypatch):
    from analysis.corpus import evaluate

    docs = [paths.ARTICLE]
    monkeypatch.delenv(model.RULES_ONLY, raising=False)
    key = evaluate._key(docs, [])
    assert evaluate._key(docs, []) == key
    monkeypatch.setenv(model.RULES_ONLY, "1")
    assert evaluate._key(docs, []) != key


# ---- the seed inside the installed package ---------------------------------------------------


def test_an_installed_package_outside_a_project_reads_its_own_seed(tmp_path, monkeypatch):
    seed = tmp_path / "site-packages" / "analysis" / "data" / "seed"
    seed.mkdir(parents=True)
    for name in ("article.txt", "article.meta.yaml", "article.facts.yaml"):
        shutil.copy(paths.RAW / name, seed / name)
    monkeypatch.setattr(paths, "SEED", seed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert paths._raw(elsewhere) == seed
    assert paths._raw(paths.ROOT) == paths.ROOT / "data" / "raw"  # a project's own comes first
    monkeypatch.setattr(paths, "ARTICLE", seed / "article.txt")
    t = analysis.load()
    assert t.article.path == seed / "article.txt"
    assert t.article.meta["title"] == "Kazakhstan and Belarus on joint space research"
    assert len(t.events) == 16 and t.terms.set_index("term").loc["kazakhstan", "count"] == 9
