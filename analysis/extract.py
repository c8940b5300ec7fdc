"""Automatic fact extraction for any English wire story: rule-based, offline, no model.

`extract_facts(article, sentences)` returns the eight fact tables (entities, mentions, roles,
events, quantities, topics, quotes, sources) with `origin` = "extracted", in the same columns as
the curated ones, so that every chart and every comparison works on either. It never reads a
curated facts file. What it does, in order:

1. dates: absolute ("22 October", "December 25, 2005"), ranges ("22-23 October"), years,
   relative ones ("this year", "next year", "on Thursday") resolved against the publication
   date, each with its precision. With no known publication date, the year is inferred from
   the years the text speaks of as future (a story that expects something "in 2016" is from
   2015) or else as past.
2. entities: names from the gazetteer the project ships (`analysis/data/gazetteer.yaml`),
   titles before names ("Chairman of the Aerospace Committee ... Erkin Shaymagambetov" gives a
   PERSON with a role in an ORG), capitalised spans with an organisation head word, documents
   ("an intergovernmental agreement") and meetings; indirect references ("he", "the head of the
   committee", "the country", "the document", "the event") resolved to the nearest fitting
   entity before them.
3. quotes: direct quotations with their speaker, whose attribution may follow the closing mark
   in the last sentence of a several-sentence quotation; reported speech ("In his words",
   "according to", "X told journalists", "he admitted that").
4. quantities: numerals and number words with the unit that follows, money and percentages,
   and the parts of a total ("four spacecraft: two communication satellites and two more for
   earth remote sensing").
5. events: clauses with a status cue, from tense and hedges: done ("has launched"), ongoing
   ("is playing host"), planned ("will", "is due to", "likely to"), possible ("may",
   "does not rule out"); a hedge governs the rest of its clause.
6. sources: the dateline's agency (publisher) and attributions ("BelTA informs", "belta.by
   reports").

Every pattern that runs over the whole text or over every sentence is listed in `scans()`, with
the words its matches can start with, and is tried only there (`scan.WordIndex`): a 5 MB file
takes seconds, not minutes. A new pattern goes there too, with its head, and
`tests/test_scan.py` then holds it to the plain `finditer`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from . import paths, schemas
from .article import Article
from .scan import WordIndex

if TYPE_CHECKING:
    import numpy as np

# ---- gazetteer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, tuple[str, str]]  # surface form -> (canonical name, type)
    countries: frozenset[str]
    titles: tuple[str, ...]
    org_heads: frozenset[str]
    sub_bodies: frozenset[str]
    agencies: dict[str, str]  # surface form -> agency
    currencies: dict[str, str]


@cache
def gazetteer() -> Gazetteer:
    import yaml

    data = yaml.safe_load((paths.PACKAGE / "data" / "gazetteer.yaml").read_text(encoding="utf-8"))
    names: dict[str, tuple[str, str]] = {}
    countries = set()
    for c in data["countries"]:
        countries.add(c["name"])
        for form in [c["name"], *c.get("aliases", [])]:
            names[form] = (c["name"], "GPE")
            names[form.upper()] = (c["name"], "GPE")
        for cap in [c.get("capital")]:
            if cap:
                names[cap] = (cap, "GPE")
                names[cap.upper()] = (cap, "GPE")
    for city in data["cities"]:
        names[city] = (city, "GPE")
        names[city.upper()] = (city, "GPE")
    agencies = {}
    for group in ("organizations", "agencies"):
        for o in data[group]:
            for form in [o["name"], *o.get("aliases", [])]:
                names[form] = (o["name"], "ORG")
                if group == "agencies":
                    agencies[form] = o["name"]
    return Gazetteer(
        names=names,
        countries=frozenset(countries),
        titles=tuple(sorted(data["titles"], key=len, reverse=True)),
        org_heads=frozenset(data["org_heads"]),
        sub_bodies=frozenset(data["sub_bodies"]),
        agencies=agencies,
        currencies={str(k): v for k, v in data["currencies"].items()},
    )


class Scan(NamedTuple):
    """A pattern, the head its matches start with (None: anywhere) and the runs it starts on."""

    rx: re.Pattern
    head: re.Pattern | Callable[[WordIndex], np.ndarray] | None  # or a candidates function
    kind: str = "word"  # "word": runs of \\w; "digit": runs of \\d


def _head(*alternatives: str, flags: int = 0, whole: bool = True) -> re.Pattern:
    """A head for `Doc.scan`: the word a match starts with is one of these (a prefix of it when
    not `whole`)."""
    return re.compile("(?:" + "|".join(alternatives) + ")" + (r"\Z" if whole else ""), flags)


def _first_words(literals, flags: int = 0) -> re.Pattern | None:
    """A head for an alternation of literal strings: the first word of each, or None (scan
    everywhere) when one of them does not begin with a word character."""
    firsts = set()
    for lit in literals:
        m = re.match(r"\w+", lit)
        if m is None:
            return None
        firsts.add(re.escape(m.group()))
    return _head(*sorted(firsts, key=len, reverse=True), flags=flags, whole=False)


# ---- the document being read --------------------------------------------------------------


@dataclass
class Doc:
    text: str
    sentences: list[tuple[int, int, int]]  # (sentence_id, start, end)
    body_start: int
    ref_date: dt.date | None
    ref_precision: str | None
    entities: dict[str, str] = field(default_factory=dict)  # canonical -> type
    mentions: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)

    def __post_init__(self):
        # indexes that keep every look-up logarithmic or linear in the span, not in the article:
        # a 5 MB file holds a hundred thousand mentions
        self._keys: set[tuple[str, int, int]] = set()
        self._direct = bytearray(len(self.text))  # 1 where a mention by name covers a character
        self._any = bytearray(len(self.text))  # 1 where any mention covers a character
        self._starts = [s for _, s, _ in self.sentences]
        self._snapshot: tuple[int, list[dict], list[int]] | None = None
        self._dates: list | None = None  # date expressions, found once (see find_dates)
        self._index: WordIndex | None = None
        self._span_arrays = None

    @property
    def index(self) -> WordIndex:
        if self._index is None:
            self._index = WordIndex(self.text)
        return self._index

    def scan(self, scan: Scan, pos: int = 0):
        """`rx.finditer(text, pos)`, tried only at the words its head accepts (see scan.py)."""
        if scan.head is None:
            return scan.rx.finditer(self.text, pos)
        return self.index.finditer(scan.rx, scan.head, pos, None, scan.kind)

    def span_arrays(self):
        """The sentences' starts and ends as arrays."""
        import numpy as np

        if self._span_arrays is None:
            self._span_arrays = (
                np.array([s for _, s, _ in self.sentences], dtype=np.int64),
                np.array([e for _, _, e in self.sentences], dtype=np.int64),
            )
        return self._span_arrays

    def sentence_ids(self, positions):
        """The sentence of each position (an Int64 array; <NA> outside every sentence)."""
        import numpy as np

        starts, ends = self.span_arrays()
        ids = np.array([sid for sid, _, _ in self.sentences], dtype=np.int64)
        if not len(ids):
            return pd.array([pd.NA] * len(positions), dtype="Int64")
        i = np.searchsorted(starts, positions, side="right") - 1
        inside = (i >= 0) & (positions < ends[np.maximum(i, 0)])
        return pd.arrays.IntegerArray(np.where(inside, ids[np.maximum(i, 0)], 0), ~inside)

    def sentence_of(self, pos: int):
        i = bisect_right(self._starts, pos) - 1
        if i >= 0:
            sid, s, e = self.sentences[i]
            if s <= pos < e:
                return sid
        return pd.NA

    def sentence_span(self, sid) -> tuple[int, int]:
        i = int(sid) - 1 if pd.notna(sid) else -1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] == sid:
            return self.sentences[i][1], self.sentences[i][2]
        return 0, 0

    def add_mention(self, name: str, etype: str, start: int, end: int, indirect: bool = False):
        if name not in self.entities:
            self.entities[name] = etype
        key = (name, start, end)
        if key in self._keys:
            return
        self._keys.add(key)
        self.mentions.append({"entity": name, "start": start, "end": end, "is_indirect": indirect})
        self._any[start:end] = b"\x01" * (end - start)
        if not indirect:
            self._direct[start:end] = b"\x01" * (end - start)

    def taken(self, start: int, end: int) -> bool:
        """Whether a mention by name already covers any of this span."""
        return self._direct.find(1, start, end) >= 0

    def covered(self, pos: int) -> bool:
        """Whether any mention covers this character."""
        return 0 <= pos < len(self._any) and self._any[pos] == 1

    def ordered(self) -> tuple[list[dict], list[int]]:
        """Mentions sorted by start, and their starts (re-sorted only after new mentions)."""
        if self._snapshot is None or self._snapshot[0] != len(self.mentions):
            ms = sorted(self.mentions, key=lambda m: (m["start"], m["end"]))
            self._snapshot = (len(self.mentions), ms, [m["start"] for m in ms])
        return self._snapshot[1], self._snapshot[2]

    def between(self, lo: int, hi: int) -> list[dict]:
        """Mentions that start in [lo, hi)."""
        ms, starts = self.ordered()
        return ms[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def last_before(self, pos: int, ok, snapshot=None) -> str | None:
        """The entity of the last mention starting before `pos` that `ok(name, type)` accepts."""
        ms, starts = snapshot or self.ordered()
        for i in range(bisect_left(starts, pos) - 1, -1, -1):
            name = ms[i]["entity"]
            if ok(name, self.entities[name]):
                return name
        return None


# ---- dates ----------------------------------------------------------------------------------

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
_M = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PREP = ""  # a preposition before a date is added to its words afterwards (see find_dates)
_PREP_BEFORE = re.compile(
    r"\b(?:on|in|by|until|till|since|from|of|for|before|after|during|through)\s+$"
)
DATE_PATTERNS = [
    ("day_range", rf"\b{_PREP}(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<m>{_M})(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
    ("day_range", rf"\b{_PREP}(?P<m>{_M})\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
    ("day", rf"\b{_PREP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_M})(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b"),
    ("day", rf"\b{_PREP}(?P<m>{_M})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}})\b)?"),
    ("month", rf"\b{_PREP}(?P<m>{_M})\s+(?P<y>(?:19|20)\d{{2}})\b"),
    ("month", rf"\b(?:in|since|until|by|from|early|late|mid-)\s+(?P<m>{_M})\b"),
    ("relative", r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|next|last|coming|past|the current)\s+(?P<unit>year|month|week)\b"),
    ("relative_day", r"\b(?P<rel>today|yesterday|tomorrow)\b"),
    ("weekday", r"\b(?:(?P<rel>on|last|next|this)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("year", rf"(?<![\d$€.,-]){_PREP}(?P<y>(?:19|20)\d{{2}})(?![\d%]|\s*(?:percent|per cent|%))(?:\s*year)?\b"),
]  # fmt: skip
_MONTH_WORD = _head(*sorted(MONTHS, key=len, reverse=True))
_DAY_WORD = _head(r"\d{1,2}(?:st|nd|rd|th)?")
# where each date pattern can start: (head, kind of run) in the order of DATE_PATTERNS
_DATE_HEADS = [
    (_DAY_WORD, "word"), (_MONTH_WORD, "word"), (_DAY_WORD, "word"), (_MONTH_WORD, "word"),
    (_MONTH_WORD, "word"), (_head("in", "since", "until", "by", "from", "early", "late", "mid"), "word"),
    (_head("earlier", "later", "this", "next", "last", "coming", "past", "the"), "word"),
    (_head("today", "yesterday", "tomorrow"), "word"),
    (_head("on", "last", "next", "this", *WEEKDAYS), "word"),
    (_head(r"(?:19|20)\d\d"), "digit"),  # a year may follow a letter: it starts a run of digits
]  # fmt: skip
_DATE_SCANS = [
    (kind, Scan(re.compile(p), head, runs))
    for (kind, p), (head, runs) in zip(DATE_PATTERNS, _DATE_HEADS, strict=True)
]
FUTURE_CUE = re.compile(
    r"\b(will|shall|likely to|due to|plan|plans|planned|scheduled|expected|next|is to|are to|intends?)\b",
    re.I,
)
PAST_CUE = re.compile(r"\b(was|were|had|has|have|did|ago|last)\b|\b\w+ed\b", re.I)


_YEAR_IN_SENTENCE = re.compile(r"(?<![\d$€.,])(?:19|20)\d{2}(?![\d%])")


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None
    precision: str


def infer_year(doc: Doc) -> tuple[int | None, str]:
    """The year of the story when no date says it: from the years it speaks of as future."""
    future, past = [], []
    speaks_of_future: dict[int, bool] = {}
    for i, m in _in_sentences(doc, scans()["year in a sentence"]):
        if i not in speaks_of_future:
            _, s, e = doc.sentences[i]
            speaks_of_future[i] = FUTURE_CUE.search(doc.text[s:e]) is not None
        (future if speaks_of_future[i] else past).append(int(m.group()))
    if future:
        return min(future) - 1, f"inferred: the text speaks of {min(future)} as the future"
    if past:
        return max(past), f"inferred: the latest year the text speaks of as past, {max(past)}"
    return None, "unknown"


def find_dates(doc: Doc) -> list[DateMention]:
    """Every date expression in the body, resolved to ISO 8601 as precisely as it allows."""
    if doc._dates is None:  # the expressions do not depend on the reference date: found once
        doc._dates = _date_expressions(doc)
    year = doc.ref_date.year if doc.ref_date else None
    out = []
    for start, end, kind, m in doc._dates:
        iso, precision = _resolve(kind, m, doc.ref_date, year, doc)
        if kind == "weekday" and iso is None and not m.group("rel"):
            continue  # a bare weekday with nothing to resolve it against
        out.append(DateMention(start, end, doc.text[start:end], iso, precision))
    return out


def _date_expressions(doc: Doc) -> list[tuple[int, int, str, re.Match]]:
    """The date expressions of the body, longest first where two overlap, in text order."""
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, scan in _DATE_SCANS:
        for m in doc.scan(scan, doc.body_start):
            found.append((m.start(), m.end(), kind, m))
    extended = []
    for start, end, kind, m in found:
        p = _PREP_BEFORE.search(doc.text, max(0, start - 8), start)
        extended.append((p.start() if p and kind not in ("relative",) else start, end, kind, m))
    found = extended
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen, last_end = [], -1
    for start, end, kind, m in found:
        if start >= last_end:
            chosen.append((start, end, kind, m))
            last_end = end
    return chosen


def _resolve(kind: str, m: re.Match, ref: dt.date | None, year: int | None, doc: Doc):
    g = m.groupdict()

    def month(name):
        return MONTHS[name.rstrip(".")]

    y = int(g["y"]) if g.get("y") else year
    ystr = f"{y:04d}" if y else "-"
    if kind == "day_range":
        mo = month(g["m"])
        return f"{ystr}-{mo:02d}-{int(g['d1']):02d}/{ystr}-{mo:02d}-{int(g['d2']):02d}", "day"
    if kind == "day":
        return f"{ystr}-{month(g['m']):02d}-{int(g['d']):02d}", "day"
    if kind == "month":
        return (f"{y:04d}-{month(g['m']):02d}" if y else f"--{month(g['m']):02d}"), "month"
    if kind == "year":
        return g["y"], "year"
    if kind == "relative":
        shift = {"this": 0, "the current": 0, "next": 1, "coming": 1, "last": -1, "past": -1}[
            g["rel"]
        ]
        if g["unit"] == "year":
            return (str(year + shift) if year else None), "year"
        if ref is None or doc.ref_precision == "year":
            return None, g["unit"]
        if g["unit"] == "month":
            mo = ref.month - 1 + shift
            return f"{ref.year + mo // 12:04d}-{mo % 12 + 1:02d}", "month"
        d = ref + dt.timedelta(weeks=shift)
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}", "week"
    if kind == "relative_day":
        if ref is None or doc.ref_precision == "year":
            return None, "day"
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel"]]
        return (ref + dt.timedelta(days=shift)).isoformat(), "day"
    if kind == "weekday":
        if ref is None or doc.ref_precision == "year":
            return None, "day"
        target = WEEKDAYS.index(g["wd"])
        sentence = doc.text[slice(*doc.sentence_span(doc.sentence_of(m.start())))]
        if (g["rel"] == "next") or (g["rel"] != "last" and FUTURE_CUE.search(sentence)):
            delta = (target - ref.weekday()) % 7 or 7
        else:
            delta = -((ref.weekday() - target) % 7)
        return (ref + dt.timedelta(days=delta)).isoformat(), "day"
    return None, "unknown"


# ---- entities -----------------------------------------------------------------------------

_CAP = r"[A-Z][\w'’&.-]*"
_CONNECT = r"(?:of|for|and|on|in|de|the)"
CAP_SPAN = re.compile(rf"{_CAP}(?:(?:\s+{_CONNECT})*\s+{_CAP})*")
NAME = r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}"
SPEECH_WORDS = (
    "said", "says", "told", "noted", "stressed", "added", "admitted", "explained", "emphasized",
    "emphasised", "underlined", "announced", "stated", "informed", "pointed out", "believes", "thinks",
)  # fmt: skip
SPEECH = r"(?:" + "|".join(SPEECH_WORDS) + ")"


@cache
def _country_res() -> list[tuple[str, re.Pattern]]:
    """Each country of the gazetteer as a whole-word pattern, in the gazetteer's order."""
    return [(c, re.compile(rf"\b{re.escape(c)}\b")) for c in gazetteer().countries]


@cache
def _country_in(span: str) -> str | None:
    """The first country of the gazetteer that a span names (an organisation's, say)."""
    return next((c for c, rx in _country_res() if rx.search(span)), None)


def _title_re() -> re.Pattern:
    titles = "|".join(re.escape(t) for t in gazetteer().titles)
    return re.compile(
        rf"\b(?P<title>(?:(?:First|Deputy|Vice|Acting)\s+)*(?:{titles}))"
        rf"(?:\s+of\s+(?:the\s+)?(?P<org>{_CAP}(?:(?:\s+{_CONNECT})*\s+{_CAP})*?))?"
        rf"(?:,?\s+(?P<second>academician|professor|Professor|Dr\.?|Mr\.?|Ms\.?|Mrs\.?))?"
        rf",?\s+(?P<name>{NAME})\b(?!\s+(?:of|for)\s+[A-Z])"
    )


def _split_org(span: str, g: Gazetteer) -> list[str]:
    """'Aerospace Committee of the Ministry for ... of Kazakhstan' -> the two organisations."""
    pieces = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", span)
    if len(pieces) > 1 and all(set(p.split()) & g.org_heads for p in pieces):
        return [o for p in pieces for o in _split_org(p, g)]
    span = re.sub(r"\s+in\s+[A-Z][\w-]*$", "", span)
    parts = re.split(r"\s+of\s+the\s+", span)
    out, current = [], parts[0]
    for p in parts[1:]:
        words = set(p.split())
        if words & g.org_heads:
            out.append(current)
            current = p
        else:
            current = f"{current} of the {p}"
    out.append(current)
    return [o for o in out if o.split()[0] not in g.sub_bodies and set(o.split()) & g.org_heads]


_DOCUMENT = re.compile(
    r"\b(?:an?|the)\s+(?P<np>(?:(?:[a-z]+|[A-Z][a-z]+)\s+){0,2}?(?:agreement|memorandum|treaty|protocol|roadmap|declaration|accord)"
    r"(?:\s+(?:on|of)\s+(?:[a-z]+\s+){0,3}?[a-z]+(?=[,.;]|\s+(?:between|with|during|to|in\s+\d)))?)"
)  # fmt: skip
_MEETING = re.compile(
    r"\b(?P<np>(?:[Aa]n?|[Tt]he)\s+(?:(?:next|first|second|third|regular|joint|annual|extraordinary|international)\s+)"
    r"?(?:meeting|summit|forum|session|conference|exhibition|fair|talks)(?:\s+of\s+[^,.;]+?)?)(?=\s+(?:on|in|to|at|is|was|will|are|were)\b|[,.;])"
)  # fmt: skip


def _person_scan(person: str, surname: str) -> Scan:
    """A person named again, in full or by surname."""
    rx = re.compile(rf"\b(?:{re.escape(person)}|{re.escape(surname)})\b")
    return Scan(rx, _first_words([person, surname]))


def find_entities(doc: Doc) -> None:
    g = gazetteer()
    text = doc.text
    # titles before names: PERSON with a role, ORG, and the country of the ORG
    found = scans()
    for m in doc.scan(found["title and name"], doc.body_start):
        name = m.group("name")
        if name in g.names or name.split()[0] in g.org_heads:
            continue
        doc.add_mention(name, "PERSON", m.start("name"), m.end("name"))
        orgs = []
        if m.group("org"):
            org_span = m.group("org")
            base = m.start("org")
            for org in _split_org(org_span, g):
                at = text.find(org, base)
                if at >= 0:
                    doc.add_mention(org, "ORG", at, at + len(org))
                    orgs.append(org)
        country = _country_in(m.group("org")) if m.group("org") else None
        doc.roles.append({"person": name, "role": m.group("title"), "organization": orgs[0] if orgs else None,
                          "country": country, "start": m.start(), "end": m.end()})  # fmt: skip
        if m.group("second"):
            doc.roles.append({"person": name, "role": m.group("second").rstrip("."), "organization": orgs[0] if orgs else None,
                              "country": country, "start": m.start("second"), "end": m.end()})  # fmt: skip
    # titles of a country with no name: "the President of Kazakhstan"
    for m in doc.scan(found["title of a country"]):
        if m.start() < doc.body_start or doc.taken(m.start(), m.end()):
            continue
        person = f"{m.group('t')} of {m.group('c')}"
        doc.add_mention(person, "PERSON", m.start(), m.end())
        doc.roles.append({"person": person, "role": m.group("t"), "organization": None, "country": m.group("c"),
                          "start": m.start(), "end": m.end()})  # fmt: skip
    # people named by a speech verb: "said Erkin Shaymagambetov", "Aidar Nurlanov said"
    for which in ("speech verb and name", "name and speech verb"):
        for m in doc.scan(found[which]):
            name = m.group("name")
            if name in g.names or set(name.split()) & (g.org_heads | set(WEEKDAYS) | set(MONTHS)):
                continue
            if name.split()[0] in {
                "The",
                "A",
                "An",
                "In",
                "According",
                "At",
                "This",
                "He",
                "She",
                "It",
            }:
                continue
            start = m.start("name")
            heads = [i for i, w in enumerate(name.split()) if w in g.org_heads]
            if heads:
                tail = name.split()[heads[-1] + 1 :]
                if len(tail) < 2:
                    continue
                name = " ".join(tail)
                start = m.end("name") - len(name)
            while name.split()[0] in g.names and len(name.split()) > 2:
                first = name.split()[0]
                name = name[len(first) :].lstrip()
                start = m.end("name") - len(name)
            if doc.taken(start, m.end("name")) or name.split()[0] in g.names:
                continue
            doc.add_mention(name, "PERSON", start, m.end("name"))
    # capitalised spans: organisations by head word, then gazetteer names inside and outside
    title_lead = re.compile(
        rf"(?:(?:First|Deputy|Vice)\s+)*(?:{'|'.join(map(re.escape, g.titles))})\s+of\s+(?:the\s+)?"
    )
    for m in CAP_SPAN.finditer(text, doc.body_start):
        span = m.group().rstrip(".")
        words = set(span.split())
        if words & g.org_heads and not doc.taken(m.start(), m.end()):
            lead = title_lead.match(span)
            core = span[lead.end() :] if lead else span
            base = m.start() + (lead.end() if lead else 0)
            for org in _split_org(core, g):
                at = text.find(org, base)
                if at >= 0 and not doc.taken(at, at + len(org)):
                    doc.add_mention(org, "ORG", at, at + len(org))
    for m in doc.scan(found["gazetteer name"]):
        canonical, etype = g.names[m.group()]
        doc.add_mention(canonical, etype, m.start(), m.end())
    # later mentions of a person by full name or surname
    for person in [n for n, t in doc.entities.items() if t == "PERSON" and " of " not in n]:
        surname = person.split()[-1]
        for m in doc.scan(_person_scan(person, surname)):
            if not doc.taken(m.start(), m.end()):
                doc.add_mention(person, "PERSON", m.start(), m.end())
    # documents and meetings
    for m in doc.scan(found["document"], doc.body_start):
        np_ = m.group("np")
        first = np_.split()[0]
        if first in {"the", "this", "that"} or np_ in {
            "agreement",
            "memorandum",
            "treaty",
            "protocol",
        }:
            continue
        at = m.start("np")
        doc.add_mention(np_, "DOCUMENT", at, at + len(np_))
    for m in doc.scan(found["meeting"], doc.body_start):
        np_ = m.group("np")
        words = np_.lower().split()
        if words[0] == "the" and len(words) == 2:
            continue  # "the meeting": a reference, resolved below
        at = m.start("np")
        name = np_.split(maxsplit=1)[1] if words[0] in ("a", "an") else np_
        doc.add_mention(
            name[0].lower() + name[1:] if name.split()[0] in ("The",) else name,
            "EVENT",
            at,
            at + len(np_),
        )


REFERENCE_NOUNS = {
    "country": "GPE", "city": "GPE", "capital": "GPE",
    "document": "DOCUMENT", "draft": "DOCUMENT", "agreement": "DOCUMENT", "memorandum": "DOCUMENT", "treaty": "DOCUMENT",
    "event": "EVENT", "meeting": "EVENT", "forum": "EVENT", "summit": "EVENT", "session": "EVENT", "conference": "EVENT",
    "exhibition": "EVENT", "fair": "EVENT", "talks": "EVENT",
}  # fmt: skip


def quotation_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc.text, doc.body_start)]


