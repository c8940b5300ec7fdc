"""Dates: absolute, ranges, years and relative expressions, resolved to ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ... import schemas
from ...constants import FUTURE_RE, MONTHS, wordlists
from ...reading.article import Article
from ...reading.gazetteer import time_zone
from . import periods
from .date_rules import COMPILED, COUNTED_FROM
from .date_tense import MOVED
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
                   "part", "hq", "first_n", "relative", "anchored", "period_to"}  # fmt: skip
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


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
# "its lowest level since 2019": the year is a point of comparison, not the start of a period
_COMPARED_SINCE = re.compile(
    r"\b(?:"
    + "|".join(w.replace(" ", r"\s+") for w in wordlists()["compared_since"])
    + r")\b[^.;:]{0,50}$",
    re.I,
)
# two dates joined into one range: "from June 1 to November 30", "between March 2019 and
# February 2021", "May 28-June 2", "from Monday to Wednesday"
_JOIN = re.compile(r"\s*(?:[-–—]|\b(?:to|until|till|through|and)\b)\s*", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_RANGED = {"day", "month", "weekday", "numeric", "mid_month", "relative_day", "month_rel",
           "edge"}  # fmt: skip


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None
    precision: str
    year_from: str | None = None  # IN_TEXT, PUBLISHED, INFERRED, or None: no year


_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


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
        since = _SINCE_BEFORE.search(doc.text, max(s, m.start() - 12), m.start()) is not None
        (future if speaks_of_future[i] and not since else past).append(int(m.group()))
    if compared:
        return max(compared) + 1, f"inferred: the text compares with {max(compared)}"
    if future and past and min(future) <= max(past):
        # "took effect in 2022" and "will review contracts signed since 2015": the sentence's
        # future is not the year's; the years say only that the story is no earlier
        future = [y for y in future if y > max(past)]
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
    kinds, partials = [], []
    times = []
    last_from = None  # how the year of the last period named is known
    for start, end, kind, m in expressions:
        text = doc.text[start:end]
        prep = text.split(None, 1)[0].lower()
        found = resolve(kind, m, ctx, doc, prep)
        if found is SKIP:
            continue
        iso, precision, span = found
        partials.append(iso)
        if iso and iso.startswith("-") and not partial:
            iso = None  # a day or month of no known year: left open
        if span is None and iso and _ISO_DAY.fullmatch(iso):
            span = periods.day(dt.date.fromisoformat(iso))  # "since last Monday"
        if (
            span
            and iso
            and _SINCE.match(text)
            and ctx.ref
            and ctx.ref_is_day
            and span.first < ctx.ref
            and not _COMPARED_SINCE.search(
                doc.text, doc.sentence_span(doc.sentence_of(start))[0], start
            )
        ):
            # "since 2019", "since December", "since the start of the year": a period that runs
            # from then, as precisely as the words give it, to the story's day
            first = span.first.isoformat() if kind in _EDGES else iso.split("/")[0]
            iso, precision = f"{first}/{ctx.ref.isoformat()}", "day"
        year_from = _year_from(doc, text, iso, last_from if kind in _POINTS_BACK else None)
        if kind in _NAMES_A_PERIOD and periods.keep(span):
            ctx.last, last_from = periods.keep(span), year_from
        if iso and _ISO_DAY.fullmatch(iso):  # what "the next day", "a year later" count from
            ctx.anchor = periods.day(dt.date.fromisoformat(iso))
        elif span is not None and kind != "time":
            ctx.anchor = span
        out.append(DateMention(start, end, text, iso, precision, year_from))
        kinds.append(kind)
        if kind == "time":
            times.append((len(out) - 1, m))
    for i, m in times:  # a clock time is on the day its sentence names, else the story's
        out[i] = _on_its_day(doc, out, out[i], m, ctx)
    return [_counted_from(doc, d) for d in _ranges(doc, out, kinds, partials, ctx)]


def _counted_from(doc: Doc, d: DateMention) -> DateMention:
    """ "two days after Monday's vote": the day counted from the date named."""
    way = d.text.split(None, 1)[0].lower()
    if way not in ("after", "before"):
        return d
    lo, _ = doc.sentence_span(doc.sentence_of(d.start))
    n = COUNTED_FROM.search(doc.text, max(lo, d.start - 20), d.start)
    count = n and periods.number(n.group("n"))
    if not count:
        return d
    iso = d.date
    if iso and _ISO_DAY.fullmatch(iso):
        days = count * (7 if n.group("u").startswith("week") else 1)
        day = dt.date.fromisoformat(iso) + dt.timedelta(days=days if way == "after" else -days)
        iso = day.isoformat()
    elif iso:
        return d
    return DateMention(n.start(), d.end, doc.text[n.start() : d.end], iso, d.precision,
                       d.year_from)  # fmt: skip


def _ranges(doc: Doc, found: list[DateMention], kinds: list[str], partials: list, ctx) -> list:
    """Two dates joined by "to", "-" or "between ... and" as one range."""
    out, i = [], 0
    while i < len(found):
        joined = _range(doc, found, kinds, partials, i, ctx) if i + 1 < len(found) else None
        out.append(joined or found[i])
        i += 2 if joined else 1
    return out


def _range(doc: Doc, found, kinds, partials, i: int, ctx) -> DateMention | None:
    """The range of the dates `i` and `i + 1`, if words join them into one, else None."""
    a, b = found[i], found[i + 1]
    join = doc.text[a.end : b.start]
    if kinds[i] not in _RANGED or kinds[i + 1] not in _RANGED or not _JOIN.fullmatch(join):
        return None
    lo, _ = doc.sentence_span(doc.sentence_of(a.start))
    between = _BETWEEN.search(doc.text, max(lo, a.start - 10), a.start)
    if "and" in join.lower() and not (between or a.text.lower().startswith("between")):
        return None  # "on Monday and Tuesday": two dates
    if MOVED.search(doc.text, lo, a.start):
        return None  # "moved the vote from June 4 to June 11": two dates, not a stretch
    start = between.start() if between else a.start
    text = doc.text[start : b.end]
    if partials[i] is None or b.date is None:
        return DateMention(start, b.end, text, None, a.precision, None)
    if b.date.startswith("-"):
        return None  # a year still to infer: the ends are read alone
    first, last = partials[i].split("/")[0], b.date.split("/")[-1]
    if kinds[i] in ("day", "month", "mid_month") and a.year_from != IN_TEXT:
        first, last = _ends_of_a_year(first, last, b.year_from == IN_TEXT, ctx)
    if kinds[i] == kinds[i + 1] == "weekday" and first > last:  # "from Tuesday to Thursday"
        last = (dt.date.fromisoformat(last) + dt.timedelta(days=7)).isoformat()
    if first > last:
        return None
    precision = a.precision if a.precision == b.precision else "day"
    year_from = IN_TEXT if IN_TEXT in (a.year_from, b.year_from) else b.year_from
    return DateMention(start, b.end, text, f"{first}/{last}", precision, year_from)


def _ends_of_a_year(first: str, last: str, last_written: bool, ctx) -> tuple[str, str]:
    """The ends of a range whose first end has no year written: a stretch the story's day is
    in, when neither end's year is written ("the season runs from June 1 to November 30");
    else the second end's year, or the year before ("June 1 to November 30, 2019")."""
    rest = first.lstrip("-") if first.startswith("-") else first[5:]
    if not last_written and ctx.ref is not None and not first.startswith("-"):
        day, now = ctx.ref.isoformat(), (f"{ctx.ref.year}-{rest}", f"{ctx.ref.year}{last[4:]}")
        if now[0] <= day[: len(now[0])] and day[: len(now[1])] <= now[1]:
            return now
    if first.startswith("-") or last_written or first > last:
        first = f"{last[:4]}-{rest}"
        if first > last:
            first = f"{int(last[:4]) - 1:04d}-{rest}"
    return first, last


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
    """What the dates are resolved against: the publication day, or the year alone, and the
    story's fiscal calendar where it has one."""
    ref, precision = doc.ref_date, doc.ref_precision
    year = ref.year if ref else None
    if precision == "year":
        ref = None
    dateline = doc.article.dateline if doc.article is not None else None
    return periods.Ctx(ref, year, ref_is_day=precision in ("day", "dateline"), parsed=parsed,
                       base=doc.body_start, fiscal=_fiscal_start(doc),
                       headline=dateline.headline if dateline else None)  # fmt: skip


