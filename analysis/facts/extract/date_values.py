"""The value of each kind of date expression (see `date_rules`): a span of time, in ISO 8601.

`resolve(kind, match, ctx, doc)` gives (iso, precision, span), or SKIP for words that turn out not
to name a time ("during the quarter" with no period named before it). A date whose year
nothing fixes keeps a placeholder ("--10-22", "--06") that the year inference fills in.
"""

from __future__ import annotations

import datetime as dt
import re

from ...constants import WEEKDAYS, wordlists
from . import periods as P
from .date_tense import is_future, on_a_noun, phrases, tense
from .document import Doc

SKIP = object()
_W = wordlists()


_FOOTBALL = re.compile(r"\b(?:" + phrases(_W["football_words"]) + r")\b", re.I)
# words of a game: its halves are no halves of a year
_GAME = re.compile(r"\b(?:" + phrases(_W["game_words"]) + r")\b", re.I)
# the words before a date that make it an end bound ("by late 2024") or a start ("since")
BOUNDS = ("by", "until", "till", "before", "through")
_SHIFT = dict(_W["date_shifts"])
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
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
    if g.get("fy"):  # "October-December of 2022-23": months of a fiscal year across two years
        fy = int(g["fy"])
        return P.month_span(fy + (m1 < 4), m1, m2, fy + (m2 < 4))
    if g.get("fyrel"):  # "October-December of the previous fiscal": of the story's calendar
        fy = P.fiscal_year_of(ctx, _SHIFT.get(g["fyrel"].lower(), 0))
        if fy is None:
            return None
        return P.month_span(fy + (m1 < ctx.fiscal), m1, m2, fy + (m2 < ctx.fiscal))
    y = _year(g, ctx, m2, _done(doc, m, ctx))
    if y is None:
        return None
    span = P.month_span(y - (m1 > m2), m1, m2, y)
    return span.shifted(-1) if g.get("ago") else span


def _named_part(n: int, size: int, ctx: P.Ctx, when) -> P.Span | None:
    """The quarter or half numbered `n` of no year said: in a clause of the past the last one
    ended by the story's day, in one of the future the next one not yet ended, else the
    story's year's (`when`: the tense, or a callable that reads it)."""

    def make(y: int, n: int) -> P.Span:
        return P.quarter_span(y, n) if size == 3 else P.half_span(y, n)

    if ctx.ref is None:
        return make(ctx.year, n) if ctx.year else None
    year = ctx.ref.year
    if ctx.fiscal:  # the story counts quarters from its fiscal year's first month

        def make(y: int, n: int) -> P.Span:
            return P.fiscal_part(y, ctx.fiscal, n, size)

        year = P.fiscal_year_of(ctx)
    when = when() if callable(when) else when
    this = make(year, n)
    if when < 0 and this.last >= ctx.ref:
        return make(year - 1, n)
    if when > 0 and this.last < ctx.ref:
        return make(year + 1, n)
    return this


def _reported(doc: Doc, m: re.Match, ctx: P.Ctx):
    """The tense of a quarter or half named alone: one written as an adjective ("third-quarter
    profit") is the last one reported, ended; else its clause's."""
    if re.search(r"\w-(?:quarter|half)\b|[1-4]Q\b|\bQ[1-4]-", m.group()) or on_a_noun(m, ctx):
        return lambda: -1
    return lambda: tense(doc, m.start(), ctx, m.end())


