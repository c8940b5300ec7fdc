"""Wire stories of our own, from templates, for tests and benchmarks: no real archive ships.

    python -m analysis.corpus.generate N DIR [--seed S]

Each story has a dateline (place, date, agency), an opening sentence on a project, a figure
or two, a quote, a plan and a closing line; the places, people, agencies, topics, numbers and
dates vary, drawn from fixed lists with a fixed seed, so the same N and seed give the same
files byte for byte. Beside each `story_NNNNN.txt` goes its `.meta.yaml` (title, place, agency,
publication date). The names of the people, the companies and the agencies are invented; the
places are real cities. Every sentence is written here, in our own words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

AGENCIES = ("Meridian", "Harbour Wire", "Northline", "Eastgate News", "Cardinal Press")
PLACES = {
    "Lisbon": "Portugal", "Nairobi": "Kenya", "Hanoi": "Vietnam", "Lima": "Peru",
    "Oslo": "Norway", "Tunis": "Tunisia", "Manila": "Philippines", "Tbilisi": "Georgia",
    "Accra": "Ghana", "Montevideo": "Uruguay", "Almaty": "Kazakhstan", "Dhaka": "Bangladesh",
}  # fmt: skip
FIRST = ("Amara", "Tomas", "Leila", "Kofi", "Ines", "Rustam", "Mei", "Oskar", "Nadia", "Joaquin",
         "Sione", "Farida", "Henrik", "Thandi", "Yusuf", "Clara")  # fmt: skip
LAST = ("Okafor", "Varga", "Haddad", "Lindqvist", "Moreno", "Tashkentova", "Quispe", "Nakamura",
        "Ferreira", "Abenov", "Mensah", "Delacroix", "Rahman", "Kowalczyk")  # fmt: skip
TITLES = ("Minister of Transport", "Minister of Energy", "the mayor of {place}",
          "Deputy Minister of Agriculture", "the head of the national water board")  # fmt: skip
COMPANIES = ("Tern Energy", "Halvorsen Logistics", "Bluefield Engineering", "Corvid Rail",
             "Saltmarsh Utilities", "Kestrel Aerospace")  # fmt: skip
TOPICS = {
    # topic: (what is built or agreed, its unit, the verb for it, a word found only in this topic)
    "port": ("a deep-water container terminal", "containers a year", "build", "quayside"),
    "rail": ("a freight railway to the border", "kilometres of track", "lay", "sleepers"),
    "solar": ("a solar park on former farmland", "megawatts", "install", "photovoltaic"),
    "water": ("a desalination plant for the coast", "cubic metres a day", "commission", "desalination"),
    "satellite": ("an earth observation satellite", "kilograms", "launch", "orbital"),
    "harvest": ("a grain storage network", "tonnes of wheat", "store", "silos"),
}  # fmt: skip
STATUS_LINES = (
    "{company} has signed a contract worth {money} million dollars for the first phase.",
    "{company} is already surveying the site, according to the ministry.",
    "The second phase will start in {year}, the ministry said in a statement.",
    "Officials may extend the scheme to two more regions if funding allows.",
)
QUOTES = (
    '"This is the largest investment of its kind in a decade," {name} said.',
    '"We expect the first results before the end of {year}," {name} told reporters.',
    '"Local firms will do most of the work," {name} said at a briefing in {place}.',
)
CLOSINGS = (
    "The project was first proposed in {earlier}.",
    "Talks with {country}'s neighbours on a joint scheme are due next month.",
    "Parliament is expected to debate the budget for the plan on {weekday}.",
)


@dataclass(frozen=True)
class Story:
    """A generated story and what it is made of (what the tests check the tables against)."""

    doc_id: str
    text: str
    place: str
    country: str
    agency: str
    published: dt.date
    topic: str
    person: str
    company: str


def story(i: int, rng: random.Random) -> Story:
    """The i-th story: every slot drawn from `rng`."""
    place = rng.choice(sorted(PLACES))
    country, agency, topic = PLACES[place], rng.choice(AGENCIES), rng.choice(sorted(TOPICS))
    thing, unit, verb, word = TOPICS[topic]
    person, company = f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(COMPANIES)
    title = rng.choice(TITLES).format(place=place)
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    year = published.year + rng.randint(1, 3)
    slots = dict(place=place, country=country, company=company, name=person, year=year,
                 money=rng.randint(12, 950), earlier=published.year - rng.randint(2, 6),
                 weekday=rng.choice(("Monday", "Wednesday", "Friday")))  # fmt: skip
    amount = (
        f"{rng.randint(2, 90) * 10:,}" if rng.random() < 0.5 else f"{rng.randint(1200, 98000):,}"
    )
    sentences = [
        f"{country} plans to {verb} {thing} near {place}, {title} {person} said on "
        f"{published.strftime('%A')}.",
        f"The plan foresees {amount} {unit}, and the {word} work alone is to employ "
        f"{rng.randint(150, 2400):,} people.",
        *rng.sample(STATUS_LINES, 2),
        rng.choice(QUOTES),
        f"{company} said the {word} design had been tested at a smaller site in {rng.choice(sorted(PLACES))}.",
        rng.choice(CLOSINGS),
    ]
    dateline = f"{place.upper()}, {published.strftime('%B')} {published.day} ({agency}) -- "
    body = " ".join(s.format(**slots) for s in sentences)
    paragraphs = [dateline + body[: body.index(". ") + 1], body[body.index(". ") + 2 :]]
    return Story(f"story_{i:05d}", "\n\n".join(paragraphs) + "\n", place, country, agency,
                 published, topic, person, company)  # fmt: skip


def stories(n: int, *, seed: int = 15) -> list[Story]:
    """N stories, the same for the same N and seed."""
    rng = random.Random(seed)
    return [story(i, rng) for i in range(1, n + 1)]


def meta_yaml(s: Story) -> str:
    """The metadata file of a story: title, place, agency and its publication date."""
    return (
        f"title: {s.topic} project near {s.place}\nplace: {s.place}\nagency: {s.agency}\n"
        f"published:\n  date: {s.published.isoformat()}\n  precision: day\n"
        f"  how_known: generated\n"
    )


def write_stories(out: str | Path, n: int, *, seed: int = 15) -> list[Story]:
    """Write N stories as DIR/story_NNNNN.txt with their .meta.yaml; return them."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    made = stories(n, seed=seed)
    for s in made:
        (out / f"{s.doc_id}.txt").write_text(s.text, encoding="utf-8")
        (out / f"{s.doc_id}.meta.yaml").write_text(meta_yaml(s), encoding="utf-8")
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m analysis.corpus.generate", description=__doc__)
    ap.add_argument("n", type=int, help="how many stories")
    ap.add_argument("out", help="the folder to write them to (created if missing)")
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args(argv)
    write_stories(args.out, args.n, seed=args.seed)
    print(f"wrote {args.n} stories to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
