"""Term-frequency tables at scale: ours beside scikit-learn's CountVectorizer and a plain Counter.

    python benchmarks/bench_scale.py [--sizes 1e4,1e5,1e6,1e7] [--runs 3]

For each corpus size (tokens, in 1,000-token documents generated from a fixed seed with
English word frequencies from wordfreq), each method builds the same tables: doc_id, term,
count, per_1k per document, and corpus totals (term, count, per_1k, n_docs). All three use the
same token pattern (analysis.terms.counting.WORD_PATTERN) and lower-case the text first.

- ours:            analysis.term_counts + analysis.terms.counting.term_frequencies
- polars:          str.extract_all + group_by over the lower-cased texts (the pattern without
                   its lookahead, which Rust's regex lacks), to the same tidy tables
- CountVectorizer: fit_transform, then the sparse matrix to the same tidy tables
- Counter:         collections.Counter over re.findall per document, rows to a DataFrame

A second table times the tidy counts alone (doc_id, term, count: `term_counts` beside polars'
extract_all + group_by), the corpus path's inner loop, in tokens per second.

Time is the median of --runs runs; peak memory is the peak of Python allocations
(tracemalloc) during one more run, beside the size of the text. Writes
benchmarks/results/scale.csv and docs/bench_scale.png and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.terms.counting import WORD_PATTERN, term_counts, term_frequencies
from analysis.viz import plots

HERE = Path(__file__).resolve().parent
SEED = 20151022
DOC_TOKENS = 1000


def corpus(n_tokens: int) -> list[str]:
    """Documents of 1,000 tokens drawn from English word frequencies, with sentence breaks."""
    from wordfreq import top_n_list, word_frequency

    words = top_n_list("en", 20000)
    p = np.array([word_frequency(w, "en") for w in words])
    p /= p.sum()
    rng = np.random.default_rng(SEED)
    docs = []
    for _ in range(max(1, n_tokens // DOC_TOKENS)):
        toks = rng.choice(len(words), size=DOC_TOKENS, p=p)
        parts = []
        for i, t in enumerate(toks):
            w = words[t]
            parts.append(w.capitalize() if i % 15 == 0 else w)
            if i % 15 == 14:
                parts[-1] += "."
            elif i % 7 == 3:
                parts[-1] += ","
        docs.append(" ".join(parts))
    return docs


def tidy(doc_ids, terms, counts):
    counts = pd.DataFrame({"doc_id": doc_ids, "term": terms, "count": counts})
    return term_frequencies(counts)


def ours(docs):
    return term_frequencies(term_counts(docs))


def polars_counts(docs):
    """doc_id, term, count with polars alone: extract_all + group_by."""
    import polars as pl

    pattern = WORD_PATTERN.replace("(?![a-z])", "")
    frame = pl.DataFrame({"doc_id": [str(i) for i in range(len(docs))], "text": docs})
    return (
        frame.select("doc_id", pl.col("text").str.to_lowercase().str.extract_all(pattern).alias("term"))
        .explode("term").drop_nulls("term")
        .group_by("doc_id", "term", maintain_order=True).len()
    )  # fmt: skip


def polars_tables(docs):
    counts = polars_counts(docs).to_pandas()
    return tidy(
        counts["doc_id"].astype("category"),
        counts["term"].astype("category"),
        counts["len"].astype("int64"),
    )


def count_vectorizer(docs):
    from sklearn.feature_extraction.text import CountVectorizer

    cv = CountVectorizer(token_pattern=WORD_PATTERN, lowercase=True)
    x = cv.fit_transform(docs).tocoo()
    vocab = cv.get_feature_names_out()
    doc_ids = pd.Categorical.from_codes(
        x.row.astype(np.int32), categories=[str(i) for i in range(len(docs))]
    )
    terms = pd.Categorical.from_codes(x.col.astype(np.int32), categories=vocab)
    return tidy(doc_ids, terms, x.data.astype("int64"))


def plain_counter(docs):
    pattern = re.compile(WORD_PATTERN)
    rows = [
        (str(i), t, c)
        for i, d in enumerate(docs)
        for t, c in Counter(pattern.findall(d.lower())).items()
    ]
    df = pd.DataFrame(rows, columns=["doc_id", "term", "count"])
    return term_frequencies(df)


METHODS = {
    "ours (analysis.term_counts)": ours,
    "polars": polars_tables,
    "CountVectorizer": count_vectorizer,
    "Counter + re.findall": plain_counter,
}


def check_same(docs) -> None:
    """The three methods give the same corpus totals."""
    tables = [m(docs)[1].assign(term=lambda d: d["term"].astype(str)).set_index("term")["count"].sort_index()
              for m in METHODS.values()]  # fmt: skip
    for t in tables[1:]:
        pd.testing.assert_series_equal(tables[0], t, check_names=False, check_dtype=False)


def measure(fn, docs, runs: int) -> tuple[float, int]:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn(docs)
        times.append(time.perf_counter() - start)
    gc.collect()
    tracemalloc.start()
    fn(docs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak


def chart(results: pd.DataFrame, path: Path) -> None:
    from matplotlib.figure import Figure

    with plots.style():
        fig = Figure(figsize=(7, 4.5), layout="constrained")
        ax = fig.add_subplot()
        for (method, part), colour, marker in zip(results.groupby("method", sort=False),
                                                  (plots.BLUE, plots.PINK, plots.ORANGE, plots.GREEN), "o^sD"):  # fmt: skip
            ax.loglog(part["tokens"], part["seconds"], marker=marker, color=colour, label=method)
        first = results.loc[results["tokens"] == results["tokens"].min(), "seconds"].min()
        xs = np.array(sorted(results["tokens"].unique()), dtype=float)
        ax.loglog(xs, first * xs / xs[0], color=plots.GREY, ls=":", label="linear growth")
        ax.set_xlabel("corpus size (tokens, log scale)")
        ax.set_ylabel("time for the term tables (s, log scale)")
        ax.set_title("Term-frequency tables: time against corpus size")
        ax.legend()
        fig.savefig(path, dpi=150, metadata={"Software": None})


def counts_alone(sizes: list[int], runs: int) -> None:
    """The tidy counts alone (doc_id, term, count), ours beside polars', in tokens per second:
    benchmarks/results/scale_counts.csv and a Markdown table."""
    rows = []
    for n in sizes:
        docs = corpus(n)
        for method, fn in (
            ("ours (analysis.term_counts)", term_counts),
            ("polars extract_all + group_by", polars_counts),
        ):
            seconds, _ = measure(fn, docs, runs)
            rows.append(
                {"tokens": n, "method": method, "seconds": seconds, "tokens_per_s": n / seconds}
            )
    results = pd.DataFrame(rows)
    results.to_csv(HERE / "results" / "scale_counts.csv", index=False, float_format="%.4g")
    print("\n| tokens | tidy counts by | median time | million tokens/s |\n|---:|---|---:|---:|")
    for r in results.itertuples():
        print(f"| {r.tokens:,} | {r.method} | {r.seconds:.3f} s | {r.tokens_per_s / 1e6:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1e4,1e5,1e6,1e7")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    check_same(corpus(sizes[0]))
    rows = []
    for n in sizes:
        docs = corpus(n)
        text_bytes = sum(len(d.encode("utf-8")) for d in docs)
        for method, fn in METHODS.items():
            seconds, peak = measure(fn, docs, args.runs)
            rows.append({"tokens": n, "method": method, "seconds": seconds, "tokens_per_s": n / seconds,
                         "peak_mb": peak / 1e6, "text_mb": text_bytes / 1e6})  # fmt: skip
            print(f"{n:>10,} {method:<28} {seconds:8.3f} s  {peak / 1e6:8.1f} MB", file=sys.stderr)
        del docs
    results = pd.DataFrame(rows)
    (HERE / "results").mkdir(exist_ok=True)
    results.to_csv(HERE / "results" / "scale.csv", index=False, float_format="%.4g")
    chart(results, HERE.parent / "docs" / "bench_scale.png")
    ours_name, cv_name = list(METHODS)[:2]
    print("| tokens | method | median time | tokens/s | peak memory | text | vs CountVectorizer |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in results.itertuples():
        cv = results.loc[
            (results["tokens"] == r.tokens) & (results["method"] == cv_name), "seconds"
        ].iloc[0]
        print(f"| {r.tokens:,} | {r.method} | {r.seconds:.3f} s | {r.tokens_per_s:,.0f} | {r.peak_mb:.1f} MB "
              f"| {r.text_mb:.1f} MB | {cv / r.seconds:.2f}× |")  # fmt: skip
    counts_alone(sizes, args.runs)
    mine = results.loc[results["method"] == ours_name]
    slope = np.polyfit(np.log(mine["tokens"]), np.log(mine["seconds"]), 1)[0]
    print(f"\nours: time grows as size^{slope:.2f} (1.00 is linear)")


if __name__ == "__main__":
    main()
