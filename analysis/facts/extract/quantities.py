"""Quantities: numerals and number words with their unit, money, percentages, parts of a total.

Each number (see `numbers`) is read with what it counts (see `counts`): a currency ("RM12
billion", "KD 25 million", "98 cents", in the currency its sentence or story names, see
`money`), a share ("41.5 pct", "a third of the staff"), a multiple ("twice"), the words after it
("640 council seats", "1,200 MW"), an age, or what its sentence says a bare number counts. A
range ("between RM12 billion and RM15 billion", "5-7 percent") is one quantity, its lower
bound; so is a score or a tally ("won 27-24", "voted 7-4"), its first number, a bid and an offer
("4.2310/2360"), and an exchange rate ("1 USD = 512.40 AMD"), in the second currency. The words
that qualify an amount are part of its evidence ("more than $4.6 billion", "$5 million each").
Not quantities: numbers inside dates, times of day ("6:30 p.m."), ordinals ("1st", "a third
dose", "five-eighth"), years, identifiers ("COVID-19", "A320", "Corridor 2", "No. 5",
"Kambarata -1"), classes or places in an order ("category 4", "level 3", "gate 14"), and periods
counted from the story's present ("the next 24 hours", "the first nine months of": dates).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ...constants import (
    IDENTIFIER_WORDS,
    NOT_UNITS,
    QUANTITY_QUALIFIERS,
    SMALLER_UNITS,
    SPAN_WORDS,
    UNITS_IN_YEARS,
)
from . import numbers
from .counts import (
    GLUED_UNIT,
    HYPHEN_UNIT,
    PERCENT,
    SCORE,
    TIME_OF_DAY,
    Reader,
    age_row,
    alternatives,
    bare_row,
    fraction_row,
    measure,
    multiple_row,
    score_row,
)
from .dates import DateMention
from .document import Doc, Scan
from .money import local_currencies, subunit_currencies

# the patterns shared with `counts`, under the names the checks below were written with
_GLUED_UNIT, _HYPHEN_UNIT, _PERCENT, _SCORE, _TIME_OF_DAY = (
    GLUED_UNIT, HYPHEN_UNIT, PERCENT, SCORE, TIME_OF_DAY
)  # fmt: skip
_OF_ANOTHER = re.compile(r"\s+(?:of|another)\b")
_COLON_AHEAD = re.compile(r"[^:;.,\d]*:")
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:No|Nos|no|nos|Number|number)\.?|#)\s*$")
_CLASS_BEFORE = re.compile(rf"\b(?:{alternatives(IDENTIFIER_WORDS)})\s+$", re.I)
_NAME_DASH = re.compile(r"\b[A-Z][\w’'-]*\s+-$")
# a period counted from the story's present: "the next 24 hours", "the first nine months of"
_TIME_UNITS = sorted(
    {*SMALLER_UNITS, *(u for u, _ in SMALLER_UNITS.values()), *UNITS_IN_YEARS}, key=len
)
_TIME_UNIT = re.compile(r"\s+(?:" + "|".join(_TIME_UNITS[::-1]) + r"|centuries)s?\b")
_SPAN_BEFORE = re.compile(rf"\b(?:{alternatives(SPAN_WORDS)})\s+$", re.I)
_FIRST_BEFORE = re.compile(r"\bfirst\s+$", re.I)
_OF_AHEAD = re.compile(r"\s+of\b")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w’'-]*)\s+$")
_SIGN = re.compile(r"(?:US\$|[$€£¥₹]|RM|Rs\.?|[A-Z]{3}(?=[\s\d]))?[ \u00a0]?")
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|\s(?:to|and)\s)\s*(?=\S)")
_BETWEEN = re.compile(r"\b[Bb]etween\s+$")
_POSSESSIVE = re.compile(r"\w['’]s$")
_PAIR = re.compile(r"/\d+(?:\.\d+)?\b")  # a bid and an offer: "4.2310/2360"
_SECOND_OF_PAIR = re.compile(r"\d/$")
_RATE_EQUALS = re.compile(r"\s*=\s*")
_MINUS = re.compile(r"\bminus\s+$", re.I)
# how exact an amount is, and "each": part of its evidence ("more than $4.6 billion")
_QUALIFIER = re.compile(rf"\b(?:{alternatives(QUANTITY_QUALIFIERS)})\s+$", re.I)
_EACH = re.compile(r"\s+each\b")


@cache
def scans() -> dict[str, Scan]:
    """The number patterns, with their heads (see `analysis.facts.extract.scans`)."""
    return numbers.scans()


def _matches(doc: Doc):
    """The number matches of every pattern, in text order, none inside another."""
    found = [m for scan in scans().values() for m in doc.scan(scan, doc.body_start)]
    found.sort(key=lambda m: (m.start(), -m.end()))
    last = -1
    for m in found:
        if m.start() >= last:
            last = m.end()
            yield m


def find_quantities(doc: Doc, dates: list[DateMention]) -> list[dict]:
    """The rows of the `quantities` table (with their `start` and `end`), in text order."""
    reader = Reader(doc)
    text = doc.text
    date_starts = [d.start for d in dates]

    def in_date(pos: int) -> bool:
        i = bisect_right(date_starts, pos) - 1
        return i >= 0 and dates[i].start <= pos < dates[i].end

    out: list[dict] = []
    subunits: list[dict] = []  # the rows of a currency's smaller unit ("98 cents")
    total: dict | None = None
    skip_to = -1
    for m in _matches(doc):
        if m.start() < skip_to or in_date(m.start()):
            continue
        if m.group().lower() == "one" and _OF_ANOTHER.match(text, m.end()):
            continue
        if _SECOND_OF_PAIR.search(text, max(0, m.start() - 2), m.start()):
            continue  # "4.2310/2360", "3/4": the second half of a pair written with a slash
        n = numbers.read(text, m)
        if n is None:
            continue
        sid = doc.sentence_of(m.start())
        if n.kind in ("fraction", "multiple"):
            row = fraction_row(reader, n) if n.kind == "fraction" else multiple_row(n)
        else:
            exempt = _not_an_identifier(doc, n)  # a score after a name, a number after "X's"
            if not exempt and _not_a_quantity(doc, m, n) or _counts_nothing(text, n):
                continue
            minus = _MINUS.search(text, max(0, n.start - 8), n.start)
            if minus:  # "minus 12 degrees"
                n.value, n.start = -n.value, minus.start()
            _range(text, n)
            _rate(text, n)
            row = measure(reader, n)
            if row is None:  # no unit of its own
                row = age_row(reader, n) or score_row(text, n)
                row = row or bare_row(reader, n, sid, out, total)
            elif _is_year(m, n, row):
                continue
        if row is None:
            continue
        skip_to = max(n.end, row["end"])
        if row["unit"] == "other":  # "15 others": more of what the sentence counted
            row |= _others(out, sid)
        _qualified(text, row)
        row |= {"sentence_id": sid, "evidence": text[row["start"] : row["end"]], "part_of": None}
        total = _parts(text, row, total, out)
        if n.kind == "subunit":
            subunits.append(row)
    subunit_currencies(out, subunits)
    local_currencies(doc, out)
    return out


def _not_a_quantity(doc: Doc, m: re.Match, n: numbers.Number) -> bool:
    """Times of day, ordinals, identifiers: numbers that count nothing."""
    text, a, b = doc.text, m.start(), m.end()
    before = text[max(0, a - 12) : a]
    if (
        text[b : b + 1] == ":"
        and text[b + 1 : b + 2].isdigit()
        or before.endswith(":")
        and (before[-2:-1].isdigit())
    ):
        return True  # 6:30
    if _TIME_OF_DAY.match(text, b) and n.currency is None:
        return True
    if text[b : b + 1].isalpha() and n.end == b and not _GLUED_UNIT.match(text, b):
        return True  # 1st, 3D, 5G
    if n.currency is None and before[-1:].isalpha() or re.search(r"\w-$", before):
        return True  # A320, COVID-19
    if _IDENTIFIER_BEFORE.search(before):
        return True
    hyphen = _HYPHEN_UNIT.match(text, n.end)
    if hyphen and hyphen.group("u") in NOT_UNITS:
        return True  # one-by-one, two-thirds
    if n.currency or n.scaled or _PERCENT.match(text, n.end):
        return False
    cap = _CAPITAL_BEFORE.search(text, max(0, a - 30), a)
    if cap is None:
        return False
    from ...reading.text import stopwords

    lo, hi = doc.sentence_span(doc.sentence_of(a))
    words = re.findall(r"[^\W\d_][\w’'-]*", text[lo:hi])
    title_case = words and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    first = cap.start(1) <= lo + (len(text[lo:hi]) - len(text[lo:hi].lstrip()))
    return not (title_case or first or cap.group(1).lower() in stopwords())


def _not_an_identifier(doc: Doc, n: numbers.Number) -> bool:
    """A number after a capitalised word that is no identifier's: a score after a side's name
    ("beat Fiji 27-24", "beating Georgia 6-2"; not "Boeing 737-800" or "737-8"), or a number after a
    possessive ("Thursday's 4.2455", "Kenya's 47 counties"); the check for identifiers
    ("Corridor 2") would take them for one."""
    text = doc.text
    lo = max(0, n.start - 10)
    at = lo + len(text[lo : n.start].rstrip())
    if _POSSESSIVE.search(text, max(0, at - 3), at):
        return True
    score = _SCORE.match(text, n.start)
    if score is None or score.end() < len(text) and text[score.end()].isalnum():
        return False
    first, second = (int(x) for x in re.split(r"\s?[-–]\s?", score.group()))
    return first < 200 and second < 200  # (a model's numbers: "737-800", "737-8")


def _others(out: list[dict], sid) -> dict:
    """The unit "15 others" counts: that of the sentence's last count, else people."""
    for prev in reversed(out):
        if prev["sentence_id"] != sid:
            break
        if prev["category"] not in ("money", "share"):
            return {"unit": prev["unit"], "subject": prev["subject"]}
    return {"unit": "people", "subject": "people"}