def resolve_references(doc: Doc, quoted: list[tuple[int, int]]) -> None:
    """Indirect references, each to the nearest fitting entity mentioned before it."""
    g = gazetteer()
    text = doc.text
    snapshot = doc.ordered()

    def last_before(pos: int, ok) -> str | None:
        return doc.last_before(pos, ok, snapshot)

    role_of: dict[str, dict[str, None]] = {}  # each person's roles and organisations, once each
    orgs_of: dict[str, dict[str, None]] = {}
    for r in doc.roles:
        role_of.setdefault(r["person"], {})[(r["role"] or "").lower()] = None
        orgs_of.setdefault(r["person"], {})[(r.get("organization") or "").lower()] = None
    found = scans()
    # "the head of the committee", "the minister": a person by role; "the committee": an org
    for m in doc.scan(found["the role"], doc.body_start):
        at = m.start()
        if doc.taken(at, m.end()):
            continue
        role, org = m.group("role"), m.group("org")
        person = last_before(at, lambda n, t: t == "PERSON" and (
            any(role in r or r in role for r in role_of.get(n, [])) or
            (org and any(org in o for o in orgs_of.get(n, [])))))  # fmt: skip
        if role == "head" and org and not person:
            person = last_before(
                at, lambda n, t: t == "PERSON" and any(org in o for o in orgs_of.get(n, []))
            )
        if person:
            doc.add_mention(person, "PERSON", at, m.end(), indirect=True)
        if org:
            o_at = m.start("org") - len("the ")
            name = last_before(at, lambda n, t: t == "ORG" and org in n.lower())
            if name:
                doc.add_mention(name, "ORG", o_at, m.end("org"), indirect=True)
    for m in doc.scan(found["the organisation"], doc.body_start):
        at = m.start()
        if doc.covered(at):
            continue
        name = last_before(at, lambda n, t, h=m.group("head"): t == "ORG" and h in n.lower())
        if name:
            doc.add_mention(name, "ORG", at, m.end(), indirect=True)
    # "the country", "the document", "The draft", "the event", "the meeting"
    for m in doc.scan(found["the noun"], doc.body_start):
        at = m.start()
        if doc.covered(at):
            continue
        want = REFERENCE_NOUNS[m.group("noun")]
        ok = (
            (lambda n, t: t == "GPE" and n in g.countries)
            if m.group("noun") == "country"
            else (lambda n, t, w=want: t == w)
        )
        name = last_before(at, ok)
        if name:
            doc.add_mention(name, want, at, m.end(), indirect=True)
    # pronouns: he / his / him / she / her -> the last person (not inside a quotation, where
    # they are the speaker's words about someone else)
    in_quote = bytearray(len(text))
    for s, e in quoted:
        in_quote[s:e] = b"\x01" * (e - s)
    for m in doc.scan(found["pronoun"], doc.body_start):
        at = m.start()
        if in_quote[at]:
            continue
        person = last_before(at, lambda n, t: t == "PERSON")
        if person:
            doc.add_mention(person, "PERSON", at, m.end(), indirect=True)


