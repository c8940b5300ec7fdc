"""CPU per story of each step of a corpus batch, without a profiler (whose cost per call
distorts pandas-heavy code): `time.process_time` around each step, its own time only.

    python benchmarks/batch_steps.py STORIES_FOLDER

Builds the folder's articles in batches of 50 in this process (`batches.batch_tables`, no
Dask, no Parquet), after a first batch of 40 that loads the model, and prints one Markdown
row per step. Run it with another checkout first on PYTHONPATH to compare two versions.
"""

from __future__ import annotations

import gc
import sys
import time
from collections import defaultdict

import analysis.corpus.batches as cb
import analysis.facts.extract as ex
import analysis.reading.text as rt
import analysis.tables.bundle as bundle
from analysis.facts.extract import model
from analysis.tables import batch as tb

SPENT: dict[str, float] = defaultdict(float)
_OPEN: list[str] = []


def timed(label: str, f):
    def step(*args, **kwargs):
        start = time.process_time()
        _OPEN.append(label)
        try:
            return f(*args, **kwargs)
        finally:
            _OPEN.pop()
            spent = time.process_time() - start
            SPENT[label] += spent
            if _OPEN:  # its own time only
                SPENT[_OPEN[-1]] -= spent

    return step


def main() -> None:
    articles = cb.find_articles(sys.argv[1])
    cb.batch_tables(tuple(articles[:40]))
    gc.collect()
    if hasattr(cb, "_settle"):
        gc.freeze()  # as a worker does after its first batch
    cached = bundle.Tables.cached
    bundle.Tables.cached = lambda self, name: timed(f"table {name}", cached)(self, name)
    model.parse_many = timed("model: nlp.pipe (parse_many)", model.parse_many)
    ex.extract_facts = timed("facts: extraction rules and tables", ex.extract_facts)
    rt.sentences_and_tokens = timed("sentences and tokens", rt.sentences_and_tokens)
    tb._stacked = timed("stacking and conforming", tb._stacked)
    for name, step in list(cb.BATCH_STEPS.items()):
        cb.BATCH_STEPS[name] = timed("corpus tables of the batch", step)
    batch = timed("other (reading, the extractor's document, bookkeeping)", cb.batch_tables)
    start, n = time.process_time(), 0
    for lo in range(40, len(articles), 50):
        batch(tuple(articles[lo : lo + 50]))
        n += len(articles[lo : lo + 50])
    print(f"{n} stories: {1000 * (time.process_time() - start) / n:.1f} ms of CPU per story\n")
    print("| step | ms of CPU per story |\n|---|---:|")
    for label, spent in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        if spent / n >= 0.0002:
            print(f"| {label} | {1000 * spent / n:.1f} |")


if __name__ == "__main__":
    main()
