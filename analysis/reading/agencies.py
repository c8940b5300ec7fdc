"""The names of wire agencies as credits write them: in any case, with or without "The" or
"News Agency", one agency or a joint credit of two ("Xinhua/APP", "AFP-JIJI"), read against
the gazetteer's `agencies` (a short form listed under `credit:` is read only where a credit
stands, and keeps the story's own form)."""

from __future__ import annotations

import re
from functools import cache

from ..constants import AGENCY_WORDS


@cache
def _agency_forms() -> dict[str, str | None]:
    """Every form of every agency in the gazetteer, case-folded, to the agency's name; None for
    a short form read only in a credit ("AA", "APP"), which keeps the story's own form."""
    from .gazetteer import gazetteer

    g = gazetteer()
    return {form.casefold(): g.agencies.get(form) for form in g.credit_forms}


def known_agency(raw: str) -> str | None:
    """The gazetteer's name of an agency written `raw` in any case, with or without "The" or
    "News Agency" ("KAZINFORM", "Kazinform News Agency" -> Kazinform); None if not listed."""
    forms = _agency_forms()
    s = " ".join(raw.split()).strip(" .")
    s = re.sub(r"^[Tt]he ", "", s)
    low = s.casefold()
    for cand in (
        s,
        *(s[: -len(w)] for w in (" news agency", " agency", " news") if low.endswith(w)),
    ):
        if cand and cand.casefold() in forms:
            return forms[cand.casefold()] or agency_name(cand)
    return None


def listed(raw: str) -> bool:
    """Whether a credit names agencies of the gazetteer only (one, or each of a joint one)."""
    return (
        bool(known_agency(raw))
        or all(known_agency(p) for p in re.split(r"[/–-]", raw) if p.strip())
        and bool(re.search(r"[/–-]", raw))
    )


def says_agency(raw: str) -> bool:
    """A name that says it is an agency: "... News Agency", "... Press"."""
    return raw.rsplit(" ", 1)[-1].casefold() in AGENCY_WORDS


def agency_parts(raw: str) -> list[str]:
    """The agencies of a credit as written: one ("KAZINFORM" -> Kazinform), or each of a joint
    credit ("Xinhua/APP" -> Xinhua, then APP as listed; "AFP-JIJI" when both are listed)."""
    s = " ".join(raw.split()).strip(" .")
    known = known_agency(s)
    if known:
        return [known]
    for sep in ("/", "-", "–"):
        parts = [p.strip() for p in s.split(sep)]
        if len(parts) > 1 and all(parts) and (sep == "/" or all(map(known_agency, parts))):
            return [known_agency(p) or agency_name(p) for p in parts]
    return [agency_name(s)]


def agency_spans(text: str, start: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """Each agency of the credit `text[start:end]` with the offsets of its words."""
    names = agency_parts(text[start:end])
    if len(names) == 1:
        return [(names[0], (start, end))]
    sep = next(c for c in "/-–" if len(text[start:end].split(c)) == len(names))
    out, s = [], start
    for name, raw in zip(names, text[start:end].split(sep)):
        a = s + len(raw) - len(raw.lstrip())
        out.append((name, (a, a + len(raw.strip()))))
        s += len(raw) + 1
    return out


def agency_name(raw: str) -> str:
    """KAZINFORM -> Kazinform, REPORT.AZ -> Report.az; short acronyms (AP, TASS) as written."""
    raw = raw.strip()
    if raw.isupper() and len(raw.replace(".", "")) > 4 and " " not in raw:
        return raw.capitalize() if "." in raw else raw.title()
    return raw
