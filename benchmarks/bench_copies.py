"""Copies and topics of a corpus: the copy finder's precision, recall and speed, what a full
corpus run pays for it, and the topic model's speed and purity.

    python benchmarks/bench_copies.py [--stories 100000] [--corpus 5000] [--topics 10000]
        [--sweep 20000] [--skip finder,sweep,corpus,topics]

Stories of our own with what is planted in them known (`analysis.corpus.planted`, fixed seed):
originals on eight themes, relays of 30% of them by other agencies (a new first paragraph, a
trimmed ending, a changed headline, alone or together) and rewrites of 10% (the same event
told in other words: the near-misses). Steps:

1. **finder**: the copy finder alone (`analysis.corpus.copies`: MinHash signatures of the
   bodies, then `find`) on `--stories` stories: precision and recall over pairs of articles
   (a pair is found when both get one story_id; it is right when one is a relay of the other),
   recall by kind of relay, the rewrites taken for copies, and stories per second of each
   part.
2. **sweep**: the choice of shingle length and threshold: precision and recall on `--sweep`
   planted stories for shingles of 3, 5 and 7 words and thresholds 0.2 to 0.5; the pairs over
   each threshold among 2,000 stories of `analysis.corpus.generate` (one template for all: a worst
   case of unrelated stories alike) and among the real stories of ../shared/real when present
   (unrelated: the most similar pair).
3. **corpus**: a full `analysis.corpus.run` of `--corpus` stories on two workers, with and
   without the copies (`copies=False`), the topics off in both; wall clock of each, the
   other's of the same run, and the overhead.
4. **topics**: the topic model (`analysis.corpus.topics.fit`) on the doc_terms of `--topics`
   planted stories (counted as the corpus counts them): seconds per 1,000 articles, topics
   chosen, coherence, and purity on the planted themes, beside the other candidates
   (`analysis.corpus.topics.CANDIDATES`).

Writes benchmarks/results/copies.json and prints Markdown tables.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2027


def bodies(stories) -> dict[str, str]:
    """Each story's body, as the corpus path reads it: the text after the dateline."""
    return {s.doc_id: s.text.split(" -- ", 1)[1] for s in stories}


def originals_for(total: int) -> int:
    # relays of 30% of the originals (1.45 each on average) and rewrites of 10%, on top
    return round(total / (1 + 0.3 * 1.45 + 0.1))


def pairs_of(groups: dict[str, str]) -> set[tuple[str, str]]:
    """Every pair of doc_ids sharing a group (doc_id -> group)."""
    members = defaultdict(list)
    for doc, g in groups.items():
        members[g].append(doc)
    return {tuple(sorted(p)) for m in members.values() for p in itertools.combinations(m, 2)}


def score(stories, story_id: dict[str, str]) -> dict:
    """Precision and recall over pairs; recall by relay edits; rewrites taken for copies."""
    truth = pairs_of({s.doc_id: s.story_of for s in stories})
    found = pairs_of(story_id)
    right = truth & found
    by_edit = defaultdict(lambda: [0, 0])
    for s in stories:
        if s.kind == "relay":
            key = " + ".join(s.edits)
            by_edit[key][0] += story_id[s.doc_id] == story_id[s.story_of]
            by_edit[key][1] += 1
    originals = {id(s.slots): s.doc_id for s in stories if s.kind == "original"}
    rewrites = [s for s in stories if s.kind == "rewrite"]  # (each shares its original's slots)
    misses = sum(story_id[s.doc_id] == story_id[originals[id(s.slots)]] for s in rewrites)
    return {
        "stories": len(stories), "relays": sum(s.kind == "relay" for s in stories),
        "rewrites": len(rewrites), "true_pairs": len(truth), "found_pairs": len(found),
        "precision": round(len(right) / max(len(found), 1), 4),
        "recall": round(len(right) / max(len(truth), 1), 4),
        "recall_by_edit": {k: round(a / b, 4) for k, (a, b) in sorted(by_edit.items())},
        "rewrites_taken_for_copies": misses,
    }  # fmt: skip


def find_ids(stories, *, k: int = 5, threshold: float | None = None) -> tuple[dict, dict]:
    """story_id of every story by the copy finder; the seconds of each part."""
    import pandas as pd

    from analysis.corpus import copies

    texts = bodies(stories)
    start = time.perf_counter()
    sigs = copies.signatures(texts, k=k)
    signed = time.perf_counter()
    published = {s.doc_id: s.published.isoformat() for s in stories}
    sigs = sigs.assign(published=sigs["doc_id"].map(published))
    found = copies.find(sigs, threshold=threshold or copies.THRESHOLD)
    done = time.perf_counter()
    docs = pd.DataFrame({"doc_id": list(texts)})
    ids = dict(zip(docs["doc_id"], copies.story_ids(docs, found)))
    return ids, {"signatures_s": round(signed - start, 2), "find_s": round(done - signed, 2)}


