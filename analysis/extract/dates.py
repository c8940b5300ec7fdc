"""Dates: absolute, ranges, years and relative expressions, resolved to ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from .. import schemas
from ..article import Article
from ..constants import MONTHS, WEEKDAYS
from .document import Doc, Scan, _head, in_sentences

if TYPE_CHECKING:
    pass

# ---- dates ----------------------------------------------------------------------------------

_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PREP = ""  # a preposition before a date is added to its words afterwards (see find_dates)
_PREP_BEFORE = re.compile(
    r"\b(?:on|in|by|until|till|since|from|of|for|before|after|during|through)\s+$"
)
DATE_PATTERNS = [
    ("day_range", rf"\b{_PREP}(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_M})(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
    ("day_range", rf"\b{_PREP}(?P<m>{_M})\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
    ("day", rf"\b{_PREP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
    ("day", rf"\b{_PREP}(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?"),
    ("month", rf"\b{_PREP}(?P<m>{_M})\s+(?P<y>(?:19|20)\d{{2}})\b"),
    ("month", rf"\b(?:in|since|until|by|from|early|late|mid-)\s+(?P<m>{_M})\b"),
    ("relative", r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|next|last|coming|past|the current)\s+(?P<unit>year|month|week)\b"),
    ("relative_day", r"\b(?P<rel>today|yesterday|tomorrow)\b"),
    ("weekday", r"\b(?:(?P<rel>on|last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("year", rf"(?<![\d$€.,-]){_PREP}(?P<y>(?:19|20)\d{{2}})(?![\d%]|\s*(?:percent|per cent|%))(?:\s*year)?\b"),
]  # fmt: skip
_MONTH_WORD = _head(*sorted(MONTHS, key=len, reverse=True))
_DAY_WORD = _head(r"\d{1,2}(?:st|nd|rd|th)?")
# where each date pattern can start: (head, kind of run) in the order of DATE_PATTERNS
_DATE_HEADS = [
    (_DAY_WORD, "word"), (_MONTH_WORD, "word"), (_DAY_WORD, "word"), (_MONTH_WORD, "word"),
    (_MONTH_WORD, "word"), (_head("in", "since", "until", "by", "from", "early", "late", "mid"), "word"),
    (_head("earlier", "later", "this", "next", "last", "coming", "past", "the"), "word"),
    (_head("today", "yesterday", "tomorrow"), "word"),
    (_head("on", "last", "next", "this", *WEEKDAYS), "word"),
    (_head(r"(?:19|20)\d\d"), "digit"),  # a year may follow a letter: it starts a run of digits
]  # fmt: skip
_DATE_SCANS = [
    (kind, Scan(re.compile(p), head, runs))
    for (kind, p), (head, runs) in zip(DATE_PATTERNS, _DATE_HEADS, strict=True)
]
FUTURE_CUE = re.compile(
    r"\b(will|shall|likely to|due to|plan|plans|planned|scheduled|expected|next|is to|are to|intends?)\b",
    re.I,
)
PAST_CUE = re.compile(r"\b(was|were|had|has|have|did|ago|last)\b|\b\w+ed\b", re.I)


_YEAR_IN_SENTENCE = re.compile(r"(?<![\d$€.,])(?:19|20)\d{2}(?![\d%])")


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None
    precision: str


def infer_year(doc: Doc) -> tuple[int | None, str]:
    """The year of the story when no date says it: from the years it speaks of as future."""
    future, past = [], []
    speaks_of_future: dict[int, bool] = {}
    for i, m in in_sentences(doc, scans()["year in a sentence"]):
        if i not in speaks_of_future:
            _, s, e = doc.sentences[i]
            speaks_of_future[i] = FUTURE_CUE.search(doc.text[s:e]) is not None
        (future if speaks_of_future[i] else past).append(int(m.group()))
    if future:
        return min(future) - 1, f"inferred: the text speaks of {min(future)} as the future"
    if past:
        return max(past), f"inferred: the latest year the text speaks of as past, {max(past)}"
    return None, "unknown"


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression in the body, resolved to ISO 8601 as precisely as it allows."""
    if doc._dates is None:  # the expressions do not depend on the reference date: found once
        doc._dates = _date_expressions(doc)
    year = doc.ref_date.year if doc.ref_date else None
    out = []
    for start, end, kind, m in doc._dates:
        iso, precision = _resolve(kind, m, doc.ref_date, year, doc)
        if kind == "weekday" and iso is None and not m.group("rel"):
            continue  # a bare weekday with nothing to resolve it against
        out.append(DateMention(start, end, doc.text[start:end], iso, precision))
    return out


