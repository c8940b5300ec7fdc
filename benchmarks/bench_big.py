"""A 5 MB article: how long each table takes, in a fresh process.

    python benchmarks/bench_big.py [--mb 5]

The article is the seed's body repeated (paragraphs kept) to the size asked for. Prints the
seconds per table (in the order they are built, each counting only its own work) and the total,
and writes benchmarks/results/big.csv.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    import analysis
    from analysis import paths, store

    body = paths.ARTICLE.read_text(encoding="utf-8").split(" - ", 1)[1]
    n = int(args.mb * 1e6 // len(body))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text("MINSK. KAZINFORM - " + "\n\n".join([body] * n), encoding="utf-8")
        size = path.stat().st_size
        start = time.perf_counter()
        tables = store.Tables(analysis.load_article(path))
        rows = [("read and check the file", time.perf_counter() - start)]
        for name in analysis.TABLE_NAMES:
            t = time.perf_counter()
            tables[name]
            rows.append((name, time.perf_counter() - t))
        total = time.perf_counter() - start
    lines = ["step,seconds"] + [f"{k},{v:.3f}" for k, v in rows] + [f"total,{total:.3f}"]
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"| {size / 1e6:.1f} MB article: step | seconds |\n|---|---:|")
    for k, v in rows:
        print(f"| {k} | {v:.2f} |")
    print(f"| **total** | **{total:.2f}** |")


if __name__ == "__main__":
    main()
