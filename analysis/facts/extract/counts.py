"""What a number counts: the words after it, or what its sentence says.

The words after a number name its unit ("640 council seats", "4 Uzbek regions", "9kilogram",
"200-ton", "1,200 MW"), cut where the parse says the noun ends ("3 boats sank" counts boats); a
compound term is one quantity in its larger unit ("13 years and four months"); an age stands
beside a person's name ("Name, 58,") or after "aged", "the age of", "children under"; a fraction
in words is one where a cue or "of" makes it a share ("by a third", "about a fifth of"), not an
ordinal ("a third dose", "five-eighth"); a score or a tally is its first number ("won 27-24").
A bare number counts what its sentence says: the number it ranges or is counted with ("from 16
to 24 crews", "14 of 212 clinics"), "the number of voters ... 2,340", a death toll, the people a
casualty verb counts ("killing three", "34 died"), the count before it in the sentence ("Of the
640 seats, 212 are in ..."), or the subject whose level or change it is ("cases rose by 1,243
to 45,678").
"""

from __future__ import annotations

import re

from ...constants import (
    CASUALTY_NOUNS,
    CASUALTY_VERBS,
    CHANGE_VERBS,
    FRACTION_CUES,
    PARENT_NOUNS,
    PEOPLE_VERBS,
    SMALLER_UNITS,
    UNIT_SYMBOLS,
    UNITS_BEFORE,
    UNITS_IN_YEARS,
    VERBS_AFTER_A_NUMBER,
    YOUNG_NOUNS,
)
from . import numbers
from .document import Doc


