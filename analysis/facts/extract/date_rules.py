"""The date patterns, each with the words its matches start with (its head), by kind.

Absolute dates ("4 March", "June 30, 2021", "Tuesday, May 14", "31.03.2024", "11-12 July",
"June 3 to 5"), months, years, decades and centuries, ranges ("March-May", "between March and
May", "from 2012 to 2017"), parts of a year ("the second half of 2025", "H1 2022", "the third
quarter ended December 2024", "the first week of March"), stretches that end on a day or a
month ("the week to May 10", "the year to March"), edges ("by the end of the third quarter",
"by late 2024", "by year-end"), stretches up to or from the publication date ("in the next
five years", "over the past two weeks", "so far this year", "the coming weeks"), relative words
("last month", "this week", "on Thursday", "last weekend", "overnight", "last season"), words
that point back at the period last named ("the same quarter last year", "the review period",
"a year earlier") and dates counted from the last one named ("the next day", "two months
later"). `date_values` turns each into a span of time; `dates` joins two dates into one range
("from June 1 to November 30").
"""

from __future__ import annotations

import calendar
import re

from ...constants import MONTHS, NUMBER_WORDS, TIME_ZONES, WEEKDAYS
from .document import _head


def _both(*words: str) -> list[str]:
    """Each word as written and with a capital first letter (it may open a sentence)."""
    return [v for w in words for v in dict.fromkeys((w, w[0].upper() + w[1:]))]


def _alt(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# a month's name or abbreviation, as written or in capitals ("DECEMBER 26" in a dateline)
_MONTH_FORMS = [*MONTHS, *(m.upper() for m in MONTHS)]
_M = _alt(_MONTH_FORMS) + r"\.?"  # as the day patterns have it: the next character decides
# a month name, the whole word (an abbreviation with its full stop: "Jan.", "June")
_FULL_NAMES = [m for m in _MONTH_FORMS if m.capitalize() in calendar.month_name[1:]]
_MB = "(?:" + _alt(_FULL_NAMES) + r"\b|" + _alt(set(_MONTH_FORMS) - set(_FULL_NAMES)) + r"\b\.?)"
_Y = r"(?:19|20)\d{2}"
_NW = _both(*NUMBER_WORDS)
_N = r"(?:\d{1,3}|" + "|".join(sorted(_NW, key=len, reverse=True)) + ")"
_UNITS = r"(?:years?|months?|weeks?|days?|decades?|hours?)"
_REL_YEAR = r"(?:this|last|next|the\s+current|the\s+previous|current|previous)\s+year\b"
_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 and m != "May" and m != "Sept"]
_PREPS = _both("in", "over", "during", "within", "for", "throughout")
_DAY_REL = r"\s+(?P<rel>last|this|next)\s+year"  # "on June 9 last year"
# a zone of time after a clock time: "GMT", "ET", "Moscow time", "local time"
_WD = "(?:" + "|".join(WEEKDAYS) + ")"
_ZONES = "|".join(sorted(map(re.escape, TIME_ZONES), key=len, reverse=True))
_ZONE = rf"(?P<zone>{_ZONES}|(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|local)\s+time)\b"
_A_ZONE = rf"(?:{_ZONES}|(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|local)\s+time)\b"

# the words that join the two ends of a range ("3-5", "3 to 5", "between 3 and 5")
_DAYS_JOIN = r"(?:\s*[-–]\s*|\s+(?:to|until|till|through)\s+|(?(btw)\s+and\s+|(?!)))"
# what a number goes on with when it is no day ("June 3 to 5 percent", "from May 3 to 5 p.m.")
_NO_FIGURE = r"(?!\s*(?:%|per\s*cent|percent|pct|[ap]\.?m\b|[.,]\d))"
# a fiscal year named by its place from the story's ("the current financial year")
_FY = r"(?P<fy>(?:(?P<fyrel>current|this|next|last|previous)\s+)?(?:fiscal|financial)\s+year)\b"