def _qualified(text: str, row: dict) -> None:
    """The row's evidence with the words that qualify it: "about", "more than", "each"."""
    qualifier = _QUALIFIER.search(text, max(0, row["start"] - 25), row["start"])
    if qualifier:
        row["start"] = qualifier.start()
    each = _EACH.match(text, row["end"])
    if each:
        row["end"] = each.end()


def _counts_nothing(text: str, n: numbers.Number) -> bool:
    """A class or a place in an order ("category 4", "level 3", "gate 14"), a name's number
    written with a spaced hyphen ("Kambarata -1"), or a period counted from the story's present
    ("the next 24 hours", "the first nine months of the year": a date): not a count."""
    if n.currency is not None:
        return False
    before = max(0, n.start - 12)
    if _CLASS_BEFORE.search(text, before, n.start) or _NAME_DASH.search(text, before, n.start):
        return True
    unit = _TIME_UNIT.match(text, n.end)
    if unit is None or unit.group().strip().startswith(("second", "minute")):
        return False  # ("over the next 12 minutes" of a launch is its length)
    first = _FIRST_BEFORE.search(text, before, n.start) and _OF_AHEAD.match(text, unit.end())
    return bool(first or _SPAN_BEFORE.search(text, before, n.start))


def _range(text: str, n: numbers.Number) -> None:
    """ "between X and Y", "X-Y percent": one quantity, the lower bound, to the end of Y."""
    pair = _PAIR.match(text, n.end) if "." in text[n.start : n.end] else None
    if pair:  # a bid and an offer
        n.end = pair.end()
        return
    between = _BETWEEN.search(text, max(0, n.start - 9), n.start)
    gap = _RANGE_AFTER.match(text, n.end)
    if gap is None:
        return
    sep = text[gap.start() : gap.end()].strip()
    if between is None and not (sep in "-–" and text[n.end - 1].isdigit()):
        return
    if between is not None and sep not in ("and", "-", "–"):
        return
    pos = gap.end() + len(_SIGN.match(text, gap.end()).group())
    second = next(
        (numbers.read(text, m) for scan in scans().values() if (m := scan.rx.match(text, pos))),
        None,
    )
    if second is None or not between and not text[gap.end()].isdigit():
        return
    if not n.scaled and second.scaled:
        n.value *= second.factor
    n.currency = n.currency or second.currency
    n.end = second.end
    n.start = between.start() if between else n.start