def _part(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    n, size = _ORD.get(g["ord"].lower()), 3 if g["part"] == "quarter" else 6
    if g.get("em"):  # "the third quarter ended December 2021": the months up to that one
        em = P.month_number(g["em"])
        y = int(g["ey"]) if g.get("ey") else P.nearest_year(em, ctx, -1)
        if y is None:
            return None
        first = P.add_months(dt.date(y, em, 1), 1 - size)
        return P.month_span(first.year, first.month, em, y)
    if n is None and not (g.get("y") or g.get("rel")):  # "the last quarter": the one before
        return P.relative_unit("quarter", -1, ctx) if size == 3 else None
    if g.get("fy"):  # "the third quarter of the current financial year"
        shift = _SHIFT.get((g.get("fyrel") or "this").lower(), 0)
        y = P.fiscal_year_of(ctx, shift)
        return P.fiscal_part(y, ctx.fiscal, n or 12 // size, size) if y is not None else None
    if not (g.get("y") or g.get("rel")) and "year" not in m.group().lower():
        lo, hi = doc.sentence_span(doc.sentence_of(m.start()))
        if size == 6 and _GAME.search(doc.text, lo, hi):
            return SKIP  # the second half of a game
        return _named_part(n or 12 // size, size, ctx, _reported(doc, m, ctx))
    y = _year(g, ctx)
    if y is None:
        return None
    n = n or 12 // size
    return P.quarter_span(y, n) if size == 3 else P.half_span(y, n)


def _hq(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    p, n = g["p1"] or g["p2"], int(g["n1"] or g["n2"])
    if p == "H" and n > 2:
        return None
    if not (g["y1"] or g["y2"]):
        return _named_part(n, 3 if p == "Q" else 6, ctx, _reported(doc, m, ctx))
    y = int(g["y1"] or g["y2"])
    return P.quarter_span(y, n) if p == "Q" else P.half_span(y, n)


def _edge(g: dict, ctx: P.Ctx, when=0, part: bool = True):
    """The day a period's edge falls on ("the end of March"), or (`part` False) the period
    itself ("late 2024" where it bounds nothing: the year)."""
    if g.get("wy"):
        span = P.year_span(int(g["wy"]))
    elif g.get("wrel"):
        span = P.relative_unit(g.get("wunit") or "year", _SHIFT[g["wrel"]], ctx)
    elif g.get("wm"):
        mo = P.month_number(g["wm"])
        y = int(g["wmy"]) if g.get("wmy") else P.nearest_year(mo, ctx, when)
        span = P.month_span(y, mo) if y else None
    elif g.get("wfy"):  # "the end of the fiscal year": of the story's fiscal calendar
        y = P.fiscal_year_of(ctx, _SHIFT.get((g.get("wfyrel") or "this").lower(), 0))
        span = P.fiscal_part(y, ctx.fiscal, 1, 12) if y is not None else None
    elif g.get("wpart"):
        y = int(g["wpy"]) if g.get("wpy") else _rel_year(g.get("wprel"), ctx)
        n = _ORD[g["word"]]
        span = (
            (P.quarter_span(y, n) if g["wpart"] == "quarter" else P.half_span(y, n)) if y else None
        )
    else:
        span = P.relative_unit(g["wbare"], 0, ctx)
    if span is None or not part:
        return span
    return P.edge(span, (g.get("edge") or "end").lower())  # "year-end": its end


def _weekday(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    if ctx.ref is None or not ctx.ref_is_day:
        return None
    ref, target = ctx.ref, WEEKDAYS.index(g["wd"])
    rel = (g.get("rel") or "").lower()
    if target == ref.weekday() and rel not in ("last", "next"):
        return P.day(ref)
    if rel == "next" or rel != "last" and is_future(doc, m.start(), m.end(), ctx):
        return P.day(ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7))
    return P.day(ref - dt.timedelta(days=(ref.weekday() - target) % 7 or 7))


def _within(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """ "In 10 years": the ten years to come; the past ones in a clause of the past ("exports
    grew 4% in eight months") or after "the first time", "highest". "Within five days" is a
    deadline from the story's day to the day that ends it (2024-05-15/2024-05-20); in a clause
    of the past ("was built within 18 months") a time taken, a duration, no date."""
    if g["w"].lower() == "within":
        n = P.number(g["n"])
        if not n or ctx.ref is None or not ctx.ref_is_day:
            return SKIP
        if tense(doc, m.start(), ctx, m.end()) == -1:
            return SKIP
        return P.deadline(ctx.ref, n, g["u"])
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
    """ "The review month", "the period under review", "during the quarter": the period
    last named (SKIP where a plain "the quarter" has none before it)."""
    q = (g.get("q") or ("review" if g.get("q2") else "")).strip()
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
    if g.get("fyrel"):  # "the nine months of the current financial year"
        fy = P.fiscal_year_of(ctx, _SHIFT.get(g["fyrel"].lower(), 0))
        return P.fiscal_part(fy, ctx.fiscal, 1, n) if fy is not None and n <= 12 else None
    y = _year(g, ctx)  # first_n: "seven months of 2019"
    return P.month_span(y, 1, n) if y and n <= 12 else None


def _shift(rel: str) -> int:
    """How many units "this", "next", "the past" move from the reference."""
    return _SHIFT[re.sub(r"^the\s+(?=next|last|past|coming)", "", rel.lower())]


def _mid_month(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match, prep: str):
    """ "mid-July": the month; its middle day as a bound or a start ("by mid-July")."""
    mo = P.month_number(g["m"])
    y = _year(g, ctx, mo, lambda: tense(doc, m.start(), ctx, m.end()))
    if not y:
        return None
    month = P.month_span(y, mo)
    return P.edge(month, "middle") if prep in (*BOUNDS, "since", "from") else month


def _numeric(g: dict):
    """ "31.03.2024", "2024-03-01", "30/06/2024": the day first, unless only the month-first
    reading is a date; with a slash and both readings possible, open."""
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if g.get("sep") == "/" and a <= 12 and b <= 12 and a != b:
        return None
    day, month = (b, a) if g.get("sep") == "/" and b > 12 else (a, b)
    try:
        return P.day(dt.date(y, month, day))
    except ValueError:
        return None


_LENGTHS = {"quarter": 3, "half": 6, "year": 12}
# "the past year", "over the last week" (not "last year"): the one unit up to the story's day
_PAST_ONE = re.compile(r"(?:the\s+)?past|the\s+last", re.I)


def _period_to(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """ "the week to May 10", "the year to March", "the quarter ended June 30, 2023": the
    stretch that ends on that day or with that month."""
    mo, d = P.month_number(g["m"]), g.get("d") or g.get("d2")
    y = int(g["y"]) if g.get("y") else P.nearest_year(mo, ctx, _done(doc, m, ctx))
    n = P.number(g["n"]) if g.get("n") else 1
    if y is None or not n:
        return None
    unit = g["u"].lower().split()[-1].split("-")[0].rstrip("s")
    if unit in ("week", "day"):
        if not d:
            return None
        try:
            end = dt.date(y, mo, int(d))
        except ValueError:
            return None
        return P.Span(end - dt.timedelta(days=n * (7 if unit == "week" else 1) - 1), end, "day")
    months = n * _LENGTHS.get(unit, 1)
    first = P.add_months(dt.date(y, mo, 1), 1 - months)
    return P.month_span(first.year, first.month, mo, y)


def _anchored(g: dict, ctx: P.Ctx):
    """A date counted from the last one named: "the next day", "the following year", "two
    months later" (open where none is named, or it is too coarse to count from)."""
    if g.get("dir3"):
        n = P.number(g["n"])
        if not n or ctx.anchor is None:
            return None
        return P.moved(ctx.anchor, n * _SHIFT[g["dir3"].lower()], g["u"])
    way = g.get("dir") or g.get("dirp") or g.get("dirn") or g.get("dir2")
    unit = g.get("unit") or g.get("unitp") or g.get("unitn") or g.get("unit2")
    return P.following(unit, _SHIFT[way.lower()], ctx)


# the months of each season in the northern hemisphere (the southern's are six months on)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _calendar_season(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """ "the summer of 2022", "last winter", "this spring": the season's three months, in the
    hemisphere of the dateline's place (winter is June to August in Johannesburg); "the winter
    of 2022" the one most of whose months fall in 2022; without a year, the season that the
    words or the clause's tense point at from the story's day."""
    start = _SEASON_START[g["s"]]
    if P.southern(doc.article.dateline.place if doc.article.dateline else None):
        start = (start + 6 - 1) % 12 + 1
    if g.get("y"):
        y = int(g["y"]) - (start == 12)
    elif ctx.ref is None:
        return None
    else:
        words = set(m.group().lower().split())
        said = next((w for w in ("next", "last", "this") if w in words), None)
        y = _season_year(start, ctx.ref, said, tense(doc, m.start(), ctx, m.end()))
    first = dt.date(y, start, 1)
    span = P.month_span(first.year, first.month, P.add_months(first, 2).month,
                        P.add_months(first, 2).year)  # fmt: skip
    edge = g.get("edge")
    if edge == "early":
        return P.month_span(first.year, first.month)
    if edge == "late":
        last = P.add_months(first, 2)
        return P.month_span(last.year, last.month)
    return span


def _season_year(start: int, ref: dt.date, said: str | None, way: int) -> int:
    """The year a season (by its first month) starts in, seen from the story's day. "This" is
    the present one when the day is in it, else the one that starts in the day's year; "next"
    the one after that, "last" the last one over. With no such word, the clause's tense
    picks the last one over (past) or the next to come (future), else "this"."""
    first = dt.date(ref.year if dt.date(ref.year, start, 1) <= ref else ref.year - 1, start, 1)
    inside = ref < P.add_months(first, 3)
    this = first.year if inside else ref.year
    if said == "next":
        return this + 1
    if said == "last" or (said is None and way < 0 and not inside):
        return first.year - 1 if inside else first.year
    if said is None and way > 0 and not inside:
        return first.year + 1
    return this


def _season(g: dict, ctx: P.Ctx, doc: Doc):
    """ "Last season" of football (August to May): "2018/2019"; of another sport, open."""
    if ctx.year is None or not _FOOTBALL.search(doc.text, doc.body_start):
        return None
    ref = ctx.ref or dt.date(ctx.year, 1, 1)
    first = ref.year - (ref.month < 7) + _SHIFT.get(g["rel"].lower(), 0)
    return P.Span(dt.date(first, 8, 1), dt.date(first + 1, 5, 31), "year")


_NTH = {**_ORD, "last": -1, "final": -1}


def _month_week(g: dict, ctx: P.Ctx, doc: Doc, m: re.Match):
    """ "the first week of March": its days 1-7; "the last week": its last seven days."""
    mo = P.month_number(g["m"])
    y = _year(g, ctx, mo, lambda: tense(doc, m.start(), ctx, m.end()))
    if not y:
        return None
    month, n = P.month_span(y, mo), _NTH[g["ord"].lower()]
    first = month.last - dt.timedelta(days=6) if n < 0 else month.first + dt.timedelta(weeks=n - 1)
    return P.Span(first, first + dt.timedelta(days=6), "day")


def _to_date(g: dict, ctx: P.Ctx):
    """ "so far this year", "year to date": from the period's first day to the story's day."""
    if ctx.ref is None or not ctx.ref_is_day:
        return None
    if g.get("y") and int(g["y"]) != ctx.ref.year:
        return P.year_span(int(g["y"]))
    unit = g.get("u") or g.get("u2") or g.get("u3") or "year"
    return P.Span(P.relative_unit(unit, 0, ctx).first, ctx.ref, "day")


def _span(kind: str, g: dict, ctx: P.Ctx, doc: Doc, m: re.Match, prep: str = ""):
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
    if kind == "edge":
        return _edge(g, ctx, lambda: tense(doc, m.start(), ctx, m.end()))
    if kind == "edge_year":  # "late 2024": the year; "by late 2024": its last day
        return _edge(g, ctx, part=prep in (*BOUNDS, "since", "from"))
    over = prep == "over" or re.search(r"\bover\s+$", doc.text[max(0, m.start() - 6) : m.start()])
    if kind == "relative" and over and g["unit"] in ("week", "month"):
        rel = g["rel"].lower().split()[-1]  # "over the next week": the seven days to come
        if rel in ("next", "coming", "past", "last"):
            return P.stretch(1, g["unit"], rel in ("next", "coming"), ctx)
    if kind == "relative" and _PAST_ONE.fullmatch(g["rel"]) and g["unit"] != "quarter":
        return P.stretch(1, g["unit"], False, ctx)  # "the past year": the year up to the day
    if kind in ("stretch", "ago", "first_n"):
        return _number_span(kind, g, ctx, doc, m)
    simple = {
        "part": lambda: _part(g, ctx, doc, m),
        "hq": lambda: _hq(g, ctx, doc, m),
        "numeric": lambda: _numeric(g),
        "period_to": lambda: _period_to(g, ctx, doc, m),
        "to_date": lambda: _to_date(g, ctx),
        "vague": lambda: None,
        "anchored": lambda: _anchored(g, ctx),
        "season": lambda: _season(g, ctx, doc),
        "calendar_season": lambda: _calendar_season(g, ctx, doc, m),
        "full_year": lambda: (
            P.fiscal_part(P.fiscal_year_of(ctx), ctx.fiscal, 1, 12)
            if ctx.fiscal and ctx.ref
            else None
        ),
        "century": lambda: P.century(int(g["c"]) if g.get("c") else None, g.get("rel"), ctx),
        "month_week": lambda: _month_week(g, ctx, doc, m),
        "overnight": lambda: P.night_before(ctx),
        "week_of_story": lambda: P.relative_unit("week", 0, ctx),
        "within": lambda: _within(g, ctx, doc, m),
        "same_period": lambda: _same_period(g, ctx, m),
        "prev_year": lambda: P.year_before(ctx),
        "anaphor": lambda: _anaphor(g, ctx),
        "weekend": lambda: P.weekend(
            g["rel"].lower(), ctx, is_future(doc, m.start(), m.end(), ctx)
        ),
        "relative": lambda: P.relative_unit(g["unit"], _shift(g["rel"]), ctx),
        "the_year": lambda: P.relative_unit("year", 0, ctx),
        "decade": lambda: P.Span(
            dt.date(int(g["y"]), 1, 1), dt.date(int(g["y"]) + 9, 12, 31), "year"
        ),
        "mid_month": lambda: _mid_month(g, ctx, doc, m, prep),
        "weekday": lambda: _weekday(g, ctx, doc, m),
        "year": lambda: P.year_span(int(g["y"])),
    }
    return simple[kind]()


_PRECISION = {"relative_day": "day", "weekday": "day", "year": "year", "year_range": "year",
              "hq": "quarter", "part": "quarter", "relative": "year", "the_year": "year",
              "mid_month": "day", "time": "minute"}  # fmt: skip


def resolve(kind: str, m: re.Match, ctx: P.Ctx, doc: Doc, prep: str = ""):
    """(iso, precision, span) of one date expression, or SKIP (`prep`: the preposition before
    it, lower case: "by late 2024" is a bound, "late 2024" a year)."""
    g = m.groupdict()
    if kind == "time":
        if g.get("noon") and not (g.get("at") or g.get("zone") or g.get("city")):
            return SKIP  # "noon" alone may be no time of the story ("the noon prayers")
        return None, "minute", None  # its day and zone are read with its sentence (see dates)
    if kind in ("day", "day_range", "month"):
        found = _day_like(kind, g, ctx, lambda: tense(doc, m.start(), ctx, m.end()))
        late = re.match(r"(?:early|late)\b", m.group(), re.I)
        if kind == "month" and late and prep in BOUNDS and found[2] is not None:
            return P.edge(found[2], late.group().lower()).iso(), "day", found[2]  # "by late June"
        return found
    if kind == "relative_day":
        if ctx.ref is None or not ctx.ref_is_day:
            return None, "day", None
        said = re.sub(r"\s+", " ", g["rel"].lower())
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(said, 0)
        return (ctx.ref + dt.timedelta(days=shift)).isoformat(), "day", None
    span = _span(kind, g, ctx, doc, m, prep)
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
    if g.get("noon"):
        hour, minute = 12, 0
    else:
        hour, minute = int(g["h"] or g["h2"]), int(g["mi"] or g["mi2"] or 0)
    if g.get("ap"):
        pm = g["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    when = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if g.get("city"):
        zone = local_zone if g["city"] == "local" else time_zone(g["city"])
    else:
        zone = TIME_ZONES.get(g["zone"]) if g.get("zone") else local_zone
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