def resolve_first_person(doc: Doc, speakers: list[tuple[int, int, str]]) -> None:
    """I / my / me inside a direct quotation refer to its speaker."""
    for s, e, speaker in speakers:
        for m in re.finditer(r"\b(?:I|my|me)\b", doc.text[s:e]):
            doc.add_mention(speaker, "PERSON", s + m.start(), s + m.end(), indirect=True)


def person_at(doc: Doc, start: int, end: int) -> str | None:
    """The person a span names or refers to (the last person mention inside it)."""
    inside = [
        m
        for m in doc.between(start, end)
        if m["end"] <= end and doc.entities[m["entity"]] == "PERSON"
    ]
    if inside:
        return sorted(inside, key=lambda m: m["start"])[-1]["entity"]
    return None


def resolve_pronoun(doc: Doc, word: str, pos: int) -> str | None:
    return doc.last_before(pos, lambda n, t: t == "PERSON")


# ---- quotes -------------------------------------------------------------------------------

QUOTE_RE = re.compile(r'"(?P<a>[^"]+)"|“(?P<b>[^”]+)”|«(?P<c>[^»]+)»')
_AFTER = re.compile(
    rf"^[,.]?\s*(?P<who>(?:[Tt]he\s+[\w\s]+?|[Hh]e|[Ss]he|{NAME}))\s+(?P<cue>{SPEECH})\b|^[,.]?\s*(?P<cue2>{SPEECH})\s+(?P<who2>{NAME}|the\s+[\w\s]+?)(?=[,.])"
)
_BEFORE = re.compile(rf"(?P<who>{NAME}|[Hh]e|[Ss]he)\s+(?P<cue>{SPEECH})\s*:?\s*$")


