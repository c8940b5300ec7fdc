"""Quantities: numerals and number words with their unit, money, percentages, parts of a total.

Each number (see `numbers`) is read with what it counts: a currency ("RM12 billion"), a share
("41.5 pct"), the words after it ("640 council seats", "4 Uzbek regions", "9kilogram",
"200-ton"), or, for a bare number, the unit of the quantity before it in the sentence ("Of the
640 seats, 212 are in ...") or the people a casualty verb counts ("killing three"). A range
("between RM12 billion and RM15 billion", "5-7 percent") is one quantity, its lower bound.
Not quantities: numbers inside dates, times of day ("6:30 p.m."), ordinals ("1st"), years,
and identifiers ("COVID-19", "A320", "Corridor 2", "No. 5").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ...constants import CASUALTY_VERBS, NOT_UNITS, VERBS_AFTER_A_NUMBER
from . import numbers
from .dates import DateMention
from .document import Doc, Scan

_OF_ANOTHER = re.compile(r"\s+(?:of|another)\b")
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b)")
_UNIT_WORDS = re.compile(r"(?:\s+(?:more|other|new))?((?:\s+[\w’'-]+){1,4})")
_COLON_AHEAD = re.compile(r"[^:;.,\d]*:")
_TIME_OF_DAY = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|GMT\b|UTC\b|o['’]clock\b|local\s+time\b|hours?\s+GMT\b)", re.I
)
_GLUED_UNIT = re.compile(
    r"(?P<u>km|kg|kilograms?|kilometers?|kilometres?|tons?|tonnes?|mt|MW|GW|kW|kWh|MWh|GWh|mm"
    r"|cm|ha|hectares?|bpd|meters?|metres?|m|g|t|l|sq\s?km|percent|pct|x)\b"
)
_HYPHEN_UNIT = re.compile(r"-(?P<u>[a-z]+)(?:-[a-z]+)*\b")
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:No|Nos|no|nos|Number|number)\.?|#)\s*$")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w’'-]*)\s+$")
_SIGN = re.compile(r"(?:US\$|[$€£¥₹]|RM|Rs\.?|[A-Z]{3}(?=[\s\d]))?[ \u00a0]?")
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|\s(?:to|and)\s)\s*(?=\S)")
_BETWEEN = re.compile(r"\b[Bb]etween\s+$")
_CASUALTY = re.compile(r"\b(?:" + "|".join(CASUALTY_VERBS) + r")\s+$")
_BARE_END = re.compile(
    r"\s*(?:[,;:.)]|$|(?:and|or|in|on|at|for|from|to|of|are|were|is|was|each|respectively|while"
    r"|against|compared|versus|vs|with)\b)"
)
_EXPONENT_BEFORE = re.compile(r"\d[eE][+-]?$")
_MINUTES = re.compile(r"\s+(?:and\s+)?(?P<n>\d{1,2})\s+minutes?\b")


@cache
def scans() -> dict[str, Scan]:
    """The number patterns, with their heads (see `analysis.facts.extract.scans`)."""
    return numbers.scans()


def _matches(doc: Doc):
    """The number matches of both patterns, in text order, none inside another."""
    found = [m for scan in scans().values() for m in doc.scan(scan, doc.body_start)]
    found.sort(key=lambda m: (m.start(), -m.end()))
    last = -1
    for m in found:
        if m.start() >= last:
            last = m.end()
            yield m


def find_quantities(doc: Doc, dates: list[DateMention]) -> list[dict]:
    from ...reading.text import lemma, stopwords

    stop = stopwords() | {"more", "other", "new", "further", "additional"}
    text = doc.text
    date_starts = [d.start for d in dates]

    def in_date(pos: int) -> bool:
        i = bisect_right(date_starts, pos) - 1
        return i >= 0 and dates[i].start <= pos < dates[i].end

    out: list[dict] = []
    total: dict | None = None
    skip_to = -1
    # worked out once, not once per number: the stopwords, and each sentence's shape
    shapes: dict = {"stopwords": stopwords()}
    for m in _matches(doc):
        if m.start() < skip_to or in_date(m.start()):
            continue
        if m.group().lower() == "one" and _OF_ANOTHER.match(text, m.end()):
            continue
        n = numbers.read(text, m)
        if n is None or _not_a_quantity(doc, m, n, shapes):
            continue
        _range(text, n)
        skip_to = n.end
        sid = doc.sentence_of(m.start())
        row = _measure(text, n, stop, lemma)
        if row is None:
            row = _bare(doc, n, sid, out, total)
            if row is None:
                continue
        elif _is_year(m, n, row):
            continue
        skip_to = max(skip_to, row["end"])
        row |= {"sentence_id": sid, "evidence": text[row["start"] : row["end"]], "part_of": None}
        total = _parts(text, row, total, out)
    return out


def _not_a_quantity(doc: Doc, m: re.Match, n: numbers.Number, shapes: dict | None = None) -> bool:
    """Times of day, ordinals, identifiers: numbers that count nothing.

    `shapes` keeps what is worked out once (the stopwords; for each sentence, whether it is in
    title case and where its first word starts), so that a sentence of many numbers is read
    once, not once per number."""
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
    if _EXPONENT_BEFORE.search(before):
        return True  # the exponent of 1e308, 2.5E+9
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

    if shapes is None:
        shapes = {}
    span = doc.sentence_span(doc.sentence_of(a))
    if span not in shapes:
        shapes[span] = _sentence_shape(text, *span)
    title_case, first_word = shapes[span]
    first = cap.start(1) <= first_word
    stop = shapes.get("stopwords") or stopwords()
    return not (title_case or first or cap.group(1).lower() in stop)


def _sentence_shape(text: str, lo: int, hi: int) -> tuple[bool, int]:
    """Whether most words of the sentence text[lo:hi] are capitalised (a headline), and where
    its first character that is not white space stands."""
    sentence = text[lo:hi]
    words = re.findall(r"[^\W\d_][\w’'-]*", sentence)
    title_case = bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return title_case, lo + (len(sentence) - len(sentence.lstrip()))


def _range(text: str, n: numbers.Number) -> None:
    """ "between X and Y", "X-Y percent": one quantity, the lower bound, to the end of Y."""
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


def _measure(text: str, n: numbers.Number, stop, lemma) -> dict | None:
    """The quantity with what it counts, read from the words after it; None if none say."""
    start, end = n.start, n.end
    if n.currency:
        return _row(n.value, n.currency, "money", "money", start, end)
    pct = _PERCENT.match(text, end)
    if pct:
        return _row(n.value, "percent", "share", "percent", start, pct.end())
    glued = _GLUED_UNIT.match(text, end) if text[end : end + 1].isalpha() else None
    if glued:
        return _row(n.value, lemma(glued.group("u")), None, glued.group("u"), start, glued.end())
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen:
        unit = lemma(hyphen.group("u"))
        return _row(n.value, unit, None, unit, start, hyphen.end())
    run = _unit_run(text[end : end + 60], stop)
    if not run:
        return None
    unit = lemma(run[-1])
    end = text.index(run[-1], end) + len(run[-1])
    row = _row(n.value, unit, " ".join(run[:-1]) or None, " ".join(run), start, end)
    minutes = _MINUTES.match(text, end) if unit == "hour" else None
    if minutes:  # "9 hours 45 minutes"
        row["quantity"] += int(minutes.group("n")) / 60
        row["end"] = minutes.end()
    return row


def _unit_run(after: str, stop) -> list[str]:
    """The words after a number that say what it counts: "parliamentary seats", "Kazakh
    regions" (a capitalised word only before a common one)."""
    words = _UNIT_WORDS.match(after)
    run: list[str] = []
    if not words:
        return run
    tokens = words.group(1).split()
    for i, w in enumerate(tokens):
        if w.lower() in stop or not w.replace("-", "").isalpha():
            break
        if run and (w.lower() in VERBS_AFTER_A_NUMBER or len(w) > 4 and w.endswith("ed")):
            break  # "12 trucks followed", "300 travellers leave"
        if w[0].isupper():
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if not (following.isalpha() and following.islower() and following not in stop):
                break
        run.append(w)
    return run


