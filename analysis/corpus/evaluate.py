"""How close the automatic facts come to the curated ones: precision, recall and F1 per table.

The extractor reads the article as it would any new one: its text, its dateline and its metadata
file when there is one (the publication date, against which "next year" or "on Thursday" are
resolved, comes with any wire feed); it never reads the facts file. Without a metadata file the
publication year is inferred from the text.
Each curated fact is matched to at most one extracted fact, and each extracted fact to at most
one curated fact, under the rule of its table (`RULES`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..constants import CURRENCY_WORDS, SCALES
from ..reading.article import Article

RULES = {
    "entities": "same type, and a mention by name of one overlapping a mention by name of the other "
    "(names may differ in length: 'Aerospace Committee', 'Aerospace Committee of the ...')",
    "dates": "same ISO 8601 date, and the date words overlapping (curated: each event's date_text "
    "with an ISO date, found in its sentence)",
    "quantities": "same number and same unit; money in its currency, with million/billion multiplied "
    "out ('65 million US dollars' = 65000000 USD)",
    "quotes": "same speaker, and the quoted words overlapping by at least half of the shorter",
    "events": "same sentence and same status; where both give a date, the same date",
    "sources": "same name and same role",
}


TARGETS = {"entities": 0.9, "dates": 0.9, "quantities": 0.9, "quotes": 0.75, "events": 0.7}
"""The F1 the extraction should reach on the seed article, table by table."""


def _norm_quantity(quantity: float, unit: str) -> tuple[float, str]:
    """(65, 'million US dollars') -> (65000000.0, 'USD'); other units lower-cased."""
    words = str(unit).split()
    if words and words[0].lower() in SCALES:
        quantity, words = quantity * SCALES[words[0].lower()], words[1:]
    rest = " ".join(words)
    currencies = CURRENCY_WORDS
    return float(quantity), currencies.get(rest, currencies.get(rest.lower(), rest.lower()))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(curated: list, extracted: list, same) -> int:
    used = set()
    hits = 0
    for c in curated:
        for i, e in enumerate(extracted):
            if i not in used and same(c, e):
                used.add(i)
                hits += 1
                break
    return hits


def _spans(text: str, phrase, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    if not isinstance(phrase, str) or not phrase:
        return None
    at = text.lower().find(phrase.lower(), lo, len(text) if hi is None else hi)
    return (at, at + len(phrase)) if at >= 0 else None


def _entities(facts: dict) -> list[tuple[str, str, list[tuple[int, int]]]]:
    m = facts["mentions"]
    direct = m.loc[~m["is_indirect"]]
    spans = direct.groupby("entity")[["start", "end"]].apply(
        lambda d: list(zip(d["start"], d["end"]))
    )
    return [
        (r.entity, str(r.type), spans.get(r.entity, [])) for r in facts["entities"].itertuples()
    ]


def _dates(facts: dict, text: str, sentences: pd.DataFrame) -> list[tuple[str, tuple[int, int]]]:
    bounds = sentences.set_index("sentence_id")[["start", "end"]]
    out = []
    for e in facts["events"].itertuples():
        if pd.isna(e.date) or pd.isna(e.date_text) or pd.isna(e.sentence_id):
            continue
        lo, hi = bounds.loc[int(e.sentence_id)]
        at = _spans(text, e.date_text, int(lo), int(hi))
        if at and (e.date, at) not in out:
            out.append((e.date, at))
    return out


def _quotes(facts: dict, text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(q.speaker, at) for q in facts["quotes"].itertuples() if (at := _spans(text, q.text))]


def compare(curated: dict, extracted: dict, extracted_dates: pd.DataFrame, article: Article,
            sentences: pd.DataFrame) -> pd.DataFrame:  # fmt: skip
    """table, n_curated, n_extracted, matched, precision, recall, f1, rule: one row per table."""
    text = article.text
    pairs = {
        "entities": (
            _entities(curated), _entities(extracted),
            lambda c, e: c[1] == e[1] and any(_overlap(a, b) for a in c[2] for b in e[2]),
        ),
        "dates": (
            _dates(curated, text, sentences),
            # curated dates are events' dates, in sentences: the dateline's date is left out
            [(r.date, (int(r.start), int(r.end))) for r in extracted_dates.itertuples()
             if pd.notna(r.date) and pd.notna(r.sentence_id)],
            lambda c, e: c[0] == e[0] and _overlap(c[1], e[1]) > 0,
        ),
        "quantities": (
            [_norm_quantity(q.quantity, q.unit) for q in curated["quantities"].itertuples()],
            [_norm_quantity(q.quantity, q.unit) for q in extracted["quantities"].itertuples()],
            lambda c, e: c == e,
        ),
        "quotes": (
            _quotes(curated, text), _quotes(extracted, text),
            lambda c, e: c[0] == e[0] and _overlap(c[1], e[1]) >= 0.5 * min(c[1][1] - c[1][0], e[1][1] - e[1][0]),
        ),
        "events": (
            [(e.sentence_id, e.status, e.date) for e in curated["events"].itertuples()],
            [(e.sentence_id, e.status, e.date) for e in extracted["events"].itertuples()],
            lambda c, e: c[0] == e[0] and c[1] == e[1] and (pd.isna(c[2]) or pd.isna(e[2]) or c[2] == e[2]),
        ),
        "sources": (
            [(s.name, s.role) for s in curated["sources"].itertuples()],
            [(s.name, s.role) for s in extracted["sources"].itertuples()],
            lambda c, e: c == e,
        ),
    }  # fmt: skip
    rows = []
    for table, (cur, ext, same) in pairs.items():
        hits = _match(cur, ext, same)
        p = hits / len(ext) if ext else (1.0 if not cur else 0.0)
        r = hits / len(cur) if cur else (1.0 if not ext else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append({"table": table, "n_curated": len(cur), "n_extracted": len(ext), "matched": hits,
                     "precision": p, "recall": r, "f1": f1, "rule": RULES[table]})  # fmt: skip
    return pd.DataFrame(rows).astype(
        {"table": "string", "n_curated": "Int64", "n_extracted": "Int64", "matched": "Int64",
         "precision": "float64", "recall": "float64", "f1": "float64", "rule": "string"}
    )  # fmt: skip


def evaluate(article: str | Path | Article | None = None) -> pd.DataFrame:
    """Extracted against curated facts for an article that has a facts file (default: the seed)."""
    from ..facts import curated as curated_facts
    from ..facts.extract import extract_facts, find_dates_table
    from ..tables.bundle import load

    tables = load(article)
    art = tables.article
    if not curated_facts.has_curated(art):
        raise FileNotFoundError(
            f"{art.path}: no curated facts beside it ({curated_facts.facts_path(art).name})"
        )
    sentences = tables["sentences"]
    extracted = extract_facts(art, sentences)
    dates = find_dates_table(art, sentences)
    return compare(curated_facts.load_facts(art, sentences), extracted, dates, art, sentences)


def evaluate_all(articles: list[str | Path] | None = None) -> pd.DataFrame:
    """`evaluate` for each article with curated facts: doc_id first, then its rows."""
    if articles is None:
        from .folder import default_corpus

        articles = default_corpus()
    frames = [evaluate(a).assign(doc_id=Path(a).stem) for a in articles]
    out = pd.concat(frames, ignore_index=True)
    return out[["doc_id", *[c for c in out.columns if c != "doc_id"]]].astype({"doc_id": "string"})


# ---- real wire stories, scored by their own rules ---------------------------------------------

# the scorer's fact kinds beside the tables the curated comparison scores
REAL_KINDS = {"entities typed": "entities", "dates iso": "dates", "quantities": "quantities",
              "quotes+speaker": "quotes", "events+status": "events",
              "sources": "sources"}  # fmt: skip


def facts_json(tables) -> dict:
    """An article's facts in the JSON shape of the real stories' scorer (`score.py`)."""
    mentions = tables["mentions"]
    direct = mentions[~mentions["is_indirect"].astype(bool)]
    forms = direct.groupby("entity")["text"].agg(lambda s: sorted(set(s))).to_dict()
    # a place named only as an adjective is left out, as the gold lists it (adjectival_only)
    adjectival = set(tables["entities"].attrs.get("adjectival_only", ()))
    entities = [{"name": r.entity, "type": r.type, "mentions": forms.get(r.entity, [])}
                for r in tables["entities"].itertuples() if r.entity not in adjectival]  # fmt: skip
    # a date written the same way twice is one date, as the gold lists it (with occurrences)
    written = dict.fromkeys((r.text, r.date if pd.notna(r.date) else None)
                            for r in tables["dates"].itertuples())  # fmt: skip
    dates = [{"text": text, "iso": iso} for text, iso in written]
    # a figure written the same way twice is one fact, as the gold lists it (with occurrences)
    figures = dict.fromkeys((r.evidence, float(r.quantity), r.unit)
                            for r in tables["quantities"].itertuples())  # fmt: skip
    quantities = [{"text": text, "value": value, "unit": unit} for text, value, unit in figures]
    quotes = [{"speaker": r.speaker, "text": r.text, "kind": r.kind}
              for r in tables["quotes"].itertuples()]  # fmt: skip
    # a source credited twice is one source, as the gold counts it
    named = dict.fromkeys((r.name, r.role) for r in tables["sources"].itertuples())
    sources = [{"name": n, "role": role} for n, role in named]
    roles = [{"person": r.person, "role": r.role} for r in tables["roles"].itertuples()]
    events = [{"actor": _or_none(r.actor), "action": r.action, "object": _or_none(r.object),
               "date_text": _or_none(r.date_text), "iso": _or_none(r.date),
               "status": r.status, "evidence": r.evidence}
              for r in tables["events"].itertuples()]  # fmt: skip
    return {"entities": entities, "dates": dates, "quantities": quantities, "quotes": quotes,
            "sources": sources, "roles": roles, "events": events}  # fmt: skip


def _or_none(value):
    return None if pd.isna(value) else str(value)


def score_roles(facts: dict, folder: str | Path | None = None) -> dict:
    """Roles against the gold (the stories' scorer leaves them out): a found role matches a
    gold one when the person's surname is in its name and they share a word of the title.
    Returns tp, gold, found, precision, recall, f1."""
    import json

    tp = n_gold = n_found = 0
    for path in stories(folder):
        gold = (
            json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8")).get("roles")
            or []
        )
        found = list(facts.get(path.stem, {}).get("roles") or [])
        n_gold, n_found = n_gold + len(gold), n_found + len(found)
        for g in gold:
            surname = (g.get("person") or "").split()[-1:] or [""]
            words = set((g.get("role") or "").lower().split())
            hit = next((f for f in found if surname[0] and surname[0] in f["person"]
                        and words & set(f["role"].lower().split())), None)  # fmt: skip
            if hit is not None:
                found.remove(hit)
                tp += 1
    p = tp / n_found if n_found else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"tp": tp, "gold": n_gold, "found": n_found, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}  # fmt: skip


def stories(folder: str | Path | None = None) -> list[Path]:
    """The stories of a folder that have gold facts beside them (`x.txt` with `x.gold.json`)."""
    folder = Path(folder or paths.REAL_STORIES)
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".gold.json").is_file())


def scorer(folder: str | Path | None = None):
    """The scoring rules (`score.py`) pointed at a folder of stories: the folder's own, or the
    real stories' for a folder that has none (the project's own stories, `data/eval/wire`)."""
    import importlib.util

    folder = Path(folder or paths.REAL_STORIES).resolve()
    rules = folder / "score.py"
    if not rules.is_file():
        rules = paths.REAL_STORIES / "score.py"
    if not rules.is_file():
        raise FileNotFoundError(
            f"{rules}: the scoring rules are not there; set ANALYSIS_REAL_STORIES"
        )
    spec = importlib.util.spec_from_file_location("real_stories_score", rules)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.REAL = folder
    return module


def extract_stories(folder: str | Path | None = None) -> dict:
    """Our facts for each story of the folder, read with the gold's publication date."""
    import json

    from ..reading.article import load
    from ..tables.bundle import Tables

    out = {}
    for path in stories(folder):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        out[path.stem] = facts_json(Tables(load(path, published=gold.get("publication_date"))))
    return out