_NEXT_SENTENCE_SPEAKER = re.compile(rf"\s*(?P<who>{NAME}|[Hh]e|[Ss]he)\s+(?P<cue>{SPEECH})\b")
_IN_HIS_WORDS = re.compile(
    r"(?P<cue>In (?P<pron>his|her) (?:words|opinion|view)|According to (?P<who>[^,]+)),\s*(?P<text>.+?)[.!]?$"
)
_TOLD = re.compile(
    rf"\b(?P<cue>told (?:media|journalists|reporters|the press|[A-Z]\w+)|{SPEECH})\b"
)
_SAID_THAT = re.compile(
    rf"(?P<who>\b(?:[Hh]e|[Ss]he|{NAME}))\s+(?:also\s+)?(?P<cue>{SPEECH}|admitted)\s+that\s+(?P<text>.+?)[.!]?$"
)
_SAID_THAT_VERB = _head(*{re.match(r"\w+", w).group() for w in SPEECH_WORDS}, "admitted")
_THAT_AHEAD = re.compile(r"(?:\s+out)?\s+that\b")
_WORD = re.compile(r"\w+")


def _said_that_starts(index: WordIndex):
    """Where "X said that ..." can start: a word among the four white-space-separated chunks
    before a speech verb followed by "that" (a name of up to three words, and "also").

    It looks only backwards from the verb and at the verb's own "that", so it holds for a
    sentence cut out of the text as well.
    """
    import numpy as np

    text = index.text
    words = index.word_starts()
    found = []
    for verb in index.candidates(_SAID_THAT_VERB).tolist():
        if not _THAT_AHEAD.match(text, _WORD.match(text, verb).end()):
            continue
        first = verb
        for _ in range(4):
            while first > 0 and text[first - 1].isspace():
                first -= 1
            while first > 0 and not text[first - 1].isspace():
                first -= 1
        found.append(words[np.searchsorted(words, first) : np.searchsorted(words, verb)])
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