# a story that speaks of its fiscal year ("the current financial year", "fiscal 2024", "FY24")
_FISCAL_TALK = re.compile(
    r"\b(?:(?:fiscal|financial)\s+year|fiscal\s+(?:19|20)\d\d|FY\s?'?\d\d)", re.I
)


def _fiscal_start(doc: Doc) -> int | None:
    """The month the story's fiscal year starts in: where the story speaks of its fiscal year
    and its place keeps one fiscal calendar (`fiscal_years` in wordlists.yaml), else None."""
    if not _FISCAL_TALK.search(doc.text, doc.body_start):
        return None
    dateline = doc.article.dateline if doc.article is not None else None
    zone = time_zone(dateline.place) if dateline else None
    return wordlists()["fiscal_years"].get(zone) if zone else None


def _date_expressions(doc: Doc) -> list[tuple[int, int, str, re.Match]]:
    """The date expressions of the body, longest first where two overlap, in text order."""
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, scan in _DATE_SCANS:
        for m in doc.scan(scan, doc.body_start):
            found.append((m.start(), m.end(), kind, m))
    extended = []
    for start, end, kind, m in found:
        p = _PREP_BEFORE.search(doc.text, max(0, start - 8), start)
        own = p and (kind not in _NO_PREP or p.group().lower().startswith("since"))
        extended.append((p.start() if own else start, end, kind, m))
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