def score_stories(folder: str | Path | None = None, facts: dict | None = None) -> pd.DataFrame:
    """Micro precision, recall and F1 per fact kind over a folder of real stories, by the
    folder's own scorer: kind, tp, gold, found, precision, recall, f1."""
    score = scorer(folder)
    facts = extract_stories(folder) if facts is None else facts
    rows = [{"kind": kind, "tp": tp, "gold": ng, "found": nf, "precision": p, "recall": r, "f1": f}
            for kind, (tp, ng, nf, p, r, f) in score.score(facts).items()]  # fmt: skip
    return pd.DataFrame(rows).astype({"kind": "string", "tp": "Int64", "gold": "Int64",
                                      "found": "Int64", "precision": "float64",
                                      "recall": "float64", "f1": "float64"})  # fmt: skip


def extraction_scores(article=None) -> pd.DataFrame:
    """The extraction's scores in one tidy table: doc_id, table, precision, recall, f1.

    One row per kind of fact for each of the bundle's own articles (against their curated facts;
    `article` is left out when it has none), and, where the folder of real wire stories is
    present, for all of them together (micro scores by their own scorer, `doc_id` "N real wire
    stories", `table` the curated table the kind matches). Built once, for the tables and the
    chart of the facts notebook.

    Scoring twenty articles takes seconds, so the table is kept in data/processed/cache/, under
    a key that changes with anything it depends on: the package's code and data, the articles,
    their curated facts, the stories, their gold and scorer, and the versions of the libraries
    that read them. A stale table is never read back.
    """
    from ..atomic import write_atomic
    from ..facts import curated
    from ..reading.article import load as read
    from .folder import default_corpus

    skip = None
    if article is not None:
        art = article if isinstance(article, Article) else read(article)
        skip = None if curated.has_curated(art) else art.path.resolve()
    docs = [d for d in default_corpus() if d.resolve() != skip]
    real, own = stories(), stories(paths.OWN_STORIES)
    cached = paths.PROCESSED / "cache" / f"extraction_scores-{_key(docs, real + own)}.csv"
    if cached.is_file():
        return pd.read_csv(cached, dtype=_SCORE_DTYPES)
    out = evaluate_all(docs)[["doc_id", "table", "precision", "recall", "f1"]]
    sets = [
        (real, paths.REAL_STORIES, "real wire stories"),
        (own, paths.OWN_STORIES, "own wire stories"),
    ]
    for found, folder, what in sets:
        if not found or not (paths.REAL_STORIES / "score.py").is_file():
            continue  # no stories, or not the scoring rules (they sit with the real stories)
        scored = score_stories(folder).set_index("kind")
        rows = pd.DataFrame({"doc_id": f"{len(found)} {what}", "table": list(REAL_KINDS.values()),
                             **{c: [scored.loc[k, c] for k in REAL_KINDS] for c in ("precision", "recall", "f1")}})  # fmt: skip
        out = pd.concat([out, rows], ignore_index=True)
    out = out.astype(_SCORE_DTYPES)
    cached.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(cached, out.to_csv(index=False).encode("utf-8"))
    return out


_SCORE_DTYPES = {"doc_id": "string", "table": "string", "precision": "float64", "recall": "float64",
                 "f1": "float64"}  # fmt: skip


def _key(docs: list[Path], real: list[Path]) -> str:
    """A hash of everything the scores depend on (see `extraction_scores`): the package's
    fingerprint (code, data, libraries, options) and the files scored."""
    import hashlib

    from .. import fingerprint

    h = hashlib.sha256(fingerprint.fingerprint().encode())
    files = []
    for d in docs:
        files += [d, paths.companion(d, "facts"), paths.companion(d, "meta")]
    for s in real:
        files += [s, s.with_suffix(".gold.json")]
    if real:
        files.append(real[0].parent / "score.py")
    for f in files:
        h.update(str(f).encode() + b"\0" + (f.read_bytes() if f.is_file() else b"-") + b"\0")
    return h.hexdigest()[:16]
