"""How long the notebooks take to run headless: all three, each in a fresh kernel.

    python benchmarks/bench_notebooks.py [--runs 3]

Runs `analysis.notebooks.run` (what `make charts` does, HTML pages included) into a temporary
folder, prints the median of the total and of each notebook, and writes
benchmarks/results/notebooks.csv.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from analysis import notebooks

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    runs: list[dict[str, float]] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            seconds = notebooks.run(out)
            seconds["all notebooks (wall clock)"] = time.perf_counter() - start
        runs.append(seconds)
    lines = ["measure,median_s,min_s,max_s,runs"]
    print(f"| notebooks executed headless ({args.runs} runs) | median | min | max |")
    print("|---|---:|---:|---:|")
    for name in runs[0]:
        vals = [r[name] for r in runs]
        med = statistics.median(vals)
        print(f"| {name} | {med:.1f} s | {min(vals):.1f} s | {max(vals):.1f} s |")
        lines.append(f'"{name}",{med:.3f},{min(vals):.3f},{max(vals):.3f},{len(vals)}')
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "notebooks.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