def alternatives(words) -> str:
    """A pattern's alternation of the words (or phrases), longest first."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b|pc\b)")
_UNIT_WORDS = re.compile(r"(?:\s+(?:more|other|new))?((?:\s+[\w’'-]+){1,4})")
TIME_OF_DAY = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|GMT\b|UTC\b|o['’]clock\b|local\s+time\b|hours?\s+GMT\b)", re.I
)
GLUED_UNIT = re.compile(
    r"(?P<u>km|kg|kilograms?|kilometers?|kilometres?|tons?|tonnes?|mt|MW|GW|kW|kWh|MWh|GWh|mm"
    r"|cm|ha|hectares?|bpd|meters?|metres?|m|g|t|l|sq\s?km|percent|pct|x)\b"
)
_SYMBOL = re.compile(r"[ \u00a0](?P<u>" + alternatives(UNIT_SYMBOLS) + r")(?![\w/])")
HYPHEN_UNIT = re.compile(r"-(?P<u>[a-z]+)(?:-[a-z]+)*\b")
_HYPHEN_NOUN = re.compile(r"-(?P<u>[A-Z][a-z]+)\b")
_CASUALTY = re.compile(r"\b(?:" + "|".join(CASUALTY_VERBS) + r")\s+$")
_BARE_END = re.compile(
    r"\s*(?:[,;:.)]|$|(?:and|or|in|on|at|for|from|to|of|are|were|is|was|each|respectively|while"
    r"|against|compared|versus|vs|with|after|before|by|than|as|but|when|since|until|throughout"
    r"|amid|during|an?\s+(?:day|week|month|quarter|year)\s+(?:ago|earlier|before))\b)"
)
_NUMBER_WORD = "|".join(sorted(numbers.NUMBER_WORDS, key=len, reverse=True))
_MODIFIER = re.compile(  # "450-member", "three-year"; not "co-passengers", "twenty-five"
    rf"(?:\d|\b(?:{_NUMBER_WORD}))-(?!(?:{_NUMBER_WORD})\b)[A-Za-z]", re.I
)
SCORE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}")
# ages: "Name, 58," or "Name (58)", "aged 60", "the age of 70", "children under five"
_NAME_COMMA = re.compile(r"(?P<w>[A-Z][\w’'.-]*)(?:,\s+|\s+\()$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to)\s+$", re.I)
_AGE_CLOSE = re.compile(r"\s*[,)]")
_AGE_BEFORE = re.compile(r"\b(?:aged|(?:the\s+)?ages?(?:\s+of)?)\s+$", re.I)
_YOUNG_UNDER = re.compile(
    rf"\b(?:{alternatives(YOUNG_NOUNS)})\s+(?:aged\s+)?(?:under|below)\s+$", re.I
)
_PARENT_OF = re.compile(rf"\b(?:{alternatives(PARENT_NOUNS)})\s+of\s+$", re.I)
# what a bare number is counted with: "14 of 212 clinics", "five of its games", "from 24 to 32
# teams", "two or three days"
_OF_WHAT = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|your|these|those|all)\s+)?(?=[\w$€£])"
)
_TO_NEXT = re.compile(r"\s+(?:to|or)\s+(?=[\w$€£])")
_NUMBER_OF = re.compile(r"\bnumber\s+of\b", re.I)
_CASUALTY_NOUN = re.compile(rf"\b(?:{alternatives(CASUALTY_NOUNS)})\b", re.I)
_RATE_AGAINST = re.compile(r"\s+(?:against|versus|per)\s+(?:the\s+|one\s+|a\s+|each\s+)?")
_COMPOUND_GAP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)")
_A_UNIT = re.compile(r"\s+an?\s+([a-z]+)\b")
_CUE_BEFORE = re.compile(rf"\b(?:{alternatives(FRACTION_CUES)})\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_ORDINAL_BEFORE = re.compile(r"\b(?:the|\w+(?:st|nd|rd|th))\s+$", re.I)
_UNIT_BEFORE = re.compile(rf"\b({alternatives(UNITS_BEFORE)})\s+$", re.I)
_POINT = re.compile(r"-point\b")
_PEOPLE_VERB = re.compile(
    rf"\s+(?:(?:were|was|are|is|have\s+been|had\s+been|been)\s+)?(?:{alternatives(PEOPLE_VERBS)})\b"
)
# parts of speech that end the words naming a unit, once a noun is among them ("3 boats sank",
# "7.32 points weaker", "three planets forming")
_BEFORE_A_NOUN = frozenset(("VERB", "ADJ", "NUM"))  # "12 polling stations", "five straight days"
_NOT_UNIT_POS = frozenset(
    ("VERB", "AUX", "ADJ", "ADV", "ADP", "SCONJ", "CCONJ", "PRON", "DET", "PART", "NUM")
)


class Reader:
    """What the rules consult while reading one document: its text, the stopwords, the lemmas,
    and the parse's tokens by their offset (when the model ran)."""

    def __init__(self, doc: Doc):
        from ...reading.text import lemma, stopwords

        self.doc, self.text, self.lemma = doc, doc.text, lemma
        self.stop = stopwords() | {"more", "other", "new", "further", "additional"}

    def unit(self, word: str) -> str:
        """A unit's name: a word's dictionary form ("seats" seat), a symbol as written ("m",
        "kWh": the lemmatiser would read "m" as "am")."""
        return self.lemma(word) if len(word) > 2 and word.islower() else word

    def token(self, pos: int):
        if self.doc.parsed is None:
            return None
        return self.doc.token_at(pos)


def measure(reader: Reader, n: numbers.Number) -> dict | None:
    """The quantity with what it counts, read from the words after it; None if none say."""
    text = reader.text
    start, end = n.start, n.end
    if n.currency:
        if n.per:  # an exchange rate
            subject = f"{n.currency} per {n.per}"
            return _row(n.value, n.currency, "exchange rate", subject, start, end)
        return _row(n.value, n.currency, "money", "money", start, end)
    pct = PERCENT.match(text, end)
    if pct:
        return _row(n.value, "percent", "share", "percent", start, pct.end())
    named = _UNIT_BEFORE.search(text, max(0, start - 15), start)
    if named:  # "magnitude 6.8"
        unit = named.group(1).lower()
        return _row(n.value, unit, None, unit, named.start(), end)
    glued = GLUED_UNIT.match(text, end) if text[end : end + 1].isalpha() else None
    if glued:
        unit = reader.unit(glued.group("u"))
        return _row(n.value, unit, None, glued.group("u"), start, glued.end())
    hyphen = HYPHEN_UNIT.match(text, end) or _HYPHEN_NOUN.match(text, end)
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
    if len(run) == 1 and run[0][0].lower() in PEOPLE_VERBS:  # "3 dead, 9 hurt"
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


