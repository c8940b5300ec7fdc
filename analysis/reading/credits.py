"""The agencies and reporters a wire story credits outside its dateline.

In the head or the tail of a story:

    Kazinform                               an agency's name alone on a line (first or last)
    AFP-JIJI                                a joint credit alone on a line: each agency
    By Name  /  By Name - Agency            a byline; "By Agency" credits the agency
    Agency correspondent reports            the agency's own reporter
    ..., Agency reports.                    the lead crediting the agency (a listed one)
    ... the last sentence. - Agency         a closing dash and the agency
    Name, AGENCY                            a closing line: the reporter and the agency
    Source: AGENCY                          a re-publisher's source line
    name@agency.example                     a reporter's e-mail at an agency's address
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .agencies import agency_name, agency_parts, known_agency
from .dateline import BYLINE, paragraphs


@dataclass(frozen=True)
class Credit:
    """An agency or a reporter credited outside the dateline: its name, role and offsets."""

    name: str
    role: str  # "publisher", "reporter", or "relayed" (an agency the lead credits: see below)
    start: int
    end: int


CREDIT_REACH = 3000  # credits sit in the first and the last few paragraphs: read only there

_AGENCY = r"[A-Z][\w.&/-]*(?:[ ][A-Z][\w.&-]*){0,3}"
_CLOSING = re.compile(rf"[ \t]+[-–—][ \t]*(?P<agency>{_AGENCY})\s*\Z")
# "Trend News Agency correspondent reports": the agency's own reporter
_CORRESPONDENT = re.compile(
    r"\b(?P<agency>[A-Z][\w.-]+)(?: News Agency)?(?:['’]s)? correspondents? (?:reports?|informs?)\b"
)
# the lead crediting the agency itself: "..., Trend reports." (a listed agency, in the lead)
_SELF_CREDIT = re.compile(
    r",[ ](?P<agency>[A-Z][\w.-]+(?:[ ][A-Z][\w.-]+)?)(?: News Agency)? (?:reports|informs)"
    r"(?=[.]|[ ]with reference)"
)
_SOURCE_LINE = re.compile(rf"(?:Source|Sources)[ ]?:[ ]*(?P<agency>{_AGENCY})[ .]*\Z")
# a closing line "Name, AGENCY": a person's name (initials allowed: "T.Bold"), then the agency
_NAME = r"(?:[A-Z][a-z]*\.[ ]?)*[A-Z][\w'’-]+(?:[ ](?:[A-Z]\.[ ]?)*[A-Z][\w'’-]+){0,3}"
_NAME_AGENCY = re.compile(rf"(?P<reporter>{_NAME}),[ ]*(?P<agency>{_AGENCY})[ .]*\Z")
# a desk's signature under the story: the editor's name, two dashes, the outlet ("T.Rossi--LdM")
_DESK = re.compile(rf"(?P<reporter>{_NAME})--(?P<agency>[A-Z][A-Za-z]{{1,8}})[ .]*\Z")
_EMAIL = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)\b")


def _listed(name: str, agencies) -> str | None:
    """The agency's name when `name` is one: in `agencies` as written, else in the gazetteer."""
    return agencies.get(name) or known_agency(name)


def _agency_words(name: str, agencies) -> bool:
    """A line that names an agency: a listed one, or a short name ending in "Agency"."""
    return bool(_listed(name, agencies)) or (
        name.endswith(" Agency") and "\n" not in name and len(name.split()) <= 4
    )


def credits(text: str, agencies=None) -> list[Credit]:
    """Agencies and reporters credited outside the dateline, in the head or the tail of the
    story (see the module's docstring for the forms); `agencies` maps forms to names (the
    gazetteer's agencies by default)."""
    if agencies is None:
        from .gazetteer import gazetteer

        agencies = gazetteer().credit_forms
    found: list[Credit] = []
    head = (0, min(len(text), CREDIT_REACH))
    tail = (max(head[1], len(text) - CREDIT_REACH), len(text))
    paras = [(a + s, a + e) for a, b in (head, tail) if a < b for s, e in paragraphs(text[a:b])]
    if not paras:
        return found

    def publisher(raw: str, s: int, e: int) -> None:
        for name in agency_parts(raw) if not agencies.get(raw) else [agencies[raw]]:
            found.append(Credit(agencies.get(name, name), "publisher", s, e))

    for s, e in (paras[0], *paras[-3:]):
        line = text[s:e]
        if "\n" in line or len(line) > 80:
            continue
        if _agency_words(line, agencies) or (
            len(parts := agency_parts(line)) > 1 and all(known_agency(p) for p in parts)
        ):
            publisher(line, s, e)
    for a, b in (head, tail):
        for m in BYLINE.finditer(text, a, b):
            who = m.group("reporter")
            if _listed(who, agencies) and not m.group("agency"):  # "By Trend": the agency
                publisher(who, *m.span("reporter"))
                continue
            found.append(Credit(who, "reporter", *m.span("reporter")))
            if m.group("agency"):
                publisher(agency_name(m.group("agency")), *m.span("agency"))
        for m in _CORRESPONDENT.finditer(text, a, b):
            publisher(m.group("agency"), *m.span("agency"))
    m = _SELF_CREDIT.search(text, *paras[0]) if len(paras) > 1 else None
    if m is None and len(paras) > 1:
        m = _SELF_CREDIT.search(text, *paras[1])  # under a headline
    if m and _listed(m.group("agency"), agencies):
        # the publisher when the dateline names none, else the agency it relays (the reader
        # of the dateline decides: `analysis.reading.article.load`)
        name = m.group("agency")
        found.append(
            Credit(agencies.get(name) or known_agency(name) or name, "relayed", *m.span("agency"))
        )
    for s, e in paras[-3:]:
        desk = _DESK.match(text, s, e)
        if desk:  # the outlet that printed it: a publisher however it is written
            publisher(desk.group("agency"), *desk.span("agency"))
            continue
        m = _SOURCE_LINE.match(text, s, e) or _NAME_AGENCY.match(text, s, e)
        if m and m.end() >= e and _plausible(m.group("agency"), agencies):
            publisher(m.group("agency"), *m.span("agency"))
    m = _CLOSING.search(text, paras[-1][0], len(text))
    if m and (_listed(m.group("agency"), agencies) or len(m.group("agency").split()) == 1):
        publisher(m.group("agency"), *m.span("agency"))
    for m in _EMAIL.finditer(text, max(0, len(text) - CREDIT_REACH), len(text)):
        domain = m.group("domain").lower().split(".")
        for i in range(len(domain) - 1):  # "kdh@yna.co.kr", "desk@en.example.com"
            name = _listed(".".join(domain[i:]), agencies)
            if name:
                found.append(Credit(name, "publisher", *m.span()))
                break
    unique = {}
    for c in found:
        unique.setdefault((c.name, c.role), c)
    return list(unique.values())


def _plausible(agency: str, agencies) -> bool:
    """An agency in a closing line: a listed one, a name in capitals, or one that says it is an
    agency ("... News Agency")."""
    return (
        bool(_listed(agency, agencies))
        or (agency.isupper() and len(agency) <= 12)
        or (agency.rsplit(" ", 1)[-1] in ("Agency", "News", "Press"))
    )
