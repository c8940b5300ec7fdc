"""A 5 MB article: how long its tables take, each run in a fresh interpreter.

    python benchmarks/bench_big.py [--mb 5] [--runs 3]

The article is the seed's body repeated (paragraphs kept) to the size asked for. Three measures,
the median of `--runs` fresh processes each:

- every table, as `python -m analysis tables` builds them (`Tables.frames()`: on two cores or
  more the facts are extracted in a second process while the term tables are built here);
- the same on one core (`taskset` to a single CPU), for a machine without a second one;
- the command line itself, start to end, with the sixteen CSV files written.

Then one more process builds the tables one by one in one process, to show where the time
goes. Writes benchmarks/results/big.csv (measure, seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _child(mode: str, path: str) -> None:
    """In a fresh interpreter: build the tables and print the seconds as JSON."""
    import analysis
    from analysis.reading.article import load as read_article
    from analysis.tables import bundle as store

    start = time.perf_counter()
    tables = store.Tables(read_article(path))
    if mode == "frames":
        tables.frames()
        print(json.dumps({"total": time.perf_counter() - start}))
        return
    steps = {"read and check the file": time.perf_counter() - start}
    for name in analysis.TABLE_NAMES:
        t = time.perf_counter()
        tables[name]
        steps[name] = time.perf_counter() - t
    steps["total"] = time.perf_counter() - start
    print(json.dumps(steps))


def _run(args: list[str], one_core: bool = False) -> float:
    prefix = ["taskset", "-c", str(min(os.sched_getaffinity(0)))] if one_core else []
    start = time.perf_counter()
    out = subprocess.run(
        [*prefix, sys.executable, *args], check=True, capture_output=True, text=True, cwd=ROOT
    )
    wall = time.perf_counter() - start
    return json.loads(out.stdout)["total"] if out.stdout.strip().startswith("{") else wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return
    from analysis import paths

    body = paths.ARTICLE.read_text(encoding="utf-8").split(" - ", 1)[1]
    n = int(args.mb * 1e6 // len(body))
    me = str(Path(__file__).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text("MINSK. KAZINFORM - " + "\n\n".join([body] * n), encoding="utf-8")
        size = path.stat().st_size
        measures = {
            "every table (frames)": [
                _run([me, "--child", "frames", str(path)]) for _ in range(args.runs)
            ],
            "every table, one core": [
                _run([me, "--child", "frames", str(path)], one_core=True) for _ in range(args.runs)
            ],
        }
        cli = []
        for _ in range(args.runs):
            out = Path(tmp) / "out"
            cli.append(
                _run(["-m", "analysis", "tables", "--article", str(path), "--out", str(out)])
            )
            shutil.rmtree(out)
        measures["command line, CSV files written"] = cli
        steps = json.loads(
            subprocess.run(
                [sys.executable, me, "--child", "steps", str(path)],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            ).stdout
        )
    medians = {k: statistics.median(v) for k, v in measures.items()}
    lines = ["measure,seconds"]
    lines += [f"{k},{v:.3f}" for k, v in medians.items()]
    lines += [f"one process, {k},{v:.3f}" for k, v in steps.items()]
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"| {size / 1e6:.1f} MB article (median of {args.runs} fresh processes) | seconds |")
    print("|---|---:|")
    for k, v in medians.items():
        print(f"| {k} | {v:.2f} |")
    print("\n| one process, table by table | seconds |\n|---|---:|")
    for k, v in steps.items():
        if v >= 0.005:
            print(f"| {k} | {v:.2f} |")


if __name__ == "__main__":
    main()
