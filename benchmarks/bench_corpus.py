"""A corpus on Dask beside spaCy's `nlp.pipe` alone: CPU per story, scaling, memory per worker.

    python benchmarks/bench_corpus.py [--small 40] [--large 400] [--sizes 1000,10000]
        [--tables all | terms,entities,...] [--lean keyphrases,ngrams,stats] [--profile N]
        [--cpu-only]

Generated stories (analysis.corpus.generate, fixed seed; 100-odd words each). Everything runs
in fresh processes, in the same run, on the same stories:

1. CPU per story, start-up cancelled out: the CPU time of `--large` stories minus that of
   `--small`, over the difference in stories, for
   - the corpus path: `analysis.corpus.run` on a LocalCluster of one worker (the worker's CPU,
     from its own `getrusage`: parsing, every table, Parquet written);
   - the same without the tables of `--lean` (`--tables` naming every other one: by default
     all but keyphrases, ngrams and stats, the three that cost most beside the facts);
   - spaCy alone: `nlp.pipe` of en_core_web_sm over the same texts, every component;
   and the ratios (the goal: 2.0 or less).
2. Scaling: the first size's stories on one worker and on two, wall clock from the run's start
   to its end (the cluster up and its workers warmed up on 8 stories); the ratio of the rates
   (the goal: 1.8 or more).
3. Memory: each worker's resident set (RSS, now and at its peak) after each size on two
   workers (the goal: the same after 10,000 as after 1,000, within 10%), Dask's statistical
   profiler off as `analysis.corpus.run` sets it.

The load average of the machine is printed before and after each step: the machine may be
shared. Writes benchmarks/results/corpus.json and prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2024

CORPUS = """
import json, resource, sys, time
from analysis.corpus.dask_run import local_client, run

def usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    rss = int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
    return {"cpu": r.ru_utime + r.ru_stime, "peak_mb": r.ru_maxrss / 1024, "rss_mb": rss}

if __name__ == "__main__":
    folders, out, workers, tables = sys.argv[1].split(","), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    tables = None if tables == "all" else tables.split(",")
    steps = []
    with local_client(workers, dashboard=":0") as client:
        # the first folder warms every worker up (the model loaded, the first batch's costs)
        run(folders[0], f"{out}/warm", client, tables=tables, progress=False, echo=lambda line: None)
        for i, folder in enumerate(folders[1:]):
            before = client.run(usage)
            start = time.perf_counter()
            result = run(folder, f"{out}/{i}", client, tables=tables, progress=False, echo=lambda line: None)
            seconds = time.perf_counter() - start
            after = client.run(usage)
            steps.append({"articles": result["articles"], "batches": result["batches"],
                          "errors": result["errors"], "seconds": seconds,
                          "cpu": sum(after[w]["cpu"] - before[w]["cpu"] for w in after),
                          "rss_mb": sorted(a["rss_mb"] for a in after.values()),
                          "peak_mb": sorted(a["peak_mb"] for a in after.values())})
    print(json.dumps(steps))
"""

PIPE = """
import json, resource, sys
from pathlib import Path
from analysis.facts.extract.model import pipeline

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

nlp = pipeline()
steps = []
for i, folder in enumerate(sys.argv[1].split(",")):
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    before = cpu()
    for _ in nlp.pipe(texts):
        pass
    if i:  # (the first folder warms the model up)
        steps.append({"articles": len(texts), "cpu": cpu() - before})
print(json.dumps(steps))
"""

PROFILE = """
import cProfile, pstats, sys
from pathlib import Path
from analysis.corpus.batches import batch_tables, find_articles
articles = find_articles(sys.argv[1])
batch_tables(tuple(articles[:40]))
profile = cProfile.Profile()
profile.enable()
for lo in range(40, len(articles), 50):
    batch_tables(tuple(articles[lo : lo + 50]))
