"""A long article: its facts are extracted in a second process while the term tables are built."""

import os
import shutil
import sys
import warnings

import pandas as pd
import pytest

import analysis
from analysis import paths, schemas
from analysis.errors import InputError
from analysis.facts import extract
from analysis.reading.article import load as read_article
from analysis.tables import bundle as store

pytestmark = [
    pytest.mark.slow,  # second processes, started and killed
    pytest.mark.skipif(
        len(os.sched_getaffinity(0)) < 2, reason="one core: everything is built in one process"
    ),
]


def _fresh(path):
    return store.Tables(read_article(path))


@pytest.fixture
def seed_copy(tmp_path):
    shutil.copy(paths.ARTICLE, tmp_path / "article.txt")  # no curated facts beside it
    return tmp_path / "article.txt"


@pytest.fixture
def one_process(seed_copy):
    return _fresh(seed_copy).frames()


@pytest.fixture
def always(monkeypatch):
    monkeypatch.setattr(store, "PARALLEL_CHARS", 0)


def test_short_articles_and_curated_facts_stay_in_one_process(seed_copy):
    assert not _fresh(seed_copy)._worth_a_second_process()  # 2,4 kB < PARALLEL_CHARS
    assert store.PARALLEL_CHARS <= 1_000_000


def test_two_processes_build_the_same_tables(seed_copy, one_process, always):
    tables = _fresh(seed_copy)
    assert tables._worth_a_second_process()
    two = tables.frames()
    assert list(two) == list(schemas.TABLE_NAMES)
    for name in schemas.TABLE_NAMES:
        pd.testing.assert_frame_equal(two[name], one_process[name], obj=name)
    assert len(two["events"]) >= 10 and set(two["events"]["origin"]) == {"extracted"}


def test_curated_facts_are_read_here(always):
    tables = analysis.load()  # the seed, with its curated facts
    assert not tables._worth_a_second_process()
    assert set(tables["events"]["origin"]) == {"curated"}


def test_a_worker_that_dies_leaves_the_facts_to_this_process(
    seed_copy, one_process, always, monkeypatch
):
    monkeypatch.setattr(store, "_WORKER", ("-c", "import sys; sys.exit(3)"))
    with pytest.warns(RuntimeWarning, match=r"article\.txt: the second process ended .*status 3"):
        frames = _fresh(seed_copy).frames()
    pd.testing.assert_frame_equal(frames["events"], one_process["events"])


def test_no_interpreter_to_start_leaves_everything_here(
    seed_copy, one_process, always, monkeypatch
):
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pytest.warns(RuntimeWarning, match="no second process"):
        frames = _fresh(seed_copy).frames()
    pd.testing.assert_frame_equal(frames["mentions"], one_process["mentions"])


def test_an_error_in_the_worker_is_raised_here(seed_copy, always, monkeypatch):
    script = (
        "import pickle, sys; from analysis.errors import InputError; "
        "pickle.dump(('error', InputError('story.txt', 'broken; fix it')), sys.stdout.buffer)"
    )
    monkeypatch.setattr(store, "_WORKER", ("-c", script))
    with pytest.raises(InputError, match=r"^story\.txt: broken; fix it$"):
        _fresh(seed_copy).frames()


def test_the_workers_warnings_reach_the_caller(tmp_path, always):
    path = tmp_path / "ru.txt"
    path.write_text("МИНСК. Казахстан не исключает возможности реализации совместных программ "
                    "космических исследований с Беларусью, сообщил председатель комитета "
                    "журналистам в четверг, передает БелТА.", encoding="utf-8")  # fmt: skip
    with pytest.warns(extract.LanguageWarning, match=r"ru\.txt: does not look like English"):
        frames = _fresh(path).frames()
    assert frames["terms"].set_index("term").loc["казахстан", "count"] == 1


def test_no_warning_when_the_worker_has_none(seed_copy, always):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _fresh(seed_copy).frames()
