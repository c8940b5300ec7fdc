"""Word lists and patterns that more than one part of the package reads, defined once."""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, names in enumerate(
        [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
         ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
         ("October", "Oct"), ("November", "Nov"), ("December", "Dec")],
        start=1,
    )
    for m in names
}  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12}

# speech verbs, and a name of two or three capitalised words
SPEECH_WORDS = (
    "said", "says", "told", "noted", "stressed", "added", "admitted", "explained", "emphasized",
    "emphasised", "underlined", "announced", "stated", "informed", "pointed out", "believes", "thinks",
)  # fmt: skip
SPEECH = r"(?:" + "|".join(SPEECH_WORDS) + ")"
NAME = r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}"
# honorifics a title may put before a name ("Minister Datuk Dr Ahmad Zulkifli Hassan")
HONORIFICS = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Datuk|Datin|Dato'?|Tan\s+Sri|Tun|Sheikh)\.?\s+)"

# a quotation in straight, curly, angle or low-high marks, within a paragraph line
QUOTE_RE = re.compile(r'"(?P<a>[^"\n]+)"|“(?P<b>[^”\n]+)”|«(?P<c>[^»\n]+)»|„(?P<d>[^“\n]+)“')
