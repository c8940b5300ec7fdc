"""Numbers as wire copy writes them, with their scale and their currency.

Digits ("1,139", "55 000", "1.5"), number words ("seven", "twenty-five", "a dozen", "half a
million"), fractions ("a third", "two-thirds", "half"), multiples ("twice"), scales ("1.4 mln",
"$300B", "Rs 12.5 crore", "30 bil. yen", "2.2m barrels", "$ 2 billion 310 million") and
currencies written before ("$", "RM12", "Rs", "USD 12", "KSh", "KD", "Tk", "R$", and a single
letter with a scale: "R320 million") or after ("5 billion tenge", "150,000 soums", "480 million
U.S. dollars", "half a million euros"), as ISO 4217 codes, and a currency's smaller units
("98 cents", "22 sen": a fraction of the main unit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...constants import (
    ABBREVIATED_SCALES,
    CURRENCY_CODES,
    CURRENCY_LETTERS,
    CURRENCY_SIGNS,
    CURRENCY_SUBUNITS,
    CURRENCY_WORDS,
    FRACTION_WORDS,
    MULTIPLE_WORDS,
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

# "a third", "one-fifth", "two-thirds", "three quarters"; "half" alone; "quarter-point"
_SMALL = [w for w, v in NUMBER_WORDS.items() if 1 <= v <= 10]
_DENOMINATORS = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))
FRACTION_RE = re.compile(
    rf"\b(?:(?P<fnum>(?i:an?|{'|'.join(_SMALL)}))[ \u00a0-](?P<fden>(?i:{_DENOMINATORS}))"
    r"|(?P<fhalf>[Hh]alf)|(?P<fquarter>[Qq]uarter)(?=-point\b))\b"
)
_MULTIPLES = "|".join(MULTIPLE_WORDS)
MULTIPLE_RE = re.compile(rf"\b(?P<times>(?i:{_MULTIPLES}))\b")

_ALL_SCALES = {**SCALES, **ABBREVIATED_SCALES, "hundred": 1e2, "dozen": 12}
_SCALE_AFTER = re.compile(  # "1.5 million", "$1.2-billion", "Rs 5,000-crore"
    r"(?:\s*|-)(?P<scale>" + "|".join(sorted(_ALL_SCALES, key=len, reverse=True)) + r")\b", re.I
)
_GLUED_SCALE = re.compile(r"(?P<scale>[BMK]|bn|mn|m|b|k)\b")  # "$300B", "$5m": money only
# ... and before a count ("2.2m barrels", "3bn people"): "m" only after a decimal ("a 100m race")
_GLUED_COUNT = re.compile(r"(?P<scale>bn|mn|m)(?=[ \u00a0]+[a-z]+s\b)")
# an abbreviated scale's full stop, when the amount goes on ("30 bil. yen")
_SCALE_STOP = re.compile(r"\.(?=[ \u00a0]+[a-z])")
_GLUED = {"b": 1e9, "bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3}
_SMALLER = re.compile(  # "$ 2 billion 310 million", "Rs 2 crore 50 lakh"
    r"\s+(?:and\s+)?(?P<num>\d{1,3})\s+(?P<scale>"
    + "|".join(sorted({*SCALES, *ABBREVIATED_SCALES}, key=len, reverse=True))
    + r")\b"
)
_TENS = {w: v for w, v in NUMBER_WORDS.items() if 20 <= v <= 90}


@cache
def scans() -> dict[str, Scan]:
    """Numbers in digits (they may follow a currency's letters: "RM12") and in words."""
    return {
        "number in digits": Scan(DIGITS_RE, _head(r"\d+"), "digit"),
        "number in words": Scan(
            WORDS_RE, _head("half", "Half", "a", "A", *_HEAD_WORDS, flags=re.I), "word"
        ),
        "fraction in words": Scan(
            FRACTION_RE, _head("an?", *_SMALL, "half", "quarter", flags=re.I), "word"
        ),
        "multiple": Scan(MULTIPLE_RE, _head(*MULTIPLE_WORDS, flags=re.I), "word"),
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
    kind: str | None = None  # "fraction" ("a third"), "multiple" ("twice"), "subunit" ("cents")
    per: str | None = None  # an exchange rate's other currency ("1 USD = 512.40 AMD": USD)


def read(text: str, m: re.Match) -> Number | None:
    """The number a match of `scans()` starts, with its scale and currency."""
    g = m.groupdict()
    if g.get("fden") or g.get("fhalf") or g.get("fquarter"):
        return _fraction(m, g)
    if g.get("times"):
        return Number(m.start(), m.end(), MULTIPLE_WORDS[g["times"].lower()], kind="multiple")
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
    if pre and pre[0] in _LETTER_CODES and text[pre[1]] in CURRENCY_LETTERS:
        # a single letter is a currency only before a scale or a written-out amount
        if not (n.scaled or re.search(r"[.,\s\u00a0\u202f]", g.get("num") or "")):
            n.currency, n.start = None, m.start()
    post = currency_after(text, n.end)
    if post and n.currency is None:
        n.currency, n.end = post
    elif n.currency is None and not n.scaled:
        sub = subunit_after(text, n.end)
        if sub:
            (n.currency, per), n.end = sub
            n.value /= per
            n.kind = "subunit"
    return n


def number_at(text: str, pos: int) -> Number | None:
    """The number written at `pos`, with its scale and currency, if one is."""
    for scan in scans().values():
        m = scan.rx.match(text, pos)
        if m:
            return read(text, m)
    return None


def _fraction(m: re.Match, g: dict) -> Number:
    """ "a third" 1/3, "two-thirds" 2/3, "half" 1/2, "quarter-point" 1/4."""
    if g.get("fhalf"):
        return Number(m.start(), m.end(), 0.5, kind="fraction")
    if g.get("fquarter"):
        return Number(m.start(), m.end(), 0.25, kind="fraction")
    num = g["fnum"].lower()
    count = 1.0 if num in ("a", "an") else float(NUMBER_WORDS[num])
    return Number(m.start(), m.end(), count * FRACTION_WORDS[g["fden"].lower()], kind="fraction")


def _scale(text: str, n: Number) -> None:
    s = _SCALE_AFTER.match(text, n.end)
    if s:
        n.factor = _ALL_SCALES[s.group("scale").lower()]
        n.value *= n.factor
        n.end, n.scaled = s.end(), True
        stop = (
            _SCALE_STOP.match(text, n.end)
            if s.group("scale").lower() in ABBREVIATED_SCALES
            else None
        )
        n.end = stop.end() if stop else n.end
        larger = _SCALE_AFTER.match(text, n.end)  # "1.5 lakh crore", "10 thousand million"
        if larger and larger.group("scale").lower() in SCALES | ABBREVIATED_SCALES:
            n.factor *= _ALL_SCALES[larger.group("scale").lower()]
            n.value *= _ALL_SCALES[larger.group("scale").lower()]
            n.end = larger.end()
        smaller = _SMALLER.match(text, n.end)  # "$ 2 billion 310 million"
        if smaller and _ALL_SCALES[smaller.group("scale")] < n.factor:
            n.value += float(smaller.group("num")) * _ALL_SCALES[smaller.group("scale")]
            n.end = smaller.end()
        return
    glued = _GLUED_SCALE.match(text, n.end)
    if not (glued and n.currency):
        glued = _GLUED_COUNT.match(text, n.end)
        if glued and glued.group("scale") == "m" and "." not in text[n.start : n.end]:
            glued = None
    if glued:
        n.factor = _GLUED[glued.group("scale").lower()]
        n.value *= n.factor
        n.end, n.scaled = glued.end(), True


# ---- currencies ------------------------------------------------------------------------------

# signs and letters written before the amount ("RM12 billion", "Rs 12.5 crore", "US$ 5"), and
# the single letters read only glued to an amount with a scale or separators ("R320 million")
PREFIXES = {**CURRENCY_SIGNS, **CURRENCY_LETTERS}
_LETTER_CODES = frozenset(CURRENCY_LETTERS.values())
_BEFORE = re.compile(
    r"(?<![\w$])(?:(?P<cur>"
    + "|".join(
        re.escape(p) for p in sorted([*CURRENCY_SIGNS, *CURRENCY_CODES], key=len, reverse=True)
    )
    + r")[ \u00a0]?|(?P<letter>"
    + "|".join(map(re.escape, CURRENCY_LETTERS))
    + r"))$"
)


@cache
def _after_words() -> tuple[dict[str, str], re.Pattern]:
    words = CURRENCY_WORDS
    alts = sorted((w for w in words if w[0].isalpha()), key=len, reverse=True)
    return words, re.compile(r"[ \u00a0]*(?P<cur>" + "|".join(map(re.escape, alts)) + r")\b")


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """(ISO code, start of the sign) of a currency written just before a number."""
    m = _BEFORE.search(text, max(0, start - 6), start)
    if m is None:
        return None
    cur = m.group("cur") or m.group("letter")
    return PREFIXES.get(cur, cur), m.start()


def currency_after(text: str, end: int) -> tuple[str, int] | None:
    """(ISO code, end of the word) of a currency named just after a number."""
    words, rx = _after_words()
    m = rx.match(text, end)
    return (words[m.group("cur")], m.end()) if m else None


_SUBUNIT = re.compile(
    r"[ \u00a0]*(?P<sub>" + "|".join(sorted(CURRENCY_SUBUNITS, key=len, reverse=True)) + r")\b"
)


def subunit_after(text: str, end: int) -> tuple[tuple[str, int], int] | None:
    """((the currency it divides when the text names none, how many make one), end of the word)
    of a currency's smaller unit named just after a number ("98 cents", "22 sen")."""
    m = _SUBUNIT.match(text, end)
    return (CURRENCY_SUBUNITS[m.group("sub")], m.end()) if m else None
