"""How long Run All takes in JupyterLab, in a real browser, once the notebook's kernel is up.

    python benchmarks/bench_lab.py [--runs 3]

Runs the browser test (tests/test_lab_e2e.py: its own JupyterLab, Debian's Chromium driven by
Playwright) `--runs` times; the test logs, for each notebook, the seconds from the Run menu's
"Run All Cells" to the last cell done. Prints the median, min and max per notebook and writes
benchmarks/results/lab.csv. Needs chromium (apt-get install chromium).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "timings.csv"
        for _ in range(args.runs):
            subprocess.run(
                [sys.executable, "-m", "pytest", str(HERE.parent / "tests" / "test_lab_e2e.py"), "-q",
                 "-k", "test_notebook_runs_in_jupyterlab", "-p", "no:cacheprovider"],
                env=os.environ | {"LAB_TIMINGS": str(log)}, check=True, cwd=HERE.parent,
            )  # fmt: skip
        times: dict[str, list[float]] = {}
        for line in log.read_text(encoding="utf-8").splitlines():
            name, seconds = line.split(",")
            times.setdefault(name, []).append(float(seconds))
    lines = ["notebook,median_s,min_s,max_s,runs"]
    print(f"| Run All in JupyterLab, kernel up ({args.runs} runs) | median | min | max |")
    print("|---|---:|---:|---:|")
    for name, vals in times.items():
        med = statistics.median(vals)
        print(f"| {name} | {med:.1f} s | {min(vals):.1f} s | {max(vals):.1f} s |")
        lines.append(f"{name},{med:.3f},{min(vals):.3f},{max(vals):.3f},{len(vals)}")
    (HERE / "results" / "lab.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
