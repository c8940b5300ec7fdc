"""A corpus on Dask beside the plain single-process folder loop: articles per second.

    python benchmarks/bench_corpus.py [--sizes 1000,10000] [--workers 1,2]

For each size, N stories are generated (analysis.corpus.generate, fixed seed) and processed,
each way in a fresh Python process, timed from start to end as a user waits for it (imports,
the cluster's start, the model's load included):

- plain loop: `analysis.corpus.folder.corpus_tables` over the folder (every table of every
  article, stacked in memory; what `python -m analysis tables --article FOLDER` does before
  writing CSV);
- Dask, 1 and 2 workers: `analysis.corpus.run` on a LocalCluster (one thread per worker), every
  table written as Parquet and the corpus tables summed.

Peak memory is the peak resident set of the process (plain loop) or of each worker (Dask,
the largest of them). Scaling efficiency is the rate on two workers over twice the rate on
one. Writes benchmarks/results/corpus.csv and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
SEED = 2024

PLAIN = """
import json, resource, sys
from analysis.corpus.folder import articles_in, corpus_tables
tables = corpus_tables(articles_in(sys.argv[1]), progress=False)
print(json.dumps({"rows": int(sum(len(t) for t in tables.values())),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

DASK = """
import json, resource, sys
from analysis.corpus.dask_run import local_client, run
if __name__ == "__main__":
    with local_client(int(sys.argv[3]), dashboard=":0") as client:
        result = run(sys.argv[1], sys.argv[2], client, progress=False, echo=lambda line: None)
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps({"errors": result["errors"], "batches": result["batches"],
                      "peak_mb": max(peaks.values())}))
"""


def timed(code: str, *args: str) -> tuple[float, dict]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from analysis.corpus.generate import write_stories

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "stories"
            write_stories(folder, n, seed=SEED)
            seconds, info = timed(PLAIN, str(folder))
            rows.append(
                {
                    "articles": n,
                    "method": "plain loop",
                    "workers": 1,
                    "seconds": seconds,
                    "peak_mb": info["peak_mb"],
                }
            )
            print(f"{n:>6} plain loop      {seconds:8.1f} s", file=sys.stderr)
            for w in [int(x) for x in args.workers.split(",")]:
                seconds, info = timed(DASK, str(folder), str(Path(tmp) / f"out{w}"), str(w))
                rows.append(
                    {
                        "articles": n,
                        "method": "Dask",
                        "workers": w,
                        "seconds": seconds,
                        "peak_mb": info["peak_mb"],
                    }
                )
                print(f"{n:>6} Dask, {w} worker(s) {seconds:8.1f} s", file=sys.stderr)
    results = pd.DataFrame(rows).assign(articles_per_s=lambda d: d["articles"] / d["seconds"])
    (HERE / "results").mkdir(exist_ok=True)
    results.to_csv(HERE / "results" / "corpus.csv", index=False, float_format="%.4g")
    print(
        "| articles | method | workers | seconds | articles/s | vs plain loop | peak memory (per worker) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in results.itertuples():
        plain = results.loc[
            (results["articles"] == r.articles) & (results["method"] == "plain loop"), "seconds"
        ].iloc[0]
        print(f"| {r.articles:,} | {r.method} | {r.workers} | {r.seconds:.1f} | {r.articles_per_s:.2f} "
              f"| {plain / r.seconds:.2f}× | {r.peak_mb:.0f} MB |")  # fmt: skip
    dask = results.loc[results["method"] == "Dask"].pivot(
        index="articles", columns="workers", values="articles_per_s"
    )
    if {1, 2} <= set(dask.columns):
        for n, r in dask.iterrows():
            print(
                f"\n{n:,} articles: two workers {r[2] / r[1]:.2f}× one (scaling efficiency {r[2] / (2 * r[1]):.0%})"
            )


if __name__ == "__main__":
    main()