profile.disable()
pstats.Stats(profile).sort_stats("cumulative").print_stats(int(sys.argv[2]))
"""


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def child(code: str, *args: str) -> list[dict]:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )
    if done.returncode:
        sys.exit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def stories(root: Path, n: int) -> str:
    from analysis.corpus.generate import write_stories

    folder = root / f"stories{n}"
    if not folder.is_dir():
        write_stories(folder, n, seed=SEED)
    return str(folder)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=40)
    ap.add_argument("--large", type=int, default=400)
    ap.add_argument("--sizes", default="1000,10000", help="memory and scaling: stories per run")
    ap.add_argument("--tables", default="all", help="the articles' tables written (--tables)")
    ap.add_argument("--lean", default="keyphrases,ngrams,stats",
                    help="the tables left out for the second CPU figure")  # fmt: skip
    ap.add_argument("--profile", type=int, default=0, help="print cProfile's top N entries too")
    ap.add_argument("--cpu-only", action="store_true", help="step 1 only (a few minutes)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict = {"tables": args.tables, "load": {}}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small, large = stories(root, args.small), stories(root, args.large)
        warm = stories(root, 8)  # read first by every worker: the model and libraries loaded
        # 1. CPU per story, side by side
        results["load"]["cpu"] = [load()]
        from analysis import schemas

        left_out = set(args.lean.split(","))
        lean = ",".join(n for n in schemas.TABLE_NAMES if n not in left_out)
        dask = child(CORPUS, f"{warm},{small},{large}", str(root / "cpu"), "1", args.tables)
        leaner = child(CORPUS, f"{warm},{small},{large}", str(root / "lean"), "1", lean)
        pipe = child(PIPE, f"{warm},{small},{large}")
        results["load"]["cpu"].append(load())
        extra = args.large - args.small
        without = f"corpus path, 1 worker, without {args.lean.replace(',', ', ')}"
        per = {
            "corpus path, 1 worker": (dask[1]["cpu"] - dask[0]["cpu"]) / extra,
            without: (leaner[1]["cpu"] - leaner[0]["cpu"]) / extra,
            "spaCy nlp.pipe alone": (pipe[1]["cpu"] - pipe[0]["cpu"]) / extra,
        }
        results["cpu_per_story_ms"] = {k: round(1000 * v, 2) for k, v in per.items()}
        model = per["spaCy nlp.pipe alone"]
        results["ratio"] = round(per["corpus path, 1 worker"] / model, 2)
        results["ratio_lean"] = round(per[without] / model, 2)
        print(
            f"CPU per story ({args.large} - {args.small} stories; load {' -> '.join(results['load']['cpu'])}):"
        )
        print("| | ms of CPU per story | ratio to the model |\n|---|---:|---:|")
        for k, v in results["cpu_per_story_ms"].items():
            print(
                f"| {k} | {v:.1f} | {v / results['cpu_per_story_ms']['spaCy nlp.pipe alone']:.2f} |"
            )
        print()
        if not args.cpu_only:
            # 2. scaling, and 3. memory per worker after each size
            # the worker's memory after sizes[0], sizes[1]... stories in all: runs one after another
            steps = [sizes[0], *(b - a for a, b in zip(sizes, sizes[1:]))]
            folders = ",".join([warm, *(stories(root, n) for n in steps)])
            results["load"]["workers"] = [load()]
            one = child(
                CORPUS, f"{warm},{stories(root, sizes[0])}", str(root / "one"), "1", args.tables
            )
            two = child(CORPUS, folders, str(root / "two"), "2", args.tables)
            results["load"]["workers"].append(load())
            scaling = one[0]["seconds"] / two[0]["seconds"]
            results |= {"one_worker": one, "two_workers": two, "scaling": round(scaling, 2)}
            print(
                f"Scaling on {sizes[0]:,} stories (load {' -> '.join(results['load']['workers'])}):"
            )
            print(
                f"one worker {one[0]['seconds']:.1f} s, two {two[0]['seconds']:.1f} s: {scaling:.2f}x\n"
            )
            print("| stories (cumulative, two workers) | seconds | RSS per worker now | peak |")
            print("|---:|---:|---:|---:|")
            done = 0
            for step in two:
                done += step["articles"]
                rss = " / ".join(f"{x:.0f}" for x in step["rss_mb"])
                peak = " / ".join(f"{x:.0f}" for x in step["peak_mb"])
                print(f"| {done:,} | {step['seconds']:.1f} | {rss} MB | {peak} MB |")
        if args.profile:
            profile = subprocess.run([sys.executable, "-c", PROFILE, large, str(args.profile)],
                                     capture_output=True, text=True)  # fmt: skip
            results["profile"] = profile.stdout
            print(profile.stdout)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "corpus.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
