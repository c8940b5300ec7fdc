"""Numbers as wire copy writes them, with their scale and their currency.

Digits ("1,139", "55 000", "1.5"), number words ("seven", "twenty-five", "a dozen", "half a
million"), scales ("1.4 mln", "$300B", "Rs 12.5 crore", "$ 2 billion 310 million") and
currencies written before ("$", "RM12", "Rs", "USD 12") or after ("5 billion tenge", "150,000
soums", "half a million dollars"), as ISO 4217 codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...constants import (
    ABBREVIATED_SCALES,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    SCALES,
)
from .document import Scan, _head

# ---- the numbers -----------------------------------------------------------------------------

_DIGITS = (
    r"(?<!\d)(?<!\d[.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[.,]\d)|\d+(?:\.\d+)?)"
)
DIGITS_RE = re.compile(_DIGITS)
_WORDS = sorted(NUMBER_WORDS, key=len, reverse=True)
_WORD = r"(?:" + "|".join(_WORDS) + r")"
_WORD_NUMBER = (
    rf"\b(?:(?P<half>[Hh]alf\s+an?)\s+(?=(?:thousand|million|billion)\b)"
    rf"|(?P<a>[Aa])\s+(?=(?:dozen|hundred|thousand|million|billion)\b)"
    rf"|(?P<word>(?i:{_WORD})\b(?:-(?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    rf"(?:\s+hundred\b(?:\s+(?:and\s+)?{_WORD}\b)?)?))(?!-(?:thirds?|fifths?|quarters?)\b)"
)
WORDS_RE = re.compile(_WORD_NUMBER)
_HEAD_WORDS = [w for word in _WORDS for w in (word, word.capitalize(), word.upper())]

_ALL_SCALES = {**SCALES, **ABBREVIATED_SCALES, "hundred": 1e2, "dozen": 12}
_SCALE_AFTER = re.compile(
    r"\s*(?P<scale>" + "|".join(sorted(_ALL_SCALES, key=len, reverse=True)) + r")\b", re.I
)
_GLUED_SCALE = re.compile(r"(?P<scale>[BMK]|bn|mn|m|b|k)\b")  # "$300B", "$5m": money only
_GLUED = {"b": 1e9, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}
_SMALLER = re.compile(r"\s+(?:and\s+)?(?P<num>\d{1,3})\s+(?P<scale>million|mln|thousand)\b")
_TENS = {w: v for w, v in NUMBER_WORDS.items() if 20 <= v <= 90}


@cache
def scans() -> dict[str, Scan]:
    """Numbers in digits (they may follow a currency's letters: "RM12") and in words."""
    return {
        "number in digits": Scan(DIGITS_RE, _head(r"\d+"), "digit"),
        "number in words": Scan(
            WORDS_RE, _head("half", "Half", "a", "A", *_HEAD_WORDS, flags=re.I), "word"
        ),
    }


def word_value(text: str) -> float | None:
    """ "seven" 7, "twenty-five" 25, "two hundred and fifty" 250."""
    total, parts = 0.0, re.split(r"[\s-]+(?:and\s+)?", text.lower())
    for p in parts:
        if p == "hundred":
            total = (total or 1) * 100
        elif p in NUMBER_WORDS:
            total += NUMBER_WORDS[p]
        else:
            return None
    return total


@dataclass
class Number:
    start: int  # with a currency written before it
    end: int  # with its scale, and a currency word after it
    value: float
    currency: str | None = None
    scaled: bool = False
    factor: float = 1.0  # the scale it was multiplied by


def read(text: str, m: re.Match) -> Number | None:
    """The number a match of `scans()` starts, with its scale and currency."""
    g = m.groupdict()
    if g.get("num") is not None:
        value = float(re.sub(r"[,\s\u00a0\u202f]", "", g["num"]))
    elif g.get("half"):
        value = 0.5
    elif g.get("a"):
        value = 1.0
    else:
        value = word_value(g["word"])
        if value is None:
            return None
    n = Number(m.start(), m.end(), value)
    pre = currency_before(text, n.start)
    if pre:
        n.currency, n.start = pre
    _scale(text, n)
    post = currency_after(text, n.end)
    if post and n.currency is None:
        n.currency, n.end = post
    if not n.value < LARGEST:  # (and not infinite: "1" followed by 400 zeros)
        return None
    return n


# A number this large counts nothing real: the world's yearly product is about 1e14 dollars, the
# largest sums in the weakest currencies about 1e16 of their units.
LARGEST = 1e18


def _scale(text: str, n: Number) -> None:
    s = _SCALE_AFTER.match(text, n.end)
    if s:
        n.factor = _ALL_SCALES[s.group("scale").lower()]
        n.value *= n.factor
        n.end, n.scaled = s.end(), True
        smaller = _SMALLER.match(text, n.end)  # "$ 2 billion 310 million"
        if smaller and _ALL_SCALES[smaller.group("scale")] < _ALL_SCALES[s.group("scale").lower()]:
            n.value += float(smaller.group("num")) * _ALL_SCALES[smaller.group("scale")]
            n.end = smaller.end()
        return
    glued = _GLUED_SCALE.match(text, n.end)
    if glued and n.currency:
        n.factor = _GLUED[glued.group("scale").lower()]
        n.value *= n.factor
        n.end, n.scaled = glued.end(), True


# ---- currencies ------------------------------------------------------------------------------

# signs and letters written before the amount ("RM12 billion", "Rs 12.5 crore", "US$ 5")
PREFIXES = CURRENCY_SIGNS
_BEFORE = re.compile(
    r"(?<![\w$])(?P<cur>"
    + "|".join(re.escape(p) for p in sorted([*PREFIXES, *CURRENCY_CODES], key=len, reverse=True))
    + r")[ \u00a0]?$"
)


@cache
def _after_words() -> tuple[dict[str, str], re.Pattern]:
    words = CURRENCY_WORDS
    alts = sorted((w for w in words if w[0].isalpha()), key=len, reverse=True)
    return words, re.compile(r"[ \u00a0]*(?P<cur>" + "|".join(map(re.escape, alts)) + r")\b")


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """(ISO code, start of the sign) of a currency written just before a number."""
    m = _BEFORE.search(text, max(0, start - 5), start)
    if m is None:
        return None
    cur = m.group("cur")
    return PREFIXES.get(cur, cur), m.start()


def currency_after(text: str, end: int) -> tuple[str, int] | None:
    """(ISO code, end of the word) of a currency named just after a number."""
    words, rx = _after_words()
    m = rx.match(text, end)
    return (words[m.group("cur")], m.end()) if m else None