# (kind, pattern, head words, run kind); the head accepts the first word of every match
RULES: list[tuple[str, str, list[str], str]] = [
    ("day_range", rf"\b(?:(?P<btw>[Bb]etween\s+)|[Ff]rom\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_DAYS_JOIN}"
     rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?\b",
     [*_both("between", "from"), r"\d{1,2}(?:st|nd|rd|th)?"], "word"),
    ("day_range", rf"\b(?:(?P<btw>[Bb]etween\s+)|[Ff]rom\s+)?(?P<m>{_M})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
     rf"{_DAYS_JOIN}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b{_NO_FIGURE}(?:,?\s+(?P<y>{_Y}))?\b",
     [*_both("between", "from"), *_MONTH_FORMS], "word"),
    ("day", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_Y})|{_DAY_REL})?\b",
     [r"\d{1,2}(?:st|nd|rd|th)?"], "word"),
    ("day", rf"\b(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_Y})\b|{_DAY_REL}\b)?",
     _MONTH_FORMS, "word"),
    # a day in figures: "31.03.2024", "30/06/2024" (the day first, or the month where the day
    # shows it: "06/30/2024"), "2024-03-01"
    ("numeric", rf"\b(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_Y})\b(?![./-]\d)",
     [r"\d{1,2}"], "word"),
    ("numeric", rf"\b(?P<y>{_Y})-(?P<b>0[1-9]|1[0-2])-(?P<a>0[1-9]|[12]\d|3[01])\b(?!-\d)",
     [r"(?:19|20)\d\d"], "word"),
    # a weekday with its date, one date: "Tuesday, May 14", "Monday 13 May"
    ("day", rf"\b(?P<wd>{_WD}),?\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})"
     rf"(?:,?\s+(?P<y>{_Y}))?\b", WEEKDAYS, "word"),
    ("day", rf"\b(?P<wd>{_WD}),?\s+(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_Y})\b)?",
     WEEKDAYS, "word"),
    # a stretch that ends on a day or with a month: "the week to May 10", "the year to March",
    # "the 12 months ended June 30, 2023", "the quarter ending September"
    ("period_to",
     rf"\b(?:[Tt]he\s+)?(?:(?P<n>{_N})[\s-]+)?(?P<u>weeks?|months?|quarter|half(?:[-\s]year)?"
     r"|(?:fiscal\s+|financial\s+)?year)\s+(?:to|ended|ending|that\s+ended|through)\s+"
     rf"(?:(?:on\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<m>{_MB})(?:\s+(?P<d2>\d{{1,2}})\b)?"
     rf"(?:,?\s+(?P<y>{_Y})\b)?",
     [*_both("the", "week", "weeks", "month", "months", "quarter", "half", "year", "fiscal",
             "financial"), r"\d{1,3}", *_NW], "word"),
    # the part of a period up to the story's day: "so far this year", "year to date"
    ("to_date",
     rf"\b(?:[Ss]o\s+far\s+(?:this|in\s+the\s+current)\s+(?P<u>year|month|week|quarter)\b"
     rf"|[Ss]o\s+far\s+in\s+(?P<y>{_Y})\b|[Tt]his\s+(?P<u2>year|month)\s+so\s+far\b"
     r"|[Tt]he\s+(?:past|elapsed|passed)\s+period\s+of\s+(?:this|the\s+current)\s+(?P<u3>year)\b"
     r"|(?P<ytd>[Yy]ear[-\s]to[-\s]date)\b)",
     _both("so", "this", "the", "year"), "word"),
    # a stretch from the story's day whose length is not said: "in the coming weeks"
    ("vague",
     r"\b(?:[Tt]he\s+)?(?:(?:[Cc]oming|[Pp]ast)\s+(?:few\s+|several\s+|couple\s+of\s+)?"
     r"|(?:[Nn]ext|[Ll]ast)\s+(?:few|several|couple\s+of)\s+)(?:days|weeks|months|years|decades)\b",
     _both("the", "coming", "next", "past", "last"), "word"),
    ("month", rf"\b(?P<m>{_M})\s+(?:of\s+)?(?P<y>{_Y})\b", _MONTH_FORMS, "word"),
    # a company's whole year, which its fiscal calendar fixes: "full-year profit"
    ("full_year", r"\b[Ff]ull[-\s]year\b", _both("full"), "word"),
    # a season of the calendar: "last winter", "in the summer of 2022", "during the dry autumn"
    # is not one ("the summer harvest", "winter wheat": a noun after it makes it a modifier)
    ("calendar_season",
     rf"\b(?:(?:[Tt]he|[Tt]his|[Ll]ast|[Nn]ext|[Ii]n|[Dd]uring|[Oo]ver|[Bb]y|[Ss]ince|[Uu]ntil)\s+)+"
     rf"(?:(?P<edge>early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)"
     rf"(?:\s+(?:of\s+)?(?P<y>{_Y})\b)?"
     r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:of|and|or|when|as|in|on|to|the|a|an|this|that|with|before|"
     r"after|while|its|their|is|was|will|would|has|had|began|ended|it|they|we|he|she)\b"
     r"|\s+[A-Z0-9])",
     _both("the", "this", "last", "next", "in", "during", "over", "by", "since", "until"), "word"),
    # a season of a sport: "last season", "this season", "the coming season"
    ("season", r"\b(?:[Tt]he\s+)?(?P<rel>this|last|next|coming|current|previous|past|This|Last|Next)\s+season\b(?!-)",
     _both("the", "this", "last", "next", "coming", "current", "previous", "past"), "word"),
    # centuries: "the 19th century" (the 1800s), "this century", "the last century"
    ("century", r"\b(?:[Tt]he\s+)?(?:(?P<c>1\d|2[01])(?:st|nd|rd|th)|(?P<rel>this|last|next|current|past|previous))"
     r"[\s-]+century\b", [*_both("the", "this", "last", "next", "current", "past", "previous"),
                           r"\d{2}(?:st|nd|rd|th)"], "word"),
    ("month", rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate)\s+(?P<m>{_M})\b",
     _both("in", "since", "until", "till", "through", "by", "from", "early", "late"), "word"),
    ("mid_month", rf"\b[Mm]id-?\s*(?P<m>{_MB})(?:\s+(?P<y>{_Y})\b)?", _both("mid"), "word"),
    ("decade", r"\b(?:[Tt]he\s+)?(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?P<y>(?:19|20)\d0)[\u2019']?s\b",
     [*_both("the", "early", "mid", "late"), r"(?:19|20)\d0s?"], "word"),
    ("month", rf"\b(?P<m>{_alt(_FULL_MONTHS)})\b(?![-–]\w)", _FULL_MONTHS, "word"),
    ("month_range",
     rf"\b(?:(?P<btw>[Bb]etween\s+)|[Ff]rom\s+)?(?P<m1>{_MB})\s*(?:[-–—]|\s(?:to|through|till|until)\s"
     rf"|(?(btw)\s+and\s+|(?!)))\s*(?P<m2>{_MB})"
     rf"(?:,?\s+(?P<y>{_Y})\b|\s+(?:of\s+)?(?P<rel>{_REL_YEAR}))?"
     r"(?:\s+(?:period|quarter))?(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)\b)"
     rf"|\s+(?:of|in)\s+(?P<fy>{_Y})[-/](?P<fy2>\d{{2}}(?:\d{{2}})?)\b"
     r"|\s+of\s+(?:the\s+)?(?P<fyrel>current|this|next|last|previous)\s+(?:fiscal|financial)(?:\s+year)?\b)?",
     [*_both("between", "from"), *_MONTH_FORMS], "word"),
    ("month_rel", rf"\b(?P<m>{_MB})\s+(?:of\s+)?(?P<rel>{_REL_YEAR})", _MONTH_FORMS, "word"),
    ("month_quarter", rf"\b[Tt]he\s+(?P<em>{_MB})\s+quarter\b", _both("the"), "word"),
    ("year_range",
     rf"\b(?:(?P<btw>[Bb]etween\s+)|[Ff]rom\s+)?(?P<y1>{_Y})"
     r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through)\s+|(?(btw)\s+and\s+|(?!)))"
     rf"(?P<y2>{_Y}|\d{{2}})\b(?![-/.]\d)", [*_both("between", "from"), r"(?:19|20)\d\d"], "word"),
    ("part",
     r"\b(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|First|Second"
     r"|Third|Fourth|Final|Last)[\s-]+(?P<part>half|quarter)\b(?!-)"
     rf"(?:\s+of\s+(?:the\s+)?(?:(?P<y>{_Y})\b|(?P<rel>{_REL_YEAR})|{_FY}|year\b))?"
     r"(?:,?\s+(?:that\s+)?(?:ended|ending)\s+(?:on\s+)?(?:\d{1,2}\s+)?"
     rf"(?P<em>{_MB})(?:\s+\d{{1,2}}\b(?:,(?=\s+(?:19|20)\d\d))?)?(?:\s+(?P<ey>{_Y})\b)?)?",
     [*_both("the", "first", "second", "third", "fourth", "final", "last"), r"[1-4](?:st|nd|rd|th)"],
     "word"),
    ("hq", rf"\b(?:(?P<n1>[1-4])(?P<p1>[HQ])\s*(?P<y1>{_Y})|(?P<p2>[HQ])(?P<n2>[1-4])(?:\s*(?P<y2>{_Y}))?)\b",
     [r"[1-4][HQ]\d*", r"[HQ][1-4]"], "word"),
    ("edge",
     r"\b(?:[Tt]he\s+)?(?P<edge>end|middle|beginning|start|close)\s+of\s+(?:the\s+)?"
     rf"(?:(?P<wy>{_Y})\b|(?P<wrel>this|last|next|current|previous)\s+(?P<wunit>year|month|quarter)\b"
     rf"|(?P<wm>{_MB})(?:\s+(?P<wmy>{_Y})\b)?"
     r"|(?P<word>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<wpart>quarter|half)\b"
     rf"(?:\s+of\s+(?:(?P<wpy>{_Y})\b|(?P<wprel>this|last|next)\s+year\b))?"
     r"|(?P<wfy>(?:(?P<wfyrel>current|this|next|last|previous)\s+)?(?:fiscal|financial)(?:\s+year)?)\b"
     r"|(?P<wbare>year|month|quarter|decade)\b)",
     _both("the", "end", "middle", "beginning", "start", "close"), "word"),
    ("edge_year", rf"\b(?P<edge>[Ll]ate|[Ee]arly|[Mm]id)[\s-]+(?:(?P<wy>{_Y})\b|(?P<wrel>this|last|next)\s+year\b)",
     _both("late", "early", "mid"), "word"),
    ("stretch",
     rf"\b(?:{_alt(_PREPS)}\s+)?(?:[Tt]he\s+)?(?P<dir>{_alt(_both('next', 'last', 'past', 'coming', 'previous'))})"
     rf"\s+(?P<n>{_N})\s+(?P<u>{_UNITS})\b", [*_PREPS, *_both("the", "next", "last", "past", "coming", "previous")],
     "word"),
    ("within", rf"\b(?P<w>[Ii]n|[Ww]ithin)\s+(?P<n>{_N})\s+(?P<u>{_UNITS})\b"
     r"(?!-|\s+(?:of|ago|old|later|earlier|after|before|from|since|time|and|or)\b)", _both("in", "within"), "word"),
    ("ago", rf"\b(?P<n>{_N}|[Aa]n?)\s+(?P<u>{_UNITS})\s+ago\b", [r"\d{1,3}", *_NW, *_both("a", "an")], "word"),
    ("first_n",
     rf"\b(?:[Tt]he\s+)?(?:first\s+)?(?P<n>{_N})\s+months\s+(?:of|on|in)\s+(?:(?P<y>{_Y})\b|(?:the\s+)?(?P<rel>{_REL_YEAR})"
     r"|the\s+(?P<fyrel>current|this|next|last|previous)\s+(?:fiscal|financial)\s+year\b|the\s+(?:current\s+)?year\b)",
     [*_both("the", "first"), r"\d{1,3}", *_NW], "word"),
    ("same_period",
     r"\b(?:[Tt]he\s+)?(?P<what>same|corresponding|comparable|year-ago|year-earlier|prior-year|previous-year)"
     r"\s+(?:period|months?|quarter|half|time(?=\s+(?:of\s+|in\s+)?(?:last|previous|a\s+year|(?:19|20)\d\d)))"
     rf"(?:\s+(?:of\s+|in\s+)?(?:(?P<y>{_Y})\b|(?:the\s+)?(?P<rel>last|previous|prior|preceding)\s+year\b"
     r"|(?:a|one)\s+year\s+(?:ago|earlier|before)\b))?",
     _both("the", "same", "corresponding", "comparable", "year", "prior", "previous"), "word"),
    ("prev_year",
     r"\b(?:(?:[Tt]he\s+)?(?:previous|prior|preceding)\s+year\b(?!-)|(?:[Aa]|[Oo]ne)\s+year\s+(?:ago|earlier|before)\b"
     r"|[Tt]he\s+year\s+before\b)", _both("the", "previous", "prior", "preceding", "a", "one"), "word"),
    # dates counted from the last one the text named: "the next day", "the following year",
    # "the same year", "two months later", "the day before"
    ("anchored",
     r"\b(?:(?:[Tt]he\s+)?(?:(?P<dir>following|same)\s+(?P<unit>day|week|month|year)"
     r"|(?P<dirp>previous|preceding)\s+(?P<unitp>day|week|month)|(?P<dirn>next)\s+(?P<unitn>day))\b"
     r"(?!-|\s+(?:of|to|after|before|last|next|ago|earlier|later)\b)"
     r"|(?:[Tt]he\s+)(?P<unit2>day|week)\s+(?P<dir2>before|after)\b(?!\s+(?:the|a|an|its|his|her|their|this|last|next)\b|\s+[A-Z0-9]|\s+\w+'s))",
     _both("the", "following", "next", "previous", "preceding", "same"), "word"),
    ("anchored", rf"\b(?P<n>{_N}|[Aa]n?)\s+(?P<u>days?|weeks?|months?|years?|decades?)\s+(?P<dir3>later|earlier)\b",
     [r"\d{1,3}", *_NW, *_both("a", "an")], "word"),
    # a week of a month: "the first week of March"
    ("month_week", rf"\b(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<m>{_MB})"
     rf"(?:,?\s+(?P<y>{_Y})\b)?", _both("the", "first", "second", "third", "fourth", "last", "final"), "word"),
    # short edges, as wires write them: "by year-end", "end-2024", "end-June", "month-end"
    ("edge", rf"\b(?:(?P<wbare>year|month|quarter)[-\s]end\b(?!-|\s+(?:of|to)\b)"
     rf"|(?P<edge>end|start)-(?:(?P<wy>{_Y})|(?P<wm>{_MB}))\b)",
     _both("year", "month", "quarter", "end", "start"), "word"),
    ("anaphor", r"\b(?:[Tt]he\s+)(?:(?P<q>reporting|reported|review)\s+(?P<unit>period|month|quarter|year)\b"
     r"|(?P<unit2>period|month|quarter|year)\s+(?P<q2>under\s+review)\b)",
     _both("the"), "word"),
    ("anaphor", rf"\b{_alt(_PREPS)}\s+the\s+(?P<q>same\s+|current\s+)?(?P<unit>period|month|quarter)\b"
     r"(?!-|\s+(?:of|ended|ending|to|that|when|from|since|between|before|after)\b)", _PREPS, "word"),
    ("weekend", r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|the)\s+weekend\b", _both("last", "this", "next", "past", "the"),
     "word"),
    ("relative",
     r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?P<rel>this|next|last|coming|past|the current|This|Next|Last|Past|The current"
     r"|(?:[Tt]he\s+)(?:next|last|past|coming))"
     r"\s+(?P<unit>year|month|week|quarter|decade)\b",
     _both("earlier", "later", "this", "next", "last", "coming", "past", "the"), "word"),
    ("the_year", r"\b(?:[Tt]he\s+)year\b(?!-|\s+(?:before|earlier|ago|after|to|of|ended|ending|on|in|since|when)\b)",
     _both("the"), "word"),
    ("relative_day", r"\b(?P<rel>today|yesterday|tomorrow|tonight|Today|Yesterday|Tomorrow|Tonight|[Ss]o\s+far"
     r"|[Tt]o\s+date|[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night|[Tt]hroughout\s+the\s+day"
     r"|[Ff]or\s+the\s+day(?!\s+(?:of|when|before|after)\b))\b",
     _both("today", "yesterday", "tomorrow", "tonight", "so", "to", "this", "last", "throughout", "for"),
     "word"),
    # the night before the story's day ("overnight", not an adjective: "an overnight rate")
    ("overnight", r"\b[Oo]vernight\b(?!-|\s+(?!(?:in|on|at|to|and|as|after|before|with|from|near|when|while"
     r"|but|amid|the|a|an|into|across|along|around|over|under|of|for)\b)[a-z])", _both("overnight"), "word"),
    # the story's week, as market reports close it: "For the week, the index rose"
    ("week_of_story", r"\b(?:[Ff]or|[Oo]n)\s+the\s+week\b(?!-|\s+(?:of|ended|ending|to|before|after|when)\b)",
     _both("for", "on"), "word"),
    ("time", rf"\b(?:[Aa]t\s+|[Bb]y\s+|[Aa]round\s+)?(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[AaPp]\.?\s?[Mm]\b\.?)"
     rf"|(?P<h2>[01]?\d|2[0-3])[:.]?(?P<mi2>[0-5]\d)(?=\s+{_A_ZONE}))(?:\s+{_ZONE})?",
     [*_both("at", "by", "around"), r"\d{1,2}", r"\d{1,2}[ap]m", r"\d{3,4}"], "word"),
    ("time", rf"\b(?:(?P<at>[Aa]t|[Bb]y|[Aa]round|[Bb]efore|[Aa]fter|[Uu]ntil)\s+(?:about\s+)?)?"
     rf"(?P<noon>noon|midday)\b(?:\s+{_ZONE})?",
     [*_both("at", "by", "around", "before", "after", "until", "noon", "midday")], "word"),
    ("weekday", r"\b(?:(?P<rel>on|last|next|this|On|Last|Next|This)\s+)?(?:(?:[Ee]arly|[Ll]ate)\s+(?:on\s+)?)?"
     r"(?P<wd>" + "|".join(WEEKDAYS) + r")\b(?:\s+(?:morning|afternoon|evening|night))?",
     [*_both("on", "last", "next", "this", "early", "late"), *WEEKDAYS], "word"),
    ("year", rf"(?<![\d$€.,-])(?P<y>{_Y})(?![\d%]|\s*(?:percent|per cent|%))(?:\s*year)?\b",
     [r"(?:19|20)\d\d"], "digit"),  # a year may follow a letter: it starts a run of digits
]  # fmt: skip

COMPILED = [(kind, re.compile(p), _head(*head), runs) for kind, p, head, runs in RULES]
# a count of days or weeks before "after" or "before" a date: "two days after Monday's vote"
COUNTED_FROM = re.compile(rf"\b(?P<n>{_N}|[Aa]n?)\s+(?P<u>days?|weeks?)\s+$")
