"""The value of each kind of date expression (see `date_rules`): a span of time, in ISO 8601.

`resolve(kind, match, ctx, doc)` gives (iso, precision, span), or SKIP for words that turn out not
to name a time ("during the quarter" with no period named before it). A date whose year
nothing fixes keeps a placeholder ("--10-22", "--06") that the year inference fills in.
"""

from __future__ import annotations

import datetime as dt
import re

from ...constants import FUTURE_RE, PAST_RE, WEEKDAYS
from . import periods as P
from .date_tense import clause_tense
from .document import Doc

SKIP = object()
_SHIFT = {"this": 0, "the current": 0, "current": 0, "same": 0, "next": 1, "coming": 1,
          "last": -1, "past": -1, "previous": -1, "the previous": -1}  # fmt: skip
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_BOUNDARY = re.compile(r"[.;:!?,(]|\bthat\b")
_LOOKING_BACK = re.compile(
    r"\b(first time|highest|lowest|largest|biggest|best|worst|strongest|weakest|most|least"
    r"|record|fastest|slowest|ago|has|have|had)\b",
    re.I,
)


def _rel_year(rel: str | None, ctx: P.Ctx) -> int | None:
    """The year "this year", "last year", "the current year" speak of."""
    if ctx.year is None:
        return None
    words = re.sub(r"\s+", " ", (rel or "this").lower()).removesuffix(" year")
    return ctx.year + _SHIFT.get(words, 0)


def _year(g: dict, ctx: P.Ctx, month: int | None = None, tense=0) -> int | None:
    if g.get("y"):
        return int(g["y"])
    if g.get("rel"):
        return _rel_year(g["rel"], ctx)
    return P.nearest_year(month, ctx, tense) if month else ctx.year


def _clause_before(doc: Doc, start: int) -> str:
    """The words of the clause before a date, from the last comma, colon or "that" on."""
    lo, _ = doc.sentence_span(doc.sentence_of(start))
    before = doc.text[lo:start]
    cut = [m.end() for m in _BOUNDARY.finditer(before)]
    return before[cut[-1] if cut else 0 :]


def tense(
    doc: Doc, start: int, ctx: P.Ctx | None = None, end: int | None = None, nouns: bool = False
) -> int:
    """1 where the clause of a date speaks of the future, -1 of the past, else 0: from the
    parse where there is one (see `date_tense`), else from the words leading to the date."""
    if ctx is not None and ctx.parsed is not None and end is not None:
        found = clause_tense(ctx.parsed, ctx.base, start, end, nouns)
        if found is not None:
            return found
    clause = _clause_before(doc, start)
    if FUTURE_RE.search(clause):
        return 1
    return -1 if PAST_RE.search(clause) else 0


def _day_like(kind: str, g: dict, ctx: P.Ctx, when: int):
    mo = P.month_number(g["m"])
    y = _year(g, ctx, mo, when)
    ystr = f"{y:04d}" if y else "-"
    if kind == "month":
        if y is None:
            return f"--{mo:02d}", "month", None
        return f"{y:04d}-{mo:02d}", "month", P.month_span(y, mo)
    days = [g["d"]] if kind == "day" else [g["d1"], g["d2"]]
    try:
        if y:
            for d in days:
                dt.date(y, mo, int(d))
    except ValueError:
        return None, "day", None
    return "/".join(f"{ystr}-{mo:02d}-{int(d):02d}" for d in days), "day", None


def _done(doc: Doc, m: re.Match, ctx: P.Ctx):
    """The tense of a period reported on ("January-June", "the June quarter"): past, unless
    its clause speaks of the future."""
    return lambda: 1 if tense(doc, m.start(), ctx, m.end()) == 1 else -1