def step_finder(n: int) -> dict:
    from analysis.corpus import planted

    start = time.perf_counter()
    stories = planted.stories(originals_for(n), seed=SEED)
    made = time.perf_counter() - start
    ids, seconds = find_ids(stories)
    total = seconds["signatures_s"] + seconds["find_s"]
    return score(stories, ids) | seconds | {
        "generated_s": round(made, 1), "stories_per_s": round(len(stories) / total),
        "signatures_per_s": round(len(stories) / seconds["signatures_s"]),
        "find_per_s": round(len(stories) / seconds["find_s"]),
    }  # fmt: skip


def step_sweep(n: int) -> dict:
    from analysis.corpus import copies, generate, planted

    stories = planted.stories(originals_for(n), seed=SEED + 1)
    rows = []
    for k in (3, 5, 7):
        for t in (0.2, 0.3, 0.4, 0.5):
            ids, _ = find_ids(stories, k=k, threshold=t)
            s = score(stories, ids)
            rows.append({"k": k, "threshold": t, "precision": s["precision"], "recall": s["recall"],
                         "rewrites_taken_for_copies": s["rewrites_taken_for_copies"],
                         "worst_edit_recall": min(s["recall_by_edit"].values())})  # fmt: skip
    # a worst case: stories of one template with other slots (analysis.corpus.generate)
    templated = generate.stories(2000, seed=SEED)
    texts = {s.doc_id: s.text.split(" -- ", 1)[1] for s in templated}
    sigs = copies.signatures(texts).assign(published=[s.published.isoformat() for s in templated])
    same = {t: len(copies.find(sigs, threshold=t)) for t in (0.2, 0.3, 0.4, 0.5)}
    # real, unrelated stories: the most similar pair (shingles compared exactly)
    real = Path(__file__).resolve().parents[1] / ".." / "shared" / "real"
    most = None
    if real.is_dir():
        sets = [copies.shingles(p.read_text(encoding="utf-8")) for p in sorted(real.glob("*.txt"))]
        most = max(len(a & b) / len(a | b) for a, b in itertools.combinations(sets, 2))
    return {"rows": rows, "generate_copies_of_2000": same, "real_most_similar_pair": most,
            "stories": len(stories)}  # fmt: skip


def step_corpus(n: int) -> dict:
    from analysis.corpus import planted
    from analysis.corpus.dask_run import local_client, run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "stories"
        stories = planted.write_stories(folder, originals_for(n), seed=SEED)
        warm = Path(tmp) / "warm"
        planted.write_stories(warm, 12, seed=SEED + 5)
        seconds = {}
        with local_client(2, dashboard=":0") as client:
            run(warm, Path(tmp) / "warm_out", client, progress=False, echo=lambda line: None)
            for name, copies in (("without", False), ("with", True), ("without again", False)):
                out = Path(tmp) / name.replace(" ", "_")
                start = time.perf_counter()
                result = run(folder, out, client, copies=copies, topics=False, progress=False,
                             echo=lambda line: None)  # fmt: skip
                seconds[name] = round(time.perf_counter() - start, 1)
                if copies:
                    found = {"n_articles": result["n_articles"], "n_stories": result["n_stories"]}
    base = (seconds["without"] + seconds["without again"]) / 2
    return {"stories": len(stories), "seconds": seconds, **found,
            "overhead": round(seconds["with"] / base - 1, 4), "load": os.getloadavg()}  # fmt: skip


def step_topics(n: int) -> dict:
    from analysis.corpus import aggregate, planted, topics

    stories = planted.stories(n, seed=SEED, relays=0, rewrites=0)
    counts = aggregate.doc_terms(bodies(stories))
    theme = {s.doc_id: s.theme for s in stories}
    ids = [s.doc_id for s in stories]
    start = time.perf_counter()
    k = topics.choose_k(counts, topics.vocabulary(counts), ids)
    choose = time.perf_counter() - start
    out = {}
    for name in topics.CANDIDATES:
        start = time.perf_counter()
        terms, doc_topics = topics.fit(counts, set(), method=name, k=k)
        seconds = time.perf_counter() - start
        out[name] = topics.quality(terms, doc_topics, counts, theme) | {
            "fit_s": round(seconds, 2),
            "fit_s_per_1000": round(1000 * seconds / len(stories), 3),
        }
    return {"stories": len(stories), "k_chosen": k, "choose_k_s": round(choose, 2),
            "nmf_with_choice_s_per_1000": round(1000 * (choose + out["nmf"]["fit_s"]) / len(stories), 3),
            "candidates": out}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=100_000)
    ap.add_argument("--sweep", type=int, default=20_000)
    ap.add_argument("--corpus", type=int, default=5_000)
    ap.add_argument("--topics", type=int, default=10_000)
    ap.add_argument("--skip", default="")
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    results_file = HERE / "results" / "copies.json"
    results = json.loads(results_file.read_text()) if results_file.is_file() else {}
    steps = {"finder": (step_finder, args.stories), "sweep": (step_sweep, args.sweep),
             "topics": (step_topics, args.topics), "corpus": (step_corpus, args.corpus)}  # fmt: skip
    for name, (step, n) in steps.items():
        if name in skip:
            continue
        print(f"{name} on {n:,} stories, load {os.getloadavg()[0]:.1f} ...", file=sys.stderr)
        results[name] = step(n) | {"load_after": round(os.getloadavg()[0], 2)}
        print(json.dumps(results[name], indent=1), flush=True)
        results_file.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
