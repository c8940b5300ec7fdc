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
from ...reading.gazetteer import time_zone
from . import periods
from .date_rules import COMPILED
from .date_values import SKIP, clock_time, resolve
from .document import Doc, Scan, _head, in_sentences

if TYPE_CHECKING:
    pass

# ---- dates ----------------------------------------------------------------------------------

_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"  # (any case: see below)
# a preposition before a date is added to its words afterwards (see _date_expressions)
_PREP_BEFORE = re.compile(
    r"\b(?:on|in|by|until|till|since|from|of|for|before|after|during|through)\s+$", re.I
)
_NO_PREP = ("relative",)  # "this year" stays as written
_DATE_SCANS = [(kind, Scan(rx, head, runs)) for kind, rx, head, runs in COMPILED]
# kinds that name a period of their own, which later words may point back at
_NAMES_A_PERIOD = {"month", "month_range", "month_rel", "month_quarter", "year", "year_range",
                   "part", "hq", "first_n", "relative"}  # fmt: skip


_YEAR_IN_SENTENCE = re.compile(r"(?<![\d$€.,])(?:19|20)\d{2}(?![\d%]|s\b)")
# a year in a name: "the 2030 Asian Games", "Expo 2020", "Vision 2030"
_NAME_AFTER = re.compile(r"\s+(?!(?:" + "|".join(MONTHS) + r")\b)[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"\b(?!(?:" + "|".join(MONTHS) + r")\b)[A-Z][\w-]*\s+$")
# a year a figure is compared with: "up from 40 tonnes in 2019", "the same week of 2019",
# "compared with 2024": the story is of a later year, most often the next
_COMPARED = re.compile(
    r"(?:\b(?:from|than|compared\s+(?:with|to)|against|versus)\b[^.;:]{0,50}?"
    r"|\bsame\s+(?:\w+\s+){1,2}(?:of|in|last)\s+)(?:in\s+)?$",
    re.I,
)
# what a date's year is known from (the `year_from` column of the dates table)
IN_TEXT, PUBLISHED, INFERRED = schemas.YEAR_FROM
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d|\b\d0s\b|\b[1-4][HQ]\d\d")
_POINTS_BACK = {"anaphor", "same_period", "prev_year"}
_SINCE = re.compile(r"[Ss]ince\b")
_EDGES = {"edge", "edge_year", "mid_month"}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None
    precision: str
    year_from: str | None = None  # IN_TEXT, PUBLISHED, INFERRED, or None: no year


def infer_year(doc: Doc) -> tuple[int | None, str]:
    """The year of the story when no date says it: a year after the one a figure is compared
    with ("up from 40 tonnes in 2019"), else a year before the first one it speaks of as
    the future. A year spoken of as past fixes nothing (the story is no earlier, that is all);
    years in names ("the 2030 Asian Games") say nothing of when the story is."""
    future, past, compared = [], [], []
    speaks_of_future: dict[int, bool] = {}
    for i, m in in_sentences(doc, scans()["year in a sentence"]):
        _, s, e = doc.sentences[i]
        if _NAME_AFTER.match(doc.text, m.end()) or _NAME_BEFORE.search(doc.text, s, m.start()):
            continue
        if _COMPARED.search(doc.text, s, m.start()):
            compared.append(int(m.group()))
            continue
        if i not in speaks_of_future:
            speaks_of_future[i] = FUTURE_RE.search(doc.text[s:e]) is not None
        (future if speaks_of_future[i] else past).append(int(m.group()))
    if compared:
        return max(compared) + 1, f"inferred: the text compares with {max(compared)}"
    if future:
        return min(future) - 1, f"inferred: the text speaks of {min(future)} as the future"
    # a year the text speaks of as past says only that the story is no earlier ("they last
    # won in 2018" may be told in any later year): it fixes nothing
    return None, "unknown"


def find_dates(
    doc: Doc, expressions: list | None = None, parsed: object = None, partial: bool = False
) -> list[DateMention]:
    """Every date expression in the body, resolved to ISO 8601 as precisely as it allows
    (`expressions`: the body's date expressions, when they are found already; `parsed`: the
    body's parse, which tells the tense of a date's clause; `partial`: a day or month of no
    known year is kept as "--10-22", "--06", for the year inference to read)."""
    if expressions is None:  # they do not depend on the reference date
        expressions = _date_expressions(doc)
    ctx = _context(doc, parsed)
    out: list[DateMention] = []
    times = []
    last_from = None  # how the year of the last period named is known
    for start, end, kind, m in expressions:
        found = resolve(kind, m, ctx, doc)
        if found is SKIP:
            continue
        iso, precision, span = found
        if iso and iso.startswith("-") and not partial:
            iso = None  # a day or month of no known year: left open
        text = doc.text[start:end]
        if (
            span
            and iso
            and _SINCE.match(text)
            and ctx.ref
            and ctx.ref_is_day
            and span.first < ctx.ref
        ):
            # "since 2019", "since December", "since the start of the year": a period that runs
            # from then, as precisely as the words give it, to the story's day
            first = span.first.isoformat() if kind in _EDGES else iso.split("/")[0]
            iso, precision = f"{first}/{ctx.ref.isoformat()}", "day"
        year_from = _year_from(doc, text, iso, last_from if kind in _POINTS_BACK else None)
        if kind in _NAMES_A_PERIOD and periods.keep(span):
            ctx.last, last_from = periods.keep(span), year_from
        out.append(DateMention(start, end, text, iso, precision, year_from))
        if kind == "time":
            times.append((len(out) - 1, m))
    for i, m in times:  # a clock time is on the day its sentence names, else the story's
        out[i] = _on_its_day(doc, out, out[i], m, ctx)
    return out


def _on_its_day(doc: Doc, found: list[DateMention], time: DateMention, m, ctx) -> DateMention:
    """A clock time with its day (the nearest day named in its sentence, else the reference
    day) and its zone's offset."""
    lo, hi = doc.sentence_span(doc.sentence_of(time.start))
    days = [d for d in found if d.precision == "day" and d.date and len(d.date) == 10
            and lo <= d.start < hi]  # fmt: skip
    if days:
        nearest = min(days, key=lambda d: abs(d.start - time.start))
        day, year_from = dt.date.fromisoformat(nearest.date), nearest.year_from
    elif ctx.ref is not None and ctx.ref_is_day:
        day, year_from = ctx.ref, _year_from(doc, "", "t", None)
    else:
        return time
    dateline = doc.article.dateline if doc.article is not None else None
    local = time_zone(dateline.place) if dateline else None
    return DateMention(time.start, time.end, time.text, clock_time(m, day, local), "minute",
                       year_from)  # fmt: skip


def _year_from(doc: Doc, text: str, iso: str | None, pointed_at: str | None) -> str | None:
    """How a date's year is known: written in it, or in the period it points back at; else
    from the publication date, or inferred from the text; None with no year."""
    if not iso:
        return None
    if _YEAR_WRITTEN.search(text):
        return IN_TEXT
    if pointed_at:
        return pointed_at
    return INFERRED if doc.year_inferred or _published_year_inferred(doc) else PUBLISHED


def _published_year_inferred(doc: Doc) -> bool:
    """Whether the metadata says the publication date's own year was inferred (by hand)."""
    meta = getattr(doc.article, "meta", None) or {}
    published = meta.get("published") if isinstance(meta, dict) else None
    return isinstance(published, dict) and published.get("year_inferred") is True


def _context(doc: Doc, parsed: object = None) -> periods.Ctx:
    """What the dates are resolved against: the publication day, or the year alone."""
    ref, precision = doc.ref_date, doc.ref_precision
    year = ref.year if ref else None
    if precision == "year":
        ref = None
    return periods.Ctx(ref, year, ref_is_day=precision in ("day", "dateline"), parsed=parsed,
                       base=doc.body_start)  # fmt: skip


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
                m = re.match(rf"(?P<m>{_M})\s+(?P<d>\d{{1,2}})", article.dateline.date_text, re.I)
                month = periods.month_number(m.group("m"))
                doc.ref_date = dt.date(year, month, int(m.group("d")))
                doc.ref_precision = "dateline"  # the day of the story, its year inferred
            except (AttributeError, ValueError):
                pass
        if doc.ref_date is None and year:
            found = find_dates(doc, expressions, partial=True)
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


def dates_by_tense(doc: Doc) -> list[DateMention]:
    """The dates again, now that the parse tells the tense of each date's clause (against the
    same reference, publication date or inferred year)."""
    if doc.parsed is None:
        return doc.dates
    return find_dates(doc, _date_expressions(doc), doc.parsed)


def dates_frame(doc: Doc, found: list[DateMention]) -> pd.DataFrame:
    """The `dates` table of the dates found (see `schemas`)."""
    rows = [
        {"text": d.text, "start": d.start, "end": d.end, "date": d.date,
         "precision": d.precision, "year_from": d.year_from,
         "sentence_id": doc.sentence_of(d.start)}
        for d in found
    ]  # fmt: skip
    return schemas.from_records(rows, "dates", "extracted")