_said_that_starts.holds_for_spans = True


def _first_in_sentences(doc: Doc, scan: Scan) -> dict[int, re.Match]:
    """Sentence index -> the first match in that sentence alone (see _in_sentences)."""
    first: dict[int, re.Match] = {}
    for i, m in _in_sentences(doc, scan):
        first.setdefault(i, m)
    return first


def find_quotes(doc: Doc) -> tuple[list[dict], list[tuple[int, int, str]]]:
    text = doc.text
    quotes, spans = [], []
    for m in QUOTE_RE.finditer(text, doc.body_start):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) < 3:
            continue  # a name or a term in quotation marks, not speech
        q_start = m.start() + 1
        q_text = inner.rstrip(" ,.")
        after = text[m.end() : m.end() + 160]
        before = text[max(doc.body_start, m.start() - 120) : m.start()]
        speaker, cue = None, None
        a = _AFTER.match(after)
        if a:
            who = a.group("who") or a.group("who2")
            cue = a.group("cue") or a.group("cue2")
            w_at = m.end() + after.index(who)
            speaker = person_at(doc, w_at, w_at + len(who)) or (
                resolve_pronoun(doc, who, m.start()) if who.lower() in ("he", "she") else None)  # fmt: skip
        else:
            b = _BEFORE.search(before)
            if b:
                cue = b.group("cue")
                w_at = m.start() - len(before) + b.start("who")
                speaker = person_at(doc, w_at, w_at + len(b.group("who"))) or resolve_pronoun(
                    doc, b.group("who"), w_at
                )
        if speaker is None:
            # attribution in the next sentence: "... ." He said / the minister noted
            sid = doc.sentence_of(m.end() - 1)
            nxt = doc.sentence_span(sid + 1) if pd.notna(sid) else (0, 0)
            n = _NEXT_SENTENCE_SPEAKER.match(text, nxt[0], nxt[1])
            if n:
                cue = n.group("cue")
                speaker = person_at(doc, n.start("who"), n.end("who")) or resolve_pronoun(
                    doc, n.group("who"), nxt[0]
                )
        if speaker:
            quotes.append(
                {"speaker": speaker, "text": q_text, "kind": "direct", "cue": cue, "start": q_start}
            )
            spans.append((m.start(), m.end(), speaker))
    # reported speech, sentence by sentence (not inside a direct quotation)
    roles_by_person: dict[str, tuple[list[int], list[dict]]] = {}  # by start, for bisection
    for r in sorted(doc.roles, key=lambda r: r["start"]):
        starts_, rs = roles_by_person.setdefault(r["person"], ([], []))
        starts_.append(r["start"])
        rs.append(r)
    quoted_sentences = set()
    for a, b, _ in spans:
        first, last = doc.sentence_of(a), doc.sentence_of(max(a, b - 1))
        if pd.notna(first) and pd.notna(last):
            quoted_sentences.update(range(int(first), int(last) + 1))
    told_in = _first_in_sentences(doc, scans()["told"])
    said_that_in = _first_in_sentences(doc, scans()["said that"])
    for i, (sid, s, e) in enumerate(doc.sentences):
        if sid in quoted_sentences:
            continue
        r = _IN_HIS_WORDS.match(text, s, e)  # offsets in the text; `$` is the sentence end
        if r:
            if r.group("pron"):
                speaker = resolve_pronoun(doc, r.group("pron"), s)
            else:
                speaker = person_at(doc, r.start("who"), r.end("who"))
            if speaker:
                quotes.append({"speaker": speaker, "text": r.group("text"), "kind": "reported",
                               "cue": r.group("cue").split(" ", 2)[0] + " " + r.group("cue").split(" ", 2)[1] if r.group("pron") else "According to",
                               "start": r.start("text")})  # fmt: skip
                if r.group("pron"):
                    quotes[-1]["cue"] = r.group("cue")
                continue
        t = told_in.get(i)
        if t:
            cue_at = t.start()
            before = [x for x in doc.between(s, cue_at) if x["end"] <= cue_at and cue_at - x["end"] <= 2
                      and doc.entities[x["entity"]] == "PERSON"]  # fmt: skip
            if before:
                who = before[-1]
                starts_, rs = roles_by_person.get(who["entity"], ([], []))
                near = rs[bisect_left(starts_, s) : bisect_left(starts_, who["end"])]
                lead = min([r["start"] for r in near if r["end"] >= who["end"]] + [who["start"]])
                comma = text.rfind(",", s, lead)
                if comma > s:
                    quotes.append({"speaker": who["entity"], "text": text[s:comma].strip(), "kind": "reported",
                                   "cue": t.group("cue"), "start": s})  # fmt: skip
                    continue
        h = said_that_in.get(i)
        if h:
            w_at = h.start("who")
            speaker = person_at(doc, w_at, h.end("who")) or resolve_pronoun(
                doc, h.group("who"), w_at
            )
            if speaker:
                quotes.append({"speaker": speaker, "text": h.group("text"), "kind": "reported", "cue": h.group("cue"),
                               "start": h.start("text")})  # fmt: skip
    return quotes, spans


# ---- quantities ---------------------------------------------------------------------------

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12}
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_SCALE = r"(?:\s+(?P<scale>thousand|million|mln|billion|bln|trillion))?"
NUMBER_RE = re.compile(rf"(?<![\w.,-])(?P<num>{_NUM}){_SCALE}\b", re.I)


_OF_ANOTHER = re.compile(r"\s+(?:of|another)\b")
_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b)")
_UNIT_WORDS = re.compile(r"(?:\s+(?:more|other|new))?((?:\s+[a-z][\w-]*){1,4})")
_COLON_AHEAD = re.compile(r"[^:;.,\d]*:")


def _value(num: str, scale: str | None) -> float:
    num = num.lower()
    v = float(NUMBER_WORDS[num]) if num in NUMBER_WORDS else float(num.replace(",", ""))
    return v * SCALES[scale.lower()] if scale else v


