"""The date patterns, each with the words its matches start with (its head), by kind.

Absolute dates ("22 October", "December 25, 2005", "22-23 October"), months and years, ranges
("January-June", "from 1989 until 2003"), parts of a year ("the first half of this year",
"1H2018", "the second quarter ended September 2023"), edges ("by the end of the first
quarter", "by late 2016"), stretches up to or from the publication date ("in the next 10
years", "in the past three weeks"), relative words ("last month", "this week", "on Thursday",
"last weekend") and words that point back at the period last named ("the same period last
year", "the reporting month", "a year ago"). `periods` turns each into a span of time.
"""

from __future__ import annotations

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
_MB = _alt(_MONTH_FORMS) + r"\b\.?"  # a month name, the whole word
_Y = r"(?:19|20)\d{2}"
_NW = _both(*NUMBER_WORDS)
_N = r"(?:\d{1,3}|" + "|".join(sorted(_NW, key=len, reverse=True)) + ")"
_UNITS = r"(?:years?|months?|weeks?|days?|decades?)"
_REL_YEAR = r"(?:this|last|next|the\s+current|the\s+previous|current|previous)\s+year\b"
_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 and m != "May" and m != "Sept"]
_PREPS = _both("in", "over", "during", "within", "for", "throughout")
_DAY_REL = r"\s+(?P<rel>last|this|next)\s+year"  # "on June 9 last year"
# a zone of time after a clock time: "GMT", "ET", "Moscow time", "local time"
_ZONES = "|".join(sorted(map(re.escape, TIME_ZONES), key=len, reverse=True))
_ZONE = rf"(?P<zone>{_ZONES}|(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|local)\s+time)\b"
_A_ZONE = rf"(?:{_ZONES}|(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|local)\s+time)\b"

# (kind, pattern, head words, run kind); the head accepts the first word of every match
RULES: list[tuple[str, str, list[str], str]] = [
    ("day_range", rf"\b(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?\b",
     [r"\d{1,2}"], "word"),
    ("day_range", rf"\b(?P<m>{_M})\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>{_Y}))?\b",
     _MONTH_FORMS, "word"),
    ("day", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>{_Y})|{_DAY_REL})?\b",
     [r"\d{1,2}(?:st|nd|rd|th)?"], "word"),
    ("day", rf"\b(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_Y})\b|{_DAY_REL}\b)?",
     _MONTH_FORMS, "word"),
    ("month", rf"\b(?P<m>{_M})\s+(?P<y>{_Y})\b", _MONTH_FORMS, "word"),
    ("month", rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate)\s+(?P<m>{_M})\b",
     _both("in", "since", "until", "till", "through", "by", "from", "early", "late"), "word"),
    ("mid_month", rf"\b[Mm]id-?\s*(?P<m>{_MB})(?:\s+(?P<y>{_Y})\b)?", _both("mid"), "word"),
    ("decade", r"\b(?:[Tt]he\s+)?(?P<y>(?:19|20)\d0)s\b", [*_both("the"), r"(?:19|20)\d0s"], "word"),
    ("month", rf"\b(?P<m>{_alt(_FULL_MONTHS)})\b(?![-–]\w)", _FULL_MONTHS, "word"),
    ("month_range",
     rf"\b(?P<m1>{_MB})\s*(?:[-–—]|\s(?:to|through|till|until)\s)\s*(?P<m2>{_MB})"
     rf"(?:,?\s+(?P<y>{_Y})\b|\s+(?:of\s+)?(?P<rel>{_REL_YEAR}))?"
     r"(?:\s+period(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)\b))?)?", _MONTH_FORMS, "word"),
    ("month_rel", rf"\b(?P<m>{_MB})\s+(?:of\s+)?(?P<rel>{_REL_YEAR})", _MONTH_FORMS, "word"),
    ("month_quarter", rf"\b[Tt]he\s+(?P<em>{_MB})\s+quarter\b", _both("the"), "word"),
    ("year_range",
     rf"\b(?:(?P<btw>[Bb]etween\s+)|[Ff]rom\s+)?(?P<y1>{_Y})"
     r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through)\s+|(?(btw)\s+and\s+|(?!)))"
     rf"(?P<y2>{_Y}|\d{{2}})\b(?![-/.]\d)", [*_both("between", "from"), r"(?:19|20)\d\d"], "word"),
    ("part",
     r"\b(?:[Tt]he\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|First|Second"
     r"|Third|Fourth|Final|Last)[\s-]+(?P<part>half|quarter)\b(?!-)"
     rf"(?:\s+of\s+(?:the\s+)?(?:(?P<y>{_Y})\b|(?P<rel>{_REL_YEAR})|(?:fiscal\s+|financial\s+)?year\b))?"
     r"(?:,?\s+(?:that\s+)?(?:ended|ending)\s+(?:on\s+)?(?:\d{1,2}\s+)?"
     rf"(?P<em>{_MB})(?:\s+\d{{1,2}}\b,?)?(?:\s+(?P<ey>{_Y})\b)?)?",
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
     r"|the\s+(?:current\s+)?year\b)",
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
    ("anaphor", r"\b(?:[Tt]he\s+)(?P<q>reporting|reported|review)\s+(?P<unit>period|month|quarter|year)\b",
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
     r"|[Tt]o\s+date|[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night)\b",
     _both("today", "yesterday", "tomorrow", "tonight", "so", "to", "this", "last"), "word"),
    ("time", rf"\b(?:[Aa]t\s+|[Bb]y\s+|[Aa]round\s+)?(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[AaPp]\.?\s?[Mm]\b\.?)"
     rf"|(?P<h2>[01]?\d|2[0-3])[:.]?(?P<mi2>[0-5]\d)(?=\s+{_A_ZONE}))(?:\s+{_ZONE})?",
     [*_both("at", "by", "around"), r"\d{1,2}", r"\d{1,2}[ap]m", r"\d{3,4}"], "word"),
    ("weekday", r"\b(?:(?P<rel>on|last|next|this|On|Last|Next|This)\s+)?(?:(?:[Ee]arly|[Ll]ate)\s+(?:on\s+)?)?"
     r"(?P<wd>" + "|".join(WEEKDAYS) + r")\b(?:\s+(?:morning|afternoon|evening|night))?",
     [*_both("on", "last", "next", "this", "early", "late"), *WEEKDAYS], "word"),
    ("year", rf"(?<![\d$€.,-])(?P<y>{_Y})(?![\d%]|\s*(?:percent|per cent|%))(?:\s*year)?\b",
     [r"(?:19|20)\d\d"], "digit"),  # a year may follow a letter: it starts a run of digits
]  # fmt: skip

COMPILED = [(kind, re.compile(p), _head(*head), runs) for kind, p, head, runs in RULES]
