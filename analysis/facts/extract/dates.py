"""Dates: absolute, ranges, years and relative expressions, resolved to ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ... import schemas
from ...constants import FUTURE_RE, MONTHS
from ...reading.article import Article
from . import periods
from .date_rules import COMPILED
from .date_values import SKIP, resolve
from .document import Doc, Scan, _head, in_sentences

if TYPE_CHECKING:
    pass

# ---- dates ----------------------------------------------------------------------------------

_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a preposition before a date is added to its words afterwards (see _date_expressions)
_PREP_BEFORE = re.compile(
    r"\b(?:on|in|by|until|till|since|from|of|for|before|after|during|through)\s+$", re.I
)
_NO_PREP = ("relative",)  # "this year" stays as written
_DATE_SCANS = [(kind, Scan(rx, head, runs)) for kind, rx, head, runs in COMPILED]
# kinds that name a period of their own, which later words may point back at
_NAMES_A_PERIOD = {"month", "month_range", "month_rel", "month_quarter", "year", "year_range",
                   "part", "hq", "first_n", "relative"}  # fmt: skip


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
            speaks_of_future[i] = FUTURE_RE.search(doc.text[s:e]) is not None
        (future if speaks_of_future[i] else past).append(int(m.group()))
    if future:
        return min(future) - 1, f"inferred: the text speaks of {min(future)} as the future"
    if past:
        return max(past), f"inferred: the latest year the text speaks of as past, {max(past)}"
    return None, "unknown"


def find_dates(doc: Doc, expressions: list | None = None) -> list[DateMention]:
    """Every date expression in the body, resolved to ISO 8601 as precisely as it allows
    (`expressions`: the body's date expressions, when they are found already)."""
    if expressions is None:  # they do not depend on the reference date
        expressions = _date_expressions(doc)
    ctx = _context(doc)
    out = []
    for start, end, kind, m in expressions:
        found = resolve(kind, m, ctx, doc)
        if found is SKIP:
            continue
        iso, precision, span = found
        if kind == "weekday" and iso is None and not m.group("rel"):
            continue  # a bare weekday with nothing to resolve it against
        if kind in _NAMES_A_PERIOD:
            ctx.last = periods.keep(span) or ctx.last
        out.append(DateMention(start, end, doc.text[start:end], iso, precision))
    return out


def _context(doc: Doc) -> periods.Ctx:
    """What the dates are resolved against: the publication day, or the year alone."""
    ref, precision = doc.ref_date, doc.ref_precision
    year = ref.year if ref else None
    if precision == "year":
        ref = None
    return periods.Ctx(ref, year, ref_is_day=precision in ("day", "dateline"))


def _date_expressions(doc: Doc) -> list[tuple[int, int, str, re.Match]]:
    """The date expressions of the body, longest first where two overlap, in text order."""
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, scan in _DATE_SCANS:
        for m in doc.scan(scan, doc.body_start):
            found.append((m.start(), m.end(), kind, m))
    extended = []
    for start, end, kind, m in found:
        p = _PREP_BEFORE.search(doc.text, max(0, start - 8), start)
        extended.append((p.start() if p and kind not in _NO_PREP else start, end, kind, m))
    found = extended
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen, last_end = [], -1
    for start, end, kind, m in found:
        if start >= last_end:
            chosen.append((start, end, kind, m))
            last_end = end
    return chosen


@cache
def scans() -> dict[str, Scan]:
    """The date patterns, with their heads (see `analysis.facts.extract.scans`)."""
    found = {f"date: {kind} {i}": scan for i, (kind, scan) in enumerate(_DATE_SCANS)}
    found["year in a sentence"] = Scan(_YEAR_IN_SENTENCE, _head(r"(?:19|20)\d\d"), "digit")
    return found


def dates_with_inferred_year(doc: Doc, article: Article) -> list[DateMention]:
    """Every date of the article; with no publication date, the year is inferred first."""
    expressions = _date_expressions(doc)
    if doc.ref_date is None:
        year, how = infer_year(doc)
        if year:
            doc.year_inferred = (year, how)
        if year and article.dateline and article.dateline.date_text:
            try:
                m = re.match(rf"(?P<m>{_M})\s+(?P<d>\d{{1,2}})", article.dateline.date_text)
                doc.ref_date = dt.date(year, MONTHS[m.group("m").rstrip(".")], int(m.group("d")))
                doc.ref_precision = "dateline"  # the day of the story, its year inferred
            except (AttributeError, ValueError):
                pass
        if doc.ref_date is None and year:
            found = find_dates(doc, expressions)
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
    return find_dates(doc, expressions)


def dates_frame(doc: Doc, found: list[DateMention]) -> pd.DataFrame:
    """The `dates` table of the dates found (see `schemas`)."""
    rows = [
        {"text": d.text, "start": d.start, "end": d.end, "date": d.date,
         "precision": d.precision, "sentence_id": doc.sentence_of(d.start)}
        for d in found
    ]  # fmt: skip
    return schemas.from_records(rows, "dates", "extracted")