def _date_expressions(doc: Doc) -> list[tuple[int, int, str, re.Match]]:
    """The date expressions of the body, longest first where two overlap, in text order."""
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, scan in _DATE_SCANS:
        for m in doc.scan(scan, doc.body_start):
            found.append((m.start(), m.end(), kind, m))
    extended = []
    for start, end, kind, m in found:
        p = _PREP_BEFORE.search(doc.text, max(0, start - 8), start)
        extended.append((p.start() if p and kind not in ("relative",) else start, end, kind, m))
    found = extended
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen, last_end = [], -1
    for start, end, kind, m in found:
        if start >= last_end:
            chosen.append((start, end, kind, m))
            last_end = end
    return chosen


def _resolve(kind: str, m: re.Match, ref: dt.date | None, year: int | None, doc: Doc):
    g = m.groupdict()

    def month(name):
        return MONTHS[name.rstrip(".")]

    y = int(g["y"]) if g.get("y") else year
    ystr = f"{y:04d}" if y else "-"
    if kind == "day_range":
        mo = month(g["m"])
        return f"{ystr}-{mo:02d}-{int(g['d1']):02d}/{ystr}-{mo:02d}-{int(g['d2']):02d}", "day"
    if kind == "day":
        return f"{ystr}-{month(g['m']):02d}-{int(g['d']):02d}", "day"
    if kind == "month":
        return (f"{y:04d}-{month(g['m']):02d}" if y else f"--{month(g['m']):02d}"), "month"
    if kind == "year":
        return g["y"], "year"
    if kind == "relative":
        shift = {"this": 0, "the current": 0, "next": 1, "coming": 1, "last": -1, "past": -1}[
            g["rel"]
        ]
        if g["unit"] == "year":
            return (str(year + shift) if year else None), "year"
        if ref is None or doc.ref_precision == "year":
            return None, g["unit"]
        if g["unit"] == "month":
            mo = ref.month - 1 + shift
            return f"{ref.year + mo // 12:04d}-{mo % 12 + 1:02d}", "month"
        d = ref + dt.timedelta(weeks=shift)
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}", "week"
    if kind == "relative_day":
        if ref is None or doc.ref_precision == "year":
            return None, "day"
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel"]]
        return (ref + dt.timedelta(days=shift)).isoformat(), "day"
    if kind == "weekday":
        if ref is None or doc.ref_precision == "year":
            return None, "day"
        target = WEEKDAYS.index(g["wd"])
        sentence = doc.text[slice(*doc.sentence_span(doc.sentence_of(m.start())))]
        if (g["rel"] == "next") or (g["rel"] != "last" and FUTURE_CUE.search(sentence)):
            delta = (target - ref.weekday()) % 7 or 7
        else:
            delta = -((ref.weekday() - target) % 7)
        return (ref + dt.timedelta(days=delta)).isoformat(), "day"
    return None, "unknown"


@cache
def scans() -> dict[str, Scan]:
    """The date patterns, with their heads (see `analysis.extract.scans`)."""
    found = {f"date: {kind} {i}": scan for i, (kind, scan) in enumerate(_DATE_SCANS)}
    found["year in a sentence"] = Scan(_YEAR_IN_SENTENCE, _head(r"(?:19|20)\d\d"), "digit")
    return found


def dates_with_inferred_year(doc: Doc, article: Article) -> list[DateMention]:
    """Every date of the article; with no publication date, the year is inferred first."""
    if doc.ref_date is None:
        year, _ = infer_year(doc)
        if year and article.dateline and article.dateline.date_text:
            try:
                m = re.match(rf"(?P<m>{_M})\s+(?P<d>\d{{1,2}})", article.dateline.date_text)
                doc.ref_date = dt.date(year, MONTHS[m.group("m").rstrip(".")], int(m.group("d")))
            except (AttributeError, ValueError):
                pass
        if doc.ref_date is None and year:
            found = find_dates(doc)
            day = next(
                (d for d in found if d.precision == "day" and d.date and d.date.startswith("-")),
                None,
            )
            if day:
                try:
                    doc.ref_date = dt.date.fromisoformat(f"{year}{day.date[1:].split('/')[0]}")
                except ValueError:
                    doc.ref_date = None
            if doc.ref_date is None:
                doc.ref_date = dt.date(year, 1, 1)
                doc.ref_precision = "year"
    return find_dates(doc)


def dates_frame(doc: Doc, found: list[DateMention]) -> pd.DataFrame:
    """The `dates` table of the dates found (see `schemas`)."""
    rows = [
        {"text": d.text, "start": d.start, "end": d.end, "date": d.date,
         "precision": d.precision, "sentence_id": doc.sentence_of(d.start)}
        for d in found
    ]  # fmt: skip
    return schemas.from_records(rows, "dates", "extracted")