def _month_range(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    m1, m2 = P.month_number(g["m1"]), P.month_number(g["m2"])
    y = _year(g, ctx, m2, _done(doc, m, ctx))
    if y is None:
        return None
    span = P.month_span(y - (m1 > m2), m1, m2, y)
    return span.shifted(-1) if g.get("ago") else span


def _part(g: dict, ctx: P.Ctx):
    n, size = _ORD.get(g["ord"].lower()), 3 if g["part"] == "quarter" else 6
    if g.get("em"):  # "the second quarter ended September 2023": the months up to that one
        em = P.month_number(g["em"])
        y = int(g["ey"]) if g.get("ey") else P.nearest_year(em, ctx, -1)
        if y is None:
            return None
        first = P.add_months(dt.date(y, em, 1), 1 - size)
        return P.month_span(first.year, first.month, em, y)
    if n is None and not (g.get("y") or g.get("rel")):  # "the last quarter": the one before
        return P.relative_unit("quarter", -1, ctx) if size == 3 else None
    y = _year(g, ctx)
    if y is None:
        return None
    n = n or 12 // size
    return P.quarter_span(y, n) if size == 3 else P.half_span(y, n)


def _hq(g: dict, ctx: P.Ctx):
    p, n = g["p1"] or g["p2"], int(g["n1"] or g["n2"])
    y = int(g["y1"] or g["y2"]) if (g["y1"] or g["y2"]) else ctx.year
    if y is None or p == "H" and n > 2:
        return None
    return P.quarter_span(y, n) if p == "Q" else P.half_span(y, n)


def _edge(g: dict, ctx: P.Ctx):
    if g.get("wy"):
        span = P.year_span(int(g["wy"]))
    elif g.get("wrel"):
        span = P.relative_unit(g.get("wunit") or "year", _SHIFT[g["wrel"]], ctx)
    elif g.get("wm"):
        mo = P.month_number(g["wm"])
        y = int(g["wmy"]) if g.get("wmy") else P.nearest_year(mo, ctx)
        span = P.month_span(y, mo) if y else None
    elif g.get("wpart"):
        y = int(g["wpy"]) if g.get("wpy") else _rel_year(g.get("wprel"), ctx)
        n = _ORD[g["word"]]
        span = (
            (P.quarter_span(y, n) if g["wpart"] == "quarter" else P.half_span(y, n)) if y else None
        )
    else:
        span = P.relative_unit(g["wbare"], 0, ctx)
    return P.edge(span, g["edge"].lower()) if span else None


def _future(doc: Doc, start: int, end: int, ctx: P.Ctx) -> bool:
    """Whether the clause around a date speaks of the future ("will meet on Friday")."""
    if ctx.parsed is not None:
        found = clause_tense(ctx.parsed, ctx.base, start, end)
        if found is not None:
            return found == 1
    clause = _clause_before(doc, start)
    if len(clause.split()) < 2:
        _, hi = doc.sentence_span(doc.sentence_of(start))
        after = doc.text[end:hi]
        stop = _BOUNDARY.search(after)
        clause = after[: stop.start() if stop else len(after)]
    return FUTURE_RE.search(clause) is not None


def _weekday(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    if ctx.ref is None or not ctx.ref_is_day:
        return None
    ref, target = ctx.ref, WEEKDAYS.index(g["wd"])
    rel = (g.get("rel") or "").lower()
    if target == ref.weekday() and rel not in ("last", "next"):
        return P.day(ref)
    if rel == "next" or rel != "last" and _future(doc, m.start(), m.end(), ctx):
        return P.day(ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7))
    return P.day(ref - dt.timedelta(days=(ref.weekday() - target) % 7 or 7))


def _within(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """ "In 10 years": the ten years to come; the past ones in a clause of the past ("exports
    grew 4% in eight months") or after "the first time", "highest". "Within five days" is a time
    allowed or taken (a duration), not a date."""
    if g["w"].lower() == "within":
        return SKIP
    lo, _ = doc.sentence_span(doc.sentence_of(m.start()))
    back = _LOOKING_BACK.search(doc.text[max(lo, m.start() - 60) : m.start()]) is not None
    back = back or tense(doc, m.start(), ctx, m.end(), nouns=True) == -1
    n = P.number(g["n"])
    return P.stretch(n, g["u"], not back, ctx) if n else None


def _same_period(g: dict, ctx: P.Ctx, m: re.Match):
    if g.get("y"):
        return P.same_period(int(g["y"]), 0, ctx)
    back = (
        g.get("rel") or "year" in m.group().lower() or g["what"] in ("corresponding", "comparable")
    )
    return P.same_period(None, -1 if back else 0, ctx)


def _anaphor(g: dict, ctx: P.Ctx):
    q = (g.get("q") or "").strip()
    if q == "current":
        return P.relative_unit(g["unit"], 0, ctx)
    if ctx.last is None and q not in ("reporting", "reported", "review"):
        return SKIP
    return ctx.last


def _number_span(kind: str, g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    n = P.number(g["n"])
    if not n:
        return None
    if kind == "stretch":
        ahead = g["dir"].lower() in ("next", "coming")
        return P.stretch(n, g["u"], ahead, ctx)
    if kind == "ago":
        if n == 1 and g["u"] == "year":
            return P.year_before(ctx)
        return P.ago(n, g["u"], ctx)
    y = _year(g, ctx)  # first_n: "10 months of 2016"
    return P.month_span(y, 1, n) if y and n <= 12 else None


def _shift(rel: str) -> int:
    """How many units "this", "next", "the past" move from the reference."""
    return _SHIFT[re.sub(r"^the\s+(?=next|last|past|coming)", "", rel.lower())]


def _mid_month(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """ "mid-July": the middle of the month."""
    mo = P.month_number(g["m"])
    y = _year(g, ctx, mo, lambda: tense(doc, m.start(), ctx, m.end()))
    return P.edge(P.month_span(y, mo), "middle") if y else None


def _span(kind: str, g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """The span of time of one expression (None where it cannot be fixed), or SKIP."""
    if kind == "month_range":
        return _month_range(g, ctx, doc, m)
    if kind == "month_rel":
        y = _rel_year(g["rel"], ctx)
        return P.month_span(y, P.month_number(g["m"])) if y else None
    if kind == "month_quarter":
        em = P.month_number(g["em"])
        y = P.nearest_year(em, ctx, _done(doc, m, ctx))
        first = P.add_months(dt.date(y, em, 1), -2) if y else None
        return P.month_span(first.year, first.month, em, y) if y else None
    if kind == "year_range":
        y1, y2 = int(g["y1"]), g["y2"]
        y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        return (
            P.Span(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year") if y2 > y1 else P.year_span(y1)
        )
    if kind in ("edge", "edge_year"):
        return _edge(g, ctx)
    if kind in ("stretch", "ago", "first_n"):
        return _number_span(kind, g, ctx, doc, m)
    simple = {
        "part": lambda: _part(g, ctx),
        "hq": lambda: _hq(g, ctx),
        "within": lambda: _within(g, ctx, doc, m),
        "same_period": lambda: _same_period(g, ctx, m),
        "prev_year": lambda: P.year_before(ctx),
        "anaphor": lambda: _anaphor(g, ctx),
        "weekend": lambda: P.weekend(g["rel"].lower(), ctx),
        "relative": lambda: P.relative_unit(g["unit"], _shift(g["rel"]), ctx),
        "the_year": lambda: P.relative_unit("year", 0, ctx),
        "decade": lambda: P.Span(
            dt.date(int(g["y"]), 1, 1), dt.date(int(g["y"]) + 9, 12, 31), "year"
        ),
        "mid_month": lambda: _mid_month(g, ctx, doc, m),
        "weekday": lambda: _weekday(g, ctx, doc, m),
        "year": lambda: P.year_span(int(g["y"])),
    }
    return simple[kind]()


_PRECISION = {"relative_day": "day", "weekday": "day", "year": "year", "year_range": "year",
              "hq": "quarter", "part": "quarter", "relative": "year", "the_year": "year",
              "mid_month": "day", "time": "minute"}  # fmt: skip


def resolve(kind: str, m: re.Match, ctx: P.Ctx, doc: Doc):
    """(iso, precision, span) of one date expression, or SKIP."""
    g = m.groupdict()
    if kind == "time":
        return None, "minute", None  # its day and zone are read with its sentence (see dates)
    if kind in ("day", "day_range", "month"):
        return _day_like(kind, g, ctx, lambda: tense(doc, m.start(), ctx, m.end()))
    if kind == "relative_day":
        if ctx.ref is None or not ctx.ref_is_day:
            return None, "day", None
        said = re.sub(r"\s+", " ", g["rel"].lower())
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(said, 0)
        return (ctx.ref + dt.timedelta(days=shift)).isoformat(), "day", None
    span = _span(kind, g, ctx, doc, m)
    if span is SKIP:
        return SKIP
    if span is None:
        unit = (g.get("unit") or g.get("u") or "").rstrip("s")
        precision = unit if unit in ("year", "month", "week", "day") else _PRECISION.get(kind)
        return None, precision or "month", None
    return span.iso(), span.precision, span


def clock_time(m: re.Match, day: dt.date, local_zone: str | None) -> str:
    """ "7:30 p.m. Moscow time" on a day -> "2024-03-05T19:30+03:00": the hour on the 24-hour
    clock, with the offset of its zone on that day (the zone named, else the place's own;
    none when neither is known)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from ...constants import TIME_ZONES
    from ...reading.gazetteer import time_zone

    g = m.groupdict()
    hour, minute = int(g["h"] or g["h2"]), int(g["mi"] or g["mi2"] or 0)
    if g["ap"]:
        pm = g["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    when = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if g["city"]:
        zone = local_zone if g["city"] == "local" else time_zone(g["city"])
    else:
        zone = TIME_ZONES.get(g["zone"]) if g["zone"] else local_zone
    if zone is None or hour > 23:
        return when
    if zone == "UTC":
        return when + "Z"
    try:
        offset = ZoneInfo(zone).utcoffset(dt.datetime(day.year, day.month, day.day, hour, minute))
    except (ZoneInfoNotFoundError, ValueError):
        return when
    sign, minutes = (
        ("-" if offset < dt.timedelta(0) else "+"),
        abs(offset) // dt.timedelta(minutes=1),
    )
    return f"{when}{sign}{minutes // 60:02d}:{minutes % 60:02d}"
