"""The dateline and the credits of a wire story: where, who and when, in every common wire style.

    HARBIN, Mar. 3 (Xinhua) --             CITY, Month D (Agency) --
    URUMQI, Xinjiang, June 8 (Xinhua) --   CITY, Region, Month D (Agency) --
    TOKYO (AP) --                          CITY (Agency) --
    Mumbai, Sep 4 (PTI) The ...            no dash after the agency
    MOSCOW, June 29. /TASS/.               CITY, Month D. /AGENCY/.
    Bishkek, March 16, 2018 / Kabar /.     a year, spaces inside the slashes
    Ganja. 7 March. REPORT.AZ/             CITY. D Month. AGENCY/
    ASTANA. KAZINFORM -                    CITY. AGENCY -
    PENANG:  /  ALMATY --                  a place alone
    Tashkent, Uzbekistan, Nov. 11          a place line, then a byline: "By Name - Agency:"
    (MENAFN) The ...                       an agency tag alone

A headline line above the dateline is allowed (most saved stories have one). Credits outside
the dateline are read too: a byline ("By Name"), an agency's name alone on the first or the
last line, or a closing "- Bernama".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..constants import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = rf"(?:(?:{_MONTH})\.?[ ]\d{{1,2}}|\d{{1,2}}[ ](?:{_MONTH})\.?)(?:,?[ ](?:19|20)\d\d)?"
_WORD = r"[A-Z][A-Za-z'’-]+"
_CAPS = r"[A-Z][A-Z'’-]+"

_DATELINE = re.compile(
    rf"""
    (?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}})
    (?:,[ ](?!(?:{_MONTH})\b)(?P<region>{_WORD}(?:[ ]{_WORD}){{0,2}}))?
    (?:,[ ](?!(?:{_MONTH})\b)(?P<region2>{_WORD}(?:[ ]{_WORD}){{0,2}}))?
    (?:[,.]?[ ](?P<date>{_DAY_MONTH})\.?)?
    (?:
        [ ]?\((?P<paren>[A-Z][\w&.'’ -]{{1,40}}?)\)
      | [ ]?/[ ]?(?P<slash>[A-Z][\w&.'’ -]{{1,30}}?)[ ]?/\.?
      | \.?[ ](?P<caps>[A-Z][A-Z0-9&-]+(?:\.[A-Z]{{2,4}})?)(?P<caps_slash>/)?(?=[\s:.\-–—])
    )?
    (?P<sep>[ ]*(?:--|[-–—:])(?=\s)|\.(?=\s))?
    [ \t]*
    """,
    re.VERBOSE,
)
_TAG = re.compile(r"\((?P<paren>[A-Z][A-Za-z&.-]{1,20})\)[ \t]*(?:--|[-–—])?[ \t]*(?=[A-Z\"“])")
_BYLINE = re.compile(
    rf"By[ ](?P<reporter>{_WORD}(?:[ ]{_WORD}){{0,3}})(?:[ ]*[-–—,/][ ]*(?P<agency>[A-Z][\w.&-]*(?:[ ][A-Z][\w.&-]*){{0,2}}))?[ ]*:?[ \t]*$",
    re.MULTILINE,
)  # fmt: skip
# a byline on the dateline's own line: "Tashkent, Uzbekistan, Nov. 11. By Name - Agency: The"
_INLINE_BYLINE = re.compile(
    rf"By[ ](?P<reporter>{_WORD}(?:[ ]{_WORD}){{0,3}}?)"
    rf"(?:[ ]*[-–—,/][ ]*(?P<agency>[A-Z][\w.&-]*(?:[ ][A-Z][\w.&-]*){{0,2}}))?[ ]*[:.][ \t]+"
)
_CLOSING = re.compile(r"[ \t]+[-–—][ \t]*(?P<agency>[A-Z][\w.&-]*(?:[ ][A-Z][\w.&-]*){0,2})\s*\Z")
# "Trend News Agency correspondent reports": the agency's own reporter
_CORRESPONDENT = re.compile(
    r"\b(?P<agency>[A-Z][\w.-]+)(?: News Agency)?(?:['’]s)? correspondents? (?:reports?|informs?)\b"
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t\r]*\n)[^\n]*)*")


@dataclass(frozen=True)
class Dateline:
    """The dateline at the head of a wire story: where, who and (sometimes) when.

    `start`/`end` cover the dateline (and a byline right under it); `place_at` and `agency_at`
    are the offsets of the place and the agency as written, or None.
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


@dataclass(frozen=True)
class Credit:
    """An agency or a reporter credited outside the dateline: its name, role and offsets."""

    name: str
    role: str  # "publisher" or "reporter"
    start: int
    end: int


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
    """The dateline of a story, at the start of its first paragraph or of the second one
    under a headline; None when the story has none."""
    paras = paragraphs(text[:3000])
    for i, (start, end) in enumerate(paras[:2]):
        if i == 1 and not _is_headline(text, *paras[0]):
            break
        found = _match(text, start, end)
        if found is not None:
            found = _with_byline(text, found, paras, i)
            return replace(found, headline=paras[0]) if i == 1 else found
    return None


def _match(text: str, start: int, end: int) -> Dateline | None:
    tag = _TAG.match(text, start, end)
    if tag:
        return Dateline(None, tag.group("paren"), None, start, tag.end(),
                        agency_at=(tag.start("paren"), tag.end("paren")))  # fmt: skip
    m = _DATELINE.match(text, start, end)
    if not m:
        return None
    place = m.group("place")
    agency_group = next((g for g in ("paren", "slash", "caps") if m.group(g)), None)
    whole_line = m.end() >= end  # "Tashkent, Uzbekistan, Nov. 11" alone on its line
    caps = place.replace(" ", "").replace("-", "").isupper() and len(place) >= 3
    if agency_group == "caps" and not (m.group("sep") or m.group("caps_slash") or caps):
        return None
    signs = sum(
        map(
            bool,
            (
                agency_group,
                m.group("date"),
                m.group("sep") and m.group("sep").strip() in ("--", "-", "–", "—", ":"),
            ),
        )
    )
    if not signs or (m.group("sep") or "").strip() == "." and not (agency_group or m.group("date")):
        return None
    if not (caps or m.group("date") or agency_group):
        return None
    if not whole_line and m.end() < end and not re.match(r"[\"“‘'(A-Z0-9]", text[m.end()]):
        return None
    agency = m.group(agency_group).strip() if agency_group else None
    at = (m.start(agency_group), m.end(agency_group)) if agency_group else None
    if agency and at:  # trim spaces inside "/ Kabar /"
        at = (
            at[0] + m.group(agency_group).index(agency),
            at[0] + m.group(agency_group).index(agency) + len(agency),
        )
    if agency_group == "caps":
        agency = agency_name(agency)
    found = Dateline(
        place=place.title() if caps else place,
        agency=agency,
        date_text=m.group("date").rstrip(".") if m.group("date") else None,
        start=m.start("place"),
        end=m.end(),
        region=m.group("region2") or m.group("region"),
        place_at=(m.start("place"), m.end("place")),
        agency_at=at,
    )
    inline = _INLINE_BYLINE.match(text, m.end(), end)
    if inline is None:
        return found
    if inline.group("agency") and not agency:
        found = replace(
            found, agency=agency_name(inline.group("agency")), agency_at=inline.span("agency")
        )
    return replace(found, end=inline.end(), reporter=inline.group("reporter"))


def _with_byline(text: str, d: Dateline, paras, i: int) -> Dateline:
    """A dateline alone on its line may have a byline under it: "By Name - Agency:"."""
    if d.end < paras[i][1] or i + 1 >= len(paras):
        return d
    s, e = paras[i + 1]
    m = _BYLINE.match(text, s, e)
    if not m or m.end() < e:
        return d
    agency = d.agency
    at = d.agency_at
    if m.group("agency") and not agency:
        agency, at = agency_name(m.group("agency")), (m.start("agency"), m.end("agency"))
    end = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
    return replace(d, agency=agency, end=end, reporter=m.group("reporter"), agency_at=at)


def agency_name(raw: str) -> str:
    """KAZINFORM -> Kazinform, REPORT.AZ -> Report.az; short acronyms (AP, TASS) as written."""
    raw = raw.strip()
    if raw.isupper() and len(raw.replace(".", "")) > 4 and " " not in raw:
        return raw.capitalize() if "." in raw else raw.title()
    return raw


CREDIT_REACH = 3000  # credits sit in the first and the last few paragraphs: read only there


def credits(text: str, agencies) -> list[Credit]:
    """Agencies and reporters credited outside the dateline, in the head or the tail of the
    story: a byline, an agency's name alone on a line, "Kazinform correspondent reports", a
    closing "- Agency"."""
    found: list[Credit] = []
    head = (0, min(len(text), CREDIT_REACH))
    tail = (max(head[1], len(text) - CREDIT_REACH), len(text))
    paras = [(a + s, a + e) for a, b in (head, tail) if a < b for s, e in paragraphs(text[a:b])]
    if not paras:
        return found
    for s, e in (paras[0], *paras[-3:]):
        line = text[s:e]
        if line in agencies or line.removesuffix(" News Agency") in agencies:
            found.append(Credit(agencies.get(line, line), "publisher", s, e))
        elif line.endswith(" Agency") and "\n" not in line and len(line.split()) <= 4:
            found.append(Credit(line, "publisher", s, e))
    for a, b in (head, tail):
        for m in _BYLINE.finditer(text, a, b):
            found.append(Credit(m.group("reporter"), "reporter", *m.span("reporter")))
            if m.group("agency"):
                name = agency_name(m.group("agency"))
                found.append(Credit(agencies.get(name, name), "publisher", *m.span("agency")))
        for m in _CORRESPONDENT.finditer(text, a, b):
            name = m.group("agency")
            found.append(Credit(agencies.get(name, name), "publisher", *m.span("agency")))
    m = _CLOSING.search(text, paras[-1][0], len(text))
    if m and (m.group("agency") in agencies or len(m.group("agency").split()) == 1):
        name = m.group("agency")
        found.append(Credit(agencies.get(name, name), "publisher", *m.span("agency")))
    unique = {}
    for c in found:
        unique.setdefault((c.name, c.role), c)
    return list(unique.values())