def _rate(text: str, n: numbers.Number) -> None:
    """ "1 USD = 512.40 AMD": one quantity, the second amount, in its currency per the first."""
    eq = _RATE_EQUALS.match(text, n.end) if n.currency else None
    second = numbers.number_at(text, eq.end()) if eq else None
    if second is not None and second.currency and second.currency != n.currency:
        n.value, n.end, n.per, n.currency = second.value, second.end, n.currency, second.currency


def _is_year(m: re.Match, n: numbers.Number, row: dict) -> bool:
    plain = m.group().isdigit() and not n.scaled and row["category"] not in ("money", "share")
    return plain and 1900 < n.value < 2100


def _parts(text: str, row: dict, total: dict | None, out: list[dict]) -> dict | None:
    """Adds the row, a part of the total before it if it follows the total's colon or counts
    the same; returns the total in force ("four spacecraft: two ... and two ...")."""
    sid, start = row["sentence_id"], row["start"]
    colon = _COLON_AHEAD.match(text[row["end"] : row["end"] + 40])
    same = total is not None and sid == total["sentence_id"] and start > total["end"]
    if same and (
        row["unit"] in (total["unit"], _plural_free(total["unit"]))
        or text[total["end"] : start].lstrip().startswith(":")
    ):
        row["part_of"] = total["subject"]
    elif colon:
        total = row
    out.append(row)
    return row if colon else total


def _plural_free(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") else unit