def find_quantities(doc: Doc, dates: list[DateMention]) -> list[dict]:
    from .text import lemma, stopwords

    g = gazetteer()
    stop = stopwords() | {"more", "other", "new", "further", "additional"}
    text = doc.text
    date_starts = [d.start for d in dates]

    def in_date(pos: int) -> bool:
        i = bisect_right(date_starts, pos) - 1
        return i >= 0 and dates[i].start <= pos < dates[i].end

    currencies = sorted(g.currencies, key=len, reverse=True)
    cur_after = re.compile(
        r"\s*(?P<cur>" + "|".join(re.escape(c) for c in currencies if c[0].isalpha()) + r")\b"
    )
    cur_before = re.compile(r"(?P<cur>\$|€|USD|EUR|KZT|RUB)\s?$")
    out: list[dict] = []
    total: dict | None = None
    for m in doc.scan(scans()["number"], doc.body_start):
        if in_date(m.start()):
            continue
        num, scale = m.group("num"), m.group("scale")
        if num.lower() == "one" and _OF_ANOTHER.match(text, m.end()):
            continue
        value = _value(num, scale)
        sid = doc.sentence_of(m.start())
        start, end = m.start(), m.end()
        before = cur_before.search(text[max(0, start - 5) : start])
        after = text[end : end + 60]
        pct = _PERCENT.match(after)
        cur = cur_after.match(after)
        row = None
        money = before or cur  # "$65 million" or "5 billion tenge"
        if money:
            row = {
                "quantity": value,
                "unit": g.currencies[money.group("cur")],
                "category": "money",
                "subject": "money",
            }
            if before:
                start -= len(before.group())
            else:
                end += cur.end()
        elif pct:
            row = {"quantity": value, "unit": "percent", "category": "share", "subject": "percent"}
            end += pct.end()
        else:
            words = _UNIT_WORDS.match(after)
            run = []
            if words:
                for w in words.group(1).split():
                    if w in stop or not w.isalpha() and "-" not in w:
                        break
                    run.append(w)
            if run:
                unit = lemma(run[-1])
                category = " ".join(run[:-1]) or None
                subject = " ".join(run)
                end = end + after.index(run[-1]) + len(run[-1])
            elif total and sid == total["sentence_id"]:
                prev = out[-1] if out and out[-1].get("part_of") == total["subject"] else total
                unit = prev["unit"]
                tail = re.match(
                    r"\s+(?:more\s+)?(?:for|on|in|of)\s+([a-z][\w\s-]*?)(?=[,.;:)]|\s+and\b|$)",
                    after,
                )
                category = tail.group(1).strip() if tail else None
                subject = f"{category} {unit}s" if category else unit
                if tail:
                    end = end + tail.end(1)
            else:
                continue
            if value > 1900 and value < 2100 and not scale:
                continue  # a year
            row = {"quantity": value, "unit": unit, "category": category, "subject": subject}
        row |= {
            "sentence_id": sid,
            "start": start,
            "end": end,
            "evidence": text[start:end],
            "part_of": None,
        }
        colon = _COLON_AHEAD.match(text[row["end"] : row["end"] + 40])
        if total and sid == total["sentence_id"] and start > total["end"] and row["unit"] in (total["unit"], _plural_free(total["unit"])) or (
            total and sid == total["sentence_id"] and start > total["end"] and text[total["end"]:start].lstrip().startswith(":")):  # fmt: skip
            row["part_of"] = total["subject"]
        elif colon:
            total = row
        out.append(row)
        if colon:
            total = row
    # parts of a total that add up are kept; a "total" with no parts is an ordinary quantity
    return out


