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
    Name, Health Correspondent              a reporter's line under the headline
    Name / (Agency)                         a reporter's name on a line, the agency below
    This report by AGENCY was first published ...
                                            an agency's own line at the end
    (Reporting by A in X and B; Editing by C)
                                            a credit line: who reported and wrote it (its
                                            reporters), who edited it (an editor, no source);
                                            an agency among them is the publisher
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
    role: str  # "publisher", "reporter", "editor", or "relayed" (an agency the lead credits)
    start: int
    end: int


CREDIT_REACH = 3000  # credits sit in the first and the last few paragraphs: read only there

_AGENCY = r"[A-Z][\w.&/-]*(?:[ ][A-Z][\w.&-]*){0,3}"
_CLOSING = re.compile(rf"[ \t]+[-–—][ \t]*(?P<agency>{_AGENCY})\s*\Z")
# "Agency correspondent reports" after an agency's name: the agency's own reporter
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
# a reporter's line: "Name, Health Correspondent", "Name, Staff Writer"
_REPORTER_LINE = re.compile(
    rf"(?!By[ ])(?P<reporter>{_NAME}),[ ]+(?:[A-Z][\w-]*[ ]+){{0,3}}"
    r"(?:Correspondent|Reporter|Writer|Editor|Journalist)[ .]*\Z"
)
# a reporter's name alone on a line with the agency in brackets on the next
_NAME_THEN_AGENCY = re.compile(rf"(?P<reporter>{_NAME})[ ]*\n[ ]*\((?P<agency>{_AGENCY})\)[ .]*\Z")
# an agency's own closing line: "This report by The Canadian Press was first published ..."
_FIRST_PUBLISHED = re.compile(
    rf"This (?:report|story|article) by (?:the )?(?P<agency>{_AGENCY}) was first published\b"
)
# a credit line's parts: "Reporting by A in X and B; Additional reporting by C; Editing by D"
_CREDIT_PART = re.compile(
    r"(?P<what>(?:Additional |Further )?(?:[Rr]eporting|[Rr]eported|[Ww]riting|[Ww]ritten|"
    r"[Cc]ompiled|[Ee]diting|[Ee]dited|[Ff]act-checked)) by (?P<names>[^;()\n]+)"
)
_CREDIT_LINE = re.compile(
    r"\(?\s*(?:Additional |Further )?(?:Reporting|Reported|Writing|Written|"
    r"Compiled|Editing|Edited) by [^\n]+\Z"
)
_CREDIT_NAME = re.compile(
    rf"(?P<name>{_NAME})(?:[ ]+(?:in|from|at)[ ]+[A-Z][\w.'’ -]*?)?"
    r"(?=\s*(?:,|\band\b|&|\)|;|\Z))"
)
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

    for s, e in paras[:3]:
        m = _REPORTER_LINE.match(text, s, e) or _NAME_THEN_AGENCY.match(text, s, e)
        if m and m.end() >= e:
            found.append(Credit(m.group("reporter"), "reporter", *m.span("reporter")))
            if "agency" in m.groupdict() and _plausible(m.group("agency"), agencies):
                publisher(m.group("agency"), *m.span("agency"))
    for s, e in paras[-2:]:
        m = _FIRST_PUBLISHED.search(text, s, e)
        if m:
            publisher(m.group("agency"), *m.span("agency"))
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
        if _CREDIT_LINE.match(text, s, e):
            found.extend(_credit_line(text, s, e, agencies))
            continue
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


def _credit_line(text: str, s: int, e: int, agencies) -> list[Credit]:
    """The people of a credit line: reporters and writers, editors; an agency named in it
    ("Reporting by AFP") is the publisher."""
    out = []
    for part in _CREDIT_PART.finditer(text, s, e):
        role = "editor" if part.group("what").lower().startswith(("edit", "fact")) else "reporter"
        for m in _CREDIT_NAME.finditer(text, part.start("names"), part.end("names")):
            name = m.group("name")
            if name in ("and", "in"):
                continue
            listed = _listed(name, agencies)
            if listed:
                out.append(Credit(listed, "publisher", *m.span("name")))
            else:
                out.append(Credit(name, role, *m.span("name")))
    return out


def _plausible(agency: str, agencies) -> bool:
    """An agency in a closing line: a listed one, a name in capitals, or one that says it is an
    agency ("... News Agency")."""
    return (
        bool(_listed(agency, agencies))
        or (agency.isupper() and len(agency) <= 12)
        or (agency.rsplit(" ", 1)[-1] in ("Agency", "News", "Press"))
    )