def _bare(doc: Doc, n: numbers.Number, sid, out: list[dict], total: dict | None) -> dict | None:
    """A number with no unit of its own: a part of the total before it, the people a casualty
    verb counts, or one more of what the sentence counted before it."""
    text, start, end = doc.text, n.start, n.end
    after = text[end : end + 60]
    if total and sid == total["sentence_id"]:
        prev = out[-1] if out and out[-1].get("part_of") == total["subject"] else total
        tail = re.match(
            r"\s+(?:more\s+)?(?:for|on|in|of)\s+([a-z][\w\s-]*?)(?=[,.;:)]|\s+and\b|$)", after
        )
        category = tail.group(1).strip() if tail else None
        subject = f"{category} {prev['unit']}s" if category else prev["unit"]
        return _row(
            n.value, prev["unit"], category, subject, start, end + (tail.end(1) if tail else 0)
        )
    casualty = _CASUALTY.search(text, max(0, start - 12), start)
    if casualty:
        return _row(n.value, "people", None, "people", casualty.start(), end)
    if not _BARE_END.match(text, end) or n.value == int(n.value) and 1900 <= n.value <= 2100:
        return None
    prev = None
    for q in reversed(out):  # (in text order: this sentence's quantities come last)
        if q["sentence_id"] != sid:
            break
        if q["unit"] != "percent":
            prev = q
            break
    if prev is None:
        return None
    return _row(n.value, prev["unit"], prev["category"], prev["subject"], start, end)


def _is_year(m: re.Match, n: numbers.Number, row: dict) -> bool:
    plain = m.group().isdigit() and not n.scaled and row["category"] not in ("money", "share")
    return plain and 1900 < n.value < 2100


def _row(value, unit, category, subject, start, end) -> dict:
    return {"quantity": value, "unit": unit, "category": category, "subject": subject,
            "start": start, "end": end}  # fmt: skip


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