def _plural_free(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") else unit


# ---- events -------------------------------------------------------------------------------

STATUS_CUES = [
    ("possible", r"\b(?:does|do|did)\s+not\s+rule\s+out\b|\bit\s+is\s+possible\b|\b(?:may|might|could|can)\s+(?:also\s+)?(?:be\s+)?(?P<v1>[a-z]+)\b|\b(?:is|are)\s+considering\b|\bwould\s+(?P<v2>[a-z]+)"),
    ("planned", r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:likely|due|scheduled|expected|set|planned|going|to\s+be\s+held)\s+to\s+(?P<v3>[a-z]+)|\bwill\s+(?:also\s+)?(?:be\s+)?(?P<v4>[a-z]+)|\bshall\s+(?P<v5>[a-z]+)|\b(?:plans?|planned|intends?|aims?|agreed)\s+to\s+(?P<v6>[a-z]+)|\b(?:is|are)\s+to\s+(?P<v7>[a-z]+)"),
    ("ongoing", r"\b(?:is|are)\s+(?:now\s+|currently\s+|also\s+)?(?P<v8>[a-z]+ing)\b"),
    ("done", r"\b(?:has|have|had)\s+(?:already\s+|also\s+|recently\s+|successfully\s+)?(?:been\s+)?(?P<v9>[a-z]+(?:ed|en|wn|t|ne|un|ld|ught))\b|\b(?:was|were)\s+(?:\w+ly\s+)?(?P<v10>[a-z]+(?:ed|en|wn|t|ld|ught))\b|\btold\s+(?:media|journalists|reporters|the\s+press)\b|\b(?P<v11>signed|launched|held|met|opened|visited|approved|adopted|completed|reached|began|started|took\s+place|grew|rose|fell|went|made|gave|took|saw|became|built|sent|won|spent|paid|sold|bought|brought|led|left|found|came|set\s+up)\b|\b(?:he|she|it|we|they)\s+(?P<v12>[a-z]+ed)\b"),
]  # fmt: skip
_CUE_HEADS = {  # the word each cue starts with
    "possible": ("does", "do", "did", "it", "may", "might", "could", "can", "is", "are", "would"),
    "planned": ("is", "are", "was", "were", "will", "shall", "plans?", "planned", "intends?", "aims?", "agreed"),
    "ongoing": ("is", "are"),
    "done": ("has", "have", "had", "was", "were", "told", "signed", "launched", "held", "met", "opened", "visited",
             "approved", "adopted", "completed", "reached", "began", "started", "took", "grew", "rose", "fell",
             "went", "made", "gave", "saw", "became", "built", "sent", "won", "spent", "paid", "sold", "bought",
             "brought", "led", "left", "found", "came", "set", "he", "she", "it", "we", "they"),
}  # fmt: skip
_CUE_SCANS = [
    (status, Scan(re.compile(rx, re.I), _head(*_CUE_HEADS[status], flags=re.I)))
    for status, rx in STATUS_CUES
]
PRIORITY = {"possible": 0, "planned": 1, "done": 2, "ongoing": 3}  # when two cues start together
NOT_VERBS = {
    "according",
    "being",
    "going",
    "nothing",
    "something",
    "during",
    "including",
    "following",
    "morning",
    "evening",
    "meeting",
    "building",
    "training",
    "sensing",
}


_SPEECH_WORD = re.compile(SPEECH)
_TO_AHEAD = re.compile(r"\s+to\b")
_CLAUSE_BREAK = re.compile(r"[,;]")
_CLAUSE_REST = re.compile(r"[^,;.:()]*")


def _in_sentences(doc: Doc, scan: Scan):
    """(sentence index, match) for every match of `rx` in each sentence on its own, in order.

    The same matches as `rx.finditer(text[s:e])` sentence by sentence, at text offsets: each
    starts at a word the head accepts, where looking back past the sentence start sees a
    boundary either way, and the sentence end ends the string for it.
    """
    starts, ends = doc.span_arrays()
    return doc.index.finditer_spans(scan.rx, scan.head, starts, ends, scan.kind)


def find_events(doc: Doc, dates: list[DateMention], quotes: list[dict], quote_spans) -> list[dict]:
    text = doc.text
    events = []
    date_starts = [d.start for d in dates]
    speaker_of = {}  # sentence -> who speaks in it (reported speech, or inside a quotation)
    for q in quotes:
        speaker_of.setdefault(doc.sentence_of(q["start"]), q["speaker"])
    for qa, qb, sp in quote_spans:
        first, last = doc.sentence_of(qa + 1), doc.sentence_of(max(qa, qb - 2))
        if pd.notna(first) and pd.notna(last):
            for i in range(int(first), int(last) + 1):
                speaker_of.setdefault(i, sp)
    # the status cues of each sentence (matched in the sentence alone, as if cut out of the text)
    cues_in: dict[int, list[tuple[int, int, str, str | None]]] = {}
    for status, scan in _CUE_SCANS:
        for i, m in _in_sentences(doc, scan):
            verb = next((v for v in m.groups() if v), None)
            if verb and (verb.lower() in NOT_VERBS or _SPEECH_WORD.fullmatch(verb.lower())):
                continue
            _, s, e = doc.sentences[i]
            if (
                status == "ongoing"
                and verb
                and verb.lower().endswith("ing")
                and _TO_AHEAD.match(text, m.end(), e)
            ):
                continue
            cues_in.setdefault(i, []).append((m.start() - s, m.end() - s, status, verb))
    ms, mention_starts = doc.ordered()  # every mention is in by now
    entities = doc.entities
    for i in sorted(cues_in):
        sid, s, e = doc.sentences[i]
        sentence = text[s:e]
        in_sentence = dates[bisect_left(date_starts, s) : bisect_left(date_starts, e)]
        cues = cues_in[i]
        cues.sort(key=lambda c: (c[0], PRIORITY[c[2]]))
        kept: list[tuple[int, int, str, str | None]] = []
        for c in cues:
            if any(k[0] <= c[0] < k[1] or c[0] <= k[0] < c[1] for k in kept):
                continue
            # a hedge governs the rest of its clause: "It is possible that we will launch"
            hedge = next(
                (
                    k
                    for k in kept
                    if k[2] == "possible" and not _CLAUSE_BREAK.search(sentence, k[1], c[0])
                ),
                None,
            )
            if hedge and c[2] != "possible":
                continue
            if hedge and c[2] == "possible":
                continue
            kept.append(c)
        for c_start, c_end, status, verb in kept:
            a, b = s + c_start, s + c_end
            clause_start = (
                s + max(sentence.rfind(",", 0, c_start), sentence.rfind(";", 0, c_start), -1) + 1
            )
            rest = _CLAUSE_REST.match(text, b, s + len(sentence))
            obj = rest.group().strip() if rest else ""
            lo, hi = bisect_left(mention_starts, clause_start), bisect_left(mention_starts, a)
            actor = ms[hi - 1]["entity"] if hi > lo else (  # the last mention before the cue
                " ".join(text[clause_start:a].split()[-4:]) or None)  # fmt: skip
            place = next(  # the first place named after it
                (ms[j]["entity"] for j in range(hi, bisect_left(mention_starts, s + len(sentence)))
                 if entities[ms[j]["entity"]] == "GPE"), None)  # fmt: skip
            date = min(in_sentence, key=lambda d: (d.start < b, abs(d.start - b)), default=None)
            speaker = speaker_of.get(sid)
            ev_end = rest.end() if rest else b  # the match runs on the text itself
            events.append({
                "actor": actor, "action": (verb or text[a:b].split()[-1]).lower(),
                "object": " ".join(obj.split()[:10]) or None,
                "place": place,
                "date_text": date.text if date else None, "date": date.date if date else None,
                "status": status, "cue": text[a:b], "speaker": speaker, "sentence_id": sid,
                "evidence": text[min(clause_start, a):ev_end].strip(), "start": a,
            })  # fmt: skip
    events.sort(key=lambda r: r["start"])
    for i, ev in enumerate(events, start=1):
        ev["event_id"] = f"E{i}"
    return events


# ---- sources ------------------------------------------------------------------------------


def find_sources(doc: Doc, article: Article) -> list[dict]:
    g = gazetteer()
    out = []
    if article.dateline and article.dateline.agency:
        d = article.dateline
        out.append({"name": g.agencies.get(d.agency, g.agencies.get(d.agency.upper(), d.agency)), "role": "publisher",
                    "sentence_id": pd.NA, "evidence": doc.text[d.start : d.end].strip()})  # fmt: skip
    for m in doc.scan(scans()["attribution"], doc.body_start):
        who = m.group("who") or m.group("who2")
        out.append({"name": g.agencies.get(who, who), "role": "attributed source",
                    "sentence_id": doc.sentence_of(m.start()), "evidence": m.group()})  # fmt: skip
    return out


DOMAINS = ("by", "kz", "ru", "uz", "az", "kg", "am", "com", "org")
ATTRIBUTION_VERBS = ("informs", "reports", "writes", "said", "says", "stated")


def _attribution_re() -> re.Pattern:
    forms = "|".join(map(re.escape, sorted(gazetteer().agencies, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w.])(?P<who>{forms}|[a-z][\w-]*\.(?:{'|'.join(DOMAINS)}))\s+(?P<v>{'|'.join(ATTRIBUTION_VERBS)})\b"
        rf"|according to (?P<who2>{forms})\b"
    )  # fmt: skip


def _attribution_starts(index: WordIndex):
    """Where an attribution can start: an agency's name, "according to", or a web address
    ("belta.by") that ends right before the white space before "reports", "informs" ...

    A web address may begin after a hyphen inside a word, so for each such verb every position
    of the address before its dot is a candidate; the pattern decides.
    """
    import numpy as np

    text = index.text
    agencies = _first_words(gazetteer().agencies)
    if agencies is None:  # a name that does not start with a word character: look everywhere
        return np.arange(len(text), dtype=np.int64)
    found = [index.candidates(agencies)]
    at = text.find("according to ")
    while at >= 0:
        found.append(np.array([at], dtype=np.int64))
        at = text.find("according to ", at + 1)
    domains = tuple("." + d for d in DOMAINS)
    for verb in index.candidates(_head(*ATTRIBUTION_VERBS)).tolist():
        end = verb
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == verb or not text.endswith(domains, 0, end):
            continue
        dot = text.rfind(".", 0, end)
        first = dot
        while first > 0 and (text[first - 1].isalnum() or text[first - 1] in "_-"):
            first -= 1
        found.append(np.arange(first, dot, dtype=np.int64))
    return np.unique(np.concatenate(found))


# ---- where each pattern can match -------------------------------------------------------


@cache
def scans() -> dict[str, Scan]:
    """Every pattern the extractor runs over the whole text or every sentence, with its head.

    `tests/test_scan.py` holds each of them to the plain `finditer`: same matches.
    """
    g = gazetteer()
    upper_titles = [t for t in g.titles if t[0].isupper()]
    countries = "|".join(map(re.escape, sorted(g.countries, key=len, reverse=True)))
    names = sorted(g.names, key=len, reverse=True)
    heads = "|".join(sorted({h.lower() for h in g.org_heads}))
    titles = "|".join(sorted({t.lower() for t in g.titles}, key=len, reverse=True))
    the = _head("[Tt]he")
    speech = _first_words(SPEECH_WORDS)
    found = {f"date: {kind} {i}": scan for i, (kind, scan) in enumerate(_DATE_SCANS)}
    found |= {f"cue: {status}": scan for status, scan in _CUE_SCANS}
    found |= {
        "year in a sentence": Scan(_YEAR_IN_SENTENCE, _head(r"(?:19|20)\d\d"), "digit"),
        "title and name": Scan(_title_re(), _first_words(["First", "Deputy", "Vice", "Acting", *g.titles])),
        "title of a country": Scan(
            re.compile(rf"\b(?P<t>{'|'.join(map(re.escape, upper_titles))})\s+of\s+(?P<c>{countries})\b(?!\s+[A-Z])"),
            _first_words(upper_titles),
        ),
        "speech verb and name": Scan(re.compile(rf"\b{SPEECH}\s+(?P<name>{NAME})\b"), speech),
        # a name may start inside a word ("Donald" in "McDonald"): no head
        "name and speech verb": Scan(re.compile(rf"(?P<name>{NAME})\s+{SPEECH}\b"), None),
        "gazetteer name": Scan(
            re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])"),
            _first_words(names),
        ),
        "document": Scan(_DOCUMENT, _head("an?", "the")),
        "meeting": Scan(_MEETING, _head("[Aa]n?", "[Tt]he")),
        "the role": Scan(
            re.compile(rf"\b[Tt]he\s+(?P<role>{titles})(?:\s+of\s+the\s+(?P<org>{heads}))?\b"), the
        ),
        "the organisation": Scan(
            re.compile(rf"\b[Tt]he\s+(?P<head>{heads})\b(?!\s+(?:of|for)\s+[A-Z])"), the
        ),
        "the noun": Scan(re.compile(r"\b[Tt]he\s+(?P<noun>" + "|".join(REFERENCE_NOUNS) + r")\b"), the),
        "pronoun": Scan(
            re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b"),
            _head("[Hh]e", "[Hh]is", "[Hh]im", "[Ss]he", "[Hh]er"),
        ),
        "told": Scan(_TOLD, speech),
        "said that": Scan(_SAID_THAT, _said_that_starts),
        "attribution": Scan(_attribution_re(), _attribution_starts),
        "number": Scan(NUMBER_RE, _head(r"\d", *NUMBER_WORDS, flags=re.I, whole=False)),
    }  # fmt: skip
    return found