def _compound(reader: Reader, row: dict) -> dict:
    """ "13 years and four months", "2 hours 40 minutes": one quantity in the larger unit."""
    smaller = SMALLER_UNITS.get(row["unit"])
    if smaller is None:
        return row
    name, per = smaller
    text = reader.text
    gap = _COMPOUND_GAP.match(text, row["end"])
    part = numbers.number_at(text, gap.end()) if gap else None
    if part is None or part.currency or part.kind:
        return row
    unit = re.compile(rf"\s+{name}s?\b").match(text, part.end)
    if unit:
        row["quantity"] += part.value / per
        row["end"] = unit.end()
    return row


def _unit_run(reader: Reader, end: int, number: int | None = None) -> list[tuple[str, int]]:
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


def _counted_noun(reader: Reader, number: int) -> int | None:
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


def fraction_row(reader: Reader, n: numbers.Number) -> dict | None:
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


def multiple_row(n: numbers.Number) -> dict:
    return _row(n.value, "time", None, "times", n.start, n.end)


def score_row(text: str, n: numbers.Number) -> dict | None:
    """A score or a tally with no unit after it ("won 27-24", "voted 7-4"): its first number."""
    written = text[n.start : n.end]
    if n.currency or not SCORE.fullmatch(written) or 1900 <= n.value <= 2100:
        return None
    return _row(n.value, "score", None, f"score {written}", n.start, n.end)


def age_row(reader: Reader, n: numbers.Number) -> dict | None:
    """An age: "Sipho Mthembu, 58,", "aged 60", "over the age of 70", "children under five";
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


def _a_person_ends(reader: Reader, at: int, number: int) -> bool:
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


def _ahead(reader: Reader, pos: int) -> tuple[str, str | None, str] | None:
    """(unit, category, subject) of the quantity written at `pos`, or of the words there."""
    second = numbers.number_at(reader.text, pos)
    if second is not None:
        if TIME_OF_DAY.match(reader.text, second.end):
            return None
        row = measure(reader, second)
        return (row["unit"], row["category"], row["subject"]) if row else None
    run = _unit_run(reader, pos - 1)
    if not run:
        return None
    words = [w for w, _ in run]
    return reader.unit(words[-1].lower()), " ".join(words[:-1]) or None, " ".join(words)


def bare_row(
    reader: Reader, n: numbers.Number, sid, out: list[dict], total: dict | None
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


def _a_verb_follows(reader: Reader, end: int) -> bool:
    """Whether the parse reads the word after a number as a verb ("212 went", "226 needed")."""
    word = re.compile(r"\s+(?=\w)").match(reader.text, end)
    tok = reader.token(word.end()) if word else None
    return tok is not None and tok.pos_ in ("VERB", "AUX")


def _changed_subject(reader: Reader, n: numbers.Number) -> tuple[str, str | None, str] | None:
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


def _said_to_count(reader: Reader, lo: int, start: int) -> tuple[str, str | None, str] | None:
    """What the sentence before a bare number says it counts: "the number of licensed
    ferry operators ... reached 41", "the death toll ... rose to 87"."""
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


def _row(value, unit, category, subject, start, end) -> dict:
    return {"quantity": value, "unit": unit, "category": category, "subject": subject,
            "start": start, "end": end}  # fmt: skip
