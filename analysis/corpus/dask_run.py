"""A corpus on Dask: every article's tables and the corpus tables, as Parquet, from a laptop to
a cluster.

    python -m analysis corpus PATH --out DIR [--workers N | --scheduler ADDRESS]
    analysis.corpus.run(paths, out, client=None)

The articles are cut into batches (`batches.plan`); each batch is one task, which builds its
articles' tables on a worker and writes them as one partition (`store`), returning only a small
summary: nothing of the tables comes back to this process. The scheduler holds the tasks and
hands each worker about one at a time (Dask's queuing of root tasks), so memory per worker is
that of one batch, whatever the corpus size. A worker that dies takes its task with it and
the scheduler runs it again elsewhere; a batch already on disk is skipped (its key is the
content hash of its articles and the package's fingerprint), so a run that is cut short resumes
where it stopped, and a run after an upgrade builds every batch again and says why. The
totals (`term_totals`, `entity_articles`, `comentions`) are summed from the batches' own, a
few partitions at a time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import fingerprint, schemas
from ..errors import InputError
from ..paths import RAW
from .batches import BATCH_SIZE, Batch, find_articles, plan, process_batch
from .batches import batch_size as sizing
from .store import BATCHES, done_keys, partition, remove_temporaries, write_manifest

MERGE_AT_ONCE = 64  # batches' totals summed at a time


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Dask's settings for the workers of a LocalCluster: no statistical profiler (it samples every
# worker's stacks ten times a second and keeps them: some 125 KB more memory per article, and
# nothing a corpus run reads); the event loop's watch on itself every second rather than
# every 20 ms and the memory checks every second rather than ten times (between them 2-3 ms of
# CPU per article on a worker thread beside the batch's, taking turns with it for the GIL);
# and glibc's own memory thresholds, not Dask's MALLOC_TRIM_THRESHOLD_=65536 in the workers'
# environment: setting it stops glibc from raising its mmap threshold as it goes, so every
# block over 128 KiB (the model's arrays, a table's columns) is mapped, faulted in page by page
# and unmapped anew (3 to 7 ms of CPU per article in a worker; its memory, given back once a
# batch instead (`batches.trim_memory`): benchmarks/README.md). Dask's other variables are kept: one
# thread for numpy's libraries.
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


@contextlib.contextmanager
def local_client(workers: int | None = None, *, dashboard: str = "127.0.0.1:8787"):
    """A Dask client on a LocalCluster of this machine: one worker process per core (or
    `workers`), one thread each, with `WORKER_CONFIG`; the dashboard on `dashboard`, or on a
    free port when that one is taken (without Dask's warning about it)."""
    import logging

    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(WORKER_CONFIG), LocalCluster(
        n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
        host="127.0.0.1", dashboard_address=_free(dashboard), silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:  # fmt: skip
        yield client


def _free(address: str) -> str:
    """`address` (host:port) if its port is free, else the same host on a port the system
    picks (":0")."""
    import socket

    host, _, port = address.rpartition(":")
    if not port or port == "0":
        return address
    with socket.socket() as s:
        try:
            s.bind((host or "127.0.0.1", int(port)))
        except OSError:
            return f"{host}:0"
    return address


def run(
    paths: str | Path | list,
    out: str | Path,
    client=None,
    *,
    workers: int | None = None,
    batch_size: int | None = None,
    tables: tuple[str, ...] | list[str] | None = None,
    copies: bool = True,
    topics: bool = True,
    progress: bool = True,
    echo: Callable[[str], None] | None = None,
) -> dict:
    """Every table of every article and the corpus tables, written as Parquet on Dask.

    The articles go to Dask in batches of `batch_size`; each batch is one task that builds its
    articles' tables on a worker and writes them as one partition of `out` (nothing of the
    tables comes back to this process). A batch already written by the same package (the same
    code, data, libraries and options) is skipped, so a run cut short resumes; a run by a
    changed package builds every batch again, and says what changed.

    Parameters
    ----------
    paths : str, Path or list
        The articles: a folder (its ``*.txt`` files and saved web pages, ``*.html`` and
        ``*.htm``), a glob such as ``'news/**/*.txt'``, an ``http(s)://`` address, or a list
        of files and addresses. Each article's name is its ``doc_id`` (an address's: the last
        part of its path, `analysis.reading.page.name_of`).
    out : str or Path
        The output folder (made if absent): ``batches/batch=<key>/<table>.parquet``, the
        totals as ``<table>.parquet``, and ``run.json``. Read it with `analysis.corpus.read`.
    client : distributed.Client, optional
        A client of a running Dask cluster. None starts a LocalCluster on this machine for
        the run.
    workers : int, optional
        The LocalCluster's worker processes (one thread each) when `client` is None; default
        one per core.
    batch_size : int, optional
        Articles per batch (per task and per partition) at most, 50 by default: fewer when
        that gives each worker two batches or more. None reuses the size of the run before in
        `out`, if any, so that a rerun on other workers finds its batches. An article of
        256 KiB or more is a batch of its own.
    tables : list of str, optional
        The articles' tables to write (default: every one; the corpus tables are always
        written). Leaving out the costly ones (``keyphrases``, ``ngrams``, ``stats``) makes a
        run faster; a table left out reads back empty.
    copies : bool, default True
        Find the copies (relays, reprints) among the articles: the ``copies`` table, each
        article's ``story_id``, and ``n_stories`` in the totals. False makes every article a
        story of its own.
    topics : bool, default True
        Fit a topic model on the stories' words: the ``topic_terms`` and ``doc_topics``
        tables (empty when False).
    progress : bool, default True
        Show Dask's progress bar (a widget in a notebook).
    echo : callable, optional
        Where the run's few lines of news go (default: standard error).

    Returns
    -------
    dict
        What was done, also written to ``out/run.json``: articles, batches, batch_size,
        written, skipped, n_articles (the articles read), n_stories (the stories they tell),
        copies, topics (the number fitted), errors (articles that could not be read, each a row of the
        ``errors`` table), failed (batches that raised, with the error; the others went on),
        keys, seconds, workers, and the package's fingerprint (files, libraries, options).

    Raises
    ------
    InputError
        No article matches `paths`, two articles share a name, or `out` is inside
        ``data/raw/`` (which code never writes to).

    See Also
    --------
    analysis.corpus.read : a table of the output as one DataFrame.
    """
    echo = echo or (lambda line: print(line, file=sys.stderr))
    out = Path(out)
    if out.resolve().is_relative_to(RAW.resolve()):
        raise InputError(
            out, "is inside data/raw/, which code never writes to; choose another --out"
        )
    tables = check_tables(tables)
    articles = find_articles(paths)
    if client is None:
        with local_client(workers) as own:
            return run(paths, out, own, batch_size=batch_size, tables=tables, copies=copies,
                       topics=topics, progress=progress, echo=echo)  # fmt: skip
    size = (batch_size is None and _previous_size(out)) or sizing(
        len(articles), _workers(client) or 1, batch_size or BATCH_SIZE
    )
    batches = plan(articles, size, tables=tables, copies=copies)
    echo(f"{len(articles)} articles in {len(batches)} batches; "
         f"Dask dashboard: {client.dashboard_link}")  # fmt: skip
    now = fingerprint.parts()
    if note := rebuild_note(out, now):
        echo(note)
    start = time.perf_counter()
    (out / BATCHES).mkdir(parents=True, exist_ok=True)
    remove_temporaries(out)
    summaries, failed = _compute(client, batches, out, progress)
    result = _finish(Whole(out, [], client, copies, topics), batches, summaries, failed)
    result |= {"seconds": round(time.perf_counter() - start, 3), "workers": _workers(client),
               "fingerprint": now}  # fmt: skip
    write_manifest(out, result)
    echo(f"{result['written']} batches written, {result['skipped']} already there; "
         f"{result['n_articles']} articles telling {result['n_stories']} stories "
         f"({result['copies']} copies); {result['errors']} articles in errors; "
         f"tables in {out}")  # fmt: skip
    return result


def _previous_size(out: Path) -> int | None:
    """The batch size of the run before in `out` (run.json), if any."""
    import json

    try:
        size = json.loads((out / "run.json").read_text(encoding="utf-8")).get("batch_size")
    except (OSError, ValueError, AttributeError):
        return None
    return size if isinstance(size, int) and size > 0 else None


def check_tables(tables) -> tuple[str, ...]:
    """The articles' tables asked for, in the documented order (every one for None); an
    unknown name is an InputError naming it and the tables there are."""
    if tables is None:
        return schemas.TABLE_NAMES
    asked = [t.strip() for t in ([tables] if isinstance(tables, str) else tables) if t.strip()]
    unknown = [t for t in asked if t not in schemas.TABLE_NAMES]
    if unknown or not asked:
        raise InputError(None, f"--tables: no table '{unknown[0] if unknown else ''}'; choose "
                               f"from {', '.join(schemas.TABLE_NAMES)}")  # fmt: skip
    return tuple(t for t in schemas.TABLE_NAMES if t in asked)


def rebuild_note(out: Path, now: dict) -> str | None:
    """One line when the batches in `out` were built by a package other than this one (other
    code or data, libraries, options), saying what changed: every batch is built again."""
    import json

    if not done_keys(out):
        return None
    try:
        before = json.loads((out / "run.json").read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        before = None
    if before == now:
        return None
    if before:
        what = "; ".join(fingerprint.changes(before, now))
    else:
        what = "by an earlier version of the package, which noted no fingerprint"
    return (
        f"{out}: the batches there were built with other code, data, libraries or options "
        f"({what}); every batch is built again"
    )


def _compute(client, batches: list[Batch], out: Path, progress: bool) -> tuple[list[dict], list]:
    """Run `process_batch` on every batch; the summaries, and the batches that failed."""
    from distributed import as_completed
    from distributed import progress as dask_progress

    token = os.urandom(4).hex()
    futures = [  # a long article's batch first: the others run beside it
        client.submit(
            process_batch,
            b,
            str(out.resolve()),
            key=f"batch-{b.number:06d}-{token}",
            pure=False,
            priority=1 if b.long else 0,
        )  # fmt: skip
        for b in batches
    ]
    if progress and futures:
        widget = dask_progress(futures)  # a bar in the terminal (waits); a widget in a notebook
        if widget is not None:
            from IPython.display import display

            display(widget)
    summaries, failed = [], []
    for future in as_completed(futures):
        if future.status == "error":
            number = int(future.key.split("-")[1])
            failed.append({"number": number, "error": repr(future.exception())})
        else:
            summaries.append(future.result())
        future.release()
    return summaries, failed


@dataclass
class Whole:
    """What a step over the whole corpus is given: the output folder, the partitions of this
    run's batches in order (`keys`), the Dask client, and the steps asked for."""

    out: Path
    keys: list[str]
    client: object = None
    copies: bool = True
    topics: bool = True


def _finish(whole: Whole, batches: list[Batch], summaries: list[dict], failed: list[dict]) -> dict:
    """The steps over the whole corpus (copies, totals, topics); stale partitions removed;
    the run's summary."""
    out = whole.out
    keys = whole.keys = [s["key"] for s in sorted(summaries, key=lambda s: s["number"])]
    if not failed:
        for stale in done_keys(out) - set(keys):
            shutil.rmtree(partition(out, stale), ignore_errors=True)
    steps = {"copies": whole.copies, "topics": whole.topics}
    news = _unchanged(out, keys, steps) if all(s["skipped"] for s in summaries) else None
    if news is None:  # something changed: the steps over the whole corpus run again
        news = {}
        for step in CORPUS_STEPS:
            news |= step(whole) or {}
    remove_temporaries(out)
    n_errors = _count_errors(out, keys)
    return news | {
        "articles": sum(len(b.articles) for b in batches), "batches": len(batches),
        "batch_size": max((len(b.articles) for b in batches if not b.long), default=0),
        "tables": list(batches[0].tables) if batches else [],
        "written": sum(not s["skipped"] for s in summaries),
        "skipped": sum(s["skipped"] for s in summaries),
        "errors": n_errors, "failed": sorted(failed, key=lambda f: f["number"]), "keys": keys,
        "steps": steps,
    }  # fmt: skip


WHOLE_NEWS = ("n_articles", "n_stories", "copies", "topics")


def _unchanged(out: Path, keys: list[str], steps: dict) -> dict | None:
    """The numbers of the steps over the whole corpus from the run before (run.json), when it
    wrote the same batches with the same steps and its tables are there: nothing to do again
    (a model fitted again could differ in its last digits). None otherwise."""
    import json

    try:
        before = json.loads((out / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    whole = (*schemas.TOTAL_TABLES, *schemas.WHOLE_TABLES)
    if (not isinstance(before, dict) or before.get("keys") != keys or before.get("steps") != steps
            or not all(k in before for k in WHOLE_NEWS)
            or not all((out / f"{n}.parquet").is_file() for n in whole)):  # fmt: skip
        return None
    return {k: before[k] for k in WHOLE_NEWS}


def find_copies(whole: Whole) -> dict:
    """out/copies.parquet: the copies among every batch's articles (`copies.find` on the
    batches' signatures), found by one task on a worker; the numbers of articles, stories and
    copies."""
    from .wholes import copies_of_corpus

    if whole.client is not None and whole.copies:
        future = whole.client.submit(copies_of_corpus, str(whole.out), whole.keys, pure=False)
        return future.result()
    return copies_of_corpus(str(whole.out), whole.keys, find=whole.copies)


def merge_totals(whole: Whole) -> dict:
    """Sum the batches' totals into out/<total>.parquet, MERGE_AT_ONCE batches at a time, each
    story counted once in `n_stories` (`wholes.batch_totals`)."""
    from .aggregate import merge_totals as merge
    from .store import read, write_total
    from .wholes import batch_totals

    out, keys = whole.out, whole.keys
    copied = set(read(out, "copies")["doc_id"].astype(str))
    for name in schemas.TOTAL_TABLES:
        total = schemas.empty(name)
        for lo in range(0, len(keys), MERGE_AT_ONCE):
            parts = [
                batch_totals(partition(out, k), name, copied) for k in keys[lo : lo + MERGE_AT_ONCE]
            ]
            total = merge([total, *parts], name)
        write_total(out, name, total)
    return {}


def fit_topics(whole: Whole) -> dict:
    """out/topic_terms.parquet and out/doc_topics.parquet: a topic model of the stories'
    words (`topics.fit`), fitted by one task on a worker; the number of topics."""
    from .wholes import topics_of_corpus

    if whole.client is not None and whole.topics:
        return whole.client.submit(
            topics_of_corpus, str(whole.out), whole.keys, pure=False
        ).result()
    return topics_of_corpus(str(whole.out), whole.keys, fit=whole.topics)


# The steps over the whole corpus, in order, run once every batch is written: f(whole) ->
# a few numbers for the run's summary. Each reads the batches' own tables a few partitions at
# a time, or the few columns it needs of every one, and writes out/<table>.parquet.
CORPUS_STEPS = (find_copies, merge_totals, fit_topics)


def _count_errors(out: Path, keys: list[str]) -> int:
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(partition(out, k) / "errors.parquet").num_rows for k in keys)


def _workers(client) -> int:
    try:
        return len(client.scheduler_info().get("workers", {}))
    except Exception:  # the scheduler is gone already: the count is only informative
        return 0