# ---- all together -------------------------------------------------------------------------


def reference_date(article: Article) -> tuple[dt.date | None, str | None]:
    pub = (article.meta or {}).get("published") or {}
    if pub.get("date"):
        try:
            return dt.date.fromisoformat(str(pub["date"])[:10]), pub.get("precision") or "day"
        except ValueError:
            pass
    return None, None


class LanguageWarning(UserWarning):
    """The article does not look like English: the extracted facts will be poor."""


def english_share(text: str) -> float:
    """The share of the words that are English function words (our stopword list)."""
    from .text import stopwords

    words = re.findall(r"[^\W\d_]+", text.lower())
    stop = stopwords()
    return sum(w in stop for w in words) / len(words) if words else 1.0


def extract_facts(
    article: Article, sentences: pd.DataFrame, index: WordIndex | None = None
) -> dict[str, pd.DataFrame]:
    """The eight fact tables of an article, extracted by rule; `origin` is "extracted".

    `index` is the article text's `WordIndex`, if it is built already.
    """
    import warnings

    body = article.text[article.body_start : article.body_start + 20000]
    share = english_share(body)
    if len(body.split()) >= 20 and share < 0.1:
        warnings.warn(
            f"{article.path}: does not look like English ({share:.0%} English function words); "
            "the term tables still work, but the extracted facts expect English",
            LanguageWarning,
            stacklevel=2,
        )
    doc = _doc(article, sentences)
    if index is not None and index.text == doc.text:
        doc._index = index
    dates_found = _dates_with_inferred_year(doc, article)
    if article.dateline:
        g = gazetteer()
        d = article.dateline
        place = g.names.get(d.place) or g.names.get(d.place.upper())
        at = article.text.find(article.text[d.start : d.start + len(d.place)])
        doc.add_mention(place[0] if place else d.place, "GPE", at, at + len(d.place))
        if d.agency:
            raw = article.text[d.start : d.end]
            agency = g.agencies.get(d.agency) or g.agencies.get(d.agency.upper()) or d.agency
            i = raw.upper().find(d.agency.upper())
            if i >= 0:
                doc.add_mention(agency, "ORG", d.start + i, d.start + i + len(d.agency))
    find_entities(doc)
    resolve_references(doc, quotation_spans(doc))
    quotes, spans = find_quotes(doc)
    resolve_first_person(doc, spans)
    quantities = find_quantities(doc, dates_found)
    events = find_events(doc, dates_found, quotes, spans)
    sources = find_sources(doc, article)
    return _tables(doc, quotes, quantities, events, sources) | {
        "dates": _dates_frame(doc, dates_found)
    }


def _doc(article: Article, sentences: pd.DataFrame) -> Doc:
    """The article as the extractor reads it, with its publication date if the metadata has one."""
    spans = zip(
        sentences["sentence_id"].astype(int),
        sentences["start"].astype(int),
        sentences["end"].astype(int),
    )
    ref_date, ref_precision = reference_date(article)
    return Doc(article.text, list(spans), article.body_start, ref_date, ref_precision)


def _dates_with_inferred_year(doc: Doc, article: Article) -> list[DateMention]:
    if doc.ref_date is None:
        year, _ = infer_year(doc)
        if year and article.dateline and article.dateline.date_text:
            try:
                m = re.match(rf"(?P<m>{_M})\s+(?P<d>\d{{1,2}})", article.dateline.date_text)
                doc.ref_date = dt.date(year, MONTHS[m.group("m").rstrip(".")], int(m.group("d")))
            except (AttributeError, ValueError):
                pass
        if doc.ref_date is None and year:
            found = find_dates(doc)
            day = next(
                (d for d in found if d.precision == "day" and d.date and d.date.startswith("-")),
                None,
            )
            if day:
                try:
                    doc.ref_date = dt.date.fromisoformat(f"{year}{day.date[1:].split('/')[0]}")
                except ValueError:
                    doc.ref_date = None
            if doc.ref_date is None:
                doc.ref_date = dt.date(year, 1, 1)
                doc.ref_precision = "year"
    return find_dates(doc)


def find_dates_table(article: Article, sentences: pd.DataFrame) -> pd.DataFrame:
    """Every date expression of the article, as the `dates` table (see `schemas`)."""
    doc = _doc(article, sentences)
    return _dates_frame(doc, _dates_with_inferred_year(doc, article))


def _dates_frame(doc: Doc, found: list[DateMention]) -> pd.DataFrame:
    rows = [
        {"text": d.text, "start": d.start, "end": d.end, "date": d.date,
         "precision": d.precision, "sentence_id": doc.sentence_of(d.start)}
        for d in found
    ]  # fmt: skip
    return schemas.from_records(rows, "dates", "extracted")


def _tables(doc: Doc, quotes, quantities, events, sources) -> dict[str, pd.DataFrame]:
    def frame(name: str, rows: list[dict]) -> pd.DataFrame:
        return schemas.from_records(rows, name, "extracted")

    import numpy as np

    # a hundred thousand mentions in a long text: built column by column
    ordered = sorted(doc.mentions, key=lambda m: (m["start"], m["end"]))
    starts = np.fromiter((m["start"] for m in ordered), dtype=np.int64, count=len(ordered))
    ends = np.fromiter((m["end"] for m in ordered), dtype=np.int64, count=len(ordered))
    entity = [m["entity"] for m in ordered]
    mentions = pd.DataFrame({
        "entity": entity, "sentence_id": doc.sentence_ids(starts), "start": starts, "end": ends,
        "text": [doc.text[a:b] for a, b in zip(starts.tolist(), ends.tolist())],
        "is_indirect": [m["is_indirect"] for m in ordered], "origin": "extracted",
    })  # fmt: skip
    counts = Counter(entity)
    entities = [
        {"entity": n, "type": t, "n_mentions": counts.get(n, 0)} for n, t in doc.entities.items()
    ]
    roles = []
    seen = set()
    for r in doc.roles:
        key = (r["person"], r["role"])
        if key in seen:
            continue
        seen.add(key)
        roles.append(
            r
            | {
                "sentence_id": doc.sentence_of(r["start"]),
                "evidence": doc.text[r["start"] : r["end"]],
            }
        )
    for q in quotes:
        q["sentence_id"] = doc.sentence_of(q["start"])
        q["n_words"] = len(re.findall(r"\w+(?:[-.']\w+)*", q["text"]))
    return {
        "entities": frame("entities", entities),
        "mentions": schemas.conform(mentions, "mentions")
        if len(mentions)
        else schemas.empty("mentions"),
        "roles": frame("roles", roles),
        "events": frame("events", events),
        "quantities": frame("quantities", quantities),
        "topics": schemas.empty("topics"),
        "quotes": frame("quotes", quotes),
        "sources": frame("sources", sources),
    }
